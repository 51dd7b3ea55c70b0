"""Registry of icon edits (ordinary + own inventions) and the chain builder."""

from __future__ import annotations

from edits_art import ART
from edits_basic import BASIC
from seeds import pick, shuffled

EDITS = {f.__name__: f for f in BASIC + ART}
OWN = {f.__name__ for f in ART}
# own inventions that were not in the brief's list of examples
OWN_BEYOND_BRIEF = {"stained_glass", "lego_bricks", "led_matrix", "jigsaw", "thermal", "engraving",
                    "screen_moire", "sticker_peel"}
# edits too destructive to be stacked with another destructive one in a chain
CHAIN_MILD = [n for n in EDITS if n not in OWN and n not in {"invert", "grayscale", "lowres"}]


def apply(img, names: list[str], rng):
    steps = []
    for n in names:
        img, p = EDITS[n](img, rng)
        steps.append({"edit": n, **p})
    return img, steps


def chain_names(rng) -> list[str]:
    """2-4 edits: at most one own/destructive edit, the rest ordinary, no repeats."""
    k = pick(rng, [2, 2, 2, 3, 3, 3, 4])
    heavy = rng.random() < 0.6
    names = shuffled(rng, CHAIN_MILD)[: k - (1 if heavy else 0)]
    if heavy:
        h = pick(rng, sorted(OWN) + ["invert", "grayscale", "lowres"])
        names.insert(int(rng.integers(0, len(names) + 1)), h)
    return names
