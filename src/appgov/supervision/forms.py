from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, style_form

from .models import Campaign, CampaignFinding, CampaignResult, SupervisoryMeasure


class CampaignForm(ScopedModelForm):
    class Meta:
        model = Campaign
        fields = ["code", "title", "kind", "period_start", "period_end", "institutions", "apps",
                  "rectification_days", "description"]  # fmt: skip
        widgets = {
            "institutions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["apps"].widget.attrs["size"] = 8
        self.fields["apps"].queryset = self.fields["apps"].queryset.select_related("institution")
        self.fields["apps"].label_from_instance = lambda app: f"{app.institution.name} · {app}"


class ResultForm(ScopedModelForm):
    class Meta:
        model = CampaignResult
        fields = ["app", "outcome", "tested_on", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        if campaign is not None:
            from .services import scope_apps

            self.fields["app"].queryset = scope_apps(campaign)


class FindingForm(ScopedModelForm):
    class Meta:
        model = CampaignFinding
        fields = ["title", "severity", "control_id", "description", "evidence", "due_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MeasureForm(ScopedModelForm):
    class Meta:
        model = SupervisoryMeasure
        fields = [
            "institution",
            "kind",
            "decision_number",
            "taken_on",
            "summary",
            "responsible_persons",
            "campaign",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_persons"].queryset = self.fields[
            "responsible_persons"
        ].queryset.select_related("institution")
        self.fields["responsible_persons"].label_from_instance = lambda p: f"{p.institution.name} · {p.name}"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("accept", _("Accept the rectification")), ("reject", _("Reject: back to the institution"))],
    )
    comment = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
