"""Writes of bulletins: the office drafts and issues them (issuing creates each addressed institution's copy and
its affected apps, found from the scans), the institution acknowledges and answers per app, the office decides
each answer. Office records go through OfficeModelService; the institution's rows the office creates on issue
are written on its behalf (acting_as) like compliance.issued."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.context import acting_as
from appgov.core.models import ChangeLogEntry
from appgov.core.roles import can_write

from .affected import affected_apps
from .models import AnswerDecision, Bulletin, BulletinAnswer, BulletinTarget


class BulletinService(core_services.OfficeModelService):
    model = Bulletin
    institution_fields = ("institutions",)

    def check_editable(self, obj, actor) -> None:
        if obj.status != Bulletin.Status.DRAFT:
            raise ValidationError(_("An issued bulletin is kept as issued; issue a new one to correct it."))

    def check_deletable(self, obj, actor) -> None:
        if obj.status != Bulletin.Status.DRAFT:
            raise ValidationError(_("An issued bulletin is kept for the record."))

    def save_object(self, obj, actor, m2m: dict):
        if obj.sdk_fixed_in and not obj.sdk_id or obj.sdk_versions_from and not obj.sdk_id:
            raise ValidationError({"sdk_id": _("Name the SDK the version range is about.")})
        if obj.certificate_sha256:
            value = obj.certificate_sha256.replace(":", "").strip().lower()
            if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
                raise ValidationError(
                    {"certificate_sha256": _("A SHA-256 fingerprint is 64 hexadecimal characters.")}
                )
            obj.certificate_sha256 = value
        return super().save_object(obj, actor, m2m)


bulletins = BulletinService()


def issue(bulletin: Bulletin, actor) -> list[BulletinTarget]:
    """Issue a draft: one copy per addressed institution, with the affected apps found in its scans."""
    with transaction.atomic():
        bulletin = core_services.lock(bulletin)
        core_services.check_can_write(actor, bulletin)
        if bulletin.status != Bulletin.Status.DRAFT:
            raise ValidationError(_("This bulletin is already issued."))
        institutions = list(bulletin.institutions.all())
        if not institutions:
            raise ValidationError({"institutions": _("Address the bulletin to at least one institution.")})
        if bulletin.answer_by < timezone.localdate():
            raise ValidationError({"answer_by": _("The answer date is in the past.")})
        bulletins.check_jurisdiction(bulletin, actor, {"institutions": institutions})
        targets = []
        with acting_as(actor, prefix="req"):
            for institution in institutions:
                target = core_services.save(BulletinTarget(bulletin=bulletin, institution=institution))
                for app, _scan, reasons in affected_apps(bulletin, institution):
                    core_services.save(BulletinAnswer(target=target, app=app, matched_on=reasons))
                targets.append(target)
        before = changelog.snapshot(bulletin)
        bulletin.status, bulletin.issued_at, bulletin.issued_by = (
            Bulletin.Status.ISSUED,
            timezone.now(),
            actor,
        )
        bulletin.save()
        changelog.record(
            bulletin, ChangeLogEntry.Action.TRANSITION, before, changelog.snapshot(bulletin), actor
        )
    return targets


def close(bulletin: Bulletin, actor) -> Bulletin:
    """Close an issued bulletin once every copy is acknowledged and every answer accepted."""
    with transaction.atomic():
        bulletin = core_services.lock(bulletin)
        core_services.check_can_write(actor, bulletin)
        if bulletin.status != Bulletin.Status.ISSUED:
            raise ValidationError(_("Only an issued bulletin can be closed."))
        open_ = [str(a) for a in answers_of(bulletin) if answer_state(a) != "accepted"]
        unacknowledged = bulletin.targets.filter(acknowledged_at__isnull=True).count()
        if open_ or unacknowledged:
            raise ValidationError(
                _("%(n)s answers are not accepted and %(m)s institutions have not acknowledged.")
                % {"n": len(open_), "m": unacknowledged}
            )
        before = changelog.snapshot(bulletin)
        bulletin.status = Bulletin.Status.CLOSED
        bulletin.save()
        changelog.record(
            bulletin, ChangeLogEntry.Action.TRANSITION, before, changelog.snapshot(bulletin), actor
        )
    return bulletin


def _institution_writer(actor, obj) -> None:
    label = obj._meta.label_lower
    if not can_write(actor, label):
        raise PermissionDenied(_("Your role may not answer bulletins."))
    core_services.check_can_write(actor, obj)


def acknowledge(target: BulletinTarget, actor, statement: str = "") -> BulletinTarget:
    with transaction.atomic():
        target = core_services.lock(target)
        _institution_writer(actor, target)
        if target.bulletin.status == Bulletin.Status.CLOSED:
            raise ValidationError(_("The bulletin is closed."))
        before = changelog.snapshot(target)
        if target.acknowledged_at is None:
            target.acknowledged_at, target.acknowledged_by = timezone.now(), actor
        target.statement = (statement or "").strip() or target.statement
        target.full_clean()
        target.save()
        changelog.record(target, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(target), actor)
    return target


def answer(row: BulletinAnswer, actor, *, kind: str, reason: str = "", planned_on=None) -> BulletinAnswer:
    """The institution's answer for one affected app: fixed, not affected (with the reason) or a plan with a
    date. An accepted answer is final; a rejected one is answered again."""
    reason = (reason or "").strip()
    errors = {}
    if kind not in BulletinAnswer.Answer.values:
        errors["answer"] = _("Choose fixed, not affected or plan.")
    elif kind == BulletinAnswer.Answer.NOT_AFFECTED and not reason:
        errors["reason"] = _("Say why the app is not affected.")
    elif kind == BulletinAnswer.Answer.PLAN:
        if planned_on is None:
            errors["planned_on"] = _("Give the date the plan will be done by.")
        elif planned_on < timezone.localdate():
            errors["planned_on"] = _("The planned date is in the past.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = core_services.lock(row)
        _institution_writer(actor, row)
        if row.target.bulletin.status == Bulletin.Status.CLOSED:
            raise ValidationError(_("The bulletin is closed."))
        if answer_state(row) == "accepted":
            raise ValidationError(_("The office has accepted this answer; it is final."))
        before = changelog.snapshot(row)
        row.answer, row.reason = kind, reason
        row.planned_on = planned_on if kind == BulletinAnswer.Answer.PLAN else None
        row.answered_at, row.answered_by = timezone.now(), actor
        row.full_clean()
        row.save()
        changelog.record(row, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(row), actor)
        target = row.target
        if target.acknowledged_at is None:  # answering is acknowledging
            t_before = changelog.snapshot(target)
            target.acknowledged_at, target.acknowledged_by = row.answered_at, actor
            target.save()
            changelog.record(
                target, ChangeLogEntry.Action.UPDATE, t_before, changelog.snapshot(target), actor
            )
    return row


def decide(row: BulletinAnswer, actor, *, accepted: bool, comment: str = "") -> AnswerDecision:
    """The issuing office accepts or rejects an answer; a rejection needs a comment the institution reads."""
    comment = (comment or "").strip()
    if not can_write(actor, AnswerDecision._meta.label_lower):
        raise PermissionDenied(_("Your role may not decide answers."))
    bulletin = row.target.bulletin
    if bulletin.office_id != actor.regulator_office_id:
        raise PermissionDenied(_("This bulletin was issued by another office; that office decides it."))
    if not accepted and not comment:
        raise ValidationError({"comment": _("Say why the answer is rejected (the institution sees it).")})
    with transaction.atomic():
        row = core_services.lock(row)
        if not row.answered_at:
            raise ValidationError(_("The institution has not answered for this app yet."))
        if answer_state(row) in ("accepted", "rejected"):
            raise ValidationError(_("This answer is already decided; wait for the institution's new answer."))
        decision = AnswerDecision(
            office_id=actor.regulator_office_id,
            answer=row,
            decision=AnswerDecision.Decision.ACCEPTED if accepted else AnswerDecision.Decision.REJECTED,
            comment=comment,
            decided_at=timezone.now(),
            decided_by=actor,
        )
        core_services.save(decision, actor)
    return decision


def latest_decision(row: BulletinAnswer):
    decisions = getattr(row, "_decisions", None)
    if decisions is None:
        decisions = list(row.decisions.order_by("-decided_at", "-id"))
    decisions = sorted(decisions, key=lambda d: (d.decided_at, d.pk), reverse=True)
    return decisions[0] if decisions else None


def answer_state(row: BulletinAnswer, today=None) -> str:
    """unanswered | overdue | answered | accepted | rejected (rejected: the latest decision is after the answer)."""
    decision = latest_decision(row)
    if decision is not None and row.answered_at and decision.decided_at >= row.answered_at:
        return decision.decision
    if row.answered_at:
        return "answered"
    today = today or timezone.localdate()
    return "overdue" if row.target.bulletin.answer_by < today else "unanswered"


def answers_of(bulletin: Bulletin):
    rows = list(
        BulletinAnswer.objects.filter(target__bulletin=bulletin)
        .select_related("target__institution", "target__bulletin", "app", "answered_by")
        .prefetch_related("decisions")
        .order_by("target__institution__code", "app__code")
    )
    for row in rows:
        row._decisions = list(row.decisions.all())
    return rows


def issued_to(user):
    """The copies of bulletins an institution user may read (their institution's); none for anyone else."""
    return BulletinTarget.objects.for_user(user).select_related("bulletin", "bulletin__office")
