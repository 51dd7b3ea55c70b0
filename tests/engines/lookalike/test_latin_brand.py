"""Session 27 (issue 14): a brand that only the official package id or an English developer name spells.
holdout_s26 named two copies in full-width Latin letters, Ｅａｓｔｍｏｎｅｙ钱包 (东方财富, package
com.eastmoney.android.berlin) and Ｐｉｎｇ Ａｎ Ｂａｎｋ钱包 (平安银行, developer Ping An Bank Co., Ltd.): no
official name or keyword is written in Latin letters, so neither alerted. The word counts only when the rest
of the name is added or finance words (a package token may be an ordinary word: berlin)."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config

EASTMONEY = ProtectedApp(
    app_id="eastmoney",
    institution="东方财富信息股份有限公司",
    names=("东方财富",),
    brand_keywords=("东方财富", "东财"),
    package_ids=("com.eastmoney.android.berlin",),
    developers=("东方财富信息股份有限公司",),
    cert_sha256=("e" * 64,),
)
PINGAN_BANK = ProtectedApp(
    app_id="pab",
    institution="平安银行股份有限公司",
    names=("平安口袋银行", "平安银行"),
    brand_keywords=("平安银行", "平安口袋银行"),
    package_ids=("com.pab.paces.ccms",),
    developers=("平安银行股份有限公司", "Ping An Bank Co., Ltd."),
    cert_sha256=("f" * 64,),
)


def _screen(name: str, **evidence):
    config = load_config(overrides={"evidence": evidence} if evidence else None)
    index = LookalikeIndex([EASTMONEY, PINGAN_BANK], config)
    listing = Listing(
        listing_id="L1",
        source="huawei",
        name=name,
        package_id="com.jia.money",
        developer="厦门市博纳互联网科技有限公司",
        cert_sha256="a" * 64,
    )
    return index.screen_one(listing)


@pytest.mark.parametrize(
    ("name", "app_id", "origin"),
    [
        ("Ｅａｓｔｍｏｎｅｙ钱包", "eastmoney", "package"),
        ("EastMoney Pro", "eastmoney", "package"),
        ("Ｐｉｎｇ　Ａｎ　Ｂａｎｋ钱包", "pab", "developer"),
        ("PingAn Bank", "pab", "developer"),
    ],
)
def test_the_brand_in_latin_letters_names_its_app(name, app_id, origin):
    alert = _screen(name)
    assert alert is not None and alert.app_id == app_id and alert.kind == "counterfeit"
    details = [r.detail for r in alert.reasons if r.signal == "brand_keyword"]
    assert details and details[0]["deformation"] == "latin_brand" and details[0]["from"] == origin


@pytest.mark.parametrize("name", ["Berlin旅行", "Eastmoney旅行日记", "Ping An Bank Street Photos", "Ping Pong Bank"])
def test_an_ordinary_word_beside_it_is_no_brand(name):
    assert _screen(name) is None


def test_the_setting_turns_it_off():
    assert _screen("Ｅａｓｔｍｏｎｅｙ钱包", latin_brand=0) is None
