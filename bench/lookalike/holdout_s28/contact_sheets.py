#!/usr/bin/env python3
"""Contact sheets of a built set (out/ -> sheets/), for looking at the icons; not part of the set.

Run after make_set.py:  .venv/bin/python bench/lookalike/holdout_s28/contact_sheets.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fonts
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SHEETS = HERE / "sheets"
T = 96  # thumbnail


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (OUT / name).read_text("utf-8").splitlines() if line.strip()]


def thumb(rel: str | None) -> Image.Image:
    if not rel:
        im = Image.new("RGB", (T, T), (200, 200, 200))
        ImageDraw.Draw(im).line([(0, 0), (T, T)], fill=(120, 120, 120), width=2)
        return im
    im = Image.open(OUT / "icons" / rel)
    if im.mode != "RGBA":
        im = im.convert("RGBA")
    bg = Image.new("RGBA", im.size, (236, 236, 236, 255))
    bg.alpha_composite(im)
    return bg.convert("RGB").resize((T, T), Image.LANCZOS)


def sheet(cells: list[tuple[list[str | None], str]], path: Path, cols: int) -> None:
    """cells: ([icon paths side by side], caption)."""
    if not cells:
        return
    per = max(len(c[0]) for c in cells)
    cw, ch = per * (T + 2) + 8, T + 30
    rows = (len(cells) + cols - 1) // cols
    im = Image.new("RGB", (cols * cw, rows * ch), (255, 255, 255))
    d = ImageDraw.Draw(im)
    f = fonts.cjk(11)
    for i, (icons, cap) in enumerate(cells):
        x, y = (i % cols) * cw, (i // cols) * ch
        for j, rel in enumerate(icons):
            im.paste(thumb(rel), (x + j * (T + 2), y))
        d.text((x, y + T + 1), cap[:30], font=f, fill=(0, 0, 0))
        d.text((x, y + T + 14), cap[30:60], font=f, fill=(90, 90, 90))
    im.save(path)


def main() -> None:
    prot = {r["app_id"]: r for r in load("protected.jsonl")}
    listings = load("listings.jsonl")
    labels = load("labels.jsonl")
    if SHEETS.exists():
        shutil.rmtree(SHEETS)
    SHEETS.mkdir()
    sheet([([r["icon"]], f"{a} {r['names'][0]}") for a, r in prot.items()], SHEETS / "protected.png", 10)
    pairs: dict[str, list] = {}
    for lst, lab in zip(listings, labels, strict=True):
        src = lab["params"].get("source_app_id") or lab["params"].get("cert_of_app_id")
        case = lab["case"]
        if "icon" in case:
            steps = "+".join(s["kind"] for s in lab["params"]["steps"])
            group = "chains" if "chain" in case else lab["params"]["steps"][0]["group"]
            pairs.setdefault(f"icon_{group}", []).append(([prot[src]["icon"], lst["icon"]], f"{steps} {lst['listing_id']}"))
        elif lab["expected"] != "none":
            ref = prot[src]["icon"] if src else None
            pairs.setdefault("other_positive", []).append(([ref, lst["icon"]], f"{case} {lst['name']}"))
        else:
            key = case if case in ("nonprotected_finance", "shared_word", "official_mini_program",
                                   "official_bundle_nocert") else "negatives_other"
            pairs.setdefault(key, []).append(([lst["icon"]], f"{case} {lst['name']}"))
    for key, cells in sorted(pairs.items()):
        cells = sorted(cells, key=lambda c: c[1])
        for k in range(0, len(cells), 80):
            sheet(cells[k:k + 80], SHEETS / f"{key}_{k // 80 + 1}.png", 8 if len(cells[0][0]) > 1 else 12)
    print("\n".join(sorted(p.name for p in SHEETS.iterdir())))


if __name__ == "__main__":
    main()
