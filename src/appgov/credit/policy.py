"""The credit module's data files: role templates (least privilege) and time limits."""

from functools import cache
from importlib import resources

import yaml
from django.utils.functional import lazy


@cache
def policy() -> dict:
    return yaml.safe_load(
        resources.files("appgov.credit").joinpath("policy.yaml").read_text(encoding="utf-8")
    )


@cache
def role_templates() -> dict[str, dict]:
    data = yaml.safe_load(
        resources.files("appgov.credit").joinpath("role_templates.yaml").read_text(encoding="utf-8")
    )
    return data["templates"]


def _role_name(code: str) -> str:
    from django.utils.translation import get_language

    template = role_templates()[code]
    return template["name_en"] if (get_language() or "zh").startswith("en") else template["name_zh"]


role_name = lazy(_role_name, str)  # the template's name in the reader's language (never both)


def role_choices() -> list[tuple[str, str]]:
    return [(code, role_name(code)) for code in role_templates()]
