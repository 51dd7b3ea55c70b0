"""The credit module's workflows (data in the YAML files here) and the rules they name."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import workflow

rules = workflow.Rules()


@rules.guard("named_approver")
def _named_approver(request, actor, inputs):
    if actor is None:
        return "an approval needs a named approver"
    if actor.is_regulator:
        return _("Your role may not approve credit-system changes.")
    return None


@rules.guard("not_requester")
def _not_requester(request, actor, inputs):
    if actor is not None and request.requested_by_id is not None and actor.pk == request.requested_by_id:
        return _("A request must be approved by someone other than the requester.")
    return None


@rules.guard("within_retention")
def _within_retention(request, actor, inputs):
    extracted_on = inputs.get("extracted_on")
    if extracted_on is not None and extracted_on > request.retention_until:
        return _("Extraction after the end of retention.")
    return None


@rules.guard("not_before_extraction")
def _not_before_extraction(request, actor, inputs):
    destroyed_on = inputs.get("destroyed_on")
    if destroyed_on is not None and request.extracted_on and destroyed_on < request.extracted_on:
        return _("Destruction cannot precede extraction.")
    return None


@rules.effect("record_decision")
def _record_decision(request, actor, inputs, transition):
    request.approved_by, request.approved_at = actor, timezone.now()


bulk_data = workflow.load(__name__, "bulk_data.yaml", rules)
