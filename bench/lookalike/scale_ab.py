"""The cost of a change at scale, measured against the code before it in the same run.

Runs `appgov lookalike --workers 2` over the first N listings of the scale bench's
bench/data/lookalike/scale_listings.jsonl (scale.py writes it), once with each source tree, alternating
(A, B, A, B), each run cold (an empty --cache-dir) then warm (the same cache again), and writes wall and
user CPU seconds and the alerts of each run. The trees are given as folders holding ``appgov`` (a git
worktree's ``src``).

Usage: PYTHONPATH=src python bench/lookalike/scale_ab.py --before /path/to/old/src --after src \
           [--listings 300000] [--rounds 2] [--out bench/results/lookalike-scale-ab.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import DATA, ROOT, machine  # noqa: E402


def run(src: Path, listings: Path, cache: Path, out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [
        sys.executable, "-m", "appgov.cli", "lookalike",
        "--protected", str(DATA / "protected.jsonl"), "--icons-root", str(DATA / "icons"),
        "--listings", str(listings), "--workers", "2", "--cache-dir", str(cache), "--out", str(out),
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{src}: CLI failed ({done.returncode}): {done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = json.loads(done.stderr.strip().splitlines()[-1])
    return {
        "wall_seconds": round(wall, 2),
        "user_cpu_seconds": round(after.ru_utime - before.ru_utime, 2),
        "index_seconds": summary.get("index_seconds"),
        "alerts": summary.get("alerts"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, required=True, help="source folder of the code before the change")
    ap.add_argument("--after", type=Path, required=True, help="source folder of the changed code")
    ap.add_argument("--listings", type=int, default=300_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "lookalike-scale-ab.json")
    args = ap.parse_args(argv)
    source = DATA / "scale_listings.jsonl"
    if not source.exists():
        raise SystemExit(f"{source} is missing: run bench/lookalike/scale.py first")
    work = Path(tempfile.mkdtemp(prefix="lookalike-ab-"))
    try:
        sample = work / "listings.jsonl"
        with open(source, encoding="utf-8") as fh, open(sample, "w", encoding="utf-8") as out:
            for n, line in enumerate(fh):
                if n >= args.listings:
                    break
                out.write(line)
        runs: dict[str, dict] = {}
        alerts: dict[str, list[str]] = {}
        for round_no in range(1, args.rounds + 1):
            for label, src in (("before", args.before), ("after", args.after)):
                cache = work / f"cache-{label}-{round_no}"
                shutil.rmtree(cache, ignore_errors=True)
                name = f"{label}_{round_no}"
                result = runs[name] = {}
                for state in ("cold", "warm"):
                    result[state] = run(src.resolve(), sample, cache, work / f"{name}-{state}.jsonl")
                    print(name, state, result[state], flush=True)
                alerts[label] = sorted((work / f"{name}-warm.jsonl").read_text(encoding="utf-8").splitlines())
        changed = sorted(set(alerts["before"]) ^ set(alerts["after"]))
        result = {
            "what": f"the first {args.listings:,} scale listings through `appgov lookalike --workers 2`, the code"
            " before and after a change alternating, each cold (empty --cache-dir) then warm",
            "before": str(args.before),
            "after": str(args.after),
            "runs": runs,
            "alerts_only_in_one": [json.loads(line) for line in changed[:20]],
            "alerts_only_in_one_count": len(changed),
            "load_average_1_5_15": list(os.getloadavg()),
            "machine": machine(),
        }
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
