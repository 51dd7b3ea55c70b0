"""Pages that are not an object list: the overview with the heat map, an assessment's questionnaire, the audit
programme, and the incident's actions (timeline, regulator report PDF and its sending, notifications)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core import workflow
from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views.helpers import get_scoped, history_entries

from .. import policy, reports, services
from ..forms import AnswersForm, IncidentEventForm
from ..models import (
    Assessment,
    AssessmentCampaign,
    AuditEngagement,
    Drill,
    Incident,
    PrivacyNotification,
    RegulatorReport,
    Risk,
)
from ..models.audits import AuditKind
from ..models.register import RiskStatus


def _errors(exc) -> str:
    return "；".join(getattr(exc, "messages", None) or [str(exc)])


def _require(user, label):
    if not can_write(user, label):
        raise PermissionDenied


def heat_map(risks, which: str = "residual") -> dict:
    """Counts per (likelihood, impact) cell of the 5 × 5 matrix, rows from likelihood 5 down to 1."""
    matrix = policy.matrix()
    counts = {}
    for risk in risks:
        key = (getattr(risk, f"{which}_likelihood"), getattr(risk, f"{which}_impact"))
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for likelihood in range(5, 0, -1):
        cells = []
        for impact in range(1, 6):
            band = policy.rating(likelihood, impact)
            cells.append(
                {"count": counts.get((likelihood, impact), 0), "colour": band["colour"], "band": band["zh"]}
            )
        rows.append({"label": matrix["likelihood"][likelihood]["zh"], "level": likelihood, "cells": cells})
    return {"rows": rows, "impacts": [matrix["impact"][i]["zh"] for i in range(1, 6)]}


@login_required
@require_safe
def index(request):
    user = request.user
    now = timezone.now()
    risks = list(scoped(Risk, user).exclude(status=RiskStatus.CLOSED))
    reports_due = scoped(RegulatorReport, user).filter(sent_at__isnull=True).select_related("incident")
    return render(
        request,
        "risk/index.html",
        {
            "heat": heat_map(risks),
            "risk_count": len(risks),
            "open_incidents": scoped(Incident, user).exclude(state="closed").count(),
            "reports_due": [(r, r.overdue(now)) for r in reports_due.order_by("due_at")[:20]],
            "required_audits": scoped(AuditEngagement, user).filter(state="required").order_by("due_on")[:20],
            "campaigns": scoped(AssessmentCampaign, user).order_by("-year")[:5],
            "drills_missed": [
                d for d in scoped(Drill, user).select_related("app").order_by("-held_on")[:50] if d.missed_rto
            ][:10],
        },
    )


@login_required
def assessment(request, pk):
    obj = get_scoped(
        Assessment.objects.select_related("campaign", "app", "signed_by", "submitted_by"), request.user, pk=pk
    )
    form = AnswersForm(request.POST or None, assessment=obj)
    if request.method == "POST":
        _require(request.user, "risk.assessment")
        if form.is_valid():
            try:
                services.assessments.update(obj, request.user, {"answers": form.answers()})
            except ValidationError as exc:
                messages.error(request, _errors(exc))
            else:
                messages.success(request, _("Answers saved."))
                return redirect("risk:assessment-detail", pk=obj.pk)
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    return render(
        request,
        "risk/assessment_detail.html",
        {
            "object": obj,
            "form": form,
            "rows": [(item, a, n, (obj.prefill.get(item["id"]) or {})) for item, a, n in form.rows()],
            "moves": workflow.available(obj, request.user),
            "can_write": can_write(request.user, "risk.assessment") and obj.state == "draft",
            "history": history_entries(obj),
        },
    )


@login_required
@require_POST
def assessment_move(request, pk):
    obj = get_scoped(Assessment.objects.all(), request.user, pk=pk)
    _require(request.user, "risk.assessment")
    inputs = {k: v for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "to_state")}
    try:
        workflow.transition(obj, request.POST.get("to_state", ""), request.user, **inputs)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("Not allowed"))
    else:
        messages.success(request, _("%(object)s moved.") % {"object": obj})
    return redirect("risk:assessment-detail", pk=obj.pk)


@login_required
@require_POST
def assessment_prefill(request, pk):
    obj = get_scoped(Assessment.objects.all(), request.user, pk=pk)
    _require(request.user, "risk.assessment")
    try:
        services.prefill_assessment(obj, request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    return redirect("risk:assessment-detail", pk=obj.pk)


@login_required
@require_POST
def incident_event(request, pk):
    incident = get_scoped(Incident.objects.all(), request.user, pk=pk)
    _require(request.user, "risk.incidentevent")
    form = IncidentEventForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.events.create(request.user, {**form.cleaned_data, "incident": incident})
        except ValidationError as exc:
            messages.error(request, _errors(exc))
    else:
        messages.error(request, _errors(ValidationError(form.errors.as_text())))
    return redirect(incident.get_absolute_url())


@login_required
@require_POST
def report_generate(request, pk):
    report = get_scoped(RegulatorReport.objects.select_related("incident"), request.user, pk=pk)
    _require(request.user, "risk.regulatorreport")
    summary = request.POST.get("summary")
    try:
        if summary is not None and summary.strip() != report.summary:
            report = services.reports.update(report, request.user, {"summary": summary.strip()})
        reports.generate(report, request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Report generated."))
    return redirect(report.incident.get_absolute_url())


@login_required
@require_POST
def report_send(request, pk):
    report = get_scoped(RegulatorReport.objects.select_related("incident"), request.user, pk=pk)
    _require(request.user, "risk.regulatorreport")
    try:
        services.record_sent(report, request.user, reference=request.POST.get("reference", ""))
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Sending recorded."))
    return redirect(report.incident.get_absolute_url())


@login_required
@require_safe
def report_download(request, pk):
    from django.http import FileResponse

    report = get_scoped(RegulatorReport.objects.all(), request.user, pk=pk)
    if not report.document:
        raise Http404
    response = FileResponse(
        report.document.open("rb"), as_attachment=True, filename=report.document.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def notification_record(request, pk):
    note = get_scoped(PrivacyNotification.objects.select_related("incident"), request.user, pk=pk)
    _require(request.user, "risk.privacynotification")
    try:
        recipients = int(request.POST.get("recipients") or 0)
        services.record_notified(
            note, request.user, channel=request.POST.get("channel", ""), recipients=recipients
        )
    except ValueError:
        messages.error(request, _("Give the number of recipients as a whole number."))
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    return redirect(note.incident.get_absolute_url())


@login_required
def programme(request):
    """The audit programme: every live app's last audit, next due date and planned engagement (NFRA-17.3), and
    the same for business compliance inspections (NFRA-05.4)."""
    user = request.user
    if user.is_regulator or not user.institution_id:
        institutions = []
    else:
        institutions = [user.institution]
    kind = AuditKind.INSPECTION if request.GET.get("kind") == "inspection" else AuditKind.REGULAR
    today = timezone.localdate()
    if request.method == "POST":
        _require(user, "risk.auditengagement")
        try:
            year = int(request.POST.get("year") or today.year)
            made = services.plan_programme(user.institution, user, year, kind, today=today)
        except (ValueError, ValidationError) as exc:
            messages.error(request, _errors(exc) if isinstance(exc, ValidationError) else _("Give a year."))
        else:
            messages.success(request, _("%(n)s engagements planned.") % {"n": len(made)})
        return redirect(f"{request.path}?kind={kind}")
    rows = [row for inst in institutions for row in services.audit_programme(inst, today, kind)]
    return render(
        request,
        "risk/programme.html",
        {
            "rows": rows,
            "kind": kind,
            "today": today,
            "soon": today + datetime.timedelta(days=90),
            "can_plan": can_write(user, "risk.auditengagement"),
        },
    )


def _pdf(data: bytes, name: str):
    from django.http import HttpResponse

    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def campaign_pdf(request, pk):
    campaign = get_scoped(AssessmentCampaign.objects.select_related("institution"), request.user, pk=pk)
    if campaign.report_file:  # closed: the report frozen at closing, not today's rendering
        with campaign.report_file.open("rb") as frozen:
            return _pdf(frozen.read(), f"risk-assessment-{campaign.year}.pdf")
    return _pdf(reports.assessment_pdf(campaign), f"risk-assessment-{campaign.year}.pdf")


@login_required
@require_safe
def assessment_pdf(request, pk):
    obj = get_scoped(Assessment.objects.select_related("campaign__institution", "app"), request.user, pk=pk)
    return _pdf(
        reports.assessment_pdf(obj.campaign, obj), f"risk-assessment-{obj.campaign.year}-{obj.app.code}.pdf"
    )
