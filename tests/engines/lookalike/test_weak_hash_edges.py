"""Session 20 (issue 14): under a name without finance words, an icon that few hash kinds matched is
confirmed by 28 agreeing keypoints over 0.12 of the logo, or by 32 wherever they lie. Fresh ordinary
icons reached 32-50 such matches packed in 0.05-0.09 of a logo (a shared letter, an ellipse's edge), the
rest of the icon elsewhere (edges 0.31-0.54): those confirmations now need the whole icon moved back to
agree (keypoints.weak_hash_exempt_min_edge_agreement, 0.55)."""

import pytest
from test_edge_agreement import _signals, _verdict

from appgov.engines.lookalike import ConfigError, load_config


def test_matches_packed_in_one_place_need_the_edges_to_agree():
    assert "icon_keypoints" not in _signals(_verdict(40, 0.08, 0.45))
    assert "icon_keypoints" not in _signals(_verdict(40, 0.08, None))  # not measured: not shown to agree
    found = _signals(_verdict(40, 0.08, 0.6))
    assert found["icon_keypoints"][1].detail["edge_agreement"] == 0.6


def test_matches_over_the_logo_are_not_asked_more():
    assert "icon_keypoints" in _signals(_verdict(40, 0.15, 0.45))
    assert "icon_keypoints" in _signals(_verdict(30, 0.13, 0.35))


def test_the_rule_can_be_turned_off():
    assert "icon_keypoints" in _signals(_verdict(40, 0.08, 0.45), weak_hash_exempt_min_edge_agreement=0)


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_the_setting_is_checked(value):
    with pytest.raises(ConfigError, match="weak_hash_exempt_min_edge_agreement"):
        load_config(overrides={"keypoints": {"weak_hash_exempt_min_edge_agreement": value}})
