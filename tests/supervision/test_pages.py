"""The office's pages: the dashboard and its Excel export show the jurisdiction only; the campaign and measure
edit forms round-trip (saved unchanged, nothing changes)."""

import io

import openpyxl
from django.test import Client
from django.urls import reverse
from second_factor import force_login
from test_edit_roundtrip import _roundtrip

from appgov.supervision import services


def test_the_dashboard_and_its_export_show_the_jurisdiction_only(world, campaign_b):
    client = force_login(Client(), world.reg_in)
    page = client.get(reverse("supervision:index"))
    assert page.status_code == 200
    names = [row[0] for row in page.context["tables"]["institutions"].rows]
    assert names == [world.b.inst.name]
    hq = force_login(Client(), world.reg_hq).get(reverse("supervision:index"))
    assert {row[0] for row in hq.context["tables"]["institutions"].rows} >= {
        world.a.inst.name,
        world.b.inst.name,
    }
    export = client.get(reverse("supervision:index"), {"export": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(export.content), read_only=True)
    assert len(book.worksheets) == len(page.context["tables"])
    cells = {str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v}
    assert world.b.inst.name in cells and world.a.inst.name not in cells
    one = client.get(reverse("supervision:index"), {"export": "xlsx", "table": "posture"})
    assert len(openpyxl.load_workbook(io.BytesIO(one.content), read_only=True).worksheets) == 1
    assert client.get(reverse("supervision:index"), {"export": "xlsx", "table": "nope"}).status_code == 404
    # an institution's user gets what was issued to it instead, and no office page
    bank = force_login(Client(), world.b.admin)
    assert bank.get(reverse("supervision:index")).status_code == 200
    assert bank.get(reverse("supervision:campaign-list")).status_code == 404


def test_campaign_and_measure_edits_round_trip(world, campaign_b, head_in):
    _roundtrip(
        force_login(Client(), world.reg_in),
        reverse("supervision:campaign-edit", args=[campaign_b.pk]),
        campaign_b,
    )
    measure = services.measures.create(
        head_in,
        {"institution": world.b.inst, "kind": "penalty", "decision_number": "罚决字〔2026〕7号",
         "taken_on": "2026-04-01", "summary": "处罚", "responsible_persons": [world.b.people["P001"]]},
    )  # fmt: skip
    _roundtrip(
        force_login(Client(), head_in), reverse("supervision:measure-edit", args=[measure.pk]), measure
    )
