import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet
from appgov.ledger.models import MobileApp

from .models import PrivacyPolicy


class PrivacyPolicyFilterSet(ScopedFilterSet):
    app = django_filters.ModelChoiceFilter(
        field_name="version__app", queryset=MobileApp.objects.all(), label=_("app")
    )

    class Meta:
        model = PrivacyPolicy
        fields = ["app", "version"]
