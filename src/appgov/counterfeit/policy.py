"""The monitoring policy (deadlines, freshness) from policy.yaml, with settings.APPGOV_COUNTERFEIT_POLICY on top."""

import copy
import datetime
from functools import cache
from importlib import resources

import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@cache
def _defaults() -> dict:
    text = resources.files("appgov.counterfeit").joinpath("policy.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def policy() -> dict:
    out = copy.deepcopy(_defaults())
    for key, value in (getattr(settings, "APPGOV_COUNTERFEIT_POLICY", None) or {}).items():
        if key not in out:
            raise ImproperlyConfigured(f"APPGOV_COUNTERFEIT_POLICY: unknown key {key!r}")
        out[key] = value
    return out


def add_working_days(start: datetime.date, days: int, pol: dict | None = None) -> datetime.date:
    """The date `days` working days after `start` (start itself does not count)."""
    pol = pol or policy()
    holidays = {datetime.date.fromisoformat(str(d)) for d in pol["holidays"]}
    extra = {datetime.date.fromisoformat(str(d)) for d in pol["working_weekends"]}
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        working = (day.weekday() < 5 and day not in holidays) or day in extra
        if working:
            left -= 1
    return day


def deadlines(confirmed_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(clarification due, report to the regulator due) for a case confirmed on that day."""
    pol = policy()
    return (
        add_working_days(confirmed_on, int(pol["clarification_working_days"]), pol),
        add_working_days(confirmed_on, int(pol["regulator_report_working_days"]), pol),
    )
