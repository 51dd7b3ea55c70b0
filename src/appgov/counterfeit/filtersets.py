import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet
from appgov.ledger.models import MobileApp

from .models import AlertKind, CaseState, CounterfeitCase, ObservedListing


class CaseFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("search"))
    state = django_filters.MultipleChoiceFilter(choices=CaseState.choices, label=_("state"))
    alert_kind = django_filters.MultipleChoiceFilter(choices=AlertKind.choices, label=_("alert kind"))
    app = django_filters.ModelChoiceFilter(queryset=MobileApp.objects.all(), label=_("app"))
    source = django_filters.CharFilter(lookup_expr="iexact", label=_("source"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("past a deadline"))

    class Meta:
        model = CounterfeitCase
        fields = ["q", "state", "alert_kind", "app", "source", "overdue"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(listing_name__icontains=value) | Q(package_id__icontains=value) | Q(listing__listing_id=value)
        )

    def filter_overdue(self, queryset, name, value):
        # the queryset is annotated by selectors.annotate_overdue
        late = Q(report_overdue=True) | Q(clarification_overdue=True)
        if value is True:
            return queryset.filter(late)
        if value is False:
            return queryset.exclude(late)
        return queryset


class ListingFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("search"))
    source = django_filters.CharFilter(lookup_expr="iexact")
    pending = django_filters.BooleanFilter(method="filter_pending", label=_("not screened yet"))
    unregistered = django_filters.BooleanFilter(
        method="filter_unregistered", label=_("own build, identifier not in the ledger")
    )
    unregistered_app = django_filters.ModelChoiceFilter(
        queryset=MobileApp.objects.all(), label=_("own build of the app")
    )

    class Meta:
        model = ObservedListing
        fields = ["q", "source", "feed", "pending", "unregistered", "unregistered_app"]

    def filter_unregistered(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unregistered_app__isnull=not value)

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(package_id__icontains=value) | Q(listing_id=value)
        )

    def filter_pending(self, queryset, name, value):
        from django.db.models import F

        if value is True:
            return queryset.exclude(screened_hash=F("content_hash"))
        if value is False:
            return queryset.filter(screened_hash=F("content_hash"))
        return queryset
