from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core.api.filters import BoundedJSONParser
from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import packaged, services
from ..models import PolicyCorrection, PrivacyPolicy
from . import serializers as s


class PrivacyPolicyViewSet(ScopedReadOnlyViewSet):
    """Privacy policies of app versions. POST (multipart: version, file) uploads and reads one, or (version,
    from_package=true) adopts the policy the version's package carries; an unreadable file, or a package without
    a policy, is refused (400, the reason named) and nothing is stored. Policies are kept: no update or delete."""

    queryset = PrivacyPolicy.objects.select_related("version")
    serializer_class = s.PrivacyPolicySerializer
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    filterset_fields = ["version"]

    def get_serializer_class(self):
        return s.PrivacyPolicyDetailSerializer if self.action == "retrieve" else s.PrivacyPolicySerializer

    @extend_schema(request=s.PolicyUploadSerializer, responses={201: s.PrivacyPolicyDetailSerializer})
    def create(self, request, *args, **kwargs):
        self.require_write()
        payload = s.PolicyUploadSerializer(data=request.data, user=request.user)
        payload.is_valid(raise_exception=True)
        version = payload.validated_data["version"]
        if payload.validated_data.get("from_package"):
            policy = packaged.adopt(version, request.user)
        else:
            policy = services.upload(version, payload.validated_data["file"], request.user)
        return Response(s.PrivacyPolicyDetailSerializer(policy).data, status=status.HTTP_201_CREATED)


PrivacyPolicyViewSet.http_method_names = ["get", "post", "head", "options"]


class PolicyCorrectionViewSet(ScopedModelViewSet):
    """People's corrections of what was read from a policy (kept, applied to every later reading)."""

    queryset = PolicyCorrection.objects.select_related("policy")
    serializer_class = s.PolicyCorrectionSerializer
    service = services.corrections
    filterset_fields = ["policy", "field"]
