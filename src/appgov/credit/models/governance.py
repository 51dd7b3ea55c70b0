"""The leading group and first responsible person (PBC102-01); rules filings and reports (PBC102-08)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned


class LeadingGroup(InstitutionOwned):
    """征信信息安全工作领导小组; the leader in charge of credit reporting is the first responsible person."""

    institution_path = "institution"

    institution = models.OneToOneField("core.Institution", on_delete=models.PROTECT, related_name="+")
    established_on = models.DateField(_("established on"))
    document_reference = models.CharField(_("establishing document"), max_length=200)
    first_responsible = models.ForeignKey(
        "core.Person", verbose_name=_("first responsible person"), on_delete=models.PROTECT, related_name="+"
    )
    first_responsible_title = models.CharField(_("title of the first responsible person"), max_length=100)
    members = models.ManyToManyField("core.Person", verbose_name=_("members"), blank=True, related_name="+")

    class Meta:
        verbose_name = _("credit-information security leading group")
        verbose_name_plural = _("credit-information security leading groups")

    def __str__(self):
        return str(self.institution)


class SecurityReport(InstitutionOwned):
    """Filing of internal-control and accountability rules, status reports and self-inspection reports."""

    institution_path = "institution"

    class Kind(models.TextChoices):
        RULES_FILING = "rules_filing", _("Internal-control and accountability rules filed")
        STATUS_REPORT = "status_report", _("Credit-information security status report")
        SELF_INSPECTION = "self_inspection", _("Compliance and security self-inspection report")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"))
    submitted_to = models.CharField(_("submitted to"), max_length=200)
    reference = models.CharField(_("reference"), max_length=200)
    issues_found = models.PositiveIntegerField(_("issues found"), default=0)
    file = models.FileField(_("file"), upload_to="credit/reports/%Y/", blank=True)

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = _("credit security report")
        verbose_name_plural = _("credit security reports")

    def __str__(self):
        return f"{self.get_kind_display()} {self.submitted_on}"
