"""The ledger (台账) entry of one mobile application."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from . import app_rules
from .choices import AppKind, Audience, LifecycleState, Platform

ORIGINAL_ID = r"^gh_[0-9a-zA-Z]{12}$"
ORIGINAL_ID_KINDS = (AppKind.OFFICIAL_ACCOUNT, AppKind.MINI_PROGRAM)


def _string_list(value, field):
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(_("%(field)s must be a list of non-empty texts") % {"field": field})


class MobileApp(Voidable, InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="apps"
    )
    code = models.CharField(
        _("ledger code"), max_length=40, help_text=_("Stable key, unique in the institution")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AppKind.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EXTERNAL
    )
    platforms = models.JSONField(_("platforms"), default=list, blank=True)
    android_packages = models.JSONField(
        _("Android package names"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    ios_bundle_ids = models.JSONField(
        _("iOS bundle ids"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    harmony_bundle_names = models.JSONField(
        _("HarmonyOS bundle names"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    mini_program_appids = models.JSONField(
        _("mini-program AppIDs"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    # 原始ID of a WeChat official account (or mini-program): the gh_ id that stays when the account is renamed,
    # the one a look-alike check and a regulator's enquiry name the account by.
    original_id = models.CharField(
        _("original ID (gh_…)"),
        max_length=15,
        blank=True,
        validators=[
            RegexValidator(
                ORIGINAL_ID,
                _("An original ID is gh_ followed by 12 letters or digits, e.g. gh_1a2b3c4d5e6f."),
            )
        ],
        help_text=_("WeChat official accounts and mini-programs: the gh_ id shown under account details"),
    )
    managing_department = models.ForeignKey(
        "core.Department",
        verbose_name=_("managing department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="managed_apps",
    )
    responsible_person = models.ForeignKey(
        "core.Person",
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_for_apps",
    )
    data_owner_department = models.ForeignKey(
        "core.Department",
        verbose_name=_("data-owner department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="data_owned_apps",
    )
    business_lines = models.JSONField(
        _("business lines"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    regions = models.JSONField(_("regions served"), default=list, blank=True, validators=[ListItemsLimit()])
    # A nationwide app of an institution licensed for some regions only needs its permitted-business basis
    # (NFRA-05.2), e.g. the approval for nationwide online business.
    nationwide_basis = models.CharField(_("basis for serving nationwide"), max_length=300, blank=True)
    partner = models.CharField(_("third-party partner"), max_length=200, blank=True)
    partner_contract_ref = models.CharField(_("partner contract reference"), max_length=100, blank=True)
    vendor = models.CharField(_("outsourcing vendor"), max_length=200, blank=True)
    is_important_system = models.BooleanField(_("important information system"), default=False)
    mlps_level = models.PositiveSmallIntegerField(
        _("MLPS level"), null=True, blank=True, choices=[(i, str(i)) for i in range(1, 6)]
    )
    mlps_assessed_on = models.DateField(_("last MLPS assessment"), null=True, blank=True)
    icp_filing_no = models.CharField(_("ICP filing number"), max_length=100, blank=True)
    app_filing_no = models.CharField(_("app filing number"), max_length=100, blank=True)
    privacy_policy_url = models.URLField(_("privacy policy"), blank=True)
    complaint_channel = models.CharField(_("complaint channel"), max_length=200, blank=True)
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)
    state = models.CharField(
        _("lifecycle state"), max_length=20, choices=LifecycleState.choices, default=LifecycleState.PROPOSED
    )
    description = BoundedTextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["institution", "code"]
        # a voided app (a mistaken entry) does not hold its code: the code may be given to a fresh app
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "code"],
                condition=models.Q(voided_at__isnull=True),
                name="app_code_unique",
            )
        ]
        indexes = [
            models.Index(fields=["institution", "state"]),
            models.Index(fields=["institution", "kind"]),
        ]
        verbose_name = _("mobile app")
        verbose_name_plural = _("mobile apps")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ledger:app-detail", args=[self.pk])

    def clean(self):
        errors = {}
        for field in (
            "platforms",
            "android_packages",
            "ios_bundle_ids",
            "harmony_bundle_names",
            "mini_program_appids",
            "business_lines",
            "regions",
        ):
            try:
                _string_list(getattr(self, field), self._meta.get_field(field).verbose_name)
            except ValidationError as exc:
                errors[field] = exc.messages
        unknown = (
            set(self.platforms or []) - set(Platform.values) if isinstance(self.platforms, list) else set()
        )
        if unknown:
            errors["platforms"] = [_("unknown platform: %(p)s") % {"p": ", ".join(sorted(unknown))}]
        for field in ("managing_department", "data_owner_department", "responsible_person"):
            related = getattr(self, field, None)
            if related is not None and self.institution_id and related.institution_id != self.institution_id:
                errors[field] = [_("belongs to another institution")]
        if self.original_id and self.kind and self.kind not in ORIGINAL_ID_KINDS:
            errors["original_id"] = [_("only official accounts and mini-programs have an original ID")]
        if self.mlps_assessed_on and self.mlps_level is None:
            errors["mlps_level"] = [_("an assessment date needs a level")]
        for field, messages in app_rules.problems(self).items():  # kind and platforms, identifier formats
            errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    @property
    def identifiers(self) -> list[str]:
        return [
            *self.android_packages,
            *self.ios_bundle_ids,
            *self.harmony_bundle_names,
            *self.mini_program_appids,
            *([self.original_id] if self.original_id else []),
        ]


# the items of the platforms list are Platform codes: histories show their labels (core.history_display)
MobileApp._meta.get_field("platforms").item_choices = Platform.choices
