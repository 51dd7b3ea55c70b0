import re

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm

from . import policy
from .models import (
    AssessmentCampaign,
    AuditEngagement,
    AuditFinding,
    Drill,
    EmergencyPlan,
    ImpactAnalysis,
    Incident,
    IncidentEvent,
    ReleaseDossier,
    Risk,
    RiskTask,
)
from .models.audits import AuditKind


class IncidentForm(ScopedModelForm):
    class Meta:
        model = Incident
        fields = [
            "reference",
            "title",
            "kind",
            "apps",
            "detected_at",
            "description",
            "outage_minutes",
            "customers_affected",
            "records_exposed",
            "loss_yuan",
            "media_attention",
        ]


class IncidentEventForm(ScopedModelForm):
    class Meta:
        model = IncidentEvent
        fields = ["at", "note"]


class AuditForm(ScopedModelForm):
    class Meta:
        model = AuditEngagement
        fields = [
            "reference",
            "title",
            "kind",
            "apps",
            "auditor_type",
            "auditor_name",
            "team",
            "scope",
            "due_on",
            "planned_start",
            "fieldwork_end",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:  # a special audit is made by the rule when a major incident is recorded
            self.fields["kind"].choices = [
                c for c in self.fields["kind"].choices if c[0] != AuditKind.SPECIAL
            ]


class AuditFindingForm(ScopedModelForm):
    class Meta:
        model = AuditFinding
        fields = ["engagement", "app", "title", "description", "recommendation", "severity", "owner"]


class CampaignForm(ScopedModelForm):
    class Meta:
        model = AssessmentCampaign
        fields = ["year", "title", "opened_on", "due_on"]


class FindingNumbersField(forms.CharField):
    """Finding numbers (#12, 15 …) as the text a person types; the service checks each is a finding of the
    institution."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return value

    def to_python(self, value):
        text = re.sub(
            r"[，\s;；]*[\n，;；][，\s;；]*", ",", super().to_python(value) or ""
        )  # commas or lines
        return [part.strip().lstrip("#") for part in text.split(",") if part.strip()]


class RiskForm(ScopedModelForm):
    finding_ids = FindingNumbersField(
        label=_("related findings"),
        required=False,
        help_text=_("Finding numbers of the findings list, separated by commas"),
    )

    class Meta:
        model = Risk
        fields = [
            "reference",
            "title",
            "category",
            "app",
            "cause",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
            "owner",
            "treatment",
            "treatment_plan",
            "status",
            "incidents",
            "vendors",
            "finding_ids",
            "next_review_on",
        ]


class RiskTaskForm(ScopedModelForm):
    class Meta:
        model = RiskTask
        fields = ["risk", "title", "owner", "due_on", "done_on"]


class ImpactAnalysisForm(ScopedModelForm):
    class Meta:
        model = ImpactAnalysis
        fields = [
            "app",
            "critical_services",
            "rto_minutes",
            "rpo_minutes",
            "mtpd_minutes",
            "dependencies",
            "analysed_on",
            "approved_on",
        ]


class EmergencyPlanForm(ScopedModelForm):
    class Meta:
        model = EmergencyPlan
        fields = ["app", "title", "version", "document", "approved_on", "approved_by"]


class DrillForm(ScopedModelForm):
    class Meta:
        model = Drill
        fields = [
            "app",
            "plan",
            "scenario",
            "planned_on",
            "held_on",
            "participants",
            "measured_recovery_minutes",
            "gap",
        ]


class ReleaseDossierForm(ScopedModelForm):
    class Meta:
        model = ReleaseDossier
        exclude = []


ANSWER_CHOICES = [
    ("", "—"),
    ("yes", _("Yes")),
    ("partly", _("Partly")),
    ("no", _("No")),
    ("na", _("Not applicable")),
]


class AnswersForm(forms.Form):
    """One answer and note per questionnaire item (the items are data: data/questionnaire.yaml)."""

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = policy.questionnaire()["items"]
        for item in self.items:
            given = assessment.answers.get(item["id"]) or {}
            confirmed = given.get("answer") if not given.get("prefilled") else ""
            self.fields[f"a_{item['id']}"] = forms.ChoiceField(
                label=item["zh"], choices=ANSWER_CHOICES, required=False, initial=confirmed
            )
            self.fields[f"n_{item['id']}"] = forms.CharField(
                label=_("note"), required=False, initial=given.get("note", ""), max_length=2000
            )
            self.fields[f"a_{item['id']}"].widget.attrs["class"] = "form-select form-select-sm"
            self.fields[f"n_{item['id']}"].widget.attrs["class"] = "form-control form-control-sm"

    def answers(self) -> dict:
        out = {}
        for item in self.items:
            answer = self.cleaned_data.get(f"a_{item['id']}")
            if answer:
                out[item["id"]] = {"answer": answer, "note": self.cleaned_data.get(f"n_{item['id']}", "")}
        return out

    def rows(self):
        return [(item, self[f"a_{item['id']}"], self[f"n_{item['id']}"]) for item in self.items]
