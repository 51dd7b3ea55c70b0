from rest_framework import serializers

from appgov.core.api.base import DownloadLinkField, LimitedModelSerializer, ScopedModelSerializer

from ..models import (
    AppVersion,
    Channel,
    GateEvidence,
    LifecycleEvent,
    Listing,
    MobileApp,
    PublishingAccount,
    Vulnerability,
)
from ..models.choices import Platform


class MobileAppSerializer(ScopedModelSerializer):
    platforms = serializers.ListField(child=serializers.ChoiceField(choices=Platform.choices), required=False)
    state = serializers.CharField(read_only=True)

    class Meta:
        model = MobileApp
        fields = "__all__"
        # institution: set from the user on create; shown so regulators can tell institutions apart
        read_only_fields = ["institution", "state", "launched_on", "retired_on", "created_at", "updated_at"]


class AppVersionSerializer(ScopedModelSerializer):
    package = DownloadLinkField("appversion-download", "package", help_text="URL of the package download")

    class Meta:
        model = AppVersion
        fields = "__all__"
        read_only_fields = ["package", "package_sha256", "package_size", "created_at"]


class PackageUploadSerializer(serializers.Serializer):
    package = serializers.FileField()


class ChannelSerializer(ScopedModelSerializer):
    class Meta:
        model = Channel
        fields = "__all__"
        read_only_fields = ["institution"]


class ListingSerializer(ScopedModelSerializer):
    class Meta:
        model = Listing
        fields = "__all__"


class PublishingAccountSerializer(ScopedModelSerializer):
    class Meta:
        model = PublishingAccount
        fields = "__all__"


class VulnerabilitySerializer(ScopedModelSerializer):
    class Meta:
        model = Vulnerability
        fields = "__all__"


class GateEvidenceSerializer(ScopedModelSerializer):
    file = DownloadLinkField("gateevidence-download", "file", help_text="URL of the file download")

    class Meta:
        model = GateEvidence
        fields = "__all__"
        read_only_fields = ["file", "recorded_by", "recorded_at"]


class LifecycleEventSerializer(LimitedModelSerializer):
    class Meta:
        model = LifecycleEvent
        fields = "__all__"


class TransitionRequestSerializer(serializers.Serializer):
    to_state = serializers.CharField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class GateItemStatusSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.CharField()
    label = serializers.DictField(child=serializers.CharField())
    control = serializers.CharField(allow_null=True)
    satisfied = serializers.BooleanField()


class GateStatusSerializer(serializers.Serializer):
    action = serializers.CharField()
    to_state = serializers.CharField()
    label = serializers.DictField(child=serializers.CharField())
    ready = serializers.BooleanField()
    items = GateItemStatusSerializer(many=True)
