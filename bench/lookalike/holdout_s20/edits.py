"""Icon edits a counterfeiter makes to an official icon. Each returns (image, params)."""

from __future__ import annotations

import io
import math

import numpy as np
from icons import background, cjk, emblem_small, hsv, latin, protected_icon
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

N = 256


def _r(x: float, nd: int = 3) -> float:
    return round(float(x), nd)


def jpeg_roundtrip(im: Image.Image, q: int) -> Image.Image:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _cdist(a, b) -> float:
    return math.dist(tuple(a), tuple(b))


def new_bg(rng, size: int = N, avoid=None) -> tuple[Image.Image, dict]:
    """A new background; with ``avoid`` (the emblem's colour) one that keeps the emblem visible."""
    for _ in range(50):
        kind = rng.choice(["solid", "linear", "radial", "white"])
        c1 = hsv(rng.random(), rng.uniform(0.2, 0.9), rng.uniform(0.4, 1.0))
        c2 = hsv(rng.random(), rng.uniform(0.2, 0.9), rng.uniform(0.4, 1.0))
        if kind == "white":
            c1 = c2 = (255, 255, 255)
            kind = "solid"
        if avoid is None or min(_cdist(c1, avoid), _cdist(c2, avoid)) >= 150:
            break
    if kind == "solid":
        c2 = c1
    return background(kind, c1, c2, size=size, angle=rng.uniform(0, 360)), {"bg": kind, "c1": list(c1), "c2": list(c2)}


# ------------------------------------------------------------------ simple edits
def e_unchanged(im, rng, ctx):
    return im.copy(), {}


def e_jpeg(im, rng, ctx):
    q = rng.randint(6, 30)
    return jpeg_roundtrip(im, q), {"quality": q}


def e_rescale(im, rng, ctx):
    s = rng.choice([40, 48, 57, 64, 72, 96, 114, 128, 180, 512])
    return im.resize((s, s), rng.choice([Image.BILINEAR, Image.BICUBIC, Image.NEAREST, Image.LANCZOS])), {"size": s}


def e_stretch(im, rng, ctx):
    f = rng.uniform(0.68, 0.88)
    axis = rng.choice(["x", "y"])
    mode = rng.choice(["keep", "fill", "pad"])
    w, h = (N, round(N * f)) if axis == "y" else (round(N * f), N)
    st = im.resize((w, h), Image.BICUBIC)
    if mode == "keep":  # a non-square file
        out = st
    elif mode == "fill":  # squashed one way, then stretched back to a square the other way (crop)
        big = st.resize((round(N / f) if axis == "y" else N, round(N / f) if axis == "x" else N), Image.BICUBIC)
        out = big.crop(((big.width - N) // 2, (big.height - N) // 2, (big.width - N) // 2 + N, (big.height - N) // 2 + N))
    else:
        out = Image.new("RGB", (N, N), tuple(int(v) for v in np.asarray(im)[2, 2]))
        out.paste(st, ((N - w) // 2, (N - h) // 2))
    return out, {"squash_axis": axis, "factor": _r(f), "mode": mode}


def e_rotate(im, rng, ctx):
    a = rng.uniform(3, 15) * rng.choice([-1, 1])
    fill = rng.choice(["corner", "white", "zoom"])
    if fill == "zoom":
        out = im.rotate(a, resample=Image.BICUBIC)
        z = 1 + abs(math.sin(math.radians(a))) * 1.1
        c = N / 2
        hw = N / (2 * z)
        out = out.crop((round(c - hw), round(c - hw), round(c + hw), round(c + hw))).resize((N, N), Image.BICUBIC)
    else:
        col = tuple(int(v) for v in np.asarray(im)[3, 3]) if fill == "corner" else (255, 255, 255)
        out = im.rotate(a, resample=Image.BICUBIC, fillcolor=col)
    return out, {"angle": _r(a, 2), "fill": fill}


def e_crop_zoom(im, rng, ctx):
    z = rng.uniform(1.08, 1.32)
    hw = N / (2 * z)
    slack = N / 2 - hw
    cx, cy = N / 2 + rng.uniform(-slack, slack) * 0.6, N / 2 + rng.uniform(-slack, slack) * 0.6
    out = im.crop((round(cx - hw), round(cy - hw), round(cx + hw), round(cy + hw))).resize((N, N), Image.BICUBIC)
    return out, {"zoom": _r(z), "centre": [_r(cx, 1), _r(cy, 1)]}


def e_pad(im, rng, ctx):
    s = rng.uniform(0.66, 0.9)
    kind = rng.choice(["white", "black", "colour", "blurred"])
    if kind == "blurred":
        out = im.resize((N, N)).filter(ImageFilter.GaussianBlur(18))
    else:
        col = {"white": (255, 255, 255), "black": (10, 10, 10)}.get(kind, hsv(rng.random(), 0.5, 0.9))
        out = Image.new("RGB", (N, N), col)
    k = round(N * s)
    out.paste(im.resize((k, k), Image.LANCZOS), ((N - k) // 2 + rng.randint(-8, 8), (N - k) // 2 + rng.randint(-8, 8)))
    return out, {"scale": _r(s), "pad": kind}


def e_hue(im, rng, ctx):
    deg = rng.randint(30, 330)
    h, s, v = im.convert("HSV").split()
    h = h.point(lambda x: (x + round(deg * 256 / 360)) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB"), {"hue_deg": deg}


def e_colour(im, rng, ctx):
    b, c, s = rng.uniform(0.8, 1.2), rng.uniform(0.8, 1.3), rng.uniform(0.5, 1.5)
    out = ImageEnhance.Brightness(im).enhance(b)
    out = ImageEnhance.Contrast(out).enhance(c)
    out = ImageEnhance.Color(out).enhance(s)
    g = [rng.uniform(0.85, 1.15) for _ in range(3)]
    arr = np.clip(np.asarray(out, np.float32) * np.array(g, np.float32), 0, 255).astype(np.uint8)
    return Image.fromarray(arr), {"brightness": _r(b), "contrast": _r(c), "saturation": _r(s), "gains": [_r(x) for x in g]}


def e_grey(im, rng, ctx):
    return ImageOps.grayscale(im).convert("RGB"), {}


def e_invert_bg(im, rng, ctx):
    spec = ctx["spec"]
    bgs = background(spec["bg"], spec["c1"], spec["c2"], size=N, angle=spec.get("angle", 0.0))
    out = ImageOps.invert(bgs).convert("RGBA")
    out.alpha_composite(emblem_small(spec))
    return out.convert("RGB"), {"background": "inverted", "emblem": "kept"}


def e_invert_full(im, rng, ctx):
    return ImageOps.invert(im), {}


def e_mirror(im, rng, ctx):
    return ImageOps.mirror(im), {"axis": "horizontal"}


def e_round_mask(im, rng, ctx):
    rad = rng.choice([0.12, 0.18, 0.22, 0.3, 0.5])
    corner = rng.choice(["transparent", "white", "black"])
    mask = Image.new("L", (N * 2, N * 2), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, 2 * N - 1, 2 * N - 1], radius=round(2 * N * rad), fill=255)
    mask = mask.resize((N, N), Image.LANCZOS)
    if corner == "transparent":
        out = im.convert("RGBA")
        out.putalpha(mask)
    else:
        out = Image.new("RGB", (N, N), (255, 255, 255) if corner == "white" else (0, 0, 0))
        out.paste(im, (0, 0), mask)
    return out, {"radius_frac": rad, "corners": corner}


def e_blur_noise(im, rng, ctx):
    r = rng.uniform(0.6, 1.8)
    sd = rng.uniform(3, 10)
    out = im.filter(ImageFilter.GaussianBlur(r))
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    arr = np.clip(np.asarray(out, np.float32) + nrng.normal(0, sd, (out.height, out.width, 3)), 0, 255).astype(np.uint8)
    return Image.fromarray(arr), {"blur": _r(r, 2), "noise_sd": _r(sd, 1)}


# ------------------------------------------------------------------ overlays
BADGE_TEXTS = ["3", "8", "99+", "HOT", "NEW", "VIP", "荐", "热", "1"]
STAMP_TEXTS = ["官方", "正版", "新版", "认证", "官方正版", "安全"]
BAND_TEXTS = ["官方正版", "极速版", "2025新版", "安全认证", "额度提升", "VIP专享", "福利版", "下载领红包"]
RIBBON_TEXTS = ["新版", "NEW", "官方", "热门", "正版", "HOT"]


def _text_font(t: str, size: int):
    return cjk(size) if any(ord(ch) > 127 for ch in t) else latin(size)


def e_badge(im, rng, ctx):
    corner = rng.choice(["tl", "tr", "bl", "br", "tr", "tr"])
    frac = rng.uniform(0.22, 0.36)
    t = rng.choice(BADGE_TEXTS)
    col = rng.choice([(230, 30, 30), (255, 90, 0), (250, 200, 0), (20, 170, 60)])
    out = im.convert("RGBA")
    d = ImageDraw.Draw(out)
    r = frac * N / 2
    m = 4 + r
    cx = m if corner[1] == "l" else N - m
    cy = m if corner[0] == "t" else N - m
    w = r * (1.35 if len(t) > 2 else 1.0)
    d.rounded_rectangle([cx - w, cy - r, cx + w, cy + r], radius=round(r), fill=col, outline=(255, 255, 255), width=3)
    d.text((cx, cy), t, font=_text_font(t, round(r * (1.1 if len(t) <= 1 else 0.75))), fill=(255, 255, 255), anchor="mm")
    return out.convert("RGB"), {"corner": corner, "size_frac": _r(frac), "text": t}


def e_ribbon(im, rng, ctx):
    corner = rng.choice(["tr", "tl", "br"])
    t = rng.choice(RIBBON_TEXTS)
    col = rng.choice([(220, 20, 40), (250, 180, 0), (255, 100, 0)])
    band = Image.new("RGBA", (N, 44), col + (255,))
    ImageDraw.Draw(band).text((N // 2, 22), t, font=_text_font(t, 28), fill=(255, 255, 255), anchor="mm")
    ang = {"tr": -45, "tl": 45, "br": 45}[corner]
    rb = band.rotate(ang, expand=True, resample=Image.BICUBIC)
    off = round(N * rng.uniform(0.18, 0.26))
    cxy = {"tr": (N - off, off), "tl": (off, off), "br": (N - off, N - off)}[corner]
    out = im.convert("RGBA")
    out.paste(rb, (cxy[0] - rb.width // 2, cxy[1] - rb.height // 2), rb)
    return out.convert("RGB"), {"corner": corner, "text": t, "offset": off}


def e_stamp(im, rng, ctx):
    t = rng.choice(STAMP_TEXTS)
    shape = rng.choice(["disc", "rounded", "ring", "tick"])
    frac = rng.uniform(0.3, 0.46)
    dx, dy = rng.randint(-18, 18), rng.randint(-18, 18)
    out = im.convert("RGBA")
    lay = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    r = frac * N / 2
    cx, cy = N / 2 + dx, N / 2 + dy
    red = (215, 25, 35, 235)
    if shape == "disc":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=red)
        d.text((cx, cy), t, font=cjk(round(r * (0.75 if len(t) <= 2 else 0.45))), fill=(255, 255, 255), anchor="mm")
    elif shape == "rounded":
        d.rounded_rectangle([cx - r * 1.3, cy - r * 0.7, cx + r * 1.3, cy + r * 0.7], radius=round(r * 0.3), fill=red)
        d.text((cx, cy), t, font=cjk(round(r * (0.8 if len(t) <= 2 else 0.5))), fill=(255, 255, 255), anchor="mm")
    elif shape == "ring":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=6)
        d.text((cx, cy), t, font=cjk(round(r * (0.75 if len(t) <= 2 else 0.45))), fill=red, anchor="mm")
        lay = lay.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC, center=(cx, cy))
    else:
        t = "✓"
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(30, 160, 70, 240))
        d.line([(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.5, cy - r * 0.35)], fill=(255, 255, 255),
               width=max(4, round(r * 0.18)), joint="curve")
    out.alpha_composite(lay)
    return out.convert("RGB"), {"shape": shape, "text": t, "size_frac": _r(frac), "offset": [dx, dy]}


def e_band(im, rng, ctx):
    where = rng.choice(["bottom", "bottom", "top"])
    hf = rng.uniform(0.17, 0.27)
    t = rng.choice(BAND_TEXTS)
    col = rng.choice([(220, 30, 30), (20, 20, 20), (255, 190, 0), (30, 90, 200), (255, 255, 255)])
    out = im.convert("RGBA")
    d = ImageDraw.Draw(out)
    h = round(N * hf)
    y0 = N - h if where == "bottom" else 0
    d.rectangle([0, y0, N, y0 + h], fill=col + (235,))
    tc = (0, 0, 0) if col in ((255, 190, 0), (255, 255, 255)) else (255, 255, 255)
    fs = min(round(h * 0.62), round(N * 0.86 / max(1, len(t))))
    d.text((N // 2, y0 + h // 2), t, font=_text_font(t, fs), fill=tc, anchor="mm")
    return out.convert("RGB"), {"where": where, "height_frac": _r(hf), "text": t}


# ------------------------------------------------------------------ recompositions
WORDS = ["钱包", "极速借", "分期", "福利社", "借呗呗", "小额贷", "红包", "助手", "优选", "查询", "会员"]


def e_new_background(im, rng, ctx):
    bg, bp = new_bg(rng, avoid=ctx["spec"]["fg"])
    s = rng.uniform(0.55, 0.85)
    k = round(N * s)
    em = emblem_small(ctx["spec"], size=k)
    x = rng.randint(0, N - k)
    y = rng.randint(0, N - k)
    out = bg.convert("RGBA")
    out.alpha_composite(em, (x, y))
    return out.convert("RGB"), {"emblem_scale": _r(s), "pos": [x, y], **bp}


def e_emblem_words(im, rng, ctx):
    bg, bp = new_bg(rng, avoid=ctx["spec"]["fg"])
    word = rng.choice(WORDS)
    layout = rng.choice(["below", "right"])
    out = bg.convert("RGBA")
    lum = sum(bp["c1"]) / 3
    tc = (20, 20, 20) if lum > 150 else (255, 255, 255)
    d = ImageDraw.Draw(out)
    if layout == "below":
        k = round(N * rng.uniform(0.5, 0.64))
        out.alpha_composite(emblem_small(ctx["spec"], size=k), ((N - k) // 2, 14))
        d.text((N // 2, 14 + k + (N - 14 - k) // 2), word, font=cjk(min(58, round(N * 0.8 / len(word)))), fill=tc, anchor="mm")
    else:
        k = round(N * rng.uniform(0.5, 0.58))
        out.alpha_composite(emblem_small(ctx["spec"], size=k), (6, (N - k) // 2))
        fs = min(round((N - k - 12) / 1.05), 110)
        for i, ch in enumerate(word[:2]):
            d.text((k + 6 + (N - k - 6) // 2, N // 2 + (i - 0.5) * fs * 1.02), ch, font=cjk(fs), fill=tc, anchor="mm")
    return out.convert("RGB"), {"layout": layout, "word": word, **bp}


def e_tile_rotated(im, rng, ctx):
    bg, bp = new_bg(rng)
    s = rng.uniform(0.55, 0.78)
    a = rng.uniform(5, 30) * rng.choice([-1, 1])
    k = round(N * s)
    tile = im.resize((k, k), Image.LANCZOS).convert("RGBA")
    mask = Image.new("L", (k * 2, k * 2), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, 2 * k - 1, 2 * k - 1], radius=round(k * 0.36), fill=255)
    tile.putalpha(mask.resize((k, k), Image.LANCZOS))
    rt = tile.rotate(a, expand=True, resample=Image.BICUBIC)
    out = bg.convert("RGBA")
    x = rng.randint(0, max(0, N - rt.width))
    y = rng.randint(0, max(0, N - rt.height))
    out.alpha_composite(rt, (x, y))
    return out.convert("RGB"), {"tile_scale": _r(s), "angle": _r(a, 2), "pos": [x, y], **bp}


def _persp_coeffs(dst, src):
    a = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    b = np.array([c for p in src for c in p], np.float64)
    return np.linalg.solve(np.array(a, np.float64), b).tolist()


def e_photo(im, rng, ctx):
    """A photo / screenshot of the icon: on a phone home screen, perspective, blur, noise, moire."""
    W = rng.choice([256, 320])
    scr = Image.new("RGB", (W, W), hsv(rng.random(), 0.3, rng.uniform(0.15, 0.5)))
    k = round(W * rng.uniform(0.62, 0.8))
    x0, y0 = (W - k) // 2, round((W - k) * 0.35)
    tile = im.resize((k, k), Image.LANCZOS)
    mask = Image.new("L", (k, k), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, k - 1, k - 1], radius=round(k * 0.22), fill=255)
    scr.paste(tile, (x0, y0), mask)
    ImageDraw.Draw(scr).rectangle([x0 + k * 0.2, y0 + k + 8, x0 + k * 0.8, y0 + k + 18], fill=(220, 220, 220))
    j = W * rng.uniform(0.04, 0.12)
    src = [(rng.uniform(0, j), rng.uniform(0, j)), (W - rng.uniform(0, j), rng.uniform(0, j)),
           (W - rng.uniform(0, j), W - rng.uniform(0, j)), (rng.uniform(0, j), W - rng.uniform(0, j))]
    dst = [(0, 0), (W, 0), (W, W), (0, W)]
    out = scr.transform((W, W), Image.PERSPECTIVE, _persp_coeffs(dst, src), Image.BICUBIC)
    blur = rng.uniform(0.5, 1.6)
    out = out.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(out, np.float32)
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32)
    freq = rng.uniform(0.6, 1.2)
    ang = rng.uniform(0, math.pi)
    amp = rng.uniform(4, 12)
    moire = amp * np.sin(freq * (xx * math.cos(ang) + yy * math.sin(ang)))
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    sd = rng.uniform(2, 8)
    gain = rng.uniform(0.85, 1.1)
    arr = np.clip(arr * gain + moire[..., None] + nrng.normal(0, sd, arr.shape), 0, 255).astype(np.uint8)
    return Image.fromarray(arr), {"size": W, "icon_frac": _r(k / W), "perspective_jitter": _r(j / W),
                                  "blur": _r(blur, 2), "moire_amp": _r(amp, 1), "noise_sd": _r(sd, 1), "gain": _r(gain)}


def e_redraw(im, rng, ctx):
    st = rng.choice([rng.uniform(0.5, 0.7), rng.uniform(1.5, 2.0)])
    return protected_icon(ctx["spec"], stroke=st), {"stroke_scale": _r(st, 2)}


EDITS = {
    "unchanged": e_unchanged, "jpeg_lowq": e_jpeg, "rescale": e_rescale, "stretch": e_stretch, "rotate": e_rotate,
    "crop_zoom": e_crop_zoom, "pad": e_pad, "hue_rotate": e_hue, "colour_shift": e_colour, "greyscale": e_grey,
    "invert_bg": e_invert_bg, "invert_full": e_invert_full, "mirror": e_mirror, "round_mask": e_round_mask,
    "blur_noise": e_blur_noise, "badge": e_badge, "ribbon": e_ribbon, "stamp": e_stamp, "text_band": e_band,
    "new_background": e_new_background, "emblem_words": e_emblem_words, "tile_rotated": e_tile_rotated,
    "photo": e_photo, "redraw_stroke": e_redraw,
}

# edits that keep a 256 px RGB image and can be chained
CHAINABLE = ["jpeg_lowq", "rotate", "crop_zoom", "pad", "hue_rotate", "colour_shift", "greyscale", "mirror",
             "badge", "ribbon", "stamp", "text_band", "blur_noise", "stretch"]


def apply_chain(im, rng, ctx, names):
    steps = []
    for nm in names:
        im = im.convert("RGB")
        if im.size != (N, N) and nm != "stretch":
            im = im.resize((N, N), Image.BICUBIC)
        im, p = EDITS[nm](im, rng, ctx)
        steps.append({"edit": nm, **p})
    return im, steps


def festive(im, rng):
    """An official festive edition: lantern and a small 新春 banner drawn on the icon."""
    out = im.convert("RGBA")
    d = ImageDraw.Draw(out)
    x = rng.choice([30, N - 30])
    d.line([(x, 0), (x, 22)], fill=(200, 160, 40), width=3)
    d.ellipse([x - 22, 22, x + 22, 66], fill=(225, 25, 30), outline=(250, 200, 60), width=3)
    t = rng.choice(["新春", "福", "春节", "元旦"])
    d.rounded_rectangle([N // 2 - 50, N - 44, N // 2 + 50, N - 8], radius=10, fill=(210, 20, 30))
    d.text((N // 2, N - 26), t, font=cjk(26), fill=(255, 220, 100), anchor="mm")
    return out.convert("RGB"), {"festive": t, "lantern_x": x}
