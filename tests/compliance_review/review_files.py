"""Real files of each kind an evidence upload may be, and of kinds it may not, made at test time."""

import io
import zipfile
from pathlib import Path

import openpyxl
import setuptools
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# A real Windows program: the console launcher setuptools ships for Windows installs.
WINDOWS_EXE = Path(setuptools.__file__).parent / "cli-64.exe"

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "年度风险评估"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx() -> bytes:
    """A minimal WordprocessingML package (what Word writes: content types, relationships, document)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return out.getvalue()


def legacy_doc() -> bytes:
    """The OLE2 compound-file header Word 97-2003 / Excel 97-2003 files start with, and a sector of zeros."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    """The browser's content type is deliberately a lie-able label: the check never reads it."""
    return SimpleUploadedFile(name, content, content_type=content_type)
