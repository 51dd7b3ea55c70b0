"""The credit module's data files: role templates (least privilege) and time limits."""

from functools import cache
from importlib import resources

import yaml


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


def role_choices() -> list[tuple[str, str]]:
    return [(code, f"{t['name_zh']} / {t['name_en']}") for code, t in role_templates().items()]
