"""An institution's thresholds on the daily figures (data, edited on a page), and the breaches the nightly run
finds. An open breach fails NFRA-09.1 for the app, which opens a finding with the numbers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from .metrics import RANGES, Metric


class Threshold(Voidable, InstitutionOwned):
    institution_path = "institution"

    class Comparison(models.TextChoices):
        BELOW = "below", _("below")
        ABOVE = "above", _("above")

    class Period(models.TextChoices):
        DAY = "day", _("any day")
        MONTH = "month", _("a calendar month")

    class Aggregate(models.TextChoices):
        MEAN = "mean", _("mean")
        SUM = "sum", _("sum")
        MIN = "min", _("minimum")
        MAX = "max", _("maximum")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=120)
    metric = models.CharField(_("metric"), max_length=16, choices=Metric.choices)
    comparison = models.CharField(_("breached when"), max_length=5, choices=Comparison.choices)
    limit = models.FloatField(_("limit"))
    period = models.CharField(_("over"), max_length=5, choices=Period.choices, default=Period.DAY)
    aggregate = models.CharField(
        _("month figure"),
        max_length=4,
        choices=Aggregate.choices,
        default=Aggregate.MEAN,
        help_text=_("How a month's daily figures are combined (a day threshold uses the day's figure)."),
    )
    active = models.BooleanField(_("active"), default=True)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["institution", "metric", "name"]
        constraints = [models.UniqueConstraint(fields=["institution", "name"], name="threshold_name_unique")]
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("operations:threshold-detail", args=[self.pk])

    def clean(self):
        low_high = RANGES.get(self.metric)
        if low_high and self.limit is not None and not (low_high[0] <= self.limit <= low_high[1]):
            raise ValidationError(
                {
                    "limit": _("must be between %(low)s and %(high)s")
                    % {"low": low_high[0], "high": low_high[1]}
                }
            )

    def breached_by(self, value: float) -> bool:
        return value < self.limit if self.comparison == self.Comparison.BELOW else value > self.limit

    def describe(self) -> str:
        return f"{self.get_metric_display()} {self.get_comparison_display()} {self.limit:g}"


class Breach(InstitutionOwned):
    """A threshold breached by an app over a day or a month, with the numbers; handled with a note."""

    institution_path = "institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HANDLED = "handled", _("Handled")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    threshold = models.ForeignKey(
        Threshold, verbose_name=_("threshold"), on_delete=models.PROTECT, related_name="breaches"
    )
    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="metric_breaches"
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    observed = models.FloatField(_("observed"))
    limit = models.FloatField(_("limit"))
    days = models.PositiveIntegerField(_("days with figures"))
    detected_on = models.DateField(_("detected on"))
    # incidents of the risk register of that app and period found when the breach was detected
    incidents = models.JSONField(_("incidents"), default=list, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    handled_on = models.DateField(_("handled on"), null=True, blank=True, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    handling = BoundedTextField(_("how it was handled"), blank=True, editable=False)

    class Meta:
        ordering = ["-period_start", "app"]
        constraints = [
            models.UniqueConstraint(fields=["threshold", "app", "period_start"], name="breach_unique")
        ]
        indexes = [models.Index(fields=["institution", "status"])]
        verbose_name = _("threshold breach")
        verbose_name_plural = _("threshold breaches")

    def __str__(self):
        return f"{self.app} · {self.threshold} · {self.period_start}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("operations:breach-detail", args=[self.pk])

    def numbers(self) -> str:
        """The breach in one line, e.g. 'Back-end availability (%) 97.1 below 99.5, 2026-11-01–2026-11-30'."""
        span = (
            str(self.period_start)
            if self.period_start == self.period_end
            else f"{self.period_start}–{self.period_end}"
        )
        return (
            f"{self.threshold.get_metric_display()} {self.observed:.4g} "
            f"{self.threshold.get_comparison_display()} {self.limit:g}, {span}"
        )
