from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import SystemTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.ledger.models.choices import Severity

from .subjects import SubjectType


class SlaPolicy(InstitutionOwned):
    """Days to rectify per severity for one institution; the packaged sla.yaml is the default."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.CASCADE, related_name="+")
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    days = models.PositiveIntegerField(_("days to rectify"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["institution", "severity"], name="one_sla_per_severity")
        ]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")

    def __str__(self):
        return f"{self.get_severity_display()}: {self.days}"


class Finding(InstitutionOwned):
    institution_path = "institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_RECTIFICATION = "in_rectification", _("In rectification")
        RESOLVED = "resolved", _("Resolved, awaiting verification")
        VERIFIED = "verified", _("Verified")
        RISK_ACCEPTED = "risk_accepted", _("Risk accepted")

    ACTIVE = (Status.OPEN, Status.IN_RECTIFICATION, Status.RESOLVED, Status.RISK_ACCEPTED)

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    control_id = models.CharField(_("control"), max_length=40)
    subject_type = models.CharField(_("subject type"), max_length=20, choices=SubjectType.choices)
    subject_id = models.BigIntegerField(_("subject id"))
    subject_repr = models.CharField(_("subject"), max_length=300)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_department = models.ForeignKey(
        "core.Department",
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    explanation_zh = SystemTextField(blank=True)
    explanation_en = SystemTextField(blank=True)
    opened_at = models.DateTimeField(_("opened"))
    due_on = models.DateField(_("due"))
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    # who marked it resolved (None: the evaluation did); verification must be by someone else
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    risk_accepted_until = models.DateField(_("risk accepted until"), null=True, blank=True)
    note = SystemTextField(_("note"), blank=True)
    # A finding a regulator office issued (appgov.supervision, NFRA-18.2): the institution rectifies it and marks
    # it resolved; only the office's decision verifies it or sends it back (compliance.issued).
    issued_by_office = models.ForeignKey(
        "core.RegulatorOffice",
        verbose_name=_("issued by regulator office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    regulator_reference = models.CharField(_("regulator reference"), max_length=60, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["institution", "status"]),
            models.Index(fields=["institution", "control_id", "subject_type", "subject_id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "control_id", "subject_type", "subject_id"],
                condition=models.Q(
                    status__in=["open", "in_rectification", "resolved", "risk_accepted"],
                    issued_by_office__isnull=True,
                ),
                name="one_active_finding_per_subject",
            )
        ]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self):
        return f"{self.control_id} · {self.subject_repr}"

    @property
    def is_regulator_issued(self) -> bool:
        return self.issued_by_office_id is not None


def attachment_path(instance, filename):
    return f"findings/{instance.finding.institution_id}/{instance.finding_id}/{filename}"


class FindingAttachment(InstitutionOwned):
    """A file that documents a finding's rectification (a test report, a screenshot), content-checked."""

    institution_path = "finding__institution"

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="attachments")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("finding attachment")
        verbose_name_plural = _("finding attachments")

    def __str__(self):
        return self.title
