"""Session 15 (issue 14): another institution's own app, and ties between one group's apps.

The blind holdout sets' false alerts after session 14 were genuine apps of institutions that are not
protected, on a resembling name or package alone: 新华保险 · com.newchinalife by 新华人寿保险股份有限公司
(token ``chinalife`` of 中国人寿), 青岛农商银行 · com.qrcb.mbank (one letter from 重庆农商's cqrcb),
中国太保 by 中国太平洋保险 (one character from 中国人保), 华安保险 / 众安保险 (one from 平安保险)."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config


def _app(app_id, institution, names, keywords, package, developer):
    return ProtectedApp(
        app_id=app_id,
        institution=institution,
        names=names,
        brand_keywords=keywords,
        package_ids=(package,),
        developers=(developer,),
        cert_sha256=(app_id[0] * 64,),
    )


APPS = [
    _app(
        "clife",
        "中国人寿保险",
        ("中国人寿寿险",),
        ("中国人寿", "国寿"),
        "com.chinalife.ebz",
        "中国人寿保险股份有限公司",
    ),
    _app(
        "cqrcb",
        "重庆农村商业银行",
        ("重庆农商银行",),
        ("重庆农商", "渝农商"),
        "com.cqrcb.mbank",
        "重庆农村商业银行股份有限公司",
    ),
    _app(
        "picc",
        "中国人民保险集团",
        ("中国人保",),
        ("中国人保", "PICC"),
        "com.picc.app",
        "中国人民保险集团股份有限公司",
    ),
    _app(
        "pingan",
        "中国平安保险",
        ("平安金管家",),
        ("中国平安", "平安保险", "平安好车主"),
        "com.pingan.jgj",
        "中国平安人寿保险股份有限公司",
    ),
    _app(
        "pingan_car",
        "中国平安保险",
        ("平安好车主",),
        ("中国平安", "平安保险", "平安好车主"),
        "com.pingan.carowner",
        "中国平安财产保险股份有限公司",
    ),
    _app(
        "bocom",
        "交通银行",
        ("交通银行",),
        ("交通银行", "交行"),
        "com.bankcomm.Bankcomm",
        "交通银行股份有限公司",
    ),
    _app(
        "bocom_mdb",
        "交通银行",
        ("买单吧", "交通银行买单吧"),
        ("交通银行", "交行", "买单吧"),
        "com.bankcomm.maidanba",
        "交通银行股份有限公司",
    ),
]


def _screen(config, name, package, developer):
    index = LookalikeIndex(APPS, config)
    return index.screen_one(Listing("L1", "store", name, package, developer, cert_sha256="e" * 64))


OTHER_INSTITUTIONS = [
    ("新华保险", "com.newchinalife.ncl", "新华人寿保险股份有限公司", "clife"),
    ("青岛农商银行APP", "com.qrcb.mbank", "青岛农村商业银行股份有限公司", "cqrcb"),
    ("中国太保", "com.cpic.taibao", "中国太平洋保险(集团)股份有限公司", "picc"),
    ("华安保险", "com.sinosafe.app", "华安财产保险股份有限公司", "pingan"),
]


@pytest.mark.parametrize(("name", "package", "developer", "resembled"), OTHER_INSTITUTIONS)
def test_another_institutions_own_app_is_not_alerted(name, package, developer, resembled):
    assert _screen(load_config(), name, package, developer) is None
    # without the rule (the session-14 engine) each was alerted as a copy of the app it resembles
    before = _screen(load_config(overrides={"developer": {"other_institution": 0}}), name, package, developer)
    assert before is not None and before.app_id == resembled


@pytest.mark.parametrize(
    ("name", "package", "developer", "app"),
    [
        # the same resemblance published by a company that is no financial institution stays a copy
        ("新华保险", "com.newchinalife.ncl", "深圳市新华科技有限公司", "clife"),
        ("华安保险", "com.sinosafe.app", "某某网络科技有限公司", "pingan"),
        # a copied official name or brand keyword is a copy whoever claims to publish it
        ("中国人寿", "com.newchinalife.ncl", "新华人寿保险股份有限公司", "clife"),
        ("重庆农商银行", "com.qrcb.mbank", "青岛农村商业银行股份有限公司", "cqrcb"),
    ],
)
def test_the_rule_leaves_copies_alone(name, package, developer, app):
    alert = _screen(load_config(), name, package, developer)
    assert alert is not None and alert.app_id == app


@pytest.mark.parametrize(
    ("developer", "discounted"),
    [
        ("中国人寿财产保险股份有限公司", False),  # holds the 中国人寿 keyword: the group's own company
        ("新华人寿保险股份有限公司", True),  # another insurer
    ],
)
def test_a_sibling_entity_of_the_group_is_not_another_institution(developer, discounted):
    # only a package token is shared (no copied name): the rule decides, and the sibling is exempt
    now = _screen(load_config(), "财险通", "com.chinalife.ccic", developer)
    before = _screen(
        load_config(overrides={"developer": {"other_institution": 0}}), "财险通", "com.chinalife.ccic", developer
    )
    assert before is not None and before.app_id == "clife"
    if discounted:
        assert now is None
    else:
        assert now is not None and now.score == before.score


@pytest.mark.parametrize(
    ("name", "app"),
    [
        ("交通銀行買單吧手機版", "bocom_mdb"),  # 交通银行买单吧 (7) is more specific than 交通银行 (4)
        ("平安好车主🧧", "pingan_car"),  # its official name; a keyword of the group's other app
    ],
)
def test_ties_go_to_the_more_specific_app(name, app):
    alert = _screen(load_config(), name, "com.magicwallpaper.android", "北京极光信息技术有限公司")
    assert alert is not None and alert.app_id == app


def test_the_setting_is_checked():
    from appgov.engines.lookalike.config import ConfigError

    with pytest.raises(ConfigError, match="developer.other_institution"):
        load_config(overrides={"developer": {"other_institution": 2}})
