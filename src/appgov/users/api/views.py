from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.users.models import User
from appgov.users.scoping import scope

from .serializers import UserSerializer


class UserViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer
    filterset_fields = ["role", "is_active"]

    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)

    @extend_schema(responses=UserSerializer)
    @action(detail=False, methods=["get"])
    def me(self, request, format=None):
        return Response(UserSerializer(request.user).data)
