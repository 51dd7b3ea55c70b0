"""What an evidence or finding attachment file is, judged by its content (never by its name or the browser's
content type): PDF, PNG/JPEG/GIF/WebP images, Office documents (docx/xlsx/pptx, legacy doc/xls/ppt) and ZIP
archives whose members are all of those kinds. Anything else, or a file over the size limit, is refused with a
message naming the file and what was found in it."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Headers read to judge a file or an archive member; an archive's total unpacked size is bounded too, so a
# small "zip bomb" cannot exhaust the server while it is checked.
HEAD_BYTES = 512
MAX_UNPACKED_FACTOR = 10
MAX_MEMBERS = 1000

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # first entry, empty archive, spanned
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

ALLOWED = {
    "pdf": gettext_lazy("PDF document"),
    "png": gettext_lazy("PNG image"),
    "jpeg": gettext_lazy("JPEG image"),
    "gif": gettext_lazy("GIF image"),
    "webp": gettext_lazy("WebP image"),
    "office": gettext_lazy("Office document (docx/xlsx/pptx)"),
    "legacy_office": gettext_lazy("Office 97-2003 document (doc/xls/ppt)"),
    "zip": gettext_lazy("ZIP archive"),
}


def max_bytes() -> int:
    return int(getattr(settings, "APPGOV_MAX_EVIDENCE_BYTES", DEFAULT_MAX_BYTES))


def kind_of_header(head: bytes) -> str | None:
    """The allowed kind a file starting with these bytes is, or None (ZIP is judged separately)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(OLE2):
        return "legacy_office"
    return None


def describe(head: bytes) -> str:
    """What a refused file looks like, in words a user understands."""
    if head.startswith(b"MZ"):
        return _("a Windows program (executable)")
    if head.startswith(b"\x7fELF"):
        return _("a Linux program (executable)")
    if head[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        return _("a macOS program or Java class")
    if head.startswith(b"#!"):
        return _("a script")
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return _("an archive type other than ZIP")
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<script", b"<?xml", b"<svg")):
        return _("an HTML, XML or SVG document")
    if not head:
        return _("an empty file")
    for cut in range(4):  # the head may end inside a multi-byte character
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if all(c.isprintable() or c.isspace() for c in text):
            return _("plain text")
        break
    return _("unrecognised content (starts with %(hex)s)") % {"hex": head[:8].hex(" ")}


def _refuse(name: str, found: str) -> ValidationError:
    allowed = "、".join(str(v) for k, v in ALLOWED.items())
    return ValidationError(
        _("“%(name)s” is not accepted: it is %(found)s. Accepted: %(allowed)s.")
        % {"name": name, "found": found, "allowed": allowed},
        code="file_type",
    )


def _zip_kind(name: str, data: io.BytesIO, limit: int) -> str:
    try:
        archive = zipfile.ZipFile(data)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(name, _("a damaged ZIP file")) from None
    names = {m.filename for m in members}
    if "[Content_Types].xml" in names:
        return "office"
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > limit * MAX_UNPACKED_FACTOR:
        raise _refuse(name, _("an archive too large to check once unpacked"))
    files = [m for m in members if not m.is_dir()]
    if not files:
        raise _refuse(name, _("an empty archive"))
    for member in files:
        inner = f"{name} → {member.filename}"
        try:
            with archive.open(member) as handle:
                head = handle.read(HEAD_BYTES)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
            raise _refuse(inner, _("an encrypted or damaged archive member")) from None
        kind = kind_of_header(head)
        if kind is None and head.startswith(b"PK"):
            # an Office document inside the archive is fine; an archive inside an archive is not checked
            with archive.open(member) as handle:
                try:
                    nested = zipfile.ZipFile(io.BytesIO(handle.read(limit + 1)))
                    kind = "office" if "[Content_Types].xml" in nested.namelist() else None
                except zipfile.BadZipFile:
                    kind = None
            if kind is None:
                raise _refuse(inner, _("an archive inside the archive"))
        if kind is None:
            raise _refuse(inner, describe(head))
    return "zip"


def check_file(upload) -> str:
    """The allowed kind of an uploaded file (a Django File), or ValidationError naming file and content."""
    name = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1] or _("the file")
    limit = max_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; evidence files may be at most %(limit).1f MB.")
            % {"name": name, "size": size / 1024 / 1024, "limit": limit / 1024 / 1024},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    kind = kind_of_header(head)
    if kind is None and head[:4] in ZIP_SIGNATURES:
        upload.seek(0)
        kind = _zip_kind(name, io.BytesIO(upload.read(limit + 1)), limit)
    upload.seek(0)
    if kind is None:
        raise _refuse(name, describe(head))
    return kind
