"""The rules file: defaults shipped with the package, an optional override merged on top, schema-checked."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import RulesConfigError

RULE_IDS = tuple(f"Q{number:02d}" for number in range(1, 15))


@dataclass(frozen=True)
class RuleSettings:
    rule_id: str
    name: str  # Chinese name shown to users
    title_en: str  # the Sigma `title` (English)
    severity: str  # the Sigma `level`: low / medium / high
    legal_basis: str
    enabled: bool
    params: dict[str, Any]
    severity_by_reason: dict[str, str]
    sigma_id: str = ""
    status: str = "stable"
    references: tuple[str, ...] = ()
    falsepositives: tuple[str, ...] = ()
    # each: the example mapping plus "origin" (the file it came from)
    examples: tuple[dict[str, Any], ...] = ()

    def severity_for(self, reason: str) -> str:
        return self.severity_by_reason.get(reason, self.severity)


@dataclass(frozen=True)
class RulesConfig:
    timezone: str
    reason_codes: dict[str, dict[str, Any]]
    rules: dict[str, RuleSettings]
    raw: dict[str, Any]

    def rule(self, rule_id: str) -> RuleSettings:
        return self.rules[rule_id]

    def enabled_rules(self) -> list[RuleSettings]:
        return [self.rules[rule_id] for rule_id in RULE_IDS if self.rules[rule_id].enabled]


def default_rules_document() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("rules.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("rules.schema.json").read_text(encoding="utf-8"))


def merge(base: Any, override: Any) -> Any:
    """Dictionaries merge key by key; anything else in the override replaces the base value."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(override)


def load_rules_config(override: str | os.PathLike | dict[str, Any] | None = None) -> RulesConfig:
    """The default rules, with ``override`` (a YAML file path or an already-parsed mapping) merged on top.

    A rule's ``examples`` in the override are added to the shipped ones (marked with their origin);
    ``skip_examples`` names shipped examples to leave out.
    """
    document = default_rules_document()
    _mark_origin(document, "default rules")
    source = "default rules"
    if override is not None:
        if isinstance(override, dict):
            override_doc, source = override, "rules override"
        else:
            path = Path(override)
            source = str(path)
            try:
                override_doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            except OSError as exc:
                raise RulesConfigError(f"{path}: cannot read rules file ({exc.strerror})") from None
            except yaml.YAMLError as exc:
                raise RulesConfigError(f"{path}: not valid YAML ({exc})") from None
            if override_doc is None:
                override_doc = {}
        if not isinstance(override_doc, dict):
            raise RulesConfigError(f"{source}: the rules file must be a mapping at the top level")
        override_doc = copy.deepcopy(override_doc)
        _mark_origin(override_doc, source)
        added = _take_examples(override_doc)
        document = merge(document, override_doc)
        for rule_id, examples in added.items():
            if isinstance(document.get("rules"), dict) and isinstance(document["rules"].get(rule_id), dict):
                document["rules"][rule_id]["examples"] = (
                    document["rules"][rule_id].get("examples", []) + examples
                )
    document, origins = _strip_origin(document)
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(document), key=lambda error: [str(p) for p in error.absolute_path])
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise RulesConfigError(f"{source}: {where}: {error.message}")
    return _build(document, origins)


_ORIGIN = "_origin"


def _mark_origin(document: Any, origin: str) -> None:
    rules = document.get("rules") if isinstance(document, dict) else None
    if not isinstance(rules, dict):
        return
    for entry in rules.values():
        if isinstance(entry, dict) and isinstance(entry.get("examples"), list):
            for example in entry["examples"]:
                if isinstance(example, dict):
                    example[_ORIGIN] = origin


def _take_examples(override: dict[str, Any]) -> dict[str, list]:
    """Remove the rules' examples from an override (they are appended, not merged)."""
    taken: dict[str, list] = {}
    rules = override.get("rules")
    if isinstance(rules, dict):
        for rule_id, entry in rules.items():
            if isinstance(entry, dict) and "examples" in entry:
                examples = entry.pop("examples")
                taken[rule_id] = examples if isinstance(examples, list) else [examples]
    return taken


def _strip_origin(document: dict[str, Any]) -> tuple[dict[str, Any], dict[tuple[str, int], str]]:
    """The document without origin marks (the schema does not know them) and the marks by (rule, index)."""
    clean = copy.deepcopy(document)
    origins: dict[tuple[str, int], str] = {}
    rules = clean.get("rules") if isinstance(clean, dict) else None
    if isinstance(rules, dict):
        for rule_id, entry in rules.items():
            if isinstance(entry, dict) and isinstance(entry.get("examples"), list):
                for index, example in enumerate(entry["examples"]):
                    if isinstance(example, dict) and _ORIGIN in example:
                        origins[(rule_id, index)] = example.pop(_ORIGIN)
    return clean, origins


def _build(document: dict[str, Any], origins: dict[tuple[str, int], str]) -> RulesConfig:
    rules = {}
    for rule_id in RULE_IDS:
        entry = document["rules"].get(rule_id)
        if entry is None:
            raise RulesConfigError(f"rules: {rule_id} is missing")
        skipped = set(entry.get("skip_examples", []))
        names = [example["name"] for example in entry["examples"]]
        unknown = sorted(skipped - set(names))
        if unknown:
            raise RulesConfigError(f"rules/{rule_id}/skip_examples: no example named {unknown[0]!r}")
        examples = tuple(
            {**example, "origin": origins.get((rule_id, index), "default rules")}
            for index, example in enumerate(entry["examples"])
            if example["name"] not in skipped
        )
        rules[rule_id] = RuleSettings(
            rule_id=rule_id,
            name=entry["name"],
            # an override may still use the former names title_en / severity; they win over the defaults
            title_en=entry.get("title_en", entry["title"]),
            severity=entry.get("severity", entry["level"]),
            legal_basis=entry["legal_basis"],
            enabled=entry["enabled"],
            params=dict(entry["params"]),
            severity_by_reason=dict(entry.get("severity_by_reason", {})),
            sigma_id=entry["id"],
            status=entry["status"],
            references=tuple(entry["references"]),
            falsepositives=tuple(entry["falsepositives"]),
            examples=examples,
        )
    return RulesConfig(
        timezone=document["timezone"], reason_codes=document["reason_codes"], rules=rules, raw=document
    )
