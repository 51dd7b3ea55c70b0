"""Build the blind look-alike holdout set s23 into out/ (see README.md).

    .venv/bin/python bench/lookalike/holdout_s23/make_set.py [--sheet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import build_entries  # noqa: E402
from catalog import build_catalog  # noqa: E402
from selfcheck import check  # noqa: E402
from sheets import write_sheets  # noqa: E402
from store import render_protected, report, write_listings, write_protected  # noqa: E402

OUT = HERE / "out"
SHEETS = HERE / "sheets"


def build() -> int:
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    cat = build_catalog()
    cache = render_protected(cat)
    write_protected(cat, OUT, cache)
    entries = build_entries(cat)
    write_listings(entries, OUT, cache)
    problems = check(OUT, cat)
    build_info = {"time_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                  "seconds": round(time.time() - t0, 1)}
    rep = report(cat, OUT, build_info)
    t = rep["totals"]
    print(f"institutions {t['institutions']}, protected apps {t['protected_apps']}, listings {t['listings']}, "
          f"icon-only {t['icon_only']}, negatives {t['negatives']} (hard {t['hard_negatives']})")
    print("per expected:", rep["per_expected"])
    print("digest:", rep["digest"])
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if problems:
        print(f"selfcheck: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"selfcheck: ok ({build_info['seconds']} s)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sheet", action="store_true", help="also write contact sheets to sheets/")
    args = ap.parse_args()
    if args.sheet and (OUT / "labels.jsonl").exists():
        print(f"sheets: {write_sheets(OUT, SHEETS)} page(s) in {SHEETS}")
        return 0
    rc = build()
    if args.sheet and rc == 0:
        print(f"sheets: {write_sheets(OUT, SHEETS)} page(s) in {SHEETS}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
