"""What the keypoint tests (keypoints, geometry, budget, verdict store) share: a drawn logo of 华夏银行, a re-laid-out copy
of it that only keypoints recognise, its protected app, a listing whose icon alone decides, and a count
of the verifier's calls."""

from PIL import Image, ImageDraw, ImageFont

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike import index as index_module

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def logo(fill=(200, 24, 24)) -> Image.Image:
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.ellipse([12, 12, 116, 116], fill=fill)
    draw.rectangle([44, 30, 84, 96], fill=(255, 255, 255))
    draw.polygon([(24, 108), (64, 66), (104, 108)], fill=(30, 30, 30))
    draw.text((64, 52), "HX", fill=(30, 30, 30), font=ImageFont.truetype(FONT, 22), anchor="mm")
    return img


def unrelated() -> Image.Image:
    """A drawing that shares nothing with the logo: a white square frame and a yellow diagonal on blue."""
    img = Image.new("RGB", (128, 128), (20, 90, 160))
    draw = ImageDraw.Draw(img)
    draw.rectangle([30, 30, 98, 98], outline=(250, 250, 250), width=6)
    draw.line([(20, 110), (110, 18)], fill=(250, 200, 20), width=5)
    return img


def relayout(img: Image.Image, word: str = "NEW") -> Image.Image:
    """The logo shrunk onto a white background, raised, a word below it, a thin frame round the edge:
    only keypoints see it (the frame leaves no plain field, so no content box cuts the logo out:
    test_content_box.py covers copies without one)."""
    side = round(128 * 0.66)
    out = Image.new("RGB", (128, 128), (255, 255, 255))
    y = (128 - side) // 4
    out.paste(img.resize((side, side), Image.Resampling.LANCZOS), ((128 - side) // 2, y))
    ImageDraw.Draw(out).text(
        (64, (y + side + 128) // 2), word, fill=(60, 60, 60), font=ImageFont.truetype(FONT, 14), anchor="mm"
    )
    ImageDraw.Draw(out).rectangle([0, 0, 127, 127], outline=(90, 90, 200), width=3)
    return out


def hxb_app() -> ProtectedApp:
    return ProtectedApp(
        app_id="hxb",
        institution="华夏银行",
        names=("华夏银行",),
        brand_keywords=("华夏银行",),
        package_ids=("com.hxb.mobile",),
        developers=("华夏银行股份有限公司",),
        icon="official.png",
    )


def generic_listing(icon: str, listing_id: str = "L1") -> Listing:
    """A listing under a name without brand or finance words: its icon alone decides."""
    return Listing(
        listing_id=listing_id, source="store", name="天气预报", package_id="com.weather.app", icon=icon
    )


def counting_verify(monkeypatch) -> list:
    """Every keypoint verification the index runs (its keyword arguments), in order."""
    calls = []
    real = index_module.verify

    def counted(mine, theirs, **kw):
        calls.append(kw)
        return real(mine, theirs, **kw)

    monkeypatch.setattr(index_module, "verify", counted)
    return calls


def screen_copy(folder, official: Image.Image, copy: Image.Image, **keypoints):
    """The alert (or None) for a generic listing showing ``copy``, against hxb whose official icon is
    ``official`` (both saved in ``folder``), with these keypoints settings."""
    official.save(folder / "official.png")
    copy.save(folder / "copy.png")
    config = load_config(overrides={"keypoints": keypoints} if keypoints else None)
    return LookalikeIndex([hxb_app()], config, icons_root=folder).screen_one(generic_listing("copy.png"))
