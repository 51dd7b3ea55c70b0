"""Per-institution time zone (issue 11, missing item): an institution abroad (here New York, 12–13 hours behind
Beijing) sees its dates and times, and gets its "today", in its own zone: pages, API answers and the daily jobs
that work on its records. Other institutions stay on Asia/Shanghai."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from django.utils import timezone

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.core.zones import institution_time

NEW_YORK, SHANGHAI = ZoneInfo("America/New_York"), ZoneInfo("Asia/Shanghai")
# 20:00 UTC: already 04:00 the next day in Beijing, still 16:00 (EDT) the same day in New York
INSTANT = datetime.datetime(2026, 6, 10, 20, 0, tzinfo=datetime.UTC)


def move_to_new_york(world):
    core.institutions.update(world.a.inst, world.a.admin, {"time_zone": "America/New_York"})
    world.a.inst.refresh_from_db()
    return ChangeLogEntry.objects.filter(
        object_type="core.institution", object_id=str(world.a.inst.pk)
    ).latest("seq")


def test_the_default_zone_is_beijing_and_the_administrator_changes_it(world, login):
    assert world.a.inst.time_zone == "Asia/Shanghai" and world.b.inst.time_zone == "Asia/Shanghai"
    client = login(world.a.admin)
    form = client.get("/organisation/edit/").content.decode()
    assert 'value="Asia/Hong_Kong"' in form
    response = client.post(
        "/organisation/edit/",
        {
            "licensed_business_lines": "\n".join(world.a.inst.licensed_business_lines),
            "licensed_regions": "\n".join(world.a.inst.licensed_regions),
            "time_zone": "Asia/Hong_Kong",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    world.a.inst.refresh_from_db()
    assert world.a.inst.time_zone == "Asia/Hong_Kong"
    refused = client.post("/organisation/edit/", {"time_zone": "Mars/Olympus_Mons"})
    assert refused.status_code == 200
    world.a.inst.refresh_from_db()
    assert world.a.inst.time_zone == "Asia/Hong_Kong"


def test_pages_show_times_in_the_institutions_zone(world, login):
    entry = move_to_new_york(world)
    at_ny = entry.timestamp.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M")
    at_sh = entry.timestamp.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    page = login(world.a.admin).get("/organisation/").content.decode()
    assert at_ny in page and at_sh not in page
    # B stays on Beijing time; its pages are rendered in Beijing time in the same process
    core.institutions.update(world.b.inst, world.b.admin, {"planned_app_ceiling": 7})
    entry_b = ChangeLogEntry.objects.filter(
        object_type="core.institution", object_id=str(world.b.inst.pk)
    ).latest("seq")
    page_b = login(world.b.admin).get("/organisation/").content.decode()
    assert entry_b.timestamp.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") in page_b


def test_api_answers_carry_the_institutions_offset(world, api):
    move_to_new_york(world)
    rows = api(world.a.admin).get(f"/api/institutions/{world.a.inst.pk}/history/").json()
    assert rows and all(row["timestamp"].endswith(("-04:00", "-05:00")) for row in rows), rows[:1]
    rows_b = api(world.b.admin).get(f"/api/institutions/{world.b.inst.pk}/history/").json()
    assert rows_b and all(row["timestamp"].endswith("+08:00") for row in rows_b), rows_b[:1]


def test_today_is_the_institutions_today(world):
    move_to_new_york(world)
    with mock.patch("django.utils.timezone.now", return_value=INSTANT):
        assert timezone.localdate() == datetime.date(2026, 6, 11)  # Beijing
        with institution_time(world.a.inst):
            assert timezone.localdate() == datetime.date(2026, 6, 10)
        with institution_time(world.b.inst):
            assert timezone.localdate() == datetime.date(2026, 6, 11)


def test_a_date_input_refuses_the_future_of_the_institutions_zone(world):
    """A workflow date ("not in the future") judged on the institution's calendar: on 10 June in New York,
    11 June is tomorrow, although it is already 11 June in Beijing."""
    from appgov.core.workflow.inputs import _date
    from appgov.core.workflow.spec import Input

    move_to_new_york(world)
    spec = Input(name="on", kind="date", label=None, not_future=True)
    with mock.patch("django.utils.timezone.now", return_value=INSTANT):
        assert _date(spec, "2026-06-11") == datetime.date(2026, 6, 11)
        with institution_time(world.a.inst):
            try:
                _date(spec, "2026-06-11")
            except ValueError as exc:
                assert "future" in str(exc)
            else:
                raise AssertionError("11 June accepted in New York on 10 June")


def test_the_nightly_credit_run_takes_yesterday_of_each_institution(world):
    from appgov.credit import monitoring

    move_to_new_york(world)
    seen = {}

    def record(institution, day):
        seen[institution.pk] = day
        return None

    with (
        mock.patch("django.utils.timezone.now", return_value=INSTANT),
        mock.patch.object(monitoring, "_monitor_yesterday", side_effect=record),
    ):
        monitoring.run_daily_monitoring()
    assert seen[world.a.inst.pk] == datetime.date(2026, 6, 9)
    assert seen[world.b.inst.pk] == datetime.date(2026, 6, 10)
