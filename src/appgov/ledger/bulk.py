"""Bulk edit of the ledger: the same lifecycle-independent fields set on several apps at once, each app through
the app service (its rules and refusals), one change-log entry per app, all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from appgov.core.scoping import scope

from . import services
from .models import MobileApp

# the fields a bulk edit may set: who is responsible and descriptive facts, never the lifecycle state or the
# identifiers of an app
BULK_FIELDS = (
    "managing_department",
    "data_owner_department",
    "responsible_person",
    "audience",
    "is_important_system",
    "vendor",
)
MAX_APPS = 500


def bulk_update(user, ids, data: dict) -> list[MobileApp]:
    """Set `data` (a subset of BULK_FIELDS) on the apps `ids` the user may change. Refused as a whole, naming
    each app and its reason, when any app refuses; nothing is written then."""
    unknown = set(data) - set(BULK_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed in bulk: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    if not data:
        raise ValidationError(_("Choose at least one field to change."))
    ids = sorted({int(i) for i in ids})
    if not ids:
        raise ValidationError(_("Select at least one app."))
    if len(ids) > MAX_APPS:
        raise ValidationError(_("At most %(n)d apps at once.") % {"n": MAX_APPS})
    apps = list(scope(MobileApp.objects.all(), user).filter(pk__in=ids).order_by("code"))
    if len(apps) != len(ids):
        raise ValidationError(_("Some of the selected apps do not exist or are not yours to change."))
    problems, saved = [], []
    with transaction.atomic():
        for app in apps:
            try:
                with transaction.atomic():
                    saved.append(services.apps.update(app, user, dict(data)))
            except ValidationError as exc:
                problems.append(f"{app.code} {app.name}: {'；'.join(exc.messages)}")
        if problems:
            raise ValidationError(problems)
    return saved
