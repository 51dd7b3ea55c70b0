"""The controls the risk module judges from its records: each passes and fails on them, and a subject the
module knows nothing of is still judged on evidence (never a pass for want of data)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from appgov.compliance.evaluation import catalogue
from appgov.core import workflow
from appgov.core.controls.context import EvaluationContext
from appgov.core.controls.registry import check_for
from appgov.risk import policy, services
from appgov.risk.models import Assessment, AuditEngagement, Drill, RegulatorReport

TODAY = timezone.localdate()


def results(world, control_id, today=None):
    ctx = EvaluationContext(world.a.inst, today or TODAY)
    control = catalogue().by_id(control_id)
    return {r.subject_id: r for r in check_for(control_id)(ctx, control)}


def outcome(world, control_id, subject, today=None):
    return results(world, control_id, today)[subject.pk]


def _signed(world, answers=None, year=2026, due=None):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    campaign = services.open_campaign(world.a.inst, comp, year, due or TODAY)
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    all_yes = {item["id"]: "yes" for item in policy.questionnaire()["items"]}
    assessment = services.assessments.update(assessment, owner, {"answers": {**all_yes, **(answers or {})}})
    assessment = workflow.transition(assessment, "submitted", owner)
    return workflow.transition(assessment, "signed", comp), campaign


def test_without_records_every_control_is_judged_on_evidence(world):
    for control_id in (
        "NFRA-17.2",
        "NFRA-17.3",
        "NFRA-17.4",
        "NFRA-15.1",
        "NFRA-15.2",
        "NFRA-16.3",
        "NFRA-13.2",
        "NFRA-05.4",
        "NFRA-03.2",
    ):
        assert outcome(world, control_id, world.a.app).outcome == "evidence_needed", control_id
    assert outcome(world, "NFRA-07.1", world.a.version).outcome == "evidence_needed"
    assert outcome(world, "NFRA-07.3", world.a.version).outcome == "evidence_needed"
    assert {r.outcome for r in results(world, "NFRA-17.1").values()} == {"evidence_needed"}


def test_17_2_signed_passes_overdue_fails_and_expires(world):
    comp = world.a.users["compliance"]
    campaign = services.open_campaign(world.a.inst, comp, 2026, TODAY + datetime.timedelta(days=10))
    assert outcome(world, "NFRA-17.2", world.a.app).outcome == "evidence_needed"  # in progress, not yet due
    later = TODAY + datetime.timedelta(days=11)
    late = outcome(world, "NFRA-17.2", world.a.app, later)
    assert late.outcome == "fail" and "overdue" in late.en
    owner = world.a.users["app_owner"]
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    answers = {item["id"]: "yes" for item in policy.questionnaire()["items"]}
    assessment = services.assessments.update(assessment, owner, {"answers": answers})
    workflow.transition(workflow.transition(assessment, "submitted", owner), "signed", comp)
    assert outcome(world, "NFRA-17.2", world.a.app, later).outcome == "pass"
    # the other app of the campaign is still unsigned after the due day
    assert outcome(world, "NFRA-17.2", world.a.app2, later).outcome == "fail"
    expired = outcome(
        world, "NFRA-17.2", world.a.app, TODAY.replace(year=TODAY.year + 1) + datetime.timedelta(days=2)
    )
    assert expired.outcome == "fail" and "one a year" in expired.en


def test_17_3_audit_reported_passes_overdue_programme_fails(world):
    auditor = world.a.users["compliance"]
    audit = services.audits.create(
        auditor,
        {"reference": "AU-1", "title": "审计", "kind": "regular", "due_on": TODAY, "apps": [world.a.app]},
    )
    assert outcome(world, "NFRA-17.3", world.a.app, TODAY + datetime.timedelta(days=1)).outcome == "fail"
    audit = workflow.transition(audit, "fieldwork", auditor)
    workflow.transition(audit, "reported", auditor, conclusion="良好")
    assert outcome(world, "NFRA-17.3", world.a.app).outcome == "pass"
    assert (
        outcome(
            world, "NFRA-17.3", world.a.app, TODAY.replace(year=TODAY.year + 3) + datetime.timedelta(days=2)
        ).outcome
        == "fail"
    )
    # an audit is not a business compliance inspection
    assert outcome(world, "NFRA-05.4", world.a.app).outcome == "evidence_needed"


def test_05_4_inspection(world):
    auditor = world.a.users["compliance"]
    inspection = services.audits.create(
        auditor,
        {"reference": "IN-1", "title": "检查", "kind": "inspection", "due_on": TODAY, "apps": [world.a.app]},
    )
    assert outcome(world, "NFRA-05.4", world.a.app, TODAY + datetime.timedelta(days=1)).outcome == "fail"
    inspection = workflow.transition(inspection, "fieldwork", auditor)
    workflow.transition(inspection, "reported", auditor, conclusion="合规")
    assert outcome(world, "NFRA-05.4", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-05.4", world.a.app, TODAY + datetime.timedelta(days=400)).outcome == "fail"


def test_17_4_and_15_2_after_a_major_incident(world, major):
    # the special audit is required, not yet due: not judged yet; the initial report is already due
    assert outcome(world, "NFRA-17.4", world.a.app).outcome == "evidence_needed"
    assert outcome(world, "NFRA-17.4", world.a.app2).outcome == "pass"  # register in use, no major event
    reports = outcome(world, "NFRA-15.2", world.a.app)
    assert reports.outcome == "fail" and "initial report due" in reports.en
    assert outcome(world, "NFRA-15.2", world.a.app2).outcome == "pass"
    sec = world.a.users["security"]
    initial = RegulatorReport.objects.get(incident=major, stage="initial")
    services.reports.update(initial, sec, {"document": ContentFile(b"%PDF-1.4", name="r.pdf")})
    services.record_sent(RegulatorReport.objects.get(pk=initial.pk), sec, reference="ACK")
    # sent after its two hours: the report was late
    assert "sent late" in outcome(world, "NFRA-15.2", world.a.app).en
    audit = AuditEngagement.objects.get(trigger_incident=major)
    after_due = audit.due_on + datetime.timedelta(days=1)
    assert outcome(world, "NFRA-17.4", world.a.app, after_due).outcome == "fail"
    workflow.transition(
        audit, "planned", world.a.users["compliance"], planned_start=TODAY, auditor_name="内审部"
    )
    assert outcome(world, "NFRA-17.4", world.a.app, after_due).outcome == "pass"


def test_15_2_on_time_passes(world):
    sec = world.a.users["security"]
    incident = services.incidents.create(
        sec,
        {
            "reference": "INC-9",
            "title": "中断",
            "kind": "outage",
            "detected_at": timezone.now(),
            "outage_minutes": 300,
            "apps": [world.a.app],
        },
    )
    assert outcome(world, "NFRA-15.2", world.a.app).outcome == "pass"
    initial = RegulatorReport.objects.get(incident=incident, stage="initial")
    services.reports.update(initial, sec, {"document": ContentFile(b"%PDF-1.4", name="r.pdf")})
    services.record_sent(RegulatorReport.objects.get(pk=initial.pk), sec, reference="ACK")
    assert outcome(world, "NFRA-15.2", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-15.2", world.a.app, TODAY + datetime.timedelta(days=4)).outcome == "fail"


def test_16_3_privacy_incident_notifications_and_resolution(world):
    sec = world.a.users["security"]
    leak = services.incidents.create(
        sec,
        {
            "reference": "INC-L",
            "title": "泄露",
            "kind": "data_leak",
            "detected_at": timezone.now(),
            "records_exposed": 50,
            "apps": [world.a.app],
        },
    )
    assert outcome(world, "NFRA-16.3", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-16.3", world.a.app, TODAY + datetime.timedelta(days=4)).outcome == "fail"
    for note in leak.notifications.all():
        services.record_notified(note, sec, channel="短信", recipients=50)
    assert outcome(world, "NFRA-16.3", world.a.app, TODAY + datetime.timedelta(days=4)).outcome == "pass"
    unresolved = outcome(world, "NFRA-16.3", world.a.app, TODAY + datetime.timedelta(days=31))
    assert unresolved.outcome == "fail" and "not" in unresolved.en
    # and NFRA-13.2: a data leak unresolved after the limit fails
    assert outcome(world, "NFRA-13.2", world.a.app, TODAY + datetime.timedelta(days=31)).outcome == "fail"


def test_13_2_judged_from_the_signed_assessment(world):
    _signed(world, {"data_security": "no"})
    assert outcome(world, "NFRA-13.2", world.a.app).outcome == "fail"


def test_13_2_passes_on_a_confirmed_yes(world):
    _signed(world)
    assert outcome(world, "NFRA-13.2", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-17.2", world.a.app).outcome == "pass"


def _continuity(world, measured):
    sec = world.a.users["security"]
    services.impact_analyses.create(
        sec,
        {
            "app": world.a.app,
            "critical_services": "转账",
            "rto_minutes": 60,
            "rpo_minutes": 5,
            "mtpd_minutes": 240,
            "analysed_on": TODAY,
            "approved_on": TODAY,
        },
    )
    assert outcome(world, "NFRA-15.1", world.a.app).outcome == "evidence_needed"
    services.plans.create(
        sec, {"app": world.a.app, "version": "1.0", "title": "应急预案", "approved_on": TODAY}
    )
    return services.drills.create(
        sec,
        {
            "app": world.a.app,
            "scenario": "断电",
            "planned_on": TODAY,
            "held_on": TODAY,
            "measured_recovery_minutes": measured,
            "gap": "切换慢" if measured > 60 else "",
        },
    )


def test_15_1_drill_within_rto_passes(world):
    _continuity(world, 45)
    assert outcome(world, "NFRA-15.1", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-15.1", world.a.app, TODAY + datetime.timedelta(days=370)).outcome == "fail"


def test_15_1_drill_missing_rto_fails(world):
    drill = _continuity(world, 95)
    result = outcome(world, "NFRA-15.1", world.a.app)
    assert result.outcome == "fail" and "RTO of 60" in result.en
    assert Drill.objects.get(pk=drill.pk).missed_rto


def test_17_1_register(world):
    comp = world.a.users["compliance"]
    base = {"inherent_likelihood": 4, "inherent_impact": 4, "residual_likelihood": 4, "residual_impact": 4}
    services.risks.create(comp, {"reference": "R-1", "title": "违规展业", "category": "business", **base})
    result = results(world, "NFRA-17.1")[world.a.inst.pk]
    assert (
        result.outcome == "fail"
        and "No open technology risk" in result.en
        and "no treatment plan" in result.en
    )
    risk = services.risks.model.objects.get(reference="R-1")
    services.risks.update(risk, comp, {"treatment_plan": "加强审核"})
    services.risks.create(
        comp,
        {
            "reference": "R-2",
            "title": "漏洞",
            "category": "technology",
            "app": world.a.app,
            **base,
            "residual_likelihood": 1,
            "residual_impact": 2,
        },
    )
    assert results(world, "NFRA-17.1")[world.a.inst.pk].outcome == "pass"
    services.tasks.create(comp, {"risk": risk, "title": "培训", "due_on": TODAY - datetime.timedelta(days=1)})
    assert results(world, "NFRA-17.1")[world.a.inst.pk].outcome == "fail"


def test_release_dossier_controls(world):
    sec = world.a.users["security"]
    dossier = services.dossiers.create(sec, {"version": world.a.version, "design_reviewed_on": TODAY})
    assert "code review" in outcome(world, "NFRA-07.1", world.a.version).en
    assert outcome(world, "NFRA-03.2", world.a.app).outcome == "evidence_needed"
    dossier = services.dossiers.update(
        dossier,
        sec,
        {
            "code_reviewed_on": TODAY,
            "change_approved_on": TODAY,
            "change_approval_ref": "CR-1",
            "compliance_reviewed_on": TODAY,
            "security_tested_on": TODAY,
            "security_tester": "测试组",
            "security_test_result": "passed",
            "tested_authentication": True,
        },
    )
    assert outcome(world, "NFRA-07.1", world.a.version).outcome == "pass"
    assert outcome(world, "NFRA-03.2", world.a.app).outcome == "pass"
    assert outcome(world, "NFRA-07.3", world.a.version).outcome == "fail"  # logic control not tested
    services.dossiers.update(dossier, sec, {"tested_logic": True})
    assert outcome(world, "NFRA-07.3", world.a.version).outcome == "pass"
