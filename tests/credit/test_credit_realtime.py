"""Near-real-time credit monitoring: the ingest API, the watched folder, the cycle, the nav count, the
notification and the nightly reconcile."""

import datetime
import json
import logging

import pytest
from conftest import events_csv
from django.core import mail
from django.test import Client
from rest_framework.authtoken.models import Token

from appgov.core import services as core
from appgov.credit import ingestion, monitoring, realtime
from appgov.credit.models import Alert, Authorization, MonitoringRun, QueryLogBatch, ReviewDay

URL = "/api/credit/log-files/events/"
RULE_Q01 = "无有效授权查询"


def event(
    eid, ts, operator="OP100", branch="BR01", subject="S-1", reason="本人查询", terminal="T1", auth=None
):
    return {
        "event_id": eid,
        "ts": ts,
        "operator_id": operator,
        "branch_id": branch,
        "subject_id": subject,
        "reason_code": reason,
        "channel": "counter",
        "terminal_id": terminal,
        "ip": "10.0.0.1",
        "authorization_id": auth,
        "product": "personal",
    }


@pytest.fixture
def api(credit):
    token = Token.objects.create(user=credit["officer"])
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def post(client, payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


def d(day, hhmmss):
    return f"{day.isoformat()} {hhmmss}"


# ---------- the ingest API ----------


def test_api_batch_is_stored_once_and_a_repeat_answers_the_stored_batch(api, credit, day):
    payload = {"batch_id": "core-0001", "events": [event("E1", d(day, "10:00:00"))]}
    first = post(api, payload)
    assert first.status_code == 201, first.content
    assert first.json()["rows"] == 1 and first.json()["source"] == "api"
    again = post(api, payload)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert QueryLogBatch.objects.count() == 1
    other = post(api, {"batch_id": "core-0001", "events": [event("E2", d(day, "10:01:00"))]})
    assert other.status_code == 400 and "batch_id" in other.json()["errors"]
    assert QueryLogBatch.objects.count() == 1


def test_api_batch_errors_name_line_and_field_and_nothing_is_stored(api, credit, day):
    events = [event("E1", d(day, "10:00:00")), event("E2", "2026-13-40 25:00"), event("E3", d(day, "10:02"))]
    response = post(api, {"batch_id": "b-2", "events": events})
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == ["events[1].ts"] and "line 2" in body["errors"]["events[1].ts"][0]
    assert not QueryLogBatch.objects.exists()

    events[1] = {**event("E2", d(day, "10:01:00")), "colour": "red"}
    body = post(api, {"batch_id": "b-2", "events": events}).json()
    assert "events[1].colour" in body["errors"]
    dup = post(
        api, {"batch_id": "b-3", "events": [event("E1", d(day, "10:00")), event("E1", d(day, "10:01"))]}
    )
    assert dup.status_code == 400 and "events[1].event_id" in dup.json()["errors"]
    assert post(api, {"batch_id": "b-4", "events": []}).status_code == 400
    assert not QueryLogBatch.objects.exists()


def test_api_batch_needs_a_token_of_a_writer(credit, day, world):
    payload = {"batch_id": "x-1", "events": [event("E1", d(day, "10:00:00"))]}
    assert post(Client(), payload).status_code in (401, 403)
    reader = Token.objects.create(user=world.a.users["read_only"])
    refused = post(Client(HTTP_AUTHORIZATION=f"Token {reader.key}"), payload)
    assert refused.status_code == 403
    assert not QueryLogBatch.objects.exists()


# ---------- the cycle ----------


def test_cycle_alerts_on_new_events_and_takes_each_batch_once(api, credit, day):
    assert realtime.run_cycle(credit["inst"]) is None  # nothing arrived
    post(api, {"batch_id": "c-1", "events": [event("E1", d(day, "10:00:00"), reason="贷款审批")]})
    run = realtime.run_cycle(credit["inst"])
    assert run.kind == MonitoringRun.Kind.INCREMENT and run.status == "done", run.error
    alert = Alert.objects.get(rule_id="Q01")
    assert alert.event_ids == ["E1"] and alert.run == run
    assert alert.branch_name == "ALPHA城西支行" and "ALPHA城西支行（BR01）" in alert.explanation
    assert alert.rule_name == RULE_Q01  # the rule in words
    assert ReviewDay.objects.get(day=day, branch_code="BR01").events == 1
    assert realtime.run_cycle(credit["inst"]) is None  # the batch is not taken twice
    post(api, {"batch_id": "c-2", "events": [event("E2", d(day, "11:00:00"))]})
    second = realtime.run_cycle(credit["inst"])
    assert second.events == 1 and second.summary["batches"] == [QueryLogBatch.objects.latest("id").id]
    assert ReviewDay.objects.get(day=day, branch_code="BR01").events == 2
    assert Alert.objects.filter(rule_id="Q01").count() == 1


def test_cycle_reads_the_history_a_rule_needs(api, credit, day):
    """Q06 (one account from two terminals within 10 minutes): the first query came in the previous cycle."""
    post(api, {"batch_id": "h-1", "events": [event("E1", d(day, "10:00:00"), terminal="T1")]})
    realtime.run_cycle(credit["inst"])
    assert not Alert.objects.filter(rule_id="Q06").exists()
    post(api, {"batch_id": "h-2", "events": [event("E2", d(day, "10:05:00"), terminal="T2")]})
    run = realtime.run_cycle(credit["inst"])
    assert run.summary["history_from"] <= d(day, "09:55:00")
    alert = Alert.objects.get(rule_id="Q06")
    assert alert.event_ids == ["E1", "E2"]
    # the episode grows in a later cycle: the same alert, updated in place
    post(api, {"batch_id": "h-3", "events": [event("E3", d(day, "10:08:00"), terminal="T3")]})
    realtime.run_cycle(credit["inst"])
    alert.refresh_from_db()
    assert Alert.objects.filter(rule_id="Q06").count() == 1 and alert.event_ids == ["E1", "E2", "E3"]


def test_watched_folder_is_picked_up_by_the_cycle(credit, day, tmp_path, settings):
    settings.APPGOV_CREDIT_IMPORT_DIR = tmp_path
    folder = tmp_path / credit["inst"].code
    folder.mkdir()
    rows = [
        (
            "E1",
            d(day, "10:00:00"),
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
        )
    ]
    (folder / "query_events-1000.csv").write_bytes(events_csv(rows))
    (folder / "query_events-1005.csv").write_bytes(events_csv([("E2", "not a time", *rows[0][2:])]))
    (folder / "query_events-1010.part").write_bytes(b"still being written")
    summary = realtime.run_cycles()
    assert summary.startswith("1 files picked up (1 refused), 1 cycles, ")
    assert Alert.objects.filter(rule_id="Q01", event_ids=["E1"]).exists()
    assert (folder / "ingested" / "query_events-1000.csv").exists()
    error = (folder / "refused" / "query_events-1005.csv.error.txt").read_text(encoding="utf-8")
    assert "column 'ts'" in error and "line 2" in error
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["query_events-1010.part"]


# ---------- notification and the navigation count ----------


def test_urgent_alerts_are_mailed_to_the_reviewers_and_logged(api, credit, day, settings, caplog):
    settings.APPGOV_SMTP_HOST = "smtp.example.test"
    credit["officer"].email = "officer@alpha.test"
    core.save(credit["officer"], None, exclude_validation=["password"])
    post(api, {"batch_id": "n-1", "events": [event("E1", d(day, "10:00:00"), reason="贷款审批")]})
    with caplog.at_level(logging.WARNING, logger="appgov.digest"):
        realtime.run_cycle(credit["inst"])
    assert [m.to for m in mail.outbox] == [["officer@alpha.test"]]
    assert "Q01" in mail.outbox[0].body and "ALPHA城西支行" in mail.outbox[0].body
    assert any("credit alerts" in r.getMessage() for r in caplog.records)
    # no SMTP server: the digest log only
    settings.APPGOV_SMTP_HOST = ""
    post(
        api,
        {"batch_id": "n-2", "events": [event("E2", d(day, "12:00:00"), reason="贷款审批", subject="S-9")]},
    )
    realtime.run_cycle(credit["inst"])
    assert len(mail.outbox) == 1


def test_navigation_counts_open_alerts(api, credit, day, world):
    browser = Client()
    browser.force_login(credit["officer"])
    assert 'id="nav-credit-alerts"' not in browser.get("/credit/alerts/").content.decode()
    post(api, {"batch_id": "v-1", "events": [event("E1", d(day, "10:00:00"), reason="贷款审批")]})
    realtime.run_cycle(credit["inst"])
    page = browser.get("/credit/alerts/").content.decode()
    count = Alert.objects.filter(disposition="open").count()
    assert count >= 1 and 'id="nav-credit-alerts" href="/credit/alerts/"' in page
    assert f">{count}</a>" in page and "ALPHA城西支行" in page
    for alert in Alert.objects.all():
        monitoring.disposition(alert, "false_positive", "已补授权", credit["officer"])
    assert 'id="nav-credit-alerts"' not in browser.get("/credit/alerts/").content.decode()
    other = Client()
    other.force_login(world.b.users["credit_officer"])
    assert 'id="nav-credit-alerts"' not in other.get("/credit/alerts/").content.decode()


# ---------- the nightly reconcile ----------


def _day_batches(day):
    return [
        [event("E1", d(day, "09:00:00"), reason="贷款审批")],
        [event("E2", d(day, "10:00:00"), terminal="T1"), event("E3", d(day, "10:04:00"), terminal="T2")],
        [event("E4", d(day, "10:09:00"), terminal="T3"), event("E5", d(day, "11:00:00"), operator="GHOST")],
        [event("E6", d(day, "14:00:00"), subject="S-7")],
    ]


def test_a_day_run_in_cycles_equals_the_nightly_run(api, credit, day):
    for index, events in enumerate(_day_batches(day)):
        assert post(api, {"batch_id": f"r-{index}", "events": events}).status_code == 201
        realtime.run_cycle(credit["inst"])
    by_cycles = {a.alert_id: a.event_ids for a in Alert.objects.all()}
    assert {"Q01", "Q05", "Q06"} <= {a.rule_id for a in Alert.objects.all()}
    nightly = monitoring.run_day(credit["inst"], day)
    report = nightly.summary["reconcile"]
    assert report["differences"] == 0 and report["cycles"] == 4, report
    assert report["nightly_alerts"] == report["cycle_alerts"] == len(by_cycles)
    assert nightly.new_alerts == 0
    assert {a.alert_id: a.event_ids for a in Alert.objects.all()} == by_cycles


def test_reconcile_reports_what_changed_since_the_cycles(api, credit, day, caplog):
    post(
        api,
        {"batch_id": "x-1", "events": [event("E1", d(day, "09:00:00"), reason="贷款审批", auth="AUTH-1")]},
    )
    realtime.run_cycle(credit["inst"])
    q01 = Alert.objects.get(rule_id="Q01")
    # the authorisation is archived after the cycle alerted: the nightly run no longer gives the alert
    start = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    monitoring_auth = Authorization(
        institution=credit["inst"],
        authorization_no="AUTH-1",
        subject_pseudonym="S-1",
        purpose="贷款审批",
        signed_at=start,
        valid_from=start,
        branch=credit["branch"],
    )
    core.save(monitoring_auth, None)
    with caplog.at_level(logging.WARNING, logger="appgov.credit.monitoring"):
        nightly = monitoring.run_day(credit["inst"], day)
    report = nightly.summary["reconcile"]
    assert report["only_in_cycles"] == [q01.alert_id], json.dumps(report)
    # and Q03 (no application within 60 minutes) could not be judged by a cycle whose latest query was E1
    # itself: the nightly run gives it
    assert [i[:3] for i in report["missed_by_cycles"]] == ["Q03"] and report["differences"] == 2
    assert any("differ between the real-time cycles" in r.getMessage() for r in caplog.records)
    browser = Client()
    browser.force_login(credit["officer"])
    assert "2 differences" in browser.get("/credit/logs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_nightly_without_cycles_reports_no_reconcile(credit, day):
    rows = [
        (
            "E1",
            d(day, "10:00:00"),
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
        )
    ]
    ingestion.ingest(credit["inst"], "log.csv", events_csv(rows), actor=credit["officer"])
    run = monitoring.run_day(credit["inst"], day)
    assert "reconcile" not in run.summary


def test_branch_names_follow_the_codes_in_explanations():
    from appgov.credit.branchnames import name_branches

    names = {"BR01": "城西支行", "BR02": "滨江支行"}
    text = "操作员 OP1（机构 BR01）于 … 被 2 名操作员（OP1、OP2）、2 家机构（BR01、BR02）查询；原机构 BR09 的账户"
    assert name_branches(text, names) == (
        "操作员 OP1（机构 城西支行（BR01））于 … 被 2 名操作员（OP1、OP2）、2 家机构（城西支行（BR01）、"
        "滨江支行（BR02））查询；原机构 BR09 的账户"
    )
