"""A third party from admission to exit, in a real browser: the governance office registers an outsourced
developer (a wrong credit code is refused naming its position), fills in the due-diligence questionnaire; a
colleague approves it and admits the party; the office records the contract, the relation to the app and a
vendor grant; a quarterly access review revokes the grant and is signed off; the exit is refused while a
contract is in force and completed with the certificate of destruction."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_as(browser, live_server, username, password):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def state(page):
    return page.locator("#party-state").inner_text().strip()


def test_admission_contract_grant_review_exit(browser, live_server, world, password, tmp_path):
    from appgov.partners.models import AccessGrant, Party
    from appgov.partners.models.uscc import check_character

    base = live_server.url
    today = datetime.date.today()
    code17 = "91330106MA2H3K7L0"
    office = open_as(browser, live_server, "alpha_governance_office", password)

    # registration: the wrong check character is refused, naming position 18
    office.goto(f"{base}/partners/parties/add/")
    office.fill("#id_name", "ALPHA云栖软件")
    office.fill("#id_credit_code", code17 + ("0" if check_character(code17) != "0" else "1"))
    office.check("input[name=kinds][value=outsourced_developer]")
    office.select_option("#id_risk_tier", "high")
    office.click("#edit-form button[type=submit]")
    office.wait_for_load_state()  # content() does not wait for the new page
    assert "第 18 位" in office.content()
    office.fill("#id_credit_code", code17 + check_character(code17))
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(f"{base}/partners/parties/*/")
    party_url = office.url
    assert state(office) == "准入中"

    # due diligence: every question answered yes
    office.click("h2:has-text('尽职调查与评价') a")
    radios = office.locator("input[type=radio][value=yes]")
    for i in range(radios.count()):
        radios.nth(i).check()
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(party_url)
    assert "待决定" in office.locator("#assessments").inner_text()
    # the assessor cannot admit the party before the decision
    assert "没有已批准的准入尽职调查" in office.locator(".card").first.inner_text()

    # a second person of the governance office approves the assessment and admits the party
    from appgov.core import services as core
    from appgov.users.models import User

    colleague = User(username="alpha_office2", role="governance_office", institution=world.a.inst)
    colleague.set_password(password)
    core.save(colleague, exclude_validation=["password"])
    admin = open_as(browser, live_server, "alpha_office2", password)
    admin.goto(party_url)
    admin.click("#assessments button[value=approved]")
    assert "批准" in admin.locator("#assessments").inner_text()
    admin.click("button[data-move=approve]")
    assert state(admin) == "已准入"

    # contract, relation to the app, vendor grant
    office.goto(party_url)
    office.click("h2:has-text('合同') a")
    office.fill("#id_reference", "WB-2026-01")
    office.fill("#id_title", "手机银行外包开发合同")
    office.fill("#id_starts_on", (today - datetime.timedelta(days=10)).isoformat())
    office.fill("#id_ends_on", (today + datetime.timedelta(days=365)).isoformat())
    for name in (
        "clause_data_protection",
        "clause_security",
        "clause_audit_right",
        "clause_no_subcontracting",
        "clause_exit_data_return",
    ):
        office.check(f"#id_{name}")
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(party_url)
    office.click("button[data-move=contract]")
    assert state(office) == "合同期内"

    office.click("h2:has-text('与应用的关系') a")
    office.select_option("#id_app", str(world.a.app.pk))
    office.select_option("#id_purpose", "outsourced_build")
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(party_url)
    assert "ALPHA手机银行" in office.locator("#relations").inner_text()

    office.click("h2:has-text('外包人员访问授权') a")
    office.fill("#id_person_name", "陈工")
    office.fill("#id_account", "yq-chen")
    office.fill("#id_system", "手机银行测试环境")
    office.select_option("#id_purpose", "testing")
    office.select_option("#id_level", "write")
    office.select_option("#id_approver", str(world.a.admin.pk))
    office.fill("#id_starts_on", today.isoformat())
    office.fill("#id_ends_on", (today + datetime.timedelta(days=90)).isoformat())
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(party_url)
    assert "yq-chen" in office.locator("#grants").inner_text()

    # the quarterly access review revokes the grant and is signed off
    office.goto(f"{base}/partners/reviews/")
    office.click("button:has-text('对全部有效授权发起复核')")
    office.wait_for_url(f"{base}/partners/reviews/*/")
    assert "yq-chen" in office.content()
    office.click("button[value=revoked]")
    office.click("button:has-text('确认完成复核')")
    office.wait_for_load_state()  # content() does not wait for the new page
    assert "签署日期" in office.content() and today.isoformat() in office.content()
    assert AccessGrant.objects.get(account="yq-chen").revoked_on == today

    # exit: refused while the contract is in force, completed once it is terminated
    office.goto(party_url)
    office.fill("form:has(button[data-move=start_exit]) input[name=reason]", "项目结束不再续约")
    office.click("button[data-move=start_exit]")
    assert state(office) == "退出中"
    certificate = tmp_path / "destruction.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate of destruction")
    exit_form = "form:has(button[data-move=complete_exit])"
    office.select_option(f"{exit_form} select[name=data_disposition]", "destroyed")
    office.fill(f"{exit_form} input[name=data_disposed_on]", today.isoformat())
    office.set_input_files(f"{exit_form} input[name=destruction_certificate]", str(certificate))
    office.click("button[data-move=complete_exit]")
    assert "WB-2026-01" in office.locator(".alert-danger").inner_text()
    assert state(office) == "退出中"

    office.click("#contracts a:has-text('WB-2026-01')")
    office.fill("#id_terminated_on", today.isoformat())
    office.click("#edit-form button[type=submit]")
    office.wait_for_url(party_url)
    office.select_option(f"{exit_form} select[name=data_disposition]", "destroyed")
    office.fill(f"{exit_form} input[name=data_disposed_on]", today.isoformat())
    office.set_input_files(f"{exit_form} input[name=destruction_certificate]", str(certificate))
    office.click("button[data-move=complete_exit]")
    assert state(office) == "已退出"
    party = Party.objects.get(name="ALPHA云栖软件")
    assert party.destruction_certificate and party.relations.get().ended_on == today
    assert "销毁证明" in office.content()
