"""Read-side summaries of the cases a user may see (dashboard, overdue lists)."""

import statistics

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone

from appgov.core.scoping import scoped

from .models import (
    CONFIRMED_STATES,
    CaseState,
    Clarification,
    CounterfeitCase,
    ListingFeed,
    RegulatorReport,
    SweepRun,
)

OPEN_STATES = [
    CaseState.NEW,
    CaseState.CONFIRMED_COUNTERFEIT,
    CaseState.CONFIRMED_REPACKAGED,
    CaseState.TAKEDOWN_REQUESTED,
]


def annotate_overdue(qs, today=None):
    """Flags `report_overdue` and `clarification_overdue` on confirmed cases whose deadline has passed."""
    today = today or timezone.localdate()
    reported = RegulatorReport.objects.filter(case=OuterRef("pk"))
    clarified = Clarification.objects.filter(case=OuterRef("pk"))
    return qs.annotate(
        has_report=Exists(reported),
        has_clarification=Exists(clarified),
    ).annotate(
        report_overdue=ExpressionWrapper(
            Q(state__in=CONFIRMED_STATES, report_due_on__lt=today, has_report=False), BooleanField()
        ),
        clarification_overdue=ExpressionWrapper(
            Q(state__in=CONFIRMED_STATES, clarification_due_on__lt=today, has_clarification=False),
            BooleanField(),
        ),
    )


def overdue_cases(user, today=None):
    qs = annotate_overdue(scoped(CounterfeitCase, user), today)
    return qs.filter(Q(report_overdue=True) | Q(clarification_overdue=True)).select_related(
        "app", "institution"
    )


def dashboard(user, today=None) -> dict:
    today = today or timezone.localdate()
    cases = scoped(CounterfeitCase, user)
    labels = dict(CaseState.choices)
    by_state = {row["state"]: row["n"] for row in cases.values("state").annotate(n=Count("id"))}
    by_source = list(
        cases.values("source")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(state__in=OPEN_STATES)),
            taken_down=Count("id", filter=Q(state=CaseState.TAKEN_DOWN)),
            false_positive=Count("id", filter=Q(state=CaseState.FALSE_POSITIVE)),
        )
        .order_by("-total", "source")
    )
    days = [
        (taken - timezone.localtime(opened).date()).days
        for opened, taken in cases.filter(state=CaseState.TAKEN_DOWN).values_list(
            "opened_at", "taken_down_on"
        )
    ]
    return {
        "total": sum(by_state.values()),
        "by_state": [(value, labels[value], by_state.get(value, 0)) for value in CaseState.values],
        "by_source": by_source,
        "median_days_to_takedown": statistics.median(days) if days else None,
        "taken_down": len(days),
        "overdue": list(overdue_cases(user, today).order_by("report_due_on")[:50]),
        "last_sweep": scoped(SweepRun, user).select_related("institution").first(),
        "last_feed": scoped(ListingFeed, user).select_related("institution").first(),
        "today": today,
    }
