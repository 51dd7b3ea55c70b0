"""How an alert reads on a page: the rule by its name (not only Q04), the severity by its label, branches by
their names (the engine writes the query log's branch codes into its explanations)."""

import re
from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from appgov.core.models import Department
from appgov.engines.querywatch.config import load_rules_config


@cache
def _rules() -> dict:
    config = load_rules_config()
    return {rule_id: config.rule(rule_id) for rule_id in config.rules}


def rule_label(rule_id: str) -> str:
    rule = _rules().get(rule_id)
    if rule is None:
        return rule_id
    name = rule.title_en if (get_language() or "zh").startswith("en") else rule.name
    return f"{rule_id} {name}"


def severity_label(code: str) -> str:
    labels = {"high": _("High"), "medium": _("Medium"), "low": _("Low"), "critical": _("Critical")}
    return str(labels.get(code, code))


def branch_names(institution_id) -> dict[str, str]:
    return dict(
        Department.objects.filter(institution_id=institution_id).exclude(code="").values_list("code", "name")
    )


def with_branch_names(text: str, names: dict[str, str]) -> str:
    """The text with every branch code that stands as a word replaced by the branch's name (code kept)."""
    if not names or not text:
        return text
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(c) for c in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
    )
    return pattern.sub(lambda m: f"{names[m.group(1)]}（{m.group(1)}）", text)


def decorate(alerts, institution_id) -> list:
    """The alerts, each with rule_label, severity_label and explanation_shown for the page."""
    names = branch_names(institution_id)
    rows = list(alerts)
    for alert in rows:
        alert.rule_label = rule_label(alert.rule_id)
        alert.severity_label = severity_label(alert.severity)
        alert.explanation_shown = with_branch_names(alert.explanation, names)
    return rows
