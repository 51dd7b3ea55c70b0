from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable

from .choices import AssessmentKind, Decision
from .parties import Party


class Assessment(Voidable, InstitutionOwned):
    """Admission due diligence (准入) or a periodic re-evaluation: the questionnaire's answers, the score the
    service computes from them, and the decision of someone other than the assessor."""

    institution_path = "party__institution"

    party = models.ForeignKey(
        Party, verbose_name=_("third party"), on_delete=models.PROTECT, related_name="assessments"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AssessmentKind.choices, default=AssessmentKind.ADMISSION
    )
    assessed_on = models.DateField(_("assessed on"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    note = BoundedTextField(_("note"), blank=True)
    # set by the service
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True, editable=False)
    blocking = models.JSONField(_("blocking answers"), default=list, blank=True, editable=False)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING, editable=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    decision_note = models.TextField(_("decision note"), blank=True, editable=False)

    class Meta:
        ordering = ["party", "-assessed_on", "-id"]
        verbose_name = _("due-diligence assessment")
        verbose_name_plural = _("due-diligence assessments")

    def __str__(self):
        return f"{self.party} · {self.get_kind_display()} {self.assessed_on}"
