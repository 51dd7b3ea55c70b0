from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from appgov.core.api.filters import BoundedJSONParser
from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import services
from ..evaluation import catalogue
from ..filtersets import ControlResultFilterSet, EvidenceFilterSet, FindingFilterSet
from ..models import ControlResult, Evaluation, Evidence, Finding, FindingAttachment
from . import serializers as s


class ControlCatalogueView(APIView):
    @extend_schema(responses=s.ControlSerializer(many=True))
    def get(self, request):
        return Response(s.ControlSerializer(catalogue().controls, many=True).data)


class ControlResultViewSet(ScopedReadOnlyViewSet):
    queryset = ControlResult.objects.all()
    serializer_class = s.ControlResultSerializer
    filterset_class = ControlResultFilterSet


class EvaluationViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    queryset = Evaluation.objects.all()
    serializer_class = s.EvaluationSerializer

    @extend_schema(request=None, responses=s.EvaluationSerializer)
    def create(self, request, *args, **kwargs):
        evaluation = services.evaluate_now(request.user.institution, request.user, Evaluation.Trigger.API)
        return Response(s.EvaluationSerializer(evaluation).data, status=201)


class FindingViewSet(ScopedReadOnlyViewSet):
    queryset = Finding.objects.all()
    serializer_class = s.FindingSerializer
    filterset_class = FindingFilterSet

    @extend_schema(request=s.FindingMoveSerializer, responses=s.FindingSerializer)
    @action(detail=True, methods=["post"], url_path="move")
    def move(self, request, pk=None, format=None):
        finding = self.get_object()
        payload = s.FindingMoveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        finding = services.move_finding(
            finding, data["to_status"], request.user, data["note"], data["risk_accepted_until"]
        )
        return Response(s.FindingSerializer(finding).data)

    @extend_schema(request=s.FindingReassignSerializer, responses=s.FindingSerializer)
    @action(detail=True, methods=["post"], url_path="reassign")
    def reassign(self, request, pk=None, format=None):
        finding = self.get_object()
        payload = s.FindingReassignSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        finding = services.reassign_finding(finding, request.user, data["owner"], data["owner_department"])
        return Response(s.FindingSerializer(finding).data)

    @extend_schema(
        request=s.FindingAttachmentUploadSerializer, responses={201: s.FindingAttachmentSerializer}
    )
    @action(detail=True, methods=["post"], url_path="attach", parser_classes=[MultiPartParser, FormParser])
    def attach(self, request, pk=None, format=None):
        finding = self.get_object()
        payload = s.FindingAttachmentUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        attachment = services.add_finding_attachment(
            finding, request.user, payload.validated_data["file"], payload.validated_data["title"]
        )
        return Response(
            s.FindingAttachmentSerializer(attachment, context={"request": request}).data, status=201
        )


class FindingAttachmentViewSet(ScopedReadOnlyViewSet):
    queryset = FindingAttachment.objects.all()
    serializer_class = s.FindingAttachmentSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        finding = self.request.query_params.get("finding", "")
        return qs.filter(finding_id=int(finding)) if finding.isdigit() else qs

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "file")


class EvidenceViewSet(ScopedModelViewSet):
    queryset = Evidence.objects.all()
    serializer_class = s.EvidenceSerializer
    filterset_class = EvidenceFilterSet
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    http_method_names = ["get", "post", "delete", "head", "options"]
    service = services.evidence

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "file")

    @extend_schema(request=s.EvidenceReviewSerializer, responses=s.EvidenceSerializer)
    @action(detail=True, methods=["post"], url_path="review", parser_classes=[BoundedJSONParser, FormParser])
    def review(self, request, pk=None, format=None):
        evidence = self.get_object()
        payload = s.EvidenceReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        evidence = services.review_evidence(evidence, request.user, data["decision"], data["reason"])
        return Response(s.EvidenceSerializer(evidence, context={"request": request}).data)
