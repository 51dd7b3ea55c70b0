"""The metrics API: the batch push (JSON) and the file upload, the stored figures, uploads, thresholds and
breaches. A refused batch answers 400 with every problem by line and column; nothing is stored."""

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import metrics_format, services
from ..models import Breach, DailyMetric, MetricUpload, Threshold
from . import serializers as s


def _refused(exc: metrics_format.BatchRefused) -> ValidationError:
    return ValidationError({"rows": [str(p) for p in exc.problems]})


class DailyMetricViewSet(ScopedReadOnlyViewSet):
    queryset = DailyMetric.objects.all()
    serializer_class = s.DailyMetricSerializer
    filterset_fields = {
        "app": ["exact"],
        "metric": ["exact"],
        "day": ["exact", "gte", "lte"],
        "platform": ["exact"],
        "version": ["exact"],
    }

    @extend_schema(request=s.MetricBatchSerializer, responses={201: s.MetricUploadSerializer})
    @action(detail=False, methods=["post"])
    def batch(self, request, format=None):
        """Push a batch of daily figures ({"rows": [{app, day, metric, value, version?, platform?}]}); re-sending
        an app's day replaces it; all or nothing."""
        self.require_write(MetricUpload)
        try:
            upload = services.metrics.receive_json(request.user.institution, request.user, request.data)
        except metrics_format.BatchRefused as exc:
            raise _refused(exc) from None
        return Response(
            s.MetricUploadSerializer(upload, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class MetricUploadViewSet(ScopedReadOnlyViewSet):
    queryset = MetricUpload.objects.all()
    serializer_class = s.MetricUploadSerializer
    filterset_fields = ["source"]

    @extend_schema(
        request={"multipart/form-data": s.MetricFileSerializer}, responses={201: s.MetricUploadSerializer}
    )
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser])
    def file(self, request, format=None):
        """Upload a CSV, XLSX or JSON Lines file of daily figures (the documented format)."""
        self.require_write()
        payload = s.MetricFileSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload_file = payload.validated_data["file"]
        try:
            upload = services.metrics.receive_file(
                request.user.institution, request.user, upload_file.read(), upload_file.name
            )
        except metrics_format.BatchRefused as exc:
            raise _refused(exc) from None
        return Response(
            s.MetricUploadSerializer(upload, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class ThresholdViewSet(ScopedModelViewSet):
    queryset = Threshold.objects.all()
    serializer_class = s.ThresholdSerializer
    service = services.thresholds.thresholds
    filterset_fields = ["metric", "active"]


class BreachViewSet(ScopedReadOnlyViewSet):
    queryset = Breach.objects.select_related("threshold")
    serializer_class = s.BreachSerializer
    filterset_fields = ["app", "status", "threshold"]

    @extend_schema(request=s.BreachHandleSerializer, responses=s.BreachSerializer)
    @action(detail=True, methods=["post"])
    def handle(self, request, pk=None, format=None):
        """Record how the breach was handled."""
        breach = self.get_object()
        self.require_write()
        payload = s.BreachHandleSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        breach = services.breaches.handle(breach, request.user, payload.validated_data["handling"])
        return Response(s.BreachSerializer(breach, context=self.get_serializer_context()).data)
