"""Alerts with keypoints.search_min_votes 0 (every app the search ranks first is verified) vs the
default (8), on the holdout sets s13-s17 and the own synthetic and geometry sets: which alerts differ.

Usage: PYTHONPATH=src python bench/lookalike/search_min_votes.py
Needs the sets built (quality.py prepare, holdout_s1*/make_set.py). Writes
bench/results/lookalike-search-min-votes-s17.json.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from appgov.engines.lookalike.config import load_config  # noqa: E402
from appgov.engines.lookalike.index import LookalikeIndex  # noqa: E402
from appgov.engines.lookalike.inputs import iter_listings, read_protected  # noqa: E402

B = ROOT / "bench"
D = B / "data/lookalike"
sets = [(f"s{n}", B / f"lookalike/holdout_s{n}/out", "listings.jsonl") for n in (13, 14, 15, 16, 17)]
sets += [("own", D, "eval_listings.jsonl"), ("geo", D, "geometry_listings.jsonl")]
CACHE = tempfile.mkdtemp(prefix="min-votes-")  # official hashes shared by the two builds of a set
out = {}
for name, d, listings in sets:
    res = []
    for votes in (0, 8):
        t = time.perf_counter()
        idx = LookalikeIndex(
            read_protected(d / "protected.jsonl"),
            load_config(overrides={"keypoints": {"search_min_votes": votes}}),
            icons_root=d / "icons",
            cache_dir=f"{CACHE}/{name}",
        )
        alerts = {
            a.listing_id: (a.app_id, a.kind, round(a.score, 6), tuple(r.signal for r in a.reasons))
            for a in idx.screen(iter_listings(d / listings))
        }
        res.append((alerts, time.perf_counter() - t))
    (a0, t0), (a8, t8) = res
    diff = {k: (a0.get(k), a8.get(k)) for k in set(a0) | set(a8) if a0.get(k) != a8.get(k)}
    out[name] = {
        "alerts": len(a8),
        "differ": len(diff),
        "examples": list(diff.items())[:5],
        "seconds_votes0": round(t0, 1),
        "seconds_votes8": round(t8, 1),
    }
    print(name, out[name], flush=True)
(ROOT / "bench/results/lookalike-search-min-votes-s17.json").write_text(
    json.dumps(out, ensure_ascii=False, indent=1, default=str) + "\n"
)
