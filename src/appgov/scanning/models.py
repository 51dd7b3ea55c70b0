"""Scans of uploaded packages, the SDK inventory per version, and what the institution has registered
about its apps for the scanner to compare against (release certificates, allowed domains, PI inventory,
SDK security assessments)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit, SystemTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable


class Scan(InstitutionOwned):
    institution_path = "version__app__institution"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Could not be analysed")

    version = models.ForeignKey("ledger.AppVersion", on_delete=models.PROTECT, related_name="scans")
    package_sha256 = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = SystemTextField(_("error"), blank=True)
    report = models.JSONField(_("report"), null=True, blank=True)
    engine_version = models.CharField(max_length=32, blank=True)
    high_findings = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("scan")
        verbose_name_plural = _("scans")

    @property
    def is_final(self) -> bool:
        """Done or failed: nothing more will happen to this scan (the page stops polling it)."""
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def __str__(self):
        return f"{self.version} · {self.get_status_display()}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("scanning:scan-detail", args=[self.pk])


class SdkUse(InstitutionOwned):
    """One SDK found in one version (the per-version SDK inventory)."""

    institution_path = "version__app__institution"

    version = models.ForeignKey("ledger.AppVersion", on_delete=models.CASCADE, related_name="sdk_uses")
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="sdk_uses")
    sdk_id = models.CharField(max_length=100)
    name = models.CharField(max_length=200)
    vendor = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=100, blank=True)
    personal_information = models.JSONField(default=list, blank=True)
    matched_by = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["version", "name"]
        constraints = [models.UniqueConstraint(fields=["scan", "sdk_id"], name="one_sdk_per_scan")]

    def __str__(self):
        return f"{self.name} · {self.version}"


class SdkAssessment(Voidable, InstitutionOwned):
    """The institution's security assessment of a third-party SDK (NFRA-06.3, NFRA-07.2)."""

    institution_path = "institution"

    class Conclusion(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CONDITIONAL = "conditional", _("Approved with conditions")
        REJECTED = "rejected", _("Rejected")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    sdk_id = models.CharField(_("SDK"), max_length=100)
    assessed_on = models.DateField(_("assessed on"))
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion.choices)
    reference = models.CharField(_("report reference"), max_length=200)

    class Meta:
        ordering = ["sdk_id", "-assessed_on"]
        verbose_name = _("SDK assessment")
        verbose_name_plural = _("SDK assessments")

    def __str__(self):
        return f"{self.sdk_id}: {self.get_conclusion_display()}"


class ReleaseCertificate(Voidable, InstitutionOwned):
    """A signing certificate the institution publishes an app with (NFRA-12.4: anything else is repackaged)."""

    institution_path = "app__institution"

    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="release_certificates")
    sha256 = models.CharField(
        _("SHA-256 fingerprint"), max_length=64, validators=[RegexValidator(r"^[0-9a-f]{64}$")]
    )
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["app", "sha256"], name="release_cert_unique")]
        verbose_name = _("release certificate")
        verbose_name_plural = _("release certificates")

    def __str__(self):
        return self.label or self.sha256[:16]


class ScanProfile(InstitutionOwned):
    """What the scanner compares an institution's packages with."""

    institution_path = "institution"

    institution = models.OneToOneField(
        "core.Institution", on_delete=models.PROTECT, related_name="scan_profile"
    )
    allowed_domains = models.JSONField(
        _("allowed domains"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    min_target_sdk = models.PositiveIntegerField(_("minimum Android target SDK"), null=True, blank=True)
    # NFRA-07.4 needs all three: embedded links checked against the allow-list, probed for dead links, and
    # the packages matched against malicious-code rules. Scans older than `changed_at` or than the validity
    # no longer count.
    check_links = models.BooleanField(_("probe embedded links (dead links)"), default=False)
    yara_rules = BoundedTextField(_("malicious-code rules (YARA)"), blank=True, max_length=1_000_000)
    validity_days = models.PositiveIntegerField(_("a scan counts for (days)"), default=90)
    changed_at = models.DateTimeField(_("profile last changed"), null=True, auto_now=True)

    def __str__(self):
        return f"{_('Scan profile')} · {self.institution}"


class AppPrivacyInventory(InstitutionOwned):
    """The personal-information categories an app declares it collects (NFRA-16.1)."""

    institution_path = "app__institution"

    app = models.OneToOneField("ledger.MobileApp", on_delete=models.PROTECT, related_name="privacy_inventory")
    categories = models.JSONField(
        _("declared personal information"), default=list, blank=True, validators=[ListItemsLimit()]
    )

    def __str__(self):
        return f"{_('Personal-information inventory')} · {self.app}"


class FindingDecision(InstitutionOwned):
    """Security's triage of a scan finding, keyed by the engine's stable fingerprint (rule + location within
    the app), so the decision holds for the same finding in the app's next versions (issue 15 item 11)."""

    institution_path = "institution"

    class Decision(models.TextChoices):
        FALSE_POSITIVE = "false_positive", _("False positive")
        ACCEPTED = "accepted", _("Risk accepted")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="finding_decisions")
    fingerprint = models.CharField(_("finding fingerprint"), max_length=64)
    rule = models.CharField(_("rule"), max_length=100)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = BoundedTextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    class Meta:
        ordering = ["app", "rule", "fingerprint"]
        constraints = [
            models.UniqueConstraint(fields=["app", "fingerprint"], name="finding_decision_per_app")
        ]
        verbose_name = _("finding decision")
        verbose_name_plural = _("finding decisions")

    def __str__(self):
        return f"{self.rule}: {self.get_decision_display()}"

    def in_force(self, today) -> bool:
        return self.decision == self.Decision.FALSE_POSITIVE or (
            self.expires_on is not None and self.expires_on >= today
        )


def _feed_path(instance, filename):
    """Stored under its content hash: the same file imported twice is one file on disk, and a file
    replaced on disk no longer matches its name (the change log keeps the hash too)."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"scanning/feeds/{instance.institution_id}/{instance.sha256}.{suffix}"


class VulnerabilityFeed(InstitutionOwned):
    """A vulnerability feed the institution imported (OSV JSON, or a CNVD / CNNVD export as CSV / XLSX);
    the newest import of each name is the current one and goes to every scan (NFRA-07.2)."""

    institution_path = "institution"

    class Kind(models.TextChoices):
        OSV = "osv", _("OSV JSON")
        CSV = "csv", _("CSV")
        XLSX = "xlsx", _("Excel (XLSX)")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("feed"), max_length=200, help_text=_("e.g. CNVD, OSV Maven"))
    kind = models.CharField(_("format"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=_feed_path, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    advisory_count = models.PositiveIntegerField(_("advisories"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name", "-imported_at", "-id"]
        verbose_name = _("vulnerability feed")
        verbose_name_plural = _("vulnerability feeds")

    def __str__(self):
        return f"{self.name} ({self.imported_at:%Y-%m-%d})" if self.imported_at else self.name


class GateRegressionAcceptance(InstitutionOwned):
    """The governance office accepts, with a reason, what a version's scan regressed against the previous
    version's; it holds for exactly that pair of scans (a rescan needs a new acceptance)."""

    institution_path = "version__app__institution"

    version = models.ForeignKey(
        "ledger.AppVersion", on_delete=models.PROTECT, related_name="regression_acceptances"
    )
    scan = models.ForeignKey(Scan, on_delete=models.PROTECT, related_name="+")
    previous_scan = models.ForeignKey(Scan, on_delete=models.PROTECT, related_name="+")
    reason = BoundedTextField(_("reason"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted"), auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at", "-id"]
        verbose_name = _("accepted regression")
        verbose_name_plural = _("accepted regressions")

    def __str__(self):
        return f"{self.version} · {self.accepted_at:%Y-%m-%d}" if self.accepted_at else str(self.version)
