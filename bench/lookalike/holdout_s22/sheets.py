"""Contact sheets (official icon beside the listing's icon) for a person to look at."""

from __future__ import annotations

from pathlib import Path

from drawing import FONT_CJK, font
from PIL import Image, ImageDraw

CELL = 128
PAIR_W = CELL * 2 + 24
ROW_H = CELL + 44
COLS, ROWS = 5, 8


def _thumb(path: Path | None) -> Image.Image:
    if path is None:
        im = Image.new("RGB", (CELL, CELL), (235, 235, 235))
        ImageDraw.Draw(im).text((30, 56), "no icon", fill=(120, 120, 120), font=font(FONT_CJK, 16))
        return im
    with Image.open(path) as im:
        im = im.convert("RGB")
        im.thumbnail((CELL, CELL))
        out = Image.new("RGB", (CELL, CELL), (255, 255, 255))
        out.paste(im, ((CELL - im.width) // 2, (CELL - im.height) // 2))
        return out


def write(out: Path, sheets: Path, listings: list[dict], labels: list[dict], refs: dict[str, str | None]) -> int:
    sheets.mkdir(parents=True, exist_ok=True)
    icons = out / "icons"
    items = []
    for x, lab in zip(listings, labels, strict=True):
        ref = refs.get(x["listing_id"])
        if ref is None or not x.get("icon"):
            continue
        items.append((lab["case"], x["listing_id"], ref, x["icon"], x["name"], lab["params"].get("icon") or {}))
    items.sort()
    per_page = COLS * ROWS
    f = font(FONT_CJK, 13)
    pages = 0
    for start in range(0, len(items), per_page):
        page = Image.new("RGB", (COLS * PAIR_W, ROWS * ROW_H), (255, 255, 255))
        d = ImageDraw.Draw(page)
        for k, (case, lid, ref, icon, name, ip) in enumerate(items[start:start + per_page]):
            x0, y0 = (k % COLS) * PAIR_W, (k // COLS) * ROW_H
            page.paste(_thumb(icons / ref), (x0 + 4, y0 + 4))
            page.paste(_thumb(icons / icon), (x0 + CELL + 12, y0 + 4))
            strength = ip.get("strength", "") if isinstance(ip, dict) else ""
            d.text((x0 + 4, y0 + CELL + 6), f"{lid} {case} {strength}", fill=(0, 0, 0), font=f)
            d.text((x0 + 4, y0 + CELL + 23), name[:18], fill=(90, 90, 90), font=f)
        pages += 1
        page.save(sheets / f"sheet_{pages:02d}.png")
    return pages
