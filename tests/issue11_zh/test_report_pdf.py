"""Issue 11 item 14: the compliance report a bank can hand to its regulator. Cover (institution, period, scope,
version), executive summary with the conclusion per article, method, exceptions only with the evidence still
needed grouped per control (not one repeated row per subject), findings and rectification plan, sign-off block;
table rows never split across pages. Read through pdftotext."""

import re
import shutil
import subprocess

import pytest

from appgov.compliance import reports
from appgov.compliance.evaluation import evaluate
from appgov.compliance.models import ControlResult

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is needed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_report_reads_as_a_regulator_report(world, tmp_path):
    inst = world.a.inst
    evaluate(inst)
    text = pdf_text(reports.pdf_bytes(inst), tmp_path)
    flat = " ".join(text.split())
    for words in ("报送机构", "评估期间", "评估范围", "报告版本", inst.name):  # the cover
        assert words in flat, words
    assert "执行摘要" in flat and "各条款结论" in flat and "评估方法" in flat
    context = reports.report_context(inst)
    for article in context["summary"]:  # a conclusion for every article
        assert article["article"] in flat
    assert {a["conclusion_zh"] for a in context["summary"]} <= {"符合", "不符合", "待补充证明材料", "不适用"}
    # evidence needed: one group per control, not one row per subject
    needed = ControlResult.objects.filter(institution=inst, outcome="evidence_needed")
    controls = set(needed.values_list("control_id", flat=True))
    assert needed.count() > len(controls)  # the grouping is what keeps the report short
    assert [g["control_id"] for g in context["evidence_groups"]] == sorted(controls)
    assert sum(g["count"] for g in context["evidence_groups"]) == needed.count()
    for words in ("审核签署", "编制", "复核", "审批", "盖章"):  # the sign-off block
        assert words in flat, words
    # no raw codes: platforms and severities by their Chinese names (issue 11 item 8)
    raw = re.findall(
        r"(?<![\w./-])(android|ios|harmonyos|wechat|alipay|critical|high|medium|low)(?![\w./-])", text
    )
    assert not raw, raw


def test_rows_never_split_across_pages():
    from django.template.loader import get_template

    source = get_template("compliance/report.html").template.source
    assert "tr, .group, .signoff { break-inside: avoid" in source
    assert "thead { display: table-header-group; }" in source  # headers repeat on every page
