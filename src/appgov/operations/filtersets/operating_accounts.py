"""Filters of the publishing and operating accounts (NFRA-09.2)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from ..models import OperatingAccount


class AccountFilterSet(ScopedFilterSet):
    flagged = django_filters.BooleanFilter(
        field_name="leaver_flagged_on", lookup_expr="isnull", exclude=True, label=_("leaver flagged")
    )

    class Meta:
        model = OperatingAccount
        fields = ["app", "kind", "flagged"]
