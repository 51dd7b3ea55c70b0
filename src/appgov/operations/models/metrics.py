"""Daily running figures of an app, one row per app × day × metric (× version × platform), and the upload
(API batch or file) each row came with."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned

# The whole-app figure of a day has no version and no platform; breakdowns carry one or both.
ALL = ""


class Metric(models.TextChoices):
    DAU = "dau", _("Daily active users")
    MAU = "mau", _("Monthly active users")
    NEW_INSTALLS = "new_installs", _("New installs")
    CRASH_RATE = "crash_rate", _("Crash rate (%)")
    ANR_RATE = "anr_rate", _("ANR rate (%)")
    AVAILABILITY = "availability", _("Back-end availability (%)")
    P95_MS = "p95_ms", _("p95 response time (ms)")
    RATING = "rating", _("Store rating")
    RATING_COUNT = "rating_count", _("Rating count")
    COMPLAINTS = "complaints", _("Complaints")


# Metrics that are percentages (0–100) or a store rating (0–5): the import refuses values outside the range.
RANGES = {
    Metric.CRASH_RATE: (0, 100),
    Metric.ANR_RATE: (0, 100),
    Metric.AVAILABILITY: (0, 100),
    Metric.RATING: (0, 5),
}
# Counts: whole numbers, never negative.
COUNTS = {Metric.DAU, Metric.MAU, Metric.NEW_INSTALLS, Metric.RATING_COUNT, Metric.COMPLAINTS}


class MetricUpload(InstitutionOwned):
    """One batch as received (API or file): who sent it, its hash and what it covered. The rows are kept as
    DailyMetric; this record is what the change log sees."""

    institution_path = "institution"

    class Source(models.TextChoices):
        API = "api", _("API batch")
        CSV = "csv", _("CSV file")
        XLSX = "xlsx", _("Excel file")
        JSONL = "jsonl", _("JSON Lines file")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    replaced = models.PositiveIntegerField(_("rows replaced"), default=0)
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    apps = models.PositiveIntegerField(_("apps"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("metrics upload")
        verbose_name_plural = _("metrics uploads")

    def __str__(self):
        return f"{self.get_source_display()} {self.first_day}–{self.last_day} ({self.rows})"


class DailyMetric(InstitutionOwned):
    """One figure of one app on one day. Re-sending a day replaces the app's rows of that day."""

    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="daily_metrics"
    )
    day = models.DateField(_("day"))
    metric = models.CharField(_("metric"), max_length=16, choices=Metric.choices)
    version = models.CharField(_("version"), max_length=40, blank=True, default=ALL)
    platform = models.CharField(_("platform"), max_length=20, blank=True, default=ALL)
    value = models.FloatField(_("value"))
    upload = models.ForeignKey(
        MetricUpload, verbose_name=_("upload"), on_delete=models.PROTECT, related_name="metrics"
    )

    class Meta:
        ordering = ["app", "metric", "day"]
        constraints = [
            # also the index of an app's page (app, metric, day range) and of the nightly run
            models.UniqueConstraint(
                fields=["app", "metric", "day", "version", "platform"], name="dailymetric_unique"
            )
        ]
        # covering: an app's days (the chart, the institution view, the nightly run, the replacement of a re-sent
        # day, the last day received) are read from the index alone, without touching the table
        indexes = [
            models.Index(
                fields=["app", "day", "metric", "version", "platform", "value"], name="dailymetric_app_day"
            )
        ]
        verbose_name = _("daily metric")
        verbose_name_plural = _("daily metrics")

    def __str__(self):
        return f"{self.app_id} {self.day} {self.metric}={self.value}"
