import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from .models import AuditEngagement, Drill, ImpactAnalysis, Incident, Risk


class IncidentFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Search"))

    class Meta:
        model = Incident
        fields = ["q", "kind", "severity", "state", "apps"]


class AuditFilterSet(ScopedFilterSet):
    class Meta:
        model = AuditEngagement
        fields = ["kind", "state", "auditor_type", "apps"]


class RiskFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Search"))

    class Meta:
        model = Risk
        fields = ["q", "category", "status", "treatment", "app"]


class ContinuityFilterSet(ScopedFilterSet):
    class Meta:
        model = ImpactAnalysis
        fields = ["app"]


class DrillFilterSet(ScopedFilterSet):
    class Meta:
        model = Drill
        fields = ["app"]
