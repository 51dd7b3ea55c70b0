"""Contact sheets for looking at the set: official icon next to each copy, negatives, closest negatives."""

from __future__ import annotations

from pathlib import Path

from draw import CJK_FONT, font
from PIL import Image, ImageDraw

T = 128  # thumbnail side
PAD = 6
CAP = 30


def _thumb(path: Path) -> Image.Image:
    with Image.open(path) as im:
        im = im.convert("RGBA")
        im.thumbnail((T, T), Image.LANCZOS)
        base = Image.new("RGBA", (T, T), (150, 150, 150, 255))
        base.alpha_composite(im, ((T - im.size[0]) // 2, (T - im.size[1]) // 2))
        return base.convert("RGB")


def _grid(cells: list[tuple[list[Path], str]], per_row: int, out: Path):
    k = max(len(p) for p, _ in cells)
    cw = k * T + (k - 1) * 2 + PAD
    rows = (len(cells) + per_row - 1) // per_row
    sheet = Image.new("RGB", (per_row * cw + PAD, rows * (T + CAP + PAD) + PAD), (60, 60, 60))
    d = ImageDraw.Draw(sheet)
    f = font(CJK_FONT, 12)
    for i, (paths, cap) in enumerate(cells):
        x = PAD + (i % per_row) * cw
        y = PAD + (i // per_row) * (T + CAP + PAD)
        for j, p in enumerate(paths):
            sheet.paste(_thumb(p), (x + j * (T + 2), y))
        for n, line in enumerate(cap.split("\n")[:2]):
            d.text((x, y + T + 2 + 14 * n), line[: 2 * k * 11], fill=(255, 255, 255), font=f)
    sheet.save(out)


def _chunks(seq, n):
    return [seq[i : i + n] for i in range(0, len(seq), n)]


def make(
    out: Path, sheets: Path, protected: list[dict], listings: list[dict], labels: list[dict], report: dict
):
    sheets.mkdir(exist_ok=True)
    for old in sheets.glob("*.png"):
        old.unlink()
    icons = out / "icons"
    _grid([([icons / r["icon"]], r["app_id"]) for r in protected if r["icon"]], 10, sheets / "protected.png")
    prot_icon = {r["app_id"]: r["icon"] for r in protected}
    pairs, offs, negs = [], [], []
    for row, lab in zip(listings, labels, strict=True):
        if lab["case"].startswith("icon_") or (
            lab["case"].startswith("pkg_repack") and row["icon"] and "icon_source" in lab["params"]
        ):
            cap = f"{row['listing_id']} {lab['case']}\n{lab['target_app_id']}"
            pairs.append(([icons / prot_icon[lab["target_app_id"]], icons / row["icon"]], cap))
        elif lab["case"].startswith("official") and row["icon"]:
            offs.append(
                (
                    [icons / prot_icon[lab["target_app_id"]], icons / row["icon"]],
                    f"{row['listing_id']} {lab['case']}\n{row['name']}",
                )
            )
        elif lab["case"].startswith("negative") and row["icon"]:
            negs.append(([icons / row["icon"]], f"{row['listing_id']}\n{row['name']}"))
    for n, chunk in enumerate(_chunks(pairs, 48)):
        _grid(chunk, 6, sheets / f"copies_{n + 1:02d}.png")
    for n, chunk in enumerate(_chunks(offs, 48)):
        _grid(chunk, 6, sheets / f"officials_{n + 1:02d}.png")
    for n, chunk in enumerate(_chunks(negs, 70)):
        _grid(chunk, 10, sheets / f"negatives_{n + 1:02d}.png")
    closest = report["negative_distances"][:48]
    _grid(
        [([icons / icon, icons / prot], f"{lid} d={d}\n{case}") for d, prot, lid, case, icon in closest],
        6,
        sheets / "closest_negatives.png",
    )
