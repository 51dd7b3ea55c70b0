"""The regulator's dashboard export carries times (an incident report's sent time): Excel cannot store a
time-zone-aware datetime, so every export writes it as the reader's local time instead of failing (a 500 on
`/supervision/?export=xlsx` as soon as one incident report had been sent, issue 12 items 7-8)."""

import datetime
import io

import openpyxl
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from second_factor import force_login

from appgov.core.spreadsheets import append_row


def test_the_office_dashboard_export_writes_a_sent_report_time(world):
    from appgov.risk import services
    from appgov.risk.models import RegulatorReport

    incident = services.incidents.create(
        world.b.users["security"],
        {
            "reference": "INC-X",
            "title": "核心系统中断",
            "kind": "outage",
            "detected_at": timezone.now() - datetime.timedelta(hours=3),
            "outage_minutes": 180,
            "customers_affected": 20000,
            "apps": [world.b.app],
        },
    )
    sent = timezone.now().replace(microsecond=0)
    RegulatorReport.objects.filter(incident=incident, stage="initial").update(
        sent_at=sent, sent_reference="R-1"
    )
    response = force_login(Client(), world.reg_in).get(reverse("supervision:index"), {"export": "xlsx"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row]
    assert timezone.localtime(sent).replace(tzinfo=None) in cells and "R-1" in cells


def test_an_aware_time_becomes_local_wall_time_in_any_sheet():
    aware = datetime.datetime(2026, 12, 5, 3, 0, tzinfo=datetime.UTC)
    for write_only in (True, False):
        book = openpyxl.Workbook(write_only=write_only)
        sheet = book.create_sheet("x") if write_only else book.active
        append_row(sheet, ["a", aware, datetime.time(9, 30, tzinfo=datetime.UTC)])
        buffer = io.BytesIO()
        book.save(buffer)
        row = next(openpyxl.load_workbook(buffer).worksheets[0].iter_rows(values_only=True))
        assert row[1] == timezone.localtime(aware).replace(tzinfo=None)
        assert row[2] == datetime.time(9, 30)
