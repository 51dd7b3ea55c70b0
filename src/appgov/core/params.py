"""Reading numbers from a query string without trusting it: a page answers 400 naming the parameter when
one is not a plain number in range, never a 500 from int() or from the database."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1  # the largest primary key any supported database stores


def as_id(value) -> int | None:
    """`value` as a primary key, or None when it is not ASCII digits within the database's range
    ("²" and "٣" are digits to str.isdigit but not to int() or SQL)."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def id_param(request, name: str) -> int | None:
    """The id in query parameter `name` (None when absent or empty); BadRequest when it is not an id."""
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    number = as_id(raw)
    if number is None:
        raise BadRequest(_("The parameter “%(name)s” must be a record number.") % {"name": name})
    return number


def int_param(request, name: str, default: int, *, minimum: int, maximum: int) -> int:
    """The integer in query parameter `name`, `default` when absent; BadRequest when not in [minimum, maximum]."""
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18 or not minimum <= int(text) <= maximum:
        raise BadRequest(
            _("The parameter “%(name)s” must be a whole number from %(min)d to %(max)d.")
            % {"name": name, "min": minimum, "max": maximum}
        )
    return int(text)
