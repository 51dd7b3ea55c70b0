"""Parametric icon drawing for holdout_s18 (own designs only; no real logos).

Icons are drawn 4x supersampled and reduced to SIZE.  draw_icon(spec) returns (icon RGB, emblem RGBA
layer at icon size, background description) so deformations can re-use the emblem.
"""
import colorsys
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = 256
SS = 4
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LAT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"

_font_cache = {}


def font(size, latin=False, serif=False):
    path = SERIF_FONT if serif else (LAT_FONT if latin else CJK_FONT)
    key = (path, int(size))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(path, max(6, int(size)))
    return _font_cache[key]


def is_latin(text):
    return all(ord(c) < 128 for c in text)


def hsv(h, s, v):
    r, g, b = colorsys.hsv_to_rgb((h % 360) / 360.0, s, v)
    return (int(r * 255 + .5), int(g * 255 + .5), int(b * 255 + .5))


def rgb_hue(c):
    h, s, v = colorsys.rgb_to_hsv(*[x / 255.0 for x in c])
    return h * 360, s, v


def draw_text_center(d, cx, cy, text, size, fill, stroke=0, stroke_fill=None, latin=None, serif=False):
    lat = is_latin(text) if latin is None else latin
    f = font(size, latin=lat, serif=serif)
    bbox = d.textbbox((0, 0), text, font=f, stroke_width=stroke)
    w, h = bbox[2] - bbox[0], bbox[3] - bbox[1]
    d.text((cx - w / 2 - bbox[0], cy - h / 2 - bbox[1]), text, font=f, fill=fill,
           stroke_width=stroke, stroke_fill=stroke_fill)
    return w, h


def fit_text_size(text, max_w, max_h, latin=None, stroke=0):
    lat = is_latin(text) if latin is None else latin
    size = int(max_h)
    while size > 6:
        f = font(size, latin=lat)
        b = f.getbbox(text, stroke_width=stroke)
        if b[2] - b[0] <= max_w and b[3] - b[1] <= max_h:
            return size
        size = int(size * 0.92)
    return 6


# ------------------------------------------------------------------ emblems (on a transparent layer)
EMBLEMS = ["coin", "chevrons", "glyph", "latin", "petals", "waves", "shield", "mountain", "rings", "hexagon",
           "leaf", "knot", "pie", "pinwheel", "lattice", "star", "bars", "arcs", "yinyang", "keyhole",
           "globe", "crown", "diamond", "ribbonknot"]


def _poly_circle(cx, cy, r, n, rot=0.0):
    return [(cx + r * math.cos(rot + 2 * math.pi * i / n), cy + r * math.sin(rot + 2 * math.pi * i / n))
            for i in range(n)]


def draw_emblem(kind, p, S, col, col2):
    """Draw emblem `kind` with params p into an RGBA layer S x S (supersampled size)."""
    lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    c = S / 2
    r = S * 0.46
    w = max(2, int(S * p.get("stroke", 0.09)))
    if kind == "coin":
        d.ellipse([c - r, c - r, c + r, c + r], outline=col, width=w)
        h = r * p.get("hole", 0.38)
        if p.get("rot45"):
            d.polygon(_poly_circle(c, c, h * 1.3, 4, 0), fill=col)
        else:
            d.rectangle([c - h, c - h, c + h, c + h], fill=col)
        if p.get("inner_ring"):
            d.ellipse([c - r * .72, c - r * .72, c + r * .72, c + r * .72], outline=col2, width=w // 2)
    elif kind == "chevrons":
        n = p.get("n", 3)
        gap = 2 * r / (n + 1.2)
        for i in range(n):
            y = c - r + gap * (i + .6)
            d.line([(c - r * .9, y + gap * .9), (c, y), (c + r * .9, y + gap * .9)], fill=col if i % 2 == 0 else col2,
                   width=int(w * 1.3), joint="curve")
    elif kind == "glyph":
        ch = p.get("char", "福")
        if p.get("frame") == "circle":
            d.ellipse([c - r, c - r, c + r, c + r], outline=col, width=w)
            draw_text_center(d, c, c, ch, r * 1.2, col, stroke=int(S * .006), stroke_fill=col)
        elif p.get("frame") == "square":
            d.rounded_rectangle([c - r, c - r, c + r, c + r], radius=r * .25, outline=col, width=w)
            draw_text_center(d, c, c, ch, r * 1.25, col, stroke=int(S * .006), stroke_fill=col)
        else:
            draw_text_center(d, c, c, ch, r * 1.75, col, stroke=int(S * .01), stroke_fill=col)
    elif kind == "latin":
        txt = p.get("text", "AB")
        sz = fit_text_size(txt, 2 * r * .98, r * (1.3 if len(txt) <= 2 else 1.0), latin=True)
        draw_text_center(d, c, c, txt, sz, col, latin=True, serif=p.get("serif", False))
        if p.get("underline"):
            d.rectangle([c - r * .8, c + r * .62, c + r * .8, c + r * .62 + w * .8], fill=col2)
    elif kind == "petals":
        n = p.get("n", 6)
        for i in range(n):
            a = 2 * math.pi * i / n + p.get("rot", 0)
            px, py = c + r * .5 * math.cos(a), c + r * .5 * math.sin(a)
            pr = r * p.get("pr", .42)
            d.ellipse([px - pr, py - pr, px + pr, py + pr], fill=col if i % 2 == 0 or not p.get("alt") else col2)
        d.ellipse([c - r * .18, c - r * .18, c + r * .18, c + r * .18], fill=col2)
    elif kind == "waves":
        n = p.get("n", 3)
        for i in range(n):
            y0 = c - r * .6 + i * (1.2 * r / max(1, n - 1))
            pts = [(c - r + t * 2 * r / 40, y0 + r * .18 * math.sin(t / 40 * 2 * math.pi * p.get("freq", 1.5)))
                   for t in range(41)]
            d.line(pts, fill=col, width=w, joint="curve")
    elif kind == "shield":
        pts = [(c - r * .8, c - r * .85), (c + r * .8, c - r * .85), (c + r * .8, c + r * .1), (c, c + r),
               (c - r * .8, c + r * .1)]
        d.polygon(pts, fill=col)
        draw_text_center(d, c, c - r * .12, p.get("char", "安"), r * .9, col2)
    elif kind == "mountain":
        d.polygon([(c - r, c + r * .7), (c - r * .25, c - r * .35), (c + r * .45, c + r * .7)], fill=col)
        d.polygon([(c - r * .1, c + r * .7), (c + r * .45, c - r * .05), (c + r, c + r * .7)], fill=col2)
        sr = r * .22
        sx, sy = c + r * p.get("sunx", .55), c - r * .65
        d.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=col)
    elif kind == "rings":
        n = p.get("n", 3)
        rr = r * (.55 if n == 2 else .45)
        for i in range(n):
            a = 2 * math.pi * i / n - math.pi / 2
            px, py = c + r * .42 * math.cos(a), c + r * .42 * math.sin(a)
            d.ellipse([px - rr, py - rr, px + rr, py + rr], outline=col if i % 2 == 0 else col2, width=w)
    elif kind == "hexagon":
        d.polygon(_poly_circle(c, c, r, 6, math.pi / 6), outline=col, width=w)
        inner = p.get("inner", "tri")
        if inner == "tri":
            d.polygon(_poly_circle(c, c + r * .05, r * .5, 3, -math.pi / 2), fill=col2)
        else:
            d.ellipse([c - r * .35, c - r * .35, c + r * .35, c + r * .35], fill=col2)
    elif kind == "leaf":
        for sgn in (-1, 1):
            box = [c - r * .85 if sgn < 0 else c - r * .1, c - r * .7, c + r * .1 if sgn < 0 else c + r * .85,
                   c + r * .3]
            d.ellipse(box, fill=col if sgn < 0 else col2)
        d.rectangle([c - w / 2, c, c + w / 2, c + r], fill=col)
    elif kind == "knot":
        for i in range(2):
            rot = math.pi / 4 * i
            d.polygon(_poly_circle(c, c, r * .9, 4, rot + math.pi / 4), outline=col if i == 0 else col2, width=w)
        d.ellipse([c - r * .2, c - r * .2, c + r * .2, c + r * .2], fill=col)
    elif kind == "pie":
        n = p.get("n", 4)
        gap = p.get("gap", 10)
        for i in range(n):
            a0 = 360 * i / n + gap / 2 + p.get("rot", 0)
            d.pieslice([c - r, c - r, c + r, c + r], a0, a0 + 360 / n - gap, fill=col if i % 2 == 0 else col2)
        d.ellipse([c - r * .35, c - r * .35, c + r * .35, c + r * .35], fill=(0, 0, 0, 0))
    elif kind == "pinwheel":
        n = p.get("n", 4)
        for i in range(n):
            a = 2 * math.pi * i / n + p.get("rot", 0)
            p1 = (c, c)
            p2 = (c + r * math.cos(a), c + r * math.sin(a))
            p3 = (c + r * .7 * math.cos(a + 2 * math.pi / n * .6), c + r * .7 * math.sin(a + 2 * math.pi / n * .6))
            d.polygon([p1, p2, p3], fill=col if i % 2 == 0 else col2)
    elif kind == "lattice":
        k = p.get("k", 3)
        step = 2 * r / k
        for i in range(k):
            for j in range(k):
                if p.get("sparse") and (i + j) % 2:
                    continue
                x, y = c - r + step * (i + .5), c - r + step * (j + .5)
                d.polygon(_poly_circle(x, y, step * .48, 4, 0), fill=col if (i * j) % 2 == 0 else col2)
    elif kind == "star":
        d.ellipse([c - r, c - r, c + r, c + r], outline=col, width=w)
        pts = []
        for i in range(10):
            a = -math.pi / 2 + math.pi * i / 5
            rr = r * (.72 if i % 2 == 0 else .3)
            pts.append((c + rr * math.cos(a), c + rr * math.sin(a)))
        d.polygon(pts, fill=col2)
    elif kind == "bars":
        n = p.get("n", 4)
        bw = 2 * r / (n * 1.4)
        for i in range(n):
            h = r * (.5 + 1.4 * (i + 1) / n)
            x = c - r + i * bw * 1.4 + bw * .2
            d.rectangle([x, c + r - h, x + bw, c + r], fill=col if i < n - 1 else col2)
    elif kind == "arcs":
        n = p.get("n", 3)
        for i in range(n):
            rr = r * (1 - i * .28)
            a0 = p.get("rot", 0) + i * 40
            d.arc([c - rr, c - rr, c + rr, c + rr], a0, a0 + 250, fill=col if i % 2 == 0 else col2, width=w)
    elif kind == "yinyang":
        d.ellipse([c - r, c - r, c + r, c + r], fill=col)
        d.pieslice([c - r, c - r, c + r, c + r], 90, 270, fill=col2)
        d.ellipse([c - r / 2, c - r, c + r / 2, c], fill=col2)
        d.ellipse([c - r / 2, c, c + r / 2, c + r], fill=col)
    elif kind == "keyhole":
        d.rounded_rectangle([c - r * .8, c - r, c + r * .8, c + r], radius=r * .3, fill=col)
        d.ellipse([c - r * .28, c - r * .5, c + r * .28, c + r * .06], fill=col2)
        d.polygon([(c - r * .16, c - r * .1), (c + r * .16, c - r * .1), (c + r * .26, c + r * .6),
                   (c - r * .26, c + r * .6)], fill=col2)
    elif kind == "globe":
        d.ellipse([c - r, c - r, c + r, c + r], outline=col, width=w)
        d.ellipse([c - r * .45, c - r, c + r * .45, c + r], outline=col, width=w)
        d.line([(c - r, c), (c + r, c)], fill=col2, width=w)
        d.line([(c - r * .85, c - r * .5), (c + r * .85, c - r * .5)], fill=col, width=w // 2)
        d.line([(c - r * .85, c + r * .5), (c + r * .85, c + r * .5)], fill=col, width=w // 2)
    elif kind == "crown":
        pts = [(c - r, c + r * .5), (c - r, c - r * .4), (c - r * .5, c + r * .05), (c, c - r * .75),
               (c + r * .5, c + r * .05), (c + r, c - r * .4), (c + r, c + r * .5)]
        d.polygon(pts, fill=col)
        d.rectangle([c - r, c + r * .62, c + r, c + r * .85], fill=col2)
    elif kind == "diamond":
        d.polygon([(c, c - r), (c + r * .8, c - r * .2), (c, c + r), (c - r * .8, c - r * .2)], fill=col)
        d.polygon([(c, c - r), (c + r * .8, c - r * .2), (c, c - r * .2)], fill=col2)
        d.line([(c - r * .8, c - r * .2), (c + r * .8, c - r * .2)], fill=col2, width=w // 2)
    elif kind == "ribbonknot":
        for i in range(3):
            a = math.pi / 2 + 2 * math.pi * i / 3
            px, py = c + r * .38 * math.cos(a), c - r * .38 * math.sin(a)
            d.ellipse([px - r * .55, py - r * .55, px + r * .55, py + r * .55], outline=col if i != 1 else col2,
                      width=w)
    else:
        raise ValueError(kind)
    return lay


def random_emblem_params(kind, rng, inst_chars="福"):
    p = {"stroke": rng.choice([.07, .09, .11])}
    if kind == "coin":
        p.update(hole=rng.choice([.3, .38, .46]), rot45=rng.random() < .4, inner_ring=rng.random() < .4)
    elif kind in ("chevrons", "rings", "waves", "bars", "arcs", "pie", "pinwheel", "petals"):
        p.update(n={"chevrons": rng.choice([2, 3]), "rings": rng.choice([2, 3]), "waves": rng.choice([2, 3, 4]),
                    "bars": rng.choice([3, 4, 5]), "arcs": rng.choice([2, 3]), "pie": rng.choice([3, 4, 6]),
                    "pinwheel": rng.choice([3, 4, 5, 6]), "petals": rng.choice([4, 5, 6, 8])}[kind],
                 rot=rng.uniform(0, 6.28) if kind in ("petals", "pinwheel") else rng.choice([0, 30, 45, 60]),
                 freq=rng.choice([1, 1.5, 2]), gap=rng.choice([6, 10, 16]), pr=rng.choice([.32, .42, .5]),
                 alt=rng.random() < .5)
    elif kind == "glyph":
        p.update(char=rng.choice(inst_chars), frame=rng.choice(["none", "circle", "square"]))
    elif kind == "shield":
        p.update(char=rng.choice(inst_chars))
    elif kind == "latin":
        p.update(serif=rng.random() < .35, underline=rng.random() < .4)
    elif kind == "hexagon":
        p.update(inner=rng.choice(["tri", "dot"]))
    elif kind == "mountain":
        p.update(sunx=rng.choice([-.55, .55]))
    elif kind == "lattice":
        p.update(k=rng.choice([2, 3]), sparse=rng.random() < .4)
    return p


# ------------------------------------------------------------------ backgrounds / layouts
LAYOUTS = ["solid", "white", "gradient", "split", "emblem_word", "disc", "frame"]


def gradient(S, c1, c2, direction="v"):
    a = np.linspace(0, 1, S, dtype=np.float32)
    if direction == "v":
        t = np.tile(a[:, None], (1, S))
    elif direction == "h":
        t = np.tile(a[None, :], (S, 1))
    else:
        t = (a[:, None] + a[None, :]) / 2
    c1 = np.array(c1, np.float32)
    c2 = np.array(c2, np.float32)
    img = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(img + .5, 0, 255).astype(np.uint8), "RGB")


def draw_icon(spec):
    """spec: dict(emblem, eparams, layout, col, col2, bgcol, word, word_latin, grad_dir, grad2, split_dir)."""
    S = SIZE * SS
    layout = spec["layout"]
    col, col2 = tuple(spec["col"]), tuple(spec["col2"])
    bg = tuple(spec["bgcol"])
    if layout == "gradient":
        base = gradient(S, bg, tuple(spec["grad2"]), spec.get("grad_dir", "v")).convert("RGBA")
    elif layout == "split":
        base = Image.new("RGBA", (S, S), bg + (255,))
        dd = ImageDraw.Draw(base)
        g2 = tuple(spec["grad2"]) + (255,)
        if spec.get("split_dir") == "diag":
            dd.polygon([(0, S), (S, S * .35), (S, S)], fill=g2)
        else:
            dd.rectangle([0, S * .62, S, S], fill=g2)
    else:
        base = Image.new("RGBA", (S, S), bg + (255,))
    dd = ImageDraw.Draw(base)
    scale = spec.get("escale", .62)
    ecx, ecy = S / 2, S / 2
    if layout == "emblem_word":
        scale = spec.get("escale", .5)
        ecy = S * .40
    if layout == "disc":
        dr = S * .40
        dd.ellipse([S / 2 - dr, S / 2 - dr, S / 2 + dr, S / 2 + dr], fill=tuple(spec["disc"]) + (255,))
        scale = .52
    if layout == "frame":
        m = S * .07
        dd.rounded_rectangle([m, m, S - m, S - m], radius=S * .12, outline=col + (255,), width=int(S * .035))
        scale = .56
    es = int(S * scale)
    emb = draw_emblem(spec["emblem"], spec["eparams"], es, col + (255,), col2 + (255,))
    layer = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    layer.alpha_composite(emb, (int(ecx - es / 2), int(ecy - es / 2)))
    base.alpha_composite(layer)
    if layout == "emblem_word":
        word = spec["word"]
        sz = fit_text_size(word, S * .82, S * .17)
        draw_text_center(ImageDraw.Draw(base), S / 2, S * .80, word, sz, col + (255,))
    icon = base.convert("RGB").resize((SIZE, SIZE), Image.LANCZOS)
    emblem_layer = layer.resize((SIZE, SIZE), Image.LANCZOS)
    return icon, emblem_layer


# ------------------------------------------------------------------ similarity guard (own pHash)
def _dct_hash(gray32):
    import cv2
    d = cv2.dct(np.float32(gray32))[:8, :8]
    med = np.median(d.flatten()[1:])
    return (d > med).flatten()


def sig(img):
    """A small signature: luminance pHash, value-channel pHash, content-box pHash, 16x16 colour thumb."""
    import cv2
    a = np.asarray(img.convert("RGB").resize((64, 64), Image.LANCZOS)).astype(np.float32)
    lum = a @ np.array([.299, .587, .114], np.float32)
    val = a.max(axis=2)
    h1 = _dct_hash(cv2.resize(lum, (32, 32), interpolation=cv2.INTER_AREA))
    h2 = _dct_hash(cv2.resize(val, (32, 32), interpolation=cv2.INTER_AREA))
    # content box: pixels differing from the median corner colour
    corners = np.stack([a[0, 0], a[0, -1], a[-1, 0], a[-1, -1]])
    field = np.median(corners, axis=0)
    m = (np.abs(a - field).max(axis=2) > 24)
    if m.sum() > 20:
        ys, xs = np.nonzero(m)
        box = lum[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        h3 = _dct_hash(cv2.resize(box, (32, 32), interpolation=cv2.INTER_AREA))
    else:
        h3 = h1
    thumb = cv2.resize(a, (16, 16), interpolation=cv2.INTER_AREA)
    return h1, h2, h3, thumb


def sig_distance(s1, s2):
    """Return (min hash distance over the three hashes, mean abs colour-thumb difference)."""
    dl = int((s1[0] != s2[0]).sum())
    dv = int((s1[1] != s2[1]).sum())
    db = int((s1[2] != s2[2]).sum())
    dt = float(np.abs(s1[3] - s2[3]).mean())
    return min(dl, dv, db), dt


def too_similar(s, others, hash_min, thumb_min):
    for o in others:
        hd, td = sig_distance(s, o)
        if hd < hash_min or td < thumb_min:
            return True
    return False


def nearest(s, others):
    best = (99, 999.0, None)
    for k, o in others:
        hd, td = sig_distance(s, o)
        if hd < best[0]:
            best = (hd, td, k)
    return best


# ------------------------------------------------------------------ simple shapes for ordinary apps
def circle_avatar(img, size, bg=(255, 255, 255)):
    """Mini-program / official-account avatar: the icon cut to a circle on a plain field."""
    im = img.convert("RGB").resize((size, size), Image.LANCZOS)
    S = size * 4
    mask = Image.new("L", (S, S), 0)
    ImageDraw.Draw(mask).ellipse([0, 0, S - 1, S - 1], fill=255)
    mask = mask.resize((size, size), Image.LANCZOS)
    out = Image.new("RGB", (size, size), bg)
    out.paste(im, (0, 0), mask)
    return out


# ------------------------------------------------------------------ negative-only motifs
# Protected icons are drawn from EMBLEMS; ordinary / unprotected icons use these motifs (plus glyph and
# latin with characters / letters no protected icon uses), so a negative never re-uses a protected emblem.
NEG_EMBLEMS = ["building", "card", "yuan", "umbrella", "linechart", "wallet", "cloud", "sun", "bolt", "heart",
               "play", "bubble", "bell", "magnifier", "gear", "note", "house", "pin", "bag", "calc"]
BANKISH_NEG = ["building", "card", "yuan", "umbrella", "linechart", "wallet", "calc", "pin"]


def draw_neg_emblem(kind, p, S, col, col2):
    lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    c = S / 2
    r = S * 0.46
    w = max(2, int(S * p.get("stroke", 0.08)))
    if kind == "building":
        d.polygon([(c - r, c - r * .35), (c, c - r * .95), (c + r, c - r * .35)], fill=col)
        n = p.get("n", 4)
        for i in range(n):
            x = c - r * .8 + i * (1.6 * r / (n - 1))
            d.rectangle([x - r * .09, c - r * .25, x + r * .09, c + r * .6], fill=col)
        d.rectangle([c - r, c + r * .68, c + r, c + r * .86], fill=col2)
    elif kind == "card":
        d.rounded_rectangle([c - r, c - r * .62, c + r, c + r * .62], radius=r * .14, fill=col)
        d.rectangle([c - r, c - r * .35, c + r, c - r * .12], fill=col2)
        d.rounded_rectangle([c - r * .75, c + r * .12, c - r * .3, c + r * .38], radius=r * .05, fill=col2)
    elif kind == "yuan":
        draw_text_center(d, c, c, "¥", r * 1.9, col, latin=True)
    elif kind == "umbrella":
        d.pieslice([c - r, c - r * .8, c + r, c + r * 1.2], 180, 360, fill=col)
        d.rectangle([c - w / 2, c + r * .2, c + w / 2, c + r * .85], fill=col2)
        d.arc([c - r * .3, c + r * .6, c + w / 2, c + r], 0, 180, fill=col2, width=w)
    elif kind == "linechart":
        pts = [(c - r, c + r * .5), (c - r * .4, c), (c, c + r * .25), (c + r * .5, c - r * .5), (c + r, c - r * .7)]
        d.line(pts, fill=col, width=int(w * 1.3), joint="curve")
        d.line([(c - r, c + r * .85), (c + r, c + r * .85)], fill=col2, width=w)
    elif kind == "wallet":
        d.rounded_rectangle([c - r, c - r * .6, c + r, c + r * .7], radius=r * .18, fill=col)
        d.rounded_rectangle([c + r * .2, c - r * .15, c + r * 1.0, c + r * .3], radius=r * .1, fill=col2)
    elif kind == "cloud":
        for (x, y, rr) in [(-.45, .15, .38), (0, -.1, .5), (.45, .15, .38)]:
            d.ellipse([c + x * r - rr * r, c + y * r - rr * r, c + x * r + rr * r, c + y * r + rr * r], fill=col)
        d.rectangle([c - r * .45, c + r * .1, c + r * .45, c + r * .53], fill=col)
    elif kind == "sun":
        d.ellipse([c - r * .45, c - r * .45, c + r * .45, c + r * .45], fill=col)
        for i in range(8):
            a = 2 * math.pi * i / 8
            d.line([(c + r * .62 * math.cos(a), c + r * .62 * math.sin(a)),
                    (c + r * .95 * math.cos(a), c + r * .95 * math.sin(a))], fill=col2, width=w)
    elif kind == "bolt":
        d.polygon([(c + r * .15, c - r), (c - r * .55, c + r * .1), (c - r * .05, c + r * .1), (c - r * .2, c + r),
                   (c + r * .55, c - r * .15), (c + r * .05, c - r * .15)], fill=col)
    elif kind == "heart":
        d.ellipse([c - r * .9, c - r * .7, c + r * .05, c + r * .25], fill=col)
        d.ellipse([c - r * .05, c - r * .7, c + r * .9, c + r * .25], fill=col)
        d.polygon([(c - r * .86, c - r * .1), (c + r * .86, c - r * .1), (c, c + r * .85)], fill=col)
    elif kind == "play":
        d.ellipse([c - r, c - r, c + r, c + r], outline=col, width=w)
        d.polygon([(c - r * .3, c - r * .45), (c + r * .5, c), (c - r * .3, c + r * .45)], fill=col2)
    elif kind == "bubble":
        d.rounded_rectangle([c - r, c - r * .7, c + r, c + r * .45], radius=r * .35, fill=col)
        d.polygon([(c - r * .45, c + r * .35), (c - r * .6, c + r * .9), (c - r * .05, c + r * .4)], fill=col)
        for i in (-1, 0, 1):
            d.ellipse([c + i * r * .4 - r * .1, c - r * .22, c + i * r * .4 + r * .1, c - r * .02], fill=col2)
    elif kind == "bell":
        d.pieslice([c - r * .65, c - r * .8, c + r * .65, c + r * .5], 180, 360, fill=col)
        d.polygon([(c - r * .65, c - r * .15), (c + r * .65, c - r * .15), (c + r * .85, c + r * .5),
                   (c - r * .85, c + r * .5)], fill=col)
        d.ellipse([c - r * .18, c + r * .5, c + r * .18, c + r * .85], fill=col2)
    elif kind == "magnifier":
        d.ellipse([c - r * .8, c - r * .8, c + r * .3, c + r * .3], outline=col, width=int(w * 1.4))
        d.line([(c + r * .2, c + r * .2), (c + r * .85, c + r * .85)], fill=col2, width=int(w * 1.8))
    elif kind == "gear":
        for i in range(8):
            a = 2 * math.pi * i / 8
            d.polygon(_poly_circle(c + r * .72 * math.cos(a), c + r * .72 * math.sin(a), r * .2, 4, a + math.pi / 4),
                      fill=col)
        d.ellipse([c - r * .72, c - r * .72, c + r * .72, c + r * .72], fill=col)
        d.ellipse([c - r * .28, c - r * .28, c + r * .28, c + r * .28], fill=col2)
    elif kind == "note":
        d.ellipse([c - r * .75, c + r * .3, c - r * .15, c + r * .8], fill=col)
        d.rectangle([c - r * .27, c - r * .8, c - r * .15, c + r * .55], fill=col)
        d.polygon([(c - r * .27, c - r * .8), (c + r * .6, c - r * .5), (c + r * .6, c - r * .25),
                   (c - r * .15, c - r * .52)], fill=col2)
    elif kind == "house":
        d.polygon([(c - r, c - r * .05), (c, c - r * .9), (c + r, c - r * .05)], fill=col)
        d.rectangle([c - r * .7, c - r * .1, c + r * .7, c + r * .85], fill=col)
        d.rectangle([c - r * .18, c + r * .3, c + r * .18, c + r * .85], fill=col2)
    elif kind == "pin":
        d.ellipse([c - r * .62, c - r, c + r * .62, c + r * .24], fill=col)
        d.polygon([(c - r * .55, c - r * .2), (c + r * .55, c - r * .2), (c, c + r)], fill=col)
        d.ellipse([c - r * .24, c - r * .62, c + r * .24, c - r * .14], fill=col2)
    elif kind == "bag":
        d.rounded_rectangle([c - r * .75, c - r * .35, c + r * .75, c + r * .9], radius=r * .12, fill=col)
        d.arc([c - r * .4, c - r * .85, c + r * .4, c + r * .05], 180, 360, fill=col2, width=w)
    elif kind == "calc":
        d.rounded_rectangle([c - r * .7, c - r, c + r * .7, c + r], radius=r * .12, fill=col)
        d.rectangle([c - r * .5, c - r * .8, c + r * .5, c - r * .4], fill=col2)
        for i in range(3):
            for j in range(3):
                x = c - r * .42 + i * r * .42
                y = c - r * .1 + j * r * .36
                d.ellipse([x - r * .1, y - r * .1, x + r * .1, y + r * .1], fill=col2)
    else:
        raise ValueError(kind)
    return lay


_orig_draw_emblem = draw_emblem


def draw_emblem(kind, p, S, col, col2):  # noqa: F811  (dispatch to negative motifs too)
    if kind in NEG_EMBLEMS:
        return draw_neg_emblem(kind, p, S, col, col2)
    return _orig_draw_emblem(kind, p, S, col, col2)
