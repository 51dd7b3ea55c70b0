"""Every write of the risk module (pages, API, demo data and jobs call these instances)."""

from .assessments import assessments, campaigns, open_campaign, prefill_assessment
from .audits import audit_findings, audit_programme, audits, plan_programme
from .continuity import drills, impact_analyses, plans
from .dossier import dossiers
from .incidents import events, incidents, notifications, record_notified, record_sent, reports
from .register import risks, tasks

__all__ = [
    "assessments",
    "audit_findings",
    "audit_programme",
    "audits",
    "campaigns",
    "dossiers",
    "drills",
    "events",
    "impact_analyses",
    "incidents",
    "notifications",
    "open_campaign",
    "plan_programme",
    "plans",
    "prefill_assessment",
    "record_notified",
    "record_sent",
    "reports",
    "risks",
    "tasks",
]
