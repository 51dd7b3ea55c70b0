"""A governance-office user's day, in a real browser: log in, register an app, take it from proposed to
released (with a refused transition on the way), import a spreadsheet with an error, export the ledger."""

import io
import os

import openpyxl
import pytest

from appgov.core.models import Department, Institution, Person, RegulatorOffice
from appgov.core.roles import Role
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-test-pass-2026"
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")  # set to a folder to keep screenshots for a human look


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def office_user(db):
    office = RegulatorOffice.objects.create(code="BR-HQ", name="浏览器测试总局", level="headquarters")
    inst = Institution.objects.create(
        code="BR-BANK", name="浏览器测试城市商业银行", kind="bank", regulator_office=office
    )
    dept = Department.objects.create(institution=inst, code="RETAIL", name="零售金融部", kind="business")
    Person.objects.create(institution=inst, employee_no="E001", name="张敏", department=dept)
    user = User(username="br_office", role=Role.GOVERNANCE_OFFICE, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    return user


def login(page, username, password=PASSWORD):
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def test_register_app_and_release_it_through_the_gates(page, office_user):
    login(page, "br_office")
    assert page.locator("#stat-total").inner_text() == "0"
    page.wait_for_selector(
        "#charts-empty"
    )  # no apps yet: what to do instead of empty charts (issue 11 item 12)
    shot(page, "01-dashboard")

    page.click("nav a[href='/ledger/apps/']")
    page.click("#app-create")
    page.fill("#id_code", "TB-001")
    page.fill("#id_name", "测试手机银行")
    page.select_option("#id_kind", "app")
    page.check("input[name=platforms][value=android]")
    page.fill("#id_android_packages", "cn.testbank.mobile")
    page.select_option("#id_managing_department", label="零售金融部")
    page.select_option("#id_responsible_person", label="张敏")
    page.select_option("#id_data_owner_department", label="零售金融部")
    shot(page, "02-app-form")
    page.click("#form-submit")
    assert page.locator("#app-state").get_attribute("data-state") == "proposed"

    page.click("a[href='?tab=lifecycle']")
    # Admission needs an admission review record: refused, and the missing item is named.
    page.locator(".gate[data-to=admitted] button[type=submit]").click()
    alert = page.locator(".alert-danger").inner_text()
    assert "准入评审记录" in alert
    assert page.locator("#app-state").get_attribute("data-state") == "proposed"
    shot(page, "03-refused")

    def evidence(item_label, reference):
        page.select_option("#id_item", label=item_label)
        page.fill("#id_reference", reference)
        page.click("#evidence-submit")

    def move(to_state):
        page.locator(f".gate[data-to={to_state}] button[type=submit]").click()
        state = page.locator("#app-state").get_attribute("data-state")
        assert state == to_state, page.locator(".alert").all_inner_texts()

    evidence("准入评审记录", "准入评审会议纪要 2026-11")
    move("admitted")
    # Security and compliance evidence is recorded by those teams (the gate names the role; the office is
    # refused, tests/parity): their records are made here as their own pages would.
    _recorded_by_team("TB-001", Role.SECURITY, "security_requirements", "SEC-REQ-001")
    _recorded_by_team("TB-001", Role.COMPLIANCE, "compliance_requirements", "COMP-REQ-001")
    page.reload()
    move("in_development")
    _recorded_by_team("TB-001", Role.SECURITY, "design_review", "DR-2026-07")

    # Submitting for testing needs a registered version.
    page.locator(".gate[data-to=in_testing] button[type=submit]").click()
    assert "已登记至少一个版本" in page.locator(".alert-danger").inner_text()
    page.click("a[href='?tab=versions']")
    page.click("#version-create")
    page.select_option("#id_platform", "android")
    page.fill("#id_version_name", "1.0.0")
    page.fill("#id_version_code", "100")
    page.click("#form-submit")
    page.click("h1 a:has-text('测试手机银行')")
    page.click("a[href='?tab=lifecycle']")
    move("in_testing")

    _recorded_by_team("TB-001", Role.SECURITY, "test_report", "PT-2026-11-03")
    _recorded_by_team("TB-001", Role.COMPLIANCE, "compliance_review", "CR-2026-11")
    page.reload()
    page.locator(".gate[data-to=released] button[type=submit]").click()
    refused = page.locator(".alert-danger").inner_text()
    assert "APP备案号" in refused and "隐私政策" in refused and "已上传安装包" in refused
    assert (
        "发布档案完整" in refused and "版本 1.0.0" in refused
    )  # the risk module's release dossier (issue 18)
    _package_uploaded_and_scanned_clean("TB-001")
    _release_dossier_complete("TB-001")

    page.click("#app-edit")
    page.fill("#id_app_filing_no", "浙ICP备20000001号-1A")
    page.fill("#id_privacy_policy_url", "https://www.testbank.example.cn/privacy")
    page.fill("#id_complaint_channel", "客服热线 95000")
    page.click("#form-submit")
    page.click("a[href='?tab=lifecycle']")
    move("released")
    shot(page, "04-released")

    page.click("a[href='?tab=history']")
    page.wait_for_load_state()  # count() does not wait for the new page
    assert page.locator(".list-group-item").count() >= 5


def _recorded_by_team(app_code: str, role: str, item: str, reference: str) -> None:
    from appgov.ledger import services
    from appgov.ledger.models import MobileApp

    app = MobileApp.objects.get(code=app_code)
    user, _created = User.objects.get_or_create(
        username=f"br_{role}", defaults={"role": role, "institution_id": app.institution_id}
    )
    services.record_gate_evidence(app, item, reference, user)


def _release_dossier_complete(app_code: str) -> None:
    """The security team records the version's release dossier (its pages have their own tests in tests/risk)."""
    import datetime

    from appgov.ledger.models import AppVersion
    from appgov.risk import services

    version = AppVersion.objects.get(app__code=app_code)
    user, _created = User.objects.get_or_create(
        username="br_security", defaults={"role": Role.SECURITY, "institution_id": version.app.institution_id}
    )
    day = datetime.date.today()
    services.dossiers.create(
        user,
        {
            "version": version,
            "design_reviewed_on": day,
            "code_reviewed_on": day,
            "change_approval_ref": "CHG-BR-1",
            "change_approved_on": day,
            "compliance_reviewed_on": day,
            "security_tested_on": day,
            "security_tester": "安全测试组",
            "tested_authentication": True,
            "tested_logic": True,
            "security_test_result": "passed",
        },
    )


def _package_uploaded_and_scanned_clean(app_code: str) -> None:
    """The security team uploads the release package and the worker scans it clean (done here directly: the
    browser test runs no worker; the scan flow has its own tests in tests/scanning)."""
    import hashlib

    from django.core.files.base import ContentFile

    from appgov.ledger.models import AppVersion
    from appgov.scanning.models import Scan

    data = b"PK\x03\x04 release package of the browser test"
    version = AppVersion.objects.get(app__code=app_code)
    version.package.save("release.apk", ContentFile(data), save=False)
    version.package_sha256, version.package_size = hashlib.sha256(data).hexdigest(), len(data)
    version.save()
    Scan.objects.create(
        version=version, package_sha256=version.package_sha256, status="done", report={"findings": []}
    )


def _workbook_with_error() -> bytes:
    from appgov.ledger import spreadsheet

    wb = openpyxl.load_workbook(io.BytesIO(spreadsheet.template_bytes()))
    ws = wb[spreadsheet.SHEET]
    headers = [c.value for c in ws[1]]
    good = {
        "应用编号": "TB-101",
        "应用名称": "好的小程序",
        "应用类型": "小程序",
        "服务对象": "外部客户",
        "运行平台": "微信",
    }
    bad = {
        "应用编号": "TB-102",
        "应用名称": "坏的应用",
        "应用类型": "游戏",
        "服务对象": "外部客户",
        "等保测评日期": "去年",
    }
    for row in (good, bad):
        ws.append([row.get(h) for h in headers])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_import_with_an_error_then_export(page, office_user, tmp_path):
    login(page, "br_office")
    page.click("nav a[href='/ledger/import/']")
    upload = tmp_path / "ledger.xlsx"
    upload.write_bytes(_workbook_with_error())
    page.set_input_files("#id_file", str(upload))
    page.click("#import-submit")
    problems = page.locator("#import-problems")
    assert problems.get_attribute("data-count") == "2", problems.inner_text()
    rows = page.locator("#import-problems ~ table tbody tr").all_inner_texts()
    assert any("3" in r and "应用类型" in r and "游戏" in r for r in rows), rows
    assert any("等保测评日期" in r for r in rows), rows
    shot(page, "05-import-errors")
    # nothing was written, not even the good row
    page.click("nav a[href='/ledger/apps/']")
    assert page.locator("#result-count").inner_text() == "0"

    page.click("nav a[href='/ledger/import/']")
    with page.expect_download() as info:
        page.click("#export-ledger")
    download = info.value
    path = tmp_path / "export.xlsx"
    download.save_as(path)
    wb = openpyxl.load_workbook(path)
    assert wb.active.title == "应用台账"
    assert wb.active.cell(1, 1).value == "应用编号"
