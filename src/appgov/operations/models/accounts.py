"""Publishing and operating accounts (NFRA-09.2): who owns each store / mini-program / official-account
publishing account (ledger.PublishingAccount) and each operations console account of an app, the second
administrator, the periodic review, and the flag set the day an owner or administrator leaves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, SystemTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable


class OperatingAccount(Voidable, InstitutionOwned):
    institution_path = "app__institution"

    class Kind(models.TextChoices):
        PUBLISHING = "publishing", _("Publishing account (store, mini-program, official account)")
        CONSOLE = "console", _("Operations console account")

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="operating_accounts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    publishing_account = models.OneToOneField(
        "ledger.PublishingAccount",
        verbose_name=_("publishing account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stewardship",
    )
    system = models.CharField(_("console or platform"), max_length=200, blank=True)
    account_name = models.CharField(_("account"), max_length=200)
    owner = models.ForeignKey(
        "core.Person", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    second_admin = models.ForeignKey(
        "core.Person",
        verbose_name=_("second administrator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    review_every_days = models.PositiveIntegerField(_("review every (days)"), default=180)
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    leaver_flagged_on = models.DateField(_("leaver flagged on"), null=True, blank=True)
    leaver_flag = SystemTextField(_("leaver flag"), blank=True)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["app", "kind", "account_name"]
        constraints = [
            models.UniqueConstraint(fields=["app", "kind", "system", "account_name"], name="ops_account_once")
        ]
        verbose_name = _("operating account")
        verbose_name_plural = _("operating accounts")

    def __str__(self):
        return f"{self.system or self.get_kind_display()}: {self.account_name}"

    def get_absolute_url(self):
        return reverse("operations:account-detail", args=[self.pk])

    def clean(self):
        errors = {}
        inst = self.app.institution_id if self.app_id else None
        for name in ("owner", "second_admin"):
            person = getattr(self, name) if getattr(self, f"{name}_id") else None
            if person is not None and inst is not None and person.institution_id != inst:
                errors[name] = _("belongs to another institution")
        if self.owner_id and self.second_admin_id == self.owner_id:
            errors["second_admin"] = _("The second administrator must be another person than the owner.")
        if self.kind == self.Kind.PUBLISHING and not self.publishing_account_id:
            errors["publishing_account"] = _("Name the ledger's publishing account this record is about.")
        if self.publishing_account_id and self.app_id and self.publishing_account.app_id != self.app_id:
            errors["publishing_account"] = _("is the account of another app")
        if self.kind == self.Kind.CONSOLE and not self.system:
            errors["system"] = _("Name the operations console.")
        if errors:
            raise ValidationError(errors)


class AccountReview(Voidable, InstitutionOwned):
    """A periodic review of an account: who reviewed it, when, and what came of it."""

    institution_path = "account__app__institution"

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed as is")
        CHANGED = "changed", _("Permissions or holders changed")
        DISABLED = "disabled", _("Account disabled")

    account = models.ForeignKey(
        OperatingAccount, verbose_name=_("account"), on_delete=models.PROTECT, related_name="reviews"
    )
    reviewed_on = models.DateField(_("reviewed on"))
    reviewer = models.ForeignKey(
        "core.Person", verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["account", "-reviewed_on"]
        verbose_name = _("account review")
        verbose_name_plural = _("account reviews")

    def __str__(self):
        return f"{self.account} · {self.reviewed_on}"

    def get_absolute_url(self):
        return self.account.get_absolute_url()

    def clean(self):
        if self.account_id and self.reviewer_id:
            if self.reviewer.institution_id != self.account.app.institution_id:
                raise ValidationError({"reviewer": _("belongs to another institution")})
