"""Findings: one per failing control and subject, owner and SLA due date, the workflow and who may move it,
re-checks that resolve and reopen, risk acceptance that expires, the change log, bulk moves, overdue
filter and the daily digest."""

import datetime
import logging

import pytest
from compliance_fixtures import WORLD_A_FAILS, add_vulnerability, today
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from appgov.compliance import findings as finding_service
from appgov.compliance import services
from appgov.compliance.digest import digest, send_daily_digest
from appgov.compliance.evaluation import catalogue, default_sla, evaluate
from appgov.compliance.filtersets import FindingFilterSet
from appgov.compliance.models import ControlResult, Finding
from appgov.compliance.selectors import dashboard
from appgov.core import changelog
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.ledger import services as ledger
from appgov.ledger.models import GateEvidence

S = Finding.Status


def days(n):
    return datetime.timedelta(days=n)


def finding(inst, control_id, subject_id, **filters):
    return Finding.objects.get(institution=inst, control_id=control_id, subject_id=subject_id, **filters)


def history(f):
    return list(
        ChangeLogEntry.objects.filter(object_type="compliance.finding", object_id=str(f.pk)).order_by("seq")
    )


def test_one_finding_per_failing_control_and_subject(world):
    a = world.a
    evaluate(a.inst)
    failing = set(
        ControlResult.objects.filter(institution=a.inst, outcome="fail").values_list(
            "control_id", "subject_type", "subject_id"
        )
    )
    # the world of A fails: no leading department, app2's ledger fields, app's admission and release review
    assert {f[0] for f in failing} == WORLD_A_FAILS
    keys = set(
        Finding.objects.filter(institution=a.inst).values_list("control_id", "subject_type", "subject_id")
    )
    assert keys == failing
    ids = set(Finding.objects.values_list("pk", flat=True))
    evaluate(a.inst)
    evaluate(a.inst)
    assert set(Finding.objects.values_list("pk", flat=True)) == ids  # no duplicates on re-run
    f = finding(a.inst, "NFRA-02.2", a.app.pk)
    assert f.status == S.OPEN and f.subject_type == "app" and f.subject_repr == "ALPHA-APP-1 ALPHA手机银行"
    assert f.severity == catalogue().by_id("NFRA-02.2").severity
    assert "准入评审记录" in f.explanation_zh and f.explanation_en


def test_owner_is_the_apps_responsible_person(world):
    a = world.a
    add_vulnerability(a.version, "critical", title="ALPHA注入漏洞")
    evaluate(a.inst)
    assert finding(a.inst, "NFRA-02.2", a.app.pk).owner == a.people["P001"]
    version_finding = finding(a.inst, "NFRA-08.2", a.version.pk)  # a version's finding: its app's person
    assert version_finding.subject_type == "app_version" and version_finding.owner == a.people["P001"]
    assert "ALPHA注入漏洞" in version_finding.explanation_zh
    assert finding(a.inst, "NFRA-01.2", a.inst.pk).owner is None  # institution-wide: no app owner


def test_due_date_from_the_sla_table_and_the_institutions_override(world):
    a, b = world.a, world.b
    sla = default_sla()
    assert sla == {"critical": 7, "high": 30, "medium": 60, "low": 90}
    evaluate(a.inst)
    for control_id, subject in (("NFRA-02.2", a.app.pk), ("NFRA-08.4", a.app.pk), ("NFRA-02.1", a.app2.pk)):
        f = finding(a.inst, control_id, subject)
        assert f.due_on == today() + days(sla[f.severity]), control_id
    # A's compliance officer shortens "high" to 5 days; B keeps the default
    with pytest.raises(PermissionDenied):
        services.set_sla(a.inst, "high", 5, a.users["read_only"])
    services.set_sla(a.inst, "high", 5, a.users["compliance"])
    services.set_sla(a.inst, "high", 6, a.users["compliance"])  # changed, not duplicated
    add_vulnerability(a.version, "high")
    evaluate(a.inst, today=today() + days(2))
    new = finding(a.inst, "NFRA-08.2", a.version.pk)
    assert new.severity == "high" and new.due_on == today() + days(2 + 6)
    assert finding(a.inst, "NFRA-02.2", a.app.pk).due_on == today() + days(30)  # existing keeps its date
    evaluate(b.inst)
    b_high = Finding.objects.filter(institution=b.inst, severity="high").first()
    assert b_high is not None and b_high.due_on == today() + days(30)


@pytest.fixture
def open_finding(world):
    evaluate(world.a.inst)
    return finding(world.a.inst, "NFRA-02.2", world.a.app.pk)


def test_workflow_to_verified_with_the_right_roles(world, open_finding):
    a = world.a
    f = finding_service.move(open_finding, S.IN_RECTIFICATION, a.users["app_owner"], "整改中")
    assert f.status == S.IN_RECTIFICATION
    f = finding_service.move(f, S.RESOLVED, a.users["app_owner"], "已补录准入记录")
    assert f.status == S.RESOLVED and f.resolved_at is not None
    for role in ("read_only", "app_owner", "security", "credit_officer", "auditor"):  # the auditor reads only
        with pytest.raises(PermissionDenied):
            finding_service.move(f, S.VERIFIED, a.users[role])
    for user in (world.reg_out, world.reg_hq, world.b.admin):  # A's regulators and other institutions: never
        with pytest.raises(PermissionDenied):
            finding_service.move(f, S.VERIFIED, user)
    f = finding_service.move(f, S.VERIFIED, a.users["compliance"], "复核通过")
    assert f.status == S.VERIFIED and f.verified_by == a.users["compliance"] and f.verified_at
    assert "alpha_compliance: 复核通过" in f.note and "整改中" in f.note


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("administrator", True),
        ("governance_office", True),
        ("app_owner", True),
        ("security", True),
        ("compliance", True),
        ("credit_officer", True),
        ("auditor", False),
        ("read_only", False),
    ],
)
def test_who_may_start_rectification(world, open_finding, role, allowed):
    user = world.a.users[role]
    if allowed:
        assert finding_service.move(open_finding, S.IN_RECTIFICATION, user).status == S.IN_RECTIFICATION
    else:
        with pytest.raises(PermissionDenied):
            finding_service.move(open_finding, S.IN_RECTIFICATION, user)
        open_finding.refresh_from_db()
        assert open_finding.status == S.OPEN


def test_moves_that_skip_the_workflow_are_refused(world, open_finding):
    admin = world.a.admin
    for to in (S.VERIFIED, S.OPEN, "closed"):
        with pytest.raises(ValidationError):
            finding_service.move(open_finding, to, admin)
    open_finding.refresh_from_db()
    assert open_finding.status == S.OPEN and len(history(open_finding)) == 1


def test_a_move_is_judged_on_the_current_status_not_a_stale_copy(world, open_finding):
    a = world.a
    stale = Finding.objects.get(pk=open_finding.pk)
    finding_service.move(open_finding, S.RISK_ACCEPTED, a.users["compliance"], "接受", today() + days(9))
    assert stale.status == S.OPEN  # open -> in rectification would be allowed from here, but not any more
    with pytest.raises(ValidationError):
        finding_service.move(stale, S.IN_RECTIFICATION, a.users["app_owner"])
    assert Finding.objects.get(pk=open_finding.pk).status == S.RISK_ACCEPTED


def test_a_passing_re_check_resolves_and_awaits_verification(world, open_finding):
    a = world.a
    ledger.record_gate_evidence(a.app, "admission_review", "ALPHA-ADMIT-2")
    evaluate(a.inst)
    open_finding.refresh_from_db()
    assert open_finding.status == S.RESOLVED and open_finding.resolved_at is not None
    assert open_finding.verified_at is None
    # verified by compliance; a later failure opens a new finding, the verified one stays closed
    finding_service.move(open_finding, S.VERIFIED, a.users["compliance"])
    GateEvidence.objects.filter(app=a.app, item="admission_review").delete()
    evaluate(a.inst)
    again = Finding.objects.filter(institution=a.inst, control_id="NFRA-02.2", subject_id=a.app.pk)
    assert sorted(again.values_list("status", flat=True)) == [S.OPEN, S.VERIFIED]


def test_in_rectification_is_resolved_by_a_passing_check_too(world, open_finding):
    a = world.a
    finding_service.move(open_finding, S.IN_RECTIFICATION, a.users["app_owner"])
    ledger.record_gate_evidence(a.app, "admission_review", "ALPHA-ADMIT-3")
    evaluate(a.inst)
    open_finding.refresh_from_db()
    assert open_finding.status == S.RESOLVED


def test_a_failing_re_check_reopens_a_resolved_finding(world, open_finding):
    a = world.a
    finding_service.move(open_finding, S.RESOLVED, a.users["app_owner"], "声称已整改")
    evaluate(a.inst)  # still no admission record
    open_finding.refresh_from_db()
    assert open_finding.status == S.OPEN and open_finding.resolved_at is None
    entries = history(open_finding)
    assert [e.after["status"] for e in entries] == [S.OPEN, S.RESOLVED, S.OPEN]
    assert entries[-1].actor is None and entries[-1].before["status"] == S.RESOLVED


def test_risk_acceptance_needs_a_future_expiry_and_a_note_and_reopens_after_it(world, open_finding):
    a = world.a
    officer = a.users["compliance"]
    with pytest.raises(PermissionDenied):
        finding_service.move(open_finding, S.RISK_ACCEPTED, a.users["app_owner"], "理由", today() + days(30))
    with pytest.raises(ValidationError):
        finding_service.move(open_finding, S.RISK_ACCEPTED, officer, "理由", None)
    with pytest.raises(ValidationError):
        finding_service.move(open_finding, S.RISK_ACCEPTED, officer, "理由", today())
    with pytest.raises(ValidationError):
        finding_service.move(open_finding, S.RISK_ACCEPTED, officer, "  ", today() + days(30))
    until = today() + days(30)
    f = finding_service.move(open_finding, S.RISK_ACCEPTED, officer, "系统下线前接受风险", until)
    assert (f.status, f.risk_accepted_until) == (S.RISK_ACCEPTED, until)
    evaluate(a.inst)  # still failing: the acceptance holds, no second finding
    f.refresh_from_db()
    assert f.status == S.RISK_ACCEPTED
    assert Finding.objects.filter(institution=a.inst, control_id="NFRA-02.2").count() == 1
    assert finding_service.reopen_expired_acceptances(a.inst, until) == 0  # valid through its last day
    assert finding_service.reopen_expired_acceptances(a.inst, until + days(1)) == 1
    f.refresh_from_db()
    assert f.status == S.OPEN and f.risk_accepted_until is None and "风险接受期满" in f.note
    assert history(f)[-1].before["status"] == S.RISK_ACCEPTED


def test_the_daily_job_reopens_expired_acceptances(world, open_finding):
    from appgov.core.jobs import run_daily_job

    a = world.a
    f = finding_service.move(open_finding, S.RISK_ACCEPTED, a.admin, "临时接受", today() + days(3))
    Finding.objects.filter(pk=f.pk).update(risk_accepted_until=today() - days(1))  # time has passed
    run_daily_job.call("compliance.evaluate_all")
    f.refresh_from_db()
    assert f.status == S.OPEN and "风险接受期满" in f.note


def test_every_finding_change_is_logged_and_the_chain_verifies(world, open_finding):
    a = world.a
    assert [e.action for e in history(open_finding)] == ["create"]
    created = history(open_finding)[0]
    assert created.institution_id == a.inst.pk and created.after["status"] == S.OPEN
    f = finding_service.move(open_finding, S.IN_RECTIFICATION, a.users["app_owner"], "开始整改")
    f = finding_service.move(f, S.RISK_ACCEPTED, a.users["compliance"], "接受", today() + days(9))
    f = finding_service.move(f, S.OPEN, a.users["governance_office"])
    entries = history(open_finding)
    assert [(e.before or {}).get("status") for e in entries] == [
        None,
        S.OPEN,
        S.IN_RECTIFICATION,
        S.RISK_ACCEPTED,
    ]
    assert [e.actor_name for e in entries[1:]] == [
        "alpha_app_owner",
        "alpha_compliance",
        "alpha_governance_office",
    ]
    # every finding opened by an evaluation has its create entry
    for f in Finding.objects.all():
        assert history(f)[0].action == "create"
    assert changelog.verify() is None
    call_command("audit", "verify")


def test_bulk_action_moves_only_what_the_user_may(world, login):
    a, b = world.a, world.b
    evaluate(a.inst)
    evaluate(b.inst)
    mine = list(Finding.objects.filter(institution=a.inst).values_list("pk", flat=True))
    theirs = Finding.objects.filter(institution=b.inst).first()
    assert len(mine) == len(WORLD_A_FAILS) and theirs is not None
    response = login(a.users["read_only"]).post(
        "/compliance/findings/bulk/", {"ids": mine, "to_status": S.IN_RECTIFICATION}
    )
    assert response.status_code == 302
    assert not Finding.objects.filter(pk__in=mine).exclude(status=S.OPEN).exists()
    response = login(a.users["governance_office"]).post(
        "/compliance/findings/bulk/",
        {"ids": [*mine, theirs.pk, "x"], "to_status": S.IN_RECTIFICATION, "note": "批量整改"},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Finding.objects.filter(pk__in=mine).values_list("status", flat=True)) == {S.IN_RECTIFICATION}
    theirs.refresh_from_db()
    assert theirs.status == S.OPEN
    # an impossible move is reported per finding, nothing half-done
    response = login(a.users["governance_office"]).post(
        "/compliance/findings/bulk/", {"ids": mine, "to_status": S.VERIFIED}, follow=True
    )
    assert set(Finding.objects.filter(pk__in=mine).values_list("status", flat=True)) == {S.IN_RECTIFICATION}
    assert f"#{mine[0]}" in response.content.decode()
    # B's regulator cannot move B's findings either
    login(world.reg_in).post(
        "/compliance/findings/bulk/", {"ids": [theirs.pk], "to_status": S.IN_RECTIFICATION}
    )
    theirs.refresh_from_db()
    assert theirs.status == S.OPEN
    # nothing chosen, or only another institution's finding: said, not a silent return to the list
    for ids in ([], [theirs.pk], ["²"]):
        response = login(a.users["governance_office"]).post(
            "/compliance/findings/bulk/", {"ids": ids, "to_status": S.IN_RECTIFICATION}, follow=True
        )
        assert "未选择任何问题" in response.content.decode()


@pytest.fixture
def overdue_world(world):
    """A evaluated 40 days ago: critical (7 days) and high (30 days) findings are overdue, medium (60) is not."""
    evaluate(world.a.inst, today=today() - days(40))
    return world


def test_overdue_filter(overdue_world, api, login):
    a = overdue_world.a
    expected = {
        f.pk for f in Finding.objects.filter(institution=a.inst) if f.due_on < today() and f.status == S.OPEN
    }
    assert {finding(a.inst, "NFRA-02.2", a.app.pk).pk, finding(a.inst, "NFRA-08.4", a.app.pk).pk} <= expected
    not_overdue = finding(a.inst, "NFRA-02.1", a.app2.pk)
    assert not_overdue.pk not in expected
    assert set(finding_service.overdue(Finding.objects.all()).values_list("pk", flat=True)) == expected
    qs = Finding.objects.filter(institution=a.inst)
    assert set(FindingFilterSet({"overdue": "true"}, queryset=qs).qs.values_list("pk", flat=True)) == expected
    assert not_overdue.pk in FindingFilterSet({"overdue": "false"}, queryset=qs).qs.values_list(
        "pk", flat=True
    )
    body = api(a.users["read_only"]).get("/api/compliance/findings/", {"overdue": "true"}).json()
    assert {row["id"] for row in body["results"]} == expected
    page = login(a.users["read_only"]).get("/compliance/findings/", {"overdue": "true"}).content.decode()
    assert "ALPHA-APP-1 ALPHA手机银行" in page and "ALPHA理财小程序" not in page
    # resolved findings are no longer overdue, and the dashboard counts what is
    f = finding(a.inst, "NFRA-08.4", a.app.pk)
    finding_service.move(f, S.RESOLVED, a.admin)
    assert dashboard(a.inst)["overdue_count"] == len(expected) - 1


def test_daily_digest(overdue_world, caplog):
    from appgov.core.jobs import run_daily_job

    a, b = overdue_world.a, overdue_world.b
    d = digest(a.inst)
    overdue = finding_service.overdue(Finding.objects.filter(institution=a.inst))
    assert d["institution"] == a.inst.name and d["overdue_count"] == overdue.count() >= 2
    assert {row[0] for row in d["overdue_findings"]} == set(overdue.values_list("control_id", flat=True))
    assert any(row[0] == "NFRA-17.2" for row in d["calendar_due"])  # annual risk assessment never done
    assert digest(b.inst)["overdue_count"] == 0
    with caplog.at_level(logging.WARNING, logger="appgov.digest"):
        summary = send_daily_digest()
    assert summary == f"{d['overdue_count']} overdue findings"
    lines = [r.getMessage() for r in caplog.records if r.name == "appgov.digest"]
    assert any(a.inst.name in line and f"{d['overdue_count']} overdue" in line for line in lines)
    assert any(b.inst.name in line and "0 overdue" in line for line in lines)
    assert run_daily_job.call("compliance.daily_digest") == f"compliance.daily_digest: {summary}"


def test_findings_of_subjects_that_leave_the_evaluation_are_resolved(world):
    """An app leaves the evaluation (retired): its app-level results go, its open finding awaits verification."""
    a = world.a
    evaluate(a.inst)
    f = finding(a.inst, "NFRA-02.1", a.app2.pk)
    core.update(a.app2, state="retired")
    evaluate(a.inst)
    f.refresh_from_db()
    assert not ControlResult.objects.filter(
        institution=a.inst, control_id="NFRA-02.1", subject_id=a.app2.pk
    ).exists()
    assert f.status == S.RESOLVED
