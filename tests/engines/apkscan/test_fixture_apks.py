"""Facts and findings on APKs built at test time from our smali / resource sources."""

from __future__ import annotations

import hashlib

from appgov.engines.apkscan import ScanOptions, scan_file


def _rules(report) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def test_sdk_app_facts(apks, validate_report):
    r = validate_report(scan_file(str(apks["sdk_app"])))
    assert r["platform"] == "android"
    assert r["app"] == {
        "id": "cn.example.bank.demo",
        "name": "示例银行",
        "version_name": "3.2.1",
        "version_code": "42",
        "min_os": "21",
        "target_os": "28",
    }
    perms = {p["name"]: p for p in r["permissions"]}
    assert perms["android.permission.ACCESS_FINE_LOCATION"]["dangerous"]
    assert perms["android.permission.ACCESS_FINE_LOCATION"]["pi_category"] == "location"
    assert perms["android.permission.INTERNET"]["protection_level"] == "normal"
    sdk_ids = {s["id"] for s in r["sdks"]}
    assert {
        "umeng_analytics",
        "jpush",
        "tencent_bugly",
        "wechat_opensdk",
        "baidu_location",
        "tencent_tinker",
    } <= sdk_ids
    jpush = next(s for s in r["sdks"] if s["id"] == "jpush")
    kinds = {m["kind"] for m in jpush["matched_by"]}
    assert {"package", "native_lib"} <= kinds
    assert jpush["privacy_policy_url"].startswith("https://")
    assert r["flags"]["debuggable"] is True and r["flags"]["allow_backup"] is True
    net = r["network"]
    assert net["cleartext_permitted"] and net["user_ca_trusted"] and not net["pinning_present"]
    assert net["network_security_config"] == "res/xml/network_security_config.xml"
    assert net["http_url_count"] >= 3
    hosts = {u["host"] for u in r["urls"]}
    assert {
        "api.bank.example.cn",
        "insecure.example-bank.cn",
        "partner.unknown-tracker.com",
        "help.example-bank.cn",
    } <= hosts
    assert all(u["allowed"] is None for u in r["urls"])
    assert r["native"] == {
        "abis": ["armeabi-v7a"],
        "has_64bit": False,
        "libraries": [
            {"path": "lib/armeabi-v7a/libBugly.so", "abi": "armeabi-v7a"},
            {"path": "lib/armeabi-v7a/libjcore220.so", "abi": "armeabi-v7a"},
        ],
    }
    comps = {c["name"]: c for c in r["components"]}
    assert comps["com.example.bank.PushReceiver"][
        "exported"
    ]  # intent filter, targetSdk 28: exported by default
    assert not comps["com.example.bank.PushReceiver"]["protected"]
    assert comps["com.example.bank.SyncService"]["permission_protection_level"] == "normal"
    assert not comps["com.example.bank.SyncService"][
        "protected"
    ]  # a normal-level permission protects nothing
    assert not comps["com.example.bank.DataProvider"]["exported"]
    assert comps["com.example.bank.MainActivity"]["launcher"]
    sig = r["signing"]
    assert {"v1", "v2", "v3"} <= set(sig["schemes"]) and sig["verified"] is True
    assert sig["certificates"][0]["subject"] == "CN=Example Bank Release,O=Example Bank,C=CN"
    assert "anti_debug" not in r["hardening"] or r["hardening"]["anti_debug"]


def test_sdk_app_findings(apks):
    r = scan_file(str(apks["sdk_app"]))
    rules = _rules(r)
    expected = {
        "CLEARTEXT_TRAFFIC",
        "USER_CA_TRUSTED",
        "HTTP_URLS",
        "DEBUGGABLE",
        "ALLOW_BACKUP",
        "EXPORTED_UNPROTECTED",
        "NO_HARDENING",
        "NO_64BIT",
        "TARGET_SDK_LOW",
        "SDK_DYNAMIC_CODE",
        "SDK_ASSESSMENT_STATUS_UNKNOWN",
        "HARDCODED_SECRET",
        "WEBVIEW_DEBUGGING",
        "DYNAMIC_CODE_LOADING",
        "NO_CERTIFICATE_PINNING",
    }
    assert expected <= rules, expected - rules
    controls = {f["rule"]: f["control"] for f in r["findings"]}
    assert controls["CLEARTEXT_TRAFFIC"] == "NFRA-12.3"
    assert controls["NO_HARDENING"] == "NFRA-12.2"
    assert controls["NO_64BIT"] == "NFRA-10"
    assert controls["DEBUGGABLE"] == "JR/T 0092-2019 5.3.2"
    exported = next(f for f in r["findings"] if f["rule"] == "EXPORTED_UNPROTECTED")
    assert (
        "activity com.example.bank.MainActivity" not in exported["evidence"]
    )  # the launcher is meant to be exported
    assert any("TransferActivity" in e for e in exported["evidence"])
    # secrets are masked: the full key never appears anywhere in the report
    import json

    text = json.dumps(r, ensure_ascii=False)
    for secret in (
        "AKIAQZ7EXAMPLEKEY7X2",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "5f1a2b3c4d5e6f7a8b9c0d1e",
    ):
        assert secret not in text
    kinds = {s["kind"] for s in r["secrets"]}
    assert {"aws_access_key_id", "google_api_key", "sdk_app_key"} <= kinds
    for f in r["findings"]:
        assert f["title"]["zh"] and f["title"]["en"]


def test_packed_app(apks, validate_report):
    r = validate_report(scan_file(str(apks["packed_app"])))
    assert [p["id"] for p in r["hardening"]["packers"]] == ["qihoo_jiagu"]
    ev = " ".join(r["hardening"]["packers"][0]["evidence"])
    assert "libjiagu.so" in ev and "com.stub.StubApp" in ev
    assert r["hardening"]["anti_root"] and r["hardening"]["anti_debug"]
    assert r["network"]["cleartext_permitted"] is False and r["network"]["pinning_present"] is True
    assert r["network"]["pinned_domains"] == ["api.securebank.example.cn"]
    assert r["native"]["has_64bit"] is True
    assert r["flags"]["allow_backup"] is False and r["flags"]["debuggable"] is False
    rules = _rules(r)
    assert not rules & {
        "NO_HARDENING",
        "CLEARTEXT_TRAFFIC",
        "DEBUGGABLE",
        "ALLOW_BACKUP",
        "NO_64BIT",
        "TARGET_SDK_LOW",
        "EXPORTED_UNPROTECTED",
    }


def test_release_certificate(apks):
    release = hashlib.sha256(apks["release_cert"].read_bytes()).hexdigest()
    other = hashlib.sha256(apks["other_cert"].read_bytes()).hexdigest()
    good = scan_file(str(apks["sdk_app"]), ScanOptions(release_certs=[release]))
    assert good["signing"]["matches_release_cert"] is True
    assert "CERT_NOT_RELEASE" not in _rules(good)
    assert good["signing"]["certificates"][0]["sha256"] == release
    bad = scan_file(
        str(apks["sdk_app_other_key"]),
        ScanOptions(release_certs=[":".join(release[i : i + 2] for i in range(0, 64, 2)).upper()]),
    )
    assert bad["signing"]["matches_release_cert"] is False
    assert bad["signing"]["certificates"][0]["sha256"] == other
    finding = next(f for f in bad["findings"] if f["rule"] == "CERT_NOT_RELEASE")
    assert finding["control"] == "NFRA-12.4" and finding["severity"] == "critical"
    assert scan_file(str(apks["sdk_app"]))["signing"]["matches_release_cert"] is None


def test_v1_only_is_janus_exposed(apks):
    r = scan_file(str(apks["sdk_app_v1_only"]))
    assert r["signing"]["schemes"][0] == "v1" and "v2" not in r["signing"]["schemes"]
    assert r["signing"]["verified"] is True
    assert "JANUS_V1_ONLY" in _rules(r)


def test_allow_list_pi_inventory_and_assessments(apks):
    opts = ScanOptions(
        allow_domains=["example.cn", "umeng.com", "jpush.cn", "qq.com", "baidu.com", "example-bank.cn"],
        pi_inventory=["location", "device_identifiers", "network_info"],
        assessed_sdks=["umeng_analytics", "jpush"],
    )
    r = scan_file(str(apks["sdk_app"]), opts)
    by_host = {u["host"]: u["allowed"] for u in r["urls"]}
    assert by_host["api.bank.example.cn"] is True and by_host["ulogs.umeng.com"] is True
    assert by_host["partner.unknown-tracker.com"] is False
    url_finding = next(f for f in r["findings"] if f["rule"] == "URL_NOT_ALLOWED")
    assert url_finding["control"] == "NFRA-07.4"
    assert any("partner.unknown-tracker.com" in e for e in url_finding["evidence"])
    pi = {f["id"] for f in r["findings"] if f["rule"] == "PI_UNDECLARED"}
    assert (
        "PI_UNDECLARED:contacts" in pi and "PI_UNDECLARED:camera" in pi and "PI_UNDECLARED:location" not in pi
    )
    unassessed = {f["id"] for f in r["findings"] if f["rule"] == "SDK_NO_SECURITY_ASSESSMENT"}
    assert "SDK_NO_SECURITY_ASSESSMENT:tencent_bugly" in unassessed
    assert "SDK_NO_SECURITY_ASSESSMENT:jpush" not in unassessed
    assert all(
        f["control"] == "NFRA-06.3" for f in r["findings"] if f["rule"] == "SDK_NO_SECURITY_ASSESSMENT"
    )
