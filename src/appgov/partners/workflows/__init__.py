"""The register's workflow (data in party.yaml) and the rules it names."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core import workflow

from ..models.choices import AssessmentKind, DataDisposition, Decision

rules = workflow.Rules()


def _day(inputs, name="exited_on"):
    return inputs.get(name) or timezone.localdate()


@rules.guard("admission_approved")
def _admission_approved(party, actor, inputs):
    if not party.assessments.filter(
        kind=AssessmentKind.ADMISSION, decision=Decision.APPROVED, voided_at__isnull=True
    ).exists():
        return _("No approved admission due diligence on record.")
    return None


@rules.guard("current_contract")
def _current_contract(party, actor, inputs):
    today = timezone.localdate()
    if not any(c.current_on(today) for c in party.contracts.filter(voided_at__isnull=True)):
        return _("No contract in force today.")
    return None


@rules.guard("access_removed")
def _access_removed(party, actor, inputs):
    day = _day(inputs)
    active = [g for g in party.grants.all() if g.active_on(day)]
    if active:
        return _("Grants still in force: %(grants)s") % {"grants": "; ".join(str(g) for g in active[:5])}
    return None


@rules.guard("data_disposed")
def _data_disposed(party, actor, inputs):
    value = inputs.get("data_disposition")
    if value is None:
        return None  # reported as a missing input
    if value not in DataDisposition.values:
        return _("Give one of: %(values)s") % {"values": ", ".join(DataDisposition.values)}
    if value != DataDisposition.NONE_HELD and not inputs.get("data_disposed_on"):
        return _("Give the date the data was returned or destroyed.")
    return None


@rules.guard("destruction_certified")
def _destruction_certified(party, actor, inputs):
    if inputs.get("data_disposition") == DataDisposition.DESTROYED and not (
        inputs.get("destruction_certificate") or party.destruction_certificate
    ):
        return False
    return None


@rules.guard("contracts_ended")
def _contracts_ended(party, actor, inputs):
    day = _day(inputs)
    running = [
        c
        for c in party.contracts.filter(voided_at__isnull=True)
        if c.starts_on <= day and not c.ended_by(day)
    ]
    if running:
        return _("Contracts still in force: %(refs)s; record their termination.") % {
            "refs": ", ".join(c.reference for c in running)
        }
    return None


@rules.effect("set_admitted")
def _set_admitted(party, actor, inputs, transition):
    from ..services import next_evaluation

    party.admitted_on = timezone.localdate()
    approved = (
        party.assessments.filter(decision=Decision.APPROVED, voided_at__isnull=True)
        .order_by("-assessed_on")
        .first()
    )
    if approved is not None:
        party.last_evaluated_on = approved.assessed_on
        party.next_evaluation_due = next_evaluation(party)


@rules.effect("end_relations")
def _end_relations(party, actor, inputs, transition, from_state):
    day = _day(inputs)
    for relation in party.relations.filter(ended_on__isnull=True):
        relation.ended_on = day
        core.save(relation, actor)


party = workflow.load(__name__, "party.yaml", rules)
