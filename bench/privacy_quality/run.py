"""Privacy-policy extraction quality on three labelled sets (issue 20): the project's own set, the independent
set (scored with the engine as it was before it was improved while looking at that set, and as it is now) and the
fresh set (written after the improvement by someone who saw neither the engine nor the other sets).

Precision and recall per field: personal-information types, permission groups, SDKs. A labelled SDK name that is
a catalogue SDK's name is compared as that SDK's id, with the same resolution for every engine version scored.

Each set is scored only on the vocabulary its writer could label. A set's yaml may declare, beside `excerpts`, a
`vocabulary` mapping a field to the ids its writer was given (`vocabulary: {permissions: [camera, location, …]}`);
for such a field, extracted ids outside the list are left out of the score (neither right nor wrong) and a label
outside it is an error of the set. A field the set does not declare is scored on the engine's whole vocabulary
(a set written from today's FRESH_SET_BRIEF.md, which lists every permission group, declares nothing). The four
sets here were written when the brief listed 13 permission groups, before sensors, activity_recognition,
clipboard, app_tracking and distributed_data were added, so each declares those 13.

The "before" engine is read from git (--before REV, default the commit before issue 20's quality work) into a
temporary folder and run in a separate process, so both versions are scored on the same labels the same way.

Usage: python bench/privacy_quality/run.py [--before REV]   Results: bench/results/privacy-quality.json
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "privacy_engine"
FIELDS = ("pi_types", "permissions", "sdks")
BEFORE = "0e061de"  # main before the quality work of this bench's commit
# the engine before the work that followed the first fresh set; fresh2 was written after that work had started,
# by a helper who saw only FRESH_SET_BRIEF.md, and was scored only once the work was merged
BEFORE_FRESH2 = "c500120"
# fresh3 was written from the brief only (with its 18 permission groups and fixed conventions) while the engine was
# being worked on with fresh1 and fresh2 as development sets; scored once that work was merged, never tuned on
BEFORE_FRESH3 = "fae1ced"
# fresh4: written from the brief (conventions extended after fresh3) while fresh1-3 were development sets; scored once
BEFORE_FRESH4 = "f3fc8d7"
# fresh5: written from the brief (conventions extended after fresh4) while fresh1-4 were development sets; scored once
BEFORE_FRESH5 = "f3fc8d7"
# fresh6: written from the same brief while fresh1-5 were development sets; scored once
BEFORE_FRESH6 = "f3fc8d7"
# fresh7: written from the same brief while fresh1-6 were development sets; scored once
BEFORE_FRESH7 = "f3fc8d7"
# fresh8: written from the brief (company-name convention settled) while fresh1-7 were development sets; scored
# once, after the round on fresh7; "before" is the engine at the start of that round
BEFORE_FRESH8 = "9301445"
# fresh9: written from the brief (step counts and recorded speech settled) while fresh1-8 were development sets;
# scored once, after the round on fresh8 (commit d5a0683: PI 0.939/0.976, permissions 1.000/1.000, SDKs
# 0.956/0.977), then used as a development set; "before" is the engine at the start of the fresh8 round
BEFORE_FRESH9 = "622558f"
# each held-out set and the engine it is compared with
FRESH_SETS = {
    "fresh2": BEFORE_FRESH2,
    "fresh3": BEFORE_FRESH3,
    "fresh4": BEFORE_FRESH4,
    "fresh5": BEFORE_FRESH5,
    "fresh6": BEFORE_FRESH6,
    "fresh7": BEFORE_FRESH7,
    "fresh8": BEFORE_FRESH8,
    "fresh9": BEFORE_FRESH9,
}
GOAL = 0.9


def excerpts(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["excerpts"]


def vocabulary_of(path: Path) -> dict[str, set[str]]:
    """{field: the ids the set's writer could label} for the fields the set declares (see the docstring)."""
    declared = yaml.safe_load(path.read_text(encoding="utf-8")).get("vocabulary") or {}
    unknown = set(declared) - set(FIELDS)
    if unknown:
        raise ValueError(f"{path.name}: vocabulary of unknown fields {sorted(unknown)}")
    return {field: set(ids) for field, ids in declared.items()}


def predictions(path: Path) -> dict[str, dict]:
    """What the engine importable as appgov.engines.privacy extracts from each excerpt."""
    from appgov.engines import privacy

    out = {}
    for item in excerpts(path):
        declared = privacy.extract(item["text"])
        out[item["id"]] = {
            "pi_types": sorted(declared["pi_types"]),
            "permissions": sorted(declared["permissions"]),
            "sdks": sorted({s["id"] or s["name"] for s in declared["sdks"]}),
        }
    return out


def before_predictions(path: Path, rev: str) -> dict[str, dict]:
    """predictions() with the engine of git revision `rev`, in a separate process."""
    members = [
        "src/appgov/__init__.py",
        "src/appgov/engines/__init__.py",
        "src/appgov/engines/privacy",
        "src/appgov/engines/apkscan/data/sdk_catalogue.json",
    ]
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, *members], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        code = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); import run; "
            "print(json.dumps(run.predictions(__import__('pathlib').Path(sys.argv[2]))))"
        )
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        done = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).parent), str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=tmp,
        )
        return json.loads(done.stdout)


def resolve(name: str) -> str:
    """A labelled or extracted SDK name as the catalogue id it names, else normalised (the current vocabulary,
    whichever engine version extracted it)."""
    from appgov.engines.privacy import vocabulary

    ids = {entry["id"] for entry in vocabulary.sdk_catalogue()}
    if name in ids:
        return name
    key = vocabulary.normalise(name).removesuffix("sdk")
    for catalogue_key, entry in vocabulary.sdk_names():
        if catalogue_key.removesuffix("sdk") == key:
            return entry["id"]
    return key


def score(path: Path, predicted: dict[str, dict]) -> dict:
    items = excerpts(path)
    known = vocabulary_of(path)
    counts = {f: {"tp": 0, "fp": 0, "fn": 0} for f in FIELDS}
    errors = []
    for item in items:
        got_all = predicted[item["id"]]
        for field in FIELDS:
            want, got = set(item.get(field) or []), set(got_all[field])
            if field in known:
                outside = want - known[field]
                if outside:
                    raise ValueError(
                        f"{path.name} {item['id']}: {field} {sorted(outside)} outside its vocabulary"
                    )
                got &= known[field]
            if field == "sdks":
                want, got = {resolve(w) for w in want}, {resolve(g) for g in got}
            counts[field]["tp"] += len(got & want)
            counts[field]["fp"] += len(got - want)
            counts[field]["fn"] += len(want - got)
            if got != want:
                errors.append(
                    {
                        "id": item["id"],
                        "field": field,
                        "extra": sorted(got - want),
                        "missed": sorted(want - got),
                    }
                )
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    result = {"labelled_set": name, "excerpts": len(items)}
    if known:
        result["scored_on"] = {field: sorted(ids) for field, ids in known.items()}
    for field, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        result[field] = {**c, "precision": round(precision, 3), "recall": round(recall, 3)}
    result["goal_met"] = all(result[f][m] >= GOAL for f in FIELDS for m in ("precision", "recall"))
    result["errors"] = errors
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default=BEFORE, help="git revision of the engine before the improvement")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    own, independent, fresh = (
        SETS / n for n in ("labelled_excerpts.yaml", "independent_excerpts.yaml", "fresh_excerpts.yaml")
    )
    result = {
        "benchmark": f"privacy-policy extraction quality on {3 + len(FRESH_SETS)} labelled sets",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "goal": f"precision and recall >= {GOAL} per field on each set",
        "before_revision": args.before,
        "own_set": score(own, predictions(own)),
        "independent_set_before": score(independent, before_predictions(independent, args.before)),
        "independent_set_after": score(independent, predictions(independent)),
        "fresh_set": (
            score(fresh, predictions(fresh))
            if fresh.exists()
            else {
                "labelled_set": str(fresh.relative_to(ROOT)),
                "missing": "no fresh set has been written yet",
            }
        ),
    }
    for name, before in FRESH_SETS.items():
        path = SETS / f"{name}_excerpts.yaml"
        result[f"{name}_set_before"] = score(path, before_predictions(path, before))
        result[f"{name}_set"] = score(path, predictions(path))
    out = ROOT / "bench" / "results" / "privacy-quality.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for key, q in result.items():
        if not isinstance(q, dict) or "excerpts" not in q and "missing" not in q:
            continue
        if "missing" in q:
            print(f"{key:24} {q['labelled_set']}: {q['missing']}")
            continue
        line = "  ".join(f"{f} {q[f]['precision']:.3f}/{q[f]['recall']:.3f}" for f in FIELDS)
        print(f"{key:24} ({q['excerpts']} excerpts) P/R  {line}  goal met: {q['goal_met']}")
    print("saved", out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
