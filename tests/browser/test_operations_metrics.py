"""Running figures in a real browser: the governance office uploads a CSV with a bad row (refused, naming the
line and column, nothing stored), then the corrected file, and sees the app's ECharts series drawn."""

import datetime
import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOT = os.environ.get("APPGOV_OPS_SCREENSHOT")  # where to keep the screenshot of the metrics page, if set


def open_as(browser, live_server, username, password):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60000)  # a loaded 2-core machine (load 15-20) takes more than 15 s for a page
    page.set_default_navigation_timeout(60000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _csv(code, today, bad=False):
    lines = ["app,day,metric,value,version,platform"]
    for n in range(120, 0, -1):
        day = today - datetime.timedelta(days=n)
        lines.append(f"{code},{day},dau,{50000 + (n % 7) * 900},,")
        lines.append(f"{code},{day},crash_rate,{0.2 + (n % 5) / 20:.2f},,")
        lines.append(f"{code},{day},availability,{99.9 - (n % 11) / 50:.3f},,")
    if bad:
        lines[5] = lines[5].replace("crash_rate,0", "crash_rate,abc")
    return "\n".join(lines) + "\n"


def test_upload_a_csv_and_see_the_charts(browser, live_server, world, password, tmp_path):
    from appgov.operations.models import DailyMetric

    base, today, code = live_server.url, datetime.date.today(), world.a.app.code
    office = open_as(browser, live_server, "alpha_governance_office", password)
    office.goto(f"{base}/operations/")
    office.click("#ops-pages a[href$='/operations/metrics/upload/']")
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(_csv(code, today, bad=True), encoding="utf-8")
    good.write_text(_csv(code, today), encoding="utf-8")

    office.set_input_files("input[type=file]", str(bad))
    office.click("#upload-submit")
    problems = office.locator("#problems").inner_text()
    assert "6" in problems  # the line of the bad value
    assert "value" in problems and "abc" in problems
    assert not DailyMetric.objects.exists()

    office.set_input_files("input[type=file]", str(good))
    office.click("#upload-submit")
    office.wait_for_url(f"{base}/operations/metrics/")
    assert DailyMetric.objects.filter(app=world.a.app).count() == 360
    office.click(f"#metrics-overview a:has-text('{world.a.app.name}')")
    office.wait_for_url(f"{base}/operations/metrics/apps/{world.a.app.pk}/")
    charts = office.locator(".metric-chart canvas")
    charts.first.wait_for()
    assert charts.count() == 3
    office.screenshot(path=SHOT or str(tmp_path / "metrics.png"), full_page=True)
    # the default year is drawn as weekly means; 90 days as daily figures
    assert "每周" in office.locator("#series-span").inner_text()
    office.click("a[href='?range=90d']")
    office.wait_for_url("**range=90d")
    assert "每日" in office.locator("#series-span").inner_text()
    assert office.locator(".metric-chart canvas").count() == 3
