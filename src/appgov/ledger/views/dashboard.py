from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from appgov.core.roles import can_write

from ..selectors import dashboard_data


@login_required
@require_safe
def dashboard(request):
    data = dashboard_data(request.user)
    charts = {
        "kind": [{"name": str(label), "value": n} for label, n in data["by_kind"]],
        "state": {
            "labels": [str(label) for label, _n in data["by_state"]],
            "values": [n for _l, n in data["by_state"]],
        },
        "platform": {
            "labels": [str(label) for label, _n in data["by_platform"]],
            "values": [n for _l, n in data["by_platform"]],
        },
        "department": {
            "labels": [row["managing_department__name"] or "—" for row in data["by_department"]][::-1],
            "values": [row["n"] for row in data["by_department"]][::-1],
        },
    }
    return render(
        request,
        "ledger/dashboard.html",
        {
            "data": data,
            "charts": charts,
            "can_create": can_write(request.user, "ledger.mobileapp"),
            "attention_total": sum(data["attention"].values()),
        },
    )
