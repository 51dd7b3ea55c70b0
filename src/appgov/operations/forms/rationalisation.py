from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input, style_form

from ..models import AppFunctions, Decision
from ..taxonomy import function_choices


class FunctionsForm(ScopedModelForm):
    functions = forms.MultipleChoiceField(
        label=_("business functions"), choices=function_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = AppFunctions
        fields = ["app", "functions", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["app"].disabled = True


class DecisionForm(ScopedModelForm):
    class Meta:
        model = Decision
        fields = ["kind", "justification", "merge_into", "owner", "deadline"]
        widgets = {"deadline": date_input(), "justification": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, candidate=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidate is not None:
            self.fields["merge_into"].queryset = (
                self.fields["merge_into"]
                .queryset.filter(institution=candidate.institution)
                .exclude(pk=candidate.app_id)
            )
            self.fields["owner"].queryset = self.fields["owner"].queryset.filter(
                institution=candidate.institution, left_on__isnull=True
            )


class CompleteDecisionForm(forms.Form):
    completion_note = forms.CharField(
        label=_("what was done"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
