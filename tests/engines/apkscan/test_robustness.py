"""Hostile and malformed packages end in exit 2 with one line on stderr, in bounded time and memory,
writing nothing outside a temporary directory and executing nothing."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import apk_with, deep_axml, raw_zip, zip_bomb

from appgov.engines.apkscan import Limits, PackageError, ScanOptions, scan_file
from appgov.engines.apkscan.axml import StringPool

SRC = Path(__file__).resolve().parents[3] / "src"


def run_cli(path: Path, cwd: Path, *args: str, timeout: float = 60):
    """Run `appgov scan` in a child process with a 1 GiB address-space cap.

    Returns (exit code, stdout, stderr, seconds, the child's own peak RSS in KB)."""
    rss_file = cwd.parent / f"{cwd.name}-{path.name}.maxrss"
    env = dict(os.environ, PYTHONPATH=str(SRC), TMPDIR=str(cwd), APPGOV_TEST_RSS=str(rss_file))
    code = (
        "import os, resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from appgov.cli import main\n"
        "rc = 1\n"
        "try:\n"
        "    rc = main(sys.argv[1:])\n"
        "finally:\n"
        "    with open(os.environ['APPGOV_TEST_RSS'], 'w') as fh:\n"
        # VmHWM belongs to this process image; ru_maxrss survives exec and would count the forking pytest process
        "        hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "        fh.write(hwm)\n"
        "sys.exit(rc)\n"
    )
    t = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, "scan", str(path), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    elapsed = time.monotonic() - t
    peak_kb = int(rss_file.read_text()) if rss_file.exists() else 0
    assert peak_kb > 0
    return proc.returncode, proc.stdout, proc.stderr, elapsed, peak_kb


HOSTILE = {
    "empty": lambda d: b"",
    "not_a_zip": lambda d: b"MZ\x90\x00" + os.urandom(4000),
    "truncated": lambda d: d["sdk_app"].read_bytes()[:9000],
    "path_traversal": lambda d: raw_zip(
        [(b"AndroidManifest.xml", b"x"), (b"../../etc/cron.d/evil", b"* * * * * root sh")]
    ),
    "absolute_path": lambda d: raw_zip([(b"AndroidManifest.xml", b"x"), (b"/tmp/evil.sh", b"#!/bin/sh")]),
    "duplicate_entries": lambda d: raw_zip(
        [(b"AndroidManifest.xml", b"a"), (b"classes.dex", b"1"), (b"classes.dex", b"2")]
    ),
    "overlapping_entries": lambda d: raw_zip(
        [(b"AndroidManifest.xml", b"a" * 1000), (b"classes.dex", b"b" * 1000)], overlap=True
    ),
    "crc_mismatch": lambda d: raw_zip([(b"AndroidManifest.xml", b"\x03\x00\x08\x00" * 4)], crc=1234),
    "lying_size": lambda d: raw_zip([(b"AndroidManifest.xml", b"\x00" * 5000)], usize=10),
    "encrypted_manifest": lambda d: raw_zip([(b"AndroidManifest.xml", os.urandom(300))], method=8, flags=1),
    "garbage_manifest": lambda d: raw_zip([(b"AndroidManifest.xml", os.urandom(3000))], method=0),
    "text_manifest": lambda d: raw_zip([(b"AndroidManifest.xml", b"<?xml version='1.0'?><manifest/>")]),
    "dex_without_manifest": lambda d: raw_zip([(b"classes.dex", b"dex\n035\x00" + b"\x00" * 200)]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_archives_exit_2(name, apks, tmp_path):
    pkg = tmp_path / "in" / f"{name}.apk"
    pkg.parent.mkdir()
    pkg.write_bytes(HOSTILE[name]({"sdk_app": apks["sdk_app"]}))
    work = tmp_path / "cwd"
    work.mkdir()
    rc, out, err, elapsed, _ = run_cli(pkg, work)
    assert rc == 2, (rc, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("appgov scan: error:"), err
    assert elapsed < 30
    assert list(work.iterdir()) == []  # nothing written (cwd is also TMPDIR)
    assert not (tmp_path.parent / "evil.sh").exists()


def test_specific_messages(apks, tmp_path):
    cases = {
        "path_traversal": "path traversal",
        "duplicate_entries": "duplicate entry 'classes.dex'",
        "overlapping_entries": "overlap",
        "crc_mismatch": "CRC mismatch",
        "dex_without_manifest": "no AndroidManifest.xml",
        "text_manifest": "plain-text XML",
    }
    for name, needle in cases.items():
        p = tmp_path / f"{name}.apk"
        p.write_bytes(HOSTILE[name]({"sdk_app": apks["sdk_app"]}))
        with pytest.raises(PackageError) as exc:
            scan_file(str(p))
        assert needle in str(exc.value), (name, str(exc.value))


def _manifest(apks) -> bytes:
    import zipfile

    with zipfile.ZipFile(apks["sdk_app"]) as zf:
        return zf.read("AndroidManifest.xml")


def test_zip_bomb_with_lying_size(apks, tmp_path):
    """Declares 1 MiB but inflates to 300 MiB: inflation stops at the declared size."""
    bomb = zip_bomb(tmp_path / "liar.apk", _manifest(apks), declared=1 << 20)
    rc, _out, err, elapsed, peak_kb = run_cli(bomb, tmp_path)
    assert rc == 2 and "classes.dex" in err, err
    assert elapsed < 15 and peak_kb < 512 * 1024


def test_zip_bomb_is_refused_quickly(apks, tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.apk", _manifest(apks))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    rc, _out, err, elapsed, peak_kb = run_cli(bomb, tmp_path)
    assert rc == 2 and "zip bomb" in err, err
    assert elapsed < 15
    assert peak_kb < 512 * 1024


def test_deeply_nested_manifest(apks, tmp_path):
    pkg = apk_with(apks["sdk_app"], {"AndroidManifest.xml": deep_axml(5000)}, tmp_path / "deep.apk")
    with pytest.raises(PackageError, match="nested deeper than 64"):
        scan_file(str(pkg))
    rc, _o, err, elapsed, _ = run_cli(pkg, tmp_path)
    assert rc == 2 and elapsed < 30


def test_element_count_limit(apks, tmp_path):
    pkg = apk_with(apks["sdk_app"], {"AndroidManifest.xml": deep_axml(60)}, tmp_path / "many.apk")
    with pytest.raises(PackageError, match="more than 10 elements"):
        scan_file(str(pkg), ScanOptions(limits=Limits(max_xml_elements=10)))


def test_broken_dex_header(apks, tmp_path):
    import zipfile

    with zipfile.ZipFile(apks["sdk_app"]) as zf:
        dex = bytearray(zf.read("classes.dex"))
    bad_magic = bytes(b"dey\n035\x00" + dex[8:])
    short = bytes(dex[:40])
    huge_table = bytearray(dex)
    huge_table[56:60] = (0x7FFFFFFF).to_bytes(4, "little")  # string_ids_size
    for label, data, needle in (
        ("magic", bad_magic, "bad DEX magic"),
        ("short", short, "too short"),
        ("table", bytes(huge_table), "string_ids table"),
    ):
        pkg = apk_with(apks["sdk_app"], {"classes.dex": data}, tmp_path / f"dex-{label}.apk")
        with pytest.raises(PackageError, match=needle):
            scan_file(str(pkg))
        rc, _o, err, _t, _ = run_cli(pkg, tmp_path)
        assert rc == 2 and "classes.dex" in err


def test_entry_size_limit(apks):
    with pytest.raises(PackageError, match="over the 100 byte limit"):
        scan_file(str(apks["sdk_app"]), ScanOptions(limits=Limits(max_entry_size=100)))


def test_file_size_limit(apks):
    with pytest.raises(PackageError, match="byte limit"):
        scan_file(str(apks["sdk_app"]), ScanOptions(limits=Limits(max_file_size=1000)))


def test_internal_error_is_exit_1(apks, tmp_path, monkeypatch):
    from appgov.engines.apkscan import cli, scan

    def boom(*a, **k):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(scan, "scan_file", boom)
    assert cli.main([str(apks["sdk_app"])]) == 1


def test_end_of_central_directory_signature_in_the_last_bytes_is_refused_by_name(tmp_path):
    # a signature in the final 21 bytes cannot start a whole record; it once crashed the reader with struct.error
    path = tmp_path / "tail.apk"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 40 + b"PK\x05\x06" + b"\0" * 10)
    with pytest.raises(PackageError, match="end-of-central-directory"):
        scan_file(str(path))


@pytest.mark.parametrize(("hsize", "size", "count"), [(200, 220, 10), (4380, 4464, 54), (64, 40, 0)])
def test_string_pool_whose_header_pushes_its_offsets_out_is_refused_by_name(hsize, size, count):
    """A string pool whose declared header size leaves no room for its offset table inside the chunk
    (found by test_fuzz_inner_files): a PackageError naming the pool, not struct.error."""
    head = struct.pack("<HHIIIIII", 0x0001, hsize, size, count, 0, 0, 0, 0)
    buf = head + bytes(max(size, len(head)) - len(head))
    with pytest.raises(PackageError, match="string pool at byte 0"):
        StringPool(buf, 0, "m.apk!AndroidManifest.xml")
