"""Issue 21 in a real browser: the security officer uploads a damaged .wxapkg on a mini-program version and is
told what is wrong (nothing stored); then uploads the mini-program's packages, the worker scans them at once
(immediate task backend), and the scan page shows the mini-program's findings, plugins and privacy
interfaces in Chinese; the SDK inventory lists the plugins."""

import os
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scanning"))

from mp_packages import APPID, bank, hostile, zipped  # noqa: E402


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"mp-{name}.png"), full_page=True)


@pytest.fixture
def mini_program_version(world, settings):
    from appgov.core import services as core
    from appgov.core.context import acting_as
    from appgov.ledger.models import AppVersion

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "long"],
        }
    }
    with acting_as(None, prefix="job-test"):
        app = core.update(world.a.app2, None, mini_program_appids=[APPID])
        return core.save(AppVersion(app=app, platform="wechat", version_name="2.3.0"))


def open_as(browser, live_server, username, password):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def test_upload_a_mini_program_package_and_read_its_scan(
    browser, live_server, mini_program_version, password, tmp_path
):
    from appgov.scanning.models import Scan

    version = mini_program_version
    base = live_server.url
    page = open_as(browser, live_server, "alpha_security", password)
    page.goto(f"{base}/ledger/versions/{version.pk}/")
    upload = page.locator("#package-upload input[name=package]")
    assert upload.get_attribute("accept") == ".wxapkg,.zip"

    # a package whose index names a file outside the package root: refused with the reason, nothing kept
    bad = tmp_path / "__APP__.wxapkg"
    bad.write_bytes(hostile()["traversal"])
    upload.set_input_files(str(bad))
    page.click("#package-upload-submit")
    alert = page.locator(".alert-danger").inner_text()
    assert "小程序代码包已损坏或不安全，未予保存" in alert and "path traversal" in alert, alert
    version.refresh_from_db()
    assert not version.package and not Scan.objects.filter(version=version).exists()
    shot(page, "01-refused")

    # the main package and its sub-package in one ZIP: stored, scanned by the worker at once
    good = tmp_path / "bank_demo.zip"
    good.write_bytes(zipped(bank()))
    page.locator("#package-upload input[name=package]").set_input_files(str(good))
    page.click("#package-upload-submit")
    assert "安装包已上传" in page.locator(".alert-success").inner_text()
    scan = Scan.objects.get(version=version)
    assert scan.status == Scan.Status.DONE, scan.error
    page.click(f"a[href='/scanning/scans/{scan.pk}/']")
    page.wait_for_url(f"{base}/scanning/scans/{scan.pk}/")
    shot(page, "02-scan")
    assert page.locator("#scan-status").get_attribute("data-status") == "done"
    text = page.inner_text("body")
    for zh in (
        "调用地理位置等接口但未在 requiredPrivateInfos 中声明",  # NFRA-16.1
        "web-view 加载由页面参数传入的任意地址",  # NFRA-07.4
        "硬编码密钥",  # the AppSecret in the code
        "使用第三方小程序插件",  # NFRA-06.3
        "小程序代码包未包含 AppID",  # identity: the ledger's AppID was not shown by the package
    ):
        assert zh in text, zh
    assert "wx76a9a06e5b4e693e" in page.locator("#mp-plugins").inner_text()
    privacy = page.locator("#mp-privacy").inner_text()
    assert "wx.chooseAddress" in privacy and "未在 requiredPrivateInfos 中声明" in privacy
    assert "无法从代码包判断" in page.locator("#mp-not-judged").inner_text()

    page.goto(f"{base}/scanning/sdks/")
    inventory = page.locator("tr[data-sdk=mp_plugin_wx76a9a06e5b4e693e]").inner_text()
    assert "小程序插件" in inventory
    shot(page, "03-sdks")
