"""Icon fingerprints: the badge-robust (corner-masked) and hue-invariant (value-channel) hashes, their
inputs (`icon_hashes`), and exact alerts on small hand-made icons."""

import pytest
from PIL import Image, ImageDraw

from appgov.engines.lookalike import (
    FieldError,
    Listing,
    LookalikeIndex,
    ProtectedApp,
    fingerprint,
    listing_from_dict,
    load_config,
)
from appgov.engines.lookalike.icons import EXTRA_KINDS, HASH_KINDS


def _official_logo() -> Image.Image:
    """The 'official' icon: a red disc with a white bar and a dark triangle on a light background."""
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.ellipse([12, 12, 116, 116], fill=(200, 24, 24))
    draw.rectangle([44, 30, 84, 96], fill=(255, 255, 255))
    draw.polygon([(24, 108), (64, 66), (104, 108)], fill=(30, 30, 30))
    return img


def _other_bank_logo() -> Image.Image:
    """Another bank's icon: same palette and style, a different drawing."""
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([16, 28, 112, 100], radius=14, fill=(200, 24, 24))
    draw.ellipse([40, 40, 88, 88], fill=(255, 255, 255))
    draw.rectangle([16, 104, 112, 116], fill=(30, 30, 30))
    return img


def _badge(img: Image.Image) -> Image.Image:
    """A red "NEW"-style dot in the top-right corner, as imitators add."""
    out = img.copy()
    ImageDraw.Draw(out).ellipse([94, 4, 124, 34], fill=(230, 30, 30), outline=(255, 255, 255), width=3)
    return out


def _hue_shift(img: Image.Image, shift: int = 64) -> Image.Image:
    h, s, v = img.convert("HSV").split()
    return Image.merge("HSV", (h.point(lambda x: (x + shift) % 256), s, v)).convert("RGB")


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("icons")
    official = _official_logo()
    images = {
        "official.png": official,
        "badged.png": _badge(official),
        "recoloured.png": _hue_shift(official),
        "other_bank.png": _other_bank_logo(),
        "other_bank_badged.png": _badge(_other_bank_logo()),
    }
    for name, image in images.items():
        image.save(folder / name)
    return folder


@pytest.fixture(scope="module")
def icon_index(icons):
    app = ProtectedApp(
        app_id="hxb",
        institution="华夏银行",
        names=("华夏银行",),
        brand_keywords=("华夏银行", "HXB"),
        package_ids=("com.hxb.mobile",),
        developers=("华夏银行股份有限公司",),
        icon="official.png",
    )
    return LookalikeIndex([app], load_config(), icons_root=icons)


def _listing(name, icon, **kw):
    return Listing(
        listing_id="L1",
        source="store",
        name=name,
        package_id="com.example.app",
        developer="某某网络科技有限公司",
        icon=icon,
        **kw,
    )


def _summary(alert):
    return alert and (alert.app_id, alert.kind, [r.signal for r in alert.reasons])


def test_fingerprint_kinds_and_what_each_survives(icons):
    fp = fingerprint(icons / "official.png")
    assert set(fp) == set(HASH_KINDS)
    assert all(len(v) == 16 and int(v, 16) >= 0 for v in fp.values())
    assert fingerprint(Image.open(icons / "official.png")) == fp  # a path or a decoded image

    def dist(a, b):
        return bin(int(a, 16) ^ int(b, 16)).count("1")

    badged = fingerprint(icons / "badged.png")
    recoloured = fingerprint(icons / "recoloured.png")
    assert dist(badged["phash"], fp["phash"]) > 4  # the plain pHash does not survive the badge ...
    assert dist(badged["masked_tr"], fp["masked_tr"]) <= 2  # ... the top-right-masked one does
    assert dist(recoloured["phash"], fp["phash"]) > 4
    assert dist(recoloured["value"], fp["value"]) <= 2


def test_flat_representations_are_left_out():
    flat = Image.new("RGB", (64, 64), (10, 120, 200))
    assert set(fingerprint(flat)) == {"phash"}
    # Saturated red on saturated blue: the value channel is flat (both 255), the luminance is not.
    img = Image.new("RGB", (64, 64), (0, 0, 255))
    ImageDraw.Draw(img).ellipse([16, 16, 48, 48], fill=(255, 0, 0))
    fp = fingerprint(img)
    assert "value" not in fp and {"phash", "masked_tl"} <= set(fp)


def test_badged_official_icon_with_lookalike_name(icon_index):
    alert = icon_index.screen_one(_listing("华夏钱行", "badged.png"))
    assert _summary(alert) == (
        "hxb",
        "counterfeit",
        ["name_squat", "icon_masked_phash", "developer_mismatch"],
    )
    masked = alert.reasons[1]
    assert masked.value <= 2 and masked.detail["masked_corner"] == "top_right"
    assert "右上角标外与官方图标相同" in alert.explanation_zh


def test_badged_or_recoloured_icon_alone_is_suspect_not_counterfeit(icon_index, icons):
    badged = icon_index.screen_one(_listing("手机银行", "badged.png"))
    # the icon file is there: the keypoints confirm the copy (and are its first reason)
    assert _summary(badged) == (
        "hxb",
        "suspect",
        ["icon_keypoints", "icon_masked_phash", "developer_mismatch"],
    )
    assert badged.reasons[0].value >= 20 and badged.reasons[0].detail["scale"] == pytest.approx(1, abs=0.05)
    # The recoloured copy: near an indexed hue rotation of the official icon, and by its value channel.
    recoloured = icon_index.screen_one(_listing("手机银行", "recoloured.png"))
    assert _summary(recoloured) == (
        "hxb",
        "suspect",
        ["icon_keypoints", "icon_phash", "icon_value_phash", "developer_mismatch"],
    )
    assert recoloured.score == pytest.approx(0.75)  # one icon, one piece of evidence: not 1-(1-.75)^2
    no_hue = LookalikeIndex(
        [icon_index.apps[0].app],
        load_config(overrides={"icons": {"hue_variants": 0}}),
        icons_root=icons,
    )
    recoloured = no_hue.screen_one(_listing("手机银行", "recoloured.png"))
    assert _summary(recoloured)[:2] == ("hxb", "suspect")
    assert "icon_value_phash" in _summary(recoloured)[2]
    # Without a finance word in the name (issue 14: a copied icon under a generic name), the icon alone
    # is still a suspect when a hue-/badge-robust hash confirms it — never a counterfeit.
    # Since issue 14's keypoint work it is the keypoints that confirm it, not the hashes.
    generic = icon_index.screen_one(_listing("天气预报", "badged.png"))
    assert _summary(generic) == (
        "hxb",
        "suspect",
        ["icon_keypoints", "icon_masked_phash", "developer_mismatch"],
    )
    assert generic.score == pytest.approx(0.6) and generic.reasons[1].detail["confirmed"] is True


def test_other_banks_icon_does_not_alert(icon_index):
    for icon in ("other_bank.png", "other_bank_badged.png"):
        assert icon_index.screen_one(_listing("手机银行", icon)) is None
    # ... and adds no icon reason to a look-alike name.
    alert = icon_index.screen_one(_listing("华夏钱行", "other_bank_badged.png"))
    assert _summary(alert) == ("hxb", "counterfeit", ["name_squat", "developer_mismatch"])


def test_precomputed_hashes_give_the_same_alerts(icon_index, icons):
    fp = fingerprint(icons / "badged.png")
    row = {
        "listing_id": "L1",
        "source": "store",
        "name": "手机银行",
        "package_id": "com.example.app",
        "developer": "某某网络科技有限公司",
        "icon_phash": fp["phash"],
        "icon_hashes": {k: v.upper() for k, v in fp.items() if k != "phash"},
    }
    from_hashes = icon_index.screen_batch([listing_from_dict(row)])
    from_file = icon_index.screen_batch([_listing("手机银行", "badged.png")])
    # the same hash reasons; the file also lets the keypoints confirm the copy
    assert [(a.app_id, a.kind, a.score) for a in from_hashes] == [
        (a.app_id, a.kind, a.score) for a in from_file
    ]
    assert [r.to_dict() for r in from_hashes[0].reasons] == [
        r.to_dict() for r in from_file[0].reasons if r.signal != "icon_keypoints"
    ]
    assert from_hashes[0].reasons[0].signal == "icon_masked_phash"
    assert from_file[0].reasons[0].signal == "icon_keypoints"
    # A listing with only the plain pHash (older feeds) does not find the badged copy.
    row_plain = {**row, "icon_hashes": None}
    assert icon_index.screen_batch([listing_from_dict(row_plain)]) == []


def test_protected_app_with_precomputed_hashes_only(icons):
    fp = fingerprint(icons / "official.png")
    app = ProtectedApp(
        app_id="hxb",
        institution="华夏银行",
        names=("华夏银行",),
        icon_phash=fp["phash"],
        icon_hashes={k: fp[k] for k in EXTRA_KINDS},
    )
    index = LookalikeIndex([app], load_config(overrides={"icons": {"variants": 0}}), icons_root=icons)
    alert = index.screen_one(_listing("手机银行", "recoloured.png"))
    assert _summary(alert) == ("hxb", "suspect", ["icon_value_phash", "developer_mismatch"])


@pytest.mark.parametrize(
    ("icon_hashes", "field", "message"),
    [
        ("abc", "icon_hashes", "expected an object"),
        ({"value": "xyz"}, "icon_hashes.value", "16 hex digits"),
        ({"masked_tl": 5}, "icon_hashes.masked_tl", "expected a string"),
        ({"phash": "0" * 16}, "icon_hashes.phash", "differs from icon_phash"),
    ],
)
def test_icon_hashes_validation(icon_hashes, field, message):
    row = {"listing_id": "a", "source": "s", "name": "n", "icon_phash": "f" * 16, "icon_hashes": icon_hashes}
    with pytest.raises(FieldError) as exc:
        listing_from_dict(row)
    assert exc.value.field == field and message in exc.value.message


def test_icon_hashes_accepted_forms():
    row = {"listing_id": "a", "source": "s", "name": "n", "icon_hashes": {"phash": "0xFF" + "0" * 14}}
    listing = listing_from_dict({**row, "icon_hashes": {**row["icon_hashes"], "future_kind": "x"}})
    assert listing.icon_phash == "ff" + "0" * 14 and listing.icon_hashes == {}
