"""Compliance pages, API and reports: dashboard, control detail with evidence upload (file and link),
findings, the app's compliance tab, scoping between institutions and regulators, the REST API with token
auth, the PDF report (read back with pdftotext) and the Excel export (read back with openpyxl)."""

import datetime
import io
import subprocess

import pytest
from compliance_fixtures import WORLD_A_FAILS, accepted_evidence, today
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from appgov.compliance.evaluation import catalogue, evaluate
from appgov.compliance.models import ControlResult, Evaluation, Evidence, Finding

A_FILE, B_FILE = b"%PDF-1.4 ALPHA risk assessment", b"%PDF-1.4 ZQX risk assessment"


@pytest.fixture
def evaluated(world):
    """Both institutions evaluated, each with one evidence file and one evidence link (reviewed and accepted)."""
    for org, content in ((world.a, A_FILE), (world.b, B_FILE)):
        accepted_evidence(
            org.inst,
            "NFRA-17.2",
            "app",
            org.app.pk,
            f"{org.mark}年度风险评估",
            today() - datetime.timedelta(days=10),
            file=SimpleUploadedFile(f"{org.mark.lower()}-risk.pdf", content),
        )
        accepted_evidence(
            org.inst, "NFRA-06.2", "app", org.app.pk, f"{org.mark}适老化评测", today(), link=f"OA-{org.mark}"
        )
        evaluate(org.inst)
    return world


def evidence_of(org, control_id="NFRA-17.2"):
    return Evidence.objects.get(institution=org.inst, control_id=control_id)


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- dashboard and scoping --------------------------------------------------------------------------------


def test_dashboard_shows_the_users_institution_only(evaluated, login):
    a = evaluated.a
    response = login(a.users["read_only"]).get("/compliance/")
    page = text(response)
    assert "ALPHA" in page and "ZQX" not in page
    data = response.context["data"]
    assert data["institution"] == a.inst
    assert sorted(data["heatmap"]["app_ids"]) == sorted([a.app.pk, a.app2.pk])
    assert sum(data["totals"].values()) == ControlResult.objects.filter(institution=a.inst).count()
    articles = [row["article"] for row in data["articles"]]
    assert articles[:18] == [f"NFRA-{i:02d}" for i in range(1, 19)] and "PBC102-08" in articles
    assert len(data["trend"]) == 1
    assert (
        login(a.users["read_only"]).get("/compliance/", {"institution": evaluated.b.inst.pk}).status_code
        == 404
    )


def test_regulators_see_their_jurisdiction_only(evaluated, login):
    a, b = evaluated.a, evaluated.b
    reg_in = login(evaluated.reg_in)  # B's office
    page = text(reg_in.get("/compliance/", {"institution": b.inst.pk}))
    assert "ZQX" in page and "ALPHA" not in page
    assert reg_in.get("/compliance/", {"institution": a.inst.pk}).status_code == 404
    assert reg_in.get(f"/compliance/controls/NFRA-02.2/?institution={a.inst.pk}").status_code == 404
    assert reg_in.get("/compliance/report.pdf", {"institution": a.inst.pk}).status_code == 404
    assert reg_in.get("/compliance/results.xlsx", {"institution": a.inst.pk}).status_code == 404
    a_finding = Finding.objects.filter(institution=a.inst).first()
    assert reg_in.get(f"/compliance/findings/{a_finding.pk}/").status_code == 404
    assert reg_in.get(f"/compliance/evidence/{evidence_of(a).pk}/").status_code == 404
    assert "ALPHA" not in text(reg_in.get("/compliance/findings/"))
    # A's provincial office sees A, read-only
    reg_out = login(evaluated.reg_out)
    assert "ALPHA" in text(reg_out.get("/compliance/", {"institution": a.inst.pk}))
    assert reg_out.get(f"/compliance/evidence/{evidence_of(a).pk}/").status_code == 200
    assert reg_out.post("/compliance/evaluate/").status_code == 403


def test_evaluate_now_from_the_dashboard(world, login):
    a = world.a
    response = login(a.users["compliance"]).post("/compliance/evaluate/")
    assert response.status_code == 302
    assert Evaluation.objects.filter(institution=a.inst, trigger="manual").count() == 1
    assert login(a.users["read_only"]).post("/compliance/evaluate/").status_code == 403
    assert not Evaluation.objects.filter(institution=world.b.inst).exists()


# --- control detail and evidence ---------------------------------------------------------------------------


def test_control_detail_records_link_and_file_evidence(evaluated, login):
    a = evaluated.a
    client = login(a.users["app_owner"])
    url = "/compliance/controls/NFRA-05.3/"
    page = text(client.get(url))
    assert "evidence-submit" in page and f"app:{a.app.pk}" in page and "ZQX" not in page
    response = client.post(
        url,
        {
            "subject": f"app:{a.app.pk}",
            "title": "ALPHA销售回溯方案",
            "effective_on": today().isoformat(),
            "link": "OA-2026-77",
        },
    )
    assert response.status_code == 302
    assert "证明材料已登记" in text(client.get(url))
    link = Evidence.objects.get(institution=a.inst, control_id="NFRA-05.3", title="ALPHA销售回溯方案")
    assert (link.subject_type, link.subject_id, link.link, link.uploaded_by) == (
        "app",
        a.app.pk,
        "OA-2026-77",
        a.users["app_owner"],
    )
    assert link.expires_on == today() + datetime.timedelta(
        days=catalogue().by_id("NFRA-05.3").evidence_validity_days
    )
    content = b"%PDF-1.4 sales traceability plan"
    response = client.post(
        url,
        {
            "subject": f"app:{a.app2.pk}",
            "title": "ALPHA小程序回溯方案",
            "effective_on": today().isoformat(),
            "file": SimpleUploadedFile("plan.pdf", content, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    stored = Evidence.objects.get(institution=a.inst, control_id="NFRA-05.3", subject_id=a.app2.pk)
    assert stored.file.name.startswith(f"evidence/{a.inst.pk}/NFRA-05.3/")
    download = client.get(f"/compliance/evidence/{stored.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == content
    # not before a second person of compliance has accepted it (issue 11 item 4) ...
    evaluate(a.inst)
    result = ControlResult.objects.get(institution=a.inst, control_id="NFRA-05.3", subject_id=a.app.pk)
    assert result.outcome == "evidence_needed" and "待复核" in result.explanation_zh
    reviewer = login(a.users["compliance"])
    assert "evidence-accept" in text(reviewer.get(url))
    assert reviewer.post(f"/compliance/evidence/{link.pk}/review/", {"decision": "accept"}).status_code == 302
    # ... then the next evaluation counts it
    evaluate(a.inst)
    assert (
        ControlResult.objects.get(institution=a.inst, control_id="NFRA-05.3", subject_id=a.app.pk).outcome
        == "pass"
    )
    assert "ALPHA销售回溯方案" in text(client.get(url))


def test_evidence_upload_is_refused_clearly(evaluated, login):
    a, b = evaluated.a, evaluated.b
    url = "/compliance/controls/NFRA-05.3/"
    before = Evidence.objects.count()
    client = login(a.users["app_owner"])
    base = {"title": "无效", "effective_on": today().isoformat(), "link": "x"}
    # a subject of B is not among the choices
    response = client.post(url, {**base, "subject": f"app:{b.app.pk}"}, follow=True)
    assert any(m.message.startswith("subject:") for m in response.context["messages"])
    # neither file nor link
    response = client.post(url, {**base, "subject": f"app:{a.app.pk}", "link": ""}, follow=True)
    assert "请上传文件或填写链接" in [m.message for m in response.context["messages"]]
    # expiry before the effective date
    response = client.post(
        url, {**base, "subject": f"app:{a.app.pk}", "expires_on": "2020-01-01"}, follow=True
    )
    assert "必须晚于生效日期" in [m.message for m in response.context["messages"]]
    assert Evidence.objects.count() == before
    # roles without write access, and regulators, cannot post at all
    assert login(a.users["read_only"]).post(url, {**base, "subject": f"app:{a.app.pk}"}).status_code == 403
    assert login(evaluated.reg_out).post(url, {**base, "subject": f"app:{a.app.pk}"}).status_code == 403
    assert Evidence.objects.count() == before
    assert "evidence-submit" not in text(login(a.users["read_only"]).get(url))


def test_evidence_files_and_titles_never_cross_institutions(evaluated, login):
    a, b = evaluated.a, evaluated.b
    b_client = login(b.admin)
    assert b_client.get(f"/compliance/evidence/{evidence_of(a).pk}/").status_code == 404
    own = b_client.get(f"/compliance/evidence/{evidence_of(b).pk}/")
    assert own.status_code == 200 and b"".join(own.streaming_content) == B_FILE
    page = text(b_client.get("/compliance/controls/NFRA-17.2/"))
    assert "ZQX年度风险评估" in page and "ALPHA" not in page
    assert b_client.get(f"/compliance/controls/NFRA-17.2/?institution={a.inst.pk}").status_code == 404
    assert (
        login(a.admin).get(f"/compliance/evidence/{evidence_of(a, 'NFRA-06.2').pk}/").status_code == 404
    )  # link only
    assert b_client.get("/compliance/controls/NFRA-99.9/").status_code == 404


# --- findings pages and the app's compliance tab -----------------------------------------------------------


def test_findings_pages(evaluated, login):
    a, b = evaluated.a, evaluated.b
    client = login(a.users["governance_office"])
    page = text(client.get("/compliance/findings/"))
    assert "NFRA-02.2" in page and "ZQX" not in page
    assert "NFRA-02.2" not in text(client.get("/compliance/findings/", {"status": "verified"}))
    finding = Finding.objects.get(institution=a.inst, control_id="NFRA-02.2")
    detail = text(client.get(f"/compliance/findings/{finding.pk}/"))
    assert "准入评审记录" in detail and "ALPHA张三" in detail
    response = client.post(
        f"/compliance/findings/{finding.pk}/", {"to_status": "in_rectification", "note": "开始"}
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == "in_rectification"
    # an invalid date is an error message, not a 500
    response = client.post(
        f"/compliance/findings/{finding.pk}/",
        {"to_status": "risk_accepted", "note": "x", "risk_accepted_until": "明年"},
        follow=True,
    )
    assert response.status_code == 200
    finding.refresh_from_db()
    assert finding.status == "in_rectification"
    b_finding = Finding.objects.filter(institution=b.inst).first()
    assert client.get(f"/compliance/findings/{b_finding.pk}/").status_code == 404
    assert (
        client.post(f"/compliance/findings/{b_finding.pk}/", {"to_status": "in_rectification"}).status_code
        == 404
    )
    # B's regulator reads B's finding but cannot move it
    reg = login(evaluated.reg_in)
    assert "ZQX" in text(reg.get(f"/compliance/findings/{b_finding.pk}/"))
    reg.post(f"/compliance/findings/{b_finding.pk}/", {"to_status": "in_rectification"})
    b_finding.refresh_from_db()
    assert b_finding.status == "open"


def test_app_compliance_tab(evaluated, login):
    a, b = evaluated.a, evaluated.b
    page = text(login(a.users["read_only"]).get(f"/ledger/apps/{a.app.pk}/", {"tab": "compliance"}))
    for control_id in ("NFRA-02.2", "NFRA-08.2", "NFRA-17.2"):
        assert control_id in page
    assert "准入评审记录" in page and "ZQX" not in page
    assert login(b.admin).get(f"/ledger/apps/{a.app.pk}/", {"tab": "compliance"}).status_code == 404


# --- API -----------------------------------------------------------------------------------------------------


def test_api_controls_and_results(evaluated, api):
    a, b = evaluated.a, evaluated.b
    client = api(a.users["read_only"])
    controls = client.get("/api/compliance/controls/").json()
    assert len(controls) == len(catalogue().controls)
    by_id = {c["id"]: c for c in controls}
    assert by_id["NFRA-17.2"]["frequency"] == "annual" and by_id["NFRA-18.1"]["applies_to"] == "regulator"
    body = client.get("/api/compliance/results/", {"limit": 1000}).json()
    assert body["count"] == ControlResult.objects.filter(institution=a.inst).count()
    fails = client.get("/api/compliance/results/", {"outcome": "fail", "limit": 1000}).json()["results"]
    assert {r["control_id"] for r in fails} == WORLD_A_FAILS
    b_result = ControlResult.objects.filter(institution=b.inst).first()
    assert client.get(f"/api/compliance/results/{b_result.pk}/").status_code == 404
    assert api(evaluated.reg_in).get("/api/compliance/results/", {"control_id": "NFRA-02"}).json()[
        "count"
    ] == (ControlResult.objects.filter(institution=b.inst, control_id__startswith="NFRA-02").count())
    from rest_framework.test import APIClient

    assert APIClient().get("/api/compliance/results/").status_code == 401


def test_api_finding_moves(evaluated, api):
    a, b = evaluated.a, evaluated.b
    finding = Finding.objects.get(institution=a.inst, control_id="NFRA-02.2")
    url = f"/api/compliance/findings/{finding.pk}/move/"
    assert api(a.users["read_only"]).post(url, {"to_status": "in_rectification"}).status_code == 403
    assert api(evaluated.reg_out).post(url, {"to_status": "in_rectification"}).status_code == 403
    assert api(b.admin).post(url, {"to_status": "in_rectification"}).status_code == 404
    response = api(a.users["app_owner"]).post(
        url, {"to_status": "in_rectification", "note": "API 整改"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "in_rectification"
    response = api(a.users["compliance"]).post(
        url, {"to_status": "risk_accepted", "note": "理由"}, format="json"
    )
    assert response.status_code == 400 and "risk_accepted_until" in response.json()["errors"]
    response = api(a.users["app_owner"]).post(url, {"to_status": "verified"}, format="json")
    assert response.status_code in (400, 403)
    until = (today() + datetime.timedelta(days=20)).isoformat()
    response = api(a.users["compliance"]).post(
        url, {"to_status": "risk_accepted", "note": "理由", "risk_accepted_until": until}, format="json"
    )
    assert response.status_code == 200 and response.json()["risk_accepted_until"] == until
    listed = api(a.users["read_only"]).get("/api/compliance/findings/", {"status": "risk_accepted"}).json()
    assert [f["id"] for f in listed["results"]] == [finding.pk]


def test_api_evidence_create_and_download(evaluated, api):
    a, b = evaluated.a, evaluated.b
    client = api(a.users["compliance"])
    payload = {
        "control_id": "NFRA-13.2",
        "subject_type": "app",
        "subject_id": a.app.pk,
        "title": "ALPHA数据安全评估",
        "link": "OA-DS-1",
        "effective_on": today().isoformat(),
    }
    response = client.post("/api/compliance/evidence/", payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["uploaded_by"] == a.users["compliance"].pk
    assert Evidence.objects.get(pk=response.json()["id"]).expires_on is not None
    bad = client.post("/api/compliance/evidence/", {**payload, "subject_id": b.app.pk}, format="json")
    assert bad.status_code == 400 and "subject_id" in bad.json()["errors"]
    bad = client.post("/api/compliance/evidence/", {**payload, "control_id": "NFRA-99.1"}, format="json")
    assert bad.status_code == 400 and "control_id" in bad.json()["errors"]
    bad = client.post("/api/compliance/evidence/", {**payload, "link": ""}, format="json")
    assert bad.status_code == 400
    upload = client.post(
        "/api/compliance/evidence/",
        {**payload, "link": "", "file": SimpleUploadedFile("ds.pdf", b"%PDF-1.4 data security")},
        format="multipart",
    )
    assert upload.status_code == 201, upload.content
    pk = upload.json()["id"]
    download = client.get(f"/api/compliance/evidence/{pk}/download/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 data security"
    assert api(b.admin).get(f"/api/compliance/evidence/{pk}/download/").status_code == 404
    assert api(evaluated.reg_in).get(f"/api/compliance/evidence/{pk}/download/").status_code == 404
    assert api(evaluated.reg_out).get(f"/api/compliance/evidence/{pk}/download/").status_code == 200
    assert (
        api(a.users["read_only"]).post("/api/compliance/evidence/", payload, format="json").status_code == 403
    )
    listed = api(b.admin).get("/api/compliance/evidence/").json()
    assert {e["title"] for e in listed["results"]} == {"ZQX年度风险评估", "ZQX适老化评测"}


def test_api_evaluations(world, api):
    a = world.a
    response = api(a.users["security"]).post("/api/compliance/evaluations/")
    assert response.status_code == 201
    body = response.json()
    assert (
        body["counts"]["fail"] == len(WORLD_A_FAILS)
        and sum(body["counts"].values()) == ControlResult.objects.filter(institution=a.inst).count()
    )
    assert Evaluation.objects.get(pk=body["id"]).trigger == "api"
    assert api(a.users["read_only"]).post("/api/compliance/evaluations/").status_code == 403
    assert api(world.reg_hq).post("/api/compliance/evaluations/").status_code == 403
    assert api(world.b.admin).get("/api/compliance/evaluations/").json()["count"] == 0
    assert api(world.reg_out).get("/api/compliance/evaluations/").json()["count"] == 1


# --- reports --------------------------------------------------------------------------------------------------


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_pdf_report(evaluated, login, tmp_path):
    a = evaluated.a
    response = login(a.users["read_only"]).get("/compliance/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = pdf_text(response.content, tmp_path)
    for heading in (
        "移动应用合规评估报告",
        "执行摘要",  # issue 11 item 14: the summary with the conclusion per article
        "各条款结论",
        "不符合项",
        "整改事项",
        "待提供证明材料",
    ):
        assert heading in content, heading
    assert a.inst.name in content and "ZQX" not in content
    for control_id in ("NFRA-02.2", "NFRA-08.4"):
        assert control_id in content
    assert "缺少准入评审记录" in content
    # the overview's figures: pass, fail, evidence needed, not applicable, open findings
    counts = evaluate(a.inst).counts
    figures = [counts.get(k, 0) for k in ("pass", "fail", "evidence_needed", "not_applicable")]
    # the compliance rate counts "evidence needed" as not compliant (issue 13 item 6)
    figures.append(f"{round(100 * figures[0] / (figures[0] + figures[1] + figures[2]))}%")
    figures.append(Finding.objects.filter(institution=a.inst).count())
    assert " ".join(str(n) for n in figures) in " ".join(content.split())


def test_pdf_report_of_one_app(evaluated, login, tmp_path):
    a = evaluated.a
    client = login(a.admin)
    content = pdf_text(client.get("/compliance/report.pdf", {"app": a.app2.pk}).content, tmp_path)
    assert "移动应用合规评估报告" in content and "ALPHA理财小程序" in content
    assert "NFRA-02.1" in content  # app2's failing control
    assert "NFRA-02.2" not in content  # app's, not app2's
    assert client.get("/compliance/report.pdf", {"app": evaluated.b.app.pk}).status_code == 404


def test_excel_export(evaluated, login):
    a = evaluated.a
    response = login(a.users["read_only"]).get("/compliance/results.xlsx")
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    sheet = wb["评估结果"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("控制项", "条款", "控制项名称", "对象类型", "对象", "结果")
    results = ControlResult.objects.filter(institution=a.inst)
    assert len(rows) - 1 == results.count()
    assert sorted((r[0], r[4]) for r in rows[1:]) == sorted(results.values_list("control_id", "subject_repr"))
    failing = {(r[0], r[4]) for r in rows[1:] if r[5] == "不符合"}
    assert failing == set(results.filter(outcome="fail").values_list("control_id", "subject_repr"))
    assert not any("ZQX" in str(cell) for row in rows for cell in row)
    findings = list(wb["整改事项"].iter_rows(values_only=True))
    assert len(findings) - 1 == Finding.objects.filter(institution=a.inst).count()
    # one app: its results and its findings only
    wb = load_workbook(io.BytesIO(login(a.admin).get("/compliance/results.xlsx", {"app": a.app2.pk}).content))
    app_rows = list(wb["评估结果"].iter_rows(values_only=True))[1:]
    assert app_rows and {r[4] for r in app_rows} == {"ALPHA-APP-2 ALPHA理财小程序"}
    assert [r[0] for r in list(wb["整改事项"].iter_rows(values_only=True))[1:]] == ["NFRA-02.1"]
