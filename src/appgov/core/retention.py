"""Nothing a regulator may ask for is deleted (issue 12 item 1); docs/retention.md says what is kept how long.

Every logged model of the project (core/logged_models.py decides what is logged) is *kept for the record*
unless it is listed in DELETABLE with the reason. A record kept for the record is retired, withdrawn or
closed through its own workflow (app versions and gate evidence: `retire`, core.models.voidable.Retirable);
the one exception is a mistaken entry: it may be *voided* with a reason while it has no history beyond its
creation and no live record refers to it. A Voidable model keeps the voided row (who, when, why; lists and
the API leave it out unless asked); any other kept model is never deleted (core.services.delete refuses it), so
every kept model a user can send a delete to carries the voided state (tests/issue12 walks the delete routes). Foreign keys between kept records are PROTECT (tests/issue12 walks them), so the
database itself refuses a cascade; whatever a delete still cascades to (derived rows) is logged row by row.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import router
from django.db.models.deletion import Collector
from django.utils.translation import gettext as _

from .logged_models import DERIVED

# Configuration rows a user may delete (still logged, and refused while something refers to them).
DELETABLE: dict[str, str] = {
    "core.department": "the institution's organisation chart; a department still named by a record is PROTECTed",
    "compliance.slapolicy": "the institution's own SLA settings; findings keep the due dates computed from them",
    "counterfeit.brandprofile": "matching settings (keywords, aliases); cases keep what matched",
    "credit.calendarday": "an exception of the credit calendar (a holiday or a 调休 working day), configuration",
    "credit.workinghours": "a branch's standard working hours, configuration",
    "credit.staffsubject": "the mapping of an employee to their subject id, replaced when it changes",
    "ledger.savedfilter": "a user's own saved filter of the ledger list, a preference (its writes are logged)",
}


def kept_for_record(model) -> bool:
    label = model._meta.label_lower
    return (
        model.__module__.startswith("appgov.")
        and label not in DERIVED
        and label not in DELETABLE
        and not model._meta.auto_created
    )


def kept_models() -> list:
    return [m for m in apps.get_models() if kept_for_record(m)]


def history_count(obj) -> int:
    from .models import ChangeLogEntry

    return ChangeLogEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).count()


def check_voidable(obj, reason: str) -> None:
    """Refuse deleting a record kept for the record, unless it is a mistaken entry voided with a reason."""
    if not kept_for_record(type(obj)):
        return
    what = obj._meta.verbose_name
    if getattr(obj, "voided_at", None) is not None:
        raise ValidationError(_("%(what)s “%(record)s” is already voided.") % {"what": what, "record": obj})
    if history_count(obj) > 1:
        raise ValidationError(
            _(
                "%(what)s “%(record)s” has a history and is kept for the record: retire, withdraw or close it "
                "instead of deleting it."
            )
            % {"what": what, "record": obj}
        )
    if not (reason or "").strip():
        raise ValidationError(
            {"reason": [_("Give the reason for voiding this mistaken entry (it is kept in the change log).")]}
        )


def cascade_rows(obj) -> tuple[list, list]:
    """What deleting obj would do to other rows (Django's collector): the rows it would remove (cascades,
    fast deletes included) and the rows whose reference it would clear or reset (SET_NULL, SET_DEFAULT),
    as (row, field name) pairs."""
    collector = Collector(using=router.db_for_write(type(obj), instance=obj), origin=obj)
    collector.collect([obj])
    removed = []
    for _model, instances in collector.data.items():
        removed.extend(i for i in instances if not (type(i) is type(obj) and i.pk == obj.pk))
    for queryset in collector.fast_deletes:
        removed.extend(queryset)
    changed = []
    for (field, _value), groups in collector.field_updates.items():
        for group in groups:
            changed.extend((row, field.attname) for row in group)
    return removed, changed
