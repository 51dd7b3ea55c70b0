"""Time-bounded fuzzing: mutations of real fixture packages only ever produce a report or a PackageError."""

from __future__ import annotations

import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appgov.engines.apkscan import PackageError, scan_file

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for kind, pos, value in ops:
        if not buf:
            break
        pos %= len(buf)
        if kind == "flip":
            buf[pos] ^= value or 1
        elif kind == "set32":
            buf[pos : pos + 4] = (value * 0x01010101 & 0xFFFFFFFF).to_bytes(4, "little")
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


def _scan_ok(path) -> None:
    try:
        scan_file(str(path))
    except PackageError:
        pass


def _rezip(src, out, member: str, mutated: bytes) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, mutated if info.filename == member else zin.read(info.filename))


def test_fuzz_raw_archive_bytes(apks, ipa, hap, tmp_path_factory):
    sources = [
        apks["sdk_app"].read_bytes(),
        apks["packed_app"].read_bytes(),
        ipa.read_bytes(),
        hap.read_bytes(),
    ]
    d = tmp_path_factory.mktemp("fuzz-raw")

    @FUZZ
    @given(src=st.integers(0, len(sources) - 1), ops=OPS)
    def run(src, ops):
        p = d / "m.bin"
        p.write_bytes(_mutate(sources[src], ops))
        _scan_ok(p)

    run()


def test_fuzz_inner_files(apks, ipa, hap, tmp_path_factory):
    """Valid ZIP containers whose manifest / dex / resources / plist / Mach-O / module.json are mutated,
    so the inner parsers see the damage (raw mutations mostly stop at the CRC check)."""
    targets = [
        (apks["sdk_app"], "AndroidManifest.xml"),
        (apks["sdk_app"], "classes.dex"),
        (apks["sdk_app"], "resources.arsc"),
        (apks["packed_app"], "res/xml/network_security_config.xml"),
        (apks["sdk_app"], "META-INF/RELEASE.RSA"),
        (ipa, "Payload/Demo.app/Info.plist"),
        (ipa, "Payload/Demo.app/Demo"),
        (hap, "module.json"),
    ]
    blobs = []
    for src, member in targets:
        with zipfile.ZipFile(src) as zf:
            if member in zf.namelist():
                blobs.append((src, member, zf.read(member)))
    assert len(blobs) >= 7
    d = tmp_path_factory.mktemp("fuzz-inner")

    @FUZZ
    @given(i=st.integers(0, len(blobs) - 1), ops=OPS)
    def run(i, ops):
        src, member, data = blobs[i]
        out = d / ("m" + src.suffix)
        _rezip(src, out, member, _mutate(data, ops))
        _scan_ok(out)

    run()
