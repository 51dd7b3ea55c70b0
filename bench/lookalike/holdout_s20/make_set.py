"""Build the blind holdout set s20 for the look-alike detector (seed 2020) into out/.

    /work/main/.venv/bin/python bench/lookalike/holdout_s20/make_set.py [--sheet]

Writes out/protected.jsonl, out/listings.jsonl, out/labels.jsonl, out/icons/{p,l}/, out/selfcheck.json
and prints counts per case and the SHA-256 digest (see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import edits  # noqa: E402
import icons  # noqa: E402
from data import APPS, HOMOGLYPHS, INSTITUTIONS  # noqa: E402
from pools import (  # noqa: E402
    CITIES,
    DEV_MID,
    DEV_TAIL,
    FINANCE_SOUNDING,
    GENERIC_NAMES,
    ORDINARY_WORD,
    PKG_WORDS,
    copy_suffixes,
)

SEED = 2020
OUT = HERE / "out"
SCHEMA_DIR = HERE.parents[2] / "src" / "appgov" / "engines" / "lookalike" / "data"

ANDROID_STORES = ["huawei_appgallery", "xiaomi_getapps", "oppo_software_store", "vivo_app_store", "tencent_myapp",
                  "baidu_mobile_assistant", "apk_download_site", "wandoujia"]
IOS = "apple_app_store"
HARMONY = "huawei_appgallery_harmonyos"
MINI = "wechat_miniprogram"
OA = "wechat_official_account"

COUNTS = {
    "official": 145, "negative": 200,
    "icon": {"unchanged": 8, "jpeg_lowq": 9, "rescale": 8, "stretch": 9, "rotate": 9, "crop_zoom": 8, "pad": 8,
             "hue_rotate": 9, "colour_shift": 7, "greyscale": 7, "invert_bg": 6, "invert_full": 3, "mirror": 7,
             "round_mask": 7, "blur_noise": 5, "badge": 9, "ribbon": 7, "stamp": 9, "text_band": 9,
             "new_background": 9, "emblem_words": 7, "tile_rotated": 7, "photo": 9, "redraw_stroke": 7, "chain": 22},
    "name": {"exact_name": 14, "alias": 10, "keyword_suffix": 18, "spaces": 10, "symbols": 10, "homoglyph": 10,
             "pinyin": 10, "traditional": 12, "full_clone": 8, "mini_name": 8},
    "package": {"one_edit": 22, "extra_segment": 10, "prefix": 8, "repack": 15},
    "developer": {"exact": 28, "variant": 7},
}


# ------------------------------------------------------------------ perceptual hashes for the self-check
def _dct_mat(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    x = np.arange(n)[None, :]
    m = np.cos(np.pi * (2 * x + 1) * k / (2 * n)) * np.sqrt(2 / n)
    m[0] /= np.sqrt(2)
    return m


_D32 = _dct_mat(32)


def _flat(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        bg.alpha_composite(im)
        im = bg
    return im.convert("RGB")


def hashes(im: Image.Image) -> dict[str, int]:
    """Own 64-bit hashes: pHash of luminance, pHash of max(R,G,B), dHash of luminance."""
    im = _flat(im)
    out = {}
    for kind, grey in (("phash", im.convert("L")),
                       ("value", Image.fromarray(np.asarray(im).max(axis=2)))):
        a = np.asarray(grey.resize((32, 32), Image.LANCZOS), np.float64)
        d = (_D32 @ a @ _D32.T)[:8, :8].ravel()
        bits = d > np.median(d)
        out[kind] = int("".join("1" if b else "0" for b in bits), 2)
    g = np.asarray(im.convert("L").resize((9, 8), Image.LANCZOS), np.float64)
    bits = (g[:, 1:] > g[:, :-1]).ravel()
    out["dhash"] = int("".join("1" if b else "0" for b in bits), 2)
    return out


def distinct_enough(d: dict[str, int]) -> bool:
    """Two protected designs must differ clearly (own hashes)."""
    return d["phash"] >= 16 and d["value"] >= 16 and d["dhash"] >= 10


def ham(a: int, b: int) -> int:
    return bin(a ^ b).count("1")


def hdist(h1: dict, h2: dict) -> dict[str, int]:
    return {k: ham(h1[k], h2[k]) for k in h1}


# ------------------------------------------------------------------ builder
class Builder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.protected: list[dict] = []
        self.apps: dict[str, dict] = {}
        self.specs: dict[str, dict] = {}
        self.icon_of: dict[str, str] = {}  # app id -> icon group (app id owning the drawing)
        self.icon_img: dict[str, Image.Image] = {}
        self.rows: list[tuple[dict, dict]] = []
        self.used_names: set[str] = set()
        self.used_pkgs: set[str] = set()
        self.neg_hashes: list[tuple[str, dict]] = []
        self.brand_strings: list[str] = []

    # ---------------- identity helpers
    def hexs(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def cert(self) -> str:
        return self.hexs(64)

    def fmt_cert(self, c: str, style: str | None = None) -> tuple[str, str]:
        style = style or self.rng.choice(["lower", "upper", "upper_colon", "lower_colon"])
        s = c.upper() if style.startswith("upper") else c.lower()
        if style.endswith("colon"):
            s = ":".join(s[i:i + 2] for i in range(0, 64, 2))
        return s, style

    def unrelated_pkg(self) -> str:
        while True:
            tld = self.rng.choice(["com", "com", "cn", "net", "top", "io", "cc", "org"])
            parts = [tld, self.rng.choice(PKG_WORDS) + self.rng.choice(["", "", "soft", "tech", "app", "studio"]),
                     self.rng.choice(PKG_WORDS)]
            if self.rng.random() < 0.3:
                parts.append(self.rng.choice(["android", "app", "free", "lite", "main", "pro"]))
            p = ".".join(parts)
            if p not in self.used_pkgs and self._far_from_official(p):
                self.used_pkgs.add(p)
                return p

    def _far_from_official(self, p: str) -> bool:
        for app in self.protected:
            for q in app["package_ids"] or []:
                if p == q or q in p or p in q or lev(p, q) <= 3:
                    return False
        low = p.lower()
        return not any(a["latin"].lower() in low.split(".") for a in self.inst.values())

    def unrelated_dev(self) -> str:
        while True:
            d = self.rng.choice(CITIES) + self.rng.choice(DEV_MID) + self.rng.choice(DEV_TAIL)
            if self.clean(d) and d not in self.official_devs:
                return d

    def clean(self, s: str) -> bool:
        """True when s contains no protected name / keyword / pinyin / traditional form."""
        low = s.lower().replace(" ", "")
        return not any(b in low for b in self.brand_strings)

    def unrelated_name(self, pool: list[str]) -> str:
        for _ in range(1000):
            n = self.rng.choice(pool)
            if self.rng.random() < 0.35:
                n += self.rng.choice(["", "Pro", "极速版", "大师", "助手", "HD", "2025", "精简版", "免费版"])
            if self.clean(n) and n not in self.used_names:
                self.used_names.add(n)
                return n
        raise RuntimeError("name pool exhausted")

    def url(self, source: str) -> str:
        return f"https://{source.replace('_', '-')}.example/app/{self.hexs(10)}"

    def date(self) -> str:
        return f"2025-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    # ---------------- icons
    def save_icon(self, im: Image.Image, fmt: str | None = None, quality: int | None = None) -> tuple[str, dict]:
        if im.mode == "RGBA":
            fmt = "PNG"
        fmt = fmt or self.rng.choice(["PNG", "PNG", "JPEG"])
        ext = "png" if fmt == "PNG" else self.rng.choice(["jpg", "jpeg"])
        rel = f"icons/l/{self.hexs(16)}.{ext}"
        if fmt == "JPEG":
            q = quality or self.rng.randint(80, 95)
            im.convert("RGB").save(OUT / rel, "JPEG", quality=q)
            return rel, {"saved_as": f"JPEG q{q}"}
        im.save(OUT / rel, "PNG")
        return rel, {"saved_as": "PNG"}

    def generic_icon(self, text: str = "") -> tuple[Image.Image, dict]:
        """An unrelated pictogram that is not close to any protected icon (own pHash / dHash check)."""
        for attempt in range(60):
            kind = self.rng.choice(icons.PICTOS)
            txt = text
            if kind == "letter_flat":
                txt = self.rng.choice("ADEFGHKLNQRTUVXYZ")
            if kind == "char_flat":  # a character of the app's own name, never one used in a protected logo
                txt = next((ch for ch in text if ch not in self.logo_chars), "")
                if not txt:
                    continue
            im, p = icons.picto_icon(self.rng, kind, txt)
            h = hashes(im)
            dmin = min(min(hdist(h, ph).values()) for ph in self.prot_hashes.values())
            if dmin >= 18:
                p["attempts"] = attempt + 1
                self.neg_hashes.append((kind, h))
                return im, p
        raise RuntimeError("could not draw a dissimilar icon")

    # ---------------- protected apps
    def build_protected(self) -> None:
        rng = self.rng
        self.inst = {}
        kinds = list(icons.EMBLEMS) * 4
        rng.shuffle(kinds)
        for key, inst_name, latin, glyph, four, dev, dev_en in INSTITUTIONS:
            self.inst[key] = {"name": inst_name, "latin": latin, "glyph": glyph, "four": four, "dev": dev, "dev_en": dev_en}
        self.official_devs = set()
        for key, inst in self.inst.items():
            for idx, a in enumerate(APPS[key]):
                dev = a.get("dev", inst["dev"])
                self.official_devs.add(dev)
                devs = [dev] + ([inst["dev_en"]] if idx == 0 else [])
                only = a.get("only")
                pk: dict[str, str] = {}
                word = rng.choice(["mbank", "mobilebank", "phonebank", "client", "app", "wallet", "bankapp", "mobile",
                                   "finance", "main", "android"])
                ab = inst["latin"].lower()
                if idx > 0:
                    ab = ab + rng.choice(["", "card", "life", "x"]) if only is None else ab
                    word = a["id"].split("_")[1]
                if only is None:
                    pk["android"] = f"{rng.choice(['com', 'cn.com', 'com', 'cn'])}.{ab}.{word}"
                    pk["ios"] = f"com.{ab}.{rng.choice(['iphone', 'ios', 'iPhoneClient', 'mbank.ios', word + 'ios'])}"
                    if a.get("harmony"):
                        pk["harmony"] = f"com.{ab}.{word}.hmos"
                    if a.get("mini"):
                        pk["mini"] = "wx" + self.hexs(16)
                    if idx == 0 and rng.random() < 0.35:
                        pk["oa"] = "gh_" + self.hexs(12)
                elif only == "mini":
                    pk["mini"] = "wx" + self.hexs(16)
                else:
                    pk["oa"] = "gh_" + self.hexs(12)
                certs = []
                if "android" in pk:
                    certs = [self.cert() for _ in range(2 if rng.random() < 0.25 else 1)]
                self.apps[a["id"]] = {**a, "inst": key, "pk": pk, "certs": certs, "devs": devs}
                self.icon_of[a["id"]] = a.get("share", a["id"])
                if "share" not in a:
                    g = inst["glyph"] if idx == 0 else next(ch for ch in a["names"][0] if ord(ch) > 255 and ch != inst["glyph"])
                    abbr = inst["latin"] if idx == 0 else "".join(w[0] for w in a["py"].split())[:3].upper()
                    four = inst["four"] if idx == 0 else (a["names"][0] + inst["four"])[:4]
                    self.specs[a["id"]] = {"g": g, "abbr": abbr, "four": four, "kind": kinds.pop()}
        self.logo_chars = {ch for s in self.specs.values() for ch in s["g"] + s["four"]}
        # draw the protected icons; redraw a design that is too close to one drawn before
        self.prot_hashes: dict[str, dict] = {}
        for aid, s in self.specs.items():
            for _ in range(40):
                spec = icons.random_spec(rng, s["g"], s["abbr"], s["four"], s["kind"])
                im = icons.protected_icon(spec)
                h = hashes(im)
                if all(distinct_enough(hdist(h, o)) for o in self.prot_hashes.values()):
                    break
            else:
                raise RuntimeError(f"no distinct design for {aid}")
            self.specs[aid] = spec
            self.prot_hashes[aid] = h
            self.icon_img[aid] = im
            im.save(OUT / "icons" / "p" / f"{aid}.png")
        for aid, a in self.apps.items():
            inst = self.inst[a["inst"]]
            pids = [a["pk"][k] for k in ("android", "ios", "harmony", "mini", "oa") if k in a["pk"]]
            certs = []
            for c in a["certs"]:
                certs.append(self.fmt_cert(c, rng.choice(["lower", "upper", "upper_colon"]))[0])
            rec = {"app_id": aid, "institution": inst["name"], "names": a["names"], "brand_keywords": a["kw"],
                   "package_ids": pids, "developers": a["devs"], "cert_sha256": certs or None,
                   "icon": f"icons/p/{self.icon_of[aid]}.png"}
            self.protected.append(rec)
        # strings a non-impersonating listing must not contain
        bs = set()
        for a in self.apps.values():
            for s in a["names"] + a["kw"] + [a["base"], a["py"], a["trad"]]:
                bs.add(s.lower().replace(" ", ""))
        self.brand_strings = sorted(bs)

    def accept_icon(self, aid: str) -> list[str]:
        g = self.icon_of[aid]
        return sorted(x for x, y in self.icon_of.items() if y == g)

    def accept_inst(self, aid: str) -> list[str]:
        k = self.apps[aid]["inst"]
        return sorted(x for x, a in self.apps.items() if a["inst"] == k)

    def accept_dev(self, dev: str) -> list[str]:
        return sorted(x for x, a in self.apps.items() if dev in a["devs"])

    # ---------------- rows
    def add(self, listing: dict, label: dict) -> None:
        self.rows.append((listing, label))

    def foreign_platform(self, weights=(0.72, 0.14, 0.1, 0.04)) -> tuple[str, str | None, str | None]:
        r = self.rng.random()
        if r < weights[0]:
            return self.rng.choice(ANDROID_STORES), self.unrelated_pkg(), self.cert()
        if r < weights[0] + weights[1]:
            return IOS, self.unrelated_pkg(), None
        if r < weights[0] + weights[1] + weights[2]:
            return MINI, "wx" + self.hexs(16), None
        return "web_download_page", self.unrelated_pkg(), self.cert()

    def listing(self, source, name, pkg, dev, cert, icon_rel) -> dict:
        d = {"source": source, "name": name, "package_id": pkg, "developer": dev,
             "cert_sha256": self.fmt_cert(cert)[0] if cert else None, "icon": icon_rel, "url": self.url(source),
             "first_seen": self.date()}
        if self.rng.random() < 0.15:
            d["changed_at"] = self.date()
        return d

    # ---- officials
    def build_official(self, n: int) -> None:
        rng = self.rng
        order = list(self.apps)
        extra = [aid for aid in self.apps for _ in range(3 if self.apps[aid].get("only") is None else 0)]
        rng.shuffle(extra)
        order += extra[: n - len(order)]
        for aid in order:
            a = self.apps[aid]
            chans = [k for k in ("android", "android", "android", "ios", "harmony", "mini", "oa") if k in a["pk"]]
            ch = rng.choice(chans)
            params: dict = {"channel": ch}
            nm = rng.choice(a["names"])
            r = rng.random()
            if ch in ("android", "ios", "harmony") and r < 0.35:
                nm = nm + rng.choice(["-手机银行", " - 官方客户端", "（官方版）", "-理财·信用卡·贷款", " HD", "：安全便捷的金融服务"])
                params["store_title"] = True
            cert = None
            src = {"android": rng.choice(ANDROID_STORES[:6]), "ios": IOS, "harmony": HARMONY, "mini": MINI, "oa": OA}[ch]
            if ch in ("android", "harmony"):
                ci = 1 if len(a["certs"]) > 1 and rng.random() < 0.5 else 0
                cert, style = self.fmt_cert(a["certs"][ci])
                params.update({"cert_index": ci, "cert_format": style})
            dev = rng.choice(a["devs"]) if rng.random() < 0.9 else None
            base = self.icon_img[self.icon_of[aid]]
            v = rng.choice(["same", "resized", "jpeg", "rounded", "festive", "resized", "same", "jpeg"])
            case = f"official_{ch}"
            if v == "same":
                icon_im = base
            elif v == "resized":
                s = rng.choice([96, 120, 144, 180, 192, 216, 512])
                icon_im = base.resize((s, s), Image.LANCZOS)
                params["icon_size"] = s
            elif v == "jpeg":
                icon_im = edits.jpeg_roundtrip(base, rng.randint(70, 92))
            elif v == "rounded":
                icon_im, p = edits.e_round_mask(base, rng, {})
                params.update(p)
            else:
                icon_im, p = edits.festive(base, rng)
                params.update(p)
                nm = a["names"][0] + rng.choice(["（新春版）", "·春节特别版", "（元旦版）"])
                case = "official_festive"
            params["icon_variant"] = v
            icon_rel, sp = self.save_icon(icon_im)
            params.update(sp)
            li = {"source": src, "name": nm, "package_id": a["pk"][ch], "developer": dev, "cert_sha256": cert,
                  "icon": icon_rel, "url": self.url(src), "first_seen": self.date()}
            self.add(li, {"expected": "none", "case": case, "target_app_id": aid, "accept_app_ids": [aid], "params": params})

    # ---- negatives
    def build_negatives(self, n: int) -> None:
        rng = self.rng
        plan = ["neg_generic"] * (n - 60 - 40) + ["neg_finance_sounding"] * 60 + ["neg_ordinary_word"] * 40
        for case in plan:
            pool = {"neg_generic": GENERIC_NAMES, "neg_finance_sounding": FINANCE_SOUNDING,
                    "neg_ordinary_word": ORDINARY_WORD}[case]
            name = self.unrelated_name(pool)
            src, pkg, cert = self.foreign_platform((0.75, 0.15, 0.1, 0.0))
            params: dict = {}
            if rng.random() < 0.08:
                icon_rel = None
                params["icon"] = None
            else:
                im, p = self.generic_icon("".join(ch for ch in name if ord(ch) > 255))
                icon_rel, sp = self.save_icon(im)
                params.update(p)
                params.update(sp)
            li = self.listing(src, name, pkg, self.unrelated_dev() if rng.random() < 0.95 else None, cert, icon_rel)
            self.add(li, {"expected": "none", "case": case, "target_app_id": None, "accept_app_ids": [], "params": params})

    # ---- icon-only copies
    def build_icon_copies(self) -> None:
        rng = self.rng
        owners = list(self.specs)
        plan = [k for k, c in COUNTS["icon"].items() for _ in range(c)]
        targets = []
        while len(targets) < len(plan):
            t = owners[:]
            rng.shuffle(t)
            targets += t
        # icons shared by several apps: sometimes name the sharing app as target
        for edit, owner in zip(plan, targets, strict=False):
            sharing = self.accept_icon(owner)
            target = rng.choice(sharing)
            ctx = {"spec": self.specs[owner]}
            base = self.icon_img[owner]
            if edit == "chain":
                k = rng.choice([2, 2, 3])
                names = rng.sample(edits.CHAINABLE, k)
                if "jpeg_lowq" in names:  # compress last, as a re-upload does
                    names.remove("jpeg_lowq")
                    names.append("jpeg_lowq")
                im, steps = edits.apply_chain(base, rng, ctx, names)
                params = {"edits": steps}
            else:
                im, p = edits.EDITS[edit](base, rng, ctx)
                params = {"edit": edit, **p}
            if edit == "jpeg_lowq":
                icon_rel, sp = self.save_icon(im, "PNG")
            else:
                icon_rel, sp = self.save_icon(im)
            params.update(sp)
            h = hashes(im)
            params["own_phash_dist_to_official"] = ham(h["phash"], self.prot_hashes[owner]["phash"])
            src, pkg, cert = self.foreign_platform()
            li = self.listing(src, self.unrelated_name(GENERIC_NAMES + FINANCE_SOUNDING), pkg, self.unrelated_dev(), cert,
                              icon_rel)
            self.add(li, {"expected": "counterfeit", "case": f"icon_{edit}", "target_app_id": target,
                          "accept_app_ids": sharing, "params": params})

    # ---- name / alias / keyword copies
    def build_name_copies(self) -> None:
        rng = self.rng
        plain = [aid for aid in self.apps]
        with_alias = [aid for aid in plain if len(self.apps[aid]["names"]) > 1]
        hg_cands = []
        for aid, a in self.apps.items():
            for s in a["names"] + a["kw"]:
                if any(ch in HOMOGLYPHS for ch in s):
                    hg_cands.append((aid, s))
        for form, cnt in COUNTS["name"].items():
            for _ in range(cnt):
                aid = rng.choice(plain if form != "alias" else with_alias)
                a = self.apps[aid]
                params: dict = {"form": form}
                src, pkg, cert = self.foreign_platform((0.8, 0.2, 0.0, 0.0))
                if form == "exact_name":
                    name = a["names"][0]
                    params["copied"] = name
                elif form == "alias":
                    name = rng.choice(a["names"][1:])
                    params["copied"] = name
                elif form == "keyword_suffix":
                    k = rng.choice(a["kw"])
                    name = rng.choice([k + rng.choice(copy_suffixes), "【官方】" + k, k + " " + rng.choice(copy_suffixes)])
                    params["copied"] = k
                elif form == "spaces":
                    s = a["base"] if not a["base"].isascii() else a["names"][0]
                    sep = rng.choice([" ", "\u3000", "  "])
                    name = sep.join(s)
                    params.update({"copied": s, "separator": repr(sep)})
                elif form == "symbols":
                    s = a["base"]
                    sep = rng.choice(["·", "-", "*", "丨", ".", "\u200b", "_", "•"])
                    pos = rng.randint(1, len(s) - 1)
                    name = (sep.join(s) if rng.random() < 0.5 else s[:pos] + sep + s[pos:]) + rng.choice(["", "", "贷款"])
                    params.update({"copied": s, "symbol": repr(sep)})
                elif form == "homoglyph":
                    aid, s = rng.choice(hg_cands)
                    a = self.apps[aid]
                    idx = [i for i, ch in enumerate(s) if ch in HOMOGLYPHS]
                    swap = rng.sample(idx, min(len(idx), rng.choice([1, 2])))
                    name = "".join(HOMOGLYPHS[ch] if i in swap else ch for i, ch in enumerate(s))
                    params.update({"copied": s, "swaps": [f"{s[i]}→{HOMOGLYPHS[s[i]]} (U+{ord(HOMOGLYPHS[s[i]]):04X})"
                                                          for i in sorted(swap)]})
                elif form == "pinyin":
                    py = a["py"]
                    name = rng.choice([py, py.replace(" ", ""), py.lower(), py.upper().replace(" ", "")])
                    name += rng.choice(["", "", " App", " 贷款", "手机版"])
                    params["copied"] = a["base"]
                    params["pinyin"] = py
                elif form == "traditional":
                    cands = [x for x in self.apps if self.apps[x]["trad"] not in self.apps[x]["names"] + self.apps[x]["kw"]]
                    aid = rng.choice(cands)
                    a = self.apps[aid]
                    name = a["trad"] + rng.choice(["", "", "（繁體版）", " 貸款"])
                    params.update({"copied": a["base"], "traditional": a["trad"]})
                elif form == "full_clone":
                    name = a["names"][0]
                    params["copied"] = name
                else:  # mini_name
                    src, pkg, cert = MINI, "wx" + self.hexs(16), None
                    name = rng.choice(a["kw"][:1] + a["names"][:1]) + rng.choice(["服务", "助手", "专享", "领券", "客服中心"])
                    params["copied"] = name
                if form == "full_clone":
                    im, p = edits.EDITS[rng.choice(["unchanged", "jpeg_lowq", "rescale"])](
                        self.icon_img[self.icon_of[aid]], rng, {"spec": self.specs[self.icon_of[aid]]})
                    icon_rel, sp = self.save_icon(im)
                    params.update({"icon": "official", **p, **sp})
                elif rng.random() < 0.2:
                    icon_rel = None
                    params["icon"] = None
                else:
                    im, p = self.generic_icon()
                    icon_rel, sp = self.save_icon(im)
                    params.update({"icon": "unrelated", **p, **sp})
                li = self.listing(src, name, pkg, self.unrelated_dev(), cert, icon_rel)
                acc = self.accept_inst(aid)
                if form == "full_clone":
                    acc = sorted(set(acc) | set(self.accept_icon(aid)))
                self.add(li, {"expected": "counterfeit", "case": f"name_{form}", "target_app_id": aid,
                              "accept_app_ids": acc, "params": params})

    # ---- package look-alikes
    def build_package_copies(self) -> None:
        rng = self.rng
        android = [aid for aid, a in self.apps.items() if "android" in a["pk"]]
        all_pkgs = {p for r in self.protected for p in r["package_ids"] or []}
        for form, cnt in COUNTS["package"].items():
            for _ in range(cnt):
                aid = rng.choice(android)
                a = self.apps[aid]
                off = a["pk"]["android"]
                params: dict = {"form": form, "official": off}
                name = self.unrelated_name(GENERIC_NAMES + FINANCE_SOUNDING)
                icon_official = False
                if form == "one_edit":
                    for _ in range(100):
                        pkg, op = one_edit(rng, off)
                        if pkg not in all_pkgs and pkg not in self.used_pkgs:
                            break
                    params["op"] = op
                elif form == "extra_segment":
                    seg = rng.choice(["lite", "pro", "hd", "v2", "update", "plus", "free", "new", "vip", "mobile2"])
                    parts = off.split(".")
                    pos = rng.choice([len(parts), len(parts), len(parts) - 1])
                    pkg = ".".join(parts[:pos] + [seg] + parts[pos:])
                    params.update({"segment": seg, "position": pos})
                elif form == "prefix":
                    pre = rng.choice(["com.android", "org.update", "cn.mobile", "app", "x", "com.google.android"])
                    pkg = pre + "." + off
                    params["prefix"] = pre
                else:  # repack: the official package signed with a foreign certificate
                    pkg = off
                    if rng.random() < 0.7:
                        name = rng.choice(a["names"]) + rng.choice(["", "", "（破解版）", " 去广告版", " 内购版"])
                        icon_official = True
                    params["name"] = "official" if icon_official else "unrelated"
                self.used_pkgs.add(pkg)
                if icon_official:
                    im, p = edits.e_rescale(self.icon_img[self.icon_of[aid]], rng, {})
                    params["icon"] = {"official": True, **p}
                else:
                    im, p = self.generic_icon()
                    params["icon"] = {"official": False, **p}
                icon_rel, sp = self.save_icon(im)
                params.update(sp)
                src = rng.choice(ANDROID_STORES)
                li = self.listing(src, name, pkg, self.unrelated_dev(), self.cert(), icon_rel)
                acc = [aid] if not icon_official else sorted({aid} | set(self.accept_icon(aid)) | set(self.accept_inst(aid)))
                self.add(li, {"expected": "counterfeit", "case": f"package_{form}", "target_app_id": aid,
                              "accept_app_ids": acc, "params": params})

    # ---- developer copies
    def build_developer_copies(self) -> None:
        rng = self.rng
        android = [aid for aid, a in self.apps.items() if "android" in a["pk"]]
        paren = [aid for aid in android if "（" in self.apps[aid]["devs"][0]]
        for form, cnt in COUNTS["developer"].items():
            for i in range(cnt):
                params: dict = {"form": form}
                if form == "exact":
                    aid = rng.choice(android)
                    dev = rng.choice(self.apps[aid]["devs"])
                    copied = dev
                else:
                    aid = paren[i % len(paren)] if i < 2 * len(paren) else rng.choice(android)
                    copied = self.apps[aid]["devs"][0]
                    if "（" in copied and i < 2 * len(paren):
                        dev = copied.replace("（", "(").replace("）", ")")
                        params["variant"] = "half-width parentheses"
                    else:
                        dev = rng.choice([" ", "\u3000"]) + copied + " "
                        params["variant"] = "surrounding whitespace"
                params["copied"] = copied
                im, p = self.generic_icon()
                icon_rel, sp = self.save_icon(im)
                params.update({"icon": p, **sp})
                src = rng.choice(ANDROID_STORES)
                li = self.listing(src, self.unrelated_name(GENERIC_NAMES + FINANCE_SOUNDING), self.unrelated_pkg(), dev,
                                  self.cert(), icon_rel)
                self.add(li, {"expected": "counterfeit", "case": f"developer_{form}", "target_app_id": aid,
                              "accept_app_ids": self.accept_dev(copied), "params": params})


def lev(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 3:
        return 4
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def one_edit(rng: random.Random, pkg: str) -> tuple[str, dict]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    look = {"l": "1", "i": "l", "o": "0", "m": "rn", "b": "d", "c": "e", "n": "m", "a": "e", "s": "5"}
    op = rng.choice(["substitute", "insert", "delete", "transpose", "lookalike"])
    idx = [i for i, ch in enumerate(pkg) if ch != "."]
    i = rng.choice(idx)
    if op == "substitute":
        ch = rng.choice([x for x in letters if x != pkg[i]])
        return pkg[:i] + ch + pkg[i + 1:], {"op": op, "pos": i, "from": pkg[i], "to": ch}
    if op == "insert":
        ch = rng.choice(letters)
        return pkg[:i] + ch + pkg[i:], {"op": op, "pos": i, "char": ch}
    if op == "delete":
        return pkg[:i] + pkg[i + 1:], {"op": op, "pos": i, "char": pkg[i]}
    if op == "transpose":
        j = [k for k in idx if k + 1 < len(pkg) and pkg[k + 1] != "." and pkg[k] != pkg[k + 1]]
        i = rng.choice(j)
        return pkg[:i] + pkg[i + 1] + pkg[i] + pkg[i + 2:], {"op": op, "pos": i}
    cand = [k for k in idx if pkg[k] in look and len(look[pkg[k]]) == 1]
    if not cand:
        return one_edit(rng, pkg)
    i = rng.choice(cand)
    return pkg[:i] + look[pkg[i]] + pkg[i + 1:], {"op": "lookalike_char", "pos": i, "from": pkg[i], "to": look[pkg[i]]}


# ------------------------------------------------------------------ contact sheets
def contact_sheet(path: Path, items: list[tuple[list[Path], str]], cols: int = 6) -> None:
    cell = 150
    rows = (len(items) + cols - 1) // cols
    per = max(len(p) for p, _ in items)
    sheet = Image.new("RGB", (cols * (per * 72 + 8), rows * (cell // 2 + 40)), (235, 235, 235))
    d = ImageDraw.Draw(sheet)
    f = icons.cjk(11)
    for k, (paths, label) in enumerate(items):
        x0 = (k % cols) * (per * 72 + 8)
        y0 = (k // cols) * (cell // 2 + 40)
        for j, p in enumerate(paths):
            im = _flat(Image.open(p))
            im.thumbnail((70, 70))
            sheet.paste(im, (x0 + j * 72, y0 + 2))
        d.text((x0, y0 + 76), label[:34], font=f, fill=(0, 0, 0))
    sheet.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheet", action="store_true", help="write contact sheets to sheets/")
    args = ap.parse_args()
    t0 = time.time()
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "icons" / "p").mkdir(parents=True)
    (OUT / "icons" / "l").mkdir(parents=True)
    rng = random.Random(SEED)
    b = Builder(rng)
    b.build_protected()
    b.build_official(COUNTS["official"])
    b.build_negatives(COUNTS["negative"])
    b.build_icon_copies()
    b.build_name_copies()
    b.build_package_copies()
    b.build_developer_copies()
    rows = b.rows[:]
    rng.shuffle(rows)
    import jsonschema

    lv = jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / "listing.schema.json").read_text()))
    pv = jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / "protected.schema.json").read_text()))
    app_ids = {p["app_id"] for p in b.protected}
    assert len(app_ids) == len(b.protected)
    with open(OUT / "protected.jsonl", "w", encoding="utf-8") as f:
        for p in b.protected:
            pv.validate(p)
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    final = []
    with open(OUT / "listings.jsonl", "w", encoding="utf-8") as fl, open(OUT / "labels.jsonl", "w", encoding="utf-8") as fb:
        for i, (li0, la0) in enumerate(rows, 1):
            lid = f"s20-{i:04d}"
            li = {"listing_id": lid, **li0}
            la = {"listing_id": lid, **la0}
            final.append((li, la))
            lv.validate(li)
            assert la["target_app_id"] is None or la["target_app_id"] in app_ids
            assert set(la["accept_app_ids"]) <= app_ids
            assert la["target_app_id"] is None or la["target_app_id"] in la["accept_app_ids"]
            fl.write(json.dumps(li, ensure_ascii=False) + "\n")
            fb.write(json.dumps(la, ensure_ascii=False) + "\n")
    check_rules(b, rows)
    # self-check: negatives' icons vs protected icons (own hashes)
    neg_min = {k: min(min(hdist(h, ph)[k] for ph in b.prot_hashes.values()) for _, h in b.neg_hashes)
               for k in ("phash", "value", "dhash")}
    neg_all_min = min(min(min(hdist(h, ph).values()) for ph in b.prot_hashes.values()) for _, h in b.neg_hashes)
    ph = list(b.prot_hashes.values())
    prot_pair_min = {k: min(hdist(ph[i], ph[j])[k] for i in range(len(ph)) for j in range(i + 1, len(ph)))
                     for k in ("phash", "value", "dhash")}
    # the final negative files as saved (after resizing / JPEG), recomputed from disk
    saved_min = 99
    for li, la in rows:
        if la["expected"] == "none" and la["case"].startswith("neg_") and li["icon"]:
            h = hashes(Image.open(OUT / li["icon"]))
            saved_min = min(saved_min, min(min(hdist(h, q).values()) for q in b.prot_hashes.values()))
    copy_d = [la["params"]["own_phash_dist_to_official"] for _, la in rows if "own_phash_dist_to_official" in la["params"]]
    sc = {"unrelated_icons_checked": len(b.neg_hashes), "unrelated_min_dist_per_kind": neg_min,
          "unrelated_min_dist_any_kind": neg_all_min, "negative_files_min_dist_any_kind": saved_min,
          "protected_pair_min_dist_per_kind": prot_pair_min,
          "icon_copy_phash_dist": {"min": min(copy_d), "median": float(np.median(copy_d)), "max": max(copy_d)},
          "threshold_used": 18}
    (OUT / "selfcheck.json").write_text(json.dumps(sc, ensure_ascii=False, indent=1) + "\n")
    h = hashlib.sha256()
    for fn in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        h.update((OUT / fn).read_bytes())
    cnt = Counter(la["case"] for _, la in rows)
    exp = Counter(la["expected"] for _, la in rows)
    print(f"protected apps: {len(b.protected)} ({len(b.specs)} drawn icons), listings: {len(rows)} {dict(exp)}")
    for k in sorted(cnt):
        print(f"  {k:32s} {cnt[k]}")
    print("self-check:", json.dumps(sc, ensure_ascii=False))
    print("sha256(protected+listings+labels):", h.hexdigest())
    if args.sheet:
        write_sheets(b, final)
    print(f"built in {time.time() - t0:.1f} s")


def check_rules(b: Builder, rows) -> None:
    """Re-derive the labels of the identity rules from the rows (guards against generator slips)."""
    off_pk = {}
    for aid, a in b.apps.items():
        for k, p in a["pk"].items():
            off_pk[p] = (aid, k)
    for li, la in rows:
        pkg = li["package_id"]
        cert = (li["cert_sha256"] or "").replace(":", "").lower()
        if la["expected"] == "none":
            if la["case"].startswith("official"):
                aid, ch = off_pk[pkg]
                assert aid == la["target_app_id"]
                if ch in ("android", "harmony"):
                    assert cert in b.apps[aid]["certs"]
            else:
                assert pkg not in off_pk, li
                assert b.clean(li["name"]), li
                assert (li["developer"] or "").strip() not in b.official_devs
        else:
            if pkg in off_pk:
                aid, ch = off_pk[pkg]
                assert ch == "android" and cert not in b.apps[aid]["certs"], li
                assert la["case"] == "package_repack"


def write_sheets(b: Builder, rows) -> None:
    sd = HERE / "sheets"
    if sd.exists():
        shutil.rmtree(sd)
    sd.mkdir()
    contact_sheet(sd / "protected.png", [([OUT / "icons" / "p" / f"{aid}.png"], aid) for aid in b.specs], cols=10)
    icon_rows = sorted([(la["case"], li, la) for li, la in rows if la["case"].startswith("icon_")], key=lambda x: x[0])
    items = [([OUT / "icons" / "p" / f"{b.icon_of[la['target_app_id']]}.png", OUT / li["icon"]],
              f"{la['listing_id']} {case[5:]}") for case, li, la in icon_rows]
    for k in range(0, len(items), 60):
        contact_sheet(sd / f"icon_copies_{k // 60 + 1}.png", items[k:k + 60], cols=6)
    neg = [([OUT / li["icon"]], f"{la['listing_id']} {li['name']}") for li, la in rows
           if la["case"].startswith("neg_") and li["icon"]]
    for k in range(0, len(neg), 100):
        contact_sheet(sd / f"negatives_{k // 100 + 1}.png", neg[k:k + 100], cols=10)
    off = [([OUT / li["icon"]], f"{la['listing_id']} {la['case'][9:]}") for li, la in rows
           if la["case"].startswith("official")]
    contact_sheet(sd / "officials.png", off, cols=12)
    # the unrelated icons closest (own hashes) to a protected icon, next to that icon
    prot = {p["icon"]: hashes(Image.open(OUT / p["icon"])) for p in b.protected}
    close = []
    for li, la in rows:
        if la["case"].startswith("neg_") and li["icon"]:
            h = hashes(Image.open(OUT / li["icon"]))
            d, k = min((min(hdist(h, ph).values()), k) for k, ph in prot.items())
            close.append((d, la["listing_id"], li["icon"], k))
    close.sort()
    contact_sheet(sd / "closest_negatives.png", [([OUT / c[2], OUT / c[3]], f"{c[1]} d={c[0]}") for c in close[:24]], cols=6)


if __name__ == "__main__":
    main()
