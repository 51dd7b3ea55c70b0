"""Turn an Arrow table (read from CSV, a small Parquet file or given in memory) into the canonical types.

Every problem is reported as an InputError naming the source, column and row. Canonical types:
string -> string, timestamp -> timestamp[us] (naive wall clock), date -> date32, bool -> bool,
hhmm -> int32 minutes since midnight, cidr -> the text plus ``<column>_first`` / ``<column>_last`` int64.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc

from .errors import InputError
from .schema import STRING_LIMIT, Column, TableSpec

RowLabel = Callable[[int], str]

_TRUE = {"true", "1", "yes", "y", "t", "是"}
_FALSE = {"false", "0", "no", "n", "f", "否"}
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")


def canonical_arrow_type(kind: str) -> pa.DataType:
    return {
        "string": pa.string(),
        "timestamp": pa.timestamp("us"),
        "date": pa.date32(),
        "bool": pa.bool_(),
        "hhmm": pa.int32(),
        "cidr": pa.string(),
    }[kind]


def check_columns_present(spec: TableSpec, names: list[str], source: str) -> None:
    present = set(names)
    for column in spec.columns:
        if column.required and column.name not in present:
            raise InputError(
                source,
                f"missing column (found: {', '.join(names) if names else 'no columns'})",
                column=column.name,
            )


def coerce_table(
    spec: TableSpec, table: pa.Table, source: str, row_label: RowLabel, timezone: str
) -> pa.Table:
    check_columns_present(spec, table.column_names, source)
    arrays: dict[str, pa.Array] = {}
    for column in spec.columns:
        if column.name not in table.column_names:
            arrays[column.name] = pa.nulls(table.num_rows, canonical_arrow_type(column.kind))
            if column.kind == "cidr":
                arrays[f"{column.name}_first"] = pa.nulls(table.num_rows, pa.int64())
                arrays[f"{column.name}_last"] = pa.nulls(table.num_rows, pa.int64())
            continue
        raw = table.column(column.name).combine_chunks()
        if pa.types.is_dictionary(raw.type):
            raw = raw.dictionary_decode()
        values = _coerce_column(column, raw, source, row_label, timezone)
        if not column.nullable and values.null_count:
            first = _first_index(values.is_null())
            raise InputError(
                source, "empty value in a column that may not be empty", column.name, row_label(first)
            )
        arrays[column.name] = values
        if column.kind == "cidr":
            first, last = _cidr_bounds(values, column.name, source, row_label)
            arrays[f"{column.name}_first"] = first
            arrays[f"{column.name}_last"] = last
    return pa.table(arrays)


def _first_index(mask: pa.Array) -> int:
    return pc.index(mask, True).as_py()


def _is_text(data_type: pa.DataType) -> bool:
    return (
        pa.types.is_string(data_type)
        or pa.types.is_large_string(data_type)
        or pa.types.is_string_view(data_type)
    )


def _wrong_type(column: Column, found: pa.DataType, source: str) -> InputError:
    return InputError(source, f"wrong type: expected {column.kind}, found {found}", column.name)


def _coerce_column(
    column: Column, raw: pa.Array, source: str, row_label: RowLabel, timezone: str
) -> pa.Array:
    kind = column.kind
    if pa.types.is_null(raw.type):
        return pa.nulls(len(raw), canonical_arrow_type(kind))
    if kind in ("string", "cidr"):
        if _is_text(raw.type) or pa.types.is_integer(raw.type):
            return _bounded_text(column, raw.cast(pa.string()), source, row_label)
        raise _wrong_type(column, raw.type, source)
    if kind == "timestamp":
        return _coerce_timestamp(column, raw, source, row_label, timezone)
    if kind == "date":
        return _coerce_date(column, raw, source, row_label)
    if kind == "bool":
        return _coerce_bool(column, raw, source, row_label)
    if kind == "hhmm":
        return _coerce_hhmm(column, raw, source, row_label)
    raise AssertionError(kind)


def _bounded_text(column: Column, values: pa.Array, source: str, row_label: RowLabel) -> pa.Array:
    """A text value longer than STRING_LIMIT characters is refused, naming the column and the row (issue 12
    item 9: every input is bounded, the query logs included)."""
    lengths = pc.utf8_length(values)
    too_long = pc.fill_null(pc.greater(lengths, STRING_LIMIT), False)
    if pc.any(too_long).as_py():
        first = _first_index(too_long)
        raise InputError(
            source,
            f"value of {lengths[first].as_py()} characters; at most {STRING_LIMIT} are allowed",
            column.name,
            row_label(first),
        )
    return values


def _coerce_timestamp(
    column: Column, raw: pa.Array, source: str, row_label: RowLabel, timezone: str
) -> pa.Array:
    if pa.types.is_timestamp(raw.type):
        if raw.type.tz is not None:
            raw = pc.local_timestamp(raw.cast(pa.timestamp(raw.type.unit, tz=timezone)))
        return raw.cast(pa.timestamp("us"))
    if pa.types.is_date(raw.type):
        return raw.cast(pa.timestamp("us"))
    if not _is_text(raw.type):
        raise _wrong_type(column, raw.type, source)
    text = pc.utf8_trim_whitespace(raw.cast(pa.string()))
    try:
        return text.cast(pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    try:  # every value carries a zone offset: convert to the institution's wall clock
        aware = text.cast(pa.timestamp("us", tz="UTC"))
        return pc.local_timestamp(aware.cast(pa.timestamp("us", tz=timezone))).cast(pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    bad = _first_unparseable(text, pa.timestamp("us"))
    raise InputError(
        source,
        f"unparseable timestamp {text[bad].as_py()!r} (expected YYYY-MM-DD HH:MM[:SS], local time)",
        column.name,
        row_label(bad),
    )


def _first_unparseable(text: pa.Array, target: pa.DataType) -> int:
    """Index of the first value that does not cast (binary search over prefixes; each probe is vectorised)."""
    low, high = 0, len(text)  # the prefix [0, low) casts; [0, high) does not
    while high - low > 1:
        middle = (low + high) // 2
        try:
            text.slice(0, middle).cast(target)
            low = middle
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            high = middle
    return high - 1


def _coerce_date(column: Column, raw: pa.Array, source: str, row_label: RowLabel) -> pa.Array:
    if pa.types.is_date(raw.type):
        return raw.cast(pa.date32())
    if pa.types.is_timestamp(raw.type):
        return raw.cast(pa.date32())
    if not _is_text(raw.type):
        raise _wrong_type(column, raw.type, source)
    text = pc.utf8_trim_whitespace(raw.cast(pa.string()))
    matches = pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$")
    bad_mask = pc.and_(pc.is_valid(text), pc.invert(pc.fill_null(matches, False)))
    if pc.any(bad_mask).as_py():
        bad = _first_index(bad_mask)
        raise InputError(
            source,
            f"unparseable date {text[bad].as_py()!r} (expected YYYY-MM-DD)",
            column.name,
            row_label(bad),
        )
    try:
        return text.cast(pa.date32())
    except pa.ArrowInvalid:
        bad = _first_unparseable(text, pa.date32())
        raise InputError(source, f"invalid date {text[bad].as_py()!r}", column.name, row_label(bad)) from None


def _coerce_bool(column: Column, raw: pa.Array, source: str, row_label: RowLabel) -> pa.Array:
    if pa.types.is_boolean(raw.type):
        return raw
    if pa.types.is_integer(raw.type):
        raw = raw.cast(pa.string())
    if not _is_text(raw.type):
        raise _wrong_type(column, raw.type, source)
    result = []
    for index, value in enumerate(raw.to_pylist()):
        if value is None:
            result.append(None)
            continue
        key = value.strip().lower()
        if key in _TRUE:
            result.append(True)
        elif key in _FALSE:
            result.append(False)
        else:
            raise InputError(
                source, f"not a boolean: {value!r} (expected true/false)", column.name, row_label(index)
            )
    return pa.array(result, pa.bool_())


def _coerce_hhmm(column: Column, raw: pa.Array, source: str, row_label: RowLabel) -> pa.Array:
    if pa.types.is_time(raw.type):
        seconds = [None if v is None else v.hour * 3600 + v.minute * 60 + v.second for v in raw.to_pylist()]
        return pa.array([None if s is None else s // 60 for s in seconds], pa.int32())
    if pa.types.is_integer(raw.type):
        minutes = raw.cast(pa.int32())
        bad_mask = pc.or_(pc.less(minutes, 0), pc.greater(minutes, 1440))
        if pc.any(bad_mask).as_py():
            bad = _first_index(pc.fill_null(bad_mask, False))
            raise InputError(
                source, "minutes since midnight must be within 0..1440", column.name, row_label(bad)
            )
        return minutes
    if not _is_text(raw.type):
        raise _wrong_type(column, raw.type, source)
    result = []
    for index, value in enumerate(raw.to_pylist()):
        if value is None or value.strip() == "":
            result.append(None)
            continue
        match = _HHMM.match(value.strip())
        hours, minutes = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
        if not match or minutes > 59 or hours > 24 or (hours == 24 and minutes):
            raise InputError(
                source, f"not a time of day: {value!r} (expected HH:MM)", column.name, row_label(index)
            )
        result.append(hours * 60 + minutes)
    return pa.array(result, pa.int32())


def _cidr_bounds(values: pa.Array, name: str, source: str, row_label: RowLabel) -> tuple[pa.Array, pa.Array]:
    firsts, lasts = [], []
    for index, value in enumerate(values.to_pylist()):
        if value is None:
            firsts.append(None)
            lasts.append(None)
            continue
        try:
            network = ipaddress.IPv4Network(value.strip(), strict=False)
        except ValueError as exc:
            raise InputError(
                source, f"not an IPv4 network: {value!r} ({exc})", name, row_label(index)
            ) from None
        firsts.append(int(network.network_address))
        lasts.append(int(network.broadcast_address))
    return pa.array(firsts, pa.int64()), pa.array(lasts, pa.int64())
