"""Negatives: ordinary apps, finance-sounding unrelated apps, ordinary words with brand characters, hard icons."""

from __future__ import annotations

import random

from common import (
    Ctx,
    Item,
    foreign_cert,
    foreign_package,
    label,
    other_developer,
    random_format,
    random_size,
    sub_rng,
)
from pictos import EVERYDAY, HARD, HARD_COUNTS, HARD_SHARES, draw_picto
from texts import EVERYDAY_NAMES, FINANCE_CHAR_WORDS, FINANCE_GENERIC, HARD_NAMES

PLATFORMS = ["a"] * 11 + ["i"] * 5 + ["h"] * 2 + ["w"] * 2 + ["l"] + ["g"]
FIN_KINDS = [
    "calculator",
    "notes",
    "calendar",
    "book",
    "bell",
    "magnifier",
    "mappin",
    "clock",
    "chat",
    "gift",
]
COUNTS = {
    "negative_everyday": 90,
    "negative_finance_generic": 35,
    "negative_finance_chars": 35,
    "negative_hard_icon": 40,
}


def _one(ctx: Ctx, rng: random.Random, case: str, name: str, kind: str | None) -> Item:
    plat = rng.choice(PLATFORMS)
    params: dict = {"platform": plat}
    icon = None
    if kind is not None:
        img, pp = draw_picto(kind, rng)
        fmt, q = random_format(rng)
        icon, info = ctx.save_icon(img, fmt, random_size(rng), q)
        params.update(picto=pp, **info)
        if kind in HARD:
            params["shares"] = HARD_SHARES[kind]
    row = ctx.listing(
        rng, plat, name, foreign_package(plat, rng), other_developer(rng, ctx), foreign_cert(plat, rng), icon
    )
    return Item(row, label(case, "none", None, [], params))


def build(ctx: Ctx) -> list[Item]:
    rng = sub_rng("negative")
    items = []
    kinds = list(EVERYDAY)
    seq = [kinds[i % len(kinds)] for i in range(COUNTS["negative_everyday"])]
    rng.shuffle(seq)
    for k in seq:
        name = rng.choice(EVERYDAY_NAMES[k])
        items.append(_one(ctx, rng, "negative_everyday", name, None if rng.random() < 0.06 else k))
    fin = list(FINANCE_GENERIC)
    rng.shuffle(fin)
    for i in range(COUNTS["negative_finance_generic"]):
        items.append(_one(ctx, rng, "negative_finance_generic", fin[i % len(fin)], rng.choice(FIN_KINDS)))
    words = list(FINANCE_CHAR_WORDS)
    rng.shuffle(words)
    for i in range(COUNTS["negative_finance_chars"]):
        items.append(_one(ctx, rng, "negative_finance_chars", words[i % len(words)], rng.choice(kinds)))
    seq = [k for k, n in HARD_COUNTS.items() for _ in range(n)]
    assert len(seq) == COUNTS["negative_hard_icon"]
    rng.shuffle(seq)
    for k in seq:
        items.append(_one(ctx, rng, "negative_hard_icon", rng.choice(HARD_NAMES[k]), k))
    return items
