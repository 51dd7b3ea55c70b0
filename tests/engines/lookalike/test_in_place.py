"""Session 18 (issue 14): a flat logo recoloured or recompressed keeps few corners for the keypoints, but
it still lies where the official drawing does (keypoints.in_place, keypoints.in_place_min_*).

On the holdout sets, copies such as a white ring and a petal on red turned blue, or the same icon
recompressed, had 0-19 agreeing keypoint matches (a symmetric drawing's are dropped by the ratio test)
and were missed, though laid on the official icon 85-100 % of their edges agree in place."""

from io import BytesIO

import pytest
from keypoint_fixtures import generic_listing
from PIL import Image, ImageDraw, ImageOps

from appgov.engines.lookalike import LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike import index as index_module
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.keypoints import Verdict, features, in_place, official_features


def ring_logo(field=(210, 30, 30), inner: str = "petal") -> Image.Image:
    img = Image.new("RGB", (128, 128), field)
    draw = ImageDraw.Draw(img)
    draw.ellipse([10, 10, 118, 118], outline=(255, 255, 255), width=7)
    if inner == "petal":
        draw.ellipse([40, 52, 88, 76], fill=(255, 255, 255))
        draw.ellipse([52, 34, 76, 94], fill=(255, 255, 255))
    else:  # another institution's drawing in the same ring
        draw.rectangle([36, 58, 92, 70], fill=(255, 255, 255))
        draw.polygon([(64, 30), (80, 50), (48, 50)], fill=(255, 255, 255))
    return img


def jpeg(img: Image.Image, quality: int = 35) -> Image.Image:
    buffer = BytesIO()
    img.save(buffer, "JPEG", quality=quality)
    return Image.open(BytesIO(buffer.getvalue())).convert("RGB")


@pytest.fixture()
def icons(tmp_path):
    ring_logo().save(tmp_path / "official.png")
    jpeg(ring_logo(field=(30, 60, 210)), quality=85).save(tmp_path / "recoloured.jpg")
    ring_logo(inner="bar").save(tmp_path / "other.png")
    return tmp_path


def _features(path, views=()):
    with Image.open(path) as image:
        return features(image.convert("RGB"), soft=False, views=views)


def test_a_recoloured_recompressed_copy_lies_in_place_and_another_drawing_in_the_same_ring_does_not(icons):
    official = official_features(icons / "official.png")
    agreement, content, channel = in_place(_features(icons / "recoloured.jpg"), official)
    assert agreement >= 0.85 and channel in ("luma", "value")
    other, _, _ = in_place(_features(icons / "other.png"), official)
    assert other < 0.85


def test_a_mirrored_copy_is_laid_in_place_flipped_back(tmp_path):
    logo = ring_logo()
    ImageDraw.Draw(logo).rectangle([90, 20, 110, 40], fill=(255, 220, 0))  # asymmetric
    logo.save(tmp_path / "official.png")
    ImageOps.mirror(logo).save(tmp_path / "mirrored.png")
    official = official_features(tmp_path / "official.png")
    as_is, _, _ = in_place(_features(tmp_path / "mirrored.png"), official)
    flipped, _, channel = in_place(_features(tmp_path / "mirrored.png", views=("mirror",)), official)
    assert flipped > as_is and flipped >= 0.85 and channel.startswith("mirror_")


def ring_app() -> ProtectedApp:
    return ProtectedApp(
        app_id="ring",
        institution="环宇银行",
        names=("环宇银行",),
        brand_keywords=("环宇银行",),
        package_ids=("com.ring.mobile",),
        developers=("环宇银行股份有限公司",),
        icon="official.png",
    )


def _refused_by_keypoints(placed: float, content: float | None):
    return lambda mine, theirs, **kw: Verdict(
        6, "luma", 1.0, 0.0, False, 0.02, 9, 0.5, 1.0, None, placed, content, "value"
    )


@pytest.mark.parametrize(
    ("placed", "content", "setting", "alerts"),
    [
        (0.9, None, 0.85, True),
        (0.9, 0.8, 0.85, True),
        (0.9, 0.6, 0.85, False),  # the drawing inside the outline differs
        (0.84, None, 0.85, False),
        (0.9, None, 0.0, False),  # off
    ],
)
def test_an_icon_the_keypoints_refuse_is_confirmed_in_place(icons, monkeypatch, placed, content, setting, alerts):
    monkeypatch.setattr(index_module, "verify", _refused_by_keypoints(placed, content))
    # (the silhouettes and the twins off: the stub refuses the keypoints only; and the redrawn icons' rule,
    # session 30, which finds a recoloured copy by its contours)
    second_look_off = {"shape_min_inliers": 0, "twin_min_inliers": 0}
    config = load_config(
        overrides={
            "keypoints": {"in_place_min_edge_agreement": setting, **second_look_off},
            "icons": {"redrawn_min_coverage": 0},
        }
    )
    index = LookalikeIndex([ring_app()], config, icons_root=icons)
    alert = index.screen_one(generic_listing("recoloured.jpg"), {0: {"value": 0, "phash": 10}})
    assert (alert is not None) is alerts
    if alerts:
        assert (alert.app_id, alert.kind) == ("ring", "suspect")
        reason = alert.reasons[0]
        assert reason.signal == "icon_in_place" and reason.value == placed
        assert reason.detail["keypoint_inliers"] == 6 and reason.detail["channel"] == "value"
        assert "原位叠合比对一致" in alert.explanation_zh and f"{round(100 * placed)}%" in alert.explanation_zh


def test_the_real_copy_alerts_end_to_end(icons):
    index = LookalikeIndex([ring_app()], load_config(), icons_root=icons)
    alert = index.screen_one(generic_listing("recoloured.jpg"))
    assert alert is not None and alert.app_id == "ring"
    assert index.screen_one(generic_listing("other.png", "L2")) is None


@pytest.mark.parametrize("key", ["in_place_min_edge_agreement", "in_place_min_content"])
def test_the_in_place_settings_are_checked(key):
    with pytest.raises(ConfigError, match=f"keypoints.{key}"):
        load_config(overrides={"keypoints": {key: 1.5}})
