"""The distribution platforms' target-API rules (platform_rules.yaml) and which one binds a listing."""

import datetime
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Rule:
    min_target: int
    since: datetime.date
    applies_to: str  # uploads | all_listed
    source: str


@dataclass(frozen=True)
class PlatformRules:
    id: str
    name_zh: str
    match: tuple[str, ...]
    package_platform: str
    rules: tuple[Rule, ...]


class PlatformRulesError(ValueError):
    pass


@cache
def platforms() -> tuple[PlatformRules, ...]:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath("platform_rules.yaml").read_text(encoding="utf-8")
    )
    out = []
    for index, item in enumerate(raw.get("platforms") or []):
        try:
            rules = tuple(
                Rule(
                    int(r["min_target"]),
                    datetime.date.fromisoformat(str(r["from"])),
                    r["applies_to"],
                    r["source"],
                )
                for r in item.get("rules") or []
            )
            for rule in rules:
                if rule.applies_to not in ("uploads", "all_listed"):
                    raise ValueError(f"applies_to {rule.applies_to!r} is not uploads or all_listed")
                if not rule.source.strip():
                    raise ValueError("a rule needs its source")
            out.append(
                PlatformRules(
                    item["id"],
                    item["name_zh"],
                    tuple(m.lower() for m in item["match"]),
                    item["package_platform"],
                    rules,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PlatformRulesError(f"platform_rules.yaml: platforms[{index}]: {exc}") from None
    return tuple(out)


def rules_for_channel(
    channel, package_platform: str, listed_on, today
) -> tuple[PlatformRules | None, Rule | None]:
    """The platform a channel is (by name or operator) for this package platform, and its strictest rule in
    force for a listing made on `listed_on` (unknown listing date: judged as listed today)."""
    text = f"{channel.name} {channel.operator}".lower()
    for platform in platforms():
        if platform.package_platform != package_platform or not any(m in text for m in platform.match):
            continue
        uploaded = listed_on or today
        binding = [
            r
            for r in platform.rules
            if (r.applies_to == "uploads" and uploaded >= r.since)
            or (r.applies_to == "all_listed" and today >= r.since)
        ]
        return platform, max(binding, key=lambda r: r.min_target, default=None)
    return None, None
