import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views.helpers import get_scoped, require_write
from appgov.engines.apkscan.cyclonedx import to_cyclonedx
from appgov.ledger.models import AppVersion

from .. import package_identity, services, triage
from ..forms import FindingDecisionForm
from ..models import FindingDecision, Scan, SdkUse
from ..selectors import version_scans
from . import records


@login_required
@require_safe
def scan_detail(request, pk):
    scan = get_scoped(Scan.objects.select_related("version__app"), request.user, pk=pk)
    context = version_scans(scan.version)
    report = scan.report or {}
    active, suppressed = triage.split_findings(scan.version.app, report.get("findings", []))
    package_appid = (
        package_identity.package_appid(report)
        if report.get("platform") == package_identity.MINI_PROGRAM
        else ""
    )
    return render(
        request,
        "scanning/scan_detail.html",
        {
            "scan": scan,
            "report": report,
            "findings": active,
            "suppressed": suppressed,
            "package_appid": package_appid,
            "can_triage": can_write(request.user, "scanning.findingdecision"),
            "decision_choices": FindingDecision.Decision.choices,
            **context,
        },
    )


@login_required
@require_POST
def scan_triage(request, pk):
    """Security marks a finding false positive or accepted; a role that may not is answered 403."""
    scan = get_scoped(Scan.objects.select_related("version__app"), request.user, pk=pk)
    require_write(request.user, FindingDecision)
    form = FindingDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(f"{k}: {'、'.join(v)}" for k, v in form.errors.items()))
        return redirect("scanning:scan-detail", pk=scan.pk)
    try:
        triage.decide_finding(scan, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("scanning:scan-detail", pk=scan.pk)


@login_required
@require_safe
def scan_download(request, pk, fmt):
    if fmt not in ("report", "cyclonedx"):
        raise Http404
    scan = get_scoped(Scan.objects.select_related("version__app"), request.user, pk=pk)
    if not scan.report:
        raise Http404
    body = to_cyclonedx(scan.report) if fmt == "cyclonedx" else scan.report
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f"attachment; filename=scan-{scan.pk}-{fmt}.json"
    return response


@login_required
@require_POST
def scan_request(request, version_pk):
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=version_pk)
    try:
        services.request_scan(version, request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    except PermissionDenied:
        messages.error(request, _("You may not request scans."))
    else:
        messages.success(request, _("Scan queued; the worker runs it in the background."))
    return redirect(version.get_absolute_url())


@login_required
@require_safe
def sdk_inventory(request):
    """SDKs found in the latest finished scan of each version, with the apps using each; when there are none,
    the page says why (nothing scanned yet, scans still in the queue or failed, or scans that found no SDK)."""
    scans = scoped(Scan, request.user)
    status_counts = dict(scans.values_list("status").annotate(n=Count("id")).order_by())
    latest_ids = {}
    for version_id, scan_id in (
        scans.filter(status=Scan.Status.DONE)
        .order_by("version_id", "-finished_at", "-id")
        .values_list("version_id", "pk")
    ):
        latest_ids.setdefault(version_id, scan_id)
    uses = scoped(SdkUse, request.user).filter(scan_id__in=latest_ids.values())
    rows = list(
        uses.values("sdk_id", "name", "vendor", "category")
        .annotate(versions=Count("version", distinct=True), apps=Count("version__app", distinct=True))
        .order_by("-apps", "name")
    )
    apps_of = {}
    for sdk_id, app_id, app_name in uses.values_list(
        "sdk_id", "version__app_id", "version__app__name"
    ).distinct():
        apps_of.setdefault(sdk_id, {})[app_id] = app_name
    for row in rows:
        row["app_list"] = sorted(apps_of.get(row["sdk_id"], {}).items(), key=lambda item: item[1])
    return render(
        request,
        "scanning/sdk_inventory.html",
        {
            "rows": rows,
            "scanned_versions": len(latest_ids),
            "queued": status_counts.get(Scan.Status.QUEUED, 0) + status_counts.get(Scan.Status.RUNNING, 0),
            "failed": status_counts.get(Scan.Status.FAILED, 0),
            "any_scan": bool(status_counts),
            **records.sdk_assessments(request),
        },
    )
