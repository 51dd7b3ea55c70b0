"""Build the blind look-alike hold-out set holdout_s25 (seed 2525).

python make_set.py [OUT_DIR]   (default: ./out) -- writes protected.jsonl, listings.jsonl, labels.jsonl,
icons/{protected,listings}/*.png and report.json, then runs selfcheck (exit 1 on any problem).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases_neg import all_negative  # noqa: E402
from cases_pos import all_positive  # noqa: E402
from context import Ctx  # noqa: E402
from edits import EDITS, OWN, OWN_BEYOND_BRIEF  # noqa: E402
from PIL import Image  # noqa: E402
from seeds import SEED, SET_NAME, shuffled, stream  # noqa: E402
from selfcheck import check  # noqa: E402


def _jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest(out: Path) -> str:
    files = [out / "protected.jsonl", out / "listings.jsonl", out / "labels.jsonl"]
    files += sorted((out / "icons").rglob("*.png"), key=lambda p: p.relative_to(out).as_posix())
    lines = "".join(f"{_sha(p)}  {p.relative_to(out).as_posix()}\n" for p in files)
    return hashlib.sha256(lines.encode()).hexdigest()


def build(out: Path) -> dict:
    t0 = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    (out / "icons" / "protected").mkdir(parents=True)
    (out / "icons" / "listings").mkdir(parents=True)
    ctx = Ctx()
    for r in ctx.protected:
        ctx.icon(r["app_id"]).save(out / "icons" / r["icon"], "PNG")
    _jsonl(out / "protected.jsonl", ctx.protected)

    cases = shuffled(stream("order"), all_positive(ctx) + all_negative(ctx))
    listings, labels = [], []
    for n, c in enumerate(cases, 1):
        lid = f"s25-{n:04d}"
        row, lab = c["row"], c["label"]
        row["listing_id"] = lab["listing_id"] = lid
        if c["icon"] is not None:
            rel = f"listings/{lid}.png"
            img = c["icon"]
            if c["size"] != img.width:
                img = img.resize((c["size"], c["size"]), Image.Resampling.LANCZOS)
            img.save(out / "icons" / rel, "PNG")
            row["icon"] = rel
        listings.append(row)
        labels.append(lab)
    _jsonl(out / "listings.jsonl", listings)
    _jsonl(out / "labels.jsonl", labels)

    by_case = Counter(lab["case"] for lab in labels)
    by_group = Counter(lab["case"].split("_")[0] if lab["case"].startswith(("name_", "icon_", "hardneg_"))
                       else lab["case"] for lab in labels)
    by_exp = Counter(str(lab["expected"]) for lab in labels)
    report = {
        "set": SET_NAME, "seed": SEED, "n_protected_apps": len(ctx.protected),
        "n_institutions": len(ctx.by_inst), "n_listings": len(listings),
        "counts_by_group": dict(sorted(by_group.items())), "counts_by_case": dict(sorted(by_case.items())),
        "counts_by_expected": dict(sorted(by_exp.items())),
        "counts_by_source": dict(sorted(Counter(r["source"] for r in listings).items())),
        "icon_edit_kinds": len(EDITS), "own_edit_kinds": sorted(OWN),
        "own_edit_kinds_beyond_brief_examples": sorted(OWN_BEYOND_BRIEF),
        "digest_sha256": digest(out),
        "build_seconds": round(time.perf_counter() - t0, 1),
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    report = build(out)
    problems = check(out)
    for p in problems[:200]:
        print(p)
    print(json.dumps({k: report[k] for k in ("n_listings", "counts_by_group", "digest_sha256", "build_seconds")},
                     ensure_ascii=False))
    print(f"selfcheck: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
