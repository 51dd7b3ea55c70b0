"""Thresholds: their writes, the nightly evaluation that records breaches, and the handling of a breach."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Max, Min, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import extensions
from appgov.core import services as core
from appgov.core.services import ModelService, lock
from appgov.ledger.models import MobileApp

from ..models import Breach, DailyMetric, Threshold
from ..models.metrics import ALL
from ..taxonomy import policy
from .bulk import create_logged

AGGREGATES = {"mean": Avg, "sum": Sum, "min": Min, "max": Max}


class ThresholdService(ModelService):
    model = Threshold

    def check_deletable(self, obj, actor):
        if obj.breaches.exists():
            raise ValidationError(
                _(
                    "A threshold with breaches is kept for the record: make it inactive instead of deleting it."
                )
            )


class BreachService(ModelService):
    model = Breach

    def check_editable(self, obj, actor):
        if obj.status == Breach.Status.HANDLED:
            raise ValidationError(_("This breach was handled already."))

    def check_deletable(self, obj, actor):
        raise ValidationError(_("Breaches are kept for the record: record how one was handled instead."))

    def handle(self, breach, actor, handling: str) -> Breach:
        if not (handling or "").strip():
            raise ValidationError({"handling": _("Say how the breach was handled.")})
        with transaction.atomic():
            breach = lock(breach)
            self.check_editable(breach, actor)
            breach.status = Breach.Status.HANDLED
            breach.handling = handling.strip()
            breach.handled_on = timezone.localdate()
            breach.handled_by = actor
            return core.save(breach, actor)


thresholds = ThresholdService()
breaches = BreachService()


def previous_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    last = today.replace(day=1) - datetime.timedelta(days=1)
    return last.replace(day=1), last


def evaluate(institution, today: datetime.date | None = None) -> int:
    """Record the breaches of the institution's active thresholds: day thresholds over the last
    `lookback_days` days, month thresholds over the last complete month. Returns the number of new breaches."""
    today = today or timezone.localdate()
    lookback = policy()["thresholds"]["lookback_days"]
    app_ids = list(MobileApp.objects.filter(institution=institution).values_list("pk", flat=True))
    if not app_ids:
        return 0
    found: list[tuple[Threshold, int, datetime.date, datetime.date, float, int]] = []
    for threshold in Threshold.objects.filter(voided_at__isnull=True, institution=institution, active=True):
        compare = "value__lt" if threshold.comparison == Threshold.Comparison.BELOW else "value__gt"
        base = DailyMetric.objects.filter(
            app_id__in=app_ids, metric=threshold.metric, version=ALL, platform=ALL
        )
        if threshold.period == Threshold.Period.DAY:
            rows = base.filter(
                day__gte=today - datetime.timedelta(days=lookback),
                day__lt=today,
                **{compare: threshold.limit},
            ).values_list("app_id", "day", "value")
            found += [(threshold, app_id, day, day, value, 1) for app_id, day, value in rows]
        else:
            first, last = previous_month(today)
            agg = AGGREGATES[threshold.aggregate]("value")
            rows = (
                base.filter(day__gte=first, day__lte=last)
                .values("app_id")
                .annotate(figure=agg, days=Count("id"))
                .filter(**{compare.replace("value", "figure"): threshold.limit})
                .values_list("app_id", "figure", "days")
            )
            found += [(threshold, app_id, first, last, figure, days) for app_id, figure, days in rows]
    if not found:
        return 0
    known = set(
        Breach.objects.filter(
            institution=institution, period_start__gte=today - datetime.timedelta(days=62)
        ).values_list("threshold_id", "app_id", "period_start")
    )
    new = []
    for threshold, app_id, first, last, value, days in found:
        if (threshold.pk, app_id, first) in known:
            continue
        known.add((threshold.pk, app_id, first))
        new.append(
            Breach(
                institution=institution,
                threshold=threshold,
                app_id=app_id,
                period_start=first,
                period_end=last,
                observed=round(value, 6),
                limit=threshold.limit,
                days=days,
                detected_on=today,
                incidents=extensions.lookup("incidents_of_app", app_id, first, last, default=[]),
            )
        )
    return len(create_logged(new))
