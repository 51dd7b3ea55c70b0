"""Icon edits of this set's own invention (craft/print/screen imitations). f(img, rng) -> (img, params)."""

from __future__ import annotations

import numpy as np
from edits_basic import perspective_warp
from imgutil import N, arr, bg_colour, blurred, cell_means, coords, edges, fg_mask, img_of, lum
from PIL import Image, ImageDraw
from scipy import ndimage
from scipy.spatial import Delaunay, cKDTree
from seeds import pick, uniform


def embroidery(img, rng):
    c = int(rng.integers(5, 8))
    k = int(rng.integers(5, 9))
    q = arr(img.quantize(colors=k, method=Image.Quantize.MEDIANCUT).convert("RGB"))
    yy, xx = coords()
    sgn = pick(rng, [1, -1])
    phase = ((xx + sgn * yy) % c) / c
    shade = 0.78 + 0.32 * np.sin(np.pi * phase) - 0.2 * (((xx - sgn * yy) % (2 * c)) < 1.2)
    m = fg_mask(img, 36)
    weave = 0.9 + 0.1 * (((xx % 4) < 2) ^ ((yy % 4) < 2))
    bg = np.asarray(bg_colour(img), np.float32)
    out = np.where(m[..., None], q * shade[..., None], bg * weave[..., None])
    e = edges(q) > 20
    out[e] *= 0.6
    return img_of(out), {"stitch": c, "colours": k, "direction": sgn}


def mosaic_tiles(img, rng):
    c = int(rng.integers(8, 15))
    g = int(rng.integers(1, 3))
    a = arr(img)
    mean = cell_means(a, c)
    jit = rng.normal(0, 9, (N // c + 1, N // c + 1, 1)).astype(np.float32)
    mean = mean + np.repeat(np.repeat(jit, c, 0), c, 1)[:N, :N]
    yy, xx = coords()
    grout = ((xx % c) < g) | ((yy % c) < g)
    gcol = np.asarray(pick(rng, [(225, 222, 215), (70, 70, 70)]), np.float32)
    return img_of(np.where(grout[..., None], gcol, mean)), {"tile": c, "grout": g, "grout_colour": gcol.tolist()}


def pencil_sketch(img, rng):
    r = uniform(rng, 3, 7, 1)
    a = arr(img)
    g = lum(a)
    inv_blur = lum(arr(blurred(img_of(255 - a), r)))
    dodge = np.clip(g * 255.0 / (256.0 - inv_blur), 0, 255)
    yy, xx = coords()
    hatch = (((xx + yy) % 6) < 1) & (g < 140)
    dodge = np.where(hatch, dodge * 0.7, dodge)
    paper = 245 + rng.normal(0, 4, (N, N)).astype(np.float32)
    sketch = np.minimum(dodge, paper)
    coloured = rng.random() < 0.5
    out = np.repeat(sketch[..., None], 3, 2)
    if coloured:
        out = out * 0.7 + a * 0.3 * (sketch[..., None] / 255.0)
    return img_of(out), {"radius": r, "coloured": coloured}


def glitch(img, rng):
    a = arr(img).copy()
    n = int(rng.integers(6, 14))
    slices = []
    for _ in range(n):
        y0, h = int(rng.integers(0, N - 4)), int(rng.integers(4, 24))
        dx = int(rng.integers(6, 30)) * pick(rng, [-1, 1])
        a[y0:y0 + h] = np.roll(a[y0:y0 + h], dx, axis=1)
        slices.append([y0, h, dx])
    d = int(rng.integers(3, 9))
    a[..., 0] = np.roll(a[..., 0], d, axis=1)
    a[..., 2] = np.roll(a[..., 2], -d, axis=1)
    for _ in range(3):
        a[int(rng.integers(0, N))] = 255
    return img_of(a), {"slices": slices, "channel_shift": d}


def halftone(img, rng):
    s = int(rng.integers(6, 10))
    ang = pick(rng, [0, 15, 45])
    src = arr(blurred(img, s / 3))
    S = 2
    paper = (250, 248, 240)
    out = Image.new("RGB", (N * S, N * S), paper)
    d = ImageDraw.Draw(out)
    ca, sa = np.cos(np.radians(ang)), np.sin(np.radians(ang))
    k = int(N / s * 1.5) + 2
    for i in range(-k, k):
        for j in range(-k, k):
            x = N / 2 + (i * ca - j * sa) * s
            y = N / 2 + (i * sa + j * ca) * s
            if not (0 <= x < N and 0 <= y < N):
                continue
            col = src[int(y), int(x)]
            dark = 1.0 - float(lum(col[None, None])[0, 0]) / 255.0
            r = s * 0.75 * np.sqrt(max(dark, 0.0)) * S
            if r < 0.5:
                continue
            d.ellipse([x * S - r, y * S - r, x * S + r, y * S + r], fill=tuple(int(v) for v in col))
    return out.resize((N, N), Image.Resampling.LANCZOS), {"spacing": s, "angle": ang}


DUO = [((20, 30, 90), (255, 200, 60)), ((60, 0, 60), (120, 240, 200)), ((0, 60, 40), (250, 240, 200)),
       ((90, 10, 10), (255, 230, 120)), ((10, 10, 10), (0, 200, 255))]


def duotone_poster(img, rng):
    levels = int(rng.integers(3, 5))
    c1, c2 = pick(rng, DUO)
    lu = lum(arr(img)) / 255.0
    q = np.clip(np.floor(lu * levels) / (levels - 1), 0, 1)[..., None]
    out = np.asarray(c1, np.float32) * (1 - q) + np.asarray(c2, np.float32) * q
    return img_of(out), {"levels": levels, "dark": list(c1), "light": list(c2)}


def origami_crease(img, rng):
    a = arr(img)
    yy, xx = coords()
    n = int(rng.integers(2, 4))
    region = np.zeros((N, N), np.int32)
    lines, crease = [], np.zeros((N, N), np.float32)
    for i in range(n):
        px, py = rng.uniform(70, 186, 2)
        th = rng.uniform(0, np.pi)
        dist = (xx - px) * np.sin(th) - (yy - py) * np.cos(th)
        region += (dist > 0).astype(np.int32) << i
        crease += np.exp(-(dist / 1.2) ** 2) * pick(rng, [1.0, -1.0])
        lines.append([round(float(px), 1), round(float(py), 1), round(float(np.degrees(th)), 1)])
    shade = rng.uniform(0.78, 1.12, 1 << n).astype(np.float32)[region]
    out = a * shade[..., None] + 60 * crease[..., None]
    out += rng.normal(0, 3, (N, N, 1)).astype(np.float32)
    return img_of(out), {"folds": lines}


def low_poly(img, rng):
    n = int(rng.integers(60, 110))
    ne = int(rng.integers(160, 260))
    ey, ex = np.nonzero(edges(arr(img)) > 25)
    pick_e = rng.integers(0, max(1, len(ex)), ne)
    pts = rng.uniform(0, N - 1, (n, 2))
    if len(ex):
        pts = np.vstack([pts, np.stack([ex[pick_e], ey[pick_e]], 1).astype(np.float64)])
    border = [(t, 0) for t in range(0, N, 32)] + [(t, N - 1) for t in range(0, N, 32)]
    border += [(0, t) for t in range(0, N, 32)] + [(N - 1, t) for t in range(0, N, 32)] + [(N - 1, N - 1)]
    pts = np.vstack([pts, np.asarray(border, np.float64)])
    tri = Delaunay(pts)
    src = arr(blurred(img, 1.5))
    out = Image.new("RGB", (N, N))
    d = ImageDraw.Draw(out)
    for simplex in tri.simplices:
        p = pts[simplex]
        cx, cy = p.mean(axis=0)
        col = tuple(int(v) for v in src[int(cy), int(cx)])
        poly = [tuple(q) for q in p.tolist()]
        d.polygon(poly, fill=col, outline=col)
    return out, {"points": n, "edge_points": ne}


def chalk(img, rng):
    board = np.asarray(pick(rng, [(38, 62, 50), (40, 42, 48), (20, 40, 60)]), np.float32)
    a = arr(img)
    m = fg_mask(img, 36)
    noise = rng.random((N, N)).astype(np.float32)
    streak = ndimage.uniform_filter1d(noise, int(rng.integers(5, 11)), axis=pick(rng, [0, 1]))
    cover = streak > uniform(rng, 0.42, 0.5)
    chalk_col = a * 0.45 + 255 * 0.55
    smudge = ndimage.gaussian_filter(rng.normal(0, 1, (N, N)).astype(np.float32), 6) * 40
    base = board + smudge[..., None]
    edge = m ^ ndimage.binary_erosion(m, iterations=2)
    out = np.where(((m & cover) | edge)[..., None], chalk_col * (0.85 + 0.15 * noise[..., None]), base)
    return img_of(out), {"board": board.tolist()}


def extrude_3d(img, rng):
    a = arr(img)
    m = fg_mask(img, 36)
    depth = int(rng.integers(7, 16))
    dx, dy = pick(rng, [(1, 1), (1, -1), (-1, 1), (-1, -1)])
    out = a.copy()
    for k in range(depth, 0, -1):
        sh = np.roll(np.roll(a, k * dy, 0), k * dx, 1)
        shm = np.roll(np.roll(m, k * dy, 0), k * dx, 1)
        out = np.where((shm & ~m)[..., None], sh * (0.35 + 0.35 * (1 - k / depth)), out)
    return img_of(out), {"depth": depth, "direction": [dx, dy]}


def pixel_art(img, rng):
    n = int(rng.integers(16, 29))
    k = int(rng.integers(6, 13))
    small = img.resize((n, n), Image.Resampling.BOX).quantize(colors=k, method=Image.Quantize.MEDIANCUT)
    out = arr(small.convert("RGB").resize((N, N), Image.Resampling.NEAREST))
    grid = rng.random() < 0.5
    if grid:
        yy, xx = coords()
        line = ((np.floor(xx * n / N) != np.floor((xx + 1) * n / N)) | (np.floor(yy * n / N) !=
                                                                         np.floor((yy + 1) * n / N)))
        out[line] *= 0.8
    return img_of(out), {"pixels": n, "colours": k, "grid": grid}


def vignette_grain(img, rng):
    s = uniform(rng, 0.45, 0.75)
    sigma = uniform(rng, 10, 22, 1)
    yy, xx = coords()
    r2 = ((xx - N / 2) ** 2 + (yy - N / 2) ** 2) / (N / 2) ** 2
    f = np.clip(1 - s * r2 * 0.6, 0.15, 1)
    grain = rng.normal(0, sigma, (N, N, 1)).astype(np.float32)
    out = arr(img) * f[..., None] * np.asarray([1.06, 1.0, 0.88], np.float32) + grain
    return img_of(out), {"strength": s, "grain": sigma}


def split_tone(img, rng):
    s = uniform(rng, 0.35, 0.6)
    sh = np.asarray(pick(rng, [(0, 120, 140), (40, 60, 160), (20, 110, 60)]), np.float32)
    hi = np.asarray(pick(rng, [(255, 160, 60), (255, 210, 120), (240, 120, 160)]), np.float32)
    a = arr(img)
    lu = (lum(a) / 255.0)[..., None]
    out = a + s * ((1 - lu) * (sh - 128) + lu * (hi - 128))
    return img_of(out), {"strength": s, "shadow": sh.tolist(), "highlight": hi.tolist()}


def wave_warp(img, rng):
    amp = uniform(rng, 3, 6, 1)
    px, py = uniform(rng, 64, 128, 1), uniform(rng, 64, 128, 1)
    ph = uniform(rng, 0, 6.28, 2)
    yy, xx = coords()
    sx = xx + amp * np.sin(2 * np.pi * yy / py + ph)
    sy = yy + amp * np.sin(2 * np.pi * xx / px + ph)
    a = arr(img)
    out = np.stack([ndimage.map_coordinates(a[..., c], [sy, sx], order=1, mode="nearest") for c in range(3)], -1)
    return img_of(out), {"amplitude": amp, "period_x": px, "period_y": py, "phase": ph}


def knitted(img, rng):
    w = int(rng.integers(8, 11))
    h = int(round(w * 1.25))
    a = arr(blurred(img, 1.0))
    yy, xx = coords()
    cy_idx, cx_idx = (yy // h).astype(int), (xx // w).astype(int)
    centre_y = np.clip(cy_idx * h + h // 2, 0, N - 1)
    centre_x = np.clip(cx_idx * w + w // 2, 0, N - 1)
    col = a[centre_y, centre_x]
    u, v = (xx % w) / w, (yy % h) / h
    d1 = np.abs((u - 0.05) - 0.45 * v) / 1.1
    d2 = np.abs((0.95 - u) - 0.45 * v) / 1.1
    leg = np.maximum(np.exp(-(d1 / 0.16) ** 2), np.exp(-(d2 / 0.16) ** 2))
    shade = 0.5 + 0.6 * leg
    return img_of(col * shade[..., None]), {"stitch_w": w, "stitch_h": h}


def stained_glass(img, rng):
    """Glass pieces: Voronoi cells cut again along the design's colour boundaries, lead lines between."""
    k = int(rng.integers(90, 181))
    seeds = rng.uniform(0, N, (k, 2))
    yy, xx = coords()
    pts = np.stack([yy.ravel(), xx.ravel()], 1)
    _, vor = cKDTree(seeds).query(pts)
    q = np.asarray(blurred(img, 0.8).quantize(colors=6, method=Image.Quantize.MEDIANCUT), np.int64).ravel()
    _, lab = np.unique(vor.astype(np.int64) * 8 + q, return_inverse=True)
    n = int(lab.max()) + 1
    a = arr(img)
    cnt = np.bincount(lab, minlength=n).astype(np.float32)
    means = np.stack([np.bincount(lab, a[..., c].ravel(), minlength=n) for c in range(3)], 1)
    means = means / np.maximum(cnt, 1)[:, None]
    glow = rng.uniform(0.88, 1.15, n).astype(np.float32)
    lab = lab.reshape(N, N)
    out = np.clip(means[lab] * glow[lab][..., None] + 10, 0, 255)
    b = np.zeros((N, N), bool)
    b[:, :-1] |= lab[:, :-1] != lab[:, 1:]
    b[:-1] |= lab[:-1] != lab[1:]
    out[b] = (28, 28, 30)
    return img_of(out), {"cells": k}


def lego_bricks(img, rng):
    c = int(rng.integers(12, 17))
    a = arr(img)
    mean = cell_means(a, c)
    yy, xx = coords()
    u, v = (xx % c) / c - 0.5, (yy % c) / c - 0.5
    r = np.hypot(u, v)
    stud = r < 0.3
    rim = (r >= 0.3) & (r < 0.36)
    light = 1 + 0.35 * np.clip(-(u + v) * 2, -1, 1)
    f = np.where(stud, light, 1.0) * np.where(rim, 0.72, 1.0)
    edge = ((xx % c) < 1) | ((yy % c) < 1)
    f = np.where(edge, 0.7, f)
    return img_of(mean * f[..., None]), {"brick": c}


def led_matrix(img, rng):
    c = int(rng.integers(6, 10))
    a = arr(img)
    mean = cell_means(a, c)
    yy, xx = coords()
    r = np.hypot((xx % c) / c - 0.5, (yy % c) / c - 0.5)
    led = r < 0.4
    out = np.where(led[..., None], np.clip(mean * 1.25 + 18, 0, 255), 12)
    out = np.maximum(out, arr(blurred(img_of(out), c * 0.5)) * 0.6)
    return img_of(out), {"pitch": c}


def jigsaw(img, rng):
    g = int(rng.integers(4, 6))
    cell = N / g
    yy, xx = coords()
    lab = (np.minimum(yy // cell, g - 1) * g + np.minimum(xx // cell, g - 1)).astype(np.int32)
    kr = 0.17 * cell
    for r in range(g):
        for c in range(g):
            for horiz in (True, False):
                if (horiz and c == g - 1) or (not horiz and r == g - 1):
                    continue
                s = pick(rng, [-1, 1])
                if horiz:
                    ex, ey = (c + 1) * cell + s * 0.13 * cell, (r + 0.5) * cell
                    owner = r * g + c if s > 0 else r * g + c + 1
                else:
                    ex, ey = (c + 0.5) * cell, (r + 1) * cell + s * 0.13 * cell
                    owner = r * g + c if s > 0 else (r + 1) * g + c
                lab = np.where((xx - ex) ** 2 + (yy - ey) ** 2 < kr * kr, owner, lab)
    a = arr(img)
    b = np.zeros((N, N), bool)
    b[:, :-1] |= lab[:, :-1] != lab[:, 1:]
    b[:-1] |= lab[:-1] != lab[1:]
    out = np.where(b[..., None], a * 0.45, a)
    piece = int(rng.integers(0, g * g))
    dx, dy = int(rng.integers(3, 9)) * pick(rng, [-1, 1]), int(rng.integers(3, 9)) * pick(rng, [-1, 1])
    pm = lab == piece
    out = np.where(pm[..., None], 35.0, out)
    spm = np.roll(np.roll(pm, dy, 0), dx, 1)
    sa = np.roll(np.roll(a, dy, 0), dx, 1)
    out = np.where(spm[..., None], sa, out)
    return img_of(out), {"grid": g, "piece": piece, "shift": [dx, dy]}


THERMAL_STOPS = [(0.0, (0, 0, 20)), (0.25, (60, 0, 140)), (0.45, (190, 0, 120)), (0.65, (250, 80, 0)),
                 (0.85, (255, 210, 0)), (1.0, (255, 255, 230))]


def thermal(img, rng):
    a = arr(img)
    bg = np.asarray(bg_colour(img), np.float32)
    heat = np.abs(a - bg).max(axis=2) / 255.0 * 0.85 + lum(a) / 255.0 * 0.15
    heat = ndimage.gaussian_filter(heat, uniform(rng, 1.5, 3.5, 1))
    heat = (heat - heat.min()) / max(1e-6, float(heat.max() - heat.min()))
    xs = [s[0] for s in THERMAL_STOPS]
    out = np.stack([np.interp(heat, xs, [s[1][c] for s in THERMAL_STOPS]) for c in range(3)], -1)
    return img_of(out.astype(np.float32)), {}


def engraving(img, rng):
    p = int(rng.integers(4, 7))
    amp, per = uniform(rng, 0.5, 2.5, 1), uniform(rng, 14, 40, 1)
    ink = np.asarray(pick(rng, [(20, 40, 90), (20, 70, 40), (90, 20, 30), (40, 40, 40)]), np.float32)
    paper = np.asarray((245, 238, 220), np.float32)
    a = arr(blurred(img, 0.8))
    dark = 1 - lum(a) / 255.0
    yy, xx = coords()
    ph = (yy + amp * np.sin(xx / per)) % p
    on = np.abs(ph - p / 2) < dark * p * 0.5 + 0.25
    out = np.where(on[..., None], ink, paper)
    return img_of(out), {"pitch": p, "ink": ink.tolist()}


def screen_moire(img, rng):
    warped, wp = perspective_warp(img, rng, 0.02, 0.06)
    a = arr(warped)
    yy, xx = coords()
    t1, t2 = rng.uniform(0, np.pi, 2)
    p1, p2 = rng.uniform(3.0, 4.0, 2)
    amp = uniform(rng, 12, 24, 1)
    moire = np.sin(2 * np.pi * (xx * np.cos(t1) + yy * np.sin(t1)) / p1) * np.sin(
        2 * np.pi * (xx * np.cos(t2) + yy * np.sin(t2)) / p2)
    a = a + amp * moire[..., None]
    sub = np.ones((N, N, 3), np.float32) * 0.94
    for ch in range(3):
        sub[..., ch] = np.where((xx % 3).astype(int) == ch, 1.08, 0.94)
    a = a * sub
    glare = np.clip(1 - np.abs((xx + yy) / N - uniform(rng, 0.6, 1.4)) * 2.5, 0, 1) * uniform(rng, 0.15, 0.35)
    a = a * (1 - glare[..., None]) + 255 * glare[..., None]
    return img_of(a), {"perspective": wp, "moire": amp}


def sticker_peel(img, rng):
    back = np.asarray(pick(rng, [(200, 170, 120), (120, 120, 125), (70, 90, 120), (235, 235, 230)]), np.float32)
    canvas = back + rng.normal(0, 6, (N, N, 1)).astype(np.float32)
    out = img_of(canvas)
    s = uniform(rng, 0.72, 0.84)
    n = int(N * s)
    bw = int(rng.integers(6, 11))
    x0 = (N - n) // 2 + int(rng.integers(-10, 11))
    y0 = (N - n) // 2 + int(rng.integers(-10, 11))
    d = ImageDraw.Draw(out)
    d.rounded_rectangle([x0 - bw + 4, y0 - bw + 5, x0 + n + bw + 4, y0 + n + bw + 5], radius=bw * 2, fill=tuple(
        int(v * 0.6) for v in back))
    d.rounded_rectangle([x0 - bw, y0 - bw, x0 + n + bw, y0 + n + bw], radius=bw * 2, fill=(255, 255, 255))
    out.paste(img.resize((n, n), Image.Resampling.LANCZOS), (x0, y0))
    corner = pick(rng, ["tl", "tr", "bl", "br"])
    f = int((n + 2 * bw) * uniform(rng, 0.2, 0.3))
    cx = x0 - bw if corner[1] == "l" else x0 + n + bw
    cy = y0 - bw if corner[0] == "t" else y0 + n + bw
    sx = 1 if corner[1] == "l" else -1
    sy = 1 if corner[0] == "t" else -1
    tri = [(cx, cy), (cx + sx * f, cy), (cx, cy + sy * f)]
    mask = Image.new("L", (N, N), 0)
    ImageDraw.Draw(mask).polygon(tri, fill=255)
    out.paste(img_of(canvas), mask=mask)
    flap = [(cx + sx * f, cy), (cx, cy + sy * f), (cx + sx * f * 0.9, cy + sy * f * 0.9)]
    d = ImageDraw.Draw(out)
    d.polygon([(x + sx * 3, y + sy * 3) for x, y in flap], fill=tuple(int(v * 0.55) for v in back))
    d.polygon(flap, fill=(228, 228, 222), outline=(190, 190, 185))
    return out, {"scale": s, "border": bw, "corner": corner, "fold": f}


ART = [embroidery, mosaic_tiles, pencil_sketch, glitch, halftone, duotone_poster, origami_crease, low_poly, chalk,
       extrude_3d, pixel_art, vignette_grain, split_tone, wave_warp, knitted, stained_glass, lego_bricks,
       led_matrix, jigsaw, thermal, engraving, screen_moire, sticker_peel]
