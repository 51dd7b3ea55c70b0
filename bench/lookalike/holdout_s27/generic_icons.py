"""Icons of ordinary, unrelated apps (weather, notes, games ...), drawn independently of the emblems.

Pictograms are drawn straight onto a Pillow canvas here, with their own random colours, backgrounds
and layout; nothing is taken from emblems.OFFICIAL.
"""

from __future__ import annotations

import colorsys
import math
import random

import numpy as np
from emblems import LATIN_BOLD, draw_text, font
from PIL import Image, ImageDraw, ImageFilter

S = 768

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
CHARS = "读记听看学画拍剪跑书词诗棋钓厨医药车房鲜菜购票游歌影剧漫言算星梦"


def hsv(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


def gradient(size: int, c0, c1, mode: str) -> Image.Image:
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    if mode == "vertical":
        t = y
    elif mode == "diagonal":
        t = (x + y) / 2
    else:  # radial
        t = np.clip(np.sqrt((x - 0.35) ** 2 + (y - 0.3) ** 2) / 0.95, 0, 1)
    a = np.asarray(c0, np.float32)[None, None, :] * (1 - t[..., None]) + np.asarray(c1, np.float32)[None, None, :] * t[..., None]
    return Image.fromarray(a.astype(np.uint8))


def _u(v: float) -> float:
    return v * S


def _box(cx, cy, rx, ry=None):
    ry = rx if ry is None else ry
    return [_u(cx - rx), _u(cy - ry), _u(cx + rx), _u(cy + ry)]


def _w(v: float) -> int:
    return max(1, int(_u(v)))


# --- pictograms: each draws with foreground fg and accent ac on d --------------------------------------
def p_sun(d, fg, ac, bg):
    d.ellipse(_box(.5, .5, .17), fill=fg)
    for k in range(12):
        a = 2 * math.pi * k / 12
        d.line([(_u(.5 + .24 * math.cos(a)), _u(.5 + .24 * math.sin(a))),
                (_u(.5 + .34 * math.cos(a)), _u(.5 + .34 * math.sin(a)))], fill=fg, width=_w(.04))


def _cloud(d, col, dx=0.0, dy=0.0, s=1.0):
    for cx, cy, r in ((.38, .56, .13), (.52, .48, .17), (.66, .58, .12)):
        d.ellipse(_box(.5 + (cx - .5) * s + dx, .5 + (cy - .5) * s + dy, r * s), fill=col)
    d.rounded_rectangle([_u(.5 + (.26 - .5) * s + dx), _u(.5 + (.56 - .5) * s + dy), _u(.5 + (.78 - .5) * s + dx),
                         _u(.5 + (.70 - .5) * s + dy)], radius=_u(.07 * s), fill=col)


def p_cloud(d, fg, ac, bg):
    _cloud(d, fg)


def p_sun_cloud(d, fg, ac, bg):
    d.ellipse(_box(.38, .38, .15), fill=ac)
    _cloud(d, fg, .06, .06)


def p_rain(d, fg, ac, bg):
    _cloud(d, fg, 0, -.08)
    for x in (.36, .5, .64):
        d.line([(_u(x), _u(.7)), (_u(x - .04), _u(.82))], fill=ac, width=_w(.035))


def p_book(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .5, .22, .3), radius=_u(.03), fill=fg)
    d.rectangle([_u(.28), _u(.2), _u(.34), _u(.8)], fill=ac)
    d.rectangle([_u(.42), _u(.32), _u(.64), _u(.36)], fill=bg)


def p_note(d, fg, ac, bg):
    d.ellipse(_box(.36, .7, .1, .08), fill=fg)
    d.ellipse(_box(.66, .62, .1, .08), fill=fg)
    d.line([(_u(.45), _u(.7)), (_u(.45), _u(.25))], fill=fg, width=_w(.04))
    d.line([(_u(.75), _u(.62)), (_u(.75), _u(.18))], fill=fg, width=_w(.04))
    d.polygon([(_u(.43), _u(.22)), (_u(.77), _u(.14)), (_u(.77), _u(.24)), (_u(.43), _u(.32))], fill=fg)


def p_camera(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .55, .32, .22), radius=_u(.06), fill=fg)
    d.rectangle([_u(.38), _u(.27), _u(.56), _u(.34)], fill=fg)
    d.ellipse(_box(.5, .56, .13), fill=bg)
    d.ellipse(_box(.5, .56, .08), fill=ac)


def p_chat(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .45, .32, .22), radius=_u(.1), fill=fg)
    d.polygon([(_u(.3), _u(.6)), (_u(.44), _u(.64)), (_u(.26), _u(.8))], fill=fg)
    for x in (.38, .5, .62):
        d.ellipse(_box(x, .45, .035), fill=ac)


def p_calendar(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .54, .3, .28), radius=_u(.05), fill=fg)
    d.rectangle([_u(.2), _u(.26), _u(.8), _u(.38)], fill=ac)
    for i in range(3):
        for j in range(4):
            d.rectangle(_box(.3 + j * .133, .5 + i * .1, .03), fill=bg)


def p_clock(d, fg, ac, bg):
    d.ellipse(_box(.5, .5, .32), fill=fg)
    d.line([(_u(.5), _u(.5)), (_u(.5), _u(.28))], fill=ac, width=_w(.04))
    d.line([(_u(.5), _u(.5)), (_u(.66), _u(.58))], fill=ac, width=_w(.04))


def p_envelope(d, fg, ac, bg):
    d.rectangle([_u(.2), _u(.3), _u(.8), _u(.7)], fill=fg)
    d.line([(_u(.2), _u(.3)), (_u(.5), _u(.52)), (_u(.8), _u(.3))], fill=ac, width=_w(.04))


def p_pin(d, fg, ac, bg):
    d.ellipse(_box(.5, .4, .2), fill=fg)
    d.polygon([(_u(.33), _u(.5)), (_u(.67), _u(.5)), (_u(.5), _u(.84))], fill=fg)
    d.ellipse(_box(.5, .4, .08), fill=ac)


def p_magnifier(d, fg, ac, bg):
    d.ellipse(_box(.44, .44, .2), outline=fg, width=_w(.06))
    d.line([(_u(.58), _u(.58)), (_u(.78), _u(.78))], fill=fg, width=_w(.08))


def p_gamepad(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .52, .34, .18), radius=_u(.14), fill=fg)
    d.rectangle(_box(.34, .52, .08, .025), fill=bg)
    d.rectangle(_box(.34, .52, .025, .08), fill=bg)
    d.ellipse(_box(.64, .48, .035), fill=ac)
    d.ellipse(_box(.72, .56, .035), fill=ac)


def p_heart(d, fg, ac, bg):
    d.ellipse(_box(.38, .42, .15), fill=fg)
    d.ellipse(_box(.62, .42, .15), fill=fg)
    d.polygon([(_u(.235), _u(.47)), (_u(.765), _u(.47)), (_u(.5), _u(.8))], fill=fg)


def p_play(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .5, .3, .22), radius=_u(.07), fill=fg)
    d.polygon([(_u(.44), _u(.38)), (_u(.44), _u(.62)), (_u(.62), _u(.5))], fill=ac)


def p_bolt(d, fg, ac, bg):
    d.polygon([(_u(.56), _u(.14)), (_u(.28), _u(.56)), (_u(.48), _u(.56)), (_u(.42), _u(.86)),
               (_u(.72), _u(.42)), (_u(.52), _u(.42))], fill=fg)


def p_pencil(d, fg, ac, bg):
    pts = [(.28, .72), (.66, .24), (.76, .32), (.38, .8)]
    d.polygon([(_u(x), _u(y)) for x, y in pts], fill=fg)
    d.polygon([(_u(.28), _u(.72)), (_u(.38), _u(.8)), (_u(.24), _u(.84))], fill=ac)


def p_bag(d, fg, ac, bg):
    d.rounded_rectangle([_u(.24), _u(.36), _u(.76), _u(.8)], radius=_u(.05), fill=fg)
    d.arc(_box(.5, .36, .13), 180, 360, fill=fg, width=_w(.04))
    d.ellipse(_box(.4, .46, .02), fill=ac)
    d.ellipse(_box(.6, .46, .02), fill=ac)


def p_cart(d, fg, ac, bg):
    d.line([(_u(.16), _u(.26)), (_u(.28), _u(.26)), (_u(.36), _u(.62)), (_u(.74), _u(.62)), (_u(.8), _u(.36)),
            (_u(.3), _u(.36))], fill=fg, width=_w(.045), joint="curve")
    d.ellipse(_box(.4, .74, .05), fill=fg)
    d.ellipse(_box(.68, .74, .05), fill=fg)


def p_house(d, fg, ac, bg):
    d.polygon([(_u(.5), _u(.18)), (_u(.84), _u(.48)), (_u(.16), _u(.48))], fill=fg)
    d.rectangle([_u(.26), _u(.46), _u(.74), _u(.8)], fill=fg)
    d.rectangle([_u(.44), _u(.6), _u(.56), _u(.8)], fill=ac)


def p_gear(d, fg, ac, bg):
    for k in range(8):
        a = math.radians(22.5 * 2 * k)
        x, y = .5 + .28 * math.cos(a), .5 + .28 * math.sin(a)
        d.ellipse(_box(x, y, .07), fill=fg)
    d.ellipse(_box(.5, .5, .26), fill=fg)
    d.ellipse(_box(.5, .5, .1), fill=bg)


def p_bell(d, fg, ac, bg):
    d.pieslice(_box(.5, .5, .24, .3), 180, 360, fill=fg)
    d.rectangle([_u(.26), _u(.5), _u(.74), _u(.66)], fill=fg)
    d.rectangle([_u(.2), _u(.64), _u(.8), _u(.7)], fill=fg)
    d.ellipse(_box(.5, .76, .06), fill=ac)


def p_dumbbell(d, fg, ac, bg):
    d.rectangle([_u(.3), _u(.47), _u(.7), _u(.53)], fill=fg)
    for x in (.22, .3, .7, .78):
        d.rounded_rectangle(_box(x, .5, .035, .16 if x in (.3, .7) else .1), radius=_u(.02), fill=fg)


def p_fork(d, fg, ac, bg):
    d.rectangle([_u(.36), _u(.45), _u(.41), _u(.84)], fill=fg)
    for x in (.32, .385, .45):
        d.rectangle([_u(x - .012), _u(.16), _u(x + .012), _u(.42)], fill=fg)
    d.rectangle([_u(.3), _u(.38), _u(.47), _u(.46)], fill=fg)
    d.ellipse(_box(.63, .34, .07, .18), fill=fg)
    d.rectangle([_u(.605), _u(.45), _u(.655), _u(.84)], fill=fg)


def p_paw(d, fg, ac, bg):
    d.ellipse(_box(.5, .62, .17, .14), fill=fg)
    for x, y in ((.3, .42), (.42, .3), (.58, .3), (.7, .42)):
        d.ellipse(_box(x, y, .07, .085), fill=fg)


def p_car(d, fg, ac, bg):
    d.rounded_rectangle([_u(.16), _u(.48), _u(.84), _u(.68)], radius=_u(.05), fill=fg)
    d.polygon([(_u(.28), _u(.48)), (_u(.36), _u(.32)), (_u(.64), _u(.32)), (_u(.72), _u(.48))], fill=fg)
    d.ellipse(_box(.32, .7, .07), fill=ac)
    d.ellipse(_box(.68, .7, .07), fill=ac)


def p_plane(d, fg, ac, bg):
    d.polygon([(_u(.5), _u(.14)), (_u(.55), _u(.3)), (_u(.55), _u(.44)), (_u(.84), _u(.6)), (_u(.84), _u(.66)),
               (_u(.55), _u(.58)), (_u(.55), _u(.74)), (_u(.64), _u(.82)), (_u(.36), _u(.82)), (_u(.45), _u(.74)),
               (_u(.45), _u(.58)), (_u(.16), _u(.66)), (_u(.16), _u(.6)), (_u(.45), _u(.44)), (_u(.45), _u(.3))],
              fill=fg)


def p_rocket(d, fg, ac, bg):
    d.ellipse(_box(.5, .46, .12, .3), fill=fg)
    d.polygon([(_u(.38), _u(.6)), (_u(.26), _u(.78)), (_u(.4), _u(.72))], fill=ac)
    d.polygon([(_u(.62), _u(.6)), (_u(.74), _u(.78)), (_u(.6), _u(.72))], fill=ac)
    d.ellipse(_box(.5, .42, .05), fill=bg)


def p_bulb(d, fg, ac, bg):
    d.ellipse(_box(.5, .42, .22), fill=fg)
    d.rectangle([_u(.41), _u(.58), _u(.59), _u(.74)], fill=fg)
    d.rectangle([_u(.43), _u(.76), _u(.57), _u(.82)], fill=ac)


def p_battery(d, fg, ac, bg):
    d.rounded_rectangle([_u(.3), _u(.22), _u(.7), _u(.84)], radius=_u(.05), outline=fg, width=_w(.04))
    d.rectangle([_u(.43), _u(.16), _u(.57), _u(.22)], fill=fg)
    d.rectangle([_u(.36), _u(.52), _u(.64), _u(.78)], fill=ac)


def p_wifi(d, fg, ac, bg):
    for r in (.12, .24, .36):
        d.arc(_box(.5, .72, r), 225, 315, fill=fg, width=_w(.06))
    d.ellipse(_box(.5, .72, .045), fill=fg)


def p_mic(d, fg, ac, bg):
    d.rounded_rectangle([_u(.4), _u(.16), _u(.6), _u(.6)], radius=_u(.1), fill=fg)
    d.arc(_box(.5, .46, .2), 0, 180, fill=fg, width=_w(.035))
    d.line([(_u(.5), _u(.66)), (_u(.5), _u(.8))], fill=fg, width=_w(.035))
    d.line([(_u(.38), _u(.8)), (_u(.62), _u(.8))], fill=fg, width=_w(.035))


def p_bookmark(d, fg, ac, bg):
    d.polygon([(_u(.32), _u(.16)), (_u(.68), _u(.16)), (_u(.68), _u(.84)), (_u(.5), _u(.68)), (_u(.32), _u(.84))],
              fill=fg)


def p_trophy(d, fg, ac, bg):
    d.pieslice(_box(.5, .3, .2, .3), 0, 180, fill=fg)
    d.rectangle([_u(.3), _u(.2), _u(.7), _u(.3)], fill=fg)
    d.rectangle([_u(.46), _u(.58), _u(.54), _u(.72)], fill=fg)
    d.rectangle([_u(.34), _u(.72), _u(.66), _u(.8)], fill=fg)
    d.arc(_box(.28, .36, .1), 90, 270, fill=fg, width=_w(.03))
    d.arc(_box(.72, .36, .1), 270, 450, fill=fg, width=_w(.03))


def p_flag(d, fg, ac, bg):
    d.rectangle([_u(.28), _u(.16), _u(.32), _u(.86)], fill=fg)
    d.polygon([(_u(.32), _u(.18)), (_u(.76), _u(.3)), (_u(.32), _u(.48))], fill=ac)


def p_cup(d, fg, ac, bg):
    d.polygon([(_u(.26), _u(.34)), (_u(.66), _u(.34)), (_u(.6), _u(.8)), (_u(.32), _u(.8))], fill=fg)
    d.arc(_box(.68, .5, .1), 270, 450, fill=fg, width=_w(.04))
    for x in (.38, .5):
        d.line([(_u(x), _u(.14)), (_u(x + .03), _u(.26))], fill=ac, width=_w(.025))


def p_smiley(d, fg, ac, bg):
    d.ellipse(_box(.5, .5, .32), fill=fg)
    d.ellipse(_box(.39, .42, .04), fill=ac)
    d.ellipse(_box(.61, .42, .04), fill=ac)
    d.arc(_box(.5, .52, .18), 20, 160, fill=ac, width=_w(.035))


def p_cat(d, fg, ac, bg):
    d.ellipse(_box(.5, .56, .28, .24), fill=fg)
    d.polygon([(_u(.26), _u(.46)), (_u(.28), _u(.18)), (_u(.46), _u(.36))], fill=fg)
    d.polygon([(_u(.74), _u(.46)), (_u(.72), _u(.18)), (_u(.54), _u(.36))], fill=fg)
    d.ellipse(_box(.4, .54, .035), fill=ac)
    d.ellipse(_box(.6, .54, .035), fill=ac)


def p_pie(d, fg, ac, bg):
    d.pieslice(_box(.5, .5, .32), 0, 270, fill=fg)
    d.pieslice(_box(.54, .46, .32), 270, 360, fill=ac)


def p_thermo(d, fg, ac, bg):
    d.rounded_rectangle([_u(.44), _u(.14), _u(.56), _u(.66)], radius=_u(.06), fill=fg)
    d.ellipse(_box(.5, .72, .12), fill=fg)
    d.ellipse(_box(.5, .72, .07), fill=ac)
    d.rectangle([_u(.48), _u(.36), _u(.52), _u(.7)], fill=ac)


def p_umbrella(d, fg, ac, bg):
    d.pieslice(_box(.5, .48, .34, .3), 180, 360, fill=fg)
    d.line([(_u(.5), _u(.46)), (_u(.5), _u(.76))], fill=fg, width=_w(.035))
    d.arc(_box(.58, .76, .08), 0, 180, fill=fg, width=_w(.035))


def p_key(d, fg, ac, bg):
    d.ellipse(_box(.34, .4, .15), outline=fg, width=_w(.06))
    d.line([(_u(.45), _u(.51)), (_u(.76), _u(.82))], fill=fg, width=_w(.06))
    d.line([(_u(.64), _u(.7)), (_u(.72), _u(.62))], fill=fg, width=_w(.05))


def p_lock(d, fg, ac, bg):
    d.rounded_rectangle([_u(.26), _u(.44), _u(.74), _u(.82)], radius=_u(.05), fill=fg)
    d.arc(_box(.5, .44, .17, .2), 180, 360, fill=fg, width=_w(.06))
    d.ellipse(_box(.5, .6, .05), fill=ac)


def p_dice(d, fg, ac, bg):
    d.rounded_rectangle(_box(.5, .5, .28), radius=_u(.07), fill=fg)
    for x, y in ((.38, .38), (.5, .5), (.62, .62), (.38, .62), (.62, .38)):
        d.ellipse(_box(x, y, .04), fill=ac)


def p_headphones(d, fg, ac, bg):
    d.arc(_box(.5, .54, .28), 180, 360, fill=fg, width=_w(.05))
    d.rounded_rectangle([_u(.2), _u(.5), _u(.34), _u(.76)], radius=_u(.04), fill=fg)
    d.rounded_rectangle([_u(.66), _u(.5), _u(.8), _u(.76)], radius=_u(.04), fill=fg)


def p_film(d, fg, ac, bg):
    d.rectangle([_u(.24), _u(.18), _u(.76), _u(.82)], fill=fg)
    for k in range(5):
        y = .24 + k * .13
        d.rectangle(_box(.3, y, .025, .03), fill=bg)
        d.rectangle(_box(.7, y, .025, .03), fill=bg)
    d.rectangle([_u(.38), _u(.3), _u(.62), _u(.7)], fill=ac)


def p_scissors(d, fg, ac, bg):
    d.ellipse(_box(.32, .7, .09), outline=fg, width=_w(.04))
    d.ellipse(_box(.68, .7, .09), outline=fg, width=_w(.04))
    d.line([(_u(.38), _u(.62)), (_u(.66), _u(.18))], fill=fg, width=_w(.045))
    d.line([(_u(.62), _u(.62)), (_u(.34), _u(.18))], fill=fg, width=_w(.045))


def p_brush(d, fg, ac, bg):
    d.line([(_u(.7), _u(.2)), (_u(.44), _u(.56))], fill=fg, width=_w(.06))
    d.ellipse(_box(.38, .64, .1), fill=ac)
    d.polygon([(_u(.3), _u(.68)), (_u(.2), _u(.84)), (_u(.4), _u(.74))], fill=ac)


def p_fish(d, fg, ac, bg):
    d.ellipse(_box(.46, .5, .26, .16), fill=fg)
    d.polygon([(_u(.66), _u(.5)), (_u(.84), _u(.34)), (_u(.84), _u(.66))], fill=fg)
    d.ellipse(_box(.34, .46, .03), fill=ac)


def p_phone(d, fg, ac, bg):
    d.rounded_rectangle([_u(.32), _u(.14), _u(.68), _u(.86)], radius=_u(.06), fill=fg)
    d.rectangle([_u(.36), _u(.22), _u(.64), _u(.74)], fill=ac)
    d.ellipse(_box(.5, .8, .025), fill=bg)


def p_checklist(d, fg, ac, bg):
    for k in range(3):
        y = .3 + k * .2
        d.rectangle(_box(.28, y, .05), outline=fg, width=_w(.025))
        d.rounded_rectangle([_u(.4), _u(y - .025), _u(.78), _u(y + .025)], radius=_u(.02), fill=fg)
    d.line([(_u(.25), _u(.3)), (_u(.28), _u(.34)), (_u(.34), _u(.24))], fill=ac, width=_w(.025))


def p_barcode(d, fg, ac, bg):
    x = .2
    k = 0
    while x < .8:
        w = (.012, .03, .018, .008)[k % 4]
        d.rectangle([_u(x), _u(.26), _u(x + w), _u(.74)], fill=fg)
        x += w + (.02, .012, .016)[k % 3]
        k += 1


def p_tree_pine(d, fg, ac, bg):
    for k, y in enumerate((.2, .36, .52)):
        w = .14 + .08 * k
        d.polygon([(_u(.5), _u(y)), (_u(.5 + w), _u(y + .2)), (_u(.5 - w), _u(y + .2))], fill=fg)
    d.rectangle([_u(.46), _u(.72), _u(.54), _u(.84)], fill=ac)


PICTOS = {k[2:]: v for k, v in sorted(globals().items()) if k.startswith("p_") and callable(v)}


def random_palette(r: random.Random):
    h = r.random()
    style = r.choice(["solid", "solid", "vertical", "diagonal", "radial", "white", "dark"])
    if style == "white":
        bg0 = bg1 = (250, 250, 250) if r.random() < 0.7 else (240, 242, 245)
        fg = hsv(h, r.uniform(.55, .95), r.uniform(.55, .95))
    elif style == "dark":
        bg0 = hsv(h, r.uniform(.2, .6), r.uniform(.12, .25))
        bg1 = hsv(h + .05, r.uniform(.2, .6), r.uniform(.2, .35))
        fg = hsv(h + r.uniform(.3, .7), r.uniform(.4, .9), r.uniform(.8, 1.0))
    else:
        bg0 = hsv(h, r.uniform(.35, .9), r.uniform(.6, .98))
        bg1 = hsv(h + r.uniform(-.08, .08), r.uniform(.35, .9), r.uniform(.45, .95)) if style != "solid" else bg0
        fg = (255, 255, 255) if r.random() < 0.7 else hsv(h + .5, r.uniform(.1, .5), 1.0)
    ac = hsv(h + r.uniform(.25, .75), r.uniform(.5, 1.0), r.uniform(.6, 1.0))
    return style, bg0, bg1, fg, ac


def make_generic_icon(r: random.Random, size: int = 256) -> tuple[Image.Image, dict]:
    """A random ordinary-app icon and its parameters."""
    style, bg0, bg1, fg, ac = random_palette(r)
    if style in ("vertical", "diagonal", "radial"):
        im = gradient(S, bg0, bg1, style)
    else:
        im = Image.new("RGB", (S, S), bg0)
    kind_roll = r.random()
    params: dict = {"bg": style}
    motif = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(motif)
    if kind_roll < 0.72:
        name = r.choice(sorted(PICTOS))
        PICTOS[name](d, fg + (255,), ac + (255,), bg0 + (255,))
        params["motif"] = name
    elif kind_roll < 0.86:
        text = r.choice("ABCDEFGHKMNPRSTVWXYZ") + (r.choice("abcdeimnoprsu") if r.random() < 0.4 else "")
        path = r.choice([LATIN_BOLD, SERIF])
        d.text((S / 2, S / 2), text, fill=fg + (255,), font=font(path, int(S * (0.5 if len(text) == 1 else 0.4))),
               anchor="mm")
        params["motif"] = "letter:" + text
    else:
        text = r.choice(CHARS)
        draw_text(d, (S / 2, S / 2), text, int(S * 0.5), fg + (255,))
        params["motif"] = "char:" + text
    scale = r.uniform(0.78, 1.05)
    rot = r.uniform(-12, 12) if r.random() < 0.3 else 0.0
    ox, oy = r.uniform(-.05, .05), r.uniform(-.05, .05)
    m = motif.rotate(rot, resample=Image.Resampling.BICUBIC) if rot else motif
    if scale != 1.0:
        ns = int(S * scale)
        m = m.resize((ns, ns), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    canvas.paste(m, (int(S / 2 - m.width / 2 + ox * S), int(S / 2 - m.height / 2 + oy * S)), m)
    if r.random() < 0.35:  # soft drop shadow
        sh = Image.new("RGBA", (S, S), (0, 0, 0, 0))
        alpha = canvas.split()[3].point(lambda v: v * 0.35)
        sh.putalpha(alpha)
        sh = sh.filter(ImageFilter.GaussianBlur(S * 0.015))
        im.paste((0, 0, 0), (int(S * 0.015), int(S * 0.02)), sh.split()[3])
        params["shadow"] = True
    im.paste(canvas, (0, 0), canvas)
    params.update({"scale": round(scale, 3), "rot": round(rot, 2)})
    return im.resize((size, size), Image.Resampling.LANCZOS), params
