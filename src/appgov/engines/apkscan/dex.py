"""DEX reader: header validation and the names of the classes a dex file defines.

Only the header, the string-id, type-id and class-def tables are touched; code is never parsed.
URL / secret / marker searches run as regular expressions over the raw bytes (string data is
MUTF-8, which is plain ASCII for the strings we look for), which is far faster than decoding every
string.
"""

from __future__ import annotations

import bisect
import struct
import sys
from array import array

from .errors import PackageError

DEX_MAGICS = (
    b"dex\n035\x00",
    b"dex\n036\x00",
    b"dex\n037\x00",
    b"dex\n038\x00",
    b"dex\n039\x00",
    b"dex\n040\x00",
    b"dex\n041\x00",
)
HEADER_SIZE = 0x70


def _u32_array(buf: bytes, offset: int, count: int) -> array:
    arr = array("I")
    arr.frombytes(buf[offset : offset + 4 * count])
    if sys.byteorder != "little":
        arr.byteswap()
    return arr


class DexFile:
    def __init__(self, buf: bytes, where: str):
        self.buf = buf
        self.where = where
        if len(buf) < HEADER_SIZE:
            raise PackageError(f"{len(buf)} bytes is too short for a DEX header", where)
        magic = bytes(buf[:8])
        if magic not in DEX_MAGICS:
            if magic[:4] == b"dex\n":
                raise PackageError(f"unknown DEX version {magic[4:7]!r}", where)
            raise PackageError(f"bad DEX magic {magic[:8]!r}", where)
        self.version = int(magic[4:7])
        (file_size, header_size, endian) = struct.unpack_from("<III", buf, 32)
        if endian != 0x12345678:
            raise PackageError(f"unsupported DEX endian tag 0x{endian:08x}", where)
        if header_size < HEADER_SIZE or file_size > len(buf):
            raise PackageError(
                f"DEX header declares file_size {file_size} (have {len(buf)}) / header_size {header_size}",
                where,
            )
        (self.string_ids_size, self.string_ids_off, self.type_ids_size, self.type_ids_off) = (
            struct.unpack_from("<IIII", buf, 56)
        )
        (self.class_defs_size, self.class_defs_off) = struct.unpack_from("<II", buf, 96)
        (self.field_ids_size, self.field_ids_off) = struct.unpack_from("<II", buf, 80)
        (self.map_off,) = struct.unpack_from("<I", buf, 52)
        self._check_table("string_ids", self.string_ids_off, self.string_ids_size, 4)
        self._check_table("type_ids", self.type_ids_off, self.type_ids_size, 4)
        self._check_table("class_defs", self.class_defs_off, self.class_defs_size, 32)
        self._check_table("field_ids", self.field_ids_off, self.field_ids_size, 8)
        self._string_offs = _u32_array(buf, self.string_ids_off, self.string_ids_size)
        self._type_ids = _u32_array(buf, self.type_ids_off, self.type_ids_size)

    def _check_table(self, name: str, off: int, count: int, item: int) -> None:
        if count and (off < HEADER_SIZE or off + count * item > len(self.buf)):
            raise PackageError(
                f"DEX {name} table ({count} x {item} bytes at byte {off}) lies outside the file", self.where
            )

    def string(self, index: int) -> str:
        if index >= self.string_ids_size:
            raise PackageError(f"string index {index} out of range ({self.string_ids_size})", self.where)
        pos = self._string_offs[index]
        buf = self.buf
        # skip the ULEB128 utf16 length
        for _ in range(5):
            if pos >= len(buf):
                raise PackageError(f"string {index} data at byte {pos} lies outside the file", self.where)
            b = buf[pos]
            pos += 1
            if b < 0x80:
                break
        end = buf.find(b"\x00", pos)
        if end < 0:
            raise PackageError(f"string {index} at byte {pos} is not terminated", self.where)
        return bytes(buf[pos:end]).decode("utf-8", "replace")

    def type_descriptor(self, type_index: int) -> str:
        if type_index >= self.type_ids_size:
            raise PackageError(f"type index {type_index} out of range ({self.type_ids_size})", self.where)
        return self.string(self._type_ids[type_index])

    def string_span(self) -> tuple[int, int]:
        """(start, end) of the bytes spanning every string_data_item (all string constants, names and
        descriptors). URL / secret / marker searches only need these; code and other tables are skipped."""
        if not self.string_ids_size:
            return 0, 0
        lo, hi = min(self._string_offs), max(self._string_offs)
        if hi >= len(self.buf):
            raise PackageError(f"string data offset {hi} lies outside the file", self.where)
        end = self.buf.find(b"\x00", hi)
        return lo, (end + 1 if end >= 0 else len(self.buf))

    def string_index(self, value: str) -> int | None:
        """Index of the string equal to `value` (string ids are sorted; ASCII values compare bytewise)."""
        lo, hi = 0, self.string_ids_size
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.string(mid)
            if s == value:
                return mid
            if s < value:
                lo = mid + 1
            else:
                hi = mid
        return None

    def type_index(self, descriptor: str) -> int | None:
        si = self.string_index(descriptor)
        if si is None:
            return None
        i = bisect.bisect_left(self._type_ids, si)
        return i if i < len(self._type_ids) and self._type_ids[i] == si else None

    def field_names_of(self, type_index: int) -> list[str]:
        """Names of the fields of class `type_index` this dex refers to (reads and writes alike)."""
        if not self.field_ids_size:
            return []
        raw = array("H")
        raw.frombytes(self.buf[self.field_ids_off : self.field_ids_off + 8 * self.field_ids_size])
        if sys.byteorder != "little":
            raw.byteswap()
        names = []
        for i in range(self.field_ids_size):
            if raw[4 * i] == type_index:
                names.append(self.string(raw[4 * i + 2] | (raw[4 * i + 3] << 16)))
        return names

    def map_types(self) -> list[int]:
        """Item types of the map_list in file order (the order a compiler wrote its sections in)."""
        off = self.map_off
        if not off or off + 4 > len(self.buf):
            return []
        (count,) = struct.unpack_from("<I", self.buf, off)
        if count > 64 or off + 4 + 12 * count > len(self.buf):
            raise PackageError(f"map_list at byte {off} declares {count} items that do not fit", self.where)
        items = [struct.unpack_from("<HHII", self.buf, off + 4 + 12 * i) for i in range(count)]
        return [t for t, _unused, _size, _off in sorted(items, key=lambda it: it[3])]

    def defined_classes(self) -> list[str]:
        """Dotted names of the classes this dex defines (e.g. 'com.umeng.analytics.MobclickAgent')."""
        defs = _u32_array(self.buf, self.class_defs_off, self.class_defs_size * 8)[::8]
        names = []
        for type_index in defs:
            desc = self.type_descriptor(type_index)
            if desc.startswith("L") and desc.endswith(";"):
                names.append(desc[1:-1].replace("/", "."))
        return names
