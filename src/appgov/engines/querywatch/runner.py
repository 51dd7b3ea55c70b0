"""run_rules: the engine's entry point for the CLI and for the Django side."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import ibis
import pyarrow as pa

from .alerts import alerts_table, build_alerts
from .backends import backend_engine_name, make_backend
from .config import RULE_IDS, RulesConfig, load_rules_config
from .inputs import StagedTable, find_input_files, stage_inputs
from .rules import RULES, RuleContext
from .schema import TABLES


@dataclass
class QueryWatchResult:
    alerts: pa.Table  # ALERT_SCHEMA, sorted by ts, rule_id, alert_id
    summary: dict[str, Any]  # per-rule counts and the run's inputs and timings (see docs)
    timings: dict[str, float] = field(default_factory=dict)

    def alert_dicts(self) -> list[dict[str, Any]]:
        return self.alerts.to_pylist()


def run_rules(
    tables: Mapping[str, Any] | str | os.PathLike,
    rules_config: RulesConfig | str | os.PathLike | dict | None = None,
    backend: str | Any = "duckdb",
    *,
    threads: int | None = None,
    memory_limit: str | None = None,
    spark_session: Any = None,
    staging_dir: str | os.PathLike | None = None,
) -> QueryWatchResult:
    """Run every enabled rule over the inputs and return alerts and the per-rule summary.

    ``tables`` is a data directory, or a mapping from each input table name to a file path (Parquet/CSV),
    a pyarrow Table, a pandas DataFrame or an ibis table of ``backend`` (already in canonical form).
    ``rules_config`` is a RulesConfig, a rules override file / mapping, or None for the defaults.
    ``backend`` is "duckdb", "spark" or an ibis backend object. Raises InputError or RulesConfigError.
    """
    config = rules_config if isinstance(rules_config, RulesConfig) else load_rules_config(rules_config)
    sources = find_input_files(tables) if isinstance(tables, str | os.PathLike) else dict(tables)
    if isinstance(backend, str):
        engine = backend
        con = make_backend(engine, threads=threads, memory_limit=memory_limit, spark_session=spark_session)
    else:
        con, engine = backend, backend_engine_name(backend)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="querywatch-", dir=staging_dir) as staging:
        checker = duckdb.connect(
            config={"threads": threads or os.cpu_count() or 1, "memory_limit": memory_limit or "3GB"}
        )
        try:
            staged = stage_inputs(
                sources,
                Path(staging),
                stage_everything=engine == "spark",
                timezone=config.timezone,
                duckdb_conn=checker,
            )
        finally:
            checker.close()
        timings = {"validate_inputs": time.perf_counter() - started}
        bound = {name: _bind(con, table) for name, table in staged.items()}
        context = RuleContext(bound, config)
        alerts: list[dict[str, Any]] = []
        for rule in config.enabled_rules():
            rule_started = time.perf_counter()
            rows = RULES[rule.rule_id](context).to_pyarrow().to_pylist()
            alerts.extend(build_alerts(rule, rows))
            timings[rule.rule_id] = time.perf_counter() - rule_started
        for name in staged:
            _drop_view(con, engine, name)
    timings["total"] = time.perf_counter() - started
    table = alerts_table(alerts)
    return QueryWatchResult(table, summarise(config, table, staged, engine, timings), timings)


_VIEW_PREFIX = "querywatch_"


def _bind(con: Any, table: StagedTable, view_name: str | None = None):
    if table.ibis_table is not None:
        return table.ibis_table
    view = con.read_parquet(str(table.parquet_path), table_name=view_name or f"{_VIEW_PREFIX}{table.name}")
    if not table.cast_on_read:
        return view
    # the caller's own Parquet file: canonical column set and types, the same casts as the Spark staging
    spec = TABLES[table.name]
    types = {"string": "string", "timestamp": "timestamp"}
    return view.select(
        **{
            column.name: view[column.name].cast(types[column.kind])
            if column.name in view.columns
            else ibis.null(types[column.kind])
            for column in spec.columns
        }
    )


def _drop_view(con: Any, engine: str, name: str, view_name: str | None = None) -> None:
    view_name = view_name or f"{_VIEW_PREFIX}{name}"
    try:
        if engine == "duckdb":
            con.raw_sql(f"DROP VIEW IF EXISTS {view_name}")
        else:
            con._session.catalog.dropTempView(view_name)
    except Exception:  # noqa: BLE001 - cleanup only
        pass


def summarise(
    config: RulesConfig,
    alerts: pa.Table,
    staged: Mapping[str, StagedTable],
    engine: str,
    timings: dict[str, float],
) -> dict[str, Any]:
    rows = alerts.select(["rule_id", "reason", "event_ids"]).to_pylist()
    per_rule: dict[str, dict[str, Any]] = {}
    for rule_id in RULE_IDS:
        rule = config.rule(rule_id)
        mine = [row for row in rows if row["rule_id"] == rule_id]
        per_rule[rule_id] = {
            "rule_id": rule_id,
            "id": rule.sigma_id,
            "name": rule.name,
            "title_en": rule.title_en,
            "status": rule.status,
            "severity": rule.severity,
            "legal_basis": rule.legal_basis,
            "references": list(rule.references),
            "enabled": rule.enabled,
            "params": rule.params,
            "alerts": len(mine),
            "events_flagged": len({event for row in mine for event in row["event_ids"]}),
            "by_reason": dict(sorted(Counter(row["reason"] for row in mine).items())),
        }
    return {
        "engine": engine,
        "ibis_version": ibis.__version__,
        "inputs": {name: {"source": table.source, "rows": table.num_rows} for name, table in staged.items()},
        "total_alerts": len(rows),
        "rules": list(per_rule.values()),
        "timings_seconds": {key: round(value, 3) for key, value in timings.items()},
    }
