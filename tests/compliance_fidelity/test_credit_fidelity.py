"""Issue 13 items 5, 12 (complaints, dissents), 13 (PBC102-01, 02.1) and issue 10 item 7 (06.2 on alert
handling; messages through gettext)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core import services as core
from appgov.core.controls.context import EvaluationContext
from appgov.credit import services
from appgov.credit.models import (
    AccountChange,
    Alert,
    CalendarDay,
    Complaint,
    CreditAccount,
    DissentCase,
    MonitoringRun,
    ReviewDay,
)

TODAY = datetime.date(2026, 3, 11)  # a Wednesday


@pytest.fixture
def credit_org(world, system):
    """World A with a branch, two officers (requester and approver) and one account created through the
    approval workflow, active since 2026-01-02."""
    from appgov.core import services as core
    from appgov.core.models import Department, Person
    from appgov.core.roles import Role
    from appgov.credit import services
    from appgov.credit.models import AccountChange, CreditAccount
    from appgov.users.models import User

    inst = world.a.inst
    with system():
        branch = core.save(Department(institution=inst, code="BR09", name="ALPHA城东支行", kind="branch"))
        clerk = core.save(Person(institution=inst, employee_no="C900", name="ALPHA赵六", department=branch))
        approver = User(username="alpha_credit_approver", role=Role.CREDIT_OFFICER, institution=inst)
        approver.set_password("x-Test-2026!")
        core.save(approver, exclude_validation=["password"])
    officer = world.a.users["credit_officer"]
    change = services.request_account(
        institution=inst,
        operator_id="OP900",
        person=clerk,
        branch=branch,
        role="loan_officer",
        reason="信贷审批岗位",
        actor=officer,
    )
    services.approve_change(change, approver)
    since = datetime.datetime(2026, 1, 2, 9, 0, tzinfo=datetime.UTC)
    AccountChange.objects.filter(pk=change.pk).update(decided_at=since)
    CreditAccount.objects.filter(pk=change.account_id).update(active_since=since, password_changed_at=since)
    change.account.refresh_from_db()
    return {
        "inst": inst,
        "branch": branch,
        "clerk": clerk,
        "officer": officer,
        "approver": approver,
        "account": change.account,
    }


def results(inst, control_id, today=TODAY):
    return run_control(EvaluationContext(inst, today), catalogue().by_id(control_id))


def one(inst, control_id, today=TODAY):
    found = [r for r in results(inst, control_id, today) if r.subject_type == "credit_system"]
    assert len(found) == 1, found
    return found[0]


def cover(org, first, last):
    """The officer records every working day from first to last as a day without queries."""
    from appgov.credit.logcoverage import declare_no_queries, working_days

    for day in working_days(org["inst"], first, last):
        declare_no_queries(org["inst"], day, org["officer"], "征信系统查询量统计为零")


def review_day(org, day, due=None):
    return ReviewDay.objects.create(
        institution=org["inst"], day=day, branch_code="BR09", due_on=due or day + datetime.timedelta(days=1)
    )


def alert(org, rd, rule, disposition="open", reviewed_on=None, **details):
    run = MonitoringRun.objects.create(
        institution=org["inst"], day=rd.day, status="done", started_at=timezone.now()
    )
    reviewed_at = (
        datetime.datetime.combine(reviewed_on, datetime.time(12), tzinfo=datetime.UTC)
        if reviewed_on
        else None
    )
    return Alert.objects.create(
        institution=org["inst"],
        run=run,
        review_day=rd,
        alert_id=f"{rule}-{Alert.objects.count()}",
        rule_id=rule,
        severity="high",
        reason="test",
        ts=datetime.datetime.combine(rd.day, datetime.time(10), tzinfo=datetime.UTC),
        explanation="测试告警",
        details=details,
        disposition=disposition,
        reviewed_at=reviewed_at,
    )


# --- item 5: missing logs are not clean --------------------------------------------------------------------


@pytest.mark.parametrize("control_id", ["PBC102-02.5", "PBC102-03.1", "PBC102-03.2", "PBC102-06.1"])
def test_working_days_without_a_log_fail_the_monitoring_controls(credit_org, control_id):
    org = credit_org
    r = one(org["inst"], control_id)
    assert r.outcome == "fail" and "工作日既无查询日志" in r.zh, r.zh
    cover(org, TODAY - datetime.timedelta(days=31), TODAY - datetime.timedelta(days=2))
    assert one(org["inst"], control_id).outcome in ("pass", "evidence_needed"), one(
        org["inst"], control_id
    ).zh


def test_missing_days_follow_the_credit_calendar(credit_org):
    from appgov.credit.logcoverage import missing_log_days

    org = credit_org
    first = datetime.date(2026, 2, 9)
    missing = missing_log_days(org["inst"], TODAY, 31, 1)
    assert datetime.date(2026, 3, 9) in missing  # Monday
    assert datetime.date(2026, 3, 7) not in missing  # Saturday
    # a holiday of the calendar needs no log; a working Saturday (调休) does
    core.save(
        CalendarDay(institution=org["inst"], date=datetime.date(2026, 3, 9), is_workday=False, name="假日")
    )
    core.save(
        CalendarDay(
            institution=org["inst"],
            date=datetime.date(2026, 3, 7),
            is_workday=True,
            work_start=datetime.time(9),
            work_end=datetime.time(17),
            name="调休上班",
        )
    )
    missing = missing_log_days(org["inst"], TODAY, 31, 1)
    assert datetime.date(2026, 3, 9) not in missing and datetime.date(2026, 3, 7) in missing
    assert min(missing) >= first


def test_a_no_query_day_needs_a_reason_and_a_past_day(credit_org):
    from appgov.credit.logcoverage import declare_no_queries

    org = credit_org
    with pytest.raises(ValidationError):
        declare_no_queries(org["inst"], datetime.date(2026, 3, 9), org["officer"], " ")
    with pytest.raises(ValidationError):
        declare_no_queries(org["inst"], timezone.localdate(), org["officer"], "无查询")


def test_q04_alerts_of_an_unregistered_app_count(credit_org):
    org = credit_org
    cover(org, TODAY - datetime.timedelta(days=31), TODAY - datetime.timedelta(days=2))
    rd = review_day(org, datetime.date(2026, 3, 10))
    alert(org, rd, "Q04", client_app_id="cn.unknown.loanapp")
    found = [r for r in results(org["inst"], "PBC102-03.3") if r.subject_type == "credit_system"]
    assert len(found) == 1 and found[0].outcome == "fail" and "cn.unknown.loanapp" in found[0].zh


# --- issue 10 item 7: 06.2 is how alerts were handled, not 06.1 again ---------------------------------------


def test_06_2_judges_alert_handling_and_differs_from_06_1(credit_org):
    org = credit_org
    cover(org, TODAY - datetime.timedelta(days=31), TODAY - datetime.timedelta(days=2))
    rd = review_day(org, datetime.date(2026, 3, 9), due=datetime.date(2026, 3, 10))
    alert(org, rd, "Q01", disposition="false_positive", reviewed_on=datetime.date(2026, 3, 11))
    rd.closed_at = timezone.now()
    rd.save()
    # the worklist is closed (06.1 passes) but its alert was handled a day after its due date (06.2 fails)
    assert one(org["inst"], "PBC102-06.1").outcome == "pass"
    r = one(org["inst"], "PBC102-06.2")
    assert r.outcome == "fail" and "1 笔逾期处置" in r.zh


def test_messages_come_through_gettext_in_both_languages(credit_org):
    org = credit_org
    r = one(org["inst"], "PBC102-06.1")
    assert "working days without a query log" in r.en and "工作日既无查询日志" in r.zh


# --- item 13: PBC102-02.1 disable / re-enable, PBC102-01 senior management ----------------------------------


def test_02_1_disabling_and_re_enabling_need_approval(credit_org):
    org = credit_org
    account = org["account"]
    assert one(org["inst"], "PBC102-02.1").outcome == "pass"
    CreditAccount.objects.filter(pk=account.pk).update(status="disabled", disabled_at=timezone.now())
    r = one(org["inst"], "PBC102-02.1")
    assert r.outcome == "fail" and "OP900 未经审批停用" in r.zh
    CreditAccount.objects.filter(pk=account.pk).update(status="active", disabled_at=None)
    change = services.request_change(account, "disable", "调岗", org["officer"])
    services.approve_change(change, org["approver"])
    assert one(org["inst"], "PBC102-02.1").outcome == "pass"
    CreditAccount.objects.filter(pk=account.pk).update(status="active", disabled_at=None)
    r = one(org["inst"], "PBC102-02.1")
    assert r.outcome == "fail" and "未经审批重新启用" in r.zh
    account.refresh_from_db()
    CreditAccount.objects.filter(pk=account.pk).update(status="disabled")
    change = services.request_change(
        CreditAccount.objects.get(pk=account.pk), "enable", "返岗", org["officer"]
    )
    services.approve_change(change, org["approver"])
    assert one(org["inst"], "PBC102-02.1").outcome == "pass"
    assert AccountChange.objects.filter(account=account, status="applied").count() == 3


def test_01_head_of_the_leading_group_is_senior_management(credit_org):
    from appgov.credit.models import LeadingGroup

    org = credit_org
    core.save(
        LeadingGroup(
            institution=org["inst"],
            established_on=datetime.date(2025, 1, 1),
            document_reference="行发〔2025〕1号",
            first_responsible=org["clerk"],
            first_responsible_title="科员",
        )
    )
    r = one(org["inst"], "PBC102-01")
    assert r.outcome == "fail" and "高级管理人员" in r.zh
    core.update(org["clerk"], None, is_senior_management=True)
    assert one(org["inst"], "PBC102-01").outcome == "pass"


# --- item 12: complaints and dissents -----------------------------------------------------------------------


def complaint(org, received, **fields):
    return core.save(
        Complaint(
            institution=org["inst"],
            reference=fields.pop("reference", "TS-1"),
            received_on=received,
            channel="电话",
            summary="查询记录异常",
            **fields,
        )
    )


def test_complaints_have_15_days_extendable_with_approval(credit_org):
    org = credit_org
    c = complaint(org, datetime.date(2026, 3, 2))  # Monday; day 15 is Tuesday 17 March
    assert c.deadline == datetime.date(2026, 3, 17)
    assert one(org["inst"], "PBC102-07.2", datetime.date(2026, 3, 17)).outcome == "pass"
    r = one(org["inst"], "PBC102-07.2", datetime.date(2026, 3, 18))
    assert r.outcome == "fail" and "TS-1" in r.zh
    c = core.update(
        c, None, extended_until=datetime.date(2026, 4, 1), extension_approval="分管行长批准 2026-03-16"
    )
    assert c.deadline == datetime.date(2026, 4, 1)
    assert one(org["inst"], "PBC102-07.2", datetime.date(2026, 3, 18)).outcome == "pass"
    with pytest.raises(ValidationError):
        core.update(c, None, extended_until=datetime.date(2026, 5, 20))  # beyond 60 days
    with pytest.raises(ValidationError):
        complaint(org, datetime.date(2026, 3, 2), reference="TS-2", extended_until=datetime.date(2026, 3, 30))


def dissent(org, received, **fields):
    return core.save(
        DissentCase(
            institution=org["inst"],
            reference=fields.pop("reference", "YY-9"),
            subject_pseudonym="S-1",
            received_on=received,
            content="逾期记录有误",
            **fields,
        )
    )


def test_dissent_deadline_moves_past_a_holiday_of_the_credit_calendar(credit_org):
    org = credit_org
    case = dissent(org, datetime.date(2026, 3, 3), marked_on=datetime.date(2026, 3, 3))
    assert case.deadline == datetime.date(2026, 3, 23)  # a Monday
    core.save(
        CalendarDay(institution=org["inst"], date=datetime.date(2026, 3, 23), is_workday=False, name="假日")
    )
    assert case.deadline == datetime.date(2026, 3, 24)
    assert one(org["inst"], "PBC102-07.1", datetime.date(2026, 3, 24)).outcome == "pass"
    assert one(org["inst"], "PBC102-07.1", datetime.date(2026, 3, 25)).outcome == "fail"


def test_dissent_marking_is_tracked(credit_org):
    org = credit_org
    dissent(org, datetime.date(2026, 3, 3))
    r = one(org["inst"], "PBC102-07.1", datetime.date(2026, 3, 4))
    assert r.outcome == "fail" and "异议标注" in r.zh
