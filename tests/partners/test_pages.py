"""The register's pages, API and Excel import/export: what a user does, and what is refused."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from appgov.core import changelog
from appgov.partners import spreadsheet
from appgov.partners.models import AccessGrant, Party, Qualification

D = datetime.date


def test_pages_render_with_the_register(world, reg, login):
    party = reg.admit(reg.party("ALPHA页面公司"))
    reg.qualification(party, valid_until=datetime.date.today() + datetime.timedelta(days=10))
    reg.contract(party)
    reg.relation(party)
    reg.grant(party)
    client = login(world.a.office_user)
    index = client.get(reverse("partners:index"))
    assert index.status_code == 200 and "ALPHA页面公司" in index.content.decode()  # qualification expiring
    listing = client.get(reverse("partners:party-list"), {"state": "approved", "q": "页面"})
    assert "ALPHA页面公司" in listing.content.decode()
    assert (
        "ALPHA页面公司"
        not in client.get(reverse("partners:party-list"), {"state": "exited"}).content.decode()
    )
    page = client.get(party.get_absolute_url()).content.decode()
    for section in ("relations", "qualifications", "contracts", "assessments", "grants"):
        assert f'id="{section}"' in page
    assert 'data-move="start_exit"' in page


def test_edit_forms_save_unchanged_change_nothing(world, reg, login):
    from test_edit_roundtrip import browser_post_data

    party = reg.admit(reg.party())
    objects = {
        "partners:party-edit": party,
        "partners:qualification-edit": reg.qualification(
            party, valid_from=D(2025, 1, 1), valid_until=D(2027, 1, 1)
        ),
        "partners:contract-edit": reg.contract(party),
        "partners:relation-edit": reg.relation(party, started_on=D(2025, 3, 1)),
        "partners:grant-edit": reg.grant(party),
    }
    client = login(world.a.office_user)
    for name, obj in objects.items():
        before = changelog.snapshot(type(obj).objects.get(pk=obj.pk))
        url = reverse(name, args=[obj.pk])
        response = client.post(url, browser_post_data(client.get(url).content))
        assert response.status_code == 302, (name, response.content.decode()[:2000])
        assert changelog.snapshot(type(obj).objects.get(pk=obj.pk)) == before, name


def test_wrong_credit_code_is_a_form_error_naming_the_position(world, login):
    client = login(world.a.office_user)
    response = client.post(
        reverse("partners:party-add"),
        {"name": "ALPHA错码", "credit_code": "91440300708461136A", "kinds": ["cloud"], "risk_tier": "low"},
    )
    assert response.status_code == 200
    assert "第 18 位" in response.content.decode()
    assert not Party.objects.filter(name="ALPHA错码").exists()


def test_read_only_user_sees_but_may_not_edit(world, reg, login):
    party = reg.party()
    client = login(world.a.users["read_only"])
    assert client.get(party.get_absolute_url()).status_code == 200
    assert client.get(reverse("partners:party-edit", args=[party.pk])).status_code == 403


def test_api_create_refuses_a_wrong_code_and_moves_the_party(world, reg, api):
    client = api(world.a.office_user)
    bad = client.post(
        "/api/partners/parties/",
        {"name": "ALPHA API", "credit_code": "91440300708461136A", "kinds": ["cloud"]},
        format="json",
    )
    assert bad.status_code == 400 and "credit_code" in bad.json()["errors"]
    party = reg.party()
    refused = client.post(f"/api/partners/parties/{party.pk}/move/", {"to_state": "approved"}, format="json")
    assert refused.status_code == 400 and "admission due diligence" in str(refused.json())
    reg.admit(party)
    reg.contract(party)
    moved = client.post(
        f"/api/partners/parties/{party.pk}/move/", {"to_state": "under_contract"}, format="json"
    )
    assert moved.status_code == 200 and moved.json()["state"] == "under_contract"


def test_api_grant_revoke_and_no_delete(world, reg, api):
    grant = reg.grant(reg.party())
    client = api(world.a.office_user)
    assert client.delete(f"/api/partners/grants/{grant.pk}/").status_code == 400
    done = client.post(
        f"/api/partners/grants/{grant.pk}/revoke/", {"revoked_on": "2026-02-01"}, format="json"
    )
    assert done.status_code == 200 and done.json()["revoked_on"] == "2026-02-01"


def _register_workbook(rows_parties, rows_quals=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in ((spreadsheet.PARTIES, rows_parties), (spreadsheet.QUALIFICATIONS, rows_quals)):
        ws = wb.create_sheet(sheet.title)
        ws.append([c.header for c in sheet.columns])
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_register_import_is_all_or_nothing_with_row_and_column(world, reg):
    good = "91440300708461136T"
    data = _register_workbook(
        [
            [good, "ALPHA导入甲", "云服务/托管", "中", "", "", ""],
            ["91440300708461136A", "ALPHA导入乙", "外包开发", "高", "", "", ""],
        ],
        [[good, "金融许可证", "JR-1", "", "贷款/助贷、占卜", "", "2025-01-01", "2027-01-01"]],
    )
    with pytest.raises(spreadsheet.ImportRefused) as caught:
        spreadsheet.import_register(data, world.a.inst, world.a.office_user)
    problems = [str(p) for p in caught.value.result.problems]
    assert any("第三方名录 第 3 行「统一社会信用代码」" in p and "18" in p for p in problems), problems
    assert any("资质 第 2 行「许可业务」" in p and "占卜" in p for p in problems), problems
    assert not Party.objects.filter(name__startswith="ALPHA导入").exists()
    data = _register_workbook(
        [[good, "ALPHA导入甲", "云服务/托管", "中", "", "", ""]],
        [[good, "金融许可证", "JR-1", "", "贷款/助贷", "", "2025-01-01", "2027-01-01"]],
    )
    result = spreadsheet.import_register(data, world.a.inst, world.a.office_user)
    assert result.created == 2
    assert Qualification.objects.get(number="JR-1").businesses == ["loans"]


def test_register_export_reimports_unchanged(world, reg, login):
    party = reg.party("ALPHA往返公司", kinds=["cloud", "data_processor"])
    reg.qualification(party, valid_until=D(2027, 1, 1), businesses=["loans"])
    reg.contract(party)
    content = login(world.a.office_user).get(reverse("partners:party-export")).content
    result = spreadsheet.import_register(content, world.a.inst, world.a.office_user)
    assert (result.created, result.updated) == (0, 0) and result.unchanged == 3


def test_iam_csv_import_names_row_and_column(world, reg, login):
    party = reg.party()
    header = ",".join(c.header for c in spreadsheet.GRANTS.columns)
    bad = f"{header}\n{party.credit_code},王五,ops1,运维平台,维护,超级管理员,,,2026-01-01,2026-06-30\n"
    client = login(world.a.office_user)
    response = client.post(
        reverse("partners:grant-import"), {"file": SimpleUploadedFile("iam.csv", bad.encode())}
    )
    assert "第 2 行「权限级别」" in response.content.decode()
    assert not AccessGrant.objects.filter(account="ops1").exists()
    good = bad.replace("超级管理员", "管理员")
    response = client.post(
        reverse("partners:grant-import"), {"file": SimpleUploadedFile("iam.csv", good.encode())}
    )
    assert response.status_code == 302
    assert AccessGrant.objects.get(account="ops1").level == "admin"


def test_app_page_lists_the_apps_third_parties(world, reg, login):
    party = reg.party("ALPHA关系展示公司")
    reg.relation(party)
    page = (
        login(world.a.office_user).get(reverse("ledger:app-detail", args=[world.a.app.pk])).content.decode()
    )
    assert 'id="partner-relations"' in page and "ALPHA关系展示公司" in page
