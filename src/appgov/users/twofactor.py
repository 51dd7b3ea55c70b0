"""TOTP second factor (django-otp): required for the roles in APPGOV_2FA_REQUIRED_ROLES (administrators and
regulator examiners by default), optional for everyone else; once a user has enrolled, it is required of them.

A user enrols by scanning a QR code (SVG made here by segno, no outside service) or typing the secret into an
authenticator app, and confirms with one code; they then get ten single-use recovery codes. Enrolment and
new recovery codes are entries in the change log of the user (never the secret or the codes themselves).
API tokens keep working as issued; a token is issued from a verified session, or by `POST /api/auth/token/`
with the current code (`otp`) for a user who has the second factor."""

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry

DEVICE_NAME = "authenticator"
RECOVERY_NAME = "recovery"
RECOVERY_CODES = 10


def required_by_role(user) -> bool:
    return getattr(user, "role", None) in set(settings.APPGOV_2FA_REQUIRED_ROLES)


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_enrol_again(user) -> bool:
    """An administrator reset this user's second factor: they enrol again before anything else."""
    return getattr(user, "second_factor_reset_at", None) is not None


def required(user) -> bool:
    """Must this signed-in user pass a second factor before using the application?"""
    return bool(user and user.is_authenticated) and (
        required_by_role(user) or enrolled(user) or must_enrol_again(user)
    )


def pending_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being enrolled (a new secret each time enrolment starts over)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL of the device as an inline SVG QR code, made locally."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def secret_base32(device: TOTPDevice) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode().rstrip("=")


def confirm(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm enrolment with one code from the app; returns the new recovery codes, or None for a wrong code.
    Any earlier authenticator of the user is replaced."""
    if not device.verify_token((token or "").strip().replace(" ", "")):
        return None
    user = device.user
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()
        codes = _replace_recovery_codes(user)
        before = {"two_factor": False}
        if must_enrol_again(user):
            before["second_factor_reset_at"] = user.second_factor_reset_at.isoformat()
            type(user).objects.filter(pk=user.pk).update(second_factor_reset_at=None)
            user.second_factor_reset_at = None
        _log(user, before, {"two_factor": True, "recovery_codes": len(codes)})
    return codes


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes (the old ones stop working); shown once."""
    with transaction.atomic():
        before = StaticToken.objects.filter(device__user=user, device__name=RECOVERY_NAME).count()
        codes = _replace_recovery_codes(user)
        _log(
            user,
            {"recovery_codes": before, "renewed": False},
            {"recovery_codes": len(codes), "renewed": True},
        )
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_NAME).count()


def remove(user, actor) -> None:
    """Remove the user's second factor (only where their role does not require it)."""
    with transaction.atomic():
        remove_devices(user)
        _log(user, {"two_factor": True}, {"two_factor": False}, actor)


def remove_devices(user) -> None:
    """The authenticator and the recovery codes go; a session verified with them is no longer verified."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def match(user, token: str):
    """The device (authenticator or a recovery code, which is then used up) that accepts token, or None.
    django-otp throttles a device after failures, so codes cannot be guessed."""
    token = (token or "").strip().replace(" ", "")
    if not token:
        return None
    return match_token(user, token)


def has_devices(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def _replace_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _log(user, before: dict, after: dict, actor=None) -> None:
    changelog.record(user, ChangeLogEntry.Action.UPDATE, before, after, actor or user)
