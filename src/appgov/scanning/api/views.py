from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.scoping import scoped
from appgov.ledger.models import AppVersion

from .. import feeds, profiles, regression, services, triage
from ..models import (
    AppPrivacyInventory,
    GateRegressionAcceptance,
    ReleaseCertificate,
    Scan,
    ScanProfile,
    SdkAssessment,
    SdkUse,
    VulnerabilityFeed,
)
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


class VulnerabilityFeedViewSet(ScopedReadOnlyViewSet):
    """The institution's vulnerability feeds; POST a file (multipart: name, file). A file the engine cannot
    read is refused (400, naming the problem) and nothing is stored. Writes: administrator, security."""

    queryset = VulnerabilityFeed.objects.all()
    serializer_class = s.VulnerabilityFeedSerializer
    parser_classes = [MultiPartParser, FormParser]
    filterset_fields = ["name", "kind"]

    @extend_schema(
        request=s.VulnerabilityFeedUploadSerializer, responses={201: s.VulnerabilityFeedSerializer}
    )
    def create(self, request, *args, **kwargs):
        self.require_write()
        payload = s.VulnerabilityFeedUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        feed = feeds.import_feed(
            request.user, name=payload.validated_data["name"], upload=payload.validated_data["file"]
        )
        return Response(s.VulnerabilityFeedSerializer(feed).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "file")


VulnerabilityFeedViewSet.http_method_names = ["get", "post", "head", "options"]


class GateRegressionAcceptanceViewSet(ScopedReadOnlyViewSet):
    """Regressions the governance office accepted for the release gate; POST {version, reason} accepts the
    version's current regression against the previous version (administrator, governance office)."""

    queryset = GateRegressionAcceptance.objects.all()
    serializer_class = s.GateRegressionAcceptanceSerializer
    filterset_fields = ["version"]

    @extend_schema(
        request=s.RegressionAcceptSerializer, responses={201: s.GateRegressionAcceptanceSerializer}
    )
    def create(self, request, *args, **kwargs):
        payload = s.RegressionAcceptSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = scoped(AppVersion, request.user).filter(pk=payload.validated_data["version"]).first()
        if version is None:
            raise NotFound()
        acceptance = regression.accept_regression(version, request.user, payload.validated_data["reason"])
        return Response(s.GateRegressionAcceptanceSerializer(acceptance).data, status=status.HTTP_201_CREATED)


GateRegressionAcceptanceViewSet.http_method_names = ["get", "post", "head", "options"]
