"""Issue 12 item 1, the scanning records a user enters through the API: a mistaken SDK security assessment is
voided from the SDK inventory page, a mistaken release certificate from its app's page (a Void link on the
row, the generic void page asking for the reason); the row stays, struck through, and is used nowhere. The
writers are the API's: a role that may not write them sees no link and is refused the page."""

import datetime

from django.urls import reverse

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.scanning.models import ReleaseCertificate, SdkAssessment
from appgov.scanning.services import options_for

SHA = "ab" * 32


def _assessment(world):
    return core.save(
        SdkAssessment(
            institution=world.a.inst,
            sdk_id="com.example.mistaken",
            assessed_on=datetime.date(2026, 3, 1),
            conclusion="approved",
            reference="SDK-R-1",
        )
    )


def test_an_sdk_assessment_is_voided_from_the_sdk_inventory_page(world, login):
    row = _assessment(world)
    security = world.a.users["security"]
    client = login(security)
    inventory = reverse("scanning:sdk-inventory")
    void = reverse("scanning:sdkassessment-delete", args=[row.pk])
    page = client.get(inventory).content.decode()
    assert "com.example.mistaken" in page and void in page
    assert 'id="void-form"' in client.get(void).content.decode()
    # saved unchanged (no reason): refused, nothing changes, nothing is logged
    entries = ChangeLogEntry.objects.count()
    response = client.post(void, {"reason": ""})
    assert response.status_code == 302 and SdkAssessment.objects.get(pk=row.pk).voided_at is None
    assert ChangeLogEntry.objects.count() == entries
    response = client.post(void, {"reason": "录错SDK"})
    assert response.status_code == 302 and response["Location"] == inventory
    stored = SdkAssessment.objects.get(pk=row.pk)
    assert stored.void_reason == "录错SDK" and stored.voided_by == security
    page = client.get(inventory).content.decode()
    assert "text-decoration-line-through" in page and "com.example.mistaken" in page and void not in page
    # its void page now shows the voided banner, no form
    page = client.get(void).content.decode()
    assert 'id="voided-banner"' in page and 'id="void-form"' not in page
    # the scan no longer takes the SDK as assessed
    assert "com.example.mistaken" not in options_for(world.a.version).assessed_sdks


def test_the_sdk_assessment_void_takes_the_api_writers(world, login):
    row = _assessment(world)
    viewer = world.a.users["read_only"]
    office = world.a.office_user  # writes release certificates, not SDK assessments
    void = reverse("scanning:sdkassessment-delete", args=[row.pk])
    for user in (viewer, office):
        client = login(user)
        assert void not in client.get(reverse("scanning:sdk-inventory")).content.decode()
        assert client.get(void).status_code == 403
        assert client.post(void, {"reason": "x"}).status_code == 403
    assert login(world.b.admin).post(void, {"reason": "x"}).status_code == 404
    assert SdkAssessment.objects.get(pk=row.pk).voided_at is None


def test_a_release_certificate_is_voided_from_its_app_page(world, login):
    cert = core.save(ReleaseCertificate(app=world.a.app, sha256=SHA, label="误录证书"))
    client = login(world.a.office_user)
    app_page = world.a.app.get_absolute_url()
    void = reverse("scanning:releasecertificate-delete", args=[cert.pk])
    page = client.get(app_page).content.decode()
    assert "误录证书" in page and SHA in page and void in page
    assert 'id="void-form"' in client.get(void).content.decode()
    response = client.post(void, {"reason": "指纹录错"})
    assert response.status_code == 302 and response["Location"] == app_page
    stored = ReleaseCertificate.objects.get(pk=cert.pk)
    assert stored.void_reason == "指纹录错" and stored.voided_by == world.a.office_user
    page = client.get(app_page).content.decode()
    assert "text-decoration-line-through" in page and "误录证书" in page and void not in page
    # the scan no longer takes it as the app's own certificate
    assert SHA not in options_for(world.a.version).release_certs
    # a reader sees the row but no link; another institution's user cannot reach it
    assert void not in login(world.a.users["auditor"]).get(app_page).content.decode()
    assert login(world.b.admin).get(void).status_code == 404
