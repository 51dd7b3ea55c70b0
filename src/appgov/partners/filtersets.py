import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from .models import Party
from .models.choices import PartyKind, PartyState, RiskTier


class PartyFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or credit code"))
    kind = django_filters.ChoiceFilter(choices=PartyKind.choices, method="of_kind", label=_("kinds"))
    state = django_filters.ChoiceFilter(choices=PartyState.choices, label=_("state"))
    risk_tier = django_filters.ChoiceFilter(choices=RiskTier.choices, label=_("risk tier"))

    class Meta:
        model = Party
        fields = ["q", "kind", "state", "risk_tier"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(credit_code__icontains=value))

    def of_kind(self, queryset, name, value):
        # membership of a JSON list, the same on SQLite and PostgreSQL
        return queryset.filter(
            pk__in=[pk for pk, kinds in queryset.values_list("pk", "kinds") if value in kinds]
        )
