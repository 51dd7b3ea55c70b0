"""Synthetic PNG icons: institution logos, unrelated app icons, and imitations of a logo."""

from __future__ import annotations

import colorsys
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 128
_FONT_PATHS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]


def _font(size: int):
    for path in _FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _colour(rng: random.Random, light: bool | None = None) -> tuple[int, int, int]:
    h = rng.random()
    s = rng.uniform(0.5, 1.0)
    v = (
        rng.uniform(0.75, 1.0)
        if light
        else (rng.uniform(0.2, 0.55) if light is False else rng.uniform(0.3, 1))
    )
    r, g, b = colorsys.hsv_to_rgb(h, s, v)
    return int(r * 255), int(g * 255), int(b * 255)


def _shape(draw: ImageDraw.ImageDraw, rng: random.Random, fill) -> None:
    kind = rng.choice(["ellipse", "rect", "poly", "ring", "bars", "arc"])
    x0, y0 = rng.randint(4, 60), rng.randint(4, 60)
    x1, y1 = rng.randint(x0 + 24, 124), rng.randint(y0 + 24, 124)
    if kind == "ellipse":
        draw.ellipse([x0, y0, x1, y1], fill=fill)
    elif kind == "rect":
        draw.rounded_rectangle([x0, y0, x1, y1], radius=rng.randint(0, 16), fill=fill)
    elif kind == "poly":
        draw.polygon(
            [(rng.randint(0, 127), rng.randint(0, 127)) for _ in range(rng.randint(3, 6))], fill=fill
        )
    elif kind == "ring":
        draw.ellipse([x0, y0, x1, y1], outline=fill, width=rng.randint(6, 14))
    elif kind == "bars":
        for i in range(rng.randint(2, 5)):
            y = y0 + i * 14
            draw.rectangle([x0, y, x1, y + 7], fill=fill)
    else:
        draw.arc([x0, y0, x1, y1], rng.randint(0, 180), rng.randint(190, 360), fill=fill, width=10)


def logo(rng: random.Random, text: str = "") -> Image.Image:
    """An institution-like logo: coloured background, 2-3 shapes, optional initials."""
    img = Image.new("RGB", (SIZE, SIZE), _colour(rng, light=rng.random() < 0.5))
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(2, 3)):
        _shape(draw, rng, _colour(rng))
    if text:
        font = _font(rng.randint(26, 40))
        draw.text((64, 64), text[:4], fill=_colour(rng, light=True), font=font, anchor="mm")
    return img


def unrelated(rng: random.Random) -> Image.Image:
    img = Image.new("RGB", (SIZE, SIZE), _colour(rng))
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(1, 4)):
        _shape(draw, rng, _colour(rng))
    if rng.random() < 0.4:
        word = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(rng.randint(1, 3)))
        draw.text((64, 64), word, fill=_colour(rng, light=True), font=_font(rng.randint(24, 48)), anchor="mm")
    return img


def recolour(img: Image.Image, rng: random.Random) -> Image.Image:
    """Hue rotation (the imitator keeps the drawing, changes the colours)."""
    hsv = img.convert("HSV")
    h, s, v = hsv.split()
    shift = rng.randint(40, 200)
    h = h.point(lambda x: (x + shift) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB")


def crop(img: Image.Image, rng: random.Random) -> Image.Image:
    m = rng.randint(6, 14)
    return img.crop((m, m, SIZE - m, SIZE - m)).resize((SIZE, SIZE), Image.Resampling.BICUBIC)


def badge(img: Image.Image, rng: random.Random) -> Image.Image:
    """A corner badge ("new", "hot") as imitators add to look like an update."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    r = rng.randint(16, 24)
    cx, cy = rng.choice([(SIZE - r - 2, r + 2), (r + 2, r + 2), (SIZE - r - 2, SIZE - r - 2)])
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(230, 30, 30))
    draw.text((cx, cy), rng.choice(["N", "HOT", "VIP", "5"]), fill="white", font=_font(r), anchor="mm")
    return out


def avatar(img: Image.Image, rng: random.Random) -> Image.Image:
    """A mini-program / official-account avatar: the logo, a little zoomed or not, inside a circle on
    a white or light-grey square (platforms show avatars round; feeds store the square image)."""
    m = rng.randint(0, 8)
    src = img.convert("RGB").crop((m, m, SIZE - m, SIZE - m)).resize((SIZE, SIZE), Image.Resampling.BICUBIC)
    grey = rng.choice([255, 255, 245, 235])
    out = Image.new("RGB", (SIZE, SIZE), (grey, grey, grey))
    mask = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(mask).ellipse([0, 0, SIZE - 1, SIZE - 1], fill=255)
    out.paste(src, (0, 0), mask)
    return out


def blur(img: Image.Image, rng: random.Random) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(1.5, 3.0)))


def generic_finance(rng: random.Random) -> Image.Image:
    """A generic finance-tool icon: a plain or rounded background with one central white symbol (a ¥ or
    $ coin, a card, a bar chart, a shield, a wallet) — many unrelated finance apps look like this."""
    img = Image.new("RGB", (SIZE, SIZE), _colour(rng, light=rng.random() < 0.3))
    draw = ImageDraw.Draw(img)
    fg = (255, 255, 255) if rng.random() < 0.8 else _colour(rng, light=True)
    kind = rng.choice(["coin", "glyph", "card", "chart", "shield", "wallet"])
    m = rng.randint(22, 34)
    if kind in ("coin", "glyph"):
        if kind == "coin":
            draw.ellipse([m, m, SIZE - m, SIZE - m], outline=fg, width=rng.randint(5, 9))
        draw.text(
            (64, 64), rng.choice(["¥", "$", "€"]), fill=fg, font=_font(rng.randint(40, 64)), anchor="mm"
        )
    elif kind == "card":
        draw.rounded_rectangle([m - 8, m + 8, SIZE - m + 8, SIZE - m - 8], radius=8, fill=fg)
        draw.rectangle([m - 8, m + 22, SIZE - m + 8, m + 32], fill=img.getpixel((0, 0)))
    elif kind == "chart":
        for i in range(rng.randint(3, 4)):
            top = rng.randint(m, SIZE - m - 16)
            draw.rectangle([m + i * 18, top, m + i * 18 + 11, SIZE - m], fill=fg)
    elif kind == "shield":
        draw.polygon(
            [(64, m), (SIZE - m, m + 14), (SIZE - m - 6, 88), (64, SIZE - m + 6), (m + 6, 88), (m, m + 14)],
            fill=fg,
        )
    else:
        draw.rounded_rectangle([m - 6, m + 6, SIZE - m + 6, SIZE - m], radius=10, outline=fg, width=7)
        draw.ellipse([SIZE - m - 18, 56, SIZE - m - 4, 70], fill=fg)
    return img


IMITATIONS = {"icon_recolour": recolour, "icon_crop": crop, "icon_badge": badge, "icon_blur": blur}
# Imitations that the issue-14 cases add (kept apart so that the older cases draw the same numbers).
MORE_IMITATIONS = {**IMITATIONS, "icon_avatar": avatar}


# Geometric imitations (added after the independent set showed that the pHash family misses them;
# written from the kinds' names only — off-centre crops, rotations, badges over the middle, a text band,
# a re-layout — never from that set's generator). Drawn by their own cases, after all older ones.
_BAND_WORDS = ["官方", "贷款", "正版", "VIP", "NEW", "极速", "福利", "APP"]


def _border_colour(img: Image.Image) -> tuple[int, int, int]:
    return img.convert("RGB").getpixel((1, 1))


def offcentre_crop(img: Image.Image, rng: random.Random) -> Image.Image:
    """A window of 72-90 % of the side, anywhere in the icon (not centred), scaled back up."""
    side = int(SIZE * rng.uniform(0.72, 0.9))
    x, y = rng.randint(0, SIZE - side), rng.randint(0, SIZE - side)
    return img.crop((x, y, x + side, y + side)).resize((SIZE, SIZE), Image.Resampling.BICUBIC)


def rotate(img: Image.Image, rng: random.Random) -> Image.Image:
    """Turned by 4-25 degrees either way; the corners filled with the background or white."""
    angle = rng.uniform(4, 25) * rng.choice([-1, 1])
    fill = rng.choice([_border_colour(img), (255, 255, 255)])
    return img.convert("RGB").rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=fill)


def centre_badge(img: Image.Image, rng: random.Random) -> Image.Image:
    """A stamp over the middle of the logo (官方 / 正版 / a tick in a disc or a rounded label)."""
    out = img.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    r = rng.randint(12, 20)
    cx, cy = 64 + rng.randint(-8, 8), 64 + rng.randint(-8, 8)
    colour = rng.choice([(230, 30, 30), (250, 200, 20), (255, 255, 255), (30, 160, 60)])
    if rng.random() < 0.5:
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    else:
        draw.rounded_rectangle(
            [cx - r - 8, cy - r // 2 - 2, cx + r + 8, cy + r // 2 + 2], radius=6, fill=colour
        )
    draw.text((cx, cy), rng.choice(["V", "OK", "1", "HOT"]), fill=(0, 0, 0), font=_font(r), anchor="mm")
    return out


def text_band(img: Image.Image, rng: random.Random) -> Image.Image:
    """A band of text across the bottom or the top: laid over the logo, or the logo squeezed above it."""
    out = img.convert("RGB").copy()
    band = int(SIZE * rng.uniform(0.18, 0.28))
    top = rng.random() < 0.3
    colour = rng.choice([(230, 30, 30), (20, 20, 20), (255, 255, 255), (250, 200, 20)])
    if rng.random() < 0.5:  # squeezed: the logo keeps its width, loses height
        logo = img.convert("RGB").resize((SIZE, SIZE - band), Image.Resampling.LANCZOS)
        out = Image.new("RGB", (SIZE, SIZE), colour)
        out.paste(logo, (0, band if top else 0))
    y0 = 0 if top else SIZE - band
    draw = ImageDraw.Draw(out)
    draw.rectangle([0, y0, SIZE, y0 + band], fill=colour)
    text_colour = (0, 0, 0) if sum(colour) > 500 else (255, 255, 255)
    draw.text(
        (64, y0 + band // 2), rng.choice(_BAND_WORDS), fill=text_colour, font=_font(band - 6), anchor="mm"
    )
    return out


def relayout(img: Image.Image, rng: random.Random) -> Image.Image:
    """The logo shrunk to 55-80 % on a new background, centred or moved up, perhaps a word below."""
    scale = rng.uniform(0.55, 0.8)
    side = int(SIZE * scale)
    logo = img.convert("RGB").resize((side, side), Image.Resampling.LANCZOS)
    bg = rng.choice([(255, 255, 255), (245, 245, 245), _border_colour(img)])
    out = Image.new("RGB", (SIZE, SIZE), bg)
    x = (SIZE - side) // 2 + rng.randint(-4, 4)
    y = rng.choice([(SIZE - side) // 2, max(0, (SIZE - side) // 4)])
    out.paste(logo, (x, y))
    if y < (SIZE - side) // 2 and rng.random() < 0.7:
        draw = ImageDraw.Draw(out)
        below = y + side
        draw.text(
            (64, (below + SIZE) // 2),
            rng.choice(_BAND_WORDS),
            fill=(60, 60, 60),
            font=_font(max(10, (SIZE - below) - 6)),
            anchor="mm",
        )
    return out


def crop_badge(img: Image.Image, rng: random.Random) -> Image.Image:
    return badge(crop(img, rng), rng)


GEOMETRIC_IMITATIONS = {
    "icon_offcentre_crop": offcentre_crop,
    "icon_rotate": rotate,
    "icon_centre_badge": centre_badge,
    "icon_text_band": text_band,
    "icon_relayout": relayout,
    "icon_crop_badge": crop_badge,
}
