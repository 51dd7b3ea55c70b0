"""Every scan of the institution, newest first: the queue (queued, running), what finished and what failed."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from appgov.core.scoping import scoped
from appgov.core.views.helpers import querystring_without_page

from ..models import Scan

ACTIVE = (Scan.Status.QUEUED, Scan.Status.RUNNING)


@login_required
@require_safe
def scan_list(request):
    scans = scoped(Scan, request.user).select_related("version__app__institution", "requested_by")
    counts = dict(scans.values_list("status").annotate(n=Count("id")).order_by())
    status = request.GET.get("status", "")
    if status in Scan.Status.values:
        scans = scans.filter(status=status)
    elif status == "active":
        scans = scans.filter(status__in=ACTIVE)
    q = request.GET.get("q", "").strip()
    if q:
        scans = scans.filter(
            Q(version__app__name__icontains=q)
            | Q(version__app__code__icontains=q)
            | Q(version__version_name__icontains=q)
        )
    page = Paginator(scans.order_by("-requested_at", "-id"), 50).get_page(request.GET.get("page"))
    # a queued scan's place in the queue: how many queued scans of the user's scope were requested before it
    queued = list(
        scoped(Scan, request.user)
        .filter(status=Scan.Status.QUEUED)
        .order_by("requested_at", "id")
        .values_list("pk", flat=True)
    )
    position = {pk: n for n, pk in enumerate(queued, start=1)}
    for scan in page.object_list:
        scan.queue_position = position.get(scan.pk)
    active_on_page = any(s.status in ACTIVE for s in page.object_list)
    template = "scanning/_scan_table.html" if request.headers.get("HX-Request") else "scanning/scan_list.html"
    return render(
        request,
        template,
        {
            "page": page,
            "status": status,
            "q": q,
            "counts": {value: counts.get(value, 0) for value in Scan.Status.values},
            "statuses": Scan.Status.choices,
            "active_on_page": active_on_page,
            "filtered": bool(status or q),
            "querystring_without_page": querystring_without_page(request),
            "show_institution": request.user.is_regulator,
        },
    )
