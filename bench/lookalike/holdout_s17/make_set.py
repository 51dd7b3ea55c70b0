#!/usr/bin/env python3
"""Build the holdout_s17 look-alike evaluation set into bench/lookalike/holdout_s17/out/.

Run from the repository root:  .venv/bin/python bench/lookalike/holdout_s17/make_set.py
Optional: --sheet writes contact-sheet PNGs next to this file (git-ignored) for eyeballing.
Deterministic (seed 1717); deletes and rewrites out/ on every run.
"""
import copy
import hashlib
import json
import random
import shutil
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import data_s17 as DATA  # noqa: E402
import deform_s17 as F  # noqa: E402
import draw_s17 as D  # noqa: E402

import jsonschema  # noqa: E402

SEED = 1717
REPO = HERE.parents[2]
SCHEMAS = REPO / "src" / "appgov" / "engines" / "lookalike" / "data"
OUT = HERE / "out"
ICONS = OUT / "icons"

# how many listings of each kind
N_ICON_SINGLE = 7            # per single deformation kind (18 kinds)
N_ICON_COMBO2, N_ICON_COMBO3 = 28, 18
N_NAME = dict(name_suffix=24, name_emoji=12, name_doubled=10, name_homophone=16, name_traditional=12,
              name_pinyin=12, name_spaced=12, name_abbrev=12, name_mini_program=14, name_official_account=8,
              pkg_typo=16, pkg_extra=12, dev_foreign_cert=16, dev_only=6, repack=10)
N_FIN_TOOL = 45
N_ORD = dict(ordinary=45, ordinary_template=35, ordinary_decorated=35)
SIZES = [96, 108, 120, 128, 144, 160, 180, 192, 200, 216, 240, 256, 300, 320, 384, 432, 512]
STORE_SIZES = [120, 144, 180, 192, 216, 256, 512]


def hue_of(c):
    import colorsys
    r_, g_, b_ = (v / 255 for v in D.rgb(c))
    h, l_, s_ = colorsys.rgb_to_hls(r_, g_, b_)
    return h * 360


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.used_files = set()
        self.rows = []          # (listing, label)
        self.sheet = []         # (image, caption) for optional contact sheets
        self.protected = []     # internal app records
        self.feats = []         # (feature, institution key) of protected icons

    # ------------------------------------------------------------ small random helpers
    def hex(self, nbits):
        return "%0*x" % (nbits // 4, self.rng.getrandbits(nbits))

    def cert(self):
        return self.hex(256)

    def fmt_cert(self, h):
        k = self.rng.random()
        if k < 0.55:
            return h
        if k < 0.75:
            return h.upper()
        s = ":".join(h[i:i + 2] for i in range(0, 64, 2))
        return s.upper() if k < 0.92 else s

    def fresh_file(self, ext):
        while True:
            n = self.hex(64)
            if n not in self.used_files:
                self.used_files.add(n)
                return "%s.%s" % (n, ext)

    def company(self):
        r = self.rng
        return r.choice(DATA.CITIES) + r.choice(DATA.WORDS2) + r.choice(DATA.WORDS2) + r.choice(DATA.CO_TAILS)

    def generic_dev(self, p_none=0.12):
        r = self.rng.random()
        if r < p_none:
            return None
        if r < 0.35:
            return self.rng.choice(DATA.PERSONS)
        return self.company()

    def generic_pkg(self, ios=False):
        r = self.rng
        w = DATA.LATIN_WORDS
        a, b, c = r.choice(w), r.choice(w), r.choice(w)
        style = r.randint(0, 3)
        if style == 0:
            p = "com.%s%s.%s" % (a, b, c)
        elif style == 1:
            p = "cn.%s.%s" % (a, c)
        elif style == 2:
            p = "com.%s.%s%d" % (a, b, r.randint(1, 99))
        else:
            p = "com.%s%s.app" % (a, b)
        return p + (".ios" if ios and r.random() < 0.3 else "")

    def day(self, lo=date(2023, 1, 1), span=1030):
        return lo + timedelta(days=self.rng.randint(0, span))

    def url(self, source, pkg):
        r = self.rng
        if r.random() < 0.45:
            return None
        if source == DATA.IOS:
            return "https://apps.apple.com/cn/app/id%d" % r.randint(10 ** 9, 2 * 10 ** 9)
        if source in (DATA.WX_MINI, DATA.ALIPAY_MINI, DATA.WX_OA):
            return None
        if source in DATA.SIDELOAD:
            return "https://%s%s.%s/down/%d.apk" % (r.choice(DATA.LATIN_WORDS), r.choice(DATA.LATIN_WORDS),
                                                      r.choice(["com", "cn", "net", "top", "xyz"]), r.randint(1000, 99999))
        if source == "小米应用商店" and pkg:
            return "https://app.mi.com/details?id=%s" % pkg
        if source == "应用宝" and pkg:
            return "https://sj.qq.com/appdetail/%s" % pkg
        host = {"华为应用市场": "appgallery.huawei.com/app/C", DATA.HARMONY: "appgallery.huawei.com/app/C",
                "OPPO软件商店": "store.oppomobile.com/product/", "vivo应用商店": "h5.appstore.vivo.com.cn/#/details?appId=",
                "360手机助手": "zhushou.360.cn/detail/index/soft_id/", "百度手机助手": "shouji.baidu.com/software/",
                "豌豆荚": "www.wandoujia.com/apps/", "酷安": "www.coolapk.com/apk/"}.get(source, "apps.example.cn/")
        return "https://%s%d" % (host, r.randint(10 ** 7, 10 ** 8))

    # ------------------------------------------------------------ icons
    def save(self, img, size=None, fmt=None, quality=None, sizes=SIZES, p_jpeg=0.3):
        r = self.rng
        size = size or r.choice(sizes)
        fmt = fmt or ("jpg" if r.random() < p_jpeg else "png")
        im = img if img.size == (size, size) else img.resize((size, size), Image.LANCZOS)
        name = self.fresh_file(fmt)
        path = ICONS / "l" / name
        if fmt == "jpg":
            im.convert("RGB").save(path, "JPEG", quality=quality or r.randint(70, 92))
        else:
            im.save(path, "PNG")
        return "l/" + name, size, fmt

    def feature(self, img):
        g = np.asarray(img.convert("L").resize((24, 24), Image.BILINEAR), np.float32).ravel()
        g = g - g.mean()
        n = np.linalg.norm(g)
        c = np.asarray(img.convert("RGB").resize((4, 4), Image.BILINEAR), np.float32).ravel() / 255.0
        return (g / n if n > 1e-6 else g), c

    def spec_conflict(self, spec, skip_key=None):
        """Same emblem kind (same glyph) as a protected icon of a similar hue or the same layout."""
        for (pg, pc, key, pspec) in self.feats:
            if key == skip_key or spec["em"]["kind"] != pspec["em"]["kind"]:
                continue
            if spec["em"]["kind"] == "letter" and spec["em"]["p"]["s"] != pspec["em"]["p"]["s"]:
                continue
            dh = abs(hue_of(spec["main"]) - hue_of(pspec["main"]))
            if min(dh, 360 - dh) < 55 or spec["tpl"] == pspec["tpl"]:
                return True
        return False

    def too_close(self, img, spec=None, skip_key=None, thr=0.72):
        """Crude look-alike guard (24x24 grey correlation, 4x4 colour) against every protected icon."""
        if spec is not None and self.spec_conflict(spec, skip_key):
            return True
        g, c = self.feature(img)
        for (pg, pc, key, pspec) in self.feats:
            if key == skip_key:
                continue
            corr = float(np.dot(g, pg))
            cd = float(np.abs(c - pc).mean())
            if corr > thr or (corr > 0.55 and cd < 0.12):
                return True
        return False

    def own_design(self, colour=None, text=None, letters=None, picto=None, tpls=None, kinds=None, avoid_kind=None):
        """A new icon design that must not resemble any protected icon."""
        r = self.rng
        for _ in range(60):
            tpl = r.choice(tpls or D.TEMPLATES)
            col = colour or D.rand_colour(r)
            if colour:
                col = D.hue_rotate(col, r.uniform(-12, 12))
            if picto:
                kind = "picto"
                tpl = tpl if tpl != "glyph" else "solid"
            elif tpl == "glyph":
                kind = "letter"
            else:
                # emblem kinds that no protected icon of a similar hue or the same layout uses
                h = hue_of(col)
                allowed = [k for k in (kinds or D.EMBLEM_KINDS) if k != avoid_kind and k != "letter" and not any(
                    k == ps["em"]["kind"] and (ps["tpl"] == tpl or min(abs(h - hue_of(ps["main"])), 360 - abs(h - hue_of(ps["main"]))) < 55)
                    for (_, _, _, ps) in self.feats)]
                kind = r.choice(allowed) if allowed and r.random() > 0.15 else "letter"
            sp = D.make_spec(r, tpl, kind, col, text=text, letters=letters or "A",
                             picto=r.choice(D.PICTOS) if picto else None)
            if self.spec_conflict(sp):
                continue
            img = D.render(sp)
            if not self.too_close(img):
                return img, sp
        raise RuntimeError("could not draw a distinct icon")

    # ------------------------------------------------------------ protected apps
    def pick_kind(self, pool, colour, taken):
        """Next emblem kind from the pool that no institution of a similar hue already uses."""
        if not pool:
            pool.extend(D.EMBLEM_KINDS)
            self.rng.shuffle(pool)
        if colour is None:
            return pool.pop()
        h = hue_of(colour)
        for i in range(len(pool) - 1, -1, -1):
            k = pool[i]
            if all(k != tk or min(abs(h - th), 360 - abs(h - th)) > 70 for tk, th in taken):
                return pool.pop(i)
        return pool.pop()

    def build_protected(self):
        r = self.rng
        kinds = [k for k in D.EMBLEM_KINDS]
        pool = kinds * 3
        r.shuffle(pool)
        used = set()
        taken = []
        insts = DATA.INSTITUTIONS
        # layouts spread evenly over the institutions' main icons
        plan = (D.TEMPLATES * (len(insts) // len(D.TEMPLATES) + 1))[:len(insts)]
        r.shuffle(plan)
        out = []
        for ii, inst in enumerate(insts):
            sh = inst["short"]
            letters = inst["acr"] if inst["acr"] and r.random() < 0.5 else (sh[2] if sh.startswith("中国") else sh[0])
            first = None
            for ai, app in enumerate(inst["apps"]):
                rec = dict(inst=inst, app=app, id="%s-%s" % (inst["key"], app["sfx"]))
                if ai > 0 and app["icon"] == "same":
                    rec.update(img=first["img"], spec=first["spec"], icon=first["icon"])
                    first["same_icon"].append(rec["id"])
                    rec["same_icon"] = first["same_icon"]
                    out.append(rec)
                    continue
                for attempt in range(80):
                    if ai > 0 and app["icon"] == "family" and attempt < 40:
                        sp = copy.deepcopy(first["spec"])
                        tpl = r.choice([t for t in D.TEMPLATES if t not in (sp["tpl"], "glyph")])
                        base = D.make_spec(r, tpl, sp["em"]["kind"], D.hue_rotate(inst["colour"], r.choice([0, 0, 25, -25])),
                                           text=app["name"], letters=letters)
                        base["em"]["p"] = sp["em"]["p"]
                        sp = base
                    else:
                        want = plan[ii] if (ai == 0 and attempt < 60) else None
                        kind = "letter" if want == "glyph" else self.pick_kind(pool, inst["colour"] if ai == 0 else None, taken)
                        tpls = [t for t in D.TEMPLATES if (t, kind) not in used]
                        if kind != "letter":
                            tpls = [t for t in tpls if t != "glyph"]
                        tpl = want if want in tpls else r.choice(tpls)
                        col = inst["colour"] if ai == 0 else D.hue_rotate(inst["colour"], r.uniform(-60, 60))
                        txt = inst["short"] if ai == 0 else app["name"]
                        sp = D.make_spec(r, tpl, kind, col, text=txt, letters=letters)
                    img = D.render(sp)
                    if not self.too_close(img, sp, skip_key=inst["key"], thr=0.7):
                        break
                    if not (ai > 0 and app["icon"] == "family" and attempt < 40) and sp["tpl"] != "glyph":
                        pool.insert(0, sp["em"]["kind"])
                used.add((sp["tpl"], sp["em"]["kind"]))
                taken.append((sp["em"]["kind"], hue_of(inst["colour"])))
                name = self.fresh_file("png")
                img.save(ICONS / "p" / name, "PNG")
                rec.update(img=img, spec=sp, icon="p/" + name, same_icon=[rec["id"]])
                g, c = self.feature(img)
                self.feats.append((g, c, inst["key"], sp))
                if ai == 0:
                    first = rec
                out.append(rec)
        # identities
        for inst in insts:
            recs = [x for x in out if x["inst"] is inst]
            shared = self.cert() if r.random() < 0.65 else None
            for rec in recs:
                app, stub = rec["app"], inst["stub"]
                rec["android"] = "com.%s.%s" % (stub, app["tail"])
                rec["ios"] = r.choice(["cn.com.%s.%s", "com.%s.%s.iphone", "com.%s.ios.%s"]) % (stub, app["tail"])
                rec["harmony"] = ("com.%s.%s.hmos" % (stub, app["tail"])) if r.random() < 0.35 else None
                rec["cert"] = shared or self.cert()
                rec["hcert"] = self.cert() if rec["harmony"] else None
                rec["mini"] = {}
                for m in app.get("mini", []):
                    if m == "wx":
                        rec["mini"][DATA.WX_MINI] = "wx" + self.hex(64)
                    elif m == "alipay":
                        rec["mini"][DATA.ALIPAY_MINI] = "2021%012d" % r.randint(0, 10 ** 12 - 1)
                    else:
                        rec["mini"][DATA.WX_OA] = "gh_" + self.hex(48)
        self.protected = out
        self.by_id = {x["id"]: x for x in out}
        self.by_inst = {}
        for x in out:
            self.by_inst.setdefault(x["inst"]["key"], []).append(x)
        rows = []
        for x in out:
            pk = [x["android"], x["ios"]] + ([x["harmony"]] if x["harmony"] else []) + list(x["mini"].values())
            certs = [self.fmt_cert(x["cert"])] + ([self.fmt_cert(x["hcert"])] if x["hcert"] else [])
            rows.append(dict(app_id=x["id"], institution=x["inst"]["inst"], names=[x["app"]["name"]] + x["app"]["aliases"],
                             brand_keywords=x["app"]["kw"], package_ids=pk, developers=x["app"]["dev"],
                             cert_sha256=certs, icon=x["icon"]))
        return rows

    # ------------------------------------------------------------ listing helpers
    def add(self, case, expected, name, source, pkg, dev, cert, icon, target=None, accept=None, params=None):
        r = self.rng
        lst = dict(source=source, name=name, package_id=pkg, developer=dev, cert_sha256=cert, icon=icon,
                   url=self.url(source, pkg), first_seen=self.day().isoformat())
        if r.random() < 0.2:
            lst["changed_at"] = (date.fromisoformat(lst["first_seen"]) + timedelta(days=r.randint(5, 300))).isoformat()
        t = self.by_id[target] if target else None
        lab = dict(expected=expected, case=case, target_app_id=target,
                   accept_app_ids=sorted(set(accept or ([target] if target else []))),
                   target_institution=t["inst"]["inst"] if t else None, params=params or {})
        self.rows.append((lst, lab))

    def android_source(self, p_side=0.15):
        r = self.rng
        return r.choice(DATA.SIDELOAD) if r.random() < p_side else r.choice(DATA.ANDROID_STORES)

    def counterfeit_source(self, allow_ios=True):
        r = self.rng.random()
        if allow_ios and r < 0.15:
            return DATA.IOS
        return self.android_source(0.2)

    def inst_apps(self, rec):
        return [x["id"] for x in self.by_inst[rec["inst"]["key"]]]

    def cycle(self, items):
        items = list(items)
        while True:
            self.rng.shuffle(items)
            for it in items:
                yield it

    def weighted_apps(self):
        # main apps twice as often as second apps
        items = []
        for x in self.protected:
            items += [x] * (2 if x["inst"]["apps"][0] is x["app"] else 1)
        return self.cycle(items)

    # icons of counterfeit listings ------------------------------------------------
    def icon_for_copy(self, rec, mode, label=""):
        """mode: official | deformed | generic | none | avatar. Returns (icon path, params, uses_official_icon)."""
        r = self.rng
        if mode == "none":
            return None, {"icon": "none"}, False
        if mode == "official":
            return rec["icon"], {"icon": "official"}, True
        if mode == "avatar":
            img, p = F.roundframe(rec["img"], r, circle=True)
            path, size, fmt = self.save(img, sizes=[96, 132, 200, 300])
            return path, {"icon": "avatar", "size": size}, True
        if mode == "deformed":
            k = r.choice(F.LIGHT)
            img, p = F.apply(k, rec["img"], r, spec=rec["spec"])
            path, size, fmt = self.save(img)
            self.sheet.append((img, "cf:" + k))
            return path, {"icon": "deformed", "deform": k, "size": size}, True
        img, sp = self.own_design()
        path, size, fmt = self.save(img)
        return path, {"icon": "generic", "tpl": sp["tpl"], "emblem": sp["em"]["kind"]}, False

    def hue_lands_on_other(self, rec, deg):
        """True if recolouring rec's icon by deg lands on another institution's icon of the same emblem."""
        h = (hue_of(rec["spec"]["main"]) + deg) % 360
        for (_, _, key, ps) in self.feats:
            if key != rec["inst"]["key"] and ps["em"]["kind"] == rec["spec"]["em"]["kind"]:
                d = abs(h - hue_of(ps["main"]))
                if min(d, 360 - d) < 55:
                    return True
        return False

    def accept_for(self, rec, inst_level, icon_official):
        acc = [rec["id"]]
        if inst_level:
            acc += self.inst_apps(rec)
        if icon_official:
            acc += rec["same_icon"]
        return acc

    # ------------------------------------------------------------ counterfeits: icon only
    def icon_copies(self):
        r = self.rng
        apps = self.cycle(self.protected)
        plan = [(k, [k]) for k in F.SINGLE for _ in range(N_ICON_SINGLE)]
        for _ in range(N_ICON_COMBO2):
            gs = r.sample(range(3), 2)
            plan.append(("combo2", [r.choice(F.COMBO_GROUPS[g]) for g in sorted(gs)]))
        for _ in range(N_ICON_COMBO3):
            plan.append(("combo3", [r.choice(g) for g in F.COMBO_GROUPS]))
        for case, steps in plan:
            rec = next(apps)
            name = r.choice(DATA.GENERIC_NAMES)
            for attempt in range(10):
                img = rec["img"]
                ps, deg = [], None
                for k in steps:
                    img, p = F.apply(k, img, r, spec=rec["spec"], label=r.choice([rec["app"]["name"], name, ""]))
                    ps.append(k)
                    deg = p.get("deg", deg)
                if deg is None or not self.hue_lands_on_other(rec, deg):
                    break
            if steps == ["rescale"]:
                path, size, fmt = self.save(img, size=r.choice([96, 108, 120, 128, 144, 160, 192, 256]), fmt="jpg",
                                            quality=r.randint(30, 65))
            else:
                path, size, fmt = self.save(img, p_jpeg=0.45 if case.startswith("combo") else 0.3)
            self.sheet.append((img, case))
            src = self.counterfeit_source()
            pkg = self.generic_pkg(ios=src == DATA.IOS)
            cert = None if src == DATA.IOS else self.fmt_cert(self.cert())
            params = dict(deform=ps if len(ps) > 1 else ps[0], size=size, fmt=fmt)
            self.add("icon_" + case, "counterfeit", name, src, pkg, self.generic_dev(), cert, path,
                     target=rec["id"], accept=self.accept_for(rec, False, True), params=params)

    # ------------------------------------------------------------ counterfeits: name/package/developer
    def base_name(self, rec):
        """(base string, inst_level). App-level only for distinctive second-app names."""
        r = self.rng
        inst, app = rec["inst"], rec["app"]
        is_main = inst["apps"][0] is app
        if not is_main and app["distinctive"] and r.random() < 0.6:
            return app["name"], False
        main = inst["apps"][0]
        cands = [main["name"], inst["short"]] + [k for k in main["kw"] if not k.isascii() and len(k) >= 3]
        return r.choice(cands), True

    def cjk_positions(self, s):
        return [i for i, ch in enumerate(s) if not ch.isascii()]

    def make_name(self, case, rec):
        r = self.rng
        inst = rec["inst"]
        base, inst_level = self.base_name(rec)
        p = {}
        if case == "name_suffix":
            suf = r.choice(DATA.SUFFIXES)
            name = base + r.choice(["", "", " ", "-"]) + suf if not suf[0] in "-(" else base + suf
            p["suffix"] = suf
        elif case == "name_emoji":
            e = r.choice(DATA.EMOJI)
            style = r.randint(0, 2)
            name = [e + base, base + e, e + base + r.choice(DATA.SUFFIXES[:8])][style]
            p["emoji"] = e
        elif case == "name_doubled":
            pos = self.cjk_positions(base)
            i = r.choice(pos[1:] if len(pos) > 2 else pos)
            name = base[:i + 1] + base[i] + base[i + 1:]
            p["doubled"] = base[i]
        elif case == "name_homophone":
            pos = [i for i in self.cjk_positions(base) if base[i] in DATA.HOMOPHONE]
            while not pos:
                base, inst_level = self.base_name(rec)
                pos = [i for i in self.cjk_positions(base) if base[i] in DATA.HOMOPHONE]
            i = r.choice(pos)
            name = base[:i] + DATA.HOMOPHONE[base[i]] + base[i + 1:]
            if r.random() < 0.4:
                name += r.choice(DATA.SUFFIXES[:10])
            p["swap"] = base[i] + ">" + DATA.HOMOPHONE[base[i]]
        elif case == "name_traditional":
            if r.random() < 0.4:
                base += r.choice(["极速版", "官方版", "贷款", "手机银行" if "银行" in base else "官方"])
            name = "".join(DATA.TRAD.get(ch, ch) for ch in base)
            while name == base:
                base = inst["short"] + r.choice(["", "官方版"])
                name = "".join(DATA.TRAD.get(ch, ch) for ch in base)
        elif case == "name_pinyin":
            inst_level = True
            py = inst["py"].split()
            style = r.randint(0, 3)
            if style == 0:
                name = " ".join(w.capitalize() for w in py)
            elif style == 1:
                name = "".join(py)
            elif style == 2 and len(py) >= 2 and len(inst["short"]) >= 4:
                name = inst["short"][:len(inst["short"]) - 2] + py[-1].capitalize()
            else:
                name = "".join(w.capitalize() for w in py) + r.choice(["官方版", "APP", "手机版", "贷款"])
            p["style"] = style
        elif case == "name_spaced":
            style = r.randint(0, 4)
            if style == 0:
                name = " ".join(base)
            elif style == 1:
                name = "·".join(base)
            elif style == 2:
                name = "【" + base + "】" + r.choice(DATA.SUFFIXES[:6])
            elif style == 3:
                i = len(base) // 2
                name = base[:i] + "\u200b" + base[i:]
            else:
                if inst["acr"]:
                    name = "".join(chr(ord(c) + 0xFEE0) for c in inst["acr"]) + r.choice(["手机银行", "官方", " 掌上服务"])
                else:
                    name = base + "  " + r.choice(DATA.SUFFIXES[:6])
            p["style"] = style
        elif case == "name_abbrev":
            inst_level = True
            shorts = [k for k in rec["app"]["kw"] + inst["apps"][0]["kw"]
                      if (k.isascii() and k.isupper()) or (not k.isascii() and len(k) <= 3)]
            ab = r.choice(shorts) if shorts else inst["short"]
            name = ab + r.choice(DATA.ABBREV_TAILS)
            p["abbrev"] = ab
        elif case == "name_mini_program":
            kw = r.choice([k for k in inst["apps"][0]["kw"] if not k.isascii()] or [inst["short"]])
            name = kw + r.choice(DATA.MINI_TAILS)
            inst_level = True
        elif case == "name_official_account":
            kw = r.choice([k for k in inst["apps"][0]["kw"] if not k.isascii()] or [inst["short"]])
            name = kw + r.choice(DATA.OA_TAILS)
            inst_level = True
        else:
            raise KeyError(case)
        return name, inst_level, p

    def pkg_typo(self, pkg):
        r = self.rng
        segs = pkg.split(".")
        for _ in range(50):
            si = r.randrange(1, len(segs))
            s = segs[si]
            op = r.choice(["swap", "sub", "del", "dup", "sub"])
            i = r.randrange(len(s))
            if op == "swap" and len(s) > 2:
                i = min(i, len(s) - 2)
                t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
            elif op == "sub":
                sim = {"l": "i", "i": "l", "o": "0", "m": "n", "n": "m", "c": "e", "e": "c", "b": "d", "d": "b",
                       "a": "e", "u": "v", "v": "u", "g": "q", "h": "n", "s": "z", "t": "f", "p": "q", "k": "x", "r": "n"}
                if s[i] not in sim or (i == 0 and sim[s[i]].isdigit()):
                    continue
                t = s[:i] + sim[s[i]] + s[i + 1:]
            elif op == "del" and len(s) > 3:
                t = s[:i] + s[i + 1:]
            else:
                t = s[:i] + s[i] + s[i:]
            if t != s and t and not t[0].isdigit():
                segs2 = segs[:si] + [t] + segs[si + 1:]
                return ".".join(segs2), op
        return pkg + "s", "append"

    def pkg_extra(self, pkg):
        r = self.rng
        e = r.choice(DATA.PKG_EXTRA)
        segs = pkg.split(".")
        style = r.randint(0, 2)
        if style == 0:
            return pkg + "." + e, "suffix"
        if style == 1:
            return ".".join(segs[:2] + [e] + segs[2:]), "insert"
        return "cn." + pkg if segs[0] == "com" else "com." + pkg, "prefix"

    def dev_variant(self, dev):
        r = self.rng
        k = r.randint(0, 4)
        if k == 0 and "股份有限公司" in dev:
            return dev.replace("股份有限公司", "有限公司")
        if k == 1:
            return dev + "(官方)"
        if k == 2:
            t = "".join(DATA.TRAD.get(ch, ch) for ch in dev)
            if t != dev:
                return t
        if k == 3:
            return dev.replace("有限公司", " 有限公司")
        return dev.replace("公司", "公司客户服务中心")

    def name_copies(self):
        apps = self.weighted_apps()
        for case, n in N_NAME.items():
            for _ in range(n):
                rec = next(apps)
                if case == "name_traditional":
                    while not any(ch in DATA.TRAD and DATA.TRAD[ch] != ch for ch in rec["inst"]["short"]):
                        rec = next(apps)
                self.one_name_copy(case, rec)

    def one_name_copy(self, case, rec):
        r = self.rng
        inst, app = rec["inst"], rec["app"]
        params = {}
        cert = self.fmt_cert(self.cert())
        dev = self.generic_dev()
        if case in ("name_mini_program", "name_official_account"):
            name, inst_level, params = self.make_name(case, rec)
            if case == "name_mini_program":
                src = r.choice([DATA.WX_MINI, DATA.WX_MINI, DATA.ALIPAY_MINI])
                pkg = ("wx" + self.hex(64)) if src == DATA.WX_MINI else "2021%012d" % r.randint(0, 10 ** 12 - 1)
            else:
                src, pkg = DATA.WX_OA, "gh_" + self.hex(48)
            cert = None
            dev = self.generic_dev(p_none=0.25)
            mode = r.choices(["avatar", "official", "deformed", "generic", "none"], [4, 2, 1, 2, 1])[0]
            # an icon that is not the official one belongs to the institution level name anyway
            # (the icon only decides whether same-icon siblings are also right)
            if mode in ("avatar", "official", "deformed"):
                inst_level = True
            icon, ip, off = self.icon_for_copy(rec, mode)
            params.update(ip)
            if not off:
                rec = self.by_inst[inst["key"]][0]
            self.add(case, "counterfeit", name, src, pkg, dev, cert, icon, target=rec["id"],
                     accept=self.accept_for(rec, inst_level, off), params=params)
            return
        mode = r.choices(["official", "deformed", "generic", "none"], [3, 3.5, 2.5, 0.4])[0]
        src = self.counterfeit_source()
        if case.startswith("name_"):
            name, inst_level, params = self.make_name(case, rec)
            pkg = self.generic_pkg(ios=src == DATA.IOS)
        elif case in ("pkg_typo", "pkg_extra", "repack"):
            src = self.android_source(0.3)
            name = r.choice([app["name"]] * 3 + app["aliases"])
            inst_level = False
            if case in ("pkg_typo", "pkg_extra"):
                official = {pk for x in self.protected for pk in [x["android"], x["ios"], x["harmony"]] if pk}
                for _ in range(20):
                    pkg, op = (self.pkg_typo if case == "pkg_typo" else self.pkg_extra)(rec["android"])
                    if pkg not in official:
                        break
                params["op"] = op
            else:
                pkg = rec["android"]
                mode = r.choice(["official", "official", "rescaled"])
                dev = r.choice([app["dev"][0], app["dev"][0], None])
            if case != "repack" and r.random() < 0.3:
                dev = app["dev"][0]
        elif case == "dev_foreign_cert":
            dev = app["dev"][0] if r.random() < 0.65 else self.dev_variant(app["dev"][0])
            params["dev_exact"] = dev == app["dev"][0]
            if r.random() < 0.5:
                name = r.choice([app["name"]] + app["aliases"])
                inst_level = False
            else:
                name, inst_level, p2 = self.make_name("name_suffix", rec)
            pkg = self.generic_pkg(ios=src == DATA.IOS)
            inst_level = True   # the developer claim names the institution
        elif case == "dev_only":
            dev = app["dev"][0]
            name = r.choice(DATA.GENERIC_NAMES)
            pkg = self.generic_pkg(ios=src == DATA.IOS)
            mode = "generic"
            inst_level = True
        else:
            raise KeyError(case)
        if src == DATA.IOS:
            cert = None
        if mode == "rescaled":
            path, size, fmt = self.save(rec["img"], sizes=STORE_SIZES)
            icon, off = path, True
            params["icon"] = "rescaled"
        else:
            icon, ip, off = self.icon_for_copy(rec, mode)
            params.update(ip)
        if inst_level and not off and inst["apps"][0] is not app:
            rec = self.by_inst[inst["key"]][0]
        acc = self.accept_for(rec, inst_level, off)
        if case.startswith("dev_"):
            acc += [x["id"] for x in self.by_inst[inst["key"]] if app["dev"][0] in x["app"]["dev"]]
        self.add(case, "counterfeit", name, src, pkg, dev, cert, icon, target=rec["id"], accept=acc, params=params)

    # ------------------------------------------------------------ negatives: official listings
    def official(self):
        r = self.rng
        for rec in self.protected:
            app = rec["app"]
            slots = ["android"]
            if r.random() < 0.3:
                slots.append("android")
            if r.random() < 0.4:
                slots.append(DATA.IOS)
            if rec["harmony"] and r.random() < 0.75:
                slots.append(DATA.HARMONY)
            slots += list(rec["mini"].keys())
            stores = r.sample(DATA.ANDROID_STORES, len(DATA.ANDROID_STORES))
            for slot in slots:
                case, params = "official_android", {}
                if slot == "android":
                    src = stores.pop()
                    if r.random() < 0.08:
                        src = r.choice(DATA.SIDELOAD)
                        params["rehosted"] = True
                    pkg, cert = rec["android"], self.fmt_cert(rec["cert"])
                elif slot == DATA.IOS:
                    case, src, pkg, cert = "official_ios", DATA.IOS, rec["ios"], None
                elif slot == DATA.HARMONY:
                    case, src, pkg, cert = "official_harmony", DATA.HARMONY, rec["harmony"], self.fmt_cert(rec["hcert"])
                else:
                    case, src, pkg, cert = "official_mini", slot, rec["mini"][slot], None
                k = r.random()
                if k < 0.6:
                    name = app["name"]
                elif k < 0.8:
                    name = r.choice(app["aliases"])
                else:
                    tails = {"state_bank": ["手机银行", "官方手机银行", "信用卡 理财 贷款"],
                             "joint_stock_bank": ["手机银行", "信用卡 理财 贷款", "官方版"],
                             "city_bank": ["手机银行", "个人手机银行"], "rural_bank": ["手机银行", "个人手机银行"],
                             "insurer": ["保险服务", "官方APP"], "broker": ["股票开户炒股", "证券开户"],
                             "consumer_finance": ["官方APP", "借款"], "payment": ["官方版", "扫码支付"]}
                    main = rec["inst"]["apps"][0] is app
                    tail = r.choice(tails[rec["inst"]["kind"]] if main else ["官方APP", "信用卡", "生活服务"])
                    name = app["name"] + r.choice(["-", " - ", "—", " "]) + tail
                    params["store_title"] = True
                devs = app["dev"]
                dev = devs[-1] if (src == DATA.IOS and len(devs) > 1 and r.random() < 0.6) else devs[0]
                if r.random() < 0.06:
                    dev = None
                k = r.random()
                if case == "official_mini":
                    if k < 0.5:
                        icon = rec["icon"]
                    else:
                        img, _ = F.roundframe(rec["img"], r, circle=True)
                        icon = self.save(img, sizes=[96, 132, 200])[0]
                        params["icon"] = "avatar"
                elif case == "official_android" and k < 0.12:
                    img, fp = F.festive(rec["img"], r)
                    icon = self.save(img, sizes=STORE_SIZES)[0]
                    case = "official_festive"
                    params.update(fp)
                    self.sheet.append((img, "festive"))
                elif k < 0.55:
                    icon = rec["icon"]
                elif k < 0.95:
                    icon, size, fmt = self.save(rec["img"], sizes=STORE_SIZES, p_jpeg=0.45)
                    params.update(icon="store_copy", size=size)
                else:
                    icon = None
                self.add(case, "none", name, src, pkg, dev, cert, icon, params=params)

    # ------------------------------------------------------------ negatives: others
    def genuine_app(self, case, name, dev, img, n, params, pkg=None, cert=None, decorate=None):
        r = self.rng
        pkg = pkg or self.generic_pkg()
        ios_pkg = pkg + r.choice([".ios", ".iphone", ""])
        cert = cert or self.cert()
        shared = None
        for i in range(n):
            src = DATA.IOS if r.random() < 0.18 else self.android_source(0.06)
            im = img
            p = dict(params)
            if decorate:
                im, dp = F.apply(decorate, img, r)
                p["decor"] = decorate
            if r.random() < 0.4 and not decorate:
                # same file for the same app where the store keeps the upload as is
                if shared is None:
                    shared = self.save(img, size=512, fmt="png")[0]
                path = shared
            else:
                path = self.save(im, sizes=STORE_SIZES if not decorate else SIZES, p_jpeg=0.45)[0]
            self.sheet.append((im, case[:14]))
            self.add(case, "none", name, src, ios_pkg if src == DATA.IOS else pkg, dev,
                     None if src == DATA.IOS else self.fmt_cert(cert), path, params=p)

    def negatives(self):
        r = self.rng
        col = {i["key"]: i["colour"] for i in DATA.INSTITUTIONS}
        kind_of = {rec["inst"]["key"]: rec["spec"]["em"]["kind"] for rec in self.protected}
        for name, dev, like in DATA.UNPROTECTED:
            text = name if len(name) <= 6 else name[:4]
            if like:
                img, sp = self.own_design(colour=col[like], text=text, letters=name[0], avoid_kind=kind_of[like])
                self.genuine_app("unprotected_similar", name, dev, img, r.choice([1, 1, 2]),
                                 dict(resembles=like, tpl=sp["tpl"], emblem=sp["em"]["kind"]))
            else:
                img, sp = self.own_design(text=text, letters=name[0])
                self.genuine_app("unprotected_fin", name, dev, img, 1, dict(tpl=sp["tpl"], emblem=sp["em"]["kind"]))
        tools = self.cycle(DATA.FIN_TOOLS)
        for _ in range(N_FIN_TOOL):
            name = next(tools)
            img, sp = self.own_design(text=name if len(name) <= 6 else name[:4], picto=r.random() < 0.3, letters=name[0],
                                      kinds=["yuan", "bars", "coin", "knot", "letter", "nested", "swoosh", "star"])
            self.genuine_app("finance_tool", name, self.generic_dev(0.05), img, 1, dict(tpl=sp["tpl"], emblem=sp["em"]["kind"]))
        names = self.cycle(DATA.GENERIC_NAMES)
        famous = list(DATA.ORDINARY_FAMOUS)
        bank_cols = [i["colour"] for i in DATA.INSTITUTIONS]
        for case, n in N_ORD.items():
            for i in range(n):
                if case == "ordinary" and famous and i % 2 == 0:
                    name, dev = famous.pop()
                else:
                    name, dev = next(names), self.generic_dev(0.05)
                if case == "ordinary_template":
                    img, sp = self.own_design(colour=r.choice(bank_cols), text=name[:6], letters=name[0])
                else:
                    img, sp = self.own_design(text=name[:6], picto=r.random() < 0.7, letters=name[0])
                dec = r.choice(["badge", "ribbon", "stamp", "band_bottom", "band_top", "text_overlay"]) \
                    if case == "ordinary_decorated" else None
                self.genuine_app(case, name, dev, img, 1, dict(tpl=sp["tpl"], emblem=sp["em"]["kind"]), decorate=dec)

    # ------------------------------------------------------------ write
    def write(self, prot_rows):
        r = self.rng
        r.shuffle(self.rows)
        listings, labels = [], []
        for i, (lst, lab) in enumerate(self.rows, 1):
            lid = "s17-%04d" % i
            listings.append(dict(listing_id=lid, **lst))
            labels.append(dict(listing_id=lid, **lab))
        sp = json.loads((SCHEMAS / "protected.schema.json").read_text(encoding="utf-8"))
        sl = json.loads((SCHEMAS / "listing.schema.json").read_text(encoding="utf-8"))
        vp = jsonschema.Draft202012Validator(sp)
        vl = jsonschema.Draft202012Validator(sl)
        for row in prot_rows:
            vp.validate(row)
        for row in listings:
            vl.validate(row)
        ids = [p["app_id"] for p in prot_rows]
        assert len(set(ids)) == len(ids)
        for lst, lab in zip(listings, labels):
            for rel in [lst["icon"]]:
                assert rel is None or (ICONS / rel).is_file(), rel
            assert set(lab) == {"listing_id", "expected", "case", "target_app_id", "accept_app_ids",
                                "target_institution", "params"}
            assert (lab["expected"] == "counterfeit") == (lab["target_app_id"] is not None)
            assert all(a in ids for a in lab["accept_app_ids"])

        # label sanity: a negative that is not an official listing never carries a protected
        # name or brand keyword; an official listing always carries the official identity.
        marks = sorted({m.lower() for p in prot_rows for m in p["names"] + p["brand_keywords"]}, key=len)
        off_ids = {(pk.strip(), c) for x in self.protected for pk, c in
                   [(x["android"], x["cert"]), (x["ios"], None)] + ([(x["harmony"], x["hcert"])] if x["harmony"] else [])
                   + [(v, None) for v in x["mini"].values()]}
        for lst, lab in zip(listings, labels):
            nm = lst["name"].lower()
            if lab["expected"] == "none" and not lab["case"].startswith("official"):
                assert not any(m in nm for m in marks), lst["name"]
            if lab["case"].startswith("official"):
                c = lst["cert_sha256"]
                c = c.replace(":", "").lower() if c else None
                assert (lst["package_id"], c) in off_ids, lst
            elif lab["expected"] == "counterfeit":
                c = lst["cert_sha256"]
                c = c.replace(":", "").lower() if c else None
                assert (lst["package_id"], c) not in off_ids and lst["package_id"] not in {k for k, _ in off_ids if _ is None}, (lst, lab)

        def dump(path, rows):
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
        dump(OUT / "protected.jsonl", prot_rows)
        dump(OUT / "listings.jsonl", listings)
        dump(OUT / "labels.jsonl", labels)
        return listings, labels


def digest(root):
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for p in files:
        rel = p.relative_to(root).as_posix()
        h.update(rel.encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest(), len(files)


def contact_sheets(b):
    items = b.sheet
    per = 120
    for s in range(0, len(items), per):
        chunk = items[s:s + per]
        sheet = Image.new("RGB", (12 * 104, ((len(chunk) + 11) // 12) * 120), "white")
        from PIL import ImageDraw
        d = ImageDraw.Draw(sheet)
        for i, (im, cap) in enumerate(chunk):
            x, y = (i % 12) * 104, (i // 12) * 120
            sheet.paste(im.convert("RGB").resize((100, 100)), (x, y))
            d.text((x + 2, y + 102), cap[:16], fill=(0, 0, 0), font=D.font(D.FONT_LAT, 10))
        sheet.save(HERE / ("sheet_%02d.png" % (s // per)))


def main():
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    (ICONS / "l").mkdir(parents=True)
    (ICONS / "p").mkdir(parents=True)
    b = Builder()
    prot_rows = b.build_protected()
    b.icon_copies()
    b.name_copies()
    b.official()
    b.negatives()
    listings, labels = b.write(prot_rows)
    if "--sheet" in sys.argv:
        for rec in b.protected:
            b.sheet.insert(0, (rec["img"], rec["id"]))
        contact_sheets(b)
    cnt = Counter((lab["expected"], lab["case"]) for lab in labels)
    print("protected apps: %d (institutions: %d)" % (len(prot_rows), len({p['institution'] for p in prot_rows})))
    print("listings: %d" % len(listings))
    for exp in ("counterfeit", "none"):
        sub = {c: n for (e, c), n in cnt.items() if e == exp}
        print("  %-11s %4d" % (exp, sum(sub.values())))
        for c in sorted(sub):
            print("    %-22s %4d" % (c, sub[c]))
    dg, nf = digest(OUT)
    print("files: %d  sha256: %s" % (nf, dg))
    print("build time: %.1f s" % (time.time() - t0))


if __name__ == "__main__":
    main()
