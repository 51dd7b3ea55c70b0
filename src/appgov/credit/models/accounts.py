"""Credit-system user accounts (征信系统用户), their approved changes, access reviews and connected apps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned

from ..policy import role_choices


class CreditAccount(InstitutionOwned):
    """One credit-system user. It is created, disabled and re-enabled only through an approved AccountChange."""

    institution_path = "institution"

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        ACTIVE = "active", _("Active")
        DISABLED = "disabled", _("Disabled")
        REJECTED = "rejected", _("Creation rejected")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    operator_id = models.CharField(_("credit-system user id"), max_length=64)
    person = models.ForeignKey(
        "core.Person", verbose_name=_("holder"), on_delete=models.PROTECT, related_name="credit_accounts"
    )
    branch = models.ForeignKey(
        "core.Department", verbose_name=_("branch"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role template"), max_length=40, choices=role_choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # the holder's department when access was granted: a later transfer shows as "moved" (PBC102-02)
    granted_department = models.ForeignKey(
        "core.Department",
        verbose_name=_("holder's department when granted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active_since = models.DateTimeField(_("active since"), null=True, blank=True)
    disabled_at = models.DateTimeField(_("disabled at"), null=True, blank=True)
    password_changed_at = models.DateTimeField(_("password last changed"), null=True, blank=True)

    class Meta:
        ordering = ["operator_id"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "operator_id"], name="credit_operator_unique")
        ]
        verbose_name = _("credit-system account")
        verbose_name_plural = _("credit-system accounts")

    def __str__(self):
        return f"{self.operator_id} ({self.person})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("credit:account-detail", args=[self.pk])


class AccountChange(InstitutionOwned):
    """A request to create, disable, enable or re-role an account; applied only when a second person approves."""

    institution_path = "account__institution"

    class Action(models.TextChoices):
        CREATE = "create", _("Create")
        DISABLE = "disable", _("Disable")
        ENABLE = "enable", _("Re-enable")
        CHANGE_ROLE = "change_role", _("Change role")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPLIED = "applied", _("Approved and applied")
        REJECTED = "rejected", _("Rejected")

    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT, related_name="changes")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    new_role = models.CharField(_("new role template"), max_length=40, blank=True, choices=role_choices)
    reason = BoundedTextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = BoundedTextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("account change")
        verbose_name_plural = _("account changes")

    def __str__(self):
        return f"{self.get_action_display()} {self.account.operator_id} · {self.get_status_display()}"


class AccessReview(InstitutionOwned):
    """A periodic review of every active account; signed off once every item is confirmed or revoked."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("due on"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("access review")
        verbose_name_plural = _("access reviews")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("credit:review-detail", args=[self.pk])


class AccessReviewItem(InstitutionOwned):
    institution_path = "review__institution"

    class Decision(models.TextChoices):
        PENDING = "pending", _("To review")
        CONFIRMED = "confirmed", _("Access confirmed")
        REVOKED = "revoked", _("Revoke (disable requested)")

    review = models.ForeignKey(AccessReview, on_delete=models.PROTECT, related_name="items")
    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT, related_name="review_items")
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = BoundedTextField(_("comment"), blank=True)

    class Meta:
        ordering = ["account__operator_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "account"], name="access_review_item_unique")
        ]

    def __str__(self):
        return f"{self.review} · {self.account}"


class CreditAppConnection(InstitutionOwned):
    """An app of the ledger that connects to the credit system, under the client id seen in the query logs."""

    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="credit_connections"
    )
    client_app_id = models.CharField(_("client app id in the query log"), max_length=100)
    approval_reference = models.CharField(_("approval document"), max_length=200, blank=True)
    approved_from = models.DateField(_("approved from"), null=True, blank=True)
    approved_to = models.DateField(_("approved until"), null=True, blank=True)
    retirement_reason = BoundedTextField(_("reason the connection ended"), blank=True)

    class Meta:
        ordering = ["client_app_id"]
        constraints = [
            models.UniqueConstraint(fields=["app", "client_app_id"], name="credit_app_conn_unique")
        ]
        verbose_name = _("credit-system app connection")
        verbose_name_plural = _("credit-system app connections")

    def __str__(self):
        return f"{self.app} · {self.client_app_id}"

    def approved_on(self, day) -> bool:
        return (
            bool(self.approval_reference)
            and self.approved_from is not None
            and self.approved_from <= day
            and (self.approved_to is None or day <= self.approved_to)
        )
