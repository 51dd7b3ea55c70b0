"""The operations pages through the browserless client, the rationalisation report (PDF read back with pdftotext,
Excel with openpyxl), and the examiner's read-only view."""

import datetime
import io
import subprocess

from ops_helpers import days_of

from appgov.operations import services
from appgov.operations.models import Candidate, Decision

D = datetime.timedelta


def _candidate(world, send, today):
    send(days_of(world.a.app, today - D(days=60), today - D(days=1), mau=300, rating=4.5, dau=40))
    services.rationalisation.run(world.a.inst, today - D(days=40))
    return Candidate.objects.get(app=world.a.app)


def test_pages_show_the_figures_and_the_candidate(world, send, today, login):
    candidate = _candidate(world, send, today)
    client = login(world.a.office_user)
    for url in ("/operations/", "/operations/metrics/", "/operations/candidates/", "/operations/uploads/"):
        assert client.get(url).status_code == 200, url
    page = client.get(f"/operations/metrics/apps/{world.a.app.pk}/?range=90d")
    assert page.status_code == 200
    chart = page.context["chart"]
    assert (
        chart["bucket"] == "day"
        and len(chart["labels"]) == 60
        and set(chart["series"]) == {"mau", "rating", "dau"}
    )
    long = client.get(f"/operations/metrics/apps/{world.a.app.pk}/?range=all").context["chart"]
    assert long["bucket"] == "day"  # 60 days of figures: still daily
    detail = client.get(f"/operations/candidates/{candidate.pk}/")
    assert "300" in detail.content.decode() and detail.context["decision_form"] is not None


def test_deciding_on_the_page(world, send, today, login):
    candidate = _candidate(world, send, today)
    client = login(world.a.office_user)
    answer = client.post(
        f"/operations/candidates/{candidate.pk}/decide/",
        {
            "kind": "optimise",
            "justification": "改版",
            "owner": world.a.people["P001"].pk,
            "deadline": today + D(days=20),
        },
    )
    assert answer.status_code == 302
    decision = Decision.objects.get(candidate=candidate)
    assert decision.kind == "optimise" and decision.decided_by == world.a.office_user
    # an app owner may read the candidate but not decide
    owner = login(world.a.users["app_owner"])
    assert owner.get(f"/operations/candidates/{candidate.pk}/").context["decision_form"] is None


def test_the_examiner_reads_but_does_not_write(world, send, today, login):
    candidate = _candidate(world, send, today)
    examiner = login(world.reg_out)  # A's provincial office
    assert examiner.get(f"/operations/candidates/{candidate.pk}/").status_code == 200
    assert examiner.get(f"/operations/metrics/apps/{world.a.app.pk}/").status_code == 200
    assert world.a.app.name in examiner.get("/operations/metrics/").content.decode()
    refused = examiner.post(
        f"/operations/candidates/{candidate.pk}/decide/",
        {"kind": "keep", "justification": "x", "owner": world.a.people["P001"].pk, "deadline": today},
    )
    assert refused.status_code in (403, 404) and not Decision.objects.exists()
    assert login(world.reg_in).get(f"/operations/candidates/{candidate.pk}/").status_code == 404


def test_report_pdf_and_excel_read_back(world, send, today, login, tmp_path):
    from openpyxl import load_workbook

    candidate = _candidate(world, send, today)
    services.decisions.create(
        world.a.office_user,
        {
            "candidate": candidate,
            "kind": "optimise",
            "justification": "改版获客流程",
            "owner": world.a.people["P001"],
            "deadline": today - D(days=1),
        },
    )
    client = login(world.a.office_user)
    pdf = client.get("/operations/rationalisation/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(text.split())  # table cells wrap their text over lines
    assert (
        "移动应用清理整合报告" in text
        and world.a.app.name in text
        and "逾期" in text
        and "改版获客流程" in text
    )
    xlsx = client.get("/operations/rationalisation/report.xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    rows = list(book["清理整合候选"].iter_rows(values_only=True))
    assert rows[0][:3] == ("机构", "应用", "原因")
    assert (
        rows[1][1] == f"{world.a.app.code} {world.a.app.name}"
        and rows[1][2] == "活跃度低"
        and rows[1][7] == "优化"
    )
    assert rows[1][12].startswith("逾期")
    summary = {r[0]: r[1] for r in book["汇总"].iter_rows(values_only=True) if r and r[0]}
    assert summary["活跃度低"] == 1 and summary["逾期决策"] == 1
    # B's examiner sees nothing of A in the report
    other = login(world.reg_in).get("/operations/rationalisation/report.xlsx")
    assert world.a.app.name not in str(
        list(load_workbook(io.BytesIO(other.content)).active.iter_rows(values_only=True))
    )
