#!/usr/bin/env python3
"""Builds holdout s19, an independent labelled evaluation set for the look-alike detector.

Deletes and rebuilds out/ deterministically (seed 1919):
  out/protected.jsonl, out/listings.jsonl, out/labels.jsonl, out/icons/p/*.png, out/icons/l/*
With --sheet also writes contact sheets (official icon next to listing icon) to sheets/.

Usage: /work/main/.venv/bin/python make_set.py [--sheet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import jsonschema  # noqa: E402
import s19_catalog as C  # noqa: E402
import s19_draw as D  # noqa: E402
import s19_edits as E  # noqa: E402
import s19_sim as M  # noqa: E402

SEED = 1919
OUT = HERE / "out"
ICONS = OUT / "icons"
SCHEMAS = HERE.parents[2] / "src" / "appgov" / "engines" / "lookalike" / "data"

ANDROID_STORES = ["huawei-appgallery", "xiaomi-appstore", "oppo-appstore", "vivo-appstore", "tencent-myapp",
                  "baidu-appstore", "360-appstore", "wandoujia"]
APK_SITE = "apk-download-site"
HARMONY = "harmonyos-appgallery"
APPLE = "apple-app-store"
WX_MP = "wechat-miniprogram"
ALI_MP = "alipay-miniprogram"
WX_OA = "wechat-official-account"
SIGNING = set(ANDROID_STORES) | {APK_SITE, HARMONY}

# the case plan: (case, count)
ICON_KINDS = list(E.EDITS)
ICON_PER_KIND = 8
ICON_COMBOS = 48
NAME_KINDS = ["name_suffix", "name_emoji", "name_doubled", "name_homophone", "name_traditional", "name_pinyin",
              "name_spaced", "name_abbrev", "name_mini_program", "name_official_account", "pkg_typo", "pkg_extra",
              "dev_foreign_cert", "repack"]
NAME_PER_KIND = 14
N_OFFICIALS = 120
N_UNPROTECTED = 70
N_FIN_TOOLS = 40
N_BANKSTYLE = 30
N_BADGED = 30
N_ORD_MINI = 20
N_ORD_PLAIN = 20


def R(tag):
    """An independent, reproducible random stream per tag."""
    return random.Random(f"{SEED}:{tag}")


# ---------------------------------------------------------------- text helpers
def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(ch for ch in s if not ch.isspace() and ch not in ".·\u200b\u3000-_")


def within_one(a, b):
    """Levenshtein distance <= 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def fmt_cert(hexs, form):
    if form == "lower":
        return hexs.lower()
    if form == "upper":
        return hexs.upper()
    pairs = [hexs[i:i + 2] for i in range(0, 64, 2)]
    return ":".join(p.upper() for p in pairs) if form == "colon_upper" else ":".join(pairs)


def rand_hex(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def rand_cert(r):
    return rand_hex(r, 64)


def wx_id(r):
    return "wx" + rand_hex(r, 16)


def ali_id(r):
    return "2021" + "".join(r.choice("0123456789") for _ in range(12))


def gh_id(r):
    return "gh_" + rand_hex(r, 12)


# ---------------------------------------------------------------- the protected side
class World:
    def __init__(self):
        self.inst = {}
        for key, name, kind, kws, devs, abbrevs, pinyin, colours in C.INSTITUTIONS:
            self.inst[key] = dict(key=key, name=name, kind=kind, keywords=kws, devs=devs, abbrevs=abbrevs,
                                  pinyin=pinyin, colours=colours, apps=[])
        self.apps = {}
        self.order = []
        r = R("protected")
        inst_cert = {k: rand_cert(r) for k in self.inst}
        for spec in C.APPS:
            a = dict(spec)
            ins = self.inst[a["inst"]]
            a["main"] = not ins["apps"]
            ins["apps"].append(a["app_id"])
            ch = a.get("ch", "").split()
            a["wx"] = wx_id(r) if "wx" in ch else None
            a["ali"] = ali_id(r) if "ali" in ch else None
            a["gh"] = gh_id(r) if "gh" in ch else None
            a.setdefault("ios", None)
            a.setdefault("hm", None)
            a["developers"] = [ins["devs"][i] for i in a.get("dev", [0])]
            u = r.random()
            if u < 0.6:
                a["certs"] = [inst_cert[a["inst"]]]
            elif u < 0.85:
                a["certs"] = [rand_cert(r)]
            else:
                a["certs"] = [inst_cert[a["inst"]], rand_cert(r)]
            self.apps[a["app_id"]] = a
            self.order.append(a["app_id"])
        # icons
        self.icon_img = {}
        for aid in self.order:
            a = self.apps[aid]
            if a["icon"][0] == "share":
                continue
            fam, style, params = a["icon"]
            a["icon_rel"] = f"p/{aid}.png"
            self.icon_img[a["icon_rel"]] = D.draw_protected(fam, style, self.inst[a["inst"]]["colours"], params)
        for aid in self.order:
            a = self.apps[aid]
            if a["icon"][0] == "share":
                a["icon_rel"] = self.apps[a["icon"][1]]["icon_rel"]
                assert self.apps[a["icon"][1]]["inst"] == a["inst"]
        self.fp = {rel: M.fingerprint(img) for rel, img in self.icon_img.items()}
        self.sharers = {aid: [b for b in self.order if self.apps[b]["icon_rel"] == self.apps[aid]["icon_rel"]]
                        for aid in self.order}
        self.all_ids = [(aid, pid) for aid in self.order for pid in self.package_ids(aid)]
        self.official_devs = {dv for a in self.apps.values() for dv in a["developers"]}
        self.words = []  # (normalised word, institution) for every name and keyword
        for a in self.apps.values():
            for n in a["names"]:
                self.words.append((norm(n), a["inst"]))
        for ins in self.inst.values():
            for k in ins["keywords"]:
                self.words.append((norm(k), ins["key"]))

    def package_ids(self, aid):
        a = self.apps[aid]
        return [x for x in (a["android"], a["ios"], a["hm"], a["wx"], a["ali"], a["gh"]) if x]

    def record(self, aid):
        a = self.apps[aid]
        ins = self.inst[a["inst"]]
        return {"app_id": aid, "institution": ins["name"], "names": a["names"], "brand_keywords": ins["keywords"],
                "package_ids": self.package_ids(aid), "developers": a["developers"], "cert_sha256": a["certs"],
                "icon": a["icon_rel"]}

    def hits(self, text):
        t = norm(text)
        return sorted({inst for w, inst in self.words if w and w in t})

    def near_package(self, pkg):
        p = (pkg or "").strip()
        return [aid for aid, pid in self.all_ids if within_one(p, pid)]

    def main_app(self, inst):
        return self.inst[inst]["apps"][0]

    def level(self, base, inst):
        """institution when the copied name is built on a brand keyword or the main app's name/alias."""
        b = norm(base)
        ins = self.inst[inst]
        if any(norm(k) in b for k in ins["keywords"]):
            return "institution"
        main = self.apps[self.main_app(inst)]
        if any(norm(n) in b for n in main["names"]):
            return "institution"
        return "app"

    def accept(self, target, icon_official=False, inst_level=False):
        s = {target}
        if icon_official:
            s |= set(self.sharers[target])
        if inst_level:
            s |= set(self.inst[self.apps[target]["inst"]]["apps"])
        return [aid for aid in self.order if aid in s]

    def official_of(self, listing):
        """Officiality recomputed from the rules (used as a check)."""
        pkg = (listing.get("package_id") or "").strip()
        if not pkg:
            return None
        cert = (listing.get("cert_sha256") or "").strip().replace(":", "").lower()
        for aid in self.order:
            if pkg in self.package_ids(aid):
                if listing["source"] in SIGNING:
                    if cert and cert in [c.lower() for c in self.apps[aid]["certs"]]:
                        return aid
                    continue
                return aid
        return None


# ---------------------------------------------------------------- listing assembly
class Builder:
    def __init__(self, world):
        self.w = world
        self.rows = []  # (listing, label, sheet info)
        self.r_names = R("filenames")
        self.used_files = set()
        self.neg_fps = []

    def icon_file(self, img, fmt="PNG", q=None):
        ext = "jpg" if fmt == "JPEG" else "png"
        while True:
            name = rand_hex(self.r_names, 14)
            if name not in self.used_files:
                self.used_files.add(name)
                break
        data = E.as_file_bytes(img, fmt, q)
        (ICONS / "l" / f"{name}.{ext}").write_bytes(data)
        return f"l/{name}.{ext}", E.decode(data)

    def add(self, listing, label, source_icon=None):
        base = {"source": None, "name": None, "package_id": None, "developer": None, "cert_sha256": None,
                "icon": None, "url": None, "first_seen": None, "changed_at": None}
        base.update(listing)
        lab = {"expected": "none", "case": None, "target_app_id": None, "accept_app_ids": [],
               "target_institution": None, "params": {}}
        lab.update(label)
        self.rows.append((base, lab, source_icon))

    # -- random identities
    def company(self, r):
        while True:
            if r.random() < 0.12:
                dev = r.choice(C.LATIN_DEVS)
            else:
                dev = r.choice(C.CITIES) + r.choice(C.SYLL) + r.choice(C.SYLL) + r.choice(C.COMPANY_TAILS)
            if not self.w.hits(dev) and dev not in self.w.official_devs:
                return dev

    def package(self, r, kind="android"):
        while True:
            w1, w2 = r.sample(C.PKG_WORDS, 2)
            if kind == "android":
                pkg = r.choice([f"com.{w1}.{w2}", f"cn.{w1}{r.randint(2, 99)}.{w2}", f"com.{w1}.{w2}.app",
                                f"net.{w1}.{w2}"])
            elif kind == "ios":
                pkg = f"com.{w1}.{w2}.ios"
            elif kind == "wx":
                pkg = wx_id(r)
            elif kind == "ali":
                pkg = ali_id(r)
            else:
                pkg = gh_id(r)
            if not self.w.near_package(pkg) and not self.w.hits(pkg):
                return pkg

    def dates(self, r):
        f = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 540))
        first = f.isoformat()
        if r.random() < 0.3:
            first = f"{first}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00+08:00"
        changed = None
        if r.random() < 0.25:
            changed = (f + dt.timedelta(days=r.randint(1, 120))).isoformat()
        return first, changed

    def url(self, r, source, slug):
        return f"https://{source}.example.cn/app/{slug}"

    def identity(self, r, source, pkg=None, dev="random", cert="random"):
        """Common listing fields for a source."""
        if pkg is None:
            kind = {APPLE: "ios", WX_MP: "wx", ALI_MP: "ali", WX_OA: "gh"}.get(source, "android")
            pkg = self.package(r, kind)
        if dev == "random":
            dev = self.company(r) if source not in (WX_MP, ALI_MP, WX_OA) or r.random() < 0.6 else None
        if cert == "random":
            cert = rand_cert(r) if source in SIGNING else None
        first, changed = self.dates(r)
        return {"source": source, "package_id": pkg, "developer": dev, "cert_sha256": cert,
                "url": self.url(r, source, rand_hex(r, 10)), "first_seen": first, "changed_at": changed}

    def counterfeit_source(self, r, weights=None):
        weights = weights or {"android": 62, APK_SITE: 15, APPLE: 10, HARMONY: 5, WX_MP: 5, ALI_MP: 3}
        k = r.choices(list(weights), list(weights.values()))[0]
        return r.choice(ANDROID_STORES) if k == "android" else k

    # -- icons
    def official_img(self, aid):
        return self.w.icon_img[self.w.apps[aid]["icon_rel"]]

    def edited(self, aid, kinds, r, min_diff=M.EDIT_MIN, tries=10):
        """Edits the official icon of aid; returns (rel, decoded, params) or None when it stays too close."""
        src = self.official_img(aid)
        for t in range(tries):
            out, plist, jq = E.apply_chain(src, kinds, r)
            data = E.as_file_bytes(out, "JPEG" if jq else "PNG", jq)
            dec = E.decode(data)
            diff = M.visible_diff(src, dec)
            if diff >= min_diff:
                rel, dec = self.icon_file(out, "JPEG" if jq else "PNG", jq)
                return rel, dec, {"edits": plist, "visible_diff": round(diff, 2), "attempt": t + 1,
                                  "icon_from": self.w.apps[aid]["icon_rel"]}
        return None

    def negative_icon(self, r, motifs=None, styles=None, colours=None, layout="plain", word=None, overlay=None,
                      avatar=False, tries=80):
        motifs = motifs or list(D.NEG_MOTIFS)
        styles = styles or {"solid": 3, "grad": 3, "white": 3, "dark": 2, "tile": 2}
        for _ in range(tries):
            motif = r.choice(motifs)
            style = r.choices(list(styles), list(styles.values()))[0]
            if colours:
                c1, c2 = (D.rgb(x) for x in r.choice(colours))
            else:
                c1, c2 = E.rand_colour(r), E.rand_colour(r)
            lay = layout if not isinstance(layout, list) else r.choice(layout)
            sc = r.uniform(0.85, 1.05) if lay == "plain" else 1.0
            img = D.draw_negative(motif, style, c1, c2, layout=lay, word=word, scale=sc)
            params = {"motif": motif, "style": style, "layout": lay, "rgb": [list(c1), list(c2)],
                      "scale": round(sc, 3)}
            if overlay:
                img, op = E.EDITS[overlay](img, r)
                params["overlay"] = {"kind": overlay, **op}
            if avatar:
                img, ap, _ = E.avatar(img, r)
                params["avatar"] = ap
            f = M.fingerprint(img)
            if all(M.clearly_distinct(f, pf) for pf in self.w.fp.values()):
                return img, params
        raise AssertionError(f"no clearly distinct negative icon for {motifs} {layout} {overlay}")


# ---------------------------------------------------------------- counterfeit cases
def build_icon_copies(b):
    w = b.w
    r = R("icon-copies")
    pool = list(w.order)
    r.shuffle(pool)
    queue = pool * 4
    plan = [[k] for k in ICON_KINDS for _ in range(ICON_PER_KIND)]
    rc = R("combos")
    for _ in range(ICON_COMBOS):
        while True:
            steps = []
            if rc.random() < 0.6:
                steps.append(rc.choice(E.GEOMETRIC))
            if rc.random() < 0.55:
                steps.append(rc.choice(E.COLOUR))
            if rc.random() < 0.75:
                steps.append(rc.choice(E.OVERLAY))
            if rc.random() < 0.25:
                steps.append(rc.choice(["rescale_jpeg", "phone_photo", "homescreen_crop"]))
            if 2 <= len(steps) <= 3:
                break
        plan.append(steps)
    for i, kinds in enumerate(plan):
        ri = R(f"icon-copy:{i}")
        while True:
            target = queue.pop(0)
            got = b.edited(target, kinds, ri)
            if got:
                break
            queue.append(target)
        rel, _dec, params = got
        source = b.counterfeit_source(ri)
        ident = b.identity(ri, source)
        name = ri.choice(C.ICON_COPY_NAMES)
        assert not w.hits(name), name
        case = "icon_" + kinds[0] if len(kinds) == 1 else "icon_combo"
        inst = w.apps[target]["inst"]
        b.add({**ident, "name": name, "icon": rel},
              {"expected": "counterfeit", "case": case, "target_app_id": target,
               "accept_app_ids": w.accept(target, icon_official=True), "target_institution": w.inst[inst]["name"],
               "params": {"signals": ["icon"], **params}},
              source_icon=w.apps[target]["icon_rel"])


def pick_base(w, r, kind, targets_cycle):
    """(target app, base name) for a name case; institution bases go with the main app."""
    while True:
        aid = targets_cycle.pop(0)
        targets_cycle.append(aid)
        a = w.apps[aid]
        ins = w.inst[a["inst"]]
        if a["main"]:
            cands = [k for k in ins["keywords"] if not k.isascii()] + a["names"]
        else:
            cands = list(a["names"])
        if kind == "name_homophone":
            cands = [c for c in cands if any(ch in C.HOMOPHONES for ch in c)]
        if kind == "name_traditional":
            cands = [c for c in cands if any(ch in C.TRADITIONAL and C.TRADITIONAL[ch] != ch for ch in c)]
        if kind == "name_doubled":
            cands = [c for c in cands if len(c) >= 2]
        if cands:
            return aid, r.choice(cands)


def disguise(kind, base, r, ins):
    if kind == "name_suffix":
        suf = r.choice(C.SUFFIXES)
        form = r.choice(["{b}{s}", "{b} {s}", "{b}-{s}", "{b}（{s}）", "{b}·{s}"])
        return form.format(b=base, s=suf), {"suffix": suf, "form": form}
    if kind == "name_emoji":
        e = r.choice(C.EMOJIS)
        where = r.choice(["prefix", "suffix", "middle", "both"])
        if where == "prefix":
            name = e + base
        elif where == "suffix":
            name = base + e
        elif where == "middle":
            i = r.randint(1, len(base) - 1)
            name = base[:i] + e + base[i:]
        else:
            name = e + base + r.choice(C.EMOJIS)
        return name, {"emoji": e, "where": where}
    if kind == "name_doubled":
        idx = [i for i, ch in enumerate(base) if not ch.isascii()] or list(range(len(base)))
        i = r.choice(idx)
        return base[:i + 1] + base[i] + base[i + 1:], {"doubled_index": i, "char": base[i]}
    if kind == "name_homophone":
        idx = [i for i, ch in enumerate(base) if ch in C.HOMOPHONES]
        i = r.choice(idx)
        name = base[:i] + C.HOMOPHONES[base[i]] + base[i + 1:]
        if r.random() < 0.3:
            name += r.choice(["", "官方", "手机版", "极速版"])
        return name, {"index": i, "from": base[i], "to": C.HOMOPHONES[base[i]]}
    if kind == "name_traditional":
        name = "".join(C.TRADITIONAL.get(ch, ch) for ch in base)
        if r.random() < 0.3:
            name += r.choice(["官方版", "手機版", "APP"])
        return name, {"traditional": True}
    if kind == "name_pinyin":
        py = ins["pinyin"]
        form = r.choice(["plain", "joined", "camel", "upper_initials", "with_app"])
        if form == "plain":
            name = py
        elif form == "joined":
            name = py.replace(" ", "")
        elif form == "camel":
            name = "".join(p.capitalize() for p in py.split())
        elif form == "upper_initials":
            name = " ".join(p.capitalize() for p in py.split()) + " " + r.choice(["手机版", "官方", "贷款"])
        else:
            name = py.replace(" ", "") + r.choice([" app", " APP", "-app", " 2024"])
        return name, {"pinyin_form": form, "pinyin": py}
    if kind == "name_spaced":
        latin = [k for k in ins["keywords"] if k.isascii()]
        forms = ["spaces", "dots", "zwsp", "ideographic_space", "one_space"] + (["fullwidth"] if latin else [])
        form = r.choice(forms)
        if form == "fullwidth":
            kw = r.choice(latin)
            name = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in kw)
            name += r.choice(["", "手机银行", "官方", " 掌上服务"])
            return name, {"form": form, "keyword": kw}
        if form == "spaces":
            name = " ".join(base)
        elif form == "dots":
            name = r.choice([".", "·", "•"]).join(base)
        elif form == "zwsp":
            i = r.randint(1, len(base) - 1)
            name = base[:i] + "\u200b" + base[i:]
        elif form == "ideographic_space":
            i = r.randint(1, len(base) - 1)
            name = base[:i] + "\u3000" + base[i:]
        else:
            i = r.randint(1, len(base) - 1)
            name = base[:i] + " " + base[i:]
        return name, {"form": form}
    raise ValueError(kind)


def typo_package(pkg, r, w, target):
    ops = ["substitution", "insertion", "deletion"]
    if "l" in pkg:
        ops.append("l_to_1")
    if "o" in pkg:
        ops.append("o_to_0")
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(200):
        op = r.choice(ops)
        pos = [i for i, ch in enumerate(pkg) if ch.isalpha()]
        if op == "l_to_1":
            i = r.choice([i for i, ch in enumerate(pkg) if ch == "l"])
            new = pkg[:i] + "1" + pkg[i + 1:]
        elif op == "o_to_0":
            i = r.choice([i for i, ch in enumerate(pkg) if ch == "o"])
            new = pkg[:i] + "0" + pkg[i + 1:]
        elif op == "substitution":
            i = r.choice(pos)
            new = pkg[:i] + r.choice(letters.replace(pkg[i], "")) + pkg[i + 1:]
        elif op == "insertion":
            i = r.choice(pos)
            new = pkg[:i] + r.choice(letters) + pkg[i:]
        else:
            i = r.choice(pos)
            new = pkg[:i] + pkg[i + 1:]
        if new == pkg or ".." in new or new.startswith(".") or new.endswith("."):
            continue
        if set(w.near_package(new)) == {target} and new not in [p for _, p in w.all_ids]:
            return new, {"op": op, "index": i}
    raise AssertionError(pkg)


def extra_package(pkg, r):
    form = r.choice(["suffix", "prefix", "middle"])
    seg = r.choice(["lite", "plugin", "hd", "pro", "v2", "fast", "loan", "vip", "free", "mod"])
    parts = pkg.split(".")
    if form == "suffix":
        new = pkg + "." + seg
    elif form == "prefix":
        new = r.choice(["com.android.", "a.", "app.", "cn.m."]) + pkg
    else:
        i = r.randint(1, len(parts) - 1)
        new = ".".join(parts[:i] + [seg] + parts[i:])
    return new, {"form": form, "segment": seg}


def name_case_icon(b, aid, r, mini=False):
    """Icon for a name/package/developer case: (rel or None, official?, params)."""
    w = b.w
    opts = {"official_file": 15, "avatar": 40, "generic": 30, "none": 15} if mini else \
        {"official_file": 25, "official_copy": 10, "light_edit": 20, "avatar": 10, "generic": 25, "none": 10}
    kind = r.choices(list(opts), list(opts.values()))[0]
    if kind == "official_file":
        return w.apps[aid]["icon_rel"], True, {"icon_variant": kind}
    if kind == "official_copy":
        img, p, fmt = E.store_resize(b.official_img(aid), r)
        rel, _ = b.icon_file(img, fmt)
        return rel, True, {"icon_variant": kind, **p}
    if kind == "avatar":
        img, p, fmt = E.avatar(b.official_img(aid), r)
        rel, _ = b.icon_file(img, fmt)
        return rel, True, {"icon_variant": kind, **p}
    if kind == "light_edit":
        while True:
            got = b.edited(aid, [r.choice(["corner_badge", "corner_ribbon", "text_band", "centre_stamp", "crop"])], r)
            if got:
                rel, _, p = got
                return rel, True, {"icon_variant": kind, **p}
    if kind == "generic":
        img, p = b.negative_icon(r)
        rel, _ = b.icon_file(img)
        return rel, False, {"icon_variant": kind, **p}
    return None, False, {"icon_variant": "none"}


def build_name_cases(b):
    w = b.w
    for kind in NAME_KINDS:
        r = R(f"name-case:{kind}")
        cyc = list(w.order)
        r.shuffle(cyc)
        if kind in ("name_abbrev", "name_pinyin"):
            cyc = [w.main_app(k) for k in w.inst if (w.inst[k]["abbrevs"] or kind == "name_pinyin")]
            r.shuffle(cyc)
        if kind in ("pkg_typo", "pkg_extra", "dev_foreign_cert", "repack"):
            cyc = [a for a in cyc if w.apps[a]["android"]]
        for i in range(NAME_PER_KIND):
            ri = R(f"name-case:{kind}:{i}")
            signals = []
            params = {}
            inst_level = False
            mini = kind in ("name_mini_program", "name_official_account")
            if kind.startswith("name_"):
                aid, base = pick_base(w, ri, kind, cyc)
                ins = w.inst[w.apps[aid]["inst"]]
                if kind == "name_abbrev":
                    ab = ri.choice(ins["abbrevs"])
                    loan = ri.choice(C.LOAN_WORDS)
                    name = ab + (" " if ab.isascii() and ri.random() < 0.5 else "") + loan
                    base = ab
                    params.update({"abbreviation": ab, "loan_word": loan})
                elif kind == "name_pinyin":
                    base = ins["keywords"][0]
                    name, p = disguise(kind, base, ri, ins)
                    params.update(p)
                elif mini:
                    tmpl = ri.choice(C.MINI_TEMPLATES if kind == "name_mini_program" else C.OA_TEMPLATES)
                    name = tmpl.format(b=base)
                    params["template"] = tmpl
                else:
                    name, p = disguise(kind, base, ri, ins)
                    params.update(p)
                    base = p.get("keyword", base)
                level = w.level(base, ins["key"])
                inst_level = level == "institution"
                params.update({"base": base, "base_level": level})
                signals.append("name")
                hits = w.hits(name)
                assert set(hits) <= {ins["key"]}, (name, hits)
                assert name not in [n for a in w.apps.values() for n in a["names"]], name
                if kind == "name_mini_program":
                    source = ri.choice([WX_MP, WX_MP, ALI_MP])
                elif kind == "name_official_account":
                    source = WX_OA
                else:
                    source = b.counterfeit_source(ri, {"android": 60, APK_SITE: 15, APPLE: 20, HARMONY: 5})
                ident = b.identity(ri, source)
            else:
                aid = cyc.pop(0)
                cyc.append(aid)
                a = w.apps[aid]
                ins = w.inst[a["inst"]]
                source = ri.choice(ANDROID_STORES + [APK_SITE])
                if kind in ("pkg_typo", "pkg_extra", "repack"):
                    if kind == "pkg_typo":
                        pkg, p = typo_package(a["android"], ri, w, aid)
                    elif kind == "pkg_extra":
                        pkg, p = extra_package(a["android"], ri)
                    else:
                        pkg, p = a["android"], {"official_package": True}
                    params.update(p)
                    signals.append("package")
                    ident = b.identity(ri, source, pkg=pkg)
                    if ri.random() < (0.6 if kind == "repack" else 0.5):
                        name = a["names"][0]
                        if ri.random() < 0.3:
                            name = f"{name}-{ri.choice(C.SLOGANS[ins['kind']])}"
                        level = w.level(a["names"][0], ins["key"])
                        inst_level = level == "institution"
                        signals.append("name")
                        params.update({"name_from": "official", "base": a["names"][0], "base_level": level})
                    else:
                        name = ri.choice(C.BLAND_FIN[ins["kind"]])
                        params["name_from"] = "bland"
                else:  # dev_foreign_cert
                    dev = ri.choice(a["developers"])
                    ident = b.identity(ri, source, dev=dev)
                    name = ri.choice(C.BLAND_FIN[ins["kind"]] + C.ICON_COPY_NAMES[:20])
                    inst_level = True
                    signals.append("developer")
                    params.update({"developer": dev, "name_from": "bland"})
                if "name" not in signals:
                    assert not w.hits(name), name
            rel, icon_official, ip = name_case_icon(b, aid, ri, mini=mini)
            if icon_official:
                signals.append("icon")
            params.update(ip)
            params["signals"] = signals
            b.add({**ident, "name": name, "icon": rel},
                  {"expected": "counterfeit", "case": kind, "target_app_id": aid,
                   "accept_app_ids": w.accept(aid, icon_official=icon_official, inst_level=inst_level),
                   "target_institution": ins["name"], "params": params},
                  source_icon=w.apps[aid]["icon_rel"])


# ---------------------------------------------------------------- negatives
def build_officials(b):
    w = b.w
    r = R("officials")
    weights = {"android": 2.2, "apk": 0.8, "hm": 3.0, "ios": 1.6, "wx": 1.5, "ali": 4.0, "gh": 3.5}
    forms = ["lower", "upper", "colon_upper", "colon_lower"]
    # how many official listings per app: 3 with mini-program/official-account ids, 1 for minor apps, 2 else
    per = {}
    for aid in w.order:
        a = w.apps[aid]
        per[aid] = 3 if (a["gh"] or a["ali"]) else 2 if (a["hm"] or a["wx"]) else 1
    spare = [aid for aid in w.order if per[aid] == 1]
    r.shuffle(spare)
    while sum(per.values()) < N_OFFICIALS:
        per[spare.pop()] += 1
    k = 0
    for aid in w.order:
        a = w.apps[aid]
        avail = [c for c in weights if c in ("android", "apk") or a.get(c)]
        chosen = []
        while len(chosen) < per[aid]:
            c = r.choices(avail, [weights[x] for x in avail])[0]
            if c not in chosen:
                chosen.append(c)
        for ch in chosen:
            ri = R(f"official:{aid}:{ch}")
            k += 1
            n = ri.choice(a["names"])
            slogan = ri.choice(C.SLOGANS[w.inst[a["inst"]]["kind"]])
            if ch in ("android", "apk", "hm"):
                source = {"android": ri.choice(ANDROID_STORES), "apk": APK_SITE, "hm": HARMONY}[ch]
                pkg = a["hm"] if ch == "hm" else a["android"]
                form = forms[k % 4]
                cert = fmt_cert(ri.choice(a["certs"]), form)
                name = ri.choice([n, f"{n}-{slogan}", f"{n} - {slogan}", f"{n}（{slogan}）"])
                dev = ri.choice(a["developers"])
                icon_opts = {"official_file": 35, "store_resized": 40, "festive": 15, "avatar": 10}
            elif ch == "ios":
                source, pkg, cert, form = APPLE, a["ios"], None, None
                name = ri.choice([n, f"{n}-{slogan}"])
                dev = ri.choice(a["developers"])
                icon_opts = {"official_file": 30, "store_resized": 50, "festive": 20}
            else:
                source = {"wx": WX_MP, "ali": ALI_MP, "gh": WX_OA}[ch]
                pkg, cert, form = a[ch], None, None
                name = ri.choice([n, n, f"{n}+" if ch != "gh" else f"{n}微银行" if "银行" in n else f"{n}服务号"])
                dev = ri.choice(a["developers"]) if ri.random() < 0.7 else None
                icon_opts = {"avatar": 60, "official_file": 20, "store_resized": 20}
            iv = ri.choices(list(icon_opts), list(icon_opts.values()))[0]
            img = b.official_img(aid)
            if iv == "official_file":
                rel, ip = a["icon_rel"], {"icon_variant": iv}
            else:
                fn = {"store_resized": E.store_resize, "festive": E.festive, "avatar": E.avatar}[iv]
                out, ip, fmt = fn(img, ri)
                rel, _ = b.icon_file(out, fmt)
                ip = {"icon_variant": iv, **ip}
            first, changed = b.dates(ri)
            case = {"android": "official_android", "apk": "official_apk_site", "hm": "official_harmonyos",
                    "ios": "official_ios", "wx": "official_wechat_mp", "ali": "official_alipay_mp",
                    "gh": "official_wechat_oa"}[ch]
            b.add({"source": source, "name": name, "package_id": pkg, "developer": dev, "cert_sha256": cert,
                   "icon": rel, "url": b.url(ri, source, pkg.replace(".", "-")), "first_seen": first,
                   "changed_at": changed},
                  {"expected": "none", "case": case, "target_app_id": aid, "accept_app_ids": [],
                   "target_institution": w.inst[a["inst"]]["name"],
                   "params": {"channel": ch, "cert_form": form, **ip}},
                  source_icon=a["icon_rel"])


def neg_listing(b, r, case, name, dev, pkg_stem, source, icon_img, icon_params, extra=None):
    if source == APPLE:
        pkg = pkg_stem + ".ios" if pkg_stem else b.package(r, "ios")
    elif source in (WX_MP, ALI_MP, WX_OA):
        pkg = b.package(r, {WX_MP: "wx", ALI_MP: "ali", WX_OA: "gh"}[source])
    else:
        pkg = pkg_stem or b.package(r)
    ident = b.identity(r, source, pkg=pkg, dev=dev)
    rel, _ = b.icon_file(icon_img)
    b.add({**ident, "name": name, "icon": rel},
          {"expected": "none", "case": case, "params": {**(extra or {}), "icon": icon_params}})


def build_negatives(b):
    w = b.w
    # genuine apps of unprotected financial institutions
    r = R("unprotected")
    entries = list(C.UNPROTECTED_FIN)
    second = set(r.sample(range(len(entries)), N_UNPROTECTED - len(entries)))
    bank_colours = [ins["colours"] for ins in w.inst.values()]
    for i, (name, dev, stem, kind) in enumerate(entries):
        for j in range(2 if i in second else 1):
            ri = R(f"unprotected:{i}:{j}")
            source = ri.choice(ANDROID_STORES) if j == 0 else ri.choice([APPLE, APK_SITE, HARMONY, WX_MP])
            title = name if ri.random() < 0.6 else f"{name}-{ri.choice(['手机银行', '掌上服务', '官方客户端', '移动金融'])}"
            img, ip = b.negative_icon(ri, colours=bank_colours)
            neg_listing(b, ri, "neg_unprotected_institution", title, dev, stem if source != WX_MP else None, source,
                        img, ip, {"institution_kind": kind})
    # resembling names
    for i, (name, dev, stem) in enumerate(C.RESEMBLING):
        ri = R(f"resembling:{i}")
        source = ri.choice(ANDROID_STORES + [APPLE, APK_SITE])
        img, ip = b.negative_icon(ri, colours=bank_colours if ri.random() < 0.5 else None)
        neg_listing(b, ri, "neg_resembling_name", name, dev, stem, source, img, ip)
    # finance tools
    for i in range(N_FIN_TOOLS):
        ri = R(f"fintool:{i}")
        name = C.FINANCE_TOOL_NAMES[i % len(C.FINANCE_TOOL_NAMES)]
        source = ri.choice(ANDROID_STORES + [APPLE, APK_SITE, APPLE])
        img, ip = b.negative_icon(ri, motifs=D.FIN_TOOL_MOTIFS)
        neg_listing(b, ri, "neg_finance_tool", name, "random", None, source, img, ip)
    # ordinary apps
    r = R("ordinary")
    names = list(C.ORDINARY_NAMES)
    r.shuffle(names)
    for i in range(N_BANKSTYLE):
        ri = R(f"bankstyle:{i}")
        name = names.pop()
        img, ip = b.negative_icon(ri, colours=bank_colours, styles={"solid": 3, "grad": 2, "white": 2, "tile": 1},
                                  layout=["plain", "plain", "wordmark"], word=name)
        neg_listing(b, ri, "neg_ordinary_bank_style", name, "random", None,
                    ri.choice(ANDROID_STORES + [APPLE, APK_SITE]), img, ip)
    for i in range(N_BADGED):
        ri = R(f"badged:{i}")
        name = names.pop()
        ov = ["corner_badge", "corner_ribbon", "centre_stamp", "text_band", "big_text"][i % 5]
        img, ip = b.negative_icon(ri, overlay=ov, colours=bank_colours if i % 3 == 0 else None)
        neg_listing(b, ri, "neg_ordinary_badged", name, "random", None, ri.choice(ANDROID_STORES + [APPLE, APK_SITE]),
                    img, ip)
    for i in range(N_ORD_MINI):
        ri = R(f"ordmini:{i}")
        name = C.ORDINARY_MINI_NAMES[i % len(C.ORDINARY_MINI_NAMES)]
        source = [WX_MP, WX_MP, ALI_MP, WX_OA][i % 4]
        img, ip = b.negative_icon(ri, avatar=i % 2 == 0)
        neg_listing(b, ri, "neg_ordinary_mini", name, "random", None, source, img, ip)
    for i in range(N_ORD_PLAIN):
        ri = R(f"ordplain:{i}")
        name = names.pop()
        img, ip = b.negative_icon(ri)
        neg_listing(b, ri, "neg_ordinary_plain", name, "random", None,
                    ri.choice(ANDROID_STORES + [APPLE, APK_SITE, HARMONY]), img, ip)


# ---------------------------------------------------------------- checks
def check_protected(w, protected):
    pv = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "protected.schema.json").read_text()))
    for rec in protected:
        pv.validate(rec)
        assert (ICONS / rec["icon"]).is_file()
    assert len({p["app_id"] for p in protected}) == len(protected)
    assert 55 <= len(protected) <= 65
    seen = {}
    for rec in protected:
        for pid in rec["package_ids"]:
            assert pid not in seen, pid
            seen[pid] = rec["app_id"]
    pids = list(seen)
    for i, a in enumerate(pids):
        for bb in pids[i + 1:]:
            assert not within_one(a, bb), (a, bb)
    # protected apps: names/keywords never contain another institution's keyword or name
    for a in w.apps.values():
        for n in a["names"] + w.inst[a["inst"]]["keywords"]:
            assert set(w.hits(n)) == {a["inst"]}, (n, w.hits(n))
    # protected icons: no near-copies
    rels = list(w.fp)
    for i, x in enumerate(rels):
        for y in rels[i + 1:]:
            assert not M.near_copy(w.fp[x], w.fp[y]), (x, y)


def check(w, listings, labels):
    from PIL import Image

    lv = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "listing.schema.json").read_text()))
    assert len({x["listing_id"] for x in listings}) == len(listings)
    assert [x["listing_id"] for x in listings] == [f"s19-{i:04d}" for i in range(1, len(listings) + 1)]
    # icon-only copies and officials reach every protected app
    assert {lab["target_app_id"] for lab in labels if lab["case"].startswith("icon_")} == set(w.order)
    assert {lab["target_app_id"] for lab in labels if lab["case"].startswith("official_")} == set(w.order)
    assert [x["listing_id"] for x in listings] == [y["listing_id"] for y in labels]
    for lst, lab in zip(listings, labels, strict=True):
        lv.validate(lst)
        if lst["icon"]:
            assert (ICONS / lst["icon"]).is_file(), lst["icon"]
        off = w.official_of(lst)
        if lab["case"].startswith("official_"):
            assert lab["expected"] == "none" and off == lab["target_app_id"], (lst, lab)
        else:
            assert off is None, (lst, lab)
        if lab["expected"] == "counterfeit":
            assert lab["target_app_id"] in lab["accept_app_ids"]
            assert lab["target_institution"] == w.inst[w.apps[lab["target_app_id"]]["inst"]]["name"]
        else:
            assert lab["accept_app_ids"] == []
        if lab["expected"] == "none" and off is None:
            assert not w.hits(lst["name"]), lst["name"]
            assert not w.hits(lst["developer"] or ""), lst["developer"]
            assert lst["developer"] not in w.official_devs
            assert not w.near_package(lst["package_id"]), lst["package_id"]
            assert lst["icon"] and lst["icon"].startswith("l/")
            f = M.fingerprint(Image.open(ICONS / lst["icon"]))
            assert all(M.clearly_distinct(f, pf) for pf in w.fp.values()), lst
        if lab["case"].startswith("icon_"):
            assert not w.hits(lst["name"]), lst["name"]
            assert not w.hits(lst["developer"] or "") and lst["developer"] not in w.official_devs
            assert not w.near_package(lst["package_id"])
            src = w.icon_img[w.apps[lab["target_app_id"]]["icon_rel"]]
            assert M.visible_diff(src, Image.open(ICONS / lst["icon"])) >= M.EDIT_MIN
        if lab["case"] in ("pkg_typo",):
            assert lab["target_app_id"] in w.near_package(lst["package_id"])
        if lab["case"] == "dev_foreign_cert":
            assert lst["developer"] in w.apps[lab["target_app_id"]]["developers"]
            assert not w.near_package(lst["package_id"])


# ---------------------------------------------------------------- sheets
def write_sheets(w, listings, labels, sources):
    from PIL import Image, ImageDraw

    sheets = HERE / "sheets"
    if sheets.exists():
        shutil.rmtree(sheets)
    sheets.mkdir()
    groups = {}
    for lst, lab, src in zip(listings, labels, sources, strict=True):
        g = lab["case"]
        g = "icon_edits" if g.startswith("icon_") else g
        g = "officials" if g.startswith("official_") else g
        g = "negatives" if g.startswith("neg_") else g
        g = "name_pkg_dev" if g in NAME_KINDS else g
        groups.setdefault(g, []).append((lst, lab, src))
    cell_w, cell_h, cols = 220, 132, 6
    f = D.font(11)
    for g, items in groups.items():
        items.sort(key=lambda t: (t[1]["case"], t[0]["listing_id"]))
        for page in range(0, len(items), 48):
            chunk = items[page:page + 48]
            rows = (len(chunk) + cols - 1) // cols
            sheet = Image.new("RGB", (cols * cell_w, rows * cell_h), (150, 150, 150))
            d = ImageDraw.Draw(sheet)
            for i, (lst, lab, src) in enumerate(chunk):
                x, y = (i % cols) * cell_w, (i // cols) * cell_h
                ref = src
                if ref is None and lst["icon"]:
                    lf = M.fingerprint(Image.open(ICONS / lst["icon"]))
                    ref = min(w.fp, key=lambda k, lf=lf: M.min_distance(lf, w.fp[k]))
                if ref:
                    sheet.paste(Image.open(ICONS / ref).convert("RGB").resize((104, 104)), (x + 4, y + 2))
                if lst["icon"]:
                    sheet.paste(Image.open(ICONS / lst["icon"]).convert("RGB").resize((104, 104)), (x + 112, y + 2))
                d.text((x + 4, y + 108), f"{lst['listing_id']} {lab['case']}", font=f, fill=(0, 0, 0))
                d.text((x + 4, y + 120), lst["name"][:18], font=f, fill=(0, 0, 60))
            sheet.save(sheets / f"{g}_{page // 48 + 1:02d}.png")


# ---------------------------------------------------------------- main
def digest(root):
    h = hashlib.sha256()
    for p in sorted(root.rglob("*"), key=lambda q: q.relative_to(root).as_posix()):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(hashlib.sha256(p.read_bytes()).hexdigest().encode())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sheet", action="store_true", help="write contact sheets to sheets/")
    args = ap.parse_args()
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    (ICONS / "p").mkdir(parents=True)
    (ICONS / "l").mkdir(parents=True)
    w = World()
    for rel, img in w.icon_img.items():
        (ICONS / rel).write_bytes(E.as_file_bytes(img, "PNG"))
    protected = [w.record(aid) for aid in w.order]
    check_protected(w, protected)
    b = Builder(w)
    build_icon_copies(b)
    build_name_cases(b)
    build_officials(b)
    build_negatives(b)
    rows = list(b.rows)
    R("shuffle").shuffle(rows)
    listings, labels, sources = [], [], []
    for i, (lst, lab, src) in enumerate(rows, 1):
        lid = f"s19-{i:04d}"
        listings.append({"listing_id": lid, **lst})
        labels.append({"listing_id": lid, **lab})
        sources.append(src)
    check(w, listings, labels)

    def dump(path, recs):
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in recs), encoding="utf-8")

    dump(OUT / "protected.jsonl", protected)
    dump(OUT / "listings.jsonl", listings)
    dump(OUT / "labels.jsonl", labels)
    counts = {}
    for lab in labels:
        counts[lab["case"]] = counts.get(lab["case"], 0) + 1
    n_cf = sum(1 for lab in labels if lab["expected"] == "counterfeit")
    print(f"protected apps: {len(protected)} ({len(w.inst)} institutions, {len(w.fp)} icon files)")
    print(f"listings: {len(listings)}  counterfeit: {n_cf}  none: {len(listings) - n_cf}")
    for k in sorted(counts):
        print(f"  {k:32s} {counts[k]}")
    if args.sheet:
        write_sheets(w, listings, labels, sources)
    print(f"digest: {digest(OUT)}")
    print(f"build time: {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
