"""Filters of the experience assessments (NFRA-06.2)."""

from appgov.core.filtersets import ScopedFilterSet

from ..models import ExperienceAssessment


class AssessmentFilterSet(ScopedFilterSet):
    class Meta:
        model = ExperienceAssessment
        fields = ["app"]
