"""Issue 11 (missing item): the scanner's evidence lines are shown in the reader's language: the engine's codes
rendered with gettext in the web layer; values found in the package (hosts, URLs, class names) stay as they
are; a scan stored before the codes existed shows its English lines."""

import re
import sys
from pathlib import Path

import pytest
from django.utils import translation

from appgov.engines.apkscan import ScanOptions, scan_file
from appgov.engines.apkscan.evidence import english
from appgov.scanning import evidence_text

APKSCAN_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan"
sys.path.insert(0, str(APKSCAN_TESTS))

# values as found in the package or a sub-analysis, shown as they are
SAME_IN_EVERY_LANGUAGE = {"raw"}
ENGLISH_WORD = re.compile(
    r"\b(?:no|found|matched|permitted|trusted|detected|version|certificate|classes|is|for)\b"
)


@pytest.fixture(scope="module")
def findings():
    import tempfile

    from build_fixtures import build_all, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail(f"Debian tools missing for real APK fixtures: {missing}")
    path = build_all(Path(tempfile.gettempdir()) / "appgov-apkscan-fixtures")["sdk_app"]
    options = ScanOptions(assessed_sdks=[], pi_inventory=[], release_certs=["00" * 32])
    return scan_file(str(path), options)["findings"]


def test_every_coded_line_reads_in_chinese(findings):
    checked = 0
    with translation.override("zh-hans"):
        for finding in findings:
            for fact, zh in zip(finding["facts"], evidence_text.lines(finding), strict=True):
                if fact["code"] in SAME_IN_EVERY_LANGUAGE:
                    continue
                checked += 1
                assert zh != english(fact), (fact, zh)
                words = ENGLISH_WORD.findall(re.sub(r"[\w.:/-]*[./_:][\w.:/-]*", "", zh))
                assert not words, (fact, zh, words)
    assert checked >= 8


def test_english_readers_get_english(findings):
    with translation.override("en"):
        lines = [line for f in findings for line in evidence_text.lines(f)]
    assert "no pin-set, pin hashes or pinning library found" in lines


def test_an_older_scan_without_codes_shows_its_lines():
    old = {"evidence": ["no signing certificate found"]}
    with translation.override("zh-hans"):
        assert evidence_text.lines(old) == ["no signing certificate found"]


def test_the_scan_page_shows_the_translated_evidence(world, login, system, findings):
    from appgov.core import services as core
    from appgov.ledger.models import AppVersion, MobileApp
    from appgov.scanning import services
    from appgov.scanning.models import Scan

    admin = world.a.admin
    app = core.save(
        MobileApp(
            institution=world.a.inst,
            code="A-DEMO",
            name="示例银行",
            kind="app",
            platforms=["android"],
            android_packages=["cn.example.bank.demo"],
        ),
        admin,
    )
    version = core.save(AppVersion(app=app, platform="android", version_name="3.2.1", version_code=42), admin)
    path = Path(__import__("tempfile").gettempdir()) / "appgov-apkscan-fixtures"
    from build_fixtures import build_all

    report = scan_file(str(build_all(path)["sdk_app"]))
    with system():
        scan = Scan.objects.create(version=version, package_sha256="0" * 64)
        services.store_report(scan, report)
    page = login(world.a.users["security"]).get(f"/scanning/scans/{scan.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = page.content.decode()
    assert page.status_code == 200
    assert "no pin-set, pin hashes or pinning library found" not in text
    assert "未发现证书锁定" in text
