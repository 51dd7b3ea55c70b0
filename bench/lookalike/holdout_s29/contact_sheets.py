"""Optional viewer: contact sheets of a built set, written to sheets/*.png.

    /work/main/.venv/bin/python bench/lookalike/holdout_s29/contact_sheets.py [--out DIR] [--sheets DIR]

protected.png - every protected icon; icon_cases_N.png - one row per icon deformation (official icon, then
the copies); other_cases_N.png - one row per other case kind (icons with their listing names).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import fonts
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
T = 96  # thumbnail size
CAP = 30  # caption height


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def thumb(path: Path | None) -> Image.Image:
    if path is None or not path.is_file():
        img = Image.new("RGB", (T, T), (230, 230, 230))
        ImageDraw.Draw(img).line([(0, 0), (T, T)], fill=(180, 180, 180), width=2)
        return img
    img = Image.open(path)
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        base = Image.new("RGB", img.size, (128, 128, 128))
        base.paste(img, mask=img.getchannel("A"))
        img = base
    return img.convert("RGB").resize((T, T), Image.Resampling.LANCZOS)


def sheet(rows: list[tuple[str, list[tuple[Image.Image, str]]]], path: Path) -> None:
    label_w = 230
    cols = max(len(items) for _, items in rows)
    img = Image.new("RGB", (label_w + cols * (T + 6), len(rows) * (T + CAP + 6)), (255, 255, 255))
    d = ImageDraw.Draw(img)
    small, mid = fonts.font(12), fonts.font(15)
    for r, (label, items) in enumerate(rows):
        y = r * (T + CAP + 6)
        d.text((6, y + T // 2 - 8), label, font=mid, fill=(0, 0, 0))
        for c, (tile, caption) in enumerate(items):
            x = label_w + c * (T + 6)
            img.paste(tile, (x, y))
            d.text((x, y + T + 2), caption[:9], font=small, fill=(60, 60, 60))
    img.save(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="contact sheets of a built holdout_s29 set")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--sheets", type=Path, default=HERE / "sheets")
    args = ap.parse_args(argv)
    out, dst = args.out, args.sheets
    dst.mkdir(parents=True, exist_ok=True)
    icons = out / "icons"
    protected = load(out / "protected.jsonl")
    listings = {r["listing_id"]: r for r in load(out / "listings.jsonl")}
    labels = load(out / "labels.jsonl")
    prot_icon = {r["app_id"]: icons / r["icon"] for r in protected}

    per_row = 12
    rows = []
    for i in range(0, len(protected), per_row):
        chunk = protected[i:i + per_row]
        rows.append((f"protected {i + 1}-{i + len(chunk)}", [(thumb(prot_icon[r["app_id"]]), r["app_id"])
                                                             for r in chunk]))
    sheet(rows, dst / "protected.png")

    by_case = defaultdict(list)
    for lb in labels:
        by_case[lb["case"]].append(lb)
    icon_rows, other_rows = [], []
    for case, lbs in by_case.items():
        if "icon" in case:
            items = []
            for lb in lbs:
                app = lb["params"]["app_id"]
                items.append((thumb(prot_icon[app]), app))
                row = listings[lb["listing_id"]]
                items.append((thumb(icons / row["icon"] if row["icon"] else None), lb["listing_id"]))
            icon_rows.append((case, items))
        else:
            items = []
            for lb in lbs[:per_row]:
                row = listings[lb["listing_id"]]
                items.append((thumb(icons / row["icon"] if row["icon"] else None), row["name"]))
            other_rows.append((f"{case} ({len(lbs)})", items))
    icon_rows.sort()
    other_rows.sort()
    for n, i in enumerate(range(0, len(icon_rows), 18), 1):
        sheet(icon_rows[i:i + 18], dst / f"icon_cases_{n}.png")
    for n, i in enumerate(range(0, len(other_rows), 18), 1):
        sheet(other_rows[i:i + 18], dst / f"other_cases_{n}.png")
    print(f"wrote contact sheets to {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
