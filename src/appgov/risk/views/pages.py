"""List, detail and edit pages of the module's records (core.views.generic)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from appgov.core.views import generic

from .. import filtersets, forms, services, tables
from ..models import (
    AssessmentCampaign,
    AuditEngagement,
    AuditFinding,
    Drill,
    EmergencyPlan,
    ImpactAnalysis,
    Incident,
    IncidentEvent,
    ReleaseDossier,
    Risk,
    RiskTask,
)


def _pages(
    name,
    model,
    *,
    table=None,
    filterset=None,
    form=None,
    service=None,
    title=None,
    detail=None,
    move=False,
    list_queryset=None,
    void=False,
):
    attrs = {"model": model}
    views = {}
    if table is not None:
        views["list"] = type(
            f"{model.__name__}List",
            (generic.ObjectListView,),
            {
                **attrs,
                "table": table,
                "filterset": filterset,
                "title": title,
                **({"queryset": list_queryset} if list_queryset is not None else {}),
            },
        )
    views["detail"] = detail or type(f"{model.__name__}Detail", (generic.ObjectDetailView,), attrs)
    if form is not None:
        views["edit"] = type(
            f"{model.__name__}Edit", (generic.ObjectEditView,), {**attrs, "form": form, "service": service}
        )
    if void:  # a kept record voided with a reason (issue 12 item 1)
        views["delete"] = generic.void_view(model, service)
    if move:
        views["transition"] = type(f"{model.__name__}Move", (generic.ObjectTransitionView,), attrs)
    return generic.object_urls(name, **views)


class IncidentDetail(generic.ObjectDetailView):
    model = Incident
    template_name = "risk/incident_detail.html"
    fields = [
        "reference",
        "title",
        "kind",
        "severity",
        "state",
        "apps",
        "detected_at",
        "description",
        "outage_minutes",
        "customers_affected",
        "records_exposed",
        "loss_yuan",
        "media_attention",
        "containment",
        "contained_on",
        "root_cause",
        "resolved_on",
        "lessons",
        "closed_on",
    ]

    def extra_context(self, obj):
        from django.utils import timezone

        now = timezone.now()
        return {
            "reports": [(r, r.overdue(now)) for r in obj.regulator_reports.select_related("office")],
            "notifications": [(n, n.overdue(now)) for n in obj.notifications.all()],
            "events": obj.events.all(),  # a voided event is shown struck through
            "special_audits": obj.special_audits.all(),
            "event_form": forms.IncidentEventForm(user=self.request.user),
        }


class AuditDetail(generic.ObjectDetailView):
    model = AuditEngagement
    template_name = "risk/audit_detail.html"
    fields = [
        "reference",
        "title",
        "kind",
        "state",
        "apps",
        "trigger_incident",
        "auditor_type",
        "auditor_name",
        "team",
        "scope",
        "due_on",
        "planned_start",
        "fieldwork_start",
        "fieldwork_end",
        "report_date",
        "conclusion",
        "cancel_reason",
    ]

    def extra_context(self, obj):
        from appgov.core.roles import can_write

        from ..findings_link import with_findings
        from ..services.audits import FINDING_STATES

        return {
            "audit_findings": with_findings(obj.institution, obj.findings.select_related("app", "owner")),
            "may_record": obj.state in FINDING_STATES and can_write(self.request.user, "risk.auditfinding"),
        }


class AuditFindingDetail(generic.ObjectDetailView):
    model = AuditFinding
    template_name = "risk/auditfinding_detail.html"
    fields = [
        "engagement",
        "app",
        "title",
        "description",
        "recommendation",
        "severity",
        "owner",
        "created_at",
    ]

    def extra_context(self, obj):
        from ..findings_link import with_findings

        return {"linked": with_findings(obj.engagement.institution, [obj])[0][1]}


class AuditFindingEdit(generic.ObjectEditView):
    """A finding is recorded from its engagement's page (?engagement=<id> preselects it)."""

    model = AuditFinding
    form = forms.AuditFindingForm
    service = services.audit_findings

    def get_form(self, obj):
        form = super().get_form(obj)
        if obj is None and not self.request.POST and self.request.GET.get("engagement", "").isdigit():
            form.initial["engagement"] = int(self.request.GET["engagement"])
        return form


class RiskDetail(generic.ObjectDetailView):
    model = Risk
    template_name = "risk/risk_detail.html"

    def extra_context(self, obj):
        from ..findings_link import linked_findings

        return {
            "vendors": obj.vendors.order_by("name"),
            "linked_findings": linked_findings(obj.institution, obj.finding_ids),
        }


class CampaignDetail(generic.ObjectDetailView):
    model = AssessmentCampaign
    template_name = "risk/campaign_detail.html"

    def extra_context(self, obj):
        return {"assessments": obj.assessments.select_related("app", "signed_by", "submitted_by")}


urlpatterns = [
    *_pages(
        "incident",
        Incident,
        table=tables.IncidentTable,
        filterset=filtersets.IncidentFilterSet,
        form=forms.IncidentForm,
        service=services.incidents,
        title=_("Incidents"),
        detail=IncidentDetail,
        move=True,
        list_queryset=Incident.objects.prefetch_related("apps").select_related("institution"),
    ),
    *_pages(
        "audit",
        AuditEngagement,
        table=tables.AuditTable,
        filterset=filtersets.AuditFilterSet,
        form=forms.AuditForm,
        service=services.audits,
        title=_("Audits and inspections"),
        detail=AuditDetail,
        move=True,
        list_queryset=AuditEngagement.objects.prefetch_related("apps").select_related("institution"),
    ),
    *generic.object_urls(
        "auditfinding", detail=AuditFindingDetail, edit=AuditFindingEdit, base="audit-findings/"
    ),
    *_pages(
        "campaign",
        AssessmentCampaign,
        table=tables.CampaignTable,
        form=forms.CampaignForm,
        service=services.campaigns,
        title=_("Annual risk assessments"),
        detail=CampaignDetail,
        move=True,
    ),
    *_pages(
        "risk",
        Risk,
        table=tables.RiskTable,
        filterset=filtersets.RiskFilterSet,
        form=forms.RiskForm,
        service=services.risks,
        title=_("Risk register"),
        detail=RiskDetail,
        list_queryset=Risk.objects.select_related("app", "owner", "institution"),
    ),
    *_pages("task", RiskTask, form=forms.RiskTaskForm, service=services.tasks, void=True),
    path(
        "incident-events/<int:pk>/void/",
        generic.void_view(IncidentEvent, services.events, back="incident").as_view(url_base="incidentevent"),
        name="incidentevent-delete",
    ),
    *_pages(
        "bia",
        ImpactAnalysis,
        table=tables.ImpactAnalysisTable,
        filterset=filtersets.ContinuityFilterSet,
        form=forms.ImpactAnalysisForm,
        service=services.impact_analyses,
        title=_("Business impact analyses"),
        list_queryset=ImpactAnalysis.objects.select_related("app"),
    ),
    *_pages(
        "plan",
        EmergencyPlan,
        table=tables.EmergencyPlanTable,
        form=forms.EmergencyPlanForm,
        service=services.plans,
        title=_("Emergency plans"),
        list_queryset=EmergencyPlan.objects.select_related("app"),
    ),
    *_pages(
        "drill",
        Drill,
        table=tables.DrillTable,
        filterset=filtersets.DrillFilterSet,
        form=forms.DrillForm,
        service=services.drills,
        title=_("Drills"),
        list_queryset=Drill.objects.select_related("app"),
    ),
    *_pages("dossier", ReleaseDossier, form=forms.ReleaseDossierForm, service=services.dossiers),
]
