"""The rationalisation report for the management committee (清理整合报告): PDF with WeasyPrint and a Debian CJK
font (as risk/reports.py), and the same content as an Excel workbook (formula-safe cells)."""

import io
from collections import Counter

from django.template.loader import render_to_string
from django.utils import timezone, translation

from appgov.core.spreadsheets import append_row

from .models import Candidate, Decision
from .taxonomy import function_label

KIND_ZH = {"keep": "保留", "optimise": "优化", "merge": "合并", "retire": "下线"}
REASON_ZH = {
    "low_activity": "活跃度低",
    "poor_experience": "体验差",
    "redundant": "功能重复",
    "high_risk": "风险高",
}
STATUS_ZH = {"open": "待决策", "decided": "已决策", "cleared": "已不再是候选"}


def report_rows(user) -> dict:
    today = timezone.localdate()
    candidates = list(
        Candidate.objects.for_user(user)
        .exclude(status=Candidate.Status.CLEARED)
        .select_related("app", "institution", "overlap_with")
        .order_by("institution__name", "status", "app__code")
    )
    decisions = {
        d.candidate_id: d
        for d in Decision.objects.for_user(user).select_related("owner", "merge_into", "decided_by")
    }
    rows = []
    for c in candidates:
        d = decisions.get(c.pk)
        if d is None:
            state = "待决策"
        elif d.completed_on:
            state = f"已完成（{d.completed_on}）"
        elif d.deadline < today:
            state = f"逾期（期限 {d.deadline}）"
        else:
            state = f"执行中（期限 {d.deadline}）"
        rows.append(
            {
                "institution": c.institution.name,
                "app": f"{c.app.code} {c.app.name}",
                "reasons": "、".join(REASON_ZH.get(code, code) for code in c.reason_codes),
                "detail": c.reason_text("zh"),
                "overlap": (
                    f"{c.overlap_with.name}：{'、'.join(function_label(x) for x in c.overlap)}"
                    if c.overlap_with
                    else ""
                ),
                "found": c.first_found_on,
                "status": STATUS_ZH[c.status],
                "decision": KIND_ZH.get(d.kind, "") if d else "",
                "merge_into": d.merge_into.name if d and d.merge_into else "",
                "justification": d.justification if d else "",
                "owner": str(d.owner) if d else "",
                "deadline": d.deadline if d else None,
                "state": state,
                "overdue": bool(d and d.overdue_on(today)),
            }
        )
    by_reason = Counter(code for c in candidates for code in c.reason_codes)
    by_decision = Counter(
        KIND_ZH[d.kind] for d in decisions.values() if d.candidate_id in {c.pk for c in candidates}
    )
    return {
        "rows": rows,
        "by_reason": [(REASON_ZH[k], by_reason.get(k, 0)) for k in REASON_ZH],
        "by_decision": sorted(by_decision.items()),
        "undecided": sum(1 for r in rows if not r["decision"]),
        "overdue": sum(1 for r in rows if r["overdue"]),
        "generated_at": timezone.localtime(),
        "today": today,
        "scope": user.regulator_office if user.is_regulator else user.institution,
    }


def pdf_bytes(user) -> bytes:
    from weasyprint import HTML

    with translation.override("zh-hans"):
        html = render_to_string("operations/rationalisation_report.html", report_rows(user))
    return HTML(string=html).write_pdf()


HEADERS = [
    "机构",
    "应用",
    "原因",
    "原因明细",
    "功能重复",
    "发现日期",
    "状态",
    "决策",
    "合并至",
    "理由",
    "负责人",
    "期限",
    "执行情况",
]


def xlsx_bytes(user) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = report_rows(user)
    book = Workbook()
    sheet = book.active
    sheet.title = "清理整合候选"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in data["rows"]:
        append_row(
            sheet,
            [r["institution"], r["app"], r["reasons"], r["detail"], r["overlap"], r["found"], r["status"],
             r["decision"], r["merge_into"], r["justification"], r["owner"], r["deadline"], r["state"]],
        )  # fmt: skip
    summary = book.create_sheet("汇总")
    summary.append(["原因", "候选数"])
    for name, n in data["by_reason"]:
        summary.append([name, n])
    summary.append([])
    summary.append(["待决策", data["undecided"]])
    summary.append(["逾期决策", data["overdue"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
