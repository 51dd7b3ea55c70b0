"""Icon edits a counterfeiter might apply to a protected logo. Each returns (image, params)."""

from __future__ import annotations

import math
import random

import numpy as np
from drawing import (
    FONT_CJK,
    WHITE,
    Colour,
    circle_mask,
    darker,
    hexstr,
    lighter,
    linear_gradient,
    median_corner_colour,
    paste_center,
    perspective_coeffs,
    radial_gradient,
    rounded_mask,
    text_layer,
)
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

N = 512
STRENGTHS = ("light", "medium", "strong")
NEW_COLOURS = ["#E53935", "#1E88E5", "#43A047", "#FB8C00", "#8E24AA", "#00ACC1", "#F4511E", "#3949AB", "#FDD835",
               "#6D4C41", "#212121", "#D81B60", "#00897B", "#FFB300", "#5E35B1", "#C0CA33"]
BAND_WORDS = ["贷款", "极速版", "福利版", "额度提升", "官方正版", "秒到账", "免息", "新人礼", "领红包", "VIP", "2025"]
BADGE_WORDS = ["1", "3", "8", "99+", "新", "HOT", "荐", "惠", "NEW", "赢"]
RIBBON_WORDS = ["官方", "福利", "VIP", "NEW", "贷款", "推荐", "热门", "正版"]
SIDE_WORDS = ["钱包", "金融", "借款", "生活", "Pay", "助手", "服务", "优选", "财富", "Go"]


def _rnd(rng: random.Random, lo: float, hi: float, nd: int = 3) -> float:
    return round(rng.uniform(lo, hi), nd)


def _by(strength: str, light, medium, strong):
    return {"light": light, "medium": medium, "strong": strong}[strength]


def lum(c: Colour) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def tint(em: Image.Image, colour: Colour) -> Image.Image:
    out = Image.new("RGBA", em.size, colour + (0,))
    out.putalpha(em.getchannel("A"))
    return out


def emblem_main_colour(em: Image.Image) -> Colour:
    a = np.asarray(em)
    mask = a[..., 3] > 200
    if not mask.any():
        return WHITE
    med = np.median(a[mask][:, :3], axis=0)
    return (int(med[0]), int(med[1]), int(med[2]))


def contrast_emblem(em: Image.Image, bg: Colour, brand: Colour) -> tuple[Image.Image, str]:
    main = emblem_main_colour(em)
    if abs(lum(main) - lum(bg)) >= 70:
        return em, "kept"
    for cand in (WHITE, brand, (33, 33, 33)):
        if abs(lum(cand) - lum(bg)) >= 90:
            return tint(em, cand), hexstr(cand)
    return tint(em, (0, 0, 0)), "#000000"


def new_background(rng: random.Random, n: int = N) -> tuple[Image.Image, dict]:
    kind = rng.choice(["solid", "solid", "gradient", "radial", "dots", "stripes"])
    c1 = tuple(int(x) for x in bytes.fromhex(rng.choice(NEW_COLOURS)[1:]))
    c2 = tuple(int(x) for x in bytes.fromhex(rng.choice(NEW_COLOURS)[1:]))
    if rng.random() < 0.25:
        c1 = (250, 250, 250)
    p = {"bg_kind": kind, "bg": hexstr(c1)}
    if kind == "gradient":
        ang = rng.choice([0, 45, 90, 135])
        p.update(bg2=hexstr(c2), bg_angle=ang)
        return linear_gradient((n, n), c1, c2, ang), p
    if kind == "radial":
        return radial_gradient((n, n), lighter(c1, 0.35), c1), p
    img = Image.new("RGB", (n, n), c1)
    if kind == "dots":
        d = ImageDraw.Draw(img)
        step = rng.choice([32, 48, 64])
        col = lighter(c1, 0.18) if lum(c1) < 200 else darker(c1, 0.06)
        for y in range(0, n + step, step):
            for x in range(0, n + step, step):
                d.ellipse((x - 5, y - 5, x + 5, y + 5), fill=col)
        p.update(step=step)
    elif kind == "stripes":
        d = ImageDraw.Draw(img)
        step = rng.choice([40, 56])
        col = lighter(c1, 0.12) if lum(c1) < 200 else darker(c1, 0.05)
        for k in range(-n, 2 * n, step):
            d.polygon([(k, 0), (k + step // 2, 0), (k + step // 2 + n, n), (k + n, n)], fill=col)
        p.update(step=step)
    return img, p


# ---------------------------------------------------------------- whole-icon edits
def e_crop(img, parts, rng, strength):
    z = _rnd(rng, *_by(strength, (0.88, 0.94), (0.80, 0.88), (0.70, 0.80)))
    side = int(N * z)
    x = rng.randint(0, N - side)
    y = rng.randint(0, N - side)
    return img.crop((x, y, x + side, y + side)).resize((N, N), Image.LANCZOS), {"zoom": z, "box": [x, y, side]}


def e_rotate(img, parts, rng, strength):
    a = _rnd(rng, *_by(strength, (4, 8), (8, 15), (15, 30)), 1) * rng.choice([-1, 1])
    fill = median_corner_colour(img) if rng.random() < 0.7 else WHITE
    out = img.rotate(a, resample=Image.BICUBIC, fillcolor=fill)
    return out, {"angle": a, "fill": hexstr(fill)}


def hue_rotate(img: Image.Image, deg: float) -> Image.Image:
    hsv = np.asarray(img.convert("HSV")).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + int(round(deg / 360 * 256))) % 256
    return Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB")


def e_hue(img, parts, rng, strength):
    d = _rnd(rng, *_by(strength, (20, 45), (45, 120), (120, 200)), 1) * rng.choice([-1, 1])
    return hue_rotate(img, d), {"degrees": d}


def e_duotone(img, parts, rng, strength):
    dark = tuple(int(x) for x in bytes.fromhex(rng.choice(NEW_COLOURS)[1:]))
    light = rng.choice([(255, 255, 255), (255, 236, 179), (225, 245, 254)])
    g = ImageOps.autocontrast(img.convert("L"))
    return ImageOps.colorize(g, dark, light), {"dark": hexstr(dark), "light": hexstr(light)}


def e_badge(img, parts, rng, strength):
    corner = rng.choice(["tr", "tr", "tl", "br", "bl"])
    r = _rnd(rng, *_by(strength, (0.08, 0.11), (0.11, 0.15), (0.15, 0.20))) * N
    word = rng.choice(BADGE_WORDS)
    col = rng.choice([(244, 67, 54), (255, 87, 34), (255, 193, 7), (233, 30, 99)])
    m = r * 1.15
    cx = {"tr": N - m, "tl": m, "br": N - m, "bl": m}[corner]
    cy = {"tr": m, "tl": m, "br": N - m, "bl": N - m}[corner]
    out = img.copy()
    d = ImageDraw.Draw(out)
    if len(word) > 2:
        d.rounded_rectangle((cx - r * 1.3, cy - r * 0.8, cx + r * 1.3, cy + r * 0.8), radius=r * 0.8, fill=col,
                            outline=WHITE, width=max(2, int(r * 0.12)))
        paste_center(out, text_layer(word, WHITE, r * 2.1, r * 1.0), cx, cy)
    else:
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col, outline=WHITE, width=max(2, int(r * 0.12)))
        paste_center(out, text_layer(word, WHITE, r * 1.2, r * 1.1), cx, cy)
    return out, {"corner": corner, "radius": round(r / N, 3), "text": word, "colour": hexstr(col)}


def e_ribbon(img, parts, rng, strength):
    corner = rng.choice(["tr", "tl", "br", "bl"])
    w = _rnd(rng, *_by(strength, (0.09, 0.12), (0.12, 0.16), (0.16, 0.22))) * N
    pos = _rnd(rng, 0.22, 0.32) * N
    word = rng.choice(RIBBON_WORDS)
    col = rng.choice([(229, 57, 53), (255, 179, 0), (67, 160, 71), (30, 30, 30)])
    layer = Image.new("RGBA", (N * 2, N * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rectangle((0, N - w / 2, 2 * N, N + w / 2), fill=col + (255,))
    paste_center(layer, text_layer(word, WHITE, w * 4, w * 0.7), N, N)
    ang = {"tr": -45, "tl": 45, "br": 45, "bl": -45}[corner]
    layer = layer.rotate(ang, resample=Image.BICUBIC)
    c = pos / math.sqrt(2) * math.sqrt(2)
    cx = {"tr": N - c, "tl": c, "br": N - c, "bl": c}[corner]
    cy = {"tr": c, "tl": c, "br": N - c, "bl": N - c}[corner]
    out = img.convert("RGBA")
    out.alpha_composite(layer, (int(cx - N), int(cy - N)))
    return out.convert("RGB"), {"corner": corner, "width": round(w / N, 3), "offset": round(pos / N, 3),
                                "text": word, "colour": hexstr(col)}


def e_text_band(img, parts, rng, strength):
    where = rng.choice(["bottom", "bottom", "top"])
    h = _rnd(rng, *_by(strength, (0.14, 0.18), (0.18, 0.24), (0.24, 0.32))) * N
    word = rng.choice(BAND_WORDS)
    col = rng.choice([(229, 57, 53), (255, 193, 7), (33, 33, 33), (255, 255, 255), (67, 160, 71)])
    tc = WHITE if lum(col) < 160 else (183, 28, 28)
    mode = rng.choice(["overlay", "overlay", "squeeze"])
    if mode == "squeeze":
        base = Image.new("RGB", (N, N), median_corner_colour(img))
        sq = img.resize((int(N - h), int(N - h)), Image.LANCZOS)
        base.paste(sq, (int(h / 2), 0 if where == "bottom" else int(h)))
        out = base
    else:
        out = img.copy()
    d = ImageDraw.Draw(out)
    y0 = N - h if where == "bottom" else 0
    d.rectangle((0, y0, N, y0 + h), fill=col)
    paste_center(out, text_layer(word, tc, N * 0.8, h * 0.66), N / 2, y0 + h / 2)
    return out, {"where": where, "height": round(h / N, 3), "text": word, "colour": hexstr(col), "mode": mode}


def e_stamp(img, parts, rng, strength):
    r = _rnd(rng, *_by(strength, (0.10, 0.14), (0.14, 0.19), (0.19, 0.25))) * N
    dx, dy = _rnd(rng, -0.08, 0.08) * N, _rnd(rng, -0.08, 0.08) * N
    word = rng.choice(["官方", "正版", "✓", "认证", "安全"])
    col = rng.choice([(46, 125, 50), (229, 57, 53), (25, 118, 210), (255, 160, 0)])
    alpha = rng.choice([255, 230, 200])
    layer = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    cx, cy = N / 2 + dx, N / 2 + dy
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col + (alpha,), outline=(255, 255, 255, alpha),
              width=max(2, int(r * 0.1)))
    if word == "✓":
        d.line([(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.38), (cx + r * 0.5, cy - r * 0.35)],
               fill=(255, 255, 255, 255), width=max(3, int(r * 0.18)), joint="curve")
    else:
        paste_center(layer, text_layer(word, WHITE, r * 1.5, r * 0.9), cx, cy)
    out = img.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB"), {"radius": round(r / N, 3), "dx": round(dx / N, 3), "dy": round(dy / N, 3),
                                "text": word, "colour": hexstr(col), "alpha": alpha}


def e_stretch(img, parts, rng, strength):
    f = _rnd(rng, *_by(strength, (0.88, 0.93), (0.78, 0.88), (0.64, 0.78)))
    axis = rng.choice(["x", "y"])
    mode = rng.choice(["pad", "crop"])
    bg = median_corner_colour(img)
    if mode == "pad":
        size = (int(N * f), N) if axis == "x" else (N, int(N * f))
        s = img.resize(size, Image.LANCZOS)
        out = Image.new("RGB", (N, N), bg)
        out.paste(s, ((N - s.width) // 2, (N - s.height) // 2))
    else:
        size = (int(N / f), N) if axis == "x" else (N, int(N / f))
        s = img.resize(size, Image.LANCZOS)
        out = s.crop(((s.width - N) // 2, (s.height - N) // 2, (s.width - N) // 2 + N, (s.height - N) // 2 + N))
    return out, {"factor": f, "axis": axis, "mode": mode}


def e_mirror(img, parts, rng, strength):
    how = rng.choice(["horizontal", "horizontal", "vertical"]) if strength == "strong" else "horizontal"
    out = ImageOps.mirror(img) if how == "horizontal" else ImageOps.flip(img)
    return out, {"flip": how}


def e_photo(img, parts, rng, strength):
    tilt = _by(strength, 0.06, 0.11, 0.17)
    W, H = rng.choice([(512, 512), (480, 400), (400, 480), (600, 600)])
    desk = linear_gradient((W, H), rng.choice([(200, 196, 188), (60, 60, 64), (230, 230, 232), (120, 98, 80)]),
                           rng.choice([(150, 146, 140), (30, 30, 34), (205, 205, 210), (90, 70, 55)]), rng.choice([30, 110]))
    side = min(W, H) * _rnd(rng, 0.62, 0.82)
    cx, cy = W / 2 + _rnd(rng, -0.06, 0.06) * W, H / 2 + _rnd(rng, -0.06, 0.06) * H
    jit = [(rng.uniform(-tilt, tilt) * side, rng.uniform(-tilt, tilt) * side) for _ in range(4)]
    dst = [(cx - side / 2 + jit[0][0], cy - side / 2 + jit[0][1]), (cx + side / 2 + jit[1][0], cy - side / 2 + jit[1][1]),
           (cx + side / 2 + jit[2][0], cy + side / 2 + jit[2][1]), (cx - side / 2 + jit[3][0], cy + side / 2 + jit[3][1])]
    src = [(0, 0), (N, 0), (N, N), (0, N)]
    coeffs = perspective_coeffs(dst, src)
    tile = img.convert("RGBA")
    tile.putalpha(rounded_mask((N, N), N * 0.18))
    warped = tile.transform((W, H), Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC)
    out = desk.convert("RGBA")
    out.alpha_composite(warped)
    out = out.convert("RGB")
    light = linear_gradient((W, H), (255, 255, 255), (150, 150, 150), rng.choice([0, 60, 200]))
    k = _rnd(rng, 0.10, 0.30)
    out = Image.blend(out, ImageChops.multiply(out, light), k)
    blur = _rnd(rng, *_by(strength, (0.4, 0.9), (0.8, 1.5), (1.4, 2.4)))
    out = out.filter(ImageFilter.GaussianBlur(blur))
    nrng = np.random.default_rng(rng.getrandbits(32))
    sigma = _rnd(rng, 3, 9, 1)
    arr = np.asarray(out).astype(np.float32) + nrng.normal(0, sigma, (H, W, 1)).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    return out, {"size": [W, H], "corners": [[round(x, 1), round(y, 1)] for x, y in dst], "light": k, "blur": blur,
                 "noise": sigma, "force_jpeg": True}


def e_lowres(img, parts, rng, strength):
    small = _by(strength, rng.choice([96, 80]), rng.choice([64, 56]), rng.choice([40, 32]))
    up = rng.choice([128, 160, 192])
    out = img.resize((small, small), Image.BILINEAR).resize((up, up), Image.BICUBIC)
    blur = _rnd(rng, 0.3, 1.2)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    q = rng.randint(*_by(strength, (55, 70), (40, 55), (25, 40)))
    return out, {"small": small, "up": up, "blur": blur, "jpeg_quality": q, "force_jpeg": True}


def e_mosaic(img, parts, rng, strength):
    blocks = _by(strength, rng.choice([48, 40]), rng.choice([32, 28]), rng.choice([24, 20]))
    out = img.resize((blocks, blocks), Image.BOX).resize((N, N), Image.NEAREST)
    return out, {"blocks": blocks}


def e_gloss(img, parts, rng, strength):
    base = Image.new("RGB", (N, N), rng.choice([(255, 255, 255), (240, 240, 240), (20, 20, 20)]))
    s = _rnd(rng, *_by(strength, (0.88, 0.94), (0.80, 0.88), (0.72, 0.80)))
    side = int(N * s)
    tile = img.resize((side, side), Image.LANCZOS).convert("RGBA")
    mask = rounded_mask((side, side), side * 0.2)
    hl = Image.new("L", (side, side), 0)
    ImageDraw.Draw(hl).ellipse((-side * 0.3, -side * 0.75, side * 1.3, side * 0.48), fill=int(_rnd(rng, 60, 110, 0)))
    hl = hl.filter(ImageFilter.GaussianBlur(side * 0.02))
    white = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    white.putalpha(hl)
    tile.alpha_composite(white)
    tile.putalpha(mask)
    shadow = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    sm = Image.new("L", (N, N), 0)
    sm.paste(mask.point(lambda v: v * 0.5), ((N - side) // 2 + 6, (N - side) // 2 + 10))
    shadow.putalpha(sm.filter(ImageFilter.GaussianBlur(10)))
    out = base.convert("RGBA")
    out.alpha_composite(shadow)
    out.alpha_composite(tile, ((N - side) // 2, (N - side) // 2))
    return out.convert("RGB"), {"scale": s, "paper": hexstr(base.getpixel((0, 0)))}


def e_festive(img, parts, rng, strength):
    red, gold = (200, 16, 30), (240, 190, 60)
    out = Image.new("RGB", (N, N), red)
    d = ImageDraw.Draw(out)
    s = _rnd(rng, *_by(strength, (0.84, 0.88), (0.78, 0.84), (0.70, 0.78)))
    side = int(N * s)
    inner = img.resize((side, side), Image.LANCZOS)
    off = (N - side) // 2
    d.rectangle((off - 8, off - 8, off + side + 7, off + side + 7), outline=gold, width=5)
    out.paste(inner, (off, off))
    deco = rng.choice(["fu", "lanterns", "corners"])
    if deco == "fu":
        r = N * _by(strength, 0.09, 0.12, 0.15)
        dia = Image.new("RGBA", (int(r * 2), int(r * 2)), (0, 0, 0, 0))
        ImageDraw.Draw(dia).polygon([(r, 0), (2 * r, r), (r, 2 * r), (0, r)], fill=red + (255,), outline=gold, width=3)
        paste_center(dia, text_layer("福", gold, r * 0.9, r * 0.9, FONT_CJK), r, r)
        corner = rng.choice([(N - r - 4, r + 4), (r + 4, N - r - 4)])
        paste_center(out, dia, *corner)
    elif deco == "lanterns":
        for x in (N * 0.12, N * 0.88):
            d.line([(x, 0), (x, N * 0.06)], fill=gold, width=3)
            d.ellipse((x - N * 0.06, N * 0.06, x + N * 0.06, N * 0.19), fill=(230, 40, 40), outline=gold, width=3)
    else:
        for cx, cy in ((0, 0), (N, 0), (0, N), (N, N)):
            d.pieslice((cx - N * 0.14, cy - N * 0.14, cx + N * 0.14, cy + N * 0.14), 0, 360, fill=gold)
    return out, {"scale": s, "decoration": deco}


def e_sticker(img, parts, rng, strength):
    w = _rnd(rng, *_by(strength, (0.22, 0.28), (0.28, 0.34), (0.34, 0.42))) * N
    h = w * 1.3
    env = Image.new("RGBA", (int(w), int(h)), (0, 0, 0, 0))
    d = ImageDraw.Draw(env)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=w * 0.1, fill=(214, 36, 36, 255), outline=(255, 255, 255, 255),
                        width=max(2, int(w * 0.04)))
    d.pieslice((-w * 0.3, -h * 0.45, w * 1.3, h * 0.45), 0, 180, fill=(190, 20, 20, 255))
    d.ellipse((w * 0.32, h * 0.32, w * 0.68, h * 0.32 + w * 0.36), fill=(250, 200, 70, 255))
    ang = _rnd(rng, -25, 25, 1)
    env = env.rotate(ang, resample=Image.BICUBIC, expand=True)
    corner = rng.choice(["br", "bl", "tr"])
    cx = {"br": N - w * 0.45, "bl": w * 0.45, "tr": N - w * 0.45}[corner]
    cy = {"br": N - h * 0.40, "bl": N - h * 0.40, "tr": h * 0.40}[corner]
    out = img.convert("RGBA")
    out.alpha_composite(env, (int(cx - env.width / 2), int(cy - env.height / 2)))
    return out.convert("RGB"), {"width": round(w / N, 3), "angle": ang, "corner": corner}


def e_avatar(img, parts, rng, strength):
    ring = tuple(int(x) for x in bytes.fromhex(rng.choice(NEW_COLOURS)[1:]))
    s = _rnd(rng, *_by(strength, (0.86, 0.92), (0.78, 0.86), (0.68, 0.78)))
    side = int(N * s)
    out = Image.new("RGB", (N, N), rng.choice([(255, 255, 255), (245, 245, 245)]))
    d = ImageDraw.Draw(out)
    rr = side / 2 + N * 0.035
    d.ellipse((N / 2 - rr, N / 2 - rr, N / 2 + rr, N / 2 + rr), fill=ring)
    inner = img.resize((side, side), Image.LANCZOS)
    out.paste(inner, ((N - side) // 2, (N - side) // 2), circle_mask(side))
    return out, {"scale": s, "ring": hexstr(ring)}


def e_wash(img, parts, rng, strength):
    k = _rnd(rng, *_by(strength, (0.12, 0.2), (0.2, 0.32), (0.32, 0.45)))
    grey = Image.new("RGB", img.size, (128, 128, 128))
    out = Image.blend(img, grey, k)
    sat = _rnd(rng, 0.6, 1.3)
    out = ImageEnhance.Color(out).enhance(sat)
    nrng = np.random.default_rng(rng.getrandbits(32))
    sigma = _by(strength, 4, 7, 11)
    arr = np.asarray(out).astype(np.float32) + nrng.normal(0, sigma, (img.height, img.width, 3)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB"), {"grey": k, "saturation": sat, "noise": sigma}


def e_tile_tilt(img, parts, rng, strength):
    bg, bp = new_background(rng)
    s = _rnd(rng, *_by(strength, (0.72, 0.82), (0.62, 0.72), (0.52, 0.62)))
    a = _rnd(rng, *_by(strength, (5, 12), (10, 20), (18, 30)), 1) * rng.choice([-1, 1])
    side = int(N * s)
    tile = img.resize((side, side), Image.LANCZOS).convert("RGBA")
    tile.putalpha(rounded_mask((side, side), side * rng.choice([0.0, 0.12, 0.2])))
    tile = tile.rotate(a, resample=Image.BICUBIC, expand=True)
    out = bg.convert("RGBA")
    dx, dy = _rnd(rng, -0.08, 0.08) * N, _rnd(rng, -0.08, 0.08) * N
    out.alpha_composite(tile, (int(N / 2 + dx - tile.width / 2), int(N / 2 + dy - tile.height / 2)))
    return out.convert("RGB"), dict(bp, scale=s, angle=a, dx=round(dx / N, 3), dy=round(dy / N, 3))


def e_watermark(img, parts, rng, strength):
    word = rng.choice(["官方正版", "安全认证", "OFFICIAL", "正品保障"])
    alpha = _by(strength, 70, 110, 150)
    layer = Image.new("RGBA", (N * 2, N * 2), (0, 0, 0, 0))
    ink = WHITE if lum(median_corner_colour(img)) < 170 else (90, 90, 90)
    tl = text_layer(word, ink, N * 0.5, N * 0.10)
    step_y = int(N * 0.22)
    for row, y in enumerate(range(0, 2 * N, step_y)):
        for x in range(-(row % 2) * int(N * 0.3), 2 * N, int(N * 0.62)):
            layer.alpha_composite(tl, (x, y))
    a = np.asarray(layer.getchannel("A")).astype(np.float32) * (alpha / 255)
    layer.putalpha(Image.fromarray(a.astype(np.uint8), "L"))
    layer = layer.rotate(30, resample=Image.BICUBIC).crop((N // 2, N // 2, N // 2 + N, N // 2 + N))
    out = img.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB"), {"text": word, "alpha": alpha, "angle": 30, "ink": hexstr(ink)}


# ---------------------------------------------------------------- edits that rebuild the layout from the emblem
def _place(em: Image.Image, bg: Image.Image, side: int, cx: float, cy: float) -> Image.Image:
    out = bg.convert("RGBA")
    e = em.resize((side, side), Image.LANCZOS)
    out.alpha_composite(e, (int(cx - side / 2), int(cy - side / 2)))
    return out.convert("RGB")


def e_new_bg(img, parts, rng, strength):
    bg, bp = new_background(rng)
    s = _rnd(rng, *_by(strength, (0.55, 0.66), (0.45, 0.56), (0.34, 0.46)))
    em, how = contrast_emblem(parts["emblem"], median_corner_colour(bg), parts["bg_colour"])
    shift = _by(strength, 0.04, 0.12, 0.20)
    dx, dy = _rnd(rng, -shift, shift) * N, _rnd(rng, -shift, shift) * N
    side = int(N * s)
    out = _place(em, bg, side, N / 2 + dx, N / 2 + dy)
    return out, dict(bp, scale=s, dx=round(dx / N, 3), dy=round(dy / N, 3), emblem_colour=how)


def e_beside_word(img, parts, rng, strength):
    word = rng.choice(SIDE_WORDS)
    where = rng.choice(["right", "below", "right"])
    if rng.random() < 0.5:
        bg = Image.new("RGB", (N, N), (255, 255, 255))
        bpar = {"bg": "#FFFFFF"}
        em, how = contrast_emblem(parts["emblem"], (255, 255, 255), parts["bg_colour"])
        tc = parts["bg_colour"] if lum(parts["bg_colour"]) < 200 else (33, 33, 33)
    else:
        bg = Image.new("RGB", (N, N), parts["bg_colour"])
        bpar = {"bg": hexstr(parts["bg_colour"])}
        em, how = contrast_emblem(parts["emblem"], parts["bg_colour"], parts["bg_colour"])
        tc = WHITE if lum(parts["bg_colour"]) < 170 else (33, 33, 33)
    s = _rnd(rng, *_by(strength, (0.48, 0.54), (0.40, 0.48), (0.32, 0.40)))
    side = int(N * s)
    if where == "right":
        out = _place(em, bg, side, N * 0.06 + side / 2, N / 2)
        tl = text_layer(word, tc, N * 0.88 - side - N * 0.06, side * 0.6)
        paste_center(out, tl, (N * 0.06 + side + N * 0.96) / 2, N / 2)
    else:
        out = _place(em, bg, side, N / 2, N * 0.08 + side / 2)
        tl = text_layer(word, tc, N * 0.8, N * 0.86 - side - N * 0.08)
        paste_center(out, tl, N / 2, (N * 0.08 + side + N * 0.94) / 2)
    return out, dict(bpar, word=word, where=where, scale=s, emblem_colour=how)


def _dilate_emblem(em: Image.Image, px: int, thicker: bool) -> Image.Image:
    a = em.getchannel("A")
    size = px * 2 + 1
    a2 = a.filter(ImageFilter.MaxFilter(size) if thicker else ImageFilter.MinFilter(size))
    rgb = np.asarray(em.convert("RGB")).astype(np.float32)
    main = np.array(emblem_main_colour(em), np.float32)
    alpha = np.asarray(a).astype(np.float32)[..., None] / 255
    col = rgb * alpha + main * (1 - alpha)
    out = Image.fromarray(np.clip(col, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    out.putalpha(a2)
    return out


def e_redraw(img, parts, rng, strength):
    thicker = rng.random() < 0.6
    px = _by(strength, rng.choice([5, 7]), rng.choice([9, 12]), rng.choice([14, 18]))
    if not thicker:
        px = max(3, int(px * 0.6))
    em = _dilate_emblem(parts["emblem"], px, thicker)
    cx, cy, side = parts["emblem_box"]
    side = int(side)
    out = _place(em, parts["bg"], side, cx, cy)
    return out, {"thicker": thicker, "px_at_1024": px}


def e_outline(img, parts, rng, strength):
    em = parts["emblem"]
    a = em.getchannel("A")
    w = _by(strength, 14, 10, 7)
    inner = a.filter(ImageFilter.MinFilter(w * 2 + 1))
    edge = ImageChops.subtract(a, inner)
    main = emblem_main_colour(em)
    line = Image.new("RGBA", em.size, main + (0,))
    line.putalpha(edge)
    cx, cy, side = parts["emblem_box"]
    out = _place(line, parts["bg"], int(side), cx, cy)
    return out, {"line_px_at_1024": w}


def e_dark(img, parts, rng, strength):
    dark = rng.choice([(18, 18, 18), (28, 28, 30), (10, 25, 47)])
    bg = Image.new("RGB", (N, N), dark)
    em, how = contrast_emblem(parts["emblem"], dark, parts["bg_colour"])
    cx, cy, side = parts["emblem_box"]
    s = _by(strength, 1.0, 0.9, 0.78)
    out = _place(em, bg, int(side * s), cx, cy)
    return out, {"bg": hexstr(dark), "emblem_colour": how, "scale": s}


def e_gold(img, parts, rng, strength):
    bg = Image.new("RGB", (N, N), rng.choice([(20, 20, 20), (120, 10, 20), (15, 40, 80)]))
    a = parts["emblem"].getchannel("A")
    grad = linear_gradient(a.size, (255, 225, 140), (176, 128, 40), 70).convert("RGBA")
    grad.putalpha(a)
    cx, cy, side = parts["emblem_box"]
    s = _by(strength, 1.0, 0.88, 0.72)
    out = _place(grad, bg, int(side * s), cx, cy)
    if strength != "light":
        d = ImageDraw.Draw(out)
        d.rectangle((N * 0.04, N * 0.04, N * 0.96, N * 0.96), outline=(212, 175, 55), width=6)
    return out, {"bg": hexstr(bg.getpixel((0, 0))), "scale": s, "frame": strength != "light"}


SINGLE = {
    "crop": e_crop, "rotate": e_rotate, "hue": e_hue, "duotone": e_duotone, "badge": e_badge, "ribbon": e_ribbon,
    "text_band": e_text_band, "stamp": e_stamp, "stretch": e_stretch, "mirror": e_mirror, "photo": e_photo,
    "lowres": e_lowres, "mosaic": e_mosaic, "gloss": e_gloss, "festive": e_festive, "sticker": e_sticker,
    "avatar": e_avatar, "wash": e_wash, "tile_tilt": e_tile_tilt, "watermark": e_watermark, "new_bg": e_new_bg,
    "beside_word": e_beside_word, "redraw": e_redraw, "outline": e_outline, "dark": e_dark, "gold": e_gold,
}
# rebuild the layout from the emblem: only as the first step of a chain
STRUCTURAL = ("new_bg", "beside_word", "redraw", "outline", "dark", "gold")
# shrink the logo inside the icon; in a chain they are not followed by an edit that covers the middle
SHRINKING = ("new_bg", "beside_word", "dark", "gold", "tile_tilt", "gloss", "festive", "avatar")
COVERING = ("stamp", "sticker", "mosaic")
# end the chain (change the size or the file format)
TERMINAL = ("photo", "lowres")
# emblem-only edits: a copy of a sibling app with the same emblem is as much a copy
EMBLEM_ONLY = ("new_bg", "beside_word", "redraw", "outline", "dark", "gold")


def apply(kind: str, img: Image.Image, parts: dict, rng: random.Random, strength: str):
    return SINGLE[kind](img, parts, rng, strength)
