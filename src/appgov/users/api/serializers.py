from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from appgov.core.api.base import ScopedModelSerializer
from appgov.core.models.fields import TEXT_LIMIT
from appgov.users import twofactor
from appgov.users.models import User
from appgov.users.services import INSTITUTION_ROLES


class UserSerializer(ScopedModelSerializer):
    """An account as the API shows it; the password hash is never part of it. The administrator writes through
    the same service as the organisation pages (users.services.users): role, department, active; the initial
    password only on create (write-only); the user name only on create."""

    role = serializers.ChoiceField(label=_("role"), choices=INSTITUTION_ROLES, required=False)
    password = serializers.CharField(
        label=_("initial password"),
        write_only=True,
        required=False,
        style={"input_type": "password"},
        help_text=_("At least 12 characters; give it to the user, who changes it after signing in."),
        # the model field's own limit and words, as every other limited field (issue 12 item 9)
        validators=[
            v for v in User._meta.get_field("password").validators if isinstance(v, MaxLengthValidator)
        ],
    )
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
            "password",
        ]
        read_only_fields = ["id", "institution", "regulator_office", "last_login", "second_factor_reset_at"]

    def get_second_factor(self, obj) -> str:
        """enrolled, must_enrol (reset by an administrator) or none"""
        if twofactor.must_enrol_again(obj):
            return "must_enrol"
        return "enrolled" if twofactor.enrolled(obj) else "none"

    def validate_username(self, value):
        if self.instance is not None and value != self.instance.username:
            raise serializers.ValidationError(_("The user name of an existing account cannot be changed."))
        return value

    def to_representation(self, instance):
        out = super().to_representation(instance)
        out.pop("password", None)
        return out


class UserReadSerializer(UserSerializer):
    """`/api/users/me/` and other answers that only show an account (an examiner's role is outside the
    institution roles a write may give)."""

    role = serializers.CharField(read_only=True)


class PasswordSetSerializer(serializers.Serializer):
    password = serializers.CharField(
        label=_("new password"),
        write_only=True,
        style={"input_type": "password"},
        help_text=_("At least 12 characters; give it to the user, who changes it after signing in."),
    )


class SecondFactorResetSerializer(serializers.Serializer):
    reason = serializers.CharField(
        label=_("reason"),
        max_length=TEXT_LIMIT,
        help_text=_("Why the second factor is reset (kept in the change log)."),
    )
