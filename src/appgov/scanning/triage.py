"""Triage of scan findings: a finding marked false positive, or accepted until a date, by security or an
administrator. Decisions are keyed by the engine's fingerprint (rule + location in the app), so the same
finding in the app's next version is suppressed too; a suppressed high finding neither becomes a
vulnerability nor blocks the release gate. Findings without a fingerprint (the package-identity check)
cannot be triaged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.models import ChangeLogEntry

from .models import FindingDecision, Scan

HIGH = ("critical", "high")


def decisions_for(app) -> dict[str, FindingDecision]:
    return {d.fingerprint: d for d in FindingDecision.objects.filter(app=app).select_related("decided_by")}


def split_findings(app, findings: list[dict], today: datetime.date | None = None, decisions=None):
    """(active findings, [(finding, decision)] suppressed by a decision in force today)."""
    today = today or timezone.localdate()
    decisions = decisions_for(app) if decisions is None else decisions
    active, suppressed = [], []
    for finding in findings:
        decision = decisions.get(finding.get("fingerprint") or "")
        if decision is not None and decision.in_force(today):
            suppressed.append((finding, decision))
        else:
            active.append(finding)
    return active, suppressed


def active_high_count(scan: Scan, today=None, decisions=None) -> int:
    active, _suppressed = split_findings(
        scan.version.app, (scan.report or {}).get("findings", []), today, decisions
    )
    return sum(1 for f in active if f["severity"] in HIGH)


def decide_finding(
    scan: Scan, fingerprint: str, decision: str, reason: str, actor, expires_on: datetime.date | None = None
) -> FindingDecision:
    """Record (or change) the decision on the finding with `fingerprint` in `scan`, for the scan's app."""
    if actor is None:
        raise ValidationError(_("A finding is triaged by a person, not by the system."))
    app = scan.version.app
    # who may decide is checked before what is decided, as the page and the API both answer it first
    core_services.check_can_write(actor, FindingDecision(institution_id=app.institution_id, app=app))
    finding = next(
        (
            f
            for f in (scan.report or {}).get("findings", [])
            if fingerprint and f.get("fingerprint") == fingerprint
        ),
        None,
    )
    if finding is None:
        raise ValidationError({"fingerprint": _("This scan has no finding with that fingerprint.")})
    if decision == FindingDecision.Decision.ACCEPTED:
        if expires_on is None:
            raise ValidationError({"expires_on": _("An accepted risk needs an expiry date.")})
        if expires_on <= timezone.localdate():
            raise ValidationError(
                {"expires_on": _("The expiry date of an acceptance must be in the future.")}
            )
    else:
        expires_on = None
    with transaction.atomic():
        stored = FindingDecision.objects.select_for_update(no_key=True).filter(app=app, fingerprint=fingerprint).first()
        record = stored or FindingDecision(
            institution_id=app.institution_id, app=app, fingerprint=fingerprint
        )
        record.rule = finding["rule"][:100]
        record.decision = decision
        record.reason = (reason or "").strip()
        record.decided_by = actor
        record.decided_at = timezone.now()
        record.expires_on = expires_on
        record = core_services.save(record, actor)
        _recount(app, actor)
    return record


def _recount(app, actor) -> None:
    """The high-finding count stored on the app's finished scans follows the decisions (logged)."""
    decisions = decisions_for(app)
    for scan in Scan.objects.filter(version__app=app, status=Scan.Status.DONE).select_related("version__app"):
        count = active_high_count(scan, decisions=decisions)
        if count != scan.high_findings:
            before = changelog.snapshot(scan)
            scan.high_findings = count
            scan.save(update_fields=["high_findings"])
            changelog.record(scan, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(scan), actor)
