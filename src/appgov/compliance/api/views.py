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
from ..models import ControlResult, Evaluation, Evidence, Finding
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
