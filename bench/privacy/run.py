"""Privacy-policy extraction quality and speed (issue 20).

Quality: precision and recall per field (personal-information types, permission groups, SDKs) over a labelled
set of excerpts (default tests/privacy_engine/labelled_excerpts.yaml; --labelled FILE for another set, e.g. the
independent one). Speed: one policy of about 30 pages (built by repeating a realistic policy's sections with
varied numbers) read, split and extracted, median of 5 runs.

Usage: python bench/privacy/run.py [--labelled FILE ...]   Results: bench/results/privacy.json
"""

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from appgov.engines import privacy  # noqa: E402

FIELDS = ("pi_types", "permissions", "sdks")


def predicted(declared: dict) -> dict:
    return {
        "pi_types": set(declared["pi_types"]),
        "permissions": set(declared["permissions"]),
        "sdks": {s["id"] or s["name"] for s in declared["sdks"]},
    }


def resolve(name: str) -> str:
    """A labelled SDK name that is the catalogue's name of an SDK (\"OPPO推送SDK\" for OPPO 推送) is that SDK's id; any
    other name is compared normalised. Labellers did not have the catalogue, only a list of eleven ids."""
    from appgov.engines.privacy import vocabulary

    ids = {entry["id"] for entry in vocabulary.sdk_catalogue()}
    if name in ids:
        return name
    key = vocabulary.normalise(name).removesuffix("sdk")
    for catalogue_key, entry in vocabulary.sdk_names():
        if catalogue_key.removesuffix("sdk") == key:
            return entry["id"]
    return key


def score(path: Path) -> dict:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["excerpts"]
    counts = {f: {"tp": 0, "fp": 0, "fn": 0} for f in FIELDS}
    errors = []
    for item in items:
        got = predicted(privacy.extract(item["text"]))
        for field in FIELDS:
            want = set(item.get(field) or [])
            if field == "sdks":  # a label may name an SDK the catalogue holds: compare catalogue ids
                got_f = {resolve(g) for g in got[field]}
                want = {resolve(w) for w in want}
            else:
                got_f = got[field]
            tp, fp, fn = len(got_f & want), len(got_f - want), len(want - got_f)
            counts[field]["tp"] += tp
            counts[field]["fp"] += fp
            counts[field]["fn"] += fn
            if fp or fn:
                errors.append(
                    {
                        "id": item["id"],
                        "field": field,
                        "extra": sorted(got_f - want),
                        "missed": sorted(want - got_f),
                    }
                )
    result = {
        "labelled_set": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
        "excerpts": len(items),
    }
    for field, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        result[field] = {**c, "precision": round(precision, 3), "recall": round(recall, 3)}
    result["errors"] = errors
    return result


def long_policy() -> str:
    sample = ROOT / "src" / "appgov" / "privacy" / "demo" / "policy.txt"
    base = (
        sample.read_text(encoding="utf-8")
        if sample.exists()
        else "\n".join(
            i["text"]
            for i in yaml.safe_load((ROOT / "tests/privacy_engine/labelled_excerpts.yaml").read_text())[
                "excerpts"
            ]
        )
    )
    parts, size = [], 0
    n = 0
    while size < 30 * 1800:  # about 1,800 characters a printed page
        n += 1
        chunk = f"第{n}部分\n" + base
        parts.append(chunk)
        size += len(chunk)
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labelled", action="append", type=Path)
    args = parser.parse_args()
    sets = args.labelled or [ROOT / "tests" / "privacy_engine" / "labelled_excerpts.yaml"]
    quality = [score(p.resolve()) for p in sets]
    text = long_policy()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        declared = privacy.extract(privacy.read_text(text.encode("utf-8")))
        privacy.completeness(declared)
        timings.append(time.perf_counter() - start)
    result = {
        "benchmark": "privacy-policy extraction",
        "machine": {
            "cpus": __import__("os").cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "quality": quality,
        "long_policy": {
            "characters": len(text),
            "pages_at_1800_chars": round(len(text) / 1800, 1),
            "clauses": len(declared["clauses"]),
            "median_seconds": round(statistics.median(timings), 3),
        },
        "goal": "precision and recall >= 0.9 per field; a 30-page policy in <= 2 s",
    }
    result["goal_met"] = (
        all(q[f][m] >= 0.9 for q in quality for f in FIELDS for m in ("precision", "recall"))
        and result["long_policy"]["median_seconds"] <= 2
    )
    out = ROOT / "bench" / "results" / "privacy.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    for q in quality:
        print(q["labelled_set"], {f: (q[f]["precision"], q[f]["recall"]) for f in FIELDS})
        for e in q["errors"]:
            print("  ", e)
    print("long policy:", result["long_policy"], "goal met:", result["goal_met"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
