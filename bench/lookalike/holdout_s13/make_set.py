#!/usr/bin/env python3
"""Hold-out evaluation set s13 for the look-alike (counterfeit app) detector.

Written from the input schemas only (listing.schema.json, protected.schema.json).
Everything is drawn here with a fixed seed; rebuild with

    python bench/lookalike/holdout_s13/make_set.py

Outputs (under out/ next to this file):
    icons/official/*.png   official icons of the protected apps
    icons/listings/*.png   one icon per observed listing
    protected.jsonl        protected apps
    listings.jsonl         observed listings (no icon hashes)
    labels.jsonl           ground truth, same order as listings.jsonl
    contact_sheet_*.png    visual check (written next to this file)
"""
from __future__ import annotations

import colorsys
import io
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

SEED = 1313
HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ICONS = OUT / "icons"

DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

SS = 512        # drawing resolution (supersampled)
MASTER = 256    # working resolution of icons

WHITE = (255, 255, 255)

# --------------------------------------------------------------------------- colours
RED = [(199, 0, 11), (230, 0, 18), (184, 28, 34), (215, 0, 15), (200, 16, 46)]
BLUE = [(0, 102, 179), (0, 78, 162), (30, 80, 162), (0, 58, 140), (0, 160, 233)]
GREEN = [(0, 154, 97), (0, 131, 62), (0, 133, 124), (52, 140, 60)]
ORANGE = [(240, 90, 40), (243, 152, 0), (232, 110, 20)]
PURPLE = [(107, 44, 145), (120, 40, 120)]
GOLD = [(200, 160, 99), (190, 140, 50)]
NAVY = [(0, 45, 110), (20, 40, 90)]
PALETTE = RED * 3 + BLUE * 2 + GREEN + ORANGE + PURPLE + GOLD + NAVY


def is_cjk(s: str) -> bool:
    return any(ord(c) > 0x2E80 for c in s)


_font_cache: dict = {}


def font(path: str, size: int):
    key = (path, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(path, size)
    return _font_cache[key]


def fit_text(d: ImageDraw.ImageDraw, text: str, cx, cy, bw, bh, fill, path=None, bold=True):
    """Draw text centred on (cx, cy), as large as fits in bw x bh."""
    cjk = is_cjk(text)
    if path is None:
        path = CJK if cjk else (DEJAVU_BOLD if bold else DEJAVU)
    lo, hi = 6, int(bh * 1.6) + 4
    best = lo
    while lo <= hi:
        mid = (lo + hi) // 2
        sw = int(mid * 0.045) if (cjk and bold) else 0
        x0, y0, x1, y1 = d.textbbox((0, 0), text, font=font(path, mid), anchor="mm", stroke_width=sw)
        if x1 - x0 <= bw and y1 - y0 <= bh:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    sw = int(best * 0.045) if (cjk and bold) else 0
    f = font(path, best)
    x0, y0, x1, y1 = d.textbbox((0, 0), text, font=f, anchor="mm", stroke_width=sw)
    # centre the ink box, not the nominal box
    ox, oy = -(x0 + x1) / 2, -(y0 + y1) / 2
    d.text((cx + ox, cy + oy), text, font=f, anchor="mm", fill=fill, stroke_width=sw, stroke_fill=fill)


def down(img: Image.Image, size=MASTER) -> Image.Image:
    return img.resize((size, size), Image.LANCZOS)


# --------------------------------------------------------------------------- logo styles
# A spec: {"style": ..., "fg": rgb, "bg": rgb, "text": str or list, "v": {...variant knobs}}

def r_circle_initials(sp):
    S, v = SS, sp["v"]
    inv = v.get("inverse", False)
    bg = sp["fg"] if inv else sp["bg"]
    disc = WHITE if inv else sp["fg"]
    tc = sp["fg"] if inv else WHITE
    im = Image.new("RGB", (S, S), bg)
    d = ImageDraw.Draw(im)
    r = v.get("r", 0.40) * S
    c = S / 2
    d.ellipse([c - r, c - r, c + r, c + r], fill=disc)
    if v.get("ring"):
        rr = r + 0.05 * S
        d.ellipse([c - rr, c - rr, c + rr, c + rr], outline=disc, width=int(0.022 * S))
    fit_text(d, sp["text"], c, c, 1.35 * r, 0.62 * r if len(sp["text"]) > 1 else 1.0 * r, tc)
    return im


def r_square_frame(sp):
    S, v = SS, sp["v"]
    filled = v.get("filled", False)
    im = Image.new("RGB", (S, S), sp["bg"])
    d = ImageDraw.Draw(im)
    a = v.get("side", 0.70) * S
    w = int(v.get("stroke", 0.075) * S)
    rad = int(v.get("round", 0.0) * a)
    x0 = (S - a) / 2
    box = [x0, x0, x0 + a, x0 + a]
    if filled:
        d.rounded_rectangle(box, radius=rad, fill=sp["fg"])
        ins = w * 1.2
        d.rounded_rectangle([x0 + ins, x0 + ins, x0 + a - ins, x0 + a - ins], radius=max(0, rad - int(ins)),
                            outline=WHITE, width=max(3, w // 2))
        tc = WHITE
    else:
        d.rounded_rectangle(box, radius=rad, outline=sp["fg"], width=w)
        if v.get("double"):
            ins = w * 1.8
            d.rounded_rectangle([x0 + ins, x0 + ins, x0 + a - ins, x0 + a - ins], radius=max(0, rad - int(ins)),
                                outline=sp["fg"], width=max(3, w // 3))
        tc = sp["fg"]
    fit_text(d, sp["text"], S / 2, S / 2, 0.58 * a, 0.58 * a, tc)
    return im


def r_coin(sp):
    S, v = SS, sp["v"]
    im = Image.new("RGB", (S, S), sp["bg"])
    d = ImageDraw.Draw(im)
    c = S / 2
    r = v.get("r", 0.42) * S
    d.ellipse([c - r, c - r, c + r, c + r], fill=sp["fg"])
    hb = sp["bg"]
    if v.get("inner_ring"):
        rr = r * 0.84
        d.ellipse([c - rr, c - rr, c + rr, c + rr], outline=hb, width=int(0.018 * S))
    h = v.get("hole", 0.19) * S / 2
    mark = v.get("mark", "none")
    bw = 0.055 * S
    if mark in ("vline", "cross"):
        d.rectangle([c - bw / 2, c - r * 0.92, c + bw / 2, c + r * 0.92], fill=hb)
    if mark in ("hline", "cross"):
        d.rectangle([c - r * 0.92, c - bw / 2, c + r * 0.92, c + bw / 2], fill=hb)
    if mark == "wheat":
        for sgn in (-1, 1):
            for k in range(3):
                yy = c - 0.18 * S + k * 0.13 * S
                xx = c + sgn * 0.20 * S
                lw, lh = 0.07 * S, 0.035 * S
                leaf = Image.new("L", (S, S), 0)
                ImageDraw.Draw(leaf).ellipse([xx - lw, yy - lh, xx + lw, yy + lh], fill=255)
                leaf = leaf.rotate(sgn * 35, center=(xx, yy))
                im.paste(hb, (0, 0, S, S), leaf)
            d.line([(c + sgn * 0.25 * S, c + 0.28 * S), (c + sgn * 0.15 * S, c - 0.26 * S)], fill=hb,
                   width=int(0.02 * S))
    if mark == "dot":
        for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
            q = 0.2 * S
            rd = 0.04 * S
            d.ellipse([c + dx * q - rd, c + dy * q - rd, c + dx * q + rd, c + dy * q + rd], fill=hb)
    if v.get("hole_shape", "square") == "diamond":
        d.polygon([(c, c - h * 1.3), (c + h * 1.3, c), (c, c + h * 1.3), (c - h * 1.3, c)], fill=hb)
    else:
        d.rectangle([c - h, c - h, c + h, c + h], fill=hb)
    chars = list(sp["text"] or [])
    pos = [(c, c - 0.27 * S), (c, c + 0.27 * S), (c + 0.27 * S, c), (c - 0.27 * S, c)]
    for ch, (x, y) in zip(chars, pos, strict=False):
        fit_text(d, ch, x, y, 0.15 * S, 0.15 * S, hb)
    return im


def r_ring_mark(sp):
    S, v = SS, sp["v"]
    im = Image.new("RGB", (S, S), sp["bg"])
    d = ImageDraw.Draw(im)
    c = S / 2
    r = v.get("r", 0.42) * S
    t = int(v.get("t", 0.08) * S)
    d.ellipse([c - r, c - r, c + r, c + r], outline=sp["fg"], width=t)
    if v.get("gap"):
        g = 0.07 * S
        d.rectangle([c - g, c - r - 2, c + g, c - r + t + 2], fill=sp["bg"])
    if v.get("square_in"):
        q = r * 0.55
        d.rectangle([c - q, c - q, c + q, c + q], outline=sp["fg"], width=int(t * 0.6))
        fit_text(d, sp["text"], c, c, 1.2 * q, 1.2 * q, sp["fg"])
    else:
        fit_text(d, sp["text"], c, c, 1.05 * r, 1.0 * r, sp["fg"])
    return im


def r_waves(sp):
    S, v = SS, sp["v"]
    fg = sp["fg"]
    if v.get("gradient"):
        top = tuple(min(255, int(x * 1.0 + 40)) for x in fg)
        arr = np.zeros((S, S, 3), np.float32)
        t = np.linspace(0, 1, S)[:, None]
        for k in range(3):
            arr[:, :, k] = top[k] * (1 - t) + fg[k] * t
        im = Image.fromarray(arr.astype(np.uint8))
    else:
        im = Image.new("RGB", (S, S), fg)
    d = ImageDraw.Draw(im)
    n = v.get("n", 3)
    amp = v.get("amp", 0.04) * S
    per = v.get("period", 0.5) * S
    ph = v.get("phase", 0.0)
    y0 = v.get("y0", 0.62) * S
    gap = v.get("gap", 0.075) * S
    w = int(v.get("w", 0.032) * S)
    for k in range(n):
        pts = [(x, y0 + k * gap + amp * math.sin(2 * math.pi * x / per + ph + k * 0.5))
               for x in range(-10, S + 11, 6)]
        d.line(pts, fill=WHITE, width=w, joint="curve")
    fit_text(d, sp["text"], S / 2, 0.34 * S, 0.62 * S, 0.36 * S, WHITE)
    return im


def r_diamond(sp):
    S, v = SS, sp["v"]
    im = Image.new("RGB", (S, S), sp["bg"])
    d = ImageDraw.Draw(im)
    c = S / 2
    h = v.get("h", 0.44) * S
    d.polygon([(c, c - h), (c + h, c), (c, c + h), (c - h, c)], fill=sp["fg"])
    if v.get("nested"):
        h2 = h * 0.78
        d.polygon([(c, c - h2), (c + h2, c), (c, c + h2), (c - h2, c)], outline=sp["bg"],
                  width=int(0.02 * S))
    fit_text(d, sp["text"], c, c, 0.62 * h, 0.62 * h, WHITE)
    return im


def r_split_circle(sp):
    S, v = SS, sp["v"]
    im = Image.new("RGB", (S, S), sp["bg"])
    d = ImageDraw.Draw(im)
    c = S / 2
    r = v.get("r", 0.42) * S
    a = v.get("angle", 0)
    box = [c - r, c - r, c + r, c + r]
    d.pieslice(box, a, a + 180, fill=sp["fg"])
    d.pieslice(box, a + 180, a + 360, fill=tuple(v["fg2"]))
    if v.get("inner"):
        ri = r * 0.62
        d.ellipse([c - ri, c - ri, c + ri, c + ri], outline=WHITE, width=int(0.022 * S))
    fit_text(d, sp["text"], c, c, 0.85 * r, 0.85 * r, WHITE)
    return im


def r_short_name(sp):
    S, v = SS, sp["v"]
    fg = sp["fg"]
    if v.get("gradient"):
        arr = np.zeros((S, S, 3), np.float32)
        t = np.linspace(0, 1, S)[None, :] * 0.5 + np.linspace(0, 1, S)[:, None] * 0.5
        dark = tuple(int(x * 0.75) for x in fg)
        for k in range(3):
            arr[:, :, k] = fg[k] * (1 - t) + dark[k] * t
        im = Image.fromarray(arr.astype(np.uint8))
    else:
        im = Image.new("RGB", (S, S), fg)
    d = ImageDraw.Draw(im)
    txt = sp["text"]
    if v.get("layout", "h") == "v" and len(txt) == 2:
        fit_text(d, txt[0], S / 2, 0.30 * S, 0.40 * S, 0.36 * S, WHITE)
        fit_text(d, txt[1], S / 2, 0.70 * S, 0.40 * S, 0.36 * S, WHITE)
    else:
        fit_text(d, txt, S / 2, 0.47 * S, 0.80 * S, 0.38 * S, WHITE)
    if v.get("bar"):
        d.rectangle([0.25 * S, 0.78 * S, 0.75 * S, 0.80 * S], fill=WHITE)
    return im


RENDER = {
    "circle_initials": r_circle_initials,
    "square_frame_glyph": r_square_frame,
    "coin": r_coin,
    "ring_mark": r_ring_mark,
    "waves": r_waves,
    "diamond_initial": r_diamond,
    "split_circle": r_split_circle,
    "short_name": r_short_name,
}


def render(sp, size=MASTER) -> Image.Image:
    return down(RENDER[sp["style"]](sp), size)


def spec(style, fg, text, bg=WHITE, **v):
    return {"style": style, "fg": tuple(fg), "bg": tuple(bg), "text": text, "v": v}


# --------------------------------------------------------------------------- protected institutions
R0, R1, R2, R3, R4 = RED
B0, B1, B2, B3, B4 = BLUE
G0, G1, G2, G3 = GREEN
O0, O1, O2 = ORANGE
P0, P1 = PURPLE
Y0, Y1 = GOLD
N0, N1 = NAVY

# icon_key -> spec
OFFICIAL = {
    # ring + mark
    "icbc": spec("ring_mark", R0, "工", t=0.085, square_in=True),
    "cmb": spec("ring_mark", R1, "M", t=0.07),
    "cib": spec("ring_mark", B1, "兴", t=0.06, gap=True),
    "chinalife": spec("ring_mark", G1, "寿", t=0.09),
    "htsc": spec("ring_mark", R2, "H", t=0.05, gap=True),
    # coins
    "ccb": spec("coin", B0, [], hole=0.24, inner_ring=True),
    "abc": spec("coin", G0, [], mark="wheat", hole=0.16),
    "boc": spec("coin", R2, [], mark="vline", hole=0.2, inner_ring=True),
    "bob": spec("coin", R3, ["北", "京"], hole=0.17),
    "cqrcb": spec("coin", G3, ["农", "商"], hole=0.15, hole_shape="diamond"),
    "sinosig": spec("coin", O1, ["阳", "光"], mark="hline", hole=0.16),
    # square frame + glyph
    "bocom": spec("square_frame_glyph", N0, "交", stroke=0.08),
    "hxb": spec("square_frame_glyph", R0, "华", stroke=0.06, double=True),
    "bos": spec("square_frame_glyph", R1, "上", stroke=0.09, round=0.12),
    "taiping": spec("square_frame_glyph", O0, "太", filled=True, round=0.1),
    "cms": spec("square_frame_glyph", R4, "招", filled=True, stroke=0.06),
    "boc_life": spec("square_frame_glyph", R2, "中", stroke=0.07, round=0.25),
    # coloured circle + initials
    "cmbc": spec("circle_initials", G2, "CMBC"),
    "cgb": spec("circle_initials", R1, "CGB", ring=True),
    "pab": spec("circle_initials", O0, "PA", r=0.42),
    "spdb": spec("circle_initials", N0, "SPDB", r=0.44),
    "nbcb": spec("circle_initials", R3, "NB", inverse=True),
    "picc": spec("circle_initials", R0, "PICC", r=0.43),
    "gtja": spec("circle_initials", B1, "GTJA", ring=True),
    "citic_card": spec("circle_initials", R4, "DK", inverse=True, r=0.38),
    # waves
    "psbc": spec("waves", G1, "P", n=3),
    "cbhb": spec("waves", B2, "B", n=2, amp=0.05, phase=1.0),
    "jsb": spec("waves", B4, "J", n=4, gap=0.06, gradient=True),
    "haitong": spec("waves", B3, "海", n=3, amp=0.03, period=0.33),
    "cpic": spec("waves", B0, "CP", n=2, y0=0.66),
    "ccb_life": spec("waves", B1, "L", n=3, phase=2.0, gradient=True),
    "ceb_card": spec("waves", P0, "S", n=3, amp=0.05),
    "spdb_card": spec("waves", N1, "浦", n=2, amp=0.035, period=0.4),
    "pingan_car": spec("waves", O2, "车", n=3, phase=0.5),
    # diamonds
    "citic": spec("diamond_initial", R0, "C", nested=True),
    "egb": spec("diamond_initial", Y1, "E"),
    "hzb": spec("diamond_initial", B0, "H", nested=True),
    "nci": spec("diamond_initial", R2, "N", h=0.4),
    "cgb_card": spec("diamond_initial", R1, "F", h=0.46),
    # split circles
    "ceb": spec("split_circle", P0, "光", fg2=(240, 180, 0), angle=90),
    "czb": spec("split_circle", R1, "浙", fg2=Y1, angle=0, inner=True),
    "hsb": spec("split_circle", R0, "徽", fg2=(40, 40, 40), angle=45),
    "taikang": spec("split_circle", B1, "泰", fg2=R1, angle=135),
    "gf": spec("split_circle", R0, "GF", fg2=N0, angle=0),
    # short-name tiles
    "icbc_elife": spec("short_name", R0, "工银", layout="h", bar=True),
    "bocom_maidan": spec("short_name", N0, "买单", layout="v"),
    "cmb_life": spec("short_name", R1, "掌上", layout="h", gradient=True),
    "cmbc_card": spec("short_name", G2, "全民", layout="v", bar=False),
    "njcb": spec("short_name", R3, "南京", layout="h"),
    "pingan": spec("short_name", O0, "平安", layout="h", gradient=True),
    "citics": spec("short_name", R4, "中信", layout="v", gradient=True),
}

# (inst_key, institution, brand_keywords, developers, [(app_id, names, package_ids, icon_key)])
INSTITUTIONS = [
    ("icbc", "中国工商银行", ["工商银行", "工行", "ICBC"], ["中国工商银行股份有限公司"], [
        ("icbc_mbank", ["中国工商银行", "工商银行手机银行"], ["com.icbc"], "icbc"),
        ("icbc_elife", ["工银e生活"], ["com.icbc.elife"], "icbc_elife")]),
    ("ccb", "中国建设银行", ["建设银行", "建行", "CCB"], ["中国建设银行股份有限公司"], [
        ("ccb_mbank", ["中国建设银行", "建行手机银行"], ["com.chinamworld.main"], "ccb"),
        ("ccb_life", ["建行生活"], ["com.ccb.life"], "ccb_life")]),
    ("abc", "中国农业银行", ["农业银行", "农行", "ABC"], ["中国农业银行股份有限公司"], [
        ("abc_mbank", ["中国农业银行", "农行掌上银行"], ["com.android.bankabc"], "abc"),
        ("abc_corp", ["农行企业掌银"], ["com.abchina.corpbank"], "abc")]),
    ("boc", "中国银行", ["中国银行", "中行", "BOC"], ["中国银行股份有限公司"], [
        ("boc_mbank", ["中国银行", "中国银行手机银行"], ["com.chinamworld.bocmbci"], "boc"),
        ("boc_life", ["缤纷生活"], ["com.forms.bocmobile"], "boc_life")]),
    ("bocom", "交通银行", ["交通银行", "交行", "BOCOM"], ["交通银行股份有限公司"], [
        ("bocom_mbank", ["交通银行", "交行手机银行"], ["com.bankcomm.Bankcomm"], "bocom"),
        ("bocom_maidan", ["买单吧"], ["com.bankcomm.maidanba"], "bocom_maidan")]),
    ("cmb", "招商银行", ["招商银行", "招行", "CMB"], ["招商银行股份有限公司"], [
        ("cmb_mbank", ["招商银行"], ["cmb.pb"], "cmb"),
        ("cmb_life", ["掌上生活"], ["com.cmbchina.ccd.pluto.cmbActivity"], "cmb_life")]),
    ("psbc", "中国邮政储蓄银行", ["邮储银行", "邮政储蓄", "PSBC"], ["中国邮政储蓄银行股份有限公司"], [
        ("psbc_mbank", ["中国邮政储蓄银行", "邮储银行"], ["com.yitong.mbank.psbc"], "psbc"),
        ("psbc_card", ["邮储信用卡"], ["com.psbc.creditcard"], "psbc")]),
    ("citic", "中信银行", ["中信银行", "CNCB"], ["中信银行股份有限公司"], [
        ("citic_mbank", ["中信银行"], ["com.ecitic.bank.mobile"], "citic"),
        ("citic_card", ["动卡空间"], ["com.citiccard.mobilebank"], "citic_card")]),
    ("ceb", "中国光大银行", ["光大银行", "CEB"], ["中国光大银行股份有限公司"], [
        ("ceb_mbank", ["光大银行", "光大手机银行"], ["com.cebbank.mobile.cemb"], "ceb"),
        ("ceb_card", ["阳光惠生活"], ["com.cebbank.creditcard"], "ceb_card")]),
    ("hxb", "华夏银行", ["华夏银行", "HXB"], ["华夏银行股份有限公司"], [
        ("hxb_mbank", ["华夏银行", "华夏手机银行"], ["com.hxb.mobile.client"], "hxb")]),
    ("cmbc", "中国民生银行", ["民生银行", "CMBC"], ["中国民生银行股份有限公司"], [
        ("cmbc_mbank", ["民生银行"], ["cn.com.cmbc.newmbank"], "cmbc"),
        ("cmbc_card", ["全民生活"], ["com.cmbc.cc.mbank"], "cmbc_card")]),
    ("cgb", "广发银行", ["广发银行", "CGB"], ["广发银行股份有限公司"], [
        ("cgb_mbank", ["广发银行", "广发手机银行"], ["com.cgbchina.xpt"], "cgb"),
        ("cgb_card", ["发现精彩"], ["com.cgbchina.card"], "cgb_card")]),
    ("pab", "平安银行", ["平安银行", "口袋银行", "PAB"], ["平安银行股份有限公司"], [
        ("pab_mbank", ["平安口袋银行"], ["com.pingan.paces.ccms"], "pab")]),
    ("cib", "兴业银行", ["兴业银行", "CIB"], ["兴业银行股份有限公司"], [
        ("cib_mbank", ["兴业银行"], ["com.cib.cibmb"], "cib"),
        ("cib_life", ["兴业生活"], ["com.cib.xyk"], "cib")]),
    ("spdb", "上海浦东发展银行", ["浦发银行", "浦发", "SPDB"], ["上海浦东发展银行股份有限公司"], [
        ("spdb_mbank", ["浦发手机银行"], ["cn.com.spdb.mobilebank.per"], "spdb"),
        ("spdb_card", ["浦大喜奔"], ["com.spdbccc.app"], "spdb_card")]),
    ("czb", "浙商银行", ["浙商银行", "CZB"], ["浙商银行股份有限公司"], [
        ("czb_mbank", ["浙商银行"], ["com.czbank.mbank"], "czb")]),
    ("cbhb", "渤海银行", ["渤海银行", "CBHB"], ["渤海银行股份有限公司"], [
        ("cbhb_mbank", ["渤海银行"], ["com.cbhb.bank"], "cbhb")]),
    ("egb", "恒丰银行", ["恒丰银行", "EGB"], ["恒丰银行股份有限公司"], [
        ("egb_mbank", ["恒丰银行"], ["com.egbank.mbank"], "egb")]),
    ("bob", "北京银行", ["北京银行", "BOB"], ["北京银行股份有限公司"], [
        ("bob_mbank", ["北京银行", "京彩生活"], ["com.bankofbeijing.mobilebanking"], "bob")]),
    ("bos", "上海银行", ["上海银行", "BOSC"], ["上海银行股份有限公司"], [
        ("bos_mbank", ["上海银行"], ["com.bosc.mobile"], "bos")]),
    ("jsb", "江苏银行", ["江苏银行", "JSB"], ["江苏银行股份有限公司"], [
        ("jsb_mbank", ["江苏银行"], ["com.jsbc.mobilebank"], "jsb")]),
    ("nbcb", "宁波银行", ["宁波银行", "NBCB"], ["宁波银行股份有限公司"], [
        ("nbcb_mbank", ["宁波银行"], ["com.nbbank.mobilebank"], "nbcb")]),
    ("njcb", "南京银行", ["南京银行", "NJCB"], ["南京银行股份有限公司"], [
        ("njcb_mbank", ["南京银行", "你好南京银行"], ["com.njcb.mbank"], "njcb")]),
    ("hzb", "杭州银行", ["杭州银行", "HZB"], ["杭州银行股份有限公司"], [
        ("hzb_mbank", ["杭州银行"], ["com.hzbank.mbank"], "hzb")]),
    ("hsb", "徽商银行", ["徽商银行", "HSB"], ["徽商银行股份有限公司"], [
        ("hsb_mbank", ["徽商银行"], ["com.hsbank.mbank"], "hsb")]),
    ("cqrcb", "重庆农村商业银行", ["重庆农商行", "渝农商", "CQRCB"], ["重庆农村商业银行股份有限公司"], [
        ("cqrcb_mbank", ["重庆农商行", "渝农商行"], ["com.cqrcb.mbank"], "cqrcb")]),
    ("chinalife", "中国人寿保险", ["中国人寿", "国寿", "China Life"], ["中国人寿保险股份有限公司"], [
        ("chinalife_shouxian", ["中国人寿寿险"], ["com.chinalife.ebz"], "chinalife"),
        ("chinalife_eb", ["国寿e宝"], ["com.chinalife.eb"], "chinalife")]),
    ("pingan", "中国平安保险", ["中国平安", "平安保险", "Ping An"], ["中国平安人寿保险股份有限公司"], [
        ("pingan_jgj", ["平安金管家"], ["com.pingan.lifeinsurance"], "pingan"),
        ("pingan_car", ["平安好车主"], ["com.pingan.carowner"], "pingan_car")]),
    ("cpic", "中国太平洋保险", ["太平洋保险", "太保", "CPIC"], ["中国太平洋保险(集团)股份有限公司"], [
        ("cpic_main", ["中国太平洋保险"], ["com.cpic.taibao"], "cpic"),
        ("cpic_efu", ["太保e服"], ["com.cpic.efu"], "cpic")]),
    ("picc", "中国人民保险", ["中国人保", "人保", "PICC"], ["中国人民保险集团股份有限公司"], [
        ("picc_main", ["中国人保"], ["com.picc.main"], "picc"),
        ("picc_etong", ["人保e通"], ["com.picc.etong"], "picc")]),
    ("nci", "新华保险", ["新华保险", "NCI"], ["新华人寿保险股份有限公司"], [
        ("nci_main", ["新华保险"], ["com.newchinalife.app"], "nci")]),
    ("taikang", "泰康保险", ["泰康", "泰康保险", "Taikang"], ["泰康保险集团股份有限公司"], [
        ("taikang_main", ["泰康保险"], ["com.taikang.app"], "taikang"),
        ("taikang_life", ["泰生活"], ["com.taikang.tailife"], "taikang")]),
    ("taiping", "中国太平保险", ["中国太平", "太平保险", "China Taiping"], ["中国太平保险集团有限责任公司"], [
        ("taiping_main", ["太平通"], ["com.cntaiping.app"], "taiping")]),
    ("sinosig", "阳光保险", ["阳光保险", "Sinosig"], ["阳光保险集团股份有限公司"], [
        ("sinosig_main", ["阳光保险"], ["com.sinosig.app"], "sinosig")]),
    ("citics", "中信证券", ["中信证券", "CITICS"], ["中信证券股份有限公司"], [
        ("citics_main", ["中信证券", "信e投"], ["com.citics.xinetou"], "citics")]),
    ("gtja", "国泰君安证券", ["国泰君安", "君弘", "GTJA"], ["国泰君安证券股份有限公司"], [
        ("gtja_junhong", ["国泰君安君弘"], ["com.gtja.junhong"], "gtja"),
        ("gtja_futures", ["国泰君安期货"], ["com.gtja.futures"], "gtja")]),
    ("htsc", "华泰证券", ["华泰证券", "涨乐财富通", "HTSC"], ["华泰证券股份有限公司"], [
        ("htsc_zhangle", ["涨乐财富通"], ["com.lphtsccft"], "htsc"),
        ("htsc_pro", ["华泰证券专业版"], ["com.htsc.pro"], "htsc")]),
    ("haitong", "海通证券", ["海通证券", "e海通财", "HTS"], ["海通证券股份有限公司"], [
        ("haitong_main", ["e海通财"], ["com.htsec.ehtc"], "haitong")]),
    ("gf", "广发证券", ["广发证券", "易淘金", "GF Securities"], ["广发证券股份有限公司"], [
        ("gf_ytj", ["广发易淘金"], ["com.gf.client"], "gf")]),
    ("cms", "招商证券", ["招商证券", "智远一户通", "CMS"], ["招商证券股份有限公司"], [
        ("cms_zy", ["招商证券智远一户通"], ["com.cmschina.zhiyuan"], "cms")]),
]

# Non-protected institutions: (name, initials, package slug, glyph)
NONPROTECTED = [
    ("青岛银行", "QDB", "qdccb", "青"), ("郑州银行", "ZZB", "zzbank", "郑"), ("长沙银行", "CSCB", "cscb", "长"),
    ("贵阳银行", "GYB", "bankgy", "贵"), ("西安银行", "XAB", "xacbank", "镐"), ("苏州银行", "SZB", "suzhoubank", "苏"),
    ("厦门银行", "XMB", "xmbank", "厦"), ("齐鲁银行", "QLB", "qlbchina", "齐"), ("兰州银行", "LZB", "lzbank", "兰"),
    ("九江银行", "JJB", "jjccb", "九"), ("天津银行", "TJB", "bankoftianjin", "津"), ("哈尔滨银行", "HRBB", "hrbb", "哈"),
    ("盛京银行", "SJB", "shengjingbank", "盛"), ("富滇银行", "FDB", "fudian", "滇"), ("广州农商银行", "GRCB", "grcbank", "穗"),
    ("东莞银行", "DGB", "dongguanbank", "莞"), ("中原银行", "ZYB", "zybank", "原"), ("甘肃银行", "GSB", "gsbankchina", "甘"),
    ("锦州银行", "JZB", "jinzhoubank", "锦"), ("威海银行", "WHB", "whccb", "威"), ("台州银行", "TZB", "tzbank", "台"),
    ("温州银行", "WZB", "wzbank", "温"), ("桂林银行", "GLB", "guilinbank", "桂"), ("大连银行", "DLB", "bankofdl", "连"),
    ("河北银行", "HBB", "hebbank", "冀"), ("江西银行", "JXB", "jxbank", "赣"), ("晋商银行", "JSHB", "jshbank", "晋"),
    ("内蒙古银行", "NMGB", "boimc", "蒙"), ("宁夏银行", "NXB", "bankofnx", "夏"), ("长安银行", "CAB", "ccabchina", "秦"),
    ("乌鲁木齐银行", "UCB", "uccb", "乌"), ("众安保险", "ZA", "zhongan", "众"), ("华安保险", "HAIC", "sinosafe", "安"),
    ("永安保险", "YAIC", "yaic", "永"), ("天安财险", "TAIC", "tianan", "天"), ("安诚保险", "ACIC", "eacic", "诚"),
    ("长江证券", "CJSC", "cjsc", "江"), ("东吴证券", "DWZQ", "dwzq", "吴"), ("国元证券", "GYSC", "gyzq", "元"),
    ("西部证券", "XBZQ", "westsecu", "西"), ("山西证券", "SXZQ", "sxzq", "汾"), ("财通证券", "CTSC", "ctsec", "财"),
    ("国海证券", "GHZQ", "ghzq", "邕"), ("华安证券", "HAZQ", "hazq", "皖"), ("东北证券", "NESC", "nesc", "东"),
    ("中原证券", "ZYZQ", "ccnew", "豫"), ("长城证券", "CCZQ", "cgws", "城"), ("东莞证券", "DGZQ", "dgzq", "鼎"),
]

# --------------------------------------------------------------------------- generic names etc.
GENERIC_NAMES = [
    "天气预报", "手电筒", "记账本", "PhotoFix", "快递查询", "计算器", "万能清理大师", "省电助手", "二维码扫描",
    "日历黄历", "指南针", "录音机", "音乐播放器", "视频剪辑", "美颜相机", "壁纸大全", "文件管理", "WiFi连网助手",
    "随身翻译官", "健身打卡", "番茄时钟", "笔记Note", "输入法皮肤", "小说阅读", "菜谱大全", "地铁通", "公交查询",
    "违章查询助手", "闹钟", "备忘录", "手机测速", "解压缩", "PDF转换器", "拼图游戏", "开心消消乐园", "中国象棋",
    "宝宝识字", "背单词", "刷题宝", "星座运势", "放大镜", "分贝仪", "水平仪", "尺子测量", "QuickNote",
    "CleanMaster Pro", "Flashlight HD", "WeatherNow", "ScanIt", "TimeKeeper", "MyDiary", "老黄历", "每日步数",
    "喝水提醒", "记事本", "电子相册", "证件照制作", "文字识别", "屏幕录制", "铃声大全", "收音机FM", "手机投屏",
    "扫描全能王者", "Battery Saver", "Mirror Cam", "Sleep Sounds", "Habit Tracker", "Unit Converter",
    "Voice Recorder", "Puzzle Box", "Color Notes", "Step Counter", "菜价查询", "垃圾分类", "血压记录", "亲子相册",
]
NAME_SUFFIX = ["", "", "", " Pro", "极速版", "大师", "2024", " HD", "助手", "Lite", "plus"]
DEV_CITY = ["深圳市", "广州", "杭州", "成都", "武汉", "北京", "上海", "厦门", "南京", "西安", "长沙"]
DEV_WORD = ["星辰", "云帆", "极光", "蓝鲸", "启航", "米粒", "飞鱼", "灵动", "乐享", "微光", "青柠", "橙果", "拾光",
            "雨林", "火花", "乐途", "麦穗", "海豚", "北斗", "闪电"]
DEV_KIND = ["网络科技有限公司", "信息技术有限公司", "软件有限公司", "互动科技有限公司", "数字科技有限公司"]
DEV_EN = ["Bright Apps Studio", "Pixel Labs Ltd", "Sunny Tools Inc.", "Blue Whale Apps", "Moonlight Dev",
          "Happy Coding LLC", "NovaSoft", "Tiny Utility Co."]
PKG_WORDS = ["xingchen", "yunfan", "jiguang", "lanjing", "qihang", "mili", "feiyu", "lingdong", "lexiang", "weiguang",
             "qingning", "chengguo", "shiguang", "pixel", "sunny", "nova", "tiny", "happy", "moon", "swift"]
PKG_APP = ["weather", "flashlight", "notes", "scanner", "cleaner", "calc", "compass", "recorder", "player", "editor",
           "camera", "wallpaper", "files", "wifi", "translate", "fitness", "timer", "reader", "recipes", "metro",
           "bus", "alarm", "memo", "speedtest", "unzip", "pdf", "puzzle", "chess", "words", "quiz", "horoscope",
           "magnifier", "tools", "album", "ocr", "radio", "cast", "steps", "water", "diary"]
SOURCES = ["huawei_appgallery", "xiaomi_store", "tencent_myapp", "oppo_store", "vivo_store", "apple_appstore_cn",
           "wechat_miniprogram", "alipay_miniprogram", "website", "baidu_mobile", "wandoujia", "360_store"]

BAND_TEXT = ["官方", "VIP", "2024", "下载", "官方版", "最新版", "正版", "2025", "免费下载"]
BADGE_TEXT = ["官方", "HOT", "正版", "NEW", "荐", "VIP"]


class Gen:
    def __init__(self, rnd: random.Random):
        self.r = rnd
        self.used_pkgs: set[str] = set()

    def generic_name(self):
        return self.r.choice(GENERIC_NAMES) + self.r.choice(NAME_SUFFIX)

    def developer(self):
        if self.r.random() < 0.2:
            return self.r.choice(DEV_EN)
        return self.r.choice(DEV_CITY) + self.r.choice(DEV_WORD) + self.r.choice(DEV_WORD) + self.r.choice(DEV_KIND)

    def package(self):
        while True:
            p = f"{self.r.choice(['com', 'com', 'cn', 'net', 'io'])}.{self.r.choice(PKG_WORDS)}.{self.r.choice(PKG_APP)}"
            if self.r.random() < 0.4:
                p += str(self.r.randint(1, 99))
            if p not in self.used_pkgs:
                self.used_pkgs.add(p)
                return p

    def date(self):
        return f"2024-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}"


# --------------------------------------------------------------------------- image helpers
def rand_bg(r: random.Random, avoid=None):
    while True:
        h = r.random()
        s = r.choice([0.0, 0.15, 0.35, 0.6, 0.85])
        v = r.choice([0.15, 0.35, 0.7, 0.9, 1.0])
        c = tuple(int(255 * x) for x in colorsys.hsv_to_rgb(h, s, v))
        if avoid is None or sum(abs(a - b) for a, b in zip(c, avoid, strict=False)) > 120:
            return c


def corner_colour(img):
    a = np.asarray(img)
    return tuple(int(x) for x in np.median(np.stack([a[0, 0], a[0, -1], a[-1, 0], a[-1, -1]]), axis=0))


def gradient(size, c1, c2, vertical=True):
    t = np.linspace(0, 1, size)
    t = t[:, None] if vertical else t[None, :]
    arr = np.zeros((size, size, 3), np.float32)
    for k in range(3):
        arr[:, :, k] = c1[k] * (1 - t) + c2[k] * t
    return Image.fromarray(arr.astype(np.uint8))


def new_background(r, size, avoid):
    c1 = rand_bg(r, avoid)
    if r.random() < 0.35:
        c2 = tuple(max(0, min(255, x + r.randint(-60, 60))) for x in c1)
        return gradient(size, c1, c2, r.random() < 0.5)
    return Image.new("RGB", (size, size), c1)


def rounded_mask(size, frac):
    m = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, size * 2 - 1, size * 2 - 1], radius=int(frac * size * 2), fill=255)
    return m.resize((size, size), Image.LANCZOS)


# --------------------------------------------------------------------------- modifications
def m_rotate(img, r):
    S = img.size[0]
    ang = r.uniform(5, 30) * r.choice([-1, 1])
    s = r.uniform(0.74, 0.92)
    n = int(S * s)
    ic = img.resize((n, n), Image.LANCZOS).convert("RGBA")
    if r.random() < 0.5:
        ic.putalpha(rounded_mask(n, r.uniform(0.12, 0.25)))
    big = ic.resize((n * 2, n * 2), Image.LANCZOS).rotate(ang, expand=True, resample=Image.BICUBIC)
    rot = big.resize((big.size[0] // 2, big.size[1] // 2), Image.LANCZOS)
    bg = new_background(r, S, corner_colour(img))
    bg.paste(rot, ((S - rot.size[0]) // 2, (S - rot.size[1]) // 2), rot)
    return bg, {"angle": round(ang, 1), "scale": round(s, 2)}


def m_offcentre_crop(img, r):
    S = img.size[0]
    f = r.uniform(0.70, 0.90)
    w = int(S * f)
    slack = S - w
    while True:
        x0, y0 = r.randint(0, slack), r.randint(0, slack)
        if max(abs(x0 - slack / 2), abs(y0 - slack / 2)) >= 0.35 * slack:
            break
    out = img.crop((x0, y0, x0 + w, y0 + w)).resize((S, S), Image.LANCZOS)
    return out, {"window": round(f, 2), "x0": x0, "y0": y0}


def m_scale_down(img, r):
    S = img.size[0]
    s = r.uniform(0.50, 0.80)
    n = int(S * s)
    ic = img.resize((n, n), Image.LANCZOS)
    bg = new_background(r, S, corner_colour(img))
    slack = S - n
    if r.random() < 0.5:
        x, y = slack // 2, slack // 2
    else:
        x, y = r.randint(0, slack), r.randint(0, slack)
    if r.random() < 0.4:
        bg.paste(ic, (x, y), rounded_mask(n, r.uniform(0.1, 0.25)))
    else:
        bg.paste(ic, (x, y))
    return bg, {"scale": round(s, 2), "x": x, "y": y}


def m_text_band(img, r):
    S = img.size[0]
    h = int(S * r.uniform(0.18, 0.28))
    top = r.random() < 0.5
    mode = r.choice(["squeeze", "overlap"])
    txt = r.choice(BAND_TEXT)
    band_c = r.choice([(230, 0, 18), (240, 180, 0), (20, 20, 20), (0, 90, 200), (255, 100, 0), (250, 250, 250)])
    tc = (20, 20, 20) if sum(band_c) > 600 or band_c == (240, 180, 0) else r.choice([WHITE, (255, 230, 0)])
    if mode == "squeeze":
        out = Image.new("RGB", (S, S), band_c)
        out.paste(img.resize((S, S - h), Image.LANCZOS), (0, h if top else 0))
    else:
        out = img.copy()
    big = out.resize((S * 2, S * 2), Image.NEAREST)
    d = ImageDraw.Draw(big)
    y0 = 0 if top else (S - h) * 2
    d.rectangle([0, y0, S * 2, y0 + h * 2], fill=band_c)
    fit_text(d, txt, S, y0 + h, S * 1.7, h * 1.5, tc)
    out2 = Image.new("RGB", (S, S))
    out2.paste(out)
    band = big.crop((0, y0, S * 2, y0 + h * 2)).resize((S, h), Image.LANCZOS)
    out2.paste(band, (0, 0 if top else S - h))
    return out2, {"band": "top" if top else "bottom", "mode": mode, "text": txt, "height": round(h / S, 2)}


def centre_badge_params(r):
    col = r.choice([(230, 0, 18), (255, 140, 0), (0, 160, 80), (30, 30, 30), (240, 200, 0)])
    return {"size": r.uniform(0.25, 0.45), "dx": r.uniform(-0.05, 0.05), "dy": r.uniform(-0.05, 0.05),
            "kind": r.choice(["label", "disc", "disc_text", "tick"]), "col": col, "text": r.choice(BADGE_TEXT),
            "aspect": r.uniform(0.5, 0.75)}


def apply_centre_badge(img, pr):
    S = img.size[0]
    k = 4
    big = img.resize((S * k, S * k), Image.LANCZOS)
    d = ImageDraw.Draw(big)
    a = pr["size"] * S * k
    cx = S * k / 2 + pr["dx"] * S * k
    cy = S * k / 2 + pr["dy"] * S * k
    col, txt, kind = pr["col"], pr["text"], pr["kind"]
    tc = (30, 30, 30) if col == (240, 200, 0) else WHITE
    if kind == "label":
        w, h = a, a * pr["aspect"]
        d.rounded_rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], radius=int(h * 0.2), fill=col,
                            outline=WHITE, width=int(0.02 * S * k))
        fit_text(d, txt, cx, cy, w * 0.8, h * 0.7, tc)
    else:
        rr = a / 2
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=col, outline=WHITE, width=int(0.02 * S * k))
        if kind == "disc_text":
            fit_text(d, txt, cx, cy, rr * 1.3, rr * 0.9, tc)
        elif kind == "tick":
            d.line([(cx - rr * 0.45, cy), (cx - rr * 0.1, cy + rr * 0.38), (cx + rr * 0.5, cy - rr * 0.35)],
                   fill=tc, width=int(rr * 0.18), joint="curve")
    return big.resize((S, S), Image.LANCZOS)


# Fairness: a centre badge must not hide everything that tells the target apart from another
# official icon of the same look (e.g. two red diamonds with different letters).  The badge
# parameters are drawn until, on the untouched official icons, the badged target is still clearly
# nearer to its own official icon than to any other official icon (mean abs RGB difference, 64x64).
FAIR = {"masters": None, "target": None}


def _small(img):
    return np.asarray(img.convert("RGB").resize((64, 64), Image.BILINEAR), np.float32)


def content_ink(key):
    """64x64 mask of the distinctive content of an official icon (its text; for coins also hole and mark)."""
    sp = dict(OFFICIAL[key])
    sp["v"] = dict(sp["v"])
    sp["text"] = [] if sp["style"] == "coin" else ""
    if sp["style"] == "coin":
        sp["v"]["mark"], sp["v"]["hole"] = "none", 0.0
    plain = RENDER[sp["style"]](sp) if sp["text"] == "" else None
    if plain is None:
        plain = RENDER[sp["style"]](sp)
    a = _small(down(plain, MASTER))
    b = _small(down(RENDER[OFFICIAL[key]["style"]](OFFICIAL[key]), MASTER))
    return np.abs(a - b).max(axis=2) > 40


def badge_is_fair(pr, margin=6.0, min_visible=0.35):
    masters, target = FAIR["masters"], FAIR["target"]
    if masters is None or target is None:
        return True
    ink = FAIR.setdefault("ink", {}).get(target)
    if ink is None:
        ink = FAIR["ink"][target] = content_ink(target)
    blk = Image.new("RGB", (MASTER, MASTER), (0, 0, 0))
    wht = Image.new("RGB", (MASTER, MASTER), WHITE)
    covered = (np.abs(_small(apply_centre_badge(blk, pr)) - _small(blk)).max(axis=2) > 30) | \
              (np.abs(_small(apply_centre_badge(wht, pr)) - _small(wht)).max(axis=2) > 30)
    if ink.sum() and (ink & ~covered).sum() / ink.sum() < min_visible:
        return False
    m = _small(apply_centre_badge(masters[target], pr))
    own = np.abs(m - _small(masters[target])).mean()
    for key, im in masters.items():
        if key == target:
            continue
        if np.abs(m - _small(im)).mean() - own < margin:
            return False
    return True


def m_centre_badge(img, r):
    for i in range(600):
        pr = centre_badge_params(r)
        if i >= 300:  # hard targets (small central content): smaller badge, set a little off centre
            pr["size"] = r.uniform(0.25, 0.30)
            pr["dx"], pr["dy"] = r.uniform(-0.09, 0.09), r.uniform(-0.09, 0.09)
        if badge_is_fair(pr):
            break
    else:
        raise RuntimeError("no fair centre badge for " + str(FAIR["target"]))
    out = apply_centre_badge(img, pr)
    return out, {"kind": pr["kind"], "size": round(pr["size"], 2), "text": pr["text"],
                 "offset": [round(pr["dx"], 2), round(pr["dy"], 2)]}


def m_corner_badge(img, r):
    S = img.size[0]
    k = 4
    big = img.resize((S * k, S * k), Image.LANCZOS)
    d = ImageDraw.Draw(big)
    corner = r.choice(["tl", "tr", "bl", "br"])
    kind = r.choice(["dot_number", "dot_number", "dot", "ribbon", "tick"])
    rr = r.uniform(0.09, 0.15) * S * k
    m = rr * r.uniform(1.0, 1.3)
    cx = m if corner[1] == "l" else S * k - m
    cy = m if corner[0] == "t" else S * k - m
    if kind in ("dot_number", "dot"):
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(235, 20, 30), outline=WHITE, width=int(0.012 * S * k))
        if kind == "dot_number":
            fit_text(d, str(r.choice([1, 2, 3, 5, 8, 9, 12, 26, 99])), cx, cy, rr * 1.3, rr * 1.1, WHITE)
    elif kind == "tick":
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=(0, 170, 80))
        d.line([(cx - rr * 0.45, cy), (cx - rr * 0.1, cy + rr * 0.38), (cx + rr * 0.5, cy - rr * 0.35)],
               fill=WHITE, width=int(rr * 0.2))
    else:
        L = rr * 3.2
        x = 0 if corner[1] == "l" else S * k
        y = 0 if corner[0] == "t" else S * k
        sx = 1 if corner[1] == "l" else -1
        sy = 1 if corner[0] == "t" else -1
        d.polygon([(x, y), (x + sx * L, y), (x, y + sy * L)], fill=(235, 20, 30))
        fit_text(d, "NEW", x + sx * L * 0.3, y + sy * L * 0.3, L * 0.45, L * 0.22, WHITE)
    return big.resize((S, S), Image.LANCZOS), {"corner": corner, "kind": kind, "radius": round(rr / (S * k), 3)}


def hue_shift(img, deg):
    hsv = np.asarray(img.convert("HSV")).copy()
    hsv[:, :, 0] = ((hsv[:, :, 0].astype(int) + int(deg / 360 * 256)) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB")


def m_recolour(img, r):
    kind = r.choice(["hue", "hue", "invert", "smart_invert"])
    if kind == "hue":
        deg = r.uniform(40, 320)
        return hue_shift(img, deg), {"kind": "hue", "deg": round(deg)}
    inv = ImageOps.invert(img)
    if kind == "smart_invert":
        inv = hue_shift(inv, 180)
    return inv, {"kind": kind}


def m_blur_jpeg(img, r):
    kind = r.choice(["blur", "jpeg", "both"])
    info = {"kind": kind}
    out = img
    if kind in ("blur", "both"):
        rad = r.uniform(1.0, 2.0)
        out = out.filter(ImageFilter.GaussianBlur(rad * img.size[0] / 128))
        info["radius_at_128"] = round(rad, 2)
    if kind in ("jpeg", "both"):
        q = r.randint(20, 40)
        small = out.resize((128, 128), Image.LANCZOS)
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=q)
        out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize(img.size, Image.BICUBIC)
        info["quality_at_128"] = q
    return out, info


MODS = {
    "rotate": m_rotate,
    "offcentre_crop": m_offcentre_crop,
    "scale_down_new_background": m_scale_down,
    "text_band": m_text_band,
    "centre_badge": m_centre_badge,
    "corner_badge": m_corner_badge,
    "recolour": m_recolour,
    "blur_jpeg": m_blur_jpeg,
}
BASE_CASES = list(MODS)
# pairs that would destroy too much of the logo for a fair judgement
BAD_PAIRS = {frozenset(p) for p in [("centre_badge", "offcentre_crop"), ("centre_badge", "text_band"),
                                    ("offcentre_crop", "scale_down_new_background"),
                                    ("rotate", "scale_down_new_background"), ("offcentre_crop", "rotate")]}
COMBO_ORDER = ["offcentre_crop", "recolour", "rotate", "scale_down_new_background", "text_band", "centre_badge",
               "corner_badge", "blur_jpeg"]


# --------------------------------------------------------------------------- ordinary app icons
def ordinary_icon(r: random.Random) -> tuple[Image.Image, str]:
    S = SS
    kind = r.choice(["shape", "letter_gradient", "emoji", "photo", "tiles", "bubble", "play", "camera", "weather",
                     "calculator", "letter_circle", "stripes"])
    c1, c2 = rand_bg(r), rand_bg(r)
    if kind in ("photo",):
        gw, gh = r.randint(3, 6), r.randint(3, 6)
        lo = np.array([[rand_bg(r) for _ in range(gw)] for _ in range(gh)], np.uint8)
        im = Image.fromarray(lo).resize((S, S), Image.BICUBIC)
        noise = np.random.default_rng(r.randint(0, 10**9)).normal(0, 14, (S, S, 1))
        arr = np.clip(np.asarray(im, np.float32) + noise, 0, 255).astype(np.uint8)
        im = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(1.2))
        d = ImageDraw.Draw(im)
        for _ in range(r.randint(1, 4)):
            x, y, rr = r.uniform(0, S), r.uniform(0, S), r.uniform(0.05, 0.25) * S
            d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=rand_bg(r))
        im = im.filter(ImageFilter.GaussianBlur(r.uniform(3, 12)))
        return down(im), kind
    im = gradient(S, c1, c2, r.random() < 0.5) if r.random() < 0.5 else Image.new("RGB", (S, S), c1)
    d = ImageDraw.Draw(im)
    fgc = r.choice([WHITE, (30, 30, 30), rand_bg(r, c1)])
    c = S / 2
    if kind == "shape":
        sh = r.choice(["star", "heart", "triangle", "bolt", "hexagon", "drop"])
        rr = r.uniform(0.28, 0.4) * S
        if sh == "star":
            pts = [(c + (rr if i % 2 == 0 else rr * 0.45) * math.cos(math.pi / 2 + i * math.pi / 5) * -1 * -1,
                    c - (rr if i % 2 == 0 else rr * 0.45) * math.sin(math.pi / 2 + i * math.pi / 5)) for i in range(10)]
            d.polygon(pts, fill=fgc)
        elif sh == "heart":
            d.ellipse([c - rr, c - rr * 0.8, c, c + rr * 0.2], fill=fgc)
            d.ellipse([c, c - rr * 0.8, c + rr, c + rr * 0.2], fill=fgc)
            d.polygon([(c - rr * 0.97, c - rr * 0.2), (c + rr * 0.97, c - rr * 0.2), (c, c + rr)], fill=fgc)
        elif sh == "triangle":
            d.polygon([(c, c - rr), (c + rr, c + rr * 0.8), (c - rr, c + rr * 0.8)], fill=fgc)
        elif sh == "bolt":
            d.polygon([(c + 0.1 * S, c - rr), (c - 0.15 * S, c + 0.03 * S), (c, c + 0.03 * S),
                       (c - 0.1 * S, c + rr), (c + 0.15 * S, c - 0.05 * S), (c, c - 0.05 * S)], fill=fgc)
        elif sh == "hexagon":
            d.polygon([(c + rr * math.cos(i * math.pi / 3), c + rr * math.sin(i * math.pi / 3)) for i in range(6)],
                      fill=fgc)
        else:
            d.ellipse([c - rr * 0.7, c - rr * 0.1, c + rr * 0.7, c + rr], fill=fgc)
            d.polygon([(c, c - rr), (c - rr * 0.62, c + rr * 0.2), (c + rr * 0.62, c + rr * 0.2)], fill=fgc)
    elif kind == "letter_gradient":
        fit_text(d, r.choice("abdefgkmqrtuvwxyz") if r.random() < 0.5 else r.choice("ADKMQRTUVWXYZ"),
                 c, c, 0.6 * S, 0.6 * S, fgc)
    elif kind == "letter_circle":
        rr = 0.38 * S
        d.ellipse([c - rr, c - rr, c + rr, c + rr], fill=fgc if fgc != WHITE else (40, 40, 40))
        fit_text(d, r.choice("adkmqrtuvwxyz"), c, c, rr, rr, WHITE if fgc != WHITE else (250, 250, 250))
    elif kind == "emoji":
        rr = 0.38 * S
        d.ellipse([c - rr, c - rr, c + rr, c + rr], fill=(255, 204, 40), outline=(200, 140, 0), width=6)
        ey = c - rr * 0.25
        for sx in (-1, 1):
            ex = c + sx * rr * 0.35
            if r.random() < 0.7:
                d.ellipse([ex - rr * 0.09, ey - rr * 0.14, ex + rr * 0.09, ey + rr * 0.14], fill=(60, 40, 20))
            else:
                d.arc([ex - rr * 0.15, ey - rr * 0.1, ex + rr * 0.15, ey + rr * 0.15], 200, 340,
                      fill=(60, 40, 20), width=10)
        mood = r.choice(["smile", "open", "flat"])
        if mood == "smile":
            d.arc([c - rr * 0.5, c - rr * 0.3, c + rr * 0.5, c + rr * 0.55], 20, 160, fill=(60, 40, 20), width=14)
        elif mood == "open":
            d.chord([c - rr * 0.45, c - rr * 0.1, c + rr * 0.45, c + rr * 0.6], 0, 180, fill=(120, 30, 30))
        else:
            d.line([(c - rr * 0.35, c + rr * 0.35), (c + rr * 0.35, c + rr * 0.35)], fill=(60, 40, 20), width=14)
    elif kind == "tiles":
        n = r.choice([2, 3])
        g = S * 0.06
        w = (S - g * (n + 1)) / n
        for i in range(n):
            for j in range(n):
                x, y = g + i * (w + g), g + j * (w + g)
                d.rounded_rectangle([x, y, x + w, y + w], radius=int(w * 0.2), fill=rand_bg(r))
    elif kind == "bubble":
        d.rounded_rectangle([0.18 * S, 0.22 * S, 0.82 * S, 0.68 * S], radius=int(0.12 * S), fill=fgc)
        d.polygon([(0.3 * S, 0.66 * S), (0.26 * S, 0.82 * S), (0.45 * S, 0.66 * S)], fill=fgc)
        for k in range(3):
            x = (0.36 + 0.14 * k) * S
            d.ellipse([x - 14, 0.45 * S - 14, x + 14, 0.45 * S + 14], fill=c1)
    elif kind == "play":
        rr = 0.36 * S
        d.ellipse([c - rr, c - rr, c + rr, c + rr], outline=fgc, width=int(0.04 * S))
        d.polygon([(c - rr * 0.35, c - rr * 0.5), (c + rr * 0.55, c), (c - rr * 0.35, c + rr * 0.5)], fill=fgc)
    elif kind == "camera":
        d.rounded_rectangle([0.16 * S, 0.3 * S, 0.84 * S, 0.76 * S], radius=int(0.08 * S), fill=fgc)
        d.rectangle([0.38 * S, 0.22 * S, 0.62 * S, 0.32 * S], fill=fgc)
        rr = 0.15 * S
        d.ellipse([c - rr, 0.53 * S - rr, c + rr, 0.53 * S + rr], fill=c1)
        rr2 = 0.09 * S
        d.ellipse([c - rr2, 0.53 * S - rr2, c + rr2, 0.53 * S + rr2], fill=(40, 40, 40))
    elif kind == "weather":
        sun = (255, 200, 30)
        rr = 0.17 * S
        sx, sy = 0.62 * S, 0.36 * S
        for i in range(8):
            a = i * math.pi / 4
            d.line([(sx + rr * 1.25 * math.cos(a), sy + rr * 1.25 * math.sin(a)),
                    (sx + rr * 1.6 * math.cos(a), sy + rr * 1.6 * math.sin(a))], fill=sun, width=14)
        d.ellipse([sx - rr, sy - rr, sx + rr, sy + rr], fill=sun)
        cc = (250, 250, 250)
        d.ellipse([0.18 * S, 0.48 * S, 0.48 * S, 0.74 * S], fill=cc)
        d.ellipse([0.32 * S, 0.38 * S, 0.66 * S, 0.74 * S], fill=cc)
        d.ellipse([0.52 * S, 0.52 * S, 0.8 * S, 0.76 * S], fill=cc)
        d.rectangle([0.3 * S, 0.6 * S, 0.68 * S, 0.76 * S], fill=cc)
    elif kind == "calculator":
        d.rounded_rectangle([0.22 * S, 0.14 * S, 0.78 * S, 0.86 * S], radius=int(0.06 * S), fill=(40, 40, 40))
        d.rectangle([0.28 * S, 0.2 * S, 0.72 * S, 0.36 * S], fill=(170, 220, 170))
        for i in range(3):
            for j in range(3):
                x, y = (0.3 + i * 0.14) * S, (0.44 + j * 0.13) * S
                d.rounded_rectangle([x, y, x + 0.11 * S, y + 0.09 * S], radius=8,
                                    fill=(255, 140, 0) if i == 2 else (200, 200, 200))
    elif kind == "stripes":
        n = r.randint(3, 7)
        for k in range(n):
            y = k * S / n
            if k % 2 == 0:
                d.rectangle([0, y, S, y + S / n], fill=fgc)
        if r.random() < 0.5:
            rr = 0.2 * S
            d.ellipse([c - rr, c - rr, c + rr, c + rr], fill=rand_bg(r))
    return down(im), kind


# --------------------------------------------------------------------------- content rules for negatives
def lev(a: str, b: str) -> int:
    dp = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, dp[0] = dp[0], i
        for j, cb in enumerate(b, 1):
            prev, dp[j] = dp[j], min(dp[j] + 1, dp[j - 1] + 1, prev + (ca != cb))
    return dp[-1]


def content_key(sp):
    if sp["style"] == "coin":
        return (sp["v"].get("mark", "none"), tuple(sp["text"]))
    return sp["text"]


def content_ok(sp, protected_specs) -> bool:
    """A negative logo must differ in content from every protected logo of the same style."""
    for p in protected_specs:
        if p["style"] != sp["style"]:
            continue
        if sp["style"] == "coin":
            pm, pc = content_key(p)
            m, c = content_key(sp)
            if set(pc) & set(c):
                return False
            if not c and not pc and m == pm:
                return False
            if not c and m == pm:
                return False
            if not c and m == "cross":
                return False
            continue
        a, b = sp["text"], p["text"]
        if is_cjk(a) or is_cjk(b):
            if set(a) & set(b):
                return False
        else:
            if a == b:
                return False
            if max(len(a), len(b)) > 1 and lev(a, b) < 2:
                return False
            if len(a) > 1 and len(b) > 1 and a[:2] == b[:2]:
                return False
    return True


GLYPH_POOL = list("鑫金宝融汇隆盛丰德瑞鼎源祥益达和嘉福禾诚安富裕利通联合众恒银财星龙凤吉祺弘博乾坤")
LATIN_POOL = "ABCDEFGHJKLMNPQRSTWXYZ"


def random_latin(r, n):
    return "".join(r.choice(LATIN_POOL) for _ in range(n))


def random_variant(style, r):
    if style == "circle_initials":
        return {"r": r.uniform(0.36, 0.44), "ring": r.random() < 0.3, "inverse": r.random() < 0.25}
    if style == "square_frame_glyph":
        return {"stroke": r.uniform(0.05, 0.1), "round": r.choice([0, 0, 0.1, 0.25]), "double": r.random() < 0.25,
                "filled": r.random() < 0.25}
    if style == "coin":
        return {"hole": r.uniform(0.14, 0.24), "inner_ring": r.random() < 0.4,
                "mark": r.choice(["none", "none", "vline", "hline", "dot", "cross", "wheat"]),
                "hole_shape": r.choice(["square", "square", "diamond"])}
    if style == "ring_mark":
        return {"t": r.uniform(0.05, 0.1), "gap": r.random() < 0.3, "square_in": r.random() < 0.2}
    if style == "waves":
        return {"n": r.randint(2, 4), "amp": r.uniform(0.025, 0.055), "period": r.uniform(0.3, 0.6),
                "phase": r.uniform(0, 6.28), "gradient": r.random() < 0.4, "gap": r.uniform(0.06, 0.085)}
    if style == "diamond_initial":
        return {"h": r.uniform(0.38, 0.46), "nested": r.random() < 0.4}
    if style == "split_circle":
        return {"fg2": r.choice(PALETTE + [(40, 40, 40)]), "angle": r.choice([0, 45, 90, 135]),
                "inner": r.random() < 0.3}
    if style == "short_name":
        return {"layout": r.choice(["h", "v"]), "bar": r.random() < 0.3, "gradient": r.random() < 0.4}
    raise ValueError(style)


def content_for(style, r, inst=None, template_text=None):
    """Content (text) for a logo of `style`; taken from a non-protected institution when given."""
    if inst is not None:
        name, ini, _slug, glyph = inst
        if style == "circle_initials":
            return ini
        if style in ("diamond_initial",):
            return ini[0]
        if style in ("waves", "ring_mark"):
            if template_text is not None and is_cjk(template_text):
                return glyph
            return ini[: len(template_text)] if template_text else ini[0]
        if style in ("square_frame_glyph",):
            return glyph
        if style == "split_circle":
            if template_text is not None and not is_cjk(template_text):
                return ini[:2]
            return glyph
        if style == "short_name":
            return name[:2]
        if style == "coin":
            return [name[0], name[1]]
    if style == "circle_initials":
        return random_latin(r, r.choice([2, 3, 3, 4]))
    if style == "diamond_initial":
        return r.choice(LATIN_POOL)
    if style in ("waves", "ring_mark"):
        return r.choice(GLYPH_POOL) if r.random() < 0.5 else random_latin(r, r.choice([1, 1, 2]))
    if style == "square_frame_glyph":
        return r.choice(GLYPH_POOL)
    if style == "split_circle":
        return r.choice(GLYPH_POOL) if r.random() < 0.7 else random_latin(r, 2)
    if style == "short_name":
        return "".join(r.sample(GLYPH_POOL, 2))
    if style == "coin":
        k = r.choice([0, 2, 2, 4])
        return r.sample(GLYPH_POOL, k)
    raise ValueError(style)


# --------------------------------------------------------------------------- main
def finish(img: Image.Image, r: random.Random, size=None) -> Image.Image:
    size = size or r.choice([96, 108, 114, 128, 128, 144, 180, 192, 256])
    return img.convert("RGB").resize((size, size), Image.LANCZOS)


def save(img, rel):
    p = ICONS / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    img.save(p, "PNG")
    return rel


def main():
    t0 = time.time()
    r = random.Random(SEED)
    np.random.seed(SEED)
    g = Gen(r)
    if OUT.exists():
        shutil.rmtree(OUT)
    (ICONS / "official").mkdir(parents=True)
    (ICONS / "listings").mkdir(parents=True)

    # ---- official icons and protected.jsonl
    masters = {}
    for key, sp in OFFICIAL.items():
        masters[key] = render(sp, MASTER)
        save(masters[key], f"official/{key}.png")
    protected, apps = [], []
    icon_to_apps: dict[str, list[str]] = {}
    for _inst_key, inst, kws, devs, applist in INSTITUTIONS:
        for app_id, names, pkgs, icon_key in applist:
            protected.append({"app_id": app_id, "institution": inst, "names": names, "brand_keywords": kws,
                              "package_ids": pkgs, "developers": devs, "icon": f"official/{icon_key}.png"})
            apps.append((app_id, inst, icon_key))
            icon_to_apps.setdefault(icon_key, []).append(app_id)
    assert len({p["app_id"] for p in protected}) == len(protected)
    assert set(OFFICIAL) == set(icon_to_apps), set(OFFICIAL) ^ set(icon_to_apps)
    protected_specs = list(OFFICIAL.values())

    items = []  # (listing, label, image)

    # ---- positives
    n_pos = 350
    per = n_pos // 9 + 1
    cases = [c for c in BASE_CASES + ["combo"] for _ in range(per)][:n_pos]
    r.shuffle(cases)
    targets = []
    while len(targets) < n_pos:
        a = apps[:]
        r.shuffle(a)
        targets += a
    for case, (app_id, inst, icon_key) in zip(cases, targets, strict=False):
        img = masters[icon_key]
        FAIR["masters"], FAIR["target"] = masters, icon_key
        if case == "combo":
            while True:
                pair = r.sample(BASE_CASES, 2)
                if frozenset(pair) not in BAD_PAIRS:
                    break
            pair.sort(key=COMBO_ORDER.index)
            info = {}
            for c in pair:
                img, inf = MODS[c](img, r)
                info[c] = inf
            case_name = "combo:" + "+".join(pair)
        else:
            img, info = MODS[case](img, r)
            case_name = case
        listing = {"source": r.choice(SOURCES), "name": g.generic_name(), "package_id": g.package(),
                   "developer": g.developer(), "first_seen": g.date()}
        label = {"expected": "counterfeit", "case": case_name, "target_app_id": app_id,
                 "accept_app_ids": sorted(icon_to_apps[icon_key], key=lambda x: x != app_id),
                 "target_institution": inst, "params": info}
        items.append((listing, label, finish(img, r)))

    FAIR["masters"], FAIR["target"] = None, None

    # ---- negatives (a): non-protected, similar-style financial logos, generic names
    styles = [sp["style"] for sp in protected_specs]
    neg_mods = ["corner_badge", "text_band", "blur_jpeg", "scale_down_new_background", "rotate"]
    made = 0
    seen_specs = set()
    while made < 150:
        st = r.choice(styles)
        inst = r.choice(NONPROTECTED) if r.random() < 0.5 else None
        sp = spec(st, r.choice(PALETTE), content_for(st, r, inst), bg=WHITE, **random_variant(st, r))
        if st in ("ring_mark", "diamond_initial", "square_frame_glyph", "coin", "circle_initials",
                  "split_circle") and r.random() < 0.15:
            sp["bg"] = (245, 245, 245)
        if not content_ok(sp, protected_specs):
            continue
        k = (st, str(content_key(sp)), sp["fg"])
        if k in seen_specs:
            continue
        seen_specs.add(k)
        img = render(sp)
        mods = []
        if r.random() < 0.3:
            m = r.choice(neg_mods)
            img, _ = MODS[m](img, r)
            mods.append(m)
        listing = {"source": r.choice(SOURCES), "name": g.generic_name(), "package_id": g.package(),
                   "developer": g.developer(), "first_seen": g.date()}
        label = {"expected": "none", "case": "neg_similar_style", "target_app_id": None, "accept_app_ids": [],
                 "target_institution": None,
                 "params": {"style": st, "content": sp["text"], "mods": mods}}
        items.append((listing, label, finish(img, r)))
        made += 1

    # ---- negatives (b): ordinary app icons, generic names
    for _ in range(150):
        img, kind = ordinary_icon(r)
        mods = []
        if r.random() < 0.3:
            m = r.choice(neg_mods)
            img, _ = MODS[m](img, r)
            mods.append(m)
        listing = {"source": r.choice(SOURCES), "name": g.generic_name(), "package_id": g.package(),
                   "developer": g.developer(), "first_seen": g.date()}
        label = {"expected": "none", "case": "neg_ordinary", "target_app_id": None, "accept_app_ids": [],
                 "target_institution": None, "params": {"kind": kind, "mods": mods}}
        items.append((listing, label, finish(img, r)))

    # ---- negatives (c): a protected icon's style redone for a non-protected institution, own name
    keys = list(OFFICIAL)
    insts = NONPROTECTED[:]
    r.shuffle(insts)
    used = set()
    made = 0
    attempts = 0
    while made < 50:
        attempts += 1
        inst = insts[made % len(insts)] if attempts < 5000 else r.choice(insts)
        tkey = r.choice(keys)
        tsp = OFFICIAL[tkey]
        sp = {"style": tsp["style"], "fg": tsp["fg"], "bg": tsp["bg"], "v": dict(tsp["v"]),
              "text": content_for(tsp["style"], r, inst, tsp["text"] if isinstance(tsp["text"], str) else None)}
        if sp["style"] == "coin":
            marks = ["none", "vline", "hline", "dot", "cross", "wheat"]
            marks.remove(tsp["v"].get("mark", "none"))
            sp["v"]["mark"] = r.choice(marks)
        if (inst[0], tkey) in used or not content_ok(sp, protected_specs):
            continue
        used.add((inst[0], tkey))
        name, ini, slug, _glyph = inst
        if name.endswith("银行"):
            app_name = name + r.choice(["", "手机银行", "直销银行"])
            pkg = f"com.{slug}.mbank"
        elif name.endswith("证券"):
            app_name = name + r.choice(["", "掌上财富", "金融终端"])
            pkg = f"com.{slug}.securities"
        else:
            app_name = name + r.choice(["", "e服务", "APP"])
            pkg = f"com.{slug}.app"
        listing = {"source": r.choice(SOURCES), "name": app_name, "package_id": pkg,
                   "developer": name + ("股份有限公司" if r.random() < 0.8 else "有限责任公司"),
                   "first_seen": g.date()}
        label = {"expected": "none", "case": "neg_style_redone", "target_app_id": None, "accept_app_ids": [],
                 "target_institution": None,
                 "params": {"style_of": tkey, "institution": name, "content": sp["text"]}}
        items.append((listing, label, finish(render(sp), r)))
        made += 1

    # ---- shuffle, number, write
    r.shuffle(items)
    with open(OUT / "protected.jsonl", "w", encoding="utf-8") as f:
        for p in protected:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(OUT / "listings.jsonl", "w", encoding="utf-8") as fl, \
            open(OUT / "labels.jsonl", "w", encoding="utf-8") as fb:
        for i, (listing, label, img) in enumerate(items, 1):
            lid = f"s13-{i:04d}"
            rel = save(img, f"listings/{lid}.png")
            row = {"listing_id": lid, "source": listing["source"], "name": listing["name"],
                   "package_id": listing["package_id"], "developer": listing["developer"], "icon": rel,
                   "first_seen": listing["first_seen"]}
            fl.write(json.dumps(row, ensure_ascii=False) + "\n")
            lab = {"listing_id": lid, **label}
            fb.write(json.dumps(lab, ensure_ascii=False) + "\n")

    contact_sheets(items)
    counts: dict[str, int] = {}
    for _l, lab, _i in items:
        c = lab["case"].split(":")[0]
        counts[c] = counts.get(c, 0) + 1
    print(f"protected apps: {len(protected)} ({len(OFFICIAL)} official icons, "
          f"{len(INSTITUTIONS)} institutions)")
    print(f"listings: {len(items)}")
    for k in sorted(counts):
        print(f"  {k:28s} {counts[k]}")
    print(f"done in {time.time() - t0:.1f}s")


def contact_sheets(items):
    """Visual check: official icons, then a few icons per case (written next to this script)."""
    cell = 96
    lab_font = font(CJK, 11)

    def sheet(entries, path, cols=12):
        rows = (len(entries) + cols - 1) // cols
        im = Image.new("RGB", (cols * (cell + 4), rows * (cell + 18)), (255, 255, 255))
        d = ImageDraw.Draw(im)
        for i, (img, text) in enumerate(entries):
            x, y = (i % cols) * (cell + 4), (i // cols) * (cell + 18)
            im.paste(img.resize((cell, cell), Image.LANCZOS), (x, y))
            d.text((x, y + cell + 2), text[:16], font=lab_font, fill=(0, 0, 0))
        im.save(path)

    off = [(Image.open(ICONS / f"official/{k}.png"), k) for k in OFFICIAL]
    sheet(off, HERE / "contact_sheet_official.png")
    by_case: dict[str, list] = {}
    for _listing, lab, img in items:
        c = lab["case"].split(":")[0]
        by_case.setdefault(c, []).append((img, (lab["params"].get("style_of") or lab["target_app_id"]
                                                or lab["params"].get("style") or lab["params"].get("kind") or "")))
    ent = []
    for c in sorted(by_case):
        sel = by_case[c][:12]
        ent += [(i, f"{c[:8]}|{t}") for i, t in sel]
    sheet(ent, HERE / "contact_sheet_listings.png")


if __name__ == "__main__":
    sys.exit(main())
