"""Issue 12 item 12 in a real browser: an administrator signs in, is held at enrolment, scans (reads) the
QR code's key, confirms, sees recovery codes, reaches the dashboard; signs out and in again with the code."""

import pytest
from second_factor import current_code, enrol_in_browser

from appgov.core.models import Department, Institution, RegulatorOffice
from appgov.core.roles import Role
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-2fa-pass-2026"


@pytest.fixture
def admin(db):
    office = RegulatorOffice.objects.create(code="TF-HQ", name="双因素测试总局", level="headquarters")
    inst = Institution.objects.create(
        code="TF-BANK", name="双因素测试银行", kind="bank", regulator_office=office
    )
    dept = Department.objects.create(institution=inst, code="OFFICE", name="科技部", kind="business")
    user = User(username="tf_admin", role=Role.ADMINISTRATOR, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    return user


def password_step(page):
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", "tf_admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_enrolment_then_sign_in_with_the_code(page, admin):
    password_step(page)
    page.wait_for_selector("#totp-qr svg")  # held at enrolment; the QR code is an inline SVG made locally
    assert page.locator("#two-factor-state").get_attribute("data-enrolled") == "0"
    page.goto(f"{page.base_url}/ledger/apps/")  # nothing else is reachable before it
    assert "/account/two-factor/" in page.url
    secret = enrol_in_browser(page)
    page.wait_for_url(f"{page.base_url}/ledger/apps/")

    page.goto(f"{page.base_url}/account/two-factor/")
    assert page.locator("#two-factor-state").get_attribute("data-enrolled") == "1"

    page.context.clear_cookies()
    password_step(page)
    page.wait_for_selector("#two-factor-submit")
    page.fill("#id_token", "000000")
    page.click("#two-factor-submit")
    page.wait_for_selector("#two-factor-error")
    assert page.locator("#two-factor-error").count() == 1
    page.wait_for_timeout(1300)  # the wrong code throttled the device for a second
    page.fill("#id_token", current_code(secret, 1))
    page.click("#two-factor-submit")
    page.wait_for_url(f"{page.base_url}/")
    assert page.locator("#stat-total").count() == 1  # the dashboard
