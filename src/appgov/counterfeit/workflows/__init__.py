"""The counterfeit case workflow (case.yaml) and the rules it names."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import workflow

from ..models import CaseState, CounterfeitCase
from ..policy import deadlines

# What a sweep refreshes on a case when the listing alerts again (the rest is the examiners' judgement).
ALERT_FIELDS = (
    "alert_kind",
    "score",
    "reasons",
    "explanation_zh",
    "also_matches",
    "source",
    "listing_name",
    "package_id",
    "listing_developer",
    "listing_cert_sha256",
    "last_alert_at",
)

rules = workflow.Rules()


@rules.guard("confirmed_after_opening")
def _confirmed_after_opening(case, actor, inputs):
    day = inputs.get("on")
    if day is not None and case.opened_at and day < timezone.localtime(case.opened_at).date():
        return _("A case cannot be confirmed before it was opened.")
    return None


@rules.guard("requested_after_confirmation")
def _requested_after_confirmation(case, actor, inputs):
    day = inputs.get("on")
    if day is not None and case.confirmed_on and day < case.confirmed_on:
        return _("A takedown cannot be requested before the case was confirmed.")
    return None


@rules.guard("taken_down_after_request")
def _taken_down_after_request(case, actor, inputs):
    day = inputs.get("on")
    if day is not None and case.takedown_requested_on and day < case.takedown_requested_on:
        return _("The listing cannot be taken down before the request.")
    return None


@rules.effect("add_note")
def _add_note(case, actor, inputs, transition):
    if inputs.get("note"):
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        line = f"{stamp} [{CaseState(transition.target).label}] {inputs['note']}"
        case.note = f"{case.note}\n{line}".strip()


@rules.effect("record_verdict")
def _record_verdict(case, actor, inputs, transition):
    case.verdict = (
        CounterfeitCase.Verdict.COUNTERFEIT
        if transition.target == CaseState.CONFIRMED_COUNTERFEIT
        else CounterfeitCase.Verdict.REPACKAGED
    )
    case.clarification_due_on, case.report_due_on = deadlines(case.confirmed_on)


@rules.effect("platform_defaults_to_source")
def _platform_defaults_to_source(case, actor, inputs, transition):
    if not inputs.get("platform"):
        case.takedown_platform = case.source[:200]


case = workflow.load(__name__, "case.yaml", rules)
