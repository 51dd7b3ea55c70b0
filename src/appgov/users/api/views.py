"""`/api/users/`: every user of the institution reads the accounts; the administrator creates them, changes
role, department and name, deactivates and reactivates them (`is_active`), and sets a new password, through
the organisation pages' service (users.services.users), so the API refuses what the pages refuse. Accounts are
kept for the record: DELETE is refused with the reason (deactivate instead)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet
from appgov.users.models import User
from appgov.users.services import users

from .serializers import (
    PasswordSetSerializer,
    SecondFactorResetSerializer,
    UserReadSerializer,
    UserSerializer,
)


class UserViewSet(ScopedModelViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer
    service = users
    filterset_fields = ["role", "is_active"]

    def get_serializer_class(self):
        if self.action == "me":
            return UserReadSerializer
        if self.action == "set_password":
            return PasswordSetSerializer
        if self.action == "reset_second_factor":
            return SecondFactorResetSerializer
        return super().get_serializer_class()

    @extend_schema(responses=UserReadSerializer)
    @action(detail=False, methods=["get"])
    def me(self, request, format=None):
        return Response(UserReadSerializer(request.user, context={"request": request}).data)

    @extend_schema(request=PasswordSetSerializer, responses={204: None})
    @action(detail=True, methods=["post"], url_path="password")
    def set_password(self, request, pk=None, format=None):
        """A new password chosen by the administrator (the user changes it after signing in)."""
        self.require_write()
        account = self.get_object()
        serializer = PasswordSetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        users.set_password(account, request.user, serializer.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=SecondFactorResetSerializer, responses=UserReadSerializer)
    @action(detail=True, methods=["post"], url_path="reset-second-factor")
    def reset_second_factor(self, request, pk=None, format=None):
        """The administrator resets another user's second factor, with a reason; the user enrols again at
        the next sign-in (the same service as the user's page)."""
        self.require_write()
        account = self.get_object()
        data = SecondFactorResetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = users.reset_second_factor(account, request.user, data.validated_data["reason"])
        return Response(UserReadSerializer(account, context={"request": request}).data)
