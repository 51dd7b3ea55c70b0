"""Scores the look-alike engine on the independent sets (generated and hand-written, separately).

    PYTHONPATH=src python bench/lookalike/independent/score.py [--out DIR] [--no-build] [--workers N]

Builds both sets (generate.py, handset.py) unless --no-build, runs the engine through its CLI
(`appgov lookalike`, the same command a user runs), and prints and writes
bench/results/lookalike-independent.json.

Counting rule (README): a listing counts once. An alert is a true positive only if the listing is
labelled positive (counterfeit, repackaged or unregistered_official) AND the alert's app_id is one of
the label's accepted apps. Every other alert is a false positive: an alert on a negative, and an alert
on a positive that names the wrong app (a case sent to the wrong institution or app). Precision =
TP / alerts, recall = TP / positives, attribution accuracy = TP / alerts on positives.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import consistency  # noqa: E402
import generate  # noqa: E402
import handset  # noqa: E402
from common import (  # noqa: E402
    DEFAULT_OUT,
    PROTECTED_FILE,
    REPO,
    FontMissingError,
    read_build_record,
    read_jsonl,
    require_font,
    write_build_record,
    write_jsonl,
)

RESULT_FILE = REPO / "bench" / "results" / "lookalike-independent.json"
SETS = ("generated", "handwritten")


def engine_command() -> list[str]:
    script = Path(sys.executable).with_name("appgov")
    if script.exists():
        return [str(script)]
    found = shutil.which("appgov")
    if found:
        return [found]
    raise SystemExit("error: the `appgov` command was not found next to this Python or on PATH")


def run_engine(out: Path, name: str, workers: int, hash_seed: str) -> tuple[list[dict], dict, float]:
    set_dir = out / name
    alerts_file, stats_file = set_dir / "alerts.jsonl", set_dir / "run-stats.json"
    cmd = engine_command() + [
        "lookalike",
        "--protected",
        str(PROTECTED_FILE),
        "--listings",
        str(set_dir / "listings.jsonl"),
        "--out",
        str(alerts_file),
        "--icons-root",
        str(out / "icons"),
        "--workers",
        str(workers),
        "--stats",
        str(stats_file),
    ]
    started = time.perf_counter()
    env = os.environ.copy()
    env["PYTHONHASHSEED"] = hash_seed
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"error: engine exited {proc.returncode} on the {name} set:\n{proc.stderr}")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return read_jsonl(alerts_file), stats, seconds


def _app_ids(values) -> list[str]:
    ids = []
    for value in values or ():
        if isinstance(value, dict):
            value = value.get("app_id")
        if isinstance(value, str):
            ids.append(value)
    return ids


def kind_matches(expected: str, alert_kind: str) -> bool:
    return expected == alert_kind


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


class Tally:
    def __init__(self) -> None:
        self.n = self.positives = self.alerts = self.tp = self.tp_strict = 0
        self.alerts_on_positives = self.right_institution = self.wrong_app = (
            self.false_alerts_on_negatives
        ) = 0
        self.found_only_in_candidates = 0
        self.alert_kinds: Counter[str] = Counter()

    def add(self, lab: dict, alert: dict | None, institution_of: dict[str, str]) -> None:
        self.n += 1
        positive = lab["expected"] != "none"
        self.positives += positive
        if alert is None:
            return
        self.alerts += 1
        self.alert_kinds[alert.get("kind", "?")] += 1
        if not positive:
            self.false_alerts_on_negatives += 1
            return
        self.alerts_on_positives += 1
        app = alert.get("app_id")
        if app in lab["accept_app_ids"]:
            self.tp += 1
            self.tp_strict += kind_matches(lab["expected"], alert.get("kind", ""))
        else:
            self.wrong_app += 1
            others = _app_ids(alert.get("also_matches")) + _app_ids(alert.get("candidates"))
            self.found_only_in_candidates += any(a in lab["accept_app_ids"] for a in others)
        self.right_institution += institution_of.get(app) == lab["target_institution"]

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "positives": self.positives,
            "negatives": self.n - self.positives,
            "alerts": self.alerts,
            "true_positives": self.tp,
            "precision": _ratio(self.tp, self.alerts) if self.positives else None,
            "recall": _ratio(self.tp, self.positives),
            "attribution_accuracy": _ratio(self.tp, self.alerts_on_positives),
            "institution_attribution_accuracy": _ratio(self.right_institution, self.alerts_on_positives),
            "wrong_app_alerts": self.wrong_app,
            "wrong_app_but_right_app_in_also_matches": self.found_only_in_candidates,
            "false_alerts_on_negatives": self.false_alerts_on_negatives,
            "strict_kind": {
                "true_positives": self.tp_strict,
                "precision": _ratio(self.tp_strict, self.alerts) if self.positives else None,
                "recall": _ratio(self.tp_strict, self.positives),
            },
            "alert_kinds": dict(sorted(self.alert_kinds.items())),
        }


def score(labels: list[dict], alerts: list[dict], institution_of: dict[str, str]) -> dict:
    by_listing: dict[str, dict] = {}
    for alert in alerts:
        lid = alert.get("listing_id")
        if lid not in by_listing or alert.get("score", 0) > by_listing[lid].get("score", 0):
            by_listing[lid] = alert
    overall, by_kind, by_case = Tally(), defaultdict(Tally), defaultdict(Tally)
    existing_kinds = Tally()  # without the unregistered_official listings: the kinds the engine has today
    case_kind = {}
    for lab in labels:
        alert = by_listing.get(lab["listing_id"])
        for tally in (overall, by_kind[lab["expected"]], by_case[lab["case"]]):
            tally.add(lab, alert, institution_of)
        if lab["expected"] != "unregistered_official":
            existing_kinds.add(lab, alert, institution_of)
        case_kind[lab["case"]] = lab["expected"]
    unknown = set(by_listing) - {lab["listing_id"] for lab in labels}
    if unknown:
        raise SystemExit(f"error: alerts for listings that have no label: {sorted(unknown)[:5]}")
    return {
        "overall": overall.to_dict(),
        "overall_without_unregistered_official": existing_kinds.to_dict(),
        "by_expected_kind": {k: by_kind[k].to_dict() for k in sorted(by_kind)},
        "by_case": {c: {"expected": case_kind[c], **by_case[c].to_dict()} for c in sorted(by_case)},
    }


def misses(labels: list[dict], alerts: list[dict], listings: list[dict], limit: int) -> list[dict]:
    alert_of = {a["listing_id"]: a for a in alerts}
    listing_of = {item["listing_id"]: item for item in listings}
    out = []
    for lab in labels:
        alert = alert_of.get(lab["listing_id"])
        right = alert is not None and alert.get("app_id") in lab["accept_app_ids"]
        if (lab["expected"] == "none") != (alert is None) or (
            alert is not None and lab["expected"] != "none" and not right
        ):
            item = listing_of[lab["listing_id"]]
            out.append(
                {
                    "case": lab["case"],
                    "expected": lab["expected"],
                    "target": lab["target_app_id"],
                    "got": alert and alert.get("app_id"),
                    "kind": alert and alert.get("kind"),
                    "name": item["name"],
                    "package_id": item.get("package_id"),
                    "developer": item.get("developer"),
                }
            )
    return out[:limit]


def print_report(name: str, result: dict) -> None:
    o = result["overall"]
    print(f"\n== {name}: {o['n']} listings, {o['positives']} positive, {o['alerts']} alerts")
    print(
        f"   precision {o['precision']}  recall {o['recall']}  attribution {o['attribution_accuracy']}"
        f"  (institution {o['institution_attribution_accuracy']})  strict-kind P/R "
        f"{o['strict_kind']['precision']}/{o['strict_kind']['recall']}"
    )
    w = result["overall_without_unregistered_official"]
    print(f"   without the unregistered_official listings: precision {w['precision']}  recall {w['recall']}")
    print(
        f"   {'case':42s} {'exp':>12s} {'n':>5s} {'alerts':>6s} {'TP':>5s} {'recall':>7s} {'prec':>6s} {'attr':>6s} kinds"
    )
    for case, r in result["by_case"].items():
        print(
            f"   {case:42s} {r['expected'][:12]:>12s} {r['n']:5d} {r['alerts']:6d} {r['true_positives']:5d} "
            f"{'' if r['recall'] is None else r['recall']:>7} {'' if r['precision'] is None else r['precision']:>6} "
            f"{'' if r['attribution_accuracy'] is None else r['attribution_accuracy']:>6} {r['alert_kinds']}"
        )


def build_sets(out: Path, allow_bar_glyphs: bool = False) -> dict:
    """Build both sets into ``out`` and record how (``build.json``); the record. FontMissingError
    without a CJK font unless ``allow_bar_glyphs``."""
    renderer = require_font(allow_bar_glyphs)
    listings, labels = generate.build(out, generate.SEED)
    write_jsonl(out / "generated" / "listings.jsonl", listings)
    write_jsonl(out / "generated" / "labels.jsonl", labels)
    listings, labels = handset.build(out)
    write_jsonl(out / "handwritten" / "listings.jsonl", listings)
    write_jsonl(out / "handwritten" / "labels.jsonl", labels)
    write_build_record(out, generate.SEED, renderer)
    return read_build_record(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="data directory (gitignored)")
    parser.add_argument("--no-build", action="store_true", help="reuse the listings already in --out")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--allow-bar-glyphs",
        action="store_true",
        help="build even without a CJK font (glyphs become bars: another, harder set; see README)",
    )
    parser.add_argument("--result", type=Path, default=RESULT_FILE)
    parser.add_argument(
        "--hash-seed",
        default="0",
        help="PYTHONHASHSEED of the engine run (the engine breaks some ties in hash order; "
        "'random' for Python's default)",
    )
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="also print N missed or misattributed listings per set (this reveals the set)",
    )
    args = parser.parse_args(argv)

    if not args.no_build:
        try:
            build_sets(args.out, args.allow_bar_glyphs)
        except FontMissingError as exc:
            raise SystemExit(f"error: {exc}") from None
    build = read_build_record(args.out)
    if build is None or build.get("font") is None:
        print(
            f"warning: {args.out} was built {'without a CJK font' if build else 'with no build record'}: "
            "its icons are not the set the README describes",
            file=sys.stderr,
        )

    for name in SETS:
        found = consistency.check_set(args.out, name)
        if found:
            raise SystemExit(
                f"error: the {name} set's labels contradict the protected apps:\n" + "\n".join(found[:20])
            )

    institution_of = {d["app_id"]: d["institution"] for d in read_jsonl(PROTECTED_FILE)}
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    result = {
        "what": "look-alike engine on the independent labelled sets (bench/lookalike/independent)",
        "counting_rule": "TP = labelled positive and alert.app_id in the label's accepted apps; every other alert is a "
        "false positive; precision = TP/alerts, recall = TP/positives, attribution = TP/alerts on positives",
        "engine_commit": commit,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start",
        "engine_pythonhashseed": args.hash_seed,
        "build": build,
        "protected_apps": len(institution_of),
        "institutions": len(set(institution_of.values())),
        "sets": {},
    }
    for name in SETS:
        labels = read_jsonl(args.out / name / "labels.jsonl")
        alerts, stats, seconds = run_engine(args.out, name, args.workers, args.hash_seed)
        scored = score(labels, alerts, institution_of)
        scored["engine_wall_seconds"] = round(seconds, 2)
        scored["engine_stats"] = stats
        result["sets"][name] = scored
        print_report(name, scored)
        if args.show_misses:
            listings = read_jsonl(args.out / name / "listings.jsonl")
            for miss in misses(labels, alerts, listings, args.show_misses):
                print("   miss:", json.dumps(miss, ensure_ascii=False))
    args.result.parent.mkdir(parents=True, exist_ok=True)
    args.result.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
