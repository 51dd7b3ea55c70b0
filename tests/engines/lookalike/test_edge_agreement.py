"""Session 13 (issue 14): the whole icon decides past the keypoint counts. The listing icon, moved back
by the fitted transform, must have the official icon's edges in their place and direction: a flat drawing
copied keeps few corners (10-20 matches, too few to confirm) but all its edges; a chance agreement of many
matches (a shared ring, a letter) leaves the rest of the edges apart."""

import numpy as np
import pytest
from keypoint_fixtures import logo
from keypoint_fixtures import unrelated as _unrelated
from PIL import Image

from appgov.engines.lookalike import Listing, LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.keypoints import Verdict, edge_agreement, features, verify
from appgov.engines.lookalike.listing_view import ListingView
from appgov.engines.lookalike.scoring import icon_signal


def _turned(img: Image.Image, degrees: float) -> Image.Image:
    """The logo turned and shrunk onto a new background (a geometric copy)."""
    out = Image.new("RGB", (128, 128), (250, 250, 250))
    small = img.resize((100, 100), Image.Resampling.LANCZOS).rotate(degrees, fillcolor=(250, 250, 250))
    out.paste(small, (14, 14))
    return out


def test_a_turned_copy_agrees_and_an_unrelated_icon_does_not():
    official = features(logo())
    copy = verify(features(_turned(logo(), 20), soft=False), official)
    assert copy.inliers >= 10 and copy.agreement is not None
    assert copy.agreement >= 0.5 and copy.overlap >= 0.5
    # the unrelated icon laid over the logo as it is (no shift, no turn): its edges lie elsewhere
    identity = np.float64([[1, 0, 0], [0, 1, 0]])
    mine = features(_unrelated(), soft=False).channels["luma"].small
    theirs = official.channels["luma"].small
    agreement, overlap, _content = edge_agreement(mine, theirs, identity)
    assert overlap > 0.9 and agreement < 0.3
    # the logo over itself agrees everywhere
    assert edge_agreement(theirs, theirs, identity)[0] > 0.95


def test_the_transform_moves_the_listing_icon():
    """The logo shifted by 10 pixels (at the compared size) agrees when the fitted transform shifts it
    back, and not when it says no shift (turn and scale: the copy above, in padded coordinates)."""
    theirs = features(logo()).channels["luma"].small
    shifted = np.roll(theirs, 5, axis=1)  # 5 pixels at the edge size: 10 at the compared size
    moved = np.float64([[1, 0, -10], [0, 1, 0]])
    assert edge_agreement(shifted, theirs, moved)[0] > edge_agreement(shifted, theirs, np.eye(2, 3))[0] + 0.3
    # moved off the official icon: nothing in common to measure, which refutes nothing
    away = np.float64([[1, 0, 500], [0, 1, 0]])
    assert edge_agreement(shifted, theirs, away) == (None, 0.0, None)


def _signals(verdict: Verdict, **settings) -> dict:
    cfg = load_config(overrides={"keypoints": settings})
    index = LookalikeIndex([], cfg)
    view = ListingView(Listing(listing_id="L1", source="store", name="天气预报"), index.lexicon)
    signals: dict = {}
    icon_signal({"phash": 3, "value": 3}, view, cfg, index.lexicon, signals, lambda: verdict)
    return signals


def _verdict(inliers, spread, agreement, overlap=0.9) -> Verdict:
    return Verdict(inliers, "luma", 1.0, 0.0, False, spread, inliers + 5, agreement, overlap)


def test_few_matches_confirm_when_the_edges_agree_if_asked():
    """Off by default (fresh ordinary icons' flat shapes line up with flat logos): keypoints.edge_confirm."""
    assert "icon_keypoints" not in _signals(_verdict(12, 0.1, 0.7))
    found = _signals(_verdict(12, 0.1, 0.7), edge_confirm=1)
    assert found["icon_keypoints"][1].detail["confirmed_by"] == "edges"
    assert found["icon_keypoints"][1].detail["edge_agreement"] == 0.7
    on = {"edge_confirm": 1}
    assert "icon_keypoints" not in _signals(_verdict(12, 0.1, 0.45), **on)  # the edges do not agree enough
    assert "icon_keypoints" not in _signals(_verdict(9, 0.1, 0.9), **on)  # too few matches
    assert "icon_keypoints" not in _signals(_verdict(12, 0.1, 0.7, overlap=0.2), **on)  # too little of it
    assert "icon_keypoints" not in _signals(_verdict(12, 0.02, 0.7), **on)  # matches packed in one place


def test_many_matches_whose_edges_disagree_do_not_confirm():
    assert _signals(_verdict(60, 0.3, 0.6))["icon_keypoints"][1].detail["confirmed_by"] == "matches"
    assert "icon_keypoints" not in _signals(_verdict(60, 0.3, 0.2))  # a chance agreement
    assert "icon_keypoints" in _signals(_verdict(60, 0.3, 0.2), min_edge_agreement=0)  # turned off
    assert "icon_keypoints" in _signals(_verdict(60, 0.3, None))  # not measured: the counts decide


@pytest.mark.parametrize(
    "settings",
    [
        {"edge_confirm": 2},
        {"min_edge_agreement": 1.5},
        {"edge_confirm_agreement": 0.2},  # below min_edge_agreement (0.3)
        {"edge_confirm_overlap": -0.1},
        {"edge_confirm_inliers": 3},
        {"edge_confirm_spread": 2},
    ],
)
def test_edge_settings_are_checked(settings):
    with pytest.raises(ConfigError, match=next(iter(settings))):
        load_config(overrides={"keypoints": settings})


def test_the_explanation_says_how_much_of_the_outline_agrees():
    from appgov.engines.lookalike.explain import explain

    reason = _signals(_verdict(60, 0.3, 0.61))["icon_keypoints"][1]
    text = explain("suspect", "华夏银行", "华夏银行", [reason])
    assert "60 个特征点" in text and "还原后 61% 的轮廓方向一致" in text
