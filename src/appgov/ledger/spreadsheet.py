"""The ledger as an Excel workbook: one row per app, Chinese headers, keyed by the ledger code.

Import is all-or-nothing: every row is parsed and validated first; one bad cell means nothing is
written and every problem comes back as (row, column, reason). Re-importing an exported, unchanged
ledger changes nothing. The lifecycle state is taken from the file only when an app is first
registered (bringing an existing ledger in); afterwards it changes through lifecycle actions only.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from appgov.core import imports, uploads
from appgov.core import services as core_services
from appgov.core.models import Department, Person
from appgov.core.spreadsheets import append_row

from .models import MobileApp
from .models.choices import AppKind, Audience, LifecycleState, Platform

SHEET = "应用台账"
MAX_ROWS = 20000
MAX_BYTES = 20 * 1024 * 1024
LIST_SEP = "、"
YES, NO = "是", "否"

KIND_ZH = {
    AppKind.APP: "APP",
    AppKind.MINI_PROGRAM: "小程序",
    AppKind.OFFICIAL_ACCOUNT: "公众号",
    AppKind.QUICK_APP: "快应用",
    AppKind.OTHER: "其他",
}
AUDIENCE_ZH = {Audience.EXTERNAL: "外部客户", Audience.INTERNAL: "内部员工"}
PLATFORM_ZH = {
    Platform.ANDROID: "安卓",
    Platform.IOS: "iOS",
    Platform.HARMONYOS: "鸿蒙",
    Platform.WECHAT: "微信",
    Platform.ALIPAY: "支付宝",
    Platform.OTHER: "其他",
}
STATE_ZH = {
    LifecycleState.PROPOSED: "拟建",
    LifecycleState.ADMITTED: "已准入",
    LifecycleState.IN_DEVELOPMENT: "开发中",
    LifecycleState.IN_TESTING: "测试中",
    LifecycleState.RELEASED: "已发布",
    LifecycleState.IN_OPERATION: "运营中",
    LifecycleState.RETIRING: "退出中",
    LifecycleState.RETIRED: "已退出",
}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"  # text, choice, list, choice_list, bool, int, date, department, person
    required: bool = False
    choices: dict | None = None
    width: int = 16


COLUMNS = [
    Column("应用编号", "code", required=True, width=14),
    Column("应用名称", "name", required=True, width=24),
    Column("应用类型", "kind", "choice", True, KIND_ZH),
    Column("服务对象", "audience", "choice", True, AUDIENCE_ZH),
    Column("运行平台", "platforms", "choice_list", choices=PLATFORM_ZH, width=20),
    Column("安卓包名", "android_packages", "list", width=28),
    Column("iOS Bundle ID", "ios_bundle_ids", "list", width=28),
    Column("鸿蒙包名", "harmony_bundle_names", "list", width=28),
    Column("小程序AppID", "mini_program_appids", "list", width=24),
    Column("公众号原始ID", "original_id", width=18),
    Column("管理部门编码", "managing_department", "department"),
    Column("责任人工号", "responsible_person", "person"),
    Column("数据归属部门编码", "data_owner_department", "department"),
    Column("业务条线", "business_lines", "list", width=24),
    Column("服务地区", "regions", "list", width=20),
    Column("第三方合作方", "partner", width=20),
    Column("合作协议编号", "partner_contract_ref"),
    Column("外包开发运维方", "vendor", width=20),
    Column("重要信息系统", "is_important_system", "bool"),
    Column("等保级别", "mlps_level", "int"),
    Column("等保测评日期", "mlps_assessed_on", "date"),
    Column("ICP备案号", "icp_filing_no", width=22),
    Column("APP备案号", "app_filing_no", width=26),
    Column("隐私政策链接", "privacy_policy_url", width=30),
    Column("投诉渠道", "complaint_channel", width=20),
    Column("上线日期", "launched_on", "date"),
    Column("生命周期状态", "state", "choice", choices=STATE_ZH),
    Column("说明", "description", width=30),
]
BY_HEADER = {c.header: c for c in COLUMNS}
BY_FIELD = {c.field: c for c in COLUMNS}


@dataclass
class RowProblem:
    row: int
    column: str
    reason: str


@dataclass
class ImportResult:
    problems: list[RowProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False  # the counts say what an import would do; nothing was written

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportRefused(ValidationError):
    def __init__(self, result: ImportResult):
        self.result = result
        super().__init__(f"{len(result.problems)} problems; nothing was imported")


# ---------- export ----------


def _cell_value(app: MobileApp, column: Column):
    value = getattr(app, column.field)
    if column.kind == "choice":
        return column.choices.get(value, value)
    if column.kind == "choice_list":
        return LIST_SEP.join(column.choices.get(v, v) for v in value)
    if column.kind == "list":
        return LIST_SEP.join(value)
    if column.kind == "bool":
        return YES if value else NO
    if column.kind == "department":
        return value.code if value else None
    if column.kind == "person":
        return value.employee_no if value else None
    return value if value != "" else None


def _workbook(apps) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    append_row(ws, [c.header for c in COLUMNS])
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for idx, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=idx)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = header_fill
        ws.column_dimensions[get_column_letter(idx)].width = column.width
        if column.kind == "choice":
            dv = DataValidation(
                type="list", formula1='"' + ",".join(column.choices.values()) + '"', allow_blank=True
            )
            dv.add(f"{get_column_letter(idx)}2:{get_column_letter(idx)}{MAX_ROWS + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "C2"
    for app in apps:
        append_row(ws, [_cell_value(app, c) for c in COLUMNS])
        for idx, column in enumerate(COLUMNS, start=1):
            if column.kind == "date":
                ws.cell(row=ws.max_row, column=idx).number_format = "yyyy-mm-dd"
    notes = wb.create_sheet("填写说明")
    append_row(notes, ["列", "必填", "说明"])
    for column in COLUMNS:
        hint = {
            "choice": "可选值：" + "、".join(column.choices.values()) if column.choices else "",
            "choice_list": "可多选，用“、”分隔：" + "、".join(column.choices.values())
            if column.choices
            else "",
            "list": "多个值用“、”或换行分隔",
            "bool": "是 / 否",
            "int": "整数 1–5",
            "date": "日期 YYYY-MM-DD",
            "department": "部门编码（见系统中的部门列表）",
            "person": "员工工号",
        }.get(column.kind, "文本")
        if column.field == "state":
            hint += "；仅在首次登记时采用，之后须通过生命周期流转变更"
        if column.field == "code":
            hint = "机构内唯一，作为重复导入时的匹配键"
        append_row(notes, [column.header, YES if column.required else "", hint])
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["C"].width = 80
    return wb


def export_bytes(apps) -> bytes:
    buffer = io.BytesIO()
    _workbook(apps).save(buffer)
    return buffer.getvalue()


def template_bytes() -> bytes:
    return export_bytes([])


# ---------- import ----------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse(column: Column, raw, lookups) -> object:
    text = _text(raw)
    if column.kind == "text":
        return text
    if column.kind == "list":
        from .forms import split_list

        return split_list(text)
    if column.kind in ("choice", "choice_list"):
        reverse = {v: k for k, v in column.choices.items()} | {k: k for k in column.choices}
        from .forms import split_list

        parts = split_list(text) if column.kind == "choice_list" else ([text] if text else [])
        bad = [p for p in parts if p not in reverse]
        if bad:
            raise ValueError(f"“{'、'.join(bad)}” 不是可选值（可选：{'、'.join(column.choices.values())}）")
        values = [str(reverse[p]) for p in parts]
        return values if column.kind == "choice_list" else (values[0] if values else "")
    if column.kind == "bool":
        if text in ("", NO, "N", "n", "false", "False", "0"):
            return False
        if text in (YES, "Y", "y", "true", "True", "1"):
            return True
        raise ValueError(f"“{text}” 应为“是”或“否”")
    if column.kind == "int":
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"“{text}” 不是整数") from None
    if column.kind == "date":
        if raw is None or text == "":
            return None
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        raise ValueError(f"“{text}” 不是日期（应为 YYYY-MM-DD）")
    if column.kind == "department":
        if not text:
            return None
        dept = lookups["departments"].get(text)
        if dept is None:
            raise ValueError(f"本机构没有编码为“{text}”的部门")
        return dept
    if column.kind == "person":
        if not text:
            return None
        person = lookups["people"].get(text)
        if person is None:
            raise ValueError(f"本机构没有工号为“{text}”的人员")
        return person
    raise AssertionError(column.kind)


# what openpyxl raises on a damaged workbook, while opening it or while reading a row (an out-of-range
# shared-string index is an IndexError in the middle of the rows)
UNREADABLE = (zipfile.BadZipFile, KeyError, IndexError, OSError, ValueError, TypeError, EOFError)


def _rows_or_problem(rows, result: ImportResult):
    """The sheet's rows, numbered from 1; a row openpyxl cannot read ends them with a problem naming it."""
    number = 0
    while True:
        number += 1
        try:
            values = next(rows)
        except StopIteration:
            return
        except UNREADABLE as exc:
            result.problems.append(
                RowProblem(number, "", f"第 {number} 行无法读取，文件已损坏（{type(exc).__name__}: {exc}）")
            )
            return
        yield number, values


def _read_rows(data: bytes, result: ImportResult, filename: str = "ledger.xlsx"):
    if len(data) > MAX_BYTES:
        result.problems.append(RowProblem(0, "", f"文件超过 {MAX_BYTES // (1024 * 1024)} MB"))
        return None, []
    try:
        uploads.check_archive(data, filename, uploads.SPREADSHEET)
    except ValidationError as exc:
        result.problems.append(RowProblem(0, "", "；".join(exc.messages)))
        return None, []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UNREADABLE as exc:
        result.problems.append(RowProblem(0, "", f"不是有效的 Excel .xlsx 文件（{type(exc).__name__}）"))
        return None, []
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = _rows_or_problem(ws.iter_rows(values_only=True), result)
    header = next(rows, (1, None))[1]
    if result.problems:
        return None, []
    if not header:
        result.problems.append(RowProblem(1, "", "表头为空：请使用下载的模板"))
        return None, []
    headers = [_text(h) for h in header]
    while headers and headers[-1] == "":
        headers.pop()
    for idx, h in enumerate(headers, start=1):
        if h and h not in BY_HEADER:
            result.problems.append(RowProblem(1, h, f"未知的列（第 {get_column_letter(idx)} 列）"))
    dupes = {h for h in headers if h and headers.count(h) > 1}
    for h in sorted(dupes):
        result.problems.append(RowProblem(1, h, "列重复"))
    for column in COLUMNS:
        if column.required and column.header not in headers:
            result.problems.append(RowProblem(1, column.header, "缺少必填列"))
    if result.problems:
        return None, []
    body = []
    for number, values in rows:
        if number - 1 > MAX_ROWS:
            result.problems.append(RowProblem(number, "", f"超过 {MAX_ROWS} 行上限"))
            break
        values = list(values or [])[: len(headers)]
        if all(_text(v) == "" for v in values):
            continue
        body.append((number, {h: v for h, v in zip(headers, values, strict=False) if h}))
    if result.problems:
        return None, []
    return headers, body


def import_ledger(
    data: bytes, institution, actor=None, dry_run: bool = False, filename: str = "ledger.xlsx"
) -> ImportResult:
    """Validate the whole workbook, then (unless dry_run) write every row in one transaction."""
    result = ImportResult()
    if actor is not None:
        core_services.check_can_write(actor, MobileApp)
    headers, body = _read_rows(data, result, filename)
    if headers is None:
        raise ImportRefused(result)
    # a voided row (a mistaken entry) is matched and named by no import (core.imports): a code whose only app is
    # voided adds a fresh app
    lookups = {
        "departments": imports.by_key(Department.objects.filter(institution=institution), "code"),
        "people": imports.by_key(Person.objects.filter(institution=institution), "employee_no"),
    }
    existing = imports.by_key(MobileApp.objects.filter(institution=institution), "code")
    seen_codes: dict[str, int] = {}
    pending = []
    for number, cells in body:
        # every problem of every cell of the row is reported in one pass: a cell that cannot be read does not
        # hide the model's checks of the others
        values, unparsed, before = {}, set(), len(result.problems)
        for header, raw in cells.items():
            column = BY_HEADER[header]
            try:
                values[column.field] = _parse(column, raw, lookups)
            except ValueError as exc:
                result.problems.append(RowProblem(number, header, str(exc)))
                unparsed.add(column.field)
        for column in COLUMNS:
            if column.required and column.field not in unparsed and not values.get(column.field):
                result.problems.append(RowProblem(number, column.header, "必填项为空"))
        code = values.get("code")
        if code:
            if code in seen_codes:
                result.problems.append(RowProblem(number, "应用编号", f"与第 {seen_codes[code]} 行重复"))
            seen_codes[code] = number
        app = existing.get(code)
        is_new = app is None
        if is_new:
            app = MobileApp(institution=institution)
        state = values.pop("state", "")
        if is_new and state and state != LifecycleState.PROPOSED:
            # a lifecycle state is reached through the gates only: a new app starts as proposed and is moved on
            # the app page (or by API), where each gate's evidence is asked for
            result.problems.append(
                RowProblem(
                    number,
                    "生命周期状态",
                    f"新应用不能以“{STATE_ZH.get(state, state)}”导入：请以“{STATE_ZH[LifecycleState.PROPOSED]}”导入，"
                    "再通过生命周期流转（含门禁材料）推进",
                )
            )
        elif not is_new and state and state != app.state:
            result.problems.append(
                RowProblem(
                    number,
                    "生命周期状态",
                    f"不能通过导入把状态从“{STATE_ZH[app.state]}”改为“{STATE_ZH.get(state, state)}”，请使用生命周期流转",
                )
            )
        changed = is_new
        for name, value in values.items():
            if getattr(app, name) != value:
                setattr(app, name, value)
                changed = True
        if not changed and len(result.problems) == before:
            result.unchanged += 1
            continue
        try:
            app.full_clean(validate_unique=False, exclude=sorted(unparsed))
        except ValidationError as exc:
            already = {p.column for p in result.problems[before:]}  # "required" said once per cell
            for fname, messages in exc.message_dict.items():
                header = BY_FIELD[fname].header if fname in BY_FIELD else fname
                if fname in unparsed or header in already:
                    continue
                for message in messages:
                    result.problems.append(RowProblem(number, header, message))
        if len(result.problems) == before:
            pending.append((app, is_new))
    result.problems.sort(key=lambda p: (p.row, p.column))
    if result.problems:
        raise ImportRefused(result)
    if dry_run:
        result.dry_run = True
        result.created = sum(1 for _a, new in pending if new)
        result.updated = len(pending) - result.created
        return result
    with transaction.atomic():
        for app, is_new in pending:
            core_services.save(app, actor)
            if is_new:
                result.created += 1
            else:
                result.updated += 1
    return result
