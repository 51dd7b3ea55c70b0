"""Near-real-time runs: the rules over a batch of new queries, with exactly the look-back each rule needs.

``run_increment`` takes the queries that arrived since the last cycle, the stored history and the current
reference tables, and returns the alerts that involve the new queries. For an episode rule the alert is
the episode as it stands now; its ``alert_id`` names the rule and the episode's first query, so a later
cycle that extends the episode returns the same id with more queries and the caller upserts it. Run over a
day in cycles, the stored alerts end up equal to the nightly run over the same day (tested), provided the
queries arrive in time order and the reference tables are the same.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq

from .alerts import alerts_table, build_alerts
from .backends import backend_engine_name, make_backend
from .config import RulesConfig, load_rules_config
from .errors import InputError
from .inputs import _stage_one, stage_inputs
from .rules import RULES, RuleContext
from .runner import _bind, _drop_view
from .schema import TABLES

ZERO = dt.timedelta(0)
HISTORY_VIEW = "querywatch_history_events"


@dataclass(frozen=True)
class RuleNeeds:
    """What a rule must see besides the queries it judges.

    ``lookback``: the earlier queries of the same key it reads (its window, its baseline); ``chain``: how
    far apart two parts of one episode may be (an episode whose first query is closer than lookback + chain
    to the start of what was read may continue further back: the run then reads further back);
    ``key``: the column the rule works per (only the history of the keys in the batch is read);
    ``whole_day``: the rule groups per account and day (Q13); ``look_ahead``: records dated after the query
    that can clear it (Q03's applications registered up to ``minutes_after`` later).
    """

    lookback: dt.timedelta = ZERO
    chain: dt.timedelta | None = None
    key: str | None = None
    whole_day: bool = False
    look_ahead: dt.timedelta = ZERO


def rule_needs(config: RulesConfig, rule_id: str) -> RuleNeeds:
    params = config.rule(rule_id).params
    minutes = dt.timedelta(minutes=params.get("window_minutes", 0))
    if rule_id in ("Q06", "Q11"):
        return RuleNeeds(lookback=minutes, chain=minutes, key="operator_id")
    if rule_id == "Q09":
        return RuleNeeds(lookback=minutes, chain=minutes, key="subject_id")
    if rule_id == "Q08":
        # the baseline reads the baseline_hours clock hours before the query's hour
        baseline = dt.timedelta(hours=params["baseline_hours"] + 1)
        return RuleNeeds(lookback=max(minutes, baseline), chain=minutes, key="operator_id")
    if rule_id == "Q13":
        return RuleNeeds(key="operator_id", whole_day=True)
    if rule_id == "Q03":
        return RuleNeeds(look_ahead=dt.timedelta(minutes=params["minutes_after"]))
    return RuleNeeds()


def required_history_start(
    config: RulesConfig | str | os.PathLike | dict | None, earliest_new: dt.datetime
) -> dt.datetime:
    """The earliest query time the stored history must cover for a batch starting at ``earliest_new``.

    (An episode reaching further back is followed as far as the history given goes.)
    """
    config = config if isinstance(config, RulesConfig) else load_rules_config(config)
    start = earliest_new
    for rule in config.enabled_rules():
        needs = rule_needs(config, rule.rule_id)
        begin = _day_start(earliest_new) if needs.whole_day else earliest_new - needs.lookback
        start = min(start, begin - needs.look_ahead)
    return start


def prepare_reference(
    tables: Mapping[str, Any],
    rules_config: RulesConfig | str | os.PathLike | dict | None = None,
    backend: Any = None,
) -> dict[str, ir.Table]:
    """Check the reference tables once and keep them in ``backend`` (a DuckDB ibis backend) for many cycles.

    ``tables``: every input table but ``query_events``. Returns ibis tables in canonical form, to be passed
    in ``history`` to each ``run_increment`` on the same backend (then only their schema is checked per
    cycle). Call it again when a reference table changes (a new authorisation, a disabled account).
    """
    config = rules_config if isinstance(rules_config, RulesConfig) else load_rules_config(rules_config)
    if backend is None or backend_engine_name(backend) != "duckdb":
        raise ValueError("prepare_reference keeps tables in a DuckDB backend; on Spark pass files per cycle")
    empty = pa.table({column.name: pa.array([], pa.string()) for column in TABLES["query_events"].columns})
    with tempfile.TemporaryDirectory(prefix="querywatch-ref-") as staging:
        checker = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
        try:
            staged = stage_inputs(
                {**tables, "query_events": empty},
                Path(staging),
                stage_everything=False,
                timezone=config.timezone,
                duckdb_conn=checker,
            )
        finally:
            checker.close()
        prepared = {}
        for name, table in staged.items():
            if name == "query_events":
                continue
            # a temporary table of the connection: it outlives the staging files (plain SQL: ibis's own
            # create_table/cache emit statements this DuckDB version rejects)
            source = _bind(backend, table, f"querywatch_ref_src_{name}")
            target = f"querywatch_ref_{name}_{uuid.uuid4().hex[:8]}"
            backend.raw_sql(f"CREATE TEMP TABLE {target} AS {backend.compile(source)}")
            _drop_view(backend, "duckdb", name, f"querywatch_ref_src_{name}")
            prepared[name] = backend.table(target)
    return prepared


@dataclass
class IncrementResult:
    alerts: pa.Table  # ALERT_SCHEMA: new alerts and the current state of episodes the batch extended
    as_of: dt.datetime  # pass it as previous_as_of to the next cycle
    timings: dict[str, float] = field(default_factory=dict)
    lookback_start: dict[str, dt.datetime] = field(default_factory=dict)  # per keyed rule, how far it read

    def alert_dicts(self) -> list[dict[str, Any]]:
        return self.alerts.to_pylist()


def run_increment(
    new_events: Any,
    history: Mapping[str, Any],
    rules_config: RulesConfig | str | os.PathLike | dict | None = None,
    backend: str | Any = "duckdb",
    *,
    as_of: dt.datetime | None = None,
    previous_as_of: dt.datetime | None = None,
    threads: int | None = None,
    memory_limit: str | None = None,
    staging_dir: str | os.PathLike | None = None,
) -> IncrementResult:
    """Run the enabled rules over ``new_events`` with the look-back each needs from ``history``.

    ``new_events``: the batch of queries (any form ``run_rules`` accepts for ``query_events``), checked as
    in a nightly run. ``history``: every input table as for ``run_rules``, ``query_events`` being the stored
    queries (with or without the batch: duplicates by event_id are ignored); it may be cut at
    ``required_history_start``. ``as_of``: the time up to which the reference tables are complete (default:
    the batch's latest query). Q03 judges a query only once ``as_of`` is ``minutes_after`` past it: the
    queries that became ripe since ``previous_as_of`` (from the history) are judged with the batch.
    """
    config = rules_config if isinstance(rules_config, RulesConfig) else load_rules_config(rules_config)
    if "query_events" not in history:
        raise InputError("query_events", "history: input table not given")
    if isinstance(backend, str):
        engine, con = backend, make_backend(backend, threads=threads, memory_limit=memory_limit)
    else:
        con, engine = backend, backend_engine_name(backend)
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="querywatch-inc-", dir=staging_dir) as staging:
        checker = duckdb.connect(
            config={"threads": threads or os.cpu_count() or 1, "memory_limit": memory_limit or "1GB"}
        )
        try:
            staged = stage_inputs(
                {**history, "query_events": new_events},
                Path(staging),
                stage_everything=engine == "spark",
                timezone=config.timezone,
                duckdb_conn=checker,
            )
            (Path(staging) / "history").mkdir()
            staged_history = _stage_one(
                TABLES["query_events"],
                history["query_events"],
                Path(staging) / "history",
                engine == "spark",
                config.timezone,
                checker,
            )
        finally:
            checker.close()
        timings["validate_inputs"] = time.perf_counter() - started
        tables = {name: _bind(con, table) for name, table in staged.items()}
        new = tables["query_events"]
        stored = _bind(con, staged_history, HISTORY_VIEW).select(*new.columns)

        def everything(since: dt.datetime | None = None) -> ir.Table:
            """The batch and the stored queries (from ``since``), each query once."""
            kept = stored if since is None else stored.filter(stored.ts >= since)
            return new.union(kept.anti_join(new, "event_id"))

        bounds = new.aggregate(first=new.ts.min(), last=new.ts.max()).to_pyarrow().to_pylist()[0]
        bounds = {key: _naive(value) for key, value in bounds.items()}
        history_first = _naive(stored.ts.min().to_pyarrow().as_py())
        as_of = as_of or bounds["last"]
        if as_of is None:
            raise InputError("query_events", "empty batch: give as_of (the time the cycle runs for)")
        alerts: list[dict[str, Any]] = []
        reach: dict[str, dt.datetime] = {}
        new_ids: set[str] | None = None
        for rule in config.enabled_rules():
            rule_started = time.perf_counter()
            needs = rule_needs(config, rule.rule_id)
            judged = _judged_events(needs, new, everything, as_of, previous_as_of)
            first = _naive(judged.ts.min().to_pyarrow().as_py()) if needs.look_ahead else bounds["first"]
            if first is None:
                timings[rule.rule_id] = time.perf_counter() - rule_started
                continue
            if needs.key is not None and new_ids is None:
                new_ids = set(new.event_id.to_pyarrow().to_pylist())
            found, start = _run_rule(
                rule.rule_id, needs, tables, judged, new_ids, everything, first, history_first, config
            )
            alerts.extend(build_alerts(rule, found))
            if start is not None:
                reach[rule.rule_id] = start
            timings[rule.rule_id] = time.perf_counter() - rule_started
        for name, table in staged.items():
            if table.ibis_table is None:
                _drop_view(con, engine, name)
        if staged_history.ibis_table is None:
            _drop_view(con, engine, "query_events", HISTORY_VIEW)
    timings["total"] = time.perf_counter() - started
    return IncrementResult(alerts_table(alerts), as_of, timings, reach)


def _day_start(moment: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(moment.date(), dt.time())


def _judged_events(
    needs: RuleNeeds,
    new: ir.Table,
    everything: Callable[[dt.datetime | None], ir.Table],
    as_of: dt.datetime,
    previous_as_of: dt.datetime | None,
) -> ir.Table:
    if not needs.look_ahead:
        return new
    ripe_until = as_of - needs.look_ahead
    ripe_new = new.filter(new.ts <= ripe_until)
    if previous_as_of is None:
        return ripe_new
    # queries judged now for the first time: ripe since the previous cycle (whichever batch brought them)
    candidates = everything(previous_as_of - needs.look_ahead)
    became_ripe = candidates.filter(
        (candidates.ts > previous_as_of - needs.look_ahead) & (candidates.ts <= ripe_until)
    )
    return became_ripe.union(ripe_new.anti_join(became_ripe, "event_id"))


def _run_rule(
    rule_id: str,
    needs: RuleNeeds,
    tables: dict[str, ir.Table],
    judged: ir.Table,
    judged_ids: set[str] | None,
    everything: Callable[[dt.datetime | None], ir.Table],
    first: dt.datetime,
    history_first: dt.datetime | None,
    config: RulesConfig,
) -> tuple[list[dict[str, Any]], dt.datetime | None]:
    """The rule's rows for the alerts that involve a judged query, and how far back it read.

    A rule that judges each query alone reads only the judged queries; a rule per key (``judged_ids`` are
    then the judged queries' ids) reads the history of the keys in the batch.
    """
    if needs.key is None:
        context = RuleContext({**tables, "query_events": judged}, config)
        return RULES[rule_id](context).to_pyarrow().to_pylist(), None
    keys = judged.select(busy_key=judged[needs.key]).distinct()
    # read as far back as the look-back plus a few episode gaps; most episodes began within that
    start = _day_start(first) if needs.whole_day else first - needs.lookback - 4 * (needs.chain or ZERO)
    while True:
        events = everything(start)
        events = events.filter(events.ts >= start)
        events = events.semi_join(keys, events[needs.key] == keys.busy_key)
        context = RuleContext({**tables, "query_events": events}, config)
        rows = [
            row
            for row in RULES[rule_id](context).to_pyarrow().to_pylist()
            if judged_ids.intersection(row["event_ids"] or [])
        ]
        reach = None if needs.chain is None else needs.lookback + needs.chain
        cut = reach is not None and any(_naive(row["ts"]) < start + reach for row in rows)
        if not cut or history_first is None or start <= history_first:
            return rows, start
        # an episode may begin before what was read: read twice as far back and run again
        start = start - 2 * (first - start)


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    """Spark hands timestamps back in UTC with a zone; the session is UTC, so the wall time is kept."""
    return value.replace(tzinfo=None) if value is not None and value.tzinfo is not None else value


def validate_events(
    source: Any, rules_config: RulesConfig | str | os.PathLike | dict | None = None
) -> pa.Table:
    """Check a batch of queries as a nightly run would and return it in canonical form (all or nothing).

    For the ingest side (API batches, files dropped into a watched folder): a batch that fails raises
    InputError naming the file or table, column and row; nothing of it should then be stored.
    """
    config = rules_config if isinstance(rules_config, RulesConfig) else load_rules_config(rules_config)
    with tempfile.TemporaryDirectory(prefix="querywatch-batch-") as staging:
        checker = duckdb.connect(config={"threads": 1, "memory_limit": "1GB"})
        try:
            staged = _stage_one(TABLES["query_events"], source, Path(staging), True, config.timezone, checker)
        finally:
            checker.close()
        if staged.ibis_table is not None:
            return staged.ibis_table.to_pyarrow()
        return pq.read_table(staged.parquet_path)
