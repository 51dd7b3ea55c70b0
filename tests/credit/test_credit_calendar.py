"""The working calendar: what reaches the engine, the nightly Q07 on holidays and 调休 days, the import."""

import datetime
import io

import pytest
from conftest import events_csv
from django.core.exceptions import ValidationError

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.credit import ingestion, monitoring, workcalendar
from appgov.credit.models import Alert, CalendarDay, WorkingHours

D = datetime.date
T = datetime.time


def _query(event_id, when):
    # 贷后管理 at the counter by a valid account: Q07 applies (本人查询 would be exempt)
    return (
        event_id,
        when,
        "OP100",
        "BR01",
        "S-7",
        "贷后管理",
        "counter",
        None,
        "T1",
        "10.0.0.1",
        None,
        "personal",
    )


def _q07(event_id):
    return [a for a in Alert.objects.filter(rule_id="Q07") if event_id in a.event_ids]


def test_nightly_run_flags_a_registered_holiday_but_not_a_make_up_working_day(credit):
    inst, officer = credit["inst"], credit["officer"]
    result = workcalendar.load_prc_holidays(inst, officer)
    assert result.created == 39  # 33 days off and 6 调休 working days in 2026
    makeup = CalendarDay.objects.get(institution=inst, date=D(2026, 2, 14))
    assert makeup.is_workday and (makeup.work_start, makeup.work_end) == (T(8, 30), T(17, 30))
    rows = [
        _query("H1", "2026-04-06 10:00:00"),  # 清明节, a Monday
        _query("W1", "2026-04-07 10:00:00"),  # an ordinary Tuesday
        _query("M1", "2026-02-14 10:00:00"),  # 春节调休上班, a Saturday
        _query("S1", "2026-03-07 10:00:00"),  # an ordinary Saturday, not in the calendar
    ]
    ingestion.ingest(inst, "log.csv", events_csv(rows), actor=officer)
    for day in (D(2026, 4, 6), D(2026, 4, 7), D(2026, 2, 14), D(2026, 3, 7)):
        assert "monitored" in monitoring.run_daily_monitoring(today=day + datetime.timedelta(days=1))
    (holiday,) = _q07("H1")
    assert holiday.reason == "non_working_day" and "清明节" in holiday.explanation
    assert not _q07("W1")
    assert not _q07("M1")  # a Saturday, but a registered working day
    assert _q07("S1")[0].reason == "non_working_day"  # the same Saturday query without an entry alerts


def test_export_resolves_branch_and_institution_hours_and_exceptions(credit):
    inst, officer, branch = credit["inst"], credit["officer"], credit["branch"]
    for weekday in range(1, 8):
        workday = weekday <= 5
        workcalendar.save_hours(
            WorkingHours(
                institution=inst,
                weekday=weekday,
                is_workday=workday,
                work_start=T(9) if workday else None,
                work_end=T(17) if workday else None,
            ),
            officer,
        )
    # the branch also opens on Saturdays
    workcalendar.save_hours(
        WorkingHours(institution=inst, branch=branch, weekday=6, work_start=T(9), work_end=T(12)), officer
    )
    workcalendar.save_day(CalendarDay(institution=inst, date=D(2026, 4, 4), name="清明节"), officer)
    workcalendar.save_day(
        CalendarDay(institution=inst, date=D(2026, 4, 8), branch=branch, is_workday=False, name="网点装修"),
        officer,
    )
    rows = workcalendar.engine_rows(inst, D(2026, 4, 3), D(2026, 4, 8))
    by_key = {(r["date"], r["branch_id"]): r for r in rows}
    assert by_key[("2026-04-03", None)]["work_start"] == "09:00"  # Friday, the institution's week
    assert ("2026-04-03", "BR01") not in by_key  # the branch has no Friday row of its own
    assert by_key[("2026-04-04", None)]["is_workday"] == "false"  # the holiday for everyone...
    assert ("2026-04-04", "BR01") not in by_key  # ...beats the branch's Saturday hours
    assert by_key[("2026-04-05", None)]["is_workday"] == "false"  # an ordinary Sunday
    assert by_key[("2026-04-08", "BR01")]["is_workday"] == "false"  # the branch's own closure
    assert by_key[("2026-04-08", None)]["is_workday"] == "true"
    rows = workcalendar.engine_rows(inst, D(2026, 4, 11), D(2026, 4, 11))
    assert {(r["branch_id"], r["is_workday"], r["work_end"]) for r in rows} == {
        (None, "false", None),
        ("BR01", "true", "12:00"),
    }
    # the rows pass the engine's own input checks (as monitoring exports them)
    table = monitoring._table("calendar", workcalendar.engine_rows(inst, D(2026, 4, 1), D(2026, 4, 30)))
    assert table.num_rows == 30 + 4  # every date for everyone, plus four branch Saturdays + the closure
    assert ChangeLogEntry.objects.filter(object_type="credit.calendarday").count() == 2


def test_hours_are_checked(credit):
    inst, officer = credit["inst"], credit["officer"]
    with pytest.raises(ValidationError) as info:
        workcalendar.save_hours(
            WorkingHours(institution=inst, weekday=1, work_start=T(17), work_end=T(9)), officer
        )
    assert "work_end" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        workcalendar.save_day(
            CalendarDay(institution=inst, date=D(2026, 5, 1), is_workday=True, work_start=T(9)), officer
        )
    assert "work_end" in info.value.message_dict
    workcalendar.save_day(CalendarDay(institution=inst, date=D(2026, 5, 1)), officer)
    with pytest.raises(ValidationError, match="already has an entry"):
        workcalendar.save_day(CalendarDay(institution=inst, date=D(2026, 5, 1)), officer)


def test_import_is_all_or_nothing_and_names_each_bad_row(credit):
    inst, officer = credit["inst"], credit["officer"]
    data = (
        "日期,是否工作日,上班时间,下班时间,名称,网点\n"
        "2026-10-01,放假,,,国庆节,\n"
        "2026-10-02,maybe,,,国庆节,\n"
        "2026-10-32,否,,,国庆节,\n"
        "2026-10-10,上班,09:00,08:00,调休,\n"
        "2026-10-11,是,09:00,17:00,,NOPE\n"
        "2026-10-01,否,,,重复,\n"
    ).encode()
    with pytest.raises(ValidationError) as info:
        workcalendar.import_calendar(inst, "2026.csv", data, officer)
    text = "\n".join(info.value.messages)
    assert "2026.csv, line 3, column 'is_workday'" in text
    assert "line 4, column 'date'" in text
    assert "line 5, column 'work_end'" in text
    assert "line 6, column 'branch'" in text and "NOPE" in text
    assert "line 7, column 'date'" in text and "line 2" in text
    assert not CalendarDay.objects.exists()
    with pytest.raises(ValidationError, match="missing column"):
        workcalendar.import_calendar(inst, "x.csv", b"day,flag\n2026-01-01,1\n", officer)
    with pytest.raises(ValidationError, match=".csv or .xlsx"):
        workcalendar.import_calendar(inst, "x.txt", b"date,is_workday\n", officer)


def test_xlsx_import_and_reimport_updates_in_place(credit):
    from openpyxl import Workbook

    inst, officer, branch = credit["inst"], credit["officer"], credit["branch"]
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "is_workday", "work_start", "work_end", "name", "branch"])
    sheet.append([datetime.datetime(2026, 6, 19), "false", None, None, "端午节", None])
    sheet.append([D(2026, 6, 20), "true", T(9), T(12), "网点值班", "BR01"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = workcalendar.import_calendar(inst, "dw.xlsx", buffer.getvalue(), officer)
    assert (result.created, result.updated) == (2, 0)
    duty = CalendarDay.objects.get(branch=branch)
    assert duty.is_workday and duty.work_end == T(12)
    again = workcalendar.import_calendar(inst, "dw.xlsx", buffer.getvalue(), officer)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    csv = b"date,is_workday,name\n2026-06-19,true,\xe6\x94\xb9\n"
    changed = workcalendar.import_calendar(inst, "fix.csv", csv, officer)
    assert changed.updated == 1
    fixed = CalendarDay.objects.get(date=D(2026, 6, 19))
    assert fixed.is_workday and fixed.work_start == T(8, 30)


def test_calendar_of_another_institution_is_not_exported(credit, world):
    workcalendar.load_prc_holidays(world.b.inst, None)
    assert workcalendar.engine_rows(credit["inst"], D(2026, 10, 1), D(2026, 10, 7)) == []
    core.save(CalendarDay(institution=credit["inst"], date=D(2026, 10, 3), name="x"))
    assert len(workcalendar.engine_rows(credit["inst"], D(2026, 10, 1), D(2026, 10, 7))) == 1


def test_overview_warns_when_this_year_has_no_holidays(world, login):
    from django.utils import timezone

    from appgov.credit.models import CalendarDay

    client = login(world.a.admin)
    CalendarDay.objects.filter(institution=world.a.inst).delete()
    assert 'id="no-holidays"' in client.get("/credit/").content.decode()
    CalendarDay.objects.create(
        institution=world.a.inst, date=timezone.localdate(), is_workday=False, name="假日"
    )
    assert 'id="no-holidays"' not in client.get("/credit/").content.decode()
