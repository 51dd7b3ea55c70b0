"""Deformations that counterfeiters and re-uploaders apply to a copied icon (holdout_s17).

Every function takes a 512x512 RGB PIL image and a random.Random and returns
(image, params). Output images are square RGB; the final size/format is chosen in make_set.
"""
import copy

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps

import draw_s17 as D

N = 512
BADGE_TXT = ["1", "3", "9", "12", "99+", "!", "新", "HOT", "荐"]
RIBBON_TXT = ["官方", "新版", "HOT", "2025", "正版", "免费", "推荐", "福利"]
STAMP_TXT = ["官方", "正版", "认证", "✓"]
BAND_TXT = ["极速版", "官方正版", "福利版", "贷款", "最新版", "手机版", "领红包", "VIP专享", "2025版", "借款"]
OVERLAY_TXT = ["贷", "官方", "VIP", "极速", "送", "¥", "Pro", "新"]
REBRAND_WORDS = ["借款", "贷款", "钱包", "金融", "理财", "福利", "e贷", "速借", "极速版"]
FESTIVE_TXT = ["新春快乐", "国庆", "福", "中秋", "元旦快乐", "周年庆"]


def _np(img):
    return np.asarray(img.convert("RGB"))


def _font(s, h):
    return D.font(D.font_for(s), max(8, int(h)))


def rounded_mask(size, radius_frac, circle=False):
    m = Image.new("L", (size * 2, size * 2), 0)
    d = ImageDraw.Draw(m)
    if circle:
        d.ellipse([0, 0, size * 2 - 1, size * 2 - 1], fill=255)
    else:
        d.rounded_rectangle([0, 0, size * 2 - 1, size * 2 - 1], radius=int(size * 2 * radius_frac), fill=255)
    return m.resize((size, size), Image.LANCZOS)


def new_bg(rng, size=N):
    k = rng.choice(["white", "grey", "colour", "gradient", "dark"])
    if k == "white":
        return Image.new("RGB", (size, size), (255, 255, 255)), k
    if k == "grey":
        g = rng.randint(225, 245)
        return Image.new("RGB", (size, size), (g, g, g)), k
    if k == "dark":
        g = rng.randint(15, 45)
        return Image.new("RGB", (size, size), (g, g, g + 5)), k
    c1 = D.rand_colour(rng, light=(0.4, 0.75))
    if k == "colour":
        return Image.new("RGB", (size, size), D.rgb(c1)), k
    c2 = D.rand_colour(rng, light=(0.3, 0.7))
    bg = D._bg(dict(kind="linear", c1=c1, c2=c2, angle=rng.uniform(0, 360)), size)
    return bg, k


# ------------------------------------------------------------------ geometric
def crop(img, rng):
    s = rng.uniform(0.76, 0.92)
    w = int(N * s)
    x = rng.randint(0, N - w)
    y = rng.randint(0, N - w)
    return img.crop((x, y, x + w, y + w)).resize((N, N), Image.LANCZOS), dict(keep=round(s, 2), x=x, y=y)


def pad(img, rng):
    bg, bk = new_bg(rng)
    s = rng.uniform(0.6, 0.84)
    w = int(N * s)
    small = img.resize((w, w), Image.LANCZOS)
    cx = rng.randint(0, N - w) if rng.random() < 0.4 else (N - w) // 2
    cy = rng.randint(0, N - w) if rng.random() < 0.4 else (N - w) // 2
    mask = rounded_mask(w, rng.choice([0.0, 0.18, 0.22])) if rng.random() < 0.6 else None
    bg.paste(small, (cx, cy), mask)
    return bg, dict(scale=round(s, 2), bg=bk, rounded=mask is not None)


def roundframe(img, rng, circle=None):
    circle = rng.random() < 0.4 if circle is None else circle
    canvas = rng.choice([(255, 255, 255), (255, 255, 255), (0, 0, 0), (242, 242, 242)])
    bg = Image.new("RGB", (N, N), canvas)
    s = rng.uniform(0.84, 0.97)
    w = int(N * s)
    small = img.resize((w, w), Image.LANCZOS)
    m = rounded_mask(w, rng.uniform(0.16, 0.26), circle=circle)
    off = (N - w) // 2
    if rng.random() < 0.5:
        sh = Image.new("L", (N, N), 0)
        sh.paste(m, (off + 6, off + 10))
        sh = sh.filter(ImageFilter.GaussianBlur(9)).point(lambda v: int(v * 0.45))
        bg.paste(Image.new("RGB", (N, N), (60, 60, 60)), (0, 0), sh)
    bg.paste(small, (off, off), m)
    return bg, dict(circle=circle, scale=round(s, 2))


def mirror(img, rng):
    out = ImageOps.mirror(img)
    if rng.random() < 0.3:
        out, _ = crop(out, rng)
        return out, dict(flip="h", crop=True)
    return out, dict(flip="h")


def rotate_tile(img, rng):
    bg, bk = new_bg(rng)
    s = rng.uniform(0.55, 0.75)
    w = int(N * s)
    tile = img.resize((w, w), Image.LANCZOS).convert("RGBA")
    tile.putalpha(rounded_mask(w, rng.choice([0.0, 0.12, 0.2])))
    ang = rng.choice([-1, 1]) * rng.uniform(5, 30)
    rt = tile.rotate(ang, resample=Image.BICUBIC, expand=True)
    x = rng.randint(max(0, (N - rt.width) // 2 - 40), max(0, min(N - rt.width, (N - rt.width) // 2 + 40)))
    y = rng.randint(max(0, (N - rt.height) // 2 - 40), max(0, min(N - rt.height, (N - rt.height) // 2 + 40)))
    bg.paste(rt, (x, y), rt)
    return bg, dict(angle=round(ang, 1), scale=round(s, 2), bg=bk)


def photo(img, rng):
    """Phone photo of a screen/printout: perspective, uneven light, blur, noise."""
    base = np.array(D._bg(dict(kind="linear", c1=D.mix(D.rand_colour(rng, light=(0.5, 0.8)), "#808080", 0.5),
                                c2=D.mix(D.rand_colour(rng, light=(0.3, 0.6)), "#404040", 0.5),
                                angle=rng.uniform(0, 360)), N)).astype(np.float32)
    s = rng.uniform(0.62, 0.8)
    w = N * s
    c0 = (N - w) / 2
    src = np.float32([[0, 0], [N, 0], [N, N], [0, N]])
    j = N * rng.uniform(0.04, 0.1)
    dst = np.float32([[c0 + rng.uniform(-j, j), c0 + rng.uniform(-j, j)],
                      [c0 + w + rng.uniform(-j, j), c0 + rng.uniform(-j, j)],
                      [c0 + w + rng.uniform(-j, j), c0 + w + rng.uniform(-j, j)],
                      [c0 + rng.uniform(-j, j), c0 + w + rng.uniform(-j, j)]])
    M = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(np.asarray(img).astype(np.float32), M, (N, N), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((N, N), np.float32), M, (N, N), flags=cv2.INTER_LINEAR)[..., None]
    out = base * (1 - mask) + warped * mask
    yy, xx = np.mgrid[0:N, 0:N] / N
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1.0 + rng.uniform(0.12, 0.3) * ((xx - 0.5) * gx + (yy - 0.5) * gy)
    tint = np.array([rng.uniform(0.95, 1.08), 1.0, rng.uniform(0.88, 1.02)], np.float32)
    out = out * light[..., None] * tint
    nrng = np.random.default_rng(rng.getrandbits(32))
    out = out + nrng.normal(0, rng.uniform(3, 8), out.shape)
    out = cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (0, 0), rng.uniform(0.8, 1.8))
    return Image.fromarray(out), dict(scale=round(s, 2), skew=round(j / N, 3))


def screenshot(img, rng, label="", neighbour_spec=None):
    """Crop around the icon on a phone home screen (wallpaper, label, bits of neighbours)."""
    H = N * 2
    wall = D._bg(dict(kind="linear", c1=D.rand_colour(rng, light=(0.25, 0.7)), c2=D.rand_colour(rng, light=(0.2, 0.6)),
                      angle=rng.uniform(0, 360)), H)
    ic = int(H * rng.uniform(0.26, 0.32))
    gap = int(ic * rng.uniform(0.35, 0.55))
    m = rounded_mask(ic, 0.22)
    cx, cy = H // 2 - ic // 2, H // 2 - ic // 2 - int(ic * 0.15)
    for dx in (-1, 1):
        nb = Image.new("RGB", (ic, ic), D.rgb(D.rand_colour(rng, light=(0.4, 0.7))))
        ImageDraw.Draw(nb).ellipse([ic * 0.25, ic * 0.25, ic * 0.75, ic * 0.75], fill=(255, 255, 255))
        wall.paste(nb, (cx + dx * (ic + gap), cy), m)
    wall.paste(img.resize((ic, ic), Image.LANCZOS), (cx, cy), m)
    if label:
        dr = ImageDraw.Draw(wall)
        f = _font(label, ic * 0.16)
        dr.text((H // 2 + 2, cy + ic + ic * 0.18 + 2), label, font=f, fill=(0, 0, 0), anchor="mt")
        dr.text((H // 2, cy + ic + ic * 0.18), label, font=f, fill=(255, 255, 255), anchor="mt")
    side = int(ic * rng.uniform(1.45, 1.75))
    ox = H // 2 - side // 2 + rng.randint(-int(ic * 0.08), int(ic * 0.08))
    oy = cy + ic // 2 - int(side * 0.45) + rng.randint(-int(ic * 0.05), int(ic * 0.08))
    out = wall.crop((ox, oy, ox + side, oy + side)).resize((N, N), Image.LANCZOS)
    return out, dict(icon_frac=round(ic / side, 2), label=bool(label))


# ------------------------------------------------------------------ decorations
def badge(img, rng, txt=None, corner=None, colour=None):
    out = img.copy()
    d = ImageDraw.Draw(out)
    corner = corner or rng.choice(["tr", "tr", "tl", "br", "bl"])
    r = N * rng.uniform(0.09, 0.16)
    m = r * rng.uniform(0.9, 1.25)
    cx = m if corner[1] == "l" else N - m
    cy = m if corner[0] == "t" else N - m
    txt = txt if txt is not None else rng.choice(BADGE_TXT)
    col = colour or rng.choice([(240, 40, 40), (255, 59, 48), (255, 120, 0), (230, 20, 60)])
    if rng.random() < 0.5:
        D.circ(d, cx, cy, r * 1.12, (255, 255, 255))
    if len(txt) > 2:
        d.rounded_rectangle([cx - r * 1.3, cy - r * 0.8, cx + r * 1.3, cy + r * 0.8], radius=r * 0.8, fill=col)
    else:
        D.circ(d, cx, cy, r, col)
    d.text((cx, cy), txt, font=_font(txt, r * (1.1 if len(txt) == 1 else 0.85)), fill=(255, 255, 255), anchor="mm")
    return out, dict(corner=corner, text=txt, r=round(r / N, 2))


def ribbon(img, rng, txt=None, corner=None):
    out = img.copy()
    corner = corner or rng.choice(["tr", "tl", "br", "bl"])
    txt = txt if txt is not None else rng.choice(RIBBON_TXT)
    col = rng.choice([(230, 30, 30), (250, 200, 40), (20, 20, 20), (255, 110, 0)])
    tc = (255, 255, 255) if col != (250, 200, 40) else (150, 20, 20)
    a = N * rng.uniform(0.26, 0.36)
    w = N * rng.uniform(0.1, 0.14)
    lay = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    fx = (lambda x: N - x) if corner[1] == "r" else (lambda x: x)
    fy = (lambda y: N - y) if corner[0] == "b" else (lambda y: y)
    band_tl = [(a, 0), (a + w * 1.41, 0), (0, a + w * 1.41), (0, a)]
    d.polygon([(fx(x), fy(y)) for x, y in band_tl], fill=col + (255,))
    t = Image.new("RGBA", (int(a * 2), int(w * 1.0)), (0, 0, 0, 0))
    ImageDraw.Draw(t).text((t.width / 2, t.height / 2), txt, font=_font(txt, w * 0.62), fill=tc + (255,), anchor="mm")
    t = t.rotate(45 if corner in ("tl", "br") else -45, expand=True, resample=Image.BICUBIC)
    cxy = (a + w * 0.705) / 2
    lay.alpha_composite(t, (int(fx(cxy) - t.width / 2), int(fy(cxy) - t.height / 2)))
    out.paste(lay, (0, 0), lay)
    return out, dict(corner=corner, text=txt)


def stamp(img, rng, txt=None):
    out = img.convert("RGBA")
    lay = Image.new("RGBA", (N, N), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    txt = txt if txt is not None else rng.choice(STAMP_TXT + ["官方正版"])
    alpha = int(255 * rng.uniform(0.8, 1.0))
    cx = N / 2 + rng.uniform(-0.06, 0.06) * N
    cy = N / 2 + rng.uniform(-0.06, 0.06) * N
    if len(txt) >= 4:
        w, h = N * rng.uniform(0.32, 0.42), N * rng.uniform(0.09, 0.12)
        d.rounded_rectangle([cx - w, cy - h, cx + w, cy + h], radius=h * 0.4, fill=(220, 30, 30, alpha))
        d.text((cx, cy), txt, font=_font(txt, h * 1.2), fill=(255, 255, 255, 255), anchor="mm")
        shape = "label"
    else:
        r = N * rng.uniform(0.15, 0.22)
        col = (30, 170, 80) if txt == "✓" else (220, 30, 30)
        D.circ(d, cx, cy, r, col + (alpha,))
        if txt == "✓":
            d.line([(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.38), (cx + r * 0.5, cy - r * 0.35)],
                   fill=(255, 255, 255, 255), width=int(r * 0.2), joint="curve")
        else:
            d.text((cx, cy), txt, font=_font(txt, r * 0.75), fill=(255, 255, 255, 255), anchor="mm")
        shape = "disc"
    out.alpha_composite(lay)
    return out.convert("RGB"), dict(text=txt, shape=shape)


def band(img, rng, where="bottom", txt=None, colour=None):
    out = img.copy()
    d = ImageDraw.Draw(out)
    h = N * rng.uniform(0.17, 0.27)
    txt = txt if txt is not None else rng.choice(BAND_TXT)
    col = colour or rng.choice([(225, 30, 30), (250, 190, 40), (20, 20, 20), (255, 255, 255), (0, 110, 220)])
    tc = (255, 255, 255) if sum(col) < 500 else (180, 20, 20)
    y0, y1 = (N - h, N) if where == "bottom" else (0, h)
    d.rectangle([0, y0, N, y1], fill=col)
    d.text((N / 2, (y0 + y1) / 2), txt, font=_font(txt, h * 0.6), fill=tc, anchor="mm")
    return out, dict(where=where, text=txt, h=round(h / N, 2))


def text_overlay(img, rng, txt=None):
    out = img.copy()
    d = ImageDraw.Draw(out)
    txt = txt if txt is not None else rng.choice(OVERLAY_TXT)
    size = N * (rng.uniform(0.14, 0.22) if len(txt) > 1 else rng.uniform(0.2, 0.3))
    f = _font(txt, size)
    pos = rng.choice(["br", "bl", "tl", "bottom"])
    x = {"br": N * 0.95, "bl": N * 0.05, "tl": N * 0.05, "bottom": N / 2}[pos]
    y = N * 0.05 if pos == "tl" else N * 0.95
    anchor = {"br": "rd", "bl": "ld", "tl": "la", "bottom": "md"}[pos]
    col = rng.choice([(255, 255, 255), (255, 215, 0), (230, 20, 20)])
    d.text((x, y), txt, font=f, fill=col, anchor=anchor, stroke_width=max(2, int(size * 0.08)),
           stroke_fill=(0, 0, 0) if col != (230, 20, 20) else (255, 255, 255))
    return out, dict(text=txt, pos=pos)


# ------------------------------------------------------------------ colour / quality
def hue(img, rng):
    deg = rng.choice([-1, 1]) * rng.uniform(25, 160)
    hsv = cv2.cvtColor(_np(img), cv2.COLOR_RGB2HSV)
    hsv[..., 0] = ((hsv[..., 0].astype(int) + int(round(deg / 2))) % 180).astype(np.uint8)
    return Image.fromarray(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)), dict(deg=round(deg))


def tone(img, rng):
    k = rng.choice(["grey", "sepia", "contrast", "saturate", "dim", "bright"])
    if k == "grey":
        out = ImageOps.grayscale(img).convert("RGB")
    elif k == "sepia":
        g = np.asarray(ImageOps.grayscale(img), np.float32)
        out = Image.fromarray(np.clip(np.stack([g * 1.07 + 20, g * 0.95 + 8, g * 0.75], -1), 0, 255).astype(np.uint8))
    elif k == "contrast":
        out = ImageEnhance.Contrast(img).enhance(rng.uniform(1.3, 1.7))
    elif k == "saturate":
        out = ImageEnhance.Color(img).enhance(rng.uniform(1.4, 2.0))
    elif k == "dim":
        out = ImageEnhance.Brightness(img).enhance(rng.uniform(0.6, 0.8))
    else:
        out = ImageEnhance.Brightness(img).enhance(rng.uniform(1.15, 1.35))
    return out, dict(kind=k)


def blur_noise(img, rng):
    s = rng.uniform(1.2, 3.0)
    a = cv2.GaussianBlur(_np(img), (0, 0), s).astype(np.float32)
    nrng = np.random.default_rng(rng.getrandbits(32))
    a = a + nrng.normal(0, rng.uniform(4, 12), a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), dict(sigma=round(s, 1))


def rescale(img, rng):
    # the resize/recompression happens at export; force small size and low JPEG quality there
    return img, dict(force_jpeg=True)


def rebrand(img, rng, spec=None):
    """The official emblem, drawn again on a new background with a new word below it."""
    sp = copy.deepcopy(spec)
    c = D.rand_colour(rng)
    word = rng.choice(REBRAND_WORDS)
    sp["bg"] = dict(kind=rng.choice(["solid", "linear"]), c1=c, c2=D.mix(c, "#000000", 0.35), angle=rng.uniform(0, 360))
    sp["plate"] = None
    sp["frame"] = None
    sp["deco"] = None
    sp["band"] = None
    em = sp["em"]
    em["fg"] = "#ffffff"
    em["cx"], em["cy"] = 0.5, 0.4
    em["r"] = min(em["r"], 0.27) * (0.9 if spec["tpl"] != "bleed" else 1.0)
    sp["text"] = dict(s=word, c="#ffffff", y=0.8, h=0.13)
    return D.render(sp), dict(bg=c, word=word)


def festive(img, rng):
    """Official holiday edition of an icon (used for negatives)."""
    k = rng.choice(["band", "badge", "frame"])
    txt = rng.choice(FESTIVE_TXT)
    if k == "band":
        out, p = band(img, rng, where=rng.choice(["bottom", "top"]), txt=txt, colour=rng.choice([(200, 20, 30), (240, 190, 50)]))
    elif k == "badge":
        out, p = badge(img, rng, txt="福", colour=(210, 20, 30))
    else:
        out = Image.new("RGB", (N, N), rng.choice([(200, 20, 30), (236, 186, 60)]))
        s = 0.84
        w = int(N * s)
        out.paste(img.resize((w, w), Image.LANCZOS), ((N - w) // 2, (N - w) // 2), rounded_mask(w, 0.12))
        p = dict(frame=True)
    return out, dict(festive=k, **{kk: v for kk, v in p.items() if kk in ("text", "where")})


SINGLE = {
    "rescale": rescale, "crop": crop, "pad": pad, "roundframe": roundframe, "badge": badge,
    "ribbon": ribbon, "stamp": stamp, "band_bottom": lambda im, r: band(im, r, "bottom"),
    "band_top": lambda im, r: band(im, r, "top"), "hue": hue, "tone": tone, "rotate_tile": rotate_tile,
    "mirror": mirror, "photo": photo, "screenshot": screenshot, "blur_noise": blur_noise,
    "rebrand": rebrand, "text_overlay": text_overlay,
}
# groups for combinations, applied in this order
COMBO_GROUPS = [
    ["hue", "tone"],
    ["badge", "ribbon", "stamp", "band_bottom", "band_top", "text_overlay"],
    ["crop", "pad", "roundframe", "rotate_tile", "mirror", "blur_noise"],
]
LIGHT = ["crop", "pad", "roundframe", "badge", "ribbon", "band_bottom", "stamp", "hue", "text_overlay", "mirror"]


def apply(kind, img, rng, spec=None, label=""):
    if kind == "rebrand":
        return rebrand(img, rng, spec=spec)
    if kind == "screenshot":
        return screenshot(img, rng, label=label)
    return SINGLE[kind](img, rng)
