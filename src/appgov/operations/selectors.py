"""What the metrics pages read: an app's series (aggregated in SQL, downsampled for long ranges) and the
institution view (each app's recent figures), both on the (app, metric, day) index."""

import datetime
from collections import defaultdict

from django.db.models import Avg, DateField, Func, Max, Sum
from django.db.models.functions import TruncMonth, TruncWeek

from appgov.ledger.models import MobileApp

from .models import Breach, DailyMetric, Metric
from .models.metrics import ALL

RANGES = {"90d": 90, "1y": 365, "3y": 3 * 365, "all": None}


class PeriodStart(Func):
    """The Monday of a date's week or the first day of its month, computed by the database itself. Django's
    TruncWeek / TruncMonth call a Python function per row on SQLite (three years of an app: 11,000 calls);
    SQLite's date() and PostgreSQL's DATE_TRUNC do it natively."""

    output_field = DateField()

    def __init__(self, expression, period: str):
        if period not in ("week", "month"):
            raise ValueError(period)
        self.period = period
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):
        trunc = TruncWeek if self.period == "week" else TruncMonth
        return compiler.compile(trunc(*self.get_source_expressions(), output_field=DateField()))

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        # a week starts on Monday: six days back, then forward to the next Monday (the day itself if Monday)
        modifiers = "'-6 days', 'weekday 1'" if self.period == "week" else "'start of month'"
        return f"date({sql}, {modifiers})", params

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"(DATE_TRUNC('{self.period}', {sql}))::date", params


def bucket_for(days: int) -> str:
    """Daily points up to half a year, weekly up to three years, monthly beyond (≤ ~180 points a series)."""
    if days <= 183:
        return "day"
    if days <= 3 * 366:
        return "week"
    return "month"


def app_series(app, range_key: str = "1y") -> dict:
    """{"bucket", "first", "last", "labels": [...], "series": {metric: [value | None, ...]}} for the whole-app
    figures of the range ending on the app's last received day."""
    rows = DailyMetric.objects.filter(app=app, version=ALL, platform=ALL)
    last = DailyMetric.objects.filter(app=app).aggregate(d=Max("day"))["d"]  # the (app, day, …) index alone
    if last is None:
        return {"bucket": "day", "first": None, "last": None, "labels": [], "series": {}}
    span = RANGES.get(range_key, 365)
    first = (
        last - datetime.timedelta(days=span - 1)
        if span
        else rows.order_by("day").values_list("day", flat=True)[0]
    )
    bucket = bucket_for((last - first).days + 1)
    rows = rows.filter(day__gte=first, day__lte=last)
    if bucket == "day":
        data = rows.values_list("metric", "day", "value")
    else:
        data = (
            rows.annotate(b=PeriodStart("day", bucket))
            .values("metric", "b")
            .annotate(v=Avg("value"))
            .values_list("metric", "b", "v")
        )
    points: dict[str, dict] = defaultdict(dict)
    labels = set()
    for metric, when, value in data:
        when = when.date() if isinstance(when, datetime.datetime) else when
        points[metric][when] = value
        labels.add(when)
    ordered = sorted(labels)
    series = {
        metric: [round(points[metric][d], 4) if d in points[metric] else None for d in ordered]
        for metric in Metric.values
        if metric in points
    }
    return {
        "bucket": bucket,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "labels": [d.isoformat() for d in ordered],
        "series": series,
    }


def overview(user, today: datetime.date, days: int = 30) -> dict:
    """Each live app the user may see with its last day received and the means of the last `days` days, the
    open breaches, and the daily total of active users of those apps."""
    apps = list(
        MobileApp.objects.for_user(user)
        .filter(state__in=["released", "in_operation", "retiring"])
        .select_related("institution")
        .order_by("institution__name", "code")
    )
    ids = [a.pk for a in apps]
    cutoff = today - datetime.timedelta(days=days)
    means: dict[int, dict] = defaultdict(dict)
    last_day: dict[int, datetime.date] = {}
    for app_id, metric, mean, latest in (
        DailyMetric.objects.filter(app_id__in=ids, version=ALL, platform=ALL, day__gte=cutoff)
        .values("app_id", "metric")
        .annotate(mean=Avg("value"), latest=Max("day"))
        .values_list("app_id", "metric", "mean", "latest")
    ):
        means[app_id][metric] = mean
        last_day[app_id] = max(latest, last_day.get(app_id, latest))
    open_breaches = defaultdict(int)
    for app_id in Breach.objects.filter(app_id__in=ids, status=Breach.Status.OPEN).values_list(
        "app_id", flat=True
    ):
        open_breaches[app_id] += 1
    rows = [
        {
            "app": a,
            "last_day": last_day.get(a.pk),
            "m": means.get(a.pk, {}),
            "open_breaches": open_breaches[a.pk],
        }
        for a in apps
    ]
    totals = (
        DailyMetric.objects.filter(
            app_id__in=ids, metric=Metric.DAU, version=ALL, platform=ALL, day__gte=cutoff
        )
        .values("day")
        .annotate(total=Sum("value"))
        .order_by("day")
        .values_list("day", "total")
    )
    return {
        "rows": rows,
        "chart": {"labels": [d.isoformat() for d, _t in totals], "values": [t for _d, t in totals]},
    }
