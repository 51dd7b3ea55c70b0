"""Pure-Python raster canvas: anti-aliased polygon fill, shapes, text, resampling and warps.

Images are float channel lists (0..255), row-major; coordinates are continuous, the icon spans
[0, w] x [0, h] and pixel (i, j) covers [i, i+1) x [j, j+1).
"""

import math
from itertools import accumulate

import ttf


class Img:
    __slots__ = ("w", "h", "r", "g", "b", "a")

    def __init__(self, w, h, color=(255, 255, 255)):
        n = w * h
        self.w, self.h = w, h
        self.r = [float(color[0])] * n
        self.g = [float(color[1])] * n
        self.b = [float(color[2])] * n
        self.a = None

    @classmethod
    def from_channels(cls, w, h, r, g, b, a=None):
        img = cls.__new__(cls)
        img.w, img.h, img.r, img.g, img.b, img.a = w, h, r, g, b, a
        return img

    def copy(self):
        return Img.from_channels(self.w, self.h, list(self.r), list(self.g), list(self.b),
                                 None if self.a is None else list(self.a))

    def chans(self):
        return (self.r, self.g, self.b)

    def pixel(self, x, y):
        i = y * self.w + x
        return (self.r[i], self.g[i], self.b[i])

    def luma(self):
        return [0.299 * r + 0.587 * g + 0.114 * b for r, g, b in zip(self.r, self.g, self.b, strict=True)]


# ----------------------------------------------------------------------------- coverage


def cover(contours, w, h, rule="nz", ss=4):
    """Anti-aliased coverage of polygons: list of (y, x0, [coverage...])."""
    edges = []
    minx, maxx = 1e9, -1e9
    for c in contours:
        n = len(c)
        if n < 3:
            continue
        for i in range(n):
            x0, y0 = c[i]
            x1, y1 = c[(i + 1) % n]
            if x0 < minx:
                minx = x0
            if x0 > maxx:
                maxx = x0
            if y0 == y1:
                continue
            if y0 < y1:
                edges.append((y0, y1, x0, (x1 - x0) / (y1 - y0), 1))
            else:
                edges.append((y1, y0, x1, (x0 - x1) / (y0 - y1), -1))
    if not edges:
        return []
    edges.sort()
    ymin = max(0, int(math.floor(edges[0][0])))
    ymax = min(h - 1, int(math.floor(max(e[1] for e in edges))))
    xmin = max(0, int(math.floor(minx)))
    xmax = min(w - 1, int(math.floor(maxx)))
    if xmax < xmin or ymax < ymin:
        return []
    span_w = xmax - xmin + 1
    inv = 1.0 / ss
    nz = rule == "nz"
    spans = []
    ei = 0
    ne = len(edges)
    active = []
    for py in range(ymin, ymax + 1):
        part = [0.0] * (span_w + 1)
        diff = [0.0] * (span_w + 1)
        hit = False
        for s in range(ss):
            ys = py + (s + 0.5) * inv
            while ei < ne and edges[ei][0] <= ys:
                active.append(edges[ei])
                ei += 1
            active = [e for e in active if e[1] > ys]
            if len(active) < 2:
                continue
            xs = sorted((e[2] + (ys - e[0]) * e[3], e[4]) for e in active)
            wind = 0
            for k in range(len(xs) - 1):
                wind += xs[k][1]
                inside = (wind != 0) if nz else (wind & 1)
                if not inside:
                    continue
                xa = xs[k][0] - xmin
                xb = xs[k + 1][0] - xmin
                if xa < 0:
                    xa = 0.0
                if xb > span_w:
                    xb = float(span_w)
                if xb <= xa:
                    continue
                hit = True
                ia = int(xa)
                ib = int(xb)
                if ia == ib:
                    part[ia] += (xb - xa) * inv
                else:
                    part[ia] += (ia + 1 - xa) * inv
                    diff[ia + 1] += inv
                    diff[ib] -= inv
                    part[ib] += (xb - ib) * inv
        if hit:
            cov = [min(1.0, a + b) for a, b in zip(accumulate(diff[:span_w]), part[:span_w], strict=True)]
            spans.append((py, xmin, cov))
    return spans


def paint(img, spans, color, opacity=1.0):
    cr, cg, cb = color
    w = img.w
    for y, x0, cov in spans:
        b = y * w + x0
        e = b + len(cov)
        if opacity != 1.0:
            cov = [c * opacity for c in cov]
        img.r[b:e] = [d + (cr - d) * k for d, k in zip(img.r[b:e], cov, strict=True)]
        img.g[b:e] = [d + (cg - d) * k for d, k in zip(img.g[b:e], cov, strict=True)]
        img.b[b:e] = [d + (cb - d) * k for d, k in zip(img.b[b:e], cov, strict=True)]
        if img.a is not None:
            img.a[b:e] = [d + (255.0 - d) * k for d, k in zip(img.a[b:e], cov, strict=True)]


def fill(img, contours, color, opacity=1.0, rule="nz"):
    paint(img, cover(contours, img.w, img.h, rule), color, opacity)


def spans_to_mask(spans, w, h):
    m = [0.0] * (w * h)
    for y, x0, cov in spans:
        b = y * w + x0
        m[b:b + len(cov)] = [max(a, c) for a, c in zip(m[b:b + len(cov)], cov, strict=True)]
    return m


def mask_of(contours, w, h, rule="nz"):
    return spans_to_mask(cover(contours, w, h, rule), w, h)


def paint_mask(img, mask, color, opacity=1.0):
    cr, cg, cb = color
    if opacity != 1.0:
        mask = [m * opacity for m in mask]
    img.r = [d + (cr - d) * k for d, k in zip(img.r, mask, strict=True)]
    img.g = [d + (cg - d) * k for d, k in zip(img.g, mask, strict=True)]
    img.b = [d + (cb - d) * k for d, k in zip(img.b, mask, strict=True)]


def composite(dst, src, mask):
    """dst = dst * (1 - mask) + src * mask (same sizes)."""
    dst.r = [d + (s - d) * k for d, s, k in zip(dst.r, src.r, mask, strict=True)]
    dst.g = [d + (s - d) * k for d, s, k in zip(dst.g, src.g, mask, strict=True)]
    dst.b = [d + (s - d) * k for d, s, k in zip(dst.b, src.b, mask, strict=True)]


# ----------------------------------------------------------------------------- shapes


def _segs(r):
    return max(20, int(2 * math.pi * r / 2.0))


def circle(cx, cy, r, n=0):
    n = n or _segs(r)
    return [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]


def ellipse(cx, cy, rx, ry, rot=0.0, n=0):
    n = n or _segs(max(rx, ry))
    cr, sr = math.cos(rot), math.sin(rot)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return pts


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def rrect(x0, y0, x1, y1, rad):
    rad = max(0.0, min(rad, (x1 - x0) / 2, (y1 - y0) / 2))
    if rad <= 0.5:
        return rect(x0, y0, x1, y1)
    pts = []
    n = max(4, int(rad / 1.5))
    for cx, cy, a0 in ((x1 - rad, y0 + rad, -90), (x1 - rad, y1 - rad, 0), (x0 + rad, y1 - rad, 90),
                       (x0 + rad, y0 + rad, 180)):
        for k in range(n + 1):
            a = math.radians(a0 + 90 * k / n)
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def ring(cx, cy, r0, r1):
    return [circle(cx, cy, r1), list(reversed(circle(cx, cy, r0)))]


def arc_band(cx, cy, r0, r1, a0, a1, n=0):
    """Band between radii r0 < r1 from angle a0 to a1 (degrees, clockwise on screen)."""
    n = n or max(8, int(abs(a1 - a0) / 6))
    outer = [(cx + r1 * math.cos(math.radians(a0 + (a1 - a0) * k / n)),
              cy + r1 * math.sin(math.radians(a0 + (a1 - a0) * k / n))) for k in range(n + 1)]
    inner = [(cx + r0 * math.cos(math.radians(a1 - (a1 - a0) * k / n)),
              cy + r0 * math.sin(math.radians(a1 - (a1 - a0) * k / n))) for k in range(n + 1)]
    return outer + inner


def area(contour):
    s = 0.0
    n = len(contour)
    for i in range(n):
        x0, y0 = contour[i]
        x1, y1 = contour[(i + 1) % n]
        s += x0 * y1 - x1 * y0
    return s / 2


def orient(contour, positive=True):
    if (area(contour) > 0) != positive:
        return list(reversed(contour))
    return contour


def segment(p, q, width):
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d * width / 2, dx / d * width / 2
    return orient([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])


def polyline(points, width, closed=False, round_joins=True):
    """Contours (all positively oriented, so a nonzero fill is their union) of a thick polyline."""
    out = []
    pts = list(points) + ([points[0]] if closed else [])
    for i in range(len(pts) - 1):
        out.append(segment(pts[i], pts[i + 1], width))
    if round_joins:
        for p in (pts if not closed else pts[:-1]):
            out.append(orient(circle(p[0], p[1], width / 2, n=max(12, int(width * 1.5)))))
    return out


def star(cx, cy, r_out, r_in, n=5, rot=-90.0):
    pts = []
    for k in range(2 * n):
        r = r_out if k % 2 == 0 else r_in
        a = math.radians(rot + 180.0 * k / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def transform(contours, fn):
    return [[fn(x, y) for x, y in c] for c in contours]


def rotate_pts(contours, cx, cy, deg):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)

    def fn(x, y):
        dx, dy = x - cx, y - cy
        return (cx + dx * ca - dy * sa, cy + dx * sa + dy * ca)

    return transform(contours, fn)


def bbox(contours):
    xs = [x for c in contours for x, _ in c]
    ys = [y for c in contours for _, y in c]
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


# ----------------------------------------------------------------------------- text


def text(s, size, cx, cy, font_path=ttf.FONT_CJK, bold=0.0, slant=0.0, spacing=0.0, fit_w=None, fit_h=None):
    """Contours of string s, its ink box centred on (cx, cy); size is the em size in pixels."""
    f = ttf.font(font_path)
    scale = size / f.upem
    polys = []
    pen = 0.0
    for ch in s:
        if ch == " ":
            pen += f.advance(f.glyph_id(" ")) * scale + spacing * size
            continue
        gid = f.glyph_id(ch)
        for cont in f.outline(gid):
            poly = ttf.flatten(cont)
            polys.append([(pen + x * scale, -y * scale) for x, y in poly])
        pen += f.advance(gid) * scale + spacing * size
    if not polys:
        return []
    x0, y0, x1, y1 = bbox(polys)
    k = 1.0
    if fit_w and x1 - x0 > fit_w:
        k = fit_w / (x1 - x0)
    if fit_h and (y1 - y0) * k > fit_h:
        k = fit_h / (y1 - y0)
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    out = [[(cx + (x - mx) * k + slant * (my - y) * k, cy + (y - my) * k) for x, y in p] for p in polys]
    if bold > 0:
        extra = []
        for ox, oy in ((bold, 0), (-bold, 0), (0, bold), (0, -bold)):
            extra.extend([[(x + ox, y + oy) for x, y in p] for p in out])
        out = out + extra
    return out


# ----------------------------------------------------------------------------- resampling


def _weights(n_in, n_out, lo_off=0.0, span=None):
    span = n_in if span is None else span
    scale = span / n_out
    support = max(1.0, scale)
    res = []
    for o in range(n_out):
        center = lo_off + (o + 0.5) * scale
        lo = max(0, int(center - support) - 1)
        hi = min(n_in - 1, int(center + support) + 1)
        ws = []
        for i in range(lo, hi + 1):
            t = abs((i + 0.5 - center) / support)
            if t < 1:
                ws.append((i, 1 - t))
        if not ws:
            i = min(n_in - 1, max(0, int(center)))
            ws = [(i, 1.0)]
        tot = sum(wt for _, wt in ws)
        res.append([(i, wt / tot) for i, wt in ws])
    return res


def _resample_channel(ch, w, h, wx, wy):
    oh = len(wy)
    rows = []
    for y in range(h):
        row = ch[y * w:(y + 1) * w]
        rows.append([sum(row[i] * wt for i, wt in ws) for ws in wx])
    cols = list(zip(*rows, strict=True))
    out_cols = [[sum(col[i] * wt for i, wt in ws) for ws in wy] for col in cols]
    out = []
    for y in range(oh):
        out.extend(c[y] for c in out_cols)
    return out


def resample(img, ow, oh, box=None):
    """Antialiased (triangle filter) resize of img, or of its box (x0, y0, x1, y1) if given."""
    if box is None:
        box = (0.0, 0.0, float(img.w), float(img.h))
    x0, y0, x1, y1 = box
    wx = _weights(img.w, ow, x0, x1 - x0)
    wy = _weights(img.h, oh, y0, y1 - y0)
    chans = [_resample_channel(c, img.w, img.h, wx, wy) for c in img.chans()]
    a = None if img.a is None else _resample_channel(img.a, img.w, img.h, wx, wy)
    return Img.from_channels(ow, oh, chans[0], chans[1], chans[2], a)


def nearest(img, ow, oh):
    xs = [min(img.w - 1, int((x + 0.5) * img.w / ow)) for x in range(ow)]
    ys = [min(img.h - 1, int((y + 0.5) * img.h / oh)) for y in range(oh)]
    idx = [yy * img.w + xx for yy in ys for xx in xs]
    return Img.from_channels(ow, oh, [img.r[i] for i in idx], [img.g[i] for i in idx], [img.b[i] for i in idx])


def sample(img, sxs, sys_, ow, oh, fill=(255.0, 255.0, 255.0), clamp=False):
    """Bilinear sampling of img at continuous source points (lists, len ow*oh)."""
    w, h = img.w, img.h
    R, G, B = img.r, img.g, img.b
    fr, fg, fb = fill
    orr, og, ob = [], [], []
    ar, ag, ab = orr.append, og.append, ob.append
    wm, hm = w - 1, h - 1
    for sx, sy in zip(sxs, sys_, strict=True):
        fx = sx - 0.5
        fy = sy - 0.5
        if clamp:
            fx = 0.0 if fx < 0 else (wm if fx > wm else fx)
            fy = 0.0 if fy < 0 else (hm if fy > hm else fy)
        elif fx < -1 or fy < -1 or fx > w or fy > h:
            ar(fr)
            ag(fg)
            ab(fb)
            continue
        x0 = math.floor(fx)
        y0 = math.floor(fy)
        ax = fx - x0
        ay = fy - y0
        vals = []
        for yy, xx, wt in ((y0, x0, (1 - ax) * (1 - ay)), (y0, x0 + 1, ax * (1 - ay)),
                           (y0 + 1, x0, (1 - ax) * ay), (y0 + 1, x0 + 1, ax * ay)):
            if 0 <= xx <= wm and 0 <= yy <= hm:
                i = yy * w + xx
                vals.append((R[i], G[i], B[i], wt))
            else:
                vals.append((fr, fg, fb, wt))
        ar(sum(v[0] * v[3] for v in vals))
        ag(sum(v[1] * v[3] for v in vals))
        ab(sum(v[2] * v[3] for v in vals))
    return Img.from_channels(ow, oh, orr, og, ob)


def warp_affine(img, m, ow, oh, fill=(255.0, 255.0, 255.0), clamp=False):
    """m = (a, b, c, d, e, f) maps output (x, y) to source (a x + b y + c, d x + e y + f)."""
    a, b, c, d, e, f = m
    sxs = [a * (x + 0.5) + b * (y + 0.5) + c for y in range(oh) for x in range(ow)]
    sys_ = [d * (x + 0.5) + e * (y + 0.5) + f for y in range(oh) for x in range(ow)]
    return sample(img, sxs, sys_, ow, oh, fill, clamp)


def rotate(img, deg, fill=(255.0, 255.0, 255.0), scale=1.0, clamp=False):
    """Rotate about the centre (positive = clockwise on screen), scaling the content by scale."""
    t = math.radians(deg)
    ca, sa = math.cos(t), math.sin(t)
    cx, cy = img.w / 2, img.h / 2
    # output p -> source: R(-t) (p - c) / scale + c
    a, b = ca / scale, sa / scale
    d, e = -sa / scale, ca / scale
    m = (a, b, cx - a * cx - b * cy, d, e, cy - d * cx - e * cy)
    return warp_affine(img, m, img.w, img.h, fill, clamp)


def place(dst, src, x, y, mask=None):
    """Paste src at integer (x, y) into dst (clipped), blended by mask (len src.w*src.h) if given."""
    for sy in range(src.h):
        dy = y + sy
        if dy < 0 or dy >= dst.h:
            continue
        sx0 = max(0, -x)
        sx1 = min(src.w, dst.w - x)
        if sx1 <= sx0:
            continue
        sb = sy * src.w
        db = dy * dst.w + x
        for dch, sch in ((dst.r, src.r), (dst.g, src.g), (dst.b, src.b)):
            if mask is None:
                dch[db + sx0:db + sx1] = sch[sb + sx0:sb + sx1]
            else:
                dch[db + sx0:db + sx1] = [d + (s - d) * k for d, s, k in zip(
                    dch[db + sx0:db + sx1], sch[sb + sx0:sb + sx1], mask[sb + sx0:sb + sx1], strict=True)]


def box_blur_channel(ch, w, h, r):
    if r <= 0:
        return list(ch)
    k = 2 * r + 1
    rows = []
    for y in range(h):
        row = ch[y * w:(y + 1) * w]
        padded = [row[0]] * (r + 1) + row + [row[-1]] * r
        p = list(accumulate(padded))
        rows.append([(p[i + k] - p[i]) / k for i in range(w)])
    cols = [list(c) for c in zip(*rows, strict=True)]
    out_cols = []
    for col in cols:
        padded = [col[0]] * (r + 1) + col + [col[-1]] * r
        p = list(accumulate(padded))
        out_cols.append([(p[i + k] - p[i]) / k for i in range(h)])
    out = []
    for y in range(h):
        out.extend(c[y] for c in out_cols)
    return out


def blur_channel(ch, w, h, sigma):
    if sigma <= 0:
        return list(ch)
    r = max(1, int(round(sigma * 0.9)))
    passes = 3 if sigma >= 1.0 else 1
    out = ch
    for _ in range(passes):
        out = box_blur_channel(out, w, h, r)
    return out


def blur(img, sigma):
    return Img.from_channels(img.w, img.h, *[blur_channel(c, img.w, img.h, sigma) for c in img.chans()])


def linear_gradient(w, h, c0, c1, angle_deg=90.0):
    """Gradient from c0 to c1 along direction angle (90 = top to bottom)."""
    t = math.radians(angle_deg)
    dx, dy = math.cos(t), math.sin(t)
    proj = [(x + 0.5 - w / 2) * dx + (y + 0.5 - h / 2) * dy for y in range(h) for x in range(w)]
    lo, hi = min(proj), max(proj)
    span = (hi - lo) or 1.0
    ts = [(p - lo) / span for p in proj]
    img = Img(w, h)
    img.r = [c0[0] + (c1[0] - c0[0]) * k for k in ts]
    img.g = [c0[1] + (c1[1] - c0[1]) * k for k in ts]
    img.b = [c0[2] + (c1[2] - c0[2]) * k for k in ts]
    return img
