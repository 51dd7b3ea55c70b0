"""Generic writes that every app's services build on: validate, save, and log, in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core.roles import can_write

from . import changelog, retention
from .models import ChangeLogEntry
from .models.voidable import retirable, voidable


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
    if isinstance(obj_or_model, models.Model) and getattr(type(obj_or_model), "office_path", None):
        office = obj_or_model
        for part in type(obj_or_model).office_path.split("__"):
            office = getattr(office, part, None)
        if office is None or office.pk != actor.regulator_office_id:
            raise PermissionDenied(_("This record belongs to another regulator office."))
        return
    if isinstance(obj_or_model, models.Model):
        owner = changelog.institution_of(obj_or_model)
        if owner is not None and owner != actor.institution_id:
            raise PermissionDenied(_("This record belongs to another institution."))


def save(
    obj: models.Model,
    actor=None,
    *,
    exclude_validation: list[str] | None = None,
    m2m: dict[str, list] | None = None,
) -> models.Model:
    """Create or update obj after full validation; the change log records before and after.

    m2m: many-to-many values to set with the save (field name -> objects or ids); they are part of the
    same change-log entry, so a change of members is never silent.
    """
    check_can_write(actor, obj)
    obj.full_clean(exclude=exclude_validation)
    with transaction.atomic():
        before = None
        if obj.pk is not None:
            old = type(obj)._default_manager.filter(pk=obj.pk).first()
            if old is not None:
                refuse_voided(old)  # a voided row is kept as it was, whatever the write path
            before = changelog.snapshot(old) if old is not None else None
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
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


def delete(obj: models.Model, actor=None, reason: str = "") -> None:
    """Delete obj, logging it and every row the delete cascades to, one entry each (issue 12 item 1).

    A record kept for the record (core.retention) is refused unless it is a mistaken entry with no history,
    voided with a reason; the reason is stored in its entry (after = {"void_reason": …})."""
    check_can_write(actor, obj)
    retention.check_voidable(obj, reason)
    if retention.kept_for_record(type(obj)):
        if not voidable(obj):
            # no physical deletion of a kept record by anyone (docs/retention.md): a kept model a user may
            # remove must carry the voided state (core.models.voidable.Voidable)
            raise ValidationError(
                _("%(what)s are kept for the record and are never deleted.")
                % {"what": obj._meta.verbose_name_plural}
            )
        void(obj, actor, reason)  # the row stays, marked voided with who, when and why
        return
    with transaction.atomic():
        try:
            removed, cleared = retention.cascade_rows(obj)
        except models.ProtectedError as exc:
            raise _still_referenced(obj, exc) from exc
        kept = [row for row in removed if retention.kept_for_record(type(row))]
        if kept:
            raise ValidationError(
                _("%(record)s cannot be deleted: it would remove %(names)s, which are kept for the record.")
                % {"record": obj, "names": ", ".join(sorted({str(r) for r in kept[:5]}))}
            )
        after = {"void_reason": reason.strip()} if reason and reason.strip() else None
        # every other row the delete touches gets its own entry: removed rows with their content, rows whose
        # reference is cleared with the field before and after
        changes = [(row, ChangeLogEntry.Action.DELETE, changelog.snapshot(row), {"cascade_of": _ref(obj)})
                   for row in removed]  # fmt: skip
        for row, attname in cleared:
            old_value = changelog.snapshot(row).get(attname)
            changes.append((row, ChangeLogEntry.Action.UPDATE, {attname: old_value},
                            {attname: None, "cascade_of": _ref(obj)}))  # fmt: skip
        changelog.record(obj, ChangeLogEntry.Action.DELETE, changelog.snapshot(obj), after, actor)
        changelog.record_many(changes, actor)
        try:
            obj.delete()
        except models.ProtectedError as exc:
            raise _still_referenced(obj, exc) from exc


def void(obj: models.Model, actor=None, reason: str = "") -> models.Model:
    """Mark a mistaken entry voided (core.models.voidable): the row stays with who voided it, when and why;
    one change-log entry. Refused while a record that is not voided itself still refers to it."""
    check_can_write(actor, obj)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for voiding this mistaken entry.")]})
    with transaction.atomic():
        obj = lock(obj)
        if obj.voided_at is not None:
            raise ValidationError(_("%(record)s is already voided.") % {"record": obj})
        try:
            retention.cascade_rows(obj)
        except models.ProtectedError as exc:
            live = [row for row in exc.protected_objects if getattr(row, "voided_at", None) is None]
            if live:
                raise _still_referenced(obj, models.ProtectedError("", live)) from exc
        obj.voided_at = timezone.now()
        obj.voided_by = actor
        obj.void_reason = reason
        return save(obj, actor)


def retire(obj: models.Model, actor=None, reason: str = "", **changes) -> models.Model:
    """Retire a record that had a life (core.models.voidable.Retirable) instead of deleting it: it stays, marked
    retired with who, when and why, and no longer counts; `changes` are set with it (e.g. a version's support
    status). One change-log entry."""
    check_can_write(actor, obj)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for retiring this record.")]})
    with transaction.atomic():
        obj = lock(obj)
        if obj.retired_at is not None:
            raise ValidationError(_("%(record)s is already retired.") % {"record": obj})
        if getattr(obj, "voided_at", None) is not None:
            raise ValidationError(_("%(record)s is voided.") % {"record": obj})
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.retired_at = timezone.now()
        obj.retired_by = actor
        obj.retire_reason = reason
        return save(obj, actor)


def _ref(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _still_referenced(obj, exc) -> ValidationError:
    names = ", ".join(sorted({str(o) for o in list(exc.protected_objects)[:5]}))
    return ValidationError(
        _("%(record)s cannot be deleted: it is still referenced by %(names)s.")
        % {"record": obj, "names": names}
    )


def history(obj: models.Model):
    return ChangeLogEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")


class ModelService:
    """The writes of one model. Pages, the API, imports and jobs all call the same instance, so a rule
    written here holds whatever the entry point. Subclasses override `check_editable` / `check_deletable`
    (refusals name the reason) or the methods themselves (extra rules, related records)."""

    model: type[models.Model] | None = None

    def __init__(self, model: type[models.Model] | None = None):
        if model is not None:
            self.model = model
        if self.model is None:
            raise TypeError(f"{type(self).__name__} needs a model")

    # rules -----------------------------------------------------------------------------------------
    def check_editable(self, obj, actor) -> None:
        """Raise ValidationError (with the reason) when obj may no longer be changed."""

    def check_deletable(self, obj, actor) -> None:
        """Raise ValidationError (with the reason) when obj may not be deleted."""

    def prepare(self, obj, actor, data: dict) -> None:
        """Set derived fields before validation (e.g. the institution from the actor)."""
        if (
            getattr(self.model, "institution_path", None) == "institution"
            and getattr(obj, "institution_id", None) is None
            and actor is not None
            and getattr(actor, "institution_id", None)
        ):
            obj.institution_id = actor.institution_id

    # writes ----------------------------------------------------------------------------------------
    def create(self, actor, data: dict):
        plain, m2m = self._split(data)
        obj = self.model()
        _assign(obj, plain)
        self.prepare(obj, actor, data)
        return self.save_object(obj, actor, m2m)

    def update(self, obj, actor, data: dict):
        with transaction.atomic():
            obj = lock(obj)
            refuse_voided(obj)
            self.check_editable(obj, actor)
            plain, m2m = self._split(data)
            _assign(obj, plain)
            self.prepare(obj, actor, data)
            return self.save_object(obj, actor, m2m)

    def delete(self, obj, actor, reason: str = "") -> None:
        """Delete obj; a record kept for the record only as a mistaken entry voided with a reason
        (core.retention)."""
        with transaction.atomic():
            obj = lock(obj)
            self.check_deletable(obj, actor)
            check_can_write(actor, obj)
            retention.check_voidable(obj, reason)
            self.delete_object(obj, actor, reason)
            if retention.kept_for_record(type(obj)) and voidable(obj):
                # a kept record is only ever voided: what was derived from it is derived again without it
                self.after_void(type(obj)._base_manager.get(pk=obj.pk), actor)

    def after_void(self, obj, actor) -> None:
        """obj, a mistaken entry, was just voided: recompute what the module derives from the live rows (an
        account's last review date…), as a new row would. Runs in the void's transaction."""

    def retire(self, obj, actor, reason: str = ""):
        """Retire a record that had a life, with a reason (only models that are Retirable)."""
        if not retirable(obj):
            raise ValidationError(
                _("%(what)s have no retire step.") % {"what": self.model._meta.verbose_name_plural}
            )
        return retire(obj, actor, reason, **self.retire_changes(obj))

    def retire_changes(self, obj) -> dict:
        """Fields a module sets with the retirement (a version's support status)."""
        return {}

    def save_object(self, obj, actor, m2m: dict):
        return save(obj, actor, m2m=m2m)

    def delete_object(self, obj, actor, reason: str = "") -> None:
        delete(obj, actor, reason)

    def form_data(self, form) -> dict:
        """What an edit form changes, as the data a create/update takes (the form's model fields only)."""
        names = {f.name for f in self.model._meta.get_fields() if getattr(f, "editable", False)}
        return {k: v for k, v in form.cleaned_data.items() if k in names}

    def _split(self, data: dict) -> tuple[dict, dict]:
        m2m_names = {f.name for f in self.model._meta.many_to_many}
        return (
            {k: v for k, v in data.items() if k not in m2m_names},
            {k: v for k, v in data.items() if k in m2m_names},
        )


class FunctionService(ModelService):
    """A ModelService whose save, delete and edit refusal are a module's own functions taking (obj, actor)
    (the refusal takes the stored obj and returns the reason, or "")."""

    def __init__(self, model, *, save=None, delete=None, refusal=None, deletable=True):
        super().__init__(model)
        self._save, self._delete, self._refusal, self._deletable = save, delete, refusal, deletable

    def check_editable(self, obj, actor) -> None:
        problem = self._refusal(obj) if self._refusal else ""
        if problem:
            raise ValidationError(problem)

    def check_deletable(self, obj, actor) -> None:
        if not self._deletable:
            raise ValidationError(
                _("%(what)s are kept for the record: retire or withdraw instead of deleting.")
                % {"what": self.model._meta.verbose_name_plural}
            )

    def save_object(self, obj, actor, m2m: dict):
        if self._save is None:
            return super().save_object(obj, actor, m2m)
        if m2m:
            raise ValidationError(_("This record has no many-to-many fields to set."))
        return self._save(obj, actor)

    def delete_object(self, obj, actor, reason: str = "") -> None:
        if self._delete is None:
            delete(obj, actor, reason)
        else:
            self._delete(obj, actor)


class OfficeModelService(ModelService):
    """The writes of one regulator-owned model (core.models.owned.OfficeOwned): the office is the actor's, a
    regulator user writes only their own office's rows with a role OFFICE_WRITE_ROLES allows (check_can_write),
    and every institution the record names must be in the actor's jurisdiction (`institution_fields`).
    Everything else (full_clean, select_for_update, one change-log entry, m2m) is ModelService's."""

    institution_fields: tuple[str, ...] = ()  # foreign keys / many-to-many to core.Institution
    app_fields: tuple[
        str, ...
    ] = ()  # foreign keys / many-to-many to ledger.MobileApp (its institution counts)

    def prepare(self, obj, actor, data: dict) -> None:
        own_field = getattr(self.model, "office_path", None) == "office"
        if own_field and obj.office_id is None and actor is not None and actor.regulator_office_id:
            obj.office_id = actor.regulator_office_id

    def save_object(self, obj, actor, m2m: dict):
        self.check_jurisdiction(obj, actor, m2m)
        return super().save_object(obj, actor, m2m)

    def check_jurisdiction(self, obj, actor, m2m: dict | None = None) -> None:
        """Refuse (naming the field) an institution or app outside the actor's jurisdiction."""
        if actor is None:
            return
        allowed = set(actor.jurisdiction_institution_ids())
        errors = {}
        for name in self.institution_fields + self.app_fields:
            field = self.model._meta.get_field(name)
            if field.many_to_many:
                values = (m2m or {}).get(name, [])
            else:
                values = [getattr(obj, name, None)] if getattr(obj, field.attname, None) is not None else []
            for value in values:
                value = (
                    value
                    if isinstance(value, models.Model)
                    else field.related_model._default_manager.get(pk=value)
                )
                institution_id = value.pk if name in self.institution_fields else value.institution_id
                if institution_id not in allowed:
                    errors.setdefault(name, []).append(
                        _("“%(value)s” is not in your office's jurisdiction.") % {"value": value}
                    )
        if errors:
            raise ValidationError(errors)


def refuse_voided(obj) -> None:
    if getattr(obj, "voided_at", None) is not None:
        raise ValidationError(
            _("%(record)s was voided (%(reason)s) and is kept as it was.")
            % {"record": obj, "reason": obj.void_reason}
        )


def _assign(obj, data: dict) -> None:
    for name, value in data.items():
        field = obj._meta.get_field(name) if name in {f.name for f in obj._meta.concrete_fields} else None
        if isinstance(field, models.FileField):
            field.save_form_data(obj, value)  # False clears, None / the stored file keeps it
        else:
            setattr(obj, name, value)


def lock(obj: models.Model) -> models.Model:
    """obj read again under a row lock (inside the caller's transaction): a decision is taken on the row as it
    is now, not on a copy read before someone else changed it.

    FOR NO KEY UPDATE, not FOR UPDATE: inserting a row that refers to obj takes a KEY SHARE lock on it, which FOR
    UPDATE blocks; a job holding the change log's head and then inserting such a row deadlocked with an edit
    holding obj and waiting for the head (tests/issue12/test_edit_lock_no_deadlock.py)."""
    if obj.pk is None:
        return obj
    return type(obj)._default_manager.select_for_update(no_key=True).get(pk=obj.pk)


def _tenancy_services():
    from .models import Department, Institution, Person

    return ModelService(Institution), ModelService(Department), ModelService(Person)


institutions, departments, people = _tenancy_services()
