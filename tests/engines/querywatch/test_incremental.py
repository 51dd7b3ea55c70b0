"""A day run as near-real-time increments stores the same alerts as the nightly run over the day."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from appgov.engines.querywatch import (
    find_input_files,
    load_rules_config,
    make_backend,
    required_history_start,
    run_increment,
    run_rules,
)

GENERATOR = Path(__file__).resolve().parents[3] / "bench" / "querywatch" / "generate.py"


def _generator():
    spec = importlib.util.spec_from_file_location("querywatch_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> pa.Table:
    if path.suffix == ".parquet":
        return pq.read_table(path)
    import pyarrow.csv as pacsv

    return pacsv.read_csv(path)


def replay(tables: dict, cycle: dt.timedelta, backend, config=None) -> dict[str, dict]:
    """Feed the day's queries in time order, one batch per cycle; upsert every cycle's alerts by alert_id."""
    events = tables["query_events"].sort_by([("ts", "ascending"), ("event_id", "ascending")])
    reference = {name: table for name, table in tables.items() if name != "query_events"}
    stored: dict[str, dict] = {}
    first = events["ts"][0].as_py()
    clock = dt.datetime.combine(first.date(), dt.time()) + cycle
    end = events["ts"][-1].as_py()
    previous = None
    seen = 0
    while previous is None or previous < end + dt.timedelta(hours=2):
        upto = pc.sum(pc.less(events["ts"], pa.scalar(clock, pa.timestamp("us")))).as_py() or 0
        batch = events.slice(seen, upto - seen)
        history = events.slice(0, seen)
        if batch.num_rows or previous is not None:
            start = required_history_start(config, batch["ts"][0].as_py()) if batch.num_rows else clock
            kept = history.filter(pc.greater_equal(history["ts"], pa.scalar(start, pa.timestamp("us"))))
            result = run_increment(
                batch,
                {**reference, "query_events": kept},
                config,
                backend,
                as_of=clock,
                previous_as_of=previous,
            )
            for alert in result.alert_dicts():
                stored[alert["alert_id"]] = alert
            previous = clock
        seen = upto
        clock += cycle
    return stored


def _by_id(alerts: list[dict]) -> dict[str, dict]:
    return {alert["alert_id"]: alert for alert in alerts}


@pytest.fixture(scope="module")
def generated_day(tmp_path_factory):
    directory = tmp_path_factory.mktemp("day")
    _generator().generate(directory, 2500, seed=11, injections_per_variant=1)
    return {name: _read(path) for name, path in find_input_files(directory).items()}


def test_hourly_increments_of_a_generated_day_equal_the_nightly_run(generated_day):
    backend = make_backend("duckdb", threads=2, memory_limit="1GB")
    nightly = run_rules(generated_day, None, backend)
    assert {row["rule_id"] for row in nightly.alert_dicts()} >= {f"Q{i:02d}" for i in range(1, 14)}
    stored = replay(generated_day, dt.timedelta(hours=1), backend)
    expected = _by_id(nightly.alert_dicts())
    assert set(stored) == set(expected)
    for alert_id, alert in expected.items():
        assert stored[alert_id] == alert, alert_id


def test_five_minute_increments_of_a_busy_morning_equal_the_nightly_run(world):
    """Bursts that span many cycles: a harvest, a volume burst over a baseline, a shared account, a subject
    queried across branches, a password too old, and an approval whose application comes 40 minutes later."""
    for hour in (8, 9, 10):
        for minute in (35, 50):
            world.query(f"{hour:02d}:{minute}", operator_id="OP2")
    for index in range(40):  # OP2: 40 queries from 11:00 every 45 s, over its baseline of 2 an hour
        world.query(dt.datetime(2024, 3, 12, 11, 0) + dt.timedelta(seconds=45 * index), operator_id="OP2")
    for index in range(12):  # OP3 alternates two terminals every 4 minutes for 48 minutes
        world.query(
            dt.datetime(2024, 3, 12, 9, 2) + dt.timedelta(minutes=4 * index),
            operator_id="OP3",
            terminal_id=f"T-{index % 2}",
        )
    for time, operator in (("09:30", "OP1"), ("10:20", "OP3"), ("11:10", "OP4"), ("11:50", "OP5")):
        world.query(time, operator_id=operator, subject_id="SX")
    world.add_operator("OP6", "P6", "B1", password_changed_at=dt.datetime(2023, 1, 1))
    for time in ("09:01", "10:31", "12:02"):
        world.query(time, operator_id="OP6")
    auth = world.add_auth("S-LOAN", "贷款审批")
    world.loan_applications.append(
        {
            "subject_id": "S-LOAN",
            "branch_id": "B1",
            "applied_at": dt.datetime(2024, 3, 12, 10, 40),
            "product": "loan",
        }
    )
    world.query("10:00", subject_id="S-LOAN", reason_code="贷款审批", authorization_id=auth)
    late = world.add_auth("S-LATE", "贷款审批")
    world.query("10:05", subject_id="S-LATE", reason_code="贷款审批", authorization_id=late)
    rules = {
        "rules": {
            "Q08": {"params": {"min_count": 20, "absolute_cap": 200}},
            "Q11": {"params": {"min_distinct_subjects": 20, "window_minutes": 20}},
        }
    }
    config = load_rules_config(rules)
    backend = make_backend("duckdb", threads=2, memory_limit="1GB")
    tables = world.tables()
    nightly = _by_id(run_rules(tables, config, backend).alert_dicts())
    assert {alert["rule_id"] for alert in nightly.values()} >= {"Q03", "Q06", "Q08", "Q09", "Q11", "Q13"}
    stored = replay(tables, dt.timedelta(minutes=5), backend, config)
    assert set(stored) == set(nightly)
    for alert_id, alert in nightly.items():
        assert stored[alert_id] == alert, alert_id
    q03 = [alert for alert in nightly.values() if alert["rule_id"] == "Q03"]
    assert [alert["subject_id"] for alert in q03] == ["S-LATE"]  # S-LOAN's application came within the hour


def test_a_batch_is_checked_all_or_nothing(world, tmp_path):
    from appgov.engines.querywatch import InputError, validate_events

    world.query("10:00")
    world.query("10:01")
    good = validate_events(world.tables()["query_events"])
    assert good.num_rows == 2 and good.schema.field("ts").type == pa.timestamp("us")
    path = tmp_path / "batch.csv"
    path.write_text(
        "event_id,ts,operator_id,branch_id,subject_id,reason_code,channel,client_app_id,terminal_id,ip,"
        "authorization_id,product\n"
        "E1,2024-03-12 10:00,OP1,B1,S1,异议查询,counter,,T1,,,personal\n"
        "E2,2024-03-12 25:00,OP1,B1,S2,异议查询,counter,,T1,,,personal\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        validate_events(path)
    assert error.value.column == "ts" and error.value.row == "line 3"


@pytest.mark.spark
def test_increments_on_spark_equal_the_nightly_run(world, spark_backend):
    """The same cycle logic on Spark (three 1-hour cycles and the Q03 flush, to keep the run short)."""
    for index in range(6):  # OP3 alternates two terminals every 4 minutes across the 10:00 cycle boundary
        world.query(
            dt.datetime(2024, 3, 12, 9, 44) + dt.timedelta(minutes=4 * index),
            operator_id="OP3",
            terminal_id=f"T-{index % 2}",
        )
    for time, operator in (("09:30", "OP1"), ("10:20", "OP3"), ("11:10", "OP4")):
        world.query(time, operator_id=operator, subject_id="SX")
    world.query("08:10")  # before hours
    late = world.add_auth("S-LATE", "贷款审批")
    world.query("09:05", subject_id="S-LATE", reason_code="贷款审批", authorization_id=late)
    tables = world.tables()
    nightly = _by_id(run_rules(tables, None, spark_backend).alert_dicts())
    assert {alert["rule_id"] for alert in nightly.values()} >= {"Q03", "Q06", "Q07", "Q09"}
    stored = replay(tables, dt.timedelta(hours=1), spark_backend)
    assert stored == nightly
