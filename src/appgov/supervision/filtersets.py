import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from appgov.compliance.models import Finding
from appgov.core.filtersets import ScopedFilterSet
from appgov.core.models import Institution

from .models import Campaign, SupervisoryMeasure


class CampaignFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number or title"))
    kind = django_filters.ChoiceFilter(choices=Campaign.Kind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=Campaign.Status.choices, label=_("status"))
    institution = django_filters.ModelChoiceFilter(
        queryset=Institution.objects.all(), field_name="institutions", label=_("Institution")
    )

    class Meta:
        model = Campaign
        fields = ["q", "kind", "status", "institution"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(code__icontains=value) | Q(title__icontains=value))


class MeasureFilterSet(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(choices=SupervisoryMeasure.Kind.choices, label=_("measure"))
    institution = django_filters.ModelChoiceFilter(queryset=Institution.objects.all(), label=_("Institution"))

    class Meta:
        model = SupervisoryMeasure
        fields = ["kind", "institution"]


class RectificationFilterSet(ScopedFilterSet):
    status = django_filters.ChoiceFilter(choices=Finding.Status.choices, label=_("status"))
    institution = django_filters.ModelChoiceFilter(queryset=Institution.objects.all(), label=_("Institution"))

    class Meta:
        model = Finding
        fields = ["status", "institution"]
