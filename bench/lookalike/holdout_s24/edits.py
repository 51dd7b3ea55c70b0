"""Registry of icon edits (usual ones and my own inventions) and chains of edits."""

from __future__ import annotations

import imgutil as U
from edits_basic import EDITS as BASIC
from edits_own import EDITS as OWN

KINDS = {**BASIC, **OWN}
OWN_KINDS = sorted(OWN)
# edits that remake the whole picture; a chain holds at most one of them
HEAVY = {
    "outline",
    "neon",
    "halftone",
    "cross_stitch",
    "stained_glass",
    "pixelate",
    "emboss",
    "swirl",
    "photo_screen",
    "glitch",
    "invert",
    "shatter",
    "paper_fold",
}


def apply(kind: str, img, s: float, r):
    """One edit on an RGB 512 image; returns (image, params). RGBA output only from rounded_mask."""
    out, params = KINDS[kind](U.flatten(img), s, r)
    return out, {"kind": kind, "strength": round(s, 3), **params}


def chain(kinds: list, strengths: list, img, r):
    steps = []
    for k, s in zip(kinds, strengths, strict=True):
        img, p = apply(k, img, s, r)
        steps.append(p)
    return img, steps


def pick_chain(r, n: int) -> list:
    pool = sorted(KINDS)
    out = []
    while len(out) < n:
        k = r.choice(pool)
        if k in out or (k in HEAVY and any(x in HEAVY for x in out)):
            continue
        if k == "rounded_mask" and len(out) < n - 1:
            continue  # a transparent mask is the last thing a counterfeiter does
        out.append(k)
    return out
