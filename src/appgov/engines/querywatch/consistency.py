"""Cross-row checks of the small tables (after coercion): duplicate keys, overlapping validity, hours."""

from __future__ import annotations

from .coerce import RowLabel
from .errors import InputError
from .schema import TableSpec


def check_small_table(spec: TableSpec, rows: list[dict], source: str, row_label: RowLabel) -> None:
    if spec.unique_key:
        _check_unique(spec, rows, source, row_label)
    checker = _CHECKS.get(spec.name)
    if checker:
        checker(rows, source, row_label)


def _check_unique(spec: TableSpec, rows: list[dict], source: str, row_label: RowLabel) -> None:
    seen: dict[tuple, int] = {}
    for index, row in enumerate(rows):
        key = tuple(row[name] for name in spec.unique_key)
        if key in seen:
            raise InputError(
                source,
                f"duplicate {' + '.join(spec.unique_key)} {key if len(key) > 1 else key[0]!r} "
                f"(first at {row_label(seen[key])})",
                spec.unique_key[0],
                row_label(index),
            )
        seen[key] = index


def _check_operators(rows: list[dict], source: str, row_label: RowLabel) -> None:
    by_operator: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if row["valid_to"] is not None and row["valid_to"] <= row["valid_from"]:
            raise InputError(source, "valid_to is not after valid_from", "valid_to", row_label(index))
        by_operator.setdefault(row["operator_id"], []).append(index)
    for operator_id, indexes in by_operator.items():
        indexes.sort(key=lambda i: rows[i]["valid_from"])
        for previous, current in zip(indexes, indexes[1:], strict=False):
            end = rows[previous]["valid_to"]
            if end is None or rows[current]["valid_from"] < end:
                raise InputError(
                    source,
                    f"validity of operator {operator_id!r} overlaps the row at {row_label(previous)}",
                    "valid_from",
                    row_label(current),
                )


def _check_calendar(rows: list[dict], source: str, row_label: RowLabel) -> None:
    for index, row in enumerate(rows):
        if not row["is_workday"]:
            continue
        for name in ("work_start", "work_end"):
            if row[name] is None:
                raise InputError(
                    source, "a working day needs work_start and work_end", name, row_label(index)
                )
        if row["work_start"] >= row["work_end"]:
            raise InputError(source, "work_end is not after work_start", "work_end", row_label(index))


def _check_kiosks(rows: list[dict], source: str, row_label: RowLabel) -> None:
    for index, row in enumerate(rows):
        if row["open_from"] >= row["open_to"]:
            raise InputError(source, "open_to is not after open_from", "open_to", row_label(index))


def _check_approved_apps(rows: list[dict], source: str, row_label: RowLabel) -> None:
    for index, row in enumerate(rows):
        if row["approved_to"] is not None and row["approved_to"] <= row["approved_from"]:
            raise InputError(
                source, "approved_to is not after approved_from", "approved_to", row_label(index)
            )


_CHECKS = {
    "operators": _check_operators,
    "calendar": _check_calendar,
    "kiosks": _check_kiosks,
    "approved_apps": _check_approved_apps,
}
