"""Issue 12 item 1, the new forms saved unchanged: the void pages of an SDK assessment and a release
certificate, submitted as a browser would without a reason, void nothing and write nothing; an account review's
edit form saved unchanged leaves its account (whose last review date it feeds) as it was (a guard for the
recomputation: this one passed before it too)."""

import datetime

from django.urls import reverse
from test_edit_roundtrip import browser_post_data

from appgov.core import changelog
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.operations import services as ops
from appgov.scanning.models import ReleaseCertificate, SdkAssessment


def _unchanged_submit(client, url, rows):
    before = [changelog.snapshot(type(r).objects.get(pk=r.pk)) for r in rows]
    entries = ChangeLogEntry.objects.count()
    page = client.get(url)
    assert page.status_code == 200, url
    response = client.post(url, browser_post_data(page.content))
    assert response.status_code in (200, 302), (url, response.status_code)
    after = [changelog.snapshot(type(r).objects.get(pk=r.pk)) for r in rows]
    assert after == before, url
    assert ChangeLogEntry.objects.count() == entries, url


def test_the_void_pages_saved_unchanged_void_nothing(world, login):
    assessment = core.save(
        SdkAssessment(
            institution=world.a.inst,
            sdk_id="com.example.roundtrip",
            assessed_on=datetime.date(2026, 3, 1),
            conclusion="conditional",
            reference="R-RT",
        )
    )
    certificate = core.save(ReleaseCertificate(app=world.a.app, sha256="cd" * 32, label="往返证书"))
    client = login(world.a.admin)
    _unchanged_submit(client, reverse("scanning:sdkassessment-delete", args=[assessment.pk]), [assessment])
    _unchanged_submit(
        client, reverse("scanning:releasecertificate-delete", args=[certificate.pk]), [certificate]
    )
    assert SdkAssessment.objects.get(pk=assessment.pk).voided_at is None
    assert ReleaseCertificate.objects.get(pk=certificate.pk).voided_at is None


def test_a_review_edit_saved_unchanged_leaves_the_account_as_it_was(world, login):
    person = world.a.people["P001"]
    account = ops.accounts.create(
        world.a.admin,
        {"app": world.a.app, "kind": "console", "system": "后台", "account_name": "ops-rt", "owner": person},
    )
    older = ops.reviews.create(
        world.a.admin,
        {
            "account": account,
            "reviewed_on": datetime.date(2026, 1, 5),
            "reviewer": person,
            "outcome": "confirmed",
        },
    )
    ops.reviews.create(
        world.a.admin,
        {
            "account": account,
            "reviewed_on": datetime.date(2026, 2, 5),
            "reviewer": person,
            "outcome": "confirmed",
        },
    )
    account.refresh_from_db()
    before = changelog.snapshot(account)
    client = login(world.a.admin)
    url = reverse("operations:review-edit", args=[older.pk])
    page = client.get(url)
    response = client.post(url, browser_post_data(page.content))
    assert response.status_code == 302, response.content.decode()[:2000]
    after = changelog.snapshot(type(account).objects.get(pk=account.pk))
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    assert str(after["last_reviewed_on"]) == "2026-02-05"
