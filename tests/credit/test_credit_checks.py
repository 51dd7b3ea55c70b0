import datetime

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core import services as core
from appgov.core.controls.context import EvaluationContext
from appgov.credit import services
from appgov.credit.models import BulkDataRequest, LeadingGroup, ReviewDay


def _outcome(inst, control_id, today):
    results = run_control(EvaluationContext(inst, today), catalogue().by_id(control_id))
    assert len(results) == 1
    return results[0]


def test_leading_group_check(credit):
    inst, today = credit["inst"], datetime.date(2026, 3, 15)
    assert _outcome(inst, "PBC102-01", today).outcome == "fail"
    # the head of the group must be senior management (issue 13 item 13)
    core.update(credit["clerk"], None, is_senior_management=True)
    core.save(
        LeadingGroup(
            institution=inst,
            established_on=datetime.date(2025, 1, 1),
            document_reference="行发〔2025〕1号",
            first_responsible=credit["clerk"],
            first_responsible_title="副行长",
        )
    )
    result = _outcome(inst, "PBC102-01", today)
    assert result.outcome == "pass" and "副行长" in result.zh


def test_leaver_with_active_account_fails_02_3(credit):
    today = datetime.date(2026, 3, 15)
    assert _outcome(credit["inst"], "PBC102-02.3", today).outcome == "pass"
    core.update(credit["clerk"], None, left_on=datetime.date(2026, 3, 1))
    result = _outcome(credit["inst"], "PBC102-02.3", today)
    assert result.outcome == "fail" and "OP100" in result.zh


def test_approved_changes_pass_02_1_and_password_age_02_4(credit):
    assert _outcome(credit["inst"], "PBC102-02.1", datetime.date(2026, 3, 15)).outcome == "pass"
    assert _outcome(credit["inst"], "PBC102-02.4", datetime.date(2026, 3, 15)).outcome == "pass"
    assert (
        _outcome(credit["inst"], "PBC102-02.4", datetime.date(2026, 6, 1)).outcome == "fail"
    )  # changed 2026-01-02


def test_overdue_review_day_fails_06_1(credit):
    day = datetime.date(2026, 3, 10)
    rd = ReviewDay.objects.create(
        institution=credit["inst"], day=day, branch_code="BR01", due_on=day + datetime.timedelta(days=1)
    )
    # the working days before it have no log: not clean, a failure (issue 13 item 5)
    result = _outcome(credit["inst"], "PBC102-06.1", datetime.date(2026, 3, 11))
    assert result.outcome == "fail" and "21 个工作日" in result.zh and "2026-02-09" in result.zh
    from appgov.credit.logcoverage import declare_no_queries, missing_log_days

    for missing in missing_log_days(credit["inst"], datetime.date(2026, 3, 11), 31, 1):
        declare_no_queries(credit["inst"], missing, credit["officer"], "征信系统查询统计为零")
    assert _outcome(credit["inst"], "PBC102-06.1", datetime.date(2026, 3, 11)).outcome == "pass"
    assert _outcome(credit["inst"], "PBC102-06.1", datetime.date(2026, 3, 12)).outcome == "fail"
    from appgov.credit.monitoring import close_review_day

    close_review_day(rd, credit["officer"], "无告警，已核查")
    assert _outcome(credit["inst"], "PBC102-06.1", datetime.date(2026, 3, 12)).outcome == "pass"


def test_bulk_data_past_retention_without_certificate_fails_04(credit):
    bulk = core.save(
        BulkDataRequest(
            institution=credit["inst"],
            reference="PL-1",
            purpose="模型验证",
            data_scope="样本",
            recipient="风险管理部",
            requested_by=credit["officer"],
            requested_on=datetime.date(2026, 1, 5),
            retention_until=datetime.date(2026, 2, 28),
        )
    )
    services.approve_bulk_request(bulk, credit["approver"])
    services.record_bulk_extraction(bulk, datetime.date(2026, 1, 6), credit["officer"])
    result = _outcome(credit["inst"], "PBC102-04", datetime.date(2026, 3, 15))
    assert result.outcome == "fail" and "PL-1" in result.zh
    from django.core.files.base import ContentFile

    services.record_bulk_destruction(
        bulk, datetime.date(2026, 2, 27), ContentFile(b"%PDF cert", name="c.pdf"), credit["officer"]
    )
    assert _outcome(credit["inst"], "PBC102-04", datetime.date(2026, 3, 15)).outcome == "pass"
