"""Deformations a counterfeiter, a store or a screenshot applies to an official icon.

Each deformation is fn(img, ctx) -> (img, params, fmt):
  img    PIL image, RGB (or RGBA where transparency is the point), usually 256 x 256
  ctx    {"R": random.Random, "G": numpy Generator, "style": emblem style, "word": app name}
  params JSON-able description of what was drawn
  fmt    None, or ("jpg"|"webp", quality) when the encoding is part of the deformation
All randomness comes from ctx["R"] / ctx["G"], in call order.
"""

from __future__ import annotations

import colorsys
import io
import math

import cv2
import emblems
import fonts
import names
import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageOps

S = 256
LANCZOS = Image.Resampling.LANCZOS
BICUBIC = Image.Resampling.BICUBIC


# ------------------------------------------------------------------ helpers

def arr(img):
    return np.asarray(img.convert("RGB"), dtype=np.uint8)


def pil(a):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def field_colour(img):
    a = arr(img)
    k = max(2, a.shape[0] // 40)
    patches = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3), a[-k:, :k].reshape(-1, 3),
                              a[-k:, -k:].reshape(-1, 3)])
    return tuple(int(v) for v in np.median(patches, axis=0))


def rand_colour(R, s=(0.5, 0.95), v=(0.45, 0.95)):
    r, g, b = colorsys.hsv_to_rgb(R.random(), R.uniform(*s), R.uniform(*v))
    return (int(r * 255), int(g * 255), int(b * 255))


def rand_light(R):
    return rand_colour(R, (0.05, 0.25), (0.92, 1.0))


def gradient(size, c1, c2, vertical=True):
    return emblems._gradient(size, c1, c2, vertical)


def round_mask(size, radius):
    m = Image.new("L", (size * 3, size * 3), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, size * 3 - 1, size * 3 - 1], radius=radius * 3, fill=255)
    return m.resize((size, size), LANCZOS)


def encode_roundtrip(img, fmt, q):
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG" if fmt == "jpg" else "WEBP", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def text_img(text, px, fill, stroke=0, stroke_fill=None):
    f = fonts.font_for(text, px)
    d = ImageDraw.Draw(Image.new("L", (1, 1)))
    x0, y0, x1, y1 = d.textbbox((0, 0), text, font=f, stroke_width=stroke)
    im = Image.new("RGBA", (x1 - x0 + 4, y1 - y0 + 4), (0, 0, 0, 0))
    ImageDraw.Draw(im).text((2 - x0, 2 - y0), text, font=f, fill=fill, stroke_width=stroke,
                            stroke_fill=stroke_fill)
    return im


def paste_rgba(bg, fg, xy):
    bg = bg.convert("RGBA")
    layer = Image.new("RGBA", bg.size, (0, 0, 0, 0))
    layer.paste(fg, (int(xy[0]), int(xy[1])), fg)
    return Image.alpha_composite(bg, layer)


def fit_text(text, max_w, px):
    while px > 8:
        f = fonts.font_for(text, px)
        x0, _, x1, _ = ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((0, 0), text, font=f)
        if x1 - x0 <= max_w:
            return px
        px -= 2
    return px


def r3(x):
    return round(float(x), 3)


def generic_icon(R, size=S):
    """A random ordinary-app icon (used behind an emblem shrunk into a corner)."""
    picto = R.choice(sorted(emblems.PICTOS))
    style = (picto, R.choice(["field", "white", "tile"]), R.choice(names.GENERIC_GLYPHS), emblems.hexs(rand_colour(R)),
             "#FFFFFF", emblems.hexs(rand_colour(R)))
    if style[1] == "white":
        style = (picto, "white", style[2], "#FFFFFF", emblems.hexs(rand_colour(R)), style[5])
    return emblems.render(style, size), style


# ------------------------------------------------------------------ compression / scale

def d_jpeg_low(img, c):
    q = c["R"].randint(12, 25)
    return img, {"quality": q}, ("jpg", q)


def d_webp_low(img, c):
    q = c["R"].randint(8, 25)
    return img, {"quality": q}, ("webp", q)


def d_down_up(img, c):
    R = c["R"]
    s = R.choice([24, 32, 40, 48])
    filt = R.choice(["bilinear", "bicubic", "nearest"])
    out = R.choice([192, 256])
    f = {"bilinear": Image.Resampling.BILINEAR, "bicubic": BICUBIC, "nearest": Image.Resampling.NEAREST}[filt]
    return img.resize((s, s), Image.Resampling.BILINEAR).resize((out, out), f), {"via": s, "filter": filt}, None


def d_tiny(img, c):
    s = c["R"].choice([40, 48, 57, 64, 72])
    return img.resize((s, s), LANCZOS), {"size": s}, None


# ------------------------------------------------------------------ geometry

def d_crop_tight(img, c):
    f = c["R"].uniform(0.08, 0.16)
    b = f * S
    return img.crop((b, b, S - b, S - b)).resize((S, S), LANCZOS), {"crop_each_side": r3(f)}, None


def d_crop_offcentre(img, c):
    R = c["R"]
    w = R.uniform(0.76, 0.88) * S
    x0, y0 = R.uniform(0, S - w), R.uniform(0, S - w)
    return img.crop((x0, y0, x0 + w, y0 + w)).resize((S, S), LANCZOS), \
        {"window": r3(w / S), "x0": r3(x0 / S), "y0": r3(y0 / S)}, None


def d_pad_margin(img, c):
    R = c["R"]
    sc = R.uniform(0.6, 0.82)
    bg = R.choice([(255, 255, 255), (240, 240, 240), rand_light(R)])
    t = int(S * sc)
    jx, jy = R.uniform(-1, 1) * (S - t) / 4, R.uniform(-1, 1) * (S - t) / 4
    out = Image.new("RGB", (S, S), bg)
    out.paste(img.resize((t, t), LANCZOS), (int((S - t) / 2 + jx), int((S - t) / 2 + jy)))
    return out, {"scale": r3(sc), "bg": list(bg)}, None


def d_rotate_small(img, c):
    R = c["R"]
    ang = R.choice([-1, 1]) * R.uniform(3, 10)
    return img.rotate(ang, BICUBIC, fillcolor=field_colour(img)), {"degrees": r3(ang)}, None


def d_rotate_quarter(img, c):
    k = c["R"].choice([90, 180, 270])
    return img.rotate(k, expand=True), {"degrees": k}, None


def d_tile_turned(img, c):
    R = c["R"]
    sc = R.uniform(0.5, 0.68)
    t = int(S * sc)
    tile = img.resize((t, t), LANCZOS).convert("RGBA")
    tile.putalpha(round_mask(t, int(t * R.uniform(0.12, 0.24))))
    ang = R.choice([-1, 1]) * R.uniform(10, 30)
    tile = tile.rotate(ang, BICUBIC, expand=True)
    c1, c2 = rand_colour(R), rand_colour(R)
    bg = gradient(S, c1, c2) if R.random() < 0.5 else Image.new("RGB", (S, S), c1)
    x = (S - tile.width) / 2 + R.uniform(-0.08, 0.08) * S
    y = (S - tile.height) / 2 + R.uniform(-0.08, 0.08) * S
    return paste_rgba(bg, tile, (x, y)).convert("RGB"), {"scale": r3(sc), "degrees": r3(ang)}, None


def d_perspective(img, c):
    R, G = c["R"], c["G"]
    d = R.uniform(0.06, 0.14) * S
    src = np.float32([[0, 0], [S, 0], [S, S], [0, S]])
    dst = src + G.uniform(-d, d, size=(4, 2)).astype(np.float32)
    dst = np.clip(dst, -0.05 * S, 1.05 * S).astype(np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    fill = R.choice([(255, 255, 255), field_colour(img), (30, 30, 30)])
    out = cv2.warpPerspective(arr(img), M, (S, S), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=tuple(int(v) for v in fill))
    return pil(out), {"max_shift": r3(d / S)}, None


def d_mirror(img, c):
    return ImageOps.mirror(img), {}, None


def d_stretch(img, c):
    R = c["R"]
    f = R.uniform(1.2, 1.45)
    axis = R.choice(["x", "y"])
    big = img.resize((int(S * f), S) if axis == "x" else (S, int(S * f)), LANCZOS)
    x0, y0 = (big.width - S) // 2, (big.height - S) // 2
    return big.crop((x0, y0, x0 + S, y0 + S)), {"factor": r3(f), "axis": axis}, None


def d_barrel(img, c):
    R = c["R"]
    k = R.choice([-1, 1]) * R.uniform(0.15, 0.35)
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32)
    nx, ny = (xx - S / 2) / (S / 2), (yy - S / 2) / (S / 2)
    rr = nx * nx + ny * ny
    fac = (1 + k * rr) / (1 + k * 0.5)
    mx, my = (nx * fac) * (S / 2) + S / 2, (ny * fac) * (S / 2) + S / 2
    out = cv2.remap(arr(img), mx.astype(np.float32), my.astype(np.float32), cv2.INTER_LINEAR,
                    borderMode=cv2.BORDER_REPLICATE)
    return pil(out), {"k": r3(k)}, None


# ------------------------------------------------------------------ frames and overlays

def d_border_thick(img, c):
    R = c["R"]
    f = R.uniform(0.08, 0.16)
    col = R.choice([(255, 255, 255), (0, 0, 0), (212, 175, 55), rand_colour(R)])
    out = ImageOps.expand(img, border=int(f * S), fill=col).resize((S, S), LANCZOS)
    return out, {"border": r3(f), "colour": list(col)}, None


def d_frame_gold(img, c):
    R = c["R"]
    w = int(R.uniform(0.05, 0.08) * S)
    inner = img.resize((S - 4 * w, S - 4 * w), LANCZOS)
    out = Image.new("RGB", (S, S), (212, 175, 55))
    d = ImageDraw.Draw(out)
    d.rectangle([w, w, S - w - 1, S - w - 1], fill=(120, 80, 20))
    d.rectangle([w + w // 2, w + w // 2, S - w - w // 2 - 1, S - w - w // 2 - 1], fill=(245, 215, 110))
    out.paste(inner, (2 * w, 2 * w))
    return out, {"frame": r3(w / S)}, None


def d_round_mask(img, c):
    R = c["R"]
    rad = R.uniform(0.18, 0.3)
    m = round_mask(S, int(rad * S))
    if R.random() < 0.5:
        out = img.convert("RGBA")
        out.putalpha(m)
        return out, {"radius": r3(rad), "background": "transparent"}, ("png", 0)
    bg = Image.new("RGB", (S, S), (255, 255, 255))
    bg.paste(img, (0, 0), m)
    return bg, {"radius": r3(rad), "background": "white"}, None


def d_circle_avatar(img, c):
    R = c["R"]
    bg = Image.new("RGB", (S, S), R.choice([(255, 255, 255), (246, 246, 246), (237, 237, 237)]))
    m = Image.new("L", (S * 3, S * 3), 0)
    ImageDraw.Draw(m).ellipse([0, 0, S * 3 - 1, S * 3 - 1], fill=255)
    bg.paste(img, (0, 0), m.resize((S, S), LANCZOS))
    ring = R.random() < 0.4
    if ring:
        ImageDraw.Draw(bg).ellipse([2, 2, S - 3, S - 3], outline=(220, 220, 220), width=3)
    return bg, {"ring": ring}, None


def d_drop_shadow(img, c):
    R = c["R"]
    sc = R.uniform(0.66, 0.78)
    t = int(S * sc)
    m = round_mask(t, int(t * 0.22))
    bg = Image.new("RGB", (S, S), rand_light(R))
    sh = Image.new("L", (S, S), 0)
    ox, oy = (S - t) // 2, (S - t) // 2
    sh.paste(m, (ox + 5, oy + 8))
    sh = sh.filter(ImageFilter.GaussianBlur(7))
    bg = Image.composite(Image.new("RGB", (S, S), (60, 60, 60)), bg, sh.point(lambda v: int(v * 0.45)))
    bg.paste(img.resize((t, t), LANCZOS), (ox, oy), m)
    return bg, {"scale": r3(sc)}, None


def _corner_xy(corner, r, margin):
    x = margin + r if corner[1] == "l" else S - margin - r
    y = margin + r if corner[0] == "t" else S - margin - r
    return x, y


def d_badge_dot(img, c):
    R = c["R"]
    corner = R.choices(["tr", "tl", "br", "bl"], weights=[5, 2, 2, 1])[0]
    r = R.uniform(0.11, 0.18) * S
    label = R.choice(["1", "3", "9", "99+", "!", "新", "2"])
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    x, y = _corner_xy(corner, r, R.uniform(0.0, 0.05) * S)
    d.ellipse([x - r, y - r, x + r, y + r], fill=(240, 30, 30), outline=(255, 255, 255), width=max(2, int(r / 8)))
    px = fit_text(label, 1.5 * r, int(1.2 * r))
    d.text((x, y), label, font=fonts.font_for(label, px), fill=(255, 255, 255), anchor="mm")
    return out, {"corner": corner, "radius": r3(r / S), "label": label}, None


def d_ribbon_corner(img, c):
    R = c["R"]
    corner = R.choice(["tl", "tr"])
    label = R.choice(["官方", "HOT", "新版", "推荐", "正版", "限时"])
    col = R.choice([(230, 0, 18), (255, 140, 0), (30, 160, 60), (20, 90, 200)])
    a, b = R.uniform(0.18, 0.26) * S, R.uniform(0.42, 0.52) * S
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    if corner == "tl":
        d.polygon([(a, 0), (b, 0), (0, b), (0, a)], fill=col)
        cx, cy, ang = (a + b) / 4, (a + b) / 4, 45
    else:
        d.polygon([(S - a, 0), (S - b, 0), (S, b), (S, a)], fill=col)
        cx, cy, ang = S - (a + b) / 4, (a + b) / 4, -45
    t = text_img(label, fit_text(label, (b - a) * 1.2, int((b - a) * 0.55)), (255, 255, 255))
    t = t.rotate(ang, BICUBIC, expand=True)
    out = paste_rgba(out, t, (cx - t.width / 2, cy - t.height / 2)).convert("RGB")
    return out, {"corner": corner, "label": label, "band": [r3(a / S), r3(b / S)]}, None


def d_stamp_centre(img, c):
    R = c["R"]
    r = R.uniform(0.2, 0.3) * S
    label = R.choice(["官方", "认证", "正品", "安全", "推荐"])
    col = R.choice([(220, 20, 20), (230, 120, 0), (20, 140, 60)])
    alpha = R.uniform(0.75, 0.95)
    cx, cy = S / 2 + R.uniform(-0.05, 0.05) * S, S / 2 + R.uniform(-0.05, 0.05) * S
    layer = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    a = int(alpha * 255)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 255, 255, a), outline=col + (a,), width=int(r / 6))
    d.text((cx, cy), label, font=fonts.cjk(int(r * 0.8)), fill=col + (a,), anchor="mm")
    out = Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")
    return out, {"radius": r3(r / S), "label": label, "alpha": r3(alpha)}, None


def _band(img, c, where):
    R = c["R"]
    h = (R.uniform(0.2, 0.3) if where == "bottom" else R.uniform(0.18, 0.26)) * S
    if where == "bottom":
        label = R.choice(["贷款", "福利", "领红包", "极速版", "额度高", "秒到账", "官方"])
    else:
        label = R.choice(["官方正版", "限时福利", "新用户专享", "免息30天"])
    col = R.choice([(230, 0, 18), (255, 120, 0), (200, 150, 30), (20, 20, 20), (0, 110, 220)])
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    y0, y1 = (S - h, S) if where == "bottom" else (0, h)
    d.rectangle([0, y0, S, y1], fill=col)
    px = fit_text(label, 0.9 * S, int(0.7 * h))
    d.text((S / 2, (y0 + y1) / 2), label, font=fonts.font_for(label, px), fill=(255, 255, 255), anchor="mm")
    return out, {"height": r3(h / S), "label": label}, None


def d_band_bottom(img, c):
    return _band(img, c, "bottom")


def d_band_top(img, c):
    return _band(img, c, "top")


def d_sticker_star(img, c):
    R = c["R"]
    corner = R.choice(["tl", "tr"])
    r = R.uniform(0.16, 0.22) * S
    label = R.choice(["NEW", "新", "热", "HOT"])
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    x, y = _corner_xy(corner, r, 0)
    d.polygon(emblems._star(x, y, r, 0.78 * r, 12), fill=R.choice([(255, 210, 0), (255, 80, 40)]))
    px = fit_text(label, 1.3 * r, int(0.8 * r))
    d.text((x, y), label, font=fonts.font_for(label, px), fill=(180, 0, 0), anchor="mm")
    return out, {"corner": corner, "radius": r3(r / S), "label": label}, None


def d_watermark(img, c):
    R = c["R"]
    label = R.choice(["样例", "仅供参考", "www.apk-share.cn", "官方下载", "安全下载"])
    alpha = R.uniform(0.25, 0.4)
    layer = Image.new("RGBA", (2 * S, 2 * S), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    f = fonts.font_for(label, int(S * 0.09))
    col = R.choice([(255, 255, 255), (0, 0, 0), (128, 128, 128)]) + (int(alpha * 255),)
    for yy in range(0, 2 * S, int(S * 0.22)):
        for xx in range(-S, 2 * S, int(S * 0.7)):
            d.text((xx + (yy // 7) % 60, yy), label, font=f, fill=col)
    layer = layer.rotate(30, BICUBIC).crop((S // 2, S // 2, S // 2 + S, S // 2 + S))
    out = Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")
    return out, {"label": label, "alpha": r3(alpha)}, None


def d_text_overlay_big(img, c):
    R = c["R"]
    label = R.choice(["极速贷", "借钱", "秒批", "领红包", "免息"])
    col = R.choice([(255, 230, 0), (255, 255, 255), (255, 60, 60)])
    px = fit_text(label, 0.9 * S, int(0.3 * S))
    t = text_img(label, px, col + (235,), stroke=max(2, px // 12), stroke_fill=(40, 0, 0, 235))
    y = S / 2 - t.height / 2 + R.uniform(-0.15, 0.15) * S
    return paste_rgba(img, t, ((S - t.width) / 2, y)).convert("RGB"), {"label": label}, None


def d_sticker_coin(img, c):
    R = c["R"]
    corner = R.choice(["br", "bl"])
    r = R.uniform(0.13, 0.17) * S
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    x, y = _corner_xy(corner, r, 0.02 * S)
    d.ellipse([x - r, y - r, x + r, y + r], fill=(245, 190, 30), outline=(180, 120, 0), width=max(2, int(r / 7)))
    d.text((x, y), "¥", font=fonts.latin(int(1.2 * r)), fill=(170, 90, 0), anchor="mm")
    return out, {"corner": corner, "radius": r3(r / S)}, None


# ------------------------------------------------------------------ colour

def d_hue_shift(img, c):
    deg = c["R"].uniform(40, 320)
    h, s, v = img.convert("RGB").convert("HSV").split()
    h = h.point(lambda x: (x + int(deg / 360 * 256)) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB"), {"degrees": r3(deg)}, None


def d_invert(img, c):
    return ImageOps.invert(img.convert("RGB")), {}, None


def d_greyscale(img, c):
    return ImageOps.grayscale(img).convert("RGB"), {}, None


def d_sepia(img, c):
    a = arr(img).astype(np.float32)
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32)
    return pil(a @ m.T), {}, None


def d_duotone(img, c):
    R = c["R"]
    c1, c2 = rand_colour(R, v=(0.15, 0.4)), rand_colour(R, s=(0.2, 0.6), v=(0.85, 1.0))
    L = np.asarray(ImageOps.grayscale(img), np.float32)[..., None] / 255.0
    out = np.array(c1, np.float32) * (1 - L) + np.array(c2, np.float32) * L
    return pil(out), {"dark": list(c1), "light": list(c2)}, None


def d_saturate_contrast(img, c):
    R = c["R"]
    s, k = R.uniform(1.8, 2.5), R.uniform(1.3, 1.6)
    out = ImageEnhance.Contrast(ImageEnhance.Color(img.convert("RGB")).enhance(s)).enhance(k)
    return out, {"saturation": r3(s), "contrast": r3(k)}, None


def d_darken(img, c):
    b = c["R"].uniform(0.42, 0.65)
    return ImageEnhance.Brightness(img.convert("RGB")).enhance(b), {"brightness": r3(b)}, None


def d_channel_swap(img, c):
    perm = c["R"].choice([(0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)])
    return pil(arr(img)[..., list(perm)]), {"perm": list(perm)}, None


def d_recolour_field(img, c):
    R = c["R"]
    a = arr(img).astype(np.float32)
    fc = np.array(field_colour(img), np.float32)
    new = np.array(rand_colour(R), np.float32)
    dist = np.sqrt(((a - fc) ** 2).sum(-1))
    w = np.clip((70 - dist) / 40, 0, 1)[..., None]
    return pil(a * (1 - w) + (a - fc + new) * w), {"new_field": [int(v) for v in new]}, None


def d_posterize_flat(img, c):
    k = c["R"].choice([3, 4, 5])
    q = img.convert("RGB").quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    return q.convert("RGB"), {"colours": k}, None


# ------------------------------------------------------------------ re-drawing in other styles

def _edges(img, lo=60, hi=160, scale=1):
    g = np.asarray(ImageOps.grayscale(img.resize((S * scale, S * scale), BICUBIC)))
    g = cv2.GaussianBlur(g, (3, 3), 0)
    a = arr(img.resize((S * scale, S * scale), BICUBIC))
    e = np.zeros_like(g)
    for ch in (g, a[..., 0], a[..., 1], a[..., 2]):
        e = np.maximum(e, cv2.Canny(np.ascontiguousarray(ch), lo, hi))
    return e


def d_outline(img, c):
    R = c["R"]
    w = R.choice([2, 3, 4])
    e = cv2.dilate(_edges(img), np.ones((w, w), np.uint8))
    col = R.choice([(0, 0, 0), emblems.mark_colours(c["style"])[0], rand_colour(R)])
    bg = R.choice([(255, 255, 255), (250, 248, 240)])
    out = np.empty((S, S, 3), np.float32)
    out[:] = bg
    m = (e.astype(np.float32) / 255.0)[..., None]
    out = out * (1 - m) + np.array(col, np.float32) * m
    return pil(cv2.GaussianBlur(out, (3, 3), 0)), {"width": w, "colour": list(col)}, None


def d_line_art(img, c):
    e = _edges(img, 40, 120, scale=2)
    big = Image.fromarray(255 - e).resize((S, S), LANCZOS)
    return big.convert("RGB"), {}, None


def d_glow(img, c):
    R = c["R"]
    e = cv2.dilate(_edges(img), np.ones((3, 3), np.uint8)).astype(np.float32) / 255.0
    col = np.array(R.choice([(0, 255, 255), (255, 60, 200), (120, 255, 80), (255, 220, 60)]), np.float32)
    halo = cv2.GaussianBlur(e, (0, 0), R.uniform(3, 6)) * 2.2
    base = np.array(R.choice([(10, 10, 30), (20, 0, 30), (0, 0, 0)]), np.float32)
    out = base + np.clip(halo, 0, 1)[..., None] * col * 0.8 + e[..., None] * 255
    return pil(out), {"colour": [int(v) for v in col]}, None


def d_emboss(img, c):
    R = c["R"]
    g = ImageOps.grayscale(img).filter(ImageFilter.EMBOSS)
    g = ImageOps.autocontrast(g, cutoff=1)
    tint = R.random() < 0.5
    out = g.convert("RGB")
    if tint:
        out = ImageChops.multiply(out, Image.new("RGB", (S, S), rand_light(R)))
    return out, {"tinted": tint}, None


def _elastic(a, G, amp, grid=5):
    h, w = a.shape[:2]
    dx = cv2.resize(G.normal(0, 1, size=(grid, grid)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    dy = cv2.resize(G.normal(0, 1, size=(grid, grid)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return cv2.remap(a, xx + amp * dx, yy + amp * dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def d_hand_drawn(img, c):
    R, G = c["R"], c["G"]
    flat = img.convert("RGB").quantize(colors=4, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    a = arr(flat.convert("RGB"))
    amp = R.uniform(3, 6)
    a = _elastic(a, G, amp)
    paper = np.array((250, 246, 236), np.float32)
    a = a.astype(np.float32) * 0.85 + paper * 0.15
    e = cv2.dilate(_edges(pil(a), 40, 120), np.ones((2, 2), np.uint8))
    e = _elastic(e, G, 1.5).astype(np.float32)[..., None] / 255.0
    a = a * (1 - 0.8 * e) + np.array((40, 40, 40), np.float32) * 0.8 * e
    return pil(a), {"wobble_px": r3(amp)}, None


def d_pixelate(img, c):
    b = c["R"].choice([8, 10, 12, 16])
    n = S // b
    return img.resize((n, n), Image.Resampling.BOX).resize((S, S), Image.Resampling.NEAREST), {"block": b}, None


def d_blur(img, c):
    r = c["R"].uniform(2, 4.5)
    return img.filter(ImageFilter.GaussianBlur(r)), {"radius": r3(r)}, None


def d_noise(img, c):
    R, G = c["R"], c["G"]
    s = R.uniform(14, 30)
    return pil(arr(img).astype(np.float32) + G.normal(0, s, size=(S, S, 3))), {"sigma": r3(s)}, None


def d_salt_pepper(img, c):
    R, G = c["R"], c["G"]
    p = R.uniform(0.03, 0.08)
    a = arr(img).copy()
    u = G.random((S, S))
    a[u < p / 2] = 0
    a[u > 1 - p / 2] = 255
    return pil(a), {"fraction": r3(p)}, None


def d_halftone(img, c):
    cell = c["R"].choice([5, 6, 7, 8])
    a = arr(img).astype(np.float32)
    n = S // cell
    small = cv2.resize(a, (n, n), interpolation=cv2.INTER_AREA)
    out = Image.new("RGB", (S * 3, S * 3), (255, 255, 255))
    d = ImageDraw.Draw(out)
    for i in range(n):
        for j in range(n):
            col = small[i, j]
            lum = (0.299 * col[0] + 0.587 * col[1] + 0.114 * col[2]) / 255.0
            r = 3 * cell * 0.5 * math.sqrt(max(0.05, 1.0 - 0.85 * lum)) * 1.15
            cx, cy = 3 * (j + 0.5) * cell, 3 * (i + 0.5) * cell
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=tuple(int(v) for v in col))
    return out.resize((S, S), LANCZOS), {"cell": cell}, None


def d_cartoon(img, c):
    a = arr(img)
    for _ in range(3):
        a = cv2.bilateralFilter(a, 9, 60, 9)
    g = cv2.medianBlur(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), 5)
    e = cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 9, 4)
    return pil(np.minimum(a, e[..., None])), {}, None


def d_silhouette(img, c):
    R = c["R"]
    a = arr(img).astype(np.float32)
    fc = np.array(field_colour(img), np.float32)
    m = (np.sqrt(((a - fc) ** 2).sum(-1)) > 45).astype(np.float32)
    m = cv2.GaussianBlur(m, (3, 3), 0)[..., None]
    dark = R.random() < 0.5
    fg, bg = ((0, 0, 0), (255, 255, 255)) if dark else ((255, 255, 255), rand_colour(R, v=(0.3, 0.6)))
    out = np.array(bg, np.float32) * (1 - m) + np.array(fg, np.float32) * m
    return pil(out), {"mark": list(fg), "background": list(bg)}, None


def d_chroma_aberration(img, c):
    d = c["R"].randint(3, 7)
    a = arr(img).copy()
    a[..., 0] = np.roll(a[..., 0], d, axis=1)
    a[..., 2] = np.roll(a[..., 2], -d, axis=0)
    return pil(a), {"shift_px": d}, None


# ------------------------------------------------------------------ re-layout of the emblem

def _mark_on(bg_img, c, size, xy, colours=None):
    fg, acc = colours or emblems.mark_colours(c["style"])
    m = emblems.render_mark(c["style"], int(size), fg=emblems.hexs(fg), acc=emblems.hexs(acc))
    return paste_rgba(bg_img, m, xy)


def d_relayout_text_below(img, c):
    R = c["R"]
    bgc = R.choice([(255, 255, 255), emblems.rgb(c["style"][3]), rand_light(R)])
    bg = Image.new("RGB", (S, S), bgc)
    sz = R.uniform(0.5, 0.62) * S
    colours = None if sum(bgc) > 600 else ((255, 255, 255), (255, 255, 255))
    out = _mark_on(bg, c, sz, ((S - sz) / 2, 0.06 * S), colours)
    label = R.choice(names.OVERLAY_WORDS)
    tc = (40, 40, 40) if sum(bgc) > 600 else (255, 255, 255)
    px = fit_text(label, 0.86 * S, int(0.16 * S))
    ImageDraw.Draw(out).text((S / 2, 0.06 * S + sz + 0.1 * S), label, font=fonts.cjk(px), fill=tc, anchor="mm")
    return out.convert("RGB"), {"mark_scale": r3(sz / S), "label": label, "bg": list(bgc)}, None


def d_relayout_text_right(img, c):
    R = c["R"]
    bgc = R.choice([(255, 255, 255), (248, 248, 248), rand_light(R)])
    bg = Image.new("RGB", (S, S), bgc)
    sz = R.uniform(0.4, 0.48) * S
    out = _mark_on(bg, c, sz, (0.03 * S, (S - sz) / 2))
    d = ImageDraw.Draw(out)
    w1, w2 = R.choice(names.OVERLAY_WORDS), R.choice(["安全便捷", "随时随地", "极速到账", "值得信赖"])
    x = 0.06 * S + sz
    px = fit_text(w1, S - x - 4, int(0.13 * S))
    fg = emblems.mark_colours(c["style"])[0]
    d.text((x, S / 2 - 0.02 * S), w1, font=fonts.cjk(px), fill=fg, anchor="ls")
    d.text((x, S / 2 + 0.1 * S), w2, font=fonts.cjk(max(8, int(px * 0.6))), fill=(110, 110, 110), anchor="ls")
    return out.convert("RGB"), {"mark_scale": r3(sz / S), "label": w1}, None


def d_other_frame(img, c):
    R = c["R"]
    frame = R.choice(["circle", "hexagon", "shield", "rounded"])
    bgc = rand_colour(R)
    ring = R.choice([(255, 255, 255), (212, 175, 55)])
    out = Image.new("RGB", (S * 3, S * 3), bgc)
    d = ImageDraw.Draw(out)
    cx = cy = 1.5 * S
    rr = 1.25 * S
    if frame == "circle":
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=ring)
        d.ellipse([cx - rr * 0.9, cy - rr * 0.9, cx + rr * 0.9, cy + rr * 0.9], fill=(255, 255, 255))
    elif frame == "hexagon":
        d.polygon(emblems._reg(cx, cy, rr, 6, math.pi / 6), fill=ring)
        d.polygon(emblems._reg(cx, cy, rr * 0.88, 6, math.pi / 6), fill=(255, 255, 255))
    elif frame == "shield":
        d.polygon([(cx - rr * 0.85, cy - rr * 0.9), (cx + rr * 0.85, cy - rr * 0.9), (cx + rr * 0.85, cy + 0.1 * rr),
                   (cx, cy + rr), (cx - rr * 0.85, cy + 0.1 * rr)], fill=ring)
        d.polygon([(cx - rr * 0.75, cy - rr * 0.8), (cx + rr * 0.75, cy - rr * 0.8), (cx + rr * 0.75, cy + 0.08 * rr),
                   (cx, cy + rr * 0.86), (cx - rr * 0.75, cy + 0.08 * rr)], fill=(255, 255, 255))
    else:
        d.rounded_rectangle([cx - rr, cy - rr, cx + rr, cy + rr], radius=0.3 * rr, fill=ring)
        d.rounded_rectangle([cx - rr * 0.9, cy - rr * 0.9, cx + rr * 0.9, cy + rr * 0.9], radius=0.25 * rr,
                            fill=(255, 255, 255))
    out = out.resize((S, S), LANCZOS)
    sz = R.uniform(0.46, 0.56) * S
    out = _mark_on(out, c, sz, ((S - sz) / 2, (S - sz) / 2 - (0.04 * S if frame == "shield" else 0)))
    return out.convert("RGB"), {"frame": frame, "mark_scale": r3(sz / S)}, None


def d_corner_small(img, c):
    R = c["R"]
    base, gstyle = generic_icon(R)
    corner = R.choice(["tl", "tr", "bl", "br"])
    sz = R.uniform(0.28, 0.36) * S
    m = 0.04 * S
    x = m if corner[1] == "l" else S - m - sz
    y = m if corner[0] == "t" else S - m - sz
    d = ImageDraw.Draw(base)
    d.rounded_rectangle([x - 3, y - 3, x + sz + 3, y + sz + 3], radius=sz * 0.2, fill=(255, 255, 255))
    out = _mark_on(base, c, sz, (x, y))
    return out.convert("RGB"), {"corner": corner, "mark_scale": r3(sz / S), "host": gstyle[0]}, None


def d_gradient_bg(img, c):
    R = c["R"]
    c1, c2 = rand_colour(R), rand_colour(R)
    bg = gradient(S, c1, c2, vertical=R.random() < 0.5)
    sz = R.uniform(0.5, 0.7) * S
    x = (S - sz) / 2 + R.uniform(-0.1, 0.1) * S
    y = (S - sz) / 2 + R.uniform(-0.1, 0.1) * S
    out = _mark_on(bg, c, sz, (x, y), ((255, 255, 255), (255, 255, 255)) if R.random() < 0.6 else None)
    return out.convert("RGB"), {"mark_scale": r3(sz / S), "from": list(c1), "to": list(c2)}, None


# ------------------------------------------------------------------ captures of screens and paper

def d_screen_photo(img, c):
    R, G = c["R"], c["G"]
    W = 384
    canvas = np.empty((W, W, 3), np.float32)
    canvas[:] = (18, 18, 24)
    t = int(W * R.uniform(0.5, 0.62))
    o = (W - t) // 2
    icon = arr(img.resize((t, t), LANCZOS)).astype(np.float32)
    canvas[o:o + t, o:o + t] = icon
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32)
    f = R.uniform(0.6, 1.1)
    moire = 9 * np.sin(f * xx + 0.3 * yy) * np.sin(0.7 * f * yy - 0.2 * xx)
    canvas += moire[..., None]
    gx, gy = R.uniform(0.2, 0.8) * W, R.uniform(0.1, 0.5) * W
    glare = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (0.22 * W) ** 2)))
    canvas = canvas * (1 - 0.35 * glare[..., None]) + 255 * 0.35 * glare[..., None]
    src = np.float32([[0, 0], [W, 0], [W, W], [0, W]])
    d = R.uniform(0.05, 0.1) * W
    dst = (src + G.uniform(-d, d, size=(4, 2))).astype(np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(np.clip(canvas, 0, 255).astype(np.uint8), M, (W, W), borderMode=cv2.BORDER_CONSTANT,
                              borderValue=(70, 60, 50))
    out = cv2.GaussianBlur(out, (0, 0), R.uniform(0.6, 1.2)).astype(np.float32)
    out += G.normal(0, 5, size=out.shape)
    m = int(W * R.uniform(0.1, 0.16))
    out = out[m:W - m, m:W - m]
    q = R.randint(70, 85)
    return pil(out).resize((S, S), LANCZOS), {"icon_scale": r3(t / W), "tilt": r3(d / W), "quality": q}, ("jpg", q)


def d_print_scan(img, c):
    R, G = c["R"], c["G"]
    paper = np.array((244, 238, 222), np.float32)
    a = arr(img).astype(np.float32)
    a = a * 0.82 + paper * 0.18
    a = a * np.array((1.0, 0.98, 0.9), np.float32)
    a += G.normal(0, 7, size=(S, S, 1))
    W = int(S * 1.12)
    canvas = np.empty((W, W, 3), np.float32)
    canvas[:] = paper
    o = (W - S) // 2
    canvas[o:o + S, o:o + S] = a
    ang = R.choice([-1, 1]) * R.uniform(1, 3)
    out = pil(canvas).rotate(ang, BICUBIC, fillcolor=(244, 238, 222))
    sh = np.linspace(0.82, 1.0, W, dtype=np.float32)
    sh = sh[None, :, None] if R.random() < 0.5 else sh[:, None, None]
    out = pil(arr(out).astype(np.float32) * sh).resize((S, S), LANCZOS)
    q = R.randint(75, 88)
    return out, {"degrees": r3(ang), "quality": q}, ("jpg", q)


def d_store_screenshot(img, c):
    R = c["R"]
    bg = gradient(S, rand_colour(R, v=(0.3, 0.6)), rand_colour(R, v=(0.3, 0.6)))
    t = int(S * R.uniform(0.48, 0.56))
    m = round_mask(t, int(t * 0.23))
    x, y = (S - t) // 2, int(S * 0.12)
    d = ImageDraw.Draw(bg)
    for nx in (x - t - int(0.1 * S), x + t + int(0.1 * S)):
        d.rounded_rectangle([nx, y, nx + t, y + t], radius=int(t * 0.23), fill=rand_colour(R))
    bg.paste(img.convert("RGB").resize((t, t), LANCZOS), (x, y), m)
    label = R.choice(names.OVERLAY_WORDS + ["掌上服务", "我的钱包"])
    px = fit_text(label, t * 1.4, int(0.085 * S))
    d.text((S / 2 + 1, y + t + 0.09 * S + 1), label, font=fonts.cjk(px), fill=(0, 0, 0), anchor="mm")
    d.text((S / 2, y + t + 0.09 * S), label, font=fonts.cjk(px), fill=(255, 255, 255), anchor="mm")
    return bg, {"icon_scale": r3(t / S), "label": label}, None


def d_search_result_crop(img, c):
    R = c["R"]
    bg = Image.new("RGB", (S, S), (255, 255, 255))
    t = int(S * R.uniform(0.55, 0.64))
    m = round_mask(t, int(t * 0.22))
    x, y = int(0.04 * S), (S - t) // 2
    bg.paste(img.convert("RGB").resize((t, t), LANCZOS), (x, y), m)
    d = ImageDraw.Draw(bg)
    tx = x + t + int(0.05 * S)
    d.text((tx, y + 0.18 * t), names.generic_fin_name(R), font=fonts.cjk(int(0.1 * S)), fill=(20, 20, 20),
           anchor="ls")
    d.text((tx, y + 0.42 * t), "4.8★ 1000万+", font=fonts.cjk(int(0.06 * S)), fill=(120, 120, 120), anchor="ls")
    d.rounded_rectangle([tx, y + 0.62 * t, tx + 0.3 * S, y + 0.85 * t], radius=8, fill=(30, 120, 240))
    d.line([(0, S - 3), (S, S - 3)], fill=(230, 230, 230), width=2)
    return bg, {"icon_scale": r3(t / S)}, None


SINGLE = [
    ("jpeg_low", d_jpeg_low), ("webp_low", d_webp_low), ("down_up", d_down_up), ("tiny", d_tiny),
    ("crop_tight", d_crop_tight), ("crop_offcentre", d_crop_offcentre), ("pad_margin", d_pad_margin),
    ("rotate_small", d_rotate_small), ("rotate_quarter", d_rotate_quarter), ("tile_turned", d_tile_turned),
    ("perspective", d_perspective), ("mirror", d_mirror), ("stretch", d_stretch), ("barrel", d_barrel),
    ("border_thick", d_border_thick), ("frame_gold", d_frame_gold), ("round_mask", d_round_mask),
    ("circle_avatar", d_circle_avatar), ("drop_shadow", d_drop_shadow), ("badge_dot", d_badge_dot),
    ("ribbon_corner", d_ribbon_corner), ("stamp_centre", d_stamp_centre), ("band_bottom", d_band_bottom),
    ("band_top", d_band_top), ("sticker_star", d_sticker_star), ("watermark", d_watermark),
    ("text_overlay_big", d_text_overlay_big), ("sticker_coin", d_sticker_coin), ("hue_shift", d_hue_shift),
    ("invert", d_invert), ("greyscale", d_greyscale), ("sepia", d_sepia), ("duotone", d_duotone),
    ("saturate_contrast", d_saturate_contrast), ("darken", d_darken), ("channel_swap", d_channel_swap),
    ("recolour_field", d_recolour_field), ("posterize_flat", d_posterize_flat), ("outline", d_outline),
    ("line_art", d_line_art), ("glow", d_glow), ("emboss", d_emboss), ("hand_drawn", d_hand_drawn),
    ("pixelate", d_pixelate), ("blur", d_blur), ("noise", d_noise), ("salt_pepper", d_salt_pepper),
    ("halftone", d_halftone), ("cartoon", d_cartoon), ("silhouette", d_silhouette),
    ("chroma_aberration", d_chroma_aberration), ("relayout_text_below", d_relayout_text_below),
    ("relayout_text_right", d_relayout_text_right), ("other_frame", d_other_frame),
    ("corner_small", d_corner_small), ("gradient_bg", d_gradient_bg), ("screen_photo", d_screen_photo),
    ("print_scan", d_print_scan), ("store_screenshot", d_store_screenshot),
    ("search_result_crop", d_search_result_crop),
]
BY_NAME = dict(SINGLE)

CHAINS = [
    ["rotate_small", "jpeg_low"], ["crop_tight", "hue_shift"], ["badge_dot", "jpeg_low"],
    ["greyscale", "blur"], ["perspective", "noise", "jpeg_low"], ["mirror", "border_thick"],
    ["relayout_text_below", "hue_shift"], ["outline", "invert"], ["circle_avatar", "band_bottom"],
    ["recolour_field", "ribbon_corner", "down_up"],
]

# the deformations that set the output size themselves (no final store resize)
SIZED = {"tiny", "down_up"}


def kinds():
    """[(case name, [step names])] — about 70 kinds: every single deformation, then the chains."""
    out = [("icon_" + n, [n]) for n, _ in SINGLE]
    out += [("icon_chain_" + "_".join(ch), ch) for ch in CHAINS]
    return out


def apply(steps, img, ctx):
    """Apply the steps in order; lossy encodings between steps are really encoded and decoded."""
    params, fmt = [], None
    for i, name in enumerate(steps):
        if fmt is not None and fmt[0] in ("jpg", "webp") and fmt[1] > 0:
            img = encode_roundtrip(img, fmt[0], fmt[1])
        img, p, fmt = BY_NAME[name](img, ctx)
        params.append({"step": name, **p})
        if img.mode == "RGBA" and i < len(steps) - 1:
            bg = Image.new("RGB", img.size, (255, 255, 255))
            bg.paste(img, (0, 0), img)
            img = bg
    return img, params, fmt
