"""Every rule carries examples that must alert and examples that must not; they hold on DuckDB and Spark."""

from __future__ import annotations

import pytest

from appgov.engines.querywatch import RULE_IDS, load_rules_config, make_backend
from appgov.engines.querywatch.cli import main
from appgov.engines.querywatch.examples import check_examples

CONFIG = load_rules_config()
EXAMPLES = [(rule_id, example["name"]) for rule_id in RULE_IDS for example in CONFIG.rule(rule_id).examples]


@pytest.fixture(scope="module")
def duckdb_outcomes():
    outcomes = check_examples(CONFIG, make_backend("duckdb", threads=2, memory_limit="1GB"))
    return {(o.case.rule_id, o.case.name): o for o in outcomes}


def test_every_rule_has_examples_both_ways():
    for rule_id in RULE_IDS:
        expects = {example["expect"] for example in CONFIG.rule(rule_id).examples}
        assert expects == {"alert", "no_alert"}, rule_id


def test_rule_metadata_follows_sigma_conventions():
    ids = [CONFIG.rule(rule_id).sigma_id for rule_id in RULE_IDS]
    assert len(set(ids)) == len(ids)
    for rule_id in RULE_IDS:
        rule = CONFIG.rule(rule_id)
        assert rule.status in {"stable", "test", "experimental"}
        assert rule.severity in {"low", "medium", "high"}
        assert any("PBC102-" in reference for reference in rule.references), rule_id


@pytest.mark.parametrize(("rule_id", "name"), EXAMPLES)
def test_example_holds_on_duckdb(duckdb_outcomes, rule_id, name):
    outcome = duckdb_outcomes[(rule_id, name)]
    assert outcome.passed, outcome.line()


def test_a_changed_threshold_breaks_the_shipped_example():
    config = load_rules_config({"rules": {"Q08": {"params": {"absolute_cap": 90}}}})
    failed = [o for o in check_examples(config, make_backend("duckdb", threads=2)) if not o.passed]
    assert [(o.case.rule_id, o.case.name) for o in failed] == [("Q08", "一小时内85笔")]
    assert "expected alert (over_absolute_cap), got no alert" in failed[0].line()


OVERRIDE = """
rules:
  Q08:
    params: {absolute_cap: 90}
    skip_examples: [一小时内85笔]
    examples:
      - name: 一小时内90笔
        expect: alert
        reason: over_absolute_cap
        events:
          - {ts: "2024-03-12 09:00", repeat: {count: 90, every_seconds: 39}}
  Q07:
    examples:
      - name: 分行周六延时营业
        expect: no_alert
        events:
          - {ts: "2024-05-18 10:00", operator_id: OP5}
        tables:
          calendar:
            - {date: "2024-05-18", branch_id: B4, is_workday: "true", work_start: "09:00", work_end: "12:00"}
"""


def test_check_rules_cli_runs_the_institutions_examples(tmp_path, capsys):
    path = tmp_path / "override.yaml"
    path.write_text(OVERRIDE, encoding="utf-8")
    assert main(["--check-rules", str(path), "--threads", "2"]) == 0
    out = capsys.readouterr().out
    assert f"ok   Q07 分行周六延时营业 [{path}]" in out
    assert "一小时内85笔" not in out and "ok   Q08 一小时内90笔" in out
    assert f"{len(EXAMPLES) + 1} of {len(EXAMPLES) + 1} examples hold (duckdb)" in out

    path.write_text(OVERRIDE.replace('work_end: "12:00"', 'work_end: "10:00"'), encoding="utf-8")
    assert main(["--check-rules", str(path), "--threads", "2"]) == 1
    out = capsys.readouterr().out
    assert "FAIL Q07 分行周六延时营业" in out and "got after_hours on E00001" in out


def test_check_rules_cli_rejects_a_bad_example(tmp_path, capsys):
    path = tmp_path / "override.yaml"
    path.write_text(
        "rules:\n  Q07:\n    examples:\n      - {name: x, expect: maybe, events: [{ts: '2024-03-12 10:00'}]}\n"
    )
    assert main(["--check-rules", str(path)]) == 2
    assert "rules/Q07/examples/" in capsys.readouterr().err
    path.write_text("rules:\n  Q07:\n    skip_examples: [nope]\n")
    assert main(["--check-rules", str(path)]) == 2
    assert "no example named 'nope'" in capsys.readouterr().err


@pytest.mark.spark
def test_examples_hold_on_spark(spark_backend, duckdb_outcomes):
    outcomes = check_examples(CONFIG, spark_backend)
    failed = [o.line() for o in outcomes if not o.passed]
    assert not failed, "\n".join(failed)
    assert {(o.case.rule_id, o.case.name): o.found for o in outcomes} == {
        key: o.found for key, o in duckdb_outcomes.items()
    }
