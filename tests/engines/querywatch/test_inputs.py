"""Bad input is rejected with exit code 2 and a message naming the file, column and problem; the CLI writes outputs."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from appgov.engines.querywatch import InputError, run_rules
from appgov.engines.querywatch.cli import main


@pytest.fixture
def data_dir(world, tmp_path):
    world.query("08:00")  # one Q07 alert
    world.query("10:00", operator_id="GHOST")  # one Q05 alert
    return world.write(tmp_path / "data", "csv")


def run_cli(args, capsys):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_writes_alerts_and_summary(data_dir, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run_cli(["--data", data_dir, "--out", out, "--engine", "duckdb"], capsys)
    assert code == 0 and "2 alerts" in stdout
    alerts = pq.read_table(out / "alerts.parquet")
    assert sorted(alerts.column("rule_id").to_pylist()) == ["Q05", "Q07"]
    lines = [json.loads(line) for line in (out / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["alert_id"] for line in lines} == set(alerts.column("alert_id").to_pylist())
    assert all(line["explanation"] and isinstance(line["details"], dict) for line in lines)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [rule["rule_id"] for rule in summary["rules"]] == [f"Q{i:02d}" for i in range(1, 15)]
    assert summary["inputs"]["query_events"]["rows"] == 2 and summary["total_alerts"] == 2


def test_parquet_and_csv_inputs_give_the_same_alerts(world, tmp_path):
    world.query("08:00")
    world.query("10:00", reason_code="担保资格审查")
    from_csv = run_rules(world.write(tmp_path / "csv", "csv"))
    from_parquet = run_rules(world.write(tmp_path / "parquet", "parquet"))
    assert from_csv.alerts.equals(from_parquet.alerts) and from_csv.alerts.num_rows == 2


def _rewrite_csv(path, edit):
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")


def _expect_error(capsys, data_dir, tmp_path, *fragments, extra=()):
    code, _, stderr = run_cli(["--data", data_dir, "--out", tmp_path / "out", *extra], capsys)
    assert code == 2, stderr
    for fragment in fragments:
        assert fragment in stderr, stderr
    assert not (tmp_path / "out" / "alerts.parquet").exists()


def test_missing_file(data_dir, tmp_path, capsys):
    (data_dir / "kiosks.csv").unlink()
    _expect_error(capsys, data_dir, tmp_path, "kiosks.parquet", "missing file")


def test_missing_column(data_dir, tmp_path, capsys):
    path = data_dir / "query_events.csv"
    _rewrite_csv(path, lambda lines: [line.rsplit(",", 1)[0] for line in lines])  # drop the last column
    _expect_error(capsys, data_dir, tmp_path, "query_events.csv", "column 'product'", "missing column")


def test_unparseable_timestamp_names_the_line(data_dir, tmp_path, capsys):
    path = data_dir / "query_events.csv"
    _rewrite_csv(path, lambda lines: [lines[0], lines[1], lines[2].replace("2024-03-12", "2024-13-45")])
    _expect_error(
        capsys, data_dir, tmp_path, "query_events.csv", "column 'ts'", "line 3", "unparseable timestamp"
    )


def test_empty_required_value(data_dir, tmp_path, capsys):
    path = data_dir / "query_events.csv"
    _rewrite_csv(path, lambda lines: [lines[0], lines[1], lines[2].replace('"GHOST"', '""')])
    _expect_error(capsys, data_dir, tmp_path, "column 'operator_id'", "line 3", "empty value")


def test_duplicate_event_id_in_parquet(world, tmp_path, capsys):
    world.query("09:00")
    world.query("09:05")
    data = world.write(tmp_path / "data", "parquet")
    events = pq.read_table(data / "query_events.parquet").to_pylist()
    events[1]["event_id"] = events[0]["event_id"]
    pq.write_table(
        pa.Table.from_pylist(events, schema=pq.read_schema(data / "query_events.parquet")),
        data / "query_events.parquet",
    )
    _expect_error(
        capsys,
        data,
        tmp_path,
        "query_events.parquet",
        "duplicate event_id 'E0001'",
        "row 2",
        "first at row 1",
    )


def test_wrong_type_in_parquet(world, tmp_path, capsys):
    world.query("09:00")
    data = world.write(tmp_path / "data", "parquet")
    table = pq.read_table(data / "query_events.parquet")
    table = table.set_column(1, "ts", pa.array([20240312], pa.int64()))
    pq.write_table(table, data / "query_events.parquet")
    _expect_error(capsys, data, tmp_path, "column 'ts'", "wrong type: expected timestamp, found int64")


def test_both_formats_present(data_dir, tmp_path, capsys):
    (data_dir / "kiosks.parquet").write_bytes(b"")
    _expect_error(capsys, data_dir, tmp_path, "both kiosks.parquet and kiosks.csv")


@pytest.mark.parametrize(
    ("table", "column", "bad", "good", "message"),
    [
        ("calendar", "work_start", "25:00", "08:30", "not a time of day"),
        ("calendar", "is_workday", "maybe", "true", "not a boolean"),
        ("kiosks", "network_segment", "10.9.1.0/99", "10.9.1.0/24", "not an IPv4 network"),
        ("calendar", "date", "2024/03/12", "2024-03-12", "unparseable date"),
    ],
)
def test_small_table_formats(data_dir, tmp_path, capsys, table, column, bad, good, message):
    path = data_dir / f"{table}.csv"
    _rewrite_csv(path, lambda lines: [lines[0], lines[1].replace(good, bad, 1), *lines[2:]])
    _expect_error(capsys, data_dir, tmp_path, f"{table}.csv", f"column '{column}'", "line 2", message)


def test_overlapping_operator_validity(world, tmp_path, capsys):
    world.add_operator("OP1", "P1", "B1", status="disabled")  # a second open-ended state for OP1
    data = world.write(tmp_path / "data", "csv")
    _expect_error(capsys, data, tmp_path, "operators.csv", "overlaps the row at line 2", "line 8")


def test_bad_rules_file(data_dir, tmp_path, capsys):
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  Q08:\n    params:\n      window_minutes: 0\n", encoding="utf-8")
    _expect_error(
        capsys, data_dir, tmp_path, str(rules), "rules/Q08/params/window_minutes", extra=["--rules", rules]
    )
    rules.write_text("rules:\n  Q99: {}\n", encoding="utf-8")
    _expect_error(capsys, data_dir, tmp_path, "Q99", extra=["--rules", rules])


def test_bad_arguments(tmp_path, capsys):
    code, _, stderr = run_cli(["--out", tmp_path], capsys)
    assert code == 2 and "--data" in stderr
    code, _, stderr = run_cli(["--data", tmp_path, "--out", tmp_path, "--engine", "oracle"], capsys)
    assert code == 2 and "oracle" in stderr


def test_api_reports_in_memory_tables(world):
    tables = world.tables()
    tables["operators"] = tables["operators"].drop_columns(["status"])
    with pytest.raises(InputError) as error:
        run_rules(tables)
    assert error.value.column == "status" and "operators (in memory)" in str(error.value)
