"""Session 30 (issue 14): 北京银行业协会 (the Beijing banking association), 中国银行业协会资讯 and Shibor上海银行间利率
(the Shanghai interbank rate) hold an official name only as part of another term: holdout_s28-s30 labelled
them negatives and the engine named 北京银行, 中国银行 and 上海银行 for them. A name whose every mention of an
official name is followed by such a word (lexicon term_continuations) holds none. And 农商行, the
abbreviation people write for 农商银行, is read as 农商银行 (lexicon abbreviations): 广州农商行信用卡代还 is a
copy of 广州农商银行."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.compiled import lexicon, written_forms


def app(app_id, institution, name, package):
    return ProtectedApp(
        app_id=app_id,
        institution=institution,
        names=(name,),
        brand_keywords=(name,),
        package_ids=(package,),
        developers=(f"{institution}股份有限公司",),
    )


APPS = [
    app("bob", "北京银行", "北京银行", "com.bankofbeijing.mobilebanking"),
    app("boc", "中国银行", "中国银行", "com.chinamworld.bocmbci"),
    app("bosc", "上海银行", "上海银行", "cn.com.shbank.mper"),
    app("grcb", "广州农村商业银行", "广州农商银行", "com.grcbank.mbank"),
]


def screen(name):
    index = LookalikeIndex(APPS, load_config())
    return index.screen_one(
        Listing(listing_id="L1", source="huawei", name=name, package_id="com.example.news", cert_sha256="e" * 64)
    )


@pytest.mark.parametrize("name", ["北京银行业协会", "中国银行业协会资讯", "Shibor上海银行间利率", "北京市银行业同业公会"])
def test_an_official_name_inside_another_term_is_not_a_copy(name):
    assert screen(name) is None


@pytest.mark.parametrize(
    ("name", "app_id"),
    [("北京银行官方版", "bob"), ("北京银行 银行业协会认证", "bob"), ("中国银行业务办理", "boc"), ("上海银行间", None)],
)
def test_a_mention_that_is_not_continued_still_counts(name, app_id):
    # one mention of the name stands alone; 中国银行业务 (banking business) is no association
    alert = screen(name)
    assert (alert.app_id if alert else None) == app_id


@pytest.mark.parametrize("name", ["广州农商行信用卡代还", "广州农商行会员福利", "廣州農商行"])
def test_the_abbreviation_reads_as_the_word(name):
    alert = screen(name)
    assert alert is not None and alert.app_id == "grcb" and alert.kind == "counterfeit"


def test_an_official_name_is_compared_in_both_forms():
    lex = lexicon()
    assert written_forms("广州农商银行", lex) == ["广州农商银行", "广州农商行"]
    assert written_forms("渝农商行", lex) == ["渝农商行", "渝农商银行"]
    assert written_forms("北京银行", lex) == ["北京银行"]


def test_only_a_name_ending_in_the_word_is_continued():
    # 动卡空间间: a doubled character after a name that does not end in 银行 (independent generated set)
    dongka = ProtectedApp(
        app_id="dkkj", institution="中信银行", names=("动卡空间",), brand_keywords=("动卡空间",), package_ids=("com.citiccard.mobilebank",)
    )
    index = LookalikeIndex([dongka], load_config())
    alert = index.screen_one(Listing(listing_id="L1", source="huawei", name="动卡空间间", cert_sha256="e" * 64))
    assert alert is not None and alert.app_id == "dkkj"
