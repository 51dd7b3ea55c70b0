"""Filters of the OS-release register and the adaptation tasks (NFRA-10)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from ..models import AdaptationTask, OsPlatform, OsRelease


class ReleaseFilterSet(ScopedFilterSet):
    platform = django_filters.ChoiceFilter(choices=OsPlatform.choices, label=_("platform"))

    class Meta:
        model = OsRelease
        fields = ["platform"]


class TaskFilterSet(ScopedFilterSet):
    class Meta:
        model = AdaptationTask
        fields = ["app", "status"]
