"""Issue 15, depth: deep links, emulator checks, compilers, resource obfuscation, nested packages,
fingerprints, and bounded memory on a DEX far larger than what is held in memory."""

from __future__ import annotations

import json
import os
import zipfile

import pytest
from hostile import apk_with

from appgov.engines.apkscan import Limits, ScanOptions, scan_file
from appgov.engines.apkscan.fingerprints import finding_location

EXAMPLES_TESTS = "tests"


def _rules(report) -> set[str]:
    return {f["rule"] for f in report["findings"]}


@pytest.fixture(scope="module")
def depth(apks):
    return scan_file(str(apks["depth_app"]))


def test_deep_links_and_app_links(depth, validate_report):
    validate_report(depth)
    links = depth["deep_links"]
    assert len(links) == 2  # the SEND filter is not BROWSABLE
    verified, plain = links
    assert verified["component"] == "com.example.depth.LinkActivity"
    assert verified["auto_verify"] is True and verified["app_link"] is True
    assert verified["uris"] == ["https://m.depth-bank.cn/pay*"]
    assert plain["auto_verify"] is False and plain["app_link"] is False
    assert plain["schemes"] == ["http", "depthbank"] and plain["custom_schemes"] == ["depthbank"]
    assert "http://www.depth-bank.cn/open" in plain["uris"] and "depthbank://transfer/open" in plain["uris"]
    assert {"DEEP_LINK_UNVERIFIED", "DEEP_LINK_CUSTOM_SCHEME"} <= _rules(depth)
    unverified = next(f for f in depth["findings"] if f["rule"] == "DEEP_LINK_UNVERIFIED")
    assert "m.depth-bank.cn" not in " ".join(unverified["evidence"])  # the verified filter is fine


def test_emulator_checks_through_build_fields(depth):
    ev = [e for e in depth["hardening"]["emulator_detection"] if e.startswith("classes.dex: reads")]
    assert len(ev) == 1
    assert "Build.FINGERPRINT" in ev[0] and "Build.HARDWARE" in ev[0] and "'goldfish'" in ev[0]
    assert "'generic'" in ev[0]


def test_compiler_of_smali_output_is_dexlib2(depth):
    top = next(t for t in depth["tooling"]["dex"] if t["file"] == "classes.dex")
    assert top["compiler_id"] == "dexlib2" and top["rebuilt"] is True
    assert "DEX_REBUILT" in _rules(depth)


def test_compilers_of_real_apks(androguard_examples, tmp_path):
    """dx, d8 (marker), dexmerge on Debian's androguard examples; a d8 file with its marker stripped."""
    base = androguard_examples / EXAMPLES_TESTS

    def tools(path):
        return [t["compiler_id"] for t in scan_file(str(path))["tooling"]["dex"]]

    assert tools(base / "com.teleca.jamendo_35.apk") == ["dx"]
    d8 = scan_file(str(base / "com.test.intent_filter.apk"))
    assert [t["compiler_id"] for t in d8["tooling"]["dex"]] == ["d8"]
    assert d8["tooling"]["dex"][0]["marker"].startswith('~~D8{"compilation-mode":')
    merged = scan_file(str(base / "hello-world.apk"))
    assert merged["tooling"]["dex"][0]["dexmerge"] is True
    assert "classes.dex: dexmerge" in merged["tooling"]["manipulators"]
    with zipfile.ZipFile(base / "com.test.intent_filter.apk") as zf:
        dex = zf.read("classes.dex")
    assert dex.count(b"~~D8{") == 1
    stripped = apk_with(
        base / "com.test.intent_filter.apk",
        {"classes.dex": dex.replace(b"~~D8{", b"~~XX{")},
        tmp_path / "s.apk",
    )
    report = scan_file(str(stripped))
    assert report["tooling"]["dex"][0]["compiler_id"] == "r8_no_marker"
    assert "DEX_MARKER_STRIPPED" in _rules(report)
    as_r8 = apk_with(
        base / "com.test.intent_filter.apk",
        {"classes.dex": dex.replace(b"~~D8{", b"~~R8{")},
        tmp_path / "r.apk",
    )
    r8 = scan_file(str(as_r8))["tooling"]["dex"][0]
    assert r8["compiler_id"] == "r8" and r8["marker"].startswith('~~R8{"compilation-mode":')


def test_resource_obfuscation(apks, tmp_path):
    names = {f"r/{chr(97 + i % 26)}/{chr(97 + i // 26)}.xml": b"<x/>" for i in range(40)}
    obfuscated = apk_with(apks["sdk_app"], names, tmp_path / "andresguard.apk")
    report = scan_file(str(obfuscated))
    assert any("AndResGuard" in m and "r/" in m for m in report["tooling"]["manipulators"])
    assert not scan_file(str(apks["sdk_app"]))["tooling"]["manipulators"]


def test_nested_apk_and_dex(depth):
    nested = {n["path"]: n for n in depth["nested"]}
    plugin = nested["assets/plugin.apk"]
    assert plugin["package"] == "cn.example.bank.demo" and plugin["error"] is None
    assert plugin["dex_files"] == ["assets/plugin.apk!classes.dex"]
    assert {"umeng_analytics", "jpush"} <= {s["id"] for s in plugin["sdks"]}
    payload = nested["res/raw/payload.dex"]
    assert payload["class_count"] > 0 and {s["id"] for s in payload["sdks"]} >= {"umeng_analytics"}
    # secrets and URLs of nested code carry the path that holds them
    assert any(s["location"] == "assets/plugin.apk!classes.dex" for s in depth["secrets"])
    assert any("assets/plugin.apk!classes.dex" in u["locations"] for u in depth["urls"])
    # ... and the top-level SDK list stays the app's own
    assert "umeng_analytics" not in {s["id"] for s in depth["sdks"]}
    dyn = next(f for f in depth["findings"] if f["rule"] == "DYNAMIC_CODE_LOADING")
    assert any("assets/plugin.apk" in e and "umeng_analytics" in e for e in dyn["evidence"])


def test_nested_analysis_is_limited(apks):
    shallow = scan_file(str(apks["depth_app"]), ScanOptions(limits=Limits(max_nested_depth=0)))
    assert all("nested deeper than 0 levels" in n["error"] for n in shallow["nested"])
    one = scan_file(str(apks["depth_app"]), ScanOptions(limits=Limits(max_nested_archives=1)))
    errors = [n["error"] for n in one["nested"]]
    assert errors.count(None) == 1 and any("more than 1 nested" in (e or "") for e in errors)
    # the same decompression budget: the nested APK's entries count against it
    with zipfile.ZipFile(apks["depth_app"]) as zf:
        before = ("AndroidManifest.xml", "resources.arsc", "classes.dex", "assets/plugin.apk")
        used = sum(zf.getinfo(n).file_size for n in before)  # inflated before the plugin's own entries
    tight = Limits(max_total_inflated=used + 100)
    report = scan_file(str(apks["depth_app"]), ScanOptions(limits=tight))
    assert any("decompression budget" in (n["error"] or "") for n in report["nested"])


def test_fingerprints_are_stable_across_rebuilds(apks):
    a = scan_file(str(apks["sdk_app"]))
    b = scan_file(str(apks["sdk_app_v1_only"]))  # the same app, built and signed again
    fa = {f["rule"]: f["fingerprint"] for f in a["findings"]}
    fb = {f["rule"]: f["fingerprint"] for f in b["findings"]}
    common = set(fa) & set(fb) - {"JANUS_V1_ONLY"}
    assert {"HARDCODED_SECRET", "EXPORTED_UNPROTECTED", "HTTP_URLS", "DEBUGGABLE"} <= common
    assert all(fa[r] == fb[r] for r in common)
    assert len({f["fingerprint"] for f in a["findings"]}) == len(a["findings"])
    # multidex renumbering does not change a finding's location
    f1 = {"id": "WEBVIEW_DEBUGGING", "evidence": ["classes2.dex: setWebContentsDebuggingEnabled"]}
    f2 = {"id": "WEBVIEW_DEBUGGING", "evidence": ["classes5.dex: setWebContentsDebuggingEnabled"]}
    assert finding_location(f1, "evidence") == finding_location(f2, "evidence")
    u1 = {"id": "URL_NOT_ALLOWED", "evidence": ["t.cn: 2 URL(s), e.g. https://t.cn/a"]}
    u2 = {"id": "URL_NOT_ALLOWED", "evidence": ["t.cn: 5 URL(s), e.g. https://t.cn/b"]}
    u3 = {
        "id": "URL_NOT_ALLOWED",
        "evidence": ["t.cn: 5 URL(s), e.g. https://t.cn/b", "x.cn: 1 URL(s), e.g. http://x.cn"],
    }
    assert (
        finding_location(u1, "evidence")
        == finding_location(u2, "evidence")
        != finding_location(u3, "evidence")
    )


def _huge_dex_apk(path, manifest: bytes, size: int, url: bytes) -> None:
    """A DEX of `size` bytes that compresses about 250:1 (within the ratio limit), written in pieces."""
    header = b"dex\n035\x00" + b"\x00" * 0x68
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("AndroidManifest.xml", manifest)
        info = zipfile.ZipInfo("classes.dex")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            out.write(header)
            left = size - len(header)
            i = 0
            while left > 0:
                piece = (os.urandom(2048) + b"\x00" * (1 << 20))[:left]
                if i == 100:  # a URL straddling two inflate pieces
                    piece = piece[: (1 << 20) - 10] + url[:20]
                    out.write(piece)
                    left -= len(piece)
                    piece = url[20:] + b"\x00" * 100
                out.write(piece)
                left -= len(piece)
                i += 1


def test_huge_dex_stays_under_200_mb(apks, tmp_path):
    from test_robustness import _manifest, run_cli

    path = tmp_path / "in" / "huge.apk"
    path.parent.mkdir()
    url = b"https://streamed.example-bank.cn/very/long/path/into/the/next/piece"
    _huge_dex_apk(path, _manifest(apks), 250 * 1024 * 1024, url)
    info = zipfile.ZipFile(path).getinfo("classes.dex")
    assert info.file_size // info.compress_size < Limits().max_ratio  # the limits accept it
    work = tmp_path / "work"
    work.mkdir()
    rc, out, err, _elapsed, peak_kb = run_cli(path, work, "--out", str(tmp_path / "r.json"), timeout=300)
    assert rc == 0, err
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb // 1024} MB"
    report = json.loads((tmp_path / "r.json").read_text())
    assert url.decode() in {u["url"] for u in report["urls"]}
    assert any("streaming" in n for n in report["platform_details"]["analysis_limits"])
    assert "ZIP_ENTRY_ANOMALY" not in {f["rule"] for f in report["findings"]}
    assert not list(work.iterdir())
