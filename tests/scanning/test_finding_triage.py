"""Issue 15 item 11: a finding marked false positive or accepted (by security or an administrator, with a
reason, acceptances with an expiry) stays suppressed on the next version's scan, by fingerprint."""

import datetime
import sys
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.engines.apkscan import scan_file
from appgov.ledger.models import AppVersion, MobileApp, Vulnerability
from appgov.scanning import services, triage
from appgov.scanning.gates import package_scans_clean
from appgov.scanning.models import FindingDecision, Scan

APKSCAN_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan"
sys.path.insert(0, str(APKSCAN_TESTS))


@pytest.fixture(scope="session")
def sdk_report(tmp_path_factory):
    from build_fixtures import build_all, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail(f"Debian tools missing for real APK fixtures: {missing} (scripts/install-system-deps.sh)")
    path = build_all(tmp_path_factory.mktemp("apks"))["sdk_app"]
    return path, scan_file(str(path))


@pytest.fixture
def demo(world):
    """The app the fixture APK belongs to (cn.example.bank.demo), with versions 3.2.1 (42) and a later one."""
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
    first = core.save(AppVersion(app=app, platform="android", version_name="3.2.1", version_code=42), admin)
    return app, first


def _store(version, report, system, sha="0"):
    with system():
        scan = Scan.objects.create(version=version, package_sha256=sha * 64)
        services.store_report(scan, report)
    scan.refresh_from_db()
    return scan


def _high(report):
    return [f for f in report["findings"] if f["severity"] in services.HIGH]


def test_a_false_positive_is_suppressed_on_this_scan_and_inherited_by_the_next_version(
    world, demo, sdk_report, system, login
):
    app, first = demo
    _path, report = sdk_report
    scan = _store(first, report, system)
    highs = _high(report)
    assert scan.high_findings == len(highs) and highs
    target = highs[0]
    security = world.a.users["security"]

    decision = triage.decide_finding(
        scan, target["fingerprint"], "false_positive", "测试证书，仅内部构建", security
    )
    assert decision.decided_by == security and decision.rule == target["rule"]
    assert ChangeLogEntry.objects.filter(
        object_type="scanning.findingdecision", object_id=str(decision.pk)
    ).exists()
    scan.refresh_from_db()
    assert scan.high_findings == len(highs) - 1  # the stored count follows the decision

    page = login(security).get(f"/scanning/scans/{scan.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    suppressed_part = page.split('id="suppressed-findings"', 1)[1]
    assert target["title"]["en"] in suppressed_part and "测试证书，仅内部构建" in suppressed_part

    # the next version of the app, same problem, same fingerprint: suppressed without a new decision
    nxt = core.save(AppVersion(app=app, platform="android", version_name="3.2.1-hotfix"), world.a.admin)
    before = Vulnerability.objects.filter(version=nxt).count()
    rescan = _store(nxt, report, system, sha="1")
    active, suppressed = triage.split_findings(app, rescan.report["findings"])
    assert [f["fingerprint"] for f, _d in suppressed] == [target["fingerprint"]]
    titles = set(Vulnerability.objects.filter(version=nxt).values_list("title", flat=True))
    assert f"[{target['control']}] {target['title']['zh']}" not in titles
    assert Vulnerability.objects.filter(version=nxt).count() > before  # the other high findings still count


def test_an_acceptance_needs_an_expiry_and_stops_suppressing_after_it(world, demo, sdk_report, system):
    app, first = demo
    _path, report = sdk_report
    scan = _store(first, report, system)
    target = _high(report)[0]
    admin = world.a.admin
    with pytest.raises(ValidationError) as missing:
        triage.decide_finding(scan, target["fingerprint"], "accepted", "业务需要", admin)
    assert "expires_on" in missing.value.message_dict
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        triage.decide_finding(scan, target["fingerprint"], "accepted", "业务需要", admin, expires_on=today)
    with pytest.raises(ValidationError) as no_reason:
        triage.decide_finding(
            scan,
            target["fingerprint"],
            "accepted",
            "  ",
            admin,
            expires_on=today + datetime.timedelta(days=30),
        )
    assert "reason" in no_reason.value.message_dict
    triage.decide_finding(
        scan,
        target["fingerprint"],
        "accepted",
        "业务需要",
        admin,
        expires_on=today + datetime.timedelta(days=30),
    )
    assert FindingDecision.objects.filter(app=app).count() == 1
    _active, suppressed = triage.split_findings(app, report["findings"])
    assert len(suppressed) == 1
    later = today + datetime.timedelta(days=31)
    _active, suppressed = triage.split_findings(app, report["findings"], today=later)
    assert suppressed == []


def test_only_security_and_administrators_triage_and_only_fingerprinted_findings(
    world, demo, sdk_report, system
):
    app, first = demo
    _path, report = sdk_report
    scan = _store(first, report, system)
    target = _high(report)[0]
    for role in ("governance_office", "app_owner", "compliance", "read_only"):
        with pytest.raises(PermissionDenied):
            triage.decide_finding(scan, target["fingerprint"], "false_positive", "理由", world.a.users[role])
    with pytest.raises(PermissionDenied):
        triage.decide_finding(
            scan, target["fingerprint"], "false_positive", "理由", world.b.users["security"]
        )
    with pytest.raises(ValidationError):
        triage.decide_finding(scan, "", "false_positive", "理由", world.a.users["security"])
    with pytest.raises(ValidationError):
        triage.decide_finding(scan, "f" * 32, "false_positive", "理由", world.a.users["security"])
    assert not FindingDecision.objects.exists()


def test_the_release_gate_passes_once_every_high_finding_is_triaged(world, demo, sdk_report, system):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appgov.ledger import services as ledger

    app, first = demo
    path, report = sdk_report
    security = world.a.users["security"]
    first = ledger.attach_package(first, SimpleUploadedFile("demo.apk", path.read_bytes()), security)
    with system():
        scan = Scan.objects.create(version=first, package_sha256=first.package_sha256)
        services.store_report(scan, report)
    assert package_scans_clean(app) is False
    for finding in _high(report):
        triage.decide_finding(scan, finding["fingerprint"], "false_positive", "人工复核为误报", security)
    assert package_scans_clean(app) is True


def test_security_triages_from_the_scan_page_and_the_api(world, demo, sdk_report, system, login, api):
    app, first = demo
    _path, report = sdk_report
    scan = _store(first, report, system)
    one, two = _high(report)[:2]
    security = world.a.users["security"]
    response = login(security).post(
        f"/scanning/scans/{scan.pk}/triage/",
        {"fingerprint": one["fingerprint"], "decision": "false_positive", "reason": "复核为误报"},
    )
    assert response.status_code == 302
    until = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    body = {
        "fingerprint": two["fingerprint"],
        "decision": "accepted",
        "reason": "限期整改",
        "expires_on": until,
    }
    answer = api(security).post(f"/api/scanning/scans/{scan.pk}/triage/", body, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["expires_on"] == until
    decided = dict(FindingDecision.objects.filter(app=app).values_list("fingerprint", "decision"))
    assert decided == {one["fingerprint"]: "false_positive", two["fingerprint"]: "accepted"}
