"""Time-bounded fuzzing of the mini-program path: mutated packages (raw bytes, the index alone, the
configuration inside a valid package, the encrypted cache copy, a ZIP of packages) only ever produce a
report or a PackageError."""

from __future__ import annotations

import io
import struct
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mp_builder import encrypt_pc_copy, pack

from appgov.engines.apkscan import PackageError, ScanOptions, scan_file
from appgov.engines.apkscan.miniprogram.wxapkg import WxPackage

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
APPID = "wx0123456789abcdef"


def _mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for kind, pos, value in ops:
        if not buf:
            break
        pos %= len(buf)
        if kind == "flip":
            buf[pos] ^= value or 1
        elif kind == "set32":  # big-endian, like every field of the format
            buf[pos : pos + 4] = (value * 0x01010101 & 0xFFFFFFFF).to_bytes(4, "big")
        elif kind == "cut":
            del buf[pos:]
        elif kind == "dup":
            buf[pos:pos] = buf[pos : pos + value]
    return bytes(buf)


OPS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "set32", "cut", "dup", "flip", "set32"]),
        st.integers(0, 1 << 30),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=6,
)


def _scan_ok(path, **kw) -> None:
    try:
        scan_file(str(path), ScanOptions(**kw))
    except PackageError:
        pass


def _index_end(pkg: bytes) -> int:
    (index_len,) = struct.unpack_from(">I", pkg, 5)
    return 14 + index_len


def test_fuzz_raw_package_bytes(bank_packages, tmp_path_factory):
    sources = list(bank_packages.values())
    d = tmp_path_factory.mktemp("fuzz-raw")

    @FUZZ
    @given(src=st.integers(0, len(sources) - 1), ops=OPS)
    def run(src, ops):
        p = d / "m.wxapkg"
        p.write_bytes(_mutate(sources[src], ops))
        _scan_ok(p)

    run()


def test_fuzz_index_only(bank_packages):
    """Mutations confined to the header and index, where every offset, size and name length lives."""
    main = bank_packages["__APP__.wxapkg"]
    end = _index_end(main)

    @FUZZ
    @given(ops=OPS)
    def run(ops):
        head = _mutate(main[:end], [(k, p % end, v) for k, p, v in ops])
        try:
            pkg = WxPackage(head + main[end:], "fuzz")
        except PackageError:
            return
        for e in pkg.entries.values():  # anything the reader accepts lies inside the buffer, without overlap
            assert 0 < e.offset and e.offset + e.size <= pkg.size
            pkg.read(e.name)

    run()


def test_fuzz_configuration_and_code(bank_packages, tmp_path_factory):
    """Valid packages whose app-config.json or app-service.js is damaged, so the analysis sees the damage."""
    from appgov.engines.apkscan.miniprogram.wxapkg import WxPackage as Reader

    main = Reader(bank_packages["__APP__.wxapkg"], "main")
    files = {n: main.read(n) for n in main.names()}
    d = tmp_path_factory.mktemp("fuzz-inner")

    @FUZZ
    @given(member=st.sampled_from(["app-config.json", "app-service.js", "pages/web/web.wxml"]), ops=OPS)
    def run(member, ops):
        changed = dict(files)
        changed[member] = _mutate(files[member], ops)
        p = d / "m.wxapkg"
        p.write_bytes(pack(changed))
        _scan_ok(p)

    run()


def test_fuzz_encrypted_copy_and_zip(bank_packages, tmp_path_factory):
    enc = encrypt_pc_copy(bank_packages["__APP__.wxapkg"], APPID)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in bank_packages.items():
            zf.writestr(n, data)
    sources = [(enc, ".wxapkg"), (buf.getvalue(), ".zip")]
    d = tmp_path_factory.mktemp("fuzz-enc")

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(src=st.integers(0, 1), ops=OPS)
    def run(src, ops):
        data, suffix = sources[src]
        p = d / ("m" + suffix)
        p.write_bytes(_mutate(data, ops))
        _scan_ok(p, appid=APPID)

    run()
