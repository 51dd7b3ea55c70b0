from django.utils.translation import gettext as _
from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer
from appgov.ledger.models import AppVersion

from .. import packaged, services
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

    packaged_policy = serializers.SerializerMethodField(
        help_text="the policy the version's package carries (latest scan), against this one; null: none"
    )

    class Meta(PrivacyPolicySerializer.Meta):
        fields = PrivacyPolicySerializer.Meta.fields + ["declared", "gaps", "packaged_policy"]
        read_only_fields = fields

    def get_declared(self, obj) -> dict:
        return services.declared(obj)

    def get_gaps(self, obj) -> list | None:
        return services.gaps(obj)[0]

    def get_packaged_policy(self, obj) -> dict | None:
        found = packaged.against_uploaded(obj, services.declared(obj))
        if found is None:
            return None
        keys = ("path", "size", "error", "same_text", "differences", "changes")
        return {"scan": found["scan"].pk, **{k: found[k] for k in keys if k in found}}


class PolicyUploadSerializer(serializers.Serializer):
    version = serializers.PrimaryKeyRelatedField(queryset=AppVersion.objects.all())
    file = serializers.FileField(required=False, help_text="the policy; or from_package instead")
    from_package = serializers.BooleanField(
        required=False, default=False, help_text="use the policy the version's package carries (latest scan)"
    )

    def validate(self, attrs):
        if bool(attrs.get("file")) == bool(attrs.get("from_package")):
            raise serializers.ValidationError({"file": _("Give either a file or from_package, not both.")})
        return attrs

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
