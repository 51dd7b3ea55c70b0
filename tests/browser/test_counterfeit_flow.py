"""A counterfeit case from feed to report, in a real browser: the security officer uploads a store feed (a ZIP
with its icons), the feed is screened, the officer confirms the counterfeit and follows its takedown; the
compliance officer records the public clarification and the report to the regulator; the examiner of the
institution's jurisdiction reads the case without any form; another institution gets 404."""

import datetime
import io
import json
import os
import re
import zipfile

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")  # set to a folder to keep screenshots for a human look


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"cf-{name}.png"), full_page=True)


def _icon() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _feed_zip() -> bytes:
    rows = [
        {
            "listing_id": "S-OFFICIAL",
            "source": "华为应用市场",
            "name": "ALPHA手机银行",
            "package_id": "cn.alpha.mobile",
            "developer": "ALPHA金融机构",
            "cert_sha256": "a" * 64,
        },
        {
            "listing_id": "S-FAKE",
            "source": "某安卓市场",
            "name": "ALPHA手机银行极速版",
            "package_id": "com.fake.alphabank",
            "developer": "某某科技",
            "icon": "icons/fake.png",
            "url": "https://fake.example.cn/alpha",
        },
        {
            "listing_id": "S-WEATHER",
            "source": "某安卓市场",
            "name": "天气预报",
            "package_id": "com.weather.app",
        },
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("feed.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
        archive.writestr("icons/fake.png", _icon())
    return out.getvalue()


@pytest.fixture
def monitored(world, settings):
    """A's release certificate and brand profile; sweeps run at once (no worker in the test)."""
    from appgov.core.context import acting_as
    from appgov.counterfeit import services
    from appgov.scanning.models import ReleaseCertificate

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "long"],
        }
    }
    with acting_as(None, prefix="job-test"):
        ReleaseCertificate.objects.create(app=world.a.app, sha256="a" * 64, label="release")
        services.save_brand_profile(world.a.inst, brand_keywords=["ALPHA"], developers=["ALPHA金融机构"])
    return world


def open_as(browser, live_server, username, password):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/account/two-factor/" in page.url:  # administrators and examiners set up their second factor first
        from second_factor import enrol_in_browser

        enrol_in_browser(page)
    page.wait_for_url(f"{live_server.url}/")
    return page


def move(page, to_state, **fields):
    form = page.locator("#move-form")
    form.locator("select[name=to_state]").select_option(to_state)
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button").click()
    state = page.locator("#case-state").get_attribute("data-state")
    assert state == to_state, page.locator(".alert").all_inner_texts()


def test_feed_to_takedown_clarification_and_report(browser, live_server, monitored, password, tmp_path):
    world = monitored
    base = live_server.url
    today = datetime.date.today().isoformat()

    security = open_as(browser, live_server, "alpha_security", password)
    security.goto(f"{base}/counterfeit/feeds/")
    upload = tmp_path / "store-crawl.zip"
    upload.write_bytes(_feed_zip())
    security.fill("#feed-upload input[name=label]", "某安卓市场周度爬取")
    security.set_input_files("#feed-file", str(upload))
    security.click("#feed-upload button")
    message = security.locator(".alert-success").inner_text()
    assert "3" in message, message
    row = security.locator("#feeds tbody tr").first.inner_text()
    assert "某安卓市场周度爬取" in row and re.search(r"\b1\b", row.split("\t")[-1]), row  # one icon hashed
    shot(security, "01-feed")

    # the feed was screened (the sweep task ran): one case, the counterfeit; the official listing is none
    security.goto(f"{base}/counterfeit/cases/")
    rows = security.locator("#cases tbody tr")
    assert rows.count() == 1, rows.all_inner_texts()
    assert "com.fake.alphabank" in rows.first.inner_text()
    shot(security, "02-cases")
    rows.first.locator("a").click()
    assert security.locator("#case-state").get_attribute("data-state") == "new"
    assert "ALPHA手机银行" in security.locator("#explanation").inner_text()
    case_url = security.url
    # the icon the ZIP carried is shown (loaded through the scoped icon view)
    # the icon is fetched after the page's load event may have fired: wait for it (a broken image never completes
    # with a width, so the wait fails with the timeout instead)
    security.wait_for_function(
        "() => { const img = document.querySelector('#listing-icon'); return img && img.complete && img.naturalWidth > 0 }"
    )
    assert security.locator("#listing-icon").evaluate("img => img.naturalWidth") == 64
    shot(security, "03-case-new")

    # a takedown without its reference is refused with the reason, the case stays confirmed
    move(security, "confirmed_counterfeit", note="仿冒我行手机银行，诱导下载")
    security.locator("#move-form select[name=to_state]").select_option("takedown_requested")
    security.locator("#move-form button").click()
    assert "下架申请编号" in security.locator(".alert-danger").inner_text()
    assert security.locator("#case-state").get_attribute("data-state") == "confirmed_counterfeit"
    move(security, "takedown_requested", on=today, platform="某安卓市场", reference="TD-2026-0042")
    move(security, "taken_down", on=today)
    takedown = security.locator("dd", has_text="TD-2026-0042").inner_text()
    assert "某安卓市场" in takedown and today in takedown
    # the security officer does not speak for the institution: no clarification or report form
    assert security.locator("form[action$='/clarifications/']").count() == 0
    history = security.locator("#case-history").inner_text()
    assert "已下架" in history and "taken_down" not in history  # states by their names, not codes
    shot(security, "04-taken-down")

    compliance = open_as(browser, live_server, "alpha_compliance", password)
    compliance.goto(case_url)
    assert compliance.locator("#move-form").count() == 0
    clarify = compliance.locator("form[action$='/clarifications/']")
    clarify.locator("[name=published_on]").fill(today)
    clarify.locator("[name=channel]").fill("官方网站公告")
    clarify.locator("[name=link]").fill("https://alpha.example.cn/notice/2026-42")
    clarify.locator("button").click()
    assert "官方网站公告" in compliance.locator("#clarifications").inner_text()
    report = compliance.locator("form[action$='/report/']")
    report.locator("[name=reported_on]").fill(today)
    report.locator("[name=reference]").fill("ALPHA〔2026〕42号")
    report.locator("[name=summary]").fill("发现仿冒我行手机银行一款，已下架并公开澄清。")
    report.locator("button").click()
    reported = compliance.locator("#regulator-report").inner_text()
    assert "ALPHA〔2026〕42号" in reported and world.a.office.name in reported
    shot(compliance, "05-reported")

    # the examiner of A's jurisdiction (the provincial office above A's sub-office) reads it, read-only
    examiner = open_as(browser, live_server, "reg_out", password)
    response = examiner.goto(case_url)
    assert response.status == 200
    assert examiner.locator("#case-state").get_attribute("data-state") == "taken_down"
    assert "ALPHA〔2026〕42号" in examiner.locator("#regulator-report").inner_text()
    assert "官方网站公告" in examiner.locator("#clarifications").inner_text()
    assert examiner.locator("main form[method=post], #move-form").count() == 0
    shot(examiner, "06-examiner")

    # another institution: the case does not exist for it, nor in its list
    other = open_as(browser, live_server, "zqx_administrator", password)
    assert other.goto(case_url).status == 404
    other.goto(f"{base}/counterfeit/cases/")
    assert "com.fake.alphabank" not in other.locator("#cases").inner_text()
    for page in (security, compliance, examiner, other):
        page.context.close()
