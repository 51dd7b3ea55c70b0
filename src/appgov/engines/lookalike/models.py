"""Plain data shapes of the look-alike engine: what goes in (protected apps, listings) and what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ProtectedApp:
    """One official app of an institution, with everything that identifies it."""

    app_id: str
    institution: str
    names: tuple[str, ...]
    brand_keywords: tuple[str, ...] = ()
    package_ids: tuple[str, ...] = ()
    developers: tuple[str, ...] = ()
    cert_sha256: tuple[str, ...] = ()
    icon: str | None = None
    icon_phash: str | None = None
    icon_hashes: dict[str, str] | None = None  # further hashes by kind (icons.EXTRA_KINDS), 16 hex each


@dataclass(frozen=True, slots=True)
class Listing:
    """One observed listing on an app store, mini-program platform, website, ..."""

    listing_id: str
    source: str
    name: str
    package_id: str | None = None
    developer: str | None = None
    cert_sha256: str | None = None
    icon: str | None = None
    icon_phash: str | None = None
    url: str | None = None
    first_seen: str | None = None
    changed_at: str | None = None
    icon_hashes: dict[str, str] | None = None  # further hashes by kind (icons.EXTRA_KINDS), 16 hex each


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal that fired: a machine-readable name, its value and a few details."""

    signal: str
    value: Any
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"signal": self.signal, "value": self.value}
        if self.detail:
            out.update(self.detail)
        return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """A protected app that an alert could be about, with its own score and brand-text evidence."""

    app_id: str
    institution: str
    score: float
    brand_evidence: float  # name, brand keyword, package token, developer claim (not the icon)

    def to_dict(self) -> dict[str, Any]:
        return {
            "app_id": self.app_id,
            "institution": self.institution,
            "score": round(self.score, 4),
            "brand_evidence": round(self.brand_evidence, 4),
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """A listing that looks like an imitation or a repackaging of a protected app."""

    listing_id: str
    app_id: str
    institution: str
    score: float
    kind: str  # "repackaged" | "counterfeit" | "suspect" | "unregistered" (see KINDS)
    reasons: tuple[Reason, ...]
    explanation_zh: str
    source: str = ""
    listing_name: str = ""
    package_id: str | None = None
    also_matches: tuple[str, ...] = ()  # other institutions' apps matched exactly as well
    # The plausible protected apps, best first (the first is ``app_id``); more than one when another
    # app's brand evidence comes within ``attribution.candidate_margin`` of the named one's.
    candidates: tuple[Candidate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "listing_id": self.listing_id,
            "app_id": self.app_id,
            "institution": self.institution,
            "score": round(self.score, 4),
            "kind": self.kind,
            "reasons": [r.to_dict() for r in self.reasons],
            "explanation_zh": self.explanation_zh,
            "source": self.source,
            "listing_name": self.listing_name,
            "package_id": self.package_id,
            "also_matches": list(self.also_matches),
            "candidates": [c.to_dict() for c in self.candidates],
        }


# Alert kinds. The first three are imitations of a protected app; "unregistered" is not: the listing is
# signed with an institution's own certificate but its package id is not registered for it (a
# ledger-completeness finding, not a counterfeit).
KINDS = ("repackaged", "counterfeit", "suspect", "unregistered")
IMITATION_KINDS = ("repackaged", "counterfeit", "suspect")
