"""Icon deformations a counterfeiter (or a store / ad / screenshot pipeline) might apply.

Every kind is ``fn(img, rng, ctx) -> (img, params)``; ``params`` is JSON-friendly and is written to the
labels.  ``ctx`` carries the source icon's spec (for re-renders) and the listing's display name.
"""

import colorsys
import math

import icons
import raster as R
import ttf

WHITE = (255.0, 255.0, 255.0)
BLACK = (0.0, 0.0, 0.0)


def _r(x, nd=3):
    return round(float(x), nd)


def _clamp(v):
    return 0.0 if v < 0 else (255.0 if v > 255 else v)


def _chanmap(img, fn):
    return R.Img.from_channels(img.w, img.h, [fn(v) for v in img.r], [fn(v) for v in img.g], [fn(v) for v in img.b])


def _pixmap(img, fn):
    rr, gg, bb = [], [], []
    for r, g, b in zip(img.r, img.g, img.b, strict=True):
        x, y, z = fn(r, g, b)
        rr.append(x)
        gg.append(y)
        bb.append(z)
    return R.Img.from_channels(img.w, img.h, rr, gg, bb)


def _corner_colour(img):
    w, h = img.w, img.h
    cols = []
    for x, y in ((1, 1), (w - 2, 1), (1, h - 2), (w - 2, h - 2)):
        cols.append(img.pixel(x, y))
    cols.sort(key=lambda c: c[0] + c[1] + c[2])
    a, b = cols[1], cols[2]
    return tuple((a[i] + b[i]) / 2 for i in range(3))


def _shift(ch, w, h, dx, dy):
    out = []
    for y in range(h):
        sy = min(h - 1, max(0, y - dy))
        row = ch[sy * w:(sy + 1) * w]
        out.extend(row[min(w - 1, max(0, x - dx))] for x in range(w))
    return out


def _dilate(mask, w, h, r=1):
    m = mask
    for _ in range(r):
        left = [0.0] + m[:-1]
        right = m[1:] + [0.0]
        m = [max(a, b, c) for a, b, c in zip(m, left, right, strict=True)]
        up = [0.0] * w + m[:-w]
        down = m[w:] + [0.0] * w
        m = [max(a, b, c) for a, b, c in zip(m, up, down, strict=True)]
    return m


def _erode(mask, w, h, r=1):
    inv = [1.0 - v for v in mask]
    return [1.0 - v for v in _dilate(inv, w, h, r)]


def _edges(L, w, h):
    left = [L[0]] + L[:-1]
    right = L[1:] + [L[-1]]
    up = L[:w] + L[:-w]
    down = L[w:] + L[-w:]
    return [abs(a - b) + abs(c - d) for a, b, c, d in zip(right, left, down, up, strict=True)]


def _fit(img, size):
    if img.w == size and img.h == size:
        return img
    return R.resample(img, size, size)


def _rounded_mask(w, h, x0, y0, x1, y1, rad):
    return R.mask_of([R.rrect(x0, y0, x1, y1, rad)], w, h)


def _placed(img, w, h, k, cx, cy, bg):
    """img scaled by k (of the canvas) and centred at (cx, cy) on a canvas of colour bg; returns (canvas, mask)."""
    side = max(4, int(round(w * k)))
    small = R.resample(img, side, side)
    canvas = R.Img(w, h, bg)
    x0, y0 = int(round(cx - side / 2)), int(round(cy - side / 2))
    R.place(canvas, small, x0, y0)
    mask = R.mask_of([R.rect(x0, y0, x0 + side, y0 + side)], w, h)
    return canvas, mask, small, (x0, y0, side)


# ============================================================================ classic kinds


def k_resize_small(img, rng, ctx):
    s = rng.choice([44, 48, 57, 64, 72])
    return R.resample(img, s, s), {"size": s}


def k_resize_large(img, rng, ctx):
    s = rng.choice([180, 192, 216, 240])
    return R.resample(img, s, s), {"size": s}


def k_crop_center(img, rng, ctx):
    f = rng.uniform(0.76, 0.9)
    w, h = img.w, img.h
    m = (1 - f) / 2
    return R.resample(img, w, h, (w * m, h * m, w * (1 - m), h * (1 - m))), {"keep": _r(f)}


def k_crop_offset(img, rng, ctx):
    f = rng.uniform(0.78, 0.9)
    w, h = img.w, img.h
    ox = rng.uniform(0, 1 - f)
    oy = rng.uniform(0, 1 - f)
    return R.resample(img, w, h, (w * ox, h * oy, w * (ox + f), h * (oy + f))), {"keep": _r(f), "ox": _r(ox), "oy": _r(oy)}


def k_pad_shrink(img, rng, ctx):
    k = rng.uniform(0.58, 0.8)
    mode = rng.choice(["white", "corner", "light", "dark"])
    if mode == "white":
        bg = WHITE
    elif mode == "corner":
        bg = _corner_colour(img)
    elif mode == "light":
        bg = (rng.uniform(225, 250), rng.uniform(225, 250), rng.uniform(225, 250))
    else:
        bg = (rng.uniform(20, 50), rng.uniform(20, 50), rng.uniform(20, 60))
    dx = rng.uniform(-0.06, 0.06) * img.w
    dy = rng.uniform(-0.06, 0.06) * img.h
    canvas, _m, _s, _b = _placed(img, img.w, img.h, k, img.w / 2 + dx, img.h / 2 + dy, bg)
    return canvas, {"scale": _r(k), "bg": mode, "dx": _r(dx / img.w), "dy": _r(dy / img.h)}


def k_rotate(img, rng, ctx):
    deg = rng.uniform(6, 20) * rng.choice([-1, 1])
    mode = rng.choice(["white", "black", "edge"])
    out = R.rotate(img, deg, fill=BLACK if mode == "black" else WHITE, clamp=mode == "edge")
    return out, {"deg": _r(deg, 2), "fill": mode}


def k_mirror(img, rng, ctx):
    w = img.w
    idx = [y * w + (w - 1 - x) for y in range(img.h) for x in range(w)]
    return R.Img.from_channels(w, img.h, [img.r[i] for i in idx], [img.g[i] for i in idx], [img.b[i] for i in idx]), {}


def hue_rotate(img, deg):
    d = deg / 360.0
    cache = {}

    def fn(r, g, b):
        key = (int(r), int(g), int(b))
        v = cache.get(key)
        if v is None:
            hh, ss, vv = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
            x, y, z = colorsys.hsv_to_rgb((hh + d) % 1.0, ss, vv)
            v = (x * 255, y * 255, z * 255)
            cache[key] = v
        return v

    return _pixmap(img, fn)


def k_hue_shift(img, rng, ctx):
    deg = rng.uniform(35, 325)
    return hue_rotate(img, deg), {"deg": _r(deg, 1)}


def k_grayscale(img, rng, ctx):
    L = img.luma()
    return R.Img.from_channels(img.w, img.h, L, list(L), list(L)), {}


def k_invert(img, rng, ctx):
    return _chanmap(img, lambda v: 255.0 - v), {}


def k_brightness_contrast(img, rng, ctx):
    b = rng.uniform(25, 50) * rng.choice([-1, 1])
    c = rng.choice([rng.uniform(0.55, 0.75), rng.uniform(1.3, 1.6)])
    return _chanmap(img, lambda v: _clamp((v - 128) * c + 128 + b)), {"brightness": _r(b, 1), "contrast": _r(c)}


def k_saturation(img, rng, ctx):
    s = rng.choice([rng.uniform(0.15, 0.4), rng.uniform(1.7, 2.3)])

    def fn(r, g, b):
        L = 0.299 * r + 0.587 * g + 0.114 * b
        return (_clamp(L + (r - L) * s), _clamp(L + (g - L) * s), _clamp(L + (b - L) * s))

    return _pixmap(img, fn), {"factor": _r(s)}


def k_blur(img, rng, ctx):
    s = rng.uniform(1.2, 2.6)
    return R.blur(img, s), {"sigma": _r(s, 2)}


def k_noise(img, rng, ctx):
    sigma = rng.uniform(10, 24)
    mono = rng.random() < 0.5
    n = img.w * img.h
    if mono:
        nz = [rng.gauss(0, sigma) for _ in range(n)]
        out = R.Img.from_channels(img.w, img.h, [_clamp(v + e) for v, e in zip(img.r, nz, strict=True)],
                                  [_clamp(v + e) for v, e in zip(img.g, nz, strict=True)],
                                  [_clamp(v + e) for v, e in zip(img.b, nz, strict=True)])
    else:
        chans = [[_clamp(v + rng.gauss(0, sigma)) for v in ch] for ch in img.chans()]
        out = R.Img.from_channels(img.w, img.h, *chans)
    return out, {"sigma": _r(sigma, 1), "mono": mono}


# --- JPEG simulation (8x8 DCT, standard tables, 4:2:0 chroma)

_QL = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29,
       51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121,
       120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
_QC = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99,
       99, 99, 99, 99] + [99] * 32
_C = [[(math.sqrt(0.5) if u == 0 else 1.0) * math.cos((2 * x + 1) * u * math.pi / 16) / 2 for x in range(8)]
      for u in range(8)]


def _qtable(base, q):
    q = max(1, min(100, q))
    scale = 5000 / q if q < 50 else 200 - 2 * q
    return [max(1, min(255, (v * scale + 50) // 100)) for v in base]


def _dct_channel(ch, w, h, qt):
    out = list(ch)
    C = _C
    for by in range(0, h, 8):
        for bx in range(0, w, 8):
            blk = [[ch[min(h - 1, by + y) * w + min(w - 1, bx + x)] - 128.0 for x in range(8)] for y in range(8)]
            t = [[sum(cu[x] * row[x] for x in range(8)) for cu in C] for row in blk]
            F = [[sum(C[v][y] * t[y][u] for y in range(8)) for u in range(8)] for v in range(8)]
            Q = [[round(F[v][u] / qt[v * 8 + u]) * qt[v * 8 + u] for u in range(8)] for v in range(8)]
            t2 = [[sum(C[v][y] * Q[v][u] for v in range(8) if Q[v][u]) for u in range(8)] for y in range(8)]
            for y in range(8):
                yy = by + y
                if yy >= h:
                    break
                row = t2[y]
                for x in range(8):
                    xx = bx + x
                    if xx >= w:
                        break
                    out[yy * w + xx] = sum(C[u][x] * row[u] for u in range(8) if row[u]) + 128.0
    return out


def jpeg_sim(img, q):
    w, h = img.w, img.h
    Y, Cb, Cr = [], [], []
    for r, g, b in zip(img.r, img.g, img.b, strict=True):
        Y.append(0.299 * r + 0.587 * g + 0.114 * b)
        Cb.append(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)
        Cr.append(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
    Y = _dct_channel(Y, w, h, _qtable(_QL, q))
    hw, hh = (w + 1) // 2, (h + 1) // 2
    chroma = []
    for ch in (Cb, Cr):
        small = [(ch[min(h - 1, 2 * y) * w + min(w - 1, 2 * x)] + ch[min(h - 1, 2 * y) * w + min(w - 1, 2 * x + 1)]
                  + ch[min(h - 1, 2 * y + 1) * w + min(w - 1, 2 * x)] + ch[min(h - 1, 2 * y + 1) * w + min(w - 1, 2 * x + 1)]) / 4
                 for y in range(hh) for x in range(hw)]
        small = _dct_channel(small, hw, hh, _qtable(_QC, q))
        chroma.append([small[(y // 2) * hw + x // 2] for y in range(h) for x in range(w)])
    Cb, Cr = chroma
    rr, gg, bb = [], [], []
    for y_, cb, cr in zip(Y, Cb, Cr, strict=True):
        rr.append(_clamp(y_ + 1.402 * (cr - 128)))
        gg.append(_clamp(y_ - 0.344136 * (cb - 128) - 0.714136 * (cr - 128)))
        bb.append(_clamp(y_ + 1.772 * (cb - 128)))
    return R.Img.from_channels(w, h, rr, gg, bb)


def k_jpeg(img, rng, ctx):
    q = rng.randint(6, 28)
    return jpeg_sim(img, q), {"quality": q}


# --- overlays


def _corner_xy(img, corner, inset):
    w, h = img.w, img.h
    x = w * inset if corner in ("tl", "bl") else w * (1 - inset)
    y = h * inset if corner in ("tl", "tr") else h * (1 - inset)
    return x, y


def k_badge_corner(img, rng, ctx):
    out = img.copy()
    corner = rng.choice(["tr", "tr", "tl", "br", "bl"])
    rad = rng.uniform(0.12, 0.18) * img.w
    x, y = _corner_xy(img, corner, rng.uniform(0.14, 0.2))
    label = rng.choice(["1", "3", "8", "99", "NEW", "HOT"])
    col = rng.choice([(235, 30, 30), (255, 60, 40), (250, 120, 0)])
    if len(label) >= 3:
        R.fill(out, [R.rrect(x - rad * 1.5, y - rad * 0.75, x + rad * 1.5, y + rad * 0.75, rad * 0.7)], WHITE)
        R.fill(out, [R.rrect(x - rad * 1.4, y - rad * 0.65, x + rad * 1.4, y + rad * 0.65, rad * 0.6)], col)
        R.fill(out, R.text(label, rad, x, y, ttf.FONT_SANS_BOLD, fit_w=rad * 2.3, fit_h=rad * 0.8), WHITE)
    else:
        R.fill(out, [R.circle(x, y, rad * 1.1)], WHITE)
        R.fill(out, [R.circle(x, y, rad)], col)
        R.fill(out, R.text(label, rad * 1.2, x, y, ttf.FONT_SANS_BOLD, fit_w=rad * 1.4, fit_h=rad * 1.0), WHITE)
    return out, {"corner": corner, "radius": _r(rad / img.w), "label": label}


BAND_TEXTS = ["官方正版", "新版上线", "极速版", "2025新版", "官方认证", "额度提升", "领取福利", "安全放心"]


def k_text_band(img, rng, ctx):
    out = img.copy()
    w, h = img.w, img.h
    where = "bottom" if rng.random() < 0.75 else "top"
    hb = rng.uniform(0.18, 0.26) * h
    col = rng.choice([(230, 30, 30), (20, 20, 20), (250, 170, 0), (20, 90, 200), (255, 255, 255)])
    tcol = (255, 255, 255) if sum(col) < 600 else (200, 20, 20)
    y0 = h - hb if where == "bottom" else 0
    R.fill(out, [R.rect(0, y0, w, y0 + hb)], col, opacity=rng.uniform(0.85, 1.0))
    label = rng.choice(BAND_TEXTS)
    R.fill(out, R.text(label, hb * 0.7, w / 2, y0 + hb / 2, fit_w=w * 0.86, fit_h=hb * 0.62), tcol)
    return out, {"where": where, "height": _r(hb / h), "text": label}


def _tick(cx, cy, s, width):
    return R.polyline([(cx - s * 0.5, cy), (cx - s * 0.12, cy + s * 0.38), (cx + s * 0.55, cy - s * 0.4)], width)


def k_center_stamp(img, rng, ctx):
    out = img.copy()
    w = img.w
    cx = w / 2 + rng.uniform(-0.04, 0.04) * w
    cy = img.h / 2 + rng.uniform(-0.04, 0.04) * w
    kind = rng.choice(["disc_text", "disc_tick", "label"])
    col = rng.choice([(220, 30, 30), (20, 150, 70), (30, 110, 220), (250, 150, 0)])
    rad = rng.uniform(0.16, 0.22) * w
    if kind == "disc_text":
        R.fill(out, [R.circle(cx, cy, rad * 1.08)], WHITE)
        R.fill(out, [R.circle(cx, cy, rad)], col)
        label = rng.choice(["官方", "正版", "认证", "安全"])
        R.fill(out, R.text(label, rad, cx, cy, fit_w=rad * 1.5, fit_h=rad * 0.8), WHITE)
    elif kind == "disc_tick":
        label = "tick"
        R.fill(out, [R.circle(cx, cy, rad * 1.08)], WHITE)
        R.fill(out, [R.circle(cx, cy, rad)], col)
        R.fill(out, _tick(cx, cy, rad * 0.9, rad * 0.25), WHITE)
    else:
        label = rng.choice(["官方正版", "安全认证", "官方推荐"])
        R.fill(out, [R.rrect(cx - rad * 2.0, cy - rad * 0.62, cx + rad * 2.0, cy + rad * 0.62, rad * 0.3)], col, 0.95)
        R.fill(out, R.text(label, rad, cx, cy, fit_w=rad * 3.6, fit_h=rad * 0.8), WHITE)
    return out, {"stamp": kind, "label": label, "radius": _r(rad / w)}


def k_corner_ribbon(img, rng, ctx):
    out = img.copy()
    w = img.w
    corner = rng.choice(["tl", "tr"])
    a = rng.uniform(0.22, 0.3) * w
    b = a + rng.uniform(0.13, 0.17) * w
    col = rng.choice([(230, 30, 30), (250, 180, 0), (30, 160, 80), (20, 20, 20)])
    if corner == "tl":
        band = [(a, 0), (b, 0), (0, b), (0, a)]
        ang = -45
    else:
        band = [(w - a, 0), (w - b, 0), (w, b), (w, a)]
        ang = 45
    R.fill(out, [band], col)
    label = rng.choice(["HOT", "NEW", "新版", "官方", "推荐"])
    mid = (a + b) / 2 / 2
    cx = mid if corner == "tl" else w - mid
    cy = mid
    latin = label.isascii()
    t = R.text(label, (b - a) * 0.7, cx, cy, ttf.FONT_SANS_BOLD if latin else ttf.FONT_CJK, fit_w=(b - a) * 2.0,
               fit_h=(b - a) * 0.55)
    R.fill(out, R.rotate_pts(t, cx, cy, ang), (255, 255, 255) if col != (250, 180, 0) else (150, 20, 20))
    return out, {"corner": corner, "label": label, "width": _r((b - a) / w)}


def k_round_mask(img, rng, ctx):
    w, h = img.w, img.h
    rad = rng.uniform(0.16, 0.3) * w
    mode = rng.choice(["white", "black", "grey"])
    fillc = {"white": WHITE, "black": BLACK, "grey": (235.0, 235.0, 235.0)}[mode]
    m = _rounded_mask(w, h, 0, 0, w, h, rad)
    out = R.Img(w, h, fillc)
    R.composite(out, img, m)
    return out, {"radius": _r(rad / w), "outside": mode}


def k_circle_mask(img, rng, ctx):
    w, h = img.w, img.h
    k = rng.uniform(0.46, 0.5)
    m = R.mask_of([R.circle(w / 2, h / 2, w * k)], w, h)
    out = R.Img(w, h, WHITE)
    R.composite(out, img, m)
    return out, {"radius": _r(k)}


def k_translate(img, rng, ctx):
    w, h = img.w, img.h
    dx = rng.uniform(0.08, 0.18) * rng.choice([-1, 1])
    dy = rng.uniform(0.0, 0.14) * rng.choice([-1, 1])
    out = R.warp_affine(img, (1, 0, -dx * w, 0, 1, -dy * h), w, h, clamp=True)
    return out, {"dx": _r(dx), "dy": _r(dy)}


def k_perspective(img, rng, ctx):
    w, h = img.w, img.h
    k = rng.uniform(0.12, 0.26)
    side = rng.choice(["top", "bottom", "left", "right"])
    sxs, sys_ = [], []
    for y in range(h):
        for x in range(w):
            u, v = (x + 0.5) / w, (y + 0.5) / h
            if side in ("top", "bottom"):
                t = (1 - v) if side == "top" else v
                s = 1 - k * t
                sxs.append((0.5 + (u - 0.5) / s) * w)
                sys_.append(y + 0.5)
            else:
                t = (1 - u) if side == "left" else u
                s = 1 - k * t
                sxs.append(x + 0.5)
                sys_.append((0.5 + (v - 0.5) / s) * h)
    return R.sample(img, sxs, sys_, w, h, WHITE), {"k": _r(k), "narrow": side}


def k_shear(img, rng, ctx):
    w, h = img.w, img.h
    s = rng.uniform(0.1, 0.22) * rng.choice([-1, 1])
    out = R.warp_affine(img, (1, s, -s * h / 2, 0, 1, 0), w, h, WHITE)
    return out, {"shear": _r(s)}


def _rand_bg(rng, w, h):
    kind = rng.choice(["solid", "gradient"])
    c0 = (rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255))
    if kind == "solid":
        return R.Img(w, h, c0), {"bg": "solid", "c0": [int(v) for v in c0]}
    c1 = (rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255))
    ang = rng.uniform(0, 180)
    return R.linear_gradient(w, h, c0, c1, ang), {"bg": "gradient", "c0": [int(v) for v in c0],
                                                  "c1": [int(v) for v in c1], "angle": _r(ang, 1)}


def _rotated_tile(img, w, h, k, deg, cx, cy, rad=0.0):
    """Warp img as a k*w square tile turned by deg, centred at (cx, cy); returns (warped, mask)."""
    t = math.radians(deg)
    ca, sa = math.cos(t), math.sin(t)
    side = k * w
    sc = img.w / side
    # output p -> source: R(-t)(p - c) * sc + src_centre
    a, b = ca * sc, sa * sc
    d, e = -sa * sc, ca * sc
    m = (a, b, img.w / 2 - a * cx - b * cy, d, e, img.h / 2 - d * cx - e * cy)
    warped = R.warp_affine(img, m, w, h, clamp=True)
    hs = side / 2
    shape = R.rrect(cx - hs, cy - hs, cx + hs, cy + hs, rad * side) if rad else R.rect(cx - hs, cy - hs, cx + hs, cy + hs)
    mask = R.mask_of(R.rotate_pts([shape], cx, cy, deg), w, h)
    return warped, mask


def k_tile_rotated_bg(img, rng, ctx):
    w, h = img.w, img.h
    k = rng.uniform(0.55, 0.72)
    deg = rng.uniform(8, 25) * rng.choice([-1, 1])
    cx = w / 2 + rng.uniform(-0.08, 0.08) * w
    cy = h / 2 + rng.uniform(-0.08, 0.08) * h
    bg, bgp = _rand_bg(rng, w, h)
    warped, mask = _rotated_tile(img, w, h, k, deg, cx, cy)
    R.composite(bg, warped, mask)
    return bg, dict(bgp, scale=_r(k), deg=_r(deg, 2))


def k_bg_replace(img, rng, ctx):
    w, h = img.w, img.h
    bc = _corner_colour(img)
    new, bgp = _rand_bg(rng, w, h)
    m = []
    for r, g, b in zip(img.r, img.g, img.b, strict=True):
        d = abs(r - bc[0]) + abs(g - bc[1]) + abs(b - bc[2])
        m.append(1.0 if d < 30 else (0.0 if d > 90 else (90 - d) / 60))
    out = img.copy()
    R.composite(out, new, m)
    return out, bgp


def k_posterize(img, rng, ctx):
    bits = rng.choice([1, 2, 2, 3])
    lv = 2 ** bits
    return _chanmap(img, lambda v: min(lv - 1, int(v / 256 * lv)) * 255.0 / (lv - 1)), {"bits": bits}


def k_frame(img, rng, ctx):
    w, h = img.w, img.h
    b = int(rng.uniform(0.05, 0.1) * w)
    col = rng.choice([(212, 175, 55), (20, 20, 20), (255, 255, 255), (200, 20, 30), (30, 60, 160)])
    out = R.Img(w, h, col)
    inner = R.resample(img, w - 2 * b, h - 2 * b)
    R.place(out, inner, b, b)
    if rng.random() < 0.5:
        R.fill(out, [R.rect(b - 2, b - 2, w - b + 2, h - b + 2), list(reversed(R.rect(b, b, w - b, h - b)))],
               (255, 255, 255) if col != (255, 255, 255) else (120, 120, 120))
    return out, {"border": _r(b / w), "colour": list(col)}


def k_watermark(img, rng, ctx):
    out = img.copy()
    w, h = img.w, img.h
    label = rng.choice(["仅供参考", "DEMO", "样例", "内部测试", "SAMPLE"])
    col = rng.choice([(255, 255, 255), (120, 120, 120), (0, 0, 0)])
    op = rng.uniform(0.22, 0.38)
    size = w * 0.14
    conts = []
    for j in range(-1, 4):
        for i in range(-1, 3):
            cx = i * w * 0.5 + (j % 2) * w * 0.25 + w * 0.1
            cy = j * h * 0.28
            latin = label.isascii()
            conts.extend(R.text(label, size, cx, cy, ttf.FONT_SANS_BOLD if latin else ttf.FONT_CJK, fit_w=w * 0.42))
    conts = R.rotate_pts(conts, w / 2, h / 2, -30)
    R.fill(out, conts, col, op)
    return out, {"text": label, "opacity": _r(op)}


def k_sharpen(img, rng, ctx):
    a = rng.uniform(1.2, 2.5)
    bl = R.blur(img, 1.0)
    chans = [[_clamp(v + a * (v - u)) for v, u in zip(c, d, strict=True)] for c, d in zip(img.chans(), bl.chans(), strict=True)]
    return R.Img.from_channels(img.w, img.h, *chans), {"amount": _r(a)}


def k_aspect_stretch(img, rng, ctx):
    w, h = img.w, img.h
    s = rng.uniform(0.72, 0.86)
    axis = rng.choice(["x", "y"])
    if axis == "x":
        m = (1 / s, 0, w / 2 - w / 2 / s, 0, 1, 0)
    else:
        m = (1, 0, 0, 0, 1 / s, h / 2 - h / 2 / s)
    return R.warp_affine(img, m, w, h, clamp=True), {"axis": axis, "scale": _r(s)}


def k_drop_shadow(img, rng, ctx):
    w, h = img.w, img.h
    k = rng.uniform(0.74, 0.84)
    side = int(w * k)
    x0 = (w - side) // 2 - 2
    y0 = (h - side) // 2 - 3
    out = R.Img(w, h, WHITE)
    rad = side * 0.2
    sh = _rounded_mask(w, h, x0 + 4, y0 + 6, x0 + 4 + side, y0 + 6 + side, rad)
    sh = R.blur_channel(sh, w, h, 3.0)
    R.paint_mask(out, sh, (40, 40, 40), 0.55)
    small = R.resample(img, side, side)
    layer = R.Img(w, h, WHITE)
    R.place(layer, small, x0, y0)
    R.composite(out, layer, _rounded_mask(w, h, x0, y0, x0 + side, y0 + side, rad))
    return out, {"scale": _r(k)}


def k_gamma(img, rng, ctx):
    g = rng.choice([rng.uniform(0.45, 0.7), rng.uniform(1.6, 2.2)])
    lut = [255.0 * (i / 255.0) ** g for i in range(256)]
    return _chanmap(img, lambda v: lut[int(_clamp(v))]), {"gamma": _r(g)}


def k_mosaic(img, rng, ctx):
    bs = rng.choice([3, 4, 5, 6])
    return _mosaic_region(img, bs, 0, 0, img.w, img.h), {"block": bs}


def _mosaic_region(img, bs, x0, y0, x1, y1):
    w = img.w
    out = img.copy()
    for by in range(y0, y1, bs):
        for bx in range(x0, x1, bs):
            idx = [y * w + x for y in range(by, min(by + bs, y1)) for x in range(bx, min(bx + bs, x1))]
            for src, dst in zip(img.chans(), out.chans(), strict=True):
                m = sum(src[i] for i in idx) / len(idx)
                for i in idx:
                    dst[i] = m
    return out


# ============================================================================ invented kinds


SHORT_LABELS = ["理财", "钱包", "借钱", "福利", "助手", "管家", "金融", "生活"]


def k_homescreen_screenshot(img, rng, ctx):
    """Cut from a phone home-screen screenshot: wallpaper, rounded icon, label, neighbour icons."""
    w, h = img.w, img.h
    c0 = (rng.uniform(40, 200), rng.uniform(40, 200), rng.uniform(80, 230))
    c1 = (rng.uniform(0, 120), rng.uniform(0, 120), rng.uniform(30, 160))
    out = R.linear_gradient(w, h, c0, c1, rng.uniform(60, 120))
    k = rng.uniform(0.5, 0.6)
    side = int(w * k)
    x0 = (w - side) // 2 + int(rng.uniform(-0.04, 0.04) * w)
    y0 = int(h * 0.12)
    small = R.resample(img, side, side)
    layer = R.Img(w, h, WHITE)
    R.place(layer, small, x0, y0)
    R.composite(out, layer, _rounded_mask(w, h, x0, y0, x0 + side, y0 + side, side * 0.22))
    label = (ctx.get("name") or rng.choice(SHORT_LABELS))[:5]
    R.fill(out, R.text(label, w * 0.1, x0 + side / 2 + 1, y0 + side + h * 0.1 + 1, fit_w=w * 0.7), (0, 0, 0), 0.4)
    R.fill(out, R.text(label, w * 0.1, x0 + side / 2, y0 + side + h * 0.1, fit_w=w * 0.7), WHITE)
    for nx in (x0 - side - int(w * 0.12), x0 + side + int(w * 0.12)):
        col = (rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255))
        R.fill(out, [R.rrect(nx, y0, nx + side, y0 + side, side * 0.22)], col)
    return out, {"scale": _r(k), "label": label}


def k_store_card_screenshot(img, rng, ctx):
    """Cut from an app-store list card: icon at the left, title bars, stars and an install button."""
    w, h = img.w, img.h
    out = R.Img(w, h, (rng.uniform(245, 255),) * 3)
    k = rng.uniform(0.56, 0.66)
    side = int(w * k)
    x0 = int(w * rng.uniform(0.03, 0.08))
    y0 = int(h * rng.uniform(0.08, 0.16))
    small = R.resample(img, side, side)
    layer = R.Img(w, h, WHITE)
    R.place(layer, small, x0, y0)
    R.composite(out, layer, _rounded_mask(w, h, x0, y0, x0 + side, y0 + side, side * 0.2))
    tx = x0 + side + w * 0.06
    R.fill(out, [R.rect(tx, y0 + side * 0.05, w, y0 + side * 0.05 + h * 0.07)], (40, 40, 40))
    R.fill(out, [R.rect(tx, y0 + side * 0.3, w * 0.98, y0 + side * 0.3 + h * 0.045)], (150, 150, 150))
    for i in range(3):
        R.fill(out, [R.star(tx + w * 0.05 + i * w * 0.09, y0 + side * 0.58, w * 0.04, w * 0.017)], (250, 170, 20))
    R.fill(out, [R.rrect(tx, y0 + side * 0.78, w + 20, y0 + side * 0.78 + h * 0.12, h * 0.06)], (30, 170, 90))
    R.fill(out, [R.rect(0, h * 0.9, w, h * 0.9 + 1.2)], (225, 225, 225))
    R.fill(out, [R.rect(x0, h * 0.93, x0 + w * 0.5, h * 0.93 + h * 0.04)], (190, 190, 190))
    return out, {"scale": _r(k), "x0": _r(x0 / w), "y0": _r(y0 / h)}


def k_screen_photo_moire(img, rng, ctx):
    """A phone photo of a monitor showing the icon: keystone, moire, colour cast, blur and noise."""
    w, h = img.w, img.h
    k = rng.uniform(0.04, 0.1)
    zoom = rng.uniform(0.82, 0.92)
    sxs, sys_ = [], []
    for y in range(h):
        for x in range(w):
            u, v = (x + 0.5) / w - 0.5, (y + 0.5) / h - 0.5
            s = (1 - k * (0.5 - v)) * zoom
            sxs.append((0.5 + u / s) * w)
            sys_.append((0.5 + v / zoom) * h)
    out = R.sample(img, sxs, sys_, w, h, (30.0, 30.0, 34.0))
    fx = rng.uniform(0.18, 0.32)
    fy = rng.uniform(0.05, 0.2)
    amp = rng.uniform(0.07, 0.13)
    cast = (rng.uniform(0.9, 1.0), rng.uniform(0.95, 1.02), rng.uniform(1.0, 1.12))
    mod = [1 + amp * math.sin(2 * math.pi * (fx * x + fy * y)) - 0.12 * (x / w) for y in range(h) for x in range(w)]
    out = R.blur(out, 0.8)
    chans = [[_clamp(v * m * c + rng.gauss(0, 5)) for v, m in zip(ch, mod, strict=True)]
             for ch, c in zip(out.chans(), cast, strict=True)]
    return R.Img.from_channels(w, h, *chans), {"keystone": _r(k), "zoom": _r(zoom), "moire_amp": _r(amp),
                                                "freq": [_r(fx), _r(fy)]}


def k_halftone(img, rng, ctx):
    """Newspaper/print halftone: each cell becomes a dot of its mean colour sized by darkness."""
    w, h = img.w, img.h
    cell = rng.choice([3, 4, 4])
    paper = (rng.uniform(240, 252), rng.uniform(236, 248), rng.uniform(225, 240))
    out = R.Img(w, h, paper)
    for by in range(0, h, cell):
        for bx in range(0, w, cell):
            idx = [y * w + x for y in range(by, min(by + cell, h)) for x in range(bx, min(bx + cell, w))]
            mr = sum(img.r[i] for i in idx) / len(idx)
            mg = sum(img.g[i] for i in idx) / len(idx)
            mb = sum(img.b[i] for i in idx) / len(idx)
            dark = 1 - (0.299 * mr + 0.587 * mg + 0.114 * mb) / 255
            sat = max(mr, mg, mb) - min(mr, mg, mb)
            ink = min(1.0, dark + sat / 400)
            rad = cell * 0.72 * math.sqrt(ink)
            col = (mr * 0.8, mg * 0.8, mb * 0.8) if sat > 30 else (mr * 0.5, mg * 0.5, mb * 0.5)
            cx, cy = bx + cell / 2, by + cell / 2
            for i in idx:
                x, y = i % w + 0.5, i // w + 0.5
                d = math.hypot(x - cx, y - cy)
                a = 1.0 if d < rad - 0.5 else (0.0 if d > rad + 0.5 else rad + 0.5 - d)
                if a > 0:
                    out.r[i] += (col[0] - out.r[i]) * a
                    out.g[i] += (col[1] - out.g[i]) * a
                    out.b[i] += (col[2] - out.b[i]) * a
    return out, {"cell": cell}


def k_cartoon(img, rng, ctx):
    """Style-transfer look: smoothed, flattened colours and dark ink outlines."""
    w, h = img.w, img.h
    sm = R.blur(img, 1.0)
    lv = rng.choice([3, 4, 5])
    flat = _chanmap(sm, lambda v: round(v / 255 * (lv - 1)) * 255.0 / (lv - 1))
    E = _edges(sm.luma(), w, h)
    th = rng.uniform(70, 110)
    m = [1.0 if e > th else (0.0 if e < th * 0.5 else (e - th * 0.5) / (th * 0.5)) for e in E]
    ink = (rng.uniform(10, 40), rng.uniform(10, 30), rng.uniform(10, 30))
    R.paint_mask(flat, m, ink)
    return flat, {"levels": lv, "edge_threshold": _r(th, 1)}


def k_neon(img, rng, ctx):
    """Neon re-skin: a dark field with the icon's contours glowing in its own colours."""
    w, h = img.w, img.h
    E = _edges(img.luma(), w, h)
    for ch in img.chans():
        E = [max(a, b) for a, b in zip(E, _edges(ch, w, h), strict=True)]
    m = [min(1.0, e / 80) for e in E]
    glow = R.blur_channel(m, w, h, 2.5)
    base = (rng.uniform(5, 25), rng.uniform(5, 25), rng.uniform(15, 40))
    sat = k_saturation_fixed(img, 1.6)
    mx = max(max(img.r), 1)
    out = R.Img(w, h, base)
    tint = (255.0, 255.0, 255.0) if mx < 40 else None
    col_img = sat if tint is None else R.Img(w, h, tint)
    # brighten the colour layer so dark brand colours still glow
    col_img = _chanmap(col_img, lambda v: min(255.0, v * 1.25 + 40))
    R.composite(out, col_img, [min(1.0, 0.9 * g + 0.8 * e) for g, e in zip(glow, m, strict=True)])
    return out, {"base": [int(v) for v in base]}


def k_saturation_fixed(img, s):
    def fn(r, g, b):
        L = 0.299 * r + 0.587 * g + 0.114 * b
        return (_clamp(L + (r - L) * s), _clamp(L + (g - L) * s), _clamp(L + (b - L) * s))

    return _pixmap(img, fn)


def k_emboss(img, rng, ctx):
    """Embossed relief (editor filter), tinted with the icon's mean colour."""
    w, h = img.w, img.h
    L = img.luma()
    ul = [L[0]] * (w + 1) + L[:-(w + 1)]
    dr = L[w + 1:] + [L[-1]] * (w + 1)
    k = rng.uniform(1.5, 2.5)
    rel = [_clamp(128 + k * (a - b)) for a, b in zip(ul, dr, strict=True)]
    mr, mg, mb = (sum(c) / len(c) for c in img.chans())
    mix = rng.uniform(0.35, 0.6)
    chans = [[_clamp(v * (1 - mix) + (v / 128) * m * mix) for v in rel] for m in (mr, mg, mb)]
    return R.Img.from_channels(w, h, *chans), {"strength": _r(k), "tint_mix": _r(mix)}


DUOTONES = [((20, 30, 90), (255, 200, 120)), ((60, 0, 60), (255, 160, 200)), ((0, 60, 50), (200, 255, 220)),
            ((90, 20, 0), (255, 230, 150)), ((10, 10, 10), (120, 220, 255))]


def k_duotone(img, rng, ctx):
    lo, hi = rng.choice(DUOTONES)
    L = img.luma()
    chans = [[lo[i] + (hi[i] - lo[i]) * v / 255 for v in L] for i in range(3)]
    return R.Img.from_channels(img.w, img.h, *chans), {"dark": list(lo), "light": list(hi)}


def k_gloss(img, rng, ctx):
    """Skeuomorphic re-skin: glossy highlight over the top half and a bevelled rim."""
    w, h = img.w, img.h
    out = img.copy()
    a = rng.uniform(0.25, 0.42)
    R.fill(out, [R.ellipse(w / 2, -h * rng.uniform(0.12, 0.3), w * 0.95, h * 0.7)], WHITE, a)
    b = max(2.0, w * 0.03)
    R.fill(out, [R.rect(0, 0, w, b), R.rect(0, b, b, h)], WHITE, 0.3)
    R.fill(out, [R.rect(0, h - b, w, h), R.rect(w - b, 0, w, h - b)], BLACK, 0.3)
    return out, {"highlight": _r(a)}


def k_sticker(img, rng, ctx):
    """Sticker cut-out: white die-cut border, drop shadow, slight turn, pastel background."""
    w, h = img.w, img.h
    bg = R.Img(w, h, (rng.uniform(200, 250), rng.uniform(200, 250), rng.uniform(200, 250)))
    k = rng.uniform(0.6, 0.72)
    deg = rng.uniform(4, 12) * rng.choice([-1, 1])
    rad = rng.choice([0.2, 0.5])
    warped, mask = _rotated_tile(img, w, h, k, deg, w / 2, h / 2, rad=rad)
    outline = _dilate(mask, w, h, max(2, int(w * 0.035)))
    sh = R.blur_channel(outline, w, h, 2.5)
    sh = _shift(sh, w, h, 3, 4)
    R.paint_mask(bg, sh, (30, 30, 30), 0.45)
    R.paint_mask(bg, outline, WHITE)
    R.composite(bg, warped, mask)
    return bg, {"scale": _r(k), "deg": _r(deg, 2), "shape": "circle" if rad == 0.5 else "rounded"}


def k_festive_frame(img, rng, ctx):
    """Spring-Festival re-skin: red frame, gold rule and corner ornaments, a 福 diamond."""
    w, h = img.w, img.h
    red = (rng.uniform(185, 215), rng.uniform(10, 30), rng.uniform(15, 35))
    gold = (235, 190, 70)
    out = R.Img(w, h, red)
    k = rng.uniform(0.7, 0.78)
    side = int(w * k)
    x0 = (w - side) // 2
    y0 = (h - side) // 2 + int(h * 0.03)
    R.place(out, R.resample(img, side, side), x0, y0)
    R.fill(out, [R.rect(x0 - 3, y0 - 3, x0 + side + 3, y0 + side + 3), list(reversed(R.rect(x0 - 1, y0 - 1, x0 + side + 1, y0 + side + 1)))], gold)
    for cx, cy in ((x0 - 1, y0 - 1), (x0 + side + 1, y0 - 1), (x0 - 1, y0 + side + 1), (x0 + side + 1, y0 + side + 1)):
        R.fill(out, [R.circle(cx, cy, w * 0.045)], gold)
    dcx, dcy, dr = w * 0.17, h * 0.17, w * 0.13
    R.fill(out, [[(dcx, dcy - dr), (dcx + dr, dcy), (dcx, dcy + dr), (dcx - dr, dcy)]], (220, 30, 30))
    R.fill(out, [[(dcx, dcy - dr), (dcx + dr, dcy), (dcx, dcy + dr), (dcx - dr, dcy)],
                 list(reversed([(dcx, dcy - dr * 0.85), (dcx + dr * 0.85, dcy), (dcx, dcy + dr * 0.85), (dcx - dr * 0.85, dcy)]))], gold)
    R.fill(out, R.text("福", dr * 1.1, dcx, dcy), gold)
    return out, {"scale": _r(k)}


def k_banner_crop(img, rng, ctx):
    """Cropped out of a promotional banner: gradient, coins, slogan text, icon off-centre."""
    w, h = img.w, img.h
    BW, BH = int(w * 2.2), int(h * 1.4)
    c0 = (rng.uniform(220, 255), rng.uniform(60, 140), rng.uniform(0, 40))
    c1 = (rng.uniform(180, 230), rng.uniform(0, 40), rng.uniform(20, 60))
    ban = R.linear_gradient(BW, BH, c0, c1, rng.uniform(0, 60))
    for _ in range(6):
        x, y, r = rng.uniform(0, BW), rng.uniform(0, BH), rng.uniform(0.05, 0.1) * w
        R.fill(ban, R.ring(x, y, r * 0.75, r), (250, 205, 80))
        R.fill(ban, [R.circle(x, y, r * 0.75)], (245, 185, 50))
    slogan = rng.choice(["新人专享", "最高领888元", "限时福利", "额度提升"])
    R.fill(ban, R.text(slogan, h * 0.3, BW * 0.72, BH * 0.3, fit_w=BW * 0.5), WHITE)
    R.fill(ban, [R.rrect(BW * 0.52, BH * 0.55, BW * 0.92, BH * 0.72, BH * 0.08)], (255, 240, 200))
    k = rng.uniform(0.45, 0.55)
    side = int(w * k)
    ix, iy = int(BW * rng.uniform(0.12, 0.22)), int(BH * rng.uniform(0.25, 0.4))
    R.place(ban, R.resample(img, side, side), ix, iy)
    crop = side * rng.uniform(1.35, 1.6)
    cx = ix + side / 2 + rng.uniform(-0.15, 0.15) * side
    cy = iy + side / 2 + rng.uniform(-0.15, 0.15) * side
    x0 = max(0.0, cx - crop / 2)
    y0 = max(0.0, min(BH - crop, cy - crop / 2))
    out = R.resample(ban, w, h, (x0, y0, x0 + crop, y0 + crop))
    return out, {"icon_share": _r(side / crop), "slogan": slogan}


def _nearest(pal, r, g, b):
    best, best_d = pal[0], 1e18
    for p in pal:
        d = (p[0] - r) ** 2 + (p[1] - g) ** 2 + (p[2] - b) ** 2
        if d < best_d:
            best, best_d = p, d
    return best


def k_palette_dither(img, rng, ctx):
    """GIF-style export: a 8-16 colour adaptive palette with Floyd-Steinberg error diffusion."""
    w, h = img.w, img.h
    ncol = rng.choice([8, 12, 16])
    hist = {}
    for r, g, b in zip(img.r, img.g, img.b, strict=True):
        key = (int(r) >> 5, int(g) >> 5, int(b) >> 5)
        hist[key] = hist.get(key, 0) + 1
    top = sorted(hist.items(), key=lambda kv: (-kv[1], kv[0]))[:ncol - 2]
    pal = [((k[0] << 5) + 16.0, (k[1] << 5) + 16.0, (k[2] << 5) + 16.0) for k, _ in top] + [(0.0, 0.0, 0.0), WHITE]
    er, eg, eb = list(img.r), list(img.g), list(img.b)
    rr, gg, bb = [0.0] * (w * h), [0.0] * (w * h), [0.0] * (w * h)
    cache = {}
    for y in range(h):
        for x in range(w):
            i = y * w + x
            r, g, b = _clamp(er[i]), _clamp(eg[i]), _clamp(eb[i])
            key = (int(r) >> 2, int(g) >> 2, int(b) >> 2)
            c = cache.get(key)
            if c is None:
                c = _nearest(pal, r, g, b)
                cache[key] = c
            rr[i], gg[i], bb[i] = c
            dr, dg, db = r - c[0], g - c[1], b - c[2]
            for j, f in ((i + 1, 7 / 16), (i + w - 1, 3 / 16), (i + w, 5 / 16), (i + w + 1, 1 / 16)):
                if j < w * h and not (f == 7 / 16 and x == w - 1) and not (f == 3 / 16 and x == 0) \
                        and not (f == 1 / 16 and x == w - 1):
                    er[j] += dr * f
                    eg[j] += dg * f
                    eb[j] += db * f
    return R.Img.from_channels(w, h, rr, gg, bb), {"colours": len(pal)}


def k_crt_scanlines(img, rng, ctx):
    """Retro CRT filter: dark scanlines every few rows and a red/blue sub-pixel offset."""
    w, h = img.w, img.h
    period = rng.choice([2, 3, 4])
    dark = rng.uniform(0.45, 0.65)
    d = rng.choice([1, 2])
    r = _shift(img.r, w, h, d, 0)
    b = _shift(img.b, w, h, -d, 0)
    g = list(img.g)
    f = [dark if (i // w) % period == period - 1 else 1.0 for i in range(w * h)]
    return R.Img.from_channels(w, h, [v * k for v, k in zip(r, f, strict=True)], [v * k for v, k in zip(g, f, strict=True)],
                               [v * k for v, k in zip(b, f, strict=True)]), {"period": period, "dark": _r(dark), "shift": d}


def k_chromatic_aberration(img, rng, ctx):
    """Cheap-lens / AR-filter look: red and blue planes pulled apart by a few pixels."""
    w, h = img.w, img.h
    d = rng.choice([2, 3, 4])
    ang = rng.uniform(0, 2 * math.pi)
    dx, dy = int(round(d * math.cos(ang))), int(round(d * math.sin(ang)))
    return R.Img.from_channels(w, h, _shift(img.r, w, h, dx, dy), list(img.g), _shift(img.b, w, h, -dx, -dy)), \
        {"dx": dx, "dy": dy}


def k_vignette_lightleak(img, rng, ctx):
    """Instagram-like filter: dark vignette plus a warm light leak from one corner."""
    w, h = img.w, img.h
    v = rng.uniform(0.3, 0.5)
    corner = rng.choice([(0, 0), (w, 0), (0, h), (w, h)])
    leak = rng.uniform(0.35, 0.6)
    cx, cy = w / 2, h / 2
    chans = [[], [], []]
    warm = (255.0, 150.0, 60.0)
    for i in range(w * h):
        x, y = i % w + 0.5, i // w + 0.5
        rr = ((x - cx) ** 2 + (y - cy) ** 2) / (cx * cx + cy * cy)
        f = 1 - v * rr
        lk = max(0.0, 1 - math.hypot(x - corner[0], y - corner[1]) / (0.8 * w)) * leak
        for k, ch in enumerate(img.chans()):
            base = ch[i] * f
            chans[k].append(255 - (255 - base) * (255 - warm[k] * lk) / 255)
    return R.Img.from_channels(w, h, *chans), {"vignette": _r(v), "leak": _r(leak), "corner": list(corner)}


def k_dark_mode(img, rng, ctx):
    """Dark-mode re-theme: light neutral areas go near-black, colours keep their hue a little dimmer."""
    dim = rng.uniform(0.78, 0.92)
    floor = rng.uniform(18, 40)
    cache = {}

    def fn(r, g, b):
        key = (int(r), int(g), int(b))
        v = cache.get(key)
        if v is None:
            hh, ss, vv = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
            light = max(0.0, min(1.0, (vv - 0.55) / 0.3)) * max(0.0, min(1.0, (0.3 - ss) / 0.2))
            v2 = vv * dim * (1 - light) + (floor / 255 + (1 - vv) * 0.5) * light
            x, y, z = colorsys.hsv_to_rgb(hh, ss * (1 - 0.5 * light), v2)
            v = (x * 255, y * 255, z * 255)
            cache[key] = v
        return v

    return _pixmap(img, fn), {"dim": _r(dim), "floor": _r(floor, 1)}


def k_rerender(img, rng, ctx):
    """The counterfeiter redraws the logo: same design, slightly different geometry and colours."""
    spec = ctx["spec"]
    j = {"scale": _r(rng.uniform(0.86, 1.1)), "dx": _r(rng.uniform(-0.05, 0.05)), "dy": _r(rng.uniform(-0.05, 0.05)),
         "tint": [int(rng.uniform(-25, 25)) for _ in range(3)], "stroke": _r(rng.uniform(0.75, 1.35)),
         "angle": _r(rng.uniform(-30, 30), 1)}
    return icons.render(spec, img.w, j), {"jitter": j}


def k_font_swap(img, rng, ctx):
    """Redrawn with another typeface weight/slant for the glyphs and letters of the logo."""
    spec = ctx["spec"]
    gs = {"bold": _r(rng.uniform(0.02, 0.045)), "slant": _r(rng.uniform(0.12, 0.28) * rng.choice([-1, 1])),
          "latin_font": rng.choice([ttf.FONT_SERIF_BOLD, ttf.FONT_SANS])}
    j = {"gstyle": gs, "scale": _r(rng.uniform(0.94, 1.04))}
    out = icons.render(spec, img.w, j)
    return out, {"jitter": {"gstyle": {"bold": gs["bold"], "slant": gs["slant"],
                                       "latin_font": gs["latin_font"].rsplit("/", 1)[-1]}, "scale": j["scale"]}}


def k_outline_redraw(img, rng, ctx):
    """Line-art redraw: the logo's filled shapes become outlines on the original field colour."""
    w, h = img.w, img.h
    bc = _corner_colour(img)
    m = []
    acc = [0.0, 0.0, 0.0, 0.0]
    for r, g, b in zip(img.r, img.g, img.b, strict=True):
        d = abs(r - bc[0]) + abs(g - bc[1]) + abs(b - bc[2])
        v = 1.0 if d > 80 else (0.0 if d < 30 else (d - 30) / 50)
        m.append(v)
        if v > 0.9:
            acc[0] += r
            acc[1] += g
            acc[2] += b
            acc[3] += 1
    fg = tuple(acc[i] / max(1, acc[3]) for i in range(3)) if acc[3] else (0.0, 0.0, 0.0)
    t = rng.choice([1, 2])
    ring_ = [max(0.0, a - b) for a, b in zip(_dilate(m, w, h, t), _erode(m, w, h, 1), strict=True)]
    out = R.Img(w, h, bc)
    R.paint_mask(out, ring_, fg)
    return out, {"width": t}


def k_glitch(img, rng, ctx):
    """Glitch-art filter: horizontal slices displaced, some with only one colour plane moved."""
    w, h = img.w, img.h
    out = img.copy()
    bands = []
    for _ in range(rng.randint(4, 7)):
        y0 = rng.randint(0, h - 4)
        hh = rng.randint(2, max(3, h // 14))
        dx = rng.randint(4, max(5, w // 9)) * rng.choice([-1, 1])
        which = rng.choice(["all", "all", "r", "b"])
        bands.append([y0, hh, dx, which])
        for y in range(y0, min(h, y0 + hh)):
            for name, src, dst in (("r", img.r, out.r), ("g", img.g, out.g), ("b", img.b, out.b)):
                if which != "all" and which != name:
                    continue
                row = src[y * w:(y + 1) * w]
                dst[y * w:(y + 1) * w] = [row[(x - dx) % w] for x in range(w)]
    return out, {"bands": bands}


def k_lens_bulge(img, rng, ctx):
    """Fish-eye / bulge sticker lens: centre magnified, edges compressed."""
    w, h = img.w, img.h
    k = rng.uniform(0.25, 0.5) * rng.choice([1, 1, -0.6])
    cx, cy = w / 2, h / 2
    sxs, sys_ = [], []
    R0 = math.hypot(cx, cy)
    for y in range(h):
        for x in range(w):
            dx, dy = x + 0.5 - cx, y + 0.5 - cy
            r = math.hypot(dx, dy) / R0
            f = r ** k if r > 0 else 0.0
            sxs.append(cx + dx * f)
            sys_.append(cy + dy * f)
    return R.sample(img, sxs, sys_, w, h, clamp=True), {"k": _r(k)}


def k_wave_warp(img, rng, ctx):
    w, h = img.w, img.h
    amp = rng.uniform(1.5, 3.5)
    lam = rng.uniform(22, 40)
    sxs = [x + 0.5 + amp * math.sin(2 * math.pi * y / lam) for y in range(h) for x in range(w)]
    sys_ = [y + 0.5 + amp * math.sin(2 * math.pi * x / lam) for y in range(h) for x in range(w)]
    return R.sample(img, sxs, sys_, w, h, clamp=True), {"amp": _r(amp), "wavelength": _r(lam, 1)}


def k_channel_swap(img, rng, ctx):
    """Store pipeline bug: the image decoded as BGR (or another channel order)."""
    order = rng.choice(["bgr", "grb", "brg"])
    m = {"r": img.r, "g": img.g, "b": img.b}
    return R.Img.from_channels(img.w, img.h, list(m[order[0]]), list(m[order[1]]), list(m[order[2]])), {"order": order}


def k_alpha_black(img, rng, ctx):
    """RGBA export with transparent rounded corners whose colour is black (flatteners show black)."""
    w, h = img.w, img.h
    rad = rng.uniform(0.18, 0.3) * w
    m = _rounded_mask(w, h, 0, 0, w, h, rad)
    out = R.Img.from_channels(w, h, [v * k for v, k in zip(img.r, m, strict=True)],
                              [v * k for v, k in zip(img.g, m, strict=True)],
                              [v * k for v, k in zip(img.b, m, strict=True)], [255.0 * k for k in m])
    return out, {"radius": _r(rad / w)}


def k_tiny_thumb_upscale(img, rng, ctx):
    """Recovered from a tiny thumbnail: down to 20-32 px and blown back up."""
    s = rng.choice([20, 24, 28, 32])
    small = R.resample(img, s, s)
    mode = rng.choice(["nearest", "bilinear"])
    out = R.nearest(small, img.w, img.h) if mode == "nearest" else R.resample(small, img.w, img.h)
    return out, {"thumb": s, "upscale": mode}


def k_qr_overlay(img, rng, ctx):
    """Scan-to-download QR code pasted over a corner."""
    w, h = img.w, img.h
    out = img.copy()
    k = rng.uniform(0.34, 0.44)
    side = w * k
    corner = rng.choice(["br", "bl", "tr"])
    x0 = w - side - w * 0.03 if corner in ("br", "tr") else w * 0.03
    y0 = h - side - h * 0.03 if corner in ("br", "bl") else h * 0.03
    R.fill(out, [R.rect(x0, y0, x0 + side, y0 + side)], WHITE)
    n = 21
    q = side * 0.9 / n
    ox, oy = x0 + side * 0.05, y0 + side * 0.05
    conts = []
    for j in range(n):
        for i in range(n):
            finder = (i < 7 and j < 7) or (i >= n - 7 and j < 7) or (i < 7 and j >= n - 7)
            if finder:
                ii, jj = i % (n - 7) if i >= n - 7 else i, j % (n - 7) if j >= n - 7 else j
                on = ii in (0, 6) or jj in (0, 6) or (2 <= ii <= 4 and 2 <= jj <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                conts.append(R.rect(ox + i * q, oy + j * q, ox + (i + 1) * q, oy + (j + 1) * q))
    R.fill(out, conts, (10, 10, 10))
    return out, {"corner": corner, "size": _r(k)}


def k_red_packet_sticker(img, rng, ctx):
    """A red-envelope (hongbao) sticker slapped over a lower corner."""
    w, h = img.w, img.h
    out = img.copy()
    ew, eh = w * rng.uniform(0.3, 0.36), h * rng.uniform(0.4, 0.46)
    side = rng.choice(["br", "bl"])
    cx = w - ew * 0.62 if side == "br" else ew * 0.62
    cy = h - eh * 0.55
    deg = rng.uniform(8, 18) * (1 if side == "br" else -1)
    env = [R.rrect(cx - ew / 2, cy - eh / 2, cx + ew / 2, cy + eh / 2, ew * 0.12)]
    R.fill(out, R.rotate_pts([R.rrect(cx - ew / 2 - 2, cy - eh / 2 - 2, cx + ew / 2 + 2, cy + eh / 2 + 2, ew * 0.14)], cx, cy, deg),
           (255, 230, 180))
    R.fill(out, R.rotate_pts(env, cx, cy, deg), (225, 35, 35))
    R.fill(out, R.rotate_pts([R.ellipse(cx, cy - eh * 0.32, ew * 0.6, eh * 0.22)], cx, cy, deg), (195, 20, 25))
    R.fill(out, R.rotate_pts([R.circle(cx, cy - eh * 0.1, ew * 0.2)], cx, cy, deg), (250, 200, 70))
    R.fill(out, R.rotate_pts(R.text("¥", ew * 0.3, cx, cy - eh * 0.1, ttf.FONT_SANS_BOLD), cx, cy, deg), (200, 30, 30))
    return out, {"corner": side, "deg": _r(deg, 2), "size": [_r(ew / w), _r(eh / h)]}


def k_exif_rotate90(img, rng, ctx):
    """Pipeline ignored the EXIF orientation: the icon arrives turned by 90, 180 or 270 degrees."""
    w, h = img.w, img.h
    turn = rng.choice([90, 90, 270, 180])
    if turn == 90:
        idx = [(h - 1 - x) * w + y for y in range(w) for x in range(h)]
    elif turn == 270:
        idx = [x * w + (w - 1 - y) for y in range(w) for x in range(h)]
    else:
        idx = list(range(w * h - 1, -1, -1))
    return R.Img.from_channels(h if turn != 180 else w, w if turn != 180 else h, [img.r[i] for i in idx],
                               [img.g[i] for i in idx], [img.b[i] for i in idx]), {"turn": turn}


def k_partial_mosaic(img, rng, ctx):
    """A region pixelated (someone 'censored' part of the logo or a corner watermark)."""
    w, h = img.w, img.h
    fw, fh = rng.uniform(0.35, 0.5), rng.uniform(0.3, 0.45)
    x0 = int(rng.uniform(0, 1 - fw) * w)
    y0 = int(rng.uniform(0, 1 - fh) * h)
    bs = rng.choice([6, 8, 10])
    return _mosaic_region(img, bs, x0, y0, x0 + int(fw * w), y0 + int(fh * h)), \
        {"box": [_r(x0 / w), _r(y0 / h), _r(fw), _r(fh)], "block": bs}


def k_letterbox_squash(img, rng, ctx):
    """Put in a 16:9 (or 9:16) video frame with black bars, then squashed back to a square thumbnail."""
    w, h = img.w, img.h
    vertical = rng.random() < 0.3
    ratio = rng.choice([16 / 9, 4 / 3])
    if vertical:
        H = int(h * ratio)
        canvas = R.Img(w, H, BLACK)
        R.place(canvas, img, 0, (H - h) // 2)
    else:
        W = int(w * ratio)
        canvas = R.Img(W, h, BLACK)
        R.place(canvas, img, (W - w) // 2, 0)
    return R.resample(canvas, w, h), {"ratio": _r(ratio), "vertical": vertical}


def k_sepia_aged(img, rng, ctx):
    """Vintage filter: sepia, darker edges, paper grain and a few scratches."""
    w, h = img.w, img.h

    def fn(r, g, b):
        return (_clamp(0.393 * r + 0.769 * g + 0.189 * b), _clamp(0.349 * r + 0.686 * g + 0.168 * b),
                _clamp(0.272 * r + 0.534 * g + 0.131 * b))

    out = _pixmap(img, fn)
    cx, cy = w / 2, h / 2
    f = [1 - 0.35 * (((i % w) - cx) ** 2 + ((i // w) - cy) ** 2) / (cx * cx + cy * cy) for i in range(w * h)]
    grain = [rng.gauss(0, 7) for _ in range(w * h)]
    out = R.Img.from_channels(w, h, *[[_clamp(v * k + e) for v, k, e in zip(ch, f, grain, strict=True)] for ch in out.chans()])
    for _ in range(rng.randint(2, 4)):
        x = rng.uniform(0, w)
        R.fill(out, [R.segment((x, 0), (x + rng.uniform(-8, 8), h), 0.8)], (245, 235, 215), 0.6)
    return out, {}


def k_cmyk_roundtrip(img, rng, ctx):
    """Naive RGB->CMYK->RGB through a print profile: dot gain, ink limit, dull blacks."""
    gain = rng.uniform(1.15, 1.4)
    klim = rng.uniform(0.78, 0.9)

    def fn(r, g, b):
        c, m, y = 1 - r / 255, 1 - g / 255, 1 - b / 255
        k = min(c, m, y)
        if k < 1:
            c, m, y = (c - k) / (1 - k), (m - k) / (1 - k), (y - k) / (1 - k)
        c, m, y = c ** (1 / gain), m ** (1 / gain), y ** (1 / gain)
        k = min(k, klim)
        return (255 * (1 - c) * (1 - k) * 0.97, 255 * (1 - m) * (1 - k) * 0.98, 255 * (1 - y) * (1 - k) * 0.93)

    return _pixmap(img, fn), {"dot_gain": _r(gain), "black_limit": _r(klim)}


def k_store_reencode(img, rng, ctx):
    """What a store does to an uploaded icon: resize to its own size and/or re-encode (negatives, repacks)."""
    prm = {}
    if rng.random() < 0.7:
        s = rng.choice([96, 108, 136, 144, 192, 216])
        img = R.resample(img, s, s)
        prm["size"] = s
    if rng.random() < 0.5 or not prm:
        q = rng.randint(80, 95)
        img = jpeg_sim(img, q)
        prm["quality"] = q
    return img, prm


PIPELINE = {"store_reencode": k_store_reencode}

CLASSIC = {
    "resize_small": k_resize_small, "crop_center": k_crop_center, "crop_offset": k_crop_offset,
    "pad_shrink": k_pad_shrink, "rotate": k_rotate, "mirror": k_mirror, "hue_shift": k_hue_shift,
    "grayscale": k_grayscale, "invert": k_invert, "brightness_contrast": k_brightness_contrast, "blur": k_blur,
    "noise": k_noise, "jpeg": k_jpeg, "badge_corner": k_badge_corner, "text_band": k_text_band,
    "center_stamp": k_center_stamp, "corner_ribbon": k_corner_ribbon, "round_mask": k_round_mask,
    "circle_mask": k_circle_mask, "translate": k_translate, "perspective": k_perspective,
    "tile_rotated_bg": k_tile_rotated_bg, "bg_replace": k_bg_replace, "frame": k_frame, "mosaic": k_mosaic,
    # used in chains and light copies only
    "resize_large": k_resize_large, "saturation": k_saturation, "shear": k_shear, "sharpen": k_sharpen,
    "drop_shadow": k_drop_shadow, "gamma": k_gamma, "posterize": k_posterize, "watermark": k_watermark,
    "aspect_stretch": k_aspect_stretch,
}
INVENTED = {
    "homescreen_screenshot": k_homescreen_screenshot, "store_card_screenshot": k_store_card_screenshot,
    "screen_photo_moire": k_screen_photo_moire, "halftone": k_halftone, "cartoon": k_cartoon, "neon": k_neon,
    "emboss": k_emboss, "duotone": k_duotone, "gloss": k_gloss, "sticker": k_sticker,
    "festive_frame": k_festive_frame, "banner_crop": k_banner_crop, "palette_dither": k_palette_dither,
    "crt_scanlines": k_crt_scanlines, "chromatic_aberration": k_chromatic_aberration, "dark_mode": k_dark_mode,
    "rerender": k_rerender, "font_swap": k_font_swap, "outline_redraw": k_outline_redraw, "glitch": k_glitch,
    "lens_bulge": k_lens_bulge, "channel_swap": k_channel_swap, "alpha_black": k_alpha_black,
    "qr_overlay": k_qr_overlay, "red_packet_sticker": k_red_packet_sticker,
    # used in chains only
    "wave_warp": k_wave_warp, "tiny_thumb_upscale": k_tiny_thumb_upscale, "exif_rotate90": k_exif_rotate90,
    "partial_mosaic": k_partial_mosaic, "letterbox_squash": k_letterbox_squash, "sepia_aged": k_sepia_aged,
    "cmyk_roundtrip": k_cmyk_roundtrip, "vignette_lightleak": k_vignette_lightleak,
}
KINDS = dict(CLASSIC, **INVENTED, **PIPELINE)

SINGLE_CLASSIC = list(CLASSIC)[:25]
SINGLE_INVENTED = list(INVENTED)[:25]
SINGLE_KINDS = SINGLE_CLASSIC + SINGLE_INVENTED

# kinds that need the source spec (must come first in a chain)
SPEC_KINDS = ("rerender", "font_swap")
# kinds that replace the field round the logo or shrink it into a scene (at most one per chain)
CONTAINERS = ("pad_shrink", "tile_rotated_bg", "frame", "homescreen_screenshot", "store_card_screenshot", "sticker",
              "festive_frame", "banner_crop", "letterbox_squash", "drop_shadow", "screen_photo_moire")
# strong restyles (at most one per chain)
STYLES = ("invert", "neon", "emboss", "duotone", "cartoon", "halftone", "outline_redraw", "palette_dither",
          "dark_mode", "sepia_aged", "glitch", "posterize", "grayscale", "channel_swap", "hue_shift", "cmyk_roundtrip")
LAST_ONLY = ("alpha_black", "resize_small", "resize_large")

# light edits for name counterfeits that also copy the icon
LIGHT = ("resize_small", "jpeg", "badge_corner", "text_band", "crop_center", "hue_shift", "round_mask", "pad_shrink",
         "rotate", "blur", "noise", "center_stamp", "corner_ribbon", "gloss", "frame")


def apply(img, steps, rng, ctx):
    """Apply [kind, ...] in order; returns (img, [[kind, params], ...])."""
    done = []
    for kind in steps:
        img, prm = KINDS[kind](img, rng, ctx)
        done.append([kind, prm])
    return img, done
