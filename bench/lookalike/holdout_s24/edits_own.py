"""Edits of my own invention (not the usual counterfeiter list). Same signature as edits_basic."""

from __future__ import annotations

import math

import imgutil as U
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps
from scipy import ndimage
from scipy.spatial import cKDTree

N = U.N


def _remap(img: Image.Image, sx: np.ndarray, sy: np.ndarray, fill) -> Image.Image:
    a = U.np_rgb(img)
    out = np.empty_like(a)
    for c in range(3):
        out[..., c] = ndimage.map_coordinates(a[..., c], [sy, sx], order=1, mode="constant", cval=fill[c])
    return U.to_img(out)


def halftone(img, s, r):
    """Colour halftone print: one dot per cell, its area from the cell's darkness, on paper."""
    cell = int(round(6 + 12 * s))
    n = N // cell + 1
    small = U.np_rgb(img.resize((n, n), Image.BOX))
    k = 3
    out = Image.new("RGB", (N * k, N * k), (250, 248, 240))
    d = ImageDraw.Draw(out)
    for i in range(n):
        for j in range(n):
            c = small[i, j]
            dark = 1 - c.mean() / 255
            rad = cell * k / 2 * (0.25 + 1.05 * math.sqrt(max(dark, 0.02)))
            sat = c.max() - c.min()
            col = tuple(int(v) for v in (c if sat > 40 or dark > 0.1 else (235, 232, 225)))
            cx, cy = (j + 0.5) * cell * k, (i + 0.5) * cell * k
            d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=col)
    return out.resize((N, N), Image.LANCZOS), {"cell_px": cell}


def emboss(img, s, r):
    """Metal relief: the emblem pressed into gold or silver, lit from the top left."""
    m = U.segment(img)
    h = ndimage.gaussian_filter(m, 2 + 3 * s)
    gy, gx = np.gradient(h)
    shade = np.clip(0.55 + 6 * (-gx - gy), 0, 1.2)
    metal = np.asarray(r.choice([(212, 175, 55), (192, 192, 200), (184, 115, 51)]), np.float32)
    relief = shade[..., None] * metal[None, None, :] * (0.85 + 0.15 * m[..., None])
    keep = max(0.0, 0.55 - 0.6 * s)
    out = relief * (1 - keep) + U.np_rgb(img) * keep
    return U.to_img(out), {"metal": [int(v) for v in metal], "keep_colour": round(keep, 2)}


def neon(img, s, r):
    """Neon sign: the emblem's edges as glowing tubes on a dark wall."""
    m = U.segment(img)
    mi = Image.fromarray((m * 255).astype(np.uint8))
    w = 5 if s < 0.5 else 3
    edge = (
        np.asarray(mi.filter(ImageFilter.MaxFilter(w)), np.float32)
        - np.asarray(mi.filter(ImageFilter.MinFilter(w)), np.float32)
    ) / 255
    col = np.asarray(U.dominant_colour(img), np.float32)
    if s > 0.6:
        col = np.asarray(r.choice([(0, 255, 230), (255, 60, 200), (120, 255, 60)]), np.float32)
    glow = ndimage.gaussian_filter(edge, 6 + 8 * s) * 3
    wall = np.asarray((12, 10, 24), np.float32)
    fill = max(0.0, 0.3 - 0.4 * s)
    a = wall + glow[..., None] * col * 0.9 + edge[..., None] * (col * 0.5 + 140) + fill * m[..., None] * col
    return U.to_img(a), {"tube": [int(v) for v in col], "fill": round(fill, 2)}


def cross_stitch(img, s, r):
    """Embroidery: every cell one coloured cross on linen."""
    cell = int(round(8 + 10 * s))
    n = N // cell + 1
    small = U.np_rgb(img.resize((n, n), Image.BOX))
    linen = (236, 228, 210)
    out = Image.new("RGB", (N, N), linen)
    d = ImageDraw.Draw(out)
    for yy in range(0, N, 4):
        d.line([(0, yy), (N, yy)], fill=(226, 217, 197), width=1)
    w = max(3, cell // 3)
    for i in range(n):
        for j in range(n):
            c = tuple(int(v) for v in small[i, j])
            x0, y0 = j * cell, i * cell
            d.line([(x0, y0), (x0 + cell - 1, y0 + cell - 1)], fill=c, width=w)
            d.line([(x0 + cell - 1, y0), (x0, y0 + cell - 1)], fill=c, width=w)
    return out, {"cell_px": cell}


def stained_glass(img, s, r):
    """Stained glass: Voronoi panes of the icon's colours joined by dark lead."""
    g = np.random.default_rng(r.randrange(1 << 30))
    cells = int(2600 - 1600 * s)
    pts = g.random((cells, 2)) * N
    yy, xx = np.mgrid[0:N, 0:N]
    _, lab = cKDTree(pts).query(np.stack([yy.ravel(), xx.ravel()], 1))
    lab = lab.reshape(N, N)
    a = U.np_rgb(img).reshape(-1, 3)
    sums = np.zeros((cells, 3))
    np.add.at(sums, lab.ravel(), a)
    cnt = np.bincount(lab.ravel(), minlength=cells)[:, None]
    pane = (sums / np.maximum(cnt, 1))[lab]
    edge = (np.diff(lab, axis=0, prepend=lab[:1]) != 0) | (np.diff(lab, axis=1, prepend=lab[:, :1]) != 0)
    if s > 0.75:
        edge = ndimage.binary_dilation(edge, iterations=1)
    lead = 0.3 + 0.5 * s
    pane[edge] = pane[edge] * (1 - lead) + np.asarray((30, 28, 26)) * lead
    return U.to_img(pane * 1.05 + 5), {"panes": cells}


def duotone(img, s, r):
    """Poster duotone: luminance mapped between a new shadow and highlight colour."""
    pairs = [
        ((20, 30, 90), (255, 180, 150)),
        ((60, 10, 60), (120, 240, 200)),
        ((10, 60, 40), (250, 240, 120)),
        ((90, 20, 10), (160, 220, 255)),
    ]
    lo, hi = r.choice(pairs)
    g = ImageOps.grayscale(img)
    tone = ImageOps.colorize(g, lo, hi)
    out = Image.blend(img, tone, min(1.0, 0.55 + 0.5 * s))
    return out, {"shadow": list(lo), "highlight": list(hi)}


def paper_fold(img, s, r):
    """The icon printed on paper folded along a vertical crease: one side turned away and shaded."""
    ang = math.radians(20 + 55 * s)
    pos = r.uniform(0.45, 0.62)
    flip = r.random() < 0.5
    a = U.np_rgb(ImageOps.mirror(img) if flip else img)
    fold = int(N * pos)
    keep = a[:, :fold]
    rest = Image.fromarray(a[:, fold:].astype(np.uint8))
    w = max(8, int((N - fold) * math.cos(ang)))
    rest = np.asarray(rest.resize((w, N), Image.LANCZOS), np.float32) * (0.95 - 0.4 * s)
    out = np.full((N, N, 3), 225.0, np.float32)
    out[:, :fold] = keep
    out[:, fold : fold + w] = rest
    sk = np.linspace(0, 1, w)[None, :, None]
    out[:, fold : fold + w] *= 1 - 0.25 * s * (1 - sk)
    out[:, max(0, fold - 2) : fold + 2] = np.clip(out[:, max(0, fold - 2) : fold + 2] * 1.25 + 20, 0, 255)
    res = U.to_img(out)
    if flip:
        res = ImageOps.mirror(res)
    return res, {"fold_at": round(pos, 3), "angle_deg": round(math.degrees(ang), 1), "left_side": flip}


def torn_edge(img, s, r):
    """A corner or side torn off along a jagged line, paper fibres showing."""
    g = np.random.default_rng(r.randrange(1 << 30))
    depth = (0.1 + 0.22 * s) * N
    side = r.choice(["right", "bottom", "corner"])
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    jag = np.cumsum(g.normal(0, 3, N)).astype(np.float32)
    jag -= jag.mean()
    if side == "right":
        line = N - depth + jag[None, :].T.repeat(N, 1)
        torn = xx > line
        fibre = (xx > line - 5) & ~torn
    elif side == "bottom":
        line = N - depth + jag[None, :].repeat(N, 0)
        torn = yy > line
        fibre = (yy > line - 5) & ~torn
    else:
        diag = (xx + yy) / 2
        line = N - depth * 0.9 + jag[((xx - yy) / 2 + N / 2).clip(0, N - 1).astype(int)]
        torn = diag > line
        fibre = (diag > line - 4) & ~torn
    a = U.np_rgb(img)
    under = np.asarray(r.choice([(245, 245, 240), (30, 30, 30), (200, 210, 220)]), np.float32)
    a[torn] = under
    a[fibre] = a[fibre] * 0.3 + 255 * 0.7
    return U.to_img(a), {"side": side, "depth_px": round(depth)}


def scanlines(img, s, r):
    """A CRT screen: dark scanlines, RGB phosphor columns and bloom."""
    a = U.np_rgb(img)
    pitch = 3 + int(round(3 * s))
    yy = np.arange(N)[:, None]
    xx = np.arange(N)[None, :]
    lines = np.where(yy % pitch == 0, 1 - (0.35 + 0.45 * s), 1.0)
    phos = np.ones((1, N, 3), np.float32) * (1 - 0.35 * s)
    for c in range(3):
        phos[0, (xx[0] % 3) == c, c] = 1.0
    bloom = ndimage.gaussian_filter(a, (4, 4, 0)) * 0.25 * s
    out = a * lines[..., None] * phos + bloom
    return U.to_img(out), {"pitch_px": pitch}


def chromatic(img, s, r):
    """Chromatic aberration: red and blue planes slid apart."""
    d = 2 + 16 * s
    ang = r.uniform(0, 2 * math.pi)
    dx, dy = int(round(d * math.cos(ang))), int(round(d * math.sin(ang)))
    a = U.np_rgb(img)
    out = a.copy()
    out[..., 0] = np.roll(a[..., 0], (dy, dx), (0, 1))
    out[..., 2] = np.roll(a[..., 2], (-dy, -dx), (0, 1))
    return U.to_img(out), {"shift_px": round(d, 1)}


def swirl(img, s, r):
    """A twirl about the centre, strongest in the middle."""
    strength = (0.4 + 1.5 * s) * r.choice([-1, 1])
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    cx = cy = N / 2
    dx, dy = xx - cx, yy - cy
    rad = np.hypot(dx, dy)
    theta = np.arctan2(dy, dx) - strength * np.clip(1 - rad / (N * 0.5), 0, 1) ** 2
    return _remap(img, cx + rad * np.cos(theta), cy + rad * np.sin(theta), U.bg_colour(img)), {
        "radians": round(strength, 2)
    }


def wave(img, s, r):
    """Sinusoidal ripple of rows (and at strength of columns too)."""
    amp = 4 + 13 * s
    lam = r.uniform(70, 160)
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    sx = xx + amp * np.sin(2 * math.pi * yy / lam)
    sy = yy + (amp * 0.6 * np.sin(2 * math.pi * xx / (lam * 1.3)) if s > 0.5 else 0)
    return _remap(img, sx, sy, U.bg_colour(img)), {"amplitude_px": round(amp, 1), "wavelength_px": round(lam)}


def fisheye(img, s, r):
    """Barrel bulge: the middle magnified as through a lens."""
    k = 1.15 + 0.85 * s
    yy, xx = np.mgrid[0:N, 0:N].astype(np.float32)
    c = N / 2
    dx, dy = (xx - c) / c, (yy - c) / c
    rad = np.hypot(dx, dy)
    f = np.where(rad < 1, rad**k, 1.0) / np.maximum(rad, 1e-6)
    f = np.where(rad < 1, f, 1.0)
    return _remap(img, c + dx * f * c, c + dy * f * c, U.bg_colour(img)), {"power": round(k, 2)}


def shatter(img, s, r):
    """Broken into pieces (a grid with cracks), each nudged and turned a little."""
    n = 2 if s < 0.5 else 3
    step = N // n
    gap_col = r.choice([(255, 255, 255), (20, 20, 20)])
    out = Image.new("RGB", (N, N), gap_col)
    for i in range(n):
        for j in range(n):
            piece = img.crop((j * step, i * step, (j + 1) * step, (i + 1) * step)).convert("RGBA")
            piece = piece.rotate(r.uniform(-1, 1) * (1 + 6 * s), Image.BICUBIC, expand=True)
            dx, dy = r.uniform(-1, 1) * (2 + 10 * s), r.uniform(-1, 1) * (2 + 10 * s)
            U.paste_center(out, piece, (j + 0.5) * step + dx, (i + 0.5) * step + dy)
    return out, {"grid": n, "gap": list(gap_col)}


def long_shadow(img, s, r):
    """Flat-design long shadow cast by the emblem towards a corner."""
    m = U.segment(img)
    length = int(30 + 200 * s)
    acc = np.zeros_like(m)
    sh = m.copy()
    for _ in range(length // 2):
        sh = np.roll(np.roll(sh, 2, 0), 2, 1)
        sh[:2, :] = 0
        sh[:, :2] = 0
        acc = np.maximum(acc, sh)
    a = U.np_rgb(img)
    bgc = np.asarray(U.bg_colour(img), np.float32)
    dark = bgc * 0.62
    shadow = acc * (1 - m)
    a = a * (1 - shadow[..., None]) + dark * shadow[..., None]
    return U.to_img(a), {"length_px": length}


def glitch(img, s, r):
    """Digital glitch: horizontal slices shifted, a few with split colour planes."""
    a = U.np_rgb(img)
    out = a.copy()
    n = int(4 + 12 * s)
    for _ in range(n):
        y0 = r.randrange(0, N - 8)
        h = r.randrange(4, int(12 + 40 * s))
        sh = int(r.uniform(-1, 1) * (6 + 44 * s))
        out[y0 : y0 + h] = np.roll(a[y0 : y0 + h], sh, 1)
        if r.random() < 0.3:
            out[y0 : y0 + h, :, r.randrange(3)] = np.roll(a[y0 : y0 + h, :, 0], sh * 2, 1)
    return U.to_img(out), {"slices": n}


def reflection(img, s, r):
    """Glossy showcase: the tile above a fading mirror image of itself on a dark floor."""
    sc = 0.72 - 0.2 * s
    n = int(N * sc)
    tile = img.resize((n, n), Image.LANCZOS)
    bg = (
        U.gradient((70, 70, 78), (8, 8, 10))
        if r.random() < 0.5
        else U.gradient((250, 250, 250), (200, 200, 205))
    )
    top = int(N * 0.06)
    x = (N - n) // 2
    bg.paste(tile, (x, top))
    ref = ImageOps.flip(tile)
    fade = np.linspace(0.55, 0, n, dtype=np.float32)[:, None].repeat(n, 1)
    alpha = Image.fromarray((fade * 255).astype(np.uint8))
    bg.paste(ref, (x, top + n + 4), alpha)
    return bg, {"scale": round(sc, 3)}


EDITS = {
    "halftone": halftone,
    "emboss": emboss,
    "neon": neon,
    "cross_stitch": cross_stitch,
    "stained_glass": stained_glass,
    "duotone": duotone,
    "paper_fold": paper_fold,
    "torn_edge": torn_edge,
    "scanlines": scanlines,
    "chromatic": chromatic,
    "swirl": swirl,
    "wave": wave,
    "fisheye": fisheye,
    "shatter": shatter,
    "long_shadow": long_shadow,
    "glitch": glitch,
    "reflection": reflection,
}
