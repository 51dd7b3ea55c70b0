"""The 10-minute soak of issue 12: 20 loopback clients, 30 % writes, for 600 s against `appgov runall`, on
SQLite (default) or PostgreSQL (DATABASE_URL). Built on bench/load/run.py (installation, service, clients,
percentiles); what a soak adds is the time course: p95 and errors per minute, so a slow leak or a service
that degrades shows as a trend, not only in the total, and the service's memory at start and end.

Prints the summary and writes bench/results/soak-<db>.json.

Usage: python bench/soak/run.py [--duration 600] [--clients 20] [--write-ratio 0.3] [--slice 60]
(--duration may be shortened for a quick run; the JSON records what was run).

On PostgreSQL (the database is dropped and created, so its name must contain load, soak or bench):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/appgov_soak python bench/soak/run.py
writes bench/results/soak-postgresql.json; `--check-database` only checks that the server answers and the
database may be re-created, and runs nothing.
"""

import argparse
import datetime
import importlib.util
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

import psutil

HERE = Path(__file__).resolve()
spec = importlib.util.spec_from_file_location("bench_load", HERE.parents[1] / "load" / "run.py")
load_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load_bench)


def server_tracebacks(log: str) -> list[str]:
    """The tracebacks in the service's output (each up to its exception line, at most 4,000 characters)."""
    found, lines = [], log.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("Traceback"):
            block = []
            for following in lines[n : n + 200]:
                block.append(following)
                if (
                    following
                    and not following.startswith((" ", "Traceback", "During", "The above"))
                    and len(block) > 1
                ):
                    break
            found.append("\n".join(block)[-4000:])
    return found


def service_rss_mb(service) -> float:
    """Resident memory of runall and all its children (web workers, task workers, scheduler)."""
    try:
        root = psutil.Process(service.process.pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return round(total / 2**20, 1)


def slices(load, seconds: float, width: float) -> list[dict]:
    out, start = [], 0.0
    while start < seconds:
        summary = load.summary(since=start, until=start + width)
        if summary["all"]["requests"]:
            out.append(
                {
                    "from_s": start,
                    "requests": summary["all"]["requests"],
                    "p95_ms": summary["all"]["p95_ms"],
                    "p99_ms": summary["all"]["p99_ms"],
                    "errors_5xx_or_connection": summary["all"]["errors_5xx_or_connection"],
                    "client_errors_4xx": summary["all"]["client_errors_4xx"],
                }
            )
        start += width
    return out


def check_database(database_url: str | None) -> str:
    """What the soak would run on, without dropping anything: SQLite, or a PostgreSQL server that answers
    and a database name the benchmark may re-create."""
    if not database_url:
        return "sqlite: a fresh file in a temporary var dir"
    import re

    import psycopg

    match = re.match(r"postgres(?:ql)?://(?P<auth>[^/]*)/(?P<name>\w+)$", database_url)
    if not match:
        raise SystemExit(f"DATABASE_URL {database_url!r}: expected postgres://user@host:port/name")
    if not load_bench.BENCH_DATABASE.search(match["name"]):
        raise SystemExit(f"DATABASE_URL names {match['name']!r}: its name must contain load, soak or bench")
    admin_db = os.environ.get("APPGOV_BENCH_PG_ADMIN_DB", "postgres")
    with psycopg.connect(f"postgresql://{match['auth']}/{admin_db}", autocommit=True) as con:
        version = con.execute("SHOW server_version").fetchone()[0]
    return f"postgresql {version}: database {match['name']!r} will be dropped and created"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--duration", type=float, default=600, help="seconds of load (default 600: 10 minutes)"
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--write-ratio", type=float, default=0.3)
    parser.add_argument("--web-workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--slice", type=float, default=60, help="seconds per time slice in the report")
    parser.add_argument(
        "--check-database",
        action="store_true",
        help="check DATABASE_URL (name allowed, server reachable) and stop",
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL")
    db = "postgresql" if database_url else "sqlite"
    if args.check_database:
        print(check_database(database_url))
        return
    started_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    var_dir = Path(tempfile.mkdtemp(prefix="appgov-soak-var-"))
    try:
        env, setup = load_bench.install(var_dir, database_url, {})
        service = load_bench.Service(env, args.web_workers)
        memory = []
        try:
            load = load_bench.Load(service.base, setup, args.clients, args.write_ratio)
            sampler_stop = threading.Event()

            def sample():
                while not sampler_stop.is_set():
                    memory.append(service_rss_mb(service))
                    sampler_stop.wait(10)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            load.run(args.duration)
            sampler_stop.set()
            summary = load.summary()
            alive = service.process.poll() is None
            failures = server_tracebacks(service.output())
        finally:
            service.stop()
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    result = {
        "benchmark": "soak",
        "database": db,
        "started_at": started_at,
        "machine": load_bench.machine(),
        "config": {
            "duration_seconds": args.duration,
            "shortened": args.duration < 600,
            "clients": args.clients,
            "write_ratio": args.write_ratio,
            "web_workers": args.web_workers,
            "think_time": 0,
        },
        "install_seconds": setup["install_seconds"],
        "soak": summary,
        "per_slice": slices(load, args.duration, args.slice),
        "service_rss_mb": {
            "first": memory[0] if memory else None,
            "last": memory[-1] if memory else None,
            "max": max(memory) if memory else None,
        },  # fmt: skip
        "service_still_running": alive,
        "server_tracebacks": failures[:5],  # what the service logged for its 5xx answers, to find their cause
    }
    load_bench.RESULTS.mkdir(parents=True, exist_ok=True)
    out = load_bench.RESULTS / f"soak-{db}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    brief = {
        k: result[k] for k in ("database", "config", "per_slice", "service_rss_mb", "service_still_running")
    }
    brief["all"] = summary["all"]
    print(json.dumps(brief, indent=1, ensure_ascii=False))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
