"""A feed whose icons are all distinct: what the sweep costs per listing without a cache directory, with
an empty one (the first sweep) and with the one that sweep left (every later full sweep).

scale.py's 2.3 M listings reuse 2,000 pool icons, so within one run the keypoint verdicts are nearly all
cache hits. Here every ordinary listing has its own icon (operating_point.ordinary_listings), with the
labelled synthetic set mixed in, and the real CLI is run three times on the same file. The alerts must
be identical in all three runs.

Usage: PYTHONPATH=src python bench/lookalike/distinct_icons.py [--listings 10000] [--workers 2]
Needs quality.py's data (run it first). Writes bench/results/lookalike-distinct-icons.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import operating_point as OP  # noqa: E402
from quality import DATA, ROOT, machine  # noqa: E402
from scale import run_cli  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--listings", type=int, default=10_000, help="ordinary listings, each with its own icon")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "lookalike-distinct-icons.json"))
    args = ap.parse_args(argv)

    listings = DATA / f"distinct_icons_{args.seed}_{args.listings}.jsonl"
    if not listings.exists():
        rows = OP.ordinary_listings(args.listings, args.seed)
        with open(listings, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.write((DATA / "eval_listings.jsonl").read_text(encoding="utf-8"))
    total = sum(1 for _ in open(listings, encoding="utf-8"))
    cache = DATA / "distinct-icons-cache"
    shutil.rmtree(cache, ignore_errors=True)
    base = [
        "--protected", str(DATA / "protected.jsonl"), "--listings", str(listings),
        "--icons-root", str(DATA / "icons"), "--workers", str(args.workers),
    ]  # fmt: skip
    store = cache / "keypoint-verdicts.sqlite3"
    no_store = DATA / "distinct-icons-no-store.yaml"
    no_store.write_text("keypoints:\n  verdict_store: 0\n", encoding="utf-8")
    # Every run keeps the official icons' hashes in the cache directory (the first run fills it), so
    # the runs differ only by the keypoint verdicts kept between sweeps.
    plans = (
        ("priming the official icon hashes (not compared)", ["--config", str(no_store)], False),
        ("verdicts not kept (verdict_store: 0)", ["--config", str(no_store)], False),
        ("verdict store empty (the first sweep)", [], True),
        ("verdict store kept (every later sweep)", [], False),
    )
    runs, outputs = {}, {}
    for name, extra, empty_store in plans:
        if empty_store:
            for leftover in cache.glob("keypoint-verdicts.sqlite3*"):
                leftover.unlink()
        out = DATA / "distinct_icons_alerts.jsonl"
        stats = run_cli([*base, "--cache-dir", str(cache), "--out", str(out), *extra])
        stats["screen_ms_per_listing_wall_x_workers"] = round(
            1000 * stats["screen_seconds"] * args.workers / total, 3
        )
        runs[name] = stats
        if not name.startswith("priming"):
            outputs[name] = out.read_text(encoding="utf-8")
        print(name, json.dumps(stats, ensure_ascii=False))
    identical = len(set(outputs.values())) == 1
    result = {
        "what": "sweep of a feed whose ordinary listings each have their own icon, three runs of the CLI",
        "listings": total,
        "ordinary_listings_with_own_icon": args.listings,
        "seed": args.seed,
        "alerts_identical_in_every_run": identical,
        "verdict_store_bytes": store.stat().st_size if store.exists() else None,
        "runs": runs,
        "machine": machine(),
        "note": "cpu_seconds_process_tree includes the index build (before the fork); "
        "screen_seconds is the sweep's wall time after it, with --workers processes",
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("alerts identical in every run:", identical)
    print("written", args.out)
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
