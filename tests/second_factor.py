"""Test sessions of users who need a second factor: force_login and the second factor passed, as the
two-factor page would after a right code (users/twofactor.py; the pages themselves are tested in
tests/issue12)."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from appgov.users import twofactor


def force_login(client, user):
    client.force_login(user)
    if twofactor.required(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=twofactor.DEVICE_NAME, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def current_code(secret_base32: str, offset_steps: int = 0) -> str:
    """The six-digit TOTP code an authenticator app would show now for this key (RFC 6238, 30 s)."""
    import base64

    from django_otp.oath import totp

    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    return f"{totp(key, step=30, t0=0, digits=6, drift=offset_steps):06d}"


def enrol_in_browser(page) -> str:
    """On the enrolment page: read the key shown beside the QR code, enter the app's code, continue past the
    recovery codes. Returns the key (base32)."""
    secret = page.locator("#totp-secret").inner_text().strip()
    page.fill("#id_token", current_code(secret))
    page.click("#two-factor-confirm")
    page.wait_for_selector("#recovery-codes")
    page.click("#recovery-continue")
    return secret
