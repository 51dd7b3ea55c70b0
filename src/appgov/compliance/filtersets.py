import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet
from appgov.ledger.models.choices import Severity

from .models import ControlResult, Evidence, Finding
from .models.subjects import Outcome, SubjectType


class FindingFilterSet(ScopedFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Finding.Status.choices, label=_("status"))
    severity = django_filters.MultipleChoiceFilter(choices=Severity.choices, label=_("severity"))
    control_id = django_filters.CharFilter(lookup_expr="istartswith", label=_("control"))
    subject_type = django_filters.ChoiceFilter(choices=SubjectType.choices, label=_("subject type"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))

    class Meta:
        model = Finding
        fields = ["status", "severity", "control_id", "subject_type", "owner", "overdue"]

    def filter_overdue(self, queryset, name, value):
        today = timezone.localdate()
        active = [Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION]
        if value is True:
            return queryset.filter(status__in=active, due_on__lt=today)
        if value is False:
            return queryset.exclude(status__in=active, due_on__lt=today)
        return queryset


class ControlResultFilterSet(ScopedFilterSet):
    outcome = django_filters.MultipleChoiceFilter(choices=Outcome.choices)
    control_id = django_filters.CharFilter(lookup_expr="istartswith")

    class Meta:
        model = ControlResult
        fields = ["outcome", "control_id", "subject_type", "subject_id"]


class EvidenceFilterSet(ScopedFilterSet):
    class Meta:
        model = Evidence
        fields = ["control_id", "subject_type", "subject_id"]
