"""Running figures in a real browser: the governance office uploads a CSV with a bad row (refused, naming the
line and column, nothing stored), then the corrected file, and sees the app's ECharts series drawn."""

import datetime
import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOT = os.environ.get("APPGOV_OPS_SCREENSHOT")  # where to keep the screenshot of the metrics page, if set


# In the page: for each chart, whether the canvas shows the line's colour around its last point (a weekly mean).
LINES_REACH_LAST_POINT = """() => {
  const els = [...document.querySelectorAll(".metric-chart")];
  return els.length === 3 && els.every(el => {
    const chart = echarts.getInstanceByDom(el);
    if (!chart) return false;
    const data = chart.getOption().series[0].data;
    let i = data.length - 1;
    while (i >= 0 && data[i] == null) i--;
    if (i < 1) return false;
    const [x, y] = chart.convertToPixel({seriesIndex: 0}, [i, data[i]]);
    const canvas = el.querySelector("canvas");
    const ratio = canvas.width / canvas.clientWidth;
    const size = Math.round(4 * ratio);
    const px = canvas.getContext("2d").getImageData(
      Math.round(x * ratio) - size, Math.round(y * ratio) - size, 2 * size, 2 * size).data;
    for (let k = 0; k < px.length; k += 4) {
      if (px[k + 3] > 100 && px[k + 2] > 180 && px[k] < 120) return true;  // #0d6efd, the line
    }
    return false;
  });
}"""
ANIMATED = """() => [...document.querySelectorAll(".metric-chart")].map(
  el => echarts.getInstanceByDom(el).getOption().animation)"""


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
    # every line is drawn to its last point at once (it used to grow from the left for a second or more, so a
    # page read or captured at once showed lines stopping early), and each chart says when it is drawn
    office.wait_for_function(LINES_REACH_LAST_POINT, timeout=3000)
    assert office.evaluate(ANIMATED) == [False, False, False]
    assert office.locator(".metric-chart[data-drawn='1']").count() == 3
    # the default year is drawn as weekly means; 90 days as daily figures
    assert "每周" in office.locator("#series-span").inner_text()
    office.click("a[href='?range=90d']")
    office.wait_for_url("**range=90d")
    assert "每日" in office.locator("#series-span").inner_text()
    assert office.locator(".metric-chart canvas").count() == 3
