from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer, ScopedModelSerializer

from ..models import (
    AppPrivacyInventory,
    FindingDecision,
    GateRegressionAcceptance,
    ReleaseCertificate,
    Scan,
    ScanProfile,
    SdkAssessment,
    SdkUse,
    VulnerabilityFeed,
)


class ScanSerializer(LimitedModelSerializer):
    class Meta:
        model = Scan
        fields = [
            "id",
            "version",
            "package_sha256",
            "status",
            "requested_at",
            "started_at",
            "finished_at",
            "error",
            "engine_version",
            "high_findings",
            "report",
        ]
        read_only_fields = fields


class ScanRequestSerializer(serializers.Serializer):
    version = serializers.IntegerField()


class FindingDecisionRequestSerializer(serializers.Serializer):
    fingerprint = serializers.CharField(max_length=64)
    decision = serializers.ChoiceField(choices=FindingDecision.Decision.choices)
    reason = serializers.CharField(allow_blank=True)
    expires_on = serializers.DateField(required=False, allow_null=True)


class FindingDecisionSerializer(LimitedModelSerializer):
    class Meta:
        model = FindingDecision
        fields = [
            "id",
            "app",
            "fingerprint",
            "rule",
            "decision",
            "reason",
            "decided_by",
            "decided_at",
            "expires_on",
        ]


class SdkUseSerializer(LimitedModelSerializer):
    class Meta:
        model = SdkUse
        fields = [
            "id",
            "version",
            "scan",
            "sdk_id",
            "name",
            "vendor",
            "category",
            "personal_information",
            "matched_by",
        ]


class SdkAssessmentSerializer(ScopedModelSerializer):
    class Meta:
        model = SdkAssessment
        exclude = ["institution"]


class ReleaseCertificateSerializer(ScopedModelSerializer):
    class Meta:
        model = ReleaseCertificate
        fields = "__all__"


class ScanProfileSerializer(ScopedModelSerializer):
    """The institution is the writer's own (set by the service); the allow-list is checked by the service."""

    # the model field's own limits (core.models.fields.ListItemsLimit), so the API refuses what full_clean does
    allowed_domains = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        validators=list(ScanProfile._meta.get_field("allowed_domains").validators),
    )

    class Meta:
        model = ScanProfile
        fields = [
            "id",
            "institution",
            "allowed_domains",
            "check_links",
            "yara_rules",
            "validity_days",
            "min_target_sdk",
            "changed_at",
        ]
        read_only_fields = ["institution", "changed_at"]


class AppPrivacyInventorySerializer(ScopedModelSerializer):
    categories = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        validators=list(AppPrivacyInventory._meta.get_field("categories").validators),
    )

    class Meta:
        model = AppPrivacyInventory
        fields = ["id", "app", "categories"]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            fields["app"].read_only = True  # an inventory stays with its app
        return fields


class VulnerabilityFeedSerializer(LimitedModelSerializer):
    class Meta:
        model = VulnerabilityFeed
        fields = ["id", "name", "kind", "sha256", "imported_at", "advisory_count", "uploaded_by"]
        read_only_fields = fields


class VulnerabilityFeedUploadSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    file = serializers.FileField(
        help_text="OSV JSON (.json), or .csv / .xlsx with advisory_id and component columns"
    )


class GateRegressionAcceptanceSerializer(LimitedModelSerializer):
    class Meta:
        model = GateRegressionAcceptance
        fields = ["id", "version", "scan", "previous_scan", "reason", "accepted_by", "accepted_at"]
        read_only_fields = fields


class RegressionAcceptSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    reason = serializers.CharField(allow_blank=True)
