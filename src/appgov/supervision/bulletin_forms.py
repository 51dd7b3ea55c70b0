from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, style_form
from appgov.core.models.fields import TEXT_LIMIT

from .models import Bulletin, BulletinAnswer, Submission


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class BulletinForm(ScopedModelForm):
    class Meta:
        model = Bulletin
        fields = ["code", "title", "kind", "severity", "body", "answer_by", "institutions", "sdk_id",
                  "sdk_versions_from", "sdk_fixed_in", "permission", "domain", "certificate_sha256"]  # fmt: skip
        widgets = {
            "institutions": forms.CheckboxSelectMultiple,
            "body": forms.Textarea(attrs={"rows": 5}),
        }


class AnswerForm(StyledForm):
    answer = forms.ChoiceField(label=_("answer"), choices=BulletinAnswer.Answer.choices)
    reason = forms.CharField(
        label=_("reason or what was done"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    planned_on = forms.DateField(
        label=_("planned for"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class DecisionForm(StyledForm):
    accepted = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("Accept")), ("0", _("Reject"))],
        coerce=lambda v: v == "1",
    )
    comment = forms.CharField(
        label=_("comment"), required=False, max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 2})
    )


class SubmissionForm(StyledForm):
    kind = forms.ChoiceField(label=_("kind"), choices=Submission.Kind.choices)
    period_start = forms.DateField(label=_("period from"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("period until"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("covering note"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(StyledForm):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[c for c in Submission.Status.choices if c[0] != Submission.Status.RECEIVED],
    )
    comment = forms.CharField(
        label=_("comment"), required=False, max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 2})
    )
