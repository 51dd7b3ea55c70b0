from django.http import FileResponse, Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from appgov.users.scoping import scope

from .. import services
from ..evaluation import catalogue
from ..filtersets import ControlResultFilterSet, EvidenceFilterSet, FindingFilterSet
from ..models import ControlResult, Evaluation, Evidence, Finding
from . import serializers as s


class ControlCatalogueView(APIView):
    @extend_schema(responses=s.ControlSerializer(many=True))
    def get(self, request):
        return Response(s.ControlSerializer(catalogue().controls, many=True).data)


class ScopedReadOnly(viewsets.ReadOnlyModelViewSet):
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)


class ControlResultViewSet(ScopedReadOnly):
    queryset = ControlResult.objects.all()
    serializer_class = s.ControlResultSerializer
    filterset_class = ControlResultFilterSet


class EvaluationViewSet(mixins.CreateModelMixin, ScopedReadOnly):
    queryset = Evaluation.objects.all()
    serializer_class = s.EvaluationSerializer

    @extend_schema(request=None, responses=s.EvaluationSerializer)
    def create(self, request, *args, **kwargs):
        evaluation = services.evaluate_now(request.user.institution, request.user, Evaluation.Trigger.API)
        return Response(s.EvaluationSerializer(evaluation).data, status=201)


class FindingViewSet(ScopedReadOnly):
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


class EvidenceViewSet(mixins.CreateModelMixin, mixins.DestroyModelMixin, ScopedReadOnly):
    queryset = Evidence.objects.all()
    serializer_class = s.EvidenceSerializer
    filterset_class = EvidenceFilterSet
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def perform_create(self, serializer):
        d = serializer.validated_data
        serializer.instance = services.add_evidence(
            self.request.user.institution,
            d["control_id"],
            d["subject_type"],
            d["subject_id"],
            d["title"],
            d["effective_on"],
            self.request.user,
            d.get("file"),
            d.get("link", ""),
            d.get("expires_on"),
        )

    def perform_destroy(self, instance):
        from appgov.core import services as core_services

        core_services.delete(instance, self.request.user)

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        evidence = self.get_object()
        if not evidence.file:
            raise Http404
        return FileResponse(
            evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1]
        )
