#!/usr/bin/env python
"""Build the holdout_s18 look-alike evaluation set (seed 1818, deterministic).

    /work/main/.venv/bin/python make_set.py          # rebuild out/
    /work/main/.venv/bin/python make_set.py --sheet  # also write contact sheets to sheets/
"""
import argparse
import collections
import hashlib
import json
import os
import random
import shutil
import sys

import jsonschema
import numpy as np
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data  # noqa: E402
import deform  # noqa: E402
import drawing  # noqa: E402
import names as N  # noqa: E402
from drawing import circle_avatar, draw_icon, hsv, sig, sig_distance  # noqa: E402

SEED = 1818
OUT = os.path.join(HERE, "out")
SHEETS = os.path.join(HERE, "sheets")
MAIN = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SCHEMA_DIR = os.path.join(MAIN, "src", "appgov", "engines", "lookalike", "data")

ANDROID = ["huawei-appgallery", "xiaomi-getapps", "oppo-software-store", "vivo-app-store", "tencent-myapp",
           "baidu-mobile-assistant", "360-mobile-assistant", "wandoujia"]
DOWNLOAD = ["apk-download-site"]
IOS = "apple-app-store"
HARMONY = "harmonyos-appgallery"
WXMINI, ALIMINI, WXOA = "wechat-miniprogram", "alipay-miniprogram", "wechat-official-account"
SIGNING = set(ANDROID) | set(DOWNLOAD) | {HARMONY}

# counts per case
ICON_CASES = list(deform.EDITS)           # 18 single-edit kinds
ICON_PER_CASE = 8
COMBO2, COMBO3 = 24, 14
OTHER_CASES = ["name_suffix", "name_emoji", "name_doubled", "name_homophone", "name_traditional", "name_pinyin",
               "name_spaced", "name_abbrev", "name_mini_program", "name_official_account", "pkg_typo", "pkg_extra",
               "dev_foreign_cert", "repack"]
OTHER_PER_CASE = 14

# similarity guards (own signature: min of three 64-bit DCT-hash distances; mean |RGB| of 16x16 thumbs)
PROT_HASH_MIN, PROT_THUMB_MIN = 14, 14.0
NEG_HASH_MIN, NEG_THUMB_MIN = 16, 16.0

BRAND_COLOURS = [hsv(h, s, v) for h, s, v in [
    (356, .9, .8), (2, .85, .72), (350, .8, .6), (10, .9, .9), (25, .9, .95), (40, .95, .92), (48, .9, .85),
    (140, .8, .55), (160, .9, .5), (120, .7, .45), (175, .85, .55), (195, .9, .7), (210, .9, .7), (220, .85, .55),
    (230, .8, .4), (240, .6, .55), (265, .6, .55), (285, .55, .5), (330, .7, .7), (0, 0, .2)]]


class Ctx:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.used_names = set()
        self.used_pkgs = set()
        self.prot_pkgs = []
        self.prot_certs = set()
        self.official_devs = set()
        self.protected = []          # records
        self.apps = {}               # app_id -> info
        self.icon_of = {}            # app_id -> (img, emblem, bgcol)
        self.prot_sigs = []          # (app_id, sig) over distinct icon files
        self.listings = []
        self.labels = []
        self.sheet_pairs = []
        self.neg_icons = []
        self.prot_glyphs = set()
        self.prot_latin = set()

    def sub(self, tag):
        return random.Random(f"{SEED}-{tag}-{self.rng.random()}")


# ------------------------------------------------------------------ ids, certs, developers, packages
def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def lev(a, b):
    if abs(len(a) - len(b)) > 2:
        return 3
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def new_cert(ctx, rng):
    while True:
        c = hexs(rng, 64)
        if c not in ctx.prot_certs:
            return c


def new_pkg(ctx, rng):
    while True:
        org = rng.choice(data.PKG_ORGS)
        w = rng.choice(data.PKG_WORDS) + (rng.choice(data.PKG_WORDS) if rng.random() < .4 else "")
        p = rng.choice(["com", "com", "cn", "net", "io"]) + f".{org}.{w}"
        if rng.random() < .3:
            p += f".{rng.choice(['app', 'android', 'free', 'v2', 'hd'])}"
        if p not in ctx.used_pkgs and all(lev(p, q) > 2 and q not in p for q in ctx.prot_pkgs):
            ctx.used_pkgs.add(p)
            return p


def new_dev(ctx, rng):
    while True:
        d = rng.choice(data.DEV_PREFIX) + rng.choice(data.DEV_MID) + rng.choice(data.DEV_SUFFIX)
        if d not in ctx.official_devs:
            return d


def new_wx(rng):
    return "wx" + hexs(rng, 16)


def new_ali(rng):
    return "2021" + "".join(rng.choice("0123456789") for _ in range(12))


def new_gh(rng):
    return "gh_" + hexs(rng, 12)


def fmt_cert(c, rng, weights=(.6, .15, .15, .1)):
    k = rng.choices(["lower", "upper", "colon_upper", "colon_lower"], weights)[0]
    if k == "lower":
        return c, k
    if k == "upper":
        return c.upper(), k
    pairs = [c[i:i + 2] for i in range(0, 64, 2)]
    s = ":".join(pairs)
    return (s.upper() if k == "colon_upper" else s), k


def date(rng, lo=2024):
    y = rng.choice([lo, lo + 1])
    m = rng.randint(1, 12 if y == lo else 6)
    return f"{y}-{m:02d}-{rng.randint(1, 28):02d}"


def url(source, rng):
    return f"https://{source}.example.cn/app/{hexs(rng, 10)}"


# ------------------------------------------------------------------ icons on disk
def save_listing_icon(ctx, img, rng, fmt=None, size=None, quality=None):
    fmt = fmt or ("jpg" if rng.random() < .3 else "png")
    size = size or rng.choice([256, 256, 192, 216, 180, 144, 128, 512])
    im = img.convert("RGB")
    if im.size != (size, size):
        im = im.resize((size, size), Image.LANCZOS)
    while True:
        name = f"l/{hexs(rng, 12)}.{fmt}"
        if not os.path.exists(os.path.join(OUT, "icons", name)):
            break
    path = os.path.join(OUT, "icons", name)
    if fmt == "jpg":
        quality = quality or rng.randint(82, 95)
        im.save(path, "JPEG", quality=quality)
    else:
        im.save(path, "PNG")
    return name, {"file_format": fmt, "file_size": size}


def generic_icon(ctx, rng, bank_style=False, text_hint=None, max_tries=80):
    """An ordinary (non-protected) icon: a motif no protected icon uses (or a glyph/letters no protected
    icon shows), redrawn until it is not a near-copy of any protected icon by the own signature."""
    for t in range(max_tries):
        r = rng.random()
        if text_hint and r < .3:
            kind = "glyph"
        elif r < .38:
            kind = "latin"
        elif bank_style and r < .75:
            kind = rng.choice(drawing.BANKISH_NEG)
        else:
            kind = rng.choice(drawing.NEG_EMBLEMS)
        p = drawing.random_emblem_params(kind, rng, text_hint or "乐享")
        p["n"] = rng.choice([3, 4, 5])
        if kind == "glyph":
            chars = [ch for ch in (text_hint or "") if ch not in ctx.prot_glyphs]
            if not chars:
                continue
            p["char"] = rng.choice(chars)
        if kind == "latin":
            p["text"] = rng.choice(["GO", "AI", "HD", "MAX", "V", "JOY", "ON", "UP", "PDF", "Q", "FM", "3D", "K"])
            if p["text"] in ctx.prot_latin:
                continue
        if bank_style:
            c = rng.choice(BRAND_COLOURS)
            layout = rng.choice(["solid", "white", "gradient", "emblem_word", "disc", "frame", "split"])
        else:
            c = hsv(rng.uniform(0, 360), rng.uniform(.4, 1), rng.uniform(.5, 1))
            layout = rng.choice(["solid", "gradient", "white", "disc", "solid"])
        c2 = hsv(rng.uniform(0, 360), rng.uniform(.5, 1), rng.uniform(.7, 1))
        dark = sum(c) < 500
        spec = dict(emblem=kind, eparams=p, layout=layout, col=(255, 255, 255) if layout in (
            "solid", "gradient", "split") else c, col2=c2,
            bgcol=c if layout in ("solid", "gradient", "split", "disc") else (rng.randint(240, 255),) * 3,
            grad2=hsv(rng.uniform(0, 360), .7, .6), grad_dir=rng.choice(["v", "h", "d"]),
            split_dir=rng.choice(["diag", "h"]), disc=(255, 255, 255), word=(text_hint or "乐享")[:4])
        if layout == "disc":
            spec["col"] = c if not dark else (250, 250, 250)
            spec["disc"] = (255, 255, 255) if not dark else (40, 40, 40)
        img, emb = draw_icon(spec)
        if not is_near_protected(ctx, img):
            return img, {"motif": kind, "layout": layout, "tries": t + 1}
    raise RuntimeError("could not draw a distinct generic icon")


def is_near_protected(ctx, img, hash_min=NEG_HASH_MIN, thumb_min=NEG_THUMB_MIN):
    s = sig(img)
    for _, o in ctx.prot_sigs:
        hd, td = sig_distance(s, o)
        if hd < hash_min or td < thumb_min:
            return True
    return False


# ------------------------------------------------------------------ protected apps
def build_protected(ctx):
    rng = ctx.sub("protected")
    os.makedirs(os.path.join(OUT, "icons", "p"), exist_ok=True)
    emblem_cycle = []
    layouts_cycle = []
    n_designs = sum(len(i["apps"]) for i in data.INSTITUTIONS)
    while len(emblem_cycle) < n_designs + 40:
        e = list(drawing.EMBLEMS)
        rng.shuffle(e)
        emblem_cycle += e
        lay = list(drawing.LAYOUTS)
        rng.shuffle(lay)
        layouts_cycle += lay
    colours = list(BRAND_COLOURS)
    k = 0
    for inst in data.INSTITUTIONS:
        code = inst["code"]
        ctx.official_devs.add(inst["dev"])
        inst_col = rng.choice(colours)
        chars = "".join(dict.fromkeys(c for c in inst["keywords"][0] if c not in "银行中国保险证券"))
        initials = "".join(data.PINYIN.get(c, "x")[0] for c in inst["keywords"][0]).upper()
        main_icon = None
        for ai, (key, app_names, flags) in enumerate(inst["apps"]):
            app_id = f"{code}-{key}"
            # ---- icon
            if "share" in flags:
                icon_rel = main_icon
                ctx.icon_of[app_id] = ctx.icon_of[f"{code}-{inst['apps'][0][0]}"]
                shared = True
            else:
                shared = False
                for _t in range(200):
                    kind = emblem_cycle[k % len(emblem_cycle)]
                    layout = layouts_cycle[k % len(layouts_cycle)]
                    k += 1
                    col = inst_col if ai == 0 else rng.choice(colours)
                    p = drawing.random_emblem_params(kind, rng, chars or inst["inst"][:2])
                    if kind == "latin":
                        p["text"] = rng.choice([initials[:2], initials, code.upper()[:4]]) if ai == 0 else \
                            "".join(data.PINYIN.get(c, "x")[0] for c in app_names[0][:3]).upper()
                    light = layout in ("white", "emblem_word", "frame")
                    c2 = rng.choice([(250, 200, 40), (255, 255, 255), hsv(rng.uniform(0, 360), .7, .9)])
                    spec = dict(emblem=kind, eparams=p, layout=layout,
                                col=col if light else (255, 255, 255), col2=c2 if c2 != (255, 255, 255) or light
                                else (250, 200, 40),
                                bgcol=(255, 255, 255) if light else col,
                                grad2=tuple(int(x * .6) for x in col), grad_dir=rng.choice(["v", "d"]),
                                split_dir=rng.choice(["diag", "h"]), disc=(255, 255, 255),
                                word=app_names[0][:4] if len(app_names[0]) <= 4 else inst["keywords"][0][:4])
                    if layout == "disc":
                        spec["col"] = col
                    if light and spec["col2"] == (255, 255, 255):
                        spec["col2"] = col
                    img, emb = draw_icon(spec)
                    s = sig(img)
                    near = [sig_distance(s, o) for _, o in ctx.prot_sigs]
                    if all(hd >= PROT_HASH_MIN and td >= PROT_THUMB_MIN for hd, td in near):
                        break
                else:
                    raise RuntimeError("no distinct protected icon for " + app_id)
                if kind in ("glyph", "shield"):
                    ctx.prot_glyphs.add(p["char"])
                if kind == "latin":
                    ctx.prot_latin.add(p["text"])
                icon_rel = f"p/{app_id}.png"
                img.save(os.path.join(OUT, "icons", icon_rel), "PNG")
                ctx.prot_sigs.append((app_id, s))
                ctx.icon_of[app_id] = (img, emb, spec["bgcol"])
                if ai == 0:
                    main_icon = icon_rel
            # ---- ids
            suffix = rng.choice(["mbank", "mobilebank", "pbank", "client", "phonebank"]) if key == "main" else key
            dom = rng.choice(["com", "com", "cn.com"])
            android = [f"{dom}.{code}.{suffix}"]
            if rng.random() < .2:
                android.append(f"com.{code}{key}.android")
            ios = f"com.{code}.{suffix}.ios" if rng.random() < .5 else f"cn.{code}.{suffix.capitalize()}"
            has_ios = rng.random() < .8
            has_hm = rng.random() < .35
            hm = f"com.{code}.{suffix}.hmos"
            certs = [hexs(rng, 64) for _ in range(1 if rng.random() < .7 else 2)]
            hm_cert = hexs(rng, 64) if has_hm else None
            pkg_ids = list(android) + ([ios] if has_ios else []) + ([hm] if has_hm else [])
            mini = {}
            if "mini" in flags:
                mini = {"wx": new_wx(rng), "ali": new_ali(rng), "gh": new_gh(rng)}
                pkg_ids += [mini["wx"], mini["ali"], mini["gh"]]
            all_certs = certs + ([hm_cert] if hm_cert else [])
            rec = {"app_id": app_id, "institution": inst["inst"], "names": list(app_names),
                   "brand_keywords": list(inst["keywords"]), "package_ids": pkg_ids, "developers": [inst["dev"]],
                   "cert_sha256": [fmt_cert(c, rng, (.8, .1, .1, 0))[0] for c in all_certs], "icon": icon_rel}
            ctx.protected.append(rec)
            ctx.prot_pkgs += [p for p in pkg_ids]
            ctx.prot_certs.update(all_certs)
            ctx.apps[app_id] = dict(rec=rec, inst=inst, key=key, android=android, ios=ios if has_ios else None,
                                    hm=hm if has_hm else None, certs=certs, hm_cert=hm_cert, mini=mini,
                                    icon=icon_rel, shared=shared, main=(ai == 0))
    # sanity: cross-institution keyword overlaps in protected names (warn only)
    for a in ctx.protected:
        for b in ctx.protected:
            if a["institution"] == b["institution"]:
                continue
            for kw in b["brand_keywords"]:
                for nm in a["names"]:
                    assert N.norm(kw) not in N.norm(nm), (kw, nm)


def inst_apps(ctx, inst_name):
    return [a for a, v in ctx.apps.items() if v["inst"]["inst"] == inst_name]


def sharers(ctx, app_id):
    f = ctx.apps[app_id]["icon"]
    return [a for a, v in ctx.apps.items() if v["icon"] == f]


def inst_level_name(ctx, app_id, base):
    info = ctx.apps[app_id]
    inst = info["inst"]
    main_id = f"{inst['code']}-{inst['apps'][0][0]}"
    nb = N.norm(base)
    if any(N.norm(k) in nb for k in inst["keywords"]):
        return True
    return any(N.norm(n) == nb for n in ctx.apps[main_id]["rec"]["names"])


def all_protected_terms(ctx):
    terms = set()
    for r in ctx.protected:
        terms.update(N.norm(x) for x in r["names"] + r["brand_keywords"])
    return sorted(terms)


def assert_no_protected_term(ctx, name):
    nn = N.norm(name)
    for t in ctx.prot_terms:
        assert t not in nn, f"negative/generic name {name!r} contains protected term {t!r}"


# ------------------------------------------------------------------ listing helpers
def add(ctx, rec, label, pair=None):
    rec = {k: v for k, v in rec.items()}
    ctx.listings.append(rec)
    ctx.labels.append(label)
    if pair is not None:
        ctx.sheet_pairs.append((len(ctx.listings) - 1, pair))


def base_listing(ctx, rng, source, name, pkg, dev, cert, icon):
    rec = {"listing_id": None, "source": source, "name": name, "package_id": pkg, "developer": dev,
           "cert_sha256": cert, "icon": icon, "url": url(source, rng), "first_seen": date(rng)}
    if rng.random() < .3:
        rec["changed_at"] = date(rng, 2025)
    return rec


def counterfeit_label(ctx, case, target, accept, params):
    return {"listing_id": None, "expected": "counterfeit", "case": case, "target_app_id": target,
            "accept_app_ids": sorted(set(accept)), "target_institution": ctx.apps[target]["inst"]["inst"],
            "params": params}


def none_label(case, params, inst=None, app=None):
    return {"listing_id": None, "expected": "none", "case": case, "target_app_id": app, "accept_app_ids": [],
            "target_institution": inst, "params": params}


def edit_ctx(ctx, app_id, label=None, rng=None):
    img, emb, bgcol = ctx.icon_of[app_id]
    pool = [ctx.generic_pool[i] for i in range(len(ctx.generic_pool))]
    return {"emblem": emb, "bgcol": bgcol, "label": label, "pool": pool}


def icon_for_other_case(ctx, rng, app_id, modes=(("official", 25), ("light", 25), ("avatar", 15),
                                                   ("generic", 25), ("none", 10))):
    """Icon of a name/package/developer counterfeit.  Returns (icon path or None, params, uses_official)."""
    mode = rng.choices([m for m, _ in modes], [w for _, w in modes])[0]
    img = ctx.icon_of[app_id][0]
    if mode == "official":
        return ctx.apps[app_id]["icon"], {"icon_mode": mode}, True
    if mode == "light":
        k = rng.choice(deform.LIGHT_EDITS)
        out, p = deform.EDITS[k](img, rng, edit_ctx(ctx, app_id))
        path, fp = save_listing_icon(ctx, out, rng)
        return path, {"icon_mode": mode, "icon_edit": k, "icon_params": p, **fp}, True
    if mode == "avatar":
        path, fp = save_listing_icon(ctx, circle_avatar(img, 132), rng, fmt="png", size=132)
        return path, {"icon_mode": mode, **fp}, True
    if mode == "generic":
        g, gp = generic_icon(ctx, rng, bank_style=rng.random() < .5)
        path, fp = save_listing_icon(ctx, g, rng)
        return path, {"icon_mode": mode, "generic": gp, **fp}, False
    return None, {"icon_mode": "none"}, False


def pick_source(rng, weights=(("android", 60), ("download", 15), ("ios", 15), ("harmony", 10))):
    k = rng.choices([a for a, _ in weights], [w for _, w in weights])[0]
    if k == "android":
        return rng.choice(ANDROID)
    if k == "download":
        return rng.choice(DOWNLOAD)
    if k == "ios":
        return IOS
    return HARMONY


class Cycler:
    """Round-robin over a shuffled list, reshuffled each pass (spreads targets over apps)."""

    def __init__(self, items, rng):
        self.items, self.rng, self.q = list(items), rng, []

    def next(self):
        if not self.q:
            self.q = list(self.items)
            self.rng.shuffle(self.q)
        return self.q.pop()


# ------------------------------------------------------------------ counterfeits
def build_icon_only(ctx):
    rng = ctx.sub("icon_only")
    targets = Cycler(sorted(ctx.apps), rng)
    plan = [(c, None) for c in ICON_CASES for _ in range(ICON_PER_CASE)]
    plan += [("icon_combo2", 2)] * COMBO2 + [("icon_combo3", 3)] * COMBO3
    for case, n in plan:
        name = rng.choice(data.GENERIC_NAMES)
        assert_no_protected_term(ctx, name)
        for _attempt in range(30):
            app_id = targets.next()
            img = ctx.icon_of[app_id][0]
            ectx = edit_ctx(ctx, app_id, label=name)
            if n:
                out, p = deform.combo(img, rng, ectx, n)
            else:
                out, p = deform.EDITS[case](img, rng, ectx)
            # the edit must visibly change the icon (mirror of a symmetric icon, hue of a grey one: retry)
            if edit_effect(img, out) >= 6.0:
                break
        else:
            raise RuntimeError("no visible edit for " + case)
        lossy = case in ("icon_photo", "icon_rescale_jpeg", "icon_screenshot") or (
            n and any(s["edit"] == "icon_rescale_jpeg" for s in p["steps"]))
        size = out.size[0] if lossy else None
        path, fp = save_listing_icon(ctx, out, rng, fmt="png" if lossy else None, size=size)
        source = pick_source(rng, (("android", 65), ("download", 20), ("ios", 10), ("harmony", 5)))
        cert = new_cert(ctx, rng) if source in SIGNING else None
        dev = new_dev(ctx, rng) if rng.random() < .85 else None
        rec = base_listing(ctx, rng, source, name, new_pkg(ctx, rng), dev, cert, path)
        label = counterfeit_label(ctx, case, app_id, sharers(ctx, app_id),
                                  {"edit": p, "signal": "icon", **fp})
        add(ctx, rec, label, pair=(ctx.apps[app_id]["icon"], path))


def edit_effect(a, b):
    x = np.asarray(a.convert("RGB").resize((64, 64), Image.LANCZOS)).astype(np.float32)
    y = np.asarray(b.convert("RGB").resize((64, 64), Image.LANCZOS)).astype(np.float32)
    return float(np.abs(x - y).mean())


def pick_base(ctx, rng, app_id, pred=None, allow_kw=True):
    info = ctx.apps[app_id]
    cands = list(info["rec"]["names"]) + (list(info["inst"]["keywords"]) if allow_kw and info["main"] else [])
    cands = [c for c in cands if pred is None or pred(c)]
    return rng.choice(cands) if cands else None


def build_other(ctx):
    rng = ctx.sub("other")
    targets = Cycler(sorted(ctx.apps), rng)
    for case in OTHER_CASES:
        made = 0
        guard = 0
        while made < OTHER_PER_CASE:
            guard += 1
            assert guard < 500, case
            app_id = targets.next()
            info = ctx.apps[app_id]
            inst = info["inst"]
            params = {}
            accept = [app_id]
            src_weights = (("android", 60), ("download", 15), ("ios", 15), ("harmony", 10))
            pkg = dev = cert = None
            name = None
            inst_level = False
            if case in N.DISGUISES:
                fn = N.DISGUISES[case]
                base = pick_base(ctx, rng, app_id,
                                 pred=(lambda c, case=case: not c.isascii() and (case != "name_pinyin" or len(c) <= 6))
                                 if case != "name_spaced" else None)
                if base is None:
                    continue
                r = fn(base, rng)
                if r is None:
                    # try the other names of the app / institution keywords
                    opts = [b for b in info["rec"]["names"] + inst["keywords"] if fn(b, random.Random(0)) and len(b) <= 8]
                    if not opts:
                        continue
                    base = rng.choice(opts)
                    r = fn(base, rng)
                name, dp = r
                params.update(base=base, disguise=dp)
                inst_level = inst_level_name(ctx, app_id, base)
            elif case == "name_abbrev":
                abbrs = [k for k in inst["keywords"] if (len(k) <= 2 and not k.isascii()) or (k.isascii() and
                                                                                             k.isupper())]
                if not abbrs:
                    continue
                ab = rng.choice(abbrs)
                lw = rng.choice(data.LOAN_WORDS)
                name = ab + lw
                if rng.random() < .3:
                    name += rng.choice(["-极速到账", "官方", "（新版）", ""])
                params.update(abbrev=ab, loan_word=lw)
                inst_level = True
            elif case in ("name_mini_program", "name_official_account"):
                base = pick_base(ctx, rng, app_id, pred=lambda c: not c.isascii())
                suf = rng.choice(data.MINI_SUFFIX if case == "name_mini_program" else
                                 ["服务号", "信用卡中心", "客服", "福利", "理财", "贷款服务", "会员中心"])
                name = base + suf
                if rng.random() < .3:
                    k2 = rng.choice(["name_emoji", "name_spaced", "name_homophone", "name_suffix"])
                    r2 = N.DISGUISES[k2](name, rng)
                    if r2:
                        name = r2[0]
                        params["disguise"] = {"kind": k2, **r2[1]}
                params.update(base=base, suffix=suf)
                inst_level = inst_level_name(ctx, app_id, base)
            elif case in ("pkg_typo", "pkg_extra"):
                op = info["android"][0]
                if case == "pkg_typo":
                    pkg, tp = pkg_typo(ctx, rng, op)
                else:
                    pkg, tp = pkg_extra(ctx, rng, op)
                if pkg is None:
                    continue
                params.update(official_package=op, **tp)
                name = rng.choice(data.PKG_DEV_NAMES + data.GENERIC_NAMES)
                src_weights = (("android", 75), ("download", 25))
            elif case == "dev_foreign_cert":
                dev = inst["dev"]
                name = rng.choice(data.PKG_DEV_NAMES + data.GENERIC_NAMES)
                src_weights = (("android", 70), ("download", 20), ("harmony", 10))
                params.update(developer="official")
                inst_level = True   # the official developer name is shared by all apps of the institution
            elif case == "repack":
                pkg = rng.choice(info["android"])
                style = rng.choice(["name", "name", "title"])
                base = rng.choice(info["rec"]["names"])
                name = base if style == "name" else store_title(rng, base, data.title_kind(inst["inst"], base, info["key"]))
                dk = rng.choice(["official", "official", "none", "other"])
                dev = inst["dev"] if dk == "official" else (None if dk == "none" else new_dev(ctx, rng))
                src_weights = (("android", 60), ("download", 40))
                params.update(name_style=style, base=base, developer=dk)
                inst_level = inst_level_name(ctx, app_id, base) or dk == "official"
            if case == "name_mini_program":
                source = rng.choice([WXMINI, ALIMINI])
                pkg = new_wx(rng) if source == WXMINI else new_ali(rng)
                dev = new_dev(ctx, rng) if rng.random() < .7 else None
                icon, ip, uses = icon_for_other_case(ctx, rng, app_id, (("avatar", 50), ("generic_avatar", 0),
                                                                         ("generic", 35), ("none", 15)))
            elif case == "name_official_account":
                source = WXOA
                pkg = new_gh(rng)
                dev = new_dev(ctx, rng) if rng.random() < .6 else None
                icon, ip, uses = icon_for_other_case(ctx, rng, app_id, (("avatar", 50), ("generic", 35),
                                                                         ("none", 15)))
            else:
                source = pick_source(rng, src_weights)
                if pkg is None:
                    pkg = new_pkg(ctx, rng) if source != IOS else f"com.{rng.choice(data.PKG_ORGS)}." \
                        f"{rng.choice(data.PKG_WORDS)}{rng.randint(1, 99)}"
                if case != "dev_foreign_cert" and case != "repack":
                    dev = new_dev(ctx, rng) if rng.random() < .8 else None
                cert = new_cert(ctx, rng) if source in SIGNING else None
                if case == "repack":
                    icon, ip, uses = icon_for_other_case(ctx, rng, app_id, (("official", 50), ("light", 30),
                                                                             ("avatar", 0), ("generic", 10),
                                                                             ("none", 10)))
                elif case == "dev_foreign_cert":
                    icon, ip, uses = icon_for_other_case(ctx, rng, app_id, (("official", 10), ("light", 10),
                                                                             ("generic", 55), ("none", 25)))
                else:
                    icon, ip, uses = icon_for_other_case(ctx, rng, app_id)
            if case in ("pkg_typo", "pkg_extra", "dev_foreign_cert"):
                assert_no_protected_term(ctx, name)
            params.update(ip)
            accept = [app_id]
            if uses:
                accept += sharers(ctx, app_id)
            if inst_level:
                accept += inst_apps(ctx, inst["inst"])
            params["institution_level"] = inst_level
            rec = base_listing(ctx, rng, source, name, pkg, dev, cert, icon)
            if rec["source"] in SIGNING:
                assert rec["cert_sha256"] and rec["cert_sha256"] not in ctx.prot_certs
            add(ctx, rec, counterfeit_label(ctx, case, app_id, accept, params),
                pair=(info["icon"], icon) if icon else None)
            made += 1


def pkg_typo(ctx, rng, op):
    segs = op.split(".")
    for _ in range(50):
        si = rng.randrange(1, len(segs))
        s = segs[si]
        i = rng.randrange(len(s))
        kind = rng.choice(["sub", "del", "ins", "look"])
        if kind == "sub":
            t = s[:i] + rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != s[i]]) + s[i + 1:]
        elif kind == "del" and len(s) > 2:
            t = s[:i] + s[i + 1:]
        elif kind == "ins":
            t = s[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") + s[i:]
        elif kind == "look" and any(c in "lo" for c in s):
            j = rng.choice([k for k, c in enumerate(s) if c in "lo"])
            t = s[:j] + {"l": "1", "o": "0"}[s[j]] + s[j + 1:]
        else:
            continue
        p = ".".join(segs[:si] + [t] + segs[si + 1:])
        if p not in ctx.prot_pkgs and lev(p, op) == 1:
            return p, {"edit": kind, "segment": si}
    return None, {}


def pkg_extra(ctx, rng, op):
    kind = rng.choice(["append", "append", "prefix", "insert"])
    seg = rng.choice(["lite", "hd", "plus", "new", "vip", "pro", "free", "update", "loan", "safe"])
    if kind == "append":
        p = f"{op}.{seg}"
    elif kind == "prefix":
        p = f"{rng.choice(['app', 'apk', 'cn', 'top', 'vip'])}.{op}"
    else:
        s = op.split(".")
        s.insert(len(s) - 1, seg)
        p = ".".join(s)
    if p in ctx.prot_pkgs:
        return None, {}
    return p, {"extra": kind, "segment": seg}


# ------------------------------------------------------------------ negatives
def store_title(rng, name, kind="bank"):
    return f"{name}-{rng.choice(data.TITLE_DESCRIPTORS[kind])}"


def official_icon(ctx, rng, app_id, allow_none=True, festive=True):
    r = rng.random()
    img = ctx.icon_of[app_id][0]
    if allow_none and r < .08:
        return None, {"icon": "none"}
    if r < .45:
        return ctx.apps[app_id]["icon"], {"icon": "official_file"}
    if r < .85 or not festive:
        s = rng.choice([512, 216, 192, 144, 114])
        fmt = rng.choice(["png", "jpg"])
        path, fp = save_listing_icon(ctx, img, rng, fmt=fmt, size=s, quality=rng.randint(85, 95))
        return path, {"icon": "store_resized", **fp}
    out, p = festive_edition(img, rng)
    path, fp = save_listing_icon(ctx, out, rng, fmt="png")
    return path, {"icon": "festive", "festive": p, **fp}


def festive_edition(img, rng):
    S = img.size[0]
    kind = rng.choice(["ring", "corner_fu", "top_band"])
    out = img.copy()
    d = ImageDraw.Draw(out)
    if kind == "ring":
        w = int(S * .045)
        d.rectangle([0, 0, S - 1, S - 1], outline=(200, 20, 20), width=w)
        d.rectangle([w, w, S - 1 - w, S - 1 - w], outline=(245, 200, 60), width=max(2, w // 3))
        p = {}
    elif kind == "corner_fu":
        r = S * .15
        x, y = S - r - S * .03, r + S * .03
        d.regular_polygon((x, y, r), 4, rotation=45, fill=(215, 25, 25))
        drawing.draw_text_center(d, x, y, "福", r * 1.05, (250, 215, 80))
        p = {}
    else:
        h = int(S * .16)
        d.rectangle([0, 0, S, h], fill=(210, 25, 25))
        drawing.draw_text_center(d, S / 2, h / 2, rng.choice(["新春快乐", "周年庆", "欢度国庆"]), h * .62,
                                 (250, 215, 80))
        p = {}
    return out, dict(p, kind=kind)


def build_officials(ctx):
    rng = ctx.sub("officials")
    for app_id in sorted(ctx.apps):
        info = ctx.apps[app_id]
        rec = info["rec"]
        inst = info["inst"]
        plan = [("official_android", rng.choice(ANDROID))]
        if rng.random() < .3:
            plan.append(("official_android", rng.choice(ANDROID)))
        if rng.random() < .2:
            plan.append(("official_download_site", rng.choice(DOWNLOAD)))
        if info["ios"] and rng.random() < .6:
            plan.append(("official_ios", IOS))
        if info["hm"] and rng.random() < .8:
            plan.append(("official_harmony", HARMONY))
        if info["mini"]:
            plan += [("official_wx_mini", WXMINI), ("official_ali_mini", ALIMINI), ("official_oa", WXOA)]
            if rng.random() < .3:
                plan.pop(rng.randrange(len(plan) - 3, len(plan)))
        for case, source in plan:
            params = {}
            mini_case = case in ("official_wx_mini", "official_ali_mini", "official_oa")
            base = rng.choice([x for x in rec["names"] if not (mini_case and "App" in x)] or rec["names"])
            title_style = rng.choice(["name", "name", "title"])
            name = store_title(rng, base, data.title_kind(inst["inst"], base, info["key"])) if title_style == "title" and case not in (
                "official_wx_mini", "official_ali_mini", "official_oa") else base
            dev = inst["dev"] if rng.random() < .85 else None
            cert = None
            if case in ("official_android", "official_download_site"):
                pkg = rng.choice(info["android"])
                c = rng.choice(info["certs"])
                cert, cf = fmt_cert(c, rng)
                params["cert_format"] = cf
            elif case == "official_harmony":
                pkg = info["hm"]
                cert, cf = fmt_cert(info["hm_cert"], rng)
                params["cert_format"] = cf
            elif case == "official_ios":
                pkg = info["ios"]
            else:
                pkg = info["mini"][{"official_wx_mini": "wx", "official_ali_mini": "ali", "official_oa": "gh"}[case]]
            if case in ("official_wx_mini", "official_ali_mini", "official_oa"):
                if rng.random() < .12:
                    icon, ip = None, {"icon": "none"}
                else:
                    av = circle_avatar(ctx.icon_of[app_id][0], rng.choice([96, 132, 200]))
                    icon, fp = save_listing_icon(ctx, av, rng, fmt="png", size=av.size[0])
                    ip = {"icon": "circular_avatar", **fp}
                if case == "official_oa" and rng.random() < .4:
                    name = base + rng.choice(["", "服务号", "信用卡"])
            else:
                icon, ip = official_icon(ctx, rng, app_id)
            params.update(title_style=title_style, developer="official" if dev else "missing", **ip)
            r = base_listing(ctx, rng, source, name, pkg, dev, cert, icon)
            add(ctx, r, none_label(case, params, inst["inst"], app_id),
                pair=(info["icon"], icon) if icon else None)


def build_unprotected(ctx):
    rng = ctx.sub("unprotected")
    for inst_name, app_name, kind in data.UNPROTECTED_FIN:
        assert_no_protected_term(ctx, app_name)
        assert_no_protected_term(ctx, inst_name)
        n = 1 if rng.random() < .8 else 2
        img, gp = generic_icon(ctx, rng, bank_style=True, text_hint=app_name[:2])
        # draws kept (value unused) so the random stream, and thus the output, stays unchanged
        rng.choice(data.PKG_ORGS)
        hexs(rng, 2)
        while True:
            pkg_a = new_pkg(ctx, rng).rsplit(".", 1)[0] + "." + rng.choice(["bank", "mbank", "app", "client"])
            if pkg_a not in ctx.used_pkgs and all(lev(pkg_a, q) > 2 for q in ctx.prot_pkgs):
                break
        ctx.used_pkgs.add(pkg_a)
        certs = new_cert(ctx, rng)
        dev = inst_name + ("股份有限公司" if inst_name.endswith(("银行", "保险", "人寿", "证券", "基金")) else "有限公司")
        assert dev not in ctx.official_devs
        icon_path, fp = save_listing_icon(ctx, img, rng, fmt="png", size=256)
        for _i in range(n):
            source = pick_source(rng, (("android", 70), ("ios", 20), ("harmony", 10)))
            pkg = pkg_a if source != IOS else pkg_a + ".ios"
            cert = fmt_cert(certs, rng)[0] if source in SIGNING else None
            tk = {"bank": "bank", "bank_resembling": data.title_kind(inst_name, app_name), "insurer": "insurer",
                  "securities": "securities", "payment": "payment"}[kind]
            name = app_name if rng.random() < .6 else store_title(rng, app_name, tk)
            assert_no_protected_term(ctx, name)
            r = base_listing(ctx, rng, source, name, pkg, dev, cert, icon_path)
            case = {"bank": "unprotected_bank", "bank_resembling": "unprotected_resembling",
                    "insurer": "unprotected_insurer", "securities": "unprotected_securities",
                    "payment": "unprotected_payment"}[kind]
            add(ctx, r, none_label(case, {"icon": gp, **fp}, inst_name, None))
            ctx.neg_icons.append((len(ctx.listings) - 1, icon_path, img))


def build_ordinary(ctx):
    rng = ctx.sub("ordinary")
    plan = [("finance_tool", n) for n in data.FINANCE_TOOLS] + \
           [("finance_tool", n) for n in rng.sample(data.FINANCE_TOOLS, 6)]
    names = list(data.ORDINARY_APPS)
    rng.shuffle(names)
    for i, n in enumerate(names):
        plan.append((["ordinary_app", "ordinary_bank_style", "ordinary_badged"][i % 3], n))
    plan += [("ordinary_app", n) for n in rng.sample(data.ORDINARY_APPS, 8)]
    minis = ["快递查询", "停车缴费", "核酸记录", "电子发票", "共享单车", "奶茶点单", "社区团购", "公交乘车码", "城市服务",
             "医院挂号", "违章查询", "生活缴费助手"]
    plan += [("ordinary_mini", n) for n in minis]
    for case, name in plan:
        assert_no_protected_term(ctx, name)
        params = {}
        bank_style = case in ("ordinary_bank_style", "ordinary_badged") or (case == "finance_tool" and
                                                                           rng.random() < .5)
        img, gp = generic_icon(ctx, rng, bank_style=bank_style, text_hint=name[:2])
        params["icon"] = gp
        if case == "ordinary_badged" or (case == "finance_tool" and rng.random() < .2):
            k = rng.choice(["icon_badge", "icon_ribbon", "icon_band_bottom", "icon_band_top", "icon_stamp"])
            for _ in range(20):
                out, p = deform.EDITS[k](img, rng, {})
                if not is_near_protected(ctx, out):
                    break
            else:
                raise RuntimeError("badged ordinary icon too close")
            img = out
            params["overlay"] = {"edit": k, **p}
        if case == "ordinary_mini":
            source = rng.choice([WXMINI, ALIMINI, WXOA])
            pkg = {WXMINI: new_wx, ALIMINI: new_ali, WXOA: new_gh}[source](rng)
            cert = None
            img = circle_avatar(img, 132)
        else:
            source = pick_source(rng, (("android", 65), ("download", 10), ("ios", 20), ("harmony", 5)))
            pkg = new_pkg(ctx, rng)
            cert = new_cert(ctx, rng) if source in SIGNING else None
        dev = new_dev(ctx, rng) if rng.random() < .9 else None
        icon = None
        if rng.random() > .04:
            icon, fp = save_listing_icon(ctx, img, rng)
            params.update(fp)
        r = base_listing(ctx, rng, source, name, pkg, dev, cert, icon)
        add(ctx, r, none_label(case, params))
        if icon:
            ctx.neg_icons.append((len(ctx.listings) - 1, icon, img))


# ------------------------------------------------------------------ build / verify
def digest(root):
    h = hashlib.sha256()
    files = []
    for dp, _, fs in os.walk(root):
        for f in fs:
            files.append(os.path.relpath(os.path.join(dp, f), root).replace(os.sep, "/"))
    for rel in sorted(files):
        with open(os.path.join(root, rel), "rb") as fh:
            h.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(fh.read()).hexdigest().encode())
    return h.hexdigest(), len(files)


def build():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(OUT, "icons", "l"))
    ctx = Ctx()
    build_protected(ctx)
    ctx.prot_terms = all_protected_terms(ctx)
    prng = ctx.sub("pool")
    ctx.generic_pool = [generic_icon(ctx, prng)[0] for _ in range(10)]
    build_icon_only(ctx)
    build_other(ctx)
    build_officials(ctx)
    build_unprotected(ctx)
    build_ordinary(ctx)
    # shuffle and number
    order = list(range(len(ctx.listings)))
    ctx.sub("shuffle").shuffle(order)
    listings, labels = [], []
    remap = {}
    for n, i in enumerate(order, 1):
        lid = f"s18-{n:04d}"
        remap[i] = n - 1
        rec = dict(ctx.listings[i], listing_id=lid)
        rec = {k: v for k, v in rec.items() if not (k == "changed_at" and v is None)}
        lab = dict(ctx.labels[i], listing_id=lid)
        listings.append(rec)
        labels.append(lab)
    ctx.final_listings, ctx.final_labels, ctx.remap = listings, labels, remap
    verify(ctx)
    with open(os.path.join(OUT, "protected.jsonl"), "w", encoding="utf-8") as f:
        for r in ctx.protected:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    with open(os.path.join(OUT, "listings.jsonl"), "w", encoding="utf-8") as f:
        for r in listings:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for r in labels:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return ctx


def verify(ctx):
    with open(os.path.join(SCHEMA_DIR, "protected.schema.json")) as f:
        ps = json.load(f)
    with open(os.path.join(SCHEMA_DIR, "listing.schema.json")) as f:
        ls = json.load(f)
    pv = jsonschema.Draft202012Validator(ps)
    lv = jsonschema.Draft202012Validator(ls)
    ids = set()
    for r in ctx.protected:
        errs = list(pv.iter_errors(r))
        assert not errs, (r["app_id"], errs[0].message)
        assert r["app_id"] not in ids
        ids.add(r["app_id"])
        assert os.path.exists(os.path.join(OUT, "icons", r["icon"]))
    by_pkg = collections.defaultdict(list)
    for r in ctx.protected:
        for p in r["package_ids"]:
            by_pkg[p].append(r["app_id"])
    assert all(len(v) == 1 for v in by_pkg.values()), "package id shared between protected apps"
    certs_of = {r["app_id"]: {c.replace(":", "").lower() for c in r["cert_sha256"]} for r in ctx.protected}
    for rec, lab in zip(ctx.final_listings, ctx.final_labels, strict=True):
        errs = list(lv.iter_errors(rec))
        assert not errs, (rec["listing_id"], errs[0].message)
        assert "icon_phash" not in rec and "icon_hashes" not in rec
        assert rec["listing_id"] == lab["listing_id"]
        if rec.get("icon"):
            assert os.path.exists(os.path.join(OUT, "icons", rec["icon"])), rec["icon"]
        pkg = rec.get("package_id")
        cert = (rec.get("cert_sha256") or "").replace(":", "").lower()
        owners = by_pkg.get(pkg, [])
        # officiality per the labelling rules
        official = False
        for a in owners:
            if rec["source"] in SIGNING:
                official = official or cert in certs_of[a]
            else:
                official = True
        if lab["case"].startswith("official_"):
            assert official and lab["expected"] == "none", rec
        else:
            assert not official, rec
        if lab["expected"] == "counterfeit":
            assert lab["target_app_id"] in lab["accept_app_ids"]
            assert all(a in ids for a in lab["accept_app_ids"])
        else:
            assert lab["accept_app_ids"] == []
        if lab["expected"] == "none" and not lab["case"].startswith("official_"):
            assert_no_protected_term(ctx, rec["name"])
            if rec.get("developer"):
                assert_no_protected_term(ctx, rec["developer"])
            assert rec.get("developer") not in ctx.official_devs
            assert all(lev(pkg, q) > 1 for q in ctx.prot_pkgs), pkg
            assert rec.get("icon") is None or rec["icon"].startswith("l/")


# ------------------------------------------------------------------ contact sheets
def sheet(ctx):
    os.makedirs(SHEETS, exist_ok=True)
    for f in os.listdir(SHEETS):
        os.remove(os.path.join(SHEETS, f))
    T = 112
    f_small = drawing.font(11)

    def load(rel):
        return Image.open(os.path.join(OUT, "icons", rel)).convert("RGB").resize((T, T), Image.LANCZOS)

    # protected
    cols = 10
    rows = (len(ctx.protected) + cols - 1) // cols
    im = Image.new("RGB", (cols * (T + 8), rows * (T + 34)), (200, 200, 200))
    d = ImageDraw.Draw(im)
    for i, r in enumerate(ctx.protected):
        x, y = (i % cols) * (T + 8), (i // cols) * (T + 34)
        im.paste(load(r["icon"]), (x + 4, y + 4))
        d.text((x + 4, y + T + 6), r["app_id"], fill=(0, 0, 0), font=f_small)
        d.text((x + 4, y + T + 19), r["names"][0][:9], fill=(0, 0, 0), font=f_small)
    im.save(os.path.join(SHEETS, "protected.png"))
    # pairs (official | listing), grouped by case
    pairs = []
    for i, (orig, lst) in ctx.sheet_pairs:
        lab = ctx.final_labels[ctx.remap[i]]
        pairs.append((lab["expected"], lab["case"], lab["listing_id"], orig, lst))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    per = 48
    cols = 6
    for pg in range(0, len(pairs), per):
        chunk = pairs[pg:pg + per]
        rows = (len(chunk) + cols - 1) // cols
        im = Image.new("RGB", (cols * (2 * T + 14), rows * (T + 22)), (200, 200, 200))
        d = ImageDraw.Draw(im)
        for j, (exp, case, lid, orig, lst) in enumerate(chunk):
            x, y = (j % cols) * (2 * T + 14), (j // cols) * (T + 22)
            im.paste(load(orig), (x + 4, y + 2))
            im.paste(load(lst), (x + T + 6, y + 2))
            d.text((x + 4, y + T + 4), f"{lid} {case}"[:34], fill=(150, 0, 0) if exp == "counterfeit" else (0, 90, 0),
                   font=f_small)
        im.save(os.path.join(SHEETS, f"pairs_{pg // per + 1:02d}.png"))
    # negatives next to their nearest protected icon (own signature)
    prot_img = {a: Image.open(os.path.join(OUT, "icons", ctx.apps[a]["icon"])).convert("RGB") for a, _ in ctx.prot_sigs}
    rows_ = []
    for i, rel, img in ctx.neg_icons:
        s = sig(img)
        best = drawing.nearest(s, ctx.prot_sigs)
        rows_.append((best[0], best[1], rel, best[2], ctx.final_labels[ctx.remap[i]]["listing_id"]))
    rows_.sort()
    for pg in range(0, len(rows_), per):
        chunk = rows_[pg:pg + per]
        rows = (len(chunk) + cols - 1) // cols
        im = Image.new("RGB", (cols * (2 * T + 14), rows * (T + 22)), (200, 200, 200))
        d = ImageDraw.Draw(im)
        for j, (hd, td, rel, a, lid) in enumerate(chunk):
            x, y = (j % cols) * (2 * T + 14), (j // cols) * (T + 22)
            im.paste(load(rel), (x + 4, y + 2))
            im.paste(prot_img[a].resize((T, T)), (x + T + 6, y + 2))
            d.text((x + 4, y + T + 4), f"{lid} h{hd} t{td:.0f} {a}"[:36], fill=(0, 0, 0), font=f_small)
        im.save(os.path.join(SHEETS, f"negatives_{pg // per + 1:02d}.png"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheet", action="store_true", help="also write contact sheets to sheets/")
    a = ap.parse_args()
    ctx = build()
    cnt = collections.Counter((lab["expected"], lab["case"]) for lab in ctx.final_labels)
    for (e, c), n in sorted(cnt.items()):
        print(f"{e:12s} {c:26s} {n}")
    tot = collections.Counter(lab["expected"] for lab in ctx.final_labels)
    print("protected apps", len(ctx.protected), "institutions", len({r["institution"] for r in ctx.protected}))
    print("listings", len(ctx.final_labels), dict(tot))
    dg, nf = digest(OUT)
    print("digest", dg, "files", nf)
    if a.sheet:
        sheet(ctx)


if __name__ == "__main__":
    main()
