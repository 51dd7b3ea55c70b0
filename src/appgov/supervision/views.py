"""The regulator's pages: the jurisdiction dashboard and its drill-down, testing campaigns, rectification
follow-up, supervisory measures and the office's own NFRA-18 controls. Every office page answers 404 to an
institution's users; institution users see what was issued to them on the module's index."""

import io
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from appgov.compliance.models import Finding
from appgov.core.models import Institution, RegulatorOffice
from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views import generic
from appgov.core.views.helpers import get_scoped, history_entries
from appgov.ledger.models import MobileApp

from . import checks, dashboard, services
from .filtersets import CampaignFilterSet, MeasureFilterSet, RectificationFilterSet
from .forms import CampaignForm, DecisionForm, FindingForm, MeasureForm, ResultForm
from .models import Campaign, CampaignFinding, CampaignResult, RectificationDecision, SupervisoryMeasure
from .tables import CampaignTable, MeasureTable, RectificationTable


def _regulator(request):
    if not request.user.is_regulator:
        raise Http404  # an office's pages do not exist for an institution's users


class RegulatorOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            _regulator(request)
        return super().dispatch(request, *args, **kwargs)


# ---------- the dashboard ----------


@login_required
@require_safe
def index(request):
    if not request.user.is_regulator:
        return issued_to_institution(request)
    data = dashboard.build(request.user)
    if request.GET.get("export") == "xlsx":
        return export(data, request.GET.get("table"))
    return render(request, "supervision/dashboard.html", {"data": data, "tables": data["tables"]})


def export(data, key=None) -> HttpResponse:
    from openpyxl import Workbook

    from appgov.core.spreadsheets import append_row

    tables = data["tables"]
    if key and key not in tables:
        raise Http404
    book = Workbook(write_only=True)
    for table in [tables[key]] if key else tables.values():
        sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", "-", str(table.title))[:31])
        append_row(sheet, [str(h) for h in table.headers])
        for row in table.rows:
            append_row(sheet, row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"supervision-{key or 'dashboard'}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def institution_detail(request, pk):
    """An institution of the jurisdiction, read-only: its apps, posture, issued findings and the office's
    campaigns, decisions and measures about it (the history per institution)."""
    _regulator(request)
    inst = get_scoped(Institution, request.user, pk=pk)
    apps = scoped(MobileApp, request.user).filter(institution=inst).order_by("code")
    heat = dashboard.posture(request.user, [inst.pk]).get(inst.pk, {})
    posture = [(key, title, *heat.get(key, (0, 0))) for key, title in dashboard.articles()]
    issued = (
        scoped(Finding, request.user)
        .filter(institution=inst, issued_by_office__isnull=False)
        .select_related("issued_by_office")
        .order_by("-opened_at")
    )
    history = sorted(
        [(c.period_start, _("Campaign"), c, c.get_absolute_url()) for c in
         Campaign.objects.for_user(request.user).filter(institutions=inst)]
        + [(d.decided_at.date(), _("Rectification decision"), d, reverse("supervision:rectification", args=[d.finding_id]))
           for d in RectificationDecision.objects.for_user(request.user).filter(institution=inst).select_related("finding")]
        + [(m.taken_on, _("Supervisory measure"), m, reverse("supervision:measure-detail", args=[m.pk])) for m in
           SupervisoryMeasure.objects.for_user(request.user).filter(institution=inst)],
        key=lambda row: row[0],
        reverse=True,
    )  # fmt: skip
    return render(
        request,
        "supervision/institution.html",
        {"inst": inst, "apps": apps, "posture": posture, "issued": issued, "history": history,
         "overdue": dashboard.overdue(scoped(Finding, request.user).filter(institution=inst)).count()},
    )  # fmt: skip


@login_required
@require_safe
def issued_to_institution(request):
    """What regulator offices issued to the user's institution: findings to rectify and measures."""
    findings = (
        scoped(Finding, request.user)
        .filter(issued_by_office__isnull=False)
        .select_related("issued_by_office")
        .order_by("-opened_at")
    )
    measures = SupervisoryMeasure.objects.filter(
        institution_id__in=request.user.jurisdiction_institution_ids()
    ).select_related("office")
    return render(request, "supervision/issued.html", {"findings": findings, "measures": measures})


# ---------- campaigns ----------


class CampaignList(RegulatorOnly, generic.ObjectListView):
    template_name = "supervision/list.html"

    def extra_context(self):
        return {"tab": "campaigns"}

    model = Campaign
    queryset = Campaign.objects.select_related("office").prefetch_related("institutions")
    filterset = CampaignFilterSet
    table = CampaignTable
    title = gettext_lazy("Testing campaigns")


class CampaignEdit(RegulatorOnly, generic.ObjectEditView):
    model = Campaign
    form = CampaignForm
    service = services.campaigns


@login_required
@require_safe
def campaign_detail(request, pk):
    _regulator(request)
    campaign = get_scoped(Campaign.objects.select_related("office", "issued_by"), request.user, pk=pk)
    results = list(
        campaign.results.select_related("app__institution").prefetch_related("findings__issued_finding")
    )
    tested = {r.app_id for r in results}
    may_write = (
        can_write(request.user, "supervision.campaign")
        and campaign.office_id == request.user.regulator_office_id
    )
    planned = campaign.status == Campaign.Status.PLANNED
    context = {
        "campaign": campaign,
        "results": results,
        "untested": [a for a in services.scope_apps(campaign) if a.pk not in tested],
        "may_write": may_write and planned,
        "may_close": may_write and campaign.status == Campaign.Status.ISSUED,
        "result_form": ResultForm(
            user=request.user, campaign=campaign, initial={"tested_on": timezone.localdate()}
        ),
        "finding_form": FindingForm(user=request.user),
        "history": history_entries(campaign),
    }
    return render(request, "supervision/campaign_detail.html", context)


def _office_object(request, model_or_queryset, pk):
    """An office-owned object the user may change (404 outside the jurisdiction, 403 without the right)."""
    _regulator(request)
    obj = get_scoped(model_or_queryset, request.user, pk=pk)
    label = (
        model_or_queryset.model if hasattr(model_or_queryset, "model") else model_or_queryset
    )._meta.label_lower
    if not can_write(request.user, label):
        raise PermissionDenied
    return obj


def _refused(request, exc: ValidationError):
    messages.error(request, "；".join(exc.messages))


@login_required
@require_POST
def result_add(request, pk):
    campaign = _office_object(request, Campaign, pk)
    form = ResultForm(request.POST, user=request.user, campaign=campaign)
    if not form.is_valid():
        messages.error(request, "；".join(f"{form.fields[k].label if k in form.fields else ''}：{' '.join(v)}"
                                          for k, v in form.errors.items()))  # fmt: skip
    else:
        try:
            services.results.create(request.user, {**services.results.form_data(form), "campaign": campaign})
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Result recorded."))
    return redirect(campaign.get_absolute_url())


@login_required
@require_POST
def finding_add(request, pk):
    result = _office_object(request, CampaignResult.objects.select_related("campaign"), pk)
    form = FindingForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        messages.error(request, "；".join(f"{form.fields[k].label if k in form.fields else ''}：{' '.join(v)}"
                                          for k, v in form.errors.items()))  # fmt: skip
    else:
        try:
            services.campaign_findings.create(
                request.user, {**services.campaign_findings.form_data(form), "result": result}
            )
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Finding recorded."))
    return redirect(result.campaign.get_absolute_url())


@login_required
@require_POST
def campaign_issue(request, pk):
    campaign = _office_object(request, Campaign, pk)
    try:
        opened = services.issue(campaign, request.user)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(
            request, _("Results issued: %(n)s findings sent to the institutions.") % {"n": len(opened)}
        )
    return redirect(campaign.get_absolute_url())


@login_required
@require_POST
def campaign_close(request, pk):
    campaign = _office_object(request, Campaign, pk)
    try:
        services.close(campaign, request.user)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Campaign closed."))
    return redirect(campaign.get_absolute_url())


@login_required
@require_safe
def finding_evidence(request, pk):
    _regulator(request)
    row = get_scoped(CampaignFinding, request.user, pk=pk)
    if not row.evidence:
        raise Http404
    response = FileResponse(
        row.evidence.open("rb"), as_attachment=True, filename=row.evidence.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------- rectification follow-up ----------


class RectificationList(RegulatorOnly, generic.ObjectListView):
    template_name = "supervision/list.html"

    def extra_context(self):
        return {"tab": "rectifications"}

    model = Finding
    queryset = Finding.objects.filter(issued_by_office__isnull=False).select_related(
        "institution", "issued_by_office"
    )
    filterset = RectificationFilterSet
    table = RectificationTable
    title = gettext_lazy("Rectification follow-up")
    url_base = "rectification"


@login_required
def rectification(request, pk):
    """One regulator-issued finding: its state, the institution's rectification, the office's decisions; the
    issuing office accepts or rejects a submitted rectification here."""
    _regulator(request)
    finding = get_object_or_404(
        services.issued_findings_for(request.user)
        .filter(institution_id__in=request.user.jurisdiction_institution_ids())
        .select_related("institution", "issued_by_office"),
        pk=pk,
    )
    may_decide = (
        can_write(request.user, "supervision.rectificationdecision")
        and finding.issued_by_office_id == request.user.regulator_office_id
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.decide(
                    finding, request.user, accepted=form.cleaned_data["decision"] == "accept",
                    comment=form.cleaned_data["comment"],
                )  # fmt: skip
            except ValidationError as exc:
                _refused(request, exc)
            else:
                messages.success(request, _("Decision recorded."))
            return redirect("supervision:rectification", pk=finding.pk)
    elif request.method != "GET":
        return HttpResponse(status=405)
    decisions = (
        RectificationDecision.objects.for_user(request.user)
        .filter(finding=finding)
        .select_related("decided_by")
    )
    return render(
        request,
        "supervision/rectification.html",
        {"finding": finding, "decisions": decisions, "form": form,
         "may_decide": may_decide and finding.status == Finding.Status.RESOLVED,
         "attachments": finding.attachments.all(), "history": history_entries(finding),
         "campaign_finding": CampaignFinding.objects.for_user(request.user).filter(issued_finding=finding).first()},
    )  # fmt: skip


# ---------- supervisory measures ----------


class MeasureList(RegulatorOnly, generic.ObjectListView):
    template_name = "supervision/list.html"

    def extra_context(self):
        return {"tab": "measures"}

    model = SupervisoryMeasure
    queryset = SupervisoryMeasure.objects.select_related(
        "institution", "office", "campaign"
    ).prefetch_related("responsible_persons")
    filterset = MeasureFilterSet
    table = MeasureTable
    title = gettext_lazy("Supervisory measures")


class MeasureEdit(RegulatorOnly, generic.ObjectEditView):
    model = SupervisoryMeasure
    form = MeasureForm
    service = services.measures


class MeasureDetail(RegulatorOnly, generic.ObjectDetailView):
    model = SupervisoryMeasure
    fields = [
        "kind",
        "institution",
        "decision_number",
        "taken_on",
        "summary",
        "responsible_persons",
        "campaign",
        "office",
    ]


# ---------- the office's own controls ----------


@login_required
@require_safe
def office_controls(request):
    _regulator(request)
    offices = RegulatorOffice.objects.filter(pk__in=request.user.regulator_office.descendant_ids()).order_by(
        "code"
    )
    return render(
        request,
        "supervision/office_controls.html",
        {"rows": [(office, checks.evaluate(office)) for office in offices], "rules": checks.RULES,
         "period_days": checks.PERIOD_DAYS},
    )  # fmt: skip
