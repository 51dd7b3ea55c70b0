"""Session 30 (issue 14): a copy that draws the official icon again in another style (line-art, an outline,
neon on black) keeps every contour in place but no fill, so no hash comes near it and the keypoints find
few matches. Such an icon is compared by where its contours lie and which way they run (redrawn.py;
icons.redrawn_min_coverage): the same emblem with another letter in it is not the official icon."""

import pytest
from keypoint_fixtures import generic_listing, unrelated
from PIL import Image, ImageDraw, ImageFont, ImageOps

from appgov.engines.lookalike import ConfigError, Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.redrawn import RedrawnIcons, contours, coverage

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SHIELD = [(64, 14), (108, 30), (102, 84), (64, 114), (26, 84), (20, 30)]
FIELD, INK = (20, 80, 170), (255, 255, 255)


def emblem(letter: str = "Z", line_art: bool = False) -> Image.Image:
    """A white shield with a letter cut out of it on a blue field; ``line_art``: the same contours as thin
    white lines, nothing filled."""
    img = Image.new("RGB", (128, 128), FIELD)
    draw, font = ImageDraw.Draw(img), ImageFont.truetype(FONT, 46)
    if line_art:
        draw.polygon(SHIELD, outline=INK, width=2)
        draw.text((64, 62), letter, fill=FIELD, font=font, anchor="mm", stroke_width=1, stroke_fill=INK)
    else:
        draw.polygon(SHIELD, fill=INK)
        draw.text((64, 62), letter, fill=FIELD, font=font, anchor="mm")
    return img


def neon(img: Image.Image) -> Image.Image:
    """Light lines on a dark field: the line-art inverted."""
    return ImageOps.invert(img)


def app() -> ProtectedApp:
    return ProtectedApp(
        app_id="czb",
        institution="浙商银行",
        names=("浙商银行",),
        brand_keywords=("浙商银行",),
        package_ids=("com.czbank.mbank",),
        developers=("浙商银行股份有限公司",),
        icon="official.png",
    )


@pytest.mark.parametrize("redraw", [lambda: emblem(line_art=True), lambda: neon(emblem(line_art=True))])
def test_a_redrawn_emblem_covers_the_official_one(redraw):
    assert coverage(contours(redraw()), contours(emblem())) >= 0.9


@pytest.mark.parametrize("other", [lambda: emblem("K"), lambda: emblem("K", line_art=True), unrelated])
def test_another_letter_in_the_same_emblem_does_not(other):
    assert coverage(contours(other()), contours(emblem())) < 0.9


def test_the_shortlist_names_the_app_covered_best():
    found = RedrawnIcons({0: contours(emblem("K")), 1: contours(emblem())}, 3, 0.75, 0.9)
    app_index, covered, structure = found.best(contours(emblem(line_art=True)))
    assert app_index == 1 and covered >= 0.9 and structure >= 0.75
    assert found.best(contours(unrelated())) is None
    assert RedrawnIcons({}, 3, 0.75, 0.9).best(contours(emblem())) is None


def _files(tmp_path):
    emblem().save(tmp_path / "official.png")
    emblem(line_art=True).save(tmp_path / "line.png")
    neon(emblem(line_art=True)).save(tmp_path / "neon.png")
    emblem("K", line_art=True).save(tmp_path / "other.png")


def test_a_redrawn_copy_under_a_generic_name_alerts(tmp_path):
    _files(tmp_path)
    index = LookalikeIndex([app()], load_config(), icons_root=tmp_path)
    for icon in ("line.png", "neon.png"):
        alert = index.screen_one(generic_listing(icon))
        assert alert is not None and alert.app_id == "czb" and alert.kind == "suspect"
        (reason,) = alert.reasons
        assert reason.signal == "icon_redrawn" and reason.value >= 0.9 and reason.detail["confirmed"]
        assert "换了画法" in alert.explanation_zh
    assert index.screen_one(generic_listing("other.png")) is None


def test_under_a_finance_name_it_weighs_more(tmp_path):
    _files(tmp_path)
    index = LookalikeIndex([app()], load_config(), icons_root=tmp_path)
    plain = index.screen_one(generic_listing("line.png"))
    finance = index.screen_one(Listing(listing_id="L2", source="huawei", name="极速贷款", icon="line.png"))
    assert finance is not None and finance.score > plain.score
    assert finance.reasons[0].detail["finance_name"] is True


def test_not_under_another_institutions_name(tmp_path):
    # the name says whose app it is: an icon drawn alike names no institution against it
    _files(tmp_path)
    index = LookalikeIndex([app()], load_config(), icons_root=tmp_path)
    assert index.screen_one(Listing(listing_id="L3", source="huawei", name="成都银行", icon="line.png")) is None


def test_switched_off_nothing_finds_it(tmp_path):
    _files(tmp_path)
    off = load_config(overrides={"icons": {"redrawn_min_coverage": 0}})
    index = LookalikeIndex([app()], off, icons_root=tmp_path)
    assert index._redrawn is None
    assert index.screen_one(generic_listing("line.png")) is None


@pytest.mark.parametrize(
    ("setting", "value"),
    [("redrawn_min_coverage", 1.5), ("redrawn_min_structure", -0.1), ("redrawn_shortlist", 0)],
)
def test_a_wrong_setting_is_refused_by_name(setting, value):
    with pytest.raises(ConfigError, match=f"icons.{setting}"):
        load_config(overrides={"icons": {setting: value}})


def test_the_verdict_is_kept_between_sweeps(tmp_path, monkeypatch):
    _files(tmp_path)
    cache = tmp_path / "cache"
    first = LookalikeIndex([app()], load_config(), icons_root=tmp_path, cache_dir=cache)
    alert = first.screen_one(generic_listing("line.png"))
    assert first.screen_one(generic_listing("other.png")) is None
    first._verdict_store.flush()
    again = LookalikeIndex([app()], load_config(), icons_root=tmp_path, cache_dir=cache)
    monkeypatch.setattr(again._redrawn, "best", lambda mine: pytest.fail("compared again"))
    kept = again.screen_one(generic_listing("line.png"))
    assert kept is not None and kept.reasons[0].value == alert.reasons[0].value
    assert again.screen_one(generic_listing("other.png")) is None
