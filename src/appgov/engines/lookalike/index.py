"""The look-alike index: built once from the protected apps, then screens listings in batches."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import numpy as np

from .candidates import CandidateIndex
from .compiled import CompiledApp, IconFileError, compile_app, developer_core, developer_keys, lexicon
from .config import load_config
from .edge_layout import LAYOUT_CODE, LAYOUT_KIND, EdgeLayouts
from .explain import explain
from .forked import forked_map
from .icon_cache import official_hashes_many
from .icons import (
    BOX_KINDS,
    INDEX_KINDS,
    MIRROR_AS,
    MIRROR_KINDS,
    RECORDED_AS,
    SEARCH_KIND,
    SHORTLIST_KINDS,
    SHORTLIST_ONLY,
    TILE_KIND,
    TILE_RANK_KINDS,
    TWIN,
    WIDE_KINDS,
    IconIndex,
    fingerprint,
    hash_to_int,
)
from .keypoints import (
    HIDEABLE,
    SHAPE,
    Features,
    Verdict,
    VerdictCache,
    icon_digest,
    official_features,
    official_features_many,
    verify,
    verify_shape,
    verify_twins,
)
from .listing_view import ListingView, platform_verifies_publisher, platform_vouches
from .memo import BoundedMemo
from .models import Alert, Candidate, Listing, ProtectedApp, Reason
from .normalize import skeleton
from .redrawn import REDRAWN_CODE, Contours, RedrawnIcons, contours_file
from .scoring import (
    ICON_SIGNAL_NAMES,
    PHASH_FAR,
    NameSignalCache,
    PairScore,
    developer_is_official,
    has_finance_context,
    institution_name,
    ornamental_latin,
    score_pair,
    silhouettes_confirm,
    twins_confirm,
)
from .search import KeypointSearch, search_key
from .verdict_store import VerdictStore, version_key

IconError = IconFileError
SEARCH_VIEWS = ("mirror", "box", "tile")  # a listing icon's shapes searched besides itself (search_views)
PART_VIEWS = ("part1", "part2")  # ... and its two parts (search_parts: an emblem beside a word, parts.py)


def _official_contours(path: Path) -> Contours | None:
    try:
        return contours_file(path)
    except (OSError, ValueError):
        return None  # unreadable: the keypoints' features report it with the app's id


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
        cache_dir: str | Path | None = None,
        workers: int = 1,
    ):
        """``cache_dir``: where official icons' hashes (icon_cache.py) and keypoint verdicts
        (verdict_store.py) are kept between runs (None: not kept); ``workers``: processes that hash the
        official icons that are not in it."""
        self.config = config if config is not None else load_config()
        self.icons_root = icons_root
        self.lexicon = lexicon()
        cand = self.config["candidates"]
        icon_cfg = self.config["icons"]
        variants = bool(icon_cfg["variants"])
        flags = (
            variants,
            variants and bool(icon_cfg["hue_variants"]),
            variants and bool(icon_cfg["avatar_variants"]),
            variants and bool(icon_cfg["geometry_variants"]),
        )
        protected = list(protected)
        precomputed = official_hashes_many(
            [
                self._path(app.icon)
                for app in protected
                if app.icon
                and (
                    variants or app.icon_hashes is None or not (app.icon_phash or "phash" in app.icon_hashes)
                )
            ],
            flags,
            cache_dir=cache_dir,
            workers=workers,
        )
        self.apps: list[CompiledApp] = [
            compile_app(
                i,
                app,
                icons_root=icons_root,
                min_token=cand["min_latin_token"],
                icon_variants=flags[0],
                hue_variants=bool(icon_cfg["hue_variants"]),
                avatar_variants=bool(icon_cfg["avatar_variants"]),
                geometry_variants=bool(icon_cfg["geometry_variants"]),
                precomputed=precomputed,
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
        # Certificate → the apps it signs; institution → every package id registered for it (any of
        # its apps): a listing signed with an institution's key is its own build, registered or not.
        self.cert_apps: dict[str, list[CompiledApp]] = {}
        self.institution_packages: dict[str, set[str]] = {}
        self.institution_names: dict[str, set[str]] = {}
        self.developer_apps: dict[str, list[int]] = {}
        for app in self.apps:
            for cert in app.certs:
                self.cert_apps.setdefault(cert, []).append(app)
            inst = app.app.institution
            self.institution_packages.setdefault(inst, set()).update(app.packages)
            self.institution_names.setdefault(inst, set()).update(
                r.skel for r in app.refs if r.kind == "name"
            )
            for key in app.developer_keys:
                self.developer_apps.setdefault(key, []).append(app.index)
        self.developer_key_lengths = sorted({len(k) for k in self.developer_apps if len(k) >= 4})
        # Official icons' keypoints: computed here once per protected icon (before any worker is forked,
        # so the workers share them), never per listing.
        kp = self.config["keypoints"]
        self._official_features: dict[int, Features | None] = {}
        self._official_digests: dict[int, str] = {}
        if kp["enabled"]:
            paths = [self._path(app.app.icon) for app in self.apps if app.app.icon]
            computed = official_features_many(paths, workers)
            for app in self.apps:
                found = computed.get(self._path(app.app.icon)) if app.app.icon else None
                if found is not None:
                    self._official_features[app.index], self._official_digests[app.index] = found
                else:
                    self._official_icon_features(app)  # (none, or unreadable: reported with the app's id)
        self._aligned = bool(kp["aligned_matching"])
        self._search = None
        if kp["enabled"] and kp["search_apps"]:
            self._search = KeypointSearch(
                {i: f for i, f in self._official_features.items() if f is not None},
                int(kp["search_max_apps"]),
                weighted=bool(kp["search_weighted"]),
            )
        # the silhouettes' own table (silhouette.py): a copy whose light/dark pattern changed
        self._shape_search = None
        if self._search is not None and kp["shape_min_inliers"]:
            self._shape_search = KeypointSearch(
                {i: f for i, f in self._official_features.items() if f is not None},
                int(kp["search_max_apps"]),
                weighted=bool(kp["search_weighted"]),
                channels=(SHAPE,),
            )
        # the app whose official icon's edges lie where a listing icon's do (edge_layout.py), by the
        # listing icon's digest, kept between sweeps under the search's key and the layout's settings
        self._layouts = None
        if kp["enabled"] and kp["edge_layout_max_distance"]:
            self._layouts = EdgeLayouts(
                {i: f for i, f in self._official_features.items() if f is not None},
                int(kp["edge_layout_max_distance"]),
            )
        self._near: BoundedMemo[str, list[tuple[int, int]]] = BoundedMemo(max(int(kp["verdict_cache"]), 1))
        # the official icon a listing icon that nothing else alerted is a redrawn copy of (redrawn.py),
        # by the listing icon's digest: () when none
        self._redrawn = self._redrawn_icons(workers)
        self._redrawn_found: BoundedMemo[str, tuple] = BoundedMemo(max(int(kp["verdict_cache"]), 1))
        # a listing icon's search ranking, by its content digest (kept between sweeps under this key)
        self._ranked: BoundedMemo[str, list[tuple[int, int]]] = BoundedMemo(max(int(kp["verdict_cache"]), 1))
        self._search_key = search_key(self._official_digests, kp)
        self._layout_key = f"{self._search_key}-layout-{LAYOUT_CODE}-{kp['edge_layout_max_distance']}"
        icons = self.config["icons"]
        self._redrawn_key = (
            f"{self._search_key}-redrawn-{REDRAWN_CODE}-{icons['redrawn_min_coverage']}"
            f"-{icons['redrawn_shortlist']}-{icons['redrawn_min_structure']}"
            if self._redrawn is not None and self._official_digests
            else None
        )
        self._search_passes: BoundedMemo[tuple[str, int], bool] = BoundedMemo(
            max(int(kp["verdict_cache"]), 1)
        )
        # Verdicts per (listing icon content, app): a feed's copies of one icon are verified once.
        box = bool(self.config["icons"]["content_box"])
        tile = bool(self.config["icons"]["upright_tile"])
        self._mirror = bool(self.config["icons"]["mirror"])
        self._search_views = bool(self.config["keypoints"]["search_views"])
        self._search_parts = bool(self.config["keypoints"]["search_parts"]) and self._search is not None
        views = tuple(
            v
            for v, on in (
                ("box", box),
                ("band", kp["without_band"]),
                ("tile", tile),
                ("mirror", self._mirror),
                ("part1", self._search_parts),
                ("part2", self._search_parts),
            )
            if on
        )
        self._verdicts = VerdictCache(int(kp["verdict_cache"]), views)
        # Name signals per (listing name, app): one app is listed under one name in many stores.
        size = int(self.config["candidates"]["name_signal_cache"])
        self._name_signals = NameSignalCache(size) if size else None
        self._name_found: BoundedMemo[str, frozenset[int]] | None = BoundedMemo(size) if size else None
        self._developer_found: BoundedMemo[str, frozenset[int]] | None = BoundedMemo(size) if size else None
        # ... and between sweeps, when there is a cache directory (a feed's icons come back every sweep)
        self._verdict_store = VerdictStore(cache_dir) if cache_dir and kp["verdict_store"] else None
        self._verdict_version = "-".join((version_key(kp), *views, f"stretch{kp['stretch_max_ratio']}"))
        self._phash_table: tuple[np.ndarray, np.ndarray] | None = None
        self._last_icon: tuple[Listing, str, str] | None = None
        self._last_hashes: tuple[Listing, dict[str, int]] | None = None
        icons = self.config["icons"]
        # One multi-index table per hash kind; a listing's hash is compared with the same kind only.
        self.icon_indexes: dict[str, IconIndex] = {}
        for kind in (*INDEX_KINDS, *WIDE_KINDS):
            if (
                (kind in BOX_KINDS and not box)
                or (kind == "masked_middle" and not icons["masked_middle"])
                or (kind == TILE_KIND and not tile)
                or (kind in MIRROR_KINDS and not self._mirror)
                or kind in TILE_RANK_KINDS
            ):
                continue
            hashes, labels = [], []
            for app in self.apps:
                for h in app.icon_hashes.get(WIDE_KINDS.get(kind, kind), ()):
                    hashes.append(h)
                    labels.append(app.index)
            radius = icons["max_distance"] if kind == "phash" else icons["extra_max_distance"]
            chunks = icons["index_chunks"]
            if kind in SHORTLIST_KINDS or kind in BOX_KINDS:
                # a geometric variant only shortlists the listing for the keypoints (or, within
                # max_distance, counts by the two-hash rule): searched wider, in more chunks
                radius, chunks = icons["geometry_shortlist_distance"], icons["geometry_index_chunks"]
            if kind == TILE_KIND:
                radius, chunks = icons["tile_shortlist_distance"], icons["geometry_index_chunks"]
            if hashes:
                self.icon_indexes[kind] = IconIndex(hashes, labels, radius, chunks)
        self._app_phashes()  # built before a sweep forks its workers

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
        if self._verdict_store is not None:
            self._verdict_store.flush()
        return alerts

    def screen_one(
        self, listing: Listing, icon_hits: dict[int, dict[str, int]] | None = None
    ) -> Alert | None:
        """The strongest alert for one listing, or None. ``icon_hits``: app index → {hash kind: distance}
        (``screen_batch`` finds them for a whole batch; when None, this listing's icon is looked up).

        Identity first: an official certificate makes the listing the institution's own build (never
        a counterfeit; ``unregistered`` when its package id is not registered for the institution); an
        official package id on another certificate is ``repackaged``; only then are look-alikes scored.
        A listing that imitates nothing, on the App Store, under an official developer name is the
        institution's own publication (``unregistered`` when its bundle id is not registered)."""
        cfg = self.config
        self._last_icon = self._last_hashes = None  # (its file may have changed since it was last screened)
        cert = listing.cert_sha256
        if cert and cert in self.cert_apps:
            return self._own_build(listing, self.cert_apps[cert])
        package = listing.package_id.lower() if listing.package_id else None
        official_apps = self.official_packages.get(package) if package else None
        if official_apps:
            return self._official_package(listing, official_apps)
        alert = self._lookalike(listing, package, icon_hits)
        if alert is None and self._redrawn is not None and listing.icon:
            alert = self._redrawn_alert(listing)
        if alert is None and not cert and listing.developer and cfg["identity"]["verified_publishers"]:
            # nothing the name, package or icon shows, but the App Store names an official publisher
            publishers = self._verified_publishers(listing)
            if publishers:
                claim = Reason("verified_publisher_unregistered", listing.developer, {"source": listing.source})
                return self._own_build(listing, publishers, claim)
        return alert

    def _lookalike(
        self, listing: Listing, package: str | None, icon_hits: dict[int, dict[str, int]] | None
    ) -> Alert | None:
        """The strongest look-alike alert (name, package, developer claim, icon) for a listing that is
        neither signed with an official certificate nor uses an official package id."""
        cfg = self.config
        cert = listing.cert_sha256
        if icon_hits is None:
            icon_hits = self._icon_hits([listing]).get(0)
        view = ListingView(listing, self.lexicon, bool(cfg["identity"]["platform_ids_exact_only"]))
        package_edits = cfg["candidates"]["package_edits"]
        cand = self.candidates
        found = self._name_candidates(view)
        if view.package_tokens:
            cand.package_tokens.candidates(view.package_tokens, found)
            cand.structure_candidates(view.package_tokens, found)
            if package and package_edits:
                cand.package_edit_candidates(package, found)
        if cert and listing.developer:  # a foreign certificate: a developer name is a claim to check
            self._developer_candidates(listing.developer, found)
        # The apps only an icon hit adds (on the scale bench ~4 in 5 of the scored pairs) are searched
        # for name signals only when the name could hold one (scoring.score_pair, ``text``)
        by_text = frozenset(found)
        verifiable = self._worth_verifying(icon_hits) if icon_hits else frozenset()
        if self._search is not None and listing.icon:
            icon_hits, verifiable = self._searched(listing, icon_hits or {}, verifiable)
        if self._layouts is not None and listing.icon:
            icon_hits, verifiable = self._laid_out(listing, icon_hits or {}, verifiable)
        if icon_hits:
            found.update(self._icon_candidates(view, icon_hits, found, verifiable))
        scored = []
        verify_late = bool(cfg["keypoints"]["enabled"] and cfg["keypoints"]["verify_alerting_icons"])
        for index in found:
            app = self.apps[index]
            icon = icon_hits.get(index) if icon_hits else None
            check = (
                (self._verifier(listing, app, icon) if index in verifiable else _unverified) if icon else None
            )
            shape = (
                self._shape_verifier(listing, app) if check is not None and check is not _unverified else None
            )
            text = index in by_text
            pair = score_pair(view, app, icon, cfg, self.lexicon, check, self._name_signals, shape, text)
            if pair is None or pair.score < cfg["thresholds"]["alert"]:
                continue
            if (
                verify_late
                and check is _unverified
                and self._verifiable(listing, app)
                and _rests_on_icon(pair)
            ):
                # The cap on verified apps (keypoints.max_apps_per_listing) left this icon unchecked, and
                # the alert rests on it (a finance word and a hash near a geometric variant: a plain
                # field with a blob matches dozens of official icons' variants): verify it now.
                pair = score_pair(
                    view,
                    app,
                    icon,
                    cfg,
                    self.lexicon,
                    self._verifier(listing, app, icon),
                    self._name_signals,
                    self._shape_verifier(listing, app),
                    text,
                )
                if pair is None or pair.score < cfg["thresholds"]["alert"]:
                    continue
            scored.append((pair, app))
        if scored and scored[0][0].brand == 0 and self._brand_elsewhere(view, listing):
            # An icon names an app only when no brand text points elsewhere: the listing is named like
            # another institution (成都银行) or published by one (华泰证券股份有限公司).
            scored = [item for item in scored if item[0].brand > 0]
        if not scored:
            return None
        # Attribution: the app whose own brand evidence (name, keyword, package, developer claim) is
        # strongest; the score (icons included) breaks ties, then the longer identifier, then the icon
        # that agrees best with the listing's (_icon_closeness), then the order.
        scored.sort(
            key=lambda item: (
                -round(item[0].brand, 6),
                -item[0].score,
                -item[0].specificity,
                *_icon_closeness(item[0]),
                item[1].index,
            )
        )
        best, best_app = scored[0]
        # ... but the icon tells institutions apart, not one institution's apps, which often share it:
        # among its tied apps, the one listed first (its main app, as before session 20)
        best, best_app = min(
            (
                item
                for item in scored
                if item[1].app.institution == best_app.app.institution
                and abs(item[0].brand - best.brand) < 1e-9
                and abs(item[0].score - best.score) < 1e-9
                and item[0].specificity == best.specificity
            ),
            key=lambda item: item[1].index,
        )
        ties = [
            app.app.app_id
            for pair, app in scored[1:]
            if abs(pair.brand - best.brand) < 1e-9
            and abs(pair.score - best.score) < 1e-9
            and pair.specificity == best.specificity
            and app.app.institution != best_app.app.institution
        ]
        attribution = cfg["attribution"]
        candidates = [
            Candidate(app.app.app_id, app.app.institution, pair.score, pair.brand)
            for pair, app in scored[: attribution["max_candidates"] * 4]
            if app is best_app
            or (best.brand > 0 and pair.brand > best.brand - attribution["candidate_margin"])
        ][: attribution["max_candidates"]]
        kind = "counterfeit" if best.score >= cfg["thresholds"]["counterfeit"] else "suspect"
        return self._alert(listing, best_app, best.score, kind, best.reasons, ties[:5], candidates)

    # -- internals --------------------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        return Path(self.icons_root, name) if self.icons_root else Path(name)

    def _official_icon_features(self, app: CompiledApp) -> Features | None:
        if app.index not in self._official_features:
            path = self._path(app.app.icon) if app.app.icon else None
            try:
                self._official_features[app.index] = official_features(path) if path else None
                if path:
                    self._official_digests[app.index] = icon_digest(path.read_bytes())
            except (OSError, ValueError) as exc:
                raise IconError(f"app {app.app.app_id}: cannot read icon {path}: {exc}") from None
        return self._official_features[app.index]

    def _icon_candidates(
        self,
        view: ListingView,
        icon_hits: dict[int, dict[str, int]],
        text_found: set[int],
        verifiable: frozenset[int],
    ) -> list[int]:
        """The apps an icon hit makes worth scoring. An app that no name, package or developer evidence
        retrieved and whose icon the keypoints will not check can alert through the icon alone only
        when an unverified hash match is evidence enough: never for the shortlist-only tables (no
        evidence by themselves), and under a name without finance words only when the unconfirmed icon
        evidence could reach the alert threshold (it cannot with the defaults: 0.45 < 0.5) or the hash
        rule stands in for unverifiable icons. Scoring the others could not change the result; on the
        scale bench they were ~3 in 4 of all scored pairs."""
        cfg = self.config
        kp, ev = cfg["keypoints"], cfg["evidence"]
        unverified_generic_can_alert = (
            not kp["enabled"]
            or not kp["required_for_icon_only"]
            or kp["unverifiable_hash_rule"]
            or max(ev["icon_identical"], ev["icon_similar"]) >= cfg["thresholds"]["alert"]
        )
        finance: bool | None = None
        keep = []
        for index, per in icon_hits.items():
            if index in text_found or index in verifiable:
                keep.append(index)
                continue
            if all(k in SHORTLIST_ONLY or k == PHASH_FAR for k in per):
                continue
            if not unverified_generic_can_alert:
                if finance is None:
                    finance = has_finance_context(view.skel, self.lexicon)
                if not finance:
                    continue
            keep.append(index)
        return keep

    def _worth_verifying(self, icon_hits: dict[int, dict[str, int]]) -> frozenset[int]:
        """The apps whose official icon a listing's icon is compared with by keypoints (when the icon
        would decide): matched by two or more hash kinds, or by one within
        ``keypoints.single_kind_max_distance``; of those the ``keypoints.max_apps_per_listing`` closest
        (more kinds within ``icons.max_distance`` first, then more kinds, then the smaller distance).
        The others count as unverifiable (unconfirmed under a name without brand text). A copy's own app is nearly always the first or second; a
        generic shape is near many icons by one far hash."""
        kp = self.config["keypoints"]
        cut = kp["single_kind_max_distance"]
        close_enough = self.config["icons"]["max_distance"]
        ranked, far = [], []
        for app_index, per in icon_hits.items():
            kinds = [d for k, d in per.items() if k != PHASH_FAR]
            if not kinds:
                continue
            closest = min(kinds)
            # (an upright tile's dHash is searched only within its own narrower cut: not a far one)
            if len(kinds) == 1 and closest > cut and TILE_KIND not in per:
                # of the far ones at one distance, the app whose whole icon is nearer (a shortlist table
                # at 8 bits reaches a dozen apps at once; the order they were registered in decided).
                # Not among the ranked ones: there it put 2 more unrelated icons of seed 11 (20,000
                # fresh ordinary icons, operating_point.py) before the keypoints, both chance agreements.
                far.append((closest, per.get(PHASH_FAR, 64), app_index))
            else:
                # kinds within icons.max_distance first: an exact match of a copy's own two kinds
                # outranks a generic shape that many wide tables reach at 6-8 bits
                close = sum(d <= close_enough for d in kinds)
                ranked.append((-close, -len(kinds), closest, app_index))
        ranked.sort()
        chosen = [item[-1] for item in ranked[: kp["max_apps_per_listing"]]]
        if far and kp["far_single_kind"] and len(chosen) < kp["max_apps_per_listing"]:
            # one far single-kind app too: an off-centre window or a badge over the middle leaves its
            # own app one hash 7-8 bits away (scoring.icon_signal holds it to keypoints.far_min_*)
            chosen.append(min(far)[-1])
        tiles = sorted(
            (per[TILE_KIND], per.get(PHASH_FAR, 0), app) for app, per in icon_hits.items() if TILE_KIND in per
        )
        # the apps whose icon the listing's upright tile is nearest (keypoints.tile_apps), beyond the cap:
        # a tile turned or shrunk on a new background has no other hash near its own app, the wide masked
        # tables of flat emblems outrank its one kind, and round emblems' tiles are within 5-8 bits of
        # one another
        chosen += [app for _d, _far, app in tiles[: kp["tile_apps"]] if app not in chosen]
        return frozenset(chosen)

    def _searched(
        self, listing: Listing, icon_hits: dict[int, dict[str, int]], verifiable: frozenset[int]
    ) -> tuple[dict[int, dict[str, int]], frozenset[int]]:
        """The icon hits and verified apps with the keypoint search's (search.py): the
        ``keypoints.search_apps`` apps whose official icons share most keypoints with the listing's icon,
        verified too (no hash may have come near them: a framed, photographed or turned copy). The
        ranking is kept per icon content, like the verdicts."""
        top = int(self.config["keypoints"]["search_apps"])
        views = (SEARCH_VIEWS if self._search_views else ()) + (PART_VIEWS if self._search_parts else ())

        def search(mine: Features) -> list[tuple[int, int]]:
            found = self._search.rank_shapes([mine, *(shape for _, shape in mine.views)], top)
            if self._shape_search is None:
                return found
            votes = dict(found)
            for app, count in self._shape_search.rank(mine, top):  # (the icon's own silhouette only)
                votes[app] = max(votes.get(app, 0), count)
            return list(votes.items())

        ranked = self._kept(listing, self._ranked, self._search_key, views, search)
        digest = self._icon_file(listing)[1]  # (read by _kept: the last icon's, not read again)
        # Only an app whose keypoints reach the least count that confirms anything is scored: the
        # verdict is kept by icon content, so nearly every ordinary icon's costs a sweep one lookup.
        kp = self.config["keypoints"]
        least = min(kp["min_inliers"], kp["search_min_inliers"])
        min_votes = kp["search_min_votes"]
        added = {}
        for app, votes in ranked:
            if app in verifiable:
                if kp["search_hashed_apps"] and votes >= min_votes:
                    # verified anyway: the search's rule may confirm it too (scoring), in all its shapes
                    added[app] = {**icon_hits.get(app, {}), SEARCH_KIND: votes}
                continue
            if votes < min_votes and app not in icon_hits:
                continue
            hits = {**icon_hits.get(app, {}), SEARCH_KIND: votes}
            # with no hash hit of its own, the pair's outcome depends on the icon's content alone
            key = (digest, app) if app not in icon_hits else None
            passes = self._search_passes.get(key) if key else None
            if passes is None:
                verdict = self._verifier(listing, self.apps[app], hits)()
                passes = verdict is not None and (
                    verdict.inliers >= least or self._shape_may_confirm(listing, self.apps[app])
                )
                if key:
                    self._search_passes.put(key, passes)
            if passes:
                added[app] = hits
        if not added:
            return icon_hits, verifiable
        return {**icon_hits, **added}, verifiable | set(added)

    def _kept(
        self,
        listing: Listing,
        memo: BoundedMemo[str, list[tuple[int, int]]],
        key: str,
        views: tuple[str, ...],
        compute: Callable[[Features], list[tuple[int, int]]],
    ) -> list[tuple[int, int]]:
        """A ranking of the listing icon's (app, number) pairs, kept by icon content: in ``memo``, and
        under ``key`` in the verdict store between sweeps; computed from the icon's features (with these
        other shapes) when neither has it."""
        store = self._verdict_store
        with self._reading(listing):
            path, digest = self._icon_file(listing)
            ranked = memo.get(digest)
            if ranked is None and store is not None:
                ranked = store.get_ranked(digest, key)
            if ranked is None:
                ranked = compute(self._verdicts.listing_features(digest, path, views))
                if store is not None:
                    store.put_ranked(digest, key, ranked)
            memo.put(digest, ranked)
        return ranked

    def _laid_out(
        self, listing: Listing, icon_hits: dict[int, dict[str, int]], verifiable: frozenset[int]
    ) -> tuple[dict[int, dict[str, int]], frozenset[int]]:
        """The icon hits and verified apps with the app whose edges lie where the listing icon's do
        (edge_layout.py: a copy recoloured, inverted, darkened), when it is not verified already and
        its verdict could confirm (enough matches agree, or the icon laid in place agrees enough)."""
        near = self._kept(listing, self._near, self._layout_key, (), self._layouts.nearest)
        kp = self.config["keypoints"]
        least, placed = min(kp["min_inliers"], kp["search_min_inliers"]), kp["in_place_min_edge_agreement"]
        added = {}
        for app, distance in near:
            if app in verifiable:
                continue
            hits = {**icon_hits.get(app, {}), LAYOUT_KIND: distance}
            verdict = self._verifier(listing, self.apps[app], hits)()
            if verdict is not None and (
                verdict.inliers >= least
                or (placed > 0 and (verdict.in_place or 0.0) >= placed)
                or self._shape_may_confirm(listing, self.apps[app])
            ):
                added[app] = hits
        if not added:
            return icon_hits, verifiable
        return {**icon_hits, **added}, verifiable | set(added)

    def _verifiable(self, listing: Listing, app: CompiledApp) -> bool:
        """Both icon files are there: the keypoints can give a verdict (``_verifier`` is not None)."""
        return bool(listing.icon) and self._official_features.get(app.index) is not None

    def _verifier(self, listing: Listing, app: CompiledApp, hits: dict[str, int]):
        """The keypoint verdict of the listing's icon file against the app's official icon file, or
        None when one of them is missing (a hash-only feed, an app given as hashes only). ``hits``: the
        pair's hash matches, which say which other shapes of the icon are worth comparing too."""

        def check() -> Verdict | None:
            theirs = self._official_icon_features(app)
            if theirs is None or not listing.icon:
                return None
            with self._reading(listing):
                views = self._views_for(listing, app, hits)
            # the icon's own hash is near this app's (not a variant's): the copy lies nearly where the
            # official drawing does, and matches may be paired by position (keypoints.verify, aligned)
            aligned = self._aligned and (
                hits.get("phash", 64) <= self.config["icons"]["max_distance"]
                or hits.get("value", 64) <= self.config["icons"]["extra_max_distance"]
            )
            # masked hashes that matched: the in-place comparison may leave their part out
            hidden = (
                tuple(sorted({WIDE_KINDS.get(k, k) for k in hits} & set(HIDEABLE)))
                if self.config["keypoints"]["in_place_hidden"]
                else ()
            )
            kp = self.config["keypoints"]

            def compute(mine: Features) -> Verdict | None:
                need = (
                    kp["blurred_min_inliers"]
                    if mine.blurred and kp["blurred_hash_rule"]
                    else kp["min_inliers"]
                )
                if kp["edge_confirm"]:  # fewer matches may confirm when the edges agree
                    need = min(need, kp["edge_confirm_inliers"])
                return verify(
                    mine,
                    theirs,
                    need=need,
                    aligned=aligned,
                    hidden=hidden,
                    stretch=float(kp["stretch_max_ratio"]),
                )

            return self._kept_verdict(
                listing,
                app,
                key=(views, aligned, hidden),
                version=(*views, *(("aligned",) if aligned else ()), *hidden),
                views=views,
                compute=compute,
            )

        return check

    def _shape_may_confirm(self, listing: Listing, app: CompiledApp) -> bool:
        """The second look's verdict reaches the least count that could confirm (scoring.shape_confirms)."""
        check = self._shape_verifier(listing, app)
        shaped = check() if check is not None else None
        kp = self.config["keypoints"]
        least = [kp[k] for k in ("shape_min_inliers", "shape_exempt_inliers") if kp["shape_min_inliers"]]
        least += [kp["twin_min_inliers"]] if kp["twin_min_inliers"] else []
        return shaped is not None and bool(least) and shaped.inliers >= min(least)

    def _shape_verifier(self, listing: Listing, app: CompiledApp) -> Callable[[], Verdict | None] | None:
        """The second look at an icon the keypoint rules refuse, kept like the keypoint verdicts: the
        silhouettes' verdict (``keypoints.verify_shape``) when it confirms, else the twin-tolerant
        matches' (``keypoints.verify_twins``) when they confirm, else the silhouettes'; None when both
        settings are off."""
        kp = self.config["keypoints"]
        if not kp["shape_min_inliers"] and not kp["twin_min_inliers"]:
            return None

        def check() -> Verdict | None:
            theirs = self._official_icon_features(app)
            if theirs is None or not listing.icon:
                return None
            shaped = None
            if kp["shape_min_inliers"]:
                shaped = self._kept_verdict(
                    listing,
                    app,
                    key=(SHAPE,),
                    version=(SHAPE,),
                    views=(),
                    compute=lambda mine: verify_shape(mine, theirs),
                )
                if silhouettes_confirm(shaped, kp):
                    return shaped
            if kp["twin_min_inliers"]:
                twins = self._kept_verdict(
                    listing,
                    app,
                    key=(TWIN,),
                    version=(TWIN,),
                    views=(),
                    compute=lambda mine: verify_twins(mine, theirs),
                )
                if shaped is None or twins_confirm(twins, kp):
                    return twins
            return shaped

        return check

    def _kept_verdict(
        self,
        listing: Listing,
        app: CompiledApp,
        *,
        key: tuple,
        version: tuple[str, ...],
        views: tuple[str, ...],
        compute: Callable[[Features], Verdict | None],
    ) -> Verdict | None:
        """A verdict of the listing's icon against the app's official icon: the one kept in memory under
        ``key``, else the one stored under ``version`` (a sweep before this one), else ``compute`` of the
        listing icon's features (with these ``views``), then kept in both."""
        with self._reading(listing):
            path, digest = self._icon_file(listing)
            memo_key = (digest, app.index, *key)
            cached = self._verdicts.verdict(memo_key)
            if cached is not None:
                return cached
            store, official = self._verdict_store, self._official_digests[app.index]
            stored_as = "-".join((self._verdict_version, *version))
            if store is not None:
                stored = store.get(digest, official, stored_as)
                if stored is not None:
                    self._verdicts.put(memo_key, stored)
                    return stored
            mine = self._verdicts.listing_features(digest, path, views)
        verdict = compute(mine)
        self._verdicts.put(memo_key, verdict)
        if store is not None:
            store.put(digest, official, stored_as, verdict)
        return verdict

    @contextmanager
    def _reading(self, listing: Listing) -> Iterator[None]:
        """A listing icon that cannot be read or decoded stops the sweep with an error naming it."""
        try:
            yield
        except (OSError, ValueError) as exc:
            raise IconError(
                f"listing {listing.listing_id}: cannot read icon {self._path(listing.icon)}: {exc}"
            ) from None

    def _views_for(self, listing: Listing, app: CompiledApp, hits: dict[str, int]) -> tuple[str, ...]:
        """The other shapes of the listing's icon worth comparing with this app (keypoints.VIEWS): the
        content box when the listing's box hashes lie within icons.max_distance of the app's box table
        (the drawing cut out is the official icon again), the icon without its band when a band's mask
        matched. Most verified pairs need neither (a drawing on a coloured field has a box, but not the
        official icon's): their features are then computed once, not three times."""
        views = []
        radius = self.config["icons"]["max_distance"]
        mine = self._hashes_of(listing)
        for kind in BOX_KINDS:
            theirs = app.icon_hashes.get(kind, ())
            if kind in mine and any((mine[kind] ^ h).bit_count() <= radius for h in theirs):
                views.append("box")
                break
        if any(k.startswith(("masked_bottom", "masked_top")) for k in hits):
            views.append("band")
        if TILE_KIND in hits or SEARCH_KIND in hits:
            views.append("tile")
        if SEARCH_KIND in hits and "box" not in views:
            views.insert(0, "box")  # found by its keypoints: no hash says which shape it was put into
        if SEARCH_KIND in hits and self._search_views and "mirror" not in views:
            views.append("mirror")
        if SEARCH_KIND in hits and self._search_parts:
            views += PART_VIEWS  # (those the icon has: most icons do not split)
        if self._mirror and "mirror" not in views and any(k in hits for k in MIRROR_AS.values()):
            wide = self.config["icons"]["geometry_shortlist_distance"]
            for kind, plain in MIRROR_KINDS.items():
                theirs = app.icon_hashes.get(kind, ())
                if plain in mine and any((mine[plain] ^ h).bit_count() <= wide for h in theirs):
                    views.append("mirror")
                    break
        return tuple(views)

    def _brand_elsewhere(self, view: ListingView, listing: Listing) -> bool:
        if institution_name(view.core, self.lexicon) or institution_name(view.skel, self.lexicon):
            return True
        if listing.developer:
            own = developer_core(skeleton(listing.developer))
            return institution_name(own, self.lexicon) and not any(
                own in app.developer_cores for app in self.apps
            )
        return False

    def _name_candidates(self, view: ListingView) -> set[int]:
        """The apps the listing's name retrieves (a new set: the caller adds to it)."""
        memo, name = self._name_found, view.listing.name
        known = memo.get(name) if memo is not None else None
        if known is not None:
            return set(known)
        found: set[int] = set()
        cand = self.candidates
        cand.name_candidates(view.skel, found)
        if view.collapsed is not view.skel:
            cand.name_candidates(view.collapsed, found)
        if view.latin:
            cand.name_tokens.candidates(view.latin, found)
            if (len(view.latin) > 1 or view.latin[0] != view.skel) and not ornamental_latin(
                view.latin, self.lexicon
            ):  # spaced or mixed with Chinese (not only 记账本Pro: the pinyin of a name is the slow part)
                cand.name_tokens.candidates([view.spelled], found)
            if view.english:  # written in English: China Construction Bank
                cand.name_tokens.candidates(_runs(view.english), found)
        if memo is not None:
            memo.put(name, frozenset(found))
        return found

    def _developer_candidates(self, developer: str, found: set[int]) -> None:
        """Apps whose official developer the listing names: exactly, without the company form, or as
        the start of a longer name (a branch: 中国工商银行股份有限公司北京市分行)."""
        memo = self._developer_found
        known = memo.get(developer) if memo is not None else None
        if known is None:
            known_set: set[int] = set()
            apps = self.developer_apps
            for key in developer_keys(developer):
                known_set.update(apps.get(key, ()))
                for length in self.developer_key_lengths:
                    if length < len(key):
                        known_set.update(apps.get(key[:length], ()))
            known = frozenset(known_set)
            if memo is not None:
                memo.put(developer, known)
        found.update(known)

    def _redrawn_icons(self, workers: int) -> RedrawnIcons | None:
        """The official icons' contours (redrawn.py), None when ``icons.redrawn_min_coverage`` is 0."""
        icons = self.config["icons"]
        if not icons["redrawn_min_coverage"]:
            return None
        paths = list(dict.fromkeys(self._path(app.app.icon) for app in self.apps if app.app.icon))
        found = dict(zip(paths, forked_map(_official_contours, paths, workers), strict=True))
        official = {}
        for app in self.apps:
            drawn = found.get(self._path(app.app.icon)) if app.app.icon else None
            if drawn is not None:
                official[app.index] = drawn
        return RedrawnIcons(
            official,
            int(icons["redrawn_shortlist"]),
            float(icons["redrawn_min_structure"]),
            float(icons["redrawn_min_coverage"]),
        )

    def _redrawn_alert(self, listing: Listing) -> Alert | None:
        """A listing that nothing else alerted, whose icon is an official icon redrawn (redrawn.py): a
        confirmed icon, under a name that names no other institution. Kept by icon content."""
        with self._reading(listing):
            path, digest = self._icon_file(listing)
            found = self._redrawn_found.get(digest)
            if found is None:
                found = self._stored_redrawn(digest, path)
                self._redrawn_found.put(digest, found)
        if not found:
            return None
        app_index, covered, structure = found
        view = ListingView(listing, self.lexicon, bool(self.config["identity"]["platform_ids_exact_only"]))
        if self._brand_elsewhere(view, listing):
            return None
        cfg = self.config
        finance = has_finance_context(view.skel, self.lexicon)
        score = cfg["evidence"]["icon_with_finance_name" if finance else "icon_confirmed"]
        if score < cfg["thresholds"]["alert"]:
            return None
        kind = "counterfeit" if score >= cfg["thresholds"]["counterfeit"] else "suspect"
        reason = Reason("icon_redrawn", covered, {"structure": structure, "confirmed": True, "finance_name": finance})
        return self._alert(listing, self.apps[app_index], score, kind, [reason])

    def _stored_redrawn(self, digest: str, path: str) -> tuple:
        """``RedrawnIcons.best`` of the listing icon, () for none, kept in the verdict store between sweeps
        (as [(app, coverage), (app, structure)] in ten-thousandths) when the official icons' digests
        key it."""
        store, key = self._verdict_store, self._redrawn_key
        stored = store.get_ranked(digest, key) if store is not None and key else None
        if stored is not None:
            return (stored[0][0], stored[0][1] / 10_000, stored[1][1] / 10_000) if len(stored) == 2 else ()
        found = self._redrawn.best(contours_file(path)) or ()
        if store is not None and key:
            app, covered, structure = found or (0, 0.0, 0.0)
            store.put_ranked(digest, key, [(app, round(covered * 10_000)), (app, round(structure * 10_000))] if found else [])
        return found

    def _verified_publishers(self, listing: Listing) -> list[CompiledApp]:
        """The apps whose official developer publishes this listing without a certificate, on a store
        that shows the publisher's verified legal entity (the App Store: ``platform_verifies_publisher``);
        elsewhere a typed developer name proves nothing."""
        if not platform_verifies_publisher(listing.source, self.lexicon):
            return []
        found: set[int] = set()
        self._developer_candidates(listing.developer, found)
        ratio = self.config["developer"]["match_ratio"]
        return [
            self.apps[i] for i in sorted(found) if developer_is_official(listing.developer, self.apps[i], ratio)
        ]

    def _own_build(self, listing: Listing, owners: list[CompiledApp], proof: Reason | None = None) -> Alert | None:
        """A listing signed with an official certificate (or with another ``proof`` of its publisher:
        a verified official publisher): the institution's own build. Registered (its package id is one of
        the institution's, or without a package id its name is one of the institution's official names)
        → nothing to say; otherwise an ``unregistered`` report whose reason is the proof."""
        institutions = {app.app.institution for app in owners}
        package = listing.package_id.lower() if listing.package_id else None
        if package is not None:
            if any(package in self.institution_packages[inst] for inst in institutions):
                return None
        else:
            skel = skeleton(listing.name)
            if any(skel in self.institution_names[inst] for inst in institutions):
                return None
        if not self.config["identity"]["report_unregistered"]:
            return None
        app = owners[0]
        registered = sorted(p for inst in institutions for p in self.institution_packages[inst])
        if proof is None:
            proof = Reason("official_certificate_unregistered", listing.cert_sha256)
        detail = {"package": listing.package_id, "registered_packages": registered}
        reason = Reason(proof.signal, proof.value, {**detail, **proof.detail})
        return self._alert(listing, app, 1.0, "unregistered", [reason])

    # -- internals --------------------------------------------------------------------------------

    def _official_package(self, listing: Listing, apps: list[CompiledApp]) -> Alert | None:
        """A listing that uses an official package id and no official certificate: repackaged, or
        (without a certificate) trusted when its platform keeps the id to one publisher (a mini-program,
        an official account, the App Store) or its developer is an official one or not given."""
        cert = listing.cert_sha256
        if cert is not None:
            app = next((a for a in apps if a.certs), None)
            if app is None:
                return None  # no official certificate on file: nothing to compare with
            reason = Reason(
                "certificate_mismatch",
                cert,
                {"official_package": listing.package_id, "official_certs": sorted(app.certs)},
            )
            return self._alert(listing, app, 1.0, "repackaged", [reason])
        if self.config["identity"]["platform_vouches"] and platform_vouches(
            listing.package_id, listing.source, self.lexicon
        ):
            return None  # the platform keeps this id to the official publisher
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
        self,
        listing: Listing,
        app: CompiledApp,
        score: float,
        kind: str,
        reasons,
        also_matches=(),
        candidates=None,
    ) -> Alert:
        name = app.app.names[0]
        if candidates is None:
            candidates = [Candidate(app.app.app_id, app.app.institution, min(1.0, score), min(1.0, score))]
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
            candidates=tuple(candidates),
        )

    def _icon_file(self, listing: Listing) -> tuple[str, str]:
        """The listing's icon file and its content digest, looked up once per listing (the search and
        every verified app ask; a Path and a stat per ask showed in a warm sweep's profile)."""
        last = self._last_icon
        if last is None or last[0] is not listing:
            # (a string, not a Path: a sweep asks millions of times)
            path = os.path.join(self.icons_root, listing.icon) if self.icons_root else listing.icon
            last = self._last_icon = (listing, path, self._verdicts.digest(path))
        return last[1], last[2]

    def _hashes_of(self, listing: Listing) -> dict[str, int]:
        """``_listing_hashes`` of the listing being screened, computed once for all its apps."""
        last = self._last_hashes
        if last is None or last[0] is not listing:
            last = self._last_hashes = (listing, self._listing_hashes(listing))
        return last[1]

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
                if kind in self.icon_indexes or (kind in TILE_RANK_KINDS and TILE_KIND in self.icon_indexes):
                    positions, hashes = per_kind.setdefault(kind, ([], []))
                    positions.append(pos)
                    hashes.append(h)
        hits: dict[int, dict[int, dict[str, int]]] = {}
        # (position, app) → its hits, found by the tile table
        tiles: dict[tuple[int, int], dict[str, int]] = {}
        # the listing's phash / value are also looked up among the geometric variants' tables
        tables = [(kind, kind) for kind in per_kind]
        tables += [(geo, plain) for geo, plain in SHORTLIST_KINDS.items() if plain in per_kind]
        for kind, plain in tables:
            if kind not in self.icon_indexes:
                continue
            positions, hashes = per_kind[plain]
            qpos, labels, dist = self.icon_indexes[kind].query(np.array(hashes, dtype=np.uint64))
            name = RECORDED_AS.get(kind, kind)  # a content box's or a mirror's match is a geometric variant's
            for q, label, d in zip(qpos.tolist(), labels.tolist(), dist.tolist(), strict=True):
                per = hits.setdefault(positions[q], {}).setdefault(label, {})
                if name not in per or d < per[name]:
                    per[name] = d
                if kind == TILE_KIND:
                    tiles[positions[q], label] = per  # once per pair: an app has several tile values
        self._rank_tiles(tiles, per_kind)
        # Where only the value or a corner-masked hash matched, how far the whole pHash is (a badge
        # moves it a little, an unrelated icon that shares one masked hash by chance is far away).
        if "phash" in per_kind:
            positions, hashes = per_kind["phash"]
            phash_of = dict(zip(positions, hashes, strict=True))
            far = [
                (phash_of[pos], label, per)
                for pos, apps in hits.items()
                if pos in phash_of
                for label, per in apps.items()
                if "phash" not in per
            ]
            if far:
                table, present = self._app_phashes()
                labels = np.array([label for _h, label, _per in far], dtype=np.int64)
                mine = np.array([h for h, _label, _per in far], dtype=np.uint64)
                distance = np.bitwise_count(table[labels] ^ mine[:, None]).astype(np.int64)
                distance[~present[labels]] = 64  # padding, and apps without a pHash: as far as can be
                for (_h, _label, per), nearest in zip(far, distance.min(axis=1).tolist(), strict=True):
                    per[PHASH_FAR] = nearest
        return hits

    def _rank_tiles(self, pairs: dict[tuple[int, int], dict[str, int]], per_kind: dict) -> None:
        """A tile match's distance becomes the sum over the tile hashes (icons.TILE_RANK_KINDS too, each
        to the nearest of the app's values): the one dHash that found it ranks round emblems poorly.
        Only the (listing, app) pairs the tile table found are visited (a sweep has dozens of other hits
        per listing)."""
        for kind in TILE_RANK_KINDS:
            if kind not in per_kind or not pairs:
                continue
            mine = dict(zip(*per_kind[kind], strict=True))
            for (pos, label), per in pairs.items():
                theirs = self.apps[label].icon_hashes.get(kind, ())
                if pos in mine and theirs:
                    per[TILE_KIND] += min((mine[pos] ^ h).bit_count() for h in theirs)

    def _app_phashes(self) -> tuple[np.ndarray, np.ndarray]:
        """Every app's indexed pHashes as one padded table (app index → row) and where they are real."""
        if self._phash_table is None:
            width = max((len(app.icon_hashes.get("phash", ())) for app in self.apps), default=0) or 1
            table = np.zeros((len(self.apps), width), dtype=np.uint64)
            present = np.zeros((len(self.apps), width), dtype=bool)
            for app in self.apps:
                values = app.icon_hashes.get("phash", ())
                table[app.index, : len(values)] = values
                present[app.index, : len(values)] = True
            self._phash_table = (table, present)
        return self._phash_table


def _runs(pieces: tuple[str, ...], most: int = 40) -> list[str]:
    """Runs of consecutive pieces up to ``most`` letters (the token index looks inside up to 40)."""
    runs = []
    for start in range(len(pieces)):
        text = ""
        for piece in pieces[start:]:
            if len(text) + len(piece) > most:
                break
            text += piece
        if text:
            runs.append(text)
    return runs


def _unverified() -> Verdict | None:
    """The verifier of an app that ``_worth_verifying`` left out: unverifiable."""
    return None


def _icon_closeness(pair: PairScore) -> tuple[float, int]:
    """(-edge agreement, -agreeing keypoints) of the pair's icon confirmation, (0, 0) without one: two
    apps whose icons share a drawing in other colours are both confirmed by the same copy, with the same
    score (holdout_s20: an unchanged copy agreed 1.0 with its own app's icon, 0.58 with a sibling drawn
    alike); the nearer names the app."""
    agreement, inliers = 0.0, 0
    for reason in pair.reasons:
        if reason.signal == "icon_keypoints":
            agreement = max(agreement, float(reason.detail.get("edge_agreement") or 0.0))
            inliers = max(inliers, int(reason.value))
        elif reason.signal == "icon_in_place":
            agreement = max(agreement, float(reason.value))
            inliers = max(inliers, int(reason.detail.get("keypoint_inliers") or 0))
    return -round(agreement, 6), -inliers


def _rests_on_icon(pair: PairScore) -> bool:
    """The pair's evidence includes an icon match (whose keypoint verdict could change the score)."""
    return any(reason.signal in ICON_SIGNAL_NAMES for reason in pair.reasons)


def screen(
    protected: list[ProtectedApp],
    listings: Iterable[Listing],
    config: dict | None = None,
    *,
    icons_root: str | Path | None = None,
) -> Iterator[Alert]:
    """Convenience: build an index and screen ``listings`` against it."""
    return LookalikeIndex(protected, config, icons_root=icons_root).screen(listings)
