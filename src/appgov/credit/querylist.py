"""The query log of one review day (日核查): every stored query of that branch on that day, read from the
ingested Parquet files, paged for the page and complete for the Excel export."""

import datetime
import io

import duckdb
import openpyxl
from django.utils.translation import gettext as _

from appgov.engines.querywatch import TABLES

from .models import QueryLogBatch, ReviewDay

COLUMNS = tuple(c.name for c in TABLES["query_events"].columns)
# a cell whose text starts with one of these is read as a formula (or a DDE payload) by spreadsheet programs
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _source(review_day: ReviewDay) -> tuple[str, list] | None:
    """The SQL selecting the day's queries of the branch, with its parameters; None if no log is stored."""
    paths = [
        b.parquet.path
        for b in QueryLogBatch.objects.filter(
            institution_id=review_day.institution_id, table=QueryLogBatch.Table.QUERY_EVENTS
        )
    ]
    if not paths:
        return None
    start = datetime.datetime.combine(review_day.day, datetime.time())
    end = start + datetime.timedelta(days=1)
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    sql = (
        f"SELECT DISTINCT {columns} FROM read_parquet(?, union_by_name=true)"
        " WHERE ts >= ? AND ts < ? AND branch_id = ?"
    )
    return sql, [paths, start, end, review_day.branch_code]


def count(review_day: ReviewDay) -> int:
    source = _source(review_day)
    if source is None:
        return 0
    sql, params = source
    with duckdb.connect() as con:
        return con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def events(review_day: ReviewDay, offset: int = 0, limit: int | None = None) -> list[dict]:
    """The day's queries of the branch in time order (then event id), as dicts of the log's columns."""
    source = _source(review_day)
    if source is None:
        return []
    sql, params = source
    sql += " ORDER BY ts, event_id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    with duckdb.connect() as con:
        cursor = con.execute(sql, params)
        return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]


class DayPage:
    """One page of a day's queries, in the shape the page template needs (like Django's Page)."""

    def __init__(self, review_day: ReviewDay, number: int, size: int):
        self.total = count(review_day)
        self.pages = max(1, -(-self.total // size))
        self.number = min(max(1, number), self.pages)
        self.start = (self.number - 1) * size
        self.rows = events(review_day, self.start, size)

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def safe_cell(value):
    """Text a spreadsheet shows as text: a leading quote keeps a formula-like value from being evaluated."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def headers() -> list[str]:
    labels = {
        "event_id": _("event id"),
        "ts": _("time"),
        "operator_id": _("operator id"),
        "branch_id": _("branch code"),
        "subject_id": _("subject"),
        "reason_code": _("query reason"),
        "channel": _("channel"),
        "client_app_id": _("client app"),
        "terminal_id": _("terminal"),
        "ip": _("IP address"),
        "authorization_id": _("authorisation number"),
        "product": _("product"),
    }
    return [str(labels[c]) for c in COLUMNS]


def workbook(review_day: ReviewDay) -> bytes:
    """The day's complete query list of the branch as an .xlsx file."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(f"{review_day.day:%Y-%m-%d}")
    sheet.append(headers())
    for row in events(review_day):
        sheet.append([safe_cell(row[c]) for c in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
