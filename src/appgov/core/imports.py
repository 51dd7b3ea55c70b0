"""What every import shares (the spreadsheets of the ledger and the third-party register, the IAM grants, the
metric uploads…): how a row of the file finds the stored record it names.

A voided row (core.models.voidable) is a mistaken entry kept for the record: an import never matches it, never
updates it and never takes it as a reference. A row whose only stored match is voided therefore makes a fresh,
live record; the models' uniqueness of the import key holds among live rows only (UniqueConstraint with
condition voided_at IS NULL), so the fresh row and the voided one stand side by side."""

from collections.abc import Callable, Iterable

from django.db import models

from appgov.core.models.voidable import without_voided


def live(queryset: models.QuerySet) -> models.QuerySet:
    """The rows an import may match or name: a voidable model's live rows, any other model's rows."""
    return without_voided(queryset)


def by_key(queryset: models.QuerySet, key: str | Iterable[str] | Callable) -> dict:
    """The live rows of queryset by their import key: a field name (the value), field names (a tuple of values)
    or a function of the row."""
    if isinstance(key, str):
        name = key
        key = lambda row: getattr(row, name)  # noqa: E731
    elif not callable(key):
        names = tuple(key)
        key = lambda row: tuple(getattr(row, n) for n in names)  # noqa: E731
    return {key(row): row for row in live(queryset)}


def values_by_key(queryset: models.QuerySet, key: str, value: str) -> dict:
    """{key: value} of the live rows (e.g. an app's id by its ledger code)."""
    return dict(live(queryset).values_list(key, value))
