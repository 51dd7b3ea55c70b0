"""Daily: the register's dates coming due within 30 days, per institution, written to the digest log (no mail
server in this deployment); the module page shows the same list to each user."""

import logging

from django.utils import timezone

from appgov.core.jobs import register_daily_job
from appgov.core.zones import institution_time

log = logging.getLogger("appgov.digest")

register_daily_job("partners.expiring", "appgov.partners.tasks.report_expiring", "06:10")
register_daily_job("partners.link_sdks", "appgov.partners.sdks.link_all", "05:50")


def report_expiring() -> str:
    from appgov.core.models import Institution

    from .selectors import expiring

    total = 0
    for institution in Institution.objects.all():
        with institution_time(institution):
            items = expiring(None, timezone.localdate(), institution=institution)
        total += len(items)
        if items:
            log.warning(
                "third-party digest %s: %d qualifications, contracts, grants or evaluations due within 30 days: %s",
                institution.name,
                len(items),
                "; ".join(f"{e.day} {e.kind} {e.party.name}" for e in items[:20]),
            )
    return f"{total} register dates due within 30 days"
