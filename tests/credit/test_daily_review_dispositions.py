"""The daily review (日核查, issue 11 item 3): no default disposition, dispositions kept as a history with who
and why, and the day's full query list of the branch beside the alerts, paged and exported to Excel."""

import datetime
import html
import io
import re

import openpyxl
import pytest
from conftest import events_csv
from django.utils import timezone

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core.controls.context import EvaluationContext
from appgov.core.models import ChangeLogEntry
from appgov.credit import ingestion, monitoring
from appgov.credit.models import Alert, AlertDisposition, ReviewDay

# subjects a spreadsheet program would read as formulas (or a DDE call) if written as they are
FORMULA_SUBJECTS = ["=1+2", "+SUM(A1)", "-3", "@SUM(A1)"]


def _row(event_id, ts, subject, branch="BR01", reason="本人查询", operator="OP100"):
    return (
        event_id,
        ts,
        operator,
        branch,
        subject,
        reason,
        "counter",
        None,
        "T1",
        "10.0.0.1",
        None,
        "personal",
    )


def _log(day):
    d = day.isoformat()
    rows = [_row("E-Q01", f"{d} 10:00:00", "S-A", reason="贷款审批")]  # Q01: no authorisation
    # 60 self queries of BR01 that day (more than a page), some with formula-like subject ids
    for i in range(60):
        subject = FORMULA_SUBJECTS[i] if i < len(FORMULA_SUBJECTS) else f"S-{i:03d}"
        rows.append(_row(f"E-{i:03d}", f"{d} 14:{i // 60:02d}:{i % 60:02d}", subject))
    rows.append(_row("E-OTHER-BRANCH", f"{d} 11:00:00", "S-B", branch="BR02"))
    rows.append(_row("E-DAY-BEFORE", f"{day - datetime.timedelta(days=1)} 11:00:00", "S-C"))
    return rows


@pytest.fixture
def review(credit, day):
    """The BR01 review day of `day` after a real ingest and engine run, with its Q01 alert."""
    ingestion.ingest(credit["inst"], "log.csv", events_csv(_log(day)), actor=credit["officer"])
    run = monitoring.run_day(credit["inst"], day)
    assert run.status == "done", run.error
    rd = ReviewDay.objects.get(day=day, branch_code="BR01")
    alert = rd.alert_rows.get(rule_id="Q01")
    return rd, alert


def _alert_form(page: str, alert: Alert) -> str:
    match = re.search(rf'<form[^>]*action="/credit/alerts/{alert.pk}/disposition/".*?</form>', page, re.S)
    assert match, "the alert has no disposition form"
    return match.group(0)


def _page_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# ---------- 1. no default ----------


def test_the_disposition_form_has_no_preselected_choice_and_an_unanswered_alert_stays_open(
    review, credit, login
):
    rd, alert = review
    client = login(credit["officer"])
    form = _alert_form(client.get(rd.get_absolute_url()).content.decode(), alert)
    select = re.search(r"<select[^>]*>", form).group(0)
    assert "required" in select
    options = re.findall(r'<option value="([^"]*)"([^>]*)>', form)
    assert options[0] == ("", " selected"), options  # the blank prompt is what the browser submits untouched
    assert [v for v, attrs in options if "selected" in attrs] == [""]

    # what the browser sends when the reviewer only writes a comment and presses save
    response = client.post(f"/credit/alerts/{alert.pk}/disposition/", {"comment": "看过了"}, follow=True)
    alert.refresh_from_db()
    assert alert.disposition == Alert.Disposition.OPEN and alert.reviewed_by is None
    assert not AlertDisposition.objects.exists()
    assert _page_messages(response), "the refusal must be shown"


def test_the_api_requires_an_explicit_disposition_with_the_pages_refusal(review, credit, login, api):
    rd, alert = review
    page = login(credit["officer"]).post(
        f"/credit/alerts/{alert.pk}/disposition/", {"comment": "看过了"}, follow=True
    )
    answer = api(credit["officer"]).post(
        f"/api/credit/alerts/{alert.pk}/disposition/", {"comment": "看过了"}, format="json"
    )
    assert answer.status_code == 400
    assert _page_messages(page) and _page_messages(page)[0] in answer.json()["detail"]
    assert "disposition" in answer.json()["errors"]
    alert.refresh_from_db()
    assert alert.disposition == Alert.Disposition.OPEN and not AlertDisposition.objects.exists()


# ---------- 2. history, never overwritten ----------


def test_a_change_of_disposition_is_a_new_entry_with_who_and_why(review, credit, login):
    rd, alert = review
    officer, second = credit["officer"], credit["approver"]
    monitoring.disposition(alert, "confirmed", "确认违规：无授权书", officer)
    # the same comment again does not say why the decision changes
    with pytest.raises(Exception, match="new comment"):
        monitoring.disposition(alert, "false_positive", "确认违规：无授权书", second)
    alert.refresh_from_db()
    assert alert.disposition == "confirmed" and alert.dispositions.count() == 1
    monitoring.disposition(alert, "false_positive", "客户补交授权书，经复核为误报", second)

    alert.refresh_from_db()
    assert (alert.disposition, alert.reviewed_by, alert.comment) == (
        "false_positive",
        second,
        "客户补交授权书，经复核为误报",
    )
    history = list(alert.dispositions.all())
    assert [(h.disposition, h.decided_by, h.comment) for h in history] == [
        ("confirmed", officer, "确认违规：无授权书"),
        ("false_positive", second, "客户补交授权书，经复核为误报"),
    ]
    assert history[0].decided_at <= history[1].decided_at
    logged = ChangeLogEntry.objects.filter(object_type="credit.alertdisposition")
    assert sorted(int(e.object_id) for e in logged) == sorted(h.pk for h in history)
    assert {e.actor_id for e in logged} == {officer.pk, second.pk}

    # the page shows both decisions, and its form does not carry the old comment over
    page = login(officer).get(rd.get_absolute_url()).content.decode()
    text = html.unescape(page)
    assert "确认违规：无授权书" in text and "客户补交授权书，经复核为误报" in text
    assert 'value="确认违规' not in text and 'value="客户补交' not in text


def test_the_api_lists_the_history_and_its_action_appends(review, credit, api):
    rd, alert = review
    officer, second = credit["officer"], credit["approver"]
    first = api(officer).post(
        f"/api/credit/alerts/{alert.pk}/disposition/",
        {"disposition": "confirmed", "comment": "确认违规"},
        format="json",
    )
    assert first.status_code == 200, first.content
    assert [d["disposition"] for d in first.json()["dispositions"]] == ["confirmed"]
    refused = api(second).post(
        f"/api/credit/alerts/{alert.pk}/disposition/",
        {"disposition": "false_positive", "comment": "确认违规"},
        format="json",
    )
    assert refused.status_code == 400 and "comment" in refused.json()["errors"]
    changed = api(second).post(
        f"/api/credit/alerts/{alert.pk}/disposition/",
        {"disposition": "escalated", "comment": "涉及多名客户，上报总行"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    listed = api(officer).get(f"/api/credit/alerts/{alert.pk}/").json()
    assert listed["disposition"] == "escalated"
    assert [(d["disposition"], d["decided_by"], d["comment"]) for d in listed["dispositions"]] == [
        ("confirmed", officer.pk, "确认违规"),
        ("escalated", second.pk, "涉及多名客户，上报总行"),
    ]
    # read-only: the history is not writable through the alert
    assert api(officer).patch(f"/api/credit/alerts/{alert.pk}/", {"dispositions": []}).status_code == 405


def test_a_closed_day_takes_no_new_entry(review, credit):
    rd, alert = review
    officer = credit["officer"]
    for a in rd.alert_rows.all():
        monitoring.disposition(a, "false_positive", "已补授权书", officer)
    monitoring.close_review_day(rd, officer, "核查完毕")
    with pytest.raises(Exception, match="closed"):
        monitoring.disposition(alert, "confirmed", "改判为违规", officer)
    assert alert.dispositions.count() == 1


def test_pbc102_06_2_judges_timeliness_by_the_first_decision_and_counts_the_current_one(review, credit):
    rd, alert = review
    officer, inst = credit["officer"], credit["inst"]
    others = list(rd.alert_rows.exclude(pk=alert.pk)) + list(
        Alert.objects.filter(review_day__day=rd.day).exclude(review_day=rd)
    )
    for a in [alert, *others]:
        monitoring.disposition(a, "confirmed", "确认违规", officer)
    # decided on the review day, then corrected two days after its due date
    on_time = timezone.make_aware(datetime.datetime.combine(rd.due_on, datetime.time(16)))
    AlertDisposition.objects.all().update(decided_at=on_time)
    Alert.objects.all().update(reviewed_at=on_time)
    monitoring.disposition(alert, "false_positive", "复核后改判误报", officer)
    later = on_time + datetime.timedelta(days=2)
    AlertDisposition.objects.filter(comment="复核后改判误报").update(decided_at=later)
    Alert.objects.filter(pk=alert.pk).update(reviewed_at=later)

    today = rd.due_on + datetime.timedelta(days=5)
    result = run_control(EvaluationContext(inst, today), catalogue().by_id("PBC102-06.2"))[0]
    total = Alert.objects.filter(institution=inst).count()
    assert result.outcome == "pass", result.zh
    # every alert handled on time; the corrected one counts as the false positive it now is
    assert f"{total} alerts, {total} handled on time, {total - 1} confirmed or escalated" in result.en

    # an alert first decided after its due date is late, whatever happened before
    AlertDisposition.objects.filter(alert=others[0]).update(decided_at=later)
    result = run_control(EvaluationContext(inst, today), catalogue().by_id("PBC102-06.2"))[0]
    assert result.outcome == "fail" and "1 handled late" in result.en


# ---------- 3. the day's full query list ----------


def _query_ids(page: str) -> list[str]:
    return re.findall(r"<td>(E-[A-Z0-9-]+)</td>", page)


def test_the_review_page_shows_the_days_queries_of_its_branch_paged(review, credit, login):
    rd, _alert = review
    client = login(credit["officer"])
    first = client.get(rd.get_absolute_url()).content.decode()
    second = client.get(rd.get_absolute_url() + "?qpage=2").content.decode()
    beyond = client.get(rd.get_absolute_url() + "?qpage=99").content.decode()
    shown = _query_ids(first) + _query_ids(second)
    expected = ["E-Q01"] + [f"E-{i:03d}" for i in range(60)]
    assert len(_query_ids(first)) == 50
    assert sorted(shown) == sorted(expected) and len(shown) == len(set(shown)) == 61
    assert _query_ids(beyond) == _query_ids(second)  # a page past the end shows the last one
    assert "E-OTHER-BRANCH" not in first + second and "E-DAY-BEFORE" not in first + second
    assert "(61)" in first and f'href="/credit/daily-review/{rd.pk}/queries.xlsx"' in first


def test_the_query_list_exports_to_excel_with_formula_like_cells_as_text(review, credit, login):
    rd, _alert = review
    response = login(credit["officer"]).get(f"/credit/daily-review/{rd.pk}/queries.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "queries-20260310-BR01.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(header) == 12 and len(body) == 61
    ids = [r[0] for r in body]
    assert "E-OTHER-BRANCH" not in ids and "E-DAY-BEFORE" not in ids and ids[0] == "E-Q01"
    subjects = {r[0]: r[4] for r in body}
    assert [subjects[f"E-{i:03d}"] for i in range(len(FORMULA_SUBJECTS))] == [
        "'" + s for s in FORMULA_SUBJECTS
    ]
    for cell in sheet["E"]:
        assert cell.data_type == "s", (cell.coordinate, cell.value)  # no cell is stored as a formula
    assert body[0][1] == datetime.datetime(2026, 3, 10, 10, 0)


def test_a_day_without_a_stored_log_says_so_and_exports_an_empty_list(credit, day, login):
    from appgov.core import services as core

    rd = core.save(ReviewDay(institution=credit["inst"], day=day, branch_code="BR01", due_on=day))
    client = login(credit["officer"])
    page = client.get(rd.get_absolute_url()).content.decode()
    assert _query_ids(page) == [] and "queries.xlsx" not in page
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/credit/daily-review/{rd.pk}/queries.xlsx").content)
    )
    assert len(list(sheet.active.iter_rows(values_only=True))) == 1  # the header only
