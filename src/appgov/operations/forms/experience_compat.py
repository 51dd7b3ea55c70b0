from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input
from appgov.core.models import Person

from ..datafiles import experience_items
from ..models import (
    AccountReview,
    AdaptationTask,
    CompatTestResult,
    ExperienceAssessment,
    ExperienceItemResult,
    OperatingAccount,
    OsRelease,
    PlatformRequirement,
)


def _employed(form, *names):
    for name in names:
        if name in form.fields:
            form.fields[name].queryset = form.fields[name].queryset.filter(
                left_on__isnull=True
            ) | Person.objects.filter(pk=getattr(form.instance, f"{name}_id", None) or 0)


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


class AccountForm(ScopedModelForm):
    class Meta:
        model = OperatingAccount
        fields = [
            "app",
            "kind",
            "publishing_account",
            "system",
            "account_name",
            "owner",
            "second_admin",
            "review_every_days",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _employed(self, "owner", "second_admin")


class ReviewForm(ScopedModelForm):
    class Meta:
        model = AccountReview
        fields = ["account", "reviewed_on", "reviewer", "outcome", "note"]
        widgets = {"reviewed_on": date_input()}


class ReleaseForm(ScopedModelForm):
    class Meta:
        model = OsRelease
        fields = ["platform", "version", "api_level", "beta_on", "ga_on", "date_note", "source"]
        widgets = {"beta_on": date_input(), "ga_on": date_input()}


class RequirementForm(ScopedModelForm):
    class Meta:
        model = PlatformRequirement
        fields = [
            "distributor",
            "platform",
            "min_target_api",
            "applies_to",
            "effective_on",
            "date_note",
            "source",
        ]
        widgets = {"effective_on": date_input()}


class TaskForm(ScopedModelForm):
    class Meta:
        model = AdaptationTask
        fields = ["app", "release", "status", "owner", "plan", "contingency_plan", "note"]


class ResultForm(ScopedModelForm):
    class Meta:
        model = CompatTestResult
        fields = ["task", "device", "os_build", "app_version", "outcome", "tested_on", "note"]
        widgets = {"tested_on": date_input()}
