"""Rectification follow-up and accountability (NFRA-18.1, 18.4): the office's decision on each submitted
rectification of an issued finding, and the supervisory measures it takes against an institution."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import OfficeOwned


class RectificationDecision(OfficeOwned):
    """The office accepts or rejects an institution's rectification of a finding it issued (a rejection sends
    it back to the institution). One row per decision: the history of a finding's follow-up."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    finding = models.ForeignKey(
        "compliance.Finding", verbose_name=_("finding"), on_delete=models.PROTECT, related_name="+"
    )
    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = BoundedTextField(_("comment"))
    submitted_at = models.DateTimeField(_("rectification submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("rectification decision")
        verbose_name_plural = _("rectification decisions")

    def __str__(self):
        return f"{self.finding} · {self.get_decision_display()}"

    def get_absolute_url(self):
        return reverse("supervision:institution", kwargs={"pk": self.institution_id})


class SupervisoryMeasure(OfficeOwned):
    class Kind(models.TextChoices):
        TALK = "talk", _("Supervisory talk (监管谈话)")
        RISK_NOTICE = "risk_notice", _("Risk warning letter (风险提示函)")
        ORDER = "order", _("Order to rectify (责令整改)")
        PENALTY = "penalty", _("Administrative penalty (行政处罚)")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("measure"), max_length=12, choices=Kind.choices)
    decision_number = models.CharField(
        _("decision number"),
        max_length=60,
        blank=True,
        help_text=_("Required for an administrative penalty."),
    )
    taken_on = models.DateField(_("date"))
    summary = BoundedTextField(_("grounds and content"))
    responsible_persons = models.ManyToManyField(
        "core.Person", verbose_name=_("responsible persons"), blank=True, related_name="+"
    )
    campaign = models.ForeignKey(
        "supervision.Campaign", verbose_name=_("campaign"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="measures",
    )  # fmt: skip

    class Meta:
        ordering = ["-taken_on", "-id"]
        verbose_name = _("supervisory measure")
        verbose_name_plural = _("supervisory measures")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.institution}"

    def clean(self):
        if self.kind == self.Kind.PENALTY and not self.decision_number.strip():
            raise ValidationError(
                {"decision_number": _("An administrative penalty needs its decision number.")}
            )

    def get_absolute_url(self):
        return reverse("supervision:institution", kwargs={"pk": self.institution_id})
