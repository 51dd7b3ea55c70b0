"""Build the holdout_s24 look-alike test set (seed 2424) into out/; --sheet also draws contact sheets."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import build  # noqa: E402
import selfcheck  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--sheet", action="store_true", help="draw contact sheets into sheets/")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    report = build.write_set(args.out)
    status = selfcheck.main(args.out)
    report["selfcheck"] = "ok" if status == 0 else "failed"
    report["timing"] = {"build_seconds": round(time.perf_counter() - t0, 1)}
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(
        json.dumps(
            {
                k: report[k]
                for k in ("listings", "by_expected", "icon_only", "hard_negatives", "digest_sha256", "timing")
            },
            ensure_ascii=False,
        )
    )
    if args.sheet:
        import sheets

        sheets.draw(args.out, os.path.join(HERE, "sheets"))
    return status


if __name__ == "__main__":
    sys.exit(main())
