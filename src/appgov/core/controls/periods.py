"""Calendar periods: one year is the same date next year (29 February falls on 28 February), not 365 days."""

import calendar
import datetime

# Months in one period of each catalogue frequency; daily is a plain day.
FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12, "triennial": 36}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; a day the target month lacks falls on its last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def next_due(done_on: datetime.date, frequency: str) -> datetime.date:
    """The last day by which the next occurrence is on time: done 2024-02-29 annually -> due 2025-02-28."""
    if frequency == "daily":
        return done_on + datetime.timedelta(days=1)
    try:
        return add_months(done_on, FREQUENCY_MONTHS[frequency])
    except KeyError:
        raise ValueError(
            f"unknown frequency {frequency!r} (known: daily, {', '.join(FREQUENCY_MONTHS)})"
        ) from None
