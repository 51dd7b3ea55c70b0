import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from ..models import Breach, Metric, Threshold


class ThresholdFilterSet(ScopedFilterSet):
    metric = django_filters.ChoiceFilter(choices=Metric.choices, label=_("metric"))
    active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = Threshold
        fields = ["metric", "active"]


class BreachFilterSet(ScopedFilterSet):
    status = django_filters.ChoiceFilter(choices=Breach.Status.choices, label=_("status"))
    app = django_filters.CharFilter(field_name="app__name", lookup_expr="icontains", label=_("app"))

    class Meta:
        model = Breach
        fields = ["status", "app"]
