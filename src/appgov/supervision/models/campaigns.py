"""Testing campaigns (NFRA-18.2): an office plans a campaign over institutions and apps, records a result per
app (findings with severity and evidence, or no finding) and issues the findings to the institutions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import OfficeOwned
from appgov.ledger.models.choices import Severity


class Campaign(OfficeOwned):
    class Kind(models.TextChoices):
        PENETRATION = "penetration", _("Penetration test")
        PRIVACY = "privacy", _("Privacy test")
        COUNTERFEIT = "counterfeit_sweep", _("Counterfeit sweep")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ISSUED = "issued", _("Results issued")
        CLOSED = "closed", _("Closed")

    code = models.CharField(_("campaign number"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    period_start = models.DateField(_("testing from"))
    period_end = models.DateField(_("testing until"))
    institutions = models.ManyToManyField(
        "core.Institution", verbose_name=_("institutions in scope"), related_name="+"
    )
    apps = models.ManyToManyField(
        "ledger.MobileApp",
        verbose_name=_("apps in scope"),
        blank=True,
        related_name="+",
        help_text=_("Empty: every app of the institutions in scope."),
    )
    rectification_days = models.PositiveSmallIntegerField(_("days to rectify"), default=30)
    description = BoundedTextField(_("description"), blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-period_start", "-id"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="campaign_code_per_office")]
        verbose_name = _("testing campaign")
        verbose_name_plural = _("testing campaigns")

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("supervision:campaign-detail", kwargs={"pk": self.pk})


class CampaignResult(OfficeOwned):
    """What testing one app found: findings (CampaignFinding rows) or none."""

    office_path = "campaign__office"

    class Outcome(models.TextChoices):
        FINDINGS = "findings", _("Findings")
        NO_FINDING = "no_finding", _("No finding")

    office = None  # the campaign's office
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="results"
    )
    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    tested_on = models.DateField(_("tested on"))
    summary = BoundedTextField(_("summary"), blank=True)

    class Meta:
        ordering = ["campaign", "app"]
        constraints = [models.UniqueConstraint(fields=["campaign", "app"], name="one_result_per_app")]
        verbose_name = _("campaign result")
        verbose_name_plural = _("campaign results")

    def __str__(self):
        return f"{self.campaign.code} · {self.app}"

    def get_absolute_url(self):
        return reverse("supervision:campaign-detail", kwargs={"pk": self.campaign_id})


def evidence_path(instance, filename):
    return f"supervision/campaigns/{instance.result.campaign_id}/{instance.result_id}/{filename}"


class CampaignFinding(OfficeOwned):
    """One finding of a campaign on one app; issuing opens a regulator-issued compliance.Finding."""

    office_path = "result__campaign__office"

    office = None
    result = models.ForeignKey(
        CampaignResult, verbose_name=_("result"), on_delete=models.PROTECT, related_name="findings"
    )
    title = models.CharField(_("title"), max_length=200)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    control_id = models.CharField(
        _("control"), max_length=40, default="NFRA-18.2",
        help_text=_("The catalogue control the finding breaches (NFRA-…)."),
    )  # fmt: skip
    description = BoundedTextField(_("description"))
    evidence = models.FileField(_("evidence file"), upload_to=evidence_path, max_length=300, blank=True)
    due_on = models.DateField(
        _("rectify by"), null=True, blank=True, help_text=_("Empty: the campaign's days.")
    )
    issued_finding = models.OneToOneField(
        "compliance.Finding", verbose_name=_("issued finding"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="campaign_finding",
    )  # fmt: skip

    class Meta:
        ordering = ["result", "id"]
        verbose_name = _("campaign finding")
        verbose_name_plural = _("campaign findings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("supervision:campaign-detail", kwargs={"pk": self.result.campaign_id})
