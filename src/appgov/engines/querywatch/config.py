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

RULE_IDS = tuple(f"Q{number:02d}" for number in range(1, 14))


@dataclass(frozen=True)
class RuleSettings:
    rule_id: str
    name: str
    title_en: str
    severity: str
    legal_basis: str
    enabled: bool
    params: dict[str, Any]
    severity_by_reason: dict[str, str]

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
    """The default rules, with ``override`` (a YAML file path or an already-parsed mapping) merged on top."""
    document = default_rules_document()
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
        document = merge(document, override_doc)
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
        raise RulesConfigError(f"{source}: {where}: {error.message}")
    return _build(document)


def _build(document: dict[str, Any]) -> RulesConfig:
    rules = {}
    for rule_id in RULE_IDS:
        entry = document["rules"].get(rule_id)
        if entry is None:
            raise RulesConfigError(f"rules: {rule_id} is missing")
        rules[rule_id] = RuleSettings(
            rule_id=rule_id,
            name=entry["name"],
            title_en=entry["title_en"],
            severity=entry["severity"],
            legal_basis=entry["legal_basis"],
            enabled=entry["enabled"],
            params=dict(entry["params"]),
            severity_by_reason=dict(entry.get("severity_by_reason", {})),
        )
    return RulesConfig(
        timezone=document["timezone"], reason_codes=document["reason_codes"], rules=rules, raw=document
    )
