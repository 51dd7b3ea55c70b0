"""A mini-program built from projects/bank_demo is reported like an APK: identity, privacy declared vs
used, network, third parties, secrets and code risks, in the shared report schema."""

from __future__ import annotations

import pytest
from conftest import APPID

from appgov.engines.apkscan import ScanOptions, scan_file


@pytest.fixture(scope="module")
def report(bank_folder, validate_report):
    return validate_report(scan_file(str(bank_folder), ScanOptions(allow_domains=["demo-bank.example.cn"])))


def _rules(report) -> dict[str, dict]:
    return {f["id"]: f for f in report["findings"]}


def test_identity(report):
    app = report["app"]
    assert report["platform"] == app["platform"] == "wechat-miniprogram"
    assert (app["id"], app["appid_source"], app["version_code"]) == (
        APPID,
        "path (Windows client cache folder)",
        "12",
    )
    assert app["pages"] == ["pages/index/index", "pages/web/web", "pages/me/me"]
    assert app["subpackages"] == [
        {
            "root": "loan",
            "name": "loan",
            "independent": False,
            "pages": ["loan/pages/apply/apply", "loan/pages/result/result"],
            "package_found": True,
        }
    ]
    assert {(p["alias"], p["provider"], p["version"], p["subpackage"]) for p in app["plugins"]} == {
        ("chooseLocation", "wx76a9a06e5b4e693e", "1.0.10", None),
        ("ocrPlugin", "wx1a2b3c4d5e6f7081", "2.1.0", "loan"),
    }
    assert {(c["name"], c["kind"]) for c in app["components"]} == {
        ("bank-card", "custom_component"),
        ("map-picker", "plugin_component"),
    }
    assert app["permission_scopes"] == [{"scope": "scope.userLocation", "desc": "用于查找附近网点"}]
    assert app["required_private_infos"] == ["getLocation", "getFuzzyLocation"]
    assert app["privacy_check"] == {"use_privacy_check": True, "hooks_found": ["onNeedPrivacyAuthorization"]}
    assert [p["name"] for p in report["permissions"]] == [
        "scope.userLocation",
        "requiredPrivateInfos:getLocation",
        "requiredPrivateInfos:getFuzzyLocation",
    ]
    assert report["summary"]["page_count"] == 5
    assert [p["label"].rsplit("/", 1)[-1] for p in report["platform_details"]["packages"]] == [
        "__APP__.wxapkg",
        "_loan_.wxapkg",
    ]


def test_privacy_declared_vs_used(report):
    privacy = report["platform_details"]["privacy"]
    assert set(privacy["calls"]) == {
        "getLocation",
        "chooseAddress",
        "getClipboardData",
        "getUserProfile",
        "chooseMedia",
    }
    assert privacy["calls"]["getClipboardData"]["pi_category"] == "clipboard"
    assert privacy["calls"]["chooseMedia"]["locations"][0].endswith("#loan/pages/apply/apply.js:4")
    assert set(privacy["open_types"]) == {"getPhoneNumber"}
    assert privacy["undeclared_required_private_infos"] == ["chooseAddress"]
    assert privacy["declared_not_used"] == ["getFuzzyLocation"]
    assert privacy["missing_permission_desc"] == {}
    rules = _rules(report)
    assert rules["MP_PRIVATE_INFO_UNDECLARED:chooseAddress"]["control"] == "NFRA-16.1"
    assert "MP_PRIVATE_INFO_UNDECLARED:getLocation" not in rules
    assert rules["MP_DECLARED_NOT_USED"]["evidence"] == ["requiredPrivateInfos: getFuzzyLocation"]
    assert "MP_PRIVACY_AUTH_NOT_HANDLED" not in rules


def test_pi_inventory_compares_every_category(bank_folder):
    r = scan_file(str(bank_folder), ScanOptions(pi_inventory=["location", "account_info", "photos_media"]))
    undeclared = {f["id"] for f in r["findings"] if f["rule"] == "PI_UNDECLARED"}
    # address, clipboard, phone number from the code; device_info from the location SDK
    assert undeclared == {
        "PI_UNDECLARED:address",
        "PI_UNDECLARED:clipboard",
        "PI_UNDECLARED:phone_number",
        "PI_UNDECLARED:device_info",
    }


def test_network(report):
    urls = {u["url"]: u for u in report["urls"]}
    assert urls["https://api.demo-bank.example.cn/v1/branches"]["uses"] == ["request"]
    assert urls["wss://push.demo-bank.example.cn/ws"]["uses"] == ["socket"]
    assert urls["https://upload.demo-bank.example.cn/id"]["uses"] == ["upload"]
    assert urls["https://files.demo-bank.example.cn/contract.pdf"]["uses"] == ["download"]
    assert urls["https://help.demo-bank.example.cn/faq"]["uses"] == ["web-view"]
    assert urls["http://203.0.113.10:8080/collect"]["ip_literal"] is True
    assert urls["http://203.0.113.10:8080/collect"]["allowed"] is False
    assert urls["https://api.demo-bank.example.cn/v1/branches"]["allowed"] is True
    assert report["network"]["http_url_count"] == 3
    assert report["network"]["ip_literal_hosts"] == ["203.0.113.10"]
    rules = _rules(report)
    assert {e.split(":")[0] for e in rules["URL_NOT_ALLOWED"]["evidence"]} == {
        "203.0.113.10",
        "api.weixin.qq.com",
        "apis.map.qq.com",
        "demo-1250000000.cos.ap-shanghai.myqcloud.com",
    }
    assert "MP_IP_LITERAL_HOST" in rules and "HTTP_URLS" in rules


def test_without_allow_list_nothing_is_judged(bank_folder):
    r = scan_file(str(bank_folder))
    assert {u["allowed"] for u in r["urls"]} == {None}
    assert not [f for f in r["findings"] if f["rule"] == "URL_NOT_ALLOWED"]


def test_third_parties(report):
    sdks = {s["id"]: s for s in report["sdks"]}
    assert set(sdks) == {"mp_qqmap_jssdk", "mp_plugin_wx76a9a06e5b4e693e", "mp_plugin_wx1a2b3c4d5e6f7081"}
    kinds = {m["kind"] for m in sdks["mp_qqmap_jssdk"]["matched_by"]}
    assert kinds == {"js_module", "js_marker", "host"}
    assert sdks["mp_qqmap_jssdk"]["personal_information"] == ["location", "device_info"]
    plugin = sdks["mp_plugin_wx1a2b3c4d5e6f7081"]
    assert (plugin["provider_appid"], plugin["version"], plugin["category"]) == (
        "wx1a2b3c4d5e6f7081",
        "2.1.0",
        "miniprogram_plugin",
    )
    assert "SDK_ASSESSMENT_STATUS_UNKNOWN" in _rules(report)


def test_assessed_sdks(bank_folder):
    r = scan_file(
        str(bank_folder), ScanOptions(assessed_sdks=["mp_qqmap_jssdk", "mp_plugin_wx76a9a06e5b4e693e"])
    )
    assert [f["id"] for f in r["findings"] if f["rule"] == "SDK_NO_SECURITY_ASSESSMENT"] == [
        "SDK_NO_SECURITY_ASSESSMENT:mp_plugin_wx1a2b3c4d5e6f7081"
    ]


def test_secrets_masked(report):
    kinds = {s["kind"]: s for s in report["secrets"]}
    assert set(kinds) >= {"wechat_appsecret", "private_key_pem"}
    assert "3f2a9c81d47be6650a1c2d3e4f5a6b7c" not in str(report)
    assert kinds["wechat_appsecret"]["masked_value"].startswith("3f2a*")
    rules = _rules(report)
    assert rules["HARDCODED_SECRET:wechat_appsecret"]["severity"] == "critical"
    assert rules["MP_CLIENT_CALLS_WECHAT_SERVER_API"]["evidence"] == [
        "https://api.weixin.qq.com/sns/jscode2session?appid="
    ]
    assert rules["MP_SOURCE_MAP_SHIPPED"]["evidence"][0].endswith(
        "_loan_.wxapkg!/loan/pages/result/result.js.map"
    )


def test_code_risks(report):
    risks = report["platform_details"]["code_risks"]
    assert risks["eval"]["count"] == 1 and risks["function_constructor"]["count"] == 1
    assert risks["function_global_idiom"]["count"] == 1  # Function('return this') is not dynamic code
    rules = _rules(report)
    assert len(rules["MP_DYNAMIC_CODE"]["evidence"]) == 2
    webview = rules["MP_WEBVIEW_ARBITRARY_URL:" + report["platform_details"]["webviews"][1]["location"]]
    assert "options.url" in webview["evidence"][0]
    assert report["flags"]["debuggable"] is True
    assert rules["MP_DEBUG_ENABLED"]["evidence"][0].startswith("wx.setEnableDebug")


def test_clean_project_has_no_privacy_or_code_findings(clean_packages, tmp_path, validate_report):
    p = tmp_path / "clean.wxapkg"
    p.write_bytes(clean_packages["__APP__.wxapkg"])
    r = validate_report(
        scan_file(str(p), ScanOptions(allow_domains=["demo-bank.example.cn"], appid="wx00000000000000aa"))
    )
    assert r["app"]["id"] == "wx00000000000000aa" and r["app"]["appid_source"] == "--appid"
    assert {f["rule"] for f in r["findings"]} == {"MP_NO_CODE_OBFUSCATION"}
    assert r["platform_details"]["privacy"]["calls"]["getLocation"]["count"] == 1


def test_single_file_zip_and_folder_agree(bank_folder, bank_zip, report, validate_report):
    z = validate_report(scan_file(str(bank_zip)))
    assert z["file"]["input_kind"] == "zip"
    assert z["app"]["pages"] == report["app"]["pages"]
    assert set(z["platform_details"]["privacy"]["calls"]) == set(
        report["platform_details"]["privacy"]["calls"]
    )
    assert {u["url"] for u in z["urls"]} == {u["url"] for u in report["urls"]}


def test_main_package_alone_notes_missing_subpackage(bank_main, validate_report):
    r = validate_report(scan_file(str(bank_main)))
    assert r["file"]["input_kind"] == "file"
    assert r["app"]["subpackages"][0]["package_found"] is False
    assert "chooseMedia" not in r["platform_details"]["privacy"]["calls"]  # lives in the sub-package


def test_yara_rules_run_on_the_javascript(bank_folder, tmp_path, validate_report):
    rules = tmp_path / "rules.yar"
    rules.write_text(
        'rule jscode2session_from_client { strings: $a = "sns/jscode2session" condition: $a }\n'
        'rule never_matches { strings: $a = "no such text anywhere 0xdeadbeef" condition: $a }\n'
    )
    r = validate_report(scan_file(str(bank_folder), ScanOptions(yara_rules=str(rules))))
    targets = {m["target"] for m in r["yara"]["matches"] if m["rule"] == "jscode2session_from_client"}
    assert targets == {f"{APPID}/12/__APP__.wxapkg!/app-service.js"}
    assert all(m["rule"] != "never_matches" for m in r["yara"]["matches"])
    assert "YARA_MATCH:jscode2session_from_client" in _rules(r)


def test_report_names_the_controls_it_cannot_judge(report):
    not_judged = report["platform_details"]["controls_not_judged"]
    assert set(not_judged) == {"NFRA-12.4", "NFRA-10", "NFRA-10.2"}
    assert not {f["control"] for f in report["findings"]} & {"NFRA-10", "NFRA-10.2"}
