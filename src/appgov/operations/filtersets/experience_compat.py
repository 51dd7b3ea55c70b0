import django_filters
from django.utils.translation import gettext_lazy as _

from appgov.core.filtersets import ScopedFilterSet

from ..models import AdaptationTask, ExperienceAssessment, OperatingAccount, OsPlatform, OsRelease


class AssessmentFilterSet(ScopedFilterSet):
    class Meta:
        model = ExperienceAssessment
        fields = ["app"]


class AccountFilterSet(ScopedFilterSet):
    flagged = django_filters.BooleanFilter(
        field_name="leaver_flagged_on", lookup_expr="isnull", exclude=True, label=_("leaver flagged")
    )

    class Meta:
        model = OperatingAccount
        fields = ["app", "kind", "flagged"]


class ReleaseFilterSet(ScopedFilterSet):
    platform = django_filters.ChoiceFilter(choices=OsPlatform.choices, label=_("platform"))

    class Meta:
        model = OsRelease
        fields = ["platform"]


class TaskFilterSet(ScopedFilterSet):
    class Meta:
        model = AdaptationTask
        fields = ["app", "status"]
