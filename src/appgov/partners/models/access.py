from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned

from .choices import AccessLevel, AccessPurpose, ItemDecision
from .parties import Party


class AccessGrant(InstitutionOwned):
    """Access of one of a vendor's people to a system or data set (NFRA-14.2): purpose, level, approver, period.
    A grant ends by itself on its end date; a revocation ends it earlier."""

    institution_path = "party__institution"

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="grants"
    )
    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person_name = models.CharField(_("vendor's person"), max_length=100)
    account = models.CharField(_("account"), max_length=100)
    system = models.CharField(_("system or data set"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=20, choices=AccessPurpose.choices)
    level = models.CharField(_("level"), max_length=20, choices=AccessLevel.choices)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    justification = BoundedTextField(_("justification"), blank=True)

    class Meta:
        ordering = ["party", "person_name", "system"]
        verbose_name = _("vendor access grant")
        verbose_name_plural = _("vendor access grants")

    def __str__(self):
        return f"{self.person_name} → {self.system} ({self.get_level_display()})"

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("cannot be before the start")
        if self.revoked_on and self.starts_on and self.revoked_on < self.starts_on:
            errors["revoked_on"] = _("cannot be before the start")
        if self.app_id and self.party_id and self.app.institution_id != self.party.institution_id:
            errors["app"] = _("belongs to another institution")
        if errors:
            raise ValidationError(errors)

    def active_on(self, day) -> bool:
        """In force on day: started, not revoked, and not past its end (a grant ends by itself)."""
        return (
            self.starts_on <= day
            and (self.revoked_on is None or day < self.revoked_on)
            and (self.ends_on is None or day <= self.ends_on)
        )


class AccessReview(InstitutionOwned):
    """A quarterly review of every vendor grant in force; signed off once every item is confirmed or revoked."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("due on"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    signed_off_on = models.DateField(_("signed off on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("vendor access review")
        verbose_name_plural = _("vendor access reviews")

    def __str__(self):
        return self.title


class AccessReviewItem(InstitutionOwned):
    institution_path = "review__institution"

    review = models.ForeignKey(AccessReview, on_delete=models.PROTECT, related_name="items")
    grant = models.ForeignKey(AccessGrant, on_delete=models.PROTECT, related_name="review_items")
    decision = models.CharField(
        _("decision"), max_length=10, choices=ItemDecision.choices, default=ItemDecision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    comment = BoundedTextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "grant"]
        constraints = [models.UniqueConstraint(fields=["review", "grant"], name="partner_review_item_unique")]
        verbose_name = _("access review item")
        verbose_name_plural = _("access review items")

    def __str__(self):
        return f"{self.review} · {self.grant}"
