from rest_framework.permissions import SAFE_METHODS, BasePermission

from appgov.core.roles import can_write


class RoleWritePermission(BasePermission):
    """Authenticated users read (their scope); writes need a role allowed for the model. Regulators never write."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        queryset = getattr(view, "queryset", None)
        if queryset is None:
            return getattr(view, "allow_write_without_model", False) and not request.user.is_regulator
        return can_write(request.user, queryset.model._meta.label_lower)
