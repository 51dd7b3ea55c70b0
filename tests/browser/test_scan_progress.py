"""Issue 11 item 11: a rescan does not stay 排队中 until a manual reload. The page polls the scan's state
(HTMX, every 2 s) and shows queued → running → done as the worker moves it, then reloads itself to show the
results. Browser test against the live server, the worker's moves made through the scan service's writes."""

import pytest

from appgov.core import services as core
from appgov.core.models import Department, Institution, RegulatorOffice
from appgov.core.roles import Role
from appgov.ledger.models import AppVersion, MobileApp
from appgov.scanning.models import Scan
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-scan-pass-2026"


@pytest.fixture
def queued_scan(db):
    office = RegulatorOffice.objects.create(code="SP-HQ", name="进度测试总局", level="headquarters")
    inst = Institution.objects.create(
        code="SP-BANK", name="进度测试银行", kind="bank", regulator_office=office
    )
    dept = Department.objects.create(institution=inst, code="OFFICE", name="科技部", kind="business")
    user = User(username="sp_security", role=Role.SECURITY, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    app = core.save(
        MobileApp(institution=inst, code="SP-1", name="进度银行", kind="app", platforms=["android"])
    )
    version = core.save(AppVersion(app=app, platform="android", version_name="1.0.0"))
    return core.save(Scan(version=version, package_sha256="0" * 64, requested_by=user))


def test_the_page_follows_the_scan_without_a_reload(page, queued_scan):
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", "sp_security")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")
    page.goto(f"{page.base_url}/scanning/scans/{queued_scan.pk}/")
    badge = page.locator(f"#scan-status-{queued_scan.pk}")
    assert badge.get_attribute("data-status") == "queued" and "排队中" in badge.inner_text()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    core.update(queued_scan, None, status=Scan.Status.RUNNING)  # the worker takes it
    page.wait_for_selector(f"#scan-status-{queued_scan.pk}[data-status=running]", timeout=15000)
    assert navigations == []  # shown by polling, not by a reload
    assert "进行中" in page.locator(f"#scan-status-{queued_scan.pk}").inner_text()

    core.update(Scan.objects.get(pk=queued_scan.pk), None, status=Scan.Status.DONE, report={"findings": []})
    page.wait_for_selector(f"#scan-status-{queued_scan.pk}[data-status=done]", timeout=15000)
    page.wait_for_load_state()
    assert "已完成" in page.locator(f"#scan-status-{queued_scan.pk}").inner_text() or "完成" in page.content()
