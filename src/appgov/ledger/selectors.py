"""Read-side queries for the dashboard: aggregated in the database, scoped to the user."""

from django.db.models import Count, Q
from django.utils import timezone

from appgov.core.scoping import scoped

from .models import AppVersion, MobileApp, Vulnerability
from .models.choices import AppKind, LifecycleState, ListingState, Platform, Severity, SupportStatus


def dashboard_data(user) -> dict:
    apps = scoped(MobileApp, user)
    by_kind = dict(apps.values_list("kind").annotate(n=Count("id")).order_by())
    by_state = dict(apps.values_list("state").annotate(n=Count("id")).order_by())
    platform_counts = apps.aggregate(
        **{p: Count("id", filter=Q(platforms__icontains=f'"{p}"')) for p in Platform.values}
    )
    by_department = list(apps.values("managing_department__name").annotate(n=Count("id")).order_by("-n")[:15])
    today = timezone.localdate()
    live = apps.exclude(state=LifecycleState.RETIRED)
    attention = {
        "no_responsible": live.filter(
            Q(responsible_person__isnull=True) | Q(managing_department__isnull=True)
        ),
        "person_left": live.filter(responsible_person__left_on__lte=today),
        "no_filing": live.filter(
            state__in=[LifecycleState.RELEASED, LifecycleState.IN_OPERATION], app_filing_no=""
        ),
        "stale_versions_listed": scoped(AppVersion, user)
        .filter(
            support_status__in=[SupportStatus.DEPRECATED, SupportStatus.RETIRED],
            listings__state=ListingState.LISTED,
        )
        .distinct(),
        "open_high_vulns": scoped(Vulnerability, user).filter(
            status=Vulnerability.Status.OPEN, severity__in=[Severity.HIGH, Severity.CRITICAL]
        ),
    }
    return {
        "total": apps.count(),
        "by_kind": [(label, by_kind.get(value, 0)) for value, label in AppKind.choices],
        "by_state": [(label, by_state.get(value, 0)) for value, label in LifecycleState.choices],
        "by_platform": [(label, platform_counts.get(value, 0)) for value, label in Platform.choices],
        "by_department": by_department,
        "attention": {k: qs.count() for k, qs in attention.items()},
        "attention_lists": {k: qs[:8] for k, qs in attention.items()},
    }
