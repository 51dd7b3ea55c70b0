"""Lifecycle gates: the transitions and checklists come from gates.yaml; named checks are registered here.

The lifecycle workflow (workflows/lifecycle.yaml, run by core.workflow) takes its moves and guards from here."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jsonschema
import yaml
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language

from appgov.core.roles import Role

from .models.choices import AccountHolder, LifecycleState, ListingState, Severity

_LABEL = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,  # an unquoted comma in a flow mapping splits a label into extra keys
    "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
}
SCHEMA = {
    "type": "object",
    "required": ["version", "transitions", "items"],
    "properties": {
        "version": {"const": 1},
        "transitions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["from", "to", "action", "label", "items"],
                "additionalProperties": False,
                "properties": {
                    "from": {"enum": LifecycleState.values},
                    "to": {"enum": LifecycleState.values},
                    "action": {"type": "string", "pattern": "^[a-z_]+$"},
                    "label": _LABEL,
                    "items": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "items": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["kind", "label"],
                "additionalProperties": False,
                "properties": {
                    "kind": {"enum": ["field", "evidence", "check"]},
                    "field": {"type": "string"},
                    "control": {"type": "string"},
                    "roles": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "label": _LABEL,
                },
            },
        },
    },
}

CHECKS: dict[str, Callable] = {}


def register_check(name: str):
    def decorator(func):
        CHECKS[name] = func
        return func

    return decorator


@dataclass(frozen=True)
class GateItem:
    id: str
    kind: str
    label: dict
    field: str | None = None
    control: str | None = None
    roles: frozenset[str] = frozenset()  # evidence: who records it (and the administrator)

    @property
    def title(self) -> str:
        return self.label["en"] if (get_language() or "").startswith("en") else self.label["zh"]


@dataclass(frozen=True)
class Transition:
    from_state: str
    to_state: str
    action: str
    label: dict
    items: tuple[GateItem, ...]

    @property
    def title(self) -> str:
        return self.label["en"] if (get_language() or "").startswith("en") else self.label["zh"]

    @property
    def to_label(self) -> str:
        return str(LifecycleState(self.to_state).label)


def item_title(item_id: str) -> str:
    for t in transitions():
        for item in t.items:
            if item.id == item_id:
                return item.title
    return item_id


def parse_gates(data: dict) -> list[Transition]:
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        raise ImproperlyConfigured(f"gates file is invalid at {where}: {exc.message}") from exc
    items = {}
    for item_id, spec in data["items"].items():
        if spec["kind"] == "field" and not spec.get("field"):
            raise ImproperlyConfigured(f"gates file: item {item_id!r} of kind field names no field")
        if spec["kind"] == "evidence" and not spec.get("roles"):
            raise ImproperlyConfigured(f"gates file: evidence item {item_id!r} names no roles")
        unknown = set(spec.get("roles", ())) - set(Role.values)
        if unknown:
            raise ImproperlyConfigured(f"gates file: item {item_id!r} names unknown roles {sorted(unknown)}")
        items[item_id] = GateItem(
            item_id,
            spec["kind"],
            spec["label"],
            spec.get("field"),
            spec.get("control"),
            frozenset(spec.get("roles", ())),
        )
    transitions, seen = [], set()
    for t in data["transitions"]:
        key = (t["from"], t["to"])
        if key in seen:
            raise ImproperlyConfigured(f"gates file: transition {t['from']} -> {t['to']} is listed twice")
        seen.add(key)
        missing = [i for i in t["items"] if i not in items]
        if missing:
            raise ImproperlyConfigured(f"gates file: transition {t['action']} names unknown items {missing}")
        transitions.append(
            Transition(t["from"], t["to"], t["action"], t["label"], tuple(items[i] for i in t["items"]))
        )
    return transitions


@cache
def gate_file() -> tuple[Transition, ...]:
    """gates.yaml as parsed, before the check functions are known (other apps register theirs later)."""
    text = resources.files("appgov.ledger").joinpath("gates.yaml").read_text(encoding="utf-8")
    return tuple(parse_gates(yaml.safe_load(text)))


@cache
def transitions() -> tuple[Transition, ...]:
    loaded = gate_file()
    for t in loaded:
        for item in t.items:
            if item.kind == "check" and item.id not in CHECKS:
                raise ImproperlyConfigured(f"gates file: no check function registered for {item.id!r}")
    return loaded


def transitions_from(state: str) -> list[Transition]:
    return [t for t in transitions() if t.from_state == state]


def find_transition(from_state: str, to_state: str) -> Transition | None:
    return next((t for t in transitions() if t.from_state == from_state and t.to_state == to_state), None)


def evidence_item(item_id: str) -> GateItem | None:
    return next((i for t in transitions() for i in t.items if i.id == item_id and i.kind == "evidence"), None)


def item_satisfied(app, item: GateItem, evidence_items: set[str]) -> bool:
    if item.kind == "field":
        value = getattr(app, item.field)
        return value not in (None, "", [], {})
    if item.kind == "evidence":
        return item.id in evidence_items
    return not check_missing(app, item)


def check_missing(app, item: GateItem) -> list[str]:
    """What a check item finds missing ([] when it is satisfied). A check returns a bool, or the list of the
    parts still missing (empty: satisfied), which the gate's refusal then names."""
    result = CHECKS[item.id](app)
    if isinstance(result, list | tuple):
        return [str(part) for part in result]
    return [] if result else [item.title]


def missing_items(app, transition: Transition) -> list[GateItem]:
    evidence_items = set(app.gate_evidence(manager="counting").values_list("item", flat=True))
    return [item for item in transition.items if not item_satisfied(app, item, evidence_items)]


@register_check("has_version")
def _has_version(app) -> bool:
    return app.versions.exists()


@register_check("no_open_high_vulnerabilities")
def _no_open_high(app) -> bool:
    from .models import Vulnerability

    return not Vulnerability.objects.filter(
        version__app=app, status=Vulnerability.Status.OPEN, severity__in=[Severity.HIGH, Severity.CRITICAL]
    ).exists()


@register_check("has_active_listing")
def _has_active_listing(app) -> bool:
    from .models import Listing

    return Listing.objects.filter(version__app=app, state=ListingState.LISTED).exists()


@register_check("publishing_accounts_held")
def _accounts_held(app) -> bool:
    accounts = list(app.publishing_accounts.values_list("holder", flat=True))
    return bool(accounts) and all(h == AccountHolder.INSTITUTION for h in accounts)


@register_check("all_listings_delisted")
def _all_delisted(app) -> bool:
    from .models import Listing

    return not Listing.objects.filter(
        version__app=app, state__in=[ListingState.LISTED, ListingState.UNDER_REVIEW]
    ).exists()
