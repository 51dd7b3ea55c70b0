"""Mach-O reader (thin and fat): architectures, linked dylibs, Objective-C / Swift class names,
C-string section, FairPlay encryption and the embedded code signature (CMS + CodeDirectory)."""

from __future__ import annotations

import hashlib
import re
import struct

from .errors import PackageError
from .records import Record

FAT_MAGIC = 0xCAFEBABE
FAT_MAGIC_64 = 0xCAFEBABF
MH_MAGIC = 0xFEEDFACE
MH_MAGIC_64 = 0xFEEDFACF
LC_SEGMENT = 0x1
LC_SEGMENT_64 = 0x19
LC_LOAD_DYLIB = 0xC
LC_LOAD_WEAK_DYLIB = 0x80000018
LC_REEXPORT_DYLIB = 0x8000001F
LC_CODE_SIGNATURE = 0x1D
LC_ENCRYPTION_INFO = 0x21
LC_ENCRYPTION_INFO_64 = 0x2C
CPU_NAMES = {7: "x86", 0x01000007: "x86_64", 12: "armv7", 0x0100000C: "arm64", 0x0200000C: "arm64_32"}
MAX_CMDS = 10_000
CSMAGIC_EMBEDDED_SIGNATURE = 0xFADE0CC0
CSMAGIC_CODEDIRECTORY = 0xFADE0C02
CSMAGIC_BLOBWRAPPER = 0xFADE0B01
CSMAGIC_EMBEDDED_ENTITLEMENTS = 0xFADE7171
CS_HASH = {1: ("sha1", 20), 2: ("sha256", 32), 3: ("sha256", 20), 4: ("sha384", 48)}
_SWIFT_RE = re.compile(r"^_TtC(\d+)(.+)$")


class Slice(Record):
    _fields = {
        "arch": "",
        "classes": list,
        "dylibs": list,
        "cstrings": b"",
        "encrypted": False,
        "code_signature": None,
        "code_limit_data": None,  # (slice offset, slice size) in the file
        "sig_offset": 0,
    }
    __slots__ = tuple(_fields)


def demangle_swift_class(name: str) -> str:
    m = _SWIFT_RE.match(name)
    if not m:
        return name
    rest = m.group(1) + m.group(2)
    parts = []
    while rest and rest[0].isdigit() and len(parts) < 6:
        n = re.match(r"\d+", rest).group()
        size = int(n)
        parts.append(rest[len(n) : len(n) + size])
        rest = rest[len(n) + size :]
    return ".".join(parts) if parts else name


class _BytesSource:
    """Random access to a binary held in memory."""

    def __init__(self, buf):
        self.buf, self.size = buf, len(buf)

    def read(self, off: int, n: int) -> bytes:
        return bytes(self.buf[off : off + n])


class _CapturedSource:
    """Random access to the regions of a streamed binary that were captured in earlier passes."""

    def __init__(self, size: int):
        self.size = size
        self.regions: dict[int, bytes] = {}

    def read(self, off: int, n: int) -> bytes:
        for start, data in self.regions.items():
            if start <= off and off + n <= start + len(data):
                return data[off - start : off - start + n]
        end = min(off + n, self.size)
        raise _NotCaptured(off, end)


class _NotCaptured(Exception):
    def __init__(self, start: int, end: int):
        super().__init__(f"bytes {start}..{end} not captured")
        self.start, self.end = start, end


def _unpack(fmt: str, src, off: int) -> tuple:
    return struct.unpack(fmt, src.read(off, struct.calcsize(fmt)))


def parse_macho(buf: bytes, where: str) -> list[Slice]:
    return _parse_source(_BytesSource(buf), where, None)


def _parse_source(src, where: str, wanted: list | None) -> list[Slice]:
    """Slices of a Mach-O. With `wanted` (a list), section and code-signature bytes are not read but
    their (offset, size, what, slice index) appended to it, for a streamed binary."""
    if src.size < 8:
        raise PackageError(f"{src.size} bytes is too short for a Mach-O header", where)
    (magic_be,) = _unpack(">I", src, 0)
    if magic_be in (FAT_MAGIC, FAT_MAGIC_64):
        (n,) = _unpack(">I", src, 4)
        if n == 0 or n > 16:
            raise PackageError(f"fat Mach-O claims {n} architectures", where)
        entry = 32 if magic_be == FAT_MAGIC_64 else 20
        if 8 + n * entry > src.size:
            raise PackageError("fat Mach-O architecture table overruns the file", where)
        slices = []
        for i in range(n):
            if magic_be == FAT_MAGIC_64:
                _cpu, _sub, off, size = _unpack(">iiQQ", src, 8 + i * entry)
            else:
                _cpu, _sub, off, size = _unpack(">iiII", src, 8 + i * entry)
            if off + size > src.size or size < 28:
                raise PackageError(
                    f"fat architecture {i} at bytes {off}..{off + size} lies outside the file", where
                )
            slices.append(_parse_thin(src, off, size, f"{where} (slice {i})", wanted, i))
        return slices
    return [_parse_thin(src, 0, src.size, where, wanted, 0)]


def fat_slices(head: bytes, size: int) -> list[tuple[int, int]]:
    """(offset, size) of each architecture of a fat binary from its first bytes; [(0, size)] if thin."""
    if len(head) >= 8 and struct.unpack_from(">I", head, 0)[0] in (FAT_MAGIC, FAT_MAGIC_64):
        is64 = struct.unpack_from(">I", head, 0)[0] == FAT_MAGIC_64
        (n,) = struct.unpack_from(">I", head, 4)
        entry = 32 if is64 else 20
        out = []
        for i in range(min(n, 16)):
            if 8 + (i + 1) * entry > len(head):
                break
            if is64:
                _c, _s, off, sz = struct.unpack_from(">iiQQ", head, 8 + i * entry)
            else:
                _c, _s, off, sz = struct.unpack_from(">iiII", head, 8 + i * entry)
            out.append((off, sz))
        return out
    return [(0, size)]


def _parse_thin(src, base: int, size: int, where: str, wanted: list | None = None, index: int = 0) -> Slice:
    (magic,) = _unpack("<I", src, base)
    if magic not in (MH_MAGIC, MH_MAGIC_64):
        raise PackageError(f"bad Mach-O magic 0x{magic:08x} at byte {base}", where)
    is64 = magic == MH_MAGIC_64
    hdr = 32 if is64 else 28
    if size < hdr:
        raise PackageError("Mach-O header truncated", where)
    cputype, _sub, _ftype, ncmds, sizeofcmds, _flags = _unpack("<iiIIII", src, base + 4)
    if ncmds > MAX_CMDS or hdr + sizeofcmds > size:
        raise PackageError(
            f"Mach-O declares {ncmds} load commands / {sizeofcmds} bytes, more than the file holds", where
        )
    sl = Slice(arch=CPU_NAMES.get(cputype & 0xFFFFFFFF, f"cpu{cputype}"))
    sl.code_limit_data = (base, size)
    pos, end = base + hdr, base + hdr + sizeofcmds
    for i in range(ncmds):
        if pos + 8 > end:
            raise PackageError(f"load command {i} at byte {pos} overruns the command area", where)
        cmd, cmdsize = _unpack("<II", src, pos)
        if cmdsize < 8 or pos + cmdsize > end:
            raise PackageError(f"load command {i} (0x{cmd:x}) at byte {pos} has bad size {cmdsize}", where)
        if cmd in (LC_SEGMENT, LC_SEGMENT_64):
            _read_segment(src, base, size, pos, cmd == LC_SEGMENT_64, sl, where, wanted, index)
        elif cmd in (LC_LOAD_DYLIB, LC_LOAD_WEAK_DYLIB, LC_REEXPORT_DYLIB) and cmdsize >= 24:
            (name_off,) = _unpack("<I", src, pos + 8)
            if 8 <= name_off < cmdsize:
                raw = src.read(pos + name_off, cmdsize - name_off).split(b"\x00", 1)[0]
                sl.dylibs.append(raw.decode("utf-8", "replace"))
        elif cmd in (LC_ENCRYPTION_INFO, LC_ENCRYPTION_INFO_64) and cmdsize >= 20:
            (_off, _size, cryptid) = _unpack("<III", src, pos + 8)
            sl.encrypted = cryptid != 0
        elif cmd == LC_CODE_SIGNATURE and cmdsize >= 16:
            dataoff, datasize = _unpack("<II", src, pos + 8)
            if dataoff + datasize > size:
                raise PackageError(
                    f"code signature at bytes {dataoff}..{dataoff + datasize} lies outside the slice", where
                )
            sl.sig_offset = dataoff
            if wanted is None:
                sl.code_signature = src.read(base + dataoff, datasize)
            else:
                wanted.append((base + dataoff, datasize, "code_signature", index))
        pos += cmdsize
    return sl


def _read_segment(src, base, size, pos, is64, sl: Slice, where, wanted=None, index=0) -> None:
    if is64:
        nsects = _unpack("<I", src, pos + 64)[0]
        sect_pos, sect_size = pos + 72, 80
    else:
        nsects = _unpack("<I", src, pos + 48)[0]
        sect_pos, sect_size = pos + 56, 68
    if nsects > 1000:
        raise PackageError(f"segment at byte {pos} claims {nsects} sections", where)
    for j in range(nsects):
        sp = sect_pos + j * sect_size
        if sp + sect_size > src.size:
            raise PackageError(f"section header {j} at byte {sp} overruns the file", where)
        sectname = src.read(sp, 16).split(b"\x00", 1)[0]
        if is64:
            _addr, ssize, offset = _unpack("<QQI", src, sp + 32)
        else:
            _addr, ssize, offset = _unpack("<III", src, sp + 32)
        if sectname not in (b"__objc_classname", b"__cstring"):
            continue
        if offset + ssize > size:
            raise PackageError(
                f"section {sectname.decode()} at bytes {offset}..{offset + ssize} lies outside the slice",
                where,
            )
        if wanted is not None:
            wanted.append((base + offset, ssize, sectname.decode(), index))
        else:
            add_section(sl, sectname.decode(), src.read(base + offset, ssize))


def add_section(sl: Slice, name: str, data: bytes) -> None:
    if name == "__objc_classname":
        sl.classes.extend(
            demangle_swift_class(s.decode("utf-8", "replace")) for s in data.split(b"\x00") if s
        )
    else:
        sl.cstrings += data


def parse_code_signature(blob: bytes, binary, slice_base: int, where: str) -> dict:
    """Certificates, entitlements and verification of the CMS signature and code page hashes.

    `binary` is the file's bytes, or for a streamed binary a function (hash name, page size, start,
    end) -> the digests of the pages in [start, end)."""
    if len(blob) < 12:
        raise PackageError("code signature blob truncated", where)
    magic, length, count = struct.unpack_from(">III", blob, 0)
    if magic != CSMAGIC_EMBEDDED_SIGNATURE or length > len(blob) or count > 64:
        raise PackageError(f"bad code signature super-blob (magic 0x{magic:08x}, {count} blobs)", where)
    blobs = {}
    for i in range(count):
        typ, off = struct.unpack_from(">II", blob, 12 + 8 * i)
        if off + 8 > len(blob):
            raise PackageError(f"code signature blob {i} at offset {off} overruns", where)
        bmagic, blen = struct.unpack_from(">II", blob, off)
        if blen < 8 or off + blen > len(blob):
            raise PackageError(f"code signature blob {i} has bad length {blen}", where)
        blobs.setdefault(typ, (bmagic, blob[off : off + blen]))
    result = {"certificates": [], "entitlements": None, "verified": False, "errors": []}
    cd = blobs.get(0)
    if cd is None or cd[0] != CSMAGIC_CODEDIRECTORY:
        result["errors"].append("no CodeDirectory")
        return result
    cd_bytes = cd[1]
    ent = blobs.get(5)
    if ent and ent[0] == CSMAGIC_EMBEDDED_ENTITLEMENTS:
        import plistlib

        try:
            result["entitlements"] = plistlib.loads(ent[1][8:])
        except Exception:  # noqa: BLE001 - plistlib raises several types on bad input
            result["errors"].append("entitlements plist cannot be parsed")
    pages_ok = _verify_pages(cd_bytes, binary, slice_base, result["errors"])
    cms = blobs.get(0x10000)
    if cms is None or cms[0] != CSMAGIC_BLOBWRAPPER or len(cms[1]) <= 8:
        result["errors"].append("ad-hoc signature (no CMS signature blob)")
        return result
    der = cms[1][8:]
    from .pkcs7 import certificates_and_verify

    certs, sig_ok, errors = certificates_and_verify(der, cd_bytes)
    result["certificates"] = certs
    result["errors"].extend(errors)
    result["verified"] = bool(sig_ok and pages_ok)
    return result


def _verify_pages(cd: bytes, binary: bytes, base: int, errors: list[str]) -> bool:
    if len(cd) < 44:
        errors.append("CodeDirectory truncated")
        return False
    (
        _m,
        _len,
        _ver,
        _flags,
        hash_off,
        _ident,
        _nspecial,
        ncode,
        code_limit,
        hash_size,
        hash_type,
        _plat,
        page_log,
    ) = struct.unpack_from(">IIIIIIIIIBBBB", cd, 0)
    spec = CS_HASH.get(hash_type)
    if spec is None or hash_size != spec[1] or page_log > 20:
        errors.append(f"unsupported CodeDirectory hash type {hash_type}")
        return False
    name, _ = spec
    page = 1 << page_log if page_log else code_limit
    size = len(binary) if not callable(binary) else None
    if (
        ncode > 1_000_000
        or hash_off + ncode * hash_size > len(cd)
        or (size is not None and base + code_limit > size)
    ):
        errors.append("CodeDirectory hash slots overrun")
        return False
    if callable(binary):
        digests = binary(name, page, base, base + code_limit)
    else:
        with memoryview(binary) as mv:
            digests = [
                hashlib.new(name, mv[start : min(start + page, base + code_limit)]).digest()
                for start in range(base, base + code_limit, page)
            ]
    if len(digests) < ncode:
        errors.append("CodeDirectory covers more pages than the binary has")
        return False
    for i in range(ncode):
        if digests[i][:hash_size] != cd[hash_off + i * hash_size : hash_off + (i + 1) * hash_size]:
            errors.append(f"code page {i} hash does not match the CodeDirectory")
            return False
    return True
