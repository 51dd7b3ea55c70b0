"""The register's rules kept as data (data/policy.yaml) and the due-diligence questionnaire
(data/questionnaire.yaml), read once and checked."""

from functools import cache
from importlib import resources

import yaml
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language

from .models.choices import AccessLevel, AccessPurpose, RiskTier


def _read(name: str) -> dict:
    text = resources.files("appgov.partners.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def policy() -> dict:
    data = _read("policy.yaml")
    source = "appgov/partners/data/policy.yaml"
    if set(data.get("evaluation_months", {})) != set(RiskTier.values):
        raise ImproperlyConfigured(f"{source}: evaluation_months: give every risk tier {RiskTier.values}")
    levels = data.get("purpose_max_level", {})
    if set(levels) != set(AccessPurpose.values) or not set(levels.values()) <= set(AccessLevel.values):
        raise ImproperlyConfigured(f"{source}: purpose_max_level: every purpose, with a known level")
    return data


@cache
def questionnaire() -> dict:
    data = _read("questionnaire.yaml")
    source = "appgov/partners/data/questionnaire.yaml"
    ids = [q.get("id") for q in data.get("questions", [])]
    if not ids or len(ids) != len(set(ids)):
        raise ImproperlyConfigured(f"{source}: questions: ids missing or repeated")
    for q in data["questions"]:
        if not (q.get("zh") and q.get("en") and isinstance(q.get("weight"), int)):
            raise ImproperlyConfigured(f"{source}: questions/{q['id']}: zh, en and an integer weight needed")
    return data


def question_text(question: dict) -> str:
    return question["en"] if (get_language() or "").startswith("en") else question["zh"]


def answer_choices() -> list[tuple[str, str]]:
    lang_en = (get_language() or "").startswith("en")
    return [(key, spec["en"] if lang_en else spec["zh"]) for key, spec in questionnaire()["answers"].items()]
