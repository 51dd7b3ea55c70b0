"""Icon deformations for the holdout_s27 set.

Each deformation takes a 256x256 RGB icon and a Ctx (the two seeded generators plus some material such as
neighbour icons) and returns (image, params).  They imitate what a counterfeiter does to an official icon
or what a store / scraping pipeline does to it.  KINDS lists them in a fixed order with a group and an
"unusual" flag (used by the README).
"""

from __future__ import annotations

import colorsys
import io
import math
import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from emblems import CJK_FONT, LATIN_MONO, draw_text, font
from PIL import Image, ImageDraw, ImageFilter, ImageOps

N = 256
WHITE = (255, 255, 255)


@dataclass
class Ctx:
    R: random.Random
    G: np.random.Generator
    other_colours: list = field(default_factory=list)  # [(institution key, (r, g, b))]
    second_logos: list = field(default_factory=list)  # [(key, Image)] marks of non-protected firms
    neighbours: list = field(default_factory=list)  # generic icons for screenshots
    display_name: str = "应用"
    source_key: str = ""


# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------
def arr(im: Image.Image) -> np.ndarray:
    return np.asarray(rgb(im), dtype=np.float32)


def img(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def u8(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.clip(a, 0, 255).astype(np.uint8))


def rgb(im: Image.Image) -> Image.Image:
    if im.mode == "RGB":
        return im
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGB", im.size, WHITE)
        bg.paste(im, (0, 0), im)
        return bg
    return im.convert("RGB")


def corner_bg(a: np.ndarray) -> np.ndarray:
    k = 6
    patches = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3), a[-k:, :k].reshape(-1, 3),
                              a[-k:, -k:].reshape(-1, 3)])
    return np.median(patches, axis=0)


def fg_mask(a: np.ndarray, lo: float = 30, hi: float = 70) -> np.ndarray:
    bg = corner_bg(a)
    dist = np.abs(a - bg[None, None, :]).max(axis=2)
    return np.clip((dist - lo) / (hi - lo), 0, 1)


def lum(a: np.ndarray) -> np.ndarray:
    return a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114


def rand_colour(R: random.Random, sat=(0.3, 0.9), val=(0.5, 0.95)) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(R.random(), R.uniform(*sat), R.uniform(*val))
    return (int(r * 255), int(g * 255), int(b * 255))


def gradient(c0, c1, vertical=True, size=N) -> np.ndarray:
    t = np.linspace(0, 1, size, dtype=np.float32)
    t = t[:, None] if vertical else t[None, :]
    t = np.broadcast_to(t, (size, size))
    return np.asarray(c0, np.float32) * (1 - t[..., None]) + np.asarray(c1, np.float32) * t[..., None]


def new_background(c: Ctx, size=N) -> tuple[Image.Image, dict]:
    kind = c.R.choice(["solid", "solid", "gradient", "white", "dark"])
    if kind == "white":
        return Image.new("RGB", (size, size), (248, 248, 248)), {"bg": "white"}
    if kind == "dark":
        col = rand_colour(c.R, (0.1, 0.5), (0.08, 0.2))
        return Image.new("RGB", (size, size), col), {"bg": "dark", "bg_colour": list(col)}
    c0 = rand_colour(c.R)
    if kind == "solid":
        return Image.new("RGB", (size, size), c0), {"bg": "solid", "bg_colour": list(c0)}
    c1 = rand_colour(c.R)
    return img(gradient(c0, c1, c.R.random() < 0.5, size)), {"bg": "gradient", "bg_colour": [list(c0), list(c1)]}


def rounded_mask(size: int, radius: float, ss: int = 3) -> Image.Image:
    m = Image.new("L", (size * ss, size * ss), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, size * ss - 1, size * ss - 1], radius=radius * size * ss, fill=255)
    return m.resize((size, size), Image.Resampling.LANCZOS)


def circle_mask(size: int, ss: int = 3) -> Image.Image:
    m = Image.new("L", (size * ss, size * ss), 0)
    ImageDraw.Draw(m).ellipse([0, 0, size * ss - 1, size * ss - 1], fill=255)
    return m.resize((size, size), Image.Resampling.LANCZOS)


def paste_icon(bg: Image.Image, icon: Image.Image, size: int, cx: float, cy: float, rot: float = 0.0,
               mask: Image.Image | None = None) -> Image.Image:
    """Paste icon scaled to size px, centred at (cx, cy), turned by rot degrees, through mask."""
    ic = rgb(icon).resize((size, size), Image.Resampling.LANCZOS).convert("RGBA")
    if mask is not None:
        ic.putalpha(mask.resize((size, size), Image.Resampling.LANCZOS))
    if rot:
        ic = ic.rotate(rot, resample=Image.Resampling.BICUBIC, expand=True)
    out = bg.copy()
    out.paste(ic, (int(round(cx - ic.width / 2)), int(round(cy - ic.height / 2))), ic)
    return out


def jpeg(im: Image.Image, q: int) -> Image.Image:
    buf = io.BytesIO()
    rgb(im).save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def paper(c: Ctx, size=N, base=(238, 234, 224)) -> np.ndarray:
    low = c.G.normal(0, 1, (12, 12)).astype(np.float32)
    low = cv2.resize(low, (size, size), interpolation=cv2.INTER_CUBIC) * 5
    fine = c.G.normal(0, 4, (size, size)).astype(np.float32)
    fine = cv2.GaussianBlur(fine, (0, 0), 0.7)
    p = np.asarray(base, np.float32)[None, None, :] + (low + fine)[..., None]
    for _ in range(c.R.randint(20, 40)):  # fibres
        x0, y0 = c.R.uniform(0, size), c.R.uniform(0, size)
        a = c.R.uniform(0, math.pi)
        ln = c.R.uniform(4, 14)
        cv2.line(p, (int(x0), int(y0)), (int(x0 + ln * math.cos(a)), int(y0 + ln * math.sin(a))),
                 tuple(float(v) - 14 for v in base), 1, cv2.LINE_AA)
    return p


def dominant_colour(a: np.ndarray) -> tuple[int, int, int]:
    hsv = cv2.cvtColor(u8(a), cv2.COLOR_RGB2HSV)
    sat = hsv[..., 1] > 90
    if sat.sum() < 50:
        return (40, 40, 40)
    return tuple(int(v) for v in np.median(a[sat], axis=0))


def edges(a: np.ndarray, lo=60, hi=160) -> np.ndarray:
    g = cv2.GaussianBlur(u8(a), (0, 0), 1.0)
    e = cv2.Canny(cv2.cvtColor(g, cv2.COLOR_RGB2GRAY), lo, hi)
    for ch in range(3):
        e = np.maximum(e, cv2.Canny(np.ascontiguousarray(g[..., ch]), lo, hi))
    return e


# --------------------------------------------------------------------------------------------------
# pipeline-like deformations
# --------------------------------------------------------------------------------------------------
def d_jpeg_heavy(im, c):
    q = c.R.randint(5, 20)
    pre = c.R.choice([1.0, 1.0, 0.5, 0.375])
    x = im if pre == 1.0 else im.resize((int(N * pre),) * 2, Image.Resampling.BICUBIC)
    x = jpeg(x, q)
    return x.resize((N, N), Image.Resampling.BICUBIC), {"quality": q, "pre_scale": pre}


def d_tiny_upscale(im, c):
    s = c.R.choice([14, 16, 20, 24, 32])
    how = c.R.choice(["nearest", "bilinear", "bicubic"])
    small = im.resize((s, s), Image.Resampling.BOX)
    res = {"nearest": Image.Resampling.NEAREST, "bilinear": Image.Resampling.BILINEAR,
           "bicubic": Image.Resampling.BICUBIC}[how]
    return small.resize((N, N), res), {"tiny": s, "upscale": how}


def d_mask_circle(im, c):
    s = round(c.R.uniform(0.9, 1.0), 3)
    bg = c.R.choice(["white", "black", "alpha", "colour"])
    size = int(N * s)
    if bg == "alpha":
        out = Image.new("RGBA", (N, N), (0, 0, 0, 0))
        ic = im.resize((size, size), Image.Resampling.LANCZOS).convert("RGBA")
        ic.putalpha(circle_mask(size))
        out.paste(ic, ((N - size) // 2, (N - size) // 2), ic)
        return out, {"scale": s, "bg": bg}
    col = {"white": WHITE, "black": (0, 0, 0)}.get(bg) or rand_colour(c.R)
    out = paste_icon(Image.new("RGB", (N, N), col), im, size, N / 2, N / 2, mask=circle_mask(size))
    return out, {"scale": s, "bg": bg}


def d_mask_squircle(im, c):
    n = round(c.R.uniform(3.2, 5.5), 2)
    margin = round(c.R.uniform(0.0, 0.07), 3)
    bg = c.R.choice(["white", "alpha", "colour", "grey"])
    ss = 3 * N
    y, x = np.mgrid[0:ss, 0:ss].astype(np.float32)
    r = ss / 2 * (1 - 2 * margin)
    inside = (np.abs(x - ss / 2) / r) ** n + (np.abs(y - ss / 2) / r) ** n <= 1
    m = Image.fromarray((inside * 255).astype(np.uint8)).resize((N, N), Image.Resampling.LANCZOS)
    if bg == "alpha":
        out = im.convert("RGBA")
        out.putalpha(m)
        return out, {"exponent": n, "margin": margin, "bg": bg}
    col = {"white": WHITE, "grey": (200, 200, 205)}.get(bg) or rand_colour(c.R)
    out = Image.new("RGB", (N, N), col)
    out.paste(im, (0, 0), m)
    return out, {"exponent": n, "margin": margin, "bg": bg}


def d_perspective(im, c):
    j = round(c.R.uniform(0.05, 0.16), 3)
    src = np.float32([[0, 0], [N, 0], [N, N], [0, N]])
    inward = np.float32([[1, 1], [-1, 1], [-1, -1], [1, -1]])
    off = np.float32([[c.R.uniform(-0.2, 1.0) * j * N, c.R.uniform(-0.2, 1.0) * j * N] for _ in range(4)])
    dst = src + inward * off
    M = cv2.getPerspectiveTransform(src, dst)
    fill = c.R.choice(["white", "black", "colour", "replicate"])
    if fill == "replicate":
        out = cv2.warpPerspective(u8(arr(im)), M, (N, N), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    else:
        col = {"white": WHITE, "black": (0, 0, 0)}.get(fill) or rand_colour(c.R)
        out = cv2.warpPerspective(u8(arr(im)), M, (N, N), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                                  borderValue=col)
    return Image.fromarray(out), {"jitter": j, "fill": fill}


def d_partial_crop(im, c):
    f = round(c.R.uniform(0.62, 0.85), 3)
    x0 = round(c.R.uniform(0, 1 - f), 3)
    y0 = round(c.R.uniform(0, 1 - f), 3)
    box = (int(x0 * N), int(y0 * N), int((x0 + f) * N), int((y0 + f) * N))
    return im.crop(box).resize((N, N), Image.Resampling.BICUBIC), {"frac": f, "x0": x0, "y0": y0}


def d_mirror(im, c):
    axis = c.R.choice(["horizontal", "horizontal", "vertical"])
    out = ImageOps.mirror(im) if axis == "horizontal" else ImageOps.flip(im)
    return out, {"axis": axis}


def d_invert(im, c):
    return ImageOps.invert(rgb(im)), {}


def d_channel_swap(im, c):
    perm = c.R.choice([(0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)])
    a = arr(im)[..., list(perm)]
    return img(a), {"perm": list(perm)}


def d_hue_rotate(im, c):
    deg = c.R.randint(30, 330)
    hsv = cv2.cvtColor(u8(arr(im)), cv2.COLOR_RGB2HSV).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + deg // 2) % 180
    out = cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)
    return Image.fromarray(out), {"degrees": deg}


def d_grayscale(im, c):
    t = round(c.R.choice([1.0, 1.0, c.R.uniform(0.75, 0.95)]), 3)
    a = arr(im)
    g = lum(a)[..., None]
    return img(a * (1 - t) + g * t), {"amount": t}


def d_posterize(im, c):
    bits = c.R.choice([1, 2, 2, 3])
    return ImageOps.posterize(rgb(im), bits), {"bits": bits}


def d_pixelate(im, c):
    n = c.R.choice([10, 12, 14, 16, 20, 24])
    return im.resize((n, n), Image.Resampling.BOX).resize((N, N), Image.Resampling.NEAREST), {"cells": n}


# --------------------------------------------------------------------------------------------------
# overlays
# --------------------------------------------------------------------------------------------------
BANNER_TEXTS = ["官方", "新版", "贷款", "正版", "极速版", "福利", "官方认证", "2025", "秒到账", "免息"]


def d_text_banner(im, c):
    pos = c.R.choice(["bottom", "bottom", "top"])
    h = round(c.R.uniform(0.18, 0.3), 3)
    col = c.R.choice([(230, 40, 40), (240, 180, 20), (20, 90, 200), (20, 150, 80), (20, 20, 20)])
    text = c.R.choice(BANNER_TEXTS)
    alpha = c.R.choice([255, 255, 220])
    out = rgb(im).convert("RGBA")
    layer = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    y0 = N - int(h * N) if pos == "bottom" else 0
    d.rectangle([0, y0, N, y0 + int(h * N)], fill=col + (alpha,))
    draw_text(d, (N / 2, y0 + h * N / 2), text, int(h * N * 0.62), (255, 255, 255, 255))
    out.alpha_composite(layer)
    return out.convert("RGB"), {"pos": pos, "height": h, "text": text, "colour": list(col)}


def d_stamp_center(im, c):
    dia = round(c.R.uniform(0.34, 0.5), 3)
    rot = c.R.randint(-25, 25)
    text = c.R.choice(["官方", "认证", "正品", "官方认证", "安全"])
    col = c.R.choice([(220, 30, 30), (200, 20, 40), (30, 160, 60)])
    ss = 3
    size = int(dia * N * ss)
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.ellipse([0, 0, size - 1, size - 1], fill=(255, 255, 255, 230), outline=col + (255,), width=max(2, size // 14))
    d.ellipse([size * .12, size * .12, size * .88, size * .88], outline=col + (255,), width=max(1, size // 40))
    draw_text(d, (size / 2, size / 2), text, size * (0.36 if len(text) <= 2 else 0.22), col + (255,))
    layer = layer.rotate(rot, resample=Image.Resampling.BICUBIC).resize((size // ss, size // ss), Image.Resampling.LANCZOS)
    out = rgb(im).convert("RGBA")
    cx = N / 2 + c.R.uniform(-0.05, 0.05) * N
    cy = N / 2 + c.R.uniform(-0.05, 0.05) * N
    out.alpha_composite(layer, (int(cx - layer.width / 2), int(cy - layer.height / 2)))
    return out.convert("RGB"), {"diameter": dia, "rot": rot, "text": text}


def _corner_xy(corner: str, size: int, margin: int) -> tuple[int, int]:
    x = margin if "l" in corner else N - size - margin
    y = margin if "t" in corner else N - size - margin
    return x, y


def d_badge_number(im, c):
    corner = c.R.choice(["tr", "tr", "tl", "br", "bl"])
    rad = round(c.R.uniform(0.1, 0.16), 3)
    text = c.R.choice(["1", "3", "8", "99+", "NEW", "热", "荐"])
    size = int(rad * 2 * N)
    ss = 3
    b = Image.new("RGBA", (size * ss, size * ss), (0, 0, 0, 0))
    d = ImageDraw.Draw(b)
    d.ellipse([0, 0, size * ss - 1, size * ss - 1], fill=(235, 45, 45, 255), outline=(255, 255, 255, 255),
              width=size * ss // 12)
    if text.isascii():
        d.text((size * ss / 2, size * ss / 2), text, fill=(255, 255, 255, 255),
               font=font(LATIN_MONO, int(size * ss * (0.55 if len(text) == 1 else 0.32))), anchor="mm")
    else:
        draw_text(d, (size * ss / 2, size * ss / 2), text, size * ss * 0.55, (255, 255, 255, 255))
    b = b.resize((size, size), Image.Resampling.LANCZOS)
    out = rgb(im).convert("RGBA")
    out.alpha_composite(b, _corner_xy(corner, size, c.R.randint(0, 8)))
    return out.convert("RGB"), {"corner": corner, "radius": rad, "text": text}


def qr_pattern(c: Ctx, modules: int) -> np.ndarray:
    q = c.G.integers(0, 2, (modules, modules)).astype(np.uint8)
    for y, x in ((0, 0), (0, modules - 7), (modules - 7, 0)):
        q[max(0, y - 1):y + 8, max(0, x - 1):x + 8] = 0
        q[y:y + 7, x:x + 7] = 1
        q[y + 1:y + 6, x + 1:x + 6] = 0
        q[y + 2:y + 5, x + 2:x + 5] = 1
    return q


def qr_image(c: Ctx, modules: int, px: int) -> Image.Image:
    q = qr_pattern(c, modules)
    quiet = 2
    a = np.ones((modules + 2 * quiet, modules + 2 * quiet), np.uint8) * 255
    a[quiet:-quiet, quiet:-quiet] = (1 - q) * 255
    return Image.fromarray(a).resize((px, px), Image.Resampling.NEAREST).convert("RGB")


def d_qr_corner(im, c):
    corner = c.R.choice(["br", "br", "bl", "tr"])
    frac = round(c.R.uniform(0.3, 0.42), 3)
    size = int(frac * N)
    qr = qr_image(c, 21, size)
    out = rgb(im).copy()
    out.paste(qr, _corner_xy(corner, size, c.R.randint(0, 10)))
    return out, {"corner": corner, "size": frac}


def d_qr_with_logo(im, c):
    frac = round(c.R.uniform(0.3, 0.42), 3)
    qr = qr_image(c, 29, N)
    size = int(frac * N)
    pad = max(4, size // 12)
    qr_d = ImageDraw.Draw(qr)
    qr_d.rounded_rectangle([N / 2 - size / 2 - pad, N / 2 - size / 2 - pad, N / 2 + size / 2 + pad,
                            N / 2 + size / 2 + pad], radius=pad * 2, fill=WHITE)
    out = paste_icon(qr, im, size, N / 2, N / 2, mask=rounded_mask(size, 0.18))
    return out, {"logo_size": frac}


def d_second_logo(im, c):
    key, logo = c.R.choice(c.second_logos)
    corner = c.R.choice(["tl", "tr", "bl", "br"])
    frac = round(c.R.uniform(0.26, 0.36), 3)
    size = int(frac * N)
    out = rgb(im).copy()
    x, y = _corner_xy(corner, size, c.R.randint(3, 10))
    ring = Image.new("L", (size + 6, size + 6), 0)
    ImageDraw.Draw(ring).ellipse([0, 0, size + 5, size + 5], fill=255)
    out.paste(WHITE, (x - 3, y - 3), ring)
    out = paste_icon(out, logo, size, x + size / 2, y + size / 2, mask=circle_mask(size))
    return out, {"logo": key, "corner": corner, "size": frac}


def d_diagonal_watermark(im, c):
    text = c.R.choice(["仅供演示", "SAMPLE", "测试版", "内部使用", "官方授权", "样本"])
    ang = c.R.randint(25, 45) * c.R.choice([1, -1])
    alpha = c.R.randint(70, 130)
    col = c.R.choice([(255, 255, 255), (120, 120, 120), (220, 40, 40)])
    size = c.R.randint(18, 28)
    big = Image.new("RGBA", (N * 2, N * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    step_x, step_y = int(size * (len(text) + 2) * (0.7 if text.isascii() else 1.0)), int(size * 2.4)
    for row, y in enumerate(range(0, N * 2, step_y)):
        for x in range(-step_x + (row % 2) * step_x // 2, N * 2, step_x):
            if text.isascii():
                d.text((x, y), text, fill=col + (alpha,), font=font(LATIN_MONO, size))
            else:
                d.text((x, y), text, fill=col + (alpha,), font=font(CJK_FONT, size))
    big = big.rotate(ang, resample=Image.Resampling.BICUBIC)
    layer = big.crop((N // 2, N // 2, N // 2 + N, N // 2 + N))
    out = rgb(im).convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB"), {"text": text, "angle": ang, "alpha": alpha, "font_px": size}


def d_festival_deco(im, c):
    scale = round(c.R.uniform(0.78, 0.86), 3)
    border = (200, 20, 30)
    gold = (245, 190, 60)
    out = Image.new("RGB", (N, N), border)
    d = ImageDraw.Draw(out)
    m = int(N * (1 - scale) / 2)
    d.rectangle([m - 4, m - 4, N - m + 3, N - m + 3], outline=gold, width=2)
    out = paste_icon(out, im, N - 2 * m, N / 2, N / 2)
    d = ImageDraw.Draw(out)
    for x in (int(N * 0.14), int(N * 0.86)):  # lanterns
        d.line([(x, 0), (x, 14)], fill=gold, width=2)
        d.ellipse([x - 17, 12, x + 17, 44], fill=(230, 30, 30), outline=gold, width=2)
        d.rectangle([x - 8, 9, x + 8, 14], fill=gold)
        d.rectangle([x - 8, 42, x + 8, 47], fill=gold)
        for k in (-4, 0, 4):
            d.line([(x + k, 47), (x + k, 60)], fill=gold, width=1)
    fu = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
    fd = ImageDraw.Draw(fu)
    fd.rectangle([8, 8, 52, 52], fill=(220, 30, 30, 255), outline=gold + (255,), width=2)
    draw_text(fd, (30, 31), "福", 34, (20, 20, 20, 255))
    fu = fu.rotate(45, resample=Image.Resampling.BICUBIC)
    pos = c.R.choice(["br", "bl"])
    o = out.convert("RGBA")
    o.alpha_composite(fu, (N - 66 if pos == "br" else 6, N - 66))
    return o.convert("RGB"), {"scale": scale, "fu_corner": pos}


def d_progress_ring(im, c):
    dark = round(c.R.uniform(0.35, 0.55), 3)
    rad = round(c.R.uniform(0.2, 0.28), 3)
    prog = round(c.R.uniform(0.15, 0.85), 3)
    a = arr(im) * (1 - dark)
    out = img(a).resize((N * 3, N * 3), Image.Resampling.BICUBIC)
    d = ImageDraw.Draw(out)
    r = rad * N * 3
    box = [N * 1.5 - r, N * 1.5 - r, N * 1.5 + r, N * 1.5 + r]
    d.ellipse(box, outline=(160, 160, 160), width=int(N * 0.035 * 3))
    d.arc(box, -90, -90 + 360 * prog, fill=(255, 255, 255), width=int(N * 0.035 * 3))
    return out.resize((N, N), Image.Resampling.LANCZOS), {"darken": dark, "radius": rad, "progress": prog}


RING_TEXTS = ["官方授权·安全下载·", "正版认证·放心使用·", "OFFICIAL·APP·", "金融服务·官方客户端·"]


def d_circle_text_ring(im, c):
    inner = round(c.R.uniform(0.6, 0.7), 3)
    col = c.R.choice([(200, 30, 30), (20, 80, 170), (190, 140, 30)])
    text = c.R.choice(RING_TEXTS)
    ss = 3
    S = N * ss
    out = Image.new("RGB", (S, S), WHITE)
    d = ImageDraw.Draw(out)
    d.ellipse([S * .01, S * .01, S * .99, S * .99], fill=col)
    size = int(inner * S)
    out = paste_icon(out, im, size, S / 2, S / 2, mask=circle_mask(size))
    text = text * 2
    n = len(text)
    r = (0.99 + inner) / 4 * S
    for k, ch in enumerate(text):
        a = 2 * math.pi * k / n - math.pi / 2
        g = Image.new("RGBA", (int(S * .1), int(S * .1)), (0, 0, 0, 0))
        gd = ImageDraw.Draw(g)
        if ch.isascii():
            gd.text((g.width / 2, g.height / 2), ch, fill=(255, 255, 255, 255), font=font(LATIN_MONO, int(S * .05)),
                    anchor="mm")
        else:
            draw_text(gd, (g.width / 2, g.height / 2), ch, S * .055, (255, 255, 255, 255))
        g = g.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        out.paste(g, (int(S / 2 + r * math.cos(a) - g.width / 2), int(S / 2 + r * math.sin(a) - g.height / 2)), g)
    return out.resize((N, N), Image.Resampling.LANCZOS), {"inner": inner, "text": text[: n // 2], "colour": list(col)}


# --------------------------------------------------------------------------------------------------
# placement
# --------------------------------------------------------------------------------------------------
def d_sticker_border(im, c):
    scale = round(c.R.uniform(0.66, 0.8), 3)
    rad = round(c.R.choice([0.18, 0.22, 0.5]), 2)
    border = c.R.randint(5, 10)
    rot = c.R.randint(-12, 12)
    bg, bp = new_background(c)
    size = int(scale * N)
    st = Image.new("RGBA", (size + 2 * border, size + 2 * border), (0, 0, 0, 0))
    full = rounded_mask(size + 2 * border, rad)
    st.paste(Image.new("RGBA", st.size, (255, 255, 255, 255)), (0, 0), full)
    ic = rgb(im).resize((size, size), Image.Resampling.LANCZOS).convert("RGBA")
    ic.putalpha(rounded_mask(size, rad))
    st.alpha_composite(ic, (border, border))
    st = st.rotate(rot, resample=Image.Resampling.BICUBIC, expand=True)
    shadow = Image.new("RGBA", st.size, (0, 0, 0, 0))
    shadow.putalpha(st.split()[3].point(lambda v: int(v * 0.45)))
    shadow = shadow.filter(ImageFilter.GaussianBlur(4))
    out = bg.convert("RGBA")
    x, y = (N - st.width) // 2, (N - st.height) // 2
    out.alpha_composite(shadow, (x + 3, y + 4))
    out.alpha_composite(st, (x, y))
    return out.convert("RGB"), {"scale": scale, "radius": rad, "border": border, "rot": rot, **bp}


def d_rotate_tile(im, c):
    scale = round(c.R.uniform(0.55, 0.78), 3)
    ang = c.R.randint(5, 30) * c.R.choice([1, -1])
    bg, bp = new_background(c)
    out = paste_icon(bg, im, int(scale * N), N / 2 + c.R.uniform(-8, 8), N / 2 + c.R.uniform(-8, 8), rot=ang)
    return out, {"scale": scale, "angle": ang, **bp}


def d_shrink_move(im, c):
    scale = round(c.R.uniform(0.42, 0.68), 3)
    rad = c.R.choice([0.0, 0.12, 0.22])
    bg, bp = new_background(c)
    size = int(scale * N)
    cx = c.R.uniform(size / 2 + 4, N - size / 2 - 4)
    cy = c.R.uniform(size / 2 + 4, N - size / 2 - 4)
    out = paste_icon(bg, im, size, cx, cy, mask=rounded_mask(size, rad) if rad else None)
    return out, {"scale": scale, "radius": rad, "cx": round(cx / N, 3), "cy": round(cy / N, 3), **bp}


def wallpaper(c: Ctx) -> Image.Image:
    a = gradient(rand_colour(c.R, (0.3, 0.7), (0.3, 0.8)), rand_colour(c.R, (0.3, 0.7), (0.2, 0.6)), True)
    wp = img(a)
    d = ImageDraw.Draw(wp, "RGBA")
    for _ in range(5):
        x, y, r = c.R.uniform(0, N), c.R.uniform(0, N), c.R.uniform(30, 90)
        d.ellipse([x - r, y - r, x + r, y + r], fill=rand_colour(c.R) + (70,))
    return wp.filter(ImageFilter.GaussianBlur(8))


def d_homescreen_shot(im, c):
    s = int(c.R.uniform(0.4, 0.52) * N)
    gap = int(s * c.R.uniform(0.35, 0.55))
    label = int(s * 0.28)
    out = wallpaper(c)
    d = ImageDraw.Draw(out)
    cx, cy = N / 2 + c.R.uniform(-10, 10), N / 2 - label / 2 + c.R.uniform(-10, 10)
    neigh = list(c.neighbours)
    k = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            x, y = cx + dx * (s + gap), cy + dy * (s + label + gap * 0.5)
            if dx == 0 and dy == 0:
                ic, name = im, c.display_name
            else:
                ic, name = neigh[k % len(neigh)], ["相册", "设置", "日历", "时钟", "天气", "音乐", "相机", "备忘录"][k % 8]
                k += 1
            out = paste_icon(out, ic, s, x, y, mask=rounded_mask(s, 0.22))
            d = ImageDraw.Draw(out)
            draw_text(d, (x, y + s / 2 + label * 0.55), name[:5], label * 0.62, (255, 255, 255))
    return out, {"icon_px": s, "gap": gap}


def d_store_card_screenshot(im, c):
    s = int(c.R.uniform(0.42, 0.52) * N)
    out = Image.new("RGB", (N, N), (250, 250, 250) if c.R.random() < 0.7 else (28, 28, 30))
    dark = out.getpixel((0, 0))[0] < 100
    d = ImageDraw.Draw(out)
    m = int(N * 0.07)
    out = paste_icon(out, im, s, m + s / 2, m + s / 2, mask=rounded_mask(s, 0.22))
    d = ImageDraw.Draw(out)
    tx = m + s + 10
    fg = (230, 230, 230) if dark else (30, 30, 30)
    grey = (110, 110, 110) if dark else (170, 170, 170)
    d.text((tx, m + 4), c.display_name[:6], fill=fg, font=font(CJK_FONT, 20))
    for k in range(3):
        d.rounded_rectangle([tx, m + 38 + k * 16, N - m - c.R.randint(0, 40), m + 46 + k * 16], radius=4, fill=grey)
    for k in range(5):
        x = m + k * 22 + 8
        y = m + s + 28
        pts = [(x + (8 if j % 2 == 0 else 3.5) * math.cos(math.radians(-90 + 36 * j)),
                y + (8 if j % 2 == 0 else 3.5) * math.sin(math.radians(-90 + 36 * j))) for j in range(10)]
        d.polygon(pts, fill=(250, 180, 0))
    btn = c.R.choice([(30, 180, 90), (0, 120, 255), (255, 90, 40)])
    d.rounded_rectangle([m, N - m - 40, N - m, N - m], radius=20, fill=btn)
    draw_text(d, (N / 2, N - m - 20), c.R.choice(["安装", "下载", "打开", "获取"]), 20, WHITE)
    return out, {"icon_px": s, "dark": dark}


def d_tilt_3d(im, c):
    theta = math.radians(c.R.uniform(20, 45) * c.R.choice([1, -1]))
    phi = math.radians(c.R.uniform(-12, 12))
    depth = c.R.uniform(0.05, 0.1)
    dist = 3.2
    scale = 0.34 * N

    def proj(x, y, z):
        # turn round y then x
        x1 = x * math.cos(theta) + z * math.sin(theta)
        z1 = -x * math.sin(theta) + z * math.cos(theta)
        y1 = y * math.cos(phi) - z1 * math.sin(phi)
        z2 = y * math.sin(phi) + z1 * math.cos(phi)
        f = dist / (dist + z2)
        return (N / 2 + x1 * f * scale, N / 2 + y1 * f * scale)

    front = [proj(-1, -1, 0), proj(1, -1, 0), proj(1, 1, 0), proj(-1, 1, 0)]
    back = [proj(-1, -1, depth * 2), proj(1, -1, depth * 2), proj(1, 1, depth * 2), proj(-1, 1, depth * 2)]
    bg = img(gradient(rand_colour(c.R, (0.0, 0.3), (0.75, 0.95)), rand_colour(c.R, (0.0, 0.3), (0.45, 0.7))))
    d = ImageDraw.Draw(bg, "RGBA")
    cx = sum(p[0] for p in front) / 4
    d.ellipse([cx - N * 0.35, N * 0.8, cx + N * 0.35, N * 0.92], fill=(0, 0, 0, 60))
    side = (1, 2) if theta > 0 else (3, 0)
    edge_col = tuple(int(v * 0.55) for v in dominant_colour(arr(im)))
    d.polygon([front[side[0]], front[side[1]], back[side[1]], back[side[0]]], fill=edge_col + (255,))
    d.polygon([front[0], front[1], back[1], back[0]] if phi < 0 else [front[3], front[2], back[2], back[3]],
              fill=tuple(int(v * 0.7) for v in edge_col) + (255,))
    src = np.float32([[0, 0], [N, 0], [N, N], [0, N]])
    M = cv2.getPerspectiveTransform(src, np.float32(front))
    warped = cv2.warpPerspective(u8(arr(im)), M, (N, N), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((N, N), 255, np.uint8), M, (N, N), flags=cv2.INTER_LINEAR)
    b = arr(bg)
    m = (mask.astype(np.float32) / 255)[..., None]
    shade = 1.0 - 0.25 * abs(math.sin(theta))
    out = b * (1 - m) + warped.astype(np.float32) * shade * m
    return img(out), {"yaw": round(math.degrees(theta), 1), "pitch": round(math.degrees(phi), 1),
                      "depth": round(depth, 3)}


def d_reflection(im, c):
    scale = round(c.R.uniform(0.5, 0.6), 3)
    size = int(scale * N)
    bg = img(gradient(rand_colour(c.R, (0.1, 0.5), (0.1, 0.3)), rand_colour(c.R, (0.1, 0.5), (0.02, 0.1))))
    top = int(N * 0.1)
    out = paste_icon(bg, im, size, N / 2, top + size / 2, mask=rounded_mask(size, 0.2))
    refl = ImageOps.flip(rgb(im).resize((size, size), Image.Resampling.LANCZOS)).convert("RGBA")
    fade = np.linspace(c.R.uniform(0.3, 0.5), 0, size, dtype=np.float32)[:, None] * np.ones((1, size), np.float32)
    m = np.asarray(rounded_mask(size, 0.2), np.float32) / 255 * fade
    refl.putalpha(Image.fromarray((m * 255).astype(np.uint8)))
    o = out.convert("RGBA")
    o.alpha_composite(refl, ((N - size) // 2, top + size + 3))
    return o.convert("RGB"), {"scale": scale}


def d_tiled_grid(im, c):
    n = c.R.choice([2, 2, 3])
    gap = c.R.choice([0, 4, 8])
    bg = c.R.choice([WHITE, (30, 30, 30), rand_colour(c.R)])
    out = Image.new("RGB", (N, N), bg)
    cell = (N - gap * (n + 1)) // n
    small = rgb(im).resize((cell, cell), Image.Resampling.LANCZOS)
    for i in range(n):
        for j in range(n):
            out.paste(small, (gap + j * (cell + gap), gap + i * (cell + gap)))
    return out, {"n": n, "gap": gap}


# --------------------------------------------------------------------------------------------------
# re-renders / artistic styles
# --------------------------------------------------------------------------------------------------
def d_outline_redraw(im, c):
    a = arr(im).copy()
    big = cv2.resize(u8(a), (N * 2, N * 2), interpolation=cv2.INTER_CUBIC)
    e = edges(big.astype(np.float32), 50, 140)
    th = c.R.choice([2, 3, 4, 5])
    e = cv2.dilate(e, np.ones((th, th), np.uint8))
    mode = c.R.choice(["dark_on_white", "colour_on_white", "white_on_colour", "colour_on_tint"])
    dom = dominant_colour(a)
    if mode == "dark_on_white":
        bgc, lc = (252, 252, 252), (30, 30, 30)
    elif mode == "colour_on_white":
        bgc, lc = (252, 252, 252), dom
    elif mode == "white_on_colour":
        bgc, lc = dom, (255, 255, 255)
    else:
        bgc, lc = tuple(int(255 - (255 - v) * 0.15) for v in dom), dom
    m = (e.astype(np.float32) / 255)[..., None]
    out = np.asarray(bgc, np.float32) * (1 - m) + np.asarray(lc, np.float32) * m
    out = cv2.resize(out, (N, N), interpolation=cv2.INTER_AREA)
    return img(out), {"thickness": th, "mode": mode}


def d_emboss(im, c):
    g = cv2.GaussianBlur(lum(arr(im)), (0, 0), c.R.uniform(0.8, 1.8))
    direction = c.R.choice(["tl", "tr", "l", "t"])
    k = {"tl": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], "tr": [[0, -1, -2], [1, 1, -1], [2, 1, 0]],
         "l": [[-1, 0, 1], [-2, 1, 2], [-1, 0, 1]], "t": [[-1, -2, -1], [0, 1, 0], [1, 2, 1]]}[direction]
    strength = c.R.uniform(1.0, 2.0)
    e = cv2.filter2D(g, -1, np.float32(k)) * strength - g + 128
    tint = c.R.choice(["grey", "gold", "silver", "source"])
    base = {"grey": (1.0, 1.0, 1.0), "gold": (1.1, 0.9, 0.55), "silver": (0.95, 0.98, 1.05)}.get(tint)
    if base is None:
        col = np.asarray(dominant_colour(arr(im)), np.float32) / 255
        out = e[..., None] * (0.5 + col[None, None, :])
    else:
        out = e[..., None] * np.asarray(base, np.float32)[None, None, :]
    return img(out), {"direction": direction, "strength": round(strength, 2), "tint": tint}


def d_flat_cartoon(im, c):
    k = c.R.randint(3, 6)
    a = cv2.bilateralFilter(u8(arr(im)), 9, 60, 9)
    q = Image.fromarray(a).quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    q = q.filter(ImageFilter.MedianFilter(5))
    qa = arr(q)
    hsv = cv2.cvtColor(u8(qa), cv2.COLOR_RGB2HSV).astype(np.float32)
    hsv[..., 1] = np.clip(hsv[..., 1] * c.R.uniform(1.1, 1.4), 0, 255)
    qa = cv2.cvtColor(u8(hsv), cv2.COLOR_HSV2RGB).astype(np.float32)
    th = c.R.choice([2, 3, 4])
    e = cv2.dilate(cv2.Canny(u8(lum(qa)), 20, 60), np.ones((th, th), np.uint8))
    m = (e.astype(np.float32) / 255)[..., None]
    out = qa * (1 - m) + np.float32([35, 28, 30]) * m
    return img(out), {"colours": k, "outline": th}


NEON = [(255, 40, 200), (40, 240, 255), (120, 255, 60), (255, 220, 40), (255, 90, 40)]


def d_neon_glow(im, c):
    a = arr(im)
    e = edges(a, 40, 120)
    e = cv2.dilate(e, np.ones((2, 2), np.uint8)).astype(np.float32) / 255
    mode = c.R.choice(["neon", "neon", "source"])
    if mode == "neon":
        col = np.asarray(c.R.choice(NEON), np.float32)
        line = e[..., None] * col[None, None, :]
    else:
        hsv = cv2.cvtColor(u8(a), cv2.COLOR_RGB2HSV).astype(np.float32)
        hsv[..., 1] = np.clip(hsv[..., 1] * 1.5 + 60, 0, 255)
        hsv[..., 2] = 255
        src = cv2.cvtColor(u8(hsv), cv2.COLOR_HSV2RGB).astype(np.float32)
        line = e[..., None] * src
    sigma = c.R.uniform(3, 7)
    glow = cv2.GaussianBlur(line, (0, 0), sigma) * c.R.uniform(2.0, 3.5)
    bgc = np.asarray(rand_colour(c.R, (0.3, 0.8), (0.04, 0.12)), np.float32)
    core = line * 0.6 + e[..., None] * 110
    out = bgc[None, None, :] + glow + core
    return img(out), {"mode": mode, "sigma": round(sigma, 2)}


def d_halftone(im, c):
    cell = c.R.randint(4, 8)
    mode = c.R.choice(["colour", "colour", "mono"])
    ss = 3
    a = arr(im)
    paper_c = (246, 242, 232)
    out = Image.new("RGB", (N * ss, N * ss), paper_c)
    d = ImageDraw.Draw(out)
    ink = np.asarray(c.R.choice([(20, 20, 30), (30, 40, 110)]), np.float32)
    for y in range(0, N, cell):
        for x in range(0, N, cell):
            m = a[y:y + cell, x:x + cell].reshape(-1, 3).mean(axis=0)
            if mode == "colour":
                dist = np.abs(m - np.asarray(paper_c, np.float32)).max() / 255
                r = cell * 0.72 * math.sqrt(min(1.0, dist * 1.3))
                col = tuple(int(v) for v in m)
            else:
                r = cell * 0.72 * math.sqrt(1 - float(lum(m[None, None, :])[0, 0]) / 255)
                col = tuple(int(v) for v in ink)
            if r < 0.3:
                continue
            cx, cy = (x + cell / 2) * ss, (y + cell / 2) * ss
            d.ellipse([cx - r * ss, cy - r * ss, cx + r * ss, cy + r * ss], fill=col)
    return out.resize((N, N), Image.Resampling.LANCZOS), {"cell": cell, "mode": mode}


def d_pencil_sketch(im, c):
    a = arr(im)
    g = lum(a)
    sigma = c.R.uniform(3, 9)
    inv_blur = cv2.GaussianBlur(255 - g, (0, 0), sigma)
    sketch = np.clip(g * 255 / np.maximum(1, 255 - inv_blur), 0, 255)
    sketch = 255 - (255 - sketch) * c.R.uniform(1.2, 2.0)
    p = paper(c)
    out = p * (np.clip(sketch, 0, 255) / 255)[..., None]
    colour = round(c.R.choice([0.0, 0.0, c.R.uniform(0.25, 0.45)]), 3)
    if colour:
        out = out * (1 - colour) + (out / 255) * a * colour
    return img(out), {"sigma": round(sigma, 2), "colour": colour}


def d_watercolor(im, c):
    ss = round(c.R.uniform(30, 80), 1)
    sr = round(c.R.uniform(0.3, 0.55), 2)
    st = cv2.stylization(u8(arr(im)[..., ::-1]), sigma_s=ss, sigma_r=sr)[..., ::-1].astype(np.float32)
    bleed = cv2.GaussianBlur(st, (0, 0), 2.5)
    edge = np.clip(np.abs(st - bleed).sum(axis=2, keepdims=True) / 120, 0, 1)
    out = (st * 0.85 + bleed * 0.15) * (1 - 0.35 * edge)
    out = 255 - (255 - out) * 0.85
    out = out * (paper(c) / 240)
    return img(out), {"sigma_s": ss, "sigma_r": sr}


def d_cross_stitch(im, c):
    cell = c.R.choice([6, 7, 8])
    ss = 2
    a = arr(im)
    n = N // cell
    small = cv2.resize(a, (n, n), interpolation=cv2.INTER_AREA)
    bgc = corner_bg(a)
    skip_bg = c.R.random() < 0.6 and float(lum(bgc[None, None, :])[0, 0]) > 200  # leave a light field unstitched
    linen = np.float32([226, 216, 196])
    canvas = paper(c, N * ss, tuple(int(v) for v in linen))
    y, x = np.mgrid[0:N * ss, 0:N * ss]
    canvas[(x % (cell * ss) == 0) | (y % (cell * ss) == 0)] *= 0.88
    out = img(canvas)
    d = ImageDraw.Draw(out)
    w = max(2, cell * ss // 3)
    for i in range(n):
        for j in range(n):
            col = small[i, j]
            if skip_bg and np.abs(col - bgc).max() < 40:
                continue
            x0, y0 = j * cell * ss + 2, i * cell * ss + 2
            x1, y1 = (j + 1) * cell * ss - 2, (i + 1) * cell * ss - 2
            shade = tuple(int(v * 0.8) for v in col)
            d.line([(x0, y0), (x1, y1)], fill=shade, width=w)
            d.line([(x1, y0), (x0, y1)], fill=tuple(int(v) for v in col), width=w)
    return out.resize((N, N), Image.Resampling.LANCZOS), {"cell": cell, "skip_background": skip_bg}


def d_brick_lego(im, c):
    n = c.R.choice([14, 16, 18, 21])
    ss = 3
    small = cv2.resize(arr(im), (n, n), interpolation=cv2.INTER_AREA)
    cell = N * ss / n
    out = Image.new("RGB", (N * ss, N * ss), (0, 0, 0))
    d = ImageDraw.Draw(out)
    for i in range(n):
        for j in range(n):
            col = tuple(int(v) for v in small[i, j])
            lt = tuple(min(255, int(v * 1.25 + 20)) for v in col)
            dk = tuple(int(v * 0.6) for v in col)
            x0, y0 = j * cell, i * cell
            d.rectangle([x0, y0, x0 + cell, y0 + cell], fill=dk)
            d.rectangle([x0, y0, x0 + cell - cell * 0.08, y0 + cell - cell * 0.08], fill=lt)
            d.rectangle([x0 + cell * 0.06, y0 + cell * 0.06, x0 + cell - cell * 0.1, y0 + cell - cell * 0.1], fill=col)
            r = cell * 0.3
            cx, cy = x0 + cell / 2, y0 + cell / 2
            d.ellipse([cx - r + 2, cy - r + 2, cx + r + 2, cy + r + 2], fill=dk)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=lt)
            d.ellipse([cx - r * 0.8, cy - r * 0.8, cx + r * 0.85, cy + r * 0.85], fill=col)
    return out.resize((N, N), Image.Resampling.LANCZOS), {"studs": n}


def d_lowpoly(im, c):
    step = c.R.choice([8, 10, 12])
    a = cv2.GaussianBlur(arr(im), (0, 0), 1.5)
    k = N // step + 1
    pts = np.zeros((k + 1, k + 1, 2), np.float32)
    for i in range(k + 1):
        for j in range(k + 1):
            px, py = j * step, i * step
            if 0 < i < k and 0 < j < k:
                px += c.R.uniform(-0.35, 0.35) * step
                py += c.R.uniform(-0.35, 0.35) * step
            pts[i, j] = (px, py)
    out = np.zeros((N, N, 3), np.float32)
    for i in range(k):
        for j in range(k):
            p00, p01, p10, p11 = pts[i, j], pts[i, j + 1], pts[i + 1, j], pts[i + 1, j + 1]
            tris = [(p00, p01, p11), (p00, p11, p10)] if (i + j) % 2 == 0 else [(p00, p01, p10), (p01, p11, p10)]
            for tri in tris:
                t = np.round(np.array(tri, np.float32)).astype(np.int32)
                x0, y0 = np.clip(t.min(axis=0), 0, N - 1)
                x1, y1 = np.clip(t.max(axis=0) + 1, 1, N)
                mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
                cv2.fillConvexPoly(mask, t - np.int32([x0, y0]), 1)
                sel = mask.astype(bool)
                col = a[y0:y1, x0:x1][sel].mean(axis=0) if sel.any() else a[min(y0, N - 1), min(x0, N - 1)]
                cv2.fillConvexPoly(out, t, [float(v) for v in col], cv2.LINE_AA)
    return img(out), {"step": step}


RAMP = " .:-=+*#%@"


def d_ascii_art(im, c):
    cell = c.R.choice([6, 7, 8])
    dark = c.R.random() < 0.5
    a = arr(im)
    n = N // cell
    small = cv2.resize(a, (n, n), interpolation=cv2.INTER_AREA)
    paper_c = np.float32([12, 12, 16]) if dark else np.float32([250, 250, 248])
    ss = 3
    out = Image.new("RGB", (N * ss, N * ss), tuple(int(v) for v in paper_c))
    d = ImageDraw.Draw(out)
    f = font(LATIN_MONO, int(cell * ss * 1.25))
    for i in range(n):
        for j in range(n):
            col = small[i, j]
            dist = float(np.abs(col - paper_c).max()) / 255
            ch = RAMP[min(len(RAMP) - 1, int(dist * len(RAMP)))]
            if ch == " ":
                continue
            shown = tuple(int(v) for v in (col if not dark else np.maximum(col, 60)))
            d.text(((j + 0.5) * cell * ss, (i + 0.5) * cell * ss), ch, fill=shown, font=f, anchor="mm")
    return out.resize((N, N), Image.Resampling.LANCZOS), {"cell": cell, "dark": dark}


def d_ink_seal(im, c):
    a = arr(im)
    m = fg_mask(a, 40, 80)
    ink = np.asarray(c.R.choice([(190, 30, 30), (170, 20, 25), (30, 40, 120)]), np.float32)
    holes = c.R.uniform(0.05, 0.2)
    grain = (c.G.random((N, N)) < holes).astype(np.float32)
    grain = cv2.GaussianBlur(grain, (0, 0), 1.2) * 2.5
    blot = cv2.resize(c.G.random((10, 10)).astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC)
    cover = np.clip(m * (1 - np.clip(grain, 0, 1)) * np.clip(0.65 + blot * 0.5, 0, 1), 0, 1)
    p = paper(c, base=(240, 232, 215))
    out = p * (1 - cover[..., None]) + ink[None, None, :] * cover[..., None]
    return img(out), {"holes": round(holes, 3), "ink": [int(v) for v in ink]}


def d_line_hatching(im, c):
    a = arr(im)
    period = c.R.choice([3, 4, 5])
    ang = math.radians(c.R.choice([0, 45, 90, 135]))
    mode = c.R.choice(["ink", "colour"])
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    proj = x * math.cos(ang) + y * math.sin(ang)
    dark = np.clip(1 - lum(a) / 255, 0, 0.92)
    on = ((proj % period) / period) < dark
    p = np.float32([248, 244, 236])
    if mode == "ink":
        col = np.broadcast_to(np.float32([25, 30, 60]), a.shape)
    else:
        col = a * 0.85
    out = np.where(on[..., None], col, p[None, None, :])
    return img(cv2.GaussianBlur(out, (0, 0), 0.5)), {"period": period, "angle": round(math.degrees(ang)), "mode": mode}


def smooth_field(c: Ctx, amp: float, cells: int = 6) -> tuple[np.ndarray, np.ndarray]:
    fx = cv2.resize(c.G.normal(0, 1, (cells, cells)).astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC)
    fy = cv2.resize(c.G.normal(0, 1, (cells, cells)).astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC)
    return fx * amp, fy * amp


def remap(a: np.ndarray, mx: np.ndarray, my: np.ndarray, border=cv2.BORDER_REPLICATE) -> np.ndarray:
    return cv2.remap(a.astype(np.float32), mx.astype(np.float32), my.astype(np.float32), cv2.INTER_LINEAR,
                     borderMode=border)


def d_hand_traced(im, c):
    k = c.R.randint(4, 6)
    amp = c.R.uniform(2.0, 4.5)
    q = rgb(im).quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    a = arr(q)
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    fx, fy = smooth_field(c, amp, 7)
    fill = remap(a, x + fx, y + fy)
    e = cv2.Canny(u8(lum(a)), 20, 60)
    gx, gy = smooth_field(c, amp, 9)
    e = remap(e.astype(np.float32), x + gx, y + gy)
    e = cv2.dilate((e > 60).astype(np.uint8) * 255, np.ones((c.R.choice([2, 3]),) * 2, np.uint8)).astype(np.float32) / 255
    p = paper(c, base=(250, 247, 240))
    fill = fill * 0.85 + p * 0.15
    out = fill * (1 - e[..., None]) + np.float32([40, 35, 35])[None, None, :] * e[..., None]
    return img(out), {"colours": k, "wobble": round(amp, 2)}


# --------------------------------------------------------------------------------------------------
# colour
# --------------------------------------------------------------------------------------------------
def d_recolor_other_bank(im, c):
    others = [(k, col) for k, col in c.other_colours if k != c.source_key]
    key, col = c.R.choice(others)
    tgt = cv2.cvtColor(np.uint8([[col]]), cv2.COLOR_RGB2HSV)[0, 0].astype(np.float32)
    hsv = cv2.cvtColor(u8(arr(im)), cv2.COLOR_RGB2HSV).astype(np.float32)
    sat = np.clip((hsv[..., 1] - 50) / 60, 0, 1)
    hsv[..., 0] = np.where(sat > 0, tgt[0], hsv[..., 0])
    hsv[..., 1] = hsv[..., 1] * (1 - sat) + (hsv[..., 1] * 0.3 + tgt[1] * 0.7) * sat
    hsv[..., 2] = hsv[..., 2] * (1 - sat * 0.5) + tgt[2] * sat * 0.5
    out = cv2.cvtColor(u8(hsv), cv2.COLOR_HSV2RGB)
    return Image.fromarray(out), {"colour_of": key, "colour": list(col)}


def d_bg_swap(im, c):
    a = arr(im)
    m = fg_mask(a, 35, 75)
    m = cv2.GaussianBlur(m, (0, 0), 0.8)[..., None]
    old = corner_bg(a)
    sel = m[..., 0] > 0.9
    fgc = np.median(a[sel], axis=0) if sel.sum() > 20 else 255 - old
    while True:  # a new field that differs from both the old field and the drawing
        bg, bp = new_background(c)
        b = arr(bg)
        mean = b.mean(axis=(0, 1))
        if np.abs(mean - old).max() > 60 and np.abs(mean - fgc).max() > 70:
            break
    return img(b * (1 - m) + a * m), bp


def d_low_contrast(im, c):
    f = round(c.R.uniform(0.22, 0.45), 3)
    towards = c.R.choice(["grey", "white", "mean"])
    a = arr(im)
    t = {"grey": np.float32([128, 128, 128]), "white": np.float32([235, 235, 235])}.get(towards)
    if t is None:
        t = a.reshape(-1, 3).mean(axis=0)
    return img(t[None, None, :] + (a - t[None, None, :]) * f), {"factor": f, "towards": towards}


def d_long_shadow(im, c):
    a = arr(im)
    m = fg_mask(a, 35, 75)
    length = c.R.randint(30, 90)
    dx, dy = c.R.choice([(1, 1), (1, -1), (-1, 1), (-1, -1)])
    sh = np.zeros_like(m)
    cur = m.copy()
    for _ in range(length):
        cur = np.roll(np.roll(cur, dy, axis=0), dx, axis=1)
        if dy > 0:
            cur[0, :] = 0
        else:
            cur[-1, :] = 0
        if dx > 0:
            cur[:, 0] = 0
        else:
            cur[:, -1] = 0
        sh = np.maximum(sh, cur)
    bgc = corner_bg(a)
    shade = bgc * c.R.uniform(0.55, 0.8)
    base = a * (1 - sh[..., None] * (1 - m[..., None])) + shade[None, None, :] * sh[..., None] * (1 - m[..., None])
    out = base * (1 - m[..., None]) + a * m[..., None]
    return img(out), {"length": length, "direction": [dx, dy]}


# --------------------------------------------------------------------------------------------------
# capture / texture
# --------------------------------------------------------------------------------------------------
def d_moire_screen(im, c):
    big = cv2.resize(u8(arr(im)), (N * 3, N * 3), interpolation=cv2.INTER_NEAREST).astype(np.float32)
    x = np.arange(N * 3)
    sub = np.full((N * 3, N * 3, 3), 0.18, np.float32)
    for ch in range(3):
        sub[:, x % 3 == ch, ch] = 1.0
    sub[np.arange(N * 3) % 3 == 2, :, :] *= 0.55
    big = big * sub
    ang = c.R.uniform(1.0, 6.0) * c.R.choice([1, -1])
    M = cv2.getRotationMatrix2D((N * 1.5, N * 1.5), ang, 1.0 + c.R.uniform(0.0, 0.08))
    big = cv2.warpAffine(big, M, (N * 3, N * 3), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=(15, 15, 18))
    small = cv2.resize(big, (N, N), interpolation=cv2.INTER_NEAREST)
    small = cv2.GaussianBlur(small, (0, 0), c.R.uniform(0.4, 0.9)) * c.R.uniform(2.0, 2.5)
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    gx, gy = c.R.uniform(0, N), c.R.uniform(0, N)
    glare = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (N * 0.35) ** 2)) * c.R.uniform(30, 80)
    small = small + glare[..., None] + c.G.normal(0, 5, small.shape).astype(np.float32)
    return img(small), {"angle": round(ang, 2)}


def d_paper_texture(im, c):
    a = arr(im)
    ink = 255 - (255 - a) * c.R.uniform(0.7, 0.9)
    p = paper(c)
    out = ink * p / 255
    crease = c.R.random() < 0.5
    if crease:
        y0 = c.R.randint(60, 196)
        out[y0 - 1:y0 + 1] *= 0.85
        out[y0 + 1:y0 + 3] = np.minimum(255, out[y0 + 1:y0 + 3] * 1.08)
    return img(cv2.GaussianBlur(out, (0, 0), 0.6)), {"crease": crease}


def d_cloth_weave(im, c):
    a = arr(im)
    period = c.R.uniform(3.0, 5.0)
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    weave = 0.82 + 0.18 * (np.sin(2 * np.pi * x / period) * np.sin(2 * np.pi * y / period) * 0.5 + 0.5)
    weave = weave * (1 + c.G.normal(0, 0.04, (N, N)).astype(np.float32))
    fx, fy = smooth_field(c, c.R.uniform(1.0, 3.0), 5)
    warped = remap(a, x + fx, y + fy)
    out = (255 - (255 - warped) * 0.85) * weave[..., None]
    return img(cv2.GaussianBlur(out, (0, 0), 0.5)), {"period": round(period, 2)}


def landscape(c: Ctx) -> np.ndarray:
    sky = gradient(rand_colour(c.R, (0.2, 0.6), (0.7, 1.0)), rand_colour(c.R, (0.3, 0.8), (0.6, 1.0)))
    im = img(sky)
    d = ImageDraw.Draw(im)
    sx, sy, sr = c.R.uniform(40, 216), c.R.uniform(30, 110), c.R.uniform(14, 30)
    d.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=(255, 235, 190))
    for layer in range(3):
        h = c.R.uniform(110, 170) + layer * 30
        pts = [(0, N)]
        yv = h
        for xv in range(0, N + 16, 16):
            yv = min(N - 10, max(60, yv + c.R.uniform(-18, 18)))
            pts.append((xv, yv))
        pts.append((N, N))
        v = 40 + layer * 30
        d.polygon(pts, fill=(v // 2, v, v // 2 + 20))
    return arr(im.filter(ImageFilter.GaussianBlur(1.2)))


def d_double_exposure(im, c):
    t = landscape(c)
    a = arr(im)
    mode = c.R.choice(["screen", "multiply", "alpha"])
    w = round(c.R.uniform(0.28, 0.48), 3)
    if mode == "screen":
        mix = 255 - (255 - a) * (255 - t) / 255
    elif mode == "multiply":
        mix = a * t / 255
    else:
        mix = t
    return img(a * (1 - w) + mix * w), {"mode": mode, "weight": w}


def d_noise_gauss(im, c):
    sigma = round(c.R.uniform(12, 30), 1)
    mono = c.R.random() < 0.4
    a = arr(im)
    n = c.G.normal(0, sigma, (N, N, 1) if mono else (N, N, 3)).astype(np.float32)
    return img(a + n), {"sigma": sigma, "mono": mono}


def d_chromatic_aberration(im, c):
    dx, dy = c.R.randint(2, 7) * c.R.choice([1, -1]), c.R.randint(0, 5) * c.R.choice([1, -1])
    a = u8(arr(im))
    out = a.copy()
    for ch, s in ((0, 1), (2, -1)):
        M = np.float32([[1, 0, dx * s], [0, 1, dy * s]])
        out[..., ch] = cv2.warpAffine(np.ascontiguousarray(a[..., ch]), M, (N, N), borderMode=cv2.BORDER_REPLICATE)
    return Image.fromarray(out), {"dx": dx, "dy": dy}


def d_glitch(im, c):
    a = arr(im).copy()
    bands = c.R.randint(4, 10)
    for _ in range(bands):
        y0 = c.R.randint(0, N - 4)
        h = c.R.randint(3, 18)
        s = c.R.randint(-30, 30)
        band = a[y0:y0 + h].copy()
        band = np.roll(band, s, axis=1)
        if c.R.random() < 0.4:
            ch = c.R.randint(0, 2)
            band[..., ch] = np.roll(band[..., ch], c.R.randint(-12, 12), axis=1)
        a[y0:y0 + h] = band
    for _ in range(c.R.randint(1, 3)):
        y0 = c.R.randint(0, N - 2)
        a[y0:y0 + c.R.randint(1, 2)] = rand_colour(c.R, (0.6, 1.0), (0.8, 1.0))
    return img(a), {"bands": bands}


# --------------------------------------------------------------------------------------------------
# geometry
# --------------------------------------------------------------------------------------------------
def d_swirl(im, c):
    strength = round(c.R.uniform(0.8, 2.2) * c.R.choice([1, -1]), 3)
    radius = round(c.R.uniform(0.35, 0.6), 3) * N
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    dx, dy = x - N / 2, y - N / 2
    r = np.sqrt(dx * dx + dy * dy)
    th = np.arctan2(dy, dx) + strength * np.clip(1 - r / radius, 0, 1) ** 2
    out = remap(arr(im), N / 2 + r * np.cos(th), N / 2 + r * np.sin(th))
    return img(out), {"strength": strength, "radius": round(radius / N, 3)}


def d_wave_distort(im, c):
    amp = round(c.R.uniform(2.5, 7.0), 2)
    period = round(c.R.uniform(35, 90), 1)
    axes = c.R.choice(["x", "y", "both"])
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    mx = x + (amp * np.sin(2 * np.pi * y / period) if axes in ("x", "both") else 0)
    my = y + (amp * np.sin(2 * np.pi * x / period) if axes in ("y", "both") else 0)
    return img(remap(arr(im), mx, my)), {"amp": amp, "period": period, "axes": axes}


def d_stretch(im, c):
    f = round(c.R.uniform(0.6, 0.82), 3)
    axis = c.R.choice(["x", "y"])
    a = arr(im)
    pad = c.R.choice(["bg", "white", "black"])
    col = {"white": WHITE, "black": (0, 0, 0)}.get(pad) or tuple(int(v) for v in corner_bg(a))
    out = Image.new("RGB", (N, N), col)
    w, h = (int(N * f), N) if axis == "x" else (N, int(N * f))
    out.paste(rgb(im).resize((w, h), Image.Resampling.LANCZOS), ((N - w) // 2, (N - h) // 2))
    return out, {"factor": f, "axis": axis, "pad": pad}


def d_peeled_sticker(im, c):
    corner = c.R.choice(["tl", "tr", "bl", "br"])
    f = c.R.uniform(0.22, 0.38) * N
    desk = c.R.choice([(150, 110, 70), (200, 200, 205), (60, 60, 65), (230, 225, 215)])
    a = arr(im)
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    u = x if "l" in corner else N - 1 - x
    v = y if "t" in corner else N - 1 - y
    gone = (u + v) < f
    flap = ((u + v) >= f) & (u < f) & (v < f)
    out = a.copy()
    out[gone] = desk
    shade = np.clip(((u + v) - f) / f, 0, 1)
    back = np.float32([236, 236, 232])
    out[flap] = back * (0.8 + 0.2 * shade[flap])[..., None]
    edge = np.abs((u + v) - f) < 1.5
    out[edge & ~gone] *= 0.7
    sh = ((u + v) >= f) & ((u + v) < f * 1.12) & ~flap
    out[sh] *= 0.85
    return img(out), {"corner": corner, "fold": round(f / N, 3), "desk": list(desk)}


# --------------------------------------------------------------------------------------------------
# registry: (name, function, group, unusual)
# --------------------------------------------------------------------------------------------------
KINDS = [
    ("jpeg_heavy", d_jpeg_heavy, "pipeline", False),
    ("tiny_upscale", d_tiny_upscale, "pipeline", False),
    ("mask_circle", d_mask_circle, "pipeline", False),
    ("mask_squircle", d_mask_squircle, "pipeline", False),
    ("perspective", d_perspective, "pipeline", False),
    ("partial_crop", d_partial_crop, "pipeline", False),
    ("mirror", d_mirror, "pipeline", False),
    ("invert", d_invert, "pipeline", False),
    ("channel_swap", d_channel_swap, "pipeline", False),
    ("hue_rotate", d_hue_rotate, "pipeline", False),
    ("grayscale", d_grayscale, "pipeline", False),
    ("posterize", d_posterize, "pipeline", False),
    ("pixelate", d_pixelate, "pipeline", False),
    ("text_banner", d_text_banner, "overlay", False),
    ("stamp_center", d_stamp_center, "overlay", False),
    ("badge_number", d_badge_number, "overlay", False),
    ("qr_corner", d_qr_corner, "overlay", True),
    ("qr_with_logo", d_qr_with_logo, "overlay", True),
    ("second_logo", d_second_logo, "overlay", True),
    ("diagonal_watermark", d_diagonal_watermark, "overlay", True),
    ("festival_deco", d_festival_deco, "overlay", True),
    ("progress_ring", d_progress_ring, "overlay", True),
    ("circle_text_ring", d_circle_text_ring, "overlay", True),
    ("sticker_border", d_sticker_border, "placement", False),
    ("rotate_tile", d_rotate_tile, "placement", False),
    ("shrink_move", d_shrink_move, "placement", False),
    ("homescreen_shot", d_homescreen_shot, "placement", True),
    ("store_card_screenshot", d_store_card_screenshot, "placement", True),
    ("tilt_3d", d_tilt_3d, "placement", True),
    ("reflection", d_reflection, "placement", True),
    ("tiled_grid", d_tiled_grid, "placement", True),
    ("outline_redraw", d_outline_redraw, "style", True),
    ("emboss", d_emboss, "style", True),
    ("flat_cartoon", d_flat_cartoon, "style", True),
    ("neon_glow", d_neon_glow, "style", True),
    ("halftone", d_halftone, "style", True),
    ("pencil_sketch", d_pencil_sketch, "style", True),
    ("watercolor", d_watercolor, "style", True),
    ("cross_stitch", d_cross_stitch, "style", True),
    ("brick_lego", d_brick_lego, "style", True),
    ("lowpoly", d_lowpoly, "style", True),
    ("ascii_art", d_ascii_art, "style", True),
    ("ink_seal", d_ink_seal, "style", True),
    ("line_hatching", d_line_hatching, "style", True),
    ("hand_traced", d_hand_traced, "style", True),
    ("recolor_other_bank", d_recolor_other_bank, "colour", True),
    ("bg_swap", d_bg_swap, "colour", False),
    ("low_contrast", d_low_contrast, "colour", False),
    ("long_shadow", d_long_shadow, "colour", True),
    ("moire_screen", d_moire_screen, "capture", True),
    ("paper_texture", d_paper_texture, "capture", True),
    ("cloth_weave", d_cloth_weave, "capture", True),
    ("double_exposure", d_double_exposure, "capture", True),
    ("noise_gauss", d_noise_gauss, "capture", False),
    ("chromatic_aberration", d_chromatic_aberration, "capture", False),
    ("glitch", d_glitch, "capture", True),
    ("swirl", d_swirl, "geometry", True),
    ("wave_distort", d_wave_distort, "geometry", False),
    ("stretch", d_stretch, "geometry", False),
    ("peeled_sticker", d_peeled_sticker, "geometry", True),
]
KIND_FN = {k: f for k, f, _, _ in KINDS}

# chains: a look (A), then how it is shown (B), then how the store / scraper treats it (C)
CHAIN_A = ["hue_rotate", "mirror", "invert", "channel_swap", "grayscale", "posterize", "flat_cartoon", "outline_redraw",
           "emboss", "recolor_other_bank", "bg_swap", "low_contrast", "long_shadow", "paper_texture", "wave_distort",
           "stretch", "pencil_sketch", "watercolor", "halftone", "neon_glow", "chromatic_aberration", "double_exposure",
           "hand_traced", "ink_seal"]
CHAIN_B = ["text_banner", "stamp_center", "badge_number", "qr_corner", "second_logo", "diagonal_watermark",
           "festival_deco", "sticker_border", "rotate_tile", "shrink_move", "homescreen_shot", "tilt_3d", "reflection",
           "circle_text_ring", "progress_ring", "peeled_sticker", "perspective"]
CHAIN_C = ["jpeg_heavy", "tiny_upscale", "mask_circle", "mask_squircle", "noise_gauss", "moire_screen", "partial_crop"]


def apply(kind: str, im: Image.Image, c: Ctx) -> tuple[Image.Image, dict]:
    src = rgb(im)
    if src.size != (N, N):
        src = src.resize((N, N), Image.Resampling.LANCZOS)
    return KIND_FN[kind](src, c)
