from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core import list_cache
from appgov.core.api.viewsets import RetireActionMixin, ScopedModelViewSet

from .. import filtersets, services
from ..models import AppVersion, Channel, GateEvidence, Listing, MobileApp, PublishingAccount, Vulnerability
from . import serializers as s


class MobileAppViewSet(ScopedModelViewSet):
    service = services.apps
    queryset = MobileApp.objects.all()  # related objects are rendered as ids, so nothing is joined
    serializer_class = s.MobileAppSerializer
    filterset_class = filtersets.MobileAppFilterSet

    def list(self, request, *args, **kwargs):
        data = list_cache.cached(
            request, "api-app-list", lambda: super(MobileAppViewSet, self).list(request, *args, **kwargs).data
        )
        return Response(data)

    @extend_schema(responses=s.GateStatusSerializer(many=True))
    @action(detail=True, methods=["get"])
    def gates(self, request, pk=None, format=None):
        app = self.get_object()
        data = [
            {
                "action": g.transition.action,
                "to_state": g.transition.to_state,
                "label": g.transition.label,
                "ready": g.ready,
                "items": [
                    {"id": i.id, "kind": i.kind, "label": i.label, "control": i.control, "satisfied": ok}
                    for i, ok in g.items
                ],
            }
            for g in services.gate_status(app)
        ]
        return Response(data)

    @extend_schema(request=s.TransitionRequestSerializer, responses=s.MobileAppSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None, format=None):
        app = self.get_object()
        payload = s.TransitionRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        app = services.transition(
            app, payload.validated_data["to_state"], request.user, payload.validated_data["note"]
        )
        return Response(s.MobileAppSerializer(app, context=self.get_serializer_context()).data)


class AppVersionViewSet(RetireActionMixin, ScopedModelViewSet):
    service = services.versions
    queryset = AppVersion.objects.select_related("app")
    serializer_class = s.AppVersionSerializer
    filterset_class = filtersets.AppVersionFilterSet

    @extend_schema(
        request={"multipart/form-data": s.PackageUploadSerializer}, responses=s.AppVersionSerializer
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def package(self, request, pk=None, format=None):
        version = self.get_object()
        payload = s.PackageUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        version = services.attach_package(version, payload.validated_data["package"], request.user)
        return Response(s.AppVersionSerializer(version, context=self.get_serializer_context()).data)

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "package")


class ChannelViewSet(ScopedModelViewSet):
    service = services.channels
    queryset = Channel.objects.all()
    serializer_class = s.ChannelSerializer
    filterset_class = filtersets.ChannelFilterSet


class ListingViewSet(ScopedModelViewSet):
    service = services.listings
    queryset = Listing.objects.select_related("version", "channel")
    serializer_class = s.ListingSerializer
    filterset_class = filtersets.ListingFilterSet


class PublishingAccountViewSet(ScopedModelViewSet):
    service = services.publishing_accounts
    queryset = PublishingAccount.objects.select_related("app", "channel")
    serializer_class = s.PublishingAccountSerializer
    filterset_class = filtersets.PublishingAccountFilterSet


class VulnerabilityViewSet(ScopedModelViewSet):
    service = services.vulnerabilities
    queryset = Vulnerability.objects.select_related("version")
    serializer_class = s.VulnerabilitySerializer
    filterset_class = filtersets.VulnerabilityFilterSet


class GateEvidenceViewSet(RetireActionMixin, ScopedModelViewSet):
    service = services.gate_evidence
    queryset = GateEvidence.objects.select_related("app")
    serializer_class = s.GateEvidenceSerializer
    filterset_fields = ["app", "item"]
    http_method_names = ["get", "post", "delete", "head", "options"]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "file")
