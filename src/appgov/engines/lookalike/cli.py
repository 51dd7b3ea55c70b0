"""``appgov lookalike``: screen app-store listings against protected apps, write alerts as JSONL."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from .config import ConfigError, load_config
from .index import IconError, LookalikeIndex
from .inputs import InputError, read_protected
from .sweep import parse_since, sweep_file


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit(2) itself; we return the code instead
        raise _ArgumentError(message)


def _probability(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="appgov lookalike",
        description="Find counterfeit (仿冒) and repackaged listings of protected apps.",
    )
    p.add_argument("--protected", required=True, help="protected apps, JSON Lines")
    p.add_argument("--listings", required=True, help="observed listings, JSON Lines")
    p.add_argument("--out", required=True, help="alerts file to write, JSON Lines")
    p.add_argument("--icons-root", help="directory that relative icon paths are resolved against")
    p.add_argument("--threshold", type=_probability, help="minimum score of an alert (default 0.5)")
    p.add_argument("--config", help="YAML/JSON file overriding data/defaults.yaml")
    p.add_argument("--since", help="screen only listings first seen or changed at/after this ISO date")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--batch-size", type=int, default=4096, help="listings per screening batch")
    p.add_argument("--stats", help="also write run statistics as JSON to this file")
    p.add_argument(
        "--cache-dir",
        help="keep official icons' hashes here between runs (a rebuilt index then skips hashing them)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.workers < 1 or args.batch_size < 1:
            raise _ArgumentError("--workers and --batch-size must be at least 1")
        since = None
        if args.since:
            try:
                since = parse_since(args.since)
            except ValueError:
                raise _ArgumentError(f"--since: not an ISO 8601 date: {args.since!r}") from None
    except _ArgumentError as exc:
        print(f"appgov lookalike: error: {exc}", file=sys.stderr)
        parser.print_usage(sys.stderr)
        return 2
    for label, path in (("--protected", args.protected), ("--listings", args.listings)):
        if not os.path.isfile(path):
            print(f"appgov lookalike: error: {label}: no such file: {path}", file=sys.stderr)
            return 2
    started = time.perf_counter()
    try:
        overrides = {"thresholds": {"alert": args.threshold}} if args.threshold is not None else None
        if overrides and args.threshold > load_config(args.config)["thresholds"]["counterfeit"]:
            overrides["thresholds"]["counterfeit"] = args.threshold
        config = load_config(args.config, overrides)
        protected = read_protected(args.protected)
        index = LookalikeIndex(
            protected, config, icons_root=args.icons_root, cache_dir=args.cache_dir, workers=args.workers
        )
        built = time.perf_counter()
        stats = sweep_file(
            index, args.listings, args.out, workers=args.workers, since=since, batch_size=args.batch_size
        )
    except (InputError, ConfigError, IconError) as exc:
        print(f"appgov lookalike: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"appgov lookalike: error: {exc}", file=sys.stderr)
        return 1
    finished = time.perf_counter()
    summary = {
        "protected_apps": len(protected),
        **stats.to_dict(),
        "index_seconds": round(built - started, 3),
        "screen_seconds": round(finished - built, 3),
    }
    print(json.dumps(summary, ensure_ascii=False), file=sys.stderr)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=2)
    return 0
