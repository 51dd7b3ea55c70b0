"""Quality bench: precision and recall per deformation type on the synthetic labelled set.

Usage: PYTHONPATH=src python bench/lookalike/quality.py [--per-positive 150] [--per-negative 300]
Writes bench/results/lookalike-quality.json. A positive counts as found when an alert names an app of
the right institution (apps of one institution share brand keywords, so app-level attribution is
reported separately). Every alert on a negative is a false positive.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate as G  # noqa: E402

from appgov.engines.lookalike import Listing, LookalikeIndex, listing_from_dict, load_config  # noqa: E402
from appgov.engines.lookalike.inputs import read_protected  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data" / "lookalike"


def machine() -> dict:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()[:12]
    return {
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
        "lscpu": lscpu,
        "python": platform.python_version(),
    }


def prepare(seed: int, per_positive: int, per_negative: int):
    rng = random.Random(seed)
    DATA.mkdir(parents=True, exist_ok=True)
    institutions, held_out = G.build_protected(rng, DATA / "icons")
    G.write_protected(institutions, DATA / "protected.jsonl")
    factory = G.Factory(rng, institutions, held_out, DATA / "icons")
    rows = G.build_eval(factory, per_positive, per_negative)
    with (
        open(DATA / "eval_listings.jsonl", "w", encoding="utf-8") as fh,
        open(DATA / "eval_labels.jsonl", "w", encoding="utf-8") as lf,
    ):
        for listing, label in rows:
            fh.write(json.dumps(listing, ensure_ascii=False) + "\n")
            lf.write(json.dumps({"listing_id": listing["listing_id"], **label}, ensure_ascii=False) + "\n")
    return institutions, factory, rows


def evaluate(alerts: dict[str, dict], labels: list[dict], institution_of: dict[str, str]) -> dict:
    per_type: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    for label in labels:
        t = label["type"]
        alert = alerts.get(label["listing_id"])
        c = per_type[t]
        c["n"] += 1
        if label["positive"]:
            tied = alert and label["institution"] in {institution_of[a] for a in alert["also_matches"]}
            if alert and (alert["institution"] == label["institution"] or tied):
                c["tied_with_other"] += bool(tied)
                c["found"] += 1
                c["app_exact"] += alert["app_id"] == label["app_id"]
                c[f"kind_{alert['kind']}"] += 1
            elif alert:
                c["wrong_institution"] += 1
            elif len(examples[t]) < 5:
                examples[t].append({"listing": label["listing_id"], "alert": alert and alert["app_id"]})
        else:
            if alert:
                c["false_alerts"] += 1
                c[f"kind_{alert['kind']}"] += 1
                if len(examples[t]) < 5:
                    examples[t].append(
                        {
                            "listing": label["listing_id"],
                            "alert_app": alert["app_id"],
                            "reasons": [r["signal"] for r in alert["reasons"]],
                        }
                    )
    out = {}
    tp = fp = fn = 0
    for t, c in sorted(per_type.items()):
        positive = any(lb["type"] == t and lb["positive"] for lb in labels)
        if positive:
            alerts_on_type = c["found"] + c["wrong_institution"]
            row = {
                "positive": True,
                "n": c["n"],
                "recall": round(c["found"] / c["n"], 4),
                "precision": round(c["found"] / alerts_on_type, 4) if alerts_on_type else None,
                "app_level_attribution": round(c["app_exact"] / c["found"], 4) if c["found"] else None,
                "found_only_as_tie": c["tied_with_other"],
                "kinds": {k[5:]: v for k, v in c.items() if k.startswith("kind_")},
            }
            tp += c["found"]
            fp += c["wrong_institution"]
            fn += c["n"] - c["found"]
        else:
            row = {
                "positive": False,
                "n": c["n"],
                "false_alerts": c["false_alerts"],
                "false_alert_rate": round(c["false_alerts"] / c["n"], 4),
                "kinds": {k[5:]: v for k, v in c.items() if k.startswith("kind_")},
            }
            fp += c["false_alerts"]
        if examples[t]:
            row["examples_missed_or_false"] = examples[t]
        out[t] = row
    return {
        "per_type": out,
        "overall": {
            "true_positives": tp,
            "false_positives": fp,
            "false_negatives": fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20250501)
    ap.add_argument("--per-positive", type=int, default=150)
    ap.add_argument("--per-negative", type=int, default=300)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "lookalike-quality.json"))
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    prepare(args.seed, args.per_positive, args.per_negative)
    t1 = time.perf_counter()
    protected = read_protected(DATA / "protected.jsonl")
    index = LookalikeIndex(protected, load_config(), icons_root=DATA / "icons")
    listings: list[Listing] = []
    with open(DATA / "eval_listings.jsonl", encoding="utf-8") as fh:
        for line in fh:
            listings.append(listing_from_dict(json.loads(line)))
    labels = [json.loads(line) for line in open(DATA / "eval_labels.jsonl", encoding="utf-8")]
    t2 = time.perf_counter()
    alerts = {a.listing_id: a.to_dict() for a in index.screen(listings)}
    t3 = time.perf_counter()
    with open(DATA / "eval_alerts.jsonl", "w", encoding="utf-8") as fh:
        for a in alerts.values():
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    result = evaluate(alerts, labels, {p.app_id: p.institution for p in protected})
    result.update(
        {
            "what": "look-alike engine quality on a synthetic labelled set (see docs/engines/lookalike.md)",
            "seed": args.seed,
            "protected_apps": len(protected),
            "institutions": len({p.institution for p in protected}),
            "listings": len(listings),
            "positives": sum(1 for lb in labels if lb["positive"]),
            "negatives": sum(1 for lb in labels if not lb["positive"]),
            "seconds": {"generate": round(t1 - t0, 2), "screen": round(t3 - t2, 2)},
            "goal": {"recall": 0.95, "precision": 0.90},
            "load_average_1_5_15": list(os.getloadavg()),
            "machine": machine(),
        }
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["overall"], ensure_ascii=False))
    for t, row in result["per_type"].items():
        print(
            f"{t:40s} "
            + (
                f"recall {row['recall']:.3f} precision {row['precision']}"
                if row["positive"]
                else f"false alerts {row['false_alerts']}/{row['n']}"
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
