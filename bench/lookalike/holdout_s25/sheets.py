"""Contact sheets for eyeballing a built set (not part of the set): python sheets.py OUT_DIR [SHEETS_DIR]."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from geometry import font
from PIL import Image, ImageDraw

CELL = 128
COLS = 10


def sheet(items: list[tuple[str, Path]], dest: Path) -> None:
    rows = (len(items) + COLS - 1) // COLS
    img = Image.new("RGB", (COLS * CELL, rows * (CELL + 30)), (235, 235, 235))
    d = ImageDraw.Draw(img)
    for i, (label, path) in enumerate(items):
        x, y = (i % COLS) * CELL, (i // COLS) * (CELL + 30)
        if path is not None and path.exists():
            img.paste(Image.open(path).convert("RGB").resize((CELL - 8, CELL - 8)), (x + 4, y + 4))
        d.text((x + 4, y + CELL), label[:18], font=font(12), fill=(0, 0, 0))
    img.save(dest)


def main(out: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    prot = [json.loads(x) for x in (out / "protected.jsonl").read_text().splitlines()]
    sheet([(p["app_id"], out / "icons" / p["icon"]) for p in prot], dest / "protected.png")
    listings = {r["listing_id"]: r for r in map(json.loads, (out / "listings.jsonl").read_text().splitlines())}
    labels = [json.loads(x) for x in (out / "labels.jsonl").read_text().splitlines()]
    groups: dict[str, list] = {}
    for lab in sorted(labels, key=lambda r: (r["case"], r["listing_id"])):
        row = listings[lab["listing_id"]]
        icon = out / "icons" / row["icon"] if row.get("icon") else None
        groups.setdefault(lab["case"].split("_")[0], []).append((f"{lab['case'][5:] or lab['case']}", icon))
    for g, items in groups.items():
        for k in range(0, len(items), 200):
            sheet(items[k:k + 200], dest / f"{g}_{k // 200}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "sheets"))
