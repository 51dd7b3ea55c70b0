"""The annual risk assessment of every app (NFRA-17.2): a campaign per year, one assessment per app, answered
against the questionnaire kept as data (data/questionnaire.yaml), pre-filled from the platform, scored, signed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned


class CampaignState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AssessmentCampaign(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", on_delete=models.PROTECT, related_name="risk_campaigns"
    )
    year = models.PositiveIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    opened_on = models.DateField(_("opened on"))
    due_on = models.DateField(_("due on"))
    questionnaire_version = models.CharField(_("questionnaire version"), max_length=40, editable=False)
    state = models.CharField(
        _("state"), max_length=20, choices=CampaignState.choices, default=CampaignState.OPEN, editable=False
    )
    # set by the close step (workflows/campaign.yaml): the campaign report as it was at closing, kept
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    report_file = models.FileField(
        _("campaign report (frozen at closing)"), upload_to="risk/campaigns/%Y/", blank=True, editable=False
    )
    report_sha256 = models.CharField(_("SHA-256 of the report"), max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("risk assessment campaign")
        verbose_name_plural = _("risk assessment campaigns")
        constraints = [
            models.UniqueConstraint(fields=["institution", "year"], name="risk_campaign_one_a_year")
        ]

    def get_absolute_url(self):
        return reverse("risk:campaign-detail", args=[self.pk])

    def __str__(self):
        return self.title


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for sign-off")
    SIGNED = "signed", _("Signed by compliance")
    WAIVED = "waived", _("Waived, with the reason")


# an assessment that needs nothing more before its campaign closes
DECIDED_STATES = (AssessmentState.SIGNED, AssessmentState.WAIVED)


class Assessment(InstitutionOwned):
    institution_path = "campaign__institution"

    campaign = models.ForeignKey(AssessmentCampaign, on_delete=models.PROTECT, related_name="assessments")
    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="risk_assessments")
    # {item id: {"answer": "yes" | "partly" | "no" | "na", "note": "...", "evidence": "..."}}
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # what the platform knew when the assessment was pre-filled: {item id: {"answer", "facts"}}
    prefill = models.JSONField(_("pre-filled from the platform"), default=dict, editable=False)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True, editable=False)
    rating = models.CharField(_("rating"), max_length=20, blank=True, editable=False)
    conclusion = BoundedTextField(_("conclusion"), blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=AssessmentState.choices,
        default=AssessmentState.DRAFT,
        editable=False,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True, editable=False)
    waiver_reason = BoundedTextField(_("why waived"), blank=True, editable=False)

    class Meta:
        ordering = ["campaign", "app__code"]
        verbose_name = _("app risk assessment")
        verbose_name_plural = _("app risk assessments")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "app"], name="risk_assessment_one_per_app")
        ]

    def get_absolute_url(self):
        return reverse("risk:assessment-detail", args=[self.pk])

    @property
    def rating_label(self) -> str:
        """The rating as the questionnaire's bands name it, in the user's language (低风险, not low)."""
        from django.utils.translation import get_language

        from ..policy import questionnaire

        for band in questionnaire().get("bands", []):
            if band["rating"] == self.rating:
                return band["en"] if (get_language() or "zh").startswith("en") else band["zh"]
        return self.rating

    def __str__(self):
        return f"{self.campaign.year} {self.app}"
