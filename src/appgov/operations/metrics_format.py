"""Reading a batch of daily figures: API JSON, CSV, XLSX or JSON Lines, all into the same rows.

Format (docs/operations.md, "Metrics"): one row per app × day × metric, columns
`app` (the ledger code), `day` (YYYY-MM-DD), `metric` (dau, mau, new_installs, crash_rate, anr_rate,
availability, p95_ms, rating, rating_count, complaints), `value`, and optionally `version` and `platform`
(empty: the whole app). Every problem is reported as (line, column, reason); nothing is parsed half.
"""

import csv
import datetime
import io
import json
import math
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from appgov.core import uploads

from .models.metrics import COUNTS, RANGES, Metric

REQUIRED = ("app", "day", "metric", "value")
OPTIONAL = ("version", "platform")
COLUMNS = REQUIRED + OPTIONAL
MAX_ROWS = 200_000
MAX_BYTES = 20 * 1024 * 1024
LIMITS = {"app": 40, "version": 40, "platform": 20}


@dataclass(frozen=True)
class Problem:
    line: (
        int  # the file's line (CSV, JSON Lines), the sheet's row (XLSX) or the item's position (API, from 1)
    )
    column: str
    message: str

    def __str__(self):
        where = _("line %(line)s") % {"line": self.line} if self.line else _("file")
        if self.column:
            where += ", " + _("column %(column)s") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class Row:
    line: int
    app: str
    day: datetime.date
    metric: str
    value: float
    version: str
    platform: str


class BatchRefused(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:20]))


def source_of(filename: str) -> str:
    name = filename.lower()
    for ext, source in ((".csv", "csv"), (".xlsx", "xlsx"), (".jsonl", "jsonl"), (".ndjson", "jsonl")):
        if name.endswith(ext):
            return source
    raise BatchRefused(
        [Problem(0, "", _("%(file)s: use a .csv, .xlsx or .jsonl file.") % {"file": filename or "?"})]
    )


def read_file(data: bytes, filename: str) -> tuple[str, list[tuple[int, dict]]]:
    """(source, [(line, raw record)]) of an uploaded file."""
    if len(data) > MAX_BYTES:
        raise BatchRefused(
            [Problem(0, "", _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)})]
        )
    source = source_of(filename)
    if source == "xlsx":
        return source, _read_xlsx(data, filename)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BatchRefused(
            [Problem(0, "", _("The file is not UTF-8 text (byte %(at)d).") % {"at": exc.start})]
        ) from None
    return source, (_read_csv(text) if source == "csv" else _read_jsonl(text))


def _header_problems(header: list[str]) -> list[Problem]:
    problems = []
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    if missing:
        problems.append(Problem(1, ", ".join(missing), _("required column missing")))
    if unknown:
        problems.append(
            Problem(
                1,
                ", ".join(unknown),
                _("unknown column (the columns are: %(c)s)") % {"c": ", ".join(COLUMNS)},
            )
        )
    dupes = sorted({c for c in header if c and header.count(c) > 1})
    if dupes:
        problems.append(Problem(1, ", ".join(dupes), _("column given twice")))
    return problems


def _read_csv(text: str) -> list[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise BatchRefused([Problem(0, "", _("The file is empty."))]) from None
    except csv.Error as exc:
        raise BatchRefused([Problem(1, "", str(exc))]) from None
    problems = _header_problems(header)
    if problems:
        raise BatchRefused(problems)
    records = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                raise BatchRefused([Problem(line, "", _("more values than columns"))])
            records.append((line, dict(zip(header, values, strict=False))))
            _check_count(records)
    except csv.Error as exc:
        raise BatchRefused([Problem(reader.line_num, "", str(exc))]) from None
    return records


def _read_jsonl(text: str) -> list[tuple[int, dict]]:
    records = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except ValueError as exc:
            raise BatchRefused([Problem(line, "", _("not JSON: %(e)s") % {"e": exc})]) from None
        records.append((line, item))
        _check_count(records)
    return check_objects(records)


def _read_xlsx(data: bytes, filename: str) -> list[tuple[int, dict]]:
    from django.core.exceptions import ValidationError
    from openpyxl import load_workbook

    try:
        uploads.check_archive(data, filename, uploads.SPREADSHEET)
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(rows, ())]
    except ValidationError as exc:
        raise BatchRefused([Problem(0, "", "; ".join(exc.messages))]) from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError):
        raise BatchRefused(
            [Problem(0, "", _("%(file)s is not an Excel workbook.") % {"file": filename})]
        ) from None
    if not header:
        raise BatchRefused([Problem(0, "", _("The file is empty."))])
    problems = _header_problems(header)
    if problems:
        raise BatchRefused(problems)
    records = []
    for line, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        records.append((line, {h: v for h, v in zip(header, values, strict=False) if h}))
        _check_count(records)
    return records


def _check_count(records) -> None:
    if len(records) > MAX_ROWS:
        raise BatchRefused([Problem(0, "", _("More than %(n)d rows in one batch.") % {"n": MAX_ROWS})])


def check_objects(records: list[tuple[int, object]]) -> list[tuple[int, dict]]:
    """JSON items (API, JSON Lines): each an object with only the known keys."""
    problems = []
    for line, item in records:
        if not isinstance(item, dict):
            problems.append(Problem(line, "", _("each item is an object with app, day, metric and value")))
            continue
        for key in item:
            if key not in COLUMNS:
                problems.append(Problem(line, str(key)[:40], _("unknown field")))
        for key in REQUIRED:
            if key not in item:
                problems.append(Problem(line, key, _("required")))
    if problems:
        raise BatchRefused(problems)
    return records


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _day(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(_text(value))


def parse_records(records: list[tuple[int, dict]], today: datetime.date) -> list[Row]:
    """Validate every record; BatchRefused with every problem (line, column, reason) when any is bad."""
    problems: list[Problem] = []
    rows: list[Row] = []
    seen: dict[tuple, int] = {}
    metrics = set(Metric.values)
    for line, raw in records:
        bad = len(problems)
        app = _text(raw.get("app"))
        if not app:
            problems.append(Problem(line, "app", _("required")))
        for name, limit in LIMITS.items():
            if len(_text(raw.get(name))) > limit:
                problems.append(Problem(line, name, _("longer than %(n)d characters") % {"n": limit}))
        try:
            day = _day(raw.get("day"))
        except (ValueError, TypeError):
            problems.append(
                Problem(
                    line, "day", _("“%(v)s” is not a date (YYYY-MM-DD)") % {"v": _text(raw.get("day"))[:40]}
                )
            )
            day = None
        if day is not None and day > today:
            problems.append(Problem(line, "day", _("%(d)s is in the future") % {"d": day}))
        metric = _text(raw.get("metric")).lower()
        if metric not in metrics:
            problems.append(
                Problem(
                    line,
                    "metric",
                    _("unknown metric “%(m)s” (known: %(known)s)")
                    % {"m": metric[:40], "known": ", ".join(Metric.values)},
                )
            )
        raw_value = raw.get("value")
        value = None
        if isinstance(raw_value, bool):
            raw_value = None
        try:
            value = float(raw_value if isinstance(raw_value, int | float) else _text(raw_value))
            if not math.isfinite(value):
                raise ValueError
        except (ValueError, TypeError):
            problems.append(
                Problem(line, "value", _("“%(v)s” is not a number") % {"v": _text(raw_value)[:40]})
            )
            value = None
        if value is not None and metric in metrics:
            low_high = RANGES.get(metric)
            if low_high and not (low_high[0] <= value <= low_high[1]):
                problems.append(
                    Problem(
                        line,
                        "value",
                        _("%(v)s is outside %(low)s–%(high)s for %(m)s")
                        % {"v": f"{value:g}", "low": low_high[0], "high": low_high[1], "m": metric},
                    )
                )
            if metric in COUNTS and (value < 0 or not value.is_integer()):
                problems.append(
                    Problem(
                        line,
                        "value",
                        _("%(m)s is a whole number ≥ 0, not %(v)s") % {"m": metric, "v": f"{value:g}"},
                    )
                )
            if metric not in COUNTS and value < 0:
                problems.append(Problem(line, "value", _("must not be negative")))
        if len(problems) > bad:
            if len(problems) > 200:
                break
            continue
        row = Row(
            line, app, day, metric, value, _text(raw.get("version")), _text(raw.get("platform")).lower()
        )
        key = (row.app, row.day, row.metric, row.version, row.platform)
        if key in seen:
            problems.append(
                Problem(
                    line,
                    "app, day, metric",
                    _("the same figure is already given on line %(first)d") % {"first": seen[key]},
                )
            )
            continue
        seen[key] = line
        rows.append(row)
    if problems:
        raise BatchRefused(problems)
    if not rows:
        raise BatchRefused([Problem(0, "", _("The batch holds no rows."))])
    return rows
