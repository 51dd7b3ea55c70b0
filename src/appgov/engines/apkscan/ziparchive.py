"""A defensive ZIP reader for APK / IPA / HAP containers.

We parse the central directory ourselves instead of using `zipfile` because we need limits and
checks `zipfile` does not give: duplicate names (Android rejects them; they are the "master key"
tampering trick), path-traversal names, overlapping entries (a classic zip bomb), declared sizes that
lie, and the bytes between the last entry and the central directory (the APK Signing Block).
Nothing is ever extracted to disk: entries are inflated in memory with a hard size cap.
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import zlib

from .errors import PackageError
from .limits import Limits

EOCD_SIG = b"PK\x05\x06"
EOCD64_LOCATOR_SIG = b"PK\x06\x07"
EOCD64_SIG = b"PK\x06\x06"
CDH_SIG = b"PK\x01\x02"
LFH_SIG = b"PK\x03\x04"

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
CHUNK = 1024 * 1024  # inflate / read granularity: memory per piece, independent of the entry size


class ZipEntry:
    """One central-directory record (a plain slotted class: there can be 200 000 of them)."""

    __slots__ = ("name", "method", "flags", "crc", "compressed_size", "size", "header_offset")

    def __init__(self, name, method, flags, crc, compressed_size, size, header_offset):
        self.name, self.method, self.flags, self.crc = name, method, flags, crc
        self.compressed_size, self.size, self.header_offset = compressed_size, size, header_offset

    def __repr__(self) -> str:
        return f"ZipEntry({self.name!r}, size={self.size}, at={self.header_offset})"

    @property
    def encrypted_flag(self) -> bool:
        return bool(self.flags & 1)


def is_unsafe_name(name: str) -> bool:
    """Absolute paths, drive letters, backslashes and '..' components escape an extraction root."""
    if name.startswith(("/", "\\")) or _DRIVE_RE.match(name) or "\x00" in name:
        return True
    parts = re.split(r"[/\\]", name)
    return any(p == ".." for p in parts)


class ZipArchive:
    """Read-only view of a ZIP held in a buffer (mmap of a file, or bytes of a nested archive)."""

    def __init__(self, buf, label: str, limits: Limits, inflate_budget: list[int] | None = None):
        self.buf = buf
        self.label = label
        self.limits = limits
        self.size = len(buf)
        # shared between nested archives so a bomb cannot hide inside an inner archive
        self._budget = inflate_budget if inflate_budget is not None else [limits.max_total_inflated]
        self.fd: int | None = None  # set for a file: bulk reads use pread so pages are not mapped in
        self.entries: dict[str, ZipEntry] = {}
        self.order: list[ZipEntry] = []
        self.cd_offset = 0
        self.cd_size = 0
        self.eocd_offset = 0
        self.comment = b""
        self._parse_central_directory()

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open_file(cls, path: str, limits: Limits) -> tuple[ZipArchive, object]:
        """Map `path` read-only. Returns the archive and the handle to close afterwards."""
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller through the returned handle
        try:
            fh.seek(0, 2)
            size = fh.tell()
            if size == 0:
                raise PackageError("file is empty", path)
            if size > limits.max_file_size:
                raise PackageError(f"file is {size} bytes, over the {limits.max_file_size} byte limit", path)
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except BaseException:
            fh.close()
            raise
        zf = cls(mm, path, limits)
        zf.fd = fh.fileno()
        return zf, _Closer(mm, fh)

    # -- central directory -------------------------------------------------------------------
    def _find_eocd(self) -> int:
        buf = self.buf
        if self.size < 22:
            raise PackageError(f"only {self.size} bytes, too short for a ZIP archive", self.label)
        start = max(0, self.size - 22 - 0xFFFF)
        pos = buf.rfind(EOCD_SIG, start)
        while pos >= 0:
            # a signature in the last 21 bytes cannot start a whole record: look further back
            if pos + 22 <= self.size:
                (comment_len,) = struct.unpack_from("<H", buf, pos + 20)
                if pos + 22 + comment_len <= self.size:
                    return pos
            pos = buf.rfind(EOCD_SIG, start, pos)
        if buf[:4] == LFH_SIG:
            raise PackageError("no end-of-central-directory record (truncated archive?)", self.label)
        raise PackageError("not a ZIP archive (no PK signature)", self.label)

    def _parse_central_directory(self) -> None:
        buf = self.buf
        eocd = self._find_eocd()
        self.eocd_offset = eocd
        (_sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len) = struct.unpack_from(
            "<4sHHHHIIH", buf, eocd
        )
        self.comment = bytes(buf[eocd + 22 : eocd + 22 + comment_len])
        if disk != 0 or cd_disk != 0 or n_disk != n_total:
            raise PackageError("multi-disk (spanned) ZIP archives are not supported", self.label)
        if 0xFFFF in (n_total,) or 0xFFFFFFFF in (cd_size, cd_offset):
            n_total, cd_size, cd_offset = self._zip64_eocd(eocd)
        if n_total > self.limits.max_entries:
            raise PackageError(f"{n_total} entries, over the {self.limits.max_entries} limit", self.label)
        if cd_offset + cd_size > eocd or cd_offset > self.size:
            raise PackageError(
                f"central directory at bytes {cd_offset}..{cd_offset + cd_size} lies outside the archive "
                f"(end record at {eocd})",
                self.label,
            )
        self.cd_offset, self.cd_size = cd_offset, cd_size
        pos, end = cd_offset, cd_offset + cd_size
        for index in range(n_total):
            if pos + 46 > end:
                raise PackageError(f"central directory truncated at entry {index} (byte {pos})", self.label)
            (
                sig,
                _vm,
                _vn,
                flags,
                method,
                _t,
                _d,
                crc,
                csize,
                usize,
                nlen,
                xlen,
                clen,
                _dn,
                _ia,
                _ea,
                lho,
            ) = struct.unpack_from("<4sHHHHHHIIIHHHHHII", buf, pos)
            if sig != CDH_SIG:
                raise PackageError(
                    f"bad central directory signature at byte {pos} (entry {index})", self.label
                )
            if pos + 46 + nlen + xlen + clen > end:
                raise PackageError(f"central directory entry {index} at byte {pos} overruns", self.label)
            raw_name = bytes(buf[pos + 46 : pos + 46 + nlen])
            if 0xFFFFFFFF in (csize, usize, lho):
                csize, usize, lho = _zip64_extra(
                    buf[pos + 46 + nlen : pos + 46 + nlen + xlen], csize, usize, lho
                )
            name = _decode_name(raw_name, flags)
            if is_unsafe_name(name):
                raise PackageError(
                    f"entry name {name!r} escapes the archive root (path traversal)", self.label
                )
            if name in self.entries:
                raise PackageError(
                    f"duplicate entry {name!r} (central directory offsets {self.entries[name].header_offset} "
                    f"and {lho}); Android rejects such packages and they are a known tampering trick",
                    self.label,
                )
            if lho + 30 > cd_offset:
                raise PackageError(
                    f"entry {name!r} local header at byte {lho} lies outside the data", self.label
                )
            entry = ZipEntry(name, method, flags, crc, csize, usize, lho)
            self.entries[name] = entry
            self.order.append(entry)
            pos += 46 + nlen + xlen + clen
        self._check_overlaps()

    def _zip64_eocd(self, eocd: int) -> tuple[int, int, int]:
        loc = eocd - 20
        if loc < 0 or self.buf[loc : loc + 4] != EOCD64_LOCATOR_SIG:
            raise PackageError("ZIP64 sizes without a ZIP64 end record locator", self.label)
        (eocd64,) = struct.unpack_from("<Q", self.buf, loc + 8)
        if eocd64 + 56 > self.size or self.buf[eocd64 : eocd64 + 4] != EOCD64_SIG:
            raise PackageError(f"bad ZIP64 end record at byte {eocd64}", self.label)
        n_total, cd_size, cd_offset = struct.unpack_from("<QQQ", self.buf, eocd64 + 32)
        return n_total, cd_size, cd_offset

    def _check_overlaps(self) -> None:
        ordered = sorted(self.order, key=lambda e: e.header_offset)
        for cur, nxt in zip(ordered, ordered[1:], strict=False):
            min_end = (
                cur.header_offset
                + 30
                + len(cur.name.encode("utf-8", "surrogateescape"))
                + cur.compressed_size
            )
            if min_end > nxt.header_offset:
                raise PackageError(
                    f"entries {cur.name!r} (byte {cur.header_offset}) and {nxt.name!r} (byte {nxt.header_offset}) "
                    "overlap (overlapping-entry zip bomb or corrupt archive)",
                    self.label,
                )
        if ordered:
            last = ordered[-1]
            if last.header_offset + 30 + last.compressed_size > self.cd_offset:
                raise PackageError(f"entry {last.name!r} data runs into the central directory", self.label)

    # -- reading -----------------------------------------------------------------------------
    def read_range(self, start: int, end: int) -> bytes:
        """Bytes [start, end) of the archive. From a file they are read, not touched through the map:
        mapped pages count as the process's memory, so a big stored entry would inflate peak RSS."""
        if self.fd is not None:
            return os.pread(self.fd, end - start, start)
        return bytes(self.buf[start:end])

    def names(self) -> list[str]:
        return [e.name for e in self.order]

    def __contains__(self, name: str) -> bool:
        return name in self.entries

    def data_span(self, entry: ZipEntry) -> tuple[int, int]:
        """(start, end) byte offsets of the entry's compressed data."""
        off = entry.header_offset
        if off + 30 > self.size or self.buf[off : off + 4] != LFH_SIG:
            raise PackageError(f"bad local header signature at byte {off}", f"{self.label}!{entry.name}")
        nlen, xlen = struct.unpack_from("<HH", self.buf, off + 26)
        start = off + 30 + nlen + xlen
        end = start + entry.compressed_size
        if end > self.cd_offset:
            raise PackageError(
                f"entry data at bytes {start}..{end} runs past the central directory (byte {self.cd_offset})",
                f"{self.label}!{entry.name}",
            )
        return start, end

    def read(self, name: str, max_size: int | None = None) -> bytes:
        entry = self.entries.get(name)
        if entry is None:
            raise KeyError(name)
        return self.read_entry(entry, max_size)

    def _check_declared(self, entry: ZipEntry, cap: int) -> None:
        where = f"{self.label}!{entry.name}"
        if (
            entry.compressed_size
            and entry.size > 1024 * 1024
            and entry.size / entry.compressed_size > self.limits.max_ratio
        ):
            raise PackageError(
                f"compression ratio {entry.size // entry.compressed_size}:1 is over {self.limits.max_ratio}:1 (zip bomb)",
                where,
            )
        if entry.size > cap:
            raise PackageError(
                f"declared size {entry.size} bytes is over the {cap} byte limit (zip bomb?)", where
            )
        if entry.size > self._budget[0]:
            raise PackageError(
                "archive inflates to more than the total decompression budget (zip bomb)", where
            )

    def iter_entry(self, entry: ZipEntry, chunk: int = CHUNK, max_size: int | None = None):
        """The entry's bytes in pieces of at most `chunk` bytes, never the whole entry at once.

        Sizes, the decompression budget and the CRC are checked as for read_entry; a failure raises
        PackageError after the pieces before it were yielded (callers discard partial results)."""
        where = f"{self.label}!{entry.name}"
        cap = min(max_size or self.limits.max_entry_size, self.limits.max_entry_size)
        self._check_declared(entry, cap)
        if entry.method not in (0, 8):
            raise PackageError(f"unsupported compression method {entry.method}", where)
        start, end = self.data_span(entry)
        crc, produced = 0, 0
        if entry.method == 0:
            if end - start != entry.size:
                raise PackageError(f"stored entry is {end - start} bytes but declares {entry.size}", where)
            for off in range(start, end, chunk):
                piece = self.read_range(off, min(off + chunk, end))
                crc = zlib.crc32(piece, crc)
                produced += len(piece)
                yield piece
        else:
            inflater = zlib.decompressobj(-15)
            pos, pending = start, b""
            while True:
                if not pending:
                    if pos >= end or inflater.eof:
                        break
                    pending = self.read_range(pos, min(pos + chunk, end))
                    pos += len(pending)
                before = len(pending)
                try:
                    piece = inflater.decompress(pending, chunk)
                except zlib.error as exc:
                    hint = " (entry has the encryption flag set)" if entry.encrypted_flag else ""
                    raise PackageError(f"cannot inflate compressed data{hint}: {exc}", where) from None
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    pending = b""
                produced += len(piece)
                if produced > entry.size:
                    raise PackageError(f"inflates to more bytes than the {entry.size} it declares", where)
                if piece:
                    crc = zlib.crc32(piece, crc)
                    yield piece
                elif len(pending) == before and not inflater.eof:
                    raise PackageError("compressed data makes no progress (corrupt stream)", where)
            if produced != entry.size:
                raise PackageError(f"inflates to {produced} bytes but declares {entry.size}", where)
        self._budget[0] -= produced
        if crc != entry.crc:
            raise PackageError(f"CRC mismatch (stored {entry.crc:08x}, computed {crc:08x})", where)

    def read_entry(self, entry: ZipEntry, max_size: int | None = None) -> bytes | bytearray:
        """The whole entry, inflated into one buffer of exactly its declared size (no intermediate copies)."""
        where = f"{self.label}!{entry.name}"
        cap = min(max_size or self.limits.max_entry_size, self.limits.max_entry_size)
        self._check_declared(entry, cap)
        if entry.size <= CHUNK:
            pieces = list(self.iter_entry(entry, CHUNK, max_size))
            return b"".join(pieces)
        out = bytearray(entry.size)
        pos = 0
        for piece in self.iter_entry(entry, CHUNK, max_size):
            out[pos : pos + len(piece)] = piece
            pos += len(piece)
        if pos != entry.size:
            raise PackageError(f"inflates to {pos} bytes but declares {entry.size}", where)
        return out


class _Closer:
    def __init__(self, mm, fh):
        self.mm, self.fh = mm, fh

    def close(self) -> None:
        try:
            self.mm.close()
        finally:
            self.fh.close()


def _decode_name(raw: bytes, flags: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if flags & 0x800:
            return raw.decode("utf-8", "surrogateescape")
        return raw.decode("cp437")


def _zip64_extra(extra: bytes, csize: int, usize: int, lho: int) -> tuple[int, int, int]:
    pos = 0
    while pos + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        if tag == 0x0001:
            vals = [v[0] for v in struct.iter_unpack("<Q", body[: len(body) // 8 * 8])]
            if usize == 0xFFFFFFFF and vals:
                usize = vals.pop(0)
            if csize == 0xFFFFFFFF and vals:
                csize = vals.pop(0)
            if lho == 0xFFFFFFFF and vals:
                lho = vals.pop(0)
            break
        pos += 4 + size
    return csize, usize, lho
