"""Edits of this set's own invention (beyond the usual list). Same signature as edits_basic."""

from __future__ import annotations

import math

import numpy as np
from drawing import (
    SIZE,
    darker,
    dilate,
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
from edit_tools import LABEL_WORDS, contrasting, grid, remap
from PIL import Image, ImageDraw, ImageFilter

LANCZOS = Image.Resampling.LANCZOS


def pixelate(src, rng, s, nrng):
    n = int(round(64 - 50 * s))
    return src.img.resize((n, n), Image.Resampling.BOX).resize((SIZE, SIZE), Image.Resampling.NEAREST)


def posterize(src, rng, s, nrng):
    k = max(2, int(round(7 - 5 * s)))
    out = src.img.quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    return out.filter(ImageFilter.ModeFilter(5)) if s > 0.6 else out


def halftone(src, rng, s, nrng):
    """Dot-screen print: one dot per cell, its area the cell's ink, its colour the ink's colour."""
    cell = int(round(5 + 13 * s))
    a = np.asarray(src.img, np.float32)
    bg = np.array(src.bg, np.float32)
    big = solid(src.bg, SIZE * 2)
    d = ImageDraw.Draw(big)
    n = SIZE // cell + 1
    pad = np.zeros((n * cell, n * cell, 3), np.float32) + bg
    pad[:SIZE, :SIZE] = a
    means = pad.reshape(n, cell, n, cell, 3).mean(axis=(1, 3))
    diff = means - bg
    ink = np.sqrt((diff ** 2).sum(axis=2))
    top = max(1.0, float(ink.max()))
    for j in range(n):
        for i in range(n):
            t = ink[j, i] / top
            if t < 0.04:
                continue
            colour = tuple(int(v) for v in np.clip(bg + diff[j, i] / max(t, 0.25), 0, 255))
            r = cell * 0.78 * math.sqrt(t)
            cx, cy = (i + 0.5) * cell * 2, (j + 0.5) * cell * 2
            d.ellipse([cx - 2 * r, cy - 2 * r, cx + 2 * r, cy + 2 * r], fill=colour)
    return big.resize((SIZE, SIZE), LANCZOS)


def glitch(src, rng, s, nrng):
    a = np.array(src.img)
    for _ in range(3 + int(9 * s)):
        y0 = rng.randint(0, SIZE - 8)
        h = rng.randint(4, 12 + int(40 * s))
        shift = int(rng.uniform(-1, 1) * (8 + 60 * s))
        a[y0:y0 + h] = np.roll(a[y0:y0 + h], shift, axis=1)
    k = 2 + int(10 * s)
    a[..., 0] = np.roll(a[..., 0], k, axis=1)
    a[..., 2] = np.roll(a[..., 2], -k, axis=1)
    return Image.fromarray(a, "RGB")


def emboss(src, rng, s, nrng):
    """3-D bevel: the drawing lit from the top left."""
    height = np.asarray(mask_image(src.mask).filter(ImageFilter.GaussianBlur(4 + 6 * s)), np.float32) / 255
    gy, gx = np.gradient(height)
    shade = -(gx + gy)
    shade = shade / max(1e-6, float(np.abs(shade).max()))
    a = np.asarray(src.img, np.float32) + (shade * (50 + 90 * s))[..., None]
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB")


def long_shadow(src, rng, s, nrng):
    m = src.mask > 0.5
    length = int(SIZE * (0.15 + 0.5 * s))
    sh = m.copy()
    for k in range(1, length, 2):
        sh[k:, k:] |= m[:-k, :-k]
    sh &= ~m
    col = darker(src.bg, 0.15 + 0.2 * s) if luma(src.bg) > 60 else lighter(src.bg, 0.2)
    a = np.array(src.img)
    a[sh] = col
    return Image.fromarray(a, "RGB")


def swirl(src, rng, s, nrng):
    xs, ys = grid()
    c = SIZE / 2
    dx, dy = xs - c, ys - c
    r = np.sqrt(dx * dx + dy * dy)
    theta = np.arctan2(dy, dx)
    amount = rng.choice([-1, 1]) * (0.6 + 2.4 * s)
    phi = theta - amount * np.clip(1 - r / (SIZE * 0.62), 0, 1) ** 2
    out = remap(np.asarray(src.img), c + r * np.cos(phi), c + r * np.sin(phi), src.bg)
    return Image.fromarray(out, "RGB")


def fisheye(src, rng, s, nrng):
    xs, ys = grid()
    c = SIZE / 2
    dx, dy = (xs - c) / c, (ys - c) / c
    r = np.sqrt(dx * dx + dy * dy)
    k = 0.3 + 0.9 * s
    if rng.random() < 0.3:
        k = -k * 0.45  # pinched instead of bulged
    scale = np.where(r < 1, np.power(np.maximum(r, 1e-6), k), 1.0)
    out = remap(np.asarray(src.img), c + dx * scale * c, c + dy * scale * c, src.bg)
    return Image.fromarray(out, "RGB")


def ripple(src, rng, s, nrng):
    xs, ys = grid()
    amp = 3 + 14 * s
    wl = rng.uniform(40, 110)
    p1, p2 = rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    sx = xs + amp * np.sin(2 * math.pi * ys / wl + p1)
    sy = ys + (amp * np.sin(2 * math.pi * xs / wl + p2) if rng.random() < 0.5 else 0)
    return Image.fromarray(remap(np.asarray(src.img), sx, sy, src.bg), "RGB")


def homescreen_crop(src, rng, s, nrng):
    """The icon cut out of a phone's home-screen capture: wallpaper, neighbours' edges and its label."""
    W, step, icon = 1024, 256, 176
    c1 = hsv(rng.random(), rng.uniform(0.3, 0.8), rng.uniform(0.3, 0.8))
    screen = gradient(c1, hsv(rng.random(), 0.5, 0.5), W, rng.uniform(0, 180))
    rmask = shape_mask(icon, "squircle")
    target = (1, 1)
    for j in range(4):
        for i in range(4):
            cx, cy = 128 + step * i, 118 + step * j
            if (i, j) == target:
                tile = src.img.resize((icon, icon), LANCZOS)
            else:
                tile = solid(hsv(rng.random(), rng.uniform(0.4, 0.9), rng.uniform(0.5, 1.0)), icon)
                td = ImageDraw.Draw(tile)
                kind = rng.randint(0, 2)
                if kind == 0:
                    td.ellipse([44, 44, 132, 132], fill=(255, 255, 255))
                elif kind == 1:
                    td.rectangle([50, 60, 126, 116], fill=(255, 255, 255))
                else:
                    td.ellipse([40, 40, 136, 136], outline=(255, 255, 255), width=16)
            screen.paste(tile, (cx - icon // 2, cy - icon // 2), rmask)
            label = text_block(rng.choice(LABEL_WORDS), 30, (255, 255, 255))
            paste_centred(screen, label, cx, cy + icon // 2 + 26)
    side = int(icon * (1.12 + 0.9 * s))
    cx, cy = 128 + step * target[0] + rng.randint(-10, 10), 118 + step * target[1] + 14 + rng.randint(-10, 10)
    return screen.crop((cx - side // 2, cy - side // 2, cx + side // 2, cy + side // 2)).resize((SIZE, SIZE), LANCZOS)


def sticker(src, rng, s, nrng):
    """A die-cut sticker of the drawing (or of the whole tile) with a white edge and a shadow."""
    white_field = luma(src.bg) > 225
    if white_field:
        alpha = mask_image(src.mask)
        layer = src.img.convert("RGBA")
        layer.putalpha(alpha)
    else:
        alpha = shape_mask(SIZE, "rounded", 0.2)
        layer = src.img.convert("RGBA")
        layer.putalpha(alpha)
    edge = dilate(alpha, int(10 + 16 * s))
    sticker_im = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    sticker_im.putalpha(edge)
    sticker_im = Image.alpha_composite(sticker_im, layer)
    f = 0.86 - 0.1 * s
    sticker_im = sticker_im.resize((int(SIZE * f),) * 2, LANCZOS).rotate(
        rng.uniform(-15, 15) * s, expand=False, resample=Image.Resampling.BICUBIC)
    field = solid(contrasting(rng, (255, 255, 255), 60, sat=(0.2, 0.7)))
    shadow = Image.new("RGBA", sticker_im.size, (0, 0, 0, 0))
    shadow.putalpha(sticker_im.getchannel("A").point(lambda v: int(v * 0.4)).filter(ImageFilter.GaussianBlur(8)))
    off = (SIZE - sticker_im.width) // 2
    field.paste(shadow, (off + 8, off + 12), shadow)
    field.paste(sticker_im, (off, off), sticker_im)
    return field


def gloss(src, rng, s, nrng):
    """An old glossy 3-D tile: highlight over the top half, darker rim, transparent corners."""
    a = np.asarray(src.img, np.float32)
    xs, ys = grid()
    edge = np.minimum(np.minimum(xs, SIZE - 1 - xs), np.minimum(ys, SIZE - 1 - ys)) / (SIZE * 0.12)
    a = a * (1 - (0.3 * s + 0.1) * np.clip(1 - edge, 0, 1))[..., None]
    hl = ((xs - SIZE / 2) / (SIZE * 0.75)) ** 2 + ((ys + SIZE * 0.05) / (SIZE * 0.5)) ** 2 < 1
    hl = hl & (ys < SIZE * 0.5)
    a = np.where(hl[..., None], a + (255 - a) * (0.18 + 0.3 * s), a)
    out = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.SMOOTH)
    rgba = out.convert("RGBA")
    rgba.putalpha(shape_mask(SIZE, "rounded", 0.18))
    return rgba


def page_curl(src, rng, s, nrng):
    """A corner of the icon peeled back, as in a printed-sticker or 'new page' look."""
    d = SIZE * (0.15 + 0.25 * s)
    out = src.img.copy()
    corner = rng.choice(["br", "tr", "bl", "tl"])
    sx = -1 if corner[1] == "r" else 1
    sy = -1 if corner[0] == "b" else 1
    cx = SIZE if corner[1] == "r" else 0
    cy = SIZE if corner[0] == "b" else 0
    a = (cx + sx * d, cy)
    b = (cx, cy + sy * d)
    fold = (cx + sx * d, cy + sy * d)
    backdrop = rng.choice([(255, 255, 255), (235, 235, 235), (40, 40, 40)])
    draw = ImageDraw.Draw(out)
    draw.polygon([a, b, (cx, cy)], fill=backdrop)
    shadow = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(shadow).polygon([a, b, (fold[0] + sx * 10, fold[1] + sy * 10)], fill=110)
    shadow = shadow.filter(ImageFilter.GaussianBlur(10))
    out.paste((0, 0, 0), (0, 0), shadow)
    flap = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(flap).polygon([a, b, fold], fill=255)
    shade = gradient((250, 250, 250), (190, 190, 190), SIZE, 45 if corner in ("br", "tl") else 135)
    out.paste(shade, (0, 0), flap)
    return out


def duotone(src, rng, s, nrng):
    h = rng.random()
    dark = hsv(h, rng.uniform(0.5, 0.9), rng.uniform(0.15, 0.35))
    light = hsv(h + rng.uniform(0.1, 0.5), rng.uniform(0.15, 0.45), rng.uniform(0.9, 1.0))
    lum = np.asarray(src.img.convert("L"), np.float32) / 255
    tone = np.array(dark, np.float32) + (np.array(light, np.float32) - np.array(dark, np.float32)) * lum[..., None]
    toned = Image.fromarray(np.clip(tone + 0.5, 0, 255).astype(np.uint8), "RGB")
    return Image.blend(src.img, toned, 0.55 + 0.45 * s)


def scanlines(src, rng, s, nrng):
    a = np.asarray(src.img, np.float32).copy()
    period = rng.randint(3, 6)
    a[::period] *= 1 - (0.25 + 0.45 * s)
    k = 1 + int(3 * s)
    a[..., 0] = np.roll(a[..., 0], k, axis=1)
    a[..., 2] = np.roll(a[..., 2], -k, axis=1)
    img = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB")
    glow = img.filter(ImageFilter.GaussianBlur(3))
    return Image.blend(img, glow, 0.15 + 0.2 * s)


def festive(src, rng, s, nrng):
    """A holiday skin over the icon: hanging lanterns, a corner ribbon or a snow cap."""
    out = src.img.copy()
    d = ImageDraw.Draw(out)
    mode = rng.choice(["lanterns", "ribbon", "snow"])
    red, gold = (214, 24, 30), (245, 190, 40)
    if mode == "lanterns":
        r = SIZE * (0.08 + 0.06 * s)
        for x in ([SIZE * 0.2, SIZE * 0.8] if rng.random() < 0.6 else [SIZE * rng.uniform(0.2, 0.8)]):
            top = rng.uniform(0.12, 0.22) * SIZE
            d.line([(x, 0), (x, top - r)], fill=gold, width=4)
            d.ellipse([x - r * 1.15, top - r, x + r * 1.15, top + r], fill=red, outline=gold, width=3)
            d.rectangle([x - r * 0.5, top - r - 6, x + r * 0.5, top - r + 4], fill=gold)
            d.rectangle([x - r * 0.5, top + r - 4, x + r * 0.5, top + r + 6], fill=gold)
            d.line([(x, top + r + 6), (x, top + r * 1.9)], fill=gold, width=5)
    elif mode == "ribbon":
        w = SIZE * (0.14 + 0.08 * s)
        off = SIZE * (0.28 + 0.1 * s)
        d.polygon([(SIZE - off - w, 0), (SIZE - off, 0), (SIZE, off), (SIZE, off + w)], fill=red)
        block = fit_width(text_block(rng.choice(["福", "新春", "春节", "元宵"]), int(w * 0.6), gold), int(w * 2))
        block = block.rotate(-45, expand=True, resample=Image.Resampling.BICUBIC)
        paste_centred(out, block, SIZE - (off + w / 2) / 2 - w * 0.18, (off + w / 2) / 2 - w * 0.18)
    else:
        h = SIZE * (0.06 + 0.08 * s)
        x = 0.0
        while x < SIZE:
            rr = rng.uniform(0.6, 1.2) * h
            d.ellipse([x - rr, -rr * 0.8, x + rr, rr * 1.1], fill=(255, 255, 255))
            x += rr * 1.1
        for _ in range(int(10 + 25 * s)):
            px, py, pr = rng.uniform(0, SIZE), rng.uniform(h, SIZE), rng.uniform(3, 8)
            d.ellipse([px - pr, py - pr, px + pr, py + pr], fill=(255, 255, 255))
    return out


OWN = {
    "pixelate": pixelate, "posterize": posterize, "halftone": halftone, "glitch": glitch, "emboss": emboss,
    "long_shadow": long_shadow, "swirl": swirl, "fisheye": fisheye, "ripple": ripple,
    "homescreen_crop": homescreen_crop, "sticker": sticker, "gloss": gloss, "page_curl": page_curl,
    "duotone": duotone, "scanlines": scanlines, "festive": festive,
}
