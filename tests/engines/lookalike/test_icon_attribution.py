"""Session 20 (issue 14): two protected apps whose icons share a drawing in other colours are both
confirmed by a copy of one of them, with the same score; the app first in the list was named
(holdout_s20: an unchanged copy of one bank's icon was attributed to another, 15 such alerts of 17 false
ones). The icon that agrees best with the listing's now names the app."""

from keypoint_fixtures import generic_listing, logo

from appgov.engines.lookalike import LookalikeIndex, ProtectedApp, load_config


def _app(app_id: str, institution: str, icon: str) -> ProtectedApp:
    return ProtectedApp(
        app_id=app_id,
        institution=institution,
        names=(institution,),
        brand_keywords=(institution,),
        package_ids=(f"com.{app_id}.mobile",),
        developers=(f"{institution}股份有限公司",),
        icon=icon,
    )


def test_the_copy_names_the_app_whose_icon_it_copies(tmp_path):
    logo(fill=(200, 24, 24)).save(tmp_path / "red.png")
    logo(fill=(24, 90, 200)).save(tmp_path / "blue.png")
    apps = [_app("red", "红银行", "red.png"), _app("blue", "蓝银行", "blue.png")]
    index = LookalikeIndex(apps, load_config(), icons_root=tmp_path)
    for copied, other in (("red", "blue"), ("blue", "red")):
        alert = index.screen_one(generic_listing(f"{copied}.png"))
        assert alert is not None and alert.app_id == copied
        # the other app was confirmed too, with the same score: it stays named beside it
        assert alert.also_matches == (other,)
    # in the other order of the list as well
    flipped = LookalikeIndex(apps[::-1], load_config(), icons_root=tmp_path)
    assert flipped.screen_one(generic_listing("red.png")).app_id == "red"
    assert flipped.screen_one(generic_listing("blue.png")).app_id == "blue"


def test_one_institutions_apps_keep_their_order(tmp_path):
    """The icon tells institutions apart, not one institution's apps (its mini-program often shares the
    main app's icon): among them the app listed first is named, as before."""
    logo(fill=(200, 24, 24)).save(tmp_path / "red.png")
    logo(fill=(24, 90, 200)).save(tmp_path / "blue.png")
    apps = [_app("main", "红银行", "red.png"), _app("wx", "红银行", "blue.png")]
    index = LookalikeIndex(apps, load_config(), icons_root=tmp_path)
    assert index.screen_one(generic_listing("blue.png")).app_id == "main"
