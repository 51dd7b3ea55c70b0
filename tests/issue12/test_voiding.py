"""Issue 12 item 1: voided and retired stay on the row. A mistaken ledger entry voided with a reason keeps
who voided it, when and why; lists and the API leave it out unless asked; its page shows a banner; it cannot
be edited and counts nowhere. Versions and gate evidence that had a life are retired instead of deleted.
The nightly retention job deletes derived data past its period, never a kept record."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from second_factor import force_login

from appgov.core import retention_job
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry, ProcessHeartbeat
from appgov.ledger import services
from appgov.ledger.models import AppVersion, Channel, GateEvidence, MobileApp

APPS = "/api/ledger/apps/"


def new_app(client, code) -> int:
    response = client.post(APPS, {"code": code, "name": f"误录 {code}", "kind": "app"}, format="json")
    assert response.status_code == 201, response.content
    return response.json()["id"]


def test_a_voided_app_stays_with_who_when_and_why(world, api):
    client = api(world.a.office_user)
    app_id = new_app(client, "VOID-1")
    assert client.delete(f"{APPS}{app_id}/").status_code == 400  # no reason: refused, nothing voided
    assert MobileApp.objects.get(pk=app_id).voided_at is None
    assert client.delete(f"{APPS}{app_id}/?reason=重复录入").status_code == 204
    app = MobileApp.objects.get(pk=app_id)  # still there
    assert (
        app.voided_at is not None and app.voided_by == world.a.office_user and app.void_reason == "重复录入"
    )
    entry = ChangeLogEntry.objects.filter(object_type="ledger.mobileapp", object_id=str(app_id)).latest("seq")
    assert entry.action == "update" and entry.after["void_reason"] == "重复录入"
    # the list leaves it out unless asked; the object itself answers with its void fields
    listed = [row["id"] for row in client.get(f"{APPS}?limit=500").json()["results"]]
    assert app_id not in listed and world.a.app.pk in listed
    included = [row["id"] for row in client.get(f"{APPS}?limit=500&include_voided=1").json()["results"]]
    assert app_id in included
    detail = client.get(f"{APPS}{app_id}/").json()
    assert detail["void_reason"] == "重复录入" and detail["voided_at"] and detail["voided_by"]
    # kept as it was: no edit, no second void
    assert client.patch(f"{APPS}{app_id}/", {"name": "改"}, format="json").status_code == 400
    assert client.delete(f"{APPS}{app_id}/?reason=again").status_code == 400
    assert MobileApp.objects.get(pk=app_id).name == "误录 VOID-1"


def test_void_button_on_the_app_page_banner_and_show_voided_filter(world):
    page = force_login(Client(), world.a.office_user)
    app = core.save(MobileApp(institution=world.a.inst, code="VOID-P", name="误录页面应用", kind="app"))
    detail = page.get(f"/ledger/apps/{app.pk}/").content.decode()
    assert 'id="app-void"' in detail and 'id="voided-banner"' not in detail
    form = page.get(f"/ledger/apps/{app.pk}/void/").content.decode()
    assert 'id="void-form"' in form
    page.post(f"/ledger/apps/{app.pk}/void/", {"reason": ""})
    assert MobileApp.objects.get(pk=app.pk).voided_at is None
    response = page.post(f"/ledger/apps/{app.pk}/void/", {"reason": "编号录错"})
    assert response.status_code == 302 and response["Location"] == f"/ledger/apps/{app.pk}/"
    detail = page.get(f"/ledger/apps/{app.pk}/").content.decode()
    assert 'id="voided-banner"' in detail and "编号录错" in detail and 'id="app-void"' not in detail
    assert "VOID-P" not in page.get("/ledger/apps/").content.decode()
    assert "VOID-P" in page.get("/ledger/apps/?show_voided=1").content.decode()


def test_generic_lists_hide_voided_rows_unless_asked(world):
    page = force_login(Client(), world.a.office_user)
    channel = core.save(Channel(institution=world.a.inst, name="误录渠道VC", kind="app_store"))
    services.channels.delete(channel, world.a.office_user, "误录")
    assert Channel.objects.get(pk=channel.pk).voided_at is not None
    assert "误录渠道VC" not in page.get("/ledger/channels/").content.decode()
    assert "误录渠道VC" in page.get("/ledger/channels/?show_voided=on").content.decode()
    assert 'id="voided-banner"' in page.get(f"/ledger/channels/{channel.pk}/").content.decode()


def test_a_record_still_referred_to_is_not_voided(world, api):
    client = api(world.a.office_user)
    app_id = new_app(client, "VOID-REF")
    version = client.post(
        "/api/ledger/versions/", {"app": app_id, "platform": "android", "version_name": "0.1"}, format="json"
    ).json()["id"]
    refused = client.delete(f"{APPS}{app_id}/?reason=误录")
    assert refused.status_code == 400 and MobileApp.objects.get(pk=app_id).voided_at is None
    assert client.delete(f"/api/ledger/versions/{version}/?reason=误录").status_code == 204
    assert client.delete(f"{APPS}{app_id}/?reason=误录").status_code == 204  # its only version is voided
    assert MobileApp.objects.get(pk=app_id).voided_at is not None


def test_a_voided_app_is_not_evaluated(world):
    from appgov.core.controls.context import EvaluationContext

    app = core.save(MobileApp(institution=world.a.inst, code="VOID-E", name="误录评价", kind="app"))
    services.apps.delete(app, world.a.office_user, "误录")
    ctx = EvaluationContext(world.a.inst, timezone.localdate())
    assert app.pk not in {a.pk for a in ctx.apps} and world.a.app.pk in {a.pk for a in ctx.apps}


def test_a_version_with_a_history_is_retired_not_deleted(world, api):
    version = world.a.version  # has a package, listings, a history
    client = api(world.a.office_user)
    assert client.delete(f"/api/ledger/versions/{version.pk}/?reason=x").status_code == 400
    assert client.post(f"/api/ledger/versions/{version.pk}/retire/", {}, format="json").status_code == 400
    response = client.post(
        f"/api/ledger/versions/{version.pk}/retire/", {"reason": "停止支持"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["retire_reason"] == "停止支持" and response.json()["support_status"] == "retired"
    version = AppVersion.objects.get(pk=version.pk)
    assert version.retired_at and version.retired_by == world.a.office_user
    again = client.post(f"/api/ledger/versions/{version.pk}/retire/", {"reason": "再次"}, format="json")
    assert again.status_code == 400
    page = force_login(Client(), world.a.office_user).get(f"/ledger/versions/{version.pk}/").content.decode()
    assert 'id="retired-banner"' in page and "停止支持" in page


def test_the_version_page_retires_through_the_same_service(world):
    page = force_login(Client(), world.a.office_user)
    version = world.a.version
    assert 'id="version-retire-form"' in page.get(f"/ledger/versions/{version.pk}/").content.decode()
    page.post(f"/ledger/versions/{version.pk}/retire/", {"reason": " "})
    assert AppVersion.objects.get(pk=version.pk).retired_at is None
    page.post(f"/ledger/versions/{version.pk}/retire/", {"reason": "被 2.0 取代"})
    assert AppVersion.objects.get(pk=version.pk).retire_reason == "被 2.0 取代"
    # the examiner and the auditor read but never retire
    for user in (world.reg_in, world.a.users["auditor"]):
        response = force_login(Client(), user).post(
            f"/ledger/evidence/{world.a.evidence.pk}/retire/", {"reason": "x"}
        )
        assert response.status_code in (403, 404)
    assert GateEvidence.objects.get(pk=world.a.evidence.pk).retired_at is None


def test_retired_gate_evidence_no_longer_satisfies_its_gate(world):
    app = core.save(MobileApp(institution=world.a.inst, code="RET-EV", name="证据退役", kind="app"))
    evidence = services.record_gate_evidence(app, "admission_review", "ADM-1", world.a.office_user)

    def satisfied():
        return [
            ok
            for status in services.gate_status(app)
            for item, ok in status.items
            if item.id == "admission_review"
        ]

    assert satisfied() == [True]
    page = force_login(Client(), world.a.office_user)
    page.post(f"/ledger/evidence/{evidence.pk}/retire/", {"reason": "评审结论作废"})
    evidence.refresh_from_db()
    assert evidence.retired_at is not None and evidence.retire_reason == "评审结论作废"
    assert satisfied() == [False]
    assert GateEvidence.objects.filter(pk=evidence.pk).exists()


def test_the_delete_reason_and_include_voided_are_in_the_schema(world):
    client = force_login(Client(), world.a.office_user)
    schema = client.get("/api/schema/?format=json").json()
    delete = schema["paths"]["/api/ledger/apps/{id}/"]["delete"]
    assert "reason" in {p["name"] for p in delete["parameters"]}
    listing = schema["paths"]["/api/ledger/apps/"]["get"]
    assert "include_voided" in {p["name"] for p in listing["parameters"]}
    assert "/api/ledger/versions/{id}/retire/" in schema["paths"]


def test_the_retention_job_purges_old_derived_rows_only(world):
    now = timezone.now()
    old = ProcessHeartbeat.objects.create(
        name="worker:old", kind="worker", beat_at=now - datetime.timedelta(days=90)
    )
    fresh = ProcessHeartbeat.objects.create(name="worker:new", kind="worker", beat_at=now)
    apps_before = MobileApp.objects.count()
    result = retention_job.purge_derived(now)
    assert result["core.processheartbeat"] >= 1
    assert not ProcessHeartbeat.objects.filter(pk=old.pk).exists()
    assert ProcessHeartbeat.objects.filter(pk=fresh.pk).exists()
    assert MobileApp.objects.count() == apps_before
    # a purge of a kept model is refused before anything runs
    with pytest.raises(RuntimeError):
        retention_job.purge_derived(now, [retention_job.Purge("ledger.mobileapp", "updated_at", "X", 0)])
    assert MobileApp.objects.count() == apps_before


def test_the_retention_job_is_a_daily_job():
    from appgov.core.jobs import DAILY_JOBS

    assert "core.retention_purge" in {job.name for job in DAILY_JOBS}
