"""The incident register (NFRA-15.2, 16.3, 13.2): what happened, to which apps, how it was contained and why;
the reports to the regulator a severity requires, and the notifications a privacy incident requires."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable


class IncidentKind(models.TextChoices):
    OUTAGE = "outage", _("Outage")
    DATA_LEAK = "data_leak", _("Data leak")
    PRIVACY_COMPLAINT = "privacy_complaint", _("Privacy complaint")
    PRIVACY_VIOLATION = "privacy_violation", _("Privacy violation")
    SECURITY_BREACH = "security_breach", _("Security breach")
    COUNTERFEIT_WAVE = "counterfeit_wave", _("Counterfeit wave")
    THIRD_PARTY_FAILURE = "third_party_failure", _("Third-party failure")


PRIVACY_KINDS = {IncidentKind.DATA_LEAK, IncidentKind.PRIVACY_COMPLAINT, IncidentKind.PRIVACY_VIOLATION}


class Severity(models.TextChoices):
    MAJOR = "major", _("Major")
    SIGNIFICANT = "significant", _("Significant")
    MINOR = "minor", _("Minor")


class IncidentState(models.TextChoices):
    OPEN = "open", _("Open")
    CONTAINED = "contained", _("Contained")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class Incident(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="incidents")
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=IncidentKind.choices)
    description = BoundedTextField(_("description"), blank=True)
    apps = models.ManyToManyField(
        "ledger.MobileApp", verbose_name=_("affected apps"), related_name="incidents"
    )
    detected_at = models.DateTimeField(_("detected at"))
    # the criteria the severity is judged by (data/incident_severity.yaml); the severity is derived from them
    outage_minutes = models.PositiveIntegerField(_("service unavailable (minutes)"), default=0)
    customers_affected = models.PositiveIntegerField(_("customers affected"), default=0)
    records_exposed = models.PositiveIntegerField(_("personal information records exposed"), default=0)
    loss_yuan = models.PositiveBigIntegerField(_("financial loss (yuan)"), default=0)
    media_attention = models.BooleanField(_("media or public attention"), default=False)
    severity = models.CharField(
        _("incident severity"), max_length=20, choices=Severity.choices, editable=False
    )
    severity_reasons = models.JSONField(_("why this severity"), default=list, editable=False)
    state = models.CharField(
        _("state"), max_length=20, choices=IncidentState.choices, default=IncidentState.OPEN, editable=False
    )
    containment = BoundedTextField(_("containment"), blank=True)
    contained_on = models.DateField(_("contained on"), null=True, blank=True, editable=False)
    root_cause = BoundedTextField(_("root cause"), blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True, editable=False)
    lessons = BoundedTextField(_("lessons learned"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-detected_at", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "reference"], name="risk_incident_reference_unique"
            )
        ]

    def get_absolute_url(self):
        return reverse("risk:incident-detail", args=[self.pk])

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def is_major(self) -> bool:
        return self.severity == Severity.MAJOR

    @property
    def is_privacy(self) -> bool:
        return self.kind in PRIVACY_KINDS


class IncidentEvent(Voidable, InstitutionOwned):
    """One line of the incident's timeline."""

    institution_path = "incident__institution"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(_("at"))
    note = BoundedTextField(_("what happened"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("incident timeline entry")
        verbose_name_plural = _("incident timeline entries")

    def __str__(self):
        return f"{self.incident.reference} {self.at:%Y-%m-%d %H:%M}"


class ReportStage(models.TextChoices):
    INITIAL = "initial", _("Initial report")
    FOLLOW_UP = "follow_up", _("Follow-up report")
    FINAL = "final", _("Final report")


class RegulatorReport(InstitutionOwned):
    """A report of an incident to NFRA or its local office: due by the deadline policy, generated as PDF, sent."""

    institution_path = "incident__institution"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="regulator_reports")
    stage = models.CharField(_("stage"), max_length=20, choices=ReportStage.choices)
    due_at = models.DateTimeField(_("due at"))
    office = models.ForeignKey(
        "core.RegulatorOffice", verbose_name=_("addressed to"), on_delete=models.PROTECT, related_name="+"
    )
    summary = BoundedTextField(_("summary"), blank=True)
    document = models.FileField(_("generated report"), upload_to="risk/reports/%Y/%m/", blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_reference = models.CharField(_("acknowledgement reference"), max_length=100, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("regulator report")
        verbose_name_plural = _("regulator reports")
        constraints = [
            models.UniqueConstraint(fields=["incident", "stage"], name="risk_report_one_per_stage")
        ]

    def __str__(self):
        return f"{self.incident.reference} {self.get_stage_display()}"

    def overdue(self, now) -> bool:
        return self.sent_at is None and now > self.due_at

    @property
    def late(self) -> bool:
        return self.sent_at is not None and self.sent_at > self.due_at


class Audience(models.TextChoices):
    PERSONS = "persons", _("Affected persons")
    AUTHORITY = "authority", _("Authority")


class PrivacyNotification(InstitutionOwned):
    """A notification a privacy incident requires (NFRA-16.3): the affected persons, and the authority."""

    institution_path = "incident__institution"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="notifications")
    audience = models.CharField(_("notified"), max_length=20, choices=Audience.choices)
    due_at = models.DateTimeField(_("due at"))
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=200, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("privacy notification")
        verbose_name_plural = _("privacy notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "audience"], name="risk_notification_one_per_audience"
            )
        ]

    def __str__(self):
        return f"{self.incident.reference} {self.get_audience_display()}"

    def overdue(self, now) -> bool:
        return self.notified_at is None and now > self.due_at
