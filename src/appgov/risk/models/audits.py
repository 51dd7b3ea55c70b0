"""Audits (NFRA-17.3, 17.4) and business-compliance inspections (NFRA-05.4): one engagement covers one or more
apps; the programme (services.audit_programme) says when each app is next due."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.ledger.models.choices import Severity


class AuditKind(models.TextChoices):
    REGULAR = "regular", _("Regular audit")
    SPECIAL = "special", _("Special audit")
    INSPECTION = "inspection", _("Business compliance inspection")


class AuditorType(models.TextChoices):
    INTERNAL = "internal", _("Internal auditor")
    EXTERNAL = "external", _("External auditor")


class AuditState(models.TextChoices):
    REQUIRED = "required", _("Required")
    PLANNED = "planned", _("Planned")
    FIELDWORK = "fieldwork", _("Fieldwork")
    REPORTED = "reported", _("Reported")
    CANCELLED = "cancelled", _("Cancelled")


class AuditEngagement(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="audits")
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AuditKind.choices)
    apps = models.ManyToManyField("ledger.MobileApp", verbose_name=_("apps covered"), related_name="audits")
    trigger_incident = models.ForeignKey(
        "risk.Incident",
        verbose_name=_("triggering incident"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="special_audits",
    )
    auditor_type = models.CharField(
        _("auditor"), max_length=20, choices=AuditorType.choices, default=AuditorType.INTERNAL
    )
    auditor_name = models.CharField(_("auditor name"), max_length=200, blank=True)
    team = BoundedTextField(_("team"), blank=True)
    scope = BoundedTextField(_("scope"), blank=True)
    due_on = models.DateField(_("due on"))
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    fieldwork_start = models.DateField(_("fieldwork start"), null=True, blank=True, editable=False)
    fieldwork_end = models.DateField(_("fieldwork end"), null=True, blank=True)
    report_date = models.DateField(_("report date"), null=True, blank=True, editable=False)
    report_file = models.FileField(_("audit report"), upload_to="risk/audits/%Y/%m/", blank=True)
    conclusion = BoundedTextField(_("conclusion"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=AuditState.choices, default=AuditState.PLANNED, editable=False
    )
    cancel_reason = models.TextField(_("why cancelled"), blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("audit engagement")
        verbose_name_plural = _("audit engagements")
        constraints = [
            models.UniqueConstraint(fields=["institution", "reference"], name="risk_audit_reference_unique")
        ]

    def get_absolute_url(self):
        return reverse("risk:audit-detail", args=[self.pk])

    def __str__(self):
        return f"{self.reference} {self.title}"


# the control an engagement's findings are held against, by the kind of engagement
FINDING_CONTROL = {
    AuditKind.REGULAR: "NFRA-17.3",
    AuditKind.SPECIAL: "NFRA-17.4",
    AuditKind.INSPECTION: "NFRA-05.4",
}


class AuditFinding(InstitutionOwned):
    """A finding of an audit or inspection. Recording it opens a finding in the common findings list (through
    core.extensions.findings_gateway) with the SLA's due date; it is rectified and closed there."""

    institution_path = "engagement__institution"

    engagement = models.ForeignKey(
        AuditEngagement, verbose_name=_("engagement"), on_delete=models.PROTECT, related_name="findings"
    )
    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a finding of the institution as a whole"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = BoundedTextField(_("description"))
    recommendation = BoundedTextField(_("recommendation"), blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the app's responsible person"),
    )
    # the finding in the common findings list (compliance.Finding), opened when this is recorded
    finding_id = models.BigIntegerField(
        _("finding in the findings list"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["engagement", "pk"]
        verbose_name = _("audit finding")
        verbose_name_plural = _("audit findings")

    def get_absolute_url(self):
        return reverse("risk:auditfinding-detail", args=[self.pk])

    def __str__(self):
        return f"{self.engagement.reference} · {self.title}"
