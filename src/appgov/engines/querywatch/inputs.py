"""Find, validate and stage the input tables so that either backend reads the same canonical data.

Large tables (query_events, authorizations, credit_relationships, loan_applications) given as Parquet are
checked from their schema and statistics and read in place by DuckDB; everything else (CSV files, small
tables, in-memory Arrow / pandas tables) is read fully, checked row by row and written to a staging
Parquet file. For Spark every table is staged, so that both engines see identical types.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .coerce import RowLabel, canonical_arrow_type, check_columns_present, coerce_table
from .consistency import check_small_table
from .errors import InputError
from .schema import TABLES, TableSpec

SUFFIXES = (".parquet", ".csv")


@dataclass
class StagedTable:
    name: str
    source: str  # what error messages and the summary call it (a file path or "<name> (in memory)")
    parquet_path: Path | None  # the Parquet file the backend reads
    cast_on_read: bool  # the file is the caller's own Parquet: select the canonical columns with casts
    ibis_table: Any = None  # an ibis table given by the caller (already canonical)
    num_rows: int | None = None


def find_input_files(data_dir: str | os.PathLike) -> dict[str, Path]:
    """``<table>.parquet`` or ``<table>.csv`` for every input table of the engine."""
    directory = Path(data_dir)
    if not directory.is_dir():
        raise InputError(str(directory), "data directory not found")
    found: dict[str, Path] = {}
    for name in TABLES:
        candidates = [
            directory / f"{name}{suffix}" for suffix in SUFFIXES if (directory / f"{name}{suffix}").is_file()
        ]
        if not candidates:
            raise InputError(
                str(directory / f"{name}.parquet"), f"missing file (expected {name}.parquet or {name}.csv)"
            )
        if len(candidates) > 1:
            raise InputError(str(candidates[0]), f"both {name}.parquet and {name}.csv exist; keep one")
        found[name] = candidates[0]
    return found


def stage_inputs(
    sources: Mapping[str, Any],
    staging_dir: Path,
    *,
    stage_everything: bool,
    timezone: str,
    duckdb_conn: duckdb.DuckDBPyConnection,
) -> dict[str, StagedTable]:
    unknown = sorted(set(sources) - set(TABLES))
    if unknown:
        raise InputError(", ".join(unknown), f"unknown input table (expected: {', '.join(TABLES)})")
    staged: dict[str, StagedTable] = {}
    for name, spec in TABLES.items():
        if name not in sources:
            raise InputError(name, "input table not given")
        staged[name] = _stage_one(spec, sources[name], staging_dir, stage_everything, timezone, duckdb_conn)
    return staged


def _stage_one(
    spec: TableSpec,
    source: Any,
    staging_dir: Path,
    stage_everything: bool,
    timezone: str,
    conn: duckdb.DuckDBPyConnection,
) -> StagedTable:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise InputError(str(path), "missing file")
        suffix = path.suffix.lower()
        if suffix == ".parquet":
            if spec.small:
                table = _read_parquet_fully(path)
                return _stage_arrow(spec, table, str(path), _parquet_row, staging_dir, timezone, conn)
            num_rows = _check_large_parquet(spec, path, conn)
            result = StagedTable(spec.name, str(path), path, cast_on_read=True, num_rows=num_rows)
            if stage_everything:
                result = _restage_parquet(spec, result, staging_dir, conn)
            return result
        if suffix == ".csv":
            table = _read_csv(spec, path)
            return _stage_arrow(spec, table, str(path), _csv_line, staging_dir, timezone, conn)
        raise InputError(str(path), "unsupported file type (use .parquet or .csv)")
    if isinstance(source, pa.Table):
        return _stage_arrow(
            spec, source, f"{spec.name} (in memory)", _parquet_row, staging_dir, timezone, conn
        )
    if type(source).__module__.startswith("pandas"):
        table = pa.Table.from_pandas(source, preserve_index=False)
        return _stage_arrow(
            spec, table, f"{spec.name} (in memory)", _parquet_row, staging_dir, timezone, conn
        )
    if hasattr(source, "schema") and hasattr(source, "op"):  # an ibis table
        _check_ibis_schema(spec, source)
        return StagedTable(
            spec.name, f"{spec.name} (ibis table)", None, cast_on_read=False, ibis_table=source
        )
    raise InputError(spec.name, f"unsupported input of type {type(source).__name__}")


def _csv_line(index: int) -> str:
    return f"line {index + 2}"


def _parquet_row(index: int) -> str:
    return f"row {index + 1}"


def _read_parquet_fully(path: Path) -> pa.Table:
    try:
        return pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(str(path), f"unreadable Parquet file: {exc}") from None


def _read_csv(spec: TableSpec, path: Path) -> pa.Table:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), None)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc})", row="line 1") from None
    if not header:
        raise InputError(
            str(path), "empty file: a header line with the column names is required", row="line 1"
        )
    header = [name.strip() for name in header]
    check_columns_present(spec, header, str(path))
    duplicates = {name for name in header if header.count(name) > 1}
    if duplicates:
        raise InputError(str(path), "column appears twice in the header", sorted(duplicates)[0], "line 1")
    try:
        return pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in header},
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
    except pa.ArrowInvalid as exc:
        raise InputError(str(path), f"CSV cannot be parsed: {exc}") from None


def _stage_arrow(
    spec: TableSpec,
    table: pa.Table,
    source: str,
    row_label: RowLabel,
    staging_dir: Path,
    timezone: str,
    conn: duckdb.DuckDBPyConnection,
) -> StagedTable:
    canonical = coerce_table(spec, table, source, row_label, timezone)
    if spec.small:
        check_small_table(spec, canonical.to_pylist(), source, row_label)
    target = staging_dir / f"{spec.name}.parquet"
    pq.write_table(canonical, target)
    if not spec.small and spec.unique_key:
        _check_unique_large(spec, target, source, row_label, conn)
    return StagedTable(spec.name, source, target, cast_on_read=False, num_rows=canonical.num_rows)


def _check_large_parquet(spec: TableSpec, path: Path, conn: duckdb.DuckDBPyConnection) -> int:
    try:
        parquet_file = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(str(path), f"unreadable Parquet file: {exc}") from None
    schema = parquet_file.schema_arrow
    check_columns_present(spec, schema.names, str(path))
    for column in spec.columns:
        if column.name not in schema.names:
            continue
        data_type = schema.field(column.name).type
        if pa.types.is_dictionary(data_type):
            data_type = data_type.value_type
        if not _parquet_type_ok(column.kind, data_type):
            raise InputError(str(path), f"wrong type: expected {column.kind}, found {data_type}", column.name)
        if column.kind == "timestamp" and pa.types.is_timestamp(data_type) and data_type.tz is not None:
            raise InputError(
                str(path),
                f"timestamp with time zone ({data_type.tz}) not accepted in Parquet: write naive local time",
                column.name,
            )
    for column in spec.columns:
        if not column.nullable and column.name in schema.names and _may_have_nulls(parquet_file, column.name):
            row = conn.execute(
                f"SELECT min(file_row_number) FROM read_parquet(?, file_row_number=true) WHERE {_quote(column.name)} IS NULL",
                [str(path)],
            ).fetchone()[0]
            if row is not None:
                raise InputError(
                    str(path), "empty value in a column that may not be empty", column.name, _parquet_row(row)
                )
    if spec.unique_key:
        _check_unique_large(spec, path, str(path), _parquet_row, conn)
    return parquet_file.metadata.num_rows


def _parquet_type_ok(kind: str, data_type: pa.DataType) -> bool:
    if kind == "string":
        return (
            pa.types.is_string(data_type)
            or pa.types.is_large_string(data_type)
            or pa.types.is_string_view(data_type)
            or pa.types.is_integer(data_type)
            or pa.types.is_null(data_type)
        )
    if kind == "timestamp":
        return pa.types.is_timestamp(data_type) or pa.types.is_date(data_type) or pa.types.is_null(data_type)
    return False


def _may_have_nulls(parquet_file: pq.ParquetFile, name: str) -> bool:
    index = parquet_file.schema_arrow.get_field_index(name)
    metadata = parquet_file.metadata
    for group in range(metadata.num_row_groups):
        column_meta = metadata.row_group(group).column(index)
        stats = column_meta.statistics
        if stats is None or not stats.has_null_count or stats.null_count:
            return True
    return False


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_unique_large(
    spec: TableSpec, path: Path, source: str, row_label: RowLabel, conn: duckdb.DuckDBPyConnection
) -> None:
    key = _quote(spec.unique_key[0])
    # group 64-bit hashes (cheap), then compare the real values only among colliding hashes
    duplicate = conn.execute(
        f"WITH h AS (SELECT hash({key}) AS h FROM read_parquet(?) GROUP BY 1 HAVING count(*) > 1) "
        f"SELECT {key} FROM read_parquet(?) WHERE hash({key}) IN (SELECT h FROM h) "
        f"GROUP BY {key} HAVING count(*) > 1 LIMIT 1",
        [str(path), str(path)],
    ).fetchone()
    if duplicate:
        rows = conn.execute(
            f"SELECT file_row_number FROM read_parquet(?, file_row_number=true) WHERE {key} = ? "
            "ORDER BY file_row_number LIMIT 2",
            [str(path), duplicate[0]],
        ).fetchall()
        raise InputError(
            source,
            f"duplicate {spec.unique_key[0]} {duplicate[0]!r} (first at {row_label(rows[0][0])})",
            spec.unique_key[0],
            row_label(rows[1][0]),
        )


def canonical_select_sql(spec: TableSpec, available: list[str]) -> str:
    parts = []
    for column in spec.columns:
        sql_type = {"string": "VARCHAR", "timestamp": "TIMESTAMP"}[column.kind]
        expression = (
            f"CAST({_quote(column.name)} AS {sql_type})"
            if column.name in available
            else f"CAST(NULL AS {sql_type})"
        )
        parts.append(f"{expression} AS {_quote(column.name)}")
    return ", ".join(parts)


def _restage_parquet(
    spec: TableSpec, table: StagedTable, staging_dir: Path, conn: duckdb.DuckDBPyConnection
) -> StagedTable:
    available = pq.read_schema(table.parquet_path).names
    target = staging_dir / f"{spec.name}.parquet"
    conn.execute(
        f"COPY (SELECT {canonical_select_sql(spec, available)} FROM read_parquet(?)) TO '{target}' (FORMAT parquet)",
        [str(table.parquet_path)],
    )
    return StagedTable(spec.name, table.source, target, cast_on_read=False, num_rows=table.num_rows)


def _check_ibis_schema(spec: TableSpec, table: Any) -> None:
    schema = table.schema()
    for column in spec.columns:
        if column.name not in schema:
            if column.required:
                raise InputError(f"{spec.name} (ibis table)", "missing column", column.name)
            continue
        data_type = schema[column.name]
        expected = {
            "string": data_type.is_string(),
            "timestamp": data_type.is_timestamp(),
            "date": data_type.is_date(),
            "bool": data_type.is_boolean(),
            "hhmm": data_type.is_integer(),
            "cidr": data_type.is_string(),
        }[column.kind]
        if not expected:
            raise InputError(
                f"{spec.name} (ibis table)",
                f"wrong type: expected {column.kind}, found {data_type}",
                column.name,
            )
        if column.kind == "cidr":
            for suffix in ("_first", "_last"):
                if f"{column.name}{suffix}" not in schema:
                    raise InputError(
                        f"{spec.name} (ibis table)", "missing derived column", f"{column.name}{suffix}"
                    )


def canonical_arrow_schema(spec: TableSpec) -> pa.Schema:
    fields = []
    for column in spec.columns:
        fields.append(pa.field(column.name, canonical_arrow_type(column.kind)))
        if column.kind == "cidr":
            fields += [
                pa.field(f"{column.name}_first", pa.int64()),
                pa.field(f"{column.name}_last", pa.int64()),
            ]
    return pa.schema(fields)
