"""Scale bench: all rules on DuckDB over 11.4 million query events (one day of national volume), and
DuckDB vs Spark (local) on 1 million events with an exact comparison of the alerts.

    python bench/querywatch/scale.py [--events 11400000] [--spark-events 1000000] [--skip-spark]

Each engine run happens in a child process so that its peak RSS (ru_maxrss of the child) and CPU time
are measured alone. Writes bench/results/querywatch-scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from generate import generate  # noqa: E402
from machine import machine  # noqa: E402

CHILD = """
import json, sys, time
sys.path.insert(0, {src!r})
from appgov.engines.querywatch import run_rules, write_outputs
engine, data, out = sys.argv[1], sys.argv[2], sys.argv[3]
kwargs = {{"threads": 2, "memory_limit": "3GB"}} if engine == "duckdb" else {{"threads": 2}}
started = time.perf_counter()
result = run_rules(data, None, engine, **kwargs)
elapsed = time.perf_counter() - started
write_outputs(result, out)


def high_water_kb(pid):
    try:
        with open(f"/proc/{{pid}}/status", encoding="ascii") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0


import psutil  # the JVM of a Spark run is a child process, still alive here

descendants = psutil.Process().children(recursive=True)
print(json.dumps({{
    "seconds": elapsed, "alerts": result.alerts.num_rows, "timings": result.timings,
    "peak_rss_kb": high_water_kb("self"),
    "peak_rss_descendants_kb": sum(high_water_kb(child.pid) for child in descendants),
}}))
"""


def run_child(engine: str, data: Path, out: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", CHILD.format(src=str(ROOT / "src")), engine, str(data), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{completed.stderr[-4000:]}")
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    return {
        "engine": engine,
        "process_wall_seconds": round(wall, 2),
        "run_rules_seconds": round(report["seconds"], 2),
        "cpu_seconds": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        # VmHWM of the engine process (and of its JVM for Spark), read in the child: ru_maxrss of children
        # would include the parent's memory copied at fork
        "peak_rss_mb": round(report["peak_rss_kb"] / 1024, 1),
        "peak_rss_jvm_mb": round(report["peak_rss_descendants_kb"] / 1024, 1),
        "alerts": report["alerts"],
        "timings_seconds": {k: round(v, 2) for k, v in report["timings"].items()},
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg(),
    }


def same_alerts(first: Path, second: Path) -> dict:
    import pyarrow.parquet as pq

    a = pq.read_table(first / "alerts.parquet")
    b = pq.read_table(second / "alerts.parquet")
    identical = a.equals(b)
    return {"identical": identical, "alerts_duckdb": a.num_rows, "alerts_spark": b.num_rows}


def generated(directory: Path, events: int, seed: int) -> dict:
    """Generate once; a later run with the same parameters reuses the files (the generator is deterministic)."""
    marker = directory / "generator.json"
    if marker.exists():
        stats = json.loads(marker.read_text(encoding="utf-8"))
        if stats.get("params") == [events, seed]:
            return {**stats, "reused": True}
    started = time.perf_counter()
    stats = generate(directory, events, seed=seed)
    stats["wall_seconds"] = round(time.perf_counter() - started, 2)
    stats["params"] = [events, seed]
    marker.write_text(json.dumps(stats), encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=11_400_000)
    parser.add_argument("--spark-events", type=int, default=1_000_000)
    parser.add_argument("--skip-spark", action="store_true")
    args = parser.parse_args()
    data_root = ROOT / "bench" / "data"
    report: dict = {"bench": "querywatch scale", "machine": machine()}

    big = data_root / f"querywatch-scale-{args.events}"
    report["generate_big"] = generated(big, args.events, seed=3)
    report["duckdb_big"] = run_child("duckdb", big, data_root / "querywatch-out-duckdb-big")
    report["duckdb_big"]["goal"] = {"seconds": 60, "peak_rss_mb": 4096}
    report["duckdb_big"]["goal_met"] = (
        report["duckdb_big"]["run_rules_seconds"] <= 60 and report["duckdb_big"]["peak_rss_mb"] <= 4096
    )
    print(json.dumps(report["duckdb_big"], indent=1))

    if not args.skip_spark:
        small = data_root / f"querywatch-scale-{args.spark_events}"
        report["generate_parity"] = generated(small, args.spark_events, seed=5)
        duck = run_child("duckdb", small, data_root / "querywatch-out-duckdb-1m")
        spark = run_child("spark", small, data_root / "querywatch-out-spark-1m")
        report["duckdb_parity"] = duck
        report["spark_parity"] = spark
        report["parity"] = same_alerts(
            data_root / "querywatch-out-duckdb-1m", data_root / "querywatch-out-spark-1m"
        )
        print(json.dumps(report["parity"], indent=1))
    out = ROOT / "bench" / "results" / "querywatch-scale.json"
    if args.skip_spark and out.exists():  # keep the last parity results, marked as such
        previous = json.loads(out.read_text(encoding="utf-8"))
        for key in ("generate_parity", "duckdb_parity", "spark_parity", "parity"):
            if key in previous:
                report[key] = {**previous[key], "from_previous_run": True}
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
