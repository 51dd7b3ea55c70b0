"""Issue 11 items 12 and 13 in Chromium (zh-CN): the administrator manages the licensed scope, departments,
people and users; the governance office bulk-edits apps and saves a filter on the ledger; the dashboards' charts
keep their labels inside their boxes, name their slices in a legend, give every heat-map row room for its label at
26 apps, and an institution without apps gets an empty state instead of charts."""

import os

import pytest
from playwright.sync_api import expect

from appgov.core.models import Department, Institution, Person, RegulatorOffice
from appgov.core.roles import Role
from appgov.ledger.models import MobileApp
from appgov.users.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Browser-issue11-pass-2026"
SHOTS = os.environ.get("APPGOV_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"issue11-{name}.png"), full_page=True)


def make_user(inst, username, role, dept=None):
    user = User(username=username, role=role, institution=inst, department=dept)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def bank(db):
    office = RegulatorOffice.objects.create(code="I11-HQ", name="页面测试监管局", level="headquarters")
    inst = Institution.objects.create(
        code="I11-BANK",
        name="页面测试农商银行",
        kind="bank",
        regulator_office=office,
        licensed_regions=["浙江省"],
    )
    tech = Department.objects.create(institution=inst, code="TECH", name="金融科技部", kind="technology")
    retail = Department.objects.create(institution=inst, code="RETAIL", name="零售金融部")
    Person.objects.create(institution=inst, employee_no="E001", name="张敏", department=retail)
    make_user(inst, "i11_admin", Role.ADMINISTRATOR, tech)
    make_user(inst, "i11_office", Role.GOVERNANCE_OFFICE, tech)
    kinds = ["app", "app", "mini_program", "official_account"]
    for n in range(4):
        MobileApp.objects.create(
            institution=inst,
            code=f"I11-{n:02d}",
            name=f"测试应用{n}",
            kind=kinds[n],
            managing_department=retail,
        )
    return inst


def login(page, username):
    page.goto(f"{page.base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{page.base_url}/")


def test_the_administrator_manages_scope_departments_people_and_users(page, bank, settings):
    settings.APPGOV_2FA_REQUIRED_ROLES = []  # the second factor has its own browser test (test_two_factor_flow)
    login(page, "i11_admin")
    page.click("nav a.dropdown-toggle:has-text('治理')")
    page.click("nav a.dropdown-item:has-text('组织管理')")
    assert page.locator("#licensed-regions").inner_text().strip() == "浙江省"
    assert "未登记" in page.locator("#licensed-lines").inner_text()  # the empty scope says what it costs
    shot(page, "01-institution")

    page.click("#scope-edit")
    page.fill("#id_licensed_business_lines", "个人存款\n个人贷款")
    page.fill("#id_licensed_regions", "浙江省\n上海市")
    page.select_option("#id_leading_department", label="金融科技部")
    shot(page, "02-scope-form")
    page.click("#form-submit")
    expect(page.locator("#licensed-regions")).to_contain_text("上海市")
    bank.refresh_from_db()
    assert bank.licensed_business_lines == ["个人存款", "个人贷款"] and bank.licensed_regions == [
        "浙江省",
        "上海市",
    ]

    page.click("#org-nav a:has-text('部门')")
    page.click("#department-create")
    page.fill("#id_code", "RISK")
    page.fill("#id_name", "风险管理部")
    page.select_option("#id_kind", "risk")
    page.click("#form-submit")
    expect(page.locator("#department-table")).to_contain_text("风险管理部")
    shot(page, "03-departments")

    page.click("#org-nav a:has-text('人员')")
    page.click("#person-create")
    page.fill("#id_employee_no", "E002")
    page.fill("#id_name", "李娜")
    page.select_option("#id_department", label="风险管理部")
    page.fill("#id_position", "风险经理")
    page.click("#form-submit")
    expect(page.locator("#person-table")).to_contain_text("李娜")
    shot(page, "04-people")

    page.click("#org-nav a:has-text('用户与角色')")
    page.click("#user-create")
    page.fill("#id_username", "i11_risk")
    page.fill("#id_last_name", "李")
    page.fill("#id_first_name", "娜")
    page.select_option("#id_department", label="风险管理部")
    page.select_option("#id_role", "compliance")
    page.fill("#id_password", "Quiet-Meadow-Lantern-77")
    shot(page, "05-user-form")
    page.click("#form-submit")
    row = page.locator("tr[data-username=i11_risk]")
    assert "合规" in row.inner_text() and "启用" in row.inner_text()
    created = User.objects.get(username="i11_risk")
    assert created.role == "compliance" and created.institution_id == bank.pk

    row.locator("button:has-text('停用')").click()
    expect(page.locator("tr[data-username=i11_risk]")).to_contain_text("已停用")
    created.refresh_from_db()
    assert not created.is_active
    shot(page, "06-users")
    # the administrator cannot deactivate themself: no button on their own row
    assert page.locator("tr[data-username=i11_admin] button:has-text('停用')").count() == 0


def test_the_office_bulk_edits_apps_and_saves_a_filter(page, bank):
    login(page, "i11_office")
    page.goto(f"{page.base_url}/ledger/apps/?kind=app")
    assert page.locator("#clear-filters").is_visible()
    page.fill("#filter-save input[name=name]", "仅APP")
    page.click("#filter-save button[type=submit]")
    expect(page.locator("#saved-filters a:has-text('仅APP')")).to_be_visible()
    page.click("#clear-filters")
    expect(page.locator("#result-count")).to_have_text("4")
    page.click("#saved-filters a:has-text('仅APP')")
    expect(page.locator("#result-count")).to_have_text("2")
    shot(page, "07-ledger-saved-filter")

    page.goto(f"{page.base_url}/ledger/apps/")
    ids = list(MobileApp.objects.filter(code__in=["I11-00", "I11-02"]).values_list("pk", flat=True))
    for pk in ids:
        page.check(f"input[name=ids][value='{pk}']")
    page.click("#bulk-edit")
    # count() does not wait: before the bulk page has loaded it counts the old page
    expect(page.locator("#bulk-apps li")).to_have_count(2)
    page.select_option("#id_managing_department", label="金融科技部")
    page.select_option("#id_responsible_person", label="张敏")
    shot(page, "08-bulk-edit")
    page.click("#form-submit")
    expect(page.locator(".alert-success")).to_contain_text("已更新 2 个应用")
    changed = MobileApp.objects.filter(pk__in=ids)
    assert {a.managing_department.code for a in changed} == {"TECH"}
    assert {a.responsible_person.name for a in changed} == {"张敏"}
    untouched = MobileApp.objects.get(code="I11-01")
    assert untouched.managing_department.code == "RETAIL" and untouched.responsible_person is None
    from appgov.core.models import ChangeLogEntry

    for pk in ids:
        assert (
            ChangeLogEntry.objects.filter(
                object_type="ledger.mobileapp", object_id=str(pk), action="update"
            ).count()
            == 1
        )


PIE_TEXT_BOXES = """(id) => {
  const chart = echarts.getInstanceByDom(document.getElementById(id));
  const width = chart.getWidth(), height = chart.getHeight();
  const boxes = [];
  for (const el of chart.getZr().storage.getDisplayList(true)) {
    if (!el.style || typeof el.style.text !== "string" || !el.style.text) continue;
    const rect = el.getBoundingRect().clone();
    rect.applyTransform(el.getComputedTransform());
    boxes.push({text: el.style.text, x: rect.x, y: rect.y, w: rect.width, h: rect.height});
  }
  return {width, height, boxes, legend: chart.getOption().legend.length};
}"""

Y_LABELS = """(id) => {
  const chart = echarts.getInstanceByDom(document.getElementById(id));
  const option = chart.getOption();
  const apps = new Set(option.yAxis[0].data.map(d => typeof d === "string" ? d : d.value));
  const boxes = [];
  for (const el of chart.getZr().storage.getDisplayList(true)) {
    if (!el.style || typeof el.style.text !== "string") continue;
    const rect = el.getBoundingRect().clone();
    rect.applyTransform(el.getComputedTransform());
    if (rect.x + rect.width <= chart.getModel().getComponent("grid", 0).coordinateSystem.getRect().x + 1)
      boxes.push({text: el.style.text, y: rect.y, h: rect.height});
  }
  const xAxis = chart.getModel().getComponent("xAxis", 0).axis;
  return {apps: apps.size, boxes, xBand: xAxis.getBandWidth(), xFont: option.xAxis[0].axisLabel.fontSize};
}"""


def test_the_kind_donut_has_a_legend_and_keeps_its_labels_inside(page, bank):
    login(page, "i11_office")
    page.wait_for_selector("#chart-kind canvas", state="attached")
    page.wait_for_timeout(600)  # the pie's entry animation
    drawn = page.evaluate(PIE_TEXT_BOXES, "chart-kind")
    assert drawn["legend"] >= 1
    texts = [b["text"] for b in drawn["boxes"]]
    assert "公众号" in texts and "小程序" in texts  # the legend names the slices
    assert "快应用" not in texts  # a kind without apps has no slice and no legend entry
    for box in drawn["boxes"]:
        assert box["x"] >= 0 and box["y"] >= 0, box
        assert box["x"] + box["w"] <= drawn["width"] + 0.5 and box["y"] + box["h"] <= drawn["height"] + 0.5, (
            box
        )
    shot(page, "09-dashboard")


def test_an_institution_without_apps_gets_an_empty_state(page, bank):
    other = Institution.objects.create(
        code="I11-EMPTY", name="空机构", kind="bank", regulator_office=bank.regulator_office
    )
    make_user(other, "i11_empty", Role.GOVERNANCE_OFFICE)
    login(page, "i11_empty")
    assert page.locator("#charts-empty").is_visible()
    assert page.locator("#chart-kind").count() == 0
    assert page.locator("#charts-empty a[href='/ledger/apps/new/']").is_visible()
    shot(page, "10-empty-dashboard")
    page.goto(f"{page.base_url}/compliance/")
    assert page.locator("#heatmap-empty").is_visible() and page.locator("#heatmap").count() == 0
    shot(page, "11-empty-compliance")


def test_the_heat_map_gives_26_apps_room_for_their_labels(page, bank):
    from appgov.compliance import services as compliance

    for n in range(4, 26):
        MobileApp.objects.create(
            institution=bank, code=f"I11-{n:02d}", name=f"很长名称的测试手机银行应用{n:02d}号", kind="app"
        )
    compliance.evaluate_now(bank)
    login(page, "i11_office")
    page.goto(f"{page.base_url}/compliance/")
    page.wait_for_selector("#heatmap canvas", state="attached")
    page.wait_for_timeout(300)
    drawn = page.evaluate(Y_LABELS, "heatmap")
    assert drawn["apps"] == 26
    labels = sorted(drawn["boxes"], key=lambda b: b["y"])
    assert len(labels) >= 26
    for upper, lower in zip(labels, labels[1:], strict=False):
        assert upper["y"] + upper["h"] <= lower["y"] + 0.5, (upper, lower)  # no two app labels overlap
    # rotated 60°, neighbouring control labels are bandWidth·sin 60° apart: at least a line of text
    assert drawn["xBand"] * 0.866 >= drawn["xFont"] * 1.15, drawn["xBand"]
    shot(page, "12-heatmap-26-apps")


def test_scan_queue_sdk_page_versions_tab_and_case_chain(page, bank):
    """The pages users looked for, as they render in zh-CN (and screenshots for a human look)."""
    from appgov.counterfeit.models import CounterfeitCase, ListingFeed, ObservedListing
    from appgov.ledger.models import AppVersion, Channel, Listing
    from appgov.scanning.models import Scan, SdkUse

    app = MobileApp.objects.get(code="I11-00")
    version = AppVersion.objects.create(app=app, platform="android", version_name="3.2.0")
    store = Channel.objects.create(institution=bank, name="华为应用市场", kind="app_store")
    Listing.objects.create(version=version, channel=store, state="listed", listed_on="2026-10-08")
    done = Scan.objects.create(
        version=version, package_sha256="a" * 64, status="done", high_findings=1, report={}
    )
    SdkUse.objects.create(version=version, scan=done, sdk_id="umeng", name="友盟统计", vendor="友盟同欣")
    Scan.objects.create(version=version, package_sha256="b" * 64, status="queued")
    Scan.objects.create(version=version, package_sha256="c" * 64, status="failed", error="安装包无法解析")
    feed = ListingFeed.objects.create(institution=bank, channel="api", label="商店监测")
    listing = ObservedListing.objects.create(
        institution=bank,
        feed=feed,
        listing_id="L-1",
        source="某应用商店",
        name="测试应用0极速版",
        content_hash="0" * 64,
    )
    common = dict(
        institution=bank,
        app=app,
        listing=listing,
        alert_kind="counterfeit",
        score=0.9,
        explanation_zh="名称与我行应用相似",
        source="某应用商店",
        listing_name=listing.name,
    )
    first = CounterfeitCase.objects.create(state="taken_down", **common)
    again = CounterfeitCase.objects.create(state="new", previous_case=first, **common)

    login(page, "i11_office")
    page.click("#nav-scanning")
    page.click("nav a.dropdown-item:has-text('扫描记录与队列')")
    expect(page.locator("#scan-table")).to_contain_text("排队第 1 位")
    assert "安装包无法解析" in page.locator("#scan-table").inner_text()
    shot(page, "13-scan-list")
    page.goto(f"{page.base_url}/scanning/sdks/")
    assert "友盟统计" in page.locator("#sdk-table").inner_text()
    assert "1 个扫描在排队" in page.locator("#sdk-summary").inner_text()
    shot(page, "14-sdk-page")
    page.goto(f"{page.base_url}/ledger/apps/{app.pk}/?tab=versions")
    assert "上架渠道（上架日期）" in page.locator("table thead").inner_text()
    assert "华为应用市场 (2026-10-08)" in page.locator(".listed-channels").first.inner_text()
    shot(page, "15-versions-tab")
    page.goto(f"{page.base_url}/counterfeit/cases/{again.pk}/")
    chain = page.locator("#relisting-chain")
    assert chain.locator(f"a[data-case='{first.pk}']").is_visible()
    shot(page, "16-case-chain")
    chain.locator(f"a[data-case='{first.pk}']").click()
    expect(page.locator(f"#relisting-chain a[data-case='{again.pk}']")).to_be_visible()
