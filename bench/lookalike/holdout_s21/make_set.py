"""Builds the blind hold-out set s21 for the look-alike detector (seed 2121, deterministic).

cd /work/main && .venv/bin/python bench/lookalike/holdout_s21/make_set.py [--sheet]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import case_icon  # noqa: E402
import case_identity  # noqa: E402
import case_name  # noqa: E402
import case_negative  # noqa: E402
import case_official  # noqa: E402
import selfcheck  # noqa: E402
from catalog import INSTITUTIONS, build_apps  # noqa: E402
from common import Ctx, sub_rng  # noqa: E402
from ids import cert_style  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402
from logos import render_all  # noqa: E402

SCHEMAS = HERE.parents[2] / "src" / "appgov" / "engines" / "lookalike" / "data"
LABEL_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": [
        "listing_id",
        "expected",
        "case",
        "target_app_id",
        "target_institution",
        "accept_app_ids",
        "params",
    ],
    "additionalProperties": False,
    "properties": {
        "listing_id": {"type": "string", "pattern": "^s21-[0-9]{4}$"},
        "expected": {"enum": ["counterfeit", "none"]},
        "case": {"type": "string"},
        "target_app_id": {"type": ["string", "null"]},
        "target_institution": {"type": ["string", "null"]},
        "accept_app_ids": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "params": {"type": "object"},
    },
}


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def _write_jsonl(path: Path, rows: list[dict]):
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for n in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        h.update((out / n).read_bytes())
    return h.hexdigest()


def icons_digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted((out / "icons").rglob("*")):
        if p.is_file():
            h.update(p.relative_to(out).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def build(out: Path) -> tuple[list[dict], list[dict], list[dict], dict]:
    if out.exists():
        shutil.rmtree(out)
    apps = build_apps(sub_rng("catalog"))
    arts = render_all()
    ctx = Ctx(out, apps, arts)
    for key, art in arts.items():
        art.icon.save(out / "icons" / "p" / f"{key}.png", "PNG")
    prng = sub_rng("protected")
    protected = [a.protected_row(lambda c: cert_style(prng, c) if prng.random() < 0.3 else c) for a in apps]

    items = (
        case_official.build(ctx)
        + case_negative.build(ctx)
        + case_icon.build(ctx)
        + case_name.build(ctx)
        + case_identity.build(ctx)
    )
    sub_rng("shuffle").shuffle(items)
    for n, it in enumerate(items, 1):
        it.listing["listing_id"] = it.label["listing_id"] = f"s21-{n:04d}"
    listings = [it.listing for it in items]
    labels = [it.label for it in items]

    pv, lv = _validator("protected.schema.json"), _validator("listing.schema.json")
    for r in protected:
        pv.validate(r)
    for r in listings:
        lv.validate(r)
    bv = Draft202012Validator(LABEL_SCHEMA)
    for r in labels:
        bv.validate(r)
        assert (r["expected"] == "none") == (not r["accept_app_ids"])
        assert (r["target_app_id"] is None) == r["case"].startswith("negative")
    assert len({r["app_id"] for r in protected}) == len(protected)

    pinyins = {INSTITUTIONS[a.inst_key][0]: a.pinyin for a in apps}
    report = selfcheck.check(protected, listings, labels, pinyins, out / "icons")
    out.mkdir(exist_ok=True)
    _write_jsonl(out / "protected.jsonl", protected)
    _write_jsonl(out / "listings.jsonl", listings)
    _write_jsonl(out / "labels.jsonl", labels)
    return protected, listings, labels, report


def summary(protected, listings, labels, report) -> dict:
    cases = Counter(lab["case"] for lab in labels)
    expected = Counter(lab["expected"] for lab in labels)
    neg = [d for d, *_ in report["negative_distances"]]
    hard = [d for d, _, _, case, _ in report["negative_distances"] if case == "negative_hard_icon"]
    copies = {k: sorted(v) for k, v in sorted(report["copy_distances"].items())}
    return {
        "protected_apps": len(protected),
        "institutions": len({r["institution"] for r in protected}),
        "protected_icons": len({r["icon"] for r in protected}),
        "listings": len(listings),
        "expected": dict(expected),
        "cases": dict(sorted(cases.items())),
        "sources": dict(sorted(Counter(r["source"] for r in listings).items())),
        "negative_min_phash_distance": {
            "min": min(neg),
            "p05": neg[len(neg) // 20],
            "median": neg[len(neg) // 2],
        },
        "hard_negative_min_phash_distance": {"min": min(hard), "median": hard[len(hard) // 2]},
        "copy_phash_distance_median": {k: v[len(v) // 2] for k, v in copies.items()},
        "copy_phash_distance_max": {k: v[-1] for k, v in copies.items()},
        "selfcheck_errors": len(report["errors"]),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--sheet", action="store_true", help="also write contact sheets to sheets/")
    args = ap.parse_args()
    t0 = time.time()
    protected, listings, labels, report = build(args.out)
    info = summary(protected, listings, labels, report)
    info["digest"] = digest(args.out)
    info["icons_digest"] = icons_digest(args.out)
    info["build_seconds"] = round(time.time() - t0, 1)
    (args.out / "report.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for e in report["errors"]:
        print("SELF-CHECK:", e)
    print(json.dumps(info, ensure_ascii=False, indent=1))
    if args.sheet:
        import sheet

        sheet.make(args.out, HERE / "sheets", protected, listings, labels, report)
    print("sha256(protected + listings + labels) =", info["digest"])
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
