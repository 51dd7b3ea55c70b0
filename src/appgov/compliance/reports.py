"""移动应用合规评估报告 (PDF, WeasyPrint with a Debian CJK font) and the Excel export of results."""

import io
from collections import Counter

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from appgov.core import extensions
from appgov.core.spreadsheets import append_row

from . import report_sections, selectors
from .evaluation import catalogue, control_or_none
from .models import ControlResult, Finding
from .models.subjects import Outcome, SubjectType

OUTCOME_ZH = {
    Outcome.PASS: "符合",
    Outcome.FAIL: "不符合",
    Outcome.NOT_APPLICABLE: "不适用",
    Outcome.EVIDENCE_NEEDED: "待提供证明",
}
FILL = {
    Outcome.PASS: "C6EFCE",
    Outcome.FAIL: "FFC7CE",
    Outcome.NOT_APPLICABLE: "EDEDED",
    Outcome.EVIDENCE_NEEDED: "FFEB9C",
}


def _results(institution, app=None):
    qs = ControlResult.objects.filter(institution=institution)
    if app is not None:
        rows = selectors.app_results(app)
    else:
        rows = list(qs.order_by("control_id", "subject_type", "subject_repr"))
    for row in rows:
        row.control = control_or_none(row.control_id)
        row.outcome_zh = OUTCOME_ZH[row.outcome]
    return rows


def _findings(institution, app=None, statuses=None) -> list:
    """The institution's findings, or only those of one app and its versions."""
    findings = (
        Finding.objects.filter(institution=institution).select_related("owner").order_by("due_on", "id")
    )
    if statuses is not None:
        findings = findings.filter(status__in=statuses)
    if app is None:
        return list(findings)
    version_ids = list(app.versions.values_list("pk", flat=True))
    return list(
        findings.filter(
            Q(subject_type=SubjectType.APP, subject_id=app.pk)
            | Q(subject_type=SubjectType.APP_VERSION, subject_id__in=version_ids)
        )
    )


NUMERALS_ZH = "一二三四五六七八九十"


def _extra_sections(institution, app=None) -> list[dict]:
    """The sections higher modules registered (core.extensions.register_report_section), numbered after the
    report's own five (summary, method, exceptions, evidence needed, findings); the sign-off comes last."""
    first = 5
    return [
        {**section, "number": NUMERALS_ZH[first + i] if first + i < len(NUMERALS_ZH) else str(first + i + 1)}
        for i, section in enumerate(extensions.report_sections(institution, app))
    ]


def report_context(institution, app=None) -> dict:
    data = selectors.dashboard(institution)
    results = _results(institution, app)
    findings = _findings(institution, app, Finding.ACTIVE)
    counts = {k: sum(1 for r in results if r.outcome == k) for k in OUTCOME_ZH}
    return {
        "institution": institution,
        "app": app,
        "generated_at": timezone.localtime(),
        "data": data,
        "results": results,
        "failing": [r for r in results if r.outcome == Outcome.FAIL],
        "evidence_needed": [r for r in results if r.outcome == Outcome.EVIDENCE_NEEDED],
        "findings": findings,
        "counts": counts,
        "rate": selectors.compliance_rate(Counter(r.outcome for r in results)),
        "sources": catalogue().sources,
        "outcome_zh": OUTCOME_ZH,
        "catalogue_version": catalogue().version,
        "extra_sections": _extra_sections(institution, app),
        "signoff_number": NUMERALS_ZH[5 + len(extensions.report_sections(institution, app))],
        # the regulator's report: conclusion per article, evidence needed grouped per control, the scope
        "summary": report_sections.article_summary(data["articles"], catalogue().controls),
        "evidence_groups": report_sections.evidence_groups(results),
        "app_count": len({r.subject_id for r in results if r.subject_type == SubjectType.APP}),
        "evaluated_at": data["last_evaluation"].started_at if data.get("last_evaluation") else None,
        # the period a report covers: the calendar year up to the evaluation (results are the state on that day)
        "period_start": timezone.localdate().replace(month=1, day=1),
    }


def report_html(institution, app=None) -> str:
    with translation.override("zh-hans"):
        return render_to_string("compliance/report.html", report_context(institution, app))


def pdf_bytes(institution, app=None) -> bytes:
    from weasyprint import HTML

    return HTML(string=report_html(institution, app)).write_pdf()


def xlsx_bytes(institution, app=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "评估结果"
    headers = ["控制项", "条款", "控制项名称", "对象类型", "对象", "结果", "说明", "结果起始时间"]
    append_row(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in _results(institution, app):
        append_row(
            ws,
            [
                row.control_id,
                row.control.article if row.control else "",
                row.control.title_zh if row.control else "",
                row.get_subject_type_display(),
                row.subject_repr,
                row.outcome_zh,
                row.explanation_zh,
                timezone.localtime(row.changed_at).strftime("%Y-%m-%d %H:%M"),
            ],
        )
        ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor=FILL[row.outcome])
    for col, width in zip("ABCDEFGH", (12, 6, 30, 10, 30, 10, 60, 18), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    fs = wb.create_sheet("整改事项")
    append_row(fs, ["控制项", "对象", "严重程度", "状态", "责任人", "整改期限", "说明"])
    for cell in fs[1]:
        cell.font = Font(bold=True)
    for f in _findings(institution, app):  # the export of one app lists that app's findings only
        append_row(
            fs,
            [
                f.control_id,
                f.subject_repr,
                f.get_severity_display(),
                f.get_status_display(),
                f.owner.name if f.owner else "",
                f.due_on,
                f.explanation_zh,
            ],
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
