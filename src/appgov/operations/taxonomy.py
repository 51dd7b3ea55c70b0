"""The business-function taxonomy (operations/data/functions.yaml) and the operations policy file."""

from functools import cache
from importlib import resources

import yaml
from django.utils.translation import get_language


def _load(name: str) -> dict:
    return yaml.safe_load(
        resources.files("appgov.operations.data").joinpath(name).read_text(encoding="utf-8")
    )


@cache
def functions() -> tuple[dict, ...]:
    data = _load("functions.yaml")
    items = tuple(data["functions"])
    codes = [f["code"] for f in items]
    if len(set(codes)) != len(codes):
        raise ValueError("operations/data/functions.yaml: a function code is listed twice")
    for f in items:
        missing = {"code", "group", "zh", "en"} - set(f)
        if missing:
            raise ValueError(f"operations/data/functions.yaml: {f.get('code')} lacks {sorted(missing)}")
    return items


def function_codes() -> set[str]:
    return {f["code"] for f in functions()}


def function_label(code: str, language: str | None = None) -> str:
    """The function's name in `language` (default: the active language)."""
    entry = next((f for f in functions() if f["code"] == code), None)
    if entry is None:
        return code
    return entry["zh"] if (language or get_language() or "zh").startswith("zh") else entry["en"]


def function_choices() -> list[tuple[str, str]]:
    return [(f["code"], f"{f['zh']} / {f['en']}") for f in functions()]


@cache
def policy() -> dict:
    return _load("policy.yaml")
