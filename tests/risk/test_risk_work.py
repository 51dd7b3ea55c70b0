"""Assessment campaigns, the audit programme and continuity drills, through the services and workflows."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from appgov.core import workflow
from appgov.risk import policy, services
from appgov.risk.models import Assessment, AuditEngagement


def _all_yes():
    return {item["id"]: "yes" for item in policy.questionnaire()["items"]}


def test_campaign_makes_prefilled_assessments_for_live_apps(world):
    comp = world.a.users["compliance"]
    campaign = services.open_campaign(
        world.a.inst, comp, 2026, timezone.localdate() + datetime.timedelta(days=30)
    )
    rows = {a.app_id: a for a in Assessment.objects.filter(campaign=campaign)}
    assert set(rows) == {world.a.app.pk, world.a.app2.pk}
    first = rows[world.a.app.pk]
    # pre-filled from the ledger: A's app has a responsible person, and no release dossier
    assert first.prefill["responsibility"]["answer"] == "yes"
    assert first.prefill["secure_development"]["answer"] == "no"
    assert first.answers["responsibility"]["prefilled"] is True
    assert campaign.questionnaire_version == str(policy.questionnaire()["version"])


def test_assessment_is_scored_submitted_and_signed_by_another_person(world):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    campaign = services.open_campaign(world.a.inst, comp, 2026, timezone.localdate())
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    with pytest.raises(ValidationError, match="no item"):
        services.assessments.update(assessment, owner, {"answers": {"nonsense": "yes"}})
    with pytest.raises(ValidationError, match="one of yes"):
        services.assessments.update(assessment, owner, {"answers": {"audit": "maybe"}})
    answers = {**_all_yes(), "vulnerabilities": "no", "vendors": "no"}
    assessment = services.assessments.update(assessment, owner, {"answers": answers})
    # 3 + 2 of 24 weights answered no (questionnaire 2026.2 has 13 items): (48 - 10) / 48
    assert assessment.score == round(100 * 38 / 48) and assessment.rating == "medium"  # below 85
    assessment = workflow.transition(assessment, "submitted", owner)
    assert assessment.submitted_by == owner
    with pytest.raises(ValidationError, match="draft"):
        services.assessments.update(assessment, owner, {"answers": _all_yes()})
    with pytest.raises(PermissionDenied):
        workflow.transition(assessment, "signed", owner)  # an app owner does not sign
    admin = world.a.admin
    assessment = workflow.transition(assessment, "signed", comp, conclusion="风险可控")
    assert assessment.state == "signed" and assessment.signed_on == timezone.localdate()
    assert admin.pk != comp.pk


def test_submitter_cannot_sign(world):
    comp = world.a.users["compliance"]
    campaign = services.open_campaign(world.a.inst, comp, 2026, timezone.localdate())
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    assessment = services.assessments.update(assessment, comp, {"answers": _all_yes()})
    assessment = workflow.transition(assessment, "submitted", comp)
    with pytest.raises(PermissionDenied, match="someone other"):
        workflow.transition(assessment, "signed", comp)


def test_submit_waits_for_every_answer(world):
    owner = world.a.users["app_owner"]
    campaign = services.open_campaign(world.a.inst, world.a.users["compliance"], 2026, timezone.localdate())
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app2)
    with pytest.raises(workflow.TransitionRefused, match="not answered or not confirmed"):
        workflow.transition(assessment, "submitted", owner)


def test_programme_plans_an_audit_for_each_app_due(world):
    auditor = world.a.users["compliance"]
    today = timezone.localdate()
    rows = services.audit_programme(world.a.inst, today)
    assert {r.app.pk for r in rows} == {world.a.app.pk, world.a.app2.pk}
    assert all(r.last_done_on is None and not r.planned for r in rows)
    made = services.plan_programme(world.a.inst, auditor, today.year + 3, today=today)
    assert len(made) == 2 and all(a.state == "planned" for a in made)
    assert services.plan_programme(world.a.inst, auditor, today.year + 3, today=today) == []
    audit = made[0]
    audit = workflow.transition(audit, "fieldwork", auditor)
    audit = workflow.transition(audit, "reported", auditor, conclusion="无重大问题")
    row = next(r for r in services.audit_programme(world.a.inst, today) if r.app in audit.apps.all())
    assert row.last_done_on == today and row.due_on == today.replace(year=today.year + 3)


def test_special_audit_cannot_be_cancelled(world, major):
    audit = AuditEngagement.objects.get(trigger_incident=major)
    with pytest.raises(PermissionDenied, match="cannot be cancelled"):
        workflow.transition(audit, "cancelled", world.a.users["compliance"], reason="不需要")
    audit = workflow.transition(
        audit,
        "planned",
        world.a.users["compliance"],
        planned_start=timezone.localdate(),
        auditor_name="内审部",
    )
    assert audit.state == "planned"


def test_drill_is_measured_against_the_approved_bia(world):
    sec = world.a.users["security"]
    today = timezone.localdate()
    drill_data = {
        "app": world.a.app,
        "scenario": "主机房断电",
        "planned_on": today,
        "held_on": today,
        "measured_recovery_minutes": 90,
    }
    with pytest.raises(ValidationError, match="no approved business impact analysis"):
        services.drills.create(sec, drill_data)
    with pytest.raises(ValidationError, match="cannot exceed"):
        services.impact_analyses.create(
            sec,
            {
                "app": world.a.app,
                "critical_services": "转账",
                "rto_minutes": 300,
                "rpo_minutes": 5,
                "mtpd_minutes": 240,
                "analysed_on": today,
            },
        )
    services.impact_analyses.create(
        sec,
        {
            "app": world.a.app,
            "critical_services": "转账",
            "rto_minutes": 60,
            "rpo_minutes": 5,
            "mtpd_minutes": 240,
            "analysed_on": today,
            "approved_on": today,
        },
    )
    with pytest.raises(ValidationError, match="describe the gap"):
        services.drills.create(sec, drill_data)
    drill = services.drills.create(sec, {**drill_data, "gap": "切换脚本需人工确认"})
    assert drill.rto_minutes == 60 and drill.missed_rto is True
