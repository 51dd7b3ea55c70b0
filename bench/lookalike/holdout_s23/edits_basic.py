"""The usual counterfeiter's edits of an icon. Each takes (src, rng, s, nrng) with strength s in 0..1 and
returns a SIZE x SIZE image (RGB, or RGBA where the edit leaves transparent corners)."""

from __future__ import annotations

import math

import numpy as np
from drawing import (
    SIZE,
    darker,
    fit_width,
    gradient,
    hsv,
    lighter,
    luma,
    mask_image,
    paste_centred,
    shape_mask,
    solid,
    text_block,
)
from edit_tools import (
    BADGE_WORDS,
    BAND_WORDS,
    MARK_WORDS,
    SIDE_WORDS,
    STAMP_WORDS,
    blend,
    contrasting,
    cutout,
    emblem_colour,
    grid,
    jpeg_roundtrip,
    perspective_coeffs,
)
from PIL import Image, ImageDraw, ImageFilter, ImageOps

LANCZOS = Image.Resampling.LANCZOS


def crop(src, rng, s, nrng):
    side = int(SIZE * (1 - (0.06 + 0.26 * s)))
    x, y = rng.randint(0, SIZE - side), rng.randint(0, SIZE - side)
    return src.img.crop((x, y, x + side, y + side)).resize((SIZE, SIZE), LANCZOS)


def rescale(src, rng, s, nrng):
    f = 1 - (0.12 + 0.4 * s)
    side = int(SIZE * f)
    small = src.img.resize((side, side), LANCZOS)
    out = solid(src.bg)
    slack = SIZE - side
    out.paste(small, (slack // 2 + rng.randint(-slack // 4, slack // 4), slack // 2 + rng.randint(-slack // 4, slack // 4)))
    return out


def rotate(src, rng, s, nrng):
    angle = rng.choice([-1, 1]) * (3 + 27 * s)
    return src.img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=src.bg)


def _hsv_arrays(img):
    a = np.asarray(img.convert("HSV")).astype(np.float32)
    return a[..., 0], a[..., 1], a[..., 2]


def _from_hsv(h, sat, v):
    a = np.stack([np.mod(h, 256), np.clip(sat, 0, 255), np.clip(v, 0, 255)], axis=-1)
    return Image.fromarray((a + 0.5).astype(np.uint8), "HSV").convert("RGB")


def recolour(src, rng, s, nrng):
    """The brand colour painted over: every saturated pixel takes one new hue."""
    h, sat, v = _hsv_arrays(src.img)
    target = rng.random() * 256
    t = 0.55 + 0.45 * s
    d = (target - h + 128) % 256 - 128
    coloured = sat > 40
    h = np.where(coloured, h + t * d, h)
    sat = np.where(coloured, sat * rng.uniform(0.75, 1.15), sat)
    return _from_hsv(h, sat, v)


def hue_shift(src, rng, s, nrng):
    h, sat, v = _hsv_arrays(src.img)
    delta = rng.choice([-1, 1]) * (25 + 155 * s) / 360 * 256
    return _from_hsv(h + delta, sat, v)


def blur(src, rng, s, nrng):
    return src.img.filter(ImageFilter.GaussianBlur(1.2 + 7 * s))


def jpeg(src, rng, s, nrng):
    small = int(SIZE * (1 - 0.55 * s))
    img = src.img.resize((small, small), LANCZOS) if small < SIZE else src.img
    img = jpeg_roundtrip(img, round(45 - 38 * s))
    if rng.random() < 0.5:
        img = jpeg_roundtrip(img, round(60 - 30 * s))
    return img.resize((SIZE, SIZE), Image.Resampling.BILINEAR)


def noise(src, rng, s, nrng):
    a = np.asarray(src.img, np.float32)
    sigma = 5 + 30 * s
    if rng.random() < 0.5:
        n = nrng.normal(0, sigma, a.shape[:2])[..., None]
    else:
        n = nrng.normal(0, sigma, a.shape)
    return Image.fromarray(np.clip(a + n + 0.5, 0, 255).astype(np.uint8), "RGB")


def border(src, rng, s, nrng):
    t = int(SIZE * (0.03 + 0.09 * s))
    colour = rng.choice([(212, 175, 55), (200, 16, 46), (255, 255, 255), (20, 20, 20), darker(src.bg, 0.35)])
    out = solid(colour)
    inner = src.img.resize((SIZE - 2 * t, SIZE - 2 * t), LANCZOS)
    out.paste(inner, (t, t))
    if rng.random() < 0.5:
        ImageDraw.Draw(out).rectangle([t // 2, t // 2, SIZE - 1 - t // 2, SIZE - 1 - t // 2],
                                      outline=lighter(colour, 0.5), width=max(2, t // 6))
    return out


def badge(src, rng, s, nrng):
    out = src.img.copy()
    r = int(SIZE * (0.1 + 0.09 * s))
    corner = rng.choice(["tl", "tr", "bl", "br"])
    cx = r + 6 if corner[1] == "l" else SIZE - r - 6
    cy = r + 6 if corner[0] == "t" else SIZE - r - 6
    colour = rng.choice([(230, 30, 40), (255, 90, 0), (250, 200, 0), (20, 150, 60)])
    d = ImageDraw.Draw(out)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour, outline=(255, 255, 255), width=max(2, r // 8))
    word = rng.choice(BADGE_WORDS)
    block = fit_width(text_block(word, int(r * 1.1), (255, 255, 255)), int(r * 1.5))
    paste_centred(out, block, cx, cy)
    return out


def text_overlay(src, rng, s, nrng):
    out = src.img.copy()
    h = int(SIZE * (0.14 + 0.12 * s))
    top = rng.random() < 0.3
    y0 = 0 if top else SIZE - h
    colour = rng.choice([(230, 30, 40), (255, 200, 0), (20, 20, 20), (255, 255, 255), (0, 120, 220)])
    alpha = rng.uniform(0.75, 1.0)
    band = Image.new("RGB", (SIZE, h), colour)
    region = out.crop((0, y0, SIZE, y0 + h))
    out.paste(Image.blend(region, band, alpha), (0, y0))
    word = rng.choice(BAND_WORDS)
    block = fit_width(text_block(word, int(h * 0.62), (255, 255, 255) if luma(colour) < 150 else (30, 30, 30)),
                      int(SIZE * 0.9))
    paste_centred(out, block, SIZE / 2, y0 + h / 2)
    return out


def mirror(src, rng, s, nrng):
    out = ImageOps.mirror(src.img)
    return ImageOps.flip(out) if s > 0.9 and rng.random() < 0.5 else out


def perspective(src, rng, s, nrng):
    d = SIZE * (0.04 + 0.2 * s)
    corners = [(0, 0), (SIZE, 0), (SIZE, SIZE), (0, SIZE)]
    dst = [(x + (1 if x == 0 else -1) * rng.uniform(0, d), y + (1 if y == 0 else -1) * rng.uniform(0, d))
           for x, y in corners]
    coeffs = perspective_coeffs(dst, corners)
    return src.img.transform((SIZE, SIZE), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC,
                             fillcolor=src.bg)


def gradient_bg(src, rng, s, nrng):
    ec = emblem_colour(src)
    c1 = contrasting(rng, ec, 60)
    c2 = hsv(rng.random(), rng.uniform(0.3, 0.9), rng.uniform(0.3, 1.0)) if s > 0.5 else lighter(c1, 0.45)
    field = gradient(c1, c2, SIZE, rng.uniform(0, 180))
    return blend(field, src.img, np.clip(src.mask * 1.2, 0, 1))


def new_background(src, rng, s, nrng):
    cut = cutout(src)
    f = (0.78 - 0.38 * s) * SIZE / max(cut.size)
    cut = cut.resize((max(1, int(cut.width * f)), max(1, int(cut.height * f))), LANCZOS)
    out = solid(contrasting(rng, emblem_colour(src), 70))
    x = rng.randint(0, SIZE - cut.width)
    y = rng.randint(0, SIZE - cut.height)
    out.paste(cut, (x, y), cut)
    return out


def beside_word(src, rng, s, nrng):
    cut = cutout(src)
    ec = emblem_colour(src)
    bg = src.bg if rng.random() < 0.6 else contrasting(rng, ec, 70)
    out = solid(bg)
    word = rng.choice(SIDE_WORDS)
    colour = ec if abs(luma(ec) - luma(bg)) > 60 else (darker(bg, 0.7) if luma(bg) > 128 else (255, 255, 255))
    side = rng.random() < 0.5
    f = (0.55 - 0.17 * s) * SIZE / max(cut.size)
    cut = cut.resize((max(1, int(cut.width * f)), max(1, int(cut.height * f))), LANCZOS)
    if side:
        block = fit_width(text_block(word, int(SIZE * 0.2), colour), int(SIZE * 0.5))
        total = cut.width + 20 + block.width
        x0 = (SIZE - total) // 2
        out.paste(cut, (x0, (SIZE - cut.height) // 2), cut)
        paste_centred(out, block, x0 + cut.width + 20 + block.width / 2, SIZE / 2)
    else:
        block = fit_width(text_block(word, int(SIZE * 0.17), colour), int(SIZE * 0.85))
        total = cut.height + 16 + block.height
        y0 = (SIZE - total) // 2
        out.paste(cut, ((SIZE - cut.width) // 2, y0), cut)
        paste_centred(out, block, SIZE / 2, y0 + cut.height + 16 + block.height / 2)
    return out


def dark_mode(src, rng, s, nrng):
    a = np.asarray(src.img, np.float32)
    lum = a.mean(axis=2, keepdims=True)
    lift = np.where(lum < 90, 0.45 + 0.3 * s, 0.0)
    emb = a + (255 - a) * lift
    emb = emb * (1 - 0.2 * s)
    field = np.array([rng.randint(14, 34)] * 3, np.float32)
    m = src.mask[..., None]
    out = field * (1 - m) + emb * m
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "RGB")


def invert(src, rng, s, nrng):
    inv = ImageOps.invert(src.img)
    return inv if s > 0.3 else Image.blend(src.img, inv, 0.85)


def outline_only(src, rng, s, nrng):
    m = mask_image(src.mask)
    w = int(3 + 10 * s)
    inner = m.filter(ImageFilter.MinFilter(min(31, 2 * w + 1)))
    edge = np.clip(np.asarray(m, np.float32) - np.asarray(inner, np.float32), 0, 255) / 255
    ec = emblem_colour(src)
    bg = src.bg if rng.random() < 0.7 else (255, 255, 255)
    if abs(luma(ec) - luma(bg)) < 50:
        ec = (30, 30, 30) if luma(bg) > 128 else (255, 255, 255)
    return blend(solid(bg), solid(ec), edge)


def stamp(src, rng, s, nrng):
    out = src.img.convert("RGBA")
    layer = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    r = int(SIZE * (0.2 + 0.14 * s))
    cx = SIZE / 2 + rng.randint(-30, 30)
    cy = SIZE / 2 + rng.randint(-30, 30)
    colour = rng.choice([(210, 20, 30), (200, 40, 40), (30, 90, 200)])
    alpha = int(255 * (0.45 + 0.45 * s))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour + (alpha,), width=max(3, r // 9))
    d.ellipse([cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8], outline=colour + (alpha,),
              width=max(2, r // 20))
    word = rng.choice(STAMP_WORDS)
    block = fit_width(text_block(word, int(r * 0.55), colour + (alpha,)), int(r * 1.4))
    block = block.rotate(rng.uniform(-20, 20), expand=True, resample=Image.Resampling.BICUBIC)
    paste_centred(layer, block, cx, cy)
    return Image.alpha_composite(out, layer).convert("RGB")


def watermark(src, rng, s, nrng):
    word = rng.choice(MARK_WORDS)
    alpha = int(255 * (0.2 + 0.4 * s))
    colour = (255, 255, 255) if luma(src.bg) < 140 else (60, 60, 60)
    tile = Image.new("RGBA", (SIZE * 2, SIZE * 2), (0, 0, 0, 0))
    block = text_block(word, int(SIZE * 0.09), colour + (alpha,))
    step_x, step_y = block.width + 40, block.height + 50
    for j, y in enumerate(range(0, SIZE * 2, step_y)):
        for x in range(-(j % 2) * step_x // 2, SIZE * 2, step_x):
            tile.paste(block, (x, y), block)
    tile = tile.rotate(rng.uniform(20, 40), resample=Image.Resampling.BICUBIC)
    tile = tile.crop((SIZE // 2, SIZE // 2, SIZE // 2 + SIZE, SIZE // 2 + SIZE))
    return Image.alpha_composite(src.img.convert("RGBA"), tile).convert("RGB")


def screen_photo(src, rng, s, nrng):
    screen = solid((rng.randint(20, 45),) * 3)
    icon = src.img.resize((int(SIZE * 0.78), int(SIZE * 0.78)), LANCZOS)
    screen.paste(icon, ((SIZE - icon.width) // 2, (SIZE - icon.height) // 2), shape_mask(icon.width, "rounded"))
    d = SIZE * (0.02 + 0.1 * s)
    corners = [(0, 0), (SIZE, 0), (SIZE, SIZE), (0, SIZE)]
    dst = [(x + rng.uniform(-d, d), y + rng.uniform(-d, d)) for x, y in corners]
    photo = screen.transform((SIZE, SIZE), Image.Transform.PERSPECTIVE, perspective_coeffs(dst, corners),
                             Image.Resampling.BICUBIC, fillcolor=(rng.randint(60, 120),) * 3)
    a = np.asarray(photo, np.float32)
    xs, ys = grid()
    theta = rng.uniform(0, math.pi)
    period = rng.uniform(3.0, 7.0)
    moire = np.sin(2 * math.pi * (xs * math.cos(theta) + ys * math.sin(theta)) / period)
    a = a + (moire * (5 + 14 * s))[..., None]
    r2 = ((xs - SIZE / 2) ** 2 + (ys - SIZE / 2) ** 2) / (SIZE / 2) ** 2
    a = a * (1 - 0.35 * s * np.clip(r2, 0, 2) / 2)[..., None]
    a = a * np.array([1 + rng.uniform(-0.08, 0.08) for _ in range(3)], np.float32)
    a = a + nrng.normal(0, 4 + 8 * s, a.shape)
    img = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(0.8 + 1.5 * s))
    return jpeg_roundtrip(img, 55)


def squash(src, rng, s, nrng):
    f = 1 - (0.12 + 0.33 * s)
    wide = rng.random() < 0.5
    if rng.random() < 0.5:  # squashed, padded with the field
        im = src.img.resize((int(SIZE * f), SIZE) if wide else (SIZE, int(SIZE * f)), LANCZOS)
        out = solid(src.bg)
        out.paste(im, ((SIZE - im.width) // 2, (SIZE - im.height) // 2))
        return out
    big = src.img.resize((int(SIZE / f), SIZE) if wide else (SIZE, int(SIZE / f)), LANCZOS)  # stretched, cut
    x, y = (big.width - SIZE) // 2, (big.height - SIZE) // 2
    return big.crop((x, y, x + SIZE, y + SIZE))


def rounded_mask(src, rng, s, nrng):
    shape = rng.choice(["circle", "squircle", "rounded", "rounded"])
    m = shape_mask(SIZE, shape, rng.uniform(0.08, 0.35))
    if rng.random() < 0.5:
        out = src.img.convert("RGBA")
        out.putalpha(m)
        return out
    fill = rng.choice([(255, 255, 255), (0, 0, 0), (240, 240, 240), contrasting(rng, src.bg, 60)])
    out = solid(fill)
    inner = src.img if s < 0.5 else src.img.resize((int(SIZE * 0.92),) * 2, LANCZOS)
    mm = m if inner.width == SIZE else shape_mask(inner.width, shape, 0.22)
    out.paste(inner, ((SIZE - inner.width) // 2,) * 2, mm)
    return out


def tile_turn(src, rng, s, nrng):
    f = 0.8 - 0.25 * s
    side = int(SIZE * f)
    tile = src.img.resize((side, side), LANCZOS).convert("RGBA")
    tile.putalpha(shape_mask(side, "rounded", rng.uniform(0.05, 0.25)))
    tile = tile.rotate(rng.choice([-1, 1]) * (5 + 25 * s), expand=True, resample=Image.Resampling.BICUBIC)
    c1 = contrasting(rng, src.bg, 50)
    field = solid(c1) if rng.random() < 0.5 else gradient(c1, lighter(c1, 0.5), SIZE, rng.uniform(0, 180))
    slack_x, slack_y = max(0, SIZE - tile.width), max(0, SIZE - tile.height)
    field.paste(tile, (rng.randint(0, slack_x) if slack_x else (SIZE - tile.width) // 2,
                       rng.randint(0, slack_y) if slack_y else (SIZE - tile.height) // 2), tile)
    return field


USUAL = {
    "crop": crop, "rescale": rescale, "rotate": rotate, "recolour": recolour, "hue_shift": hue_shift,
    "blur": blur, "jpeg": jpeg, "noise": noise, "border": border, "badge": badge, "text_overlay": text_overlay,
    "mirror": mirror, "perspective": perspective, "gradient_bg": gradient_bg, "new_background": new_background,
    "beside_word": beside_word, "dark_mode": dark_mode, "invert": invert, "outline_only": outline_only,
    "stamp": stamp, "watermark": watermark, "screen_photo": screen_photo, "squash": squash,
    "rounded_mask": rounded_mask, "tile_turn": tile_turn,
}
