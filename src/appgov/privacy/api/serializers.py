from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer
from appgov.ledger.models import AppVersion

from .. import services
from ..models import PolicyCorrection, PrivacyPolicy


class PrivacyPolicySerializer(LimitedModelSerializer):
    class Meta:
        model = PrivacyPolicy
        fields = [
            "id",
            "version",
            "file_name",
            "content_hash",
            "effective_on",
            "updated_on",
            "completeness",
            "uploaded_at",
        ]
        read_only_fields = fields


class PrivacyPolicyDetailSerializer(PrivacyPolicySerializer):
    declared = serializers.SerializerMethodField(help_text="what the policy declares, corrections applied")
    gaps = serializers.SerializerMethodField(
        help_text="declared against the version's latest scan; null: not scanned"
    )

    class Meta(PrivacyPolicySerializer.Meta):
        fields = PrivacyPolicySerializer.Meta.fields + ["declared", "gaps"]
        read_only_fields = fields

    def get_declared(self, obj) -> dict:
        return services.declared(obj)

    def get_gaps(self, obj) -> list | None:
        return services.gaps(obj)[0]


class PolicyUploadSerializer(serializers.Serializer):
    version = serializers.PrimaryKeyRelatedField(queryset=AppVersion.objects.all())
    file = serializers.FileField()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = AppVersion.objects.for_user(user)


class PolicyCorrectionSerializer(LimitedModelSerializer):
    class Meta:
        model = PolicyCorrection
        fields = ["id", "policy", "field", "code", "action", "clause", "reason", "created_by", "created_at"]
        read_only_fields = ["created_by", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "policy" in self.fields:
            self.fields["policy"].queryset = PrivacyPolicy.objects.for_user(request.user)
