from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Retirable, Voidable

from .choices import Platform, Severity, SupportStatus


def package_upload_path(instance, filename):
    return f"packages/{instance.app.institution_id}/{instance.app_id}/{instance.package_sha256}/{filename}"


class AppVersion(Voidable, Retirable, InstitutionOwned):
    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="versions"
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    version_name = models.CharField(_("version name"), max_length=64)
    version_code = models.PositiveBigIntegerField(_("version code"), null=True, blank=True)
    release_date = models.DateField(_("release date"), null=True, blank=True)
    support_status = models.CharField(
        _("support status"), max_length=20, choices=SupportStatus.choices, default=SupportStatus.SUPPORTED
    )
    support_ends_on = models.DateField(_("support ends on"), null=True, blank=True)
    min_os_version = models.CharField(_("minimum OS version"), max_length=32, blank=True)
    package = models.FileField(_("package file"), upload_to=package_upload_path, blank=True, max_length=300)
    package_sha256 = models.CharField(
        _("package SHA-256"), max_length=64, blank=True, validators=[RegexValidator(r"^[0-9a-f]{64}$")]
    )
    package_size = models.PositiveBigIntegerField(_("package size"), null=True, blank=True)
    change_report_ref = models.CharField(
        _("production change report to NFRA"),
        max_length=100,
        blank=True,
        help_text=_("For important information systems (NFRA-11.2)"),
    )
    # The privacy notice that applies to this release (NFRA-16.2): in force no earlier than the release.
    privacy_notice_url = models.URLField(_("privacy notice of this version"), blank=True)
    privacy_notice_effective_on = models.DateField(_("privacy notice effective on"), null=True, blank=True)
    notes = BoundedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["app", "platform", "-version_code", "-version_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["app", "platform", "version_name"], name="version_unique_per_platform"
            )
        ]
        verbose_name = _("app version")
        verbose_name_plural = _("app versions")

    def __str__(self):
        return f"{self.app} {self.get_platform_display()} {self.version_name}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ledger:version-detail", args=[self.pk])


class Vulnerability(Voidable, InstitutionOwned):
    """A defect or vulnerability found in a version (penetration test, scan, review); NFRA-08.2."""

    institution_path = "version__app__institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FIXED = "fixed", _("Fixed")
        ACCEPTED = "accepted", _("Risk accepted")

    version = models.ForeignKey(
        AppVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="vulnerabilities"
    )
    title = models.CharField(_("title"), max_length=300)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    source = models.CharField(_("source"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    found_on = models.DateField(_("found on"), null=True, blank=True)
    fixed_on = models.DateField(_("fixed on"), null=True, blank=True)

    class Meta:
        ordering = ["version", "-id"]
        verbose_name = _("vulnerability")
        verbose_name_plural = _("vulnerabilities")

    def __str__(self):
        return self.title
