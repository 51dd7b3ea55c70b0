"""Bulletins (通报, NFRA-18.3): an office warns the institutions of its jurisdiction about a vulnerability, an SDK,
a counterfeit wave or an OS change. When the bulletin names an SDK, a permission, a domain or a signing
certificate, issuing it lists each targeted institution's affected apps from their latest scans; the institution
acknowledges and answers per app, and the office accepts or rejects each answer."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned, OfficeOwned
from appgov.core.models.voidable import Voidable
from appgov.ledger.models.choices import Severity


class Bulletin(Voidable, OfficeOwned):
    class Kind(models.TextChoices):
        VULNERABILITY = "vulnerability", _("Vulnerability")
        SDK = "sdk", _("SDK")
        COUNTERFEIT = "counterfeit", _("Counterfeit wave")
        OS_CHANGE = "os_change", _("OS change")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", pgettext_lazy("bulletin status", "Issued")
        CLOSED = "closed", _("Closed")

    code = models.CharField(_("bulletin number"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    body = BoundedTextField(_("text"))
    answer_by = models.DateField(_("answer by"))
    institutions = models.ManyToManyField(
        "core.Institution", verbose_name=_("institutions addressed"), related_name="+"
    )
    sdk_id = models.CharField(
        _("SDK (catalogue id)"), max_length=100, blank=True,
        help_text=_("The scanner's SDK catalogue id, e.g. com.example.push."),
    )  # fmt: skip
    sdk_versions_from = models.CharField(
        _("affected from version"),
        max_length=40,
        blank=True,
        help_text=_("Empty: every version before the fix."),
    )
    sdk_fixed_in = models.CharField(
        _("fixed in version"), max_length=40, blank=True, help_text=_("Empty: no fixed version yet.")
    )
    permission = models.CharField(_("permission"), max_length=200, blank=True)
    domain = models.CharField(
        _("domain"), max_length=253, blank=True, help_text=_("Matches the domain and its subdomains.")
    )
    certificate_sha256 = models.CharField(_("signing certificate (SHA-256)"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=pgettext_lazy("bulletin", "issued by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="bulletin_code_per_office")]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("supervision:bulletin-detail", kwargs={"pk": self.pk})

    def criteria(self) -> list[str]:
        """What the bulletin names that the platform can look for in scans, as shown to people."""
        out = []
        if self.sdk_id:
            span = ""
            if self.sdk_versions_from or self.sdk_fixed_in:
                span = f" [{self.sdk_versions_from or '*'}, {self.sdk_fixed_in or '*'})"
            out.append(f"SDK {self.sdk_id}{span}")
        if self.permission:
            out.append(f"{_('permission')} {self.permission}")
        if self.domain:
            out.append(f"{_('domain')} {self.domain}")
        if self.certificate_sha256:
            out.append(f"{_('certificate')} {self.certificate_sha256[:16]}…")
        return out


class BulletinTarget(InstitutionOwned):
    """The bulletin as one institution received it: created when the bulletin is issued; the institution
    acknowledges it and states what it did (for bulletins that name nothing the scans can show)."""

    bulletin = models.ForeignKey(
        Bulletin, verbose_name=_("bulletin"), on_delete=models.PROTECT, related_name="targets"
    )
    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    statement = BoundedTextField(_("institution's statement"), blank=True)

    class Meta:
        ordering = ["-bulletin_id", "institution"]
        constraints = [
            models.UniqueConstraint(fields=["bulletin", "institution"], name="one_target_per_institution")
        ]
        verbose_name = _("bulletin received")
        verbose_name_plural = _("bulletins received")

    def __str__(self):
        return f"{self.bulletin} · {self.institution}"

    def get_absolute_url(self):
        return reverse("supervision:received-detail", kwargs={"pk": self.pk})


class BulletinAnswer(InstitutionOwned):
    """One affected app of one institution and the institution's answer for it."""

    institution_path = "target__institution"

    class Answer(models.TextChoices):
        FIXED = "fixed", _("Fixed")
        NOT_AFFECTED = "not_affected", _("Not affected")
        PLAN = "plan", _("Plan with a date")

    target = models.ForeignKey(
        BulletinTarget, verbose_name=_("bulletin received"), on_delete=models.PROTECT, related_name="answers"
    )
    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="+"
    )
    matched_on = models.JSONField(_("why the app is affected"), default=list, blank=True)
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    reason = BoundedTextField(_("reason or what was done"), blank=True)
    planned_on = models.DateField(_("planned for"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["target", "app"]
        constraints = [models.UniqueConstraint(fields=["target", "app"], name="one_answer_per_app")]
        verbose_name = _("bulletin answer")
        verbose_name_plural = _("bulletin answers")

    def __str__(self):
        return f"{self.target.bulletin.code} · {self.app}"

    def get_absolute_url(self):
        return reverse("supervision:received-detail", kwargs={"pk": self.target_id})


class AnswerDecision(OfficeOwned):
    """The office's decision on one answer (a rejection asks the institution to answer again)."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    answer = models.ForeignKey(
        BulletinAnswer, verbose_name=_("answer"), on_delete=models.PROTECT, related_name="decisions"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = BoundedTextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("answer decision")
        verbose_name_plural = _("answer decisions")

    def __str__(self):
        return f"{self.answer} · {self.get_decision_display()}"

    def get_absolute_url(self):
        return reverse("supervision:bulletin-detail", kwargs={"pk": self.answer.target.bulletin_id})
