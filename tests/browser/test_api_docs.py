"""Issue 11 item 9 in a real browser: /api/docs/ shows every operation of the schema (it showed 12 of 221) and
/api/redoc/ renders it too, both offline: every request the pages make stays on the server (no web fonts or
scripts from the internet), and the browser reports no error."""

import pytest
import yaml

from appgov.core.models import Department, Institution, RegulatorOffice
from appgov.core.roles import Role
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-docs-pass-2026"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@pytest.fixture
def admin(db):
    office = RegulatorOffice.objects.create(code="DOC-HQ", name="文档测试总局", level="headquarters")
    inst = Institution.objects.create(
        code="DOC-BANK", name="文档测试银行", kind="bank", regulator_office=office
    )
    dept = Department.objects.create(institution=inst, code="OFFICE", name="科技部", kind="business")
    user = User(username="docs_admin", role=Role.GOVERNANCE_OFFICE, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(page):
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", "docs_admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def schema_of(page) -> dict:
    return yaml.safe_load(page.request.get(f"{page.base_url}/api/schema/").text())


def operations(schema) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in METHODS
    }


def watch(page):
    """Requests to anywhere but the live server, and console errors."""
    outside, errors = [], []
    local = (page.base_url, "data:", f"blob:{page.base_url}")
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(local) else None)
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None,
    )
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return outside, errors


def shown_operations(page) -> set[tuple[str, str]]:
    """Every (method, path) the Swagger page shows while the reader scrolls from the top to the end (the page
    renders the operations near the screen only)."""
    seen: set[tuple[str, str]] = set()
    page.mouse.wheel(0, -(10**7))
    still = 0
    for _ in range(400):
        # one round trip per screen, not three per operation
        rows = page.eval_on_selector_all(
            ".opblock-summary",
            """blocks => blocks.map(b => [
                b.querySelector('.opblock-summary-method').innerText.trim(),
                b.querySelector('.opblock-summary-path').getAttribute('data-path'),
            ])""",
        )
        seen.update((method, path) for method, path in rows)
        page.mouse.wheel(0, 700)
        page.wait_for_timeout(150)
        models = page.locator("section.models")  # the schemas section closes the page
        at_end = models.count() > 0 and models.is_visible() and models.bounding_box()["y"] < 900
        still = still + 1 if at_end else 0
        if still >= 3:
            break
    return seen


def test_swagger_ui_shows_every_operation_offline(page, admin):
    sign_in(page)
    schema = schema_of(page)
    expected = operations(schema)
    assert len(expected) > 200, len(expected)
    outside, errors = watch(page)
    page.goto(f"{page.base_url}/api/docs/")
    page.wait_for_selector(".opblock-tag", timeout=60000)
    tags = {op["tags"][0] for item in schema["paths"].values() for m, op in item.items() if m in METHODS}
    headings = page.locator(".opblock-tag").all()
    assert {h.get_attribute("data-tag") for h in headings} == tags  # every group on the first screen
    shown: set[tuple[str, str]] = set()
    for tag in sorted(tags):  # each group opened by its link (deep linking), its operations read by scrolling
        page.goto("about:blank")
        page.goto(f"{page.base_url}/api/docs/#/{tag}")
        page.wait_for_selector(f'.opblock-tag[data-tag="{tag}"][data-is-open="true"]', timeout=60000)
        shown |= shown_operations(page)
    assert shown == expected, (len(shown), len(expected), sorted(expected - shown)[:10])
    assert outside == [], outside
    assert errors == [], errors


def test_redoc_renders_offline(page, admin):
    sign_in(page)
    expected = operations(schema_of(page))
    outside, errors = watch(page)
    page.goto(f"{page.base_url}/api/redoc/")
    page.wait_for_selector("[data-section-id^='operation/']", state="attached", timeout=90000)
    shown = page.locator("[data-section-id^='operation/']").count()
    assert shown == len(expected), (shown, len(expected))
    assert not [url for url in outside if "font" in url], outside  # no web fonts at all
    # Redoc's bundle has its maker's logo in the menu footer (https://cdn.redoc.ly): the page's CSP
    # (img-src 'self') stops it before any connection, and Redoc then hides it
    assert [url for url in outside if "cdn.redoc.ly" not in url] == [], outside
    assert [e for e in errors if "cdn.redoc.ly" not in e] == [], errors
