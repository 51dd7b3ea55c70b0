"""Forms of the OS-release register, the platforms' requirements, the adaptation tasks and their test results
(NFRA-10)."""

from appgov.core.forms import ScopedModelForm, date_input

from ..models import (
    AdaptationTask,
    CompatTestResult,
    OsRelease,
    PlatformRequirement,
)


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
