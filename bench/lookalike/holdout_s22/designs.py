"""Icon designs for negatives: motifs no protected logo uses (or a different character), and look-alike styles."""

from __future__ import annotations

import random

from logos import NEG_KINDS, random_params, random_spec

# Protected logos use every other kind; a seal, a big character or a monogram with another character is another design.
OWN_TEXT_KINDS = ("seal", "glyph", "monogram")
NEGATIVE_KINDS = sorted(NEG_KINDS) + list(OWN_TEXT_KINDS)
FINANCE_MOTIFS = ["wallet", "piggy", "umbrella", "card", "calculator", "key", "seal", "glyph", "monogram"]


def clashes(spec: dict, protected_specs: list[dict]) -> bool:
    """True when a design could pass for a protected logo (same emblem kind, or the same character)."""
    kind = spec["kind"]
    for p in protected_specs:
        if p["kind"] != kind:
            continue
        if kind not in OWN_TEXT_KINDS:
            return True
        if kind in ("seal", "glyph") and spec["params"].get("glyph") == p["params"].get("glyph"):
            return True
        if kind == "monogram" and spec["params"].get("letters") == p["params"].get("letters"):
            return True
    return False


def safe_random_spec(rng: random.Random, protected_specs: list[dict], kinds: list[str] | None = None,
                     **kw) -> dict:
    for _ in range(200):
        spec = random_spec(rng, kind=rng.choice(kinds or NEGATIVE_KINDS), **kw)
        if not clashes(spec, protected_specs):
            return spec
    raise RuntimeError("no safe design found")


def similar_style_spec(rng: random.Random, target: dict, protected_specs: list[dict]) -> dict:
    """Same layout and colours as a protected logo, a different (finance) emblem."""
    for _ in range(200):
        kind = rng.choice(FINANCE_MOTIFS)
        spec = {k: v for k, v in target.items() if k not in ("kind", "params", "word")}
        spec["kind"] = kind
        spec["params"] = random_params(kind, rng)
        if spec["layout"] == "word":
            spec["word"] = rng.choice(["钱包", "生活", "缴费", "理财", "助手", "优惠"])
        if not clashes(spec, protected_specs):
            return spec
    raise RuntimeError("no similar-style design found")


def bankish_spec(rng: random.Random, protected_specs: list[dict]) -> dict:
    """Generic finance motifs in bank-like colours."""
    bank_cols = ["#C62828", "#B71C1C", "#1565C0", "#0D47A1", "#2E7D32", "#00695C", "#EF6C00", "#283593"]
    return safe_random_spec(rng, protected_specs, kinds=FINANCE_MOTIFS, bg=rng.choice(bank_cols))
