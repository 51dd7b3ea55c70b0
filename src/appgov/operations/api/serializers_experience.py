"""Serializers of the experience assessments (NFRA-06.2). Named after their models: the OpenAPI component
names are global, and other modules have an `Assessment` of their own."""

from appgov.core.api.base import DownloadLinkField, ScopedModelSerializer

from ..models import (
    ExperienceAssessment,
    ExperienceItemResult,
)


class ExperienceAssessmentSerializer(ScopedModelSerializer):
    class Meta:
        model = ExperienceAssessment
        fields = ["id", "app", "major_version", "assessed_on", "assessor", "note", "created_at"]


class ExperienceItemResultSerializer(ScopedModelSerializer):
    evidence = DownloadLinkField("operations-itemresult-evidence", "evidence")

    class Meta:
        model = ExperienceItemResult
        fields = ["id", "assessment", "item", "result", "evidence", "note"]
