"""Mach-O executables over the in-memory limit are analysed in streamed passes: same facts as the
in-memory reading, tampering still detected, and memory bounded for a 200 MiB executable."""

from __future__ import annotations

import json

from pkg_builders import build_ipa, build_macho

from appgov.engines.apkscan import Limits, ScanOptions, scan_file

STREAM = ScanOptions(limits=Limits(max_binary_in_memory=1))  # every binary streamed


def _facts(report: dict) -> dict:
    return {
        "sdks": sorted(s["id"] for s in report["sdks"]),
        "urls": sorted(u["url"] for u in report["urls"]),
        "secrets": sorted((s["kind"], s["masked_value"]) for s in report["secrets"]),
        "signing": {k: report["signing"][k] for k in ("schemes", "verified", "certificates")},
        "abis": report["native"]["abis"],
        "markers": {k: report["hardening"][k] for k in ("anti_debug", "anti_root")},
        "rules": sorted(f["rule"] for f in report["findings"]),
    }


def test_streamed_executable_gives_the_same_facts(ipa, validate_report):
    whole = scan_file(str(ipa))
    streamed = validate_report(scan_file(str(ipa), STREAM))
    assert streamed["signing"]["verified"] is True
    assert _facts(streamed) == _facts(whole)
    assert any("streamed passes" in n for n in streamed["platform_details"]["analysis_limits"])
    assert not whole["platform_details"]["analysis_limits"]


def test_streamed_executable_detects_tampered_pages(tmp_path, signer):
    exe = bytearray(
        build_macho(["AppDelegate"], ["https://x.example.cn"], [], signer=signer, entitlements={})
    )
    at = exe.find(b"x.example.cn")
    exe[at] = ord("y")  # a C string, covered by a code page hash; the structure stays valid
    path = build_ipa(tmp_path / "t.ipa", executable_bytes=bytes(exe))
    for options in (ScanOptions(), STREAM):
        r = scan_file(str(path), options)
        assert r["signing"]["verified"] is False
        assert any("code page" in e for e in r["signing"]["verification_errors"])


def test_200_mib_executable_stays_under_200_mb(tmp_path, signer):
    from test_robustness import run_cli

    filler = ["padding-" + "x" * 1000] * (210 * 1024)  # over 200 MiB of C strings
    exe = build_macho(
        ["AppDelegate"], ["https://big.example-bank.cn/api", *filler], [], signer=signer, entitlements={}
    )
    assert len(exe) > 200 * 1024 * 1024
    (tmp_path / "in").mkdir()
    path = build_ipa(tmp_path / "in" / "big.ipa", executable_bytes=exe)
    del exe, filler
    work = tmp_path / "work"
    work.mkdir()
    rc, _out, err, _elapsed, peak_kb = run_cli(path, work, "--out", str(tmp_path / "r.json"), timeout=300)
    assert rc == 0, err
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb // 1024} MB"
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["signing"]["verified"] is True
    assert "https://big.example-bank.cn/api" in {u["url"] for u in report["urls"]}


def test_harmony_module_limits(tmp_path, signer, hap):
    """An entry .hap over the in-memory module limit is refused by name; a large .abc is searched in
    pieces rather than skipped."""
    import zipfile

    import pytest

    from appgov.engines.apkscan import PackageError

    bundle = tmp_path / "bundle.app"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("pack.info", "{}")
        zf.writestr("entry-default.hap", hap.read_bytes())
    with pytest.raises(PackageError, match="over the 1000 byte limit for a module held in memory"):
        scan_file(str(bundle), ScanOptions(limits=Limits(max_nested_hap_size=1000)))

    big = tmp_path / "big.hap"
    with zipfile.ZipFile(hap) as src, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        import os

        abc = os.urandom(20 * 1024 * 1024) + b"\x00https://abc.example-bank.cn/streamed\x00"
        dst.writestr("ets/big.abc", abc)
    report = scan_file(str(big))
    assert "https://abc.example-bank.cn/streamed" in {u["url"] for u in report["urls"]}
