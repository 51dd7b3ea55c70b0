"""The holdout sets, each written by a helper from the input schemas alone, who never saw the engine or
another set: bench/lookalike/holdout_s13 (after session 13's edge-agreement thresholds were fixed) and
holdout_s14 (written at the start of session 14, before its upright tile was measured anywhere; its
template false alerts then set the content rule) and holdout_s15 (written during session 14 by another
helper, screened once the session's settings were fixed) and holdout_s16 (written during session 15
by a third helper, screened once that session's settings were fixed) and holdout_s17 (written at the
start of session 16 by a fourth helper, screened once that session's settings were fixed) and holdout_s18
(written at the start of session 18 by a fifth helper, screened once that session's settings were fixed) and
holdout_s19 (written at the start of session 19 by a sixth helper, screened once that session's settings were
fixed) and holdout_s20 (written at the start of session 20 by a seventh helper, screened once that session's
settings were fixed) and holdout_s21 (written at the start of session 21 by an eighth helper, screened once that
session's settings were fixed) and holdout_s22 (written at the start of session 22 by a ninth helper, screened
once before that session changed anything) and holdout_s23 (written at the start of session 23 by a tenth
helper, screened once before that session changed anything) and holdout_s24 (written at the start of session 24
by an eleventh helper, screened once when that session's change was set) and holdout_s25 (written at the start of
session 25 by a twelfth helper, screened once when that session's change was set) and holdout_s26 (written at the
start of session 26 by a thirteenth helper, screened once when that session's first change was set) and holdout_s27
(written at the start of session 27 by a fourteenth helper, screened once when that session's changes were set) and
holdout_s28 (written at the start of session 28 by a fifteenth helper, screened once with session 27's code before
that session changed the engine) and holdout_s29 (written at the start of session 29 by a sixteenth helper, screened
once with session 28's code before that session changed the engine) and holdout_s30 (written at the start of session
30 by a seventeenth helper, screened once with session 29's code before that session changed the engine). Each is screened
with the default settings and with those before sessions 30, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 16, 15 and 14, and scored by the independent
sets' counting rule (an alert is a true positive only when it names one of the label's accepted apps;
every other alert is false).

Usage: PYTHONPATH=src python bench/lookalike/holdout.py [--set s13|…|s30] [--rebuild] [--latest-only]
Writes bench/results/lookalike-holdout-<set>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "independent"))

import quality as Q  # noqa: E402
from operating_point import SETTINGS as OP_SETTINGS  # noqa: E402
from score import score  # noqa: E402  (the independent sets' counting rule)

from appgov.engines.lookalike import LookalikeIndex, iter_listings, load_config  # noqa: E402
from appgov.engines.lookalike.inputs import read_protected  # noqa: E402

SETS = ("s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30")
BEFORE = "before session 14 (icons.upright_tile: 0, keypoints.tile_apps: 0, min_content_agreement: 0)"
BEFORE_15 = "before session 15 (icons.mirror: 0, developer.other_institution: 0)"
BEFORE_16 = "before session 16 (keypoints.search_apps: 0, aligned_matching: 0)"
BEFORE_30 = "before session 30 (icons.redrawn_min_coverage: 0)"
BEFORE_27 = "before session 27 (evidence.latin_brand: 0)"
BEFORE_26 = "before session 26 (keypoints.noisy_min_covered: 0)"
BEFORE_25 = (
    "before session 25 (icons.near_identical_masks: 0, candidates.package_edits: 0,"
    " evidence.package_token_squat: 0.76)"
)
BEFORE_24 = "before session 24 (keypoints.twin_min_covered: 0, verify_under_weak_brand: 0)"
BEFORE_23 = "before session 23 (keypoints.twin_min_inliers: 0)"
BEFORE_22 = "before session 22 (keypoints.shape_min_inliers: 0)"
BEFORE_21 = "before session 21 (keypoints.search_parts: 0)"
BEFORE_20 = (
    "before session 20 (keypoints.stretch_max_ratio: 0, edge_layout_max_distance: 0,"
    " weak_hash_exempt_min_edge_agreement: 0)"
)
BEFORE_19 = (
    "before session 19 (keypoints.search_weighted: 0, search_min_votes: 8, search_min_spread: 0.12,"
    " search_min_edge_agreement: 0.45, in_place_hidden: 0)"
)
BEFORE_18 = (
    "before session 18 (keypoints.search_views: 0, search_hashed_apps: 0, in_place_min_edge_agreement: 0)"
)


# the kinds the engine reports, for the labels' own names of them (s25's helper could not know them)
S25_KINDS = {
    None: "none",
    "name": "counterfeit",
    "icon": "counterfeit",
    "package": "counterfeit",
    "developer": "counterfeit",
    "unregistered": "unregistered_official",
}


def _back(*names: str) -> dict:
    """The settings of these sessions' changes all turned back."""
    merged: dict = {}
    for name in names:
        for section, values in OP_SETTINGS[name].items():
            merged.setdefault(section, {}).update(values)
    return merged


SETTINGS = {
    "default": None,
    BEFORE_30: _back(BEFORE_30),
    BEFORE_27: _back(BEFORE_30, BEFORE_27),
    BEFORE_26: _back(BEFORE_30, BEFORE_27, BEFORE_26),
    BEFORE_25: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25),
    BEFORE_24: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24),
    BEFORE_23: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23),
    BEFORE_22: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22),
    BEFORE_21: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21),
    BEFORE_20: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20),
    BEFORE_19: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20, BEFORE_19),
    BEFORE_18: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20, BEFORE_19, BEFORE_18),
    BEFORE_16: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20, BEFORE_19, BEFORE_18, BEFORE_16),
    BEFORE_15: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20, BEFORE_19, BEFORE_18, BEFORE_16, BEFORE_15),
    # what session 14 started from: the later sessions' settings back
    BEFORE: _back(BEFORE_30, BEFORE_27, BEFORE_26, BEFORE_25, BEFORE_24, BEFORE_23, BEFORE_22, BEFORE_21, BEFORE_20, BEFORE_19, BEFORE_18, BEFORE_16, BEFORE_15, BEFORE),
}


def folder(name: str) -> Path:
    return HERE / f"holdout_{name}"


def build(name: str, rebuild: bool = False) -> None:
    if rebuild or not (folder(name) / "out" / "labels.jsonl").exists():
        subprocess.run([sys.executable, str(folder(name) / "make_set.py")], check=True)


def icons_root(out: Path) -> Path:
    """The folder a set's icon paths are relative to: out/icons, or out itself (s20 writes "icons/p/…")."""
    first = json.loads(next(open(out / "protected.jsonl", encoding="utf-8")))
    return out if first.get("icon", "").startswith("icons/") else out / "icons"


def screen(name: str, overrides: dict | None) -> dict:
    """The set screened with these settings (None: the defaults), scored."""
    out = folder(name) / "out"
    protected = read_protected(out / "protected.jsonl")
    labels = [json.loads(line) for line in open(out / "labels.jsonl", encoding="utf-8")]
    institution_of = {p.app_id: p.institution for p in protected}
    for label in labels:  # s20's labels name the target app only
        label.setdefault("target_institution", institution_of.get(label.get("target_app_id")))
        # s25 names its kinds by the signal it planted (name, icon, ...) and its negatives null
        label["expected"] = S25_KINDS.get(label["expected"], label["expected"])
    index = LookalikeIndex(protected, load_config(overrides=overrides), icons_root=icons_root(out))
    t0 = time.perf_counter()
    alerts = [a.to_dict() for a in index.screen(iter_listings(out / "listings.jsonl"))]
    scored = score(labels, alerts, institution_of)
    scored["screen_seconds"] = round(time.perf_counter() - t0, 2)
    scored["listings"], scored["protected_apps"] = len(labels), len(protected)
    return scored


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=SETS, default="s14")
    ap.add_argument("--rebuild", action="store_true", help="draw the set again (make_set.py, ~40 s)")
    ap.add_argument("--out", help="default: bench/results/lookalike-holdout-<set>.json")
    ap.add_argument(
        "--latest-only", action="store_true", help="only the defaults and the settings before the latest session"
    )
    args = ap.parse_args(argv)
    out = Path(args.out or Q.ROOT / "bench" / "results" / f"lookalike-holdout-{args.set}.json")
    build(args.set, args.rebuild)
    results = {}
    chosen = list(SETTINGS.items())[:2] if args.latest_only else SETTINGS.items()
    for name, overrides in chosen:
        scored = results[name] = screen(args.set, overrides)
        o = scored["overall"]
        print(f"{name}: precision {o['precision']} recall {o['recall']} ({o})")
        for case, r in scored["by_case"].items():
            print(f"   {case:28s} {r}")
    result = {
        "what": f"look-alike engine on the holdout set bench/lookalike/holdout_{args.set} (its README.md)",
        "goal": Q.GOAL,
        "listings": results["default"]["listings"],
        "protected_apps": results["default"]["protected_apps"],
        "settings": results,
        "load_average_1_5_15": list(os.getloadavg()),
        "machine": Q.machine(),
    }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
