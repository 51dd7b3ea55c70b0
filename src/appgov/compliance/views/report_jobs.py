"""The compliance PDF on the page: asked for (POST), built by the worker, its progress polled (HTMX every 2 s),
then offered for download."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from appgov.core.params import as_id
from appgov.core.views.helpers import get_scoped
from appgov.ledger.models import MobileApp

from .. import report_jobs, selectors
from ..models import ReportJob


@login_required
@require_POST
def report_request(request):
    if request.user.is_regulator:
        # a regulator writes nothing in an institution's space: the examiner downloads the PDF directly
        raise PermissionDenied
    institution = selectors.institution_for(request.user, request.POST.get("institution"))
    app = None
    if request.POST.get("app"):
        app_id = as_id(request.POST["app"])
        app = get_scoped(MobileApp.objects.filter(institution=institution), request.user, pk=app_id or 0)
    job = report_jobs.request_report(institution, app, request.user)
    return redirect("compliance:report-job", pk=job.pk)


@login_required
@require_safe
def report_job(request, pk):
    job = get_scoped(ReportJob.objects.select_related("institution", "app"), request.user, pk=pk)
    return render(request, "compliance/report_job.html", {"job": job})


@login_required
@require_safe
def report_job_status(request, pk):
    job = get_scoped(ReportJob, request.user, pk=pk)
    response = render(request, "compliance/_report_status.html", {"job": job})
    was = request.GET.get("was", "")
    if was and was not in (ReportJob.Status.DONE, ReportJob.Status.FAILED) and job.is_final:
        response["HX-Refresh"] = "true"  # ready (or failed) while the page was open: show the download
    return response


@login_required
@require_safe
def report_job_download(request, pk):
    job = get_scoped(ReportJob, request.user, pk=pk)
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404
    stamp = job.requested_at.strftime("%Y%m%d")
    response = FileResponse(job.file.open("rb"), content_type="application/pdf", as_attachment=True)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''compliance-report-{stamp}-{job.pk}.pdf"
    response["X-Content-Type-Options"] = "nosniff"
    return response
