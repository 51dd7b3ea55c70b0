"""What the risk module's checks read, loaded once per evaluation (a handful of queries per institution)."""

from collections import defaultdict

from django.db.models import Prefetch

from .models import (
    Assessment,
    AuditEngagement,
    Drill,
    EmergencyPlan,
    ImpactAnalysis,
    Incident,
    ReleaseDossier,
    Risk,
    RiskTask,
)


class RiskData:
    def __init__(self, institution):
        inst = institution
        self.incidents = list(
            Incident.objects.filter(institution=inst).prefetch_related(
                "apps", "regulator_reports", "notifications"
            )
        )
        self.incidents_by_app = defaultdict(list)
        for incident in self.incidents:
            for app in incident.apps.all():
                self.incidents_by_app[app.pk].append(incident)
        self.audits_by_app = defaultdict(list)
        for audit in AuditEngagement.objects.filter(institution=inst).prefetch_related("apps"):
            for app in audit.apps.all():
                self.audits_by_app[app.pk].append(audit)
        self.special_by_incident = defaultdict(list)
        for audits in self.audits_by_app.values():
            for audit in audits:
                if (
                    audit.trigger_incident_id
                    and audit not in self.special_by_incident[audit.trigger_incident_id]
                ):
                    self.special_by_incident[audit.trigger_incident_id].append(audit)
        self.assessments_by_app = defaultdict(list)
        for row in Assessment.objects.filter(campaign__institution=inst).select_related("campaign"):
            self.assessments_by_app[row.app_id].append(row)
        self.bias = _by_app(ImpactAnalysis.objects.filter(app__institution=inst))
        self.plans = _by_app(EmergencyPlan.objects.filter(app__institution=inst))
        self.drills = _by_app(Drill.objects.filter(app__institution=inst))
        live_tasks = Prefetch("tasks", queryset=RiskTask.objects.filter(voided_at__isnull=True))
        self.risks = list(Risk.objects.filter(institution=inst).prefetch_related(live_tasks))
        self.dossiers = {
            d.version_id: d for d in ReleaseDossier.objects.filter(version__app__institution=inst)
        }


def _by_app(queryset):
    grouped = defaultdict(list)
    for row in queryset:
        grouped[row.app_id].append(row)
    return grouped


def risk_data(ctx) -> RiskData:
    data = ctx.__dict__.get("_risk_data")
    if data is None:
        data = ctx.__dict__["_risk_data"] = RiskData(ctx.institution)
    return data
