"""Loading a module's workflow file at start-up, checked against its model and the Python rules the module
registers; one workflow per model, found again by the engine from the object it moves."""

import importlib.util
from collections.abc import Callable
from importlib import resources

import yaml
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured

from appgov.core.roles import Role

from .spec import Workflow, bad, parse

_BY_MODEL: dict[str, Workflow] = {}
_RULES: dict[str, "Rules"] = {}


class Rules:
    """The named Python callables a workflow file refers to.

    guard(obj, actor, inputs) -> what is missing: None/""/True when satisfied; False (the guard's label is
    the message), a message, or a list of messages otherwise.
    apply(obj, actor, inputs, transition): changes obj before it is validated and saved.
    after(obj, actor, inputs, transition, from_state): related records, inside the same transaction.
    """

    def __init__(self):
        self.guards: dict[str, Callable] = {}
        self.effects: dict[str, Callable] = {}

    def guard(self, name: str):
        return self._register(self.guards, name)

    def effect(self, name: str):
        return self._register(self.effects, name)

    @staticmethod
    def _register(table, name):
        def decorator(func):
            if name in table:
                raise ImproperlyConfigured(f"workflow rule {name!r} is registered twice")
            table[name] = func
            return func

        return decorator


def read(package: str, filename: str):
    """The YAML mapping of package/filename, or ImproperlyConfigured naming the file."""
    source = f"{package.replace('.', '/')}/{filename}"
    try:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
        return yaml.safe_load(text), source
    except FileNotFoundError:
        raise ImproperlyConfigured(f"{source}: workflow file not found") from None
    except yaml.YAMLError as exc:
        raise ImproperlyConfigured(f"{source}: not valid YAML: {exc}") from None


def load(
    package: str,
    filename: str,
    rules: Rules,
    extra_transitions: list[dict] = (),
    extra_guards: dict | None = None,
) -> Workflow:
    """Read, validate and register a workflow; a bad file raises ImproperlyConfigured naming file and key.

    extra_transitions / extra_guards: entries in the file's own format that the module keeps in another
    data file (the ledger's gate checklist), validated like the file's own.
    """
    data, source = read(package, filename)
    if isinstance(data, dict):
        if extra_transitions:
            data = {**data, "transitions": list(data.get("transitions") or []) + list(extra_transitions)}
        if extra_guards:
            data = {**data, "guards": {**(data.get("guards") or {}), **extra_guards}}
    workflow = parse(data, source)
    check(workflow, rules)
    if workflow.model in _BY_MODEL and _BY_MODEL[workflow.model].source != source:
        raise bad(
            source, "model", f"{workflow.model} already has a workflow ({_BY_MODEL[workflow.model].source})"
        )
    _BY_MODEL[workflow.model] = workflow
    _RULES[workflow.model] = rules
    return workflow


def check(workflow: Workflow, rules: Rules) -> None:
    """The names in the file exist: model, state field and its states, roles, inputs' fields, rules."""
    source = workflow.source
    try:
        model = apps.get_model(workflow.model)
    except (LookupError, ValueError):
        raise bad(source, "model", f"no model {workflow.model!r}") from None
    try:
        state_field = model._meta.get_field(workflow.field)
    except FieldDoesNotExist:
        raise bad(source, "field", f"{workflow.model} has no field {workflow.field!r}") from None
    states = {str(value) for value, _label in state_field.choices or []}
    if not states:
        raise bad(source, "field", f"{workflow.model}.{workflow.field} has no choices to be states")
    roles = set(Role.values)
    for index, t in enumerate(workflow.transitions):
        where = f"transitions/{index}"
        for state in (*t.sources, t.target):
            if state not in states:
                raise bad(source, where, f"{state!r} is not a state of {workflow.model}.{workflow.field}")
        if t.roles is not None and not t.roles <= roles:
            raise bad(source, f"{where}/roles", f"unknown roles {sorted(t.roles - roles)}")
        for i in t.inputs:
            if i.field is not None:
                try:
                    model._meta.get_field(i.field)
                except FieldDoesNotExist:
                    raise bad(
                        source, f"{where}/inputs/{i.name}/field", f"{workflow.model} has no field {i.field!r}"
                    ) from None
        for g in t.guards:
            if g.name not in rules.guards:
                raise bad(source, f"{where}/guards", f"no guard {g.name!r} is registered in Python")
        for part in ("apply", "after"):
            for name in getattr(t, part):
                if name not in rules.effects:
                    raise bad(source, f"{where}/{part}", f"no effect {name!r} is registered in Python")


def workflow_for(model_or_obj) -> tuple[Workflow, Rules]:
    label = model_or_obj._meta.label_lower
    if label not in _BY_MODEL:
        raise ImproperlyConfigured(f"{label} has no workflow loaded")
    return _BY_MODEL[label], _RULES[label]


def autodiscover() -> None:
    """Import every installed app's `workflows` package, so each file is loaded and checked at start-up."""
    for config in apps.get_app_configs():
        name = f"{config.name}.workflows"
        if config.name.startswith("appgov.") and importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
