"""Issue 21 item 3: a mini-program version (ledger kind 小程序, platform WeChat) takes a .wxapkg or a ZIP of its
packages like an app version takes an APK; the worker scans it; the AppID is checked against the ledger; the
SDK inventory, the release gate and the compliance checks read the scan; a bad package is refused at upload."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from mp_packages import APPID, OTHER_APPID, bank, clean, encrypted, hostile, pack, zipped

from appgov.compliance.evaluation import evaluate
from appgov.compliance.models import ControlResult
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.ledger import services as ledger
from appgov.ledger.models import AppVersion, Vulnerability
from appgov.scanning import package_identity, services
from appgov.scanning.gates import package_scans_clean
from appgov.scanning.models import AppPrivacyInventory, Scan, SdkAssessment, SdkUse

PLUGIN_SDK = "mp_plugin_wx76a9a06e5b4e693e"


@pytest.fixture
def mp(world, system):
    """The world's mini-program (A's 小程序 on WeChat) with a valid AppID and a new WeChat version."""
    org = world.a
    with system():
        app = core.update(org.app2, None, mini_program_appids=[APPID])
        version = core.save(AppVersion(app=app, platform="wechat", version_name="2.3.0"))
    return org, app, version


def _stored(inst) -> list[Path]:
    return sorted(p for p in Path(settings.MEDIA_ROOT, "packages", str(inst.pk)).rglob("*") if p.is_file())


def _upload_and_scan(version, name: str, data: bytes, actor=None) -> Scan:
    version = ledger.attach_package(version, SimpleUploadedFile(name, data), actor)
    scan = Scan.objects.filter(version=version).order_by("-id").first()
    assert scan is not None, "the upload queued no scan"
    scan = services.execute_scan(scan.pk)
    assert scan.status == Scan.Status.DONE, scan.error
    return scan


def _rules(scan) -> set[str]:
    return {f["rule"] for f in scan.report["findings"]}


def _run_worker():
    from django_tasks_db.models import DBTaskResult

    queued = list(DBTaskResult.objects.filter(task_path="appgov.scanning.tasks.run_scan", status="READY"))
    assert queued, "the upload queued no scan task"
    for row in queued:
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


# ---------- upload through the API, scanned by the worker ----------


def test_a_zip_of_the_packages_uploaded_by_api_is_scanned_by_the_worker_like_an_apk(
    mp, world, api, login, django_capture_on_commit_callbacks
):
    org, app, version = mp
    security = org.users["security"]
    with django_capture_on_commit_callbacks(execute=True):
        response = api(security).post(
            f"/api/ledger/versions/{version.pk}/package/",
            {"package": SimpleUploadedFile("bank_demo", zipped(bank()))},  # no suffix: kept as .zip
            format="multipart",
        )
    assert response.status_code == 200, response.content
    version.refresh_from_db()
    assert version.package.name.endswith(".zip")
    scan = Scan.objects.get(version=version)
    assert scan.status == Scan.Status.QUEUED
    _run_worker()
    scan.refresh_from_db()
    assert scan.status == Scan.Status.DONE, scan.error
    report = scan.report
    assert report["platform"] == "wechat-miniprogram"
    assert [s["root"] for s in report["app"]["subpackages"]] == ["loan"]
    rules = _rules(scan)
    assert {"MP_PRIVATE_INFO_UNDECLARED", "MP_WEBVIEW_ARBITRARY_URL", "HARDCODED_SECRET"} <= rules
    # the package names no AppID of its own: the ledger's was given to the engine, and that is said
    assert report["app"]["appid_source"] == "--appid"
    assert package_identity.NO_APPID_RULE in rules
    # high findings became the version's vulnerabilities; the release gate reads the scan
    assert Vulnerability.objects.filter(version=version, source=services.SCAN_SOURCE).exists()
    assert scan.high_findings > 0 and package_scans_clean(app) is False
    # the SDK inventory holds the plugins (with their provider AppID) and the map SDK
    sdk_ids = set(SdkUse.objects.filter(scan=scan).values_list("sdk_id", flat=True))
    assert {PLUGIN_SDK, "mp_plugin_wx1a2b3c4d5e6f7081"} <= sdk_ids and len(sdk_ids) == 3
    inventory = login(security).get("/scanning/sdks/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert PLUGIN_SDK in inventory and "小程序插件" in inventory
    page = login(security).get(f"/scanning/scans/{scan.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'id="mp-plugins"' in page and "wx76a9a06e5b4e693e" in page
    assert "wx.chooseAddress" in page and "未在 requiredPrivateInfos 中声明" in page
    assert "不能据此" not in page and "签名" in page  # no "not verified" signature verdict for a mini-program
    assert 'class="text-danger">未验证' not in page
    # another institution sees none of it
    assert login(world.b.admin).get(f"/scanning/scans/{scan.pk}/").status_code == 404


def test_the_version_edit_page_takes_a_wxapkg_and_the_scan_is_queued(mp, login):
    org, app, version = mp
    response = login(org.users["security"]).post(
        f"/ledger/versions/{version.pk}/edit/",
        {
            "platform": "wechat",
            "version_name": version.version_name,
            "support_status": version.support_status,
            "package_file": SimpleUploadedFile("__APP__.wxapkg", clean()),
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    version.refresh_from_db()
    assert version.package.name.endswith("__APP__.wxapkg")
    scan = services.execute_scan(Scan.objects.get(version=version).pk)
    assert scan.status == Scan.Status.DONE, scan.error
    assert scan.report["app"]["pages"] == ["pages/index/index"]


# ---------- the AppID against the ledger ----------


def test_options_pass_the_registered_appid_and_only_for_mini_programs(mp, world):
    org, app, version = mp
    assert services.options_for(version).appid == APPID
    assert services.options_for(org.version).appid is None  # the Android version of the APP


def test_an_appid_the_package_shows_is_checked_against_the_ledger(mp, system):
    org, app, version = mp
    packages = bank()
    # the Windows client's cache folder zipped as it is: Applet/<appid>/<n>/__APP__.wxapkg names the AppID
    other = _upload_and_scan(version, "applet.zip", zipped(packages, f"{OTHER_APPID}/12/"))
    assert package_identity.RULE in _rules(other)
    mismatch = next(f for f in other.report["findings"] if f["rule"] == package_identity.RULE)
    assert OTHER_APPID in mismatch["title"]["zh"] and mismatch["severity"] == "critical"
    own = _upload_and_scan(version, "applet.zip", zipped(packages, f"{APPID}/12/"))
    assert package_identity.RULE not in _rules(own)
    assert package_identity.NO_APPID_RULE not in _rules(own)


def test_an_encrypted_cache_copy_is_decrypted_with_a_registered_appid(mp, system):
    org, app, version = mp
    with system():
        app = core.update(app, None, mini_program_appids=[OTHER_APPID, APPID])
    scan = _upload_and_scan(version, "__APP__.wxapkg", encrypted(clean(), APPID))
    assert scan.report["platform_details"]["packages"][0]["encrypted_pc_cache_copy"] is True
    assert scan.report["app"]["id"] == APPID  # the second registered AppID is the one that decrypts
    assert not {package_identity.RULE, package_identity.NO_APPID_RULE} & _rules(scan)


def test_an_encrypted_copy_of_another_mini_program_is_refused_at_upload(mp, system):
    org, app, version = mp
    with pytest.raises(ValidationError) as refused:
        ledger.attach_package(version, SimpleUploadedFile("__APP__.wxapkg", encrypted(clean(), OTHER_APPID)))
    assert APPID in " ".join(refused.value.message_dict["package"])
    with system():
        core.update(app, None, mini_program_appids=[])
    version.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        ledger.attach_package(version, SimpleUploadedFile("__APP__.wxapkg", encrypted(clean(), APPID)))
    assert "AppID" in " ".join(refused.value.message_dict["package"])
    assert not version.package


# ---------- bad packages are refused, nothing is stored ----------


@pytest.mark.parametrize("case", sorted(hostile()))
def test_a_bad_wxapkg_is_refused_by_api_with_what_is_wrong_and_nothing_is_stored(mp, api, case):
    org, app, version = mp
    files, entries, scans = _stored(org.inst), ChangeLogEntry.objects.count(), Scan.objects.count()
    response = api(org.users["security"]).post(
        f"/api/ledger/versions/{version.pk}/package/",
        {"package": SimpleUploadedFile("__APP__.wxapkg", hostile()[case])},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400, response.content
    message = " ".join(response.json()["errors"]["package"])
    assert "小程序代码包已损坏或不安全" in message and "__APP__.wxapkg" in message, message
    expected = {
        "truncated": "truncated",
        "traversal": "path traversal",
        "absolute": "absolute path",
        "outside": "outside the data area",
        "huge_count": "limit",
        "overlap": "overlap",
    }[case]
    assert expected in message, message
    assert "/tmp" not in message and str(settings.MEDIA_ROOT) not in message
    version.refresh_from_db()
    assert not version.package and _stored(org.inst) == files
    assert ChangeLogEntry.objects.count() == entries and Scan.objects.count() == scans


def test_a_zip_with_hostile_member_names_or_no_package_is_refused(mp):
    org, app, version = mp
    files = _stored(org.inst)
    for name, data, expected in [
        ("evil.zip", zipped({"../../evil.wxapkg": clean()}), "evil.zip"),
        ("apk.zip", zipped({"AndroidManifest.xml": b"<manifest/>"}), "no .wxapkg"),
        ("bad-inside.zip", zipped({"__APP__.wxapkg": hostile()["traversal"]}), "path traversal"),
    ]:
        with pytest.raises(ValidationError) as refused:
            ledger.attach_package(version, SimpleUploadedFile(name, data))
        message = " ".join(refused.value.message_dict["package"])
        assert expected in message, message
    version.refresh_from_db()
    assert not version.package and _stored(org.inst) == files


def test_the_edit_page_shows_the_refusal_and_keeps_the_earlier_package(mp, login):
    org, app, version = mp
    version = ledger.attach_package(version, SimpleUploadedFile("__APP__.wxapkg", clean()))
    before = (version.package.name, version.package_sha256)
    page = login(org.users["security"]).post(
        f"/ledger/versions/{version.pk}/edit/",
        {
            "platform": "wechat",
            "version_name": version.version_name,
            "support_status": version.support_status,
            "package_file": SimpleUploadedFile("__APP__.wxapkg", hostile()["traversal"]),
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert page.status_code == 200
    assert "小程序代码包已损坏或不安全" in page.content.decode()
    version.refresh_from_db()
    assert (version.package.name, version.package_sha256) == before


# ---------- the gate and the checks read the scan ----------


def test_a_clean_package_clears_the_gate_and_the_checks_are_judged_from_the_scan(mp, system):
    org, app, version = mp
    with system():
        AppPrivacyInventory.objects.create(app=app, categories=["location"])
    scan = _upload_and_scan(version, "__APP__.wxapkg", clean())
    assert scan.high_findings == 0
    assert package_scans_clean(app) is True
    evaluate(org.inst)

    def outcome(control):
        return ControlResult.objects.get(
            institution=org.inst, control_id=control, subject_type="app_version", subject_id=version.pk
        )

    for control in ("NFRA-06.3", "NFRA-07.2", "NFRA-12.3", "NFRA-16.1"):
        assert outcome(control).outcome == "pass", (control, outcome(control).explanation_zh)
    assert outcome("NFRA-12.2").outcome == "fail"  # the engine's "no code obfuscation" (low) finding
    # NFRA-07.4 asks for the scan profile's allow-list, link probe and rules before it passes anything
    assert outcome("NFRA-07.4").outcome == "evidence_needed"


def test_the_bank_package_fails_the_controls_its_findings_map_to(mp, system):
    org, app, version = mp
    scan = _upload_and_scan(version, "bank.zip", zipped(bank()))
    with system():
        AppPrivacyInventory.objects.create(app=app, categories=["location"])
    evaluate(org.inst)
    results = {
        r.control_id: r
        for r in ControlResult.objects.filter(
            institution=org.inst, subject_type="app_version", subject_id=version.pk
        )
    }
    for control in ("NFRA-06.3", "NFRA-07.2", "NFRA-12.2", "NFRA-12.3", "NFRA-16.1"):
        assert results[control].outcome == "fail", control
    assert "requiredPrivateInfos" in results["NFRA-16.1"].explanation_zh
    assert f"/scanning/scans/{scan.pk}/" in str(results["NFRA-16.1"].links)


def test_a_plugin_alone_does_not_fail_nfra_06_3_once_every_third_party_is_assessed(mp, system):
    """MP_PLUGIN is an inventory note (severity info); the plugin's assessment is judged like any SDK's."""
    org, app, version = mp
    with system():
        for sdk in ("mp_plugin_wx1a2b3c4d5e6f7081", PLUGIN_SDK, "mp_qqmap_jssdk"):
            SdkAssessment.objects.create(
                institution=org.inst,
                sdk_id=sdk,
                assessed_on="2026-10-01",
                conclusion="approved",
                reference="A-1",
            )
    scan = _upload_and_scan(version, "bank.zip", zipped(bank()))
    third = {s["id"] for s in scan.report["sdks"]}
    missing = third - set(SdkAssessment.objects.values_list("sdk_id", flat=True))
    assert not missing, f"assess these too: {missing}"
    assert "MP_PLUGIN" in _rules(scan) and "SDK_NO_SECURITY_ASSESSMENT" not in _rules(scan)
    evaluate(org.inst)
    result = ControlResult.objects.get(
        institution=org.inst, control_id="NFRA-06.3", subject_type="app_version", subject_id=version.pk
    )
    assert result.outcome == "pass", result.explanation_zh


def test_a_wechat_version_refuses_a_plain_zip_and_an_ios_version_refuses_a_wxapkg(mp, world):
    org, app, version = mp
    with pytest.raises(ValidationError):
        ledger.attach_package(version, SimpleUploadedFile("x.zip", zipped({"readme.txt": b"hello"})))
    ios = core.save(AppVersion(app=org.app, platform="ios", version_name="9.0"))
    with pytest.raises(ValidationError):
        ledger.attach_package(ios, SimpleUploadedFile("app.ipa", pack({"a.js": b"1"})))


def test_the_version_page_upload_stores_a_good_package_and_refuses_a_bad_one(mp, login):
    org, app, version = mp
    client = login(org.users["security"])
    url = f"/scanning/versions/{version.pk}/upload/"
    page = client.get(f"/ledger/versions/{version.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert f'action="{url}"' in page and 'accept=".wxapkg,.zip"' in page
    refused = client.post(
        url,
        {"package": SimpleUploadedFile("__APP__.wxapkg", hostile()["overlap"])},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert "小程序代码包已损坏或不安全" in refused.content.decode() and "overlap" in refused.content.decode()
    version.refresh_from_db()
    assert not version.package and not Scan.objects.filter(version=version).exists()
    client.post(url, {"package": SimpleUploadedFile("__APP__.wxapkg", clean())})
    version.refresh_from_db()
    assert version.package and Scan.objects.filter(version=version, status=Scan.Status.QUEUED).count() == 1
    # a role that may not change versions is refused outright
    assert (
        login(org.users["read_only"])
        .post(url, {"package": SimpleUploadedFile("a.wxapkg", clean())})
        .status_code
        == 403
    )


def test_a_mini_program_inventory_declares_what_only_mini_programs_collect(mp, system):
    """NFRA-16.1 declared vs detected: 收货地址 (wx.chooseAddress) is a category of mini-programs only; the
    inventory accepts it, and the scan then finds nothing collected beyond the declaration."""
    from appgov.scanning.profiles import privacy_inventories

    org, app, version = mp
    with system():
        inventory = privacy_inventories.create(None, {"app": app, "categories": ["location"]})
    short = _upload_and_scan(version, "bank.zip", zipped(bank()))
    undeclared = {f["id"] for f in short.report["findings"] if f["rule"] == "PI_UNDECLARED"}
    assert "PI_UNDECLARED:address" in undeclared and "PI_UNDECLARED:location" not in undeclared
    used = set(short.report["platform_details"]["privacy"]["pi_categories_used"])
    sdk_pi = {c for s in short.report["sdks"] for c in s["personal_information"]}
    with system():
        privacy_inventories.update(inventory, None, {"categories": sorted(used | sdk_pi)})
    full = services.execute_scan(services.request_scan(version, None).pk)
    assert not [f for f in full.report["findings"] if f["rule"] == "PI_UNDECLARED"]


def test_the_regression_gate_compares_a_mini_program_with_its_previous_version(mp, login, system):
    """The second gate rule reads mini-program scans too: new plugins / SDKs and new high findings since
    the previous WeChat version block until accepted."""
    from appgov.scanning.gates import no_regression_since_previous_version
    from appgov.scanning.regression import version_regression

    org, app, version = mp
    _upload_and_scan(version, "__APP__.wxapkg", clean())
    assert no_regression_since_previous_version(app) is True  # a first release has nothing to regress from
    with system():
        newer = core.save(AppVersion(app=app, platform="wechat", version_name="2.4.0"))
    _upload_and_scan(newer, "bank.zip", zipped(bank()))
    regression = version_regression(newer)
    assert regression is not None and regression.blocking
    assert PLUGIN_SDK in {s["id"] for s in regression.new_unassessed_sdks}
    assert no_regression_since_previous_version(app) is False
    page = login(org.users["security"]).get(f"/ledger/versions/{newer.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
