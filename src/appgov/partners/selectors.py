"""Reads of the register for pages, the digest and the daily job."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import AccessGrant, Contract, Party, Qualification
from .models.choices import ACTIVE_STATES
from .policy import policy


@dataclass
class Expiring:
    kind: str  # qualification, contract, grant, evaluation
    day: datetime.date
    party: Party
    record: object


def expiring(user_or_none, today: datetime.date, institution=None, days: int | None = None) -> list[Expiring]:
    """Qualifications, contracts and grants ending, and evaluations due, within `days` (policy: 30) of today,
    for what the user may see (or, for a job, one institution)."""
    days = policy()["expiry_warning_days"] if days is None else days
    until = today + datetime.timedelta(days=days)

    def scoped(model):
        qs = model.objects.for_user(user_or_none) if user_or_none is not None else model.objects.all()
        if institution is not None:
            path = model.institution_path
            qs = qs.filter(**{path: institution})
        return qs

    found = []
    for q in (
        scoped(Qualification).filter(valid_until__gte=today, valid_until__lte=until).select_related("party")
    ):
        found.append(Expiring("qualification", q.valid_until, q.party, q))
    contracts = (
        scoped(Contract)
        .filter(ends_on__gte=today, ends_on__lte=until)
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=until))
        .select_related("party")
    )
    for c in contracts:
        found.append(Expiring("contract", c.ends_on, c.party, c))
    grants = scoped(AccessGrant).filter(ends_on__gte=today, ends_on__lte=until, revoked_on__isnull=True)
    for g in grants.select_related("party"):
        found.append(Expiring("grant", g.ends_on, g.party, g))
    for p in scoped(Party).filter(state__in=ACTIVE_STATES, next_evaluation_due__lte=until):
        found.append(Expiring("evaluation", p.next_evaluation_due, p, p))
    return sorted(found, key=lambda e: (e.day, e.kind, e.party.name))
