"""The module's pages: lists, forms through the services, the questionnaire, the regulator report PDF."""

import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from appgov.risk import policy, services
from appgov.risk.models import Assessment, RegulatorReport


@pytest.mark.parametrize(
    "name",
    [
        "index",
        "programme",
        "incident-list",
        "audit-list",
        "campaign-list",
        "risk-list",
        "bia-list",
        "plan-list",
        "drill-list",
        "incident-add",
        "audit-add",
        "risk-add",
        "drill-add",
        "bia-add",
        "plan-add",
        "campaign-add",
    ],
)
def test_pages_answer(world, login, name):
    response = login(world.a.users["compliance"]).get(reverse(f"risk:{name}"))
    assert response.status_code in (200, 403)
    assert login(world.a.admin).get(reverse(f"risk:{name}")).status_code == 200


def test_incident_recorded_on_the_page_requires_reports(world, login):
    client = login(world.a.users["security"])
    response = client.post(
        reverse("risk:incident-add"),
        {
            "reference": "INC-P",
            "title": "页面登记",
            "kind": "outage",
            "apps": [world.a.app.pk],
            "detected_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M:%S"),
            "outage_minutes": 200,
            "customers_affected": 0,
            "records_exposed": 0,
            "loss_yuan": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = services.incidents.model.objects.get(reference="INC-P")
    assert incident.severity == "major" and incident.regulator_reports.count() == 3
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "初报" in page and "专项审计" in page


def test_report_pdf_is_generated_and_readable(world, login, major):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    client = login(world.a.users["security"])
    report = RegulatorReport.objects.get(incident=major, stage="initial")
    response = client.post(reverse("risk:report-generate", args=[report.pk]), {"summary": "已切换至备用系统"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.document and report.generated_at
    pdf = client.get(reverse("risk:report-download", args=[report.pk]))
    data = b"".join(pdf.streaming_content)
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert "移动应用突发事件初报" in text and "INC-1" in text and "已切换至备用系统" in text
    client.post(reverse("risk:report-send", args=[report.pk]), {"reference": "回执-1"})
    report.refresh_from_db()
    assert report.sent_reference == "回执-1"
    # another institution's user never reaches it
    assert login(world.b.admin).get(reverse("risk:report-download", args=[report.pk])).status_code == 404


def test_questionnaire_page_saves_answers_and_moves(world, login):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    campaign = services.open_campaign(world.a.inst, comp, 2026, timezone.localdate())
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    client = login(owner)
    url = reverse("risk:assessment-detail", args=[assessment.pk])
    assert "ALPHA手机银行" in client.get(url).content.decode()
    data = {f"a_{item['id']}": "yes" for item in policy.questionnaire()["items"]}
    assert client.post(url, data).status_code == 302
    client.post(reverse("risk:assessment-move", args=[assessment.pk]), {"to_state": "submitted"})
    login(comp).post(
        reverse("risk:assessment-move", args=[assessment.pk]), {"to_state": "signed", "conclusion": "可控"}
    )
    assessment.refresh_from_db()
    assert assessment.state == "signed" and assessment.score == 100


def test_compliance_calendar_shows_the_module_due_dates(world, login, major):
    from appgov.core import extensions

    rows = extensions.due_dates(world.a.inst, timezone.localdate())
    labels = [r["label"] for r in rows]
    assert any("初报" in str(label) or "Initial report" in str(label) for label in labels)
    assert any(r["control_id"] == "NFRA-17.4" for r in rows)  # the special audit
    assert any(r["control_id"] == "NFRA-17.3" for r in rows)  # the programme's next audit of each app
    page = login(world.a.users["compliance"]).get("/compliance/").content.decode()
    assert "INC-1" in page and "NFRA-15.2" in page
    assert "INC-1" not in login(world.b.admin).get("/compliance/").content.decode()


def test_assessment_pdfs_per_app_and_for_the_campaign(world, login):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    campaign = services.open_campaign(world.a.inst, world.a.users["compliance"], 2026, timezone.localdate())
    assessment = Assessment.objects.get(campaign=campaign, app=world.a.app)
    client = login(world.a.users["compliance"])
    for url, expected in [
        (
            reverse("risk:campaign-pdf", args=[campaign.pk]),
            ["移动应用风险评估报告", "应评估应用 2 个", "ALPHA理财小程序"],
        ),
        (reverse("risk:assessment-pdf", args=[assessment.pk]), ["ALPHA手机银行", "NFRA-17.3", "预填未确认"]),
    ]:
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
        )
        shown = "".join(text.stdout.decode().split())  # pdftotext wraps table cells
        for part in expected:
            assert "".join(part.split()) in shown, part
    assert login(world.b.admin).get(reverse("risk:campaign-pdf", args=[campaign.pk])).status_code == 404
