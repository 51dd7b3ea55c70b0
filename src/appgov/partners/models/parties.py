from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from . import uscc
from .choices import DataDisposition, PartyKind, PartyState, QualificationKind, RiskTier


def _kinds_valid(value):
    unknown = [v for v in value or [] if v not in PartyKind.values]
    if not isinstance(value, list) or unknown:
        raise ValidationError(_("Unknown kinds: %(kinds)s") % {"kinds": ", ".join(map(str, unknown))})


def _uscc_valid(value):
    uscc.validate(value)


class Party(Voidable, InstitutionOwned):
    """A third party the institution works with: vendor, outsourcer, platform or business partner."""

    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, validators=[_uscc_valid])
    kinds = models.JSONField(_("kinds"), default=list, validators=[_kinds_valid])
    risk_tier = models.CharField(
        _("risk tier"), max_length=10, choices=RiskTier.choices, default=RiskTier.MEDIUM
    )
    state = models.CharField(
        _("state"), max_length=20, choices=PartyState.choices, default=PartyState.ADMISSION, editable=False
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    note = BoundedTextField(_("note"), blank=True)
    # the vendor as the SDK catalogue names it (e.g. "Tencent"): SDKs the scanner finds link to this party
    sdk_vendor_names = models.JSONField(
        _("vendor names in the SDK catalogue"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    # set by the services and the workflow
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True, editable=False)
    last_evaluated_on = models.DateField(_("last evaluated on"), null=True, blank=True, editable=False)
    next_evaluation_due = models.DateField(_("next evaluation due"), null=True, blank=True, editable=False)
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True, editable=False)
    # exit checklist
    exit_reason = models.TextField(_("reason for the exit"), blank=True, editable=False)
    data_disposition = models.CharField(
        _("data returned or destroyed"),
        max_length=20,
        choices=DataDisposition.choices,
        blank=True,
        editable=False,
    )
    data_disposed_on = models.DateField(
        _("data returned / destroyed on"), null=True, blank=True, editable=False
    )
    destruction_certificate = models.FileField(
        _("certificate of destruction"), upload_to="partners/exit/", blank=True, editable=False
    )
    exited_on = models.DateField(_("exited on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "credit_code"],
                condition=models.Q(voided_at__isnull=True),  # a voided party does not hold its code
                name="partner_party_code_unique",
            )
        ]
        verbose_name = _("third party")
        verbose_name_plural = _("third parties")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("partners:party-detail", args=[self.pk])

    def clean(self):
        self.credit_code = uscc.normalise(self.credit_code)
        if not self.kinds:
            raise ValidationError({"kinds": _("Give at least one kind.")})

    def kind_labels(self) -> list[str]:
        labels = dict(PartyKind.choices)
        return [str(labels.get(k, k)) for k in self.kinds]


class Qualification(Voidable, InstitutionOwned):
    """A licence, filing or certificate the party holds, with its number, scope and validity."""

    institution_path = "party__institution"

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="qualifications"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=QualificationKind.choices)
    number = models.CharField(_("number"), max_length=100)
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    # financial licences: the businesses (partners.Business values) the licence covers
    businesses = models.JSONField(
        _("licensed businesses"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    scope = BoundedTextField(_("scope as written"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["party", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "kind", "number"],
                condition=models.Q(voided_at__isnull=True),
                name="partner_qualification_unique",
            )
        ]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def clean(self):
        from .choices import Business

        errors = {}
        unknown = [b for b in self.businesses or [] if b not in Business.values]
        if not isinstance(self.businesses, list) or unknown:
            errors["businesses"] = _("Unknown businesses: %(b)s") % {"b": ", ".join(map(str, unknown))}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("cannot be before the start of validity")
        if errors:
            raise ValidationError(errors)

    def valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


class Contact(Voidable, InstitutionOwned):
    institution_path = "party__institution"

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["party", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name
