"""Session 19 (issue 14): a busy official icon collects chance votes from any listing icon in the keypoint
search. The apps first by votes over the square root of the pieces their icon holds are verified too,
before those first by votes alone (keypoints.search_weighted)."""

import numpy as np

from appgov.engines.lookalike.keypoints import Channel, Features
from appgov.engines.lookalike.search import KeypointSearch, search_key

BUSY, COPIED = 0, 1


def _icon(descriptors: np.ndarray) -> Features:
    points = np.zeros((len(descriptors), 2), np.float32)
    return Features({"luma": Channel(points, descriptors)}, blurred=False)


def _random(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(0, 256, (n, 32), dtype=np.uint8)


def _setting():
    rng = np.random.default_rng(19)
    busy, simple = _random(rng, 2000), _random(rng, 30)
    # the copy keeps the simple icon's 30 descriptors, a few bits of each flipped, among 300 of its own
    copied = simple.copy()
    copied[:, ::5] ^= 1
    listing = _icon(np.vstack([copied, _random(rng, 300)]))
    return {BUSY: _icon(busy), COPIED: _icon(simple)}, listing


def test_votes_alone_rank_the_busy_icon_first():
    apps, listing = _setting()
    ranked = KeypointSearch(apps, weighted=False).rank(listing, 1)
    assert [app for app, _ in ranked] == [BUSY]


def test_weighted_ranks_the_copied_app_first_and_keeps_the_first_by_votes():
    apps, listing = _setting()
    ranked = dict(KeypointSearch(apps).rank(listing, 1))
    assert list(ranked) == [COPIED, BUSY]
    # the votes reported are the votes (keypoints.search_min_votes applies to them), not the weighted count
    assert ranked[BUSY] > ranked[COPIED] >= 30


def test_the_stored_ranking_depends_on_the_setting():
    settings = {
        "search_apps": 1, "search_max_apps": 3, "search_views": 0, "search_parts": 1, "shape_min_inliers": 22,
        "twin_min_inliers": 30,
    }
    weighted = search_key({0: "a"}, {**settings, "search_weighted": 1})
    assert weighted != search_key({0: "a"}, {**settings, "search_weighted": 0})
    assert weighted != search_key({0: "a"}, {**settings, "search_weighted": 1, "search_parts": 0})


def test_the_stored_ranking_depends_on_the_twins_setting():
    """The search keeps an app the second look may confirm (index._shape_may_confirm): the twins count."""
    settings = {"search_apps": 1, "search_max_apps": 3, "search_views": 0, "search_parts": 1, "shape_min_inliers": 22}
    on = search_key({0: "a"}, {**settings, "search_weighted": 1, "twin_min_inliers": 30})
    assert on != search_key({0: "a"}, {**settings, "search_weighted": 1, "twin_min_inliers": 0})
