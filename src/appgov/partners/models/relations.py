from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from .choices import Business, Purpose, ReviewConclusion
from .parties import Party


class Relation(InstitutionOwned):
    """Which app (and version) uses which party for what. A business partner's relation carries the business
    it conducts in the app and the business compliance review of it (NFRA-04.2, 05.1)."""

    institution_path = "party__institution"

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="relations"
    )
    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="partner_relations"
    )
    version = models.ForeignKey(
        "ledger.AppVersion",
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_relations",
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    channel = models.ForeignKey(
        "ledger.Channel",
        verbose_name=_("distribution channel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_relations",
    )
    sdk_id = models.CharField(_("SDK id (SDK catalogue)"), max_length=100, blank=True)
    businesses = models.JSONField(
        _("business conducted in the app"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    description = BoundedTextField(_("description"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # the business compliance review of a partner's business in the app (NFRA-05.1)
    review_conclusion = models.CharField(
        _("compliance review"), max_length=10, choices=ReviewConclusion.choices, blank=True, editable=False
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True, editable=False)
    review_reference = models.CharField(_("review reference"), max_length=100, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["app", "purpose", "party"]
        verbose_name = _("relation to an app")
        verbose_name_plural = _("relations to apps")

    def __str__(self):
        return f"{self.app} · {self.get_purpose_display()} · {self.party}"

    def clean(self):
        errors = {}
        if self.party_id and self.app_id and self.party.institution_id != self.app.institution_id:
            errors["app"] = _("belongs to another institution")
        if self.version_id and self.app_id and self.version.app_id != self.app_id:
            errors["version"] = _("is a version of another app")
        if self.channel_id and self.party_id and self.channel.institution_id != self.party.institution_id:
            errors["channel"] = _("belongs to another institution")
        if self.purpose == Purpose.DISTRIBUTION and not self.channel_id:
            errors["channel"] = _("A distribution relation names the ledger's channel.")
        if self.purpose == Purpose.BUSINESS and not self.businesses:
            errors["businesses"] = _("Name the business the partner conducts in the app.")
        unknown = [b for b in self.businesses or [] if b not in Business.values]
        if not isinstance(self.businesses, list) or unknown:
            errors["businesses"] = _("Unknown businesses: %(b)s") % {"b": ", ".join(map(str, unknown))}
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = _("cannot be before the start")
        if errors:
            raise ValidationError(errors)

    def current_on(self, day) -> bool:
        return (self.started_on is None or self.started_on <= day) and (
            self.ended_on is None or day <= self.ended_on
        )

    def business_labels(self) -> list[str]:
        labels = dict(Business.choices)
        return [str(labels.get(b, b)) for b in self.businesses]


class Contract(Voidable, InstitutionOwned):
    """A contract or agreement with a party, with the clauses a regulator asks about."""

    institution_path = "party__institution"
    CLAUSES = (
        ("clause_data_protection", "数据保护", "data protection"),
        ("clause_security", "网络与数据安全责任", "network and data security duties"),
        ("clause_audit_right", "审计权", "audit right"),
        ("clause_no_subcontracting", "未经同意不得转包", "no subcontracting without consent"),
        ("clause_exit_data_return", "退出与数据返还", "exit and data return"),
    )

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="contracts"
    )
    reference = models.CharField(_("reference"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    clause_data_protection = models.BooleanField(_("data protection clause"), default=False)
    clause_security = models.BooleanField(_("network and data security duties"), default=False)
    clause_audit_right = models.BooleanField(_("audit right"), default=False)
    clause_no_subcontracting = models.BooleanField(_("no subcontracting without consent"), default=False)
    clause_exit_data_return = models.BooleanField(_("exit and data return clause"), default=False)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["party", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "reference"],
                condition=models.Q(voided_at__isnull=True),
                name="partner_contract_ref_unique",
            )
        ]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self):
        return f"{self.reference} {self.title}"

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("cannot be before the start")
        if self.terminated_on and self.starts_on and self.terminated_on < self.starts_on:
            errors["terminated_on"] = _("cannot be before the start")
        if errors:
            raise ValidationError(errors)

    def current_on(self, day) -> bool:
        end = (
            min(d for d in (self.ends_on, self.terminated_on) if d)
            if (self.ends_on or self.terminated_on)
            else None
        )
        return self.starts_on <= day and (end is None or day <= end)

    def ended_by(self, day) -> bool:
        """Ended (expired or terminated) on or before day."""
        return any(d is not None and d <= day for d in (self.ends_on, self.terminated_on))

    def missing_clauses(self) -> list[tuple[str, str]]:
        return [(zh, en) for name, zh, en in self.CLAUSES if not getattr(self, name)]
