"""The risk register (NFRA-17.1): business and technology risks per app or for the institution, rated on the
5 × 5 matrix kept as data (data/matrix.yaml), inherent and residual, with a treatment plan and its tasks."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, ListItemsLimit
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskCategory(models.TextChoices):
    BUSINESS = "business", _("Business risk")
    TECHNOLOGY = "technology", _("Technology risk")


class Treatment(models.TextChoices):
    MITIGATE = "mitigate", _("Mitigate")
    ACCEPT = "accept", _("Accept the risk")
    TRANSFER = "transfer", _("Transfer")
    AVOID = "avoid", _("Avoid")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    TREATING = "treating", _("Being treated")
    ACCEPTED = "accepted", _("Accepted")
    CLOSED = "closed", _("Closed")


class Risk(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=RiskCategory.choices)
    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risks",
        help_text=_("Empty for a risk of the institution as a whole"),
    )
    cause = BoundedTextField(_("cause"), blank=True)
    inherent_likelihood = models.PositiveSmallIntegerField(_("inherent likelihood"), validators=SCALE)
    inherent_impact = models.PositiveSmallIntegerField(_("inherent impact"), validators=SCALE)
    residual_likelihood = models.PositiveSmallIntegerField(_("residual likelihood"), validators=SCALE)
    residual_impact = models.PositiveSmallIntegerField(_("residual impact"), validators=SCALE)
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("task owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    treatment = models.CharField(
        _("treatment"), max_length=20, choices=Treatment.choices, default=Treatment.MITIGATE
    )
    treatment_plan = BoundedTextField(_("treatment plan"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    incidents = models.ManyToManyField(
        "risk.Incident", verbose_name=_("related incidents"), blank=True, related_name="risks"
    )
    control_ids = models.JSONField(
        _("related controls"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    vendors = models.ManyToManyField(
        "partners.Party",
        through="risk.RiskVendor",
        verbose_name=_("related vendors"),
        blank=True,
        related_name="risks",
    )
    # names of vendors not (yet) in the third-party register; migration 0004 moved every name that matched a
    # party of the institution into `vendors`
    vendor_names = models.JSONField(
        _("other vendors (not in the register)"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    # findings of the common findings list (compliance.Finding ids, read through core.extensions.findings_gateway:
    # risk may not import compliance); the service refuses an id that is not a finding of the institution
    finding_ids = models.JSONField(
        _("related findings"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    next_review_on = models.DateField(_("next review on"), null=True, blank=True)

    class Meta:
        ordering = ["reference"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.UniqueConstraint(fields=["institution", "reference"], name="risk_risk_reference_unique")
        ]

    def get_absolute_url(self):
        return reverse("risk:risk-detail", args=[self.pk])

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def inherent_score(self) -> int:
        return (self.inherent_likelihood or 0) * (self.inherent_impact or 0)

    @property
    def residual_score(self) -> int:
        return (self.residual_likelihood or 0) * (self.residual_impact or 0)

    @property
    def inherent_rating(self) -> str:
        return _rating_text(self.inherent_likelihood, self.inherent_impact)

    @property
    def residual_rating(self) -> str:
        return _rating_text(self.residual_likelihood, self.residual_impact)


def _rating_text(likelihood, impact) -> str:
    from appgov.risk.policy import rating

    if not likelihood or not impact:
        return ""
    band = rating(likelihood, impact)
    return f"{likelihood * impact}（{band['zh']}）"


class RiskVendor(InstitutionOwned):
    """A risk's link to a third party of the register (the rows of Risk.vendors, kept: PROTECT both ways)."""

    institution_path = "risk__institution"

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("partners.Party", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["risk", "party"], name="risk_vendor_once")]
        verbose_name = _("risk vendor")
        verbose_name_plural = _("risk vendors")

    def __str__(self):
        return f"{self.risk_id} · {self.party_id}"


class RiskTask(Voidable, InstitutionOwned):
    """One task of a risk's treatment plan."""

    institution_path = "risk__institution"

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("task owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("treatment task")
        verbose_name_plural = _("treatment tasks")

    def __str__(self):
        return self.title
