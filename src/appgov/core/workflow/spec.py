"""A workflow as data: the states a field of a model moves through, and each transition's roles, inputs and
guards. `parse` turns the mapping read from a module's YAML file into frozen objects, or refuses it naming
the file and the key that is wrong. It knows nothing of models; registry.load checks names against them."""

from dataclasses import dataclass, field

import jsonschema
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language

NAME = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
NAMES = {"type": "array", "items": NAME, "uniqueItems": True}
LABEL = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,
    "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
}
INPUT_KINDS = ("text", "date", "file", "values")
INPUT = {
    "type": "object",
    "required": ["name", "kind", "label"],
    "additionalProperties": False,
    "properties": {
        "name": NAME,
        "kind": {"enum": list(INPUT_KINDS)},
        "label": LABEL,
        "required": {"type": "boolean"},
        # the model field the value is written to; without it the value is only for the guards and effects
        "field": NAME,
        # dates: "today" when none is given; not_future refuses a date after today
        "default": {"const": "today"},
        "not_future": {"type": "boolean"},
    },
}
MOVE_PARTS = {
    "roles": NAMES,
    "inputs": {"type": "array", "items": INPUT},
    "guards": NAMES,
    "apply": NAMES,
    "after": NAMES,
}
TRANSITION = {
    "type": "object",
    "required": ["name", "from", "to", "label"],
    "additionalProperties": False,
    "properties": {
        "name": NAME,
        "from": {**NAMES, "minItems": 1},
        "to": NAME,
        "label": LABEL,
        # said instead of the generic refusal when the object is not in one of the `from` states
        "refused": LABEL,
        **MOVE_PARTS,
    },
}
SCHEMA = {
    "type": "object",
    "required": ["version", "model", "field", "transitions"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "model": {"type": "string", "pattern": "^[a-z_]+\\.[a-z_]+$"},
        "field": NAME,
        "guards": {
            "type": "object",
            "propertyNames": NAME,
            "additionalProperties": {
                "type": "object",
                "required": ["label"],
                "additionalProperties": False,
                "properties": {
                    "label": LABEL,
                    # the input or field a refusal is filed under (non-field when absent)
                    "field": NAME,
                    # missing: the move waits for something (400); permission: this actor may never (403)
                    "refusal": {"enum": ["missing", "permission"]},
                },
            },
        },
        "defaults": {"type": "object", "additionalProperties": False, "properties": MOVE_PARTS},
        "transitions": {"type": "array", "items": TRANSITION},
    },
}


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def __str__(self) -> str:
        return self.en if (get_language() or "").startswith("en") else self.zh


@dataclass(frozen=True)
class Input:
    name: str
    kind: str
    label: Label
    required: bool = False
    field: str | None = None
    default_today: bool = False
    not_future: bool = False


@dataclass(frozen=True)
class Guard:
    name: str
    label: Label
    field: str | None = None
    permission: bool = False


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    label: Label
    roles: frozenset[str] | None = None  # None: whoever may write the model
    refused: Label | None = None
    inputs: tuple[Input, ...] = ()
    guards: tuple[Guard, ...] = ()
    apply: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    def input(self, name: str) -> Input | None:
        return next((i for i in self.inputs if i.name == name), None)


@dataclass(frozen=True)
class Workflow:
    source: str  # the file it was read from, for messages
    model: str  # app_label.modelname
    field: str
    transitions: tuple[Transition, ...] = field(default=())

    def find(self, from_state: str, to_state: str) -> Transition | None:
        return next((t for t in self.transitions if from_state in t.sources and t.target == to_state), None)

    def from_state(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def into(self, to_state: str) -> list[Transition]:
        return [t for t in self.transitions if t.target == to_state]

    def named(self, name: str) -> Transition:
        return next(t for t in self.transitions if t.name == name)

    def pairs(self) -> set[tuple[str, str]]:
        return {(s, t.target) for t in self.transitions for s in t.sources}


def bad(source: str, where: str, message: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{source}: {where or '(top)'}: {message}")


def parse(data, source: str) -> Workflow:
    """The workflow described by `data` (read from `source`); ImproperlyConfigured naming file and key."""
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise bad(source, where, exc.message) from None
    guards = {
        name: Guard(
            name,
            Label(**spec["label"]),
            spec.get("field"),
            spec.get("refusal", "missing") == "permission",
        )
        for name, spec in (data.get("guards") or {}).items()
    }
    defaults = data.get("defaults") or {}
    transitions, names, pairs = [], set(), {}
    for index, raw in enumerate(data["transitions"]):
        where = f"transitions/{index}"
        spec = {**defaults, **raw}
        for part in ("guards", "apply", "after"):  # defaults come first, then the move's own
            if part in defaults and part in raw:
                spec[part] = list(defaults[part]) + [n for n in raw[part] if n not in defaults[part]]
        if "inputs" in defaults and "inputs" in raw:  # a move's own input replaces a default one of its name
            own = {i["name"] for i in raw["inputs"] if isinstance(i, dict)}
            spec["inputs"] = [i for i in defaults["inputs"] if i["name"] not in own] + list(raw["inputs"])
        if raw["name"] in names:
            raise bad(source, f"{where}/name", f"transition {raw['name']!r} is listed twice")
        names.add(raw["name"])
        for state in raw["from"]:
            if (state, raw["to"]) in pairs:
                raise bad(
                    source,
                    f"{where}/from",
                    f"{state} -> {raw['to']} is already transition {pairs[(state, raw['to'])]!r}",
                )
            pairs[(state, raw["to"])] = raw["name"]
        if raw["to"] in raw["from"]:
            raise bad(source, f"{where}/to", f"a transition cannot stay in {raw['to']!r}")
        unknown = [g for g in spec.get("guards", []) if g not in guards]
        if unknown:
            raise bad(source, f"{where}/guards", f"guards {unknown} are not declared under guards:")
        inputs = []
        for i, item in enumerate(spec.get("inputs", [])):
            if any(x.name == item["name"] for x in inputs):
                raise bad(source, f"{where}/inputs/{i}/name", f"input {item['name']!r} is listed twice")
            if item["kind"] != "date" and ("default" in item or "not_future" in item):
                raise bad(source, f"{where}/inputs/{i}", "default and not_future are for date inputs")
            inputs.append(
                Input(
                    item["name"],
                    item["kind"],
                    Label(**item["label"]),
                    item.get("required", False),
                    item.get("field"),
                    item.get("default") == "today",
                    item.get("not_future", False),
                )
            )
        transitions.append(
            Transition(
                name=raw["name"],
                sources=tuple(raw["from"]),
                target=raw["to"],
                label=Label(**raw["label"]),
                roles=frozenset(spec["roles"]) if "roles" in spec else None,
                refused=Label(**raw["refused"]) if "refused" in raw else None,
                inputs=tuple(inputs),
                guards=tuple(guards[g] for g in spec.get("guards", [])),
                apply=tuple(spec.get("apply", [])),
                after=tuple(spec.get("after", [])),
            )
        )
    return Workflow(source, data["model"], data["field"], tuple(transitions))
