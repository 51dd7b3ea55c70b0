"""Spreadsheets and ZIP feeds are checked on their central directory before anything is inflated (issue 12
item 6), and a workbook openpyxl cannot read row by row is a clear error, not a 500 (item 7)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from appgov.core import uploads
from appgov.counterfeit import feeds
from appgov.credit import workcalendar
from appgov.ledger import spreadsheet


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read the English messages (the compiled catalogue answers in Chinese by default)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


BOMB_MB = 64  # one sheet part of 64 MB of blanks, some 64 KB compressed


def workbook_bytes(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rewrite(xlsx: bytes, member: str, change) -> bytes:
    """The workbook with one part replaced by change(old bytes) (written in chunks when it is an iterable)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != member:
                dst.writestr(info.filename, data)
                continue
            new = change(data)
            with dst.open(member, "w", force_zip64=True) as handle:
                for chunk in [new] if isinstance(new, bytes) else new:
                    handle.write(chunk)
    return out.getvalue()


def padded(data: bytes):
    """The sheet XML followed by BOMB_MB megabytes of blanks (still well-formed XML)."""
    yield data
    for _ in range(BOMB_MB):
        yield b" " * uploads.MIB


def ledger_bomb() -> bytes:
    return rewrite(spreadsheet.template_bytes(), "xl/worksheets/sheet1.xml", padded)


def calendar_workbook(rows=(("date", "is_workday"), ("2026-10-01", "否"))) -> bytes:
    return workbook_bytes(rows)


def bad_shared_string(xlsx: bytes, sheet: str = "xl/worksheets/sheet1.xml") -> bytes:
    """The workbook with its first shared-string cell pointing past the end of the shared strings."""

    def change(xml: bytes) -> bytes:  # openpyxl writes inline strings: turn the first into a reference
        start = xml.index(b't="inlineStr"')
        end = xml.index(b"</is>", start) + len(b"</is>")
        return xml[:start] + b't="s"><v>99999</v>' + xml[end:]

    return rewrite(xlsx, sheet, change)


# ---------- the check itself ----------


def zip_of(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


LIMITS = uploads.ArchiveLimits(max_entries=3, max_total=10_000, max_ratio=20, ratio_floor=1000)


def test_an_archive_within_the_limits_passes():
    uploads.check_archive(zip_of({"a.txt": b"x" * 900, "b.bin": bytes(range(256)) * 8}), "ok.zip", LIMITS)


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ({f"{i}.txt": b"x" for i in range(4)}, ["many.zip", "4 entries", "at most 3"]),
        ({"a.bin": bytes(range(256)) * 24, "b.bin": bytes(range(256)) * 24}, ["many.zip", "at most 0 MB"]),
        ({"a.txt": b"x" * 5000}, ["many.zip", "a.txt", "at most 20 times"]),
    ],
    ids=["entries", "total", "ratio"],
)
def test_an_archive_over_a_limit_is_refused_naming_file_and_limit(members, words):
    with pytest.raises(ValidationError) as refused:
        uploads.check_archive(zip_of(members), "many.zip", LIMITS)
    for word in words:
        assert word in refused.value.messages[0]


def test_entry_count_is_read_from_the_end_record_before_listing():
    data = zip_of({f"{i}.txt": b"" for i in range(4)})
    assert uploads._declared_entries(data) == 4
    assert uploads._declared_entries(b"not a zip") is None


def test_what_is_not_a_zip_is_left_to_the_reader():
    uploads.check_archive(b"this is not a spreadsheet", "x.xlsx", uploads.SPREADSHEET)


# ---------- every reader uses it ----------


def test_ledger_import_refuses_a_bomb_before_parsing(world, login):
    data = ledger_bomb()
    assert len(data) < spreadsheet.MAX_BYTES
    response = login(world.a.admin).post(
        "/ledger/import/", {"file": SimpleUploadedFile("bomb.xlsx", data)}, follow=False
    )
    assert response.status_code == 200
    problems = " ".join(p.reason for p in response.context["result"].problems)
    assert "bomb.xlsx" in problems and "at most 200 times" in problems


def test_calendar_import_refuses_a_bomb_before_parsing(world):
    data = rewrite(calendar_workbook(), "xl/worksheets/sheet1.xml", padded)
    with pytest.raises(ValidationError) as refused:
        workcalendar.import_upload(world.a.inst, SimpleUploadedFile("days.xlsx", data), world.a.admin)
    assert "days.xlsx" in refused.value.messages[0] and "at most 200 times" in refused.value.messages[0]


def test_counterfeit_zip_feed_refuses_a_bomb_before_reading(db):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("feed.jsonl", "w") as handle:
        for _ in range(BOMB_MB):
            handle.write(b"\n" * uploads.MIB)
    with pytest.raises(ValidationError) as refused:
        feeds.parse_upload("crawl.zip", out.getvalue())
    assert "crawl.zip" in refused.value.messages[0] and "at most 100 times" in refused.value.messages[0]


def test_vulnerability_feed_workbook_refuses_a_bomb_before_parsing(world):
    """The scanning feed upload (page and API share import_feed) reads .xlsx with openpyxl like the imports."""
    from appgov.scanning import feeds as vulnerability_feeds

    header = ("advisory_id", "component", "introduced", "fixed", "last_affected", "severity", "summary")
    data = rewrite(workbook_bytes([header, ("CVE-1", "okhttp", "", "4.9", "", "high", "x")]),
                   "xl/worksheets/sheet1.xml", padded)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        vulnerability_feeds.import_feed(
            world.a.admin, name="CNVD", upload=SimpleUploadedFile("feed.xlsx", data)
        )
    assert "feed.xlsx" in refused.value.messages[0] and "at most 200 times" in refused.value.messages[0]


# ---------- a workbook that opens but cannot be read row by row ----------


def test_ledger_import_names_the_row_of_a_bad_shared_string(world, login):
    data = bad_shared_string(spreadsheet.template_bytes())
    response = login(world.a.admin).post("/ledger/import/", {"file": SimpleUploadedFile("l.xlsx", data)})
    assert response.status_code == 200
    problems = response.context["result"].problems
    assert [(p.row, "无法读取" in p.reason) for p in problems] == [(1, True)]


def test_calendar_import_names_the_line_of_a_bad_shared_string(world):
    data = bad_shared_string(calendar_workbook())
    with pytest.raises(ValidationError) as refused:
        workcalendar.import_upload(world.a.inst, SimpleUploadedFile("days.xlsx", data), world.a.admin)
    assert "days.xlsx: line 1 cannot be read" in refused.value.messages[0]


def test_page_and_api_refuse_a_calendar_bomb_alike_and_store_nothing(world, login, api):
    from appgov.credit.models import CalendarDay

    data = rewrite(calendar_workbook(), "xl/worksheets/sheet1.xml", padded)
    before = CalendarDay.objects.count()
    page = login(world.a.admin).post(
        "/credit/calendar/", {"form": "import", "file": SimpleUploadedFile("days.xlsx", data)}
    )
    shown = page.context["import_errors"]
    answer = api(world.a.admin).post(
        "/api/credit/calendar-days/import/",
        {"file": SimpleUploadedFile("days.xlsx", data)},
        format="multipart",
    )
    assert answer.status_code == 400
    assert len(shown) == 1 and "at most 200 times" in shown[0]
    assert shown[0] in answer.json()["detail"]
    assert CalendarDay.objects.count() == before
