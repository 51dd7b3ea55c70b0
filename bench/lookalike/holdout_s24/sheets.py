"""Contact sheets of a built set (for eyeballing): protected icons, icon-only copies beside their originals,
hard negatives beside the protected icon they resemble, and the other listings with icons."""

from __future__ import annotations

import json
import os

import fonts
import imgutil as U
from PIL import Image, ImageDraw

CELL = 112
PAIRS_PER_PAGE = 48


def _rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _thumb(root, rel, n=CELL - 12):
    if not rel:
        return Image.new("RGB", (n, n), (235, 235, 235))
    with Image.open(os.path.join(root, rel)) as im:
        return U.flatten(im.convert("RGBA")).resize((n, n), Image.LANCZOS)


def _page(items, cols, path, per=2):
    """items: list of (images, caption); each item spans len(images) cells."""
    rows = (len(items) + cols - 1) // cols
    w, h = cols * (CELL * per + 10), rows * (CELL + 30)
    sheet = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(sheet)
    f = fonts.cjk(12)
    for i, (ims, cap) in enumerate(items):
        x, y = (i % cols) * (CELL * per + 10), (i // cols) * (CELL + 30)
        for j, im in enumerate(ims):
            sheet.paste(im, (x + j * CELL + 4, y + 4))
        d.text((x + 4, y + CELL - 4), cap[:40], font=f, fill=(0, 0, 0))
    sheet.save(path)


def draw(out: str, dest: str) -> None:
    os.makedirs(dest, exist_ok=True)
    icons = os.path.join(out, "icons")
    prot = {p["app_id"]: p for p in _rows(os.path.join(out, "protected.jsonl"))}
    lst = _rows(os.path.join(out, "listings.jsonl"))
    lab = _rows(os.path.join(out, "labels.jsonl"))
    _page(
        [([_thumb(icons, p["icon"])], k) for k, p in prot.items()], 10, os.path.join(dest, "protected.png"), 1
    )
    pairs = sorted(
        (
            (lb["case"], lb["params"]["strengths"], lb, ls)
            for ls, lb in zip(lst, lab, strict=True)
            if lb["case"].startswith("icon_")
        ),
        key=lambda t: (t[0], t[1]),
    )
    for k in range(0, len(pairs), PAIRS_PER_PAGE):
        items = []
        for case, ss, lb, ls in pairs[k : k + PAIRS_PER_PAGE]:
            src = prot[lb["params"]["app"]]["icon"]
            cap = f"{case[5:]} {'+'.join(lb['params']['edits']) if case == 'icon_chain' else ''} {ss}"
            items.append(([_thumb(icons, src), _thumb(icons, ls["icon"])], cap))
        _page(items, 6, os.path.join(dest, f"icon_only_{k // PAIRS_PER_PAGE + 1:02d}.png"))
    negs = [
        (lb, ls)
        for ls, lb in zip(lst, lab, strict=True)
        if lb["case"] in ("neg_other_institution", "neg_finance_tool")
    ]
    for k in range(0, len(negs), PAIRS_PER_PAGE):
        items = []
        for lb, ls in negs[k : k + PAIRS_PER_PAGE]:
            src = prot[lb["params"]["resembles"]]["icon"]
            items.append(
                (
                    [_thumb(icons, src), _thumb(icons, ls["icon"])],
                    f"{ls['name']} ~ {lb['params']['resembles']}",
                )
            )
        _page(items, 6, os.path.join(dest, f"hard_negatives_{k // PAIRS_PER_PAGE + 1:02d}.png"))
    rest = [
        (lb, ls)
        for ls, lb in zip(lst, lab, strict=True)
        if not lb["case"].startswith(("icon_", "neg_other", "neg_finance")) and ls.get("icon")
    ]
    rest.sort(key=lambda t: t[0]["case"])
    for k in range(0, len(rest), 80):
        items = [
            ([_thumb(icons, ls["icon"])], f"{lb['case'][:14]} {ls['name']}") for lb, ls in rest[k : k + 80]
        ]
        _page(items, 10, os.path.join(dest, f"others_{k // 80 + 1:02d}.png"), 1)
