"""The daily digest: overdue findings and calendar items coming due, per institution, in the log and the dashboard."""

import datetime
import logging

from django.utils import timezone

from appgov.core import extensions
from appgov.core.models import Institution
from appgov.core.zones import institution_time

from .findings import overdue
from .models import Finding, ScheduleItem

log = logging.getLogger("appgov.digest")


def digest(institution, today=None) -> dict:
    today = today or timezone.localdate()
    findings = overdue(Finding.objects.filter(institution=institution), today)
    until = today + datetime.timedelta(days=30)
    soon = ScheduleItem.objects.filter(institution=institution, due_on__lte=until)
    # the modules' own dates (third parties' expiring qualifications, contracts and grants; incident reports,
    # audits, drills …) registered through core.extensions.register_due_dates
    module_due = [d for d in extensions.due_dates(institution, today) if d["due_on"] <= until]
    return {
        "institution": institution.name,
        "overdue_findings": [(f.control_id, f.subject_repr, f.due_on.isoformat()) for f in findings[:50]],
        "overdue_count": findings.count(),
        "calendar_due": [(s.control_id, s.subject_repr, s.due_on.isoformat()) for s in soon[:50]],
        "module_due": [(d["control_id"], str(d["label"]), d["due_on"].isoformat()) for d in module_due[:50]],
    }


def send_daily_digest() -> str:
    """No mail server is configured in this deployment: the digest is written to the log (and shown on the dashboard)."""
    total = 0
    for institution in Institution.objects.all():
        total += _log_digest(institution)
    return f"{total} overdue findings"


def send_institution_digest(institution) -> str:
    """The digest of one institution (the scheduler runs it at the institution's morning)."""
    return f"{_log_digest(institution)} overdue findings"


def _log_digest(institution) -> int:
    with institution_time(institution):
        d = digest(institution)
    log.warning(
        "daily digest %s: %d overdue findings, %d calendar items and %d module dates due within 30 days",
        d["institution"],
        d["overdue_count"],
        len(d["calendar_due"]),
        len(d["module_due"]),
    )
    return d["overdue_count"]
