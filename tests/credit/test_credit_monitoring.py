import datetime

import pytest
from conftest import events_csv
from django.core.exceptions import ValidationError

from appgov.credit import ingestion, monitoring
from appgov.credit.models import Alert, MonitoringRun, QueryLogBatch, ReviewDay


def _log(day):
    d = day.isoformat()
    return [
        # Q01: loan approval with no authorisation
        (
            "E1",
            f"{d} 10:00:00",
            "OP100",
            "BR01",
            "S-1",
            "贷款审批",
            "counter",
            None,
            "T1",
            "10.0.0.1",
            None,
            "personal",
        ),
        # Q05: unknown operator
        (
            "E2",
            f"{d} 11:00:00",
            "GHOST",
            "BR02",
            "S-2",
            "本人查询",
            "counter",
            None,
            "T9",
            "10.0.0.9",
            None,
            "personal",
        ),
        # a self query at the counter in working hours by a valid account: no alert
        (
            "E3",
            f"{d} 14:00:00",
            "OP100",
            "BR01",
            "S-3",
            "本人查询",
            "counter",
            None,
            "T1",
            "10.0.0.1",
            None,
            "personal",
        ),
    ]


def test_bad_file_is_refused_with_file_column_and_row_and_nothing_is_stored(credit, day):
    rows = _log(day)
    rows[1] = ("E2", "2026-13-40 25:00", *rows[1][2:])
    with pytest.raises(ValidationError) as info:
        ingestion.ingest(credit["inst"], "march.csv", events_csv(rows), actor=credit["officer"])
    message = " ".join(info.value.messages)
    assert "march.csv" in message and "column 'ts'" in message and "line 3" in message
    assert not QueryLogBatch.objects.exists()


def test_duplicate_event_across_files_is_refused(credit, day):
    ingestion.ingest(credit["inst"], "a.csv", events_csv(_log(day)[:1]), actor=credit["officer"])
    with pytest.raises(ValidationError, match="already ingested"):
        ingestion.ingest(credit["inst"], "b.csv", events_csv(_log(day)), actor=credit["officer"])
    assert QueryLogBatch.objects.count() == 1


def test_engine_run_creates_alerts_and_worklists_and_closing_rules(credit, day, world):
    officer = credit["officer"]
    batch = ingestion.ingest(credit["inst"], "log.csv", events_csv(_log(day)), actor=officer)
    assert batch.rows == 3 and batch.days == [day.isoformat()]
    run = monitoring.run_day(credit["inst"], day)
    assert run.status == MonitoringRun.Status.DONE, run.error
    rules = sorted(Alert.objects.values_list("rule_id", "operator_id"))
    assert ("Q01", "OP100") in rules and ("Q05", "GHOST") in rules
    assert not [a for a in Alert.objects.exclude(rule_id="Q13") if "E3" in a.event_ids]
    days = {rd.branch_code: rd for rd in ReviewDay.objects.all()}
    assert set(days) == {"BR01", "BR02"}
    assert days["BR01"].branch == credit["branch"] and days["BR01"].events == 2
    assert days["BR01"].due_on == day + datetime.timedelta(days=1)

    br01 = days["BR01"]
    with pytest.raises(ValidationError, match="not dispositioned"):
        monitoring.close_review_day(br01, officer, "已核查")
    for alert in br01.alert_rows.all():
        with pytest.raises(ValidationError):
            monitoring.disposition(alert, "confirmed", "", officer)  # a comment is required
        monitoring.disposition(alert, "false_positive", "已补授权书", officer)
    monitoring.close_review_day(br01, officer, "全部核查完毕")
    br01.refresh_from_db()
    assert br01.is_closed
    with pytest.raises(ValidationError, match="closed"):
        monitoring.disposition(br01.alert_rows.first(), "confirmed", "改判", officer)

    # overdue: the BR02 day was never closed
    overdue = monitoring.overdue_review_days(ReviewDay.objects.all(), day + datetime.timedelta(days=2))
    assert list(overdue) == [days["BR02"]]
    assert not monitoring.overdue_review_days(
        ReviewDay.objects.all(), day + datetime.timedelta(days=1)
    ).exists()

    # a re-run keeps dispositions and adds nothing twice
    again = monitoring.run_day(credit["inst"], day)
    assert again.new_alerts == 0
    assert Alert.objects.filter(disposition="false_positive").count() == br01.alert_rows.count()
    metrics = {m["rule_id"]: m for m in monitoring.rule_metrics(Alert.objects.all())}
    assert metrics["Q01"]["false_positive"] == 1 and metrics["Q01"]["confirmed_rate"] == 0.0
    assert metrics["Q05"]["open"] == 1 and metrics["Q05"]["confirmed_rate"] is None


def test_disabled_account_shows_in_the_exported_operator_states(credit, day):
    from appgov.credit import services

    change = services.request_change(credit["account"], "disable", "离岗", credit["officer"])
    services.approve_change(change, credit["approver"])
    rows = monitoring.operators_rows(credit["inst"])
    assert [r["status"] for r in rows] == ["active", "disabled"]
    assert rows[0]["valid_to"] == rows[1]["valid_from"] and rows[1]["valid_to"] is None
