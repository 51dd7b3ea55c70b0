"""Issue 14, recall round: short brand keywords next to the lures of phishing apps (工行证书更新), off-centre
windows between the indexed positions, badges and bands that move the masked hashes a little, and
strongly blurred copies that the keypoints cannot see (the hash rule decides for them)."""

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.config import ConfigError

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FOREIGN_CERT = "ab" * 32


def _bank(app_id: str, institution: str, names, keywords, package: str, icon: str | None = None):
    return ProtectedApp(
        app_id=app_id,
        institution=institution,
        names=tuple(names),
        brand_keywords=tuple(keywords),
        package_ids=(package,),
        developers=(f"{institution}股份有限公司",),
        cert_sha256=("cd" * 32,),
        icon=icon,
    )


BANKS = [
    _bank("icbc", "中国工商银行", ["中国工商银行"], ["工商银行", "工行", "ICBC"], "com.icbc"),
    _bank("ccb", "中国建设银行", ["中国建设银行"], ["建设银行", "建行", "CCB"], "com.chinamworld.main"),
    _bank("bocom", "交通银行", ["交通银行"], ["交通银行", "交行"], "com.bankcomm.Bank"),
]


def _fake(name: str, i: int = 0) -> Listing:
    return Listing(
        listing_id=f"F{i}",
        source="download-site",
        name=name,
        package_id=f"com.fake{i}.app",
        developer="某某网络科技有限公司",
        cert_sha256=FOREIGN_CERT,
    )


@pytest.mark.parametrize(
    ("name", "app_id"),
    [
        ("工行证书更新", "icbc"),
        ("建行积分兑换", "ccb"),
        ("安全控件工行", "icbc"),
        ("交行ETC认证", "bocom"),
        ("建行数字人民币", "ccb"),
        ("交行提额", "bocom"),
        ("CCB积分商城", "ccb"),
    ],
)
def test_short_keyword_next_to_a_lure_names_the_bank(name, app_id):
    alert = LookalikeIndex(BANKS, load_config()).screen_one(_fake(name))
    assert alert is not None and alert.app_id == app_id and alert.kind in ("suspect", "counterfeit"), name
    assert any(r.signal == "brand_keyword" for r in alert.reasons)


@pytest.mark.parametrize("name", ["证书更新助手", "积分兑换商城", "ETC助手", "交通违章查询", "重建行动指南"])
def test_lures_without_a_brand_keyword_stay_silent(name):
    assert LookalikeIndex(BANKS, load_config()).screen_one(_fake(name)) is None


# -- icons ------------------------------------------------------------------------------------------


def _logo() -> Image.Image:
    img = Image.new("RGB", (128, 128), (20, 60, 150))
    draw = ImageDraw.Draw(img)
    draw.ellipse([10, 14, 90, 94], fill=(230, 190, 40))
    draw.rectangle([60, 50, 120, 116], fill=(200, 30, 40))
    draw.polygon([(8, 120), (40, 70), (72, 120)], fill=(250, 250, 250))
    draw.text((52, 52), "JY", fill=(20, 20, 20), font=ImageFont.truetype(FONT, 30), anchor="mm")
    draw.text((92, 86), "B", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 26), anchor="mm")
    return img


def _other() -> Image.Image:
    img = Image.new("RGB", (128, 128), (20, 60, 150))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([16, 16, 112, 112], radius=24, fill=(230, 190, 40))
    draw.ellipse([40, 40, 88, 88], fill=(200, 30, 40))
    draw.text((64, 64), "Q", fill=(250, 250, 250), font=ImageFont.truetype(FONT, 30), anchor="mm")
    return img


def _window(img: Image.Image, fraction: float, fx: float, fy: float) -> Image.Image:
    side = round(128 * (1 - fraction))
    x, y = round((128 - side) * fx), round((128 - side) * fy)
    return img.crop((x, y, x + side, y + side)).resize((128, 128), Image.Resampling.BICUBIC)


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("round2")
    logo = _logo()
    images = {
        "official.png": logo,
        "blurred.png": logo.filter(ImageFilter.GaussianBlur(5.0)),
        "other_blurred.png": _other().filter(ImageFilter.GaussianBlur(5.0)),
        "other.png": _other(),
    }
    for i, (fx, fy) in enumerate([(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)]):
        images[f"window{i}.png"] = _window(logo, 0.22, fx, fy)
        images[f"other_window{i}.png"] = _window(_other(), 0.22, fx, fy)
    for name, image in images.items():
        image.save(folder / name)
    return folder


def _icon_app() -> ProtectedApp:
    return _bank("jyb", "金易银行", ["金易银行"], ["金易银行"], "com.jyb.mobile", icon="official.png")


def _icon_listing(icon: str, name: str = "天气日历") -> Listing:
    return Listing(listing_id="I1", source="store", name=name, package_id="com.weather.cal", icon=icon)


def test_offcentre_windows_between_the_old_grid_positions_are_found(icons):
    index = LookalikeIndex([_icon_app()], load_config(), icons_root=icons)
    found = 0
    for i in range(4):
        alert = index.screen_one(_icon_listing(f"window{i}.png"))
        if alert is not None:
            assert alert.app_id == "jyb" and alert.kind == "suspect"
            assert alert.reasons[0].signal == "icon_keypoints"
            found += 1
        assert index.screen_one(_icon_listing(f"other_window{i}.png")) is None
    assert found >= 3


def test_strongly_blurred_copy_under_a_finance_name_is_judged_by_the_hashes(icons):
    index = LookalikeIndex([_icon_app()], load_config(), icons_root=icons)
    alert = index.screen_one(_icon_listing("blurred.png", name="房贷计算器"))
    assert alert is not None and alert.app_id == "jyb" and alert.kind == "suspect"
    blurred = [r for r in alert.reasons if "keypoints_blurred" in r.detail]
    assert blurred, alert.reasons
    # the keypoints alone (blurred_hash_rule: 0) refute it
    strict = LookalikeIndex(
        [_icon_app()], load_config(overrides={"keypoints": {"blurred_hash_rule": 0}}), icons_root=icons
    )
    assert strict.screen_one(_icon_listing("blurred.png", name="房贷计算器")) is None
    # another drawing, blurred alike, stays silent
    assert index.screen_one(_icon_listing("other_blurred.png", name="房贷计算器")) is None


def test_blurred_settings_are_checked():
    with pytest.raises(ConfigError, match="keypoints.blurred_hash_rule"):
        load_config(overrides={"keypoints": {"blurred_hash_rule": 2}})
    with pytest.raises(ConfigError, match="keypoints.blurred_min_inliers"):
        load_config(overrides={"keypoints": {"blurred_min_inliers": 50}})
