"""Generic object pictograms for unrelated apps and for the throw-away icons of fake apps.

Same signature as the emblem families: (m, a, cx, cy, R, p), masks drawn with 255 = ink.
"""

from __future__ import annotations

import math

from geometry import arc_band, box, disc, glyph, rect, regular, ring, star, thick


def chat_bubble(m, a, cx, cy, R, p):
    m.ellipse(box(cx, cy - R * 0.1, R * 0.9, R * 0.7), fill=255)
    m.polygon([(cx - R * 0.5, cy + R * 0.4), (cx - R * 0.75, cy + R * 0.9), (cx - R * 0.1, cy + R * 0.55)], fill=255)
    for k in (-1, 0, 1):
        disc(m, cx + k * R * 0.35, cy - R * 0.1, R * 0.1, 0)


def camera(m, a, cx, cy, R, p):
    m.rounded_rectangle([cx - R * 0.9, cy - R * 0.5, cx + R * 0.9, cy + R * 0.7], radius=R * 0.15, fill=255)
    rect(m, cx - R * 0.35, cy - R * 0.7, cx + R * 0.35, cy - R * 0.45)
    disc(m, cx, cy + R * 0.08, R * 0.42, 0)
    disc(a, cx, cy + R * 0.08, R * 0.26)


def music_note(m, a, cx, cy, R, p):
    m.polygon([(cx - R * 0.3, cy - R * 0.8), (cx + R * 0.7, cy - R * 1.0), (cx + R * 0.7, cy - R * 0.7),
               (cx - R * 0.3, cy - R * 0.5)], fill=255)
    rect(m, cx - R * 0.3, cy - R * 0.8, cx - R * 0.18, cy + R * 0.55)
    rect(m, cx + R * 0.58, cy - R * 0.95, cx + R * 0.7, cy + R * 0.35)
    m.ellipse(box(cx - R * 0.45, cy + R * 0.6, R * 0.28, R * 0.2), fill=255)
    m.ellipse(box(cx + R * 0.43, cy + R * 0.4, R * 0.28, R * 0.2), fill=255)


def play_button(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.95, R * 0.7), radius=R * 0.25, fill=255)
    m.polygon([(cx - R * 0.25, cy - R * 0.35), (cx + R * 0.4, cy), (cx - R * 0.25, cy + R * 0.35)], fill=0)


def cloud(m, a, cx, cy, R, p):
    disc(m, cx - R * 0.45, cy + R * 0.15, R * 0.35)
    disc(m, cx + R * 0.05, cy - R * 0.1, R * 0.5)
    disc(m, cx + R * 0.55, cy + R * 0.2, R * 0.3)
    rect(m, cx - R * 0.45, cy + R * 0.15, cx + R * 0.55, cy + R * 0.5)


def map_pin(m, a, cx, cy, R, p):
    disc(m, cx, cy - R * 0.25, R * 0.6)
    m.polygon([(cx - R * 0.52, cy), (cx, cy + R * 0.95), (cx + R * 0.52, cy)], fill=255)
    disc(m, cx, cy - R * 0.25, R * 0.24, 0)


def game_pad(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R, R * 0.55), radius=R * 0.45, fill=255)
    rect(m, cx - R * 0.62, cy - R * 0.06, cx - R * 0.22, cy + R * 0.06, 0)
    rect(m, cx - R * 0.48, cy - R * 0.2, cx - R * 0.36, cy + R * 0.2, 0)
    disc(m, cx + R * 0.4, cy - R * 0.12, R * 0.09, 0)
    disc(m, cx + R * 0.6, cy + R * 0.1, R * 0.09, 0)


def calculator(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.7, R * 0.95), radius=R * 0.12, fill=255)
    rect(m, cx - R * 0.5, cy - R * 0.75, cx + R * 0.5, cy - R * 0.4, 0)
    for i in range(3):
        for j in range(3):
            rect(m, cx - R * 0.5 + i * R * 0.37, cy - R * 0.25 + j * R * 0.37, cx - R * 0.25 + i * R * 0.37,
                 cy - R * 0.02 + j * R * 0.37, 0)


def book(m, a, cx, cy, R, p):
    for sgn in (-1, 1):
        m.polygon([(cx, cy - R * 0.6), (cx + sgn * R * 0.9, cy - R * 0.8), (cx + sgn * R * 0.9, cy + R * 0.6),
                   (cx, cy + R * 0.8)], fill=255)
    thick(m, [(cx, cy - R * 0.6), (cx, cy + R * 0.8)], R * 0.06, 0)


def cart(m, a, cx, cy, R, p):
    thick(m, [(cx - R * 0.95, cy - R * 0.7), (cx - R * 0.65, cy - R * 0.7), (cx - R * 0.4, cy + R * 0.3),
              (cx + R * 0.7, cy + R * 0.3)], R * 0.12)
    m.polygon([(cx - R * 0.6, cy - R * 0.5), (cx + R * 0.9, cy - R * 0.5), (cx + R * 0.7, cy + R * 0.15),
               (cx - R * 0.45, cy + R * 0.15)], fill=255)
    disc(m, cx - R * 0.3, cy + R * 0.6, R * 0.15)
    disc(m, cx + R * 0.55, cy + R * 0.6, R * 0.15)


def bolt(m, a, cx, cy, R, p):
    m.polygon([(cx + R * 0.15, cy - R), (cx - R * 0.55, cy + R * 0.15), (cx - R * 0.05, cy + R * 0.15),
               (cx - R * 0.2, cy + R), (cx + R * 0.55, cy - R * 0.15), (cx + R * 0.05, cy - R * 0.15)], fill=255)


def house(m, a, cx, cy, R, p):
    m.polygon([(cx - R * 0.95, cy - R * 0.05), (cx, cy - R * 0.9), (cx + R * 0.95, cy - R * 0.05)], fill=255)
    rect(m, cx - R * 0.7, cy - R * 0.1, cx + R * 0.7, cy + R * 0.85)
    rect(m, cx - R * 0.18, cy + R * 0.3, cx + R * 0.18, cy + R * 0.85, 0)


def car(m, a, cx, cy, R, p):
    m.rounded_rectangle([cx - R * 0.95, cy - R * 0.1, cx + R * 0.95, cy + R * 0.45], radius=R * 0.15, fill=255)
    m.polygon([(cx - R * 0.6, cy - R * 0.1), (cx - R * 0.35, cy - R * 0.55), (cx + R * 0.35, cy - R * 0.55),
               (cx + R * 0.6, cy - R * 0.1)], fill=255)
    for sgn in (-1, 1):
        disc(m, cx + sgn * R * 0.55, cy + R * 0.45, R * 0.22, 0)
        disc(m, cx + sgn * R * 0.55, cy + R * 0.45, R * 0.15)


def plane(m, a, cx, cy, R, p):
    m.polygon([(cx + R, cy - R * 0.05), (cx - R * 0.9, cy - R * 0.08), (cx - R * 0.9, cy + R * 0.08),
               (cx + R, cy + R * 0.05)], fill=255)
    m.polygon([(cx + R * 0.2, cy), (cx - R * 0.25, cy - R * 0.85), (cx - R * 0.05, cy)], fill=255)
    m.polygon([(cx + R * 0.2, cy), (cx - R * 0.25, cy + R * 0.85), (cx - R * 0.05, cy)], fill=255)


def bell(m, a, cx, cy, R, p):
    m.chord(box(cx, cy - R * 0.1, R * 0.6, R * 0.7), 180, 360, fill=255)
    m.polygon([(cx - R * 0.6, cy - R * 0.12), (cx + R * 0.6, cy - R * 0.12), (cx + R * 0.85, cy + R * 0.55),
               (cx - R * 0.85, cy + R * 0.55)], fill=255)
    disc(m, cx, cy + R * 0.72, R * 0.17)


def lock(m, a, cx, cy, R, p):
    arc_band(m, cx, cy - R * 0.2, R * 0.45, R * 0.15, 180, 360)
    rect(m, cx - R * 0.52, cy - R * 0.25, cx - R * 0.38, cy)
    rect(m, cx + R * 0.38, cy - R * 0.25, cx + R * 0.52, cy)
    m.rounded_rectangle([cx - R * 0.75, cy, cx + R * 0.75, cy + R * 0.9], radius=R * 0.12, fill=255)
    disc(m, cx, cy + R * 0.4, R * 0.12, 0)


def envelope(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.95, cy - R * 0.6, cx + R * 0.95, cy + R * 0.6)
    thick(m, [(cx - R * 0.95, cy - R * 0.6), (cx, cy + R * 0.1), (cx + R * 0.95, cy - R * 0.6)], R * 0.08, 0)


def clock(m, a, cx, cy, R, p):
    ring(m, cx, cy, R * 0.9, R * 0.14)
    thick(m, [(cx, cy - R * 0.55), (cx, cy), (cx + R * 0.4, cy + R * 0.2)], R * 0.1)


def magnifier(m, a, cx, cy, R, p):
    ring(m, cx - R * 0.15, cy - R * 0.15, R * 0.6, R * 0.16)
    thick(m, [(cx + R * 0.3, cy + R * 0.3), (cx + R * 0.85, cy + R * 0.85)], R * 0.22)


def pencil(m, a, cx, cy, R, p):
    body = [(cx - R * 0.55, cy + R * 0.85), (cx - R * 0.85, cy + R * 0.55), (cx + R * 0.55, cy - R * 0.85),
            (cx + R * 0.85, cy - R * 0.55)]
    m.polygon(body, fill=255)
    m.polygon([(cx - R * 0.55, cy + R * 0.85), (cx - R * 0.85, cy + R * 0.55), (cx - R * 0.98, cy + R * 0.98)],
              fill=0)
    a.polygon([(cx - R * 0.75, cy + R * 0.75), (cx - R * 0.9, cy + R * 0.62), (cx - R * 0.98, cy + R * 0.98)],
              fill=255)


def sun_cloud(m, a, cx, cy, R, p):
    disc(a, cx - R * 0.25, cy - R * 0.25, R * 0.45)
    cloud(m, a, cx + R * 0.15, cy + R * 0.2, R * 0.75, p)


def film(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.75, cy - R * 0.95, cx + R * 0.75, cy + R * 0.95)
    for k in range(6):
        y = cy - R * 0.8 + k * R * 0.32
        rect(m, cx - R * 0.65, y, cx - R * 0.5, y + R * 0.16, 0)
        rect(m, cx + R * 0.5, y, cx + R * 0.65, y + R * 0.16, 0)
    rect(m, cx - R * 0.35, cy - R * 0.6, cx + R * 0.35, cy + R * 0.6, 0)


def gift(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.8, cy - R * 0.3, cx + R * 0.8, cy + R * 0.9)
    rect(a, cx - R * 0.12, cy - R * 0.3, cx + R * 0.12, cy + R * 0.9)
    for sgn in (-1, 1):
        m.ellipse(box(cx + sgn * R * 0.3, cy - R * 0.5, R * 0.3, R * 0.18), fill=255)


def yen_coin(m, a, cx, cy, R, p):
    disc(m, cx, cy, R * 0.92)
    glyph(m, p.get("sym", "¥"), cx, cy + R * 0.03, R * 1.2, 0, latin=True)


def wallet(m, a, cx, cy, R, p):
    m.rounded_rectangle([cx - R * 0.9, cy - R * 0.55, cx + R * 0.9, cy + R * 0.75], radius=R * 0.18, fill=255)
    m.rounded_rectangle([cx + R * 0.25, cy - R * 0.05, cx + R * 0.95, cy + R * 0.35], radius=R * 0.1, fill=0)
    disc(m, cx + R * 0.5, cy + R * 0.15, R * 0.08)
    a.polygon([(cx - R * 0.7, cy - R * 0.55), (cx + R * 0.4, cy - R * 0.95), (cx + R * 0.6, cy - R * 0.55)],
              fill=255)


def chart_line(m, a, cx, cy, R, p):
    thick(m, [(cx - R * 0.85, cy - R * 0.85), (cx - R * 0.85, cy + R * 0.85), (cx + R * 0.9, cy + R * 0.85)],
          R * 0.1)
    thick(a, [(cx - R * 0.6, cy + R * 0.4), (cx - R * 0.2, cy - R * 0.1), (cx + R * 0.15, cy + R * 0.15),
              (cx + R * 0.75, cy - R * 0.6)], R * 0.12)


def coin_stack(m, a, cx, cy, R, p):
    for k in range(4):
        y = cy + R * 0.6 - k * R * 0.32
        m.ellipse(box(cx, y, R * 0.75, R * 0.25), fill=255)
        m.ellipse(box(cx, y - R * 0.06, R * 0.75, R * 0.25), outline=0, width=int(R * 0.04))
    disc(a, cx + R * 0.55, cy - R * 0.55, R * 0.3)


def percent(m, a, cx, cy, R, p):
    ring(m, cx - R * 0.45, cy - R * 0.45, R * 0.25, R * 0.12)
    ring(m, cx + R * 0.45, cy + R * 0.45, R * 0.25, R * 0.12)
    thick(m, [(cx + R * 0.6, cy - R * 0.75), (cx - R * 0.6, cy + R * 0.75)], R * 0.14)


def credit_card(m, a, cx, cy, R, p):
    m.rounded_rectangle([cx - R * 0.95, cy - R * 0.6, cx + R * 0.95, cy + R * 0.6], radius=R * 0.12, fill=255)
    rect(m, cx - R * 0.95, cy - R * 0.35, cx + R * 0.95, cy - R * 0.15, 0)
    rect(a, cx - R * 0.7, cy + R * 0.1, cx - R * 0.3, cy + R * 0.35)


def phone(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.5, R * 0.95), radius=R * 0.15, fill=255)
    rect(m, cx - R * 0.4, cy - R * 0.75, cx + R * 0.4, cy + R * 0.65, 0)
    disc(m, cx, cy + R * 0.8, R * 0.07, 0)


def target(m, a, cx, cy, R, p):
    ring(m, cx, cy, R * 0.85, R * 0.14)
    ring(m, cx, cy, R * 0.5, R * 0.14)
    disc(a, cx, cy, R * 0.2)


def blob_star(m, a, cx, cy, R, p):
    m.polygon(star(cx, cy, R, R * 0.5, p.get("n", 6)), fill=255)


def grid_dots(m, a, cx, cy, R, p):
    for i in range(3):
        for j in range(3):
            (a if (i + j) % 2 else m).rounded_rectangle(
                box(cx + (i - 1) * R * 0.62, cy + (j - 1) * R * 0.62, R * 0.25), radius=R * 0.08, fill=255)


def hexagon_flat(m, a, cx, cy, R, p):
    m.polygon(regular(cx, cy, R, 6, 0), fill=255)
    glyph(m, p.get("text", "Go"), cx, cy, R * 0.7, 0, latin=True)


def brush(m, a, cx, cy, R, p):
    pts = [(cx - R * 0.8 + i * R * 0.016, cy + R * 0.35 * math.sin(i * 0.06)) for i in range(101)]
    thick(m, pts, R * 0.3)
    disc(a, cx + R * 0.75, cy - R * 0.55, R * 0.15)


GENERIC = {f.__name__: f for f in (
    chat_bubble, camera, music_note, play_button, cloud, map_pin, game_pad, calculator, book, cart, bolt, house,
    car, plane, bell, lock, envelope, clock, magnifier, pencil, sun_cloud, film, gift, yen_coin, wallet,
    chart_line, coin_stack, percent, credit_card, phone, target, blob_star, grid_dots, hexagon_flat, brush,
)}

FINANCE_GENERIC = ["yen_coin", "wallet", "chart_line", "coin_stack", "percent", "credit_card", "calculator",
                   "lock", "gift"]
EVERYDAY_GENERIC = [k for k in GENERIC if k not in FINANCE_GENERIC]
