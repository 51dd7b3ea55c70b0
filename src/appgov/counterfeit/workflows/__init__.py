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


@rules.guard("alert_fields_only")
def _alert_fields_only(case, actor, inputs):
    unknown = sorted(set(inputs.get("alert") or {}) - set(ALERT_FIELDS))
    return [_("%(name)s is not a field of the alert.") % {"name": name} for name in unknown]


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


@rules.effect("clear_judgement")
def _clear_judgement(case, actor, inputs, transition):
    """Back to new: verdict and dates are cleared; clarifications and a report already made stay on record."""
    case.verdict = ""
    case.confirmed_on = case.clarification_due_on = case.report_due_on = None
    case.takedown_platform = case.takedown_reference = ""
    case.takedown_requested_on = case.taken_down_on = None


@rules.effect("refresh_alert")
def _refresh_alert(case, actor, inputs, transition):
    for name, value in (inputs.get("alert") or {}).items():
        setattr(case, name, value)


case = workflow.load(__name__, "case.yaml", rules)
