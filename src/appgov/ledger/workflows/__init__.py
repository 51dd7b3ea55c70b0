"""The app lifecycle workflow: lifecycle.yaml plus the moves and checklist items of gates.yaml."""

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from appgov.core import changelog, workflow
from appgov.core.models import ChangeLogEntry

from .. import gates
from ..models import LifecycleEvent
from ..models.choices import LifecycleState

rules = workflow.Rules()


def _gate_guard(item: gates.GateItem):
    def guard(app, actor, inputs):
        if item.kind == "check":  # the parts a check finds missing are named in the refusal
            return gates.check_missing(app, item) or True
        evidence = (
            set(app.gate_evidence(manager="counting").values_list("item", flat=True))
            if item.kind == "evidence"
            else set()
        )
        return gates.item_satisfied(app, item, evidence)

    return guard


def _from_gates() -> tuple[list[dict], dict]:
    """gates.yaml in the workflow file's terms: one transition per action (its from-states together), one
    guard per checklist item, labelled as in the gate file."""
    by_action: dict[str, dict] = {}
    guards = {}
    for t in gates.gate_file():
        for item in t.items:
            guards[item.id] = {"label": dict(item.label)}
            if item.id not in rules.guards:
                rules.guard(item.id)(_gate_guard(item))
        spec = by_action.get(t.action)
        if spec is None:
            by_action[t.action] = {
                "name": t.action,
                "from": [t.from_state],
                "to": t.to_state,
                "label": dict(t.label),
                "guards": [i.id for i in t.items],
            }
        elif spec["to"] == t.to_state and spec["guards"] == [i.id for i in t.items]:
            spec["from"].append(t.from_state)
        else:
            raise ImproperlyConfigured(
                f"ledger/gates.yaml: action {t.action!r} leads to different states or checklists"
            )
    return list(by_action.values()), guards


@rules.effect("stamp_dates")
def _stamp_dates(app, actor, inputs, transition):
    today = timezone.localdate()
    if transition.target == LifecycleState.RELEASED and not app.launched_on:
        app.launched_on = today
    if transition.target == LifecycleState.RETIRED:
        app.retired_on = today


@rules.effect("record_event")
def _record_event(app, actor, inputs, transition, from_state):
    event = LifecycleEvent.objects.create(
        app=app, from_state=from_state, to_state=transition.target, actor=actor, note=inputs.get("note") or ""
    )
    changelog.record(event, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(event), actor)


_transitions, _guards = _from_gates()
lifecycle = workflow.load(
    __name__, "lifecycle.yaml", rules, extra_transitions=_transitions, extra_guards=_guards
)
