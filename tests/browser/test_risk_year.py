"""A year of the risk module in a real browser (issue 18, "Done means"): the compliance officer opens the annual
campaign; two app assessments are answered by the app owner and signed by compliance, the third is left and,
once the campaign is past due, the evaluation makes it a finding; the security officer records a major incident,
the regulator report falls due, its PDF is generated and downloaded, the special audit is required and the
compliance records the internal audit department's plan; a drill misses the app's RTO and the evaluation makes that a finding."""

import datetime
import os

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"risk-{name}.png"), full_page=True)


def open_as(browser, live_server, username, password):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


@pytest.fixture
def third_app(world):
    """A third live app of A, so that one assessment of the campaign can be left undone."""
    from appgov.core import services as core
    from appgov.core.context import acting_as
    from appgov.ledger.models import MobileApp

    with acting_as(None, prefix="job-test"):
        return core.save(
            MobileApp(
                institution=world.a.inst,
                code="ALPHA-APP-9",
                name="ALPHA企业网银",
                kind="app",
                platforms=["android"],
                managing_department=world.a.depts["OFFICE"],
                responsible_person=world.a.people["P001"],
                data_owner_department=world.a.depts["BIZ"],
                state="in_operation",
            )
        )


def save(page):
    """The edit form's Save (the navigation bar has its own submit button: sign out)."""
    page.locator("main button.btn-primary[type=submit]").click()
    page.wait_for_load_state()


def move(page, to_state, **fields):
    form = page.locator("form", has=page.locator(f"input[name=to_state][value={to_state}]"))
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button").click()
    page.wait_for_load_state()


def evaluate(page, base):
    page.goto(f"{base}/compliance/")
    page.locator("form[action='/compliance/evaluate/'] button").click()
    page.wait_for_load_state()


def test_a_year_of_risk_work(browser, live_server, world, third_app, password):
    from appgov.compliance.models import Finding
    from appgov.risk import policy
    from appgov.risk.models import Assessment, AuditEngagement, RegulatorReport

    base = live_server.url
    today = timezone.localdate()
    compliance = open_as(browser, live_server, "alpha_compliance", password)
    owner = open_as(browser, live_server, "alpha_app_owner", password)

    # 1. the campaign of the year, already past its due day when the year is looked back on
    compliance.goto(f"{base}/risk/campaigns/add/")
    compliance.fill("#id_year", str(today.year))
    compliance.fill("#id_title", f"{today.year} 年度移动应用风险评估")
    compliance.fill("#id_opened_on", (today - datetime.timedelta(days=60)).isoformat())
    compliance.fill("#id_due_on", (today - datetime.timedelta(days=1)).isoformat())
    save(compliance)
    rows = compliance.locator("#assessments tr")
    assert rows.count() == 4, compliance.content()[:3000]  # header + 3 apps
    shot(compliance, "campaign")

    # 2. two assessments answered by the app owner and signed by compliance
    for app in (world.a.app, world.a.app2):
        assessment = Assessment.objects.get(app=app)
        url = f"{base}/risk/assessments/{assessment.pk}/"
        owner.goto(url)
        for item in policy.questionnaire()["items"]:
            owner.select_option(f"#id_a_{item['id']}", "yes")
        owner.click("#save-answers")
        move(owner, "submitted")
        assert owner.locator("#assessment-state").inner_text() == "已提交"
        compliance.goto(url)
        move(compliance, "signed", conclusion="风险可控")
        assert compliance.locator("#assessment-state").inner_text() == "已签署"
    shot(compliance, "signed")

    # 3. the major incident: reports due, the initial report's PDF, the special audit required and planned
    security = open_as(browser, live_server, "alpha_security", password)
    security.goto(f"{base}/risk/incidents/add/")
    security.fill("#id_reference", "INC-2026-01")
    security.fill("#id_title", "手机银行大面积登录失败")
    security.select_option("#id_kind", "outage")
    security.select_option("#id_apps", [str(world.a.app.pk)])
    security.fill(
        "#id_detected_at", (timezone.localtime() - datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%S")
    )
    security.fill("#id_outage_minutes", "180")
    security.fill("#id_customers_affected", "50000")
    save(security)
    reports = security.locator("#regulator-reports")
    assert (
        "初报" in reports.inner_text() and "已逾期" in reports.inner_text()
    )  # due two hours after detection
    security.locator("#regulator-reports input[name=summary]").first.fill("已切换备用系统，正在分析原因。")
    security.locator("#regulator-reports button", has_text="生成 PDF").first.click()
    with security.expect_download() as download:
        security.locator("#regulator-reports a", has_text="PDF").first.click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    initial = RegulatorReport.objects.get(incident__reference="INC-2026-01", stage="initial")
    assert initial.document and initial.generated_at
    shot(security, "incident")

    audit = AuditEngagement.objects.get(trigger_incident__reference="INC-2026-01")
    assert audit.state == "required" and audit.kind == "special"
    # the internal auditor reads only (issue 12): compliance records the plan the audit department made
    compliance.goto(f"{base}/risk/audits/{audit.pk}/")
    move(compliance, "planned", planned_start=today.isoformat(), auditor_name="内部审计部")
    audit.refresh_from_db()
    assert audit.state == "planned"

    # 4. a drill that misses the RTO of the app's approved BIA
    security.goto(f"{base}/risk/bias/add/")
    security.select_option("#id_app", str(world.a.app2.pk))
    security.fill("#id_critical_services", "理财申购")
    security.fill("#id_rto_minutes", "30")
    security.fill("#id_rpo_minutes", "5")
    security.fill("#id_mtpd_minutes", "120")
    security.fill("#id_analysed_on", today.isoformat())
    security.fill("#id_approved_on", today.isoformat())
    save(security)
    security.goto(f"{base}/risk/drills/add/")
    security.select_option("#id_app", str(world.a.app2.pk))
    security.fill("#id_scenario", "主机房断电")
    security.fill("#id_planned_on", today.isoformat())
    security.fill("#id_held_on", today.isoformat())
    security.fill("#id_measured_recovery_minutes", "75")
    security.fill("#id_gap", "切换需人工审批")
    save(security)
    assert "75" in security.content()

    # the daily evaluation (here pressed by compliance): the overdue assessment and the drill are findings
    evaluate(compliance, base)
    findings = Finding.objects.filter(institution=world.a.inst)
    assert findings.filter(control_id="NFRA-17.2", subject_id=third_app.pk).exists()
    assert not findings.filter(control_id="NFRA-17.2", subject_id=world.a.app.pk).exists()
    assert findings.filter(control_id="NFRA-15.1", subject_id=world.a.app2.pk).exists()
    assert findings.filter(
        control_id="NFRA-15.2", subject_id=world.a.app.pk
    ).exists()  # the initial report is late
    compliance.goto(f"{base}/compliance/findings/")
    text = compliance.content()
    assert "NFRA-17.2" in text and "NFRA-15.1" in text
    shot(compliance, "findings")
