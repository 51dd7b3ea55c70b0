"""Issue 15, false findings: each test reproduces a finding the scanner used to get wrong."""

from __future__ import annotations

from pathlib import Path

from appgov.engines.apkscan import Limits, ScanOptions, scan_file
from appgov.engines.apkscan.cli import main
from appgov.engines.apkscan.content import ContentScanner


def _rules(report) -> set[str]:
    return {f["rule"] for f in report["findings"]}


def test_debug_certificate_in_any_attribute_order(apks, validate_report):
    report = validate_report(scan_file(str(apks["sdk_app_debug_key"])))
    cert = report["signing"]["certificates"][0]
    assert cert["subject"] != "CN=Android Debug,O=Android,C=US"  # the order a plain string compare missed
    assert cert["debug_certificate"] is True
    assert "DEBUG_CERTIFICATE" in _rules(report)
    release = scan_file(str(apks["sdk_app"]))
    assert "DEBUG_CERTIFICATE" not in _rules(release)


def test_aosp_test_key_is_not_fit_for_release(apks, validate_report):
    report = validate_report(scan_file(str(apks["sdk_app_aosp_test_key"])))
    cert = report["signing"]["certificates"][0]
    assert cert["public_test_key"] and "AOSP" in cert["public_test_key"]
    finding = next(f for f in report["findings"] if f["rule"] == "PUBLIC_TEST_KEY_CERTIFICATE")
    assert finding["severity"] == "high" and "android@android.com" in finding["evidence"][0]
    assert scan_file(str(apks["sdk_app"]))["signing"]["certificates"][0]["public_test_key"] is None


def test_markers_match_tokens_not_substrings():
    scanner = ContentScanner(Limits())
    scanner.scan(b"\x0bblackfriday\x00\x07exposed\x00\x0ainfrida2x\x00", "classes.dex")
    assert not scanner.found.markers.get("anti_debug")
    scanner.scan(b"\x12libfrida-gadget.so\x00\x24de/robv/android/xposed/XposedBridge\x00", "lib.so")
    found = scanner.found.markers["anti_debug"]
    assert {"lib.so: libfrida-gadget", "lib.so: de/robv/android/xposed", "lib.so: XposedBridge"} <= found


def test_markers_in_a_real_dex(apks):
    report = scan_file(str(apks["depth_app"]))
    anti_debug = report["hardening"]["anti_debug"]
    assert "classes.dex: re.frida.server" in anti_debug
    assert not any("xposed" in e for e in anti_debug)  # only "exposed" is in the dex


def test_bare_pem_header_is_not_a_private_key(apks):
    report = scan_file(str(apks["depth_app"]))
    keys = [s for s in report["secrets"] if s["kind"] == "private_key_pem"]
    # the dex holds only "-----BEGIN PRIVATE KEY-----"; the asset holds a real PKCS#8 key
    assert [k["location"] for k in keys] == ["assets/keys/client.pem"]
    assert keys[0]["masked_value"] == "BEGIN PRIVATE KEY (key material masked)"


def test_pem_body_must_decode():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    real = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    as_java_string = real.replace(b"\n", b"\\n")  # how a key looks inside source or JSON
    garbage = b"-----BEGIN PRIVATE KEY-----\n" + b"A" * 40 + b"!!\n-----END PRIVATE KEY-----"
    template = b"-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----"
    for data, expected in ((real, 1), (as_java_string, 1), (garbage, 0), (template, 0)):
        scanner = ContentScanner(Limits())
        scanner.scan(b'{"k": "' + data + b'"}', "assets/x.json")
        assert len([s for s in scanner.found.secrets if s["kind"] == "private_key_pem"]) == expected, data[
            :60
        ]


def test_xml_feature_and_namespace_uris_are_not_urls(apks):
    report = scan_file(str(apks["depth_app"]))
    own = [u for u in report["urls"] if any(loc == "classes.dex" for loc in u["locations"])]
    assert [u["url"] for u in own] == ["http://api.depth-bank.cn/v1/login"]
    hosts = {u["host"] for u in report["urls"]}
    assert not hosts & {"javax.xml.transform.dom.domresult", "xml.org", "www.w3.org"}
    http = next(f for f in report["findings"] if f["rule"] == "HTTP_URLS")
    assert not any("javax.xml" in e or "xml.org" in e for e in http["evidence"])


def test_directory_path_says_directory(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a directory" in err and "no such file" not in err
    assert main([str(Path(tmp_path) / "missing.apk")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_options_unchanged_report_still_validates(apks, validate_report):
    validate_report(scan_file(str(apks["depth_app"]), ScanOptions(allow_domains=["depth-bank.cn"])))
