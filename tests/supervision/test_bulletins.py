"""Bulletins (NFRA-18.3): issuing finds each institution's affected apps in its scans; the institution answers
per app; the issuing office decides; nobody outside sees any of it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from appgov.core.models import ChangeLogEntry
from appgov.scanning.models import Scan
from appgov.supervision import bulletin_services as services
from appgov.supervision.affected import matches
from appgov.supervision.models import Bulletin, BulletinAnswer, BulletinTarget

REPORT = {
    "sdks": [{"id": "com.example.push", "name": "Push", "version": "2.1.0"}],
    "permissions": [{"name": "android.permission.READ_CONTACTS"}],
    "urls": [{"url": "https://api.evil-cdn.example/x", "host": "api.evil-cdn.example", "scheme": "https"}],
    "signing": {"certificates": [{"sha256": "AB" * 32, "subject": "CN=x"}]},
}


def done_scan(version, report=REPORT):
    return Scan.objects.create(
        version=version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report=report,
        finished_at=timezone.now(),
    )


def draft(world, **extra):
    data = {
        "code": "TB-1",
        "title": "ZQX SDK 通报",
        "kind": "sdk",
        "severity": "high",
        "body": "某推送 SDK 2.x 存在远程代码执行漏洞。",
        "answer_by": timezone.localdate() + datetime.timedelta(days=10),
        "institutions": [world.b.inst],
        "sdk_id": "com.example.push",
        "sdk_versions_from": "2.0",
        "sdk_fixed_in": "2.3",
        **extra,
    }
    return services.bulletins.create(world.reg_in, data)


class B:
    def __init__(self, **kw):
        self.sdk_id = kw.get("sdk_id", "")
        self.sdk_versions_from = kw.get("start", "")
        self.sdk_fixed_in = kw.get("fixed", "")
        self.permission = kw.get("permission", "")
        self.domain = kw.get("domain", "")
        self.certificate_sha256 = kw.get("cert", "")


@pytest.mark.parametrize(
    ("criteria", "affected"),
    [
        ({"sdk_id": "com.example.push", "start": "2.0", "fixed": "2.3"}, True),
        ({"sdk_id": "com.example.push", "start": "2.2", "fixed": "2.3"}, False),
        ({"sdk_id": "com.example.push", "fixed": "2.1.0"}, False),
        ({"sdk_id": "com.example.push", "fixed": "2.10"}, True),  # 2.1.0 < 2.10 numerically
        ({"sdk_id": "com.other"}, False),
        ({"permission": "android.permission.READ_CONTACTS"}, True),
        ({"permission": "android.permission.CAMERA"}, False),
        ({"domain": "evil-cdn.example"}, True),
        ({"domain": "cdn.example"}, False),
        ({"cert": "ab" * 32}, True),
        ({"cert": "cd" * 32}, False),
    ],
)
def test_what_a_bulletin_matches_in_a_scan_report(criteria, affected):
    assert bool(matches(B(**criteria), REPORT)) is affected


def test_an_sdk_whose_version_the_scan_did_not_read_is_listed_to_be_checked():
    from django.utils import translation

    report = {"sdks": [{"id": "com.example.push", "name": "Push"}]}
    with translation.override("en"):
        reasons = matches(B(sdk_id="com.example.push", start="2.0", fixed="2.3"), report)
    assert len(reasons) == 1 and "check" in reasons[0]


def test_issuing_lists_the_affected_app_and_the_bank_answers_and_the_office_decides(world):
    done_scan(world.b.version)
    bulletin = draft(world)
    targets = services.issue(bulletin, world.reg_in)
    assert [t.institution for t in targets] == [world.b.inst]
    row = BulletinAnswer.objects.get(target=targets[0])
    assert row.app == world.b.app and "com.example.push" in row.matched_on[0]
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.ISSUED
    assert services.answer_state(row) == "unanswered"
    # the office cannot answer for the bank; the bank's auditor neither
    with pytest.raises(PermissionDenied):
        services.answer(row, world.reg_in, kind="fixed")
    with pytest.raises(PermissionDenied):
        services.answer(row, world.b.users["auditor"], kind="fixed")
    with pytest.raises(ValidationError) as exc:
        services.answer(row, world.b.office_user, kind="not_affected")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.answer(row, world.b.office_user, kind="plan", planned_on=datetime.date(2020, 1, 1))
    assert "planned_on" in exc.value.message_dict
    services.answer(row, world.b.office_user, kind="fixed", reason="升级到 2.3.1")
    row.refresh_from_db()
    assert services.answer_state(row) == "answered" and row.target.acknowledged_at is not None
    with pytest.raises(ValidationError):
        services.decide(row, world.reg_in, accepted=False, comment="")
    with pytest.raises(PermissionDenied):
        services.decide(row, world.reg_hq, accepted=True)  # the head office reads, the issuing office decides
    services.decide(row, world.reg_in, accepted=False, comment="请提供复测报告")
    assert services.answer_state(row) == "rejected"
    services.answer(row, world.b.office_user, kind="fixed", reason="复测报告见附件编号 R-7")
    services.decide(row, world.reg_in, accepted=True, comment="")
    assert services.answer_state(row) == "accepted"
    with pytest.raises(ValidationError):
        services.answer(row, world.b.office_user, kind="plan", planned_on=timezone.localdate())
    services.close(bulletin, world.reg_in)
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.CLOSED
    logged = ChangeLogEntry.objects.filter(object_type="supervision.bulletinanswer", object_id=str(row.pk))
    assert logged.count() >= 3


def test_an_issued_bulletin_is_kept_and_cannot_be_closed_while_answers_are_open(world):
    done_scan(world.b.version)
    bulletin = draft(world)
    services.issue(bulletin, world.reg_in)
    with pytest.raises(ValidationError):
        services.bulletins.update(bulletin, world.reg_in, {"title": "改写"})
    with pytest.raises(ValidationError):
        services.bulletins.delete(bulletin, world.reg_in)
    with pytest.raises(ValidationError):
        services.close(bulletin, world.reg_in)
    with pytest.raises(ValidationError):
        services.issue(bulletin, world.reg_in)


def test_a_bulletin_may_address_only_the_jurisdiction_and_needs_a_valid_fingerprint(world):
    with pytest.raises(ValidationError) as exc:
        draft(world, institutions=[world.a.inst])
    assert "institutions" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        draft(world, code="TB-2", certificate_sha256="xyz")
    assert "certificate_sha256" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        draft(world, code="TB-3", sdk_id="")
    assert "sdk_id" in exc.value.message_dict
    assert not Bulletin.objects.exists()


def test_pages_the_office_issues_the_bank_answers_outsiders_get_404(world, login):
    done_scan(world.b.version)
    office = login(world.reg_in)
    response = office.post(
        reverse("supervision:bulletin-add"),
        {
            "code": "TB-9",
            "title": "ZQX 推送 SDK",
            "kind": "sdk",
            "severity": "high",
            "body": "升级",
            "answer_by": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
            "institutions": [world.b.inst.pk],
            "sdk_id": "com.example.push",
        },
    )
    bulletin = Bulletin.objects.get(code="TB-9")
    assert response.status_code == 302
    assert office.post(reverse("supervision:bulletin-issue", args=[bulletin.pk])).status_code == 302
    page = office.get(bulletin.get_absolute_url()).content.decode()
    assert str(world.b.app) in page and "com.example.push" in page
    target = BulletinTarget.objects.get(bulletin=bulletin)
    bank = login(world.b.office_user)
    assert bank.get(reverse("supervision:received-list")).status_code == 200
    page = bank.get(target.get_absolute_url()).content.decode()
    assert str(world.b.app) in page
    row = target.answers.get()
    bank.post(reverse("supervision:answer-submit", args=[row.pk]), {"answer": "fixed", "reason": "已升级"})
    row.refresh_from_db()
    assert row.answer == "fixed"
    assert bank.get(bulletin.get_absolute_url()).status_code == 404  # the office's page is not the bank's
    for outsider in (world.reg_out, world.a.office_user):
        client = login(outsider)
        assert client.get(bulletin.get_absolute_url()).status_code == 404
        assert client.get(target.get_absolute_url()).status_code == 404
        assert "ZQX" not in client.get(reverse("supervision:received-list")).content.decode()


def test_nfra_18_3_fails_when_an_answer_waits_too_long_and_passes_once_decided(world):
    from appgov.supervision import checks

    done_scan(world.b.version)
    bulletin = draft(world)
    target = services.issue(bulletin, world.reg_in)[0]
    row = target.answers.get()
    services.answer(row, world.b.office_user, kind="fixed", reason="已升级")
    office = world.reg_in.regulator_office
    later = timezone.localdate() + datetime.timedelta(days=checks.DECISION_DAYS + 1)
    result = next(r for r in checks.evaluate(office, today=later) if r.control_id == "NFRA-18.3")
    assert result.outcome == "fail" and any(bulletin.code in p.en for p in result.problems)
    services.decide(row, world.reg_in, accepted=True)
    result = next(r for r in checks.evaluate(office, today=later) if r.control_id == "NFRA-18.3")
    assert result.outcome == "pass", result.problems


def test_nfra_18_3_fails_when_an_overdue_institution_is_not_chased(world):
    from appgov.supervision import checks

    done_scan(world.b.version)
    bulletin = draft(world)
    services.issue(bulletin, world.reg_in)
    office = world.reg_in.regulator_office
    later = bulletin.answer_by + datetime.timedelta(days=checks.DECISION_DAYS + 1)
    result = next(r for r in checks.evaluate(office, today=later) if r.control_id == "NFRA-18.3")
    assert result.outcome == "fail" and any("not chased" in p.en for p in result.problems)
