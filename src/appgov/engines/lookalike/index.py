"""The look-alike index: built once from the protected apps, then screens listings in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import numpy as np

from .candidates import CandidateIndex
from .compiled import CompiledApp, IconFileError, compile_app, lexicon
from .config import load_config
from .explain import explain
from .icons import HASH_KINDS, IconIndex, fingerprint, hash_to_int
from .listing_view import ListingView
from .models import Alert, Listing, ProtectedApp, Reason
from .scoring import developer_is_official, score_pair

IconError = IconFileError


class LookalikeIndex:
    """Protected apps compiled into candidate indexes.

    ``screen_batch(listings)`` returns the alerts of a batch; ``screen(listings)`` streams any
    iterable through it. The object holds no per-listing state, so one index serves any number of
    incremental sweeps (and forked worker processes).
    """

    def __init__(
        self,
        protected: Iterable[ProtectedApp],
        config: dict | None = None,
        *,
        icons_root: str | Path | None = None,
    ):
        self.config = config if config is not None else load_config()
        self.icons_root = icons_root
        self.lexicon = lexicon()
        cand = self.config["candidates"]
        self.apps: list[CompiledApp] = [
            compile_app(
                i,
                app,
                icons_root=icons_root,
                min_token=cand["min_latin_token"],
                icon_variants=bool(self.config["icons"]["variants"]),
                hue_variants=bool(self.config["icons"]["hue_variants"]),
            )
            for i, app in enumerate(protected)
        ]
        self.candidates = CandidateIndex(
            self.apps,
            max_key_df=cand["max_key_df"],
            max_token_df=cand["max_token_df"],
            min_token=cand["min_latin_token"],
        )
        self.official_packages: dict[str, list[CompiledApp]] = {}
        for app in self.apps:
            for package in app.packages:
                self.official_packages.setdefault(package, []).append(app)
        self.official_certs = frozenset(c for app in self.apps for c in app.certs)
        icons = self.config["icons"]
        # One multi-index table per hash kind; a listing's hash is compared with the same kind only.
        self.icon_indexes: dict[str, IconIndex] = {}
        for kind in HASH_KINDS:
            hashes, labels = [], []
            for app in self.apps:
                for h in app.icon_hashes.get(kind, ()):
                    hashes.append(h)
                    labels.append(app.index)
            radius = icons["max_distance"] if kind == "phash" else icons["extra_max_distance"]
            if hashes:
                self.icon_indexes[kind] = IconIndex(hashes, labels, radius, icons["index_chunks"])

    # -- public API -------------------------------------------------------------------------------

    def screen(self, listings: Iterable[Listing], batch_size: int = 4096) -> Iterator[Alert]:
        it = iter(listings)
        while batch := list(islice(it, batch_size)):
            yield from self.screen_batch(batch)

    def screen_batch(self, listings: list[Listing]) -> list[Alert]:
        icon_hits = self._icon_hits(listings)
        alerts = []
        for pos, listing in enumerate(listings):
            alert = self.screen_one(listing, icon_hits.get(pos, {}))
            if alert is not None:
                alerts.append(alert)
        return alerts

    def screen_one(
        self, listing: Listing, icon_hits: dict[int, dict[str, int]] | None = None
    ) -> Alert | None:
        """The strongest alert for one listing, or None. ``icon_hits``: app index → {hash kind: distance}
        (``screen_batch`` finds them for a whole batch; when None, this listing's icon is looked up)."""
        cfg = self.config
        package = listing.package_id.lower() if listing.package_id else None
        official_apps = self.official_packages.get(package) if package else None
        if official_apps:
            return self._official_package(listing, official_apps)
        if listing.cert_sha256 and listing.cert_sha256 in self.official_certs:
            return None  # signed with an institution's own key: its own (maybe unregistered) app
        if icon_hits is None:
            icon_hits = self._icon_hits([listing]).get(0)
        view = ListingView(listing, self.lexicon)
        found: set[int] = set()
        cand = self.candidates
        cand.name_candidates(view.skel, found)
        if view.latin:
            cand.name_tokens.candidates(view.latin, found)
        if view.package_tokens:
            cand.package_tokens.candidates(view.package_tokens, found)
            cand.structure_candidates(view.package_tokens, found)
        if icon_hits:
            found.update(icon_hits)
        scored = []
        for index in found:
            app = self.apps[index]
            icon = icon_hits.get(index) if icon_hits else None
            pair = score_pair(view, app, icon, cfg, self.lexicon)
            if pair is not None and pair.score >= cfg["thresholds"]["alert"]:
                scored.append((pair.score, pair.specificity, -index, pair, app))
        if not scored:
            return None
        scored.sort(reverse=True)
        top_score, top_spec, _, best, best_app = scored[0]
        ties = [
            app.app.app_id
            for score, spec, _, _, app in scored[1:]
            if score >= top_score - 1e-9
            and spec == top_spec
            and app.app.institution != best_app.app.institution
        ]
        kind = "counterfeit" if best.score >= cfg["thresholds"]["counterfeit"] else "suspect"
        return self._alert(listing, best_app, best.score, kind, best.reasons, ties[:5])

    # -- internals --------------------------------------------------------------------------------

    def _official_package(self, listing: Listing, apps: list[CompiledApp]) -> Alert | None:
        """A listing that uses an official package id: official, repackaged, or unverifiable."""
        cert = listing.cert_sha256
        if cert is not None:
            if any(cert in app.certs for app in apps):
                return None  # the official app itself
            app = next((a for a in apps if a.certs), None)
            if app is None:
                return None  # no official certificate on file: nothing to compare with
            reason = Reason(
                "certificate_mismatch",
                cert,
                {"official_package": listing.package_id, "official_certs": sorted(app.certs)},
            )
            return self._alert(listing, app, 1.0, "repackaged", [reason])
        for app in apps:
            match = developer_is_official(listing.developer, app, self.config["developer"]["match_ratio"])
            if match is not False:
                return None  # official developer, or nothing to contradict the official package id
        app = apps[0]
        evidence = self.config["evidence"]["official_package_unverified"]
        if evidence < self.config["thresholds"]["alert"]:
            return None
        reasons = [
            Reason("official_package_unverified", listing.package_id),
            Reason("developer_mismatch", listing.developer),
        ]
        return self._alert(listing, app, evidence, "suspect", reasons)

    def _alert(
        self, listing: Listing, app: CompiledApp, score: float, kind: str, reasons, also_matches=()
    ) -> Alert:
        name = app.app.names[0]
        return Alert(
            listing_id=listing.listing_id,
            app_id=app.app.app_id,
            institution=app.app.institution,
            score=min(1.0, score),
            kind=kind,
            reasons=tuple(reasons),
            explanation_zh=explain(kind, name, app.app.institution, list(reasons)),
            source=listing.source,
            listing_name=listing.name,
            package_id=listing.package_id,
            also_matches=tuple(also_matches),
        )

    def _listing_hashes(self, listing: Listing) -> dict[str, int]:
        """The listing's icon hashes by kind: precomputed ones, and a fingerprint of the ``icon`` file
        when the listing carries none or only a plain pHash (older feeds)."""
        hashes = {kind: hash_to_int(h) for kind, h in (listing.icon_hashes or {}).items()}
        if listing.icon_phash:
            hashes["phash"] = hash_to_int(listing.icon_phash)
        if listing.icon and (listing.icon_hashes is None or "phash" not in hashes):
            path = Path(self.icons_root, listing.icon) if self.icons_root else Path(listing.icon)
            try:
                computed = fingerprint(path)
            except (OSError, ValueError) as exc:
                raise IconError(f"listing {listing.listing_id}: cannot read icon {path}: {exc}") from None
            for kind, h in computed.items():
                hashes.setdefault(kind, hash_to_int(h))
        return hashes

    def _icon_hits(self, listings: list[Listing]) -> dict[int, dict[int, dict[str, int]]]:
        """Batch position → app index → {hash kind: Hamming distance} of every icon match."""
        if not self.icon_indexes:
            return {}
        per_kind: dict[str, tuple[list[int], list[int]]] = {}
        for pos, listing in enumerate(listings):
            if not (listing.icon or listing.icon_phash or listing.icon_hashes):
                continue
            for kind, h in self._listing_hashes(listing).items():
                if kind in self.icon_indexes:
                    positions, hashes = per_kind.setdefault(kind, ([], []))
                    positions.append(pos)
                    hashes.append(h)
        hits: dict[int, dict[int, dict[str, int]]] = {}
        for kind, (positions, hashes) in per_kind.items():
            qpos, labels, dist = self.icon_indexes[kind].query(np.array(hashes, dtype=np.uint64))
            for q, label, d in zip(qpos.tolist(), labels.tolist(), dist.tolist(), strict=True):
                per = hits.setdefault(positions[q], {}).setdefault(label, {})
                if kind not in per or d < per[kind]:
                    per[kind] = d
        return hits


def screen(
    protected: list[ProtectedApp],
    listings: Iterable[Listing],
    config: dict | None = None,
    *,
    icons_root: str | Path | None = None,
) -> Iterator[Alert]:
    """Convenience: build an index and screen ``listings`` against it."""
    return LookalikeIndex(protected, config, icons_root=icons_root).screen(listings)
