"""Emblem designs (family + parameters + palette + layout) and their rendering into app icons."""

from __future__ import annotations

import json
from functools import lru_cache

import emblem_draw as D
import emblem_families as F
import numpy as np
from PIL import Image

SIZE = 512
LAYOUTS = ["solid", "solid", "gradient", "white", "tint"]
GENERIC_CHARS = set("中国银行证券保险股份有限公司集团科技金融")
EN_STOP = {
    "of",
    "co.,",
    "ltd.",
    "limited",
    "company",
    "corporation",
    "corp.,",
    "the",
    "inc.",
    "(group)",
    "group",
    "co.",
    "holding",
    "ltd",
    "(beijing)",
}


def texts_for(short: str, en: str, word: str | None = None, abbr: str | None = None) -> dict:
    """The characters and words an emblem may draw for an institution or app."""
    keys = [c for c in short if c not in GENERIC_CHARS] or list(short)
    if abbr is None:
        words = [w for w in en.replace(",", ", ").split() if w.lower() not in EN_STOP and w[:1].isalpha()]
        abbr = "".join(w[0].upper() for w in words)[:4] or "X"
    seal = short if len(short) >= 4 else (short + "之印")[:4]
    return {"char": keys[0], "short": short, "seal": seal, "word": word or short, "abbr": abbr}


def sample_design(r, family: str, palette, texts: dict, layout: str | None = None) -> dict:
    return {
        "family": family,
        "params": F.SAMPLERS[family](r, texts),
        "palette": list(palette),
        "layout": layout or r.choice(LAYOUTS),
        "scale": round(r.uniform(0.84, 1.0), 3),
        "light": r.choice(["#FFFFFF", "#FFFFFF", "#FFF4DC"]),
    }


def _lum(c) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def colours(design: dict, layout: str):
    """(background top, background bottom, main ink, accent ink) for a layout."""
    c1, c2 = (D.hex_rgb(c) for c in design["palette"])
    light = D.hex_rgb(design["light"])
    if layout in ("solid", "gradient"):
        acc = c2 if abs(_lum(c2) - _lum(c1)) > 55 else D.mix(light, c1, 0.3)
        if layout == "solid":
            return c1, c1, light, acc
        return D.mix(c1, (255, 255, 255), 0.12), D.mix(c1, (0, 0, 0), 0.28), light, acc
    acc = c2 if _lum(c2) < 215 else D.mix(c2, (0, 0, 0), 0.3)
    if layout == "tint":
        bg = D.mix(c1, (255, 255, 255), 0.88)
        return bg, bg, c1, acc
    return (255, 255, 255), (255, 255, 255), c1, acc


def _key(design: dict, layout: str) -> str:
    return json.dumps([design, layout], sort_keys=True, ensure_ascii=False)


@lru_cache(maxsize=512)
def _render(key: str):
    design, layout = json.loads(key)
    top, bottom, cm, ca = colours(design, layout)
    L = D.Layer()
    F.DRAWERS[design["family"]](L, design["params"], cm, ca)
    fg = L.image(SIZE)
    sc = design["scale"]
    if sc < 0.999:
        n = int(round(SIZE * sc))
        small = fg.resize((n, n), Image.LANCZOS)
        fg = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
        fg.paste(small, ((SIZE - n) // 2, (SIZE - n) // 2))
    t = np.linspace(0, 1, SIZE, dtype=np.float32)[:, None, None]
    bg_arr = (
        np.asarray(top, np.float32)[None, None, :] * (1 - t)
        + np.asarray(bottom, np.float32)[None, None, :] * t
    )
    bg = Image.fromarray(np.repeat(bg_arr, SIZE, axis=1).round().astype(np.uint8), "RGB")
    tile = bg.copy()
    tile.paste(fg, (0, 0), fg)
    return tile, fg, bg


def render(design: dict, layout: str | None = None):
    """(tile RGB, emblem RGBA on transparent, background RGB), SIZE x SIZE; layout overrides the design's."""
    tile, fg, bg = _render(_key(design, layout or design["layout"]))
    return tile.copy(), fg.copy(), bg.copy()
