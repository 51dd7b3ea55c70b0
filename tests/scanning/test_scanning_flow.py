"""Upload a real APK to a version, let the worker scan it, and see the results everywhere they matter:
the scan page, the SDK inventory, the version's vulnerabilities, the compliance results and the API."""

import sys
from pathlib import Path

import pytest

from appgov.compliance.evaluation import evaluate
from appgov.compliance.models import ControlResult
from appgov.ledger.models import Vulnerability
from appgov.scanning import services
from appgov.scanning.models import ReleaseCertificate, Scan, SdkAssessment, SdkUse

APKSCAN_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan"
sys.path.insert(0, str(APKSCAN_TESTS))


@pytest.fixture(scope="session")
def fixture_apks(tmp_path_factory):
    from build_fixtures import build_all, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail(f"Debian tools missing for real APK fixtures: {missing} (scripts/install-system-deps.sh)")
    return build_all(tmp_path_factory.mktemp("apks"))


def _upload(api, user, version, path):
    with open(path, "rb") as fh:
        return api(user).post(
            f"/api/ledger/versions/{version.pk}/package/", {"package": fh}, format="multipart"
        )


def _run_worker():
    """Do what the db_worker does with each queued task (the worker command itself closes the database
    connection, which the test transaction cannot survive on PostgreSQL)."""
    from django_tasks_db.models import DBTaskResult

    queued = list(DBTaskResult.objects.filter(task_path="appgov.scanning.tasks.run_scan", status="READY"))
    assert queued, "the upload queued no scan task"
    for row in queued:
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def test_upload_queues_a_scan_that_the_worker_runs(
    world, api, login, fixture_apks, django_capture_on_commit_callbacks
):
    org = world.a
    security = org.users["security"]
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(api, security, org.version, fixture_apks["sdk_app"])
    assert response.status_code == 200, response.content
    scan = Scan.objects.get(version=org.version, package_sha256=response.json()["package_sha256"])
    assert scan.status == Scan.Status.QUEUED
    _run_worker()
    scan.refresh_from_db()
    assert scan.status == Scan.Status.DONE, scan.error
    assert scan.report["app"]["id"]
    sdk_ids = set(SdkUse.objects.filter(scan=scan).values_list("sdk_id", flat=True))
    assert sdk_ids and sdk_ids == {s["id"] for s in scan.report["sdks"]}
    # High findings became the version's vulnerabilities (so the release gate and NFRA-08.2 see them).
    high = [f for f in scan.report["findings"] if f["severity"] in ("high", "critical")]
    scanned = Vulnerability.objects.filter(version=org.version, source=services.SCAN_SOURCE)
    assert scanned.count() == len({f"[{f['control']}] {f['title']['zh']}" for f in high})

    page = login(security).get(f"/scanning/scans/{scan.pk}/")
    assert page.status_code == 200
    assert scan.report["sdks"][0]["name"].encode() in page.content
    sbom = login(security).get(f"/scanning/scans/{scan.pk}/cyclonedx.json").json()
    assert sbom["bomFormat"] == "CycloneDX"
    # Another institution never sees the scan.
    assert login(world.b.admin).get(f"/scanning/scans/{scan.pk}/").status_code == 404
    assert api(world.b.admin).get(f"/api/scanning/scans/{scan.pk}/").status_code == 404


def test_scan_results_feed_compliance_and_registered_facts_change_them(world, fixture_apks, system):
    org = world.a
    with system():
        scan = Scan.objects.create(version=org.version, package_sha256="0" * 64)
        from appgov.engines.apkscan import scan_file

        report = scan_file(str(fixture_apks["sdk_app"]), services.options_for(org.version))
        services.store_report(scan, report)
    evaluate(org.inst)
    result = ControlResult.objects.get(
        institution=org.inst, control_id="NFRA-06.3", subject_type="app_version", subject_id=org.version.pk
    )
    assert result.outcome == "fail" and "SDK" in result.explanation_zh

    # The institution assesses every SDK found and registers its release certificate: rescan passes 06.3.
    with system():
        for sdk in report["sdks"]:
            SdkAssessment.objects.create(
                institution=org.inst,
                sdk_id=sdk["id"],
                assessed_on="2026-10-01",
                conclusion="approved",
                reference="SDK-ASSESS-1",
            )
        ReleaseCertificate.objects.create(app=org.app, sha256=report["signing"]["certificates"][0]["sha256"])
        rescan = Scan.objects.create(version=org.version, package_sha256="1" * 64)
        report2 = scan_file(str(fixture_apks["sdk_app"]), services.options_for(org.version))
        services.store_report(rescan, report2)
    assert report2["signing"]["matches_release_cert"] is True
    evaluate(org.inst)
    result.refresh_from_db()
    assert result.outcome == "pass", result.explanation_zh


def test_repackaged_build_is_flagged_against_the_release_certificate(world, fixture_apks, system):
    from appgov.engines.apkscan import scan_file

    org = world.a
    genuine = scan_file(str(fixture_apks["sdk_app"]))
    with system():
        ReleaseCertificate.objects.create(app=org.app, sha256=genuine["signing"]["certificates"][0]["sha256"])
        scan = Scan.objects.create(version=org.version, package_sha256="2" * 64)
        services.store_report(
            scan, scan_file(str(fixture_apks["sdk_app_other_key"]), services.options_for(org.version))
        )
    assert scan.report["signing"]["matches_release_cert"] is False
    evaluate(org.inst)
    result = ControlResult.objects.get(institution=org.inst, control_id="NFRA-12.4", subject_id=org.app.pk)
    assert result.outcome == "fail"


def test_a_package_that_cannot_be_analysed_ends_as_a_failed_scan(
    world, api, fixture_apks, django_capture_on_commit_callbacks, tmp_path
):
    org = world.a
    broken = tmp_path / "broken.apk"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(api, org.users["security"], org.version, broken)
    assert response.status_code == 200
    _run_worker()
    scan = Scan.objects.filter(version=org.version).order_by("-id").first()
    assert scan.status == Scan.Status.FAILED
    assert scan.error


def test_compare_reports():
    old = {
        "sdks": [{"id": "umeng"}],
        "permissions": [{"name": "A"}],
        "urls": [{"host": "a.cn"}],
        "signing": {"certificates": [{"sha256": "x"}]},
    }
    new = {
        "sdks": [{"id": "jpush"}],
        "permissions": [{"name": "A"}, {"name": "B"}],
        "urls": [],
        "signing": {"certificates": [{"sha256": "y"}]},
    }
    diff = services.compare(old, new)
    assert diff["sdks"] == {"added": ["jpush"], "removed": ["umeng"]}
    assert diff["permissions"] == {"added": ["B"], "removed": []}
    assert diff["hosts"] == {"added": [], "removed": ["a.cn"]}
    assert diff["certificate_changed"] is True


def test_release_gate_needs_every_uploaded_package_scanned_without_high_risks(world, system):
    from appgov.scanning.gates import package_scans_clean

    org = world.a
    version = org.version
    assert version.package, "the world's version has an uploaded package"
    Scan.objects.filter(version=version).delete()
    assert package_scans_clean(org.app) is False  # uploaded but never scanned
    with system():
        scan = Scan.objects.create(version=version, package_sha256=version.package_sha256)
    assert package_scans_clean(org.app) is False  # still queued
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.DONE, high_findings=2)
    assert package_scans_clean(org.app) is False  # finished with high risks
    Scan.objects.filter(pk=scan.pk).update(high_findings=0)
    assert package_scans_clean(org.app) is True
    Scan.objects.filter(pk=scan.pk).update(package_sha256="9" * 64)  # the scan was of another file
    assert package_scans_clean(org.app) is False
