"""Build the blind labelled look-alike holdout set s22 into out/ (and contact sheets into sheets/ with --sheet).

    cd /work/main && .venv/bin/python bench/lookalike/holdout_s22/make_set.py [--sheet]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import Cases  # noqa: E402
from ids import SEED, stream  # noqa: E402
from protected import build_apps  # noqa: E402
from selfcheck import check  # noqa: E402
from store import IconStore  # noqa: E402


def dump_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def digests(out: Path) -> dict[str, str]:
    h = hashlib.sha256()
    for name in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        h.update((out / name).read_bytes())
    hi = hashlib.sha256()
    icons = out / "icons"
    for path in sorted(p for p in icons.rglob("*") if p.is_file()):
        hi.update(path.relative_to(icons).as_posix().encode() + b"\0")
        hi.update(path.read_bytes())
    return {"jsonl_sha256": h.hexdigest(), "icons_sha256": hi.hexdigest()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sheet", action="store_true", help="also write contact sheets to sheets/")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args(argv)
    t0 = time.time()
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    (out / "icons").mkdir(parents=True)
    store = IconStore(out / "icons")
    apps = build_apps(store)
    rows = Cases(apps, store).build()
    stream("shuffle").shuffle(rows)
    for i, row in enumerate(rows, 1):
        lid = f"s22-{i:04d}"
        row["listing"]["listing_id"] = lid
        row["label"]["listing_id"] = lid
    listings = [r["listing"] for r in rows]
    labels = [r["label"] for r in rows]
    dump_jsonl(out / "protected.jsonl", [a.record() for a in apps])
    dump_jsonl(out / "listings.jsonl", listings)
    dump_jsonl(out / "labels.jsonl", labels)

    problems = check(out)
    dg = digests(out)
    seconds = round(time.time() - t0, 1)
    icon_only = [lab for lab in labels if lab["params"].get("name_generic")]
    report = {
        "set": "holdout_s22",
        "seed": SEED,
        "protected_apps": len(apps),
        "institutions": len({a.inst["key"] for a in apps}),
        "listings": len(listings),
        "expected": dict(sorted(Counter(lab["expected"] for lab in labels).items())),
        "cases": dict(sorted(Counter(lab["case"] for lab in labels).items())),
        "sources": dict(sorted(Counter(x["source"] for x in listings).items())),
        "listings_without_icon": sum(1 for x in listings if not x.get("icon")),
        "icon_formats": dict(sorted(Counter(x["icon"].rsplit(".", 1)[1] for x in listings if x.get("icon")).items())),
        "icon_only": {
            "count": len(icon_only),
            "institutions": len({lab["target_institution"] for lab in icon_only}),
            "strength": dict(sorted(Counter(lab["params"]["icon"]["strength"] for lab in icon_only).items())),
            "edits": dict(sorted(Counter(s["edit"] for lab in icon_only for s in lab["params"]["icon"]["chain"])
                                 .items())),
        },
        "digest": dg,
        "digest_note": "jsonl_sha256 = sha256(protected.jsonl + listings.jsonl + labels.jsonl); icons_sha256 = "
                       "sha256 over the icon files sorted by path (path, NUL, bytes)",
        "build_seconds": seconds,
        "built_at_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "selfcheck_problems": len(problems),
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.sheet:
        from sheets import write

        refs = {r["listing"]["listing_id"]: r["ref"] for r in rows}
        if (HERE / "sheets").exists():
            shutil.rmtree(HERE / "sheets")
        n = write(out, HERE / "sheets", listings, labels, refs)
        print(f"{n} contact sheets in {HERE / 'sheets'}")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print(json.dumps({"listings": len(listings), "protected": len(apps), **dg, "build_seconds": seconds},
                     ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
