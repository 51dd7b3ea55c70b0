"""The case page names every icon signal the look-alike engine can give (session 18: icon_keypoints and
icon_in_place were shown as bare codes), in English and in Chinese."""

import pytest
from django.utils import translation

from appgov.counterfeit.signal_labels import SIGNALS, signal_rows
from appgov.engines.lookalike.scoring import ICON_SIGNAL_NAMES


@pytest.mark.parametrize("code", ICON_SIGNAL_NAMES)
def test_every_icon_signal_has_a_label(code):
    assert code in SIGNALS
    (row,) = signal_rows([{"signal": code, "value": 0.9, "channel": "luma"}])
    assert row["label"] != code and row["code"] == code


def test_the_in_place_signal_is_named_in_chinese():
    with translation.override("zh-hans"):
        (row,) = signal_rows([{"signal": "icon_in_place", "value": 0.91}])
    assert row["label"] == "图标与官方图标原位叠合，轮廓一致"


def test_the_verified_publisher_signal_is_named():
    # session 29: an App Store listing by the official developer, its bundle id not in the ledger
    with translation.override("zh-hans"):
        (row,) = signal_rows([{"signal": "verified_publisher_unregistered", "value": "中国建设银行股份有限公司"}])
    assert row["label"] == "由本机构已核验主体发布，但未在台账登记"


def test_the_redrawn_signal_is_named_in_chinese():
    # session 30: the official icon drawn again as line-art, outline, neon ... (redrawn.py)
    with translation.override("zh-hans"):
        (row,) = signal_rows([{"signal": "icon_redrawn", "value": 0.97}])
    assert row["label"] == "官方图标换了画法：轮廓位置一致"
