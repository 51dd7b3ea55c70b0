"""Institution submissions (off-site data): an institution sends its office an annual package (ledger snapshot,
annual risk-assessment summary, open findings, incidents) or its counterfeit reports, built from its own data.
A submission is immutable once sent (its SHA-256 is on the row and in the change log; sending again is a new
submission); the office reviews it (SubmissionReview rows) and its status is the latest review's."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned, OfficeOwned


def submission_path(instance, filename):
    return f"supervision/submissions/{instance.institution_id}/{filename}"


class Submission(InstitutionOwned):
    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Annual package")
        COUNTERFEIT = "counterfeit", _("Counterfeit reports")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned with comment")

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    office = models.ForeignKey(
        "core.RegulatorOffice", verbose_name=_("sent to"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    note = BoundedTextField(_("covering note"), blank=True)
    data = models.FileField(_("data (JSON)"), upload_to=submission_path, max_length=300)
    readable = models.FileField(_("readable copy (Excel)"), upload_to=submission_path, max_length=300)
    sha256 = models.CharField(_("SHA-256 of the data"), max_length=64)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("sent"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    # made of the kind and the period: the change log names it in the reader's language
    changelog_name_at_display = ("institution",)

    def __str__(self):
        return f"{self.institution} · {self.get_kind_display()} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("supervision:submission-detail", kwargs={"pk": self.pk})

    @property
    def status(self) -> str:
        latest = self.reviews.order_by("-reviewed_at", "-id").first()
        return latest.status if latest else self.Status.RECEIVED

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class SubmissionReview(OfficeOwned):
    """The office's handling of a submission: under review, accepted, or returned with a comment."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=[c for c in Submission.Status.choices if c[0] != Submission.Status.RECEIVED],
    )
    comment = BoundedTextField(_("comment"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_at", "-id"]
        verbose_name = _("submission review")
        verbose_name_plural = _("submission reviews")

    def __str__(self):
        return f"{self.submission} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("supervision:submission-detail", kwargs={"pk": self.submission_id})
