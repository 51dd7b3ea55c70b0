"""Branches in words: the engine's explanations name branches by code (机构 BR01); the stored alert names them
as the institution calls them (机构 城西支行（BR01）), and carries the name of the alert's own branch."""

import re

from appgov.core.models import Department

# where the engine's explanations write a branch code: after 机构 / 调至机构 / 原机构, and in the list of
# branches of rule Q09 ("3 家机构（BR01、BR02）")
_AFTER_WORD = re.compile(r"(机构 )([^\s，。、（）]+)")
_LIST = re.compile(r"(家机构（)([^）]*)(）)")


def branch_names(institution) -> dict[str, str]:
    return dict(Department.objects.filter(institution=institution).values_list("code", "name"))


def _named(code: str, names: dict[str, str]) -> str:
    name = names.get(code)
    return f"{name}（{code}）" if name and name != code else code


def name_branches(text: str, names: dict[str, str]) -> str:
    """The explanation with every known branch code followed by nothing but its name and code."""
    if not names or not text:
        return text
    text = _AFTER_WORD.sub(lambda m: m.group(1) + _named(m.group(2), names), text)
    return _LIST.sub(
        lambda m: m.group(1) + "、".join(_named(c, names) for c in m.group(2).split("、")) + m.group(3), text
    )
