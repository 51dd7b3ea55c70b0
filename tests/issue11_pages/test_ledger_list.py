"""Issue 11 item 13 on the ledger: the "clear filters" link, saved filters per user, bulk edit through the app
service (one change-log entry per app), the official account's original ID (gh_…) in the model, form, spreadsheet
and API, and the versions tab's listed-on column naming channels with their dates."""

import io

import openpyxl
import pytest

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.ledger.models import MobileApp, SavedFilter
from appgov.ledger.spreadsheet import export_bytes, import_ledger

LIST = "/ledger/apps/"


def app_entries(app):
    return ChangeLogEntry.objects.filter(object_type="ledger.mobileapp", object_id=str(app.pk))


def test_clear_filters_link_only_when_the_list_is_filtered(world, login):
    client = login(world.a.office_user)
    assert 'id="clear-filters"' not in client.get(LIST).content.decode()
    filtered = client.get(f"{LIST}?q=nothing-matches-this").content.decode()
    assert 'id="clear-filters"' in filtered and 'href="/ledger/apps/"' in filtered
    assert "No apps match these filters." in filtered


def test_a_saved_filter_is_the_users_own(world, login):
    a = world.a
    owner, colleague = a.office_user, a.users["app_owner"]
    client = login(owner)
    response = client.post(
        "/ledger/filters/save/", {"name": "运营中的APP", "query": "state=in_operation&kind=app&page=3&evil=1"}
    )
    assert response.status_code == 302
    saved = SavedFilter.objects.get(user=owner)
    assert saved.query == "kind=app&state=in_operation"  # filter keys only, no page, nothing unknown
    assert ChangeLogEntry.objects.filter(object_type="ledger.savedfilter", object_id=str(saved.pk)).exists()
    page = client.get(LIST).content.decode()
    assert "运营中的APP" in page and f'href="/ledger/apps/?{saved.query.replace("&", "&amp;")}"' in page
    # the colleague of the same institution neither sees nor deletes it
    other = login(colleague)
    assert "运营中的APP" not in other.get(LIST).content.decode()
    assert other.post(f"/ledger/filters/{saved.pk}/delete/").status_code == 404
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    # the same name twice is refused; deleting is the owner's
    client.post("/ledger/filters/save/", {"name": "运营中的APP", "query": "kind=app"})
    assert SavedFilter.objects.filter(user=owner).count() == 1
    assert client.post(f"/ledger/filters/{saved.pk}/delete/").status_code == 302
    assert not SavedFilter.objects.filter(pk=saved.pk).exists()


def test_bulk_edit_sets_the_department_of_the_selected_apps_one_entry_each(world, login):
    a = world.a
    apps = [a.app, a.app2]
    states = {app.pk: app.state for app in apps}
    before = {app.pk: app_entries(app).count() for app in apps}
    client = login(a.office_user)
    page = client.get(LIST).content.decode()
    assert f'name="ids" value="{a.app.pk}"' in page and 'id="bulk-edit"' in page
    form = client.get("/ledger/apps/bulk-edit/", {"ids": [a.app.pk, a.app2.pk]}).content.decode()
    assert a.app.name in form and a.app2.name in form
    response = client.post(
        "/ledger/apps/bulk-edit/",
        {
            "ids": f"{a.app.pk},{a.app2.pk}",
            "managing_department": a.depts["OFFICE"].pk,
            "vendor": "某外包公司",
        },
    )
    assert response.status_code == 302
    for app in apps:
        app.refresh_from_db()
        assert app.managing_department_id == a.depts["OFFICE"].pk and app.vendor == "某外包公司"
        assert app.state == states[app.pk]  # the lifecycle never moves in a bulk edit
        assert app_entries(app).count() == before[app.pk] + 1
        last = app_entries(app).order_by("-seq").first()
        assert last.actor_id == a.office_user.pk and last.action == "update"


def test_bulk_edit_naming_an_app_of_another_institution_changes_nothing(world, login):
    a, b = world.a, world.b
    before = MobileApp.objects.get(pk=a.app.pk).vendor
    response = login(a.office_user).post(
        "/ledger/apps/bulk-edit/", {"ids": f"{a.app.pk},{b.app.pk}", "vendor": "hijack"}
    )
    assert response.status_code == 200
    assert "not yours to change" in response.content.decode()
    assert MobileApp.objects.get(pk=a.app.pk).vendor == before
    assert MobileApp.objects.get(pk=b.app.pk).vendor != "hijack"


def test_bulk_edit_refused_as_a_whole_when_one_app_refuses(world, login):
    a, b = world.a, world.b
    a.app2.managing_department = None
    core.save(a.app2, a.admin)
    # a department of B is not offered; posting its id is a form error, nothing written
    response = login(a.office_user).post(
        "/ledger/apps/bulk-edit/",
        {"ids": f"{a.app.pk},{a.app2.pk}", "managing_department": b.depts["OFFICE"].pk},
    )
    assert response.status_code == 200
    assert MobileApp.objects.get(pk=a.app2.pk).managing_department_id is None


def test_bulk_edit_is_refused_to_roles_that_may_not_change_apps(world, login):
    a = world.a
    for user in (a.users["read_only"], a.users["auditor"], world.reg_out):
        client = login(user)
        assert client.get("/ledger/apps/bulk-edit/", {"ids": a.app.pk}).status_code == 403
        assert client.post("/ledger/apps/bulk-edit/", {"ids": a.app.pk, "vendor": "x"}).status_code == 403
    assert 'name="ids"' not in login(a.users["read_only"]).get(LIST).content.decode()


def official_account(inst, **extra):
    return core.save(
        MobileApp(institution=inst, code="OA-1", name="微银行公众号", kind="official_account", **extra)
    )


def test_original_id_is_validated_and_shown(world, login):
    a = world.a
    app = official_account(a.inst, original_id="gh_1a2b3c4d5e6f")
    page = login(a.office_user).get(f"/ledger/apps/{app.pk}/").content.decode()
    assert "gh_1a2b3c4d5e6f" in page
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as bad:
        core.save(
            MobileApp(institution=a.inst, code="OA-2", name="x", kind="official_account", original_id="gh_12")
        )
    assert "original_id" in bad.value.message_dict
    with pytest.raises(ValidationError) as wrong_kind:
        core.save(
            MobileApp(institution=a.inst, code="OA-3", name="y", kind="app", original_id="gh_1a2b3c4d5e6f")
        )
    assert "original_id" in wrong_kind.value.message_dict


def test_original_id_through_the_form(world, login):
    a = world.a
    client = login(a.office_user)
    data = {
        "code": "OA-9",
        "name": "信用卡公众号",
        "kind": "official_account",
        "audience": "external",
        "original_id": "gh_abcdef123456",
    }
    assert client.post("/ledger/apps/new/", data).status_code == 302
    assert MobileApp.objects.get(institution=a.inst, code="OA-9").original_id == "gh_abcdef123456"
    response = client.post("/ledger/apps/new/", {**data, "code": "OA-10", "original_id": "wx123"})
    assert response.status_code == 200 and not MobileApp.objects.filter(code="OA-10").exists()


def test_original_id_in_the_spreadsheet_both_ways(world):
    a = world.a
    official_account(a.inst, original_id="gh_1a2b3c4d5e6f")
    wb = openpyxl.load_workbook(io.BytesIO(export_bytes(MobileApp.objects.filter(institution=a.inst))))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert "公众号原始ID" in header
    column = header.index("公众号原始ID")
    values = [row[column] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert "gh_1a2b3c4d5e6f" in values
    # import sets it on another account
    row = [None] * len(header)
    for name, value in {
        "应用编号": "OA-7",
        "应用名称": "理财公众号",
        "应用类型": "公众号",
        "服务对象": "外部客户",
        "公众号原始ID": "gh_00112233aabb",
    }.items():
        row[header.index(name)] = value
    book = openpyxl.Workbook()
    book.active.append(header)
    book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_ledger(buffer.getvalue(), a.inst, a.admin)
    assert result.ok, result.problems
    assert MobileApp.objects.get(institution=a.inst, code="OA-7").original_id == "gh_00112233aabb"


def test_original_id_in_the_api(world, api):
    a = world.a
    app = official_account(a.inst, original_id="gh_1a2b3c4d5e6f")
    client = api(a.office_user)
    assert client.get(f"/api/ledger/apps/{app.pk}/").json()["original_id"] == "gh_1a2b3c4d5e6f"
    response = client.patch(f"/api/ledger/apps/{app.pk}/", {"original_id": "gh_bad"}, format="json")
    assert response.status_code == 400 and "original_id" in response.json()["errors"]


def test_versions_tab_names_the_channels_with_their_listing_dates(world, login):
    a = world.a
    page = login(a.office_user).get(f"/ledger/apps/{a.app.pk}/?tab=versions").content.decode()
    assert "Listed on channels (since)" in page
    listing = a.listing
    cell = page[page.index('class="small listed-channels"') :][:400]
    assert listing.channel.name in cell
    expected = listing.listed_on.isoformat() if listing.listed_on else "date not recorded"
    assert expected in cell
