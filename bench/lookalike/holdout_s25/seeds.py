"""Deterministic random streams: every stream is seeded from sha256("holdout_s25/2525/<name>")."""

from __future__ import annotations

import hashlib

import numpy as np

SET_NAME = "holdout_s25"
SEED = 2525


def _digest(name: str) -> bytes:
    return hashlib.sha256(f"{SET_NAME}/{SEED}/{name}".encode()).digest()


def stream(name: str) -> np.random.Generator:
    """A numpy Generator for the named stream (independent of call order elsewhere)."""
    return np.random.default_rng(int.from_bytes(_digest(name)[:16], "big"))


def hex_of(name: str, n_hex: int = 64) -> str:
    """Deterministic hex string (up to 64 digits) for a name, e.g. a certificate fingerprint."""
    return _digest(name).hex()[:n_hex]


def pick(rng: np.random.Generator, seq):
    """One element of a sequence (list/tuple), chosen by rng."""
    return seq[int(rng.integers(len(seq)))]


def shuffled(rng: np.random.Generator, seq) -> list:
    """A shuffled copy of a sequence."""
    order = rng.permutation(len(seq))
    return [seq[int(i)] for i in order]


def uniform(rng: np.random.Generator, lo: float, hi: float, nd: int = 3) -> float:
    """A uniform float rounded to nd decimals (so params print cleanly and replay exactly)."""
    return round(float(rng.uniform(lo, hi)), nd)
