"""Session 28 (issue 14): a copy named in English. holdout_s27 named three copies China Construction Bank App,
China Taiping App and China Bohai Bank Official: none named its app, and two went to 招商银行, whose keyword
China Merchants Bank shares the word China. English names of Chinese institutions translate word by word
(建设 construction, 招商 merchants) or keep their pinyin (Bohai, Nanjing); spelt in pinyin they are compared
with the official names' pinyin (english.py, ``english_words`` in lexicon.yaml). A word that many
institutions' English names share (China, People's) names none of them alone."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.compiled import lexicon
from appgov.engines.lookalike.english import english_spelling, spelt_in
from appgov.engines.lookalike.normalize import latin_tokens


def _app(app_id, names, keywords, package, letter):
    return ProtectedApp(
        app_id=app_id,
        institution=names[0],
        names=names,
        brand_keywords=keywords,
        package_ids=(package,),
        developers=(f"{names[0]}股份有限公司",),
        cert_sha256=(letter * 64,),
    )


APPS = [
    _app("ccb", ("中国建设银行", "建设银行"), ("建设银行", "建行", "CCB"), "com.chinamworld.main", "a"),
    _app("cmb", ("招商银行",), ("招商银行", "招行", "China Merchants Bank"), "cmb.pb", "b"),
    _app("bohai", ("渤海银行",), ("渤海银行", "CBHB"), "com.cbhb.bank", "c"),
    _app("taiping", ("太平通",), ("中国太平", "太平人寿"), "com.cntaiping.tpapp", "d"),
    _app("icbc", ("中国工商银行", "工商银行"), ("工商银行", "工行"), "com.icbc", "e"),
    _app("njcb", ("南京银行",), ("南京银行",), "com.njcb.mobile", "f"),
]


def _screen(name: str):
    index = LookalikeIndex(APPS, load_config())
    listing = Listing(
        listing_id="L1",
        source="huawei",
        name=name,
        package_id="net.haitunstudio.flashlight",
        developer="苏州青木科技有限公司",
        cert_sha256="9" * 64,
    )
    return index.screen_one(listing)


@pytest.mark.parametrize(
    ("name", "app_id"),
    [
        ("China Construction Bank App", "ccb"),
        ("China Taiping App", "taiping"),
        ("China Bohai Bank Official", "bohai"),
        ("Industrial and Commercial Bank of China", "icbc"),
        ("Bank of Nanjing Official", "njcb"),
        ("China Merchants Bank Pro", "cmb"),
    ],
)
def test_an_english_name_names_its_own_app(name, app_id):
    alert = _screen(name)
    assert alert is not None and alert.app_id == app_id, alert and alert.to_dict()
    assert alert.kind == "counterfeit"


@pytest.mark.parametrize(
    "name", ["China Weather", "People Daily News", "Bank Holiday Calendar", "Rural Life", "Bank of Nanjing Road Photos"]
)
def test_a_shared_english_word_alone_names_no_app(name):
    assert _screen(name) is None


def test_english_words_are_spelt_in_pinyin_pieces():
    lex = lexicon()
    pieces = english_spelling(tuple(latin_tokens("Industrial and Commercial Bank of China")), lex)
    assert "".join(pieces) == "".join(latin_tokens("zhongguo gongshang yinhang"))
    assert english_spelling(tuple(latin_tokens("Flashlight Pro")), lex) == ()  # no English word of the list
    spelt = english_spelling(tuple(latin_tokens("China Bohai Bank")), lex)
    assert spelt_in("".join(latin_tokens("bohaiyinhang")), spelt) == (1, 3)
    assert spelt_in("".join(latin_tokens("zhongguoyinhang")), spelt) is None  # 中国银行: not whole pieces in a row
