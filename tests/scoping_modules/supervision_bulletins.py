"""Bulletins and submissions (appgov.supervision): a bulletin of B's office (T-P2) issued to B with B's app
affected and answered, and a submission B sent. Office pages are "office"/"office_list" routes (see route.py);
the institution's copy, its answers and its submissions are B's objects."""

import datetime

from django.utils import timezone

from .route import Route

OFFICE_READ = dict(kind="office", reg_read=True, shows_b=True)
B_READ = dict(kind="object", reg_read=True, shows_b=True)

ROUTES = {
    "supervision:bulletin-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision:bulletin-add": Route("office_list", reg_read=True),
    "supervision:bulletin-edit": Route("office", obj="sbulletin"),
    "supervision:bulletin-delete": Route("office", obj="sbulletin"),  # the void page (issue 12 item 1)
    "supervision:bulletin-detail": Route(obj="sbulletin", **OFFICE_READ),
    "supervision:bulletin-issue": Route("office", obj="sbulletin"),
    "supervision:bulletin-close": Route("office", obj="sbulletin"),
    "supervision:answer-decide": Route("office", obj="sanswer"),
    "supervision:received-list": Route("list", reg_read=True, shows_b=True),
    "supervision:received-detail": Route(obj="sreceived", **B_READ),
    "supervision:received-acknowledge": Route("object", obj="sreceived"),
    "supervision:answer-submit": Route("object", obj="sanswer"),
    "supervision:submission-list": Route("list", reg_read=True, shows_b=True),
    "supervision:submission-new": Route("list"),
    "supervision:submission-detail": Route(obj="ssubmission", **B_READ),
    "supervision:submission-review": Route("office", obj="ssubmission"),
    "supervision:submission-data": Route("object", obj="ssubmission", reg_read=True),
    "supervision:submission-readable": Route("object", obj="ssubmission", reg_read=True),
    # API
    "supervision-bulletin-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision-bulletin-detail": Route(obj="sbulletin", **OFFICE_READ),
    "supervision-bulletin-history": Route("office", obj="sbulletin", reg_read=True),
    "supervision-bulletin-issue": Route("office", obj="sbulletin"),
    "supervision-bulletin-answers": Route(obj="sbulletin", **OFFICE_READ),
    "supervision-received-list": Route("list", reg_read=True, shows_b=True),
    "supervision-received-detail": Route(obj="sreceived", **B_READ),
    "supervision-received-history": Route("object", obj="sreceived", reg_read=True),
    "supervision-received-acknowledge": Route("object", obj="sreceived"),
    "supervision-answer-list": Route("list", reg_read=True, shows_b=True),
    "supervision-answer-detail": Route(obj="sanswer", **B_READ),
    "supervision-answer-history": Route("object", obj="sanswer", reg_read=True),
    "supervision-answer-answer": Route("object", obj="sanswer"),
    "supervision-answer-decide": Route("office", obj="sanswer"),
    "supervision-submission-list": Route("list", reg_read=True, shows_b=True),
    "supervision-submission-detail": Route(obj="ssubmission", **B_READ),
    "supervision-submission-history": Route("object", obj="ssubmission", reg_read=True),
    "supervision-submission-review": Route("office", obj="ssubmission"),
    "supervision-submission-data": Route("object", obj="ssubmission", reg_read=True),
}
FACTORY_KEYS = "sbulletin sreceived sanswer ssubmission"
PREPARE = {
    "appgov.supervision.views_bulletins": "sbulletin",
    "appgov.supervision.views_submissions": "ssubmission",
    "appgov.supervision.api": "sbulletin",
}


def build_b(world) -> dict:
    from appgov.scanning.models import Scan
    from appgov.supervision import bulletin_services, submission_services

    Scan.objects.create(
        version=world.b.version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report={"sdks": [{"id": "com.zqx.push", "name": "ZQX Push", "version": "1.0"}]},
        finished_at=timezone.now(),
    )
    bulletin = bulletin_services.bulletins.create(
        world.reg_in,
        {
            "code": "ZQX-TB-1",
            "title": "ZQX 推送 SDK 通报",
            "kind": "sdk",
            "severity": "high",
            "body": "ZQX SDK 存在漏洞",
            "answer_by": timezone.localdate() + datetime.timedelta(days=10),
            "institutions": [world.b.inst],
            "sdk_id": "com.zqx.push",
        },
    )
    target = bulletin_services.issue(bulletin, world.reg_in)[0]
    answer = target.answers.get()
    bulletin_services.answer(answer, world.b.office_user, kind="fixed", reason="ZQX 已升级")
    today = timezone.localdate()
    submission = submission_services.submit(
        world.b.office_user,
        kind="annual",
        period_start=today.replace(month=1, day=1),
        period_end=today,
        note="ZQX 年度报送",
    )
    return {
        "sbulletin": bulletin.pk,
        "sreceived": target.pk,
        "sanswer": answer.pk,
        "ssubmission": submission.pk,
    }


def state(inst):
    """B's copies, answers and submissions, and the office's decisions and reviews about them."""
    from appgov.core import changelog
    from appgov.supervision.models import (
        AnswerDecision,
        BulletinAnswer,
        BulletinTarget,
        Submission,
        SubmissionReview,
    )

    rows = [
        *BulletinTarget.objects.filter(institution=inst),
        *BulletinAnswer.objects.filter(target__institution=inst),
        *AnswerDecision.objects.filter(answer__target__institution=inst),
        *Submission.objects.filter(institution=inst),
        *SubmissionReview.objects.filter(submission__institution=inst),
    ]
    return [changelog.snapshot(r) for r in rows]
