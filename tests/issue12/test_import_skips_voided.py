"""Issue 12 item 1, the imports (core.imports): a voided row is a mistaken entry kept for the record. An import
whose key matches only a voided row adds a fresh live row beside it (the key's uniqueness holds among live rows)
instead of refusing to update the voided one, and a voided row is never taken as a reference. Shown on two
imports: the ledger workbook and the third-party register."""

import io

import openpyxl
import pytest

from appgov.core import services as core
from appgov.core.models import Person
from appgov.ledger import spreadsheet as ledger_sheet
from appgov.ledger.models import MobileApp
from appgov.partners import spreadsheet as register
from appgov.partners.models import Party, Qualification

GOOD = "91440300708461136T"


def _ledger_file(code, name, person_no=""):
    headers = [c.header for c in ledger_sheet.COLUMNS]
    row = {
        "应用编号": code,
        "应用名称": name,
        "应用类型": "APP",
        "服务对象": "外部客户",
        "运行平台": "安卓",
        "责任人工号": person_no,
        "生命周期状态": ledger_sheet.STATE_ZH["proposed"],
    }
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = ledger_sheet.SHEET
    ws.append(headers)
    ws.append([row.get(h, "") for h in headers])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_ledger_import_adds_a_fresh_app_where_the_code_is_only_voided(world):
    first = ledger_sheet.import_ledger(_ledger_file("VOID-APP-1", "误录应用"), world.a.inst, world.a.admin)
    assert first.created == 1
    mistaken = MobileApp.objects.get(institution=world.a.inst, code="VOID-APP-1")
    core.void(mistaken, world.a.admin, "编号录错")
    again = ledger_sheet.import_ledger(_ledger_file("VOID-APP-1", "正确应用"), world.a.inst, world.a.admin)
    assert (again.created, again.updated) == (1, 0)
    rows = MobileApp.objects.filter(institution=world.a.inst, code="VOID-APP-1").order_by("pk")
    assert [(a.name, a.voided_at is None) for a in rows] == [("误录应用", False), ("正确应用", True)]
    # the same file once more updates nothing: it matches the live app only
    assert (
        ledger_sheet.import_ledger(
            _ledger_file("VOID-APP-1", "正确应用"), world.a.inst, world.a.admin
        ).unchanged
        == 1
    )


def test_the_ledger_import_does_not_name_a_voided_person(world):
    person = core.save(Person(institution=world.a.inst, employee_no="P-VOIDED", name="误录员工"))
    core.void(person, world.a.admin, "工号录错")
    with pytest.raises(ledger_sheet.ImportRefused) as refused:
        ledger_sheet.import_ledger(
            _ledger_file("VOID-APP-2", "应用", "P-VOIDED"), world.a.inst, world.a.admin
        )
    assert any(p.column == "责任人工号" for p in refused.value.result.problems), refused.value.result.problems
    assert not MobileApp.objects.filter(code="VOID-APP-2").exists()


def _register_file(parties, quals=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in ((register.PARTIES, parties), (register.QUALIFICATIONS, quals)):
        ws = wb.create_sheet(sheet.title)
        ws.append([c.header for c in sheet.columns])
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_register_import_adds_fresh_rows_where_the_key_is_only_voided(world):
    party_row = [GOOD, "误录供应商", "云服务/托管", "中", "", "", ""]
    qual_row = [GOOD, "金融许可证", "JR-VOID", "", "贷款/助贷", "", "2025-01-01", "2027-01-01"]
    office = world.a.office_user
    assert (
        register.import_register(_register_file([party_row], [qual_row]), world.a.inst, office).created == 2
    )
    qualification = Qualification.objects.get(number="JR-VOID")
    core.void(qualification, office, "编号录错")
    # the party is matched (unchanged); the qualification, voided, is added afresh beside it
    again = register.import_register(_register_file([party_row], [qual_row]), world.a.inst, office)
    assert (again.created, again.updated, again.unchanged) == (1, 0, 1)
    rows = Qualification.objects.filter(number="JR-VOID").order_by("pk")
    assert [q.voided_at is None for q in rows] == [False, True]
    # a voided party: the same code makes a fresh party, and the file's qualification goes to the fresh one
    other = "91330000001000009"
    from appgov.partners.models.uscc import check_character

    other += check_character(other)
    register.import_register(
        _register_file([[other, "重复录入的供应商", "云服务/托管", "中", "", "", ""]]), world.a.inst, office
    )
    core.void(Party.objects.get(credit_code=other), office, "重复录入")
    result = register.import_register(
        _register_file(
            [[other, "正确的供应商", "云服务/托管", "中", "", "", ""]],
            [[other, "金融许可证", "JR-NEW", "", "贷款/助贷", "", "2025-01-01", "2027-01-01"]],
        ),
        world.a.inst,
        office,
    )
    assert (result.created, result.updated) == (2, 0)
    live = Party.objects.get(credit_code=other, voided_at__isnull=True)
    assert live.name == "正确的供应商" and Qualification.objects.get(number="JR-NEW").party == live
    assert Party.objects.filter(credit_code=other).count() == 2
