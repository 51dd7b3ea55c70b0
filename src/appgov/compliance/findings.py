"""Findings: one per failing control and subject, with an owner, an SLA due date and a workflow.

open -> in_rectification -> resolved (awaiting verification) -> verified; or risk_accepted until a date,
after which it reopens. A passing re-check resolves an open finding; a failing one reopens a resolved one.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry
from appgov.core.roles import Role

from .models import Finding, SlaPolicy
from .models.subjects import Outcome, SubjectType

S = Finding.Status
# Which status may follow which, and which roles may make the move by hand.
MANUAL_MOVES = {
    (S.OPEN, S.IN_RECTIFICATION),
    (S.IN_RECTIFICATION, S.RESOLVED),
    (S.OPEN, S.RESOLVED),
    (S.RESOLVED, S.VERIFIED),
    (S.RESOLVED, S.IN_RECTIFICATION),
    (S.OPEN, S.RISK_ACCEPTED),
    (S.IN_RECTIFICATION, S.RISK_ACCEPTED),
    (S.RISK_ACCEPTED, S.OPEN),
}
FINDING_ROLES = {
    Role.ADMINISTRATOR,
    Role.GOVERNANCE_OFFICE,
    Role.APP_OWNER,
    Role.SECURITY,
    Role.COMPLIANCE,
    Role.CREDIT_OFFICER,
}
VERIFY_ROLES = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE, Role.AUDITOR}
ACCEPT_ROLES = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE, Role.COMPLIANCE}


def sla_days(institution, severity: str) -> int:
    from .evaluation import default_sla

    override = (
        SlaPolicy.objects.filter(institution=institution, severity=severity)
        .values_list("days", flat=True)
        .first()
    )
    return override if override is not None else int(default_sla()[severity])


def _log(finding, before, actor=None, action=ChangeLogEntry.Action.UPDATE):
    changelog.record(finding, action, before, changelog.snapshot(finding), actor)


def _owner_for(ctx, subject_type, subject_id):
    if subject_type == SubjectType.APP:
        app = ctx.app_by_id.get(subject_id)
        return app.responsible_person if app else None
    if subject_type == SubjectType.APP_VERSION:
        version = ctx.version_by_id.get(subject_id)
        app = ctx.app_by_id.get(version.app_id) if version else None
        return app.responsible_person if app else None
    return None


def sync_findings(institution, computed: dict, ctx, today: datetime.date) -> None:
    """Open, resolve or reopen findings from this evaluation's results (runs inside the evaluation's transaction).

    Bulk writes and one change-log append, so the number of queries does not grow with the number of apps.
    """
    active = {
        (f.control_id, f.subject_type, f.subject_id): f
        for f in Finding.objects.filter(institution=institution, status__in=Finding.ACTIVE)
    }
    sla = {sev: sla_days(institution, sev) for sev in ("critical", "high", "medium", "low")}
    now = timezone.now()
    new, changed = [], []
    for key, (control, result) in computed.items():
        finding = active.get(key)
        if result.outcome == Outcome.FAIL:
            if finding is None:
                new.append(
                    Finding(
                        institution=institution,
                        control_id=control.id,
                        subject_type=key[1],
                        subject_id=key[2],
                        subject_repr=result.subject_repr[:300],
                        severity=control.severity,
                        owner=_owner_for(ctx, key[1], key[2]),
                        explanation_zh=result.zh,
                        explanation_en=result.en,
                        opened_at=now,
                        due_on=today + datetime.timedelta(days=sla[control.severity]),
                    )
                )
            elif finding.status == S.RESOLVED:
                before = changelog.snapshot(finding)
                finding.status, finding.resolved_at = S.OPEN, None
                finding.explanation_zh, finding.explanation_en = result.zh, result.en
                changed.append((finding, before))
        elif result.outcome in (Outcome.PASS, Outcome.NOT_APPLICABLE) and finding is not None:
            if finding.status in (S.OPEN, S.IN_RECTIFICATION):
                before = changelog.snapshot(finding)
                finding.status, finding.resolved_at = S.RESOLVED, now
                changed.append((finding, before))
    # A subject that left the evaluation (app retired or deleted, control withdrawn) is no longer judged:
    # its open finding is resolved, awaiting a person's verification, instead of staying overdue for ever.
    for key, finding in active.items():
        if key not in computed and finding.status in (S.OPEN, S.IN_RECTIFICATION):
            before = changelog.snapshot(finding)
            finding.status, finding.resolved_at = S.RESOLVED, now
            finding.note = (
                finding.note + "\n" if finding.note else ""
            ) + f"{today}: 对象已不在评估范围内，待核实"
            changed.append((finding, before))
    Finding.objects.bulk_create(new)  # one statement where the backend allows (see evaluation._store_results)
    Finding.objects.bulk_update(
        [f for f, _b in changed],
        ["status", "resolved_at", "explanation_zh", "explanation_en", "note"],
        batch_size=1000,
    )
    changelog.record_many(
        [(f, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(f)) for f in new]
        + [(f, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(f)) for f, before in changed]
    )


def reopen_expired_acceptances(institution, today: datetime.date) -> int:
    expired = Finding.objects.filter(
        institution=institution, status=S.RISK_ACCEPTED, risk_accepted_until__lt=today
    )
    count = 0
    with transaction.atomic():
        for finding in expired.select_for_update():
            before = changelog.snapshot(finding)
            finding.status, finding.risk_accepted_until = S.OPEN, None
            finding.note = (finding.note + "\n" if finding.note else "") + f"{today}: 风险接受期满，重新打开"
            finding.save()
            _log(finding, before)
            count += 1
    return count


def move(
    finding: Finding, to_status: str, actor=None, note: str = "", accepted_until: datetime.date | None = None
) -> Finding:
    """A person moves a finding through its workflow."""
    if actor is not None:
        if actor.is_regulator or actor.institution_id != finding.institution_id:
            raise PermissionDenied(_("You may not change this finding"))
        allowed = (
            VERIFY_ROLES
            if to_status == S.VERIFIED
            else ACCEPT_ROLES
            if to_status == S.RISK_ACCEPTED
            else FINDING_ROLES
        )
        if actor.role not in allowed:
            raise PermissionDenied(_("Your role may not make this change"))
    today = timezone.localdate()
    if to_status == S.RISK_ACCEPTED:
        if accepted_until is None or accepted_until <= today:
            raise ValidationError(
                {"risk_accepted_until": _("Risk acceptance needs an expiry date in the future")}
            )
        if not note.strip():
            raise ValidationError({"note": _("Say why the risk is accepted")})
    with transaction.atomic():
        # The move is judged on the locked row, not on the caller's copy, which may be stale.
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if (finding.status, to_status) not in MANUAL_MOVES:
            raise ValidationError(
                _("A finding cannot go from %(a)s to %(b)s")
                % {"a": finding.get_status_display(), "b": to_status}
            )
        before = changelog.snapshot(finding)
        finding.status = to_status
        now = timezone.now()
        if to_status == S.RESOLVED:
            finding.resolved_at = now
        if to_status == S.VERIFIED:
            finding.verified_at, finding.verified_by = now, actor
        finding.risk_accepted_until = accepted_until if to_status == S.RISK_ACCEPTED else None
        if note.strip():
            finding.note = (
                finding.note + "\n" if finding.note else ""
            ) + f"{timezone.localdate()} {getattr(actor, 'username', 'system')}: {note.strip()}"
        finding.save()
        _log(finding, before, actor)
    return finding


def overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(status__in=[S.OPEN, S.IN_RECTIFICATION], due_on__lt=today)
