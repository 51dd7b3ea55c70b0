"""Serializers of the OS-release register, the platforms' requirements, the adaptation tasks and their test
results (NFRA-10)."""

from appgov.core.api.base import ScopedModelSerializer

from ..models import (
    AdaptationTask,
    CompatTestResult,
    OsRelease,
    PlatformRequirement,
)


class OsReleaseSerializer(ScopedModelSerializer):
    class Meta:
        model = OsRelease
        fields = [
            "id",
            "institution",
            "platform",
            "version",
            "api_level",
            "beta_on",
            "ga_on",
            "date_note",
            "source",
            "shipped",
        ]
        read_only_fields = ["institution", "shipped"]


class PlatformRequirementSerializer(ScopedModelSerializer):
    class Meta:
        model = PlatformRequirement
        fields = [
            "id",
            "institution",
            "distributor",
            "platform",
            "min_target_api",
            "applies_to",
            "effective_on",
            "date_note",
            "source",
            "shipped",
        ]
        read_only_fields = ["institution", "shipped"]


class AdaptationTaskSerializer(ScopedModelSerializer):
    class Meta:
        model = AdaptationTask
        fields = ["id", "app", "release", "status", "due_on", "owner", "plan", "contingency_plan", "note"]
        read_only_fields = ["due_on"]


class CompatTestResultSerializer(ScopedModelSerializer):
    class Meta:
        model = CompatTestResult
        fields = ["id", "task", "device", "os_build", "app_version", "outcome", "tested_on", "note"]
