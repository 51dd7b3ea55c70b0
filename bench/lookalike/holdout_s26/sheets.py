"""Contact sheets of the built set, for a human look: sheets/<group>.png (needs out/ built first).

usage: sheets.py [OUT_DIR] [SHEETS_DIR]
"""

import json
import os
import sys

import pngio
import raster as R
import ttf

HERE = os.path.dirname(os.path.abspath(__file__))
CELL = 112
THUMB = 96


def load(path):
    w, h, nc, data = pngio.decode(path)
    img = R.Img(w, h)
    img.r = [float(v) for v in data[0::nc]]
    img.g = [float(v) for v in data[1::nc]]
    img.b = [float(v) for v in data[2::nc]]
    if nc == 4:
        a = [v / 255 for v in data[3::nc]]
        img.r = [v * k + 255 * (1 - k) for v, k in zip(img.r, a, strict=True)]
        img.g = [v * k + 255 * (1 - k) for v, k in zip(img.g, a, strict=True)]
        img.b = [v * k + 255 * (1 - k) for v, k in zip(img.b, a, strict=True)]
    return R.resample(img, THUMB, THUMB)


def sheet(cells, path, cols=10):
    rows = max(1, (len(cells) + cols - 1) // cols)
    out = R.Img(cols * CELL, rows * (CELL + 14), (70, 70, 70))
    for k, (img, caption) in enumerate(cells):
        x = (k % cols) * CELL + (CELL - THUMB) // 2
        y = (k // cols) * (CELL + 14) + 4
        if img is not None:
            R.place(out, img, x, y)
        else:
            R.fill(out, [R.rect(x, y, x + THUMB, y + THUMB)], (120, 120, 120))
        cap = caption[:22]
        R.fill(out, R.text(cap, 9, x + THUMB / 2, y + THUMB + 9, ttf.FONT_SANS, fit_w=CELL - 4), (255, 255, 255))
    pngio.write(path, out)


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.join(HERE, "out")
    sheets_dir = argv[2] if len(argv) > 2 else os.path.join(HERE, "sheets")
    os.makedirs(sheets_dir, exist_ok=True)
    icons_root = os.path.join(out_dir, "icons")
    with open(os.path.join(out_dir, "protected.jsonl"), encoding="utf-8") as fh:
        prot = [json.loads(x) for x in fh]
    cells = [(load(os.path.join(icons_root, p["icon"])), p["app_id"]) for p in prot]
    sheet(cells, os.path.join(sheets_dir, "protected.png"))
    with open(os.path.join(out_dir, "listings.jsonl"), encoding="utf-8") as fh:
        lst = [json.loads(x) for x in fh]
    with open(os.path.join(out_dir, "labels.jsonl"), encoding="utf-8") as fh:
        lab = [json.loads(x) for x in fh]
    groups = {}
    for li, la in zip(lst, lab, strict=True):
        fam = la["params"]["family"]
        groups.setdefault(fam, []).append((li, la))
    for fam, rows in groups.items():
        rows.sort(key=lambda r: (r[1]["case"], r[0]["listing_id"]))
        cells = []
        for li, la in rows:
            img = load(os.path.join(icons_root, li["icon"])) if li.get("icon") else None
            cap = la["case"].replace("icon_", "").replace("neg_", "")
            if fam == "icon_only":
                cap = (la["params"]["src_app"].split("-")[0] + ":" + "+".join(la["params"]["deform"]))
            cells.append((img, cap))
        for part in range(0, len(cells), 100):
            sheet(cells[part:part + 100], os.path.join(sheets_dir, f"{fam}_{part // 100 + 1}.png"))
    print("sheets in", sheets_dir)


if __name__ == "__main__":
    main(sys.argv)
