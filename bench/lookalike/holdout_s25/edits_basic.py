"""Ordinary icon edits. Each: f(img 256x256 RGB, rng) -> (img, params)."""

from __future__ import annotations

import io

import numpy as np
from geometry import font
from imgutil import N, arr, bg_colour, fg_mask, gradient, img_of, rand_colour
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps
from seeds import pick, uniform

BAND_TEXT = ["官方正版", "安全下载", "限时福利", "新人专享", "极速版", "额度提升", "免费领取", "VIP"]
BADGE_TEXT = ["1", "3", "99+", "NEW", "HOT", "荐", "惠", "8"]
STAMP_TEXT = ["官方", "正版", "✓", "认证", "安全", "推荐"]


def crop_center(img, rng):
    f = uniform(rng, 0.74, 0.9)
    s = int(N * f)
    o = (N - s) // 2
    return img.crop((o, o, o + s, o + s)).resize((N, N), Image.Resampling.BICUBIC), {"keep": f}


def crop_offset(img, rng):
    f = uniform(rng, 0.78, 0.9)
    s = int(N * f)
    ox, oy = int(rng.integers(0, N - s + 1)), int(rng.integers(0, N - s + 1))
    return img.crop((ox, oy, ox + s, oy + s)).resize((N, N), Image.Resampling.BICUBIC), {"keep": f, "x": ox,
                                                                                         "y": oy}


def rotate(img, rng):
    ang = uniform(rng, 6, 22, 1) * pick(rng, [-1, 1])
    return img.rotate(ang, Image.Resampling.BICUBIC, fillcolor=bg_colour(img)), {"deg": ang}


def rotate_90(img, rng):
    k = pick(rng, [90, 180, 270])
    op = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}[k]
    return img.transpose(op), {"deg": k}


def scale_pad(img, rng):
    s = uniform(rng, 0.5, 0.78)
    n = int(N * s)
    bg = bg_colour(img) if rng.random() < 0.5 else rand_colour(rng, 180)
    out = Image.new("RGB", (N, N), bg)
    x, y = int(rng.integers(0, N - n + 1)), int(rng.integers(0, N - n + 1))
    out.paste(img.resize((n, n), Image.Resampling.LANCZOS), (x, y))
    return out, {"scale": s, "x": x, "y": y, "bg": list(bg)}


def recolour(img, rng):
    perm = pick(rng, [(1, 2, 0), (2, 0, 1), (0, 2, 1), (2, 1, 0), (1, 0, 2)])
    a = arr(img)[..., list(perm)]
    return img_of(a), {"channels": list(perm)}


def hue_shift(img, rng):
    deg = uniform(rng, 40, 320, 1)
    h, s, v = img.convert("HSV").split()
    h = h.point(lambda x: int(x + deg * 256 / 360) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB"), {"deg": deg}


def blur(img, rng):
    r = uniform(rng, 1.8, 3.6, 2)
    return img.filter(ImageFilter.GaussianBlur(r)), {"radius": r}


def noise(img, rng):
    sigma = uniform(rng, 12, 30, 1)
    a = arr(img) + rng.normal(0, sigma, (N, N, 3)).astype(np.float32)
    return img_of(a), {"sigma": sigma}


def jpeg(img, rng):
    q = int(rng.integers(5, 15))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB"), {"quality": q}


def border_frame(img, rng):
    w = int(rng.integers(12, 28))
    col = rand_colour(rng)
    out = Image.new("RGB", (N, N), col)
    out.paste(img.resize((N - 2 * w, N - 2 * w), Image.Resampling.LANCZOS), (w, w))
    if rng.random() < 0.5:
        ImageDraw.Draw(out).rectangle([w // 3, w // 3, N - 1 - w // 3, N - 1 - w // 3], outline=(255, 215, 0),
                                      width=max(2, w // 5))
    return out, {"width": w, "colour": list(col)}


def text_band(img, rng):
    where = pick(rng, ["bottom", "top"])
    h = int(N * uniform(rng, 0.18, 0.26))
    txt = pick(rng, BAND_TEXT)
    col = pick(rng, [(230, 30, 30), (255, 190, 0), (20, 20, 20), (0, 150, 80), (255, 255, 255)])
    out = img.copy()
    d = ImageDraw.Draw(out)
    y0 = N - h if where == "bottom" else 0
    d.rectangle([0, y0, N, y0 + h], fill=col)
    tc = (0, 0, 0) if sum(col) > 500 else (255, 255, 255)
    d.text((N / 2, y0 + h / 2), txt, font=font(int(h * 0.62)), fill=tc, anchor="mm")
    return out, {"where": where, "height": h, "text": txt}


def badge(img, rng):
    corner = pick(rng, ["tl", "tr", "bl", "br"])
    r = int(N * uniform(rng, 0.11, 0.17))
    txt = pick(rng, BADGE_TEXT)
    cx = r + 6 if corner[1] == "l" else N - r - 6
    cy = r + 6 if corner[0] == "t" else N - r - 6
    out = img.copy()
    d = ImageDraw.Draw(out)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(235, 30, 40), outline=(255, 255, 255), width=3)
    d.text((cx, cy), txt, font=font(int(r * (1.1 if len(txt) < 3 else 0.75)), latin=txt.isascii()),
           fill=(255, 255, 255), anchor="mm")
    return out, {"corner": corner, "radius": r, "text": txt}


def mirror(img, rng):
    axis = "h" if rng.random() < 0.75 else "v"
    return (ImageOps.mirror(img) if axis == "h" else ImageOps.flip(img)), {"axis": axis}


def _perspective_coeffs(src, dst):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.asarray(A, np.float64), np.asarray(B, np.float64)).tolist()


def perspective_warp(img, rng, lo=0.04, hi=0.13):
    corners = [(0, 0), (N, 0), (N, N), (0, N)]
    dst = []
    mags = []
    for x, y in corners:
        dx, dy = uniform(rng, lo, hi) * N, uniform(rng, 0, hi) * N
        mags.append(round(dx / N, 3))
        dst.append((x + (dx if x == 0 else -dx), y + (dy if y == 0 else -dy)))
    co = _perspective_coeffs(corners, dst)
    out = img.transform((N, N), Image.Transform.PERSPECTIVE, co, Image.Resampling.BICUBIC, fillcolor=bg_colour(img))
    return out, {"corner_shift": mags}


def perspective(img, rng):
    return perspective_warp(img, rng)


def background_change(img, rng):
    m = fg_mask(img, 36)
    a = arr(img)
    c1, c2 = rand_colour(rng), rand_colour(rng)
    g = gradient(N, c1, c2, pick(rng, ["v", "h", "d"])) if rng.random() < 0.5 else np.broadcast_to(
        np.asarray(c1, np.float32), a.shape)
    a = np.where(m[..., None], a, g)
    return img_of(a), {"colour": list(c1), "colour2": list(c2)}


def rounded_corners(img, rng):
    r = int(N * uniform(rng, 0.18, 0.42))
    outside = pick(rng, [(255, 255, 255), (0, 0, 0), (242, 242, 247)])
    mask = Image.new("L", (N, N), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, N - 1, N - 1], radius=r, fill=255)
    out = Image.new("RGB", (N, N), outside)
    out.paste(img, mask=mask)
    return out, {"radius": r, "outside": list(outside)}


def occlusion(img, rng):
    shape = pick(rng, ["rect", "ellipse", "finger"])
    w, h = int(N * uniform(rng, 0.25, 0.4)), int(N * uniform(rng, 0.22, 0.38))
    x, y = int(rng.integers(0, N - w)), int(rng.integers(0, N - h))
    col = rand_colour(rng)
    out = img.copy()
    d = ImageDraw.Draw(out)
    if shape == "rect":
        d.rectangle([x, y, x + w, y + h], fill=col)
    elif shape == "ellipse":
        d.ellipse([x, y, x + w, y + h], fill=col)
    else:
        d.rounded_rectangle([x, y, x + w // 2, N + 20], radius=w // 4, fill=(224, 172, 140))
    return out, {"shape": shape, "box": [x, y, w, h]}


def brightness_contrast(img, rng):
    b = uniform(rng, 0.65, 1.35)
    c = uniform(rng, 0.6, 1.45)
    return ImageEnhance.Contrast(ImageEnhance.Brightness(img).enhance(b)).enhance(c), {"brightness": b,
                                                                                       "contrast": c}


def grayscale(img, rng):
    return ImageOps.grayscale(img).convert("RGB"), {}


def invert(img, rng):
    return ImageOps.invert(img), {}


def stamp_center(img, rng):
    txt = pick(rng, STAMP_TEXT)
    r = int(N * uniform(rng, 0.14, 0.21))
    ox, oy = int(rng.integers(-12, 13)), int(rng.integers(-12, 13))
    cx, cy = N // 2 + ox, N // 2 + oy
    out = img.copy()
    d = ImageDraw.Draw(out)
    col = pick(rng, [(220, 30, 30), (0, 160, 80), (255, 170, 0)])
    if rng.random() < 0.5:
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col, outline=(255, 255, 255), width=4)
    else:
        d.rounded_rectangle([cx - r * 1.3, cy - r * 0.8, cx + r * 1.3, cy + r * 0.8], radius=r // 3, fill=col)
    d.text((cx, cy), txt, font=font(int(r * (0.8 if len(txt) > 1 else 1.2))), fill=(255, 255, 255), anchor="mm")
    return out, {"text": txt, "radius": r, "offset": [ox, oy]}


def tile_on_gradient(img, rng):
    s = uniform(rng, 0.55, 0.75)
    ang = uniform(rng, 5, 30, 1) * pick(rng, [-1, 1])
    n = int(N * s)
    tile = img.resize((n, n), Image.Resampling.LANCZOS).convert("RGBA")
    mask = Image.new("L", (n, n), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, n - 1, n - 1], radius=n // 5, fill=255)
    tile.putalpha(mask)
    tile = tile.rotate(ang, Image.Resampling.BICUBIC, expand=True)
    c1, c2 = rand_colour(rng), rand_colour(rng)
    out = img_of(gradient(N, c1, c2, pick(rng, ["v", "h", "d"])))
    x = int(rng.integers(0, max(1, N - tile.width + 1)))
    y = int(rng.integers(0, max(1, N - tile.height + 1)))
    out.paste(tile, (x, y), tile)
    return out, {"scale": s, "deg": ang, "pos": [x, y], "c1": list(c1), "c2": list(c2)}


def lowres(img, rng):
    n = int(rng.integers(20, 42))
    mode = pick(rng, ["bilinear", "nearest"])
    rs = Image.Resampling.BILINEAR if mode == "bilinear" else Image.Resampling.NEAREST
    return img.resize((n, n), Image.Resampling.BOX).resize((N, N), rs), {"pixels": n, "up": mode}


BASIC = [crop_center, crop_offset, rotate, rotate_90, scale_pad, recolour, hue_shift, blur, noise, jpeg,
         border_frame, text_band, badge, mirror, perspective, background_change, rounded_corners, occlusion,
         brightness_contrast, grayscale, invert, stamp_center, tile_on_gradient, lowres]
