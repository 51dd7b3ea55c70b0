"""Mini-program packages for the Django-side tests: built by the engine tests' builder (tests/engines/apkscan/
miniprogram/mp_builder.py) from the same projects, so web app and engine are tested on the same packages."""

import io
import struct
import sys
import zipfile
from pathlib import Path

MP_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan" / "miniprogram"
if str(MP_TESTS) not in sys.path:
    sys.path.insert(0, str(MP_TESTS))

from mp_builder import compile_project, encrypt_pc_copy, pack, pack_raw  # noqa: E402

APPID = "wx0123456789abcdef"
OTHER_APPID = "wxfedcba9876543210"


def bank() -> dict[str, bytes]:
    """bank_demo: a sub-package, two plugins, a map SDK, privacy calls declared and not, an AppSecret,
    http and IP-literal hosts, eval, a web-view to an address from the page's parameters."""
    return compile_project("bank_demo")


def clean() -> bytes:
    """clean_demo's main package: one declared location call, one https host."""
    return compile_project("clean_demo")["__APP__.wxapkg"]


def zipped(packages: dict[str, bytes], folder: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in packages.items():
            zf.writestr(f"{folder}{name}", data)
    return buf.getvalue()


def encrypted(plain: bytes, appid: str) -> bytes:
    return encrypt_pc_copy(plain, appid)


def hostile() -> dict[str, bytes]:
    """Packages every reader must refuse: each names what is wrong in a different way."""
    good = clean()
    body = b"Page({});\n"
    entry = [(b"/pages/a.js", 14 + 4 + 4 + 11 + 8, len(body))]
    traversal_name = b"/../../etc/cron.d/x"
    start = 14 + 4 + 4 + len(traversal_name) + 8
    return {
        "truncated": good[: len(good) // 2],
        "traversal": pack_raw([(traversal_name, start, len(body))], body),
        "absolute": pack_raw([(b"//etc/passwd", 14 + 4 + 4 + 12 + 8, len(body))], body),
        "outside": pack_raw([(entry[0][0], entry[0][1], 10_000)], body),
        "huge_count": struct.pack(">BIIIB", 0xBE, 0, 8, 0, 0xED) + struct.pack(">I", 4_000_000) + b"\0" * 4,
        "overlap": pack_raw(
            [(b"/a.js", 14 + 4 + 2 * (4 + 5 + 8), 8), (b"/b.js", 14 + 4 + 2 * (4 + 5 + 8) + 4, 6)], body
        ),
    }


__all__ = ["APPID", "OTHER_APPID", "bank", "clean", "encrypted", "hostile", "pack", "zipped"]
