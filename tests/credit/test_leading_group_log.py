"""Changing the members of the credit leading group is a logged change (it used to leave no entry)."""

from appgov.core.models import ChangeLogEntry, Person
from appgov.credit.models import LeadingGroup


def test_members_change_is_in_the_change_log(world, login):
    from appgov.core import services

    people = list(Person.objects.filter(institution=world.a.inst, left_on__isnull=True).order_by("pk")[:1])
    people.append(services.save(Person(institution=world.a.inst, employee_no="LG2", name="ALPHA组员")))
    client = login(world.a.admin)
    base = {
        "established_on": "2026-01-05",
        "document_reference": "ALPHA〔2026〕1号",
        "first_responsible": people[0].pk,
        "first_responsible_title": "行长",
    }
    client.post("/credit/leading-group/", {**base, "members": [people[1].pk]})
    client.post("/credit/leading-group/", {**base, "members": [people[1].pk, people[0].pk]})
    group = LeadingGroup.objects.get(institution=world.a.inst)
    assert set(group.members.values_list("pk", flat=True)) == {people[1].pk, people[0].pk}
    entries = list(
        ChangeLogEntry.objects.filter(object_type="credit.leadinggroup", object_id=str(group.pk)).order_by(
            "seq"
        )
    )
    assert entries[0].after["members"] == [people[1].pk]
    last = entries[-1]
    assert last.before["members"] == [people[1].pk]
    assert last.after["members"] == sorted([people[1].pk, people[0].pk])
