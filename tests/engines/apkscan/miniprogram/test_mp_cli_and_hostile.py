"""`appgov scan` on mini-program inputs: output formats, the encrypted Windows-cache copy, and hostile or
malformed packages, which end in exit 2 with one line on stderr, writing nothing anywhere."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import APPID
from mp_builder import data_start, encrypt_pc_copy, pack, pack_raw

SRC = Path(__file__).resolve().parents[4] / "src"


def run_cli(target: Path, workdir: Path, *args: str) -> tuple[int, str, str]:
    """`appgov scan` in a child process with a 1 GiB address-space cap, its cwd and TMPDIR in `workdir`,
    which must still be empty afterwards."""
    cwd, tmp = workdir / "cwd", workdir / "tmp"
    cwd.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(exist_ok=True)
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from appgov.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC), TMPDIR=str(tmp), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-c", code, "scan", str(target), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert list(cwd.iterdir()) == [] and list(tmp.iterdir()) == [], "the scan wrote files"
    return proc.returncode, proc.stdout, proc.stderr


def assert_refused(target: Path, workdir: Path, fragment: str, *args: str) -> str:
    rc, out, err = run_cli(target, workdir, *args)
    assert rc == 2, (rc, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("appgov scan: error: "), err
    assert fragment in err, err
    return err


def test_json_text_and_cyclonedx(bank_folder, tmp_path):
    rc, out, err = run_cli(bank_folder, tmp_path / "json")
    assert rc == 0, err
    assert json.loads(out)["platform"] == "wechat-miniprogram"
    rc, out, _ = run_cli(bank_folder, tmp_path / "text", "--format", "text")
    assert rc == 0 and "平台 Platform: wechat-miniprogram" in out and "wx.chooseAddress -> address" in out
    rc, out, _ = run_cli(bank_folder, tmp_path / "cdx", "--format", "cyclonedx")
    bom = json.loads(out)
    assert rc == 0 and bom["metadata"]["component"]["bom-ref"] == f"pkg:wechat-miniprogram/{APPID}@"
    plugins = {c["name"]: c for c in bom["components"]}
    assert plugins["plugin ocrPlugin"]["version"] == "2.1.0"
    assert plugins["plugin ocrPlugin"]["supplier"]["name"] == "plugin provider wx1a2b3c4d5e6f7081"


def test_encrypted_copy_needs_and_uses_the_appid(bank_encrypted, bank_main, tmp_path):
    assert bank_encrypted.read_bytes()[:6] == b"V1MMWX"
    assert_refused(bank_encrypted, tmp_path / "no-appid", "pass the mini-program's appid with --appid")
    assert_refused(bank_encrypted, tmp_path / "wrong", "wrong --appid", "--appid", "wx00000000000000ff")
    rc, out, err = run_cli(bank_encrypted, tmp_path / "ok", "--appid", APPID)
    assert rc == 0, err
    dec = json.loads(out)
    rc, out, _ = run_cli(bank_main, tmp_path / "plain")
    plain = json.loads(out)
    assert dec["platform_details"]["packages"][0]["encrypted_pc_cache_copy"] is True
    assert dec["platform_details"]["privacy"] == plain["platform_details"]["privacy"]
    assert [u["url"] for u in dec["urls"]] == [u["url"] for u in plain["urls"]]
    assert dec["app"]["id"] == APPID


def test_short_appid_uses_the_default_xor_byte(bank_main, tmp_path):
    enc = tmp_path / "short.wxapkg"
    enc.write_bytes(encrypt_pc_copy(bank_main.read_bytes(), "w"))
    rc, out, err = run_cli(enc, tmp_path / "run", "--appid", "w")
    assert rc == 0, err


def _entries(names_sizes):
    """(name, size) pairs laid out one after the other after the index."""
    start = data_start(names_sizes)
    out, off = [], start
    for n, size in names_sizes:
        out.append((n, off, size))
        off += size
    return out


GOOD = _entries([(b"/app-config.json", 2), (b"/a.js", 3)])


def _hostile_cases(bank_main_bytes: bytes) -> dict[str, tuple[bytes, str]]:
    two = pack({"app-config.json": b"{}", "a.js": b"x=1"})
    return {
        "empty": (b"", "file is empty"),
        "header_only": (b"\xbe" + b"\x00" * 12 + b"\xed", "too short for a .wxapkg header"),
        "bad_marks": (b"\xbf" + two[1:], "header marks are 0xBF/0xED"),
        "truncated": (bank_main_bytes[: len(bank_main_bytes) // 2], "(truncated)"),
        "index_past_end": (pack_raw(GOOD, b"{}x=1", index_len=10_000), "runs past the end"),
        "entry_outside": (
            pack_raw([GOOD[0], (b"/a.js", 900_000, 3)], b"{}x=1"),
            "lies outside the data area",
        ),
        "entry_size_overflows": (
            pack_raw([GOOD[0], (b"/a.js", GOOD[1][1], 0xFFFFFFFF)], b"{}x=1"),
            "outside the data area",
        ),
        "overlap": (pack_raw([GOOD[0], (b"/a.js", GOOD[0][1], 3)], b"{}x=1"), "overlap"),
        "dot_dot": (pack_raw(_entries([(b"/../../etc/cron.d/x", 2)]), b"{}"), "'..' component"),
        "absolute": (pack_raw(_entries([(b"//etc/passwd", 2)]), b"{}"), "absolute path"),
        "drive": (pack_raw(_entries([(b"/C:/Windows/x", 2)]), b"{}"), "absolute path"),
        "nul_name": (pack_raw(_entries([(b"/a\x00.js", 2)]), b"{}"), "NUL byte"),
        "not_utf8": (pack_raw(_entries([(b"/\xff\xfe.js", 2)]), b"{}"), "name is not UTF-8"),
        "huge_count": (pack_raw(GOOD, b"{}x=1", count=0xFFFFFFFF), "over the 100000 limit"),
        "count_beyond_index": (pack_raw(GOOD, b"{}x=1", count=90_000), "more than its"),
        "duplicate": (
            pack_raw(_entries([(b"/app-config.json", 2), (b"/app-config.json", 3)]), b"{}x=1"),
            "duplicate file",
        ),
        "bad_config": (
            pack({"app-config.json": b'{"pages": [', "a.js": b"x"}),
            "app-config.json: invalid JSON",
        ),
        "config_not_object": (pack({"app-config.json": b"[1]"}), "expected a JSON object"),
    }


@pytest.mark.parametrize("case", sorted(_hostile_cases(b"\xbe" * 64)))
def test_hostile_package(case, bank_main, tmp_path):
    data, fragment = _hostile_cases(bank_main.read_bytes())[case]
    p = tmp_path / "in" / "p.wxapkg"
    p.parent.mkdir()
    p.write_bytes(data)
    assert_refused(p, tmp_path / "run", fragment)


def test_over_512_mb_is_refused_before_reading(tmp_path):
    p = tmp_path / "big.wxapkg"
    with open(p, "wb") as fh:
        fh.write(pack({"app-config.json": b"{}"}))
        fh.truncate(512 * 1024**2 + 1)  # sparse: nothing near that size is written to disk
    assert_refused(p, tmp_path / "run", "over the 536870912 byte limit")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return buf.getvalue()


def test_zip_bomb_inside_a_zip_of_packages(tmp_path):
    bomb = pack({"app-config.json": b"{}", "big.js": b"\x00" * (40 * 1024**2)})
    p = tmp_path / "bundle.zip"
    p.write_bytes(_zip({"__APP__.wxapkg": bomb}))
    assert p.stat().st_size < 200_000
    assert_refused(p, tmp_path / "run", "(zip bomb)")


def test_zip_member_with_traversal_name(bank_main, tmp_path):
    p = tmp_path / "bundle.zip"
    p.write_bytes(_zip({"__APP__.wxapkg": bank_main.read_bytes(), "../../evil.wxapkg": b"x"}))
    assert_refused(p, tmp_path / "run", "path traversal")


def test_folder_errors(bank_main, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("no packages")
    assert_refused(empty, tmp_path / "run1", "is a directory with no .wxapkg package")
    two = tmp_path / "two"
    two.mkdir()
    (two / "a.wxapkg").write_bytes(bank_main.read_bytes())
    (two / "b.wxapkg").write_bytes(bank_main.read_bytes())
    assert_refused(two, tmp_path / "run2", "2 packages hold /app-config.json")


def test_folder_does_not_follow_symlinks(bank_main, tmp_path):
    outside = tmp_path / "outside.wxapkg"
    outside.write_bytes(b"not read")
    d = tmp_path / "d"
    d.mkdir()
    (d / "__APP__.wxapkg").write_bytes(bank_main.read_bytes())
    (d / "link.wxapkg").symlink_to(outside)
    rc, out, err = run_cli(d, tmp_path / "run")
    assert rc == 0, err
    assert [p["label"] for p in json.loads(out)["platform_details"]["packages"]] == ["__APP__.wxapkg"]
