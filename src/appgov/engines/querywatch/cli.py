"""`appgov creditwatch --data DIR --engine duckdb|spark --out DIR [--rules FILE]`.

Exit codes: 0 success (alerts or not), 2 bad input, bad rules file or bad arguments.
"""

from __future__ import annotations

import argparse
import sys

from .errors import QueryWatchError


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; report it as our exit code 2 instead
        raise _ArgumentError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="appgov creditwatch",
        description="Credit-query monitoring (PBoC 102): run rules Q01–Q13 over query logs.",
    )
    parser.add_argument("--data", required=True, help="directory with <table>.parquet or <table>.csv inputs")
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument(
        "--out", required=True, help="output directory (alerts.parquet, alerts.jsonl, summary.json)"
    )
    parser.add_argument("--rules", help="YAML file overriding the default rules and parameters")
    parser.add_argument("--threads", type=int, help="DuckDB threads / Spark local cores (default: all CPUs)")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit (default 3GB)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except _ArgumentError as exc:
        print(f"appgov creditwatch: error: {exc}", file=sys.stderr)
        parser.print_usage(sys.stderr)
        return 2
    from .output import write_outputs
    from .runner import run_rules

    try:
        result = run_rules(
            args.data, args.rules, args.engine, threads=args.threads, memory_limit=args.memory_limit
        )
    except QueryWatchError as exc:
        print(f"appgov creditwatch: error: {exc}", file=sys.stderr)
        return 2
    paths = write_outputs(result, args.out)
    summary = result.summary
    print(f"{summary['total_alerts']} alerts ({args.engine}) written to {paths['alerts.parquet'].parent}")
    for rule in summary["rules"]:
        if rule["enabled"]:
            print(f"  {rule['rule_id']} {rule['name']}: {rule['alerts']}")
    return 0
