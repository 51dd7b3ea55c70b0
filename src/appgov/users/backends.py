from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    """ModelBackend that loads the signed-in user with their institution or regulator office in one query,
    since every page header names it."""

    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.select_related("institution", "regulator_office")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
