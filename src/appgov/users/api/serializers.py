from appgov.core.api.base import LimitedModelSerializer
from appgov.users.models import User


class UserSerializer(LimitedModelSerializer):
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
        ]
        read_only_fields = fields
