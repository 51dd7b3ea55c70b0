"""Icon deformations of the icon-only copies: what counterfeit apps and icon scrapers do to an official
logo. Every operation takes an RGB(A) image (256 px) and the random state, and returns the new image
and the parameters it drew. `KINDS` lists the single operations and the chains of 2-3 of them."""

from __future__ import annotations

import math

import cv2
import fonts
import generic_icons
import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

N = 256


# ---- helpers ------------------------------------------------------------------------------------

def rgb(img: Image.Image, under=(255, 255, 255)) -> Image.Image:
    if img.mode == "RGB":
        return img
    img = img.convert("RGBA")
    base = Image.new("RGB", img.size, under)
    base.paste(img, mask=img.getchannel("A"))
    return base


def _a(img):
    return np.asarray(rgb(img), dtype=np.uint8)


def _i(arr):
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def field_colour(img) -> tuple[int, int, int]:
    a = _a(img)
    k = max(4, a.shape[0] // 32)
    patches = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3), a[-k:, :k].reshape(-1, 3),
                              a[-k:, -k:].reshape(-1, 3)])
    return tuple(int(v) for v in np.median(patches, axis=0))


def content_mask(img, thr=60) -> np.ndarray:
    a = _a(img).astype(np.int16)
    f = np.array(field_colour(img), np.int16)
    return (np.abs(a - f).max(axis=2) > thr).astype(np.uint8) * 255


def fg_colour(img, mask) -> tuple[int, int, int]:
    a = _a(img)
    sel = a[mask > 0]
    if len(sel) == 0:
        return (255, 255, 255)
    return tuple(int(v) for v in np.median(sel, axis=0))


def rcolour(rr, lo=20, hi=235):
    return (rr.randint(lo, hi), rr.randint(lo, hi), rr.randint(lo, hi))


def far_colour(rr, ref, min_dist=140):
    for _ in range(50):
        c = rcolour(rr)
        if sum(abs(c[i] - ref[i]) for i in range(3)) >= min_dist:
            return c
    return tuple(255 - v for v in ref)


def gradient(size, c1, c2, angle):
    h = w = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32) / (size - 1)
    t = x * math.cos(angle) + y * math.sin(angle)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    a = np.array(c1, np.float32) * (1 - t[..., None]) + np.array(c2, np.float32) * t[..., None]
    return _i(a.round())


def rounded(img, radius_frac):
    m = Image.new("L", img.size, 0)
    r = int(img.size[0] * radius_frac)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, img.size[0] - 1, img.size[1] - 1], radius=r, fill=255)
    out = rgb(img).convert("RGBA")
    out.putalpha(ImageChops.multiply(m, out.getchannel("A")))
    return out


def shrink(img, scale):
    n = max(8, int(round(img.size[0] * scale)))
    return img.resize((n, n), Image.Resampling.LANCZOS)


def _f(x, nd=3):
    return round(float(x), nd)


RED = (230, 30, 40)
GOLD = (236, 182, 56)


# ---- colour -------------------------------------------------------------------------------------

def hue_rotate(img, R, deg=None):
    deg = deg if deg is not None else R.rr.choice([R.rr.randint(35, 150), R.rr.randint(210, 325)])
    hsv = np.array(rgb(img).convert("HSV"))
    hsv[..., 0] = ((hsv[..., 0].astype(np.int16) + int(round(deg / 360 * 256))) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB"), {"degrees": deg}


def bg_recolour(img, R):
    f = field_colour(img)
    new = far_colour(R.rr, f)
    a = _a(img).astype(np.float32)
    dist = np.abs(a - np.array(f, np.float32)).max(axis=2)
    soft = np.clip(1.0 - (dist - 30.0) / 60.0, 0.0, 1.0)
    soft = cv2.GaussianBlur(soft, (3, 3), 0)
    out = a + (np.array(new, np.float32) - np.array(f, np.float32)) * soft[..., None]
    return _i(out.round()), {"old": list(f), "new": list(new)}


def grayscale(img, R):
    return ImageOps.grayscale(rgb(img)).convert("RGB"), {}


def invert(img, R):
    return ImageOps.invert(rgb(img)), {}


def desaturate(img, R):
    k = _f(R.rr.uniform(0.12, 0.45))
    return ImageEnhance.Color(rgb(img)).enhance(k), {"saturation": k}


def gamma(img, R):
    g = _f(R.rr.choice([R.rr.uniform(0.4, 0.62), R.rr.uniform(1.7, 2.4)]))
    lut = [int(round(255 * (v / 255) ** g)) for v in range(256)] * 3
    return rgb(img).point(lut), {"gamma": g}


def posterize(img, R):
    bits = R.rr.choice([2, 3])
    return ImageOps.posterize(rgb(img), bits), {"bits": bits}


def channel_swap(img, R):
    perm = R.rr.choice([(2, 1, 0), (1, 2, 0), (2, 0, 1), (0, 2, 1), (1, 0, 2)])
    return _i(_a(img)[..., list(perm)]), {"order": "".join("RGB"[p] for p in perm)}


def duotone(img, R):
    dark = rcolour(R.rr, 0, 90)
    light = rcolour(R.rr, 150, 255)
    if R.rr.random() < 0.5:
        dark, light = light, dark
    lum = np.asarray(ImageOps.grayscale(rgb(img)), np.float32)[..., None] / 255.0
    out = np.array(dark, np.float32) * (1 - lum) + np.array(light, np.float32) * lum
    return _i(out.round()), {"dark": list(dark), "light": list(light)}


def colour_cast(img, R):
    tint = R.rr.choice([(255, 200, 80), (80, 140, 255), (120, 220, 120), (255, 120, 160), (200, 160, 110)])
    alpha = _f(R.rr.uniform(0.22, 0.4))
    return Image.blend(rgb(img), Image.new("RGB", img.size, tint), alpha), {"tint": list(tint), "alpha": alpha}


# ---- re-drawn styles ----------------------------------------------------------------------------

def flat_quantise(img, R):
    k = R.rr.randint(3, 5)
    soft = rgb(img).filter(ImageFilter.GaussianBlur(2))
    q = soft.quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    return q.filter(ImageFilter.ModeFilter(5)), {"colours": k}


def lineart(img, R):
    g = np.asarray(ImageOps.grayscale(rgb(img)))
    a = _a(img)
    edges = np.maximum.reduce([cv2.Canny(np.ascontiguousarray(a[..., c]), 40, 120) for c in range(3)] +
                              [cv2.Canny(g, 40, 120)])
    k = R.rr.choice([2, 3, 4])
    edges = cv2.dilate(edges, np.ones((k, k), np.uint8))
    brand = min(fg_colour(img, content_mask(img)), field_colour(img), key=sum)  # the darker of the two
    ink = R.rr.choice([(20, 20, 20), brand, (30, 60, 160)])
    paper = R.rr.choice([(255, 255, 255), (250, 244, 230)])
    out = np.where(edges[..., None] > 0, np.array(ink, np.uint8), np.array(paper, np.uint8))
    return _i(out), {"stroke_px": k, "ink": list(ink), "paper": list(paper)}


def pixel_art(img, R):
    n = R.rr.randint(18, 30)
    small = rgb(img).resize((n, n), Image.Resampling.BOX)
    return small.resize(img.size, Image.Resampling.NEAREST), {"grid": n}


def neon_glow(img, R):
    m = content_mask(img)
    edge = cv2.morphologyEx(m, cv2.MORPH_GRADIENT, np.ones((5, 5), np.uint8)).astype(np.float32) / 255
    colour = np.array(R.rr.choice([(0, 255, 240), (255, 60, 200), (120, 255, 80), (255, 200, 40)]), np.float32)
    glow = cv2.GaussianBlur(edge, (0, 0), R.rr.uniform(4, 7))
    bg = np.array(rcolour(R.rr, 5, 40), np.float32)
    out = bg + colour * np.clip(glow * 2.2, 0, 1)[..., None] + 255 * np.clip(edge * 0.8, 0, 1)[..., None] * 0.6
    return _i(np.clip(out, 0, 255).round()), {"neon": [int(v) for v in colour]}


def gloss(img, R):
    base = rgb(img).convert("RGBA")
    over = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(over)
    a = int(R.rr.uniform(0.25, 0.42) * 255)
    n = img.size[0]
    d.ellipse([-n * 0.3, -n * 0.75, n * 1.3, n * 0.52], fill=(255, 255, 255, a))
    over = over.filter(ImageFilter.GaussianBlur(2))
    return rgb(Image.alpha_composite(base, over)), {"alpha": _f(a / 255)}


def bevel_3d(img, R):
    m = content_mask(img)
    f = np.array(field_colour(img), np.float32)
    a = _a(img).astype(np.float32)
    dx = R.rr.randint(4, 9)
    shadow = np.roll(np.roll(m, dx, axis=0), dx, axis=1).astype(np.float32) / 255
    shadow = cv2.GaussianBlur(shadow, (0, 0), 2.0)
    out = f * (1 - 0.45 * shadow[..., None]) * np.ones_like(a)
    mm = (m.astype(np.float32) / 255)[..., None]
    hi = np.clip(m.astype(np.float32) - np.roll(np.roll(m, 3, axis=0), 3, axis=1), 0, 255)[..., None] / 255
    emb = a * (1 - 0.35 * hi) + 255 * 0.35 * hi
    out = out * (1 - mm) + emb * mm
    return _i(out.round()), {"depth_px": dx}


def stroke_weight(img, R):
    m = content_mask(img)
    fg, f = fg_colour(img, m), field_colour(img)
    k = R.rr.choice([3, 5])
    op = R.rr.choice(["bolder", "bolder", "thinner"])
    kernel = np.ones((k, k), np.uint8)
    m2 = cv2.dilate(m, kernel) if op == "bolder" else cv2.erode(m, kernel)
    m2 = cv2.GaussianBlur(m2, (3, 3), 0).astype(np.float32)[..., None] / 255
    out = np.array(f, np.float32) * (1 - m2) + np.array(fg, np.float32) * m2
    return _i(out.round()), {"op": op, "kernel": k}


def long_shadow(img, R):
    m = content_mask(img)
    f = field_colour(img)
    length = R.rr.randint(30, 70)
    acc = np.zeros_like(m)
    for k in range(1, length):
        acc = np.maximum(acc, np.pad(m, ((k, 0), (k, 0)))[:m.shape[0], :m.shape[1]])
    sh = np.array([max(0, int(v * 0.72)) for v in f], np.float32)
    a = _a(img).astype(np.float32)
    out = np.where((acc > 0)[..., None] & (m == 0)[..., None], sh, a)
    return _i(out), {"length_px": length}


def outline_only(img, R):
    m = content_mask(img)
    fg, f = fg_colour(img, m), field_colour(img)
    k = R.rr.choice([5, 7, 9])
    ring = cv2.subtract(m, cv2.erode(m, np.ones((k, k), np.uint8)))
    rm = ring.astype(np.float32)[..., None] / 255
    out = np.array(f, np.float32) * (1 - rm) + np.array(fg, np.float32) * rm
    return _i(out.round()), {"stroke_px": k}


# ---- geometry -----------------------------------------------------------------------------------

def crop_zoom(img, R):
    frac = _f(R.rr.uniform(0.7, 0.86))
    n = img.size[0]
    c = int(n * (1 - frac) / 2)
    return rgb(img).crop((c, c, n - c, n - c)).resize(img.size, Image.Resampling.LANCZOS), {"keep": frac}


def crop_offcentre(img, R):
    frac = _f(R.rr.uniform(0.7, 0.85))
    n = img.size[0]
    s = int(n * frac)
    x, y = R.rr.randint(0, n - s), R.rr.randint(0, n - s)
    out = rgb(img).crop((x, y, x + s, y + s)).resize(img.size, Image.Resampling.LANCZOS)
    return out, {"keep": frac, "x": x, "y": y}


def pad_shrink(img, R):
    sc = _f(R.rr.uniform(0.55, 0.75))
    bg = (255, 255, 255) if R.rr.random() < 0.35 else rcolour(R.rr)
    n = img.size[0]
    t = shrink(rgb(img), sc)
    room = n - t.size[0]
    x = int(room / 2 + R.rr.uniform(-0.35, 0.35) * room)
    y = int(room / 2 + R.rr.uniform(-0.35, 0.35) * room)
    out = Image.new("RGB", img.size, bg)
    out.paste(t, (x, y))
    return out, {"scale": sc, "background": list(bg), "x": x, "y": y}


def translate(img, R):
    n = img.size[0]
    dx = int(R.rr.choice([-1, 1]) * R.rr.uniform(0.08, 0.16) * n)
    dy = int(R.rr.choice([-1, 1]) * R.rr.uniform(0.0, 0.14) * n)
    out = Image.new("RGB", img.size, field_colour(img))
    out.paste(rgb(img), (dx, dy))
    return out, {"dx": dx, "dy": dy}


def rotate_small(img, R):
    ang = _f(R.rr.choice([-1, 1]) * R.rr.uniform(4, 12), 2)
    out = rgb(img).rotate(ang, resample=Image.Resampling.BICUBIC, fillcolor=field_colour(img))
    return out, {"degrees": ang}


def tile_rotate(img, R):
    n = img.size[0]
    sc = _f(R.rr.uniform(0.5, 0.7))
    ang = _f(R.rr.choice([-1, 1]) * R.rr.uniform(8, 30), 2)
    t = shrink(rgb(img), sc).convert("RGBA").rotate(ang, resample=Image.Resampling.BICUBIC, expand=True)
    if R.rr.random() < 0.5:
        bgp = {"background": "solid", "colour": list(rcolour(R.rr))}
        bg = Image.new("RGB", img.size, tuple(bgp["colour"]))
    else:
        c1, c2 = rcolour(R.rr), rcolour(R.rr)
        angle = _f(R.rr.uniform(0, math.pi))
        bgp = {"background": "gradient", "colours": [list(c1), list(c2)], "angle": angle}
        bg = gradient(n, c1, c2, angle)
    room = max(0, n - t.size[0])
    x, y = R.rr.randint(0, room), R.rr.randint(0, room)
    bg.paste(t, (x, y), t)
    return bg, {"scale": sc, "degrees": ang, "x": x, "y": y, **bgp}


def _warp(img, dst, border):
    n = img.size[0]
    src = np.float32([[0, 0], [n - 1, 0], [n - 1, n - 1], [0, n - 1]])
    m = cv2.getPerspectiveTransform(src, np.float32(dst))
    out = cv2.warpPerspective(_a(img), m, (n, n), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=tuple(int(v) for v in border))
    return _i(out)


def perspective(img, R, lo=0.06, hi=0.18):
    n = img.size[0]
    j = [_f(R.rr.uniform(lo, hi)) for _ in range(8)]
    dst = [[j[0] * n, j[1] * n], [n - 1 - j[2] * n, j[3] * n], [n - 1 - j[4] * n, n - 1 - j[5] * n],
           [j[6] * n, n - 1 - j[7] * n]]
    bg = rcolour(R.rr)
    return _warp(img, dst, bg), {"corner_insets": j, "background": list(bg)}


def mirror(img, R):
    return ImageOps.mirror(rgb(img)), {}


def aspect_squash(img, R):
    n = img.size[0]
    k = _f(R.rr.uniform(0.7, 0.86))
    axis = R.rr.choice(["x", "y"])
    size = (int(n * k), n) if axis == "x" else (n, int(n * k))
    t = rgb(img).resize(size, Image.Resampling.LANCZOS)
    out = Image.new("RGB", img.size, field_colour(img))
    out.paste(t, ((n - size[0]) // 2, (n - size[1]) // 2))
    return out, {"axis": axis, "factor": k}


def circle_mask(img, R, mode=None):
    mode = mode or R.rr.choice(["transparent", "white"])
    n = img.size[0]
    m = Image.new("L", (n * 2, n * 2), 0)
    ImageDraw.Draw(m).ellipse([0, 0, 2 * n - 1, 2 * n - 1], fill=255)
    m = m.resize((n, n), Image.Resampling.LANCZOS)
    out = rgb(img).convert("RGBA")
    out.putalpha(m)
    return (out if mode == "transparent" else rgb(out)), {"outside": mode}


def squircle_shadow(img, R):
    n = img.size[0]
    sc = _f(R.rr.uniform(0.74, 0.84))
    rad = _f(R.rr.uniform(0.18, 0.26))
    t = rounded(shrink(rgb(img), sc), rad)
    bg = Image.new("RGBA", img.size, (242, 242, 242, 255) if R.rr.random() < 0.6 else (255, 255, 255, 255))
    sh = Image.new("RGBA", img.size, (0, 0, 0, 0))
    off = (n - t.size[0]) // 2
    sh.paste((0, 0, 0, 110), (off + 4, off + 8), t.getchannel("A"))
    sh = sh.filter(ImageFilter.GaussianBlur(7))
    bg = Image.alpha_composite(bg, sh)
    bg.paste(t, (off, off), t)
    return rgb(bg), {"scale": sc, "corner_radius": rad}


def wave_warp(img, R):
    n = img.size[0]
    amp = _f(R.rr.uniform(3, 7), 2)
    wl = R.rr.randint(60, 130)
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    mx = x + amp * np.sin(2 * np.pi * y / wl)
    my = y + amp * np.sin(2 * np.pi * x / wl) * R.rr.choice([0.0, 1.0])
    out = cv2.remap(_a(img), mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return _i(out), {"amplitude_px": amp, "wavelength_px": wl}


def barrel(img, R):
    n = img.size[0]
    k = _f(R.rr.uniform(0.15, 0.35))
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    nx, ny = (x - n / 2) / (n / 2), (y - n / 2) / (n / 2)
    r2 = nx * nx + ny * ny
    f = 1 / (1 + k * r2)
    mx = (nx * f) * (n / 2) + n / 2
    my = (ny * f) * (n / 2) + n / 2
    # every output pixel samples nearer the centre: the middle swells (a fish-eye look), edges are kept
    out = cv2.remap(_a(img), mx.astype(np.float32), my.astype(np.float32), cv2.INTER_LINEAR,
                    borderMode=cv2.BORDER_REPLICATE)
    return _i(out), {"k": k}


# ---- overlays and badges ------------------------------------------------------------------------

CORNERS = {"tr": (0.82, 0.18), "tl": (0.18, 0.18), "br": (0.82, 0.82), "bl": (0.18, 0.82)}


def _corner(R, weights=(("tr", 6), ("tl", 1), ("br", 2), ("bl", 1))):
    names = [w[0] for w in weights]
    return R.rr.choices(names, weights=[w[1] for w in weights])[0]


def _over(img):
    return rgb(img).convert("RGBA"), Image.new("RGBA", img.size, (0, 0, 0, 0))


def _done(base, over):
    return rgb(Image.alpha_composite(base, over))


def badge_number(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    corner = _corner(R)
    r = R.rr.uniform(0.13, 0.2) * n
    cx, cy = CORNERS[corner][0] * n, CORNERS[corner][1] * n
    cx += (0.18 * n - r) * (1 if cx > n / 2 else -1) * 0.9
    cy += (0.18 * n - r) * (1 if cy > n / 2 else -1) * 0.9
    txt = R.rr.choice([str(R.rr.randint(1, 9)), str(R.rr.randint(10, 99)), "99+"])
    d.ellipse([cx - r - 3, cy - r - 3, cx + r + 3, cy + r + 3], fill=(255, 255, 255, 255))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=RED + (255,))
    fonts.glyph(d, txt, cx, cy, r * 1.15, (255, 255, 255, 255))
    return _done(base, over), {"corner": corner, "radius": _f(r / n), "text": txt}


def red_dot(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    corner = _corner(R, (("tr", 8), ("tl", 1)))
    r = R.rr.uniform(0.06, 0.095) * n
    cx = n - r * 1.4 if corner == "tr" else r * 1.4
    cy = r * 1.4
    d.ellipse([cx - r - 3, cy - r - 3, cx + r + 3, cy + r + 3], fill=(255, 255, 255, 255))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(250, 40, 40, 255))
    return _done(base, over), {"corner": corner, "radius": _f(r / n)}


def corner_ribbon(img, R):
    n = img.size[0]
    corner = R.rr.choice(["tl", "tr"])
    text = R.rr.choice(["新版", "官方", "HOT", "NEW", "推荐", "热门", "正版"])
    colour = R.rr.choice([RED, (255, 120, 0), GOLD, (30, 120, 230)])
    w = R.rr.uniform(0.13, 0.18) * n
    big = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    off = 0.32 * n
    d.polygon([(0, off), (off, 0), (off + w * 1.41, 0), (0, off + w * 1.41)], fill=colour + (255,))
    lay = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    fnt = fonts.fit_font(text, w * 1.6, w * 0.62)
    t = Image.new("RGBA", (int(w * 3), int(w)), (0, 0, 0, 0))
    fonts.draw_centred(ImageDraw.Draw(t), text, t.size[0] / 2, t.size[1] / 2, fnt, (255, 255, 255, 255))
    t = t.rotate(45, expand=True, resample=Image.Resampling.BICUBIC)
    c = (off + w * 0.7) / 2
    lay.paste(t, (int(c - t.size[0] / 2), int(c - t.size[1] / 2)), t)
    big = Image.alpha_composite(big, lay)
    if corner == "tr":
        big = ImageOps.mirror(big)
        # the text must not read mirrored: redraw it on the mirrored band
        big2 = Image.new("RGBA", (n, n), (0, 0, 0, 0))
        d2 = ImageDraw.Draw(big2)
        d2.polygon([(n, off), (n - off, 0), (n - off - w * 1.41, 0), (n, off + w * 1.41)], fill=colour + (255,))
        t2 = Image.new("RGBA", (int(w * 3), int(w)), (0, 0, 0, 0))
        fonts.draw_centred(ImageDraw.Draw(t2), text, t2.size[0] / 2, t2.size[1] / 2, fnt, (255, 255, 255, 255))
        t2 = t2.rotate(-45, expand=True, resample=Image.Resampling.BICUBIC)
        big2.paste(t2, (int(n - c - t2.size[0] / 2), int(c - t2.size[1] / 2)), t2)
        big = big2
    return _done(rgb(img).convert("RGBA"), big), {"corner": corner, "text": text, "width": _f(w / n)}


def center_stamp(img, R, text=None):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    text = text or R.rr.choice(["官方", "正版", "认证", "官方认证"])
    r = R.rr.uniform(0.2, 0.3) * n
    alpha = int(R.rr.uniform(0.82, 1.0) * 255)
    colour = R.rr.choice([RED, (20, 140, 60), (30, 90, 200)])
    cx = n / 2 + R.rr.uniform(-0.04, 0.04) * n
    cy = n / 2 + R.rr.uniform(-0.04, 0.04) * n
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 255, 255, alpha))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour + (alpha,), width=max(2, int(r * 0.12)))
    fonts.glyph(d, text, cx, cy, r * 1.2, colour + (alpha,))
    return _done(base, over), {"text": text, "radius": _f(r / n), "alpha": _f(alpha / 255)}


def tick_disc(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    where = R.rr.choice(["centre", "br", "br"])
    r = (R.rr.uniform(0.18, 0.24) if where == "centre" else R.rr.uniform(0.14, 0.2)) * n
    cx, cy = (n / 2, n / 2) if where == "centre" else (n - r * 1.15, n - r * 1.15)
    colour = R.rr.choice([(30, 170, 80), (20, 120, 240), (250, 160, 0)])
    d.ellipse([cx - r - 3, cy - r - 3, cx + r + 3, cy + r + 3], fill=(255, 255, 255, 255))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour + (255,))
    d.line([(cx - r * 0.5, cy), (cx - r * 0.12, cy + r * 0.4), (cx + r * 0.52, cy - r * 0.38)],
           fill=(255, 255, 255, 255), width=max(3, int(r * 0.2)), joint="curve")
    return _done(base, over), {"where": where, "radius": _f(r / n)}


BAND_TEXT_BOTTOM = ["贷款", "极速版", "借钱", "官方正版", "额度提升", "新人福利", "免息借款", "秒到账"]
BAND_TEXT_TOP = ["官方", "2024新版", "VIP", "福利版", "提额专享", "正版"]


def _band(img, R, top, text=None):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    h = R.rr.uniform(0.2, 0.28) * n
    text = text or R.rr.choice(BAND_TEXT_TOP if top else BAND_TEXT_BOTTOM)
    colour = R.rr.choice([RED, (255, 110, 0), (20, 20, 20), (30, 90, 200), GOLD])
    alpha = int(R.rr.uniform(0.85, 1.0) * 255)
    y0, y1 = (0, h) if top else (n - h, n)
    d.rectangle([0, y0, n, y1], fill=colour + (alpha,))
    fnt = fonts.fit_font(text, n * 0.86, h * 0.62)
    fonts.draw_centred(d, text, n / 2, (y0 + y1) / 2, fnt, (255, 255, 255, 255))
    return _done(base, over), {"text": text, "height": _f(h / n), "colour": list(colour)}


def text_band_bottom(img, R, text=None):
    return _band(img, R, False, text)


def text_band_top(img, R, text=None):
    return _band(img, R, True, text)


def word_below(img, R):
    n = img.size[0]
    sc = _f(R.rr.uniform(0.55, 0.68))
    word = R.rr.choice(["借款", "金融服务", "手机贷", "钱包", "理财", "信用借", "随心借", "官方APP"])
    bg = (255, 255, 255) if R.rr.random() < 0.6 else field_colour(img)
    out = Image.new("RGB", img.size, bg)
    t = shrink(rgb(img), sc)
    out.paste(t, ((n - t.size[0]) // 2, int(n * 0.06)))
    d = ImageDraw.Draw(out)
    ink = (40, 40, 40) if sum(bg) > 600 else (255, 255, 255)
    fnt = fonts.fit_font(word, n * 0.8, n * (0.9 - sc) * 0.7)
    fonts.draw_centred(d, word, n / 2, n * (0.06 + sc) + n * (0.94 - sc) / 2, fnt, ink)
    return out, {"scale": sc, "word": word, "background": list(bg)}


def watermark(img, R):
    n = img.size[0]
    text = R.rr.choice(["仅供学习", "apk下载", "www.apk8.cn", "破解版", "安卓下载站", "样图"])
    alpha = int(R.rr.uniform(0.25, 0.42) * 255)
    ink = R.rr.choice([(255, 255, 255), (0, 0, 0), (120, 120, 120)])
    lay = Image.new("RGBA", (n * 2, n * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    fnt = fonts.font(int(n * R.rr.uniform(0.09, 0.13)))
    step = int(n * 0.3)
    for yy in range(0, 2 * n, step):
        for xx in range(-(yy // step % 2) * step // 2, 2 * n, int(n * 0.62)):
            d.text((xx, yy), text, font=fnt, fill=ink + (alpha,))
    ang = R.rr.choice([25, 30, 35, -30])
    lay = lay.rotate(ang, resample=Image.Resampling.BICUBIC).crop((n // 2, n // 2, n // 2 + n, n // 2 + n))
    return _done(rgb(img).convert("RGBA"), lay), {"text": text, "alpha": _f(alpha / 255), "degrees": ang}


def site_logo_corner(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    s = R.rr.uniform(0.18, 0.25) * n
    corner = R.rr.choice(["bl", "br", "tl"])
    x = 4 if corner in ("bl", "tl") else n - s - 4
    y = n - s - 4 if corner in ("bl", "br") else 4
    colour = rcolour(R.rr)
    letter = R.rr.choice(["A", "K", "W", "安", "下", "豌"])
    d.rounded_rectangle([x, y, x + s, y + s], radius=s * 0.22, fill=colour + (255,), outline=(255, 255, 255, 255),
                        width=2)
    fonts.glyph(d, letter, x + s / 2, y + s / 2, s * 0.62, (255, 255, 255, 255))
    return _done(base, over), {"corner": corner, "size": _f(s / n), "letter": letter}


def promo_sticker(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    corner = R.rr.choice(["br", "tr", "br"])
    r = R.rr.uniform(0.17, 0.23) * n
    cx = n - r * 1.05
    cy = n - r * 1.05 if corner == "br" else r * 1.05
    spikes = R.rr.randint(12, 16)
    pts = []
    for k in range(spikes * 2):
        rad = r if k % 2 == 0 else r * 0.8
        a = math.pi * k / spikes
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    colour = R.rr.choice([(255, 214, 0), RED, (255, 120, 0)])
    d.polygon(pts, fill=colour + (255,))
    text = R.rr.choice(["0息", "免息", "秒批", "送红包", "3折"])
    ink = (200, 0, 0, 255) if colour[1] > 150 else (255, 255, 255, 255)
    fonts.glyph(d, text, cx, cy, r * 1.1, ink)
    return _done(base, over), {"corner": corner, "text": text, "radius": _f(r / n)}


def crown(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    w = R.rr.uniform(0.28, 0.38) * n
    cx = R.rr.choice([n / 2, w / 2 + 6, n - w / 2 - 6])
    y0 = 4
    h = w * 0.62
    pts = [(cx - w / 2, y0 + h), (cx - w / 2, y0 + h * 0.25), (cx - w / 4, y0 + h * 0.6), (cx, y0),
           (cx + w / 4, y0 + h * 0.6), (cx + w / 2, y0 + h * 0.25), (cx + w / 2, y0 + h)]
    d.polygon(pts, fill=GOLD + (255,), outline=(150, 100, 10, 255))
    with_vip = R.rr.random() < 0.5
    if with_vip:
        fonts.glyph(d, "VIP", cx, y0 + h * 0.72, w * 0.5, (150, 60, 0, 255))
    return _done(base, over), {"width": _f(w / n), "x": _f(cx / n), "vip": with_vip}


def red_envelope(img, R):
    base, over = _over(img)
    d = ImageDraw.Draw(over)
    n = img.size[0]
    w = R.rr.uniform(0.28, 0.36) * n
    h = w * 1.3
    x0, y0 = n - w - 6, n - h - 6
    d.rounded_rectangle([x0, y0, x0 + w, y0 + h], radius=w * 0.12, fill=(222, 40, 40, 255),
                        outline=(255, 255, 255, 255), width=2)
    d.pieslice([x0, y0 - h * 0.25, x0 + w, y0 + h * 0.45], start=0, end=180, fill=(190, 20, 20, 255))
    r = w * 0.2
    d.ellipse([x0 + w / 2 - r, y0 + h * 0.45 - r, x0 + w / 2 + r, y0 + h * 0.45 + r], fill=GOLD + (255,))
    fonts.glyph(d, "¥", x0 + w / 2, y0 + h * 0.45, r * 1.3, (190, 20, 20, 255))
    return _done(base, over), {"width": _f(w / n)}


# ---- frames -------------------------------------------------------------------------------------

def border_solid(img, R):
    n = img.size[0]
    t = int(R.rr.uniform(0.05, 0.1) * n)
    colour = R.rr.choice([GOLD, RED, (20, 20, 20), (255, 255, 255), rcolour(R.rr)])
    mode = R.rr.choice(["shrink", "overlay"])
    out = Image.new("RGB", img.size, colour)
    if mode == "shrink":
        out.paste(rgb(img).resize((n - 2 * t, n - 2 * t), Image.Resampling.LANCZOS), (t, t))
    else:
        out.paste(rgb(img).crop((t, t, n - t, n - t)), (t, t))
    return out, {"thickness": _f(t / n), "colour": list(colour), "mode": mode}


def double_border(img, R):
    n = img.size[0]
    t1 = int(R.rr.uniform(0.04, 0.07) * n)
    t2 = int(R.rr.uniform(0.015, 0.03) * n)
    c1 = R.rr.choice([GOLD, RED, (30, 30, 30), (20, 80, 160)])
    c2 = R.rr.choice([(255, 255, 255), GOLD, (0, 0, 0)])
    out = Image.new("RGB", img.size, c1)
    ImageDraw.Draw(out).rectangle([t1, t1, n - t1 - 1, n - t1 - 1], fill=c2)
    k = t1 + t2
    out.paste(rgb(img).resize((n - 2 * k, n - 2 * k), Image.Resampling.LANCZOS), (k, k))
    return out, {"outer": _f(t1 / n), "inner": _f(t2 / n), "colours": [list(c1), list(c2)]}


def festival_frame(img, R):
    n = img.size[0]
    out = Image.new("RGB", img.size, (200, 20, 30))
    d = ImageDraw.Draw(out)
    d.rectangle([6, 6, n - 7, n - 7], outline=GOLD, width=4)
    sc = _f(R.rr.uniform(0.66, 0.76))
    t = shrink(rgb(img), sc)
    off = (n - t.size[0]) // 2
    out.paste(t, (off, off + int(n * 0.03)))
    ch = R.rr.choice(["福", "春", "喜"])
    fnt = fonts.font(int(n * 0.11))
    for x, y in ((int(n * 0.085), int(n * 0.085)), (n - int(n * 0.085), int(n * 0.085))):
        d.ellipse([x - n * 0.07, y - n * 0.07, x + n * 0.07, y + n * 0.07], fill=GOLD)
        fonts.draw_centred(d, ch, x, y, fnt, (200, 20, 30))
    return out, {"scale": sc, "glyph": ch}


def polaroid(img, R):
    n = img.size[0]
    sc = _f(R.rr.uniform(0.62, 0.7))
    t = shrink(rgb(img), sc)
    m = int(n * 0.04)
    card = Image.new("RGB", (t.size[0] + 2 * m, t.size[1] + m + int(n * 0.13)), (252, 252, 248))
    card.paste(t, (m, m))
    ang = _f(R.rr.choice([-1, 1]) * R.rr.uniform(3, 9), 2)
    card = card.convert("RGBA").rotate(ang, expand=True, resample=Image.Resampling.BICUBIC)
    bg = gradient(n, rcolour(R.rr, 80, 160), rcolour(R.rr, 60, 140), 0.8)
    bg.paste(card, ((n - card.size[0]) // 2, (n - card.size[1]) // 2), card)
    return bg, {"scale": sc, "degrees": ang}


# ---- screenshots and composites -----------------------------------------------------------------

def store_screenshot(img, R):
    W, H = 760, 330
    page = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(page)
    isz = R.rr.randint(190, 220)
    ix, iy = 28, 50
    tile = rounded(shrink(rgb(img), isz / img.size[0]), 0.22)
    page.paste(tile, (ix, iy), tile)
    title = R.rr.choice(["金融服务", "手机银行助手", "安心借", "钱包", "极速贷"])
    d.text((ix + isz + 30, iy + 6), title, font=fonts.font(40), fill=(20, 20, 20))
    for k in range(3):
        d.rounded_rectangle([ix + isz + 30, iy + 70 + k * 38, ix + isz + 30 + R.rr.randint(200, 420),
                             iy + 88 + k * 38], radius=8, fill=(200, 200, 200))
    d.rounded_rectangle([W - 150, iy + isz - 56, W - 30, iy + isz - 10], radius=22, fill=(30, 130, 250))
    d.text((W - 120, iy + isz - 50), "安装", font=fonts.font(30), fill=(255, 255, 255))
    margin = R.rr.randint(10, 34)
    side = isz + 2 * margin + R.rr.randint(0, 50)
    x0, y0 = ix - min(margin, ix), iy - margin
    out = page.crop((x0, y0, x0 + side, y0 + side)).resize((N, N), Image.Resampling.LANCZOS)
    return out, {"icon_px": isz, "margin_px": margin, "crop_px": side}


def homescreen_crop(img, R):
    W = 620
    c1, c2 = rcolour(R.rr, 30, 200), rcolour(R.rr, 30, 200)
    wall = gradient(W, c1, c2, R.rr.uniform(0, math.pi))
    cell = 150
    isz = 112
    col, row = R.rr.randint(1, 2), R.rr.randint(1, 2)
    d = ImageDraw.Draw(wall)
    fnt = fonts.font(18)
    for cx in range(4):
        for cy in range(4):
            x, y = 19 + cx * cell, 19 + cy * cell
            if (cx, cy) == (col, row):
                tile = rounded(shrink(rgb(img), isz / img.size[0]), 0.22)
                label = R.rr.choice(["银行", "金融", "钱包", "借款"])
            else:
                tile = rounded(generic_icons.neighbour_tile(R.rr, isz), 0.22)
                label = R.rr.choice(["相册", "天气", "日历", "设置", "音乐", "地图", "时钟", "备忘"])
            wall.paste(tile, (x, y), tile)
            fonts.draw_centred(d, label, x + isz / 2, y + isz + 14, fnt, (255, 255, 255))
    margin = int(isz * R.rr.uniform(0.08, 0.22))
    x0, y0 = 19 + col * cell - margin, 19 + row * cell - margin
    side = isz + 2 * margin
    out = wall.crop((x0, y0, x0 + side, y0 + side)).resize((N, N), Image.Resampling.LANCZOS)
    return out, {"margin": _f(margin / isz), "cell": [col, row]}


def coins_composite(img, R):
    n = img.size[0]
    bg = gradient(n, R.rr.choice([(255, 220, 120), (250, 80, 60), (255, 240, 200)]),
                  R.rr.choice([(230, 140, 30), (180, 20, 30), (240, 190, 90)]), R.rr.uniform(0, math.pi))
    sc = _f(R.rr.uniform(0.56, 0.66))
    t = shrink(rgb(img), sc)
    off = (n - t.size[0]) // 2
    bg.paste(t, (off, off))
    d = ImageDraw.Draw(bg)
    coins = R.rr.randint(4, 7)
    for _ in range(coins):
        r = R.rr.uniform(0.06, 0.1) * n
        side = R.rr.choice(["t", "b", "l", "r"])
        u = R.rr.uniform(0.1, 0.9) * n
        v = R.rr.uniform(0.03, 0.2) * n
        cx, cy = {"t": (u, v), "b": (u, n - v), "l": (v, u), "r": (n - v, u)}[side]
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=GOLD, outline=(180, 120, 20), width=2)
        fonts.glyph(d, "¥", cx, cy, r * 1.1, (170, 100, 10))
    return bg, {"scale": sc, "coins": coins}


def banner_cutout(img, R):
    H = 300
    W = 900
    banner = gradient(W, rcolour(R.rr, 120, 255), rcolour(R.rr, 60, 200), 0.0).resize((W, H))
    d = ImageDraw.Draw(banner)
    isz = R.rr.randint(190, 230)
    x_icon = 40
    y_icon = (H - isz) // 2
    banner.paste(shrink(rgb(img), isz / img.size[0]), (x_icon, y_icon))
    slogan = R.rr.choice(["最高可借20万", "新用户专享", "低息秒到账", "扫码领取红包"])
    d.text((x_icon + isz + 40, 90), slogan, font=fonts.font(64), fill=(255, 255, 255))
    side = H
    x0 = max(0, x_icon - R.rr.randint(0, 40))
    out = banner.crop((x0, 0, x0 + side, side)).resize((N, N), Image.Resampling.LANCZOS)
    return out, {"icon_px": isz, "crop_x": x0, "slogan": slogan}


def photo_bg(img, R):
    n = img.size[0]
    m = content_mask(img)
    fg = fg_colour(img, m)
    base = np.zeros((n, n, 3), np.float32) + np.array(rcolour(R.rr), np.float32)
    for _ in range(8):
        cx, cy = R.rng.uniform(0, n, 2)
        r = R.rng.uniform(20, 90)
        col = R.rng.uniform(0, 255, 3)
        y, x = np.mgrid[0:n, 0:n]
        w = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r))[..., None]
        base = base * (1 - w) + col * w
    base = cv2.GaussianBlur(base, (0, 0), 3)
    mm = cv2.GaussianBlur(m, (3, 3), 0).astype(np.float32)[..., None] / 255
    ink = np.array(fg if sum(fg) < 700 else (255, 255, 255), np.float32)
    out = base * (1 - mm) + ink * mm
    return _i(out.round()), {"ink": [int(v) for v in ink]}


# ---- noise and encoding -------------------------------------------------------------------------

def jpeg_heavy(img, R, lo=6, hi=14):
    import io
    q = R.rr.randint(lo, hi)
    buf = io.BytesIO()
    rgb(img).save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB"), {"quality": q}


def downscale_blur(img, R):
    s = R.rr.randint(28, 44)
    small = rgb(img).resize((s, s), Image.Resampling.BILINEAR)
    return small.resize(img.size, Image.Resampling.BICUBIC), {"via_px": s}


def gaussian_blur(img, R, lo=2.0, hi=3.5):
    r = _f(R.rr.uniform(lo, hi), 2)
    return rgb(img).filter(ImageFilter.GaussianBlur(r)), {"radius": r}


def gaussian_noise(img, R, lo=14, hi=28):
    sigma = _f(R.rr.uniform(lo, hi), 2)
    a = _a(img).astype(np.float32) + R.rng.normal(0, sigma, (img.size[1], img.size[0], 3))
    return _i(np.clip(a, 0, 255).round()), {"sigma": sigma}


def palette_dither(img, R):
    k = R.rr.randint(6, 12)
    q = rgb(img).quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG)
    return q.convert("RGB"), {"colours": k}


def screen_photo(img, R):
    n = img.size[0]
    out, p = perspective(img, R, 0.03, 0.07)
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    f1 = R.rr.uniform(0.5, 0.9)
    ang = R.rr.uniform(0, math.pi)
    amp = R.rr.uniform(8, 16)
    moire = amp * np.sin(f1 * (x * math.cos(ang) + y * math.sin(ang)))
    a = _a(out).astype(np.float32) * R.rr.uniform(0.75, 0.95) + moire[..., None]
    a = cv2.GaussianBlur(a, (0, 0), 0.9) + R.rng.normal(0, 5, a.shape)
    return _i(np.clip(a, 0, 255).round()), {"perspective": p["corner_insets"], "moire_amp": _f(amp, 2),
                                            "moire_freq": _f(f1)}


SINGLE = {
    # colour
    "hue_rotate": hue_rotate, "bg_recolour": bg_recolour, "grayscale": grayscale, "invert": invert,
    "desaturate": desaturate, "gamma": gamma, "posterize": posterize, "channel_swap": channel_swap,
    "duotone": duotone, "colour_cast": colour_cast,
    # re-drawn styles
    "flat_quantise": flat_quantise, "lineart": lineart, "pixel_art": pixel_art, "neon_glow": neon_glow,
    "gloss": gloss, "bevel_3d": bevel_3d, "stroke_weight": stroke_weight, "long_shadow": long_shadow,
    "outline_only": outline_only,
    # geometry
    "crop_zoom": crop_zoom, "crop_offcentre": crop_offcentre, "pad_shrink": pad_shrink, "translate": translate,
    "rotate_small": rotate_small, "tile_rotate": tile_rotate, "perspective": perspective, "mirror": mirror,
    "aspect_squash": aspect_squash, "circle_mask": circle_mask, "squircle_shadow": squircle_shadow,
    "wave_warp": wave_warp, "barrel": barrel,
    # overlays and badges
    "badge_number": badge_number, "red_dot": red_dot, "corner_ribbon": corner_ribbon,
    "center_stamp": center_stamp, "tick_disc": tick_disc, "text_band_bottom": text_band_bottom,
    "text_band_top": text_band_top, "word_below": word_below, "watermark": watermark,
    "site_logo_corner": site_logo_corner, "promo_sticker": promo_sticker, "crown": crown,
    "red_envelope": red_envelope,
    # frames
    "border_solid": border_solid, "double_border": double_border, "festival_frame": festival_frame,
    "polaroid": polaroid,
    # screenshots and composites
    "store_screenshot": store_screenshot, "homescreen_crop": homescreen_crop,
    "coins_composite": coins_composite, "banner_cutout": banner_cutout, "photo_bg": photo_bg,
    # noise and encoding
    "jpeg_heavy": jpeg_heavy, "downscale_blur": downscale_blur, "gaussian_blur": gaussian_blur,
    "gaussian_noise": gaussian_noise, "palette_dither": palette_dither, "screen_photo": screen_photo,
}

# chains: (op, keyword overrides) steps
CHAINS = {
    "hue_badge": [("hue_rotate", {}), ("badge_number", {})],
    "crop_jpeg": [("crop_zoom", {}), ("jpeg_heavy", {"lo": 12, "hi": 28})],
    "tile_noise": [("tile_rotate", {}), ("gaussian_noise", {"lo": 8, "hi": 16})],
    "wordbelow_hue": [("word_below", {}), ("hue_rotate", {})],
    "perspective_jpeg": [("perspective", {}), ("jpeg_heavy", {"lo": 15, "hi": 35})],
    "recolour_mirror": [("bg_recolour", {}), ("mirror", {})],
    "circle_border_dot": [("circle_mask", {"mode": "white"}), ("border_solid", {}), ("red_dot", {})],
    "screenshot_blur_jpeg": [("store_screenshot", {}), ("gaussian_blur", {"lo": 0.8, "hi": 1.6}),
                             ("jpeg_heavy", {"lo": 15, "hi": 35})],
    "hue_pad_ribbon": [("hue_rotate", {}), ("pad_shrink", {}), ("corner_ribbon", {})],
    "rotate_cast_noise": [("rotate_small", {}), ("colour_cast", {}), ("gaussian_noise", {"lo": 8, "hi": 16})],
}

KINDS = [f"icon_{k}" for k in SINGLE] + [f"icon_chain_{k}" for k in CHAINS]


def apply(kind: str, img: Image.Image, R) -> tuple[Image.Image, dict]:
    if kind.startswith("icon_chain_"):
        steps = []
        for op, kw in CHAINS[kind[len("icon_chain_"):]]:
            img, p = SINGLE[op](img, R, **kw)
            steps.append({"op": op, **p})
        return img, {"steps": steps}
    img, p = SINGLE[kind[len("icon_"):]](img, R)
    return img, {"op": kind[len("icon_"):], **p}
