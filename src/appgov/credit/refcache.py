"""The registers as the engine reads them, kept between real-time cycles until one of them changes.

Exporting the registers (accounts and their history, the authorisation archive, staff, kiosks, calendar)
costs seconds for a large bank — far more than the rules over five minutes of queries — and they rarely
change within a day. Every write to them leaves a change-log entry (house rule, guarded by the tests), so
the newest entry of those object types tells whether the copy kept by the worker process is still the
registers as they stand.
"""

import datetime

from django.db.models import Max

from appgov.core.models import ChangeLogEntry

from .monitoring import reference_tables

SOURCES = [
    "core.department",
    "core.person",
    "credit.accountchange",
    "credit.creditaccount",
    "credit.authorization",
    "credit.creditappconnection",
    "credit.kiosk",
    "credit.staffsubject",
    "credit.calendarday",
    "credit.workinghours",
]
_kept: dict[int, tuple] = {}  # institution id -> (key, tables)


def registers_version() -> int:
    return ChangeLogEntry.objects.filter(object_type__in=SOURCES).aggregate(last=Max("seq"))["last"] or 0


def cached_reference_tables(
    institution, first_day: datetime.date, last_day: datetime.date
) -> tuple[dict, bool]:
    """The reference tables and whether they came from the kept copy."""
    key = (first_day, last_day, registers_version())
    kept = _kept.get(institution.pk)
    if kept is not None and kept[0] == key:
        return kept[1], True
    tables = reference_tables(institution, first_day, last_day)
    _kept[institution.pk] = (key, tables)
    return tables, False


def forget() -> None:
    _kept.clear()
