"""Forms of the experience assessments and their item results (NFRA-06.2)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input

from ..datafiles import experience_items
from ..models import (
    ExperienceAssessment,
    ExperienceItemResult,
)


class AssessmentForm(ScopedModelForm):
    class Meta:
        model = ExperienceAssessment
        fields = ["app", "major_version", "assessed_on", "assessor", "note"]
        widgets = {"assessed_on": date_input()}


class ItemResultForm(ScopedModelForm):
    item = forms.ChoiceField(label=_("item"))

    class Meta:
        model = ExperienceItemResult
        fields = ["assessment", "item", "result", "evidence", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(i["code"], i["zh"]) for i in experience_items()["items"]]
