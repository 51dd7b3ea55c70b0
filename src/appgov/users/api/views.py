from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedReadOnlyViewSet
from appgov.users.models import User
from appgov.users.services import users as user_service

from .serializers import SecondFactorResetSerializer, UserSerializer


class UserViewSet(ScopedReadOnlyViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer
    filterset_fields = ["role", "is_active"]

    @extend_schema(responses=UserSerializer)
    @action(detail=False, methods=["get"])
    def me(self, request, format=None):
        return Response(UserSerializer(request.user).data)

    @extend_schema(request=SecondFactorResetSerializer, responses=UserSerializer)
    @action(detail=True, methods=["post"], url_path="reset-second-factor")
    def reset_second_factor(self, request, pk=None, format=None):
        """The administrator resets another user's second factor, with a reason; the user enrols again at
        the next sign-in (the same service as the user's page)."""
        self.require_write()
        account = self.get_object()
        data = SecondFactorResetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = user_service.reset_second_factor(account, request.user, data.validated_data["reason"])
        return Response(UserSerializer(account).data)
