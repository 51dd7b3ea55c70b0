from rest_framework import serializers

from appgov.core.api.base import ScopedModelSerializer

from ..models import FindingDecision, ReleaseCertificate, Scan, SdkAssessment, SdkUse


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


class FindingDecisionRequestSerializer(serializers.Serializer):
    fingerprint = serializers.CharField(max_length=64)
    decision = serializers.ChoiceField(choices=FindingDecision.Decision.choices)
    reason = serializers.CharField(allow_blank=True)
    expires_on = serializers.DateField(required=False, allow_null=True)


class FindingDecisionSerializer(serializers.ModelSerializer):
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
