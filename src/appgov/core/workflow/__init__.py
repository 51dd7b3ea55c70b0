"""The workflow primitive: states and transitions as data (one YAML file per module workflow, loaded and
checked at start-up), guards and effects as named Python callables the module registers, and one way to move
an object: `transition(obj, to_state, actor, **inputs)`, on the locked row, with one change-log entry.

A module declares its workflow in `<app>/workflows/__init__.py`:

    rules = workflow.Rules()

    @rules.guard("not_requester")
    def _(obj, actor, inputs): ...

    case = workflow.load(__name__, "case.yaml", rules)
"""

from .engine import MissingItem, Move, TransitionRefused, WrongState, available, transition
from .registry import Rules, autodiscover, load, workflow_for
from .spec import Input, Label, Transition, Workflow, parse

__all__ = [
    "Input",
    "Label",
    "MissingItem",
    "Move",
    "Rules",
    "Transition",
    "TransitionRefused",
    "Workflow",
    "WrongState",
    "autodiscover",
    "available",
    "load",
    "parse",
    "transition",
    "workflow_for",
]
