"""The REST API: token auth, CRUD through the services (validated and logged), filters, lifecycle
transitions with the missing items, package upload and download, history."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.core.models import ChangeLogEntry
from appgov.ledger.models import AppVersion, GateEvidence, Listing, MobileApp

APPS = "/api/ledger/apps/"


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_token_is_issued_for_the_right_password_only(world, password):
    from rest_framework.test import APIClient

    client = APIClient()
    response = client.post("/api/auth/token/", {"username": "alpha_app_owner", "password": "wrong"})
    assert response.status_code == 400
    response = client.post("/api/auth/token/", {"username": "alpha_app_owner", "password": password})
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    me = client.get("/api/users/me/").json()
    assert me["username"] == "alpha_app_owner" and me["institution"] == world.a.inst.pk


def test_anonymous_and_bad_tokens_are_refused(world):
    from rest_framework.test import APIClient

    client = APIClient()
    assert client.get(APPS).status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert client.get(APPS).status_code == 401


def test_list_is_scoped_and_paginated(world, api):
    response = api(world.a.users["read_only"]).get(APPS)
    body = response.json()
    assert body["count"] == 2
    assert ids(response) == sorted([world.a.app.pk, world.a.app2.pk])
    assert {row["code"] for row in body["results"]} == {"ALPHA-APP-1", "ALPHA-APP-2"}
    page = api(world.a.admin).get(APPS, {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2 and len(page["results"]) == 1 and page["previous"]


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"kind": "mini_program"}, ["app2"]),
        ({"state": "in_operation"}, ["app"]),
        ({"state": ["in_operation", "admitted"]}, ["app", "app2"]),
        ({"platform": "wechat"}, ["app2"]),
        ({"platform": "ios"}, ["app"]),
        ({"q": "cn.alpha.ios"}, ["app"]),
        ({"q": "理财"}, ["app2"]),
        ({"q": "ALPHA-APP-2"}, ["app2"]),
        ({"audience": "internal"}, []),
        ({"is_important_system": "false"}, ["app", "app2"]),
    ],
)
def test_app_filters(world, api, params, expected):
    response = api(world.a.admin).get(APPS, params)
    assert ids(response) == sorted(getattr(world.a, name).pk for name in expected)


def test_filter_by_department(world, api):
    client = api(world.a.admin)
    assert ids(client.get(APPS, {"managing_department": world.a.depts["OFFICE"].pk})) == [world.a.app.pk]
    # another institution's department is not a valid choice: refused, not silently ignored
    assert client.get(APPS, {"managing_department": world.b.depts["OFFICE"].pk}).status_code == 400


def test_ordering(world, api):
    rows = api(world.a.admin).get(APPS, {"ordering": "-code"}).json()["results"]
    assert [r["code"] for r in rows] == ["ALPHA-APP-2", "ALPHA-APP-1"]


def test_version_and_listing_filters(world, api):
    client = api(world.a.admin)
    assert ids(client.get("/api/ledger/versions/", {"app": world.a.app.pk})) == [world.a.version.pk]
    assert ids(client.get("/api/ledger/versions/", {"app": world.a.app2.pk})) == []
    assert ids(client.get("/api/ledger/listings/", {"app": world.a.app.pk})) == [world.a.listing.pk]
    assert ids(client.get("/api/ledger/vulnerabilities/", {"severity": "medium"})) == [world.a.vuln.pk]
    assert ids(client.get("/api/ledger/vulnerabilities/", {"severity": "high"})) == []
    assert ids(client.get("/api/people/", {"employed": "true"})) == [world.a.people["P001"].pk]


def test_create_update_delete_are_logged(world, api):
    client = api(world.a.office_user)
    payload = {
        "code": "API-1",
        "name": "接口创建的应用",
        "kind": "app",
        "platforms": ["android", "harmonyos"],
        "android_packages": ["cn.alpha.api"],
        "managing_department": world.a.depts["OFFICE"].pk,
    }
    response = client.post(APPS, payload, format="json", HTTP_X_REQUEST_ID="req-api-create-1")
    assert response.status_code == 201, response.content
    assert response["X-Request-ID"] == "req-api-create-1"
    body = response.json()
    app = MobileApp.objects.get(pk=body["id"])
    assert app.institution == world.a.inst and app.state == "proposed"
    entry = ChangeLogEntry.objects.get(request_id="req-api-create-1")
    assert (entry.action, entry.actor, entry.object_id) == ("create", world.a.office_user, str(app.pk))
    assert entry.after["platforms"] == ["android", "harmonyos"]

    response = client.patch(
        f"{APPS}{app.pk}/", {"name": "改名"}, format="json", HTTP_X_REQUEST_ID="req-api-upd"
    )
    assert response.status_code == 200 and response.json()["name"] == "改名"
    entry = ChangeLogEntry.objects.get(request_id="req-api-upd")
    assert (entry.action, entry.before["name"], entry.after["name"]) == ("update", "接口创建的应用", "改名")

    # an app with a history is kept for the record (issue 12 item 1): retired, never deleted
    response = client.delete(f"{APPS}{app.pk}/?reason=x", HTTP_X_REQUEST_ID="req-api-del")
    assert response.status_code == 400
    assert MobileApp.objects.filter(pk=app.pk).exists()
    assert not ChangeLogEntry.objects.filter(request_id="req-api-del").exists()


def test_state_cannot_be_set_through_crud(world, api):
    client = api(world.a.office_user)
    response = client.patch(f"{APPS}{world.a.app2.pk}/", {"state": "released"}, format="json")
    assert response.status_code in (200, 400)
    world.a.app2.refresh_from_db()
    assert world.a.app2.state == "admitted"
    response = client.post(
        APPS, {"code": "S-1", "name": "n", "kind": "app", "state": "retired"}, format="json"
    )
    assert response.status_code == 201
    assert MobileApp.objects.get(pk=response.json()["id"]).state == "proposed"


def test_validation_errors_are_400_with_the_field(world, api):
    client = api(world.a.office_user)
    count = ChangeLogEntry.objects.count()
    response = client.post(
        APPS, {"code": "V-1", "name": "x", "kind": "app", "platforms": ["nokia"]}, format="json"
    )
    assert response.status_code == 400 and "platforms" in response.json()["errors"]
    response = client.post(APPS, {"code": world.a.app.code, "name": "dup", "kind": "app"}, format="json")
    assert response.status_code == 400, response.content
    response = client.post(APPS, {"name": "no code", "kind": "app"}, format="json")
    assert response.status_code == 400 and "code" in response.json()["errors"]
    assert ChangeLogEntry.objects.count() == count


def test_cross_institution_references_are_refused(world, api):
    client = api(world.a.admin)
    response = client.post(
        APPS,
        {"code": "X-1", "name": "x", "kind": "app", "managing_department": world.b.depts["OFFICE"].pk},
        format="json",
    )
    assert response.status_code == 400 and "managing_department" in response.json()["errors"]
    response = client.post(
        "/api/ledger/versions/",
        {"app": world.b.app.pk, "platform": "ios", "version_name": "9.9"},
        format="json",
    )
    assert response.status_code == 400 and "app" in response.json()["errors"]
    response = client.post(
        "/api/ledger/listings/", {"version": world.a.version.pk, "channel": world.b.channel.pk}, format="json"
    )
    assert response.status_code == 400 and "channel" in response.json()["errors"]
    response = client.patch(
        f"/api/ledger/versions/{world.a.version.pk}/", {"app": world.b.app.pk}, format="json"
    )  # moving a version to B's app
    assert response.status_code == 400
    assert not AppVersion.objects.filter(app=world.b.app, version_name="9.9").exists()
    assert AppVersion.objects.get(pk=world.a.version.pk).app_id == world.a.app.pk
    assert not Listing.objects.filter(version=world.a.version, channel=world.b.channel).exists()


@pytest.mark.parametrize("role", ["read_only", "auditor", "compliance", "credit_officer"])
def test_read_only_roles_cannot_write_apps(world, api, role):
    client = api(world.a.users[role])
    assert client.get(APPS).status_code == 200
    assert client.post(APPS, {"code": "R-1", "name": "x", "kind": "app"}, format="json").status_code == 403
    assert client.patch(f"{APPS}{world.a.app.pk}/", {"name": "x"}, format="json").status_code == 403
    assert client.delete(f"{APPS}{world.a.app.pk}/").status_code == 403
    assert (
        client.post(f"{APPS}{world.a.app2.pk}/transition/", {"to_state": "in_development"}).status_code == 403
    )


def test_security_role_manages_versions_and_vulnerabilities(world, api):
    client = api(world.a.users["security"])
    response = client.post(
        "/api/ledger/vulnerabilities/",
        {"version": world.a.version.pk, "title": "明文传输", "severity": "high"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert client.patch(f"{APPS}{world.a.app.pk}/", {"name": "x"}, format="json").status_code == 403


def test_transition_refused_lists_missing_items_then_succeeds(world, api):
    client = api(world.a.office_user)
    response = client.post(APPS, {"code": "T-1", "name": "流转测试", "kind": "app"}, format="json")
    app_id = response.json()["id"]
    response = client.post(f"{APPS}{app_id}/transition/", {"to_state": "admitted"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert [item["id"] for item in body["missing_items"]] == [
        "admission_review",
        "managing_department",
        "responsible_person",
        "data_owner_department",
    ]
    assert body["missing_items"][0]["label"] == {"zh": "准入评审记录", "en": "Admission review record"}
    assert MobileApp.objects.get(pk=app_id).state == "proposed"

    gates = client.get(f"{APPS}{app_id}/gates/").json()
    admit = next(g for g in gates if g["to_state"] == "admitted")
    assert (
        admit["ready"] is False
        and {i["id"]: i["satisfied"] for i in admit["items"]}["admission_review"] is False
    )

    dept, person = world.a.depts["OFFICE"].pk, world.a.people["P001"].pk
    patch = {"managing_department": dept, "data_owner_department": dept, "responsible_person": person}
    assert client.patch(f"{APPS}{app_id}/", patch, format="json").status_code == 200
    response = client.post(
        "/api/ledger/gate-evidence/",
        {"app": app_id, "item": "admission_review", "reference": "评审纪要"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert GateEvidence.objects.get(app_id=app_id).recorded_by == world.a.office_user
    response = client.post(
        f"{APPS}{app_id}/transition/", {"to_state": "admitted", "note": "ok"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "admitted"
    history = client.get(f"{APPS}{app_id}/history/").json()
    assert [h["action"] for h in history][:3] == ["transition", "update", "create"]


def test_transition_to_an_unknown_state_is_400(world, api):
    response = api(world.a.office_user).post(f"{APPS}{world.a.app2.pk}/transition/", {"to_state": "heaven"})
    assert response.status_code == 400
    assert response.json()["errors"].get("non_field_errors")


def test_unknown_gate_evidence_item_is_400(world, api):
    response = api(world.a.office_user).post(
        "/api/ledger/gate-evidence/",
        {"app": world.a.app2.pk, "item": "bribe", "reference": "x"},
        format="json",
    )
    assert response.status_code == 400 and "item" in response.json()["errors"]


def test_package_upload_and_download(world, api):
    client = api(world.a.users["security"])
    data = b"PK\x03\x04" + bytes(range(256)) * 40
    upload = SimpleUploadedFile("alpha-2.apk", data, content_type="application/vnd.android.package-archive")
    response = client.post(f"/api/ledger/versions/{world.a.version.pk}/package/", {"package": upload})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["package_sha256"] == hashlib.sha256(data).hexdigest()
    assert body["package_size"] == len(data)
    download = client.get(f"/api/ledger/versions/{world.a.version.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data
    assert "alpha-2" in download["Content-Disposition"]
    entry = ChangeLogEntry.objects.filter(object_type="ledger.appversion").order_by("-seq").first()
    assert (
        entry.actor == world.a.users["security"] and entry.after["package_sha256"] == body["package_sha256"]
    )


def test_package_upload_errors(world, api, settings):
    client = api(world.a.users["security"])
    url = f"/api/ledger/versions/{world.a.version.pk}/package/"
    assert client.post(url, {}).status_code == 400
    settings.APPGOV_MAX_PACKAGE_BYTES = 100
    response = client.post(url, {"package": SimpleUploadedFile("big.apk", b"x" * 101)})
    assert response.status_code == 400 and "package" in response.json()["errors"]
    assert (
        api(world.a.users["read_only"]).post(url, {"package": SimpleUploadedFile("a.apk", b"x")}).status_code
        == 403
    )


def test_download_without_a_package_is_404(world, api):
    version = AppVersion.objects.create(app=world.a.app, platform="ios", version_name="3.0")
    assert api(world.a.admin).get(f"/api/ledger/versions/{version.pk}/download/").status_code == 404


def test_history_endpoint(world, api):
    history = api(world.a.auditor if hasattr(world.a, "auditor") else world.a.users["auditor"]).get(
        f"{APPS}{world.a.app2.pk}/history/"
    )
    assert history.status_code == 200
    rows = history.json()
    assert [r["action"] for r in rows] == ["transition", "create"]
    assert rows[0]["before"]["state"] == "proposed" and rows[0]["after"]["state"] == "admitted"
    assert rows[1]["request_id"].startswith("job-testworld")
    assert set(rows[0]) >= {"seq", "timestamp", "actor_name", "request_id", "object_type", "object_id"}


def test_departments_and_people_are_created_in_the_users_institution(world, api):
    client = api(world.a.admin)
    response = client.post(
        "/api/departments/", {"code": "NEWD", "name": "新部门", "kind": "risk"}, format="json"
    )
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/people/",
        {"employee_no": "P900", "name": "王五", "department": response.json()["id"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    from appgov.core.models import Person

    assert Person.objects.get(employee_no="P900").institution == world.a.inst


def test_institution_is_editable_by_its_admin_but_not_its_code(world, api):
    client = api(world.a.admin)
    url = f"/api/institutions/{world.a.inst.pk}/"
    response = client.patch(url, {"planned_app_ceiling": 40, "code": "HACKED"}, format="json")
    assert response.status_code == 200, response.content
    world.a.inst.refresh_from_db()
    assert (world.a.inst.planned_app_ceiling, world.a.inst.code) == (40, "ALPHA-INST")
    assert client.post("/api/institutions/", {"code": "N", "name": "n", "kind": "bank"}).status_code == 405
    assert (
        client.patch(url, {"leading_department": world.b.depts["OFFICE"].pk}, format="json").status_code
        == 400
    )


def test_regulator_reads_its_jurisdiction_with_institutions_named(world, api):
    client = api(world.reg_hq)
    rows = client.get(APPS, {"limit": 100}).json()["results"]
    by_inst = {row["institution"] for row in rows}
    assert {world.a.inst.pk, world.b.inst.pk} <= by_inst
    offices = {o["code"] for o in client.get("/api/regulator-offices/").json()["results"]}
    assert {"T-HQ", "T-P1", "T-P1-S", "T-P2"} <= offices
    own = {o["code"] for o in api(world.a.admin).get("/api/regulator-offices/").json()["results"]}
    assert own == {"T-HQ", "T-P1", "T-P1-S"}


def test_schema_and_docs_are_served(world, api):
    client = api(world.a.admin)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in [APPS, "/api/ledger/apps/{id}/transition/", "/api/ledger/versions/{id}/package/"]:
        assert path in paths
    assert client.get("/api/docs/").status_code == 200
