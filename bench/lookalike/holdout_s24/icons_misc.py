"""Icons that are not protected emblems: finance-tool pictograms and ordinary app icons."""

from __future__ import annotations

import fonts
import imgutil as U
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

K = 1024  # drawn at twice the output size


def _canvas(bg) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("RGB", (K, K), bg)
    return im, ImageDraw.Draw(im)


def _text(d, text, cx, cy, h, fill, style="sans_bold"):
    f = fonts.font_for(text, int(h), style)
    d.text((cx, cy), text, font=f, fill=fill, anchor="mm")


def pictogram(kind: str, bg, ink, acc) -> Image.Image:
    im, d = _canvas(bg)
    if kind == "ledger":
        d.rounded_rectangle([300, 220, 740, 800], 40, fill=ink)
        d.rectangle([300, 220, 360, 800], fill=acc)
        for y in range(340, 740, 90):
            d.line([(420, y), (680, y)], fill=bg, width=24)
    elif kind == "exchange":
        d.arc([240, 240, 784, 784], 200, 340, fill=ink, width=56)
        d.arc([240, 240, 784, 784], 20, 160, fill=ink, width=56)
        d.polygon([(740, 330), (840, 300), (790, 420)], fill=ink)
        d.polygon([(284, 694), (184, 724), (234, 604)], fill=ink)
        _text(d, "¥$", 512, 512, 200, acc)
    elif kind == "house":
        d.polygon([(512, 200), (820, 470), (204, 470)], fill=ink)
        d.rectangle([270, 460, 754, 820], fill=ink)
        _text(d, "¥", 512, 630, 260, bg)
    elif kind == "calculator":
        d.rounded_rectangle([300, 180, 724, 844], 50, fill=ink)
        d.rounded_rectangle([350, 230, 674, 380], 20, fill=acc)
        for i in range(4):
            for j in range(3):
                x, y = 370 + j * 105, 430 + i * 100
                d.rounded_rectangle([x, y, x + 75, y + 70], 14, fill=bg)
    elif kind == "percent":
        _text(d, "%", 512, 530, 560, ink)
    elif kind == "card":
        d.rounded_rectangle([180, 300, 844, 724], 50, fill=ink)
        d.rectangle([180, 380, 844, 460], fill=acc)
        d.rounded_rectangle([260, 540, 380, 630], 16, fill=bg)
    elif kind == "calendar":
        d.rounded_rectangle([230, 260, 794, 800], 50, fill=ink)
        d.rectangle([230, 260, 794, 380], fill=acc)
        for x in (360, 664):
            d.rounded_rectangle([x - 20, 200, x + 20, 320], 20, fill=ink)
        _text(d, "15", 512, 600, 280, bg)
    elif kind == "chart":
        for j, h in enumerate([180, 300, 240, 420]):
            x = 250 + j * 140
            d.rectangle([x, 800 - h, x + 90, 800], fill=ink)
        d.line([(240, 560), (400, 440), (540, 500), (780, 280)], fill=acc, width=36, joint="curve")
    elif kind == "receipt":
        pts = [(280, 180), (744, 180), (744, 800)]
        for i in range(9):
            x = 744 - i * 58
            pts.append((x - 29, 800 - (40 if i % 2 == 0 else 0)))
        pts.append((280, 800))
        d.polygon(pts, fill=ink)
        for y in range(280, 680, 90):
            d.line([(350, y), (674, y)], fill=bg, width=24)
    elif kind == "pie":
        d.pieslice([220, 240, 780, 800], 0, 290, fill=ink)
        d.pieslice([260, 200, 820, 760], 290, 360, fill=acc)
    elif kind == "piggy":
        d.ellipse([220, 320, 780, 760], fill=ink)
        d.polygon([(330, 360), (380, 230), (460, 340)], fill=ink)
        d.ellipse([740, 470, 840, 600], fill=ink)
        for x in (320, 600):
            d.rectangle([x, 700, x + 70, 830], fill=ink)
        d.rounded_rectangle([440, 380, 600, 410], 12, fill=bg)
    else:  # wallet
        d.rounded_rectangle([200, 300, 824, 780], 60, fill=ink)
        d.rounded_rectangle([560, 440, 860, 640], 40, fill=acc)
        d.ellipse([620, 510, 680, 570], fill=ink)
    return im.resize((512, 512), Image.LANCZOS)


SHAPES = [
    "play",
    "note",
    "bubble",
    "cloud",
    "magnifier",
    "pin",
    "heart",
    "bolt",
    "leaf",
    "camera",
    "book",
    "cart",
]


def _shape(d, kind, ink, bg):
    if kind == "play":
        d.polygon([(400, 300), (400, 724), (740, 512)], fill=ink)
    elif kind == "note":
        d.ellipse([300, 620, 480, 760], fill=ink)
        d.rectangle([440, 260, 490, 690], fill=ink)
        d.polygon([(440, 260), (720, 200), (720, 300), (490, 350)], fill=ink)
    elif kind == "bubble":
        d.rounded_rectangle([220, 260, 804, 680], 120, fill=ink)
        d.polygon([(340, 640), (300, 800), (480, 660)], fill=ink)
    elif kind == "cloud":
        for box in ([240, 460, 520, 700], [400, 320, 700, 620], [560, 440, 800, 700]):
            d.ellipse(box, fill=ink)
        d.rectangle([380, 560, 680, 700], fill=ink)
    elif kind == "magnifier":
        d.ellipse([250, 250, 630, 630], outline=ink, width=70)
        d.line([(590, 590), (790, 790)], fill=ink, width=90)
    elif kind == "pin":
        d.ellipse([330, 200, 694, 564], fill=ink)
        d.polygon([(352, 460), (672, 460), (512, 840)], fill=ink)
        d.ellipse([452, 322, 572, 442], fill=bg)
    elif kind == "heart":
        d.ellipse([240, 280, 530, 570], fill=ink)
        d.ellipse([494, 280, 784, 570], fill=ink)
        d.polygon([(262, 480), (762, 480), (512, 800)], fill=ink)
    elif kind == "bolt":
        d.polygon([(560, 180), (300, 560), (490, 560), (440, 844), (724, 430), (530, 430)], fill=ink)
    elif kind == "leaf":
        d.chord([260, 220, 860, 820], 140, 320, fill=ink)
        d.line([(300, 780), (700, 380)], fill=bg, width=26)
    elif kind == "camera":
        d.rounded_rectangle([200, 330, 824, 780], 70, fill=ink)
        d.rectangle([400, 260, 624, 340], fill=ink)
        d.ellipse([382, 420, 642, 680], fill=bg)
        d.ellipse([432, 470, 592, 630], fill=ink)
    elif kind == "book":
        d.polygon([(200, 300), (500, 340), (500, 780), (200, 740)], fill=ink)
        d.polygon([(824, 300), (524, 340), (524, 780), (824, 740)], fill=ink)
    else:
        d.polygon([(220, 300), (300, 300), (380, 620), (740, 620), (800, 380), (340, 380)], fill=ink)
        d.ellipse([380, 680, 460, 760], fill=ink)
        d.ellipse([640, 680, 720, 760], fill=ink)


def _lead(name: str) -> str:
    """The first letter or character a plain icon shows (two for Latin names); emoji and marks skipped."""
    chars = [c for c in name if c.isalnum()] or ["A"]
    if chars[0].isascii():
        return "".join(chars[:2])
    return chars[0]


def ordinary(name: str, r, colours=None) -> tuple[Image.Image, dict]:
    """A plain app icon: initial, simple pictogram, split tile or blurred photo (colours: (c1, c2) or random)."""
    h = r.random()
    c1 = U.rgb_from_hsv(h, r.uniform(0.45, 0.95), r.uniform(0.55, 0.98))
    c2 = U.rgb_from_hsv(h + r.uniform(0.08, 0.3), r.uniform(0.4, 0.9), r.uniform(0.5, 0.98))
    if colours:
        c1, c2 = colours
    style = r.choice(["char", "char", "shape", "shape", "split", "photo"])
    if style == "char":
        im = U.gradient(c1, c2, r.random() < 0.5, K)
        d = ImageDraw.Draw(im)
        ch = _lead(name)
        _text(d, ch, 512, 520, 560 if len(ch) == 1 else 420, (255, 255, 255))
    elif style == "shape":
        light = r.random() < 0.4
        bg = (255, 255, 255) if light else c1
        im, d = _canvas(bg)
        _shape(d, r.choice(SHAPES), c1 if light else (255, 255, 255), bg)
    elif style == "split":
        im, d = _canvas(c1)
        d.polygon([(0, K), (K, 0), (K, K)], fill=c2)
        _text(d, _lead(name)[0], 512, 520, 480, (255, 255, 255))
    else:
        g = np.random.default_rng(r.randrange(1 << 30))
        a = np.zeros((K, K, 3), np.float32) + np.asarray(c1, np.float32)
        yy, xx = np.mgrid[0:K:4, 0:K:4].astype(np.float32)
        small = np.zeros((K // 4, K // 4, 3), np.float32) + np.asarray(c1, np.float32)
        for _ in range(6):
            cx, cy, rad = g.uniform(0, K), g.uniform(0, K), g.uniform(100, 400)
            col = np.asarray(U.rgb_from_hsv(g.random(), 0.6, 0.9), np.float32)
            w = np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (rad * rad)))[..., None]
            small = small * (1 - w) + col * w
        a = np.asarray(Image.fromarray(small.astype(np.uint8)).resize((K, K), Image.BICUBIC), np.float32)
        im = U.to_img(a).filter(ImageFilter.GaussianBlur(6))
        d = ImageDraw.Draw(im)
        _shape(d, r.choice(SHAPES), (255, 255, 255), c1)
    return im.resize((512, 512), Image.LANCZOS), {"style": style}


def store_round(img: Image.Image, frac: float) -> Image.Image:
    """A store's rounded-square presentation of an icon (white outside)."""
    n = img.size[0]
    m = Image.new("L", (n * 2, n * 2), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, n * 2 - 1, n * 2 - 1], radius=int(n * 2 * frac), fill=255)
    m = m.resize((n, n), Image.LANCZOS)
    base = Image.new("RGB", (n, n), (255, 255, 255))
    base.paste(img, (0, 0), m)
    return base


def label_corner(img: Image.Image, text: str, colour) -> Image.Image:
    """A small corner tag an official variant build carries (HD, 企业, 国际)."""
    out = img.copy()
    n = out.size[0]
    d = ImageDraw.Draw(out)
    w = int(n * 0.36)
    h = int(n * 0.16)
    d.rounded_rectangle([n - w - 10, n - h - 10, n - 10, n - 10], h // 3, fill=colour)
    f = fonts.font_for(text, int(h * 0.7))
    d.text((n - 10 - w / 2, n - 10 - h / 2), text, font=f, fill=(255, 255, 255), anchor="mm")
    return out
