"""Edits a counterfeiter makes to an official icon. Each returns (image, params); `art` is the official drawing.

Image edits take and return RGB (or RGBA for masks) images; every parameter drawn is returned.
"""

from __future__ import annotations

import io
import math
import random

import numpy as np
from draw import CJK_FONT, LAT_FONT, Pen, background, circle_mask, font, rgb, rounded_mask
from logos import Art, render
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

N = 512
BADGE_TEXT = ["NEW", "HOT", "VIP", "9", "99+", "3", "领"]
RIBBON_TEXT = ["官方", "新版", "VIP", "福利", "推荐", "正版"]
STAMP_TEXT = ["官方", "认证", "正版", "✓", "安全", "贷"]
BAND_TEXT = ["贷款", "极速版", "福利", "官方版", "秒到账", "额度提升", "免息借"]
WORDS = ["极速借", "福利社", "现金贷", "秒批", "随心贷", "口袋钱", "信用分", "好借", "额度秒批", "安心借"]
NEW_BG = [
    ("solid", "ffffff", None),
    ("solid", "f2f2f2", None),
    ("vgrad", "ffecd2", "fcb69f"),
    ("vgrad", "e0eafc", "cfdef3"),
    ("dgrad", "fbc2eb", "a6c1ee"),
    ("solid", "fff3e0", None),
    ("solid", "1a1a2e", None),
    ("vgrad", "134e5e", "71b280"),
    ("dgrad", "2b5876", "4e4376"),
    ("solid", "3e2723", None),
    ("vgrad", "c31432", "240b36"),
    ("solid", "004d40", None),
]


def _corner(img: Image.Image) -> tuple[int, int, int]:
    return img.convert("RGB").getpixel((3, 3))


def _luma(c) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def _emblem_luma(emblem: Image.Image) -> float:
    a = np.asarray(emblem).astype(np.float32)
    m = a[:, :, 3] > 128
    return float((a[m][:, :3] @ np.array([0.299, 0.587, 0.114])).mean()) if m.any() else 128.0


def _contrasting_bg(rng: random.Random, emblem: Image.Image):
    light_emblem = _emblem_luma(emblem) > 170
    options = [b for b in NEW_BG if (_luma(rgb(b[1])) < 120) == light_emblem]
    return rng.choice(options)


def _text(img: Image.Image, cx, cy, txt, h, fill, path=CJK_FONT):
    p = Pen(img.size[0])
    p.text_fit(cx, cy, txt, path if not txt.isascii() else LAT_FONT, 0.9, h, fill)
    out = img.convert("RGBA")
    out.alpha_composite(p.image().resize(img.size, Image.LANCZOS))
    return out.convert("RGB")


# --- plain image edits ------------------------------------------------------------------------------------


def jpeg_lowq(img, art, rng, lowest=6):
    q = rng.randrange(lowest, lowest + 16)
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=q)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), {"quality": q, "save": "jpeg"}


def rescale(img, art, rng):
    s = rng.randrange(36, 90)
    up = rng.choice(["nearest", "bilinear"])
    small = img.resize((s, s), Image.BILINEAR)
    return small.resize((N, N), Image.NEAREST if up == "nearest" else Image.BILINEAR), {"via": s, "up": up}


def stretch(img, art, rng):
    f = rng.uniform(0.62, 0.82)
    horiz = rng.random() < 0.5
    w, h = (N, int(N * f)) if horiz else (int(N * f), N)
    out = img.resize((w, h), Image.BICUBIC)
    pad = rng.random() < 0.5
    if pad:
        canvas = Image.new("RGB", (N, N), _corner(img))
        canvas.paste(out, ((N - w) // 2, (N - h) // 2))
        out = canvas
    return out, {"factor": round(f, 3), "axis": "y" if horiz else "x", "padded_square": pad}


def rotate(img, art, rng):
    a = rng.choice([-1, 1]) * rng.uniform(6, 28)
    return img.rotate(a, resample=Image.BICUBIC, fillcolor=_corner(img)), {"angle": round(a, 2)}


def crop_zoom(img, art, rng):
    left, top, right, bottom = (rng.uniform(0.04, 0.16) for _ in range(4))
    box = (int(N * left), int(N * top), int(N * (1 - right)), int(N * (1 - bottom)))
    return img.crop(box).resize((N, N), Image.BICUBIC), {"box": [round(v / N, 3) for v in box]}


def padding(img, art, rng):
    s = rng.uniform(0.58, 0.8)
    k = int(N * s)
    col = rng.choice(["ffffff", "000000", "f5f5f5", "ffe082", "c8e6c9", "bbdefb", "ff8a80"])
    canvas = Image.new("RGB", (N, N), rgb(col))
    ox = rng.randrange(0, N - k + 1)
    oy = rng.randrange(0, N - k + 1)
    canvas.paste(img.resize((k, k), Image.LANCZOS), (ox, oy))
    return canvas, {"scale": round(s, 3), "colour": col, "offset": [ox, oy]}


def hue_rotate(img, art, rng):
    d = rng.randrange(50, 310)
    hsv = np.asarray(img.convert("HSV")).copy()
    hsv[:, :, 0] = ((hsv[:, :, 0].astype(np.int32) + int(d * 255 / 360)) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB"), {"degrees": d}


def colour_shift(img, art, rng):
    b = rng.uniform(0.75, 1.25)
    c = rng.uniform(0.7, 1.3)
    s = rng.uniform(0.4, 1.6)
    gains = [round(rng.uniform(0.8, 1.2), 3) for _ in range(3)]
    out = ImageEnhance.Color(
        ImageEnhance.Contrast(ImageEnhance.Brightness(img).enhance(b)).enhance(c)
    ).enhance(s)
    a = np.asarray(out).astype(np.float32) * np.array(gains)[None, None, :]
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    return out, {
        "brightness": round(b, 3),
        "contrast": round(c, 3),
        "saturation": round(s, 3),
        "gains": gains,
    }


def greyscale(img, art, rng):
    return ImageOps.grayscale(img).convert("RGB"), {}


def invert(img, art, rng):
    return ImageOps.invert(img.convert("RGB")), {}


def mirror(img, art, rng):
    return ImageOps.mirror(img), {}


def rounded(img, art, rng):
    r = rng.choice([0.12, 0.2, 0.28, 0.5])
    fill = rng.choice(["transparent", "ffffff", "000000"])
    m = rounded_mask(N, r)
    if fill == "transparent":
        out = img.convert("RGBA")
        out.putalpha(m)
        return out, {"radius": r, "corners": fill, "save": "png"}
    base = Image.new("RGB", (N, N), rgb(fill))
    base.paste(img, (0, 0), m)
    return base, {"radius": r, "corners": fill}


def blur_noise(img, art, rng):
    r = rng.uniform(1.5, 4.0)
    sigma = rng.uniform(6, 22)
    out = img.filter(ImageFilter.GaussianBlur(r))
    seed = rng.randrange(2**31)
    noise = np.random.default_rng(seed).normal(0, sigma, (N, N, 1))
    a = np.asarray(out).astype(np.float32) + noise
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB"), {
        "blur": round(r, 2),
        "noise": round(sigma, 2),
    }


def corner_badge(img, art, rng):
    corner = rng.choice(["tl", "tr", "bl", "br"])
    txt = rng.choice(BADGE_TEXT)
    r = rng.uniform(0.11, 0.17)
    cx = r + 0.02 if corner[1] == "l" else 1 - r - 0.02
    cy = r + 0.02 if corner[0] == "t" else 1 - r - 0.02
    p = Pen(N)
    col = rng.choice(["ff3b30", "ff9500", "e53935", "34c759"])
    p.circle(cx, cy, r, fill=col, outline="ffffff", width=0.015)
    p.text_fit(cx, cy, txt, LAT_FONT if txt.isascii() else CJK_FONT, r * 1.5, r * 0.9, "ffffff")
    out = img.convert("RGBA")
    out.alpha_composite(p.image())
    return out.convert("RGB"), {"corner": corner, "text": txt, "radius": round(r, 3), "colour": col}


def ribbon(img, art, rng):
    corner = rng.choice(["tl", "tr", "bl", "br"])
    txt = rng.choice(RIBBON_TEXT)
    col = rng.choice(["e53935", "ff6f00", "d50000", "ffd600"])
    fx = (lambda x: x) if corner[1] == "l" else (lambda x: 1 - x)
    fy = (lambda y: y) if corner[0] == "t" else (lambda y: 1 - y)
    p = Pen(N)
    p.poly([(fx(x), fy(y)) for x, y in ((0.0, 0.22), (0.22, 0.0), (0.38, 0.0), (0.0, 0.38))], col)
    tp = Pen(N)
    cx, cy = fx(0.15), fy(0.15)
    tp.text_fit(
        cx,
        cy,
        txt,
        CJK_FONT if not txt.isascii() else LAT_FONT,
        0.2,
        0.08,
        "000000" if col == "ffd600" else "ffffff",
    )
    turn = 45 if corner in ("tl", "br") else -45
    out = img.convert("RGBA")
    out.alpha_composite(p.image())
    out.alpha_composite(tp.image().rotate(turn, resample=Image.BICUBIC, center=(cx * N, cy * N)))
    return out.convert("RGB"), {"corner": corner, "text": txt, "colour": col}


def stamp_middle(img, art, rng):
    txt = rng.choice(STAMP_TEXT)
    # a logo with a caption has a smaller emblem: a smaller stamp leaves it recognisable
    r = rng.uniform(0.09, 0.13) if art.caption else rng.uniform(0.13, 0.2)
    dx, dy = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)
    shape = rng.choice(["disc", "ring", "square"])
    col = rng.choice(["e53935", "1e88e5", "43a047", "ff8f00"])
    p = Pen(N)
    cx, cy = 0.5 + dx, 0.5 + dy
    if shape == "disc":
        p.circle(cx, cy, r, fill=col)
        fg = "ffffff"
    elif shape == "ring":
        p.circle(cx, cy, r, fill="ffffff", outline=col, width=0.025)
        fg = col
    else:
        p.rect(cx - r, cy - r * 0.7, cx + r, cy + r * 0.7, fill=col, radius=0.03)
        fg = "ffffff"
    p.text_fit(cx, cy, txt, CJK_FONT, r * 1.4, r * 0.9, fg)
    out = img.convert("RGBA")
    out.alpha_composite(p.image())
    return out.convert("RGB"), {
        "text": txt,
        "radius": round(r, 3),
        "centre": [round(cx, 3), round(cy, 3)],
        "shape": shape,
        "colour": col,
    }


def text_band(img, art, rng):
    where = rng.choice(["bottom", "top"])
    h = rng.uniform(0.18, 0.27)
    txt = rng.choice(BAND_TEXT)
    col = rng.choice(["e53935", "ff6f00", "1565c0", "000000", "ffd600"])
    fg = "000000" if col == "ffd600" else "ffffff"
    p = Pen(N)
    y0, y1 = (1 - h, 1.0) if where == "bottom" else (0.0, h)
    p.rect(0, y0, 1, y1, fill=col)
    p.text_fit(0.5, (y0 + y1) / 2, txt, CJK_FONT, 0.9, h * 0.7, fg)
    out = img.convert("RGBA")
    out.alpha_composite(p.image())
    return out.convert("RGB"), {"where": where, "height": round(h, 3), "text": txt, "colour": col}


def _squircle(img, r=0.22):
    out = img.convert("RGBA")
    out.putalpha(rounded_mask(img.size[0], r))
    return out


def tilted_tile(img, art, rng):
    s = rng.uniform(0.5, 0.74)
    a = rng.choice([-1, 1]) * rng.uniform(5, 30)
    bg = rng.choice(NEW_BG)
    k = int(N * s)
    tile = _squircle(img.resize((k, k), Image.LANCZOS), rng.choice([0.0, 0.12, 0.22]))
    tile = tile.rotate(a, resample=Image.BICUBIC, expand=True)
    canvas = background(bg[0], bg[1], bg[2], N).convert("RGBA")
    shadow = Image.new("RGBA", tile.size, (0, 0, 0, 0))
    shadow.putalpha(tile.getchannel("A").point(lambda v: v * 0.35))
    ox = rng.randrange(0, max(1, N - tile.size[0])) if tile.size[0] < N else (N - tile.size[0]) // 2
    oy = rng.randrange(0, max(1, N - tile.size[1])) if tile.size[1] < N else (N - tile.size[1]) // 2
    canvas.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(8)), (ox + 8, oy + 10))
    canvas.alpha_composite(tile, (ox, oy))
    return canvas.convert("RGB"), {
        "scale": round(s, 3),
        "angle": round(a, 2),
        "background": list(bg),
        "offset": [ox, oy],
    }


def _perspective_coeffs(src, dst):
    m = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(m, dtype=np.float64)
    b = np.array(src, dtype=np.float64).reshape(8)
    return np.linalg.solve(a, b).tolist()


def phone_photo(img, art, rng):
    S = 900
    screen = Image.new("RGB", (S, S), rgb(rng.choice(["f0f0f0", "202020", "dfe7f2"])))
    d = ImageDraw.Draw(screen)
    for x0 in (-160, 690):  # parts of the neighbouring icons
        col = tuple(rng.randrange(40, 230) for _ in range(3))
        d.rounded_rectangle([x0, 194, x0 + 370, 194 + 370], radius=80, fill=col)
    k = 480
    screen.paste(img.resize((k, k), Image.LANCZOS), (210, 210), rounded_mask(k, 0.22))
    y, x = np.mgrid[0:S, 0:S].astype(np.float32)
    ang = math.radians(rng.uniform(0, 180))
    period = rng.uniform(2.6, 3.6)
    amp = rng.uniform(0.08, 0.16)
    wave = 1 + amp * np.sin(2 * math.pi * (x * math.cos(ang) + y * math.sin(ang)) / period)
    a = np.asarray(screen).astype(np.float32) * wave[..., None]
    screen = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    j = [rng.uniform(-0.07, 0.07) * S for _ in range(8)]
    src = [(0, 0), (S, 0), (S, S), (0, S)]
    dst = [(j[0], j[1]), (S + j[2], j[3]), (S + j[4], S + j[5]), (j[6], S + j[7])]
    coeffs = _perspective_coeffs(src, dst)
    warped = screen.transform((S, S), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=(25, 25, 25))
    gx, gy = rng.uniform(0.2, 0.8) * S, rng.uniform(0.2, 0.8) * S
    glare = np.clip(1 - np.hypot(x - gx, y - gy) / (0.5 * S), 0, 1) ** 2 * rng.uniform(50, 110)
    cast = np.array([rng.uniform(0.95, 1.08), 1.0, rng.uniform(0.85, 1.0)])
    a = np.asarray(warped).astype(np.float32) * cast[None, None, :] + glare[..., None]
    a += np.random.default_rng(rng.randrange(2**31)).normal(0, 5, a.shape)
    photo = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(1.2))
    m = rng.uniform(0.17, 0.21) * S
    out = photo.crop((int(m), int(m), int(S - m), int(S - m))).resize((N, N), Image.BILINEAR)
    return out, {
        "moire_period": round(period, 2),
        "moire_amp": round(amp, 3),
        "corner_jitter": [round(v) for v in j],
        "crop_margin": round(m / S, 3),
    }


# --- edits of the drawing (need the official art) ---------------------------------------------------------


def emblem_newbg(img, art: Art, rng):
    s = rng.uniform(0.45, 0.75)
    src = art.placed
    bg = _contrasting_bg(rng, src)
    k = int(N * s)
    canvas = background(bg[0], bg[1], bg[2], N).convert("RGBA")
    ox = rng.randrange(0, N - k + 1)
    oy = rng.randrange(0, N - k + 1)
    canvas.alpha_composite(src.resize((k, k), Image.LANCZOS), (ox, oy))
    return canvas.convert("RGB"), {"scale": round(s, 3), "background": list(bg), "offset": [ox, oy]}


def emblem_words(img, art: Art, rng):
    words = rng.choice(WORDS)
    layout = rng.choice(["below", "right"])
    emblem = art.placed if art.caption else art.emblem
    bg = (
        _contrasting_bg(rng, emblem)
        if rng.random() < 0.5
        else ("solid", "{:02x}{:02x}{:02x}".format(*art.bg_colour), None)
    )
    canvas = background(bg[0], bg[1], bg[2], N).convert("RGBA")
    fg = "ffffff" if _luma(rgb(bg[1])) < 120 else "222222"
    if layout == "below":
        k = int(N * 0.62)
        canvas.alpha_composite(emblem.resize((k, k), Image.LANCZOS), ((N - k) // 2, 0))
        out = _text(canvas.convert("RGB"), 0.5, 0.82, words, 0.16, fg)
    else:
        k = int(N * 0.55)
        canvas.alpha_composite(emblem.resize((k, k), Image.LANCZOS), (0, (N - k) // 2))
        vert = "\n".join(words[:3])
        p = Pen(N)
        p.d.multiline_text(
            (0.78 * p.s, 0.5 * p.s),
            vert,
            font=font(CJK_FONT, int(0.15 * p.s)),
            fill=p._c(fg),
            anchor="mm",
            spacing=int(0.01 * p.s),
            align="center",
        )
        canvas.alpha_composite(p.image())
        out = canvas.convert("RGB")
    return out, {"words": words, "layout": layout, "background": list(bg)}


def stroke_redraw(img, art: Art, rng):
    w = rng.choice([rng.uniform(0.5, 0.7), rng.uniform(1.4, 1.8)])
    return render(art.key, w=w).icon, {"stroke_scale": round(w, 3)}


def screenshot_crop(img, art, rng):
    """Own idea: the icon cut out of a screenshot of the official store page (off-centre, page bits around it)."""
    W, H = 1100, 760
    page = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(page)
    k = 300
    x0, y0 = 60, 80
    page.paste(img.resize((k, k), Image.LANCZOS), (x0, y0), rounded_mask(k, 0.22))
    d.rectangle([x0 + k + 40, y0 + 20, x0 + k + 40 + rng.randrange(260, 420), y0 + 58], fill=(40, 40, 40))
    d.rectangle([x0 + k + 40, y0 + 90, x0 + k + 40 + rng.randrange(160, 300), y0 + 112], fill=(150, 150, 150))
    d.rounded_rectangle([x0 + k + 40, y0 + 200, x0 + k + 190, y0 + 250], radius=25, fill=(0, 180, 90))
    d.rectangle([0, 0, W, 30], fill=(245, 245, 245))
    d.rectangle([x0, y0 + k + 40, x0 + 520, y0 + k + 60], fill=(200, 200, 200))
    side = int(k * rng.uniform(1.08, 1.3))
    cx = x0 + k / 2 + rng.uniform(-0.12, 0.12) * k
    cy = y0 + k / 2 + rng.uniform(-0.12, 0.12) * k
    box = (int(cx - side / 2), int(cy - side / 2), int(cx + side / 2), int(cy + side / 2))
    return page.crop(box).resize((N, N), Image.BICUBIC), {
        "crop_side": round(side / k, 3),
        "crop_box": list(box),
    }


def gold_vip(img, art, rng):
    """Own idea: a 'VIP / 金卡' edition, the official icon embossed and toned in gold."""
    g = ImageOps.grayscale(img)
    emb = g.filter(ImageFilter.EMBOSS)
    mix = ImageChops.blend(g, emb, rng.uniform(0.25, 0.45))
    lo = (rng.randrange(70, 110), rng.randrange(45, 70), rng.randrange(0, 25))
    hi = (255, rng.randrange(225, 245), rng.randrange(150, 190))
    out = ImageOps.colorize(ImageOps.autocontrast(mix), lo, hi)
    label = rng.choice(["", "VIP", "金卡"])
    if label:
        out = _text(out, 0.5, 0.92, label, 0.08, "5d4037")
    return out, {"dark": list(lo), "light": list(hi), "label": label}


def red_packet(img, art: Art, rng):
    """Own idea: a festive red-envelope ('红包') icon with the official emblem on its gold seal."""
    p = Pen(N)
    red = rng.choice(["d50000", "c62828", "e53935"])
    p.rect(0.16, 0.08, 0.84, 0.92, fill=red, radius=0.06)
    p.ellipse(0.5, 0.24, 0.42, 0.22, 0, fill="b71c1c")
    p.rect(0.16, 0.02, 0.84, 0.24, fill=red)
    p.circle(0.5, 0.5, 0.23, fill="ffd54f", outline="ff8f00", width=0.015)
    canvas = Image.new("RGBA", (N, N), rgb(rng.choice(["ffffff", "fff3e0", "ffe0b2"])) + (255,))
    canvas.alpha_composite(p.image())
    k = int(N * 0.4)
    disc = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    if _emblem_luma(art.emblem) > 170:
        base = art.icon.resize((k, k), Image.LANCZOS).convert("RGBA")
        base.putalpha(circle_mask(k))
        disc.alpha_composite(base, ((N - k) // 2, (N - k) // 2))
    else:
        disc.alpha_composite(art.placed.resize((k, k), Image.LANCZOS), ((N - k) // 2, (N - k) // 2))
    canvas.alpha_composite(disc)
    label = rng.choice(["", "红包", "领"])
    out = canvas.convert("RGB")
    if label:
        out = _text(out, 0.5, 0.82, label, 0.08, "ffd54f")
    return out, {"red": red, "label": label}


def cobrand(img, art: Art, rng, partner=None):
    """Own idea: a fake co-branding ('联名') icon: the official emblem, a cross and a partner pictogram."""
    canvas = Image.new("RGBA", (N, N), art.bg_colour + (255,))
    k = int(N * 0.46)
    emblem = art.placed if art.caption else art.emblem
    canvas.alpha_composite(emblem.resize((k, k), Image.LANCZOS), (0, (N - k) // 2 - 20))
    fg = "ffffff" if _luma(art.bg_colour) < 120 else "444444"
    out = _text(canvas.convert("RGB"), 0.5, 0.45, "×", 0.1, fg, LAT_FONT)
    if partner is not None:
        pk = int(N * 0.36)
        pim = partner.resize((pk, pk), Image.LANCZOS)
        out.paste(pim, (N - pk - 12, (N - pk) // 2 - 20), rounded_mask(pk, 0.22))
    out = _text(out, 0.5, 0.86, rng.choice(["联名卡", "联名福利", "联合出品"]), 0.1, fg)
    return out, {"partner": "pictogram"}


IMAGE_EDITS = {
    f.__name__: f
    for f in (
        jpeg_lowq,
        rescale,
        stretch,
        rotate,
        crop_zoom,
        padding,
        hue_rotate,
        colour_shift,
        greyscale,
        invert,
        mirror,
        rounded,
        blur_noise,
        corner_badge,
        ribbon,
        stamp_middle,
        text_band,
        tilted_tile,
        phone_photo,
        screenshot_crop,
        gold_vip,
    )
}
ART_EDITS = {f.__name__: f for f in (emblem_newbg, emblem_words, stroke_redraw, red_packet, cobrand)}
