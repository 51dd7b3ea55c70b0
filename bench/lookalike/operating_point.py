"""Operating point: how many false alerts ordinary listings with icons give, per listing, and what that
means for precision at the scale bench's size — with each ordinary listing's icon drawn fresh.

scale.py draws the 2.3 M ordinary listings' icons from a pool of 2,000 shapes (each reused ~800 times
with a bit or two of noise), so one pool shape that collides with a protected icon becomes hundreds of
alerts and the measured precision at scale depends on which shapes the pool happened to contain. Here
every ordinary listing gets its own icon (icons_gen.unrelated with a fresh seed), names and the rest
drawn as scale.py draws them; the false-alert rate per listing is measured for each setting and
combined with the labelled synthetic set (quality.py's data: run it first) into the precision one
would see at N listings: TP / (TP + FP_labelled + rate × (N − labelled)).

Usage: PYTHONPATH=src python bench/lookalike/operating_point.py [--listings 4000] [--at 2300000]
Writes bench/results/lookalike-operating-point.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate as G  # noqa: E402
import icons_gen  # noqa: E402
import quality as Q  # noqa: E402
import wordlists as W  # noqa: E402

from appgov.engines.lookalike import LookalikeIndex, iter_listings, listing_from_dict, load_config  # noqa: E402
from appgov.engines.lookalike.icons import fingerprint  # noqa: E402
from appgov.engines.lookalike.inputs import read_protected  # noqa: E402

SETTINGS = {
    "default": None,
    "before session 17 (keypoints.search_min_votes: 0)": {"keypoints": {"search_min_votes": 0}},
    "before session 18 (keypoints.search_views: 0, search_hashed_apps: 0, in_place_min_edge_agreement: 0)": {
        "keypoints": {"search_views": 0, "search_hashed_apps": 0, "in_place_min_edge_agreement": 0}
    },
    "before session 19 (keypoints.search_weighted: 0, search_min_votes: 8, search_min_spread: 0.12, search_min_edge_agreement: 0.45, in_place_hidden: 0)": {
        "keypoints": {
            "search_weighted": 0,
            "search_min_votes": 8,
            "search_min_spread": 0.12,
            "search_min_edge_agreement": 0.45,
            "in_place_hidden": 0,
        }
    },
    "before session 20 (keypoints.stretch_max_ratio: 0, edge_layout_max_distance: 0, weak_hash_exempt_min_edge_agreement: 0)": {
        "keypoints": {"stretch_max_ratio": 0, "edge_layout_max_distance": 0, "weak_hash_exempt_min_edge_agreement": 0}
    },
    "before session 21 (keypoints.search_parts: 0)": {"keypoints": {"search_parts": 0}},
    "before session 22 (keypoints.shape_min_inliers: 0)": {"keypoints": {"shape_min_inliers": 0}},
    "before session 23 (keypoints.twin_min_inliers: 0)": {"keypoints": {"twin_min_inliers": 0}},
    "before session 24 (keypoints.twin_min_covered: 0, verify_under_weak_brand: 0)": {
        "keypoints": {"twin_min_covered": 0, "verify_under_weak_brand": 0}
    },
    "before session 25 (icons.near_identical_masks: 0)": {"icons": {"near_identical_masks": 0}},
    "before session 25 (icons.near_identical_masks: 0, candidates.package_edits: 0, evidence.package_token_squat: 0.76)": {
        "icons": {"near_identical_masks": 0},
        "candidates": {"package_edits": 0},
        "evidence": {"package_token_squat": 0.76},
    },
    "before session 30 (icons.redrawn_min_coverage: 0)": {"icons": {"redrawn_min_coverage": 0}},
    "before session 27 (evidence.latin_brand: 0)": {"evidence": {"latin_brand": 0}},
    "before session 26 (keypoints.noisy_min_covered: 0)": {"keypoints": {"noisy_min_covered": 0}},
    "session 24 without the coverage rule (keypoints.twin_min_covered: 0)": {"keypoints": {"twin_min_covered": 0}},
    "session 24 without verifying under weak brand text (keypoints.verify_under_weak_brand: 0)": {
        "keypoints": {"verify_under_weak_brand": 0}
    },
    "session 20 without the weak-hash edge rule (keypoints.weak_hash_exempt_min_edge_agreement: 0)": {
        "keypoints": {"weak_hash_exempt_min_edge_agreement": 0}
    },
    "session 19 without the search's lower bars (keypoints.search_min_spread: 0.12, search_min_edge_agreement: 0.45)": {
        "keypoints": {"search_min_spread": 0.12, "search_min_edge_agreement": 0.45}
    },
    "session 18 without in_place (keypoints.in_place_min_edge_agreement: 0)": {
        "keypoints": {"in_place_min_edge_agreement": 0}
    },
    "keypoints off (the hash rules of issue 14)": {"keypoints": {"enabled": 0}},
    "icon_only_alerts_off (evidence.icon_confirmed: 0.45)": {"evidence": {"icon_confirmed": 0.45}},
    "before session 9's weak-hash spread (keypoints.weak_hash_min_spread: 0.06)": {
        "keypoints": {"weak_hash_min_spread": 0.06}
    },
    "before session 10 (keypoints.verify_alerting_icons: 0, blurred_geometric: 1)": {
        "keypoints": {"verify_alerting_icons": 0, "blurred_geometric": 1}
    },
    "session 11 without the far single-kind tier (keypoints.far_single_kind: 0)": {
        "keypoints": {"far_single_kind": 0}
    },
    "before session 11 (icons.content_box: 0, keypoints.without_band: 0, far_single_kind: 0)": {
        "icons": {"content_box": 0},
        "keypoints": {"without_band": 0, "far_single_kind": 0},
    },
    "before session 12 (icons.masked_middle: 0)": {"icons": {"masked_middle": 0}},
    "before session 13 (keypoints.edge_confirm: 0, min_edge_agreement: 0)": {
        "keypoints": {"edge_confirm": 0, "min_edge_agreement": 0}
    },
    "session 13 with the edge rescue (keypoints.edge_confirm: 1)": {"keypoints": {"edge_confirm": 1}},
    "before session 14 (icons.upright_tile: 0, keypoints.tile_apps: 0, min_content_agreement: 0)": {
        "icons": {"upright_tile": 0},
        "keypoints": {"tile_apps": 0, "min_content_agreement": 0},
    },
    "before session 15 (icons.mirror: 0, developer.other_institution: 0)": {
        "icons": {"mirror": 0},
        "developer": {"other_institution": 0},
    },
    "before session 16 (keypoints.search_apps: 0, aligned_matching: 0)": {
        "keypoints": {"search_apps": 0, "aligned_matching": 0}
    },
    "session 14 without the content rule (keypoints.min_content_agreement: 0)": {
        "keypoints": {"min_content_agreement": 0}
    },
}


def ordinary_listings(n: int, seed: int) -> list[dict]:
    """Ordinary listings, each with its own icon: hashes computed at ingest and the icon file (under
    ``icons/ordinary/``, which the keypoint verifier reads when a hash puts a listing on its shortlist)."""
    rng = random.Random(seed)
    rows = []
    folder = Q.DATA / "icons" / "ordinary"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        image = icons_gen.unrelated(random.Random(900_000 + seed * 100_000 + i))
        fp = fingerprint(image)
        icon = f"ordinary/{seed}-{i:07d}.png"
        image.save(Q.DATA / "icons" / icon)
        rows.append(
            {
                "listing_id": f"O{i:07d}",
                "source": rng.choice(G.STORES),
                "name": G.ordinary_name(rng) if rng.random() > 0.02 else rng.choice(W.FINANCE_TOOLS),
                "package_id": f"com.{rng.choice(W.LATIN_WORDS)}{rng.choice(W.LATIN_WORDS)}.{rng.choice(W.LATIN_WORDS)}",
                "developer": rng.choice(W.DEVELOPER_WORDS)
                + rng.choice(W.DEVELOPER_WORDS)
                + rng.choice(W.DEVELOPER_SUFFIXES),
                "cert_sha256": f"{rng.getrandbits(256):064x}" if rng.random() < 0.7 else None,
                "icon": icon,
                "icon_phash": fp["phash"],
                "icon_hashes": {k: v for k, v in fp.items() if k != "phash"},
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", type=int, default=4000, help="ordinary listings, each with its own icon")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--at", type=int, default=2_300_000, help="the scale to extrapolate to")
    ap.add_argument("--out", default=str(Q.ROOT / "bench" / "results" / "lookalike-operating-point.json"))
    ap.add_argument(
        "--setting",
        action="append",
        choices=list(SETTINGS),
        help="measure only this setting (repeatable; default: all of them)",
    )
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the ordinary listings (and their icon files) of an earlier run with the same --seed/--listings",
    )
    ap.add_argument(
        "--generate-only", action="store_true", help="only draw the ordinary listings and their icons"
    )
    args = ap.parse_args(argv)
    if not (Q.DATA / "eval_labels.jsonl").exists():
        print("run bench/lookalike/quality.py first", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    cached = Q.DATA / f"ordinary_{args.seed}_{args.listings}.jsonl"
    if args.reuse and cached.exists():
        rows = [json.loads(line) for line in open(cached, encoding="utf-8")]
    else:
        rows = ordinary_listings(args.listings, args.seed)
        with open(cached, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    ordinary = [listing_from_dict(r) for r in rows]
    hashing = time.perf_counter() - t0
    if args.generate_only:
        return 0
    protected = read_protected(Q.DATA / "protected.jsonl")
    labels = [json.loads(line) for line in open(Q.DATA / "eval_labels.jsonl", encoding="utf-8")]
    institution_of = {p.app_id: p.institution for p in protected}
    results = {}
    for name, overrides in SETTINGS.items():
        if args.setting and name not in args.setting:
            continue
        index = LookalikeIndex(protected, load_config(overrides=overrides), icons_root=Q.DATA / "icons")
        labelled = {
            a.listing_id: a.to_dict() for a in index.screen(iter_listings(Q.DATA / "eval_listings.jsonl"))
        }
        o = Q.evaluate(labelled, labels, institution_of)["overall"]
        cpu = time.process_time()
        false_on_ordinary = [a.to_dict() for a in index.screen(ordinary) if a.kind in Q.IMITATION_KINDS]
        cpu = time.process_time() - cpu
        rate = len(false_on_ordinary) / len(ordinary)
        unlabelled = args.at - len(labels)
        expected_fp = o["false_positives"] + rate * unlabelled
        results[name] = {
            "labelled_synthetic": o,
            "ordinary_listings": len(ordinary),
            "false_alerts_on_ordinary": len(false_on_ordinary),
            "false_alert_rate_per_listing": round(rate, 6),
            "false_alert_signals": sorted(
                {
                    tuple(r["signal"] for r in a["reasons"] if r["signal"].startswith("icon"))
                    for a in false_on_ordinary
                }
            ),
            f"expected_false_alerts_at_{args.at}": round(expected_fp),
            f"precision_at_{args.at}": round(o["true_positives"] / (o["true_positives"] + expected_fp), 4),
            "recall_labelled": o["recall"],
            "ordinary_screen_cpu_ms_per_listing": round(cpu / len(ordinary) * 1000, 3),
        }
        print(
            name,
            json.dumps(
                {k: v for k, v in results[name].items() if k != "labelled_synthetic"}, ensure_ascii=False
            ),
        )
    out = {
        "what": __doc__.split("\n\n")[0],
        "settings": results,
        "icon_hashing_seconds": round(hashing, 1),
        "load_average_1_5_15": list(os.getloadavg()),
        "machine": Q.machine(),
    }
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
