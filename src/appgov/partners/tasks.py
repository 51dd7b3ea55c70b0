"""Daily: the register's dates coming due within 30 days, per institution, written to the digest log (no mail
server in this deployment); the module page shows the same list to each user."""

import logging

from django.utils import timezone

from appgov.core.jobs import register_daily_job
from appgov.core.zones import institution_time

log = logging.getLogger("appgov.digest")

register_daily_job(
    "partners.expiring",
    "appgov.partners.tasks.report_expiring",
    "06:10",
    each="appgov.partners.tasks.report_expiring_for",
)
register_daily_job("partners.link_sdks", "appgov.partners.sdks.link_all", "05:50")


def report_expiring() -> str:
    from appgov.core.models import Institution

    total = sum(_log_expiring(institution) for institution in Institution.objects.all())
    return f"{total} register dates due within 30 days"


def report_expiring_for(institution) -> str:
    """One institution's third-party digest (run at the institution's morning)."""
    return f"{_log_expiring(institution)} register dates due within 30 days"


def _log_expiring(institution) -> int:
    from .selectors import expiring

    with institution_time(institution):
        items = expiring(None, timezone.localdate(), institution=institution)
    if items:
        log.warning(
            "third-party digest %s: %d qualifications, contracts, grants or evaluations due within 30 days: %s",
            institution.name,
            len(items),
            "; ".join(f"{e.day} {e.kind} {e.party.name}" for e in items[:20]),
        )
    return len(items)
