"""The register as an Excel workbook (parties, qualifications, contracts: one sheet each, Chinese headers,
keyed by the 统一社会信用代码), and the vendor-grant import from an IAM export (CSV or XLSX).

Imports are all or nothing: every row of every sheet is parsed and validated first; one bad cell means nothing
is written, and every problem comes back as (sheet, row, column, reason). Re-importing an unchanged export
changes nothing. Writes go through the services (validated, change-logged) in one transaction.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from appgov.core import imports, uploads
from appgov.core.services import check_can_write
from appgov.core.spreadsheets import append_row

from . import services
from .models import AccessGrant, Contract, Party, Qualification
from .models.choices import AccessLevel, AccessPurpose, Business, PartyKind, QualificationKind, RiskTier

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20000
SEP = "、"
YES, NO = "是", "否"
UNREADABLE = (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError)

KIND_ZH = {
    PartyKind.SDK_VENDOR: "SDK提供方",
    PartyKind.OUTSOURCED_DEVELOPER: "外包开发",
    PartyKind.OUTSOURCED_OPERATOR: "外包运维",
    PartyKind.CLOUD: "云服务/托管",
    PartyKind.DATA_PROCESSOR: "数据处理方",
    PartyKind.APP_STORE: "应用商店",
    PartyKind.MINI_PROGRAM_PLATFORM: "小程序平台",
    PartyKind.QUICK_APP_CENTRE: "快应用中心",
    PartyKind.BROWSER_PLUGIN_PLATFORM: "浏览器插件平台",
    PartyKind.BUSINESS_PARTNER: "合作开展金融业务",
}
TIER_ZH = {RiskTier.HIGH: "高", RiskTier.MEDIUM: "中", RiskTier.LOW: "低"}
QUAL_ZH = {
    QualificationKind.TELECOM_LICENCE: "增值电信业务经营许可证",
    QualificationKind.ICP_FILING: "ICP备案",
    QualificationKind.MLPS_CERTIFICATE: "等级保护证书",
    QualificationKind.FINANCIAL_LICENCE: "金融许可证",
    QualificationKind.BUSINESS_LICENCE: "营业执照",
    QualificationKind.OTHER: "其他",
}
BUSINESS_ZH = {
    Business.LOANS: "贷款/助贷",
    Business.WEALTH: "理财",
    Business.INSURANCE: "保险",
    Business.FUNDS: "基金",
    Business.PAYMENTS: "支付",
    Business.CREDIT_INFO: "征信",
    Business.OTHER: "其他",
}
PURPOSE_ZH = {
    AccessPurpose.DEVELOPMENT: "开发",
    AccessPurpose.TESTING: "测试",
    AccessPurpose.MAINTENANCE: "维护",
    AccessPurpose.OPERATION: "运营",
    AccessPurpose.SUPPORT: "支持",
    AccessPurpose.INCIDENT: "事件处置",
}
LEVEL_ZH = {
    AccessLevel.READ: "只读",
    AccessLevel.WRITE: "读写",
    AccessLevel.ADMIN: "管理员",
    AccessLevel.PRODUCTION_DATA: "生产数据",
}


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"  # text, choice, choice_list, date, bool, party, user
    required: bool = False
    choices: dict | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    model: type
    columns: tuple
    key: tuple  # the fields that find an existing row

    def by_header(self):
        return {c.header: c for c in self.columns}


CODE = Column("统一社会信用代码", "party", "party", True)
PARTIES = Sheet(
    "第三方名录",
    Party,
    (
        Column("统一社会信用代码", "credit_code", required=True),
        Column("名称", "name", required=True),
        Column("类型", "kinds", "choice_list", True, KIND_ZH),
        Column("风险等级", "risk_tier", "choice", True, TIER_ZH),
        Column("地址", "address"),
        Column("网址", "website"),
        Column("备注", "note"),
    ),
    ("credit_code",),
)
QUALIFICATIONS = Sheet(
    "资质",
    Qualification,
    (
        CODE,
        Column("资质类型", "kind", "choice", True, QUAL_ZH),
        Column("编号", "number", required=True),
        Column("发证机关", "issued_by"),
        Column("许可业务", "businesses", "choice_list", False, BUSINESS_ZH),
        Column("业务范围原文", "scope"),
        Column("有效期起", "valid_from", "date"),
        Column("有效期至", "valid_until", "date"),
    ),
    ("party", "kind", "number"),
)
CONTRACTS = Sheet(
    "合同",
    Contract,
    (
        CODE,
        Column("合同编号", "reference", required=True),
        Column("合同名称", "title", required=True),
        Column("签订日期", "signed_on", "date"),
        Column("生效日期", "starts_on", "date", True),
        Column("到期日期", "ends_on", "date"),
        Column("终止日期", "terminated_on", "date"),
        *(Column(f"条款：{zh}", name, "bool") for name, zh, _en in Contract.CLAUSES),
    ),
    ("party", "reference"),
)
REGISTER = (PARTIES, QUALIFICATIONS, CONTRACTS)
GRANTS = Sheet(
    "外包人员权限",
    AccessGrant,
    (
        CODE,
        Column("人员", "person_name", required=True),
        Column("账号", "account", required=True),
        Column("系统或数据", "system", required=True),
        Column("用途", "purpose", "choice", True, PURPOSE_ZH),
        Column("权限级别", "level", "choice", True, LEVEL_ZH),
        Column("审批人", "approver", "user"),
        Column("审批日期", "approved_on", "date"),
        Column("开始日期", "starts_on", "date", True),
        Column("结束日期", "ends_on", "date"),
    ),
    ("party", "account", "system"),
)
SERVICES = {Party: services.parties, Qualification: services.qualifications, Contract: services.contracts}
SERVICES[AccessGrant] = services.grants


@dataclass
class Problem:
    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self):
        where = f"{self.sheet} 第 {self.row} 行" if self.row else self.sheet
        return f"{where}{'「' + self.column + '」' if self.column else ''}：{self.reason}"


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class ImportRefused(ValidationError):
    def __init__(self, result: ImportResult):
        self.result = result
        super().__init__([str(p) for p in result.problems[:50]])


# ---------- export ----------


def _cell(obj, column: Column):
    value = getattr(obj, column.field)
    if column.kind == "party":
        return value.credit_code
    if column.kind == "user":
        return value.username if value else ""
    if column.kind == "choice":
        return column.choices.get(value, value)
    if column.kind == "choice_list":
        return SEP.join(column.choices.get(v, v) for v in value or [])
    if column.kind == "bool":
        return YES if value else NO
    return value if value is not None else ""


def export_bytes(parties, qualifications, contracts) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, rows in zip(REGISTER, (parties, qualifications, contracts), strict=True):
        ws = wb.create_sheet(sheet.title)
        ws.append([c.header for c in sheet.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for obj in rows:
            append_row(ws, [_cell(obj, c) for c in sheet.columns])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------- import ----------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse(column: Column, raw, lookups):
    text = _text(raw)
    if column.kind == "text":
        return text
    if column.kind == "date":
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise ValueError(f"“{text}”不是日期（YYYY-MM-DD）") from None
    if column.kind == "bool":
        if text in ("", NO, "否", "N", "n", "0", "FALSE", "False"):
            return False
        if text in (YES, "Y", "y", "1", "TRUE", "True"):
            return True
        raise ValueError(f"“{text}”应为“是”或“否”")
    reverse = {v: k for k, v in (column.choices or {}).items()}
    if column.kind == "choice":
        if not text:
            return ""
        if text in reverse:
            return reverse[text]
        if text in (column.choices or {}):
            return text
        raise ValueError(f"“{text}”不是可选值（{SEP.join(column.choices.values())}）")
    if column.kind == "choice_list":
        items = [t.strip() for t in text.replace(",", SEP).replace("，", SEP).split(SEP) if t.strip()]
        values = []
        for item in items:
            if item in reverse:
                values.append(reverse[item])
            elif item in (column.choices or {}):
                values.append(item)
            else:
                raise ValueError(f"“{item}”不是可选值（{SEP.join(column.choices.values())}）")
        return values
    if column.kind == "party":
        party = lookups["parties"].get(text.upper())
        if party is None:
            raise ValueError(f"名录中没有统一社会信用代码为“{text}”的第三方")
        return party
    if column.kind == "user":
        if not text:
            return None
        user = lookups["users"].get(text)
        if user is None:
            raise ValueError(f"本机构没有用户名为“{text}”的用户")
        return user
    raise ValueError(f"unknown column kind {column.kind}")


def _sheet_rows(ws, sheet: Sheet, result: ImportResult):
    rows = ws.iter_rows(values_only=True) if hasattr(ws, "iter_rows") else iter(ws)
    try:
        header = next(rows, None)
    except UNREADABLE as exc:
        result.problems.append(Problem(sheet.title, 1, "", f"无法读取（{type(exc).__name__}）"))
        return []
    headers = [_text(h) for h in (header or [])]
    while headers and headers[-1] == "":
        headers.pop()
    known = sheet.by_header()
    for h in headers:
        if h and h not in known:
            result.problems.append(Problem(sheet.title, 1, h, "未知的列"))
    for c in sheet.columns:
        if c.required and c.header not in headers:
            result.problems.append(Problem(sheet.title, 1, c.header, "缺少必填列"))
    body, number = [], 1
    while True:
        number += 1
        try:
            values = next(rows)
        except StopIteration:
            break
        except UNREADABLE as exc:
            result.problems.append(Problem(sheet.title, number, "", f"无法读取（{type(exc).__name__}）"))
            break
        if number > MAX_ROWS:
            result.problems.append(Problem(sheet.title, number, "", f"超过 {MAX_ROWS} 行上限"))
            break
        values = list(values or [])[: len(headers)]
        if all(_text(v) == "" for v in values):
            continue
        body.append((number, {h: v for h, v in zip(headers, values, strict=False) if h in known}))
    return body


def _hashable(value):
    return ("party", value.credit_code) if isinstance(value, Party) else value


def _apply(sheet: Sheet, body, institution, actor, lookups, result: ImportResult, pending: list):
    """Parse and validate one sheet's rows into (row, obj-or-None, data) for the write step."""
    seen = {}
    for number, cells in body:
        data, ok = {}, True
        for header, raw in cells.items():
            column = sheet.by_header()[header]
            try:
                data[column.field] = _parse(column, raw, lookups)
            except ValueError as exc:
                result.problems.append(Problem(sheet.title, number, header, str(exc)))
                ok = False
        for c in sheet.columns:
            if c.required and c.field in data and data[c.field] in ("", None, []):
                result.problems.append(Problem(sheet.title, number, c.header, "必填项为空"))
                ok = False
        if not ok:
            continue
        if sheet.model is Party:
            data["credit_code"] = data["credit_code"].upper()
        key = tuple(_hashable(data.get(k)) for k in sheet.key)
        if key in seen:
            result.problems.append(
                Problem(sheet.title, number, sheet.columns[0].header, f"与第 {seen[key]} 行重复")
            )
            continue
        seen[key] = number
        existing = lookups["existing"][sheet.model].get(
            tuple(getattr(data.get(k), "pk", data.get(k)) for k in sheet.key)
        )
        if existing is not None and all(getattr(existing, k) == v for k, v in data.items()):
            result.unchanged += 1
            continue
        obj = existing or sheet.model(**({"institution": institution} if sheet.model is Party else {}))
        for k, v in data.items():
            setattr(obj, k, v)
        unsaved_party = getattr(obj, "party", None) if sheet.model is not Party else None
        try:
            obj.full_clean(
                validate_unique=False, exclude=["party"] if unsaved_party and not unsaved_party.pk else None
            )
        except ValidationError as exc:
            headers = {c.field: c.header for c in sheet.columns}
            for name, messages in exc.message_dict.items():
                result.problems.append(
                    Problem(sheet.title, number, headers.get(name, ""), "；".join(messages))
                )
            continue
        pending.append((sheet, existing, data, obj))


def _lookups(institution):
    # a voided row (a mistaken entry) is matched and named by no import (core.imports): a key whose only row is
    # voided adds a fresh one
    parties = imports.by_key(Party.objects.filter(institution=institution), "credit_code")
    from appgov.users.models import User

    return {
        "parties": parties,
        "users": {u.username: u for u in User.objects.filter(institution=institution)},
        "existing": {
            Party: {(p.credit_code,): p for p in parties.values()},
            Qualification: imports.by_key(
                Qualification.objects.filter(party__institution=institution), ("party_id", "kind", "number")
            ),
            Contract: imports.by_key(
                Contract.objects.filter(party__institution=institution), ("party_id", "reference")
            ),
            AccessGrant: imports.by_key(
                AccessGrant.objects.filter(party__institution=institution), ("party_id", "account", "system")
            ),
        },
    }


def _write(pending, actor, result):
    with transaction.atomic():
        for sheet, existing, data, obj in pending:
            service = SERVICES[sheet.model]
            try:
                if existing is None:
                    if sheet.model is Party:
                        data = {**data, "institution": obj.institution}
                    service.create(actor, data)
                    result.created += 1
                else:
                    service.update(existing, actor, data)
                    result.updated += 1
            except ValidationError as exc:
                result.problems.append(Problem(sheet.title, 0, "", "；".join(exc.messages)))
                raise ImportRefused(result) from None


def _workbook(data: bytes, filename: str, result: ImportResult):
    if len(data) > MAX_BYTES:
        result.problems.append(Problem(filename, 0, "", f"文件超过 {MAX_BYTES // (1024 * 1024)} MB"))
        return None
    try:
        uploads.check_archive(data, filename, uploads.SPREADSHEET)
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ValidationError as exc:
        result.problems.append(Problem(filename, 0, "", "；".join(exc.messages)))
    except UNREADABLE as exc:
        result.problems.append(
            Problem(filename, 0, "", f"不是有效的 Excel .xlsx 文件（{type(exc).__name__}）")
        )
    return None


def import_register(data: bytes, institution, actor, filename: str = "register.xlsx") -> ImportResult:
    """Parties first (so the other sheets may name a party the same file adds), then qualifications and
    contracts. Nothing is written unless every row of every sheet is valid."""
    if actor is not None:
        check_can_write(actor, Party)
    result = ImportResult()
    wb = _workbook(data, filename, result)
    if wb is None:
        raise ImportRefused(result)
    missing = [s.title for s in REGISTER if s.title not in wb.sheetnames]
    if PARTIES.title in missing:
        result.problems.append(Problem(PARTIES.title, 0, "", "缺少工作表：请使用导出的文件作模板"))
        raise ImportRefused(result)
    lookups = _lookups(institution)
    pending: list = []
    body = _sheet_rows(wb[PARTIES.title], PARTIES, result)
    _apply(PARTIES, body, institution, actor, lookups, result, pending)
    # parties the file adds may be named by the other sheets: a stand-in resolves them until they are written
    added = {d["credit_code"]: o for s, e, d, o in pending if s is PARTIES and e is None}
    lookups["parties"].update(added)
    for sheet in (QUALIFICATIONS, CONTRACTS):
        if sheet.title in wb.sheetnames:
            _apply(
                sheet,
                _sheet_rows(wb[sheet.title], sheet, result),
                institution,
                actor,
                lookups,
                result,
                pending,
            )
    if result.problems:
        raise ImportRefused(result)
    with transaction.atomic():
        saved = {}
        for item in pending:
            sheet, existing, data, obj = item
            if sheet is not PARTIES and "party" in data and data["party"].pk is None:
                data["party"] = saved[data["party"].credit_code]
            _write([(sheet, existing, data, obj)], actor, result)
            if sheet is PARTIES:
                saved[data["credit_code"]] = imports.live(Party.objects).get(
                    institution=institution, credit_code=data["credit_code"]
                )
    return result


def import_grants(data: bytes, institution, actor, filename: str = "iam.xlsx") -> ImportResult:
    """Vendor grants from an IAM export (.xlsx or .csv, the columns of GRANTS), keyed by party, account and
    system: a new key adds a grant, a known one is updated. All or nothing."""
    if actor is not None:
        check_can_write(actor, AccessGrant)
    result = ImportResult()
    if filename.lower().endswith(".csv"):
        if len(data) > MAX_BYTES:
            result.problems.append(Problem(filename, 0, "", "文件过大"))
            raise ImportRefused(result)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            result.problems.append(Problem(filename, 0, "", f"不是 UTF-8 编码的 CSV（第 {exc.start} 字节）"))
            raise ImportRefused(result) from None
        ws = csv.reader(io.StringIO(text))
    else:
        wb = _workbook(data, filename, result)
        if wb is None:
            raise ImportRefused(result)
        ws = wb[GRANTS.title] if GRANTS.title in wb.sheetnames else wb.worksheets[0]
    body = _sheet_rows(ws, GRANTS, result)
    if result.problems:
        raise ImportRefused(result)
    pending: list = []
    _apply(GRANTS, body, institution, actor, _lookups(institution), result, pending)
    if result.problems:
        raise ImportRefused(result)
    _write(pending, actor, result)
    return result
