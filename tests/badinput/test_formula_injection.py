"""Formula injection (issue 12 item 8): a value a user typed never comes out of an Excel export as a
formula. Each export is read back with openpyxl; the cell holding the hostile name must be text."""

import io

import pytest
from openpyxl import load_workbook

from appgov.compliance.evaluation import evaluate
from appgov.core import services as core_services
from appgov.core.spreadsheets import append_row, is_formula_like

HOSTILE = '=HYPERLINK("http://x",1)'


def cells_holding(workbook_bytes, text):
    wb = load_workbook(io.BytesIO(workbook_bytes))
    return [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value and text in str(c.value)
    ]


@pytest.fixture
def hostile_app(world):
    app = world.a.app
    core_services.update(app, world.a.admin, name=HOSTILE)
    for person in world.a.people.values():  # findings name their owner in a column of their own
        core_services.update(person, world.a.admin, name=HOSTILE)
    return app


def assert_text_only(workbook_bytes):
    cells = [c for c in cells_holding(workbook_bytes, "HYPERLINK") if is_formula_like(c.value)]
    assert cells, "the export does not hold the hostile value at the start of a cell"
    for cell in cells:
        assert cell.data_type == "s", (cell.coordinate, cell.data_type)
        assert cell.value.startswith(HOSTILE)


def test_ledger_export_writes_a_formula_like_name_as_text(hostile_app, world, login):
    response = login(world.a.admin).get("/ledger/export.xlsx")
    assert response.status_code == 200
    assert_text_only(response.content)


def test_exported_hostile_name_reimports_unchanged(hostile_app, world):
    from appgov.ledger import spreadsheet
    from appgov.ledger.models import MobileApp

    exported = spreadsheet.export_bytes(MobileApp.objects.filter(institution=world.a.inst))
    result = spreadsheet.import_ledger(exported, world.a.inst, world.a.admin, dry_run=True)
    assert result.created == 0 and result.updated == 0


def test_compliance_results_export_writes_a_formula_like_name_as_text(hostile_app, world, login):
    evaluate(world.a.inst)
    for user in (world.a.admin, world.reg_out):  # the institution's export and the regulator's
        params = {"institution": world.a.inst.pk} if user is world.reg_out else {}
        response = login(user).get("/compliance/results.xlsx", params)
        assert response.status_code == 200, user
        assert_text_only(response.content)


@pytest.mark.parametrize("write_only", [False, True], ids=["normal", "write-only"])
@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_every_trigger_character_is_written_as_text(value, write_only):
    from openpyxl import Workbook

    assert is_formula_like(value)
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet() if write_only else wb.active
    append_row(ws, [value, 5, -3, "plain"])
    buffer = io.BytesIO()
    wb.save(buffer)
    row = next(load_workbook(buffer).active.iter_rows())
    assert [c.data_type for c in row] == ["s", "n", "n", "s"]
    assert row[0].value == value or row[0].value == value.replace("\r", "\n")
