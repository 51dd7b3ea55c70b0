"""A credit "no queries today" day (PBC102-02.5, 03.x, 06.1: a working day needs its log or this record), entered
on the daily-review page and through the API."""

import datetime

from django.utils import timezone

from appgov.core import services as core
from appgov.credit.logcoverage import NO_QUERIES_BRANCH, covered_days
from appgov.credit.models import CalendarDay, QueryLogBatch, ReviewDay

PAGE = "/credit/daily-review/"
POST = "/credit/daily-review/no-queries/"
API = "/api/credit/review-days/no-queries/"
NOTE = "征信系统当日查询量统计为零"


def last_weekday(weekday: int, at_least_days_ago: int = 7) -> datetime.date:
    """The latest date of ISO weekday `weekday` at least `at_least_days_ago` days before today."""
    day = timezone.localdate() - datetime.timedelta(days=at_least_days_ago)
    while day.isoweekday() != weekday:
        day -= datetime.timedelta(days=1)
    return day


def logged(inst, *days):
    return QueryLogBatch.objects.create(
        institution=inst,
        source="csv",
        original_name="queries.csv",
        sha256="0" * 64,
        rows=1,
        days=[d.isoformat() for d in days],
    )


def test_the_officer_records_a_day_on_the_page_and_it_counts_as_covered(world, login):
    a = world.a
    monday = last_weekday(1)
    tuesday = monday + datetime.timedelta(days=1)
    logged(a.inst, monday)  # uploads began on Monday; Tuesday's log is missing
    officer = login(a.users["credit_officer"])
    page = officer.get(PAGE).content.decode()
    assert 'id="no-queries-form"' in page and tuesday.isoformat() in page  # the missing day is shown
    response = officer.post(POST, {"day": tuesday.isoformat(), "conclusion": NOTE})
    assert response.status_code == 302
    record = ReviewDay.objects.get(institution=a.inst, day=tuesday, branch_code=NO_QUERIES_BRANCH)
    assert record.conclusion == NOTE and record.closed_by == a.users["credit_officer"] and record.events == 0
    assert [e.action for e in core.history(record)] == ["create"]
    assert tuesday in covered_days(a.inst, tuesday, tuesday)
    page = officer.get(PAGE).content.decode()
    assert f'missing-day">{tuesday.isoformat()}' not in page


def test_refusals_name_the_reason_and_write_nothing(world, login):
    a = world.a
    monday, saturday = last_weekday(1), last_weekday(6)
    holiday = last_weekday(3)
    logged(a.inst, monday)
    core.save(CalendarDay(institution=a.inst, date=holiday, is_workday=False, name="假日"))
    officer = login(a.users["credit_officer"])
    cases = [
        ({"day": saturday.isoformat(), "conclusion": NOTE}, "not a working day"),
        ({"day": holiday.isoformat(), "conclusion": NOTE}, "not a working day"),
        ({"day": monday.isoformat(), "conclusion": NOTE}, "query log covers this day"),
        ({"day": timezone.localdate().isoformat(), "conclusion": NOTE}, "Only a past day"),
        ({"day": last_weekday(4).isoformat(), "conclusion": "   "}, ""),
        ({"day": "2026-02-30", "conclusion": NOTE}, ""),
    ]
    for data, reason in cases:
        with_messages = officer.post(POST, data, follow=True)
        shown = " ".join(str(m) for m in with_messages.context["messages"])
        assert shown, data
        if reason:
            assert reason in shown, (data, shown)
    assert not ReviewDay.objects.filter(institution=a.inst).exists()
    # a second record of the same day is refused
    thursday = last_weekday(4)
    assert officer.post(POST, {"day": thursday.isoformat(), "conclusion": NOTE}).status_code == 302
    again = officer.post(POST, {"day": thursday.isoformat(), "conclusion": NOTE}, follow=True)
    assert "already recorded" in " ".join(str(m) for m in again.context["messages"])
    assert ReviewDay.objects.filter(institution=a.inst).count() == 1


def test_the_api_action_records_and_refuses_like_the_page(world, rest):
    a = world.a
    client = rest(a.users["credit_officer"])
    thursday, saturday = last_weekday(4), last_weekday(6)
    response = client.post(API, {"day": thursday.isoformat(), "conclusion": NOTE}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["day"] == thursday.isoformat() and body["branch_code"] == NO_QUERIES_BRANCH
    refused = client.post(API, {"day": saturday.isoformat(), "conclusion": NOTE}, format="json")
    assert refused.status_code == 400 and "day" in refused.json()["errors"]
    assert "not a working day" in refused.json()["errors"]["day"][0]
    missing = client.post(API, {"day": thursday.isoformat()}, format="json")
    assert missing.status_code == 400 and "conclusion" in missing.json()["errors"]
    assert ReviewDay.objects.filter(institution=a.inst).count() == 1


def test_only_credit_writers_record_and_the_examiner_never_does(world, login, rest):
    a = world.a
    day = last_weekday(4)
    for role in ("security", "compliance", "read_only", "governance_office"):
        user = a.users[role]
        assert login(user).post(POST, {"day": day.isoformat(), "conclusion": NOTE}).status_code == 403, role
        assert (
            rest(user).post(API, {"day": day.isoformat(), "conclusion": NOTE}, format="json").status_code
            == 403
        )
        assert 'id="no-queries-form"' not in login(user).get(PAGE).content.decode()
    for examiner in (world.reg_in, world.reg_out):
        assert login(examiner).post(POST, {"day": day.isoformat(), "conclusion": NOTE}).status_code == 403
        response = rest(examiner).post(API, {"day": day.isoformat(), "conclusion": NOTE}, format="json")
        assert response.status_code == 403
    assert not ReviewDay.objects.exists()
    # the administrator may, for the own institution only
    assert login(a.admin).post(POST, {"day": day.isoformat(), "conclusion": NOTE}).status_code == 302
    assert ReviewDay.objects.get().institution == a.inst
