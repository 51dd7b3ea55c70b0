from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input
from appgov.core.models.fields import TEXT_LIMIT
from appgov.ledger.models import AppVersion, Channel, MobileApp

from .models import AccessGrant, Contact, Contract, Party, Qualification, Relation
from .models.choices import Business, DataDisposition, PartyKind
from .policy import answer_choices, question_text, questionnaire


class ListChoiceField(forms.MultipleChoiceField):
    """A JSON list of choice values shown as check boxes."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return list(value or [])


class NameListField(forms.CharField):
    """A JSON list of names edited as one name per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class PartyForm(ScopedModelForm):
    kinds = ListChoiceField(label=_("kinds"), choices=PartyKind.choices)
    sdk_vendor_names = NameListField(label=_("vendor names in the SDK catalogue"), required=False)

    class Meta:
        model = Party
        fields = [
            "name",
            "credit_code",
            "kinds",
            "risk_tier",
            "sdk_vendor_names",
            "address",
            "website",
            "note",
        ]


class QualificationForm(ScopedModelForm):
    businesses = ListChoiceField(label=_("licensed businesses"), choices=Business.choices, required=False)

    class Meta:
        model = Qualification
        fields = ["kind", "number", "issued_by", "businesses", "scope", "valid_from", "valid_until"]
        widgets = {"valid_from": date_input(), "valid_until": date_input()}


class ContactForm(ScopedModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "phone", "email"]


class ContractForm(ScopedModelForm):
    class Meta:
        model = Contract
        fields = [
            "reference",
            "title",
            "signed_on",
            "starts_on",
            "ends_on",
            "terminated_on",
            "clause_data_protection",
            "clause_security",
            "clause_audit_right",
            "clause_no_subcontracting",
            "clause_exit_data_return",
            "note",
        ]
        widgets = {n: date_input() for n in ("signed_on", "starts_on", "ends_on", "terminated_on")}


class RelationForm(ScopedModelForm):
    businesses = ListChoiceField(
        label=_("business conducted in the app"), choices=Business.choices, required=False
    )

    class Meta:
        model = Relation
        fields = [
            "app",
            "version",
            "purpose",
            "channel",
            "sdk_id",
            "businesses",
            "description",
            "started_on",
            "ended_on",
        ]
        widgets = {"started_on": date_input(), "ended_on": date_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["app"].queryset = MobileApp.objects.for_user(self.user)
        self.fields["version"].queryset = AppVersion.objects.for_user(self.user).select_related("app")
        self.fields["channel"].queryset = Channel.objects.for_user(self.user)


class GrantForm(ScopedModelForm):
    class Meta:
        model = AccessGrant
        fields = [
            "app",
            "person_name",
            "account",
            "system",
            "purpose",
            "level",
            "approver",
            "approved_on",
            "starts_on",
            "ends_on",
            "justification",
        ]
        widgets = {n: date_input() for n in ("approved_on", "starts_on", "ends_on")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["app"].queryset = MobileApp.objects.for_user(self.user)


class AssessmentForm(forms.Form):
    """The questionnaire (data/questionnaire.yaml), one choice per question."""

    kind = forms.ChoiceField(label=_("kind"), choices=[])
    assessed_on = forms.DateField(label=_("assessed on"), widget=date_input())
    note = forms.CharField(
        max_length=TEXT_LIMIT, label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        from .models.choices import AssessmentKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AssessmentKind.choices
        for q in questionnaire()["questions"]:
            choices = [(k, v) for k, v in answer_choices() if k != "na" or q.get("na")]
            label = question_text(q) + (" ★" if q.get("blocking") else "")
            self.fields[f"q_{q['id']}"] = forms.ChoiceField(
                label=label, choices=choices, widget=forms.RadioSelect, required=False
            )
        from appgov.core.forms import style_form

        style_form(self)

    def answers(self) -> dict:
        return {
            name[2:]: value for name, value in self.cleaned_data.items() if name.startswith("q_") and value
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"), choices=[("approved", _("Approve")), ("rejected", _("Reject"))]
    )
    note = forms.CharField(max_length=TEXT_LIMIT, label=_("decision note"), required=False)


class BusinessReviewForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("compliance review"), choices=[("approved", _("Approved")), ("rejected", _("Rejected"))]
    )
    reference = forms.CharField(max_length=100, label=_("review reference"))
    reviewed_on = forms.DateField(label=_("reviewed on"), widget=date_input())


class MoveForm(forms.Form):
    to_state = forms.CharField(max_length=32, widget=forms.HiddenInput)
    reason = forms.CharField(max_length=TEXT_LIMIT, label=_("reason"), required=False)
    data_disposition = forms.ChoiceField(
        label=_("data returned or destroyed"), choices=[("", "—"), *DataDisposition.choices], required=False
    )
    data_disposed_on = forms.DateField(
        label=_("data returned / destroyed on"), required=False, widget=date_input()
    )
    destruction_certificate = forms.FileField(label=_("certificate of destruction"), required=False)
    exited_on = forms.DateField(label=_("exited on"), required=False, widget=date_input())


class UploadForm(forms.Form):
    file = forms.FileField(label=_("file"))
