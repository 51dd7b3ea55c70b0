"""Issue 18 follow-up item 3: the assessment's pre-fill reads the common findings list (through the findings
gateway), the third-party register's vendor status, and running metrics when a module registers them."""

import datetime

import pytest

from appgov.compliance import services as compliance
from appgov.compliance.models import Finding
from appgov.core import extensions
from appgov.core import services as core
from appgov.core.controls.outcomes import SubjectType
from appgov.partners import services as partners
from appgov.partners.models.uscc import check_character
from appgov.risk import services
from appgov.risk.prefill import propose

TODAY = datetime.date.today()


def test_open_findings_of_the_app_are_read(world):
    assert propose(world.a.app, TODAY)["findings"]["answer"] == "yes"
    compliance.evaluate_now(world.a.inst)  # world A fails some controls of its app
    active = Finding.objects.filter(
        institution=world.a.inst, subject_type=SubjectType.APP, subject_id=world.a.app.pk, status="open"
    )
    assert active.exists()
    proposal = propose(world.a.app, TODAY)["findings"]
    assert proposal["answer"] == "partly"  # open, none overdue yet (due after the SLA)
    assert f"{active.count()} open findings" in str(proposal["facts"])
    core.update(active.first(), world.a.office_user, due_on=TODAY - datetime.timedelta(days=1))
    proposal = propose(world.a.app, TODAY)["findings"]
    assert proposal["answer"] == "no" and "past their deadline" in str(proposal["facts"])


def test_an_audit_finding_of_the_app_counts(world):
    comp = world.a.users["compliance"]
    audit = services.audits.create(
        comp,
        {
            "institution": world.a.inst,
            "reference": "AU-PF",
            "title": "审计",
            "kind": "regular",
            "due_on": TODAY + datetime.timedelta(days=10),
            "apps": [world.a.app2],
        },
    )
    from appgov.core import workflow

    audit = workflow.transition(audit, "fieldwork", comp)
    assert propose(world.a.app2, TODAY)["findings"]["answer"] == "yes"
    services.audit_findings.create(
        comp,
        {
            "engagement": audit,
            "app": world.a.app2,
            "title": "口令策略",
            "description": "弱口令",
            "severity": "low",
        },
    )
    assert propose(world.a.app2, TODAY)["findings"]["answer"] == "partly"


def _party(world, name, n):
    first17 = f"91330100MA{n:06d}X"[:17]
    return partners.parties.create(
        world.a.office_user,
        {"name": name, "credit_code": first17 + check_character(first17), "kinds": ["outsourced_developer"]},
    )


def _admit(world, party, assessed_on):
    from appgov.core import workflow

    answers = {q["id"]: "yes" for q in partners.questionnaire()["questions"]}
    assessment = partners.assessments.create(
        world.a.office_user,
        {"party": party, "kind": "admission", "assessed_on": assessed_on, "answers": answers},
    )
    partners.assessments.decide(assessment, world.a.admin, "approved")
    return workflow.transition(party, "approved", world.a.office_user)


def test_vendor_status_is_read_from_the_register(world):
    app = world.a.app
    assert propose(app, TODAY)["vendors"]["answer"] == "na"
    party = _party(world, "ALPHA外包甲", 100001)
    partners.relations.create(
        world.a.office_user, {"party": party, "app": app, "purpose": "outsourced_build"}
    )
    proposal = propose(app, TODAY)["vendors"]
    assert proposal["answer"] == "no" and "ALPHA外包甲" in str(proposal["facts"])  # still in admission
    party = _admit(world, party, TODAY - datetime.timedelta(days=10))
    assert propose(app, TODAY)["vendors"]["answer"] == "yes"
    old = _party(world, "ALPHA外包乙", 100002)
    partners.relations.create(world.a.office_user, {"party": old, "app": app, "purpose": "outsourced_build"})
    old = _admit(world, old, TODAY - datetime.timedelta(days=3 * 365))
    assert old.next_evaluation_due is not None and old.next_evaluation_due < TODAY
    proposal = propose(app, TODAY)["vendors"]
    assert proposal["answer"] == "partly" and "ALPHA外包乙" in str(proposal["facts"])


@pytest.fixture
def metrics():
    saved = dict(extensions._METRICS_SUMMARIES)
    yield extensions.register_metrics_summary
    extensions._METRICS_SUMMARIES.clear()
    extensions._METRICS_SUMMARIES.update(saved)


def test_operations_metrics_only_when_a_module_registers_them(world, metrics):
    assert "operations" not in propose(world.a.app, TODAY)  # nothing known: a person answers
    metrics(
        "test-ops",
        lambda app, today: (
            {"answer": "partly", "facts": "崩溃率 0.8%（阈值 0.5%）"} if app.pk == world.a.app.pk else None
        ),
    )
    assert propose(world.a.app, TODAY)["operations"] == {
        "answer": "partly",
        "facts": "崩溃率 0.8%（阈值 0.5%）",
    }
    assert "operations" not in propose(world.a.app2, TODAY)
