"""Experience requirements (NFRA-06.2): an app's assessment against the 适老化 and minor-protection items of
operations/data/experience_items.yaml, one assessment per major version of the app."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable


def evidence_path(instance, filename):
    return (
        f"operations/experience/{instance.assessment.app.institution_id}/{instance.assessment_id}/{filename}"
    )


class ExperienceAssessment(Voidable, InstitutionOwned):
    """The assessment of one major version of an app; a newer major version makes it no longer current."""

    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp",
        verbose_name=_("app"),
        on_delete=models.PROTECT,
        related_name="experience_assessments",
    )
    major_version = models.PositiveIntegerField(_("major version"))
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.ForeignKey(
        "core.Person", verbose_name=_("assessor"), on_delete=models.PROTECT, related_name="+"
    )
    note = BoundedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["app", "-major_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["app", "major_version"],
                condition=models.Q(voided_at__isnull=True),
                name="experience_one_per_major",
            )
        ]
        verbose_name = _("experience assessment")
        verbose_name_plural = _("experience assessments")

    def __str__(self):
        return f"{self.app} v{self.major_version}"

    def get_absolute_url(self):
        return reverse("operations:assessment-detail", args=[self.pk])


class ExperienceItemResult(Voidable, InstitutionOwned):
    """One item of the assessment: met, not met or not applicable (with the reason), and its evidence file."""

    institution_path = "assessment__app__institution"

    class Result(models.TextChoices):
        MET = "met", _("Met")
        NOT_MET = "not_met", _("Not met")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    assessment = models.ForeignKey(
        ExperienceAssessment, verbose_name=_("assessment"), on_delete=models.PROTECT, related_name="items"
    )
    item = models.CharField(_("item"), max_length=60)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    evidence = models.FileField(_("evidence file"), upload_to=evidence_path, blank=True, max_length=300)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["assessment", "item"]
        # a voided answer (a mistaken entry) does not stop the item being answered again
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "item"],
                condition=models.Q(voided_at__isnull=True),
                name="experience_item_once",
            )
        ]
        verbose_name = _("experience item result")
        verbose_name_plural = _("experience item results")

    def __str__(self):
        return f"{self.assessment} · {self.item}"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url()
