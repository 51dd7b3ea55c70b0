"""Contact sheets of a built set, for a look by eye: sheets/<group>_NN.png.

    .venv/bin/python bench/lookalike/holdout_s30/contact_sheets.py [--out OUT_DIR] [--sheets DIR]

One row per case: the protected icon it was derived from (if any, framed in green), then its listings'
icons with the listing id, expected label and name below each.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import checks
import fonts
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
T = 150  # tile
CAP = 44  # caption height
ROWS_PER_SHEET = 10


def tile(path, caption, frame=None):
    im = Image.new("RGB", (T, T + CAP), (250, 250, 250))
    if path is not None and path.is_file():
        ic = Image.open(path)
        if ic.mode in ("RGBA", "LA", "P"):
            ic = ic.convert("RGBA")
            bg = Image.new("RGBA", ic.size, (200, 200, 200, 255))
            ic = Image.alpha_composite(bg, ic)
        ic = ic.convert("RGB")
        ic.thumbnail((T - 10, T - 10))
        im.paste(ic, ((T - ic.width) // 2, (T - ic.height) // 2))
    else:
        ImageDraw.Draw(im).text((T // 2, T // 2), "(no icon)", font=fonts.cjk(14), fill=(120, 120, 120), anchor="mm")
    d = ImageDraw.Draw(im)
    if frame:
        d.rectangle([1, 1, T - 2, T - 2], outline=frame, width=3)
    for k, line in enumerate(caption[:2]):
        d.text((4, T + 2 + 20 * k), line[:14], font=fonts.cjk(15), fill=(20, 20, 20))
    return im


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--sheets", type=Path, default=HERE / "sheets")
    args = ap.parse_args(argv)
    lst = {r["listing_id"]: r for r in checks.read_jsonl(args.out / "listings.jsonl")}
    lab = checks.read_jsonl(args.out / "labels.jsonl")
    prot = {p["app_id"]: p for p in checks.read_jsonl(args.out / "protected.jsonl")}
    icons = args.out / "icons"
    by_case = {}
    for lb in lab:
        by_case.setdefault(lb["case"], []).append(lb)
    args.sheets.mkdir(parents=True, exist_ok=True)
    groups = {}
    for case in sorted(by_case):
        groups.setdefault(checks.group_of(case), []).append(case)
    groups["protected"] = None
    n_files = 0
    for group, case_list in groups.items():
        rows = []
        if group == "protected":
            items = list(prot.values())
            for k in range(0, len(items), 8):
                rows.append([tile(icons / p["icon"], [p["app_id"][5:], p["names"][0]]) for p in items[k:k + 8]])
        else:
            for case in case_list:
                row = [tile(None, [case[:14], case[14:]], frame=(120, 120, 120))]
                for lb in by_case[case][:8]:
                    p = lb["params"]
                    src = p.get("source_app_id") or p.get("app_id") or p.get("palette_of")
                    r = lst[lb["listing_id"]]
                    path = icons / r["icon"] if r.get("icon") else None
                    if src in prot and len(by_case[case]) <= 5:
                        row.append(tile(icons / prot[src]["icon"], ["源 " + src[5:]], frame=(0, 160, 0)))
                    row.append(tile(path, [r["listing_id"] + " " + lb["expected"][:5], r["name"]]))
                rows.append(row)
        for s in range(0, len(rows), ROWS_PER_SHEET):
            chunk = rows[s:s + ROWS_PER_SHEET]
            w = max(len(r) for r in chunk) * T
            sheet = Image.new("RGB", (w, len(chunk) * (T + CAP)), (255, 255, 255))
            for i, r in enumerate(chunk):
                for j, t in enumerate(r):
                    sheet.paste(t, (j * T, i * (T + CAP)))
            sheet.save(args.sheets / f"{group}_{s // ROWS_PER_SHEET + 1:02d}.png")
            n_files += 1
    print(f"wrote {n_files} sheets to {args.sheets}")


if __name__ == "__main__":
    main()
