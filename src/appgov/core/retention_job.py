"""The nightly retention job (docs/retention.md): physical deletion of derived data past its retention period,
never of a record kept for the record (core.retention). Each purge names the model, the date that ages it,
the setting that overrides its period and the rows it may never touch; the job refuses to run a purge of a
kept model."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import retention


@dataclass(frozen=True)
class Purge:
    label: str  # app_label.model
    aged_by: str  # the date field that ages a row
    setting: str  # a Django setting (days) overriding `days`
    days: int
    keep: Q = field(default_factory=Q)  # rows never purged whatever their age

    def period(self) -> int:
        return int(getattr(settings, self.setting, self.days))


PURGES = [
    Purge("core.processheartbeat", "beat_at", "APPGOV_RETENTION_HEARTBEAT_DAYS", 30),
    Purge("core.scheduledrun", "enqueued_at", "APPGOV_RETENTION_SCHEDULED_RUN_DAYS", 400),
    # store listings as received: a listing that opened a case or is marked as the institution's own build
    # is kept with it; the feed that brought it is a kept record with its hash
    Purge(
        "counterfeit.observedlisting",
        "last_seen_at",
        "APPGOV_RETENTION_OBSERVED_LISTING_DAYS",
        730,
        keep=Q(cases__isnull=False) | Q(unregistered_app__isnull=False) | Q(last_seen_at__isnull=True),
    ),
]


def check_purges(purges=None) -> None:
    for purge in purges if purges is not None else PURGES:
        model = apps.get_model(purge.label)
        if retention.kept_for_record(model):
            raise RuntimeError(f"{purge.label} is kept for the record: the retention job never deletes it")


def purge_derived(now: datetime.datetime | None = None, purges=None) -> dict[str, int]:
    """Delete derived rows older than their retention period; returns {model: rows deleted}."""
    purges = purges if purges is not None else PURGES
    check_purges(purges)
    now = now or timezone.now()
    deleted = {}
    for purge in purges:
        model = apps.get_model(purge.label)
        cutoff = now - datetime.timedelta(days=purge.period())
        old = model._default_manager.filter(**{f"{purge.aged_by}__lt": cutoff}).exclude(purge.keep)
        with transaction.atomic():
            ids = list(old.values_list("pk", flat=True).distinct())
            deleted[purge.label] = model._default_manager.filter(pk__in=ids).delete()[0] if ids else 0
    return deleted
