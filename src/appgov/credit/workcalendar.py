"""The working calendar (Q07): saving hours and exceptions, importing a year's holidays from CSV or XLSX
(all-or-nothing, each bad row named), and exporting the engine's `calendar` table.

Which hours hold for a query at branch b on date d (most specific first):
  1. an exception dated d for branch b
  2. an exception dated d for every branch (a public holiday closes every branch)
  3. the standard week of branch b for d's weekday
  4. the standard week of the institution for d's weekday
  5. the rule's own default (Mon–Fri 08:30–17:30, rules.yaml Q07)
The engine knows only dated rows (d, b) and (d, every branch), so the export writes one row per date of
the monitored window and scope, resolved in this order."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core import uploads
from appgov.core.models import Department
from appgov.engines.querywatch import load_rules_config

from .models import CalendarDay, WorkingHours

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
DATA_DIR = Path(__file__).parent / "data"
PRC_HOLIDAYS_2026 = DATA_DIR / "prc-holidays-2026.csv"

HEADERS = {
    "date": {"date", "日期"},
    "is_workday": {"is_workday", "workday", "是否工作日", "上班"},
    "work_start": {"work_start", "start", "上班时间", "开始时间"},
    "work_end": {"work_end", "end", "下班时间", "结束时间"},
    "name": {"name", "名称", "节日", "说明"},
    "branch": {"branch", "branch_id", "branch_code", "网点", "机构", "网点代码"},
}
TRUE = {"true", "1", "yes", "y", "是", "上班", "工作日", "workday"}
FALSE = {"false", "0", "no", "n", "否", "放假", "休息", "休息日", "holiday"}


def _default_hours() -> tuple[datetime.time, datetime.time]:
    params = load_rules_config(None).rule("Q07").params
    return (
        datetime.time.fromisoformat(params["default_work_start"]),
        datetime.time.fromisoformat(params["default_work_end"]),
    )


def standard_hours(institution, branch=None) -> tuple[datetime.time, datetime.time]:
    """A regular working day's hours for the scope: its Monday row, the institution's, or the rule default."""
    rows = WorkingHours.objects.filter(institution=institution, weekday=1, is_workday=True)
    for candidate in ([rows.filter(branch=branch).first()] if branch else []) + [
        rows.filter(branch__isnull=True).first()
    ]:
        if candidate is not None:
            return candidate.work_start, candidate.work_end
    return _default_hours()


def save_hours(obj: WorkingHours, actor) -> WorkingHours:
    return core.save(obj, actor)


def save_day(obj: CalendarDay, actor) -> CalendarDay:
    """Save an exception; a working day given without hours (a 调休 Saturday) works standard hours."""
    if obj.is_workday and obj.work_start is None and obj.work_end is None:
        obj.work_start, obj.work_end = standard_hours(obj.institution, obj.branch)
    return core.save(obj, actor)


def delete_entry(obj, actor) -> None:
    core.delete(obj, actor)


# ---------- import ----------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list = field(default_factory=list)


def _read(filename: str, data: bytes) -> list[tuple[int, dict]]:
    """(line number, {column: raw value}) for each non-empty data row; header on line 1."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("%(file)s: larger than 2 MB.") % {"file": filename})
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        uploads.check_archive(data, filename, uploads.SPREADSHEET)
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise ValidationError(
                _("%(file)s: not a readable XLSX workbook (%(error)s).") % {"file": filename, "error": exc}
            ) from None
        table = []
        try:
            for row in sheet.iter_rows(values_only=True):
                table.append(list(row))
        except Exception as exc:  # e.g. IndexError: a cell names a shared string the workbook lacks
            raise ValidationError(
                _("%(file)s: line %(line)d cannot be read (%(error)s).")
                % {"file": filename, "line": len(table) + 1, "error": f"{type(exc).__name__}: {exc}"}
            ) from None
    elif filename.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                _("%(file)s: not UTF-8 text (byte %(pos)d).") % {"file": filename, "pos": exc.start}
            ) from None
        table = list(csv.reader(io.StringIO(text)))
    else:
        raise ValidationError(_("%(file)s: give a .csv or .xlsx file.") % {"file": filename})
    if not table:
        raise ValidationError(_("%(file)s: the file is empty.") % {"file": filename})
    header = [str(h).strip().lower() if h is not None else "" for h in table[0]]
    columns = {}
    for index, text in enumerate(header):
        for name, aliases in HEADERS.items():
            if text in aliases:
                columns[name] = index
    missing = [n for n in ("date", "is_workday") if n not in columns]
    if missing:
        raise ValidationError(
            _("%(file)s: missing column(s) %(columns)s in the header line (expected %(expected)s).")
            % {
                "file": filename,
                "columns": ", ".join(missing),
                "expected": "date, is_workday, work_start, work_end, name, branch",
            }
        )
    if len(table) - 1 > MAX_ROWS:
        raise ValidationError(_("%(file)s: more than %(max)d rows.") % {"file": filename, "max": MAX_ROWS})
    rows = []
    for line, values in enumerate(table[1:], start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        rows.append((line, {name: (values[i] if i < len(values) else None) for name, i in columns.items()}))
    return rows


def _date(raw):
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    return datetime.date.fromisoformat(str(raw).strip())


def _time(raw):
    if raw is None or str(raw).strip() == "":
        return None
    if isinstance(raw, datetime.datetime):
        return raw.time()
    if isinstance(raw, datetime.time):
        return raw
    hours, minutes = str(raw).strip().split(":")[:2]
    return datetime.time(int(hours), int(minutes))


def import_calendar(institution, filename: str, data: bytes, actor, source: str = "") -> ImportResult:
    """Create or update one exception per row; every row is checked first and nothing is written unless
    all are good. The message names each bad row (file line) and column."""
    rows = _read(filename, data)
    branches = {d.code: d for d in Department.objects.filter(institution=institution)}
    errors, parsed, seen = [], [], {}

    def bad(line, column, problem):
        errors.append(
            _("%(file)s, line %(line)d, column '%(column)s': %(problem)s")
            % {"file": filename, "line": line, "column": column, "problem": problem}
        )

    for line, raw in rows:
        try:
            day = _date(raw["date"])
        except (TypeError, ValueError):
            bad(line, "date", _("'%(value)s' is not a date (YYYY-MM-DD)") % {"value": raw["date"]})
            continue
        flag = str(raw["is_workday"] if raw["is_workday"] is not None else "").strip().lower()
        if flag not in TRUE | FALSE:
            bad(
                line,
                "is_workday",
                _("'%(value)s' is not one of true/false, 1/0, 是/否, 上班/放假")
                % {"value": raw["is_workday"]},
            )
            continue
        times = {}
        for column in ("work_start", "work_end"):
            try:
                times[column] = _time(raw.get(column))
            except (TypeError, ValueError):
                bad(line, column, _("'%(value)s' is not a time (HH:MM)") % {"value": raw.get(column)})
        if len(times) < 2:
            continue
        code = str(raw.get("branch") or "").strip()
        branch = None
        if code:
            branch = branches.get(code)
            if branch is None:
                bad(line, "branch", _("no department with code '%(code)s'") % {"code": code})
                continue
        key = (day, code)
        if key in seen:
            bad(
                line,
                "date",
                _("%(date)s is already given on line %(line)d") % {"date": day, "line": seen[key]},
            )
            continue
        seen[key] = line
        existing = CalendarDay.objects.filter(institution=institution, date=day, branch=branch).first()
        obj = existing or CalendarDay(institution=institution, date=day, branch=branch)
        obj.is_workday = flag in TRUE
        obj.work_start, obj.work_end = times["work_start"], times["work_end"]
        obj.name = str(raw.get("name") or "").strip()[:100]
        if source:
            obj.source = source[:200]
        if obj.is_workday and obj.work_start is None and obj.work_end is None:
            obj.work_start, obj.work_end = standard_hours(institution, branch)
        try:
            obj.full_clean(exclude=["institution"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for column, messages in exc.message_dict.items():
                bad(line, column, "；".join(messages))
            continue
        parsed.append((obj, existing))
    if errors:
        shown = errors[:50]
        if len(errors) > 50:
            shown.append(_("… and %(count)d more problems.") % {"count": len(errors) - 50})
        raise ValidationError(shown)
    result = ImportResult()
    with transaction.atomic():
        for obj, existing in parsed:
            if existing is not None:
                fresh = CalendarDay.objects.get(pk=existing.pk)
                same = all(
                    getattr(fresh, f) == getattr(obj, f)
                    for f in ("is_workday", "work_start", "work_end", "name", "source")
                )
                if same:
                    result.unchanged += 1
                    continue
                result.updated += 1
            else:
                result.created += 1
            result.rows.append(core.save(obj, actor))
    return result


def import_upload(institution, upload, actor) -> ImportResult:
    """import_calendar() of an uploaded file, read no further than the size limit (a larger file is
    refused by _read without being loaded whole)."""
    return import_calendar(institution, upload.name, upload.read(MAX_BYTES + 1), actor, source=upload.name)


def load_prc_holidays(institution, actor=None, path: Path = PRC_HOLIDAYS_2026) -> ImportResult:
    """The public holidays and 调休 working days of a year for every branch (demo and first set-up)."""
    return import_calendar(
        institution,
        path.name,
        path.read_bytes(),
        actor,
        source=_("State Council notice on the %(year)s public holidays") % {"year": path.stem[-4:]},
    )


# ---------- export to the engine ----------


def _hhmm(value: datetime.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _row(day, code, entry, name=None) -> dict:
    return {
        "date": day.isoformat(),
        "branch_id": code,
        "is_workday": "true" if entry.is_workday else "false",
        "work_start": _hhmm(entry.work_start) if entry.is_workday else None,
        "work_end": _hhmm(entry.work_end) if entry.is_workday else None,
        "name": name if name is not None else (getattr(entry, "name", "") or None),
    }


def engine_rows(institution, first: datetime.date, last: datetime.date) -> list[dict]:
    """The engine's `calendar` rows for every date from first to last (inclusive), resolved as above."""
    week, branch_week = {}, {}
    for hours in WorkingHours.objects.filter(institution=institution).select_related("branch"):
        if hours.branch_id is None:
            week[hours.weekday] = hours
        else:
            branch_week[(hours.branch.code, hours.weekday)] = hours
    days, branch_days = {}, {}
    for entry in CalendarDay.objects.filter(
        institution=institution, date__range=(first, last)
    ).select_related("branch"):
        if entry.branch_id is None:
            days[entry.date] = entry
        else:
            branch_days[(entry.branch.code, entry.date)] = entry
    codes = sorted({code for code, _ in branch_week} | {code for code, _ in branch_days})
    rows = []
    day = first
    while day <= last:
        weekday = day.isoweekday()
        everywhere = days.get(day) or week.get(weekday)
        if everywhere is not None:
            rows.append(_row(day, None, everywhere))
        for code in codes:
            own = branch_days.get((code, day))
            if own is not None:
                rows.append(_row(day, code, own))
            elif day not in days and (code, weekday) in branch_week:
                rows.append(_row(day, code, branch_week[(code, weekday)]))
        day += datetime.timedelta(days=1)
    return rows


hours = core.FunctionService(WorkingHours, save=save_hours, delete=delete_entry)
days = core.FunctionService(CalendarDay, save=save_day, delete=delete_entry)
