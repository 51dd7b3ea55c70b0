from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer
from appgov.core.models.fields import TEXT_LIMIT
from appgov.users import twofactor
from appgov.users.models import User


class UserSerializer(LimitedModelSerializer):
    second_factor = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "institution",
            "regulator_office",
            "department",
            "is_active",
            "last_login",
            "second_factor",
            "second_factor_reset_at",
        ]
        read_only_fields = fields

    def get_second_factor(self, obj) -> str:
        """enrolled, must_enrol (reset by an administrator) or none"""
        if twofactor.must_enrol_again(obj):
            return "must_enrol"
        return "enrolled" if twofactor.enrolled(obj) else "none"


class SecondFactorResetSerializer(serializers.Serializer):
    reason = serializers.CharField(
        label=_("reason"),
        max_length=TEXT_LIMIT,
        help_text=_("Why the second factor is reset (kept in the change log)."),
    )
