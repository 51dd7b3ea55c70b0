"""Contact sheets: the protected icon beside each icon-only copy (and beside each hard negative that
borrows its style), for a look by eye. Written to sheets/."""

from __future__ import annotations

import json
from pathlib import Path

from drawing import font, to_rgb
from PIL import Image, ImageDraw

CELL = 150
COLS = 4  # pairs per row
ROWS = 8
PAD = 8
CAPTION = 40


def _load(path: Path) -> Image.Image:
    with Image.open(path) as im:
        return to_rgb(im.convert("RGBA"), (200, 200, 200)).resize((CELL, CELL), Image.Resampling.LANCZOS)


def _pages(pairs, title: str, stem: str, out: Path) -> int:
    per_page = COLS * ROWS
    pages = 0
    pair_w = 2 * CELL + 3 * PAD
    for start in range(0, len(pairs), per_page):
        chunk = pairs[start:start + per_page]
        sheet = Image.new("RGB", (COLS * pair_w, 30 + ROWS * (CELL + CAPTION + PAD)), (245, 245, 245))
        d = ImageDraw.Draw(sheet)
        d.text((PAD, 6), f"{title} ({start + 1}-{start + len(chunk)} of {len(pairs)})", fill=(0, 0, 0),
               font=font("cjk", 16))
        for i, (left, right, caption) in enumerate(chunk):
            x = (i % COLS) * pair_w + PAD
            y = 30 + (i // COLS) * (CELL + CAPTION + PAD)
            sheet.paste(_load(left), (x, y))
            sheet.paste(_load(right), (x + CELL + PAD, y))
            for j, line in enumerate(caption[:2]):
                d.text((x, y + CELL + 2 + j * 18), line[:42], fill=(20, 20, 20), font=font("cjk", 13))
        pages += 1
        sheet.save(out / f"{stem}_{pages:02d}.png")
    return pages


def write_sheets(out_dir: Path, sheet_dir: Path) -> int:
    sheet_dir.mkdir(parents=True, exist_ok=True)
    for old in sheet_dir.glob("*.png"):
        old.unlink()
    icons = out_dir / "icons"
    listings = [json.loads(x) for x in (out_dir / "listings.jsonl").read_text(encoding="utf-8").splitlines()]
    labels = [json.loads(x) for x in (out_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    copies, hard = [], []
    for x, lab in zip(listings, labels, strict=True):
        p = lab["params"]
        if "icon" in lab["case"] and x["icon"]:
            edits = " + ".join(f"{k} {s}" for k, s in p["edits"])
            copies.append((icons / f"p/{p['app']}.png", icons / x["icon"],
                           [f"{x['listing_id']} {lab['case']}", edits]))
        elif lab["case"].startswith("hard_") and x["icon"]:
            hard.append((icons / f"p/{p['style_of']}.png", icons / x["icon"],
                         [f"{x['listing_id']} {lab['case']}", x["name"]]))
    return (_pages(copies, "icon-only copies: protected | listing", "icon_only", sheet_dir)
            + _pages(hard, "hard negatives: style source | listing (expected none)", "hard_negatives", sheet_dir))
