"""A scan's state as a small fragment the page polls (HTMX, every 2 s) while the worker has it: queued →
running → done/failed show without a manual reload; when the scan ends the page reloads itself to show the
results (HX-Refresh)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from appgov.core.views.helpers import get_scoped

from ..models import Scan

FINAL = (Scan.Status.DONE, Scan.Status.FAILED)


def status_context(scan) -> dict:
    since = scan.started_at if scan.status == Scan.Status.RUNNING else scan.requested_at
    waited = int((timezone.now() - since).total_seconds()) if since and scan.status not in FINAL else None
    return {"s": scan, "final": scan.status in FINAL, "waited": waited}


@login_required
@require_safe
def scan_status(request, pk):
    scan = get_scoped(Scan, request.user, pk=pk)
    response = render(request, "scanning/_scan_status.html", status_context(scan))
    was = request.GET.get("was", "")
    if was and was not in FINAL and scan.status in FINAL:
        response["HX-Refresh"] = "true"  # the scan ended while the page was open: show its results
    return response
