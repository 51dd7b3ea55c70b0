"""The values a transition takes (a reason, a date, a reference, a file), read and checked by their kind."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .spec import Input


def read(spec: Input, value):
    """The value as the transition uses it (None when absent); ValueError with the reason when unusable."""
    if spec.kind == "text":
        value = "" if value is None else value
        if not isinstance(value, str):
            raise ValueError(_("Give a text."))
        value = value.strip()
        return value or None
    if spec.kind == "date":
        return _date(spec, value)
    if spec.kind == "file":
        if value in (None, "", False):
            return None
        if not hasattr(value, "read"):
            raise ValueError(_("Attach a file."))
        return value
    if spec.kind == "values":
        if value in (None, {}):
            return None
        if not isinstance(value, dict):
            raise ValueError(_("Give named values."))
        return value
    raise ValueError(f"unknown input kind {spec.kind}")


def _date(spec: Input, value):
    today = timezone.localdate()
    if value in (None, ""):
        return today if spec.default_today else None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    elif isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(_("Give the date as YYYY-MM-DD.")) from None
    elif not isinstance(value, datetime.date):
        raise ValueError(_("Give the date as YYYY-MM-DD."))
    if spec.not_future and value > today:
        raise ValueError(_("The date cannot be in the future."))
    return value


def json_safe(value):
    """An input as the change log keeps it (a file by its name)."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if hasattr(value, "read"):
        return getattr(value, "name", None) or "file"
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    return value
