"""The web UI: every page for every role, forms with validation, lifecycle actions, spreadsheet import
and export, login throttling and sessions."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from appgov.core.models import ChangeLogEntry
from appgov.ledger import spreadsheet
from appgov.ledger.models import AppVersion, Channel, GateEvidence, Listing, MobileApp, Vulnerability

INSTITUTION_ROLES = [
    "administrator",
    "governance_office",
    "app_owner",
    "security",
    "compliance",
    "auditor",
    "credit_officer",
    "read_only",
]
APP_WRITERS = {"administrator", "governance_office", "app_owner"}
VERSION_WRITERS = APP_WRITERS | {"security"}


def user_of(world, who):
    return world.reg_in if who == "regulator" else world.a.users[who]


def org_of(world, who):
    return world.b if who == "regulator" else world.a


def text(response):
    return response.content.decode()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


# ---------- every page, every role ----------


def pages(org):
    """(url, name) of every page a signed-in user may open, for objects of `org`."""
    app, version = org.app, org.version
    entry = ChangeLogEntry.objects.filter(institution=org.inst).order_by("-seq").first()
    return [
        ("/", "dashboard"),
        (reverse("ledger:app-list"), "app-list"),
        (
            reverse("ledger:app-list") + "?q=手机&kind=app&state=in_operation&ordering=-name&per_page=25",
            "app-list",
        ),
        (reverse("ledger:app-list") + "?page=99&per_page=7", "app-list"),
        (reverse("ledger:app-create"), "app-create"),
        (reverse("ledger:app-detail", args=[app.pk]), "app-detail"),
        *[
            (reverse("ledger:app-detail", args=[app.pk]) + f"?tab={tab}", "app-detail")
            for tab in ("versions", "channels", "lifecycle", "history")
        ],
        (reverse("ledger:app-detail", args=[org.app2.pk]) + "?tab=lifecycle", "app-detail"),
        (reverse("ledger:app-edit", args=[app.pk]), "app-edit"),
        (reverse("ledger:version-detail", args=[version.pk]), "version-detail"),
        (reverse("ledger:version-create", args=[app.pk]), "version-create"),
        (reverse("ledger:version-edit", args=[version.pk]), "version-edit"),
        (reverse("ledger:version-download", args=[version.pk]), "version-download"),
        (reverse("ledger:channel-list"), "channel-list"),
        (reverse("ledger:import"), "import"),
        (reverse("ledger:export"), "export"),
        (reverse("ledger:template"), "template"),
        (reverse("changelog"), "changelog"),
        (reverse("changelog") + f"?q={org.mark}", "changelog"),
        (reverse("changelog-detail", args=[entry.seq]), "changelog-detail"),
        (reverse("account-token"), "account-token"),
        (reverse("api-docs"), "api-docs"),
    ]


def expected_status(who, name):
    forbidden = {
        "app-create": who not in APP_WRITERS,
        "app-edit": who not in APP_WRITERS,
        "version-create": who not in VERSION_WRITERS,
        "version-edit": who not in VERSION_WRITERS,
        "import": who == "regulator",
    }
    return 403 if forbidden.get(name) else 200


@pytest.mark.parametrize("who", [*INSTITUTION_ROLES, "regulator"])
def test_every_page_renders_for_each_role(world, login, who):
    user, org = user_of(world, who), org_of(world, who)
    client = login(user)
    for url, name in pages(org):
        response = client.get(url)
        assert response.status_code == expected_status(who, name), (who, url, response.status_code)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert "</html>" in text(response), url
            assert (
                user.username in text(response)
                or user.get_full_name() in text(response)
                or name == "api-docs"
            )


def test_app_list_shows_the_apps_with_paging(world, login):
    client = login(world.a.users["read_only"])

    def codes(response):
        return re.findall(r">(ALPHA-APP-\d+)<", text(response))

    response = client.get(reverse("ledger:app-list"))
    body = text(response)
    assert "ALPHA手机银行" in body and "ALPHA理财小程序" in body
    assert re.search(r'id="result-count">2<', body)
    assert codes(client.get(reverse("ledger:app-list"), {"kind": "mini_program"})) == ["ALPHA-APP-2"]
    assert codes(client.get(reverse("ledger:app-list"), {"ordering": "-code"})) == [
        "ALPHA-APP-2",
        "ALPHA-APP-1",
    ]
    assert codes(client.get(reverse("ledger:app-list"), {"q": "cn.alpha.mobile"})) == ["ALPHA-APP-1"]
    paged = client.get(reverse("ledger:app-list"), {"per_page": 25, "page": 2})
    assert codes(paged) == ["ALPHA-APP-1", "ALPHA-APP-2"]  # past the last page: the last page is shown


def test_dashboard_counts(world, login):
    response = login(world.a.admin).get("/")
    data = response.context["data"]
    assert data["total"] == 2
    states = {str(label): n for label, n in data["by_state"]}
    assert sum(states.values()) == 2 and sorted(states.values())[-2:] == [1, 1]
    kinds = {str(label): n for label, n in data["by_kind"]}
    assert sum(kinds.values()) == 2
    assert data["attention"]["person_left"] == 0
    assert 'id="stat-total">2<' in text(response)


def test_anonymous_users_are_sent_to_login(db, client):
    for url in ["/", reverse("ledger:app-list"), reverse("ledger:export"), reverse("changelog")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url


# ---------- login, throttling, sessions ----------


def test_login_and_logout(world, client, password):
    response = client.post("/login/", {"username": "alpha_read_only", "password": password})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() <= 8 * 3600
    client.post("/logout/")
    assert client.get("/").status_code == 302


def test_login_is_throttled_after_five_failures(world, client, password, settings):
    settings.AXES_ENABLED = True
    # failures for another username from the same address do not count against this one
    statuses = [
        client.post("/login/", {"username": "ghost", "password": "wrong"}).status_code for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    for attempt in range(5):
        response = client.post("/login/", {"username": "alpha_administrator", "password": f"wrong-{attempt}"})
        assert response.status_code == (200 if attempt < 4 else 429), attempt
    # the sixth attempt is locked out even with the right password
    response = client.post("/login/", {"username": "alpha_administrator", "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # another user from the same address is not locked by this user's failures
    other = client.post("/login/", {"username": "alpha_read_only", "password": password})
    assert other.status_code == 302


def test_api_token_page_issues_a_new_token(world, login):
    from rest_framework.authtoken.models import Token

    client = login(world.a.admin)
    assert client.post(reverse("account-token")).status_code == 302
    first = Token.objects.get(user=world.a.admin).key
    client.post(reverse("account-token"))
    second = Token.objects.get(user=world.a.admin).key
    assert first != second
    assert second in text(client.get(reverse("account-token")))


# ---------- forms ----------


def app_form(world, **overrides):
    data = {
        "code": "UI-1",
        "name": "界面登记的应用",
        "kind": "app",
        "audience": "external",
        "platforms": ["android", "ios"],
        "android_packages": "cn.alpha.ui\ncn.alpha.ui2",
        "ios_bundle_ids": "cn.alpha.ui",
        "managing_department": world.a.depts["OFFICE"].pk,
        "responsible_person": world.a.people["P001"].pk,
        "data_owner_department": world.a.depts["BIZ"].pk,
        "business_lines": "个人存款、信用卡",
        "regions": "浙江省",
        "mlps_level": "",
    }
    data.update(overrides)
    return data


def test_create_app_through_the_form(world, login):
    user = world.a.office_user
    response = login(user).post(reverse("ledger:app-create"), app_form(world))
    app = MobileApp.objects.get(code="UI-1")
    assert response.status_code == 302 and response["Location"] == reverse("ledger:app-detail", args=[app.pk])
    assert app.institution == world.a.inst and app.state == "proposed"
    assert app.android_packages == ["cn.alpha.ui", "cn.alpha.ui2"]
    assert app.business_lines == ["个人存款", "信用卡"]
    entry = ChangeLogEntry.objects.get(object_type="ledger.mobileapp", object_id=str(app.pk))
    assert entry.actor == user and entry.request_id.startswith("req-") and entry.action == "create"


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"name": ""}, "name"),
        ({"code": ""}, "code"),
        ({"kind": "widget"}, "kind"),
        ({"platforms": ["android", "symbian"]}, "platforms"),
        ({"code": "ALPHA-APP-1"}, None),  # duplicate code in the institution
        ({"mlps_assessed_on": "2026-01-01"}, "mlps_level"),
        ({"privacy_policy_url": "not a url"}, "privacy_policy_url"),
        ({"managing_department": "__B__"}, "managing_department"),
        ({"responsible_person": "__BP__"}, "responsible_person"),
    ],
)
def test_create_form_validation_errors(world, login, overrides, field):
    values = {
        k: (world.b.depts["OFFICE"].pk if v == "__B__" else world.b.people["P001"].pk if v == "__BP__" else v)
        for k, v in overrides.items()
    }
    count = ChangeLogEntry.objects.count()
    response = login(world.a.office_user).post(reverse("ledger:app-create"), app_form(world, **values))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors, form.errors
    if field:
        assert field in form.errors, form.errors
    assert "invalid-feedback" in text(response) or "alert-danger" in text(response)
    assert ChangeLogEntry.objects.count() == count
    assert not MobileApp.objects.filter(name="界面登记的应用").exists()


def test_edit_app_through_the_form(world, login):
    app = world.a.app
    client = login(world.a.users["app_owner"])
    data = app_form(world, code=app.code, name="手机银行（新版）", platforms=["android"])
    response = client.post(reverse("ledger:app-edit", args=[app.pk]), data)
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.name, app.platforms, app.state) == ("手机银行（新版）", ["android"], "in_operation")
    entry = ChangeLogEntry.objects.filter(object_id=str(app.pk), object_type="ledger.mobileapp").first()
    assert entry.before["name"] == "ALPHA手机银行" and entry.after["name"] == "手机银行（新版）"
    response = client.post(reverse("ledger:app-edit", args=[app.pk]), data | {"name": ""})
    assert response.status_code == 200 and "name" in response.context["form"].errors
    history = client.get(reverse("ledger:app-detail", args=[app.pk]) + "?tab=history")
    assert "手机银行（新版）" in text(history)


def test_read_only_user_cannot_post_forms(world, login):
    client = login(world.a.users["read_only"])
    assert client.post(reverse("ledger:app-create"), app_form(world)).status_code == 403
    assert client.post(reverse("ledger:app-edit", args=[world.a.app.pk]), app_form(world)).status_code == 403
    assert not MobileApp.objects.filter(code="UI-1").exists()


def test_version_form_with_package(world, login):
    client = login(world.a.users["security"])
    package = SimpleUploadedFile("alpha-3.apk", b"PK\x03\x04 version three")
    data = {
        "platform": "android",
        "version_name": "3.0.0",
        "version_code": "300",
        "support_status": "supported",
    }
    response = client.post(
        reverse("ledger:version-create", args=[world.a.app.pk]), data | {"package_file": package}
    )
    version = AppVersion.objects.get(app=world.a.app, version_name="3.0.0")
    assert response.status_code == 302 and response["Location"] == reverse(
        "ledger:version-detail", args=[version.pk]
    )
    assert version.package_size == len(b"PK\x03\x04 version three") and len(version.package_sha256) == 64
    download = client.get(reverse("ledger:version-download", args=[version.pk]))
    assert b"".join(download.streaming_content) == b"PK\x03\x04 version three"
    # a duplicate version name on the same platform is a form error, not a 500
    response = client.post(reverse("ledger:version-create", args=[world.a.app.pk]), data)
    assert response.status_code == 200 and response.context["form"].errors


def test_version_form_package_too_large_writes_nothing(world, login, settings):
    settings.APPGOV_MAX_PACKAGE_BYTES = 10
    client = login(world.a.users["security"])
    data = {"platform": "ios", "version_name": "4.0.0", "support_status": "supported"}
    package = SimpleUploadedFile("big.ipa", b"x" * 11)
    response = client.post(
        reverse("ledger:version-create", args=[world.a.app.pk]), data | {"package_file": package}
    )
    assert response.status_code == 200
    assert "package" in str(response.context["form"].errors) or messages_of(response)
    assert not AppVersion.objects.filter(version_name="4.0.0").exists()


def test_listing_vulnerability_account_and_channel_forms(world, login):
    client = login(world.a.office_user)
    channel_url = reverse("ledger:channel-add")
    assert client.post(channel_url, {"name": "ALPHA官网", "kind": "official_site"}).status_code == 302
    channel = Channel.objects.get(name="ALPHA官网")
    assert channel.institution == world.a.inst
    response = client.post(channel_url, {"name": "ALPHA官网", "kind": "official_site"})
    assert response.status_code == 200 and response.context["form"].errors  # duplicate name

    version_url = reverse("ledger:version-detail", args=[world.a.version.pk])
    response = client.post(
        reverse("ledger:listing-create", args=[world.a.version.pk]),
        {"channel": channel.pk, "state": "listed", "listed_on": "2026-05-01"},
    )
    assert response.status_code == 302 and response["Location"] == version_url
    listing = Listing.objects.get(version=world.a.version, channel=channel)
    response = client.post(
        reverse("ledger:listing-create", args=[world.a.version.pk]),
        {"channel": world.b.channel.pk, "state": "listed"},
    )
    assert not Listing.objects.filter(channel=world.b.channel, version=world.a.version).exists()
    response = client.post(
        reverse("ledger:listing-state", args=[listing.pk]), {"state": "delisted", "delisted_on": "2026-06-01"}
    )
    listing.refresh_from_db()
    assert listing.state == "delisted" and str(listing.delisted_on) == "2026-06-01"
    response = client.post(
        reverse("ledger:listing-state", args=[listing.pk]), {"state": "bogus"}, follow=True
    )
    listing.refresh_from_db()
    assert listing.state == "delisted" and messages_of(response)

    response = client.post(
        reverse("ledger:vulnerability-create", args=[world.a.version.pk]),
        {"title": "越权", "severity": "critical", "status": "open"},
    )
    assert Vulnerability.objects.filter(version=world.a.version, severity="critical").exists()
    response = client.post(
        reverse("ledger:vulnerability-create", args=[world.a.version.pk]),
        {"title": "", "severity": "x"},
        follow=True,
    )
    assert messages_of(response) and Vulnerability.objects.filter(version=world.a.version).count() == 2

    response = client.post(
        reverse("ledger:account-create", args=[world.a.app2.pk]),
        {"channel": channel.pk, "account_name": "alpha-wx", "holder": "institution"},
    )
    assert world.a.app2.publishing_accounts.filter(account_name="alpha-wx").exists()


# ---------- lifecycle through the UI ----------


def test_lifecycle_action_refused_then_done(world, login):
    client = login(world.a.office_user)
    app = world.a.app2  # admitted: next step needs two evidence items
    url = reverse("ledger:app-transition", args=[app.pk])
    response = client.post(url, {"to_state": "in_development"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("?tab=lifecycle")
    msgs = " ".join(messages_of(response))
    assert "安全需求分析" in msgs and "合规要求纳入需求" in msgs
    app.refresh_from_db()
    assert app.state == "admitted"
    assert "gate-item missing" in text(response)

    # each item is recorded by the team its gate names (issue 12 item 13); the office is refused
    upload = SimpleUploadedFile("sec.pdf", b"%PDF-1.4 evidence")
    refused = client.post(
        reverse("ledger:app-evidence-add", args=[app.pk]),
        {"item": "security_requirements", "reference": "文档", "file": upload},
    )
    assert refused.status_code == 403
    for item, role in (("security_requirements", "security"), ("compliance_requirements", "compliance")):
        upload = SimpleUploadedFile(f"{item}.pdf", b"%PDF-1.4 evidence")
        response = login(world.a.users[role]).post(
            reverse("ledger:app-evidence-add", args=[app.pk]),
            {"item": item, "reference": f"文档-{item}", "file": upload},
        )
        assert response.status_code == 302
    assert GateEvidence.objects.filter(app=app).exclude(file="").count() == 2
    response = client.post(url, {"to_state": "in_development", "note": "开工"}, follow=True)
    app.refresh_from_db()
    assert app.state == "in_development"
    assert any("开发中" in m or "in_development" in m or app.name in m for m in messages_of(response))
    assert ChangeLogEntry.objects.filter(object_id=str(app.pk), action="transition").count() == 2


def test_lifecycle_action_by_a_role_without_the_right_is_refused(world, login):
    app = world.a.app2
    for who in ("auditor", "security", "read_only"):
        response = login(world.a.users[who]).post(
            reverse("ledger:app-transition", args=[app.pk]), {"to_state": "retired"}
        )
        assert response.status_code in (302, 403)
    app.refresh_from_db()
    assert app.state == "admitted"


def test_unknown_evidence_item_in_the_ui_is_an_error_message(world, login):
    response = login(world.a.office_user).post(
        reverse("ledger:app-evidence-add", args=[world.a.app2.pk]),
        {"item": "bribe", "reference": "x"},
        follow=True,
    )
    assert messages_of(response)
    assert not GateEvidence.objects.filter(item="bribe").exists()


# ---------- spreadsheets ----------


def workbook_bytes(rows, headers=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = spreadsheet.SHEET
    ws.append(headers or [c.header for c in spreadsheet.COLUMNS])
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def row(code, name, kind="APP", audience="外部客户", **by_header):
    values = {"应用编号": code, "应用名称": name, "应用类型": kind, "服务对象": audience} | by_header
    return [values.get(c.header) for c in spreadsheet.COLUMNS]


def upload(client, data, **extra):
    return client.post(
        reverse("ledger:import"), {"file": SimpleUploadedFile("ledger.xlsx", data), **extra}, follow=False
    )


def test_template_download_has_chinese_headers(world, login):
    response = login(world.a.users["read_only"]).get(reverse("ledger:template"))
    assert response.status_code == 200
    assert response["Content-Type"] == spreadsheet.XLSX if hasattr(spreadsheet, "XLSX") else True
    assert "attachment" in response["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    ws = wb[spreadsheet.SHEET]
    headers = [cell.value for cell in ws[1]]
    assert headers == [c.header for c in spreadsheet.COLUMNS]
    assert {"应用编号", "应用名称", "应用类型", "服务对象", "运行平台", "生命周期状态"} <= set(headers)
    assert ws.max_row == 1  # no data in the template
    assert "填写说明" in wb.sheetnames


def test_export_holds_the_users_apps(world, login):
    response = login(world.a.users["auditor"]).get(reverse("ledger:export"))
    ws = openpyxl.load_workbook(io.BytesIO(response.content))[spreadsheet.SHEET]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows) == ["ALPHA-APP-1", "ALPHA-APP-2"]
    first = dict(
        zip(
            [c.header for c in spreadsheet.COLUMNS],
            next(r for r in rows if r[0] == "ALPHA-APP-1"),
            strict=True,
        )
    )
    assert first["应用类型"] == "APP" and first["运行平台"] == "安卓、iOS"
    assert first["管理部门编码"] == "OFFICE" and first["责任人工号"] == "P001"
    assert first["生命周期状态"] == "运营中"


def test_export_then_import_of_an_unchanged_ledger_changes_nothing(world, login):
    client = login(world.a.office_user)
    exported = client.get(reverse("ledger:export")).content
    count = ChangeLogEntry.objects.count()
    before = {a.pk: (a.updated_at, a.name) for a in MobileApp.objects.filter(institution=world.a.inst)}
    response = upload(client, exported)
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged, result.problems) == (0, 0, 2, [])
    assert ChangeLogEntry.objects.count() == count
    after = {a.pk: (a.updated_at, a.name) for a in MobileApp.objects.filter(institution=world.a.inst)}
    assert after == before


def test_import_creates_and_updates_by_code(world, login):
    client = login(world.a.office_user)
    exported = openpyxl.load_workbook(io.BytesIO(client.get(reverse("ledger:export")).content))
    ws = exported[spreadsheet.SHEET]
    ws.cell(row=2, column=2, value=ws.cell(row=2, column=2).value + "（改）")
    ws.append(
        row(
            "IMP-1",
            "导入的小程序",
            "小程序",
            运行平台="微信",
            管理部门编码="BIZ",
            责任人工号="P001",
            生命周期状态="拟建",  # a later state is reached through the gates only (issue 11 item 7)
        )
    )
    buffer = io.BytesIO()
    exported.save(buffer)
    response = upload(client, buffer.getvalue())
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1), result.problems
    new = MobileApp.objects.get(institution=world.a.inst, code="IMP-1")
    assert (new.kind, new.platforms, new.state) == ("mini_program", ["wechat"], "proposed")
    assert new.managing_department == world.a.depts["BIZ"]
    assert ChangeLogEntry.objects.filter(
        object_id=str(new.pk), object_type="ledger.mobileapp", action="create"
    ).exists()
    assert "1" in text(response) and 'id="import-ok"' in text(response)


def test_import_with_errors_shows_every_problem_and_writes_nothing(world, login):
    client = login(world.a.office_user)
    data = workbook_bytes(
        [
            row("OK-1", "好的一行"),
            row("BAD-1", "", kind="手表应用"),
            row("BAD-2", "坏部门", 管理部门编码="ZQXDEPT", 重要信息系统="也许", 等保测评日期="明天"),
            row("OK-1", "重复编号"),
            row("BAD-3", "跨机构人员", 责任人工号="P404"),
        ]
    )
    count = ChangeLogEntry.objects.count()
    response = upload(client, data)
    assert response.status_code == 200
    problems = {(p.row, p.column) for p in response.context["result"].problems}
    assert {
        (3, "应用名称"),
        (3, "应用类型"),
        (4, "管理部门编码"),
        (4, "重要信息系统"),
        (4, "等保测评日期"),
        (5, "应用编号"),
        (6, "责任人工号"),
    } <= problems
    body = text(response)
    assert 'id="import-problems"' in body and "手表应用" in body and "ZQXDEPT" in body
    assert not MobileApp.objects.filter(code__in=["OK-1", "BAD-1", "BAD-2", "BAD-3"]).exists()
    assert ChangeLogEntry.objects.count() == count
    assert messages_of(response)


def test_import_is_all_or_nothing_for_one_bad_row(world, login):
    client = login(world.a.office_user)
    rows = [row(f"GOOD-{i}", f"好应用{i}") for i in range(20)]
    rows.insert(13, row("GOOD-X", "坏平台", 运行平台="塞班"))
    response = upload(client, workbook_bytes(rows))
    problems = response.context["result"].problems
    assert [(p.row, p.column) for p in problems] == [(15, "运行平台")]
    assert "塞班" in problems[0].reason
    assert not MobileApp.objects.filter(code__startswith="GOOD-").exists()


def test_import_refuses_a_state_change_and_a_cross_institution_code(world, login):
    client = login(world.a.office_user)
    response = upload(
        client,
        workbook_bytes([row("ALPHA-APP-2", "ALPHA理财小程序", "小程序", 生命周期状态="已退出")]),
    )
    problems = response.context["result"].problems
    assert [(p.row, p.column) for p in problems] == [(2, "生命周期状态")]
    world.a.app2.refresh_from_db()
    assert world.a.app2.state == "admitted"
    # B's department and person codes do not resolve in A's import
    response = upload(client, workbook_bytes([row("X-9", "x", 管理部门编码="OFFICE", 责任人工号="P001")]))
    assert response.context["result"].problems == []
    assert (
        MobileApp.objects.get(code="X-9", institution=world.a.inst).managing_department
        == world.a.depts["OFFICE"]
    )


@pytest.mark.parametrize(
    "data,words",
    [
        (b"this is not a spreadsheet", "xlsx"),
        (b"PK\x03\x04broken zip", "xlsx"),
        ("headers", "未知的列"),
        ("missing", "缺少必填列"),
    ],
)
def test_import_of_a_malformed_file_is_refused_with_a_reason(world, login, data, words):
    if data == "headers":
        data = workbook_bytes(
            [["A-1", "x"]], headers=["应用编号", "应用名称", "应用类型", "服务对象", "奇怪的列"]
        )
    elif data == "missing":
        data = workbook_bytes([["A-1"]], headers=["应用编号"])
    response = upload(login(world.a.office_user), data)
    assert response.status_code == 200
    reasons = " ".join(p.reason for p in response.context["result"].problems)
    assert words in reasons


def test_import_dry_run_writes_nothing(world, login):
    response = upload(login(world.a.office_user), workbook_bytes([row("DRY-1", "试运行")]), dry_run="1")
    assert response.context["result"].created == 1
    assert not MobileApp.objects.filter(code="DRY-1").exists()


def test_import_needs_a_writer(world, login):
    response = upload(login(world.a.users["auditor"]), workbook_bytes([row("AUD-1", "x")]))
    assert response.status_code == 403
    assert not MobileApp.objects.filter(code="AUD-1").exists()
    assert login(world.reg_in).post(reverse("ledger:import")).status_code == 403


def test_app_list_rows_escape_what_users_typed(world, login, settings):
    from appgov.core import services

    settings.APPGOV_LIST_CACHE_SECONDS = 0
    services.update(world.a.app, world.a.office_user, name='ALPHA<script>alert("x")</script>&银行')
    body = text(login(world.a.users["read_only"]).get(reverse("ledger:app-list")))
    assert "<script>" not in body
    assert "ALPHA&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;银行" in body
    assert f'href="{reverse("ledger:app-detail", args=[world.a.app.pk])}"' in body


def test_app_list_shows_the_institution_to_examiners(world, login):
    body = text(login(world.reg_hq).get(reverse("ledger:app-list")))
    assert f"<td>{world.a.inst.name}</td>" in body and f"<td>{world.b.inst.name}</td>" in body


def test_change_log_names_fields_by_their_labels(world, login):
    from appgov.core import services
    from appgov.core.models import ChangeLogEntry

    app = world.a.app
    services.update(
        app, world.a.office_user, managing_department=world.a.depts["OFFICE"], responsible_person=None
    )
    entry = ChangeLogEntry.objects.filter(object_type="ledger.mobileapp", object_id=str(app.pk)).order_by(
        "-seq"
    )[0]
    client = login(world.a.admin)
    page = text(client.get(reverse("changelog-detail", args=[entry.seq]), HTTP_ACCEPT_LANGUAGE="en"))
    assert "<td>responsible person</td>" in page
    assert "responsible_person_id" not in page
    history = text(
        client.get(reverse("ledger:app-detail", args=[app.pk]) + "?tab=history", HTTP_ACCEPT_LANGUAGE="en")
    )
    assert "responsible person" in history and "responsible_person_id" not in history
