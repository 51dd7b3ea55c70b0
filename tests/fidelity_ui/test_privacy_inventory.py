"""Each app's declared personal-information inventory (NFRA-16.1), entered from the app's page and the API."""

from appgov.core import services as core
from appgov.engines.apkscan.catalogue import load_data
from appgov.scanning.models import AppPrivacyInventory
from appgov.scanning.services import options_for

API = "/api/scanning/privacy-inventories/"
TAXONOMY = load_data("permissions.json")["pi_categories"]


def edit_url(app):
    return f"/scanning/apps/{app.pk}/privacy-inventory/"


def test_the_app_page_shows_the_inventory_block_and_its_form_saves(world, login):
    a = world.a
    owner = login(a.users["app_owner"])
    page = owner.get(f"/ledger/apps/{a.app.pk}/?tab=compliance").content.decode()
    assert 'id="privacy-inventory"' in page and edit_url(a.app) in page
    assert TAXONOMY["location"] in page  # the engine's taxonomy is what is offered
    response = owner.post(edit_url(a.app), {"categories": ["location", "device_identifiers", "location"]})
    assert response.status_code == 302 and response["Location"].endswith("?tab=compliance")
    inventory = AppPrivacyInventory.objects.get(app=a.app)
    assert inventory.categories == ["device_identifiers", "location"]
    assert options_for(a.version).pi_inventory == ["device_identifiers", "location"]
    # an empty declaration is a declaration (the app collects nothing), logged as a change
    assert owner.post(edit_url(a.app), {}).status_code == 302
    inventory.refresh_from_db()
    assert inventory.categories == []
    assert [e.action for e in core.history(inventory)] == ["update", "create"]
    page = owner.get(f"/ledger/apps/{a.app.pk}/?tab=compliance").content.decode()
    assert "no personal information" in page or "不收集个人信息" in page


def test_a_category_outside_the_taxonomy_is_named_and_nothing_changes(world, login, rest):
    a = world.a
    owner = login(a.users["compliance"])
    response = owner.post(edit_url(a.app), {"categories": ["location", "shoe_size"]}, follow=True)
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "shoe_size" in shown
    assert not AppPrivacyInventory.objects.filter(app=a.app).exists()
    response = rest(a.users["compliance"]).post(
        API, {"app": a.app.pk, "categories": ["location", "shoe_size"]}, format="json"
    )
    assert response.status_code == 400 and "shoe_size" in response.json()["errors"]["categories"][0]
    assert not AppPrivacyInventory.objects.filter(app=a.app).exists()


def test_the_api_writes_one_inventory_per_app_and_keeps_it(world, rest):
    a = world.a
    client = rest(a.users["governance_office"])
    response = client.post(API, {"app": a.app.pk, "categories": ["camera"]}, format="json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    again = client.post(API, {"app": a.app.pk, "categories": ["sms"]}, format="json")
    assert again.status_code == 400 and "app" in again.json()["errors"]
    response = client.patch(f"{API}{pk}/", {"categories": ["camera", "microphone"]}, format="json")
    assert response.status_code == 200 and response.json()["categories"] == ["camera", "microphone"]
    # an inventory stays with its app
    client.patch(f"{API}{pk}/", {"app": a.app2.pk}, format="json")
    assert AppPrivacyInventory.objects.get(pk=pk).app_id == a.app.pk
    assert [h["action"] for h in client.get(f"{API}{pk}/history/").json()] == ["update", "create"]
    assert client.delete(f"{API}{pk}/").status_code == 400
    assert client.get(f"{API}?app={a.app.pk}").json()["count"] == 1


def test_roles_scope_and_other_institutions(world, login, rest):
    a, b = world.a, world.b
    for role in ("security", "read_only", "credit_officer", "auditor"):
        user = a.users[role]
        assert login(user).post(edit_url(a.app), {"categories": ["location"]}).status_code == 403, role
        assert rest(user).post(API, {"app": a.app.pk, "categories": []}, format="json").status_code == 403
        page = login(user).get(f"/ledger/apps/{a.app.pk}/?tab=compliance").content.decode()
        assert 'id="privacy-inventory"' in page and edit_url(a.app) not in page  # shown, not editable
    # A cannot reach B's app, through the page or by naming it in the API
    assert login(a.admin).post(edit_url(b.app), {"categories": ["location"]}).status_code == 404
    assert rest(a.admin).post(API, {"app": b.app.pk, "categories": []}, format="json").status_code == 400
    # B's examiner reads, never writes
    assert login(world.reg_in).post(edit_url(b.app), {"categories": ["location"]}).status_code == 403
    assert not AppPrivacyInventory.objects.exists()
