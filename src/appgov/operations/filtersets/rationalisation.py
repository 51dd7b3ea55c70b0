import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from ..models import AppFunctions, Candidate


class FunctionsFilterSet(ScopedFilterSet):
    app = django_filters.CharFilter(field_name="app__name", lookup_expr="icontains", label=_("app"))

    class Meta:
        model = AppFunctions
        fields = ["app"]


class CandidateFilterSet(ScopedFilterSet):
    status = django_filters.ChoiceFilter(choices=Candidate.Status.choices, label=_("status"))
    reason = django_filters.ChoiceFilter(
        choices=Candidate.Reason.choices, method="with_reason", label=_("reason")
    )
    app = django_filters.CharFilter(field_name="app__name", lookup_expr="icontains", label=_("app"))

    class Meta:
        model = Candidate
        fields = ["status", "reason", "app"]

    def with_reason(self, queryset, name, value):
        # membership of a JSON list, the same on SQLite and PostgreSQL
        return queryset.filter(
            pk__in=[pk for pk, codes in queryset.values_list("pk", "reason_codes") if value in codes]
        )
