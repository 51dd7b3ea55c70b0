"""The compatibility board in a real browser: the office opens the matrix (apps × OS releases), follows an
untested cell to its adaptation task, records a failed test on a device, and the board shows the cell failed."""

import datetime
import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOT = os.environ.get("APPGOV_SCREENSHOTS", "")


def open_as(browser, live_server, username, password):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60000)  # the shared test machine is loaded
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_matrix_cell_turns_failed_after_a_failed_test(browser, live_server, world, password):
    from appgov.operations import services
    from appgov.operations.models import AdaptationTask

    a, today = world.a, datetime.date.today()
    android = services.releases.create(
        None,
        {
            "institution": a.inst,
            "platform": "android",
            "version": "16",
            "api_level": 36,
            "ga_on": today,
            "source": "t",
        },
    )
    ios = services.releases.create(
        None,
        {
            "institution": a.inst,
            "platform": "ios",
            "version": "27",
            "ga_on": today + datetime.timedelta(days=60),
            "source": "t",
        },
    )
    services.ensure_tasks(a.inst)
    passed = AdaptationTask.objects.get(release=ios)
    services.results.create(
        None, {"task": passed, "device": "iPhone 16", "os_build": "27.0", "outcome": "passed"}
    )

    base = live_server.url
    page = open_as(browser, live_server, "alpha_governance_office", password)
    page.goto(f"{base}/operations/compatibility/")
    row = page.locator("tr", has_text="ALPHA手机银行")
    cells = row.locator("td.cell")
    assert [cells.nth(i).get_attribute("data-state") for i in range(cells.count())] == ["passed", "untested"]
    mini = page.locator("tr", has_text="ALPHA理财小程序").locator("td.cell")
    assert {mini.nth(i).get_attribute("data-state") for i in range(mini.count())} == {"not_applicable"}
    if SHOT:
        page.screenshot(path=os.path.join(SHOT, "compat-matrix-before.png"), full_page=True)

    cells.nth(1).locator("a").click()  # the Android 16 task
    page.wait_for_url(f"{base}/operations/adaptation/*/")
    page.get_by_role("link", name="登记测试结果").click()
    page.fill("#id_device", "Pixel 9")
    page.fill("#id_os_build", "16 (BP1A)")
    page.select_option("#id_outcome", "failed")
    page.click("main button.btn-primary[type=submit]")
    page.wait_for_url(f"{base}/operations/adaptation/*/")
    assert "Pixel 9" in page.content()

    page.goto(f"{base}/operations/compatibility/")
    cell = page.locator("tr", has_text="ALPHA手机银行").locator("td.cell").nth(1)
    assert cell.get_attribute("data-state") == "failed"
    assert "compat-failed" in cell.get_attribute("class")
    assert "失败 1" in page.locator("#compat-totals").inner_text()
    if SHOT:
        page.screenshot(path=os.path.join(SHOT, "compat-matrix-after.png"), full_page=True)
    assert android.tasks.get().results.get().outcome == "failed"
