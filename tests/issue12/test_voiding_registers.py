"""Issue 12 item 1 beyond the ledger: compliance evidence, SDK assessments, people and the other kept records a
user can send a delete to are voided with a reason (the row stays), left out of lists unless asked, counted
nowhere, and kept as they were."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from appgov.compliance import services as compliance
from appgov.compliance.models import Evidence
from appgov.core import services as core
from appgov.core.controls.context import EvaluationContext
from appgov.core.models import ChangeLogEntry, Person
from appgov.scanning.models import SdkAssessment

EVIDENCE = "/api/compliance/evidence/"


def evidence(world, title="误录的材料"):
    return compliance.add_evidence(
        world.a.inst, "NFRA-05.3", "app", world.a.app.pk, title, datetime.date.today(), link="https://a.cn/e"
    )


def listed(client, url, **params):
    query = "&".join(f"{k}={v}" for k, v in {"limit": 500, **params}.items())
    return [row["id"] for row in client.get(f"{url}?{query}").json()["results"]]


def test_compliance_evidence_is_voided_through_the_api_and_counts_nowhere(world, api):
    client = api(world.a.office_user)
    wrong, right = evidence(world), evidence(world, "正确的材料")
    key = ("NFRA-05.3", "app", world.a.app.pk)
    assert client.delete(f"{EVIDENCE}{wrong.pk}/").status_code == 400  # no reason: refused
    assert Evidence.objects.get(pk=wrong.pk).voided_at is None
    assert client.delete(f"{EVIDENCE}{wrong.pk}/?reason=传错文件").status_code == 204
    stored = Evidence.objects.get(pk=wrong.pk)  # still there, with who, when and why
    assert stored.void_reason == "传错文件" and stored.voided_by == world.a.office_user and stored.voided_at
    entry = ChangeLogEntry.objects.filter(object_type="compliance.evidence", object_id=str(wrong.pk)).latest(
        "seq"
    )
    assert entry.after["void_reason"] == "传错文件"
    assert wrong.pk not in listed(client, EVIDENCE) and right.pk in listed(client, EVIDENCE)
    assert wrong.pk in listed(client, EVIDENCE, include_voided=1)
    assert client.get(f"{EVIDENCE}{wrong.pk}/").json()["void_reason"] == "传错文件"
    # the evaluation reads the right piece only
    ctx = EvaluationContext(world.a.inst, timezone.localdate())
    assert [ev.pk for ev in ctx.evidence[key]] == [right.pk]
    # kept as it was: no second void, no save through any path
    assert client.delete(f"{EVIDENCE}{wrong.pk}/?reason=again").status_code == 400
    stored.title = "改写"
    with pytest.raises(ValidationError):
        core.save(stored)
    assert Evidence.objects.get(pk=wrong.pk).title == "误录的材料"


def test_an_sdk_assessment_is_voided_and_left_out_unless_asked(world, api):
    from appgov.core.roles import can_write

    writer = next(u for u in world.a.users.values() if can_write(u, "scanning.sdkassessment"))
    client = api(writer)
    row = core.save(
        SdkAssessment(
            institution=world.a.inst,
            sdk_id="com.example.void",
            assessed_on=datetime.date.today(),
            conclusion="approved",
            reference="R-1",
        )
    )
    url = "/api/scanning/sdk-assessments/"
    response = client.delete(f"{url}{row.pk}/?reason=录错机构")
    assert response.status_code == 204, response.content
    assert SdkAssessment.objects.get(pk=row.pk).void_reason == "录错机构"
    assert row.pk not in listed(client, url) and row.pk in listed(client, url, include_voided="true")


def test_a_mistaken_person_is_voided_through_the_api_and_offered_nowhere(world, api):
    client = api(world.a.admin)
    person = core.save(Person(institution=world.a.inst, employee_no="P-WRONG", name="误录员工"))
    assert client.delete(f"/api/people/{person.pk}/?reason=工号录错").status_code == 204
    assert Person.objects.get(pk=person.pk).voided_at is not None
    assert person.pk not in listed(client, "/api/people/")
    # a person still named by an app is refused: nothing is voided
    named = world.a.people["P001"]
    assert client.delete(f"/api/people/{named.pk}/?reason=误录").status_code == 400
    assert Person.objects.get(pk=named.pk).voided_at is None


def test_the_schema_documents_include_voided_on_the_new_lists(world):
    from django.test import Client
    from second_factor import force_login

    schema = force_login(Client(), world.a.office_user).get("/api/schema/?format=json").json()
    for path in (EVIDENCE, "/api/people/", "/api/partners/contacts/", "/api/operations/thresholds/"):
        assert "include_voided" in {p["name"] for p in schema["paths"][path]["get"]["parameters"]}, path
        assert "reason" in {p["name"] for p in schema["paths"][path + "{id}/"]["delete"]["parameters"]}, path
