"""One planned listing: its fields, its label and a recipe for its icon (drawn after shuffling)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sources


@dataclass
class Spec:
    key: str  # stable name of the case instance; seeds its icon stream
    source: str
    name: str
    expected: str
    case: str
    target: str | None
    accept: list
    params: dict
    package_id: str | None = None
    developer: str | None = None
    cert: str | None = None
    icon: Callable | None = None  # Random -> (PIL image, params)
    min_size: int = 48
    listing_id: str = ""
    icon_path: str | None = None
    extra: dict = field(default_factory=dict)

    def listing(self) -> dict:
        first, changed = sources.dates(self.key)
        rec = {
            "listing_id": self.listing_id,
            "source": self.source,
            "name": self.name,
            "package_id": self.package_id,
            "developer": self.developer,
            "cert_sha256": self.cert,
            "icon": self.icon_path,
            "url": sources.url_for(self.source, self.package_id, self.key),
            "first_seen": first,
        }
        if changed:
            rec["changed_at"] = changed
        return rec

    def label(self) -> dict:
        return {
            "listing_id": self.listing_id,
            "expected": self.expected,
            "case": self.case,
            "target_institution": self.target,
            "accept_app_ids": list(self.accept),
            "params": self.params,
        }
