"""DuckDB and Spark (local mode) give identical alerts on the same generated log and on the hand-made one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from appgov.engines.querywatch import make_backend, run_rules

pytestmark = pytest.mark.spark

GENERATOR = Path(__file__).resolve().parents[3] / "bench" / "querywatch" / "generate.py"


def _generator():
    spec = importlib.util.spec_from_file_location("querywatch_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_log_parity(tmp_path, spark_backend):
    _generator().generate(tmp_path, 4000, seed=21, injections_per_variant=1)
    duck = run_rules(tmp_path, None, make_backend("duckdb", threads=2, memory_limit="1GB"))
    spark = run_rules(tmp_path, None, spark_backend)
    assert duck.alerts.num_rows > 30
    assert {row["rule_id"] for row in duck.alert_dicts()} == {f"Q{i:02d}" for i in range(1, 15)}
    assert duck.alerts.equals(spark.alerts), _first_difference(duck.alerts, spark.alerts)


def test_hand_made_log_parity(world, spark_backend):
    # edge cases: nulls, IPs that do not parse, branch calendars, SCD operator rows, CSV-style strings
    world.query("08:00")
    world.query("17:30")
    world.query("12:00", operator_id="OP5", terminal_id=None)
    world.query("12:01", operator_id="OP5")
    world.query(
        "10:00",
        operator_id="KIOSK1",
        channel="kiosk",
        terminal_id="K1",
        ip="10.9.1.999",
        reason_code="本人查询",
    )
    world.query(
        "11:00", operator_id="KIOSK1", channel="kiosk", terminal_id="K1", ip=None, reason_code="本人查询"
    )
    world.query("10:00", subject_id="S-P1")
    world.query("10:02", subject_id="S-P2", terminal_id="T-X")
    world.query("10:05", operator_id="GHOST", channel="app", client_app_id="APP-OLD")
    world.authorized_query("10:30", purpose="担保资格审查", operator_id="OP3")
    tables = world.tables()
    duck = run_rules(tables, None, make_backend("duckdb", threads=2, memory_limit="1GB"))
    spark = run_rules(tables, None, spark_backend)
    assert duck.alerts.num_rows >= 8
    assert duck.alerts.equals(spark.alerts), _first_difference(duck.alerts, spark.alerts)


def _first_difference(left, right) -> str:
    a, b = left.to_pylist(), right.to_pylist()
    if len(a) != len(b):
        return f"{len(a)} DuckDB alerts vs {len(b)} Spark alerts"
    for x, y in zip(a, b, strict=True):
        if x != y:
            return f"DuckDB {x} != Spark {y}"
    return "schemas differ"
