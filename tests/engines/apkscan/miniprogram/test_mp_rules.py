"""Each mini-program rule on small packages written here: what must fire, and what must not."""

from __future__ import annotations

import json

from mp_builder import pack

from appgov.engines.apkscan import ScanOptions, scan_file


def _scan(tmp_path, files: dict[str, bytes | str], validate=None, **options) -> dict:
    raw = {n: (v.encode() if isinstance(v, str) else v) for n, v in files.items()}
    p = tmp_path / "t.wxapkg"
    p.write_bytes(pack(raw))
    r = scan_file(str(p), ScanOptions(**options))
    return validate(r) if validate else r


def _config(**kw) -> str:
    return json.dumps({"pages": ["pages/a/a"], **kw})


def _ids(r) -> set[str]:
    return {f["id"] for f in r["findings"]}


def test_location_without_permission_purpose_and_without_privacy_handling(tmp_path, validate_report):
    r = _scan(
        tmp_path,
        {
            "app-config.json": _config(requiredPrivateInfos=["getLocation", "startLocationUpdateBackground"]),
            "app-service.js": "wx.getLocation({}); wx['startLocationUpdateBackground']({});",
        },
        validate_report,
    )
    privacy = r["platform_details"]["privacy"]
    assert privacy["missing_permission_desc"] == {
        "scope.userLocation": ["getLocation"],
        "scope.userLocationBackground": ["startLocationUpdateBackground"],
    }
    assert {
        "MP_PERMISSION_DESC_MISSING:scope.userLocation",
        "MP_PERMISSION_DESC_MISSING:scope.userLocationBackground",
        "MP_PRIVACY_AUTH_NOT_HANDLED",
    } <= _ids(r)
    assert not privacy["undeclared_required_private_infos"]


def test_call_shapes_counted_and_look_alikes_ignored(tmp_path):
    code = (
        "uni.getClipboardData(); Taro.chooseContact(); wx . getWeRunData({});\n"
        "mywx.getLocation(); wx.getLocationX(); a.b.wxgetUserInfo(); 'wx.scanCode is documented here';\n"
        "obj.eval(x); myeval(x); evaluate(x); Function.prototype.call; fn.Function('x');\n"
        "new Function('a', 'return a'); Function(\"return 1\"); Function('return this')();\n"
    )
    r = _scan(tmp_path, {"app-config.json": _config(), "app-service.js": code})
    calls = r["platform_details"]["privacy"]["calls"]
    # a string mentioning wx.scanCode is a call shape too: static analysis cannot tell, and says so by location
    assert set(calls) == {"getClipboardData", "chooseContact", "getWeRunData", "scanCode"}
    risks = r["platform_details"]["code_risks"]
    assert (
        risks["eval"]["count"],
        risks["function_constructor"]["count"],
        risks["function_global_idiom"]["count"],
    ) == (0, 2, 1)


def test_debug_switches(tmp_path):
    r = _scan(
        tmp_path,
        {
            "app-config.json": _config(debug=True),
            "app-service.js": "wx.setEnableDebug({ enableDebug: !0 });",
            "libs/vconsole.min.js": "var __vconsole = 1;",
        },
    )
    ev = r["flags"]["debug_evidence"]
    assert len(ev) == 3 and ev[0].endswith('"debug": true') and "vConsole" in ev[2]
    off = _scan(
        tmp_path, {"app-config.json": _config(), "app-service.js": "wx.setEnableDebug({enableDebug: false});"}
    )
    assert off["flags"]["debuggable"] is False and "MP_DEBUG_ENABLED" not in _ids(off)


def test_obfuscated_code_is_recognised(tmp_path):
    code = ";".join(f"var _0x{i:04x}=_0x{i + 1:04x}" for i in range(30))
    r = _scan(tmp_path, {"app-config.json": _config(), "app-service.js": code})
    assert r["hardening"]["obfuscators"] == ["javascript-obfuscator style (60 _0x identifiers)"]
    assert "MP_NO_CODE_OBFUSCATION" not in _ids(r)


def test_secret_shapes(tmp_path):
    code = (
        "var c = {secretKey: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345', accessKeySecret: 'abcdefghijklmnopqrstuvwxyz0123',\n"
        " mchKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654', note: 'secret: not-a-key'};\n"
        "wx.request({url: 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=0123456789abcdef0123456789abcdef'});\n"
    )
    r = _scan(tmp_path, {"app-config.json": _config(), "app-service.js": code})
    assert {s["kind"] for s in r["secrets"]} == {
        "tencent_cloud_secret_key",
        "aliyun_access_key_secret",
        "wechat_pay_api_key",
        "wechat_appsecret_in_url",
    }
    assert "MP_CLIENT_CALLS_WECHAT_SERVER_API" in _ids(r)
    assert "0123456789abcdef0123456789abcdef" not in json.dumps(r)


def test_web_view_bound_without_page_parameters_is_not_a_finding(tmp_path):
    r = _scan(
        tmp_path,
        {
            "app-config.json": _config(),
            "pages/a/a.wxml": '<web-view src="{{target}}"></web-view>',
            "pages/a/a.js": "Page({ data: { target: 'https://help.bank.example.cn/' } });",
        },
    )
    assert r["platform_details"]["webviews"][0]["query_source"] is None
    assert not any(f["rule"] == "MP_WEBVIEW_ARBITRARY_URL" for f in r["findings"])


def test_anomalies(tmp_path):
    p = tmp_path / "t.wxapkg"
    p.write_bytes(pack({"sub/app-service.js": b"wx.getLocation()"}) + b"\x00" * 7)
    r = scan_file(str(p))
    assert r["platform_details"]["anomalies"] == [
        "t.wxapkg: 7 bytes after the declared data area",
        "no main package: no /app-config.json or /app.json in the given packages",
    ]
    assert "MP_PACKAGE_ANOMALY" in _ids(r)
    assert r["app"]["id"] == "" and r["app"]["pages"] == []


def test_compiled_templates(tmp_path):
    """Compiled WXML keeps tag names and attribute values as quoted literals in arrays."""
    frame = "var z=[];Z([3,'getPhoneNumber']);_n('web-view');_rz(z,o,'open-type',1,e,s,gg);"
    r = _scan(
        tmp_path, {"app-config.json": _config(), "page-frame.html": frame, "app-service.js": "wx.getUserInfo"}
    )
    assert set(r["platform_details"]["privacy"]["open_types"]) == {"getPhoneNumber"}
    assert r["platform_details"]["compiled_webview_files"] == ["t.wxapkg!/page-frame.html"]
    assert set(r["platform_details"]["privacy"]["calls"]) == {"getUserInfo"}
