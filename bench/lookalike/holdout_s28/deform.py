"""Icon deformations a counterfeiter or a scraper applies to an official icon.

Each kind takes the working image (W x W, RGB or RGBA) and a Ctx and returns (image, params). All
random numbers come from ctx.R (random.Random) and ctx.G (numpy Generator) in a fixed order. In a chain
ctx.scale < 1 keeps every step in the milder part of its range, so the result stays recognisable.
"""

from __future__ import annotations

import colorsys
import io
import math
from dataclasses import dataclass, field

import cv2
import emblems
import fonts
import numpy as np
import pictos
from PIL import Image, ImageDraw, ImageFilter, ImageOps

W = 256
KINDS: dict[str, tuple] = {}  # name -> (function, group)
GROUPS = ("quality", "geom", "overlay", "layout", "colour", "redraw", "capture")


@dataclass
class Ctx:
    R: object
    G: object
    spec: dict
    layer: Image.Image  # RGBA foreground at W
    word: str  # brand word, e.g. 招商银行
    name: str  # the app name shown under an icon in a screenshot
    scale: float = 1.0
    notes: dict = field(default_factory=dict)


def kind(group: str):
    def deco(fn):
        KINDS[fn.__name__.removeprefix("k_")] = (fn, group)
        return fn
    return deco


# --------------------------------------------------------------------------- helpers


def amt(ctx: Ctx, weak: float, strong: float) -> float:
    """A strength between weak and strong (weak end in chains)."""
    return weak + (strong - weak) * ctx.R.random() * ctx.scale


def flat(img: Image.Image, bg=(255, 255, 255)) -> Image.Image:
    if img.mode == "RGBA":
        base = Image.new("RGBA", img.size, tuple(bg) + (255,))
        base.alpha_composite(img)
        return base.convert("RGB")
    return img.convert("RGB")


def edge_colour(img: Image.Image) -> tuple[int, int, int]:
    a = np.asarray(flat(img))
    ring = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    return tuple(int(v) for v in np.median(ring, axis=0))


def rgb_of(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


def gradient(size: int, c1, c2, diagonal: bool) -> Image.Image:
    return emblems.background(("dgrad" if diagonal else "vgrad", c1, c2), size)


def round_mask(n: int, radius: float) -> Image.Image:
    m = Image.new("L", (n * 2, n * 2), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, 2 * n - 1, 2 * n - 1], radius=int(radius * 2), fill=255)
    return m.resize((n, n), Image.LANCZOS)


def squircle_mask(n: int, p: float = 5.0) -> Image.Image:
    yy, xx = np.mgrid[0:n, 0:n]
    x = np.abs((xx + 0.5) / n * 2 - 1)
    y = np.abs((yy + 0.5) / n * 2 - 1)
    v = x ** p + y ** p
    return Image.fromarray((np.clip((1.0 - v) * n / 3, 0, 1) * 255).astype(np.uint8), "L")


def corner_xy(corner: str, r: float, pad: float) -> tuple[float, float]:
    x = W - pad - r if corner[1] == "r" else pad + r
    y = W - pad - r if corner[0] == "b" else pad + r
    return x, y


def text(d, cx, cy, s, size, fill) -> None:
    fonts.text_centered(d, cx, cy, s, size, fill)


def fit(d, s, w, h, start) -> int:
    return fonts.fit_size(d, s, w, h, start)


def _pick(ctx, seq):
    return ctx.R.choice(list(seq))


def paste_layer(ctx: Ctx, field_img: Image.Image, scale: float, cx: float, cy: float) -> Image.Image:
    n = max(8, int(W * scale))
    lay = ctx.layer.resize((n, n), Image.LANCZOS)
    out = field_img.convert("RGBA")
    out.alpha_composite(lay, (int(cx - n / 2), int(cy - n / 2)))
    return out.convert("RGB")


# --------------------------------------------------------------------------- quality


@kind("quality")
def k_jpeg_low(img, ctx):
    q = int(round(amt(ctx, 34, 10)))
    buf = io.BytesIO()
    flat(img).save(buf, "JPEG", quality=q, subsampling=2)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), {"quality": q}


@kind("quality")
def k_jpeg_double(img, ctx):
    q1 = int(round(amt(ctx, 70, 40)))
    s = round(amt(ctx, 0.85, 0.5), 3)
    q2 = int(round(amt(ctx, 50, 22)))
    buf = io.BytesIO()
    flat(img).save(buf, "JPEG", quality=q1, subsampling=2)
    a = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    n = max(16, int(W * s))
    a = a.resize((n, n), Image.BILINEAR)
    buf = io.BytesIO()
    a.save(buf, "JPEG", quality=q2, subsampling=2)
    a = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize((W, W), Image.BICUBIC)
    return a, {"quality1": q1, "rescale": s, "quality2": q2}


@kind("quality")
def k_webp_lossy(img, ctx):
    q = int(round(amt(ctx, 30, 4)))
    buf = io.BytesIO()
    flat(img).save(buf, "WEBP", quality=q, method=4)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), {"quality": q}


@kind("quality")
def k_downscale_upscale(img, ctx):
    px = int(round(amt(ctx, 56, 22)))
    mode = _pick(ctx, ["nearest", "bilinear", "bicubic"])
    res = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC}[mode]
    a = flat(img).resize((px, px), Image.BOX).resize((W, W), res)
    return a, {"pixels": px, "upsample": mode}


@kind("quality")
def k_gaussian_blur(img, ctx):
    r = round(amt(ctx, 1.2, 3.4), 2)
    return flat(img).filter(ImageFilter.GaussianBlur(r)), {"radius": r}


@kind("quality")
def k_gaussian_noise(img, ctx):
    sigma = round(amt(ctx, 8, 28), 1)
    a = np.asarray(flat(img)).astype(np.float32)
    a = a + ctx.G.normal(0.0, sigma, a.shape).astype(np.float32)
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8)), {"sigma": sigma}


@kind("quality")
def k_posterize_quantize(img, ctx):
    n = int(round(amt(ctx, 10, 4)))
    a = flat(img).quantize(colors=n, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    return a.convert("RGB"), {"colours": n}


@kind("quality")
def k_dither_palette(img, ctx):
    n = int(round(amt(ctx, 16, 5)))
    pal = flat(img).quantize(colors=n, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small = flat(img).resize((W // 2, W // 2), Image.LANCZOS)
    a = small.quantize(palette=pal, dither=Image.Dither.FLOYDSTEINBERG).convert("RGB").resize((W, W), Image.NEAREST)
    return a, {"colours": n, "dither": "floyd-steinberg", "half_resolution": True}


@kind("quality")
def k_pixelate(img, ctx):
    b = int(round(amt(ctx, 30, 15)))
    a = flat(img).resize((b, b), Image.BOX).resize((W, W), Image.NEAREST)
    return a, {"blocks": b}


@kind("quality")
def k_motion_blur(img, ctx):
    n = int(round(amt(ctx, 5, 15))) | 1
    ang = round(ctx.R.uniform(0, 180), 1)
    k = np.zeros((n, n), np.float32)
    c = n // 2
    dx, dy = math.cos(math.radians(ang)) * c, math.sin(math.radians(ang)) * c
    cv2.line(k, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1)
    k /= k.sum()
    a = cv2.filter2D(np.asarray(flat(img)), -1, k, borderType=cv2.BORDER_REPLICATE)
    return Image.fromarray(a), {"length": n, "angle": ang}


@kind("quality")
def k_oversharpen(img, ctx):
    r = round(amt(ctx, 1.5, 4.0), 2)
    pc = int(round(amt(ctx, 150, 420)))
    a = flat(img).filter(ImageFilter.UnsharpMask(radius=r, percent=pc, threshold=0))
    return a, {"radius": r, "percent": pc}


# --------------------------------------------------------------------------- geometry


@kind("geom")
def k_crop_zoom(img, ctx):
    z = round(amt(ctx, 1.08, 1.32), 3)
    m = W / z
    o = (W - m) / 2
    a = flat(img).crop((o, o, o + m, o + m)).resize((W, W), Image.LANCZOS)
    return a, {"zoom": z}


@kind("geom")
def k_crop_offset(img, ctx):
    f = round(amt(ctx, 0.88, 0.72), 3)
    m = W * f
    x0 = round(ctx.R.uniform(0, W - m), 1)
    y0 = round(ctx.R.uniform(0, W - m), 1)
    a = flat(img).crop((x0, y0, x0 + m, y0 + m)).resize((W, W), Image.LANCZOS)
    return a, {"window": f, "x0": x0, "y0": y0}


@kind("geom")
def k_shrink_pad(img, ctx):
    s = round(amt(ctx, 0.82, 0.52), 3)
    pad = _pick(ctx, ["white", "black", "lightgrey", "pastel"])
    col = {"white": (255, 255, 255), "black": (0, 0, 0), "lightgrey": (228, 228, 232)}.get(pad)
    if col is None:
        col = rgb_of(ctx.R.random(), 0.18, 0.97)
    n = int(W * s)
    ox = int(ctx.R.uniform(0, W - n))
    oy = int(ctx.R.uniform(0, W - n))
    out = Image.new("RGB", (W, W), col)
    out.paste(flat(img).resize((n, n), Image.LANCZOS), (ox, oy))
    return out, {"scale": s, "pad": pad, "x": ox, "y": oy}


@kind("geom")
def k_rotate_small(img, ctx):
    a = round(amt(ctx, 3, 15), 1) * _pick(ctx, [-1, 1])
    out = flat(img).rotate(a, resample=Image.BICUBIC, fillcolor=edge_colour(img))
    return out, {"degrees": a}


@kind("geom")
def k_tile_rotated(img, ctx):
    s = round(amt(ctx, 0.74, 0.55), 3)
    ang = round(amt(ctx, 6, 30), 1) * _pick(ctx, [-1, 1])
    h1 = ctx.R.random()
    c1, c2 = rgb_of(h1, 0.5, 0.95), rgb_of(h1 + 0.15, 0.7, 0.6)
    diag = ctx.R.random() < 0.5
    dx = round(ctx.R.uniform(-0.08, 0.08) * W, 1)
    dy = round(ctx.R.uniform(-0.08, 0.08) * W, 1)
    n = int(W * s)
    tile = flat(img).resize((n, n), Image.LANCZOS).convert("RGBA")
    tile.putalpha(round_mask(n, n * 0.18))
    tile = tile.rotate(ang, resample=Image.BICUBIC, expand=True)
    bg = gradient(W, c1, c2, diag).convert("RGBA")
    bg.alpha_composite(tile, (int(W / 2 - tile.width / 2 + dx), int(W / 2 - tile.height / 2 + dy)))
    return bg.convert("RGB"), {"scale": s, "degrees": ang, "bg": [list(c1), list(c2)], "diagonal": diag,
                               "dx": dx, "dy": dy}


@kind("geom")
def k_perspective_tilt(img, ctx):
    d = amt(ctx, 0.05, 0.16) * W
    src = np.float32([[0, 0], [W, 0], [W, W], [0, W]])
    jit = [(round(ctx.R.uniform(0, d), 1), round(ctx.R.uniform(0, d), 1)) for _ in range(4)]
    dst = np.float32([[jit[0][0], jit[0][1]], [W - jit[1][0], jit[1][1]], [W - jit[2][0], W - jit[2][1]],
                      [jit[3][0], W - jit[3][1]]])
    surf = rgb_of(ctx.R.random(), 0.12, ctx.R.uniform(0.3, 0.9))
    m = cv2.getPerspectiveTransform(src, dst)
    a = cv2.warpPerspective(np.asarray(flat(img)), m, (W, W), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=surf)
    return Image.fromarray(a), {"max_shift": round(d / W, 3), "corners": [list(j) for j in jit], "surface": list(surf)}


@kind("geom")
def k_mirror(img, ctx):
    return ImageOps.mirror(flat(img)), {"axis": "vertical"}


@kind("geom")
def k_stretch_aspect(img, ctx):
    axis = _pick(ctx, ["x", "y"])
    f = round(amt(ctx, 0.9, 0.7), 3)
    n = int(W * f)
    a = flat(img)
    out = Image.new("RGB", (W, W), edge_colour(a))
    if axis == "x":
        out.paste(a.resize((n, W), Image.LANCZOS), ((W - n) // 2, 0))
    else:
        out.paste(a.resize((W, n), Image.LANCZOS), (0, (W - n) // 2))
    return out, {"axis": axis, "factor": f}


@kind("geom")
def k_shear(img, ctx):
    sh = round(amt(ctx, 0.08, 0.26), 3) * _pick(ctx, [-1, 1])
    axis = _pick(ctx, ["x", "y"])
    m = np.float32([[1, sh, -sh * W / 2], [0, 1, 0]]) if axis == "x" else np.float32([[1, 0, 0], [sh, 1, -sh * W / 2]])
    a = cv2.warpAffine(np.asarray(flat(img)), m, (W, W), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                       borderValue=edge_colour(img))
    return Image.fromarray(a), {"shear": sh, "axis": axis}


def _remap(img, fx, fy, border):
    a = np.asarray(flat(img))
    return Image.fromarray(cv2.remap(a, fx.astype(np.float32), fy.astype(np.float32), cv2.INTER_LINEAR,
                                     borderMode=cv2.BORDER_CONSTANT, borderValue=border))


@kind("geom")
def k_barrel(img, ctx):
    k = round(amt(ctx, 0.12, 0.38), 3)
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float64)
    x = (xx - W / 2) / (W / 2)
    y = (yy - W / 2) / (W / 2)
    r2 = x * x + y * y
    f = (1 + k * r2) / (1 + k)
    return _remap(img, x * f * W / 2 + W / 2, y * f * W / 2 + W / 2, edge_colour(img)), {"k": k}


@kind("geom")
def k_wave_warp(img, ctx):
    amp = round(amt(ctx, 2.5, 7.0), 2)
    period = round(ctx.R.uniform(40, 96), 1)
    axis = _pick(ctx, ["x", "y"])
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float64)
    if axis == "x":
        fx, fy = xx + amp * np.sin(2 * np.pi * yy / period), yy
    else:
        fx, fy = xx, yy + amp * np.sin(2 * np.pi * xx / period)
    return _remap(img, fx, fy, edge_colour(img)), {"amplitude": amp, "period": period, "axis": axis}


@kind("geom")
def k_rounded_corners(img, ctx):
    r = round(amt(ctx, 0.14, 0.34), 3)
    fill = _pick(ctx, ["transparent", "white", "black"])
    out = flat(img).convert("RGBA")
    out.putalpha(round_mask(W, W * r))
    if fill != "transparent":
        out = flat(out, (255, 255, 255) if fill == "white" else (0, 0, 0))
    return out, {"radius": r, "fill": fill}


@kind("geom")
def k_circle_mask(img, ctx):
    z = round(amt(ctx, 1.0, 1.12), 3)
    fill = _pick(ctx, ["transparent", "white", "lightgrey"])
    m = W / z
    o = (W - m) / 2
    a = flat(img).crop((o, o, o + m, o + m)).resize((W, W), Image.LANCZOS).convert("RGBA")
    mk = Image.new("L", (2 * W, 2 * W), 0)
    ImageDraw.Draw(mk).ellipse([0, 0, 2 * W - 1, 2 * W - 1], fill=255)
    a.putalpha(mk.resize((W, W), Image.LANCZOS))
    if fill != "transparent":
        a = flat(a, (255, 255, 255) if fill == "white" else (235, 235, 235))
    return a, {"zoom": z, "fill": fill}


@kind("geom")
def k_squircle_shadow(img, ctx):
    s = round(amt(ctx, 0.86, 0.7), 3)
    bgc = _pick(ctx, [(255, 255, 255), (242, 242, 247), (30, 30, 30)])
    n = int(W * s)
    tile = flat(img).resize((n, n), Image.LANCZOS).convert("RGBA")
    tile.putalpha(squircle_mask(n))
    sh = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    blk = Image.new("RGBA", (n, n), (0, 0, 0, 110))
    blk.putalpha(squircle_mask(n).point(lambda v: v * 110 // 255))
    o = (W - n) // 2
    sh.alpha_composite(blk, (o, o + max(2, n // 30)))
    sh = sh.filter(ImageFilter.GaussianBlur(max(2, n // 30)))
    out = Image.new("RGBA", (W, W), bgc + (255,))
    out.alpha_composite(sh)
    out.alpha_composite(tile, (o, o))
    return out.convert("RGB"), {"scale": s, "bg": list(bgc)}


@kind("geom")
def k_crop_side(img, ctx):
    side = _pick(ctx, ["left", "right", "top", "bottom"])
    f = round(amt(ctx, 0.1, 0.22), 3)
    c = int(W * f)
    box = {"left": (c, 0, W, W), "right": (0, 0, W - c, W), "top": (0, c, W, W), "bottom": (0, 0, W, W - c)}[side]
    return flat(img).crop(box).resize((W, W), Image.LANCZOS), {"side": side, "fraction": f}


# --------------------------------------------------------------------------- overlays


def _rgba(img):
    return flat(img).convert("RGBA")


@kind("overlay")
def k_badge_dot(img, ctx):
    corner = _pick(ctx, ["tr", "tl", "br", "bl"])
    r = round(amt(ctx, 0.1, 0.17), 3) * W
    num = str(ctx.R.randint(1, 99))
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, r, W * 0.02)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(235, 30, 40), outline=(255, 255, 255), width=max(1, int(r / 8)))
    text(d, cx, cy, num, fit(d, num, r * 1.3, r * 1.1, int(r * 1.2)), (255, 255, 255))
    return out.convert("RGB"), {"corner": corner, "radius": round(r / W, 3), "number": num}


@kind("overlay")
def k_corner_ribbon(img, ctx):
    corner = _pick(ctx, ["tr", "tl", "br", "bl"])
    word = _pick(ctx, ["官方", "正版", "HOT", "NEW", "推荐", "新版", "VIP"])
    band = amt(ctx, 0.12, 0.17) * W
    col = _pick(ctx, [(230, 30, 40), (250, 190, 20), (30, 160, 80), (20, 110, 220)])
    lay = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    dist = W * 0.3
    d.polygon([(dist - band / 2, 0), (dist + band / 2, 0), (0, dist + band / 2), (0, dist - band / 2)], fill=col + (255,))
    if corner[1] == "r":
        lay = ImageOps.mirror(lay)
    if corner[0] == "b":
        lay = ImageOps.flip(lay)
    # the word is set after the band is placed, so that it always reads left to right
    size = fit(d, word, band * 2.2, band * 0.75, int(band * 0.75))
    n = int(band * 3)
    tl = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    text(ImageDraw.Draw(tl), n / 2, n / 2, word, size, (255, 255, 255, 255))
    ang = 45 if corner in ("tl", "br") else -45
    tl = tl.rotate(ang, resample=Image.BICUBIC)
    mx = dist / 2 if corner[1] == "l" else W - dist / 2
    my = dist / 2 if corner[0] == "t" else W - dist / 2
    tmp = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    tmp.paste(tl, (int(mx - n / 2), int(my - n / 2)))
    lay.alpha_composite(tmp)
    out = _rgba(img)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"corner": corner, "word": word, "band": round(band / W, 3), "colour": list(col)}


@kind("overlay")
def k_center_stamp(img, ctx):
    word = _pick(ctx, ["官方", "正版", "认证", "安全"])
    r = round(amt(ctx, 0.13, 0.22), 3) * W
    alpha = int(round(amt(ctx, 200, 255)))
    col = _pick(ctx, [(220, 30, 40), (20, 150, 70), (250, 180, 0)])
    dx = round(ctx.R.uniform(-0.06, 0.06) * W, 1)
    dy = round(ctx.R.uniform(-0.06, 0.06) * W, 1)
    lay = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    cx, cy = W / 2 + dx, W / 2 + dy
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col + (alpha,), outline=(255, 255, 255, 255), width=max(2, int(r / 10)))
    text(d, cx, cy, word, fit(d, word, r * 1.5, r * 1.0, int(r)), (255, 255, 255, 255))
    out = _rgba(img)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"word": word, "radius": round(r / W, 3), "alpha": alpha, "dx": dx, "dy": dy}


@kind("overlay")
def k_tick_badge(img, ctx):
    corner = _pick(ctx, ["br", "bl", "tr"])
    r = round(amt(ctx, 0.12, 0.18), 3) * W
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, r, W * 0.03)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(30, 170, 80), outline=(255, 255, 255), width=max(2, int(r / 7)))
    d.line([(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.38), (cx + r * 0.5, cy - r * 0.35)], fill=(255, 255, 255),
           width=max(2, int(r / 4)), joint="curve")
    return out.convert("RGB"), {"corner": corner, "radius": round(r / W, 3)}


def _band(img, ctx, top: bool, words):
    h = round(amt(ctx, 0.17, 0.3), 3)
    word = _pick(ctx, words)
    col = _pick(ctx, [(230, 30, 40), (250, 170, 0), (20, 20, 20), (255, 255, 255), (20, 110, 220)])
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    y0, y1 = (0, h * W) if top else (W - h * W, W)
    d.rectangle([0, y0, W, y1], fill=col)
    tc = (20, 20, 20) if col == (255, 255, 255) else (255, 255, 255)
    text(d, W / 2, (y0 + y1) / 2, word, fit(d, word, W * 0.9, h * W * 0.72, int(h * W * 0.7)), tc)
    return out.convert("RGB"), {"height": h, "word": word, "colour": list(col)}


@kind("overlay")
def k_bottom_banner(img, ctx):
    return _band(img, ctx, False, ["极速版", "官方版", "福利版", "贷款", "领红包", "Lite", "额度提升"])


@kind("overlay")
def k_top_banner(img, ctx):
    return _band(img, ctx, True, ["新版上线", "官方", "2025", "最新版", "秒到账"])


@kind("overlay")
def k_watermark_text(img, ctx):
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = _pick(ctx, ["www.", "m.", "down."]) + "".join(_pick(ctx, letters) for _ in range(5)) + ".com"
    alpha = int(round(amt(ctx, 80, 150)))
    ang = round(ctx.R.uniform(20, 40), 1)
    col = _pick(ctx, [(255, 255, 255), (40, 40, 40), (200, 0, 0)])
    lay = Image.new("RGBA", (W * 2, W * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    f = fonts.latin(int(W * 0.09))
    for k, y in enumerate(range(0, 2 * W, int(W * 0.28))):
        d.text(((k % 2) * W * 0.3, y), (word + "   ") * 3, font=f, fill=col + (alpha,))
    lay = lay.rotate(ang, resample=Image.BICUBIC).crop((W // 2, W // 2, W // 2 + W, W // 2 + W))
    out = _rgba(img)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"text": word, "alpha": alpha, "angle": ang}


def _burst(d, cx, cy, r, n, col):
    pts = []
    for k in range(2 * n):
        rr = r if k % 2 == 0 else r * 0.78
        a = math.pi * k / n
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=col)


@kind("overlay")
def k_sticker_burst(img, ctx):
    corner = _pick(ctx, ["tr", "tl", "br", "bl"])
    r = round(amt(ctx, 0.13, 0.2), 3) * W
    word = _pick(ctx, ["NEW", "HOT", "荐", "惠", "免息"])
    col = _pick(ctx, [(255, 210, 0), (240, 40, 40), (255, 120, 0)])
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, r, 0)
    _burst(d, cx, cy, r, 16, col)
    tc = (200, 0, 0) if col == (255, 210, 0) else (255, 255, 255)
    text(d, cx, cy, word, fit(d, word, r * 1.25, r * 0.9, int(r)), tc)
    return out.convert("RGB"), {"corner": corner, "radius": round(r / W, 3), "word": word}


@kind("overlay")
def k_emoji_sticker(img, ctx):
    corner = _pick(ctx, ["br", "bl", "tr", "tl"])
    r = round(amt(ctx, 0.11, 0.17), 3) * W
    face = _pick(ctx, ["smile", "heart", "fire"])
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, r, W * 0.02)
    if face == "smile":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(255, 205, 40), outline=(200, 140, 0), width=max(1, int(r / 12)))
        for sx in (-0.35, 0.35):
            d.ellipse([cx + sx * r - r * 0.1, cy - r * 0.35, cx + sx * r + r * 0.1, cy - r * 0.05], fill=(60, 40, 10))
        d.arc([cx - r * 0.55, cy - r * 0.4, cx + r * 0.55, cy + r * 0.6], 20, 160, fill=(60, 40, 10), width=max(2, int(r / 7)))
    elif face == "heart":
        d.ellipse([cx - r, cy - r * 0.8, cx, cy + r * 0.2], fill=(240, 40, 80))
        d.ellipse([cx, cy - r * 0.8, cx + r, cy + r * 0.2], fill=(240, 40, 80))
        d.polygon([(cx - r * 0.96, cy - r * 0.1), (cx + r * 0.96, cy - r * 0.1), (cx, cy + r)], fill=(240, 40, 80))
    else:
        d.ellipse([cx - r * 0.8, cy - r * 0.3, cx + r * 0.8, cy + r], fill=(255, 120, 0))
        d.polygon([(cx - r * 0.8, cy + r * 0.3), (cx - r * 0.2, cy - r), (cx + r * 0.1, cy - r * 0.2),
                   (cx + r * 0.5, cy - r * 0.7), (cx + r * 0.8, cy + r * 0.3)], fill=(255, 120, 0))
        d.ellipse([cx - r * 0.4, cy + r * 0.1, cx + r * 0.4, cy + r * 0.9], fill=(255, 220, 60))
    return out.convert("RGB"), {"corner": corner, "radius": round(r / W, 3), "sticker": face}


@kind("overlay")
def k_frame_border(img, ctx):
    t = round(amt(ctx, 0.05, 0.12), 3)
    col = _pick(ctx, [(212, 175, 55), (230, 30, 40), (20, 20, 20), (255, 255, 255), (20, 110, 220)])
    n = int(W * (1 - 2 * t))
    out = Image.new("RGB", (W, W), col)
    out.paste(flat(img).resize((n, n), Image.LANCZOS), ((W - n) // 2, (W - n) // 2))
    return out, {"thickness": t, "colour": list(col)}


@kind("overlay")
def k_shield_badge(img, ctx):
    corner = _pick(ctx, ["tl", "tr", "bl"])
    r = round(amt(ctx, 0.11, 0.16), 3) * W
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, r, W * 0.03)
    d.polygon([(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r * 0.1), (cx, cy + r * 1.1), (cx - r, cy + r * 0.1)],
              fill=(20, 150, 90), outline=(255, 255, 255))
    text(d, cx, cy - r * 0.1, "安全", fit(d, "安全", r * 1.6, r, int(r * 0.8)), (255, 255, 255))
    return out.convert("RGB"), {"corner": corner, "size": round(r / W, 3)}


@kind("overlay")
def k_gloss_highlight(img, ctx):
    alpha = int(round(amt(ctx, 60, 140)))
    lay = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    ImageDraw.Draw(lay).ellipse([-W * 0.3, -W * 0.55, W * 1.3, W * 0.5], fill=(255, 255, 255, alpha))
    out = _rgba(img)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"alpha": alpha}


@kind("overlay")
def k_side_tag(img, ctx):
    side = _pick(ctx, ["left", "right"])
    word = _pick(ctx, ["贷款", "借钱", "官方", "秒批"])
    w = round(amt(ctx, 0.13, 0.2), 3) * W
    col = _pick(ctx, [(230, 30, 40), (250, 170, 0), (20, 110, 220)])
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    x0 = 0 if side == "left" else W - w
    d.rectangle([x0, W * 0.15, x0 + w, W * 0.85], fill=col)
    size = fit(d, word[0], w * 0.8, W * 0.3, int(w * 0.8))
    for k, ch in enumerate(word):
        text(d, x0 + w / 2, W * (0.33 + 0.34 * k), ch, size, (255, 255, 255))
    return out.convert("RGB"), {"side": side, "word": word, "width": round(w / W, 3)}


@kind("overlay")
def k_red_packet(img, ctx):
    corner = _pick(ctx, ["bl", "br", "tr"])
    h = round(amt(ctx, 0.22, 0.32), 3) * W
    w = h * 0.75
    out = _rgba(img)
    d = ImageDraw.Draw(out)
    cx, cy = corner_xy(corner, h / 2, W * 0.02)
    d.rounded_rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], radius=h * 0.08, fill=(215, 30, 35),
                        outline=(255, 220, 120), width=max(1, int(h / 40)))
    d.arc([cx - w * 0.7, cy - h * 0.9, cx + w * 0.7, cy - h * 0.05], 20, 160, fill=(255, 220, 120), width=max(1, int(h / 30)))
    d.ellipse([cx - h * 0.14, cy - h * 0.05, cx + h * 0.14, cy + h * 0.23], fill=(255, 205, 60))
    return out.convert("RGB"), {"corner": corner, "height": round(h / W, 3)}


# --------------------------------------------------------------------------- layouts (first step only)


def _light(c) -> bool:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] > 170


def _field_colour(ctx, plain_white: bool):
    """White, or the icon's own field colour when the drawing itself is white."""
    bg = ctx.spec["bg"]
    if bg[0] == "white" or (plain_white and not _light(ctx.spec["fg"])):
        return (255, 255, 255)
    return tuple(bg[1])


def contrast_colour(ctx, k: int = 0):
    """A new field colour that keeps the drawing visible: dark and saturated under a light drawing, else
    pale or very dark, with a hue away from the drawing's."""
    fg = ctx.spec["fg"]
    h0 = colorsys.rgb_to_hsv(*(v / 255 for v in fg))[0]
    h = h0 + ctx.R.uniform(0.25, 0.75)
    if _light(fg):
        return rgb_of(h, ctx.R.uniform(0.5, 0.95), ctx.R.uniform(0.3, 0.62) - 0.08 * k)
    if ctx.R.random() < 0.7:
        return rgb_of(h, ctx.R.uniform(0.05, 0.3), ctx.R.uniform(0.9, 1.0) - 0.05 * k)
    return rgb_of(h, ctx.R.uniform(0.2, 0.6), ctx.R.uniform(0.1, 0.22) + 0.05 * k)


@kind("layout")
def k_logo_word_below(img, ctx):
    s = round(amt(ctx, 0.64, 0.5), 3)
    white = ctx.R.random() < 0.5
    field = _field_colour(ctx, white)
    out = Image.new("RGB", (W, W), field)
    out = paste_layer(ctx, out, s, W / 2, W * s / 2 + W * 0.04)
    d = ImageDraw.Draw(out)
    colour = tuple(ctx.spec["fg"]) if field != (255, 255, 255) or ctx.spec["bg"][0] == "white" else tuple(ctx.spec["bg"][1])
    if field == (255, 255, 255) and colour == (255, 255, 255):
        colour = (40, 40, 40)
    word = ctx.word
    top = W * s + W * 0.06
    text(d, W / 2, (top + W * 0.97) / 2, word, fit(d, word, W * 0.92, W * 0.97 - top, int(W * 0.2)), colour)
    return out, {"scale": s, "field": list(field), "word": word}


@kind("layout")
def k_logo_left_text(img, ctx):
    s = round(amt(ctx, 0.6, 0.5), 3)
    field = _field_colour(ctx, ctx.R.random() < 0.5)
    out = Image.new("RGB", (W, W), field)
    out = paste_layer(ctx, out, s, W * s / 2 + W * 0.02, W / 2)
    d = ImageDraw.Draw(out)
    colour = (40, 40, 40) if field == (255, 255, 255) else (255, 255, 255)
    if field == (255, 255, 255) and ctx.spec["bg"][0] != "white":
        colour = tuple(ctx.spec["bg"][1])
    word = ctx.word[:4]
    x0 = W * s + W * 0.04
    cw = W - x0 - W * 0.02
    rows = [word[i:i + 2] for i in range(0, len(word), 2)]
    size = fit(d, rows[0], cw, W * 0.2, int(W * 0.2))
    for k, row in enumerate(rows):
        text(d, x0 + cw / 2, W / 2 + (k - (len(rows) - 1) / 2) * size * 1.15, row, size, colour)
    return out, {"scale": s, "field": list(field), "word": word}


@kind("layout")
def k_background_swap(img, ctx):
    col = contrast_colour(ctx)
    s = round(ctx.R.uniform(0.9, 1.0), 3)
    out = paste_layer(ctx, Image.new("RGB", (W, W), col), s, W / 2, W / 2)
    return out, {"colour": list(col), "scale": s}


@kind("layout")
def k_gradient_background(img, ctx):
    c1, c2 = contrast_colour(ctx, 0), contrast_colour(ctx, 1)
    diag = ctx.R.random() < 0.5
    s = round(ctx.R.uniform(0.82, 1.0), 3)
    out = paste_layer(ctx, gradient(W, c1, c2, diag), s, W / 2, W / 2)
    return out, {"colours": [list(c1), list(c2)], "diagonal": diag, "scale": s}


@kind("layout")
def k_dark_mode(img, ctx):
    v = ctx.R.randint(12, 40)
    s = round(ctx.R.uniform(0.88, 1.0), 3)
    lighten = 0.0
    if 0.299 * ctx.spec["fg"][0] + 0.587 * ctx.spec["fg"][1] + 0.114 * ctx.spec["fg"][2] < 120:
        # a dark drawing is lightened for the dark field, as dark-mode icon sets do
        lighten = round(ctx.R.uniform(0.35, 0.6), 3)
        a = np.asarray(ctx.layer).astype(np.float32)
        a[..., :3] = a[..., :3] * (1 - lighten) + 255 * lighten
        ctx = Ctx(ctx.R, ctx.G, ctx.spec, Image.fromarray(a.astype(np.uint8), "RGBA"), ctx.word, ctx.name, ctx.scale)
    out = paste_layer(ctx, Image.new("RGB", (W, W), (v, v, v + 4)), s, W / 2, W / 2)
    return out, {"background": v, "scale": s, "lighten": lighten}


@kind("layout")
def k_logo_moved(img, ctx):
    s = round(amt(ctx, 0.72, 0.5), 3)
    field = _field_colour(ctx, ctx.R.random() < 0.4)
    r = W * s / 2
    cx = round(ctx.R.uniform(r + 2, W - r - 2), 1)
    cy = round(ctx.R.uniform(r + 2, W - r - 2), 1)
    return paste_layer(ctx, Image.new("RGB", (W, W), field), s, cx, cy), {"scale": s, "cx": cx, "cy": cy,
                                                                         "field": list(field)}


# --------------------------------------------------------------------------- colour


def _hsv_rotate(a: np.ndarray, deg: float) -> np.ndarray:
    hsv = cv2.cvtColor(a, cv2.COLOR_RGB2HSV_FULL)
    hsv[..., 0] = ((hsv[..., 0].astype(np.int32) + int(round(deg / 360 * 256))) % 256).astype(np.uint8)
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB_FULL)


@kind("colour")
def k_hue_rotate(img, ctx):
    deg = round(ctx.R.uniform(45, 315), 1)
    return Image.fromarray(_hsv_rotate(np.asarray(flat(img)), deg)), {"degrees": deg}


@kind("colour")
def k_grayscale(img, ctx):
    c = round(ctx.R.uniform(0.9, 1.4), 2)
    a = ImageOps.grayscale(flat(img))
    a = Image.eval(a, lambda v: max(0, min(255, int(128 + (v - 128) * c))))
    return a.convert("RGB"), {"contrast": c}


@kind("colour")
def k_channel_swap(img, ctx):
    perm = _pick(ctx, ["BGR", "GBR", "BRG", "RBG"])
    a = np.asarray(flat(img))
    idx = ["RGB".index(ch) for ch in perm]
    return Image.fromarray(np.ascontiguousarray(a[..., idx])), {"order": perm}


@kind("colour")
def k_brightness_contrast(img, ctx):
    dark = ctx.R.random() < 0.5
    b = round(amt(ctx, 0.85, 0.5), 3) if dark else round(amt(ctx, 1.15, 1.5), 3)
    c = round(ctx.R.uniform(0.65, 1.35), 3)
    a = np.asarray(flat(img)).astype(np.float32)
    a = (a - 128) * c + 128
    a = a * b
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8)), {"brightness": b, "contrast": c}


@kind("colour")
def k_sepia_tint(img, ctx):
    tint = rgb_of(ctx.R.random(), ctx.R.uniform(0.35, 0.7), 1.0)
    mix = round(amt(ctx, 0.6, 1.0), 3)
    a = np.asarray(flat(img)).astype(np.float32)
    g = (0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2])[..., None]
    t = g * np.array(tint, np.float32)[None, None, :] / 255.0
    out = a * (1 - mix) + t * mix
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8)), {"tint": list(tint), "mix": mix}


@kind("colour")
def k_saturation_shift(img, ctx):
    up = ctx.R.random() < 0.5
    f = round(amt(ctx, 1.3, 2.4), 3) if up else round(amt(ctx, 0.6, 0.15), 3)
    hsv = cv2.cvtColor(np.asarray(flat(img)), cv2.COLOR_RGB2HSV_FULL).astype(np.float32)
    hsv[..., 1] = np.clip(hsv[..., 1] * f, 0, 255)
    return Image.fromarray(cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB_FULL)), {"factor": f}


@kind("colour")
def k_vignette(img, ctx):
    s = round(amt(ctx, 0.35, 0.75), 3)
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32)
    r = np.sqrt((xx - W / 2) ** 2 + (yy - W / 2) ** 2) / (W / 2 * math.sqrt(2))
    m = 1 - s * r ** 2
    a = np.asarray(flat(img)).astype(np.float32) * m[..., None]
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8)), {"strength": s}


# --------------------------------------------------------------------------- re-drawing


@kind("redraw")
def k_redraw_jitter(img, ctx):
    j = {"scale": round(ctx.R.uniform(0.84, 1.04), 3), "dx": round(ctx.R.uniform(-4, 4), 2),
         "dy": round(ctx.R.uniform(-4, 4), 2), "lw": round(ctx.R.uniform(0.6, 1.5), 3),
         "gs": round(ctx.R.uniform(0.8, 1.12), 3), "rot": round(ctx.R.uniform(-6, 6), 2)}
    shift = rgb_of(ctx.R.random(), 1, 1)
    amtc = round(ctx.R.uniform(0.0, 0.18), 3)
    spec = dict(ctx.spec)

    def nudge(c):
        return tuple(int(round(v * (1 - amtc) + s * amtc)) for v, s in zip(c, shift, strict=True))
    spec["fg"], spec["ac"] = nudge(spec["fg"]), nudge(spec["ac"])
    bg = spec["bg"]
    if bg[0] != "white":
        spec["bg"] = (bg[0],) + tuple(nudge(c) for c in bg[1:])
    out, _ = emblems.render(spec, W, j)
    return out, {"jitter": j, "colour_shift": amtc}


@kind("redraw")
def k_inverse_recolour(img, ctx):
    h = ctx.R.random()
    col = rgb_of(h, ctx.R.uniform(0.6, 0.95), ctx.R.uniform(0.55, 0.9))
    spec = dict(ctx.spec)
    if spec["bg"][0] == "white":
        spec["bg"], spec["fg"] = ("solid", col), (255, 255, 255)
    else:
        spec["bg"], spec["fg"] = ("white",), col
    out, _ = emblems.render(spec, W)
    return out, {"colour": list(col), "background": spec["bg"][0]}


@kind("redraw")
def k_trace_vectorize(img, ctx):
    n = int(round(ctx.R.uniform(4, 7)))
    k = _pick(ctx, [5, 7])
    a = flat(img).quantize(colors=n, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    a = a.filter(ImageFilter.ModeFilter(k)).filter(ImageFilter.SMOOTH_MORE)
    return a, {"colours": n, "mode_filter": k}


@kind("redraw")
def k_outline_sketch(img, ctx):
    t1 = int(ctx.R.uniform(40, 80))
    thick = _pick(ctx, [1, 2])
    ink = _pick(ctx, [(30, 30, 30), tuple(ctx.spec["fg"]) if ctx.spec["bg"][0] == "white" else tuple(ctx.spec["bg"][1])])
    g = cv2.cvtColor(np.asarray(flat(img)), cv2.COLOR_RGB2GRAY)
    e = cv2.Canny(g, t1, t1 * 2)
    if thick > 1:
        e = cv2.dilate(e, np.ones((thick + 1, thick + 1), np.uint8))
    paper = np.full((W, W, 3), (250, 248, 240), np.uint8)
    paper[e > 0] = ink
    return Image.fromarray(paper).filter(ImageFilter.SMOOTH), {"canny": t1, "thickness": thick, "ink": list(ink)}


# --------------------------------------------------------------------------- captures


@kind("capture")
def k_screenshot_crop(img, ctx):
    s = round(amt(ctx, 0.66, 0.52), 3)
    wall = ctx.R.random()
    c1, c2 = rgb_of(wall, 0.45, 0.85), rgb_of(wall + 0.2, 0.6, 0.45)
    page = _pick(ctx, ["home", "store"])
    n = int(W * s)
    cx = W / 2 + ctx.R.uniform(-0.06, 0.06) * W
    cy = W * 0.44 + ctx.R.uniform(-0.04, 0.04) * W
    bg = gradient(W, c1, c2, True) if page == "home" else Image.new("RGB", (W, W), (255, 255, 255))
    out = bg.convert("RGBA")
    # neighbouring icons, cut by the crop
    for dxn in (-1, 1):
        nb, _ = pictos.draw_icon(ctx.R)
        nb = nb.resize((n, n), Image.LANCZOS).convert("RGBA")
        nb.putalpha(round_mask(n, n * 0.22))
        out.alpha_composite(nb, (int(cx - n / 2 + dxn * n * 1.3), int(cy - n / 2)))
    tile = flat(img).resize((n, n), Image.LANCZOS).convert("RGBA")
    tile.putalpha(round_mask(n, n * 0.22))
    out.alpha_composite(tile, (int(cx - n / 2), int(cy - n / 2)))
    d = ImageDraw.Draw(out)
    tc = (255, 255, 255) if page == "home" else (30, 30, 30)
    label = ctx.name[:6]
    text(d, cx, cy + n / 2 + W * 0.08, label, fit(d, label, n * 1.2, W * 0.09, int(W * 0.08)), tc)
    return out.convert("RGB"), {"scale": s, "page": page, "label": label}


@kind("capture")
def k_phone_photo(img, ctx):
    s = round(amt(ctx, 1.0, 1.2), 3)
    d = amt(ctx, 0.02, 0.1) * W
    jit = [(round(ctx.R.uniform(0, d), 1), round(ctx.R.uniform(0, d), 1)) for _ in range(4)]
    moire_amp = round(amt(ctx, 5, 14), 1)
    moire_p = round(ctx.R.uniform(3.0, 6.0), 2)
    moire_ang = round(ctx.R.uniform(0, 180), 1)
    cast = rgb_of(ctx.R.random(), 0.15, 1.0)
    a = flat(img)
    m = W / s
    o = (W - m) / 2
    a = np.asarray(a.crop((o, o, o + m, o + m)).resize((W, W), Image.BICUBIC)).astype(np.float32)
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32)
    t = math.radians(moire_ang)
    a += moire_amp * np.sin(2 * np.pi * (xx * math.cos(t) + yy * math.sin(t)) / moire_p)[..., None]
    a = a * (0.8 + 0.25 * (xx / W))[..., None] * (np.array(cast, np.float32) / 255.0)[None, None, :]
    a = a + ctx.G.normal(0, 5.0, a.shape).astype(np.float32)
    a = np.clip(a + 0.5, 0, 255).astype(np.uint8)
    src = np.float32([[0, 0], [W, 0], [W, W], [0, W]])
    dst = np.float32([[jit[0][0], jit[0][1]], [W - jit[1][0], jit[1][1]], [W - jit[2][0], W - jit[2][1]],
                      [jit[3][0], W - jit[3][1]]])
    mm = cv2.getPerspectiveTransform(src, dst)
    a = cv2.warpPerspective(a, mm, (W, W), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                            borderValue=(25, 25, 28))
    out = Image.fromarray(a).filter(ImageFilter.GaussianBlur(0.8))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=70)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), {
        "zoom": s, "corners": [list(j) for j in jit], "moire": [moire_amp, moire_p, moire_ang], "cast": list(cast)}


@kind("capture")
def k_print_scan(img, ctx):
    ang = round(ctx.R.uniform(-3, 3), 2)
    paper = rgb_of(ctx.R.uniform(0.1, 0.16), ctx.R.uniform(0.05, 0.15), 0.97)
    fade = round(amt(ctx, 0.1, 0.35), 3)
    a = np.asarray(flat(img)).astype(np.float32)
    a = a * (1 - fade) + np.array(paper, np.float32)[None, None, :] * fade
    a = a + ctx.G.normal(0, 4.0, a.shape).astype(np.float32)
    out = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8))
    n = int(W * 0.9)
    out = out.resize((n, n), Image.LANCZOS).rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=paper)
    page = Image.new("RGB", (W, W), paper)
    page.paste(out, ((W - out.width) // 2, (W - out.height) // 2))
    return page.filter(ImageFilter.GaussianBlur(0.7)), {"angle": ang, "paper": list(paper), "fade": fade}


# --------------------------------------------------------------------------- chains

FIRST_ONLY = ("layout", "redraw")
CHAIN_FIRST = ("redraw_jitter", "inverse_recolour", "background_swap", "gradient_background", "logo_word_below",
               "logo_moved", "dark_mode")
CHAIN_MIDDLE = ("crop_zoom", "crop_offset", "shrink_pad", "rotate_small", "tile_rotated", "perspective_tilt", "mirror",
                "stretch_aspect", "shear", "barrel", "wave_warp", "rounded_corners", "circle_mask",
                "squircle_shadow", "badge_dot", "corner_ribbon", "center_stamp", "tick_badge", "bottom_banner",
                "top_banner", "watermark_text", "sticker_burst", "emoji_sticker", "frame_border", "shield_badge",
                "gloss_highlight", "red_packet", "hue_rotate", "grayscale", "channel_swap", "brightness_contrast",
                "sepia_tint", "saturation_shift", "vignette")
CHAIN_LAST = ("jpeg_low", "jpeg_double", "webp_lossy", "downscale_upscale", "gaussian_blur", "gaussian_noise",
              "posterize_quantize", "oversharpen", "screenshot_crop", "phone_photo", "print_scan")


def choose_chain(R, length: int) -> list[str]:
    """A plausible order: an optional re-layout / re-drawing, then edits, then a lossy capture step."""
    if length == 2:
        shape = R.choice(["fm", "ml", "fl", "mm"])
    else:
        shape = R.choice(["fml", "mml", "fmm"])
    out: list[str] = []
    for slot in shape:
        pool = {"f": CHAIN_FIRST, "m": CHAIN_MIDDLE, "l": CHAIN_LAST}[slot]
        groups = {KINDS[k][1] for k in out}
        cands = [k for k in pool if k not in out and KINDS[k][1] not in groups]
        out.append(R.choice(cands))
    return out


def apply(name: str, img: Image.Image, ctx: Ctx):
    fn, group = KINDS[name]
    out, params = fn(img, ctx)
    return out, {"kind": name, "group": group, **params}
