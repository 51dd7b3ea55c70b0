"""Session 27 (issue 14): an app that only an icon hit brought to a listing is searched for name signals
only when the name could hold one (it has Latin letters, or shares a character with the app's names and
keywords): on the scale bench ~4 in 5 scored pairs are such apps, ordinary icons near an official variant.
The name keys need two pairs of characters in common, so e海逋财 (one character of e海通财 changed) is
retrieved by its icon only, and its name squat must still count."""

from appgov.engines.lookalike import Listing, ProtectedApp, load_config, scoring
from appgov.engines.lookalike.compiled import compile_app, lexicon
from appgov.engines.lookalike.listing_view import ListingView
from appgov.engines.lookalike.scoring import score_pair

HAITONG = ProtectedApp(
    app_id="haitong",
    institution="海通证券股份有限公司",
    names=("e海通财",),
    brand_keywords=("海通证券",),
    package_ids=("com.htsec.app",),
    developers=("海通证券股份有限公司",),
    cert_sha256=("c" * 64,),
)


def _signals(name: str, text: bool) -> set[str]:
    config, lex = load_config(), lexicon()
    app = compile_app(0, HAITONG, icons_root=None, min_token=config["candidates"]["min_latin_token"])
    listing = Listing(listing_id="L1", source="huawei", name=name, package_id="top.fenganhui.cloud")
    view = ListingView(listing, lex, True)
    pair = score_pair(view, app, None, config, lex, text=text)
    return {r.signal for r in pair.reasons} if pair else set()


def test_a_name_sharing_characters_is_searched_when_only_the_icon_found_the_app():
    assert "name_squat" in _signals("e海逋财", text=False)
    assert _signals("e海逋财", text=False) == _signals("e海逋财", text=True)


def test_a_name_sharing_nothing_is_not_searched(monkeypatch):
    calls = []
    original = scoring.name_signals
    monkeypatch.setattr(scoring, "name_signals", lambda *args: calls.append(args[0]) or original(*args))
    _signals("萌宠天气", text=False)
    assert calls == []
    _signals("萌宠天气", text=True)  # retrieved by its name or package: always searched
    assert len(calls) == 1
