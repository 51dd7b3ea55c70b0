"""统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character computed from the other 17.

`problem(code)` returns what is wrong with a code, naming the position (1-based), or "" when it is valid.
"""

from django.utils.translation import gettext as _

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # I, O, S, V and Z are never used
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_character(first17: str) -> str:
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def normalise(code: str) -> str:
    return (code or "").strip().upper()


def problem(code: str) -> str:
    code = normalise(code)
    if len(code) != LENGTH:
        return _("A unified social credit code has 18 characters; this one has %(n)d.") % {"n": len(code)}
    for position, char in enumerate(code, start=1):
        if char not in CHARSET:
            return _("Position %(pos)d: “%(char)s” is not allowed in a unified social credit code.") % {
                "pos": position,
                "char": char,
            }
        if 3 <= position <= 8 and not char.isdigit():
            return _("Position %(pos)d: the administrative division code (positions 3–8) is digits only.") % {
                "pos": position
            }
    expected = check_character(code[:17])
    if code[17] != expected:
        return _(
            "Position 18: the check character should be “%(expected)s” (GB 32100-2015), not “%(found)s”."
        ) % {"expected": expected, "found": code[17]}
    return ""


def validate(code: str) -> None:
    from django.core.exceptions import ValidationError

    found = problem(code)
    if found:
        raise ValidationError(found, code="uscc")
