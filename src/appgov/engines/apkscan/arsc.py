"""resources.arsc, only as far as a manifest needs it: resolve a resource id to a value.

Used for the app label (@string/app_name), a versionName given as a reference, and the network
security config (@xml/... -> res/xml/....xml). Type chunks are indexed lazily by their headers; no
entry is decoded unless asked for.
"""

from __future__ import annotations

import struct

from .axml import TYPE_REFERENCE, TYPE_STRING, StringPool, Value
from .errors import PackageError

RES_TABLE = 0x0002
RES_TABLE_PACKAGE = 0x0200
RES_TABLE_TYPE = 0x0201
RES_TABLE_TYPE_SPEC = 0x0202
RES_STRING_POOL = 0x0001

FLAG_COMPLEX = 0x0001
FLAG_COMPACT = 0x0008
TYPE_FLAG_SPARSE = 0x01


class ResourceTable:
    def __init__(self, buf: bytes, where: str = "resources.arsc"):
        self.buf = buf
        self.where = where
        self.strings: StringPool | None = None
        # (package_id, type_id) -> list of (is_default_locale, chunk_offset)
        self.types: dict[tuple[int, int], list[tuple[bool, int]]] = {}
        self.package_names: dict[int, str] = {}
        self._index()

    def _index(self) -> None:
        buf = self.buf
        if len(buf) < 12:
            raise PackageError("too short for a resource table", self.where)
        typ, hsize, size = struct.unpack_from("<HHI", buf, 0)
        if typ != RES_TABLE:
            raise PackageError(f"not a resource table (chunk type 0x{typ:04x})", self.where)
        end = min(size, len(buf))
        pos = hsize
        while pos + 8 <= end:
            ctype, chsize, csize = struct.unpack_from("<HHI", buf, pos)
            if csize < 8 or pos + csize > end:
                raise PackageError(f"chunk 0x{ctype:04x} at byte {pos} has bad size {csize}", self.where)
            if ctype == RES_STRING_POOL and self.strings is None:
                self.strings = StringPool(buf, pos, self.where)
            elif ctype == RES_TABLE_PACKAGE:
                self._index_package(pos, chsize, csize)
            pos += csize

    def _index_package(self, start: int, hsize: int, size: int) -> None:
        buf = self.buf
        if hsize < 12 + 256:
            raise PackageError(f"package chunk at byte {start} has a short header", self.where)
        (pkg_id,) = struct.unpack_from("<I", buf, start + 8)
        name = bytes(buf[start + 12 : start + 12 + 256]).decode("utf-16-le", "replace").split("\x00", 1)[0]
        self.package_names[pkg_id] = name
        pos, end = start + hsize, start + size
        while pos + 8 <= end:
            ctype, chsize, csize = struct.unpack_from("<HHI", buf, pos)
            if csize < 8 or pos + csize > end:
                raise PackageError(f"chunk 0x{ctype:04x} at byte {pos} has bad size {csize}", self.where)
            if ctype == RES_TABLE_TYPE and chsize >= 20 + 8:
                type_id = buf[pos + 8]
                language = bytes(buf[pos + 20 + 8 : pos + 20 + 12])
                self.types.setdefault((pkg_id, type_id), []).append((language == b"\x00" * 4, pos))
            pos += csize

    def _entry(self, chunk: int, entry_index: int) -> Value | None:
        buf = self.buf
        _t, hsize, size, _id, flags, _r, count, entries_start = struct.unpack_from("<HHIBBHII", buf, chunk)
        if entry_index >= count and not flags & TYPE_FLAG_SPARSE:
            return None
        off_table = chunk + hsize
        if flags & TYPE_FLAG_SPARSE:
            offset = None
            for i in range(min(count, (size - hsize) // 4)):
                idx, off4 = struct.unpack_from("<HH", buf, off_table + 4 * i)
                if idx == entry_index:
                    offset = off4 * 4
                    break
            if offset is None:
                return None
        else:
            if off_table + 4 * entry_index + 4 > chunk + size:
                return None
            (offset,) = struct.unpack_from("<I", buf, off_table + 4 * entry_index)
            if offset == 0xFFFFFFFF:
                return None
        epos = chunk + entries_start + offset
        if epos + 8 > chunk + size:
            raise PackageError(f"entry {entry_index} at byte {epos} lies outside its type chunk", self.where)
        esize, eflags = struct.unpack_from("<HH", buf, epos)
        if eflags & FLAG_COMPACT:
            (data,) = struct.unpack_from("<I", buf, epos + 4)
            return Value(eflags >> 8, data)
        if eflags & FLAG_COMPLEX:
            return None  # styles, arrays, plurals: not needed here
        vpos = epos + esize
        if vpos + 8 > chunk + size:
            raise PackageError(f"value of entry {entry_index} at byte {vpos} overruns", self.where)
        _vsize, _res0, vtype, data = struct.unpack_from("<HBBI", buf, vpos)
        return Value(vtype, data)

    def resolve(self, res_id: int, depth: int = 0) -> Value | None:
        """Value of `res_id` in the default configuration (else the first one that has it)."""
        if depth > 8:
            return None
        chunks = self.types.get(((res_id >> 24) & 0xFF, (res_id >> 16) & 0xFF))
        if not chunks:
            return None
        entry_index = res_id & 0xFFFF
        ordered = [c for d, c in chunks if d] + [c for d, c in chunks if not d]
        for chunk in ordered:
            value = self._entry(chunk, entry_index)
            if value is None:
                continue
            if value.type == TYPE_REFERENCE and value.data != res_id:
                return self.resolve(value.data, depth + 1)
            if value.type == TYPE_STRING and self.strings is not None:
                value.text = self.strings.get(value.data)
            return value
        return None

    def resolve_str(self, res_id: int) -> str | None:
        v = self.resolve(res_id)
        return v.as_str() if v is not None else None

    def string_region(self) -> tuple[bytes, bool]:
        """Raw bytes of the global string pool and whether it is UTF-8 (for URL / secret search)."""
        if self.strings is None:
            return b"", True
        return self.strings.raw_region(), self.strings.utf8
