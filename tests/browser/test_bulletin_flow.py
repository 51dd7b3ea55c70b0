"""Issue 19 "done means", the bulletin half, in a real browser: B's office (reg_in) writes a bulletin naming an
SDK and issues it; the platform lists B's affected app from its latest scan; B's governance office answers it
from the bulletins it received; the office sees the answer and accepts it; the examiner of another province
(reg_out) gets 404 on the bulletin and on B's copy."""

import datetime
import os

import pytest
from browser_session import open_as
from django.utils import timezone

from appgov.scanning.models import Scan
from appgov.supervision.models import Bulletin, BulletinAnswer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"sup-{name}.png"), full_page=True)


def test_bulletin_finds_the_affected_app_and_the_bank_answers(browser, live_server, world, password):
    base = live_server.url
    Scan.objects.create(
        version=world.b.version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report={"sdks": [{"id": "com.bt.push", "name": "BT Push", "version": "3.1.0", "category": "push"}]},
        finished_at=timezone.now(),
    )

    office = open_as(browser, live_server, "reg_in", password)
    office.goto(f"{base}/supervision/bulletins/add/")
    office.fill("#id_code", "BT-TB-1")
    office.fill("#id_title", "关于某推送 SDK 漏洞的风险通报")
    office.select_option("#id_kind", "sdk")
    office.select_option("#id_severity", "high")
    office.fill("#id_body", "请排查并答复。")
    office.fill("#id_answer_by", (datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    office.check(f"input[name=institutions][value='{world.b.inst.pk}']")
    office.fill("#id_sdk_id", "com.bt.push")
    office.fill("#id_sdk_versions_from", "3.0")
    office.fill("#id_sdk_fixed_in", "3.2")
    office.click("main form button[type=submit]")
    office.wait_for_selector("#bulletin-status")
    office.click("#bulletin-issue")
    office.wait_for_selector("#bulletin-status[data-status=issued]")
    answers = office.locator("#bulletin-answers").inner_text()
    assert world.b.app.name in answers and "com.bt.push" in answers
    shot(office, "10-bulletin-issued")
    bulletin = Bulletin.objects.get(code="BT-TB-1")
    row = BulletinAnswer.objects.get(target__bulletin=bulletin)

    bank = open_as(browser, live_server, world.b.office_user.username, password)
    bank.goto(f"{base}/supervision/received/")
    bank.click("text=BT-TB-1")
    assert world.b.app.name in bank.locator("#received-answers").inner_text()
    form = bank.locator(".answer-form").first
    form.locator("select[name=answer]").select_option("fixed")
    form.locator("input[name=reason]").fill("已升级到 3.2.0")
    form.locator("button").click()
    bank.wait_for_selector(".alert-success")
    row.refresh_from_db()
    assert row.answer == "fixed" and row.answered_at is not None

    office.goto(f"{base}/supervision/bulletins/{bulletin.pk}/")
    assert office.locator(".answer-row").first.get_attribute("data-state") == "answered"
    decide = office.locator(".decide-form").first
    decide.locator("select[name=accepted]").select_option("1")
    decide.locator("button").click()
    office.wait_for_selector(".alert-success")
    assert office.locator(".answer-row").first.get_attribute("data-state") == "accepted"

    outsider = open_as(browser, live_server, "reg_out", password)
    for url in (f"/supervision/bulletins/{bulletin.pk}/", f"/supervision/received/{row.target_id}/"):
        assert outsider.goto(f"{base}{url}").status == 404
