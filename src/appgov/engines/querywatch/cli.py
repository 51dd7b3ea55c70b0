"""`appgov creditwatch --data DIR --engine duckdb|spark --out DIR [--rules FILE]`
and `appgov creditwatch --check-rules FILE [--engine duckdb|spark]`.

Exit codes: 0 success (alerts or not; with --check-rules: every example holds), 1 (--check-rules) some
example does not hold, 2 bad input, bad rules file or bad arguments.
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
    parser.add_argument("--data", help="directory with <table>.parquet or <table>.csv inputs")
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument("--out", help="output directory (alerts.parquet, alerts.jsonl, summary.json)")
    parser.add_argument(
        "--check-rules",
        metavar="FILE",
        help="run every rule's examples (the shipped ones and those FILE adds) with FILE's settings and report",
    )
    parser.add_argument("--rules", help="YAML file overriding the default rules and parameters")
    parser.add_argument("--threads", type=int, help="DuckDB threads / Spark local cores (default: all CPUs)")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit (default 3GB)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
        if args.check_rules is None and (args.data is None or args.out is None):
            raise _ArgumentError("--data and --out are required (or --check-rules FILE)")
        if args.check_rules is not None and (args.data or args.rules):
            raise _ArgumentError(
                "--check-rules FILE takes the rules file itself; --data and --rules do not apply"
            )
    except _ArgumentError as exc:
        print(f"appgov creditwatch: error: {exc}", file=sys.stderr)
        parser.print_usage(sys.stderr)
        return 2
    if args.check_rules is not None:
        return _check_rules(args)
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


def _check_rules(args) -> int:
    from .config import load_rules_config
    from .examples import check_examples

    try:
        config = load_rules_config(args.check_rules)
        outcomes = check_examples(config, args.engine, threads=args.threads, memory_limit=args.memory_limit)
    except QueryWatchError as exc:
        print(f"appgov creditwatch: error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # an example whose events cannot be read
        print(f"appgov creditwatch: error: {args.check_rules}: {exc}", file=sys.stderr)
        return 2
    for outcome in outcomes:
        print(outcome.line())
    failed = [outcome for outcome in outcomes if not outcome.passed]
    disabled = [rule.rule_id for rule in config.rules.values() if not rule.enabled]
    print(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} examples hold ({args.engine})"
        + (f"; rules disabled, examples not run: {', '.join(disabled)}" if disabled else "")
    )
    return 1 if failed else 0
