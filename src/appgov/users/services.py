"""Writes of user accounts by the institution's administrator: create, change role or department, deactivate
and reactivate, set a new password. Every write is logged (the password as a digest, see User)."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core.models.fields import TEXT_LIMIT
from appgov.core.roles import REGULATOR_ROLES, Role

from .models import User

# roles an institution's administrator may give; examiners belong to a regulator office, not an institution
INSTITUTION_ROLES = [(value, label) for value, label in Role.choices if value not in REGULATOR_ROLES]


def _check_password(password: str, user) -> None:
    """Django's password rules, with their refusals named on the password field."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc


class UserService(core_services.ModelService):
    model = User

    def prepare(self, obj, actor, data: dict) -> None:
        super().prepare(obj, actor, data)
        obj.username = (obj.username or "").strip()
        if obj.role in REGULATOR_ROLES:
            raise ValidationError({"role": _("Regulator examiners are not staff of an institution.")})
        if obj.department_id and obj.department.institution_id != obj.institution_id:
            raise ValidationError({"department": _("belongs to another institution")})

    def create(self, actor, data: dict):
        data = dict(data)
        password = data.pop("password", None)
        if not password:
            raise ValidationError({"password": _("A new account needs an initial password.")})
        user = self.model(**{k: v for k, v in data.items()})
        self.prepare(user, actor, data)
        if User.objects.filter(username__iexact=user.username).exists():
            raise ValidationError({"username": _("This user name is taken.")})
        _check_password(password, user)
        user.set_password(password)
        return core_services.save(user, actor, exclude_validation=["password"])

    def update(self, obj, actor, data: dict):
        data = {k: v for k, v in data.items() if k not in ("password", "username", "institution")}
        return super().update(obj, actor, data)

    def check_editable(self, obj, actor) -> None:
        if actor is None:
            return
        if obj.regulator_office_id:
            raise ValidationError(_("Examiner accounts are managed by their regulator office."))

    def save_object(self, obj, actor, m2m: dict):
        if actor is not None and obj.pk == actor.pk:
            if not obj.is_active:
                raise ValidationError({"is_active": _("You cannot deactivate your own account.")})
            if obj.role != Role.ADMINISTRATOR:
                raise ValidationError({"role": _("You cannot take the administrator role from yourself.")})
        stored = User.objects.filter(pk=obj.pk).first() if obj.pk else None
        if stored and stored.role == Role.ADMINISTRATOR and stored.is_active:
            leaves_admin = obj.role != Role.ADMINISTRATOR or not obj.is_active
            others = (
                User.objects.filter(
                    institution_id=obj.institution_id, role=Role.ADMINISTRATOR, is_active=True
                )
                .exclude(pk=obj.pk)
                .exists()
            )
            if leaves_admin and not others:
                raise ValidationError(_("The institution would be left without an active administrator."))
        return core_services.save(obj, actor, exclude_validation=["password"], m2m=m2m)

    def set_active(self, obj, actor, active: bool):
        return self.update(obj, actor, {"is_active": active})

    def set_password(self, obj, actor, password: str):
        """A new password chosen by the administrator (the user should change it at the next login)."""
        from django.db import transaction

        with transaction.atomic():
            obj = core_services.lock(obj)
            self.check_editable(obj, actor)
            _check_password(password, obj)
            obj.set_password(password)
            return core_services.save(obj, actor, exclude_validation=["password"])

    def reset_second_factor(self, obj, actor, reason: str):
        """An administrator clears another user's second factor (a lost phone, used-up recovery codes): the
        authenticator and recovery codes go, and the user must enrol again at the next sign-in whatever their
        role. The reason is kept in the user's change log; nobody resets their own this way (they have their
        own two-factor page, which needs the current code)."""
        from django.db import transaction
        from django.utils import timezone

        from appgov.core import changelog
        from appgov.core.models import ChangeLogEntry

        from . import twofactor

        if actor is not None and getattr(actor, "role", None) != Role.ADMINISTRATOR:
            raise PermissionDenied(_("Only an administrator may reset another user's second factor."))
        if actor is not None and obj.pk == actor.pk:
            raise ValidationError(
                _("You cannot reset your own second factor here: use your own two-factor page.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": [_("Give the reason for resetting the second factor.")]})
        try:
            MaxLengthValidator(TEXT_LIMIT)(reason)
        except ValidationError as exc:
            raise ValidationError({"reason": exc.messages}) from exc
        with transaction.atomic():
            obj = core_services.lock(obj)
            core_services.check_can_write(actor, obj)
            self.check_editable(obj, actor)
            if not obj.is_active:
                raise ValidationError(_("This account cannot sign in; reactivate it first."))
            before = {
                "two_factor": twofactor.enrolled(obj),
                "recovery_codes": twofactor.recovery_codes_left(obj),
                "second_factor_reset_at": None,
            }
            twofactor.remove_devices(obj)
            obj.second_factor_reset_at = timezone.now()
            User.objects.filter(pk=obj.pk).update(second_factor_reset_at=obj.second_factor_reset_at)
            after = {
                "two_factor": False,
                "recovery_codes": 0,
                "second_factor_reset_at": obj.second_factor_reset_at.isoformat(),
                "reason": reason,
            }
            changelog.record(obj, ChangeLogEntry.Action.UPDATE, before, after, actor)
        return obj

    def check_deletable(self, obj, actor) -> None:
        raise ValidationError(_("User accounts are kept for the record: deactivate instead of deleting."))


users = UserService()
