"""Tiny TrueType (glyf) outline reader: enough to draw CJK and Latin glyphs as polygons."""

import struct

FONT_CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT_SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
FONT_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


class Font:
    def __init__(self, path, index=0):
        with open(path, "rb") as fh:
            data = fh.read()
        self.data = data
        base = 0
        if data[:4] == b"ttcf":
            (base,) = struct.unpack(">I", data[12 + 4 * index:16 + 4 * index])
        (ntab,) = struct.unpack(">H", data[base + 4:base + 6])
        self.tables = {}
        for i in range(ntab):
            tag, _cs, off, length = struct.unpack(">4sIII", data[base + 12 + 16 * i:base + 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = (off, length)
        head = self.tables["head"][0]
        (self.upem,) = struct.unpack(">H", data[head + 18:head + 20])
        (self.loca_fmt,) = struct.unpack(">h", data[head + 50:head + 52])
        maxp = self.tables["maxp"][0]
        (self.nglyphs,) = struct.unpack(">H", data[maxp + 4:maxp + 6])
        hhea = self.tables["hhea"][0]
        self.ascent, self.descent = struct.unpack(">hh", data[hhea + 4:hhea + 8])
        (self.nhm,) = struct.unpack(">H", data[hhea + 34:hhea + 36])
        self.cmap = self._read_cmap()
        self._cache = {}

    def _read_cmap(self):
        d = self.data
        off = self.tables["cmap"][0]
        (n,) = struct.unpack(">H", d[off + 2:off + 4])
        best = None
        for i in range(n):
            pid, eid, sub = struct.unpack(">HHI", d[off + 4 + 8 * i:off + 12 + 8 * i])
            (fmt,) = struct.unpack(">H", d[off + sub:off + sub + 2])
            if pid == 3 and eid == 10 and fmt == 12:
                best = (12, off + sub)
                break
            if pid == 3 and eid == 1 and fmt == 4 and best is None:
                best = (4, off + sub)
        table = {}
        fmt, p = best
        if fmt == 12:
            (ngroups,) = struct.unpack(">I", d[p + 12:p + 16])
            for g in range(ngroups):
                start, end, gid = struct.unpack(">III", d[p + 16 + 12 * g:p + 28 + 12 * g])
                for c in range(start, end + 1):
                    table[c] = gid + c - start
            return table
        (segx2,) = struct.unpack(">H", d[p + 6:p + 8])
        seg = segx2 // 2
        ends = struct.unpack(f">{seg}H", d[p + 14:p + 14 + segx2])
        starts = struct.unpack(f">{seg}H", d[p + 16 + segx2:p + 16 + 2 * segx2])
        deltas = struct.unpack(f">{seg}h", d[p + 16 + 2 * segx2:p + 16 + 3 * segx2])
        ro_pos = p + 16 + 3 * segx2
        offsets = struct.unpack(f">{seg}H", d[ro_pos:ro_pos + segx2])
        for s in range(seg):
            for c in range(starts[s], ends[s] + 1):
                if c == 0xFFFF:
                    continue
                if offsets[s] == 0:
                    gid = (c + deltas[s]) & 0xFFFF
                else:
                    addr = ro_pos + 2 * s + offsets[s] + 2 * (c - starts[s])
                    (gid,) = struct.unpack(">H", d[addr:addr + 2])
                    if gid:
                        gid = (gid + deltas[s]) & 0xFFFF
                table[c] = gid
        return table

    def advance(self, gid):
        off = self.tables["hmtx"][0]
        i = min(gid, self.nhm - 1)
        (adv,) = struct.unpack(">H", self.data[off + 4 * i:off + 4 * i + 2])
        return adv

    def _glyph_range(self, gid):
        d = self.data
        loca = self.tables["loca"][0]
        if self.loca_fmt == 0:
            a, b = struct.unpack(">HH", d[loca + 2 * gid:loca + 2 * gid + 4])
            return a * 2, b * 2
        return struct.unpack(">II", d[loca + 4 * gid:loca + 4 * gid + 8])

    def outline(self, gid):
        """Contours of glyph gid in font units (y up), each a list of (x, y, on_curve)."""
        if gid in self._cache:
            return self._cache[gid]
        d = self.data
        a, b = self._glyph_range(gid)
        if b <= a:
            self._cache[gid] = []
            return []
        p = self.tables["glyf"][0] + a
        (ncont,) = struct.unpack(">h", d[p:p + 2])
        contours = []
        if ncont >= 0:
            ends = struct.unpack(f">{ncont}H", d[p + 10:p + 10 + 2 * ncont])
            npts = ends[-1] + 1 if ncont else 0
            q = p + 10 + 2 * ncont
            (ilen,) = struct.unpack(">H", d[q:q + 2])
            q += 2 + ilen
            flags = []
            while len(flags) < npts:
                f = d[q]
                q += 1
                flags.append(f)
                if f & 8:
                    rep = d[q]
                    q += 1
                    flags.extend([f] * rep)
            xs = []
            x = 0
            for f in flags:
                if f & 2:
                    dx = d[q]
                    q += 1
                    x += dx if f & 16 else -dx
                elif not f & 16:
                    (dx,) = struct.unpack(">h", d[q:q + 2])
                    q += 2
                    x += dx
                xs.append(x)
            ys = []
            y = 0
            for f in flags:
                if f & 4:
                    dy = d[q]
                    q += 1
                    y += dy if f & 32 else -dy
                elif not f & 32:
                    (dy,) = struct.unpack(">h", d[q:q + 2])
                    q += 2
                    y += dy
                ys.append(y)
            start = 0
            for e in ends:
                contours.append([(xs[i], ys[i], bool(flags[i] & 1)) for i in range(start, e + 1)])
                start = e + 1
        else:
            q = p + 10
            while True:
                flags, cgid = struct.unpack(">HH", d[q:q + 4])
                q += 4
                if flags & 1:
                    a1, a2 = struct.unpack(">hh", d[q:q + 4])
                    q += 4
                else:
                    a1, a2 = struct.unpack(">bb", d[q:q + 2])
                    q += 2
                m = (1.0, 0.0, 0.0, 1.0)
                if flags & 8:
                    (s,) = struct.unpack(">h", d[q:q + 2])
                    q += 2
                    m = (s / 16384, 0.0, 0.0, s / 16384)
                elif flags & 0x40:
                    sx, sy = struct.unpack(">hh", d[q:q + 4])
                    q += 4
                    m = (sx / 16384, 0.0, 0.0, sy / 16384)
                elif flags & 0x80:
                    v = struct.unpack(">hhhh", d[q:q + 8])
                    q += 8
                    m = tuple(t / 16384 for t in v)
                dx, dy = (a1, a2) if flags & 2 else (0, 0)
                for cont in self.outline(cgid):
                    contours.append([(m[0] * px + m[2] * py + dx, m[1] * px + m[3] * py + dy, on)
                                     for px, py, on in cont])
                if not flags & 0x20:
                    break
        self._cache[gid] = contours
        return contours

    def glyph_id(self, ch):
        return self.cmap.get(ord(ch), 0)


def flatten(contour, steps=4):
    """Turn a quadratic TrueType contour into a polygon [(x, y), ...] (font units)."""
    pts = contour
    n = len(pts)
    if n == 0:
        return []
    # find an on-curve start (or synthesise one)
    start = None
    for i, (_x, _y, on) in enumerate(pts):
        if on:
            start = i
            break
    if start is None:
        x0 = (pts[0][0] + pts[1 % n][0]) / 2
        y0 = (pts[0][1] + pts[1 % n][1]) / 2
        seq = [(x0, y0, True)] + pts[1:] + pts[:1]
    else:
        seq = pts[start:] + pts[:start]
    seq = seq + [seq[0]]
    out = [(seq[0][0], seq[0][1])]
    cx = cy = None
    for x, y, on in seq[1:]:
        if on:
            if cx is None:
                out.append((x, y))
            else:
                px, py = out[-1]
                for k in range(1, steps + 1):
                    t = k / steps
                    u = 1 - t
                    out.append((u * u * px + 2 * u * t * cx + t * t * x, u * u * py + 2 * u * t * cy + t * t * y))
                cx = cy = None
        else:
            if cx is not None:
                mx, my = (cx + x) / 2, (cy + y) / 2
                px, py = out[-1]
                for k in range(1, steps + 1):
                    t = k / steps
                    u = 1 - t
                    out.append((u * u * px + 2 * u * t * cx + t * t * mx, u * u * py + 2 * u * t * cy + t * t * my))
            cx, cy = x, y
    return out


_FONTS = {}


def font(path):
    if path not in _FONTS:
        _FONTS[path] = Font(path)
    return _FONTS[path]
