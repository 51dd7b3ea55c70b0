"""Icon edits used by counterfeiters (and, for badges/bands, by ordinary apps too).

Every function takes (img RGB, rng, ctx) and returns (img RGB, params dict).  ctx carries the
emblem layer of the official icon, its background colour, a label text and a pool of other icons.
"""
import io
import math

import cv2
import numpy as np
from drawing import draw_text_center, fit_text_size, gradient, hsv, rgb_hue
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

RED = (226, 35, 26)
BADGE_COLOURS = [(230, 30, 40), (255, 90, 0), (250, 190, 20), (20, 160, 80), (30, 110, 230), (150, 40, 200)]


def _np(img):
    return np.asarray(img.convert("RGB")).astype(np.float32)


def _pil(a):
    return Image.fromarray(np.clip(a + .5, 0, 255).astype(np.uint8), "RGB")


def jpeg(img, q):
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=int(q))
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def random_bg(rng, S, avoid_hue=None):
    kind = rng.choice(["solid", "solid", "gradient", "white"])
    for _ in range(20):
        h = rng.uniform(0, 360)
        if avoid_hue is None or min(abs(h - avoid_hue), 360 - abs(h - avoid_hue)) > 50:
            break
    c1 = hsv(h, rng.uniform(.3, .9), rng.uniform(.55, .95))
    if kind == "white":
        c1 = (rng.randint(236, 255),) * 3
        return Image.new("RGB", (S, S), c1), {"bg": "white"}
    if kind == "gradient":
        c2 = hsv(h + rng.uniform(20, 60), rng.uniform(.3, .9), rng.uniform(.4, .9))
        return gradient(S, c1, c2, rng.choice(["v", "h", "d"])), {"bg": "gradient", "hue": round(h)}
    return Image.new("RGB", (S, S), c1), {"bg": "solid", "hue": round(h)}


def round_mask(S, radius_frac, circle=False):
    m = Image.new("L", (S * 4, S * 4), 0)
    d = ImageDraw.Draw(m)
    if circle:
        d.ellipse([0, 0, S * 4 - 1, S * 4 - 1], fill=255)
    else:
        d.rounded_rectangle([0, 0, S * 4 - 1, S * 4 - 1], radius=int(S * 4 * radius_frac), fill=255)
    return m.resize((S, S), Image.LANCZOS)


def bg_hue(ctx):
    return rgb_hue(ctx["bgcol"])[0] if ctx.get("bgcol") else None


# ------------------------------------------------------------------ single edits
def rescale_jpeg(img, rng, ctx):
    s = rng.choice([48, 57, 64, 72, 96, 108, 120])
    q = rng.randint(25, 70)
    out = jpeg(img.resize((s, s), Image.BILINEAR if rng.random() < .5 else Image.LANCZOS), q)
    up = rng.choice([None, 144, 192, 256])
    if up:
        out = out.resize((up, up), Image.BICUBIC)
    return out, {"size": s, "quality": q, "upscaled_to": up}


def crop(img, rng, ctx):
    S = img.size[0]
    while True:
        lft, t, r, b = [rng.uniform(.0, .2) for _ in range(4)]
        if (1 - lft - r) * (1 - t - b) >= .62 and max(lft, t, r, b) >= .07:
            break
    box = (int(S * lft), int(S * t), int(S * (1 - r)), int(S * (1 - b)))
    out = img.crop(box).resize((S, S), Image.LANCZOS)
    return out, {"crop_ltrb": [round(lft, 3), round(t, 3), round(r, 3), round(b, 3)]}


def pad(img, rng, ctx):
    S = img.size[0]
    bg, bp = random_bg(rng, S, bg_hue(ctx))
    f = rng.uniform(.5, .8)
    s = int(S * f)
    tile = img.resize((s, s), Image.LANCZOS)
    ox = rng.randint(0, S - s)
    oy = rng.randint(0, S - s)
    rounded = rng.random() < .5
    if rounded:
        bg.paste(tile, (ox, oy), round_mask(s, .2))
    else:
        bg.paste(tile, (ox, oy))
    return bg, dict(bp, scale=round(f, 3), offset=[ox, oy], rounded=rounded)


def mask_shadow(img, rng, ctx):
    S = img.size[0]
    circle = rng.random() < .4
    f = rng.uniform(.78, .9)
    s = int(S * f)
    field = rng.choice([(255, 255, 255), (245, 245, 247), (235, 238, 242), (250, 248, 240)])
    out = Image.new("RGB", (S, S), field)
    m = round_mask(s, rng.uniform(.18, .3), circle)
    ox = (S - s) // 2 + rng.randint(-4, 4)
    oy = (S - s) // 2 + rng.randint(-6, 2)
    sh = Image.new("L", (S, S), 0)
    dy = rng.randint(3, 10)
    sh.paste(m, (ox + rng.randint(-2, 2), oy + dy))
    sh = sh.filter(ImageFilter.GaussianBlur(rng.uniform(4, 9)))
    dark = Image.new("RGB", (S, S), (40, 40, 50))
    alpha = rng.uniform(.35, .6)
    out = Image.composite(dark, out, sh.point(lambda v: int(v * alpha)))
    out.paste(img.resize((s, s), Image.LANCZOS), (ox, oy), m)
    return out, {"mask": "circle" if circle else "rounded", "scale": round(f, 3), "shadow_dy": dy}


def _corner_xy(S, corner, r):
    m = r + S * .02
    x = m if corner[1] == "l" else S - m
    y = m if corner[0] == "t" else S - m
    return x, y


def badge(img, rng, ctx):
    S = img.size[0]
    out = img.copy()
    d = ImageDraw.Draw(out)
    corner = rng.choice(["tl", "tr", "bl", "br", "tr", "tr"])
    r = S * rng.uniform(.12, .2)
    x, y = _corner_xy(S, corner, r)
    col = rng.choice(BADGE_COLOURS)
    text = rng.choice(["1", "3", "9", "99+", "新", "荐", "HOT", "贷", "5", "VIP"])
    if len(text) >= 3:
        d.rounded_rectangle([x - r * 1.25, y - r * .75, x + r * 1.25, y + r * .75], radius=r * .7, fill=col,
                            outline=(255, 255, 255), width=max(2, int(S * .012)))
        sz = fit_text_size(text, r * 2.1, r * 1.0)
    else:
        d.ellipse([x - r, y - r, x + r, y + r], fill=col, outline=(255, 255, 255), width=max(2, int(S * .012)))
        sz = fit_text_size(text, r * 1.3, r * 1.2)
    draw_text_center(d, x, y, text, sz, (255, 255, 255))
    return out, {"corner": corner, "radius": round(r / S, 3), "text": text, "colour": list(col)}


def ribbon(img, rng, ctx):
    S = img.size[0]
    out = img.convert("RGBA")
    corner = rng.choice(["tr", "tl", "br", "bl", "tr"])
    text = rng.choice(["官方", "新版", "VIP", "福利", "正版", "限时", "推荐"])
    col = rng.choice(BADGE_COLOURS)
    L = int(S * rng.uniform(.55, .75))
    band_h = int(S * rng.uniform(.12, .17))
    rib = Image.new("RGBA", (L * 2, band_h), col + (255,))
    sz = fit_text_size(text, L * .8, band_h * .8)
    draw_text_center(ImageDraw.Draw(rib), L, band_h / 2, text, sz, (255, 255, 255))
    ang = 45 if corner in ("tr", "bl") else -45
    rib = rib.rotate(ang, expand=True, resample=Image.BICUBIC)
    # centre of the band sits on the corner diagonal
    dist = L * .5
    cx = S - dist / math.sqrt(2) if corner[1] == "r" else dist / math.sqrt(2)
    cy = dist / math.sqrt(2) if corner[0] == "t" else S - dist / math.sqrt(2)
    out.alpha_composite(rib, (int(cx - rib.size[0] / 2), int(cy - rib.size[1] / 2)))
    return out.convert("RGB"), {"corner": corner, "text": text, "length": round(L / S, 3),
                                "band": round(band_h / S, 3)}


def stamp(img, rng, ctx):
    S = img.size[0]
    out = img.convert("RGBA")
    lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    text = rng.choice(["官方", "正版", "认证"])
    shape = rng.choice(["disc", "disc", "rect", "seal"])
    r = S * rng.uniform(.17, .25)
    x = S / 2 + rng.uniform(-.05, .05) * S
    y = S / 2 + rng.uniform(-.05, .05) * S
    col = rng.choice([(230, 30, 40), (20, 160, 80), (30, 110, 230), (240, 160, 0)])
    a = int(255 * rng.uniform(.85, 1))
    if shape == "disc":
        d.ellipse([x - r, y - r, x + r, y + r], fill=col + (a,), outline=(255, 255, 255, 255),
                  width=max(2, int(S * .012)))
        fc = (255, 255, 255, 255)
    elif shape == "rect":
        d.rounded_rectangle([x - r * 1.3, y - r * .7, x + r * 1.3, y + r * .7], radius=r * .3, fill=col + (a,))
        fc = (255, 255, 255, 255)
    else:
        d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, int(a * .6)), outline=col + (255,),
                  width=max(3, int(S * .02)))
        fc = col + (255,)
    sz = fit_text_size(text, r * 1.6, r * .9)
    draw_text_center(d, x, y, text, sz, fc)
    lay = lay.rotate(rng.uniform(-15, 15), center=(x, y), resample=Image.BICUBIC)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"text": text, "shape": shape, "radius": round(r / S, 3),
                                "centre": [round(x / S, 3), round(y / S, 3)]}


def _band(img, rng, top):
    S = img.size[0]
    out = img.copy()
    d = ImageDraw.Draw(out)
    h = int(S * rng.uniform(.17, .28))
    text = rng.choice(["极速版", "官方版", "贷款", "福利版", "借款", "领红包", "新版", "安全版", "国际版", "理财版"])
    col = rng.choice(BADGE_COLOURS + [(20, 20, 20), (255, 255, 255)])
    y0, y1 = (0, h) if top else (S - h, S)
    d.rectangle([0, y0, S, y1], fill=col)
    tc = (20, 20, 20) if sum(col) > 600 else (255, 255, 255)
    sz = fit_text_size(text, S * .86, h * .72)
    draw_text_center(d, S / 2, (y0 + y1) / 2, text, sz, tc)
    return out, {"height": round(h / S, 3), "text": text, "colour": list(col)}


def band_bottom(img, rng, ctx):
    return _band(img, rng, False)


def band_top(img, rng, ctx):
    return _band(img, rng, True)


def hue(img, rng, ctx):
    deg = rng.choice([rng.uniform(25, 80), rng.uniform(100, 260), rng.uniform(280, 335)])
    a = np.asarray(img.convert("RGB"))
    h = cv2.cvtColor(a, cv2.COLOR_RGB2HSV_FULL)
    h[..., 0] = ((h[..., 0].astype(np.int32) + int(deg * 256 / 360)) % 256).astype(np.uint8)
    out = Image.fromarray(cv2.cvtColor(h, cv2.COLOR_HSV2RGB_FULL), "RGB")
    return out, {"degrees": round(deg, 1)}


def tone(img, rng, ctx):
    kind = rng.choice(["grey", "sepia", "contrast", "brightness", "dark", "washed"])
    if kind == "grey":
        out = img.convert("L").convert("RGB")
        p = {}
    elif kind == "sepia":
        g = _np(img.convert("L").convert("RGB"))[..., 0]
        out = _pil(np.stack([g * 1.07 + 20, g * .9 + 8, g * .68], axis=2))
        p = {}
    elif kind == "contrast":
        f = rng.uniform(1.4, 1.9)
        out = ImageEnhance.Contrast(img).enhance(f)
        p = {"factor": round(f, 2)}
    elif kind == "brightness":
        f = rng.uniform(1.25, 1.45)
        out = ImageEnhance.Brightness(img).enhance(f)
        p = {"factor": round(f, 2)}
    elif kind == "dark":
        f = rng.uniform(.55, .75)
        out = ImageEnhance.Brightness(img).enhance(f)
        p = {"factor": round(f, 2)}
    else:
        f = rng.uniform(.4, .6)
        out = ImageEnhance.Color(ImageEnhance.Contrast(img).enhance(.7)).enhance(f)
        p = {"saturation": round(f, 2)}
    return out, dict(p, tone=kind)


def rotate_tile(img, rng, ctx):
    S = img.size[0]
    ang = rng.uniform(5, 30) * rng.choice([-1, 1])
    f = rng.uniform(.55, .72)
    s = int(S * f)
    bg, bp = random_bg(rng, S, bg_hue(ctx))
    tile = img.resize((s, s), Image.LANCZOS).convert("RGBA")
    rounded = rng.random() < .5
    if rounded:
        tile.putalpha(round_mask(s, .18))
    big = tile.resize((s * 3, s * 3), Image.BICUBIC).rotate(ang, expand=True, resample=Image.BICUBIC)
    rot = big.resize((big.size[0] // 3, big.size[1] // 3), Image.LANCZOS)
    ox = (S - rot.size[0]) // 2 + rng.randint(-S // 14, S // 14)
    oy = (S - rot.size[1]) // 2 + rng.randint(-S // 14, S // 14)
    out = bg.convert("RGBA")
    out.alpha_composite(rot, (max(0, ox), max(0, oy)))
    return out.convert("RGB"), dict(bp, angle=round(ang, 1), scale=round(f, 3), rounded=rounded)


def mirror(img, rng, ctx):
    return img.transpose(Image.FLIP_LEFT_RIGHT), {"axis": "horizontal"}


def blur_noise(img, rng, ctx):
    s = rng.uniform(1.2, 2.6)
    out = img.filter(ImageFilter.GaussianBlur(s))
    sig = rng.uniform(5, 14)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    a = _np(out) + nrng.normal(0, sig, (img.size[1], img.size[0], 1 if rng.random() < .5 else 3))
    return _pil(a), {"blur_sigma": round(s, 2), "noise_sigma": round(sig, 1)}


def photo(img, rng, ctx):
    """Photograph of a phone screen showing the icon: perspective, uneven light, noise, blur, cast."""
    W = 480
    canvas, _ = random_bg(rng, W)
    canvas = canvas.filter(ImageFilter.GaussianBlur(2))
    s = int(W * rng.uniform(.42, .55))
    tile = img.resize((s, s), Image.LANCZOS)
    m = round_mask(s, .22)
    o = (W - s) // 2
    canvas.paste(tile, (o, o), m)
    a = np.asarray(canvas).astype(np.float32)
    # perspective
    j = W * rng.uniform(.04, .1)
    src = np.float32([[0, 0], [W, 0], [W, W], [0, W]])
    dst = np.float32([[rng.uniform(-j, j) + (j if i in (0, 3) else -j) * rng.uniform(0, 1),
                       rng.uniform(-j, j)] for i in range(4)]) + src
    M = cv2.getPerspectiveTransform(src, dst)
    a = cv2.warpPerspective(a, M, (W, W), borderMode=cv2.BORDER_REFLECT)
    # uneven light + colour cast
    yy, xx = np.mgrid[0:W, 0:W].astype(np.float32) / W
    gx, gy = rng.uniform(-.5, .5), rng.uniform(-.5, .5)
    light = 1 + gx * (xx - .5) + gy * (yy - .5)
    glare = np.exp(-(((xx - rng.uniform(.2, .8)) ** 2 + (yy - rng.uniform(.2, .8)) ** 2) / .05)) * rng.uniform(0, 45)
    cast = np.array([rng.uniform(.9, 1.08), rng.uniform(.92, 1.05), rng.uniform(.88, 1.1)], np.float32)
    a = a * light[..., None] * cast + glare[..., None]
    # screen pixel grid (faint moire)
    if rng.random() < .6:
        per = rng.uniform(3, 5)
        a = a * (1 - .06 * (np.sin(xx * W * 2 * math.pi / per) * np.sin(yy * W * 2 * math.pi / per) > 0))[..., None]
    bs = rng.uniform(.8, 1.8)
    a = cv2.GaussianBlur(a, (0, 0), bs)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    ns = rng.uniform(4, 10)
    a = a + nrng.normal(0, ns, a.shape)
    # crop around the (warped) tile with a margin, as a user would
    c = cv2.perspectiveTransform(np.float32([[[o, o]], [[o + s, o]], [[o + s, o + s]], [[o, o + s]]]), M)[:, 0, :]
    x0, y0 = c.min(axis=0)
    x1, y1 = c.max(axis=0)
    mg = rng.uniform(.06, .2) * s
    side = max(x1 - x0, y1 - y0) + 2 * mg
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    box = [int(max(0, cx - side / 2)), int(max(0, cy - side / 2)), int(min(W, cx + side / 2)),
           int(min(W, cy + side / 2))]
    out = _pil(a).crop(box).resize((256, 256), Image.LANCZOS)
    q = rng.randint(55, 85)
    return jpeg(out, q), {"perspective_px": round(j, 1), "blur": round(bs, 2), "noise": round(ns, 1),
                          "light": [round(gx, 2), round(gy, 2)], "jpeg_q": q, "margin": round(mg / s, 3)}


def screenshot(img, rng, ctx):
    """Crop of a home-screen screenshot: the icon with its label and parts of neighbours."""
    cell = 180
    W, H = cell * 4, cell * 4
    h0 = rng.uniform(0, 360)
    wall = gradient(W, hsv(h0, .5, .6), hsv(h0 + 60, .6, .3), rng.choice(["v", "d"])).resize((W, H))
    d = ImageDraw.Draw(wall)
    isz = int(cell * .58)
    pool = ctx.get("pool") or []
    tx, ty = rng.randint(1, 2), rng.randint(1, 2)
    label = ctx.get("label") or "应用"
    k = 0
    for gy in range(4):
        for gx in range(4):
            x = gx * cell + (cell - isz) // 2
            y = gy * cell + int(cell * .1)
            if (gx, gy) == (tx, ty):
                ic, lab = img, label
            else:
                ic = pool[(k + rng.randrange(len(pool))) % len(pool)] if pool else Image.new("RGB", (8, 8), hsv(
                    rng.uniform(0, 360), .6, .8))
                lab = rng.choice(["相机", "设置", "日历", "天气", "相册", "时钟", "音乐", "备忘录", "文件", "浏览器"])
                k += 1
            wall.paste(ic.resize((isz, isz), Image.LANCZOS), (x, y), round_mask(isz, .23))
            sz = fit_text_size(lab, cell * .9, cell * .14)
            draw_text_center(d, gx * cell + cell / 2, y + isz + cell * .13, lab, sz, (255, 255, 255),
                             stroke=1, stroke_fill=(60, 60, 60))
    x = tx * cell + (cell - isz) // 2
    y = ty * cell + int(cell * .1)
    mg = rng.uniform(.12, .35) * isz
    side = isz + 2 * mg + cell * .12
    cx = x + isz / 2 + rng.uniform(-.05, .05) * isz
    cy = y + isz / 2 + cell * .08
    box = [int(cx - side / 2), int(cy - side / 2), int(cx + side / 2), int(cy + side / 2)]
    out = wall.crop(box).resize((rng.choice([144, 192, 256]),) * 2, Image.LANCZOS)
    if rng.random() < .5:
        out = jpeg(out, rng.randint(60, 90))
    return out, {"label": label, "margin": round(mg / isz, 3), "wallpaper_hue": round(h0)}


def rebrand_emblem(img, rng, ctx):
    """The official emblem lifted off its icon, put on a new colour with a word below."""
    S = img.size[0]
    emb = ctx["emblem"]
    bg, bp = random_bg(rng, S, bg_hue(ctx))
    f = rng.uniform(.55, .72)
    # crop emblem layer to its alpha box
    bbox = emb.getbbox() or (0, 0, S, S)
    e = emb.crop(bbox)
    k = f * S / max(e.size)
    e = e.resize((max(1, int(e.size[0] * k)), max(1, int(e.size[1] * k))), Image.LANCZOS)
    # if the emblem would vanish on the new field (e.g. white on white), recolour the field
    ea = np.asarray(e).astype(np.float32)
    al = ea[..., 3] > 128
    emean = ea[..., :3][al].mean(axis=0) if al.any() else np.array([128, 128, 128])
    bmean = np.asarray(bg).reshape(-1, 3).mean(axis=0)
    if np.abs(emean - bmean).max() < 60:
        h = rng.uniform(0, 360)
        bg = Image.new("RGB", (S, S), hsv(h, .8, .45 if emean.mean() > 128 else .95))
        bp = {"bg": "solid", "hue": round(h)}
    word = rng.choice(["钱包", "快贷", "速借", "Pay", "借呗宝", "金服", "优选", "理财宝", "e钱包", "惠付"])
    out = bg.convert("RGBA")
    y_e = int(S * .08)
    out.alpha_composite(e, ((S - e.size[0]) // 2, y_e))
    d = ImageDraw.Draw(out)
    bmean = np.asarray(bg).reshape(-1, 3).mean(axis=0)
    tc = (30, 30, 30) if bmean.mean() > 170 else (255, 255, 255)
    ytop = y_e + e.size[1]
    sz = fit_text_size(word, S * .8, min(S * .2, S - ytop - S * .06))
    draw_text_center(d, S / 2, (ytop + S) / 2, word, sz, tc)
    return out.convert("RGB"), dict(bp, scale=round(f, 3), word=word)


def text_over(img, rng, ctx):
    S = img.size[0]
    out = img.convert("RGBA")
    lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    text = rng.choice(["贷款", "领红包", "借钱", "提现", "分期", "秒到账", "免费领", "补贴"])
    col = rng.choice([(255, 230, 0), (255, 255, 255), (230, 30, 40), (20, 20, 20)])
    sc = (20, 20, 20) if sum(col) > 500 else (255, 255, 255)
    sz = fit_text_size(text, S * rng.uniform(.7, .92), S * .3, stroke=4)
    y = S * rng.uniform(.4, .62)
    draw_text_center(d, S / 2, y, text, sz, col + (int(255 * rng.uniform(.8, 1)),), stroke=max(2, S // 60),
                     stroke_fill=sc + (255,))
    ang = rng.choice([0, 0, rng.uniform(-20, 20)])
    lay = lay.rotate(ang, center=(S / 2, y), resample=Image.BICUBIC)
    out.alpha_composite(lay)
    return out.convert("RGB"), {"text": text, "y": round(y / S, 3), "angle": round(ang, 1)}


EDITS = {
    "icon_rescale_jpeg": rescale_jpeg, "icon_crop": crop, "icon_pad": pad, "icon_mask_shadow": mask_shadow,
    "icon_badge": badge, "icon_ribbon": ribbon, "icon_stamp": stamp, "icon_band_bottom": band_bottom,
    "icon_band_top": band_top, "icon_hue": hue, "icon_tone": tone, "icon_rotate_tile": rotate_tile,
    "icon_mirror": mirror, "icon_photo": photo, "icon_screenshot": screenshot, "icon_blur_noise": blur_noise,
    "icon_rebrand_emblem": rebrand_emblem, "icon_text_over": text_over,
}

# order used when edits are combined: colour -> overlays -> geometry -> degradation
COMBO_ORDER = ["icon_mirror", "icon_hue", "icon_tone", "icon_badge", "icon_ribbon", "icon_stamp", "icon_band_top",
               "icon_band_bottom", "icon_text_over", "icon_crop", "icon_pad", "icon_mask_shadow", "icon_rotate_tile",
               "icon_blur_noise", "icon_rescale_jpeg"]
GEOMETRIC = {"icon_crop", "icon_pad", "icon_mask_shadow", "icon_rotate_tile"}


def combo(img, rng, ctx, n):
    while True:
        ks = rng.sample(COMBO_ORDER, n)
        if len(GEOMETRIC.intersection(ks)) <= 1 and not {"icon_band_top", "icon_band_bottom"} <= set(ks):
            break
    ks = sorted(ks, key=COMBO_ORDER.index)
    steps = []
    for k in ks:
        img, p = EDITS[k](img, rng, ctx)
        steps.append({"edit": k, **p})
    return img, {"steps": steps}


LIGHT_EDITS = ["icon_rescale_jpeg", "icon_badge", "icon_band_bottom", "icon_crop", "icon_mask_shadow"]
