"""Issue 12 item 14 in a real browser: under the Content-Security-Policy (no inline script) the dashboards
still draw their charts, the declared behaviours (auto-submitting selects, select-all boxes) work, and the
browser reports no CSP violation."""

import pytest

from appgov.core.models import Department, Institution, RegulatorOffice
from appgov.core.roles import Role
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-csp-pass-2026"


@pytest.fixture
def admin(db):
    office = RegulatorOffice.objects.create(code="CSP-HQ", name="安全策略测试总局", level="headquarters")
    inst = Institution.objects.create(
        code="CSP-BANK", name="安全策略测试银行", kind="bank", regulator_office=office
    )
    dept = Department.objects.create(institution=inst, code="OFFICE", name="科技部", kind="business")
    user = User(username="csp_admin", role=Role.ADMINISTRATOR, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    # one app, evaluated: the dashboards draw charts (an institution without apps shows what to do instead)
    from appgov.compliance import services as compliance
    from appgov.core import services as core_services
    from appgov.ledger.models import MobileApp

    core_services.save(MobileApp(institution=inst, code="CSP-1", name="安全策略测试手机银行", kind="app"))
    compliance.evaluate_now(inst)
    return user


def test_pages_work_under_the_csp_without_violations(page, admin):
    violations = []
    page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    page.goto(f"{page.base_url}/login/")
    assert (
        "script-src 'self'" in page.request.get(f"{page.base_url}/login/").headers["content-security-policy"]
    )
    page.fill("#id_username", "csp_admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    # an administrator sets up the second factor first (issue 12 item 12): the page with the QR code is
    # under the same policy
    page.wait_for_selector("#totp-qr svg")
    from second_factor import enrol_in_browser

    enrol_in_browser(page)
    page.wait_for_url(f"{page.base_url}/")
    page.wait_for_selector("#chart-state canvas", state="attached")  # ledger dashboard (static script)

    page.goto(f"{page.base_url}/compliance/")
    page.wait_for_selector("#heatmap canvas", state="attached")  # compliance dashboard (static script)
    page.wait_for_selector("#trend canvas", state="attached")

    page.goto(f"{page.base_url}/ledger/apps/")
    with page.expect_navigation():  # data-autosubmit: the language switch posts itself
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert violations == []
