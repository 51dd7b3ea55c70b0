"""Issue 12 item 1: a person recorded by mistake is voided from the organisation pages (with a reason), kept,
hidden from the people list unless "show voided", and can no longer be changed."""

from django.urls import reverse

from appgov.core import services as core
from appgov.core.models import Person


def test_a_person_recorded_by_mistake_is_voided_from_the_edit_page(world, login):
    person = core.save(Person(institution=world.a.inst, employee_no="P-MISTAKE", name="误录人员"))
    client = login(world.a.admin)
    edit = reverse("org-person-edit", args=[person.pk])
    void = reverse("org-person-void", args=[person.pk])
    assert void in client.get(edit).content.decode()
    assert "原因" in client.get(void).content.decode() or "reason" in client.get(void).content.decode()
    refused = client.post(void, {"reason": ""})
    assert refused.status_code == 302 and Person.objects.get(pk=person.pk).voided_at is None
    done = client.post(void, {"reason": "重复录入"})
    assert done.status_code == 302 and done["Location"] == reverse("org-person-list")
    person.refresh_from_db()
    assert person.voided_at is not None and person.void_reason == "重复录入"
    assert "已作废 误录人员" in client.get(reverse("org-person-list")).content.decode()  # the message, once
    assert "误录人员" not in client.get(reverse("org-person-list")).content.decode()
    assert "误录人员" in client.get(reverse("org-person-list") + "?include_voided=1").content.decode()
    page = client.get(edit).content.decode()
    assert 'id="voided-banner"' in page and void not in page
    # the voided person is kept as it was
    client.post(edit, {"employee_no": "P-MISTAKE", "name": "改名"})
    assert Person.objects.get(pk=person.pk).name == "误录人员"
    # another institution's user cannot void A's people
    assert login(world.b.admin).post(void, {"reason": "x"}).status_code in (403, 404)
