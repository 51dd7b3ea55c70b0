"""Session 25 (issue 14): holdout_s25 (and s20) wrote brand names with a single-stroke radical between
the characters, 浦丨发丨银丨行. The radicals are ideographs by category, so they were kept and the name no
longer contained 浦发银行. They are now dropped like punctuation."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp
from appgov.engines.lookalike.normalize import normalise, skeleton


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
