"""The usual counterfeiter edits of an icon. Each edit: (RGB 512 image, strength 0..1, Random) -> (image, params)."""

from __future__ import annotations

import io
import math

import imgutil as U
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

N = U.N
BADGE_TEXTS = ["99+", "新", "HOT", "1", "VIP", "贷", "荐", "5"]
BAND_TEXTS = ["官方正版", "极速审批", "限时福利", "新人专享", "最高20万", "秒到账", "免息借款", "官方认证"]
STAMP_TEXTS = ["官方", "认证", "正品", "安全", "tick"]
WATERMARKS = ["内部测试", "样本", "DEMO", "仅供参考", "TEST"]
WORDS = ["速贷", "金库", "e钱包", "小额借", "好借", "易借", "快付", "钱袋"]
NEW_BGS = [
    (20, 20, 24),
    (255, 255, 255),
    (250, 214, 0),
    (30, 144, 96),
    (240, 240, 236),
    (88, 44, 160),
    (0, 120, 215),
    (230, 90, 40),
    (17, 40, 80),
    (200, 30, 60),
]


def _contrast_bg(r, ink) -> tuple:
    lum = 0.3 * ink[0] + 0.59 * ink[1] + 0.11 * ink[2]
    ok = [c for c in NEW_BGS if abs(0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2] - lum) > 70]
    return r.choice(ok or NEW_BGS)


def _ink(img: Image.Image) -> tuple:
    a = U.np_rgb(img)
    m = U.segment(img) > 0.5
    return tuple(int(v) for v in (a[m].mean(0) if m.any() else a.reshape(-1, 3).mean(0)))


def crop(img, s, r):
    keep = 1 - (0.05 + 0.3 * s)
    w = keep * N
    x, y = r.uniform(0, N - w), r.uniform(0, N - w)
    return img.crop((x, y, x + w, y + w)).resize((N, N), Image.LANCZOS), {
        "keep": round(keep, 3),
        "x": round(x),
        "y": round(y),
    }


def rescale(img, s, r):
    small = int(round(220 * (1 - s) ** 1.6 + 26))
    down = r.choice([Image.BILINEAR, Image.BOX, Image.NEAREST])
    up = r.choice([Image.NEAREST, Image.BICUBIC, Image.BILINEAR])
    return img.resize((small, small), down).resize((N, N), up), {"via_px": small}


def rotate(img, s, r):
    ang = (4 + 50 * s) * r.choice([-1, 1])
    return img.rotate(ang, Image.BICUBIC, fillcolor=U.bg_colour(img)), {"angle": round(ang, 1)}


def rotate_large(img, s, r):
    ang = [90, 180, 270, r.choice([135, 225, 120, 240])][min(3, int(s * 4))] + r.uniform(-2, 2)
    return img.rotate(ang, Image.BICUBIC, fillcolor=U.bg_colour(img)), {"angle": round(ang, 1)}


def mirror(img, s, r):
    if s < 0.5:
        out, how = ImageOps.mirror(img), "horizontal"
    elif s < 0.75:
        out, how = ImageOps.flip(img), "vertical"
    else:
        out, how = img.transpose(Image.TRANSPOSE), "diagonal"
    return out, {"axis": how}


def perspective(img, s, r):
    d = (0.04 + 0.2 * s) * N
    src = [(0, 0), (N, 0), (N, N), (0, N)]
    side = r.choice(["left", "right", "top", "bottom", "free"])
    dst = []
    for x, y in src:
        sx, sy = (1 if x == 0 else -1), (1 if y == 0 else -1)
        dx = dy = 0.0
        if side == "free":
            dx, dy = r.uniform(0, d) * sx, r.uniform(0, d) * sy
        elif side in ("left", "right") and (side == "left") == (x == 0):
            dy = d * sy
        elif side in ("top", "bottom") and (side == "top") == (y == 0):
            dx = d * sx
        dst.append((x + dx, y + dy))
    coeffs = U.perspective_coeffs(dst, src)
    out = img.transform((N, N), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=U.bg_colour(img))
    return out, {"shift_px": round(d), "side": side}


def squash(img, s, r):
    k = 1 - (0.1 + 0.42 * s)
    horiz = r.random() < 0.5
    size = (int(N * k), N) if horiz else (N, int(N * k))
    out = Image.new("RGB", (N, N), U.bg_colour(img))
    return U.paste_center(out, img.resize(size, Image.LANCZOS), N / 2, N / 2), {
        "ratio": round(k, 3),
        "horizontal": horiz,
    }


def recolour(img, s, r):
    dom = U.dominant_colour(img)
    h = U.hue_of(dom)
    if s > 0.8 and r.random() < 0.5:
        target = (30, 30, 30)
    else:
        dh = (0.1 + 0.4 * s) * r.choice([-1, 1])
        target = U.rgb_from_hsv(h + dh, r.uniform(0.55, 0.95), r.uniform(0.55, 0.95))
    a = U.np_rgb(img)
    dist = np.abs(a - np.asarray(dom, np.float32)).max(2)
    w = np.clip(1 - (dist - 30) / 70, 0, 1)[..., None]
    lum = a.mean(2, keepdims=True) / max(1.0, float(np.mean(dom)))
    new = np.asarray(target, np.float32)[None, None, :] * np.clip(lum, 0.6, 1.4)
    return U.to_img(a * (1 - w) + new * w), {"from": list(dom), "to": list(target)}


def hue_shift(img, s, r):
    dh = (25 + 155 * s) / 360 * r.choice([-1, 1])
    return U.hsv_shift(img, dh), {"degrees": round(dh * 360, 1)}


def dark_mode(img, s, r):
    m = U.segment(img)[..., None]
    a = U.np_rgb(img)
    dom = np.asarray(U.dominant_colour(img), np.float32)
    if s < 0.3:
        bg = dom * 0.32
    elif s < 0.6:
        bg = np.asarray((28, 28, 30), np.float32)
    else:
        bg = np.asarray((14, 14, 16), np.float32)
    fg = a
    if s >= 0.6:
        light = a.mean(2, keepdims=True) > 200
        fg = np.where(light, np.clip(dom * 1.25 + 30, 0, 255), a)
    out = bg[None, None, :] * (1 - m) + fg * m
    return U.to_img(out), {"bg": [int(v) for v in bg]}


def invert(img, s, r):
    if s < 0.35:
        y, cb, cr = img.convert("YCbCr").split()
        out = Image.merge("YCbCr", (ImageOps.invert(y), cb, cr)).convert("RGB")
        how = "luma"
    else:
        out = ImageOps.invert(img.convert("RGB"))
        how = "rgb"
        if s > 0.7:
            out = ImageOps.autocontrast(out, cutoff=2)
            how = "rgb+contrast"
    return out, {"how": how}


def grayscale(img, s, r):
    g = ImageOps.grayscale(img).convert("RGB")
    out = Image.blend(img, g, min(1.0, 0.5 + 0.6 * s))
    if s > 0.75:
        out = ImageOps.colorize(ImageOps.grayscale(out), (40, 26, 10), (250, 236, 205))
        return out, {"tone": "sepia"}
    return out, {"amount": round(min(1.0, 0.5 + 0.6 * s), 2)}


def blur(img, s, r):
    rad = 1.5 + 9 * s
    return img.filter(ImageFilter.GaussianBlur(rad)), {"radius": round(rad, 2)}


def jpeg(img, s, r):
    q = int(round(62 - 54 * s))
    out = img
    if s > 0.6:
        out = out.resize((128, 128), Image.BILINEAR)
    for _ in range(1 + int(s > 0.4)):
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=q)
        out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return out.resize((N, N), Image.BICUBIC), {"quality": q}


def noise(img, s, r):
    g = np.random.default_rng(r.randrange(1 << 30))
    sigma = 6 + 38 * s
    a = U.np_rgb(img) + g.normal(0, sigma, (N, N, 1 if r.random() < 0.4 else 3))
    if s > 0.7:
        sp = g.random((N, N))
        a[sp < 0.01] = 0
        a[sp > 0.99] = 255
    return U.to_img(a), {"sigma": round(sigma, 1)}


def pixelate(img, s, r):
    blk = int(round(4 + 22 * s))
    n = max(8, N // blk)
    return img.resize((n, n), Image.BOX).resize((N, N), Image.NEAREST), {"grid": n}


def frame(img, s, r):
    w = int((0.03 + 0.12 * s) * N)
    col = r.choice([(212, 175, 55), (255, 255, 255), (20, 20, 20), (230, 30, 30), (0, 160, 80)])
    out = Image.new("RGB", (N, N), col)
    inner = img.resize((N - 2 * w, N - 2 * w), Image.LANCZOS)
    out.paste(inner, (w, w))
    if r.random() < 0.5:
        d = ImageDraw.Draw(out)
        d.rectangle(
            [w // 3, w // 3, N - w // 3, N - w // 3],
            outline=(255, 255, 255) if col != (255, 255, 255) else (0, 0, 0),
            width=max(2, w // 6),
        )
    return out, {"width_px": w, "colour": list(col)}


def _disc_label(d: int, text: str, fill, fg=(255, 255, 255), outline=(255, 255, 255)) -> Image.Image:
    im = Image.new("RGBA", (d, d), (0, 0, 0, 0))
    dr = ImageDraw.Draw(im)
    dr.ellipse([0, 0, d - 1, d - 1], fill=fill + (255,), outline=outline + (255,), width=max(2, d // 14))
    if text == "tick":
        k = d / 100
        dr.line(
            [(28 * k, 52 * k), (44 * k, 68 * k), (74 * k, 34 * k)],
            fill=fg + (255,),
            width=max(3, int(11 * k)),
            joint="curve",
        )
    else:
        t = U.text_image(text, int(d * (0.42 if len(text) < 3 else 0.3)), fg)
        t = U.fit(t, int(d * 0.74), int(d * 0.6))
        im.paste(t, ((d - t.size[0]) // 2, (d - t.size[1]) // 2), t)
    return im


def badge(img, s, r):
    d = int((0.16 + 0.26 * s) * N)
    text = r.choice(BADGE_TEXTS)
    corner = r.choice(["tr", "tr", "tl", "br", "bl"])
    lab = _disc_label(d, text, (235, 30, 35))
    m = int(0.02 * N)
    x = N - d - m if corner[1] == "r" else m
    y = m if corner[0] == "t" else N - d - m
    out = img.copy()
    out.paste(lab, (x, y), lab)
    return out, {"text": text, "corner": corner, "diameter_px": d}


def text_band(img, s, r):
    h = int((0.12 + 0.2 * s) * N)
    top = r.random() < 0.3
    col = r.choice([(230, 30, 35), (255, 200, 0), (20, 20, 20), (255, 255, 255), (0, 110, 220)])
    ink = (255, 255, 255) if sum(col) < 500 else (200, 20, 20)
    text = r.choice(BAND_TEXTS)
    out = img.copy()
    y0 = 0 if top else N - h
    ImageDraw.Draw(out).rectangle([0, y0, N, y0 + h], fill=col)
    t = U.fit(U.text_image(text, int(h * 0.62), ink), int(N * 0.9), int(h * 0.7))
    out.paste(t, ((N - t.size[0]) // 2, y0 + (h - t.size[1]) // 2), t)
    return out, {"text": text, "height_px": h, "top": top}


def stamp(img, s, r):
    d = int((0.2 + 0.26 * s) * N)
    text = r.choice(STAMP_TEXTS)
    col = r.choice([(220, 30, 30), (0, 150, 70), (0, 110, 220)])
    lab = _disc_label(d, text, col).rotate(r.uniform(-20, 20), Image.BICUBIC)
    out = img.copy()
    cx, cy = N / 2 + r.uniform(-0.05, 0.05) * N, N / 2 + r.uniform(-0.05, 0.05) * N
    return U.paste_center(out, lab, cx, cy), {"text": text, "diameter_px": d}


def watermark(img, s, r):
    op = 0.12 + 0.45 * s
    text = r.choice(WATERMARKS)
    col = r.choice([(255, 255, 255), (0, 0, 0), (128, 128, 128)])
    layer = Image.new("RGBA", (N * 2, N * 2), (0, 0, 0, 0))
    t = U.text_image(text, int(N * 0.09), col)
    for yy in range(0, N * 2, int(N * 0.22)):
        for xx in range(-(yy % 200), N * 2, t.size[0] + 40):
            layer.paste(t, (xx, yy), t)
    layer = layer.rotate(30, Image.BICUBIC).crop((N // 2, N // 2, N // 2 + N, N // 2 + N))
    alpha = layer.split()[3].point(lambda v: int(v * op))
    out = img.copy()
    out.paste(layer.convert("RGB"), (0, 0), alpha)
    return out, {"text": text, "opacity": round(op, 2)}


def new_background(img, s, r):
    em = U.cutout(img)
    col = _contrast_bg(r, _ink(img))
    style = r.choice(["solid", "gradient", "stripes", "dots"])
    if style == "gradient":
        bg = U.gradient(col, tuple(min(255, v + 70) for v in col), r.random() < 0.5)
    else:
        bg = Image.new("RGB", (N, N), col)
        d = ImageDraw.Draw(bg)
        alt = tuple(min(255, v + 25) if sum(col) < 380 else max(0, v - 25) for v in col)
        if style == "stripes":
            for k in range(-N, N, 36):
                d.line([(k, 0), (k + N, N)], fill=alt, width=12)
        elif style == "dots":
            for yy in range(10, N, 40):
                for xx in range(10 + (yy // 40 % 2) * 20, N, 40):
                    d.ellipse([xx - 5, yy - 5, xx + 5, yy + 5], fill=alt)
    sc = 0.95 - 0.33 * s
    em = U.fit(em, int(N * sc * 0.8), int(N * sc * 0.8))
    room_x, room_y = (N - em.size[0]) / 2, (N - em.size[1]) / 2
    cx = N / 2 + r.uniform(-1, 1) * room_x * min(1.0, s + 0.2)
    cy = N / 2 + r.uniform(-1, 1) * room_y * min(1.0, s + 0.2)
    return U.paste_center(bg, em, cx, cy), {"bg": list(col), "style": style, "scale": round(sc, 3)}


def beside_word(img, s, r):
    em = U.cutout(img)
    word = r.choice(WORDS)
    ink = _ink(img)
    orig_bg = U.bg_colour(img)
    bg_col = orig_bg if r.random() < 0.5 else (255, 255, 255)
    if abs(sum(bg_col) - sum(ink)) < 150:  # the emblem would vanish on this background
        bg_col = orig_bg if bg_col != orig_bg else (30, 30, 34)
    word_ink = (
        ink
        if abs(sum(bg_col) - sum(ink)) >= 150
        else ((30, 30, 30) if sum(bg_col) > 380 else (255, 255, 255))
    )
    ink = word_ink
    out = Image.new("RGB", (N, N), bg_col)
    frac = 0.62 - 0.22 * s
    if r.random() < 0.5:  # emblem above the word
        e = U.fit(em, int(N * frac), int(N * frac))
        U.paste_center(out, e, N / 2, N * 0.08 + e.size[1] / 2)
        t = U.fit(U.text_image(word, int(N * 0.18), ink), int(N * 0.84), int(N * (0.88 - frac) * 0.8))
        U.paste_center(out, t, N / 2, N * 0.08 + e.size[1] + (N * 0.92 - N * 0.08 - e.size[1]) / 2)
        where = "above"
    else:  # emblem left of the word
        e = U.fit(em, int(N * frac * 0.85), int(N * frac * 0.85))
        U.paste_center(out, e, N * 0.06 + e.size[0] / 2, N / 2)
        left = N * 0.1 + e.size[0]
        t = U.fit(U.text_image(word, int(N * 0.2), ink), int(N - left - N * 0.05), int(N * 0.3))
        U.paste_center(out, t, left + (N - left) / 2, N / 2)
        where = "left"
    return out, {"word": word, "emblem_frac": round(frac, 3), "emblem": where}


def tilted_tile(img, s, r):
    sc = 0.86 - 0.28 * s
    ang = (5 + 25 * s) * r.choice([-1, 1])
    col = _contrast_bg(r, U.bg_colour(img))
    bg = (
        U.gradient(col, tuple(max(0, v - 50) for v in col))
        if r.random() < 0.5
        else Image.new("RGB", (N, N), col)
    )
    n = int(N * sc)
    tile = img.resize((n, n), Image.LANCZOS).convert("RGBA").rotate(ang, Image.BICUBIC, expand=True)
    if r.random() < 0.5:
        sh = U.shadow(tile.split()[3], 8, 0.5)
        bg.paste((0, 0, 0), (int((N - sh.size[0]) / 2 + 8), int((N - sh.size[1]) / 2 + 10)), sh)
    cx = N / 2 + r.uniform(-0.06, 0.06) * N
    cy = N / 2 + r.uniform(-0.06, 0.06) * N
    return U.paste_center(bg, tile, cx, cy), {"scale": round(sc, 3), "angle": round(ang, 1), "bg": list(col)}


def outline(img, s, r):
    m = U.segment(img)
    mi = Image.fromarray((m * 255).astype(np.uint8))
    w = int(round(14 - 10 * s)) | 1
    edge = np.asarray(mi.filter(ImageFilter.MaxFilter(w)), np.float32) - np.asarray(
        mi.filter(ImageFilter.MinFilter(3)), np.float32
    )
    edge = np.clip(edge / 255, 0, 1)[..., None]
    dom = np.asarray(U.dominant_colour(img), np.float32)
    if s < 0.5:
        base = U.np_rgb(img) * 0.25 + 255 * 0.75
    else:
        base = np.full((N, N, 3), 255.0, np.float32)
    out = base * (1 - edge) + dom[None, None, :] * edge
    return U.to_img(out), {"line_px": w}


def photo_screen(img, s, r):
    g = np.random.default_rng(r.randrange(1 << 30))
    bezel = Image.new("RGB", (N, N), (18, 18, 20))
    inner = int(N * (0.92 - 0.12 * s))
    scr = img.resize((inner, inner), Image.LANCZOS)
    bezel.paste(scr, ((N - inner) // 2, (N - inner) // 2))
    d = (0.02 + 0.1 * s) * N
    src = [(0, 0), (N, 0), (N, N), (0, N)]
    dst = [
        (g.uniform(0, d), g.uniform(0, d)),
        (N - g.uniform(0, d), g.uniform(0, d)),
        (N - g.uniform(0, d), N - g.uniform(0, d)),
        (g.uniform(0, d), N - g.uniform(0, d)),
    ]
    out = bezel.transform(
        (N, N), Image.PERSPECTIVE, U.perspective_coeffs(dst, src), Image.BICUBIC, fillcolor=(60, 55, 50)
    )
    a = U.np_rgb(out)
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    f1, ang = 0.35 + 0.5 * g.random(), g.uniform(0, math.pi)
    moire = 1 - (0.06 + 0.16 * s) * (0.5 + 0.5 * np.sin(f1 * (xx * math.cos(ang) + yy * math.sin(ang))))
    gx, gy = g.uniform(0.2, 0.8) * N, g.uniform(0.1, 0.5) * N
    glare = (0.25 + 0.35 * s) * np.exp(-(((xx - gx) / (N * 0.3)) ** 2 + ((yy - gy) / (N * 0.18)) ** 2))
    vign = 1 - 0.35 * s * (((xx - N / 2) ** 2 + (yy - N / 2) ** 2) / (N * N / 2))
    cast = np.asarray([1.0, 1.0 + 0.03 * s, 1.0 + 0.1 * s], np.float32)
    a = a * moire[..., None] * vign[..., None] * cast + glare[..., None] * 255
    a += g.normal(0, 3 + 6 * s, a.shape)
    out = U.to_img(a).filter(ImageFilter.GaussianBlur(0.6 + 1.4 * s))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=int(80 - 40 * s))
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), {
        "tilt_px": round(d),
        "screen_frac": round(inner / N, 3),
    }


def rounded_mask(img, s, r):
    rad = (0.12 + 0.4 * s) * N
    pad = int(s * 0.08 * N)
    m = Image.new("L", (N * 2, N * 2), 0)
    ImageDraw.Draw(m).rounded_rectangle(
        [pad * 2, pad * 2, N * 2 - pad * 2, N * 2 - pad * 2], radius=int(min(rad, N / 2 - pad) * 2), fill=255
    )
    m = m.resize((N, N), Image.LANCZOS)
    outside = r.choice(["transparent", "white", "black"])
    if outside == "transparent":
        out = img.convert("RGBA")
        out.putalpha(m)
        return out, {"radius_frac": round(rad / N, 3), "outside": outside}
    base = Image.new("RGB", (N, N), (255, 255, 255) if outside == "white" else (0, 0, 0))
    base.paste(img, (0, 0), m)
    return base, {"radius_frac": round(rad / N, 3), "outside": outside}


def sticker(img, s, r):
    em = U.cutout(img, pad=24)
    em = U.fit(em, int(N * (0.92 - 0.25 * s)), int(N * (0.92 - 0.25 * s)))
    a = em.split()[3]
    grow = int(8 + 14 * s) | 1
    border = a.filter(ImageFilter.MaxFilter(grow))
    st = Image.new("RGBA", em.size, (255, 255, 255, 0))
    st.paste((255, 255, 255, 255), (0, 0), border)
    st.paste(em, (0, 0), em)
    ang = r.uniform(-15, 15) * s
    st = st.rotate(ang, Image.BICUBIC, expand=True)
    col = _contrast_bg(r, (255, 255, 255))
    bg = Image.new("RGB", (N, N), col)
    sh = U.shadow(st.split()[3], 6, 0.55)
    bg.paste((0, 0, 0), ((N - sh.size[0]) // 2 + 6, (N - sh.size[1]) // 2 + 8), sh)
    return U.paste_center(bg, st, N / 2, N / 2), {"angle": round(ang, 1), "bg": list(col)}


EDITS = {
    "crop": crop,
    "rescale": rescale,
    "rotate": rotate,
    "rotate_large": rotate_large,
    "mirror": mirror,
    "perspective": perspective,
    "squash": squash,
    "recolour": recolour,
    "hue_shift": hue_shift,
    "dark_mode": dark_mode,
    "invert": invert,
    "grayscale": grayscale,
    "blur": blur,
    "jpeg": jpeg,
    "noise": noise,
    "pixelate": pixelate,
    "frame": frame,
    "badge": badge,
    "text_band": text_band,
    "stamp": stamp,
    "watermark": watermark,
    "new_background": new_background,
    "beside_word": beside_word,
    "tilted_tile": tilted_tile,
    "outline": outline,
    "photo_screen": photo_screen,
    "rounded_mask": rounded_mask,
    "sticker": sticker,
}
