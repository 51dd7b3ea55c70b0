#!/usr/bin/env python3
"""Build the holdout_s16 look-alike evaluation set (deterministic, seed 1616).

Run from the repository root:
    .venv/bin/python bench/lookalike/holdout_s16/make_set.py
Deletes and rewrites bench/lookalike/holdout_s16/out/ and the contact sheets next to this file.
Uses only Pillow, numpy and OpenCV (no code from the detector).
"""
import hashlib
import json
import os
import random
import shutil
import sys
import time
from collections import Counter, OrderedDict

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

import draw_s16 as D  # noqa: E402
from data_s16 import (CITIES, COMP_SUFFIX, COMP_WORDS, EN_DEVS, FIN_TOOLS, GENERIC_NAMES, HOMOPHONE,  # noqa: E402
                      NEUTRAL_NAMES, ORDINARY, OTHER_FI, OTHER_FI_PY, PKG_WORDS, PROTECTED, TRAD)

SEED = 1616
OUT = os.path.join(HERE, "out")
ICONS = os.path.join(OUT, "icons")

# ------------------------------------------------------------------ case plan (counts)
ICON_CASES = OrderedDict([
    ("shrink", 10), ("rotate", 10), ("corner_round", 9), ("badge", 10), ("ribbon", 9), ("band", 10),
    ("stamp", 9), ("hue", 9), ("recolour", 9), ("tone", 9), ("jpeg", 8), ("crop", 9), ("mirror", 9),
    ("perspective", 9), ("word_below", 9), ("frame", 9), ("noise_blur", 9), ("chain", 12),
])
NAME_CASES = OrderedDict([
    ("suffix", 14), ("emoji", 12), ("doubled", 12), ("homophone", 12), ("traditional", 12), ("pinyin", 12),
    ("miniprogram", 12), ("spaces", 12), ("keyword_generic", 12), ("dev_impersonation", 12),
])
PKG_CASES = OrderedDict([
    ("letter_change", 15), ("letter_added", 14), ("letter_swap", 13), ("letter_dropped", 12),
    ("extra_segment", 16),
])
NEG_COUNTS = dict(official_nocert=30, other_fi_total=95, finance_tool=55, ordinary=70, ordinary_decorated=40)

ANDROID_STORES = ["华为应用市场", "小米应用商店", "OPPO软件商店", "vivo应用商店", "应用宝", "360手机助手",
                  "百度手机助手", "豌豆荚", "酷安", "APK下载站"]
DOMAINS = {"华为应用市场": "appgallery.huawei.com", "小米应用商店": "app.mi.com", "OPPO软件商店": "store.oppo.com",
           "vivo应用商店": "app.vivo.com.cn", "应用宝": "sj.qq.com", "360手机助手": "zhushou.360.cn",
           "百度手机助手": "shouji.baidu.com", "豌豆荚": "www.wandoujia.com", "酷安": "www.coolapk.com",
           "APK下载站": "www.apk-down.example", "App Store": "apps.apple.com", "微信小程序": "mp.weixin.qq.com",
           "支付宝小程序": "render.alipay.com", "微信公众号": "mp.weixin.qq.com", "官网": "www.example-bank.cn"}
SUFFIXES = ["官方版", "极速版", "贷款", "福利", "助手", "Pro", "2024新版", "HD", "国际版", "专业版", "官方正版",
            "app", "手机版", "最新版", "福利版", "借款", "尊享版"]
SUFFIX_FORMS = ["{b}{s}", "{b} {s}", "{b}-{s}", "【{s}】{b}", "{b}（{s}）", "{b}·{s}", "{b}{s}"]
EMOJIS = ["💰", "🏦", "🔥", "✅", "⭐", "🎁", "💳", "🧧", "👍", "💯", "🚀", "📈"]
KW_GENERIC = ["快贷", "信用卡", "分期", "借款", "e贷", "理财", "积分商城", "提额", "贷款", "备用金", "额度查询",
              "还款助手", "信用卡中心", "网贷"]
BANK_PALETTE = ["#C8102E", "#D6001C", "#B0161E", "#0057A8", "#1D3F8F", "#0072BC", "#00843D", "#009B77",
                "#6A1B9A", "#F39800", "#E94E1B", "#00A0A8", "#8C6D1F", "#2E3192", "#E4007F"]
BANK_TEMPLATES = ["disc_gradient", "square_on_white", "initials_flat", "thin_rings", "full_emblem", "split_diag",
                  "emblem_text", "emblem_latin"]
SIZES = [256, 256, 256, 256, 256, 192, 180, 144, 300, 512]


# ------------------------------------------------------------------ small helpers
def new_cert(R):
    return "%064x" % R.getrandbits(256)


def fmt_cert(h, style):
    if style == "upper_colon":
        return ":".join(h[i:i + 2] for i in range(0, 64, 2)).upper()
    if style == "upper":
        return h.upper()
    return h


def company(R):
    if R.random() < 0.12:
        return R.choice(EN_DEVS)
    a, b = R.sample(COMP_WORDS, 2)
    return R.choice(CITIES) + "市" + a + b + R.choice(COMP_SUFFIX)


def rand_pkg(R):
    a, b = R.sample(PKG_WORDS, 2)
    p = R.choice(["com", "com", "com", "cn", "io", "net"]) + "." + a + "." + b
    if R.random() < 0.3:
        p += "." + R.choice(PKG_WORDS)
    return p


def rand_date(R, lo=0, span=560):
    import datetime
    d = datetime.date(2024, 1, 1) + datetime.timedelta(days=lo + R.randint(0, span))
    return d


def dates(R):
    d = rand_date(R)
    first = d.isoformat() if R.random() < 0.7 else d.isoformat() + "T%02d:%02d:00Z" % (R.randint(0, 23),
                                                                                       R.randint(0, 59))
    changed = None
    if R.random() < 0.3:
        import datetime
        changed = (d + datetime.timedelta(days=R.randint(1, 120))).isoformat()
    return first, changed


def url_for(R, source, pkg):
    if R.random() < 0.35:
        return None
    dom = DOMAINS.get(source, "www.example.com")
    key = pkg or "%08x" % R.getrandbits(32)
    return "https://%s/app/%s" % (dom, key)


def is_android_pkg(p):
    return "." in p and not p.startswith("wx") and not p.startswith("gh_") and not p.isdigit()


def deck(R, items):
    while True:
        xs = list(items)
        R.shuffle(xs)
        for x in xs:
            yield x


class Writer:
    def __init__(self, R):
        self.R = R
        self.used = set()

    def save(self, img, sub="l", ext="png", size=None):
        while True:
            name = "%010x" % self.R.getrandbits(40)
            if name not in self.used:
                break
        self.used.add(name)
        rel = "l/%s.%s" % (name, ext)   # one flat folder: the path says nothing about the case
        path = os.path.join(ICONS, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if size and size != img.size[0]:
            img = img.resize((size, size), Image.LANCZOS)
        if ext == "jpg":
            img.convert("RGB").save(path, "JPEG", quality=self.R.randint(20, 70))
        else:
            img.save(path, "PNG")
        return rel


def chinese_kws(app):
    return [k for k in app["brand_keywords"] if not D.is_latin(k)]


# ------------------------------------------------------------------ main
def main():
    t0 = time.time()
    R = random.Random(SEED)
    np.random.seed(SEED)
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(ICONS, "official"))
    for f in os.listdir(HERE):
        if f.endswith(".png") and f.startswith("contact_"):
            os.remove(os.path.join(HERE, f))
    W = Writer(R)

    # ---------------- protected apps and official icons
    apps, by_id = [], {}
    icon_img = {}          # icon file -> PIL image
    text_for = {"bocom_mdb": "买单吧", "hxb_main": "HXB", "njcb_main": "南京", "picc_main": "PICC", "em_main": "东财",
                "ccb_life": "建行生活", "ceb_life": "阳光惠", "bob_main": "北京银行", "ncl_main": "新华保险",
                "lkl_main": "拉卡拉", "psbc_main": "PSBC", "pab_main": "PING AN", "srcb_main": "SRCB", "cms_main": "CMS"}
    for inst in PROTECTED:
        icert = new_cert(R)
        share_cert = R.random() < 0.5
        main_file = None
        for k, a in enumerate(inst["apps"]):
            c = icert if (k == 0 or share_cert) else new_cert(R)
            style = R.choice(["lower", "upper_colon", "upper_colon", "lower"])
            app = OrderedDict()
            app["app_id"] = a["id"]
            app["institution"] = inst["inst"]
            app["names"] = list(a["names"])
            app["brand_keywords"] = list(inst["kw"]) + [x for x in a.get("kw", []) if x not in inst["kw"]]
            app["package_ids"] = list(a["pk"])
            devs = [inst["dev"]]
            app["developers"] = devs
            app["cert_sha256"] = [fmt_cert(c, style)]
            if a["design"] == "shared":
                app["icon"] = main_file
                design = "shared"
            else:
                tpl, kind = a["design"]
                v = {"a": R.random(), "b": R.random(), "c": R.random()}
                c1, c2 = D.hexrgb(inst["c"][0]), D.hexrgb(inst["c"][1])
                mark = ("emblem", kind) if kind else None
                img = D.make_icon(tpl, mark, c1, c2, text_for.get(a["id"]), v)
                rel = "official/%s.png" % a["id"]
                img.save(os.path.join(ICONS, rel))
                icon_img[rel] = img
                app["icon"] = rel
                e_asym = D.emblem_asymmetry(kind, v) if kind else 0.0
                # mirror-able: an asymmetric emblem, or lettering (text reads backwards when flipped)
                asym = e_asym >= 4.0 or tpl in ("initials_flat", "emblem_text", "emblem_latin")
                design = {"template": tpl, "emblem": kind, "text": text_for.get(a["id"]),
                          "emblem_asym": round(e_asym, 1), "asym": asym}
            if k == 0:
                main_file = app["icon"]
            meta = dict(app=app, inst=inst, src=a, cert=c, design=design)
            meta["asym"] = design["asym"] if design != "shared" else by_id[inst["apps"][0]["id"]]["asym"]
            apps.append(meta)
            by_id[a["id"]] = meta
    n_inst = len(PROTECTED)
    # accept lists: same institution + same icon file
    for m in apps:
        m["accept"] = [x["app"]["app_id"] for x in apps
                       if x["inst"] is m["inst"] and x["app"]["icon"] == m["app"]["icon"]]
        m["accept"].sort(key=lambda i: (i != m["app"]["app_id"], i))
    asym_apps = [m for m in apps if m["asym"]]
    official_pkgs = set(p for m in apps for p in m["app"]["package_ids"])
    # similarity between official icons of different institutions (label sanity)
    off_files = sorted(icon_img)
    off_vecs = {f: D.small_vec(icon_img[f]) for f in off_files}
    inst_of_file = {m["app"]["icon"]: m["inst"]["key"] for m in apps}
    max_cross = 0.0
    for i, f in enumerate(off_files):
        for g in off_files[i + 1:]:
            if inst_of_file[f] != inst_of_file[g]:
                max_cross = max(max_cross, float(off_vecs[f] @ off_vecs[g]))
    off_mat = np.stack([off_vecs[f] for f in off_files])

    def too_close(img, limit=0.9):
        return float((off_mat @ D.small_vec(img)).max()) > limit

    records = []   # (listing, label)

    def add(listing, label):
        records.append((listing, label))

    def base_listing(source, name, pkg, dev, cert, icon):
        first, changed = dates(R)
        L = OrderedDict()
        L["listing_id"] = None
        L["source"] = source
        L["name"] = name
        L["package_id"] = pkg
        L["developer"] = dev
        L["cert_sha256"] = cert
        L["icon"] = icon
        L["url"] = url_for(R, source, pkg)
        L["first_seen"] = first
        L["changed_at"] = changed
        return L

    def pos_label(case, m, params):
        return OrderedDict([("listing_id", None), ("expected", "counterfeit"), ("case", case),
                            ("target_app_id", m["app"]["app_id"]), ("accept_app_ids", list(m["accept"])),
                            ("target_institution", m["app"]["institution"]), ("params", params)])

    def neg_label(case, params):
        return OrderedDict([("listing_id", None), ("expected", "none"), ("case", case), ("target_app_id", None),
                            ("accept_app_ids", []), ("target_institution", None), ("params", params)])

    def random_store_cert():
        src = R.choice(ANDROID_STORES + ["App Store"] if R.random() < 0.2 else ANDROID_STORES)
        return src, (new_cert(R) if src != "App Store" else None)

    def ordinary_icon(finance=False, avoid=True):
        for attempt in range(20):
            if finance:
                tpl = R.choice(["disc_gradient", "square_on_white", "thin_rings", "full_emblem", "initials_flat",
                                "split_diag"])
                if tpl == "initials_flat":
                    mark, text = None, R.choice(["¥", "计", "账", "税", "贷", "$", "%", "记"])
                else:
                    mark, text = ("pict", R.choice(D.PICTS_FINANCE)), None
                c1 = D.hexrgb(R.choice(BANK_PALETTE))
                c2 = D.mix(c1, (0, 0, 0), 0.35)
            else:
                tpl = R.choice(["ordinary_grad", "ordinary_grad", "ordinary_white", "ordinary_blocks",
                                "square_on_white", "full_emblem", "disc_gradient"])
                mark, text = ("pict", R.choice(D.PICTS_ORDINARY)), None
                c1 = D.rand_colour(R)
                c2 = D.rand_colour(R)
            v = {"a": R.random(), "b": R.random(), "c": R.random()}
            img = D.make_icon(tpl, mark, c1, c2, text, v)
            if not avoid or not too_close(img):
                return img, {"template": tpl, "mark": (mark[1] if mark else text), "attempts": attempt + 1}
        return img, {"template": tpl, "mark": (mark[1] if mark else text), "attempts": attempt + 1}

    # ---------------- positives: icon-only copies
    icon_deck = deck(R, apps)
    asym_deck = deck(R, asym_apps)
    chain_pool = [k for k in D.CHAIN_ORDER if k != "mirror"]
    for kind, n in ICON_CASES.items():
        for _ in range(n):
            m = next(asym_deck) if kind == "mirror" else next(icon_deck)
            img = icon_img[m["app"]["icon"]]
            size = R.choice(SIZES)
            if kind == "chain":
                k = R.choice([2, 2, 3])
                pool = chain_pool + (["mirror"] if m["asym"] else [])
                ops = R.sample(pool, k)
                # at most one of shrink/rotate/frame/corner_round (each re-places the whole icon)
                place = [o for o in ops if o in ("shrink", "rotate", "frame", "corner_round")]
                for o in place[1:]:
                    ops.remove(o)
                    ops.append(R.choice(["badge", "hue", "tone", "jpeg", "noise_blur", "band", "stamp"]))
                ops = sorted(set(ops), key=D.CHAIN_ORDER.index)
                steps = []
                out = img
                for o in ops:
                    out, p = D.OPS[o](R, out)
                    steps.append({"op": o, **p})
                params = {"ops": steps}
            elif kind == "perspective":
                out, params = D.op_perspective(R, img)
                size = 256
            else:
                out, params = D.OPS[kind](R, img)
            ext = "jpg" if (kind == "jpeg" and R.random() < 0.5) else "png"
            if ext == "jpg" and out.mode == "RGBA":
                ext = "png"
            rel = W.save(out, ext=ext, size=size)
            name = R.choice(GENERIC_NAMES)
            src, cert = random_store_cert()
            L = base_listing(src, name, rand_pkg(R), company(R), cert, rel)
            params = dict(params, size=size, file_type=ext, name=name)
            add(L, pos_label("pos_icon_" + kind, m, params))

    # ---------------- positives: name copies
    def pick_icon_for_name(m):
        mode = R.choice(["official"] * 4 + ["official_light"] + ["generic"] * 3 + ["none"] * 2)
        if mode == "official":
            return m["app"]["icon"], {"icon_mode": mode}
        if mode == "official_light":
            img = icon_img[m["app"]["icon"]]
            size = R.choice([144, 180, 192, 512])
            q = R.randint(60, 92)
            rel = W.save(D.jpeg(img, q), size=size)
            return rel, {"icon_mode": mode, "size": size, "jpeg": q}
        if mode == "generic":
            img, p = ordinary_icon(finance=R.random() < 0.3)
            return W.save(img, sub="g"), {"icon_mode": mode, **p}
        return None, {"icon_mode": "none"}

    name_deck = deck(R, apps)
    py_deck = deck(R, apps)
    for kind, n in NAME_CASES.items():
        made = 0
        while made < n:
            m = next(py_deck if kind == "pinyin" else name_deck)
            app = m["app"]
            names = app["names"]
            kws = chinese_kws(app)
            params = {}
            pkg, dev, cert = rand_pkg(R), company(R) if R.random() < 0.85 else None, None
            src = R.choice(ANDROID_STORES)
            if kind == "suffix":
                b = R.choice(names[:2] + kws[:1])
                s = R.choice(SUFFIXES)
                form = R.choice(SUFFIX_FORMS)
                name = form.format(b=b, s=s)
                params = {"base": b, "suffix": s, "form": form}
            elif kind == "emoji":
                b = R.choice(names[:2])
                e = R.choice(EMOJIS)
                pos = R.choice(["pre", "post", "both", "mid"])
                if pos == "pre":
                    name = e + b
                elif pos == "post":
                    name = b + e
                elif pos == "both":
                    name = e + b + R.choice(EMOJIS)
                else:
                    i = R.randint(1, len(b) - 1)
                    name = b[:i] + e + b[i:]
                params = {"base": b, "emoji": e, "pos": pos}
            elif kind == "doubled":
                cands = [x for x in names + kws if len(x) >= 3 and not D.is_latin(x)]
                if not cands:
                    continue
                b = R.choice(cands)
                i = R.randint(1, len(b) - 2)
                name = b[:i + 1] + b[i] + b[i + 1:]
                params = {"base": b, "index": i}
            elif kind == "homophone":
                cands = [(x, i) for x in names[:2] for i, ch in enumerate(x) if ch in HOMOPHONE]
                if not cands:
                    continue
                b, i = R.choice(cands)
                rep = R.choice(HOMOPHONE[b[i]])
                name = b[:i] + rep + b[i + 1:]
                params = {"base": b, "index": i, "from": b[i], "to": rep}
            elif kind == "traditional":
                tr = {k: v for k, v in TRAD.items() if len(k) == 1 and v != k}
                cands = [x for x in names if any(ch in tr for ch in x)]
                if not cands:
                    continue
                b = R.choice(cands)
                name = "".join(tr.get(ch, ch) for ch in b)
                if R.random() < 0.3:
                    name += R.choice(["官方版", "手機版", "最新版"])
                params = {"base": b}
            elif kind == "pinyin":
                py = m["src"]["py"]
                words = py.split()
                abbr = m["src"].get("abbr")
                forms = ["joined", "title", "initials", "initials_lower", "py_app"] + (["abbr_cn"] * 2 if abbr else [])
                form = R.choice(forms)
                if form == "joined":
                    name = "".join(words)
                elif form == "title":
                    name = " ".join(w.capitalize() for w in words)
                elif form == "initials":
                    ini = m["src"].get("ini") or "".join(w[0].upper() for w in words)
                    name = ini + R.choice(["", " App", "手机银行", "助手"])
                elif form == "initials_lower":
                    ini = m["src"].get("ini") or "".join(w[0] for w in words)
                    name = ini.lower() + R.choice(["", "app", "官方"])
                elif form == "py_app":
                    name = "".join(w.capitalize() for w in words) + R.choice([" App", " Mobile", "官方版", ""])
                else:
                    name = abbr + R.choice(["手机银行", "掌上银行", " Mobile", "客户端", "助手", "官方"])
                params = {"pinyin": py, "form": form}
            elif kind == "miniprogram":
                b = R.choice(kws[:2] + names[:1])
                form = R.choice(["{b}小程序", "{b}+", "{b}服务号", "{b}公众号", "{b}官方小程序", "{b}信用卡服务",
                                 "{b}生活号", "{b} 小程序"])
                name = form.format(b=b)
                src = R.choice(["微信小程序", "微信小程序", "支付宝小程序", "微信公众号"])
                if src == "微信小程序":
                    pkg = "wx%016x" % R.getrandbits(64)
                elif src == "支付宝小程序":
                    pkg = "2021%012d" % R.randint(0, 10 ** 12 - 1)
                else:
                    pkg = "gh_%012x" % R.getrandbits(48)
                dev = R.choice([company(R), None, "个人"])
                params = {"base": b, "form": form}
            elif kind == "spaces":
                b = R.choice([x for x in names[:2] if len(x) >= 3] or names[:1])
                form = R.choice(["between_all", "one_space", "one_space", "ideographic", "two_spaces", "zwsp"])
                if form == "between_all":
                    name = " ".join(b)
                elif form in ("one_space", "ideographic", "zwsp"):
                    i = R.randint(1, len(b) - 1)
                    sp = {"one_space": " ", "ideographic": "\u3000", "zwsp": "\u200b"}[form]
                    name = b[:i] + sp + b[i:]
                else:
                    i = R.randint(1, len(b) - 1)
                    name = b[:i] + "  " + b[i:]
                params = {"base": b, "form": form}
            elif kind == "keyword_generic":
                if not kws:
                    continue
                b = R.choice(kws)
                g = R.choice(KW_GENERIC)
                name = b + g
                params = {"keyword": b, "generic": g}
            elif kind == "dev_impersonation":
                b = R.choice(names[:2])
                name = b if R.random() < 0.5 else b + R.choice(["", "极速版", "官方版", "Lite"])
                dev = app["developers"][0]
                pk_mode = R.choice(["official", "official", "random"])
                pkg = [p for p in app["package_ids"] if is_android_pkg(p)][0] if pk_mode == "official" else rand_pkg(R)
                src = R.choice(ANDROID_STORES)
                params = {"base": b, "package": pk_mode}
            # a name built on an institution-wide keyword imitates the institution's main app
            base_kw = params.get("keyword") or params.get("base")
            main_m = by_id[m["inst"]["apps"][0]["id"]]
            if base_kw in m["inst"]["kw"] and m is not main_m:
                params["retargeted_from"] = m["app"]["app_id"]
                m = main_m
            if src in ANDROID_STORES:
                cert = new_cert(R)
            icon, ip = pick_icon_for_name(m)
            params.update(ip)
            params["name"] = name
            L = base_listing(src, name, pkg, dev, cert, icon)
            add(L, pos_label("pos_name_" + kind, m, params))
            made += 1

    # ---------------- positives: package copies
    similar = {"a": "e", "e": "a", "i": "l", "l": "i", "o": "0", "m": "n", "n": "m", "b": "d", "d": "b", "c": "e",
               "u": "v", "v": "u", "p": "q", "q": "p", "g": "q", "t": "f", "h": "n", "k": "x", "r": "n", "s": "z"}
    letters = "abcdefghijklmnopqrstuvwxyz"
    pkg_deck = deck(R, apps)
    for kind, n in PKG_CASES.items():
        made = 0
        while made < n:
            m = next(pkg_deck)
            orig = [p for p in m["app"]["package_ids"] if is_android_pkg(p)][0]
            segs = orig.split(".")
            idx = [i for i, s in enumerate(segs) if s.lower() not in ("com", "cn", "android") and len(s) >= 2]
            si = R.choice(idx)
            s = segs[si]
            params = {"original": orig}
            if kind == "letter_change":
                pos = [i for i, ch in enumerate(s) if ch.isalpha()]
                i = R.choice(pos)
                ch = s[i]
                rep = similar.get(ch.lower(), None) if R.random() < 0.7 else None
                if rep is None:
                    rep = R.choice([x for x in letters if x != ch.lower()])
                s2 = s[:i] + rep + s[i + 1:]
                params.update({"segment": si, "index": i, "from": ch, "to": rep})
            elif kind == "letter_added":
                i = R.randint(0, len(s))
                add_ch = s[i - 1] if (i > 0 and R.random() < 0.5) else R.choice(letters)
                s2 = s[:i] + add_ch + s[i:]
                params.update({"segment": si, "index": i, "added": add_ch})
            elif kind == "letter_swap":
                pos = [i for i in range(len(s) - 1) if s[i] != s[i + 1]]
                if not pos:
                    continue
                i = R.choice(pos)
                s2 = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                params.update({"segment": si, "index": i})
            elif kind == "letter_dropped":
                if len(s) < 3:
                    continue
                i = R.randint(0, len(s) - 1)
                s2 = s[:i] + s[i + 1:]
                params.update({"segment": si, "index": i})
            else:
                s2 = None
                mode = R.choice(["append", "append", "append2", "prepend", "insert"])
                extra = R.choice(["mobile", "app", "pro", "android", "hd", "v2", "plus", "lite", "new", "client",
                                  "vip", "official"])
                if mode == "append":
                    new = segs + [extra]
                elif mode == "append2":
                    new = segs + [extra, R.choice(["release", "free", "x", "update"])]
                elif mode == "prepend":
                    new = [R.choice(["cn", "org", "net", "com"])] + segs
                else:
                    k = R.randint(1, len(segs) - 1) if len(segs) > 1 else 1
                    new = segs[:k] + [extra] + segs[k:]
                pkg = ".".join(new)
                params.update({"mode": mode, "extra": extra})
            if s2 is not None:
                if s2 == s:
                    continue
                pkg = ".".join(segs[:si] + [s2] + segs[si + 1:])
            if pkg in official_pkgs or pkg.lower() == orig.lower():
                continue
            name = R.choice(NEUTRAL_NAMES)
            icon_mode = R.choice(["generic", "generic", "generic", "none", "none"])
            if icon_mode == "generic":
                img, ip = ordinary_icon(finance=R.random() < 0.4)
                icon = W.save(img, sub="g")
            else:
                icon, ip = None, {}
            src = R.choice(ANDROID_STORES)
            L = base_listing(src, name, pkg, company(R) if R.random() < 0.9 else None, new_cert(R), icon)
            params.update({"package": pkg, "name": name, "icon_mode": icon_mode, **ip})
            add(L, pos_label("pos_pkg_" + kind, m, params))
            made += 1

    # ---------------- negatives: official listings
    def official_icon(m):
        if R.random() < 0.7:
            return m["app"]["icon"], {"icon_mode": "official_file"}
        img = icon_img[m["app"]["icon"]]
        size = R.choice([120, 144, 192, 512])
        q = R.randint(80, 95)
        return W.save(D.jpeg(img, q), size=size), {"icon_mode": "store_reencoded", "size": size, "jpeg": q}

    for m in apps:
        app = m["app"]
        pkg = [p for p in app["package_ids"] if is_android_pkg(p)][0]
        name = app["names"][0] if R.random() < 0.75 else R.choice(app["names"])
        style = R.choice(["lower", "upper", "upper_colon"])
        icon, ip = official_icon(m)
        L = base_listing(R.choice(ANDROID_STORES[:-1]), name, pkg, app["developers"][0], fmt_cert(m["cert"], style),
                         icon)
        add(L, neg_label("neg_official", {"app_id": app["app_id"], "name": name, "cert_style": style, **ip}))

    special = [(m, p) for m in apps for p in m["app"]["package_ids"] if not is_android_pkg(p) or
               p.endswith("iphoneclient")]
    nocert = list(special)
    ndeck = deck(R, apps)
    while len(nocert) < NEG_COUNTS["official_nocert"]:
        nocert.append((next(ndeck), None))
    for m, p in nocert:
        app = m["app"]
        if p is None:
            p = [x for x in app["package_ids"] if is_android_pkg(x)][0]
            src = R.choice(["App Store", "App Store", "官网"])
        elif p.startswith("wx"):
            src = "微信小程序"
        elif p.startswith("gh_"):
            src = "微信公众号"
        elif p.isdigit():
            src = "支付宝小程序"
        else:
            src = "App Store"
        name = R.choice(app["names"])
        icon, ip = official_icon(m)
        L = base_listing(src, name, p, app["developers"][0], None, icon)
        add(L, neg_label("neg_official_nocert", {"app_id": app["app_id"], "name": name, **ip}))

    # ---------------- negatives: other (unprotected) financial institutions
    fi_icons = []
    for dev, name, pkg, sim in OTHER_FI:
        for attempt in range(30):
            tpl = R.choice(BANK_TEMPLATES)
            # emblems that no protected app uses (the protected ones are left out on purpose)
            kind = R.choice(D.EXTRA_EMBLEMS)
            text = None
            if tpl == "initials_flat":
                kind = None
                text = R.choice([OTHER_FI_PY[name], name[:2]])
            elif tpl == "emblem_text":
                text = name[:4]
            elif tpl == "emblem_latin":
                text = OTHER_FI_PY[name]
            c1 = D.hexrgb(R.choice(BANK_PALETTE))
            c2 = D.mix(c1, (0, 0, 0), R.uniform(0.25, 0.45))
            v = {"a": R.random(), "b": R.random(), "c": R.random()}
            img = D.make_icon(tpl, ("emblem", kind) if kind else None, c1, c2, text, v)
            if not too_close(img):
                break
        rel = W.save(img, sub="fi")
        fi_icons.append((dev, name, pkg, sim, rel, img, {"template": tpl, "emblem": kind, "text": text,
                                                          "attempts": attempt + 1}))
    fi_deck = deck(R, fi_icons)
    per = Counter()
    total = NEG_COUNTS["other_fi_total"]
    order = list(fi_icons) + [next(fi_deck) for _ in range(total - len(fi_icons))]
    for dev, name, pkg, sim, rel, img, dp in order:
        per[name] += 1
        c = hashlib.sha256(("s16-fi-" + pkg).encode()).hexdigest()
        src = R.choice(ANDROID_STORES[:-1] + ["App Store"])
        icon = rel
        ip = {"icon_mode": "own"}
        if R.random() < 0.25:
            size = R.choice([144, 192, 512])
            icon = W.save(D.jpeg(img, R.randint(80, 95)), size=size)
            ip = {"icon_mode": "own_reencoded", "size": size}
        L = base_listing(src, name, pkg, dev, None if src == "App Store" else fmt_cert(c, R.choice(["lower", "upper"])),
                         icon)
        case = "neg_other_fi_similar" if sim else "neg_other_fi"
        add(L, neg_label(case, {"institution": dev, "resembles": sim, **dp, **ip}))

    # ---------------- negatives: finance tools, ordinary apps
    for i in range(NEG_COUNTS["finance_tool"]):
        name = R.choice(FIN_TOOLS)
        if R.random() < 0.25:
            name += R.choice(["Pro", "专业版", "2025", "极简版", ""])
        img, ip = ordinary_icon(finance=True)
        icon = W.save(img, sub="g") if R.random() < 0.93 else None
        src, cert = random_store_cert()
        L = base_listing(src, name, rand_pkg(R), company(R), cert, icon)
        add(L, neg_label("neg_finance_tool", {"name": name, **ip}))
    for i in range(NEG_COUNTS["ordinary"]):
        name = R.choice(ORDINARY)
        img, ip = ordinary_icon(finance=False)
        src, cert = random_store_cert()
        L = base_listing(src, name, rand_pkg(R), company(R), cert, W.save(img, sub="g", size=R.choice(SIZES)))
        add(L, neg_label("neg_ordinary", {"name": name, **ip}))
    deco_ops = ["badge", "band", "rotate", "frame", "ribbon", "stamp", "shrink", "corner_round", "word_below", "hue"]
    for i in range(NEG_COUNTS["ordinary_decorated"]):
        name = R.choice(ORDINARY + FIN_TOOLS[:10])
        img, ip = ordinary_icon(finance=name in FIN_TOOLS)
        ops = sorted(R.sample(deco_ops, R.choice([1, 1, 2])), key=lambda o: D.CHAIN_ORDER.index(o)
                     if o in D.CHAIN_ORDER else 99)
        steps = []
        for o in ops:
            img, p = D.OPS[o](R, img)
            steps.append({"op": o, **p})
        src, cert = random_store_cert()
        L = base_listing(src, name, rand_pkg(R), company(R), cert, W.save(img, sub="g"))
        add(L, neg_label("neg_ordinary_decorated", {"name": name, "ops": steps, **ip}))

    # ---------------- sanity checks on labels
    all_kw = [(k, m["app"]["app_id"]) for m in apps for k in m["app"]["brand_keywords"]]
    for L, lab in records:
        if lab["case"] in ("neg_finance_tool", "neg_ordinary", "neg_ordinary_decorated") or \
                lab["case"].startswith("pos_icon_"):
            txt = (L["name"] + " " + (L["developer"] or "")).lower()
            for k, _ in all_kw:
                assert k.lower() not in txt, (k, L["name"], L["developer"])
            segs = (L["package_id"] or "").lower().split(".")
            for m in apps:
                for p in m["app"]["package_ids"]:
                    assert L["package_id"] != p
        if lab["expected"] == "counterfeit" and lab["case"] != "pos_name_dev_impersonation":
            # never the official package with an official certificate
            m = by_id[lab["target_app_id"]]
            assert not (L["package_id"] in m["app"]["package_ids"] and L["cert_sha256"] and
                        L["cert_sha256"].replace(":", "").lower() == m["cert"])

    # ---------------- shuffle, ids, write
    R.shuffle(records)
    listings, labels = [], []
    for i, (L, lab) in enumerate(records, 1):
        lid = "s16-%04d" % i
        L["listing_id"] = lid
        lab["listing_id"] = lid
        listings.append(L)
        labels.append(lab)

    def dump(path, rows):
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")

    dump(os.path.join(OUT, "protected.jsonl"), [m["app"] for m in apps])
    dump(os.path.join(OUT, "listings.jsonl"), listings)
    dump(os.path.join(OUT, "labels.jsonl"), labels)

    # ---------------- validation
    try:
        import jsonschema
        sdir = os.path.join(HERE, "..", "..", "..", "src", "appgov", "engines", "lookalike", "data")
        ls = json.load(open(os.path.join(sdir, "listing.schema.json")))
        ps = json.load(open(os.path.join(sdir, "protected.schema.json")))
        for r in listings:
            jsonschema.validate(r, ls)
        for m in apps:
            jsonschema.validate(m["app"], ps)
        schema_ok = "jsonschema ok"
    except ImportError:
        schema_ok = "jsonschema not installed (skipped)"
    ids = [m["app"]["app_id"] for m in apps]
    assert len(ids) == len(set(ids))
    assert len(set(x["listing_id"] for x in listings)) == len(listings)
    for r in listings:
        if r["icon"]:
            assert os.path.exists(os.path.join(ICONS, r["icon"])), r["icon"]
    for m in apps:
        assert os.path.exists(os.path.join(ICONS, m["app"]["icon"]))
    keys = ["listing_id", "expected", "case", "target_app_id", "accept_app_ids", "target_institution", "params"]
    for lab in labels:
        assert list(lab.keys()) == keys

    # ---------------- contact sheets (outside out/)
    D.contact_sheet([(icon_img[f], f.split("/")[-1][:-4]) for f in off_files], 10,
                    os.path.join(HERE, "contact_protected.png"))
    seen = Counter()
    items = []
    for L, lab in zip(listings, labels):
        if lab["case"].startswith("pos_icon_") and seen[lab["case"]] < 4 and L["icon"]:
            seen[lab["case"]] += 1
            items.append((Image.open(os.path.join(ICONS, L["icon"])), lab["case"][9:] + ":" + lab["target_app_id"]))
    items.sort(key=lambda x: x[1])
    D.contact_sheet(items, 12, os.path.join(HERE, "contact_pos_icons.png"))
    seen = Counter()
    items = []
    for L, lab in zip(listings, labels):
        if lab["expected"] == "none" and L["icon"] and seen[lab["case"]] < 16 and lab["case"] != "neg_official":
            seen[lab["case"]] += 1
            items.append((Image.open(os.path.join(ICONS, L["icon"])), lab["case"][4:]))
    items.sort(key=lambda x: x[1])
    D.contact_sheet(items, 16, os.path.join(HERE, "contact_negatives.png"))

    # ---------------- summary and digest
    h = hashlib.sha256()
    for root, dirs, files in os.walk(OUT):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            h.update(os.path.relpath(p, OUT).encode() + b"\0")
            h.update(hashlib.sha256(open(p, "rb").read()).digest())
    cases = Counter(lab["case"] for lab in labels)
    npos = sum(1 for lab in labels if lab["expected"] == "counterfeit")
    print("protected apps: %d (institutions %d); listings: %d (counterfeit %d, none %d)"
          % (len(apps), n_inst, len(listings), npos, len(listings) - npos))
    print("asymmetric official icons: %d; max cross-institution 32px correlation of official icons: %.3f"
          % (len(asym_apps), max_cross))
    for c in sorted(cases):
        print("  %-28s %4d" % (c, cases[c]))
    redrawn = sum(1 for lab in labels if lab["params"].get("attempts", 1) > 1)
    print("negative/generic icons redrawn because too close to an official icon: %d" % redrawn)
    print(schema_ok)
    print("sha256(out/) = %s" % h.hexdigest())
    print("time: %.1f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
