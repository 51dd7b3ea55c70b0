"""The bulk-data workflow through the REST API: create, approve, reject, extraction, destruction; steps out
of order answer 400 naming the problem; scoped; regulators and readers cannot write."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.core.models import ChangeLogEntry
from appgov.credit.models import BulkDataRequest

BASE = "/api/credit/bulk-data/"
NEW = {
    "reference": "PL-API-1",
    "purpose": "评分卡模型验证",
    "data_scope": "脱敏特征 1 万条",
    "recipient": "风险管理部",
    "requested_on": "2026-03-01",
    "retention_until": "2026-06-30",
}


def _text(response) -> str:
    return response.content.decode()


def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # messages matched in their English source form
    return client


def test_the_whole_workflow_and_out_of_order_steps(credit, api):
    officer, approver = _english(api(credit["officer"])), _english(api(credit["approver"]))
    created = officer.post(BASE, NEW, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "requested" and body["requested_by"] == credit["officer"].pk
    pk = body["id"]
    duplicate = officer.post(BASE, NEW, format="json")
    assert duplicate.status_code == 400 and "non_field_errors" in duplicate.json()["errors"]

    # extraction before approval: 400 naming the problem
    early = officer.post(f"{BASE}{pk}/extraction/", {"extracted_on": "2026-03-05"}, format="json")
    assert early.status_code == 400 and "only after approval" in _text(early)
    # the requester cannot approve their own request
    assert officer.post(f"{BASE}{pk}/approve/").status_code == 403
    approved = approver.post(f"{BASE}{pk}/approve/")
    assert approved.status_code == 200 and approved.json()["approved_by"] == credit["approver"].pk
    again = approver.post(f"{BASE}{pk}/approve/")
    assert again.status_code == 400 and "pending" in _text(again)

    missing = officer.post(f"{BASE}{pk}/extraction/", {}, format="json")
    assert missing.status_code == 400 and "extracted_on" in missing.json()["errors"]
    late = officer.post(f"{BASE}{pk}/extraction/", {"extracted_on": "2026-07-01"}, format="json")
    assert late.status_code == 400 and "extracted_on" in late.json()["errors"]
    assert (
        officer.post(f"{BASE}{pk}/extraction/", {"extracted_on": "2026-03-05"}, format="json").status_code
        == 200
    )

    no_file = officer.post(f"{BASE}{pk}/destruction/", {"destroyed_on": "2026-06-30"}, format="multipart")
    assert no_file.status_code == 400 and "destruction_certificate" in no_file.json()["errors"]
    certificate = SimpleUploadedFile("cert.pdf", b"%PDF-1.4 destruction certificate")
    before = officer.post(
        f"{BASE}{pk}/destruction/",
        {"destroyed_on": "2026-03-01", "destruction_certificate": certificate},
        format="multipart",
    )
    assert before.status_code == 400 and "precede extraction" in _text(before)
    certificate = SimpleUploadedFile("cert.pdf", b"%PDF-1.4 destruction certificate")
    done = officer.post(
        f"{BASE}{pk}/destruction/",
        {"destroyed_on": "2026-06-30", "destruction_certificate": certificate},
        format="multipart",
    )
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "destroyed" and done.json()["has_destruction_certificate"]
    bulk = BulkDataRequest.objects.get(pk=pk)
    assert bulk.destroyed_on == datetime.date(2026, 6, 30) and bulk.destruction_certificate
    states = [
        (e.after or {}).get("status")
        for e in ChangeLogEntry.objects.filter(
            object_type="credit.bulkdatarequest", object_id=str(pk)
        ).order_by("seq")
    ]
    assert states == ["requested", "approved", "extracted", "destroyed"]


def test_rejection_needs_a_note(credit, api):
    pk = api(credit["officer"]).post(BASE, NEW, format="json").json()["id"]
    approver = api(credit["approver"])
    assert approver.post(f"{BASE}{pk}/reject/", {}, format="json").status_code == 400
    rejected = approver.post(f"{BASE}{pk}/reject/", {"decision_note": "必要性不足"}, format="json")
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert rejected.json()["decision_note"] == "必要性不足"
    assert approver.post(f"{BASE}{pk}/approve/").status_code == 400


def test_other_institutions_regulators_and_readers_cannot_write(credit, api, world):
    pk = api(credit["officer"]).post(BASE, NEW, format="json").json()["id"]
    assert api(world.b.admin).get(f"{BASE}{pk}/").status_code == 404
    assert api(world.b.admin).post(f"{BASE}{pk}/approve/").status_code == 404
    assert api(world.b.admin).get(BASE).json()["count"] == 0
    assert api(world.reg_out).get(f"{BASE}{pk}/").status_code == 200
    assert api(world.reg_out).post(f"{BASE}{pk}/approve/").status_code == 403
    assert api(world.reg_out).post(BASE, {**NEW, "reference": "R"}, format="json").status_code == 403
    assert api(world.a.users["read_only"]).post(f"{BASE}{pk}/approve/").status_code == 403
    assert (
        api(world.a.users["read_only"]).post(BASE, {**NEW, "reference": "R"}, format="json").status_code
        == 403
    )
    assert BulkDataRequest.objects.get(pk=pk).status == "requested"


def test_steps_are_in_the_openapi_schema(credit, api):
    schema = api(credit["officer"]).get("/api/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    for step in ("approve", "reject", "extraction", "destruction"):
        assert "post" in paths[f"/api/credit/bulk-data/{{id}}/{step}/"], step
    assert "post" in paths["/api/credit/bulk-data/"]
    destruction = paths["/api/credit/bulk-data/{id}/destruction/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in destruction
