"""Icon edits of holdout s19 (what counterfeiters do to an official icon), plus official store variants.

Every edit is ``fn(img, r) -> (img, params)`` on a 256 px RGB image with a ``random.Random`` r; it may put
``jpeg`` (quality) in params to ask for a JPEG file.
"""

from __future__ import annotations

import colorsys
import io

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps
from s19_draw import centered_text, fit_text, gradient, mix, rounded_mask, text_font

N = 256
BADGE_COLOURS = [(230, 36, 36), (255, 112, 0), (16, 170, 80), (245, 190, 0), (40, 110, 230)]


def corner_colour(img):
    a = np.asarray(img.convert("RGB"), dtype=np.int16)
    c = np.array([a[2, 2], a[2, -3], a[-3, 2], a[-3, -3]])
    return tuple(int(v) for v in np.median(c, axis=0))


def rand_colour(r, sat=True):
    h = r.random()
    s = r.uniform(0.5, 0.9) if sat else r.uniform(0.0, 0.2)
    v = r.uniform(0.55, 0.95)
    return tuple(int(x * 255) for x in colorsys.hsv_to_rgb(h, s, v))


def rand_field(r, size=N):
    """A new solid or linear-gradient background."""
    c1 = rand_colour(r, sat=r.random() < 0.7)
    if r.random() < 0.5:
        return Image.new("RGB", (size, size), c1), {"bg": "solid", "bg_rgb": list(c1)}
    c2 = mix(c1, rand_colour(r), r.uniform(0.3, 0.7))
    ang = r.choice([0, 45, 90, 135])
    return gradient((size, size), c1, c2, ang), {"bg": "gradient", "bg_rgb": [list(c1), list(c2)], "bg_angle": ang}


def jpeg_roundtrip(img, q):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _ss_draw(size):
    """A 4x supersampled RGBA overlay and its draw."""
    ov = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    return ov, ImageDraw.Draw(ov)


def _apply_overlay(img, ov):
    ov = ov.resize(img.size, Image.LANCZOS)
    out = img.convert("RGBA")
    out.alpha_composite(ov)
    return out.convert("RGB")


# ---------------------------------------------------------------- geometric
def e_rescale_jpeg(img, r):
    s = r.choice([96, 108, 120, 128, 144, 160, 180, 200])
    f = r.uniform(0.7, 0.86)
    axis = r.choice(["h", "v"])
    q = r.randint(18, 40)
    w, h = (int(s * f), s) if axis == "h" else (s, int(s * f))
    small = img.resize((w, h), Image.BILINEAR)
    out = Image.new("RGB", (s, s), corner_colour(img))
    out.paste(small, ((s - w) // 2, (s - h) // 2))
    return out, {"size": s, "squash": round(f, 3), "axis": axis, "jpeg": q}


def e_crop(img, r):
    while True:
        fr = [r.uniform(0.03, 0.2) for _ in range(4)]
        if sum(fr) >= 0.24:
            break
    box = (int(fr[0] * N), int(fr[1] * N), int(N - fr[2] * N), int(N - fr[3] * N))
    return img.crop(box).resize((N, N), Image.BICUBIC), {"crop_ltrb": [round(x, 3) for x in fr]}


def e_pad(img, r):
    sc = r.uniform(0.5, 0.78)
    bg, bp = rand_field(r)
    n = int(N * sc)
    ox = r.randint(0, N - n)
    oy = r.randint(0, N - n)
    bg.paste(img.resize((n, n), Image.LANCZOS), (ox, oy))
    return bg, {"scale": round(sc, 3), "offset": [ox, oy], **bp}


def e_mask_shadow(img, r):
    shape = r.choice(["circle", "rounded"])
    sc = r.uniform(0.76, 0.88)
    bgc = r.choice([(245, 245, 245), (255, 255, 255), (232, 238, 246), (250, 244, 230), (40, 40, 48)])
    out = Image.new("RGB", (N, N), bgc)
    n = int(N * sc)
    ox = (N - n) // 2
    m = Image.new("L", (n * 4, n * 4), 0)
    d = ImageDraw.Draw(m)
    if shape == "circle":
        d.ellipse((0, 0, n * 4 - 1, n * 4 - 1), fill=255)
    else:
        d.rounded_rectangle((0, 0, n * 4 - 1, n * 4 - 1), radius=n * 4 * r.uniform(0.18, 0.3), fill=255)
    m = m.resize((n, n), Image.LANCZOS)
    sh = Image.new("L", (N, N), 0)
    dx, dy = r.randint(2, 6), r.randint(4, 9)
    sh.paste(m, (ox + dx, ox + dy))
    sh = sh.filter(ImageFilter.GaussianBlur(r.uniform(4, 8)))
    shade = Image.new("RGB", (N, N), (0, 0, 0))
    out = Image.composite(shade, out, sh.point(lambda v: int(v * 0.45)))
    out.paste(img.resize((n, n), Image.LANCZOS), (ox, ox), m)
    return out, {"shape": shape, "scale": round(sc, 3), "bg_rgb": list(bgc), "shadow": [dx, dy]}


def e_rot_tile(img, r):
    sc = r.uniform(0.55, 0.75)
    ang = r.choice([-1, 1]) * r.uniform(5, 30)
    bg, bp = rand_field(r)
    n = int(N * sc)
    tile = img.resize((n, n), Image.LANCZOS).convert("RGBA")
    rot = tile.rotate(ang, resample=Image.BICUBIC, expand=True)
    ox = (N - rot.width) // 2 + r.randint(-int(N * 0.06), int(N * 0.06))
    oy = (N - rot.height) // 2 + r.randint(-int(N * 0.06), int(N * 0.06))
    ox = max(0, min(N - rot.width, ox))
    oy = max(0, min(N - rot.height, oy))
    bg.paste(rot, (ox, oy), rot)
    return bg, {"scale": round(sc, 3), "angle": round(ang, 2), "offset": [ox, oy], **bp}


def e_mirror(img, r):
    return ImageOps.mirror(img), {"axis": "horizontal"}


# ---------------------------------------------------------------- colour
def e_hue(img, r):
    deg = r.uniform(40, 320)
    hsv = np.asarray(img.convert("HSV"), dtype=np.int16).copy()
    hsv[..., 0] = (hsv[..., 0] + int(round(deg / 360 * 256))) % 256
    out = Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB")
    return out, {"degrees": round(deg, 1)}


def e_tone(img, r):
    kind = r.choice(["grey", "sepia", "contrast", "dark", "fade"])
    if kind == "grey":
        out = ImageOps.grayscale(img).convert("RGB")
        return out, {"tone": kind}
    if kind == "sepia":
        g = np.asarray(ImageOps.grayscale(img), dtype=np.float32)
        arr = np.stack([g * 1.07 + 20, g * 0.9 + 10, g * 0.7], axis=2).clip(0, 255).astype(np.uint8)
        return Image.fromarray(arr, "RGB"), {"tone": kind}
    if kind == "contrast":
        f = r.uniform(1.8, 2.6)
        return ImageEnhance.Contrast(img).enhance(f), {"tone": kind, "factor": round(f, 2)}
    if kind == "dark":
        f = r.uniform(0.4, 0.62)
        return ImageEnhance.Brightness(img).enhance(f), {"tone": kind, "factor": round(f, 2)}
    f = r.uniform(0.35, 0.55)
    out = ImageEnhance.Brightness(ImageEnhance.Contrast(img).enhance(f)).enhance(1.25)
    return out, {"tone": kind, "factor": round(f, 2)}


def e_blur_noise(img, r):
    rad = r.uniform(1.8, 3.4)
    sigma = r.uniform(10, 20)
    out = img.filter(ImageFilter.GaussianBlur(rad))
    rng = np.random.default_rng(r.getrandbits(32))
    arr = np.asarray(out, dtype=np.float32) + rng.normal(0, sigma, (N, N, 1)) + rng.normal(0, sigma / 3, (N, N, 3))
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB"), {"blur": round(rad, 2), "noise": round(sigma, 1)}


# ---------------------------------------------------------------- overlays
def e_badge(img, r, corner=None, text=None):
    corner = corner or r.choices(["tr", "tl", "br", "bl"], [5, 2, 1, 1])[0]
    text = text or r.choice(["1", "3", "9", "99", "新", "荐", "惠", "热", "赚"])
    rad = r.uniform(0.15, 0.22)
    col = r.choice(BADGE_COLOURS)
    ov, d = _ss_draw(N)
    S4 = N * 4
    m = 0.03 * S4
    cx = m + rad * S4 if corner[1] == "l" else S4 - m - rad * S4
    cy = m + rad * S4 if corner[0] == "t" else S4 - m - rad * S4
    R = rad * S4
    d.ellipse((cx - R, cy - R, cx + R, cy + R), fill=(255, 255, 255, 255))
    R2 = R * 0.88
    d.ellipse((cx - R2, cy - R2, cx + R2, cy + R2), fill=col + (255,))
    size = fit_text(d, text, R2 * 1.5, int(R2 * (1.25 if len(text) == 1 else 0.95)))
    centered_text(d, (cx, cy), text, size, (255, 255, 255, 255))
    return _apply_overlay(img, ov), {"corner": corner, "text": text, "radius": round(rad, 3), "rgb": list(col)}


def e_ribbon(img, r, corner=None, text=None):
    corner = corner or r.choices(["tr", "tl", "br", "bl"], [4, 3, 1, 1])[0]
    text = text or r.choice(["官方", "新版", "HOT", "VIP", "限免", "推荐", "正版"])
    a = r.uniform(0.22, 0.32)
    b = a + r.uniform(0.16, 0.24)
    col = r.choice(BADGE_COLOURS)
    S4 = N * 4
    ov = Image.new("RGBA", (S4, S4), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)

    def place(x, y):  # from top-right coordinates into the chosen corner
        return (S4 - x if corner[1] == "l" else x, S4 - y if corner[0] == "b" else y)

    pts = [(S4 - b * S4, 0), (S4 - a * S4, 0), (S4, a * S4), (S4, b * S4)]
    d.polygon([place(x, y) for x, y in pts], fill=col + (255,))
    mx, my = place(S4 - (a + b) / 2 * S4 / 2, (a + b) / 2 * S4 / 2)
    tl = Image.new("RGBA", (S4, S4), (0, 0, 0, 0))
    td = ImageDraw.Draw(tl)
    size = fit_text(td, text, (b - a) * S4 * 1.9, int((b - a) * S4 * 0.55))
    centered_text(td, (S4 / 2, S4 / 2), text, size, (255, 255, 255, 255))
    ang = -45 if corner in ("tr", "bl") else 45
    tl = tl.rotate(ang, resample=Image.BICUBIC, center=(S4 / 2, S4 / 2))
    ov.alpha_composite(tl.crop((int(S4 / 2 - mx), int(S4 / 2 - my), int(S4 / 2 - mx) + S4, int(S4 / 2 - my) + S4)))
    return _apply_overlay(img, ov), {"corner": corner, "text": text, "band": [round(a, 3), round(b, 3)],
                                     "rgb": list(col)}


def e_stamp(img, r, text=None):
    text = text or r.choice(["官方", "认证", "正版", "✓", "安全", "推荐"])
    rad = r.uniform(0.17, 0.25)
    col = r.choice([(220, 30, 30), (16, 160, 80), (212, 160, 23), (30, 110, 220)])
    ov, d = _ss_draw(N)
    S4 = N * 4
    cx = S4 / 2 + r.uniform(-0.05, 0.05) * S4
    cy = S4 / 2 + r.uniform(-0.05, 0.05) * S4
    R = rad * S4
    d.ellipse((cx - R, cy - R, cx + R, cy + R), fill=col + (235,), outline=(255, 255, 255, 255), width=int(R * 0.08))
    if text == "✓":
        d.line([(cx - R * 0.45, cy), (cx - R * 0.1, cy + R * 0.38), (cx + R * 0.5, cy - R * 0.35)],
               fill=(255, 255, 255, 255), width=int(R * 0.18), joint="curve")
    else:
        size = fit_text(d, text, R * 1.5, int(R * (0.8 if len(text) == 2 else 1.2)))
        centered_text(d, (cx, cy), text, size, (255, 255, 255, 255))
    return _apply_overlay(img, ov), {"text": text, "radius": round(rad, 3), "rgb": list(col),
                                     "centre": [round(cx / S4, 3), round(cy / S4, 3)]}


def e_band(img, r, where=None, text=None):
    where = where or r.choices(["bottom", "top"], [3, 1])[0]
    text = text or r.choice(["官方正版", "极速版", "贷款专享", "福利版", "Lite", "新人礼", "免息", "极速借款"])
    h = r.uniform(0.18, 0.3)
    col = r.choice(BADGE_COLOURS + [(20, 20, 20)])
    ov, d = _ss_draw(N)
    S4 = N * 4
    y0, y1 = (S4 - h * S4, S4) if where == "bottom" else (0, h * S4)
    d.rectangle((0, y0, S4, y1), fill=col + (245,))
    size = fit_text(d, text, S4 * 0.88, int(h * S4 * 0.66))
    centered_text(d, (S4 / 2, (y0 + y1) / 2), text, size, (255, 255, 255, 255))
    return _apply_overlay(img, ov), {"where": where, "text": text, "height": round(h, 3), "rgb": list(col)}


def e_big_text(img, r):
    text = r.choice(["贷", "借", "VIP", "¥", "秒批", "福", "官方", "5万"])
    col = r.choice([(255, 230, 0), (255, 255, 255), (255, 40, 40), (0, 0, 0)])
    stroke = (0, 0, 0) if col != (0, 0, 0) else (255, 255, 255)
    ov, d = _ss_draw(N)
    S4 = N * 4
    size = fit_text(d, text, S4 * r.uniform(0.55, 0.8), int(S4 * (0.56 if len(text) == 1 else 0.36)))
    cy = S4 * r.choice([0.5, 0.6, 0.66])
    centered_text(d, (S4 / 2, cy), text, size, col + (255,), stroke=size * 0.06, stroke_fill=stroke + (255,))
    return _apply_overlay(img, ov), {"text": text, "rgb": list(col), "y": round(cy / S4, 2)}


def e_emblem_word(img, r):
    field = np.array(corner_colour(img), dtype=np.int16)
    a = np.asarray(img, dtype=np.int16)
    mask = (np.abs(a - field[None, None, :]).max(axis=2) > 40)
    if mask.mean() < 0.02:
        mask = np.ones_like(mask)
    ys, xs = np.nonzero(mask)
    box = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    em = img.crop(box)
    em_mask = Image.fromarray((mask[box[1]:box[3], box[0]:box[2]] * 255).astype(np.uint8), "L")
    bg, bp = rand_field(r)
    bg_mean = np.asarray(bg, dtype=np.float32).mean(axis=(0, 1))
    em_mean = a[mask].mean(axis=0) if mask.any() else np.array([0, 0, 0])
    recolour = bool(np.abs(bg_mean - em_mean).mean() < 60) or r.random() < 0.35
    if recolour:
        em = Image.new("RGB", em.size, (255, 255, 255) if bg_mean.mean() < 150 else (30, 30, 30))
    word = r.choice(["贷款", "借钱", "福利", "理财", "极速贷", "领红包", "额度", "分期"])
    hmax = N * 0.58
    sc = min(hmax / em.height, N * 0.72 / em.width)
    w, h = max(1, int(em.width * sc)), max(1, int(em.height * sc))
    em = em.resize((w, h), Image.LANCZOS)
    em_mask = em_mask.resize((w, h), Image.LANCZOS)
    bg.paste(em, ((N - w) // 2, int(N * 0.06) + (int(hmax) - h) // 2), em_mask)
    ov, d = _ss_draw(N)
    S4 = N * 4
    txt_col = (255, 255, 255, 255) if bg_mean.mean() < 150 else (30, 30, 30, 255)
    size = fit_text(d, word, S4 * 0.8, int(S4 * 0.2))
    centered_text(d, (S4 / 2, S4 * 0.82), word, size, txt_col)
    return _apply_overlay(bg, ov), {"word": word, "recoloured": recolour, **bp}


# ---------------------------------------------------------------- scenes
def _perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE): maps output points dst to input points src."""
    m = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(m, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return np.linalg.solve(a, b).tolist()


def e_phone_photo(img, r):
    """The icon shown on a phone screen, photographed: bezel, perspective, glare, colour cast, noise."""
    W = 320
    scene = Image.new("RGB", (W, W), r.choice([(120, 96, 72), (200, 200, 196), (60, 64, 70), (160, 130, 100)]))
    screen = Image.new("RGB", (230, 230), (18, 18, 22))
    inner_bg = r.choice([(250, 250, 250), (28, 28, 34), (236, 240, 248)])
    inner = Image.new("RGB", (200, 200), inner_bg)
    n = r.randint(150, 180)
    inner.paste(img.resize((n, n), Image.LANCZOS), ((200 - n) // 2, (200 - n) // 2))
    screen.paste(inner, (15, 15))
    jit = [r.uniform(-0.1, 0.1) * 230 for _ in range(8)]
    base = [(45, 45), (275, 45), (275, 275), (45, 275)]
    dst = [(base[i][0] + jit[2 * i], base[i][1] + jit[2 * i + 1]) for i in range(4)]
    src = [(0, 0), (230, 0), (230, 230), (0, 230)]
    coeffs = _perspective_coeffs(dst, src)
    warped = screen.transform((W, W), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    wm = Image.new("L", (230, 230), 255).transform((W, W), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    scene.paste(warped, (0, 0), wm)
    glare = gradient((W, W), (255, 255, 255), (0, 0, 0), r.uniform(0, 180))
    alpha = r.uniform(0.12, 0.28)
    arr = np.asarray(scene, dtype=np.float32) * (1 - alpha) + np.asarray(glare, dtype=np.float32) * alpha
    cast = np.array(r.choice([(1.06, 1.0, 0.88), (0.92, 0.98, 1.08), (1.0, 1.0, 1.0)]), dtype=np.float32)
    arr = arr * cast
    rng = np.random.default_rng(r.getrandbits(32))
    arr = arr + rng.normal(0, r.uniform(4, 9), arr.shape)
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(r.uniform(0.6, 1.3)))
    c = r.randint(20, 40)
    out = out.crop((c, c, W - c, W - c)).resize((N, N), Image.BICUBIC)
    return out, {"corner_jitter": [round(j / 230, 3) for j in jit], "glare": round(alpha, 2), "jpeg": r.randint(55, 80)}


def e_homescreen(img, r):
    """A crop of a home-screen screenshot around the icon: wallpaper, neighbours, label."""
    cell = 150
    icon = 104
    W = cell * 3
    wall = gradient((W, W), rand_colour(r), rand_colour(r), r.uniform(0, 180))
    d = ImageDraw.Draw(wall)
    m = rounded_mask((icon, icon), r.uniform(0.18, 0.26))
    for i in range(3):
        for j in range(3):
            x = i * cell + (cell - icon) // 2
            y = j * cell + 12
            if i == 1 and j == 1:
                wall.paste(img.resize((icon, icon), Image.LANCZOS), (x, y), m)
                label = r.choice(["应用", "银行", "工具", "理财", "生活"])
            else:
                tile = gradient((icon, icon), rand_colour(r), rand_colour(r), 45)
                td = ImageDraw.Draw(tile)
                td.ellipse((30, 30, 74, 74), outline=(255, 255, 255), width=8)
                wall.paste(tile, (x, y), m)
                label = r.choice(["相册", "天气", "时钟", "设置", "音乐", "地图", "邮件", "日历"])
            size = 20
            d.text((i * cell + cell // 2, y + icon + 18), label, font=text_font(label, size), fill=(255, 255, 255),
                   anchor="mm")
    pad = r.randint(14, 34)
    x0 = cell + (cell - icon) // 2 - pad + r.randint(-8, 8)
    y0 = cell + 12 - pad + r.randint(-6, 6)
    side = icon + 2 * pad
    out = wall.crop((x0, y0, x0 + side, y0 + side)).resize((N, N), Image.BICUBIC)
    return out, {"pad": pad, "icon_frac": round(icon / side, 3)}


EDITS = {
    "rescale_jpeg": e_rescale_jpeg, "crop": e_crop, "pad_shrink": e_pad, "mask_shadow": e_mask_shadow,
    "corner_badge": e_badge, "corner_ribbon": e_ribbon, "centre_stamp": e_stamp, "text_band": e_band,
    "hue_rotate": e_hue, "tone": e_tone, "rotated_tile": e_rot_tile, "mirror": e_mirror,
    "phone_photo": e_phone_photo, "homescreen_crop": e_homescreen, "blur_noise": e_blur_noise,
    "emblem_new_word": e_emblem_word, "big_text": e_big_text,
}
GEOMETRIC = ["crop", "pad_shrink", "rotated_tile", "mask_shadow", "mirror"]
COLOUR = ["hue_rotate", "tone", "blur_noise"]
OVERLAY = ["corner_badge", "corner_ribbon", "centre_stamp", "text_band", "big_text"]


def apply_chain(img, kinds, r):
    """Applies edits in order; returns (img, [params...], jpeg quality or None)."""
    out = img
    plist = []
    jpeg = None
    for k in kinds:
        out, p = EDITS[k](out, r)
        out = out.convert("RGB")
        if out.size != (N, N) and k != "rescale_jpeg":
            out = out.resize((N, N), Image.LANCZOS)
        plist.append({"kind": k, **p})
        if "jpeg" in p:
            jpeg = p["jpeg"]
    return out, plist, jpeg


# ---------------------------------------------------------------- official store variants (not counterfeits)
def store_resize(img, r):
    s = r.choice([114, 120, 144, 180, 192, 216, 300, 512])
    out = img.resize((s, s), Image.LANCZOS if s < N else Image.BICUBIC)
    fmt = r.choice(["PNG", "JPEG"])
    return out, {"variant": "store_resized", "size": s, "format": fmt}, fmt


def avatar(img, r, size=None):
    size = size or r.choice([132, 160, 200])
    bgc = r.choice([(255, 255, 255), (244, 244, 244)])
    out = Image.new("RGB", (size, size), bgc)
    m = Image.new("L", (size * 4, size * 4), 0)
    ImageDraw.Draw(m).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
    m = m.resize((size, size), Image.LANCZOS)
    out.paste(img.resize((size, size), Image.LANCZOS), (0, 0), m)
    return out, {"variant": "circular_avatar", "size": size}, "PNG"


def festive(img, r):
    """Official festive edition: lanterns / snow / a gold frame with 新春 added by the bank itself."""
    kind = r.choice(["lantern", "snow", "gold_frame", "fu"])
    ov, d = _ss_draw(N)
    S4 = N * 4
    if kind == "lantern":
        for x in (0.12, 0.88):
            d.line((x * S4, 0, x * S4, 0.1 * S4), fill=(200, 150, 40, 255), width=8)
            d.ellipse(((x - 0.08) * S4, 0.08 * S4, (x + 0.08) * S4, 0.26 * S4), fill=(220, 20, 20, 255))
            d.rectangle(((x - 0.03) * S4, 0.26 * S4, (x + 0.03) * S4, 0.3 * S4), fill=(230, 180, 40, 255))
    elif kind == "snow":
        for _ in range(14):
            x, y = r.uniform(0, 1) * S4, r.uniform(0, 1) * S4
            rr = r.uniform(0.01, 0.025) * S4
            d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=(255, 255, 255, 230))
        d.rectangle((0, 0.88 * S4, S4, S4), fill=(255, 255, 255, 255))
    elif kind == "gold_frame":
        d.rectangle((0, 0, S4 - 1, S4 - 1), outline=(212, 170, 60, 255), width=int(0.05 * S4))
        d.rectangle((0, 0.8 * S4, S4, S4), fill=(200, 20, 30, 255))
        centered_text(d, (S4 / 2, 0.9 * S4), "新春快乐", int(0.13 * S4), (255, 220, 120, 255))
    else:
        c = (0.82 * S4, 0.18 * S4)
        pts = [(c[0], c[1] - 0.14 * S4), (c[0] + 0.14 * S4, c[1]), (c[0], c[1] + 0.14 * S4), (c[0] - 0.14 * S4, c[1])]
        d.polygon(pts, fill=(220, 20, 20, 255))
        centered_text(d, c, "福", int(0.14 * S4), (255, 215, 0, 255))
    return _apply_overlay(img, ov), {"variant": "festive", "festive": kind}, "PNG"


def visible(a, b):
    from s19_sim import visible_diff
    return visible_diff(a, b)


def as_file_bytes(img, fmt, q=None):
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=q or 88)
    else:
        img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def decode(data):
    return Image.open(io.BytesIO(data)).convert("RGB")
