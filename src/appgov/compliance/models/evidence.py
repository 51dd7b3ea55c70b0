from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from .subjects import SubjectType


def evidence_path(instance, filename):
    return f"evidence/{instance.institution_id}/{instance.control_id}/{filename}"


class Evidence(Voidable, InstitutionOwned):
    """A file or link that shows a control is met for a subject, from its effective date until it expires.

    It counts only once a second person of a reviewing role has accepted it (workflows/evidence_review.yaml).
    """

    institution_path = "institution"

    class Review(models.TextChoices):
        PENDING = "pending", _("Pending review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    control_id = models.CharField(_("control"), max_length=40)
    subject_type = models.CharField(_("subject type"), max_length=20, choices=SubjectType.choices)
    subject_id = models.BigIntegerField(_("subject id"))
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True, max_length=300)
    link = models.CharField(_("link or record reference"), max_length=500, blank=True)
    effective_on = models.DateField(_("effective from"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    review_status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_reason = BoundedTextField(_("review reason"), blank=True)

    class Meta:
        ordering = ["-effective_on"]
        indexes = [models.Index(fields=["institution", "control_id"])]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if not self.file and not self.link:
            errors["link"] = _("Give a file or a link")
        if self.expires_on and self.effective_on and self.expires_on <= self.effective_on:
            errors["expires_on"] = _("must be after the effective date")
        if errors:
            raise ValidationError(errors)

    @property
    def counts(self) -> bool:
        """Reviewed and accepted: only then does it satisfy a control."""
        return self.review_status == self.Review.ACCEPTED

    def valid_on(self, day) -> bool:
        return self.counts and self.effective_on <= day and (self.expires_on is None or day < self.expires_on)
