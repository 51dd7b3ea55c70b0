"""Shared build context: the ledger, official icons, and helpers that keep generated names brand-free."""

from __future__ import annotations

from catalog import all_keywords, build_protected
from generic_shapes import EVERYDAY_GENERIC, FINANCE_GENERIC
from imgutil import rand_colour
from names import company, neutral_name, package
from render import render
from seeds import pick


def brand_hit(text: str, keywords: list[str]) -> str | None:
    low = text.lower()
    for k in keywords:
        if k.lower() in low:
            return k
    return None


class Ctx:
    def __init__(self) -> None:
        self.protected, self.specs, self.meta = build_protected()
        self.app_ids = [r["app_id"] for r in self.protected]
        self.by_inst: dict[str, list[str]] = {}
        for r in self.protected:
            self.by_inst.setdefault(r["institution"], []).append(r["app_id"])
        self.row = {r["app_id"]: r for r in self.protected}
        self.keywords = all_keywords()
        self.ledger_packages = {p for r in self.protected for p in r["package_ids"]}
        self.official_certs = {c.replace(":", "").upper() for r in self.protected for c in r["cert_sha256"]}
        self.official_devs = {d for r in self.protected for d in r["developers"]}
        self._icons: dict[str, object] = {}
        self.used_names: set[str] = set()

    def icon(self, app_id: str):
        if app_id not in self._icons:
            self._icons[app_id] = render(self.specs[app_id])
        return self._icons[app_id]

    def accept(self, app_id: str) -> list[str]:
        inst = self.row[app_id]["institution"]
        return [app_id] + [a for a in self.by_inst[inst] if a != app_id]

    def institution(self, app_id: str) -> str:
        return self.row[app_id]["institution"]

    def neutral(self, rng) -> str:
        for _ in range(200):
            n = neutral_name(rng)
            if n not in self.used_names and not brand_hit(n, self.keywords):
                self.used_names.add(n)
                return n
        raise RuntimeError("neutral names exhausted")

    def company(self, rng) -> str:
        for _ in range(100):
            c = company(rng)
            if not brand_hit(c, self.keywords) and c not in self.official_devs:
                return c
        raise RuntimeError("company names exhausted")

    def package(self, rng) -> str:
        for _ in range(100):
            p = package(rng)
            if p not in self.ledger_packages:
                return p
        raise RuntimeError("packages exhausted")

    def generic_icon(self, rng, finance: bool = True, colour=None) -> dict:
        fam = pick(rng, FINANCE_GENERIC if finance else EVERYDAY_GENERIC)
        fg = colour or rand_colour(rng, 20, 230)
        if rng.random() < 0.5:
            return {"family": fam, "fg": fg, "accent": rand_colour(rng, 40, 255), "bg": (255, 255, 255)}
        bg2 = tuple(max(0, v - 50) for v in fg)
        return {"family": fam, "fg": (255, 255, 255), "accent": rand_colour(rng, 120, 255), "bg": fg, "bg2": bg2}
