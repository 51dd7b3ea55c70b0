"""The risk module's routes (pages and API) and institution B's risk records (names carry the marker ZQX)."""

from .route import Route

LIST_B = dict(kind="list", reg_read=True, shows_b=True)
OBJ_READ = dict(kind="object", reg_read=True, shows_b=True)

# basename -> (key of B's object, whether its JSON shows the marker, extra POST actions, GET download)
API = {
    "risk-incident": ("rincident", True, ("move",), False),
    "risk-incidentevent": ("revent", True, (), False),
    "risk-regulatorreport": ("rreport", False, ("generate", "send"), True),
    "risk-privacynotification": ("rnotice", False, ("notify",), False),
    "risk-auditengagement": ("raudit", True, ("move",), True),
    "risk-auditfinding": ("rauditfinding", True, (), False),
    "risk-campaign": ("rcampaign", True, ("move",), False),
    "risk-assessment": ("rassessment", True, ("move", "prefill"), False),
    "risk-risk": ("rrisk", True, (), False),
    "risk-risktask": ("rtask", True, (), False),
    "risk-impactanalysis": ("rbia", True, (), False),
    "risk-emergencyplan": ("rplan", True, (), True),
    "risk-drill": ("rdrill", True, (), False),
    "risk-releasedossier": ("rdossier", True, (), False),
}

ROUTES = {
    "risk:index": Route("list", reg_read=True, shows_b=True),
    "risk:programme": Route("list", reg_read=True),
    "risk:assessment-detail": Route("object", obj="rassessment", reg_read=True, shows_b=True),
    "risk:assessment-move": Route("object", obj="rassessment"),
    "risk:assessment-pdf": Route("object", obj="rassessment", reg_read=True, shows_b=True),
    "risk:campaign-pdf": Route("object", obj="rcampaign", reg_read=True, shows_b=True),
    "risk:assessment-prefill": Route("object", obj="rassessment"),
    "risk:incident-event": Route("object", obj="rincident"),
    "risk:report-generate": Route("object", obj="rreport"),
    "risk:report-send": Route("object", obj="rreport"),
    "risk:report-download": Route("object", obj="rreport", reg_read=True),
    "risk:notification-record": Route("object", obj="rnotice"),
    # the void pages (issue 12 item 1)
    "risk:task-delete": Route("object", obj="rtask"),
    "risk:incidentevent-delete": Route("object", obj="revent"),
}
# the generic pages: list, detail, add, edit (and moves) of each record
for _name, _key, _list, _move in [
    ("incident", "rincident", True, True),
    ("audit", "raudit", True, True),
    ("auditfinding", "rauditfinding", False, False),
    ("campaign", "rcampaign", True, True),
    ("risk", "rrisk", True, False),
    ("task", "rtask", False, False),
    ("bia", "rbia", True, False),
    ("plan", "rplan", True, False),
    ("drill", "rdrill", True, False),
    ("dossier", "rdossier", False, False),
]:
    if _list:
        ROUTES[f"risk:{_name}-list"] = Route("list", reg_read=True, shows_b=True)
    ROUTES[f"risk:{_name}-add"] = Route("list")
    ROUTES[f"risk:{_name}-detail"] = Route("object", obj=_key, reg_read=True, shows_b=True)
    ROUTES[f"risk:{_name}-edit"] = Route("object", obj=_key)
    if _move:
        ROUTES[f"risk:{_name}-transition"] = Route("object", obj=_key)
for _base, (_key, _shows, _posts, _download) in API.items():
    ROUTES[f"{_base}-list"] = Route("list", reg_read=True, shows_b=_shows)
    ROUTES[f"{_base}-detail"] = Route("object", obj=_key, reg_read=True, shows_b=_shows)
    ROUTES[f"{_base}-history"] = Route("object", obj=_key, reg_read=True, shows_b=_shows)
    for _post in _posts:
        ROUTES[f"{_base}-{_post}"] = Route("object", obj=_key)
    if _download:
        ROUTES[f"{_base}-download"] = Route("object", obj=_key, reg_read=True)

FACTORY_KEYS = " ".join(key for key, *_rest in API.values())
PREPARE = {"appgov.risk": "rincident"}


def build_b(world) -> dict:
    """B's incident (major: reports, special audit), campaign, risk, continuity and dossier, via the services."""
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from appgov.core import workflow
    from appgov.risk import reports, services
    from appgov.risk.models import Assessment

    admin, today = world.b.admin, timezone.localdate()
    incident = services.incidents.create(
        admin,
        {
            "reference": "ZQX-INC-1",
            "title": "ZQX泄露事件",
            "kind": "data_leak",
            "detected_at": timezone.now() - datetime.timedelta(hours=1),
            "records_exposed": 20000,
            "apps": [world.b.app],
        },
    )
    event = services.events.create(admin, {"incident": incident, "at": timezone.now(), "note": "ZQX发现"})
    report = reports.generate(incident.regulator_reports.get(stage="initial"), admin)
    audit = incident.special_audits.get()
    audit = workflow.transition(audit, "planned", admin, planned_start=today, auditor_name="ZQX内审")
    audit = workflow.transition(audit, "fieldwork", admin)
    audit = workflow.transition(
        audit,
        "reported",
        admin,
        conclusion="ZQX结论",
        report_file=ContentFile(b"ZQX audit", name="zqx-audit.txt"),
    )
    audit_finding = services.audit_findings.create(
        admin,
        {
            "engagement": audit,
            "app": world.b.app,
            "title": "ZQX审计发现",
            "description": "ZQX越权访问",
            "severity": "high",
        },
    )
    campaign = services.open_campaign(world.b.inst, admin, 2026, today, title="ZQX 2026 风险评估")
    assessment = Assessment.objects.filter(campaign=campaign, app=world.b.app).get()
    assessment = services.assessments.update(assessment, admin, {"conclusion": "ZQX评估"})
    risk = services.risks.create(
        admin,
        {
            "reference": "ZQX-R1",
            "title": "ZQX违规展业",
            "category": "business",
            "inherent_likelihood": 3,
            "inherent_impact": 3,
            "residual_likelihood": 2,
            "residual_impact": 2,
        },
    )
    task = services.tasks.create(admin, {"risk": risk, "title": "ZQX整改", "due_on": today})
    bia = services.impact_analyses.create(
        admin,
        {
            "app": world.b.app,
            "critical_services": "ZQX转账",
            "rto_minutes": 60,
            "rpo_minutes": 5,
            "mtpd_minutes": 120,
            "analysed_on": today,
            "approved_on": today,
        },
    )
    plan = services.plans.create(
        admin,
        {
            "app": world.b.app,
            "version": "1",
            "title": "ZQX应急预案",
            "document": ContentFile(b"ZQX plan", name="zqx-plan.txt"),
        },
    )
    drill = services.drills.create(
        admin,
        {
            "app": world.b.app,
            "plan": plan,
            "scenario": "ZQX断电",
            "planned_on": today,
            "held_on": today,
            "measured_recovery_minutes": 30,
        },
    )
    dossier = services.dossiers.create(admin, {"version": world.b.version, "design_reviewer": "ZQX评审"})
    return {
        "rincident": incident.pk,
        "revent": event.pk,
        "rreport": report.pk,
        "rnotice": incident.notifications.first().pk,
        "raudit": audit.pk,
        "rauditfinding": audit_finding.pk,
        "rcampaign": campaign.pk,
        "rassessment": assessment.pk,
        "rrisk": risk.pk,
        "rtask": task.pk,
        "rbia": bia.pk,
        "rplan": plan.pk,
        "rdrill": drill.pk,
        "rdossier": dossier.pk,
    }


def state(inst):
    """Every risk record of B, as the change log would see it."""
    from appgov.core import changelog
    from appgov.risk import models

    rows = []
    for model in (
        models.Incident,
        models.IncidentEvent,
        models.RegulatorReport,
        models.PrivacyNotification,
        models.AuditEngagement,
        models.AuditFinding,
        models.AssessmentCampaign,
        models.Assessment,
        models.Risk,
        models.RiskVendor,
        models.RiskTask,
        models.ImpactAnalysis,
        models.EmergencyPlan,
        models.Drill,
        models.ReleaseDossier,
    ):
        path = model.institution_path
        rows += [changelog.snapshot(o) for o in model.objects.filter(**{path: inst}).order_by("pk")]
    return rows
