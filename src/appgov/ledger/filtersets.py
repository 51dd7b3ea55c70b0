"""One FilterSet per list: the UI list pages and the API use the same ones."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from .models import AppVersion, Channel, Listing, MobileApp, PublishingAccount, Vulnerability
from .models.choices import AppKind, Audience, ChannelKind, LifecycleState, Platform


class MobileAppFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.MultipleChoiceFilter(choices=AppKind.choices, label=_("kind"))
    state = django_filters.MultipleChoiceFilter(choices=LifecycleState.choices, label=_("lifecycle state"))
    audience = django_filters.ChoiceFilter(choices=Audience.choices, label=_("audience"))
    platform = django_filters.ChoiceFilter(
        choices=Platform.choices, method="filter_platform", label=_("platform")
    )
    is_important_system = django_filters.BooleanFilter(label=_("important information system"))
    ordering = django_filters.OrderingFilter(
        fields=(
            ("code", "code"),
            ("name", "name"),
            ("kind", "kind"),
            ("state", "state"),
            ("managing_department__name", "department"),
            ("updated_at", "updated_at"),
        ),
        label=_("sort"),
    )

    class Meta:
        model = MobileApp
        fields = ["q", "kind", "state", "audience", "platform", "managing_department", "is_important_system"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(code__icontains=value)
            | Q(android_packages__icontains=value)
            | Q(ios_bundle_ids__icontains=value)
            | Q(harmony_bundle_names__icontains=value)
            | Q(mini_program_appids__icontains=value)
        )

    def filter_platform(self, queryset, name, value):
        # JSON lists are searched as text so the same filter works on SQLite and PostgreSQL.
        return queryset.filter(platforms__icontains=f'"{value}"') if value else queryset


class AppVersionFilterSet(ScopedFilterSet):
    class Meta:
        model = AppVersion
        fields = ["app", "platform", "support_status"]


class ChannelFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=ChannelKind.choices, label=_("Kind"))

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(operator__icontains=value))

    class Meta:
        model = Channel
        fields = ["kind"]


class ListingFilterSet(ScopedFilterSet):
    app = django_filters.NumberFilter(field_name="version__app")

    class Meta:
        model = Listing
        fields = ["version", "channel", "state"]


class PublishingAccountFilterSet(ScopedFilterSet):
    class Meta:
        model = PublishingAccount
        fields = ["app", "channel", "holder"]


class VulnerabilityFilterSet(ScopedFilterSet):
    app = django_filters.NumberFilter(field_name="version__app")

    class Meta:
        model = Vulnerability
        fields = ["version", "severity", "status"]
