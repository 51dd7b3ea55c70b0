from rest_framework import serializers

from appgov.core.api.base import ScopedModelSerializer

from ..models import ReleaseCertificate, Scan, SdkAssessment, SdkUse


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
