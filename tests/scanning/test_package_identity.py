"""Issue 11 item 6: only packages are accepted, a failed scan never shows where the file lies, and a package
of another app or version is a blocking finding on the version it was uploaded to."""

import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.engines.apkscan import scan_file
from appgov.ledger.models import AppVersion, MobileApp, Vulnerability
from appgov.scanning import package_identity, services
from appgov.scanning.gates import package_scans_clean
from appgov.scanning.models import Scan

APKSCAN_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan"
sys.path.insert(0, str(APKSCAN_TESTS))

TEXT = b"This is a text file, not an installation package.\n" * 20


@pytest.fixture(scope="session")
def sdk_apk(tmp_path_factory):
    from build_fixtures import build_all, missing_tools

    missing = missing_tools()
    if missing:
        pytest.fail(f"Debian tools missing for real APK fixtures: {missing} (scripts/install-system-deps.sh)")
    return build_all(tmp_path_factory.mktemp("apks"))["sdk_app"]


def _stored_packages(inst) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT, "packages", str(inst.pk)).rglob("*") if p.is_file()]


# ---------- non-packages are refused at upload ----------


def test_a_text_file_uploaded_as_an_apk_is_refused_by_api_and_page_and_nothing_is_stored(world, api, login):
    org = world.a
    version = org.version
    before = (version.package.name, version.package_sha256)
    files, entries, scans = _stored_packages(org.inst), ChangeLogEntry.objects.count(), Scan.objects.count()

    response = api(org.users["security"]).post(
        f"/api/ledger/versions/{version.pk}/package/",
        {"package": SimpleUploadedFile("notes.apk", TEXT)},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    message = " ".join(response.json()["errors"]["package"])
    assert "不是安装包" in message and "APK" in message, message

    page = login(org.users["security"]).post(
        f"/ledger/versions/{version.pk}/edit/",
        {
            "platform": "android",
            "version_name": version.version_name,
            "version_code": version.version_code,
            "support_status": version.support_status,
            "package_file": SimpleUploadedFile("notes.apk", TEXT),
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert page.status_code == 200
    assert "不是安装包" in page.content.decode()

    version.refresh_from_db()
    assert (version.package.name, version.package_sha256) == before
    assert _stored_packages(org.inst) == files
    assert ChangeLogEntry.objects.count() == entries
    assert Scan.objects.count() == scans


def test_mini_program_versions_take_wxapkg_or_zip_and_refuse_anything_else(world):
    from appgov.ledger import services as ledger

    org = world.a
    user = org.users["security"]
    version = core.save(AppVersion(app=org.app, platform="wechat", version_name="1.0.0"), user)
    # a whole package is read at upload (issue 21): real packages from the engine tests' builder
    from mp_packages import clean, zipped

    wxapkg = clean()
    ledger.attach_package(version, SimpleUploadedFile("__APP__.wxapkg", wxapkg), user)
    ledger.attach_package(version, SimpleUploadedFile("bundle.zip", zipped({"__APP__.wxapkg": wxapkg})), user)
    with pytest.raises(ValidationError) as refused:
        ledger.attach_package(version, SimpleUploadedFile("x.wxapkg", TEXT), user)
    assert "wxapkg" in " ".join(refused.value.message_dict["package"])
    ios = core.save(AppVersion(app=org.app, platform="ios", version_name="9.0"), user)
    with pytest.raises(ValidationError):
        ledger.attach_package(ios, SimpleUploadedFile("app.ipa", wxapkg), user)  # a mini-program is no IPA


# ---------- a failed scan never shows a server path ----------


def test_a_failed_scan_shows_a_translated_message_without_the_server_path(
    world, api, login, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    org = world.a
    broken = b"PK\x03\x04" + b"\x00" * 64  # a ZIP header, then nothing a ZIP reader can use
    with django_capture_on_commit_callbacks(execute=True):
        response = api(org.users["security"]).post(
            f"/api/ledger/versions/{org.version.pk}/package/",
            {"package": SimpleUploadedFile("broken.apk", broken)},
            format="multipart",
        )
    assert response.status_code == 200, response.content
    for row in DBTaskResult.objects.filter(task_path="appgov.scanning.tasks.run_scan", status="READY"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    scan = Scan.objects.filter(version=org.version).order_by("-id").first()
    assert scan.status == Scan.Status.FAILED
    media = str(settings.MEDIA_ROOT)
    org.version.refresh_from_db()
    assert media not in scan.error and org.version.package.name not in scan.error, scan.error
    assert "无法分析" in scan.error, scan.error  # stored in the site's language (zh-Hans)
    client = login(org.users["security"])
    for url in (f"/ledger/versions/{org.version.pk}/", f"/scanning/scans/{scan.pk}/"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        assert media not in page and "无法分析" in page, url
    assert media not in api(org.users["security"]).get(f"/api/scanning/scans/{scan.pk}/").content.decode()


# ---------- a package of another app or version is a blocking finding ----------


def _matching_app(org, **versions):
    user = org.admin
    app = core.save(
        MobileApp(
            institution=org.inst,
            code=f"{org.inst.pk}-DEMO",
            name="示例银行",
            kind="app",
            platforms=["android"],
            android_packages=["cn.example.bank.demo"],
        ),
        user,
    )
    return app, {
        key: core.save(AppVersion(app=app, platform="android", version_name=name, version_code=code), user)
        for key, (name, code) in versions.items()
    }


def _store(version, report, system):
    with system():
        scan = Scan.objects.create(version=version, package_sha256=version.package_sha256 or "0" * 64)
        services.store_report(scan, report)
    scan.refresh_from_db()
    return scan


def _identity_vulnerabilities(version):
    return Vulnerability.objects.filter(version=version, title__startswith=f"[{package_identity.CONTROL}]")


def test_the_right_package_adds_no_identity_finding(world, sdk_apk, system):
    app, versions = _matching_app(world.a, right=("3.2.1", 42))
    report = scan_file(str(sdk_apk))
    scan = _store(versions["right"], report, system)
    assert scan.high_findings == len([f for f in report["findings"] if f["severity"] in services.HIGH])
    assert not [f for f in scan.report["findings"] if f["rule"].startswith("PACKAGE_IDENTITY")]
    assert not _identity_vulnerabilities(versions["right"]).exists()


def test_another_apps_package_is_a_critical_finding_on_the_version(world, sdk_apk, system):
    org = world.a  # the world's version is cn.alpha.mobile 1.0.0 (100); the fixture is cn.example.bank.demo
    report = scan_file(str(sdk_apk))
    scan = _store(org.version, report, system)
    found = [f for f in scan.report["findings"] if f["rule"] == package_identity.RULE]
    assert len(found) == 1 and found[0]["severity"] == "critical"
    assert "cn.example.bank.demo" in found[0]["title"]["zh"] and "cn.alpha.mobile" in found[0]["title"]["zh"]
    assert "3.2.1" in found[0]["title"]["en"] and "1.0.0" in found[0]["title"]["en"]
    vulnerability = _identity_vulnerabilities(org.version).get()
    assert vulnerability.severity == "critical" and "不一致" in vulnerability.title
    assert scan.report["summary"]["findings_by_severity"]["critical"] >= 1


def test_a_wrong_version_of_the_right_app_is_a_critical_finding(world, sdk_apk, system):
    app, versions = _matching_app(world.a, older=("3.2.0", 41))
    scan = _store(versions["older"], scan_file(str(sdk_apk)), system)
    found = [f for f in scan.report["findings"] if f["rule"] == package_identity.RULE]
    assert len(found) == 1 and found[0]["severity"] == "critical"
    assert "3.2.1" in found[0]["title"]["zh"] and "3.2.0" in found[0]["title"]["zh"]
    assert "42" in found[0]["title"]["zh"] and "41" in found[0]["title"]["zh"]
    assert "cn.example.bank.demo，台账" not in found[0]["title"]["zh"]  # the id itself matched


def test_an_app_without_a_registered_package_id_cannot_be_verified(world, sdk_apk, system):
    app, versions = _matching_app(world.a, right=("3.2.1", 42))
    MobileApp.objects.filter(pk=app.pk).update(android_packages=[])
    versions["right"].refresh_from_db()
    scan = _store(versions["right"], scan_file(str(sdk_apk)), system)
    found = [f for f in scan.report["findings"] if f["rule"] == package_identity.UNVERIFIABLE_RULE]
    assert len(found) == 1 and found[0]["severity"] == "high" and "未登记" in found[0]["title"]["zh"]


def test_release_gate_fails_for_a_mismatched_package_and_passes_the_same_clean_package_on_its_version(
    world, sdk_apk, system
):
    from appgov.ledger import services as ledger

    org = world.a
    user = org.users["security"]
    app, versions = _matching_app(org, right=("3.2.1", 42))
    report = scan_file(str(sdk_apk))
    # the same package without its high findings (as a clean build of it would be)
    clean = {**report, "findings": [f for f in report["findings"] if f["severity"] not in services.HIGH]}
    right = ledger.attach_package(
        versions["right"], SimpleUploadedFile("demo.apk", sdk_apk.read_bytes()), user
    )
    _store(right, clean, system)
    assert package_scans_clean(app) is True

    other_app = org.app
    Scan.objects.filter(version__app=other_app).delete()
    _store(org.version, clean, system)  # the same clean package, uploaded to cn.alpha.mobile 1.0.0
    assert package_scans_clean(other_app) is False


def test_release_gate_fails_when_no_package_was_uploaded(world):
    app, versions = _matching_app(world.a, right=("3.2.1", 42))
    assert not versions["right"].package
    assert package_scans_clean(app) is False
    app_without_versions = core.save(
        MobileApp(institution=world.a.inst, code="A-NOVERSION", name="无版本应用", kind="app"), world.a.admin
    )
    assert package_scans_clean(app_without_versions) is False
