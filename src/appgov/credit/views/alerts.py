"""The credit officer's alert page: the query alerts as the real-time cycles and the nightly run stored them,
newest first, branches and rules in words; the navigation bar counts the open ones."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from appgov.core.scoping import scoped

from ..models import Alert, MonitoringRun

PAGE_SIZE = 100


@login_required
@require_safe
def alert_list(request):
    state = request.GET.get("state", "open")
    alerts = scoped(Alert, request.user).select_related("review_day", "institution").order_by("-ts", "-id")
    if state == "open":
        alerts = alerts.filter(disposition=Alert.Disposition.OPEN)
    else:
        state = "all"
    page = Paginator(alerts, PAGE_SIZE).get_page(request.GET.get("page"))
    last_cycle = (
        scoped(MonitoringRun, request.user)
        .filter(kind=MonitoringRun.Kind.INCREMENT, status=MonitoringRun.Status.DONE)
        .order_by("-finished_at")
        .first()
    )
    return render(
        request,
        "credit/alert_list.html",
        {
            "page": page,
            "state": state,
            "last_cycle": last_cycle,
            "querystring_without_page": f"state={state}&",
        },
    )
