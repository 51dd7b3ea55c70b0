"""Reader for the WeChat mini-program package format (.wxapkg), as publicly described:

    header (14 bytes, big-endian): first mark 0xBE, u32 (unused, 0), u32 index length,
                                   u32 data length, last mark 0xED
    index: u32 file count, then per file u32 name length, name (UTF-8, rooted at "/"),
           u32 offset (from the start of the package), u32 size
    data:  the file contents, stored uncompressed

Nothing is extracted: entries are slices of the buffer. Every offset, size and name is checked before use.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from ..errors import PackageError
from .limits import MiniProgramLimits

FIRST_MARK = 0xBE
LAST_MARK = 0xED
HEADER = struct.Struct(">BIIIB")
HEADER_SIZE = HEADER.size  # 14
MIN_INDEX_ENTRY = 12  # name length, offset, size (an empty name is refused separately)
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class WxEntry:
    name: str  # without the leading "/"
    offset: int
    size: int


def unsafe_reason(name: str) -> str | None:
    """Why a package file name could escape a root if it were ever extracted (None when it is safe).
    Names are rooted at "/" by the format; that one leading slash is the package root, not an absolute path."""
    rest = name[1:] if name.startswith("/") else name
    if not rest:
        return "empty name"
    if "\x00" in rest:
        return "NUL byte in name"
    if rest.startswith(("/", "\\")) or _DRIVE_RE.match(rest):
        return "absolute path"
    if any(part == ".." for part in re.split(r"[/\\]", rest)):
        return "'..' component"
    return None


def looks_like_wxapkg(head: bytes) -> bool:
    return len(head) >= HEADER_SIZE and head[0] == FIRST_MARK and head[13] == LAST_MARK


class WxPackage:
    """One parsed .wxapkg held in a buffer (bytes, bytearray or a read-only mmap)."""

    def __init__(self, buf, label: str, limits: MiniProgramLimits | None = None):
        self.buf = buf
        self.label = label
        self.limits = limits or MiniProgramLimits()
        self.size = len(buf)
        self.entries: dict[str, WxEntry] = {}
        self.trailing_bytes = 0
        self._parse()

    def _fail(self, reason: str) -> PackageError:
        return PackageError(reason, self.label)

    def _parse(self) -> None:
        buf, size = self.buf, self.size
        if size < HEADER_SIZE + 4:
            raise self._fail(f"only {size} bytes, too short for a .wxapkg header and index")
        first, _info, index_len, data_len, last = HEADER.unpack_from(buf, 0)
        if first != FIRST_MARK or last != LAST_MARK:
            raise self._fail(
                f"not a .wxapkg: header marks are 0x{first:02X}/0x{last:02X}, expected 0xBE at byte 0 and 0xED at byte 13"
            )
        data_start = HEADER_SIZE + index_len
        declared_end = data_start + data_len
        if data_start > size:
            raise self._fail(
                f"index of {index_len} bytes runs past the end of the {size}-byte file (truncated)"
            )
        if declared_end > size:
            raise self._fail(
                f"header declares {declared_end} bytes (index {index_len}, data {data_len}) but the file has {size} (truncated)"
            )
        self.trailing_bytes = size - declared_end
        (count,) = struct.unpack_from(">I", buf, HEADER_SIZE)
        if count > self.limits.max_files_per_package:
            raise self._fail(
                f"index declares {count} files, over the {self.limits.max_files_per_package} limit"
            )
        if count * MIN_INDEX_ENTRY > index_len - 4:
            raise self._fail(f"index declares {count} files, more than its {index_len} bytes can hold")
        pos, index_end = HEADER_SIZE + 4, data_start
        for i in range(count):
            if pos + 4 > index_end:
                raise self._fail(f"index truncated at file {i} (byte {pos})")
            (name_len,) = struct.unpack_from(">I", buf, pos)
            if name_len == 0 or name_len > self.limits.max_name_length:
                raise self._fail(
                    f"file {i} at byte {pos}: name length {name_len} (allowed 1..{self.limits.max_name_length})"
                )
            if pos + 4 + name_len + 8 > index_end:
                raise self._fail(f"index truncated in file {i} (byte {pos}, name of {name_len} bytes)")
            raw = bytes(buf[pos + 4 : pos + 4 + name_len])
            offset, length = struct.unpack_from(">II", buf, pos + 4 + name_len)
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise self._fail(f"file {i} at byte {pos}: name is not UTF-8 ({raw[:40]!r})") from None
            reason = unsafe_reason(name)
            if reason:
                raise self._fail(f"file {i} name {name!r}: {reason} (path traversal)")
            if offset < data_start or offset + length > declared_end:
                raise self._fail(
                    f"file {name!r} at bytes {offset}..{offset + length} lies outside the data area "
                    f"{data_start}..{declared_end}"
                )
            key = name.lstrip("/")
            if key in self.entries:
                raise self._fail(f"duplicate file {name!r} in the index")
            self.entries[key] = WxEntry(key, offset, length)
            pos += 4 + name_len + 8
        ordered = sorted((e for e in self.entries.values() if e.size), key=lambda e: e.offset)
        for cur, nxt in zip(ordered, ordered[1:], strict=False):
            if cur.offset + cur.size > nxt.offset:
                raise self._fail(
                    f"files {cur.name!r} (bytes {cur.offset}..{cur.offset + cur.size}) and {nxt.name!r} "
                    f"(from byte {nxt.offset}) overlap"
                )

    def names(self) -> list[str]:
        return list(self.entries)

    def read(self, name: str) -> bytes:
        e = self.entries[name]
        return bytes(self.buf[e.offset : e.offset + e.size])
