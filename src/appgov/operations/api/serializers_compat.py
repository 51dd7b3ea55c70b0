from appgov.core.api.base import DownloadLinkField, ScopedModelSerializer

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


class AssessmentSerializer(ScopedModelSerializer):
    class Meta:
        model = ExperienceAssessment
        fields = ["id", "app", "major_version", "assessed_on", "assessor", "note", "created_at"]


class ItemResultSerializer(ScopedModelSerializer):
    evidence = DownloadLinkField("operations-itemresult-evidence", "evidence")

    class Meta:
        model = ExperienceItemResult
        fields = ["id", "assessment", "item", "result", "evidence", "note"]


class AccountSerializer(ScopedModelSerializer):
    class Meta:
        model = OperatingAccount
        fields = [
            "id",
            "app",
            "kind",
            "publishing_account",
            "system",
            "account_name",
            "owner",
            "second_admin",
            "review_every_days",
            "last_reviewed_on",
            "next_review_due",
            "leaver_flagged_on",
            "leaver_flag",
            "note",
        ]
        read_only_fields = ["last_reviewed_on", "next_review_due", "leaver_flagged_on", "leaver_flag"]


class ReviewSerializer(ScopedModelSerializer):
    class Meta:
        model = AccountReview
        fields = ["id", "account", "reviewed_on", "reviewer", "outcome", "note"]


class ReleaseSerializer(ScopedModelSerializer):
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


class RequirementSerializer(ScopedModelSerializer):
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


class TaskSerializer(ScopedModelSerializer):
    class Meta:
        model = AdaptationTask
        fields = ["id", "app", "release", "status", "due_on", "owner", "plan", "contingency_plan", "note"]
        read_only_fields = ["due_on"]


class ResultSerializer(ScopedModelSerializer):
    class Meta:
        model = CompatTestResult
        fields = ["id", "task", "device", "os_build", "app_version", "outcome", "tested_on", "note"]
