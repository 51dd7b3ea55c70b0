"""Own icons of unrelated apps: simple pictograms (camera, cart, chat, …) or a word on a coloured field."""

from __future__ import annotations

import colorsys

import emblems
import fonts
from PIL import Image, ImageDraw

N = 512
U = N / 100.0


def _p(x, y):
    return (x * U, y * U)


def _b(cx, cy, r):
    return [(cx - r) * U, (cy - r) * U, (cx + r) * U, (cy + r) * U]


def _rgb(h, s, v):
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


def p_camera(d, fg, ac):
    d.rounded_rectangle([14 * U, 30 * U, 86 * U, 78 * U], radius=8 * U, fill=fg)
    d.rectangle([36 * U, 22 * U, 60 * U, 32 * U], fill=fg)
    d.ellipse(_b(50, 54, 16), fill=ac)
    d.ellipse(_b(50, 54, 9), fill=fg)


def p_chat(d, fg, ac):
    d.rounded_rectangle([14 * U, 20 * U, 86 * U, 66 * U], radius=14 * U, fill=fg)
    d.polygon([_p(28, 62), _p(26, 82), _p(44, 64)], fill=fg)
    for x in (34, 50, 66):
        d.ellipse(_b(x, 43, 5), fill=ac)


def p_cart(d, fg, ac):
    d.line([_p(12, 22), _p(24, 22), _p(32, 64), _p(78, 64)], fill=fg, width=int(6 * U), joint="curve")
    d.polygon([_p(26, 30), _p(86, 30), _p(80, 56), _p(31, 56)], fill=fg)
    d.ellipse(_b(38, 76, 6), fill=ac)
    d.ellipse(_b(72, 76, 6), fill=ac)


def p_music(d, fg, ac):
    d.ellipse(_b(32, 72, 11), fill=fg)
    d.ellipse(_b(70, 64, 11), fill=fg)
    d.rectangle([39 * U, 22 * U, 44 * U, 72 * U], fill=fg)
    d.rectangle([77 * U, 14 * U, 82 * U, 64 * U], fill=fg)
    d.polygon([_p(39, 22), _p(82, 12), _p(82, 24), _p(39, 34)], fill=ac)


def p_play(d, fg, ac):
    d.rounded_rectangle([12 * U, 20 * U, 88 * U, 80 * U], radius=14 * U, fill=fg)
    d.polygon([_p(42, 34), _p(66, 50), _p(42, 66)], fill=ac)


def p_map_pin(d, fg, ac):
    d.ellipse(_b(50, 40, 26), fill=fg)
    d.polygon([_p(27, 50), _p(73, 50), _p(50, 88)], fill=fg)
    d.ellipse(_b(50, 40, 10), fill=ac)


def p_calculator(d, fg, ac):
    d.rounded_rectangle([22 * U, 10 * U, 78 * U, 90 * U], radius=8 * U, fill=fg)
    d.rectangle([30 * U, 18 * U, 70 * U, 34 * U], fill=ac)
    for i in range(3):
        for j in range(3):
            d.rounded_rectangle([(30 + 14 * j) * U, (42 + 14 * i) * U, (40 + 14 * j) * U, (52 + 14 * i) * U],
                                radius=2 * U, fill=ac)


def p_book(d, fg, ac):
    d.polygon([_p(12, 24), _p(48, 30), _p(48, 82), _p(12, 76)], fill=fg)
    d.polygon([_p(88, 24), _p(52, 30), _p(52, 82), _p(88, 76)], fill=fg)
    for y in (40, 50, 60):
        d.line([_p(58, y), _p(82, y - 4)], fill=ac, width=int(2.5 * U))


def p_lock(d, fg, ac):
    d.arc(_b(50, 38, 20), 180, 360, fill=fg, width=int(7 * U))
    d.rectangle([30 * U, 37 * U, 37 * U, 46 * U], fill=fg)
    d.rectangle([63 * U, 37 * U, 70 * U, 46 * U], fill=fg)
    d.rounded_rectangle([22 * U, 44 * U, 78 * U, 86 * U], radius=6 * U, fill=fg)
    d.ellipse(_b(50, 62, 6), fill=ac)
    d.rectangle([48 * U, 62 * U, 52 * U, 74 * U], fill=ac)


def p_wallet(d, fg, ac):
    d.rounded_rectangle([14 * U, 26 * U, 86 * U, 80 * U], radius=8 * U, fill=fg)
    d.rounded_rectangle([56 * U, 44 * U, 92 * U, 62 * U], radius=5 * U, fill=ac)
    d.ellipse(_b(66, 53, 3.5), fill=fg)
    d.polygon([_p(22, 26), _p(66, 12), _p(72, 26)], fill=fg)


def p_car(d, fg, ac):
    d.polygon([_p(26, 40), _p(36, 24), _p(66, 24), _p(76, 40)], fill=fg)
    d.rounded_rectangle([12 * U, 38 * U, 88 * U, 66 * U], radius=6 * U, fill=fg)
    d.ellipse(_b(30, 68, 9), fill=ac)
    d.ellipse(_b(70, 68, 9), fill=ac)
    d.rectangle([40 * U, 28 * U, 62 * U, 38 * U], fill=ac)


def p_photo(d, fg, ac):
    d.rounded_rectangle([12 * U, 18 * U, 88 * U, 82 * U], radius=6 * U, fill=fg)
    d.polygon([_p(18, 76), _p(42, 44), _p(60, 66), _p(70, 56), _p(82, 76)], fill=ac)
    d.ellipse(_b(70, 34, 7), fill=ac)


def p_mail(d, fg, ac):
    d.rectangle([12 * U, 26 * U, 88 * U, 76 * U], fill=fg)
    d.line([_p(12, 26), _p(50, 56), _p(88, 26)], fill=ac, width=int(5 * U), joint="curve")


def p_leafpic(d, fg, ac):
    d.ellipse([20 * U, 16 * U, 80 * U, 70 * U], fill=fg)
    d.line([_p(50, 30), _p(50, 88)], fill=ac, width=int(5 * U))


def p_fitness(d, fg, ac):
    d.rectangle([26 * U, 46 * U, 74 * U, 54 * U], fill=fg)
    for x in (16, 26, 66, 76):
        d.rounded_rectangle([x * U, 30 * U, (x + 8) * U, 70 * U], radius=2 * U, fill=fg if x in (26, 66) else ac)


def p_weather(d, fg, ac):
    d.ellipse(_b(38, 38, 18), fill=ac)
    d.ellipse(_b(56, 60, 18), fill=fg)
    d.ellipse(_b(36, 66, 12), fill=fg)
    d.rounded_rectangle([24 * U, 62 * U, 80 * U, 78 * U], radius=8 * U, fill=fg)


def p_bolt(d, fg, ac):
    d.polygon([_p(56, 8), _p(24, 56), _p(46, 56), _p(40, 92), _p(76, 40), _p(54, 40)], fill=fg)


def p_clock(d, fg, ac):
    d.ellipse(_b(50, 50, 38), fill=fg)
    d.line([_p(50, 50), _p(50, 24)], fill=ac, width=int(5 * U))
    d.line([_p(50, 50), _p(68, 60)], fill=ac, width=int(5 * U))


def p_gift(d, fg, ac):
    d.rectangle([18 * U, 40 * U, 82 * U, 84 * U], fill=fg)
    d.rectangle([14 * U, 30 * U, 86 * U, 42 * U], fill=fg)
    d.rectangle([46 * U, 30 * U, 54 * U, 84 * U], fill=ac)
    d.ellipse([32 * U, 16 * U, 50 * U, 32 * U], outline=fg, width=int(4 * U))
    d.ellipse([50 * U, 16 * U, 68 * U, 32 * U], outline=fg, width=int(4 * U))


def p_gamepad(d, fg, ac):
    d.rounded_rectangle([10 * U, 32 * U, 90 * U, 74 * U], radius=20 * U, fill=fg)
    d.rectangle([22 * U, 50 * U, 40 * U, 56 * U], fill=ac)
    d.rectangle([28 * U, 44 * U, 34 * U, 62 * U], fill=ac)
    d.ellipse(_b(66, 48, 4), fill=ac)
    d.ellipse(_b(76, 56, 4), fill=ac)


def p_note(d, fg, ac):
    d.rounded_rectangle([22 * U, 12 * U, 78 * U, 88 * U], radius=4 * U, fill=fg)
    for y in (30, 44, 58, 72):
        d.line([_p(32, y), _p(68, y)], fill=ac, width=int(3 * U))


def p_flashlight(d, fg, ac):
    d.polygon([_p(30, 14), _p(70, 14), _p(62, 36), _p(38, 36)], fill=fg)
    d.rounded_rectangle([40 * U, 36 * U, 60 * U, 88 * U], radius=4 * U, fill=fg)
    d.ellipse(_b(50, 52, 4), fill=ac)


def p_rocket(d, fg, ac):
    d.ellipse([38 * U, 10 * U, 62 * U, 74 * U], fill=fg)
    d.polygon([_p(38, 52), _p(24, 74), _p(42, 68)], fill=ac)
    d.polygon([_p(62, 52), _p(76, 74), _p(58, 68)], fill=ac)
    d.ellipse(_b(50, 36, 6), fill=ac)
    d.polygon([_p(44, 76), _p(56, 76), _p(50, 92)], fill=ac)


def p_broom(d, fg, ac):
    d.line([_p(70, 10), _p(48, 54)], fill=fg, width=int(6 * U))
    d.polygon([_p(32, 50), _p(62, 60), _p(54, 90), _p(16, 76)], fill=ac)


def p_phone(d, fg, ac):
    d.rounded_rectangle([28 * U, 8 * U, 72 * U, 92 * U], radius=8 * U, fill=fg)
    d.rectangle([33 * U, 18 * U, 67 * U, 78 * U], fill=ac)
    d.ellipse(_b(50, 85, 3), fill=ac)


def p_card(d, fg, ac):
    d.rounded_rectangle([12 * U, 26 * U, 88 * U, 74 * U], radius=6 * U, fill=fg)
    d.rectangle([12 * U, 34 * U, 88 * U, 42 * U], fill=ac)
    d.rectangle([20 * U, 56 * U, 50 * U, 62 * U], fill=ac)


def p_abstract(d, fg, ac):
    d.ellipse(_b(36, 40, 24), fill=fg)
    d.rectangle([46 * U, 46 * U, 84 * U, 84 * U], fill=ac)


PICTOS = {name[2:]: fn for name, fn in sorted(globals().items()) if name.startswith("p_")}


def draw_icon(R, kind: str | None = None, text: str | None = None) -> tuple[Image.Image, dict]:
    """An own icon; parameters are drawn from R in a fixed order."""
    hue = R.random()
    style = R.choice(["solid", "vgrad", "dgrad", "white"])
    kind = kind or R.choice(sorted(PICTOS) + ["text"])
    col = _rgb(hue, 0.55 + 0.4 * R.random(), 0.6 + 0.35 * R.random())
    col2 = _rgb(hue + 0.08 + 0.1 * R.random(), 0.6, 0.85)
    acc = _rgb(hue + 0.5, 0.5 + 0.4 * R.random(), 0.95)
    if style == "white":
        bg, fg = ("white",), col
    elif style == "solid":
        bg, fg = ("solid", col), (255, 255, 255)
    else:
        bg, fg = (style, col, col2), (255, 255, 255)
    img = emblems.background(bg, N)
    d = ImageDraw.Draw(img)
    if kind == "text":
        word = (text or "应用")[:2]
        size = fonts.fit_size(d, word, 80 * U, 60 * U, int(48 * U))
        fonts.text_centered(d, 50 * U, 50 * U, word, size, fg)
    else:
        PICTOS[kind](d, fg, acc)
    rot = 0.0
    if R.random() < 0.15:
        rot = R.uniform(-12, 12)
        img = img.rotate(rot, resample=Image.BICUBIC, fillcolor=img.getpixel((2, 2)))
    return img, {"kind": kind, "style": style, "hue": round(hue, 3), "rot": round(rot, 1)}


def hsv(h, s, v):
    return _rgb(h, s, v)

