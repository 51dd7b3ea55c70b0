from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from appgov.core.scoping import scoped

from .. import monitoring, services
from ..models import AccountChange, Alert, CalendarDay, CreditAccount, DissentCase, LeadingGroup, ReviewDay


@login_required
@require_safe
def overview(request):
    today = timezone.localdate()
    user = request.user
    dissents = [
        {"case": c, "days_left": c.days_left(today), "overdue": c.is_overdue(today)}
        for c in scoped(DissentCase, user)
        .filter(status=DissentCase.Status.OPEN)
        .select_related("institution")
    ]
    context = {
        "accounts_active": scoped(CreditAccount, user).filter(status="active").count(),
        "changes_pending": scoped(AccountChange, user).filter(status="pending").count(),
        "alerts_open": scoped(Alert, user).filter(disposition="open").count(),
        "days_open": scoped(ReviewDay, user).filter(closed_at__isnull=True).count(),
        "days_overdue": monitoring.overdue_review_days(scoped(ReviewDay, user), today).count(),
        "dissents": sorted(dissents, key=lambda d: d["days_left"]),
        "groups": scoped(LeadingGroup, user).select_related("first_responsible", "institution"),
        "exceptions": services.account_exceptions(user.institution, today) if user.institution_id else [],
        # Without this year's holidays, rule Q07 silently judges working time by a Monday-Friday week.
        "no_holidays_this_year": bool(user.institution_id)
        and not scoped(CalendarDay, user).filter(date__year=today.year, is_workday=False).exists(),
        "year": today.year,
    }
    return render(request, "credit/overview.html", context)
