"""Findings: one per failing control and subject, with an owner, an SLA due date and a workflow.

open -> in_rectification -> resolved (awaiting verification) -> verified; or risk_accepted until a date,
after which it reopens. A passing re-check resolves an open finding; a failing one reopens a resolved one.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from appgov.core import changelog, workflow
from appgov.core.controls.outcomes import WORK_SUBJECTS
from appgov.core.models import ChangeLogEntry

from .models import Finding, SlaPolicy
from .models.subjects import Outcome, SubjectType
from .workflows import finding as finding_workflow

S = Finding.Status
# Which status may follow which by hand, and which roles may make each move: workflows/finding.yaml.
FINDING_WORKFLOW = finding_workflow
MANUAL_MOVES = FINDING_WORKFLOW.pairs()


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
        # a regulator-issued finding is the office's to close, never the evaluation's; work findings are their
        # module's
        for f in Finding.objects.filter(
            institution=institution, status__in=Finding.ACTIVE, issued_by_office__isnull=True
        ).exclude(subject_type__in=WORK_SUBJECTS)
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
                finding.status, finding.resolved_at, finding.resolved_by = S.OPEN, None, None
                finding.explanation_zh, finding.explanation_en = result.zh, result.en
                changed.append((finding, before))
        elif result.outcome in (Outcome.PASS, Outcome.NOT_APPLICABLE) and finding is not None:
            if finding.status in (S.OPEN, S.IN_RECTIFICATION):
                before = changelog.snapshot(finding)
                finding.status, finding.resolved_at, finding.resolved_by = S.RESOLVED, now, None
                changed.append((finding, before))
    # A subject that left the evaluation (app retired or deleted, control withdrawn) is no longer judged:
    # its open finding is resolved, awaiting a person's verification, instead of staying overdue for ever.
    for key, finding in active.items():
        if key not in computed and finding.status in (S.OPEN, S.IN_RECTIFICATION):
            before = changelog.snapshot(finding)
            finding.status, finding.resolved_at, finding.resolved_by = S.RESOLVED, now, None
            finding.note = (
                finding.note + "\n" if finding.note else ""
            ) + f"{today}: 对象已不在评估范围内，待核实"
            changed.append((finding, before))
    Finding.objects.bulk_create(new)  # one statement where the backend allows (see evaluation._store_results)
    Finding.objects.bulk_update(
        [f for f, _b in changed],
        ["status", "resolved_at", "resolved_by", "explanation_zh", "explanation_en", "note"],
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
        for finding in expired.select_for_update(no_key=True):
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
    """A person moves a finding through its workflow (judged on the locked row, one change-log entry)."""
    given = {"note": note, "risk_accepted_until": accepted_until}
    takes = {i.name for t in FINDING_WORKFLOW.into(to_status) for i in t.inputs}
    return workflow.transition(finding, to_status, actor, **{k: v for k, v in given.items() if k in takes})


def overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(status__in=[S.OPEN, S.IN_RECTIFICATION], due_on__lt=today)
