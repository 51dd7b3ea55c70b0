"""The register's facts for the compliance evaluation, read once per evaluation (see core.controls.context)."""

from collections import defaultdict
from dataclasses import dataclass, field

from appgov.core.controls.context import fact

from .models import AccessGrant, AccessReview, Contract, Party, Qualification, Relation


@dataclass
class Register:
    parties: dict = field(default_factory=dict)  # id -> Party
    relations_by_app: dict = field(default_factory=lambda: defaultdict(list))
    parties_by_channel: dict = field(default_factory=lambda: defaultdict(set))  # channel id -> party ids
    qualifications: dict = field(default_factory=lambda: defaultdict(list))  # party id -> [Qualification]
    contracts: dict = field(default_factory=lambda: defaultdict(list))  # party id -> [Contract]
    grants: list = field(default_factory=list)
    reviews: list = field(default_factory=list)

    @property
    def in_use(self) -> bool:
        return bool(self.parties)


@fact("partner_register")
def partner_register(ctx) -> Register:
    inst = ctx.institution
    reg = Register()
    reg.parties = {p.pk: p for p in Party.objects.filter(voided_at__isnull=True, institution=inst)}
    for relation in Relation.objects.filter(party__institution=inst).select_related("channel"):
        relation.party = reg.parties[relation.party_id]
        reg.relations_by_app[relation.app_id].append(relation)
        if relation.channel_id:
            reg.parties_by_channel[relation.channel_id].add(relation.party_id)
    for q in Qualification.objects.filter(voided_at__isnull=True, party__institution=inst):
        reg.qualifications[q.party_id].append(q)
    for c in Contract.objects.filter(voided_at__isnull=True, party__institution=inst):
        reg.contracts[c.party_id].append(c)
    reg.grants = list(AccessGrant.objects.filter(party__institution=inst).select_related("approver"))
    for grant in reg.grants:
        grant.party = reg.parties[grant.party_id]
    reg.reviews = list(AccessReview.objects.filter(institution=inst))
    return reg
