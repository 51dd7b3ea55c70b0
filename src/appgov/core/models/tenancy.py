"""Who is who: regulator offices, institutions, their departments and staff."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import ListItemsLimit
from appgov.core.models.owned import InstitutionOwned
from appgov.core.zones import DEFAULT_ZONE, ZONE_CHOICES

from .voidable import Voidable


class RegulatorOffice(models.Model):
    institution_path = None  # offices are not owned by an institution; see users.scoping

    class Level(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters")
        PROVINCIAL = "provincial", _("Provincial office")
        SUB_OFFICE = "sub_office", _("Sub-office")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("regulator office")
        verbose_name_plural = _("regulator offices")

    def __str__(self):
        return self.name

    def descendant_ids(self) -> list[int]:
        """This office and every office below it (the jurisdiction tree)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                RegulatorOffice.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class Institution(models.Model):
    institution_path = ""

    class Kind(models.TextChoices):
        BANK = "bank", _("Bank")
        INSURER = "insurer", _("Insurer")
        FINANCIAL_HOLDING = "financial_holding", _("Financial holding company")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    regulator_office = models.ForeignKey(
        RegulatorOffice,
        verbose_name=_("supervising office"),
        on_delete=models.PROTECT,
        related_name="institutions",
    )
    licensed_business_lines = models.JSONField(
        _("licensed business scope"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    licensed_regions = models.JSONField(
        _("licensed regions"), default=list, blank=True, validators=[ListItemsLimit()]
    )
    leading_department = models.ForeignKey(
        "core.Department",
        verbose_name=_("leading management department for apps"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    planned_app_ceiling = models.PositiveIntegerField(_("planned app ceiling"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=ZONE_CHOICES,
        default=DEFAULT_ZONE,
        help_text=_(
            "Dates and times are shown, and today and deadlines computed, in this zone for the institution."
        ),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.name


class Department(InstitutionOwned):
    institution_path = "institution"

    class Kind(models.TextChoices):
        BUSINESS = "business", _("Business")
        TECHNOLOGY = "technology", _("Technology")
        RISK = "risk", _("Risk management")
        COMPLIANCE = "compliance", _("Compliance")
        AUDIT = "audit", _("Internal audit")
        BRANCH = "branch", _("Branch")
        OTHER = "other", _("Other")

    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="departments"
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BUSINESS)

    class Meta:
        ordering = ["institution", "code"]
        constraints = [models.UniqueConstraint(fields=["institution", "code"], name="department_code_unique")]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class Person(Voidable, InstitutionOwned):
    institution_path = "institution"
    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="people"
    )
    employee_no = models.CharField(_("employee number"), max_length=32)
    name = models.CharField(_("name"), max_length=100)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    position = models.CharField(_("position"), max_length=100, blank=True)
    # 高级管理人员: PBC102-01 wants the head of the credit leading group to be one.
    is_senior_management = models.BooleanField(_("senior management"), default=False)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    active_from = models.DateField(_("employed since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["institution", "employee_no"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "employee_no"], name="person_employee_no_unique")
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def is_employed(self, on=None) -> bool:
        from django.utils import timezone

        on = on or timezone.localdate()
        return self.left_on is None or self.left_on > on
