"""Generic writes that every app's services build on: validate, save, and log, in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from appgov.users.roles import can_write

from . import changelog
from .models import ChangeLogEntry


def check_can_write(actor, obj_or_model) -> None:
    """Refuse a write by a user whose role does not allow it or who reaches outside their institution.

    actor None means the system itself (a job or a command run by an operator), which may write.
    """
    if actor is None:
        return
    label = obj_or_model._meta.label_lower
    if not can_write(actor, label):
        raise PermissionDenied(
            _("The role “%(role)s” may not change %(what)s.")
            % {"role": actor.get_role_display(), "what": obj_or_model._meta.verbose_name_plural}
        )
    if isinstance(obj_or_model, models.Model):
        owner = changelog.institution_of(obj_or_model)
        if owner is not None and owner != actor.institution_id:
            raise PermissionDenied(_("This record belongs to another institution."))


def save(obj: models.Model, actor=None, *, exclude_validation: list[str] | None = None) -> models.Model:
    """Create or update obj after full validation; the change log records before and after."""
    check_can_write(actor, obj)
    obj.full_clean(exclude=exclude_validation)
    with transaction.atomic():
        before = None
        if obj.pk is not None:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = changelog.snapshot(old) if old is not None else None
        obj.save()
        after = changelog.snapshot(obj)
        if _meaningful_change(obj, before, after):
            action = ChangeLogEntry.Action.CREATE if before is None else ChangeLogEntry.Action.UPDATE
            changelog.record(obj, action, before, after, actor)
    return obj


def _meaningful_change(obj, before: dict | None, after: dict) -> bool:
    """A save that only moved auto_now timestamps is not a change worth an entry."""
    if before is None:
        return True
    stamps = {f.attname for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)}
    return any(before.get(k) != after.get(k) for k in set(before) | set(after) if k not in stamps)


def update(obj: models.Model, actor=None, **fields) -> models.Model:
    for name, value in fields.items():
        if not hasattr(obj, name):
            raise ValidationError({name: _("There is no field “%(name)s”.") % {"name": name}})
        setattr(obj, name, value)
    return save(obj, actor)


def delete(obj: models.Model, actor=None) -> None:
    check_can_write(actor, obj)
    with transaction.atomic():
        before = changelog.snapshot(obj)
        entry_obj = obj
        changelog.record(entry_obj, ChangeLogEntry.Action.DELETE, before, None, actor)
        try:
            obj.delete()
        except models.ProtectedError as exc:
            names = ", ".join(sorted({str(o) for o in list(exc.protected_objects)[:5]}))
            raise ValidationError(
                _("%(record)s cannot be deleted: it is still referenced by %(names)s.")
                % {"record": obj, "names": names}
            ) from exc


def history(obj: models.Model):
    return ChangeLogEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
