"""Checks on an uploaded ZIP archive (an .xlsx workbook is one) before anything is inflated.

The central directory at the end of a ZIP declares every member's compressed and uncompressed size. An
archive of 620 KB declaring 600 MB is refused here, with a message naming the file and the limit, before
openpyxl or zipfile inflates a byte. The declared sizes are also a true bound: Python's zipfile stops
inflating a member at its declared size (and fails its CRC check), so a member cannot lie its way past the
check by declaring less than it holds.
"""

import io
import struct
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIB = 1024 * 1024
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int
    max_total: int  # bytes: the sum of the members' declared uncompressed sizes
    max_ratio: int  # uncompressed / compressed, for one member ...
    ratio_floor: int  # ... once it declares more than this many bytes (small members compress as they like)


# An .xlsx: a few dozen XML parts; a 20,000-row ledger is some 60 MB of sheet XML compressed 5-30 times.
SPREADSHEET = ArchiveLimits(max_entries=1000, max_total=128 * MIB, max_ratio=200, ratio_floor=1 * MIB)


def _declared_entries(data: bytes) -> int | None:
    """The entry count the end-of-central-directory record declares (None when there is no such record);
    read first so that an archive declaring millions of entries is refused before zipfile lists them."""
    tail = data[-(_EOCD_SIZE + _MAX_COMMENT) :]
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return None
    return struct.unpack("<H", tail[at + 10 : at + 12])[0]  # 0xFFFF means "see the ZIP64 record": many


def check_archive(data: bytes, filename: str, limits: ArchiveLimits) -> None:
    """Refuse (ValidationError naming `filename` and the limit) an archive whose central directory declares
    too many entries, too many bytes in all, or a member inflating beyond `limits.max_ratio`. An upload
    that is not a ZIP at all passes: the reader says what is wrong with it in its own terms."""
    entries = _declared_entries(data)
    if entries is not None and entries > limits.max_entries:
        raise ValidationError(
            _("%(file)s: the archive holds %(n)d entries; at most %(max)d are accepted.")
            % {"file": filename, "n": entries, "max": limits.max_entries}
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error):
        return
    if len(infos) > limits.max_entries:
        raise ValidationError(
            _("%(file)s: the archive holds %(n)d entries; at most %(max)d are accepted.")
            % {"file": filename, "n": len(infos), "max": limits.max_entries}
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total:
        raise ValidationError(
            _("%(file)s: the archive inflates to %(size)d MB; at most %(max)d MB are accepted.")
            % {"file": filename, "size": total // MIB, "max": limits.max_total // MIB}
        )
    for info in infos:
        if info.file_size <= limits.ratio_floor:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise ValidationError(
                _(
                    "%(file)s: the member %(member)s inflates %(ratio)d times (%(size)d MB); "
                    "at most %(max)d times is accepted."
                )
                % {
                    "file": filename,
                    "member": info.filename,
                    "ratio": ratio,
                    "size": info.file_size // MIB,
                    "max": limits.max_ratio,
                }
            )
