from rest_framework import serializers

from appgov.core.api.base import ScopedModelSerializer

from ..models import (
    GateRegressionAcceptance,
    ReleaseCertificate,
    Scan,
    SdkAssessment,
    SdkUse,
    VulnerabilityFeed,
)


class ScanSerializer(serializers.ModelSerializer):
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


class SdkUseSerializer(serializers.ModelSerializer):
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


class VulnerabilityFeedSerializer(serializers.ModelSerializer):
    class Meta:
        model = VulnerabilityFeed
        fields = ["id", "name", "kind", "sha256", "imported_at", "advisory_count", "uploaded_by"]
        read_only_fields = fields


class VulnerabilityFeedUploadSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    file = serializers.FileField(
        help_text="OSV JSON (.json), or .csv / .xlsx with advisory_id and component columns"
    )


class GateRegressionAcceptanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = GateRegressionAcceptance
        fields = ["id", "version", "scan", "previous_scan", "reason", "accepted_by", "accepted_at"]
        read_only_fields = fields


class RegressionAcceptSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    reason = serializers.CharField(allow_blank=True)
