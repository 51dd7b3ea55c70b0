from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.roles import Role


class User(AbstractUser):
    """A person who logs in: staff of one institution, or an examiner of one regulator office."""

    institution = models.ForeignKey(
        "core.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    regulator_office = models.ForeignKey(
        "core.RegulatorOffice",
        verbose_name=_("regulator office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    department = models.ForeignKey(
        "core.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.READ_ONLY)
    # set when an administrator resets the user's second factor: they must enrol again at the next sign-in,
    # whatever their role; cleared by the enrolment
    second_factor_reset_at = models.DateTimeField(
        _("second factor reset"), null=True, blank=True, editable=False
    )

    institution_path = "institution"
    changelog_redacted = ("password",)  # the change log keeps a digest of the hash, never the hash

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(institution__isnull=False) & models.Q(regulator_office__isnull=False)),
                name="user_belongs_to_one_organisation",
            )
        ]

    @property
    def is_regulator(self) -> bool:
        return self.regulator_office_id is not None

    def jurisdiction_institution_ids(self) -> list[int]:
        from appgov.core.models import Institution

        if self.is_regulator:
            offices = self.regulator_office.descendant_ids()
            return list(
                Institution.objects.filter(regulator_office_id__in=offices).values_list("pk", flat=True)
            )
        return [self.institution_id] if self.institution_id else []


class TokenActivity(models.Model):
    """When and from where an API token was last used (the token page shows it); written at most once a
    minute per token so busy clients do not turn every read into a write."""

    institution_path = "token__user__institution"

    token = models.OneToOneField(
        "authtoken.Token", primary_key=True, on_delete=models.CASCADE, related_name="activity"
    )
    last_used_at = models.DateTimeField(_("last used"))
    last_used_from = models.GenericIPAddressField(_("last used from"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token use")
        verbose_name_plural = _("API token uses")
