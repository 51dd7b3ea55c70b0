"""Issue 19 "done means", in a real browser: B's office (reg_in) plans a penetration-test campaign, records a
finding with its evidence and issues it; B's app owner sees it among the findings issued to B, cannot close it
itself and submits the rectification; the office rejects it once, then accepts it; the examiner of another
province (reg_out) gets 404 on every page of it."""

import datetime
import os

import pytest
from browser_session import open_as

from appgov.compliance.models import Finding
from appgov.supervision.models import Campaign, RectificationDecision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"sup-{name}.png"), full_page=True)


def submit_rectification(page, base, finding_id, note):
    page.goto(f"{base}/compliance/findings/{finding_id}/")
    offered = page.locator("select[name=to_status] option").evaluate_all("els => els.map(e => e.value)")
    assert "verified" not in offered and "risk_accepted" not in offered, offered  # only the office closes it
    page.select_option("select[name=to_status]", "resolved")
    page.fill("input[name=note]", note)
    page.click("#finding-move")
    assert page.locator("#finding-status").get_attribute("data-status") == "resolved"


def decide(page, base, finding_id, decision, comment):
    page.goto(f"{base}/supervision/rectifications/{finding_id}/")
    page.select_option("#id_decision", decision)
    page.fill("#id_comment", comment)
    page.click("#decision-save")
    page.wait_for_selector(".alert-success")


def test_campaign_finding_rectification_and_jurisdiction(browser, live_server, world, password, tmp_path):
    base = live_server.url
    today = datetime.date.today()

    office = open_as(browser, live_server, "reg_in", password)
    office.click("#nav-supervision")
    assert world.b.inst.name in office.locator("#table-institutions").inner_text()
    assert world.a.inst.name not in office.locator("main").inner_text()
    shot(office, "01-dashboard")

    # plan
    office.goto(f"{base}/supervision/campaigns/add/")
    office.fill("#id_code", "BT-PT-1")
    office.fill("#id_title", "浏览器测试渗透测试专项")
    office.select_option("#id_kind", "penetration")
    office.fill("#id_period_start", today.isoformat())
    office.fill("#id_period_end", (today + datetime.timedelta(days=30)).isoformat())
    office.check(f"input[name=institutions][value='{world.b.inst.pk}']")
    office.select_option("#id_apps", str(world.b.app.pk))
    office.click("main form button[type=submit]")
    office.wait_for_selector("#campaign-status")
    assert office.locator("#campaign-status").get_attribute("data-status") == "planned"
    campaign = Campaign.objects.get(code="BT-PT-1")

    # issuing before every app in scope is tested is refused, naming the app
    office.click("#campaign-issue")
    assert world.b.app.name in office.locator(".alert-danger").inner_text()

    # record the result and a finding with its evidence file
    office.select_option("#result-form select[name=app]", str(world.b.app.pk))
    office.select_option("#result-form select[name=outcome]", "findings")
    office.click("#result-save")
    office.wait_for_selector(".alert-success")
    office.locator("#campaign-results details summary").click()
    form = office.locator(".finding-form").first
    form.locator("[name=title]").fill("登录接口未防重放")
    form.locator("[name=severity]").select_option("high")
    form.locator("[name=description]").fill("截获的登录报文可被重放。")
    evidence = tmp_path / "pentest.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% penetration test evidence\n")
    form.locator("[name=evidence]").set_input_files(str(evidence))
    form.locator("[name=due_on]").fill((today + datetime.timedelta(days=20)).isoformat())
    form.locator("button").click()
    office.wait_for_selector(".campaign-finding")
    assert "登录接口未防重放" in office.locator("#campaign-results").inner_text()
    shot(office, "02-campaign")

    # issue
    office.click("#campaign-issue")
    office.wait_for_selector("#campaign-status[data-status=issued]")
    issued = Finding.objects.get(
        issued_by_office=world.reg_in.regulator_office, regulator_reference="BT-PT-1-1"
    )
    assert issued.institution_id == world.b.inst.pk and issued.status == "open"

    # the bank sees it, with the evidence, and submits its rectification
    bank = open_as(browser, live_server, "zqx_app_owner", password)
    bank.goto(f"{base}/supervision/")
    assert "BT-PT-1-1" in bank.locator("#issued-findings").inner_text()
    bank.goto(f"{base}/compliance/findings/{issued.pk}/")
    assert "BT-PT-1-1" in bank.locator("#finding-regulator").inner_text()
    assert "登录接口未防重放" in bank.locator("#finding-attachments").inner_text()
    submit_rectification(bank, base, issued.pk, "已增加一次性令牌")
    shot(bank, "03-bank")

    # the office rejects once: back to the bank with the comment
    decide(office, base, issued.pk, "reject", "未提供复测报告")
    assert office.locator("#finding-status").get_attribute("data-status") == "in_rectification"
    bank.goto(f"{base}/compliance/findings/{issued.pk}/")
    assert "未提供复测报告" in bank.locator("main").inner_text()
    submit_rectification(bank, base, issued.pk, "补充复测报告")

    # then accepts
    decide(office, base, issued.pk, "accept", "复测通过")
    assert office.locator("#finding-status").get_attribute("data-status") == "verified"
    assert "复测通过" in office.locator("#decisions").inner_text()
    shot(office, "04-decided")
    assert list(
        RectificationDecision.objects.filter(finding=issued).order_by("pk").values_list("decision", flat=True)
    ) == [
        "rejected",
        "accepted",
    ]

    # the examiner of another province: 404 on all of it
    other = open_as(browser, live_server, "reg_out", password)
    for path in (
        f"/supervision/campaigns/{campaign.pk}/",
        f"/supervision/campaigns/{campaign.pk}/edit/",
        f"/supervision/rectifications/{issued.pk}/",
        f"/supervision/institutions/{world.b.inst.pk}/",
        f"/supervision/campaign-findings/{campaign.results.get().findings.get().pk}/evidence/",
    ):
        response = other.goto(f"{base}{path}")
        assert response.status == 404, path
    other.goto(f"{base}/supervision/campaigns/")
    assert "BT-PT-1" not in other.locator("main").inner_text()
    other.goto(f"{base}/supervision/rectifications/")
    assert "BT-PT-1-1" not in other.locator("main").inner_text()
