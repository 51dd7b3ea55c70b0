from appgov.core.api.viewsets import ScopedModelViewSet

from .. import services
from ..models import AdaptationTask, CompatTestResult, OsRelease, PlatformRequirement
from . import serializers_os_compatibility as s


class ReleaseViewSet(ScopedModelViewSet):
    queryset = OsRelease.objects.all()
    serializer_class = s.OsReleaseSerializer
    service = services.releases
    filterset_fields = ["platform"]


class RequirementViewSet(ScopedModelViewSet):
    queryset = PlatformRequirement.objects.all()
    serializer_class = s.PlatformRequirementSerializer
    service = services.requirements
    filterset_fields = ["platform", "distributor"]


class TaskViewSet(ScopedModelViewSet):
    queryset = AdaptationTask.objects.all()
    serializer_class = s.AdaptationTaskSerializer
    service = services.tasks
    filterset_fields = ["app", "release", "status"]


class ResultViewSet(ScopedModelViewSet):
    queryset = CompatTestResult.objects.all()
    serializer_class = s.CompatTestResultSerializer
    service = services.results
    filterset_fields = ["task", "outcome"]
