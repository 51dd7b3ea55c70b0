"""Run the examples every rule carries (rules.yaml `examples`) and report which hold.

All examples run together in one engine run: each gets its own copy of the example world with every
identifier prefixed (``X007.OP1``), so no example sees another's queries, and one run per engine checks
them all. An example expecting an alert holds when its rule raises an alert made only of the example's
queries (with the given reason, containing the given queries); one expecting none holds when its rule
raises nothing on the example's queries. Other rules are not looked at.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pyarrow as pa
import yaml

from .config import RulesConfig
from .schema import TABLES

# the identifier columns of each table, prefixed per example
ID_COLUMNS = {
    "query_events": (
        "event_id",
        "operator_id",
        "branch_id",
        "subject_id",
        "terminal_id",
        "authorization_id",
        "client_app_id",
    ),
    "operators": ("operator_id", "person_id", "branch_id"),
    "authorizations": ("authorization_id", "subject_id", "branch_id"),
    "credit_relationships": ("subject_id", "branch_id"),
    "loan_applications": ("subject_id", "branch_id"),
    "approved_apps": ("client_app_id",),
    "employees": ("subject_id", "person_id", "branch_id"),
    "kiosks": ("terminal_id", "branch_id"),
    "calendar": ("branch_id",),
}
EVENT_DEFAULTS = {"reason_code": "异议查询", "channel": "counter", "product": "personal"}


@dataclass
class ExampleCase:
    rule_id: str
    number: int  # position among all examples checked in the run (the prefix X<number>.)
    example: dict[str, Any]
    event_ids: list[str] = field(default_factory=list)  # prefixed, in the order of the example's events

    @property
    def prefix(self) -> str:
        return f"X{self.number:03d}."

    @property
    def name(self) -> str:
        return self.example["name"]

    @property
    def origin(self) -> str:
        return self.example.get("origin", "default rules")


@dataclass
class ExampleOutcome:
    case: ExampleCase
    passed: bool
    found: str  # what the rule raised, in words

    def line(self) -> str:
        expect = self.case.example["expect"]
        wanted = "alert" if expect == "alert" else "no alert"
        if expect == "alert" and self.case.example.get("reason"):
            wanted += f" ({self.case.example['reason']})"
        mark = "ok  " if self.passed else "FAIL"
        return f"{mark} {self.case.rule_id} {self.case.name} [{self.case.origin}]: expected {wanted}, got {self.found}"


def example_world() -> dict[str, list[dict[str, Any]]]:
    text = resources.files(__package__).joinpath("example_world.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _prefixed(table: str, row: dict[str, Any], prefix: str) -> dict[str, Any]:
    out = {key: _text(value) for key, value in row.items()}
    for column in ID_COLUMNS[table]:
        if out.get(column) is not None:
            out[column] = prefix + out[column]
    return out


def _parse_ts(text: str, where: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{where}: unparseable ts {text!r} (expected YYYY-MM-DD HH:MM[:SS])") from None


def _expand_events(case: ExampleCase) -> list[dict[str, Any]]:
    rows = []
    for position, event in enumerate(case.example["events"], start=1):
        spec = dict(event)
        repeat = spec.pop("repeat", None) or {"count": 1, "every_seconds": 0}
        start = _parse_ts(spec["ts"], f"rules/{case.rule_id}/examples/{case.name}/events/{position}")
        for index in range(repeat["count"]):
            number = len(rows) + 1
            row = {**EVENT_DEFAULTS, **spec}
            row["ts"] = (start + dt.timedelta(seconds=index * repeat["every_seconds"])).isoformat(sep=" ")
            row["event_id"] = f"E{number:05d}"
            row.setdefault("operator_id", "OP1")
            row.setdefault("subject_id", None)
            if row["subject_id"] is None:
                row["subject_id"] = f"SUBJ-{row['event_id']}"
            elif repeat["count"] > 1 and "subject_id" not in spec:
                row["subject_id"] = f"SUBJ-{row['event_id']}"
            row.setdefault("terminal_id", f"T-{row['operator_id']}")
            if "ip" not in spec:
                row["ip"] = f"10.0.0.{zlib.crc32(row['operator_id'].encode()) % 200 + 1}"
            rows.append(row)
    return rows


def build_example_tables(config: RulesConfig, rule_ids: list[str] | None = None):
    """Input tables holding every example of the given rules (default: the enabled ones), and the cases."""
    world = example_world()
    wanted = rule_ids or [rule.rule_id for rule in config.enabled_rules()]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    shared_calendar = [row for row in world.get("calendar", []) if row.get("branch_id") is None]
    rows["calendar"].extend({key: _text(value) for key, value in row.items()} for row in shared_calendar)
    cases = []
    for rule_id in wanted:
        for example in config.rule(rule_id).examples:
            case = ExampleCase(rule_id, len(cases) + 1, example)
            cases.append(case)
            prefix = case.prefix
            operators = {row["operator_id"]: row for row in world["operators"]}
            for row in example.get("tables", {}).get("operators", []):
                operators.setdefault(row["operator_id"], row)
            events = _expand_events(case)
            for event in events:
                if "branch_id" not in event or event["branch_id"] is None:
                    operator = operators.get(event["operator_id"])
                    event["branch_id"] = operator["branch_id"] if operator else "B1"
            case.event_ids = [prefix + event["event_id"] for event in events]
            rows["query_events"].extend(_prefixed("query_events", event, prefix) for event in events)
            branches = {event["branch_id"] for event in events} | {
                row["branch_id"] for row in operators.values()
            }
            added = example.get("tables", {})
            for table in TABLES:
                if table == "query_events":
                    continue
                base = [] if table == "calendar" else world.get(table, [])
                if table == "calendar":
                    base = [row for row in world.get("calendar", []) if row.get("branch_id") is not None]
                mine = list(added.get(table, []))
                if table == "calendar":
                    mine = _calendar_per_branch(base + mine, branches)
                rows[table].extend(
                    _prefixed(table, row, prefix) for row in base + mine if table != "calendar"
                )
                if table == "calendar":
                    rows[table].extend(_prefixed(table, row, prefix) for row in mine)
    return {name: _arrow(name, table_rows) for name, table_rows in rows.items()}, cases


def _calendar_per_branch(rows: list[dict[str, Any]], branches: set[str]) -> list[dict[str, Any]]:
    """An example's calendar rows for every branch ("every branch" rows become one row per branch of the
    example, so they do not reach the other examples); a branch's own row wins over an every-branch row."""
    own = {(str(row["date"]), row["branch_id"]) for row in rows if row.get("branch_id") is not None}
    out = [row for row in rows if row.get("branch_id") is not None]
    for row in rows:
        if row.get("branch_id") is None:
            for branch in sorted(branches):
                if (str(row["date"]), branch) not in own:
                    out.append({**row, "branch_id": branch})
    return out


def _arrow(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    spec = TABLES[name]
    schema = pa.schema([pa.field(column.name, pa.string()) for column in spec.columns])
    clean = [{column.name: _text(row.get(column.name)) for column in spec.columns} for row in rows]
    return pa.Table.from_pylist(clean, schema=schema)


def judge_examples(cases: list[ExampleCase], alerts: list[dict[str, Any]]) -> list[ExampleOutcome]:
    by_prefix: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for alert in alerts:
        prefixes = {event_id.split(".", 1)[0] for event_id in alert["event_ids"]}
        for prefix in prefixes:
            by_prefix.setdefault((alert["rule_id"], prefix + "."), []).append(alert)
    outcomes = []
    for case in cases:
        raised = by_prefix.get((case.rule_id, case.prefix), [])
        found = (
            "no alert"
            if not raised
            else "; ".join(
                f"{alert['reason']} on {', '.join(e.split('.', 1)[1] for e in alert['event_ids'][:6])}"
                + (" …" if len(alert["event_ids"]) > 6 else "")
                for alert in raised
            )
        )
        example = case.example
        if example["expect"] == "no_alert":
            passed = not raised
        else:
            wanted_events = {
                case.event_ids[i - 1] for i in example.get("alert_events", []) if i <= len(case.event_ids)
            }
            passed = any(
                (not example.get("reason") or alert["reason"] == example["reason"])
                and wanted_events <= set(alert["event_ids"])
                for alert in raised
            ) and len(wanted_events) == len(example.get("alert_events", []))
        outcomes.append(ExampleOutcome(case, passed, found))
    return outcomes


def check_examples(config: RulesConfig, backend: Any = "duckdb", **run_kwargs) -> list[ExampleOutcome]:
    """Run every example of the enabled rules on ``backend`` and judge each (see the module docstring)."""
    from .runner import run_rules

    tables, cases = build_example_tables(config)
    if not cases:
        return []
    result = run_rules(tables, config, backend, **run_kwargs)
    return judge_examples(cases, result.alert_dicts())
