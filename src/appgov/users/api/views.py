from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedReadOnlyViewSet
from appgov.users.models import User

from .serializers import UserSerializer


class UserViewSet(ScopedReadOnlyViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer
    filterset_fields = ["role", "is_active"]

    @extend_schema(responses=UserSerializer)
    @action(detail=False, methods=["get"])
    def me(self, request, format=None):
        return Response(UserSerializer(request.user).data)
