"""The API writes through the services and workflows, with core's error shape; examiners only read."""

import datetime

from django.utils import timezone


def test_incident_through_the_api(world, api):
    client = api(world.a.users["security"])
    detected = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    bad = client.post(
        "/api/risk/incidents/",
        {"reference": "A-1", "title": "x", "kind": "outage", "detected_at": detected, "apps": []},
        format="json",
    )
    assert bad.status_code == 400 and "apps" in bad.json()["errors"]
    response = client.post(
        "/api/risk/incidents/",
        {
            "reference": "A-1",
            "title": "中断",
            "kind": "outage",
            "detected_at": detected,
            "outage_minutes": 500,
            "apps": [world.a.app.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["severity"] == "major" and body["institution"] == world.a.inst.pk
    reports = client.get(f"/api/risk/regulator-reports/?incident={body['id']}").json()["results"]
    assert {r["stage"] for r in reports} == {"initial", "follow_up", "final"}
    initial = next(r for r in reports if r["stage"] == "initial")
    refused = client.post(
        f"/api/risk/regulator-reports/{initial['id']}/send/", {"reference": "R"}, format="json"
    )
    assert refused.status_code == 400 and "请先生成报告" in refused.json()["detail"]
    generated = client.post(f"/api/risk/regulator-reports/{initial['id']}/generate/")
    assert generated.status_code == 200 and generated.json()["document"]
    sent = client.post(
        f"/api/risk/regulator-reports/{initial['id']}/send/", {"reference": "R-1"}, format="json"
    )
    assert sent.status_code == 200 and sent.json()["sent_reference"] == "R-1"
    wrong = client.post(f"/api/risk/incidents/{body['id']}/move/", {"to_state": "closed"}, format="json")
    assert wrong.status_code == 400
    missing = client.post(f"/api/risk/incidents/{body['id']}/move/", {"to_state": "contained"}, format="json")
    assert missing.status_code == 400 and "containment" in missing.json()["errors"]
    moved = client.post(
        f"/api/risk/incidents/{body['id']}/move/",
        {"to_state": "contained", "containment": "切换"},
        format="json",
    )
    assert moved.status_code == 200 and moved.json()["state"] == "contained"
    assert client.delete(f"/api/risk/incidents/{body['id']}/").status_code == 400  # kept for the record
    # the examiner of A's office reads, never writes; B's users see nothing
    examiner = api(world.reg_out)
    assert examiner.get(f"/api/risk/incidents/{body['id']}/").status_code == 200
    assert examiner.post(f"/api/risk/regulator-reports/{initial['id']}/generate/").status_code == 403
    assert api(world.b.admin).get(f"/api/risk/incidents/{body['id']}/").status_code == 404
