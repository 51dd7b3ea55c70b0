"""The finding workflow (finding.yaml) and the rules it names."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import workflow

from ..models import Finding

rules = workflow.Rules()


@rules.guard("acceptance_ends_in_future")
def _acceptance_ends_in_future(finding, actor, inputs):
    until = inputs.get("risk_accepted_until")
    if until is not None and until <= timezone.localdate():
        return _("Risk acceptance needs an expiry date in the future")
    return None


@rules.effect("clear_acceptance")
def _clear_acceptance(finding, actor, inputs, transition):
    if transition.target != Finding.Status.RISK_ACCEPTED:
        finding.risk_accepted_until = None


@rules.effect("add_note")
def _add_note(finding, actor, inputs, transition):
    if inputs.get("note"):
        line = f"{timezone.localdate()} {getattr(actor, 'username', 'system')}: {inputs['note']}"
        finding.note = f"{finding.note}\n{line}" if finding.note else line


@rules.effect("stamp_resolved")
def _stamp_resolved(finding, actor, inputs, transition):
    finding.resolved_at = timezone.now()


@rules.effect("stamp_verified")
def _stamp_verified(finding, actor, inputs, transition):
    finding.verified_at, finding.verified_by = timezone.now(), actor


finding = workflow.load(__name__, "finding.yaml", rules)
