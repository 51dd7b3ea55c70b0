"""Ibis backends the rules run on: DuckDB (default, in process) and PySpark (local mode or a given session)."""

from __future__ import annotations

import os
from typing import Any

import ibis

ENGINES = ("duckdb", "spark")


def make_backend(
    engine: str, *, threads: int | None = None, memory_limit: str | None = None, spark_session: Any = None
):
    """A fresh ibis backend. ``memory_limit`` like "3GB" (DuckDB); ``threads`` defaults to the CPU count."""
    if engine == "duckdb":
        return ibis.duckdb.connect(
            threads=threads or os.cpu_count() or 1,
            memory_limit=memory_limit or "3GB",
            preserve_insertion_order=False,
        )
    if engine == "spark":
        return ibis.pyspark.connect(spark_session or local_spark_session(threads=threads))
    raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")


def local_spark_session(
    *, threads: int | None = None, driver_memory: str = "2g", extra_conf: dict[str, str] | None = None
):
    """A local-mode Spark session configured so that results match DuckDB's exactly.

    The session time zone is UTC and Parquet timestamps are read as plain TIMESTAMP: every timestamp is
    then the naive wall-clock value written in the input, as on DuckDB. ``extra_conf`` adds Spark settings
    (e.g. ``{"spark.sql.codegen.wholeStage": "false"}`` halves the cold-start time on tiny test data).
    """
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(f"local[{threads or os.cpu_count() or 1}]")
        .appName("appgov-querywatch")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.inferTimestampNTZ.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(max(4, 2 * (threads or os.cpu_count() or 1))))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", driver_memory)
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    for key, value in (extra_conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def backend_engine_name(backend: Any) -> str:
    name = getattr(backend, "name", "")
    if name == "duckdb":
        return "duckdb"
    if name == "pyspark":
        return "spark"
    raise ValueError(f"unsupported ibis backend {name!r} (expected duckdb or pyspark)")
