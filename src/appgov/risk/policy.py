"""The module's rules kept as data (data/*.yaml) and its deadlines kept as settings.

Deadlines (override in Django settings; every default is the institution's policy: the NFRA notice says
"及时报告" (report promptly, article 15) and "立即开展专项审计" (article 17) without a number of hours or days,
and no other text in ../shared/regulations sets one):

- RISK_REPORT_DEADLINES: hours after detection for the initial and follow-up reports, days after the incident
  is resolved (or detected, while unresolved) for the final report.
- RISK_NOTIFICATION_HOURS: hours after detection to notify the affected persons and the authority of a privacy
  incident (NFRA-16.3 "及时处理").
- RISK_SPECIAL_AUDIT_DAYS: days after a major incident by which its special audit must be planned and started
  (NFRA-17.4).
- RISK_PRIVACY_CLOSE_DAYS: days within which a privacy incident is to be resolved (NFRA-16.3).
"""

import datetime
from functools import cache
from importlib import resources

import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_REPORT_DEADLINES = {"initial_hours": 2, "follow_up_hours": 72, "final_days": 30}
DEFAULT_NOTIFICATION_HOURS = {"persons": 72, "authority": 72}
DEFAULT_SPECIAL_AUDIT_DAYS = 30
DEFAULT_PRIVACY_CLOSE_DAYS = 30


def report_deadlines() -> dict:
    return {**DEFAULT_REPORT_DEADLINES, **getattr(settings, "RISK_REPORT_DEADLINES", {})}


def notification_hours() -> dict:
    return {**DEFAULT_NOTIFICATION_HOURS, **getattr(settings, "RISK_NOTIFICATION_HOURS", {})}


def special_audit_days() -> int:
    return int(getattr(settings, "RISK_SPECIAL_AUDIT_DAYS", DEFAULT_SPECIAL_AUDIT_DAYS))


def privacy_close_days() -> int:
    return int(getattr(settings, "RISK_PRIVACY_CLOSE_DAYS", DEFAULT_PRIVACY_CLOSE_DAYS))


def _read(name: str) -> dict:
    source = f"appgov/risk/data/{name}"
    try:
        data = yaml.safe_load(
            resources.files("appgov.risk").joinpath("data", name).read_text(encoding="utf-8")
        )
    except yaml.YAMLError as exc:
        raise ImproperlyConfigured(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ImproperlyConfigured(f"{source}: expected a mapping")
    return data


@cache
def severity_levels() -> list[dict]:
    data = _read("incident_severity.yaml")
    levels = data.get("levels")
    if not isinstance(levels, list) or not levels:
        raise ImproperlyConfigured("appgov/risk/data/incident_severity.yaml: levels: expected a list")
    for index, level in enumerate(levels):
        for i, rule in enumerate(level.get("any", [])):
            if not {"field", "at_least", "zh", "en"} <= set(rule):
                raise ImproperlyConfigured(
                    f"appgov/risk/data/incident_severity.yaml: levels/{index}/any/{i}: needs field, at_least, zh, en"
                )
    return levels


def judge_severity(values: dict) -> tuple[str, list[dict], dict]:
    """(severity, the criteria met [{zh, en}], the level's rules) for the incident's criteria values."""
    for level in severity_levels():
        met = [
            {"zh": rule["zh"], "en": rule["en"]}
            for rule in level.get("any", [])
            if int(values.get(rule["field"]) or 0) >= rule["at_least"]
        ]
        if met:
            return level["level"], met, level
    return "minor", [], {"level": "minor", "report_to_regulator": False, "special_audit": False}


def level_rules(severity: str) -> dict:
    return next((lv for lv in severity_levels() if lv["level"] == severity), {})


@cache
def matrix() -> dict:
    data = _read("matrix.yaml")
    for key in ("likelihood", "impact"):
        if sorted(int(k) for k in data.get(key, {})) != [1, 2, 3, 4, 5]:
            raise ImproperlyConfigured(f"appgov/risk/data/matrix.yaml: {key}: expected the levels 1 to 5")
    return data


def rating(likelihood: int, impact: int) -> dict:
    """The band ({rating, zh, en, colour}) of likelihood × impact."""
    score = int(likelihood) * int(impact)
    for band in matrix()["bands"]:
        if score <= band["max"]:
            return band
    return matrix()["bands"][-1]


@cache
def questionnaire() -> dict:
    data = _read("questionnaire.yaml")
    ids = [item.get("id") for item in data.get("items", [])]
    if not ids or len(ids) != len(set(ids)):
        raise ImproperlyConfigured(
            "appgov/risk/data/questionnaire.yaml: items: expected items with unique ids"
        )
    for item in data["items"]:
        if not str(item.get("control", "")).startswith("NFRA-"):
            raise ImproperlyConfigured(
                f"appgov/risk/data/questionnaire.yaml: items/{item['id']}: cite the article (control: NFRA-…)"
            )
    return data


ANSWER_POINTS = {"yes": 2, "partly": 1, "no": 0}
ANSWERS = ("yes", "partly", "no", "na")


def score(answers: dict) -> tuple[int | None, str]:
    """(percentage of the points possible, rating) of the answers; (None, "") until every item is answered."""
    items = questionnaire()["items"]
    got = possible = 0
    for item in items:
        answer = (answers.get(item["id"]) or {}).get("answer")
        if answer not in ANSWERS:
            return None, ""
        if answer == "na":
            continue
        got += ANSWER_POINTS[answer] * item["weight"]
        possible += 2 * item["weight"]
    value = round(100 * got / possible) if possible else 100
    band = next(b for b in questionnaire()["bands"] if value >= b["min"])
    return value, band["rating"]


def add_days(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)
