from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.scoping import scoped
from appgov.ledger.models import AppVersion

from .. import profiles, services, triage
from ..models import AppPrivacyInventory, ReleaseCertificate, Scan, ScanProfile, SdkAssessment, SdkUse
from . import serializers as s


class ScanViewSet(ScopedReadOnlyViewSet):
    queryset = Scan.objects.all()
    serializer_class = s.ScanSerializer
    filterset_fields = ["version", "status"]

    @extend_schema(request=s.ScanRequestSerializer, responses={202: s.ScanSerializer})
    def create(self, request, *args, **kwargs):
        payload = s.ScanRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = scoped(AppVersion, request.user).filter(pk=payload.validated_data["version"]).first()
        if version is None:
            return Response({"version": ["not found"]}, status=status.HTTP_404_NOT_FOUND)
        scan = services.request_scan(version, request.user)
        return Response(s.ScanSerializer(scan).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=s.FindingDecisionRequestSerializer, responses={200: s.FindingDecisionSerializer})
    @action(detail=True, methods=["post"])
    def triage(self, request, pk=None):
        """Mark a finding of this scan false positive or accepted; the app's later scans inherit it."""
        scan = self.get_object()
        payload = s.FindingDecisionRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        decision = triage.decide_finding(scan, actor=request.user, **payload.validated_data)
        return Response(s.FindingDecisionSerializer(decision).data)


ScanViewSet.http_method_names = ["get", "post", "head", "options"]


class SdkUseViewSet(ScopedReadOnlyViewSet):
    queryset = SdkUse.objects.all()
    serializer_class = s.SdkUseSerializer
    filterset_fields = ["version", "scan", "sdk_id", "category"]


class SdkAssessmentViewSet(ScopedModelViewSet):
    queryset = SdkAssessment.objects.all()
    serializer_class = s.SdkAssessmentSerializer
    filterset_fields = ["sdk_id", "conclusion"]
    service = services.sdk_assessments


class ReleaseCertificateViewSet(ScopedModelViewSet):
    queryset = ReleaseCertificate.objects.all()
    serializer_class = s.ReleaseCertificateSerializer
    filterset_fields = ["app"]
    service = services.release_certificates


class ScanProfileViewSet(ScopedModelViewSet):
    queryset = ScanProfile.objects.select_related("institution")
    serializer_class = s.ScanProfileSerializer
    service = profiles.scan_profiles


class AppPrivacyInventoryViewSet(ScopedModelViewSet):
    queryset = AppPrivacyInventory.objects.all()
    serializer_class = s.AppPrivacyInventorySerializer
    filterset_fields = ["app"]
    service = profiles.privacy_inventories
