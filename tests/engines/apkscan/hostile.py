"""Builders of hostile / malformed packages for the robustness tests."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path


def _local(
    name: bytes,
    data: bytes,
    method: int = 8,
    crc: int | None = None,
    usize: int | None = None,
    flags: int = 0,
):
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = comp.compress(data) + comp.flush() if method == 8 else data
    crc = zlib.crc32(data) if crc is None else crc
    usize = len(data) if usize is None else usize
    header = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, flags, method, 0, 0, crc, len(body), usize, len(name), 0
    )
    return header + name + body, (name, method, crc, len(body), usize, flags)


def raw_zip(entries: list[tuple[bytes, bytes]], overlap: bool = False, **kw) -> bytes:
    """A ZIP written by hand, so it can hold what zipfile refuses (duplicates, traversal names, overlaps)."""
    out, cd = b"", b""
    offsets = []
    for name, data in entries:
        local, meta = _local(name, data, **kw)
        offsets.append(len(out))
        out += local
        name_, method, crc, csize, usize, flags = meta
        off = offsets[0] if overlap and len(offsets) > 1 else offsets[-1]
        cd += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                flags,
                method,
                0,
                0,
                crc,
                csize,
                usize,
                len(name_),
                0,
                0,
                0,
                0,
                0,
                off,
            )
            + name_
        )
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(cd), len(out), 0)
    return out + cd + eocd


def zip_bomb(path: Path, manifest: bytes, size: int = 300 * 1024 * 1024, declared: int | None = None) -> Path:
    """One entry that inflates to `size` bytes of zeros (about 1000:1), written without holding it in memory."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\x00" * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(size >> 20)) + comp.flush()
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(chunk, crc)
    name = b"classes.dex"
    usize = size if declared is None else declared
    local = (
        struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), usize, len(name), 0)
        + name
        + body
    )
    manifest_local, meta = _local(b"AndroidManifest.xml", manifest)
    out = manifest_local + local
    cd = (
        struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            meta[2],
            meta[3],
            meta[4],
            len(meta[0]),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + meta[0]
    )
    cd += (
        struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(body),
            usize,
            len(name),
            0,
            0,
            0,
            0,
            0,
            len(manifest_local),
        )
        + name
    )
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 2, 2, len(cd), len(out), 0)
    path.write_bytes(out + cd + eocd)
    return path


def deep_axml(depth: int) -> bytes:
    """Binary XML with `depth` nested <a> elements (a hostile, absurdly nested manifest)."""
    strings = ["a"]
    pool_strings = b""
    offs = []
    for s in strings:
        offs.append(len(pool_strings))
        enc = s.encode()
        pool_strings += bytes([len(s), len(enc)]) + enc + b"\x00"
    pool_strings += b"\x00" * (-len(pool_strings) % 4)
    hdr = 28
    pool = (
        struct.pack(
            "<HHIIIIII",
            1,
            hdr,
            hdr + 4 * len(offs) + len(pool_strings),
            len(offs),
            0,
            0x100,
            hdr + 4 * len(offs),
            0,
        )
        + b"".join(struct.pack("<I", o) for o in offs)
        + pool_strings
    )
    start = struct.pack("<HHIII", 0x0102, 16, 36, 1, 0xFFFFFFFF) + struct.pack(
        "<IIHHHHHH", 0xFFFFFFFF, 0, 20, 20, 0, 0, 0, 0
    )
    end = struct.pack("<HHIII", 0x0103, 16, 24, 1, 0xFFFFFFFF) + struct.pack("<II", 0xFFFFFFFF, 0)
    body = pool + start * depth + end * depth
    return struct.pack("<HHI", 3, 8, 8 + len(body)) + body


def apk_with(base: Path, replace: dict[str, bytes], out: Path) -> Path:
    """Copy of `base` with some entries replaced (valid ZIP, valid CRCs; the inner files are hostile)."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = replace.get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data)
        for name, data in replace.items():
            if name not in src.namelist():
                dst.writestr(name, data)
    return out
