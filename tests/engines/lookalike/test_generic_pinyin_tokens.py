"""Session 29 (issue 14): holdout_s29 had seven ordinary apps (萌浏览器 com.happy.jinrong, 超级壁纸
cn.bizhi.jinrong …) alerting as 中国人寿综合金融, whose package com.chinalife.jinrong holds "jinrong": the
pinyin of 金融, finance. "finance" was a generic token, its pinyin was not; now the pinyin of every
generic English word of the lexicon's english_words is no app's own package token either (a name may
still spell a brand with it: 民生yinhang, test_identity_rules). And a token found inside another
(chinalife in newchinalife) never weighs more than a token found whole (newchinalife: 新华人寿's own)."""

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.compiled import lexicon

CHINALIFE_JR = ProtectedApp(
    app_id="chinalife-jr",
    institution="中国人寿",
    names=("中国人寿综合金融",),
    brand_keywords=("中国人寿", "国寿"),
    package_ids=("com.chinalife.jinrong",),
    developers=("中国人寿保险股份有限公司",),
)
NCI = ProtectedApp(
    app_id="nci",
    institution="新华人寿保险",
    names=("新华保险",),
    brand_keywords=("新华保险", "新华人寿"),
    package_ids=("com.newchinalife.app",),
    developers=("新华人寿保险股份有限公司",),
)


def screen(package_id, name="萌浏览器"):
    index = LookalikeIndex([CHINALIFE_JR, NCI], load_config())
    return index.screen_one(
        Listing(
            listing_id="L1",
            source="tencent_myapp",
            name=name,
            package_id=package_id,
            developer="福州斑马科技有限公司",
            cert_sha256="e" * 64,
        )
    )


def test_pinyin_of_generic_english_words_is_generic():
    generic = lexicon().generic_pinyin
    assert {"jinrong", "yinhang", "baoxian", "zhengquan"} <= generic
    # (institutions' own words stay: construction → jianshe is not generic)
    assert "jianshe" not in generic and "zhaoshang" not in generic


def test_a_generic_pinyin_token_names_no_app():
    assert screen("com.happy.jinrong") is None
    assert screen("cn.bizhi.jinrong") is None


def test_the_distinctive_token_still_counts():
    alert = screen("com.chinalife.tool")
    assert alert is not None and alert.app_id == "chinalife-jr"


def test_a_whole_token_outranks_the_same_token_inside_a_longer_one():
    alert = screen("net.newchinalife.app", name="悦借条")
    assert alert is not None and alert.app_id == "nci"
