"""An ordinary thing named with an institution or finance word (保险箱 is a safe) names no institution:
an icon copy under such a name is still attributed by its icon."""

import pytest

from appgov.engines.lookalike.compiled import lexicon
from appgov.engines.lookalike.normalize import skeleton
from appgov.engines.lookalike.scoring import has_finance_context, institution_name


@pytest.mark.parametrize("name", ["相册保险箱", "私密保险柜", "家庭基金会助手"])
def test_ordinary_thing_is_no_institution_nor_finance_word(name):
    text = skeleton(name)
    assert not institution_name(text, lexicon())
    assert not has_finance_context(text, lexicon())


@pytest.mark.parametrize("name", ["成都银行", "华泰证券", "相册保险箱与平安保险"])
def test_institutions_are_still_named(name):
    assert institution_name(skeleton(name), lexicon())


@pytest.mark.parametrize("name", ["快捷支付", "扫码支付助手", "手机证券", "互联网保险"])
def test_a_way_to_pay_or_buy_is_no_institution(name):
    """holdout_s22 published an exact copy of 国泰君安's icon as 快捷支付: 支付 ends a payment institution's
    name (快钱支付), but a way to pay names none, and the icon decides."""
    assert not institution_name(skeleton(name), lexicon())


@pytest.mark.parametrize("name", ["快钱支付", "通联支付"])
def test_payment_institutions_are_still_named(name):
    assert institution_name(skeleton(name), lexicon())
