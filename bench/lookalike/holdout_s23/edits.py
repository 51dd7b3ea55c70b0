"""The icon edits a counterfeiter makes: registry, strengths and chains."""

from __future__ import annotations

from designs import Rendered
from drawing import SIZE, to_rgb
from edit_tools import src_from_image
from edits_basic import USUAL
from edits_own import OWN
from ids import np_stream, stream
from PIL import Image

EDITS = {**USUAL, **OWN}
OWN_KINDS = sorted(OWN)
# edits that only make sense last in a chain (they capture the finished icon)
LAST_ONLY = {"screen_photo", "homescreen_crop"}


def apply_one(src: Rendered, kind: str, s: float, seed_name: str) -> Image.Image:
    out = EDITS[kind](src, stream(seed_name), s, np_stream(seed_name))
    if out.size != (SIZE, SIZE):
        out = out.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    return out


def apply_chain(src: Rendered, steps: list[tuple[str, float]], seed_name: str) -> Image.Image:
    """Apply [(kind, strength), ...] in order; each later step sees the previous output."""
    cur = src
    out = src.img
    for i, (kind, s) in enumerate(steps):
        out = apply_one(cur, kind, s, f"{seed_name}-{i}")
        if i + 1 < len(steps):
            cur = src_from_image(to_rgb(out, cur.bg))
    return out


def pick_chain(rng, n: int) -> list[tuple[str, float]]:
    kinds = sorted(EDITS)
    steps: list[tuple[str, float]] = []
    while len(steps) < n:
        kind = rng.choice(kinds)
        if any(kind == k for k, _ in steps):
            continue
        if kind in LAST_ONLY and len(steps) < n - 1:
            continue
        steps.append((kind, round(rng.uniform(0.1, 0.95), 2)))
    return steps
