"""The finding workflow (finding.yaml), the evidence review (evidence_review.yaml) and the rules they name."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import workflow

from ..models import Finding

rules = workflow.Rules()


@rules.guard("not_resolver")
def _not_resolver(finding, actor, inputs):
    if actor is not None and finding.resolved_by_id is not None and actor.pk == finding.resolved_by_id:
        return _("A finding must be verified by someone other than the person who marked it resolved.")
    return None


@rules.guard("not_regulator_issued")
def _not_regulator_issued(finding, actor, inputs):
    if finding.issued_by_office_id is not None:
        return _(
            "This finding was issued by a regulator office: submit the rectification (mark it resolved) and the "
            "office accepts or rejects it."
        )
    return None


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
    finding.resolved_at, finding.resolved_by = timezone.now(), actor


@rules.effect("stamp_verified")
def _stamp_verified(finding, actor, inputs, transition):
    finding.verified_at, finding.verified_by = timezone.now(), actor


finding = workflow.load(__name__, "finding.yaml", rules)

review_rules = workflow.Rules()


@review_rules.guard("not_uploader")
def _not_uploader(evidence, actor, inputs):
    if actor is not None and evidence.uploaded_by_id is not None and actor.pk == evidence.uploaded_by_id:
        return _("Evidence must be reviewed by someone other than the person who uploaded it.")
    return None


@review_rules.effect("stamp_review")
def _stamp_review(evidence, actor, inputs, transition):
    evidence.reviewed_by, evidence.reviewed_at = actor, timezone.now()


evidence_review = workflow.load(__name__, "evidence_review.yaml", review_rules)
