"""Build the holdout_s30 look-alike test set.

    .venv/bin/python bench/lookalike/holdout_s30/make_set.py [--out DIR]

Writes protected.jsonl, listings.jsonl, labels.jsonl, summary.json and icons/ into DIR
(default bench/lookalike/holdout_s30/out/), then runs checks.py; exits 1 if a check fails.
All randomness: random.Random(3030) and numpy.random.default_rng(3030), drawn in a fixed order.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import cases
import checks
import fonts
import numpy as np
import stores
from PIL import Image

SEED = 3030
HERE = Path(__file__).resolve().parent
LISTING_FIELDS = ["listing_id", "source", "name", "package_id", "developer", "cert_sha256", "icon", "url",
                  "first_seen", "changed_at"]


def encode(img, size, fmt):
    if size and img.size != (size, size):
        img = img.resize((size, size), Image.Resampling.LANCZOS)
    kind, q = fmt
    buf = io.BytesIO()
    if kind == "jpg":
        if img.mode == "RGBA":
            bg = Image.new("RGB", img.size, (255, 255, 255))
            bg.paste(img, (0, 0), img)
            img = bg
        img.convert("RGB").save(buf, format="JPEG", quality=q)
    elif kind == "webp":
        img.save(buf, format="WEBP", quality=q, method=4)
    else:
        img.save(buf, format="PNG")
    return buf.getvalue()


def dump_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def build(out: Path):
    R = random.Random(SEED)
    G = np.random.default_rng(SEED)
    protected, picons, items = cases.Builder(R, G).build()
    R.shuffle(items)

    for name in ("protected.jsonl", "listings.jsonl", "labels.jsonl", "summary.json"):
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / "icons", ignore_errors=True)
    (out / "icons" / "protected").mkdir(parents=True, exist_ok=True)

    for aid, img in picons.items():
        (out / "icons" / "protected" / f"{aid}.png").write_bytes(encode(img, None, ("png", 0)))

    listings, labels, formats = [], [], Counter()
    for i, c in enumerate(items, 1):
        lid = f"s30-{i:04d}"
        row = {"listing_id": lid, **c["listing"], "icon": None}
        if c["image"] is not None:
            ext = c["fmt"][0]
            row["icon"] = f"{lid}.{ext}"
            (out / "icons" / row["icon"]).write_bytes(encode(c["image"], c["size"], c["fmt"]))
            formats[ext] += 1
        listings.append({k: row[k] for k in LISTING_FIELDS})
        labels.append({"listing_id": lid, "expected": c["expected"], "case": c["case"],
                       "target_institution": c["target"], "accept_app_ids": c["accept"], "params": c["params"]})

    dump_jsonl(out / "protected.jsonl", protected)
    dump_jsonl(out / "listings.jsonl", listings)
    dump_jsonl(out / "labels.jsonl", labels)
    summary = {
        "set": "holdout_s30", "seed": SEED, "listings": len(listings), "protected_apps": len(protected),
        "institutions": len({p["institution"] for p in protected}),
        "per_expected": dict(sorted(Counter(lb["expected"] for lb in labels).items())),
        "per_group": dict(sorted(Counter(checks.group_of(lb["case"]) for lb in labels).items())),
        "per_case": dict(sorted(Counter(lb["case"] for lb in labels).items())),
        "per_source_kind": dict(sorted(Counter(stores.KIND_OF[r["source"]] for r in listings).items())),
        "icon_formats": dict(sorted(formats.items())),
        "listings_without_icon": sum(1 for r in listings if r["icon"] is None),
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    summary = build(args.out)
    t1 = time.time()
    fails, info = checks.run(args.out, cases.COMPOSITION)
    for f in fails:
        print("FAIL", f)
    print(json.dumps({"per_expected": summary["per_expected"], "per_group": summary["per_group"], **info},
                     ensure_ascii=False))
    print(f"font: {fonts.describe()}")
    print(f"built {summary['listings']} listings in {t1 - t0:.1f} s; checks {'OK' if not fails else 'FAILED'}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
