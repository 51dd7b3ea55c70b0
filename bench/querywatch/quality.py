"""Quality bench: precision and recall per rule on a generated log with injected violations (DuckDB).

    python bench/querywatch/quality.py [--events 200000] [--injections 10]

Writes bench/results/querywatch-quality.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from evaluate import score  # noqa: E402
from generate import generate  # noqa: E402
from machine import machine  # noqa: E402

from appgov.engines.querywatch import run_rules  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--injections", type=int, default=10)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    data = ROOT / "bench" / "data" / f"querywatch-quality-{args.events}"
    stats = generate(data, args.events, seed=args.seed, injections_per_variant=args.injections)
    started = time.perf_counter()
    result = run_rules(data, None, "duckdb")
    elapsed = time.perf_counter() - started
    truth = json.loads((data / "ground_truth.json").read_text(encoding="utf-8"))
    per_rule = score(result.alert_dicts(), truth)
    recalls = [v["recall"] for v in per_rule.values() if v["recall"] is not None]
    precisions = [v["precision"] for v in per_rule.values() if v["precision"] is not None]
    report = {
        "bench": "querywatch quality",
        "machine": machine(),
        "generator": {
            "normal_events": args.events,
            "seed": args.seed,
            "injections_per_variant": args.injections,
            **stats,
        },
        "engine": "duckdb",
        "run_seconds": round(elapsed, 2),
        "total_alerts": result.alerts.num_rows,
        "min_recall": min(recalls),
        "min_precision": min(precisions),
        "goal": {"recall": 1.0, "precision": 0.95},
        "goal_met": min(recalls) == 1.0 and min(precisions) >= 0.95,
        "per_rule": per_rule,
    }
    out = ROOT / "bench" / "results" / "querywatch-quality.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for rule, values in per_rule.items():
        print(
            f"{rule}: recall {values['recall']} precision {values['precision']} ({values['alerts']} alerts)"
        )
    print(f"goal met: {report['goal_met']} -> {out}")


if __name__ == "__main__":
    main()
