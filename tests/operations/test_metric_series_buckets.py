"""An app's series in weekly and monthly means: buckets computed by the database (Monday of the week, first day
of the month) agree with the calendar, and every line runs to the last week or month received."""

import datetime
from collections import defaultdict
from statistics import mean

import pytest
from ops_helpers import days_of

pytestmark = pytest.mark.django_db


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def test_period_start_agrees_with_the_calendar(world):
    from appgov.ledger.models import MobileApp
    from appgov.operations.selectors import PeriodStart

    first = datetime.date(2023, 12, 25)  # a Monday, across a year end and a leap day
    days = [first + datetime.timedelta(days=n) for n in range(80)]
    rows = (
        MobileApp.objects.filter(pk=world.a.app.pk)
        .annotate(w=PeriodStart(_date_literal(days[0]), "week"))
        .values_list("w", flat=True)
    )
    assert list(rows) == [datetime.date(2023, 12, 25)]
    for day in days:
        got = (
            MobileApp.objects.filter(pk=world.a.app.pk)
            .annotate(w=PeriodStart(_date_literal(day), "week"), m=PeriodStart(_date_literal(day), "month"))
            .values_list("w", "m")
            .get()
        )
        assert got == (monday(day), day.replace(day=1)), day


def _date_literal(day):
    from django.db.models import DateField, Value

    return Value(day, output_field=DateField())


def test_weekly_year_reaches_the_last_week(world, send, today):
    """The browser test's data: 120 days of three metrics ending yesterday; the year is drawn as weekly means,
    each line from the first week to the last, with the means of the days of each week."""
    from appgov.operations import selectors

    app = world.a.app
    first, last = today - datetime.timedelta(days=120), today - datetime.timedelta(days=1)
    rows, day, values = [], first, defaultdict(list)
    while day <= last:
        n = (last - day).days
        figures = {"dau": 50000 + (n % 7) * 900, "crash_rate": round(0.2 + (n % 5) / 20, 2)}
        rows += days_of(app, day, day, **figures)
        for metric, value in figures.items():
            values[(metric, monday(day))].append(value)
        day += datetime.timedelta(days=1)
    send(rows)
    series = selectors.app_series(app, "1y")
    assert series["bucket"] == "week"
    assert series["last"] == last.isoformat()
    labels = [datetime.date.fromisoformat(d) for d in series["labels"]]
    assert labels[0] == monday(first) and labels[-1] == monday(last)
    assert all(b - a == datetime.timedelta(days=7) for a, b in zip(labels, labels[1:], strict=False))
    for metric in ("dau", "crash_rate"):
        line = series["series"][metric]
        assert len(line) == len(labels) and None not in line
        for label, value in zip(labels, line, strict=True):
            assert value == pytest.approx(mean(values[(metric, label)]), abs=1e-3)


def test_three_years_monthly_and_all(world, send, today):
    from appgov.operations import selectors

    app = world.a.app
    last = today - datetime.timedelta(days=1)
    first = last - datetime.timedelta(days=3 * 365 + 40)
    send(days_of(app, first, last, rating=4.0))
    weekly = selectors.app_series(app, "3y")
    assert weekly["bucket"] == "week"
    assert weekly["labels"][-1] == monday(last).isoformat()
    monthly = selectors.app_series(app, "all")
    assert monthly["bucket"] == "month"
    assert monthly["labels"][0] == first.replace(day=1).isoformat()
    assert monthly["labels"][-1] == last.replace(day=1).isoformat()
    assert set(monthly["series"]["rating"]) == {4.0}
