"""Institution submissions: built from the institution's own records, immutable once sent (SHA-256 on the row
and in the change log), reviewed by the office; other institutions and other offices see nothing."""

import datetime
import hashlib
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from appgov.core.models import ChangeLogEntry
from appgov.supervision import submission_services as services
from appgov.supervision.models import Submission


def period():
    today = timezone.localdate()
    return {"period_start": today.replace(month=1, day=1), "period_end": today}


def test_an_annual_package_holds_the_ledger_and_is_hashed_and_logged(world):
    sub = services.submit(world.b.office_user, kind="annual", note="年度报送", **period())
    data = sub.data.read()
    assert hashlib.sha256(data).hexdigest() == sub.sha256
    doc = json.loads(data)
    assert doc["institution"] == world.b.inst.code and doc["kind"] == "annual"
    from appgov.ledger.models import MobileApp

    codes = sorted(MobileApp.objects.filter(institution=world.b.inst).values_list("code", flat=True))
    assert [a["code"] for a in doc["content"]["apps"]] == codes and world.b.app.code in codes
    assert set(doc["content"]) == {"apps", "risk_assessments", "open_findings", "incidents"}
    assert sub.summary["apps"] == len(codes) and sub.office == world.b.inst.regulator_office
    book = load_workbook(io.BytesIO(sub.readable.read()))
    assert set(book.sheetnames) >= {"submission", "apps", "open_findings"}
    entry = ChangeLogEntry.objects.get(object_type="supervision.submission", object_id=str(sub.pk))
    assert sub.sha256 in json.dumps(entry.after)
    assert services.verify(sub)
    assert sub.status == Submission.Status.RECEIVED


def test_bad_periods_and_roles_are_refused_by_name_and_nothing_is_stored(world):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.submit(
            world.b.office_user,
            kind="annual",
            period_start=today,
            period_end=today - datetime.timedelta(days=1),
        )
    assert "period_end" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.submit(
            world.b.office_user,
            kind="annual",
            period_start=today,
            period_end=today + datetime.timedelta(days=1),
        )
    assert "period_end" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.submit(world.b.office_user, kind="gossip", **period())
    assert "kind" in exc.value.message_dict
    for user in (world.b.users["auditor"], world.reg_in):
        with pytest.raises(PermissionDenied):
            services.submit(user, kind="annual", **period())
    assert not Submission.objects.exists()


def test_the_office_reviews_and_returns_with_a_comment_and_others_may_not(world):
    sub = services.submit(world.b.office_user, kind="counterfeit", **period())
    with pytest.raises(PermissionDenied):
        services.review(sub, world.reg_out, status="accepted")
    with pytest.raises(PermissionDenied):
        services.review(sub, world.b.admin, status="accepted")
    with pytest.raises(ValidationError) as exc:
        services.review(sub, world.reg_in, status="returned")
    assert "comment" in exc.value.message_dict
    services.review(sub, world.reg_in, status="returned", comment="缺少处置结果")
    assert Submission.objects.get(pk=sub.pk).status == Submission.Status.RETURNED
    services.review(sub, world.reg_in, status="accepted")
    assert Submission.objects.get(pk=sub.pk).status == Submission.Status.ACCEPTED
    with pytest.raises(ValidationError):
        services.review(sub, world.reg_in, status="under_review")


def test_pages_send_inbox_download_and_isolation(world, login):
    bank = login(world.b.office_user)
    p = period()
    response = bank.post(
        reverse("supervision:submission-new"),
        {
            "kind": "annual",
            "period_start": p["period_start"].isoformat(),
            "period_end": p["period_end"].isoformat(),
        },
    )
    sub = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == sub.get_absolute_url()
    office = login(world.reg_in)
    inbox = office.get(reverse("supervision:submission-list")).content.decode()
    assert sub.get_absolute_url() in inbox
    data = office.get(reverse("supervision:submission-data", args=[sub.pk]))
    assert hashlib.sha256(b"".join(data.streaming_content)).hexdigest() == sub.sha256
    office.post(reverse("supervision:submission-review", args=[sub.pk]), {"status": "under_review"})
    assert Submission.objects.get().status == Submission.Status.UNDER_REVIEW
    for outsider in (world.reg_out, world.a.office_user):
        client = login(outsider)
        assert client.get(sub.get_absolute_url()).status_code == 404
        assert client.get(reverse("supervision:submission-data", args=[sub.pk])).status_code == 404
        assert (
            sub.get_absolute_url() not in client.get(reverse("supervision:submission-list")).content.decode()
        )
    # nothing on a sent submission can be changed: no edit route exists, and the review of another office fails
    assert (
        bank.post(reverse("supervision:submission-review", args=[sub.pk]), {"status": "accepted"}).status_code
        == 404
    )
