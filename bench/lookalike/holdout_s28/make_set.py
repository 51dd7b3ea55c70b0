#!/usr/bin/env python3
"""Build the holdout_s28 labelled set for the look-alike engine (written blind; see README.md).

Run from the repository root:  .venv/bin/python bench/lookalike/holdout_s28/make_set.py
Writes out/protected.jsonl, out/listings.jsonl, out/labels.jsonl, out/summary.json and out/icons/.
Deterministic: random.Random(2828) and numpy.random.default_rng(2828), drawn in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import shutil
import sys
import time
from pathlib import Path

import cv2
import deform
import emblems
import fonts
import institutions
import jsonschema
import names
import numpy as np
import pictos
import PIL
from PIL import Image, ImageDraw

SEED = 2828
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "out"
SCHEMAS = REPO / "src" / "appgov" / "engines" / "lookalike" / "data"
PROTECTED_SIZE = 512

OFFICIAL_STORES = ["华为应用市场", "小米应用商店", "OPPO软件商店", "vivo应用商店", "应用宝", "荣耀应用市场"]
OTHER_STORES = ["豌豆荚", "360手机助手", "百度手机助手", "酷安", "Google Play"]
OFFSTORE = ["第三方下载站", "APK镜像站", "网页推广", "短信链接", "QQ群文件", "论坛帖子", "广告落地页"]
MINI_SOURCE = {"wx": "微信小程序", "ali": "支付宝小程序", "gh": "微信公众号"}
IOS_STORE = "App Store"
HARMONY_STORE = "华为应用市场（HarmonyOS）"
STORE_SIZES = [512, 256, 192, 180, 144, 120]
ANY_SIZES = [96, 120, 128, 144, 180, 192, 256, 300, 512]
SLUG = {"华为应用市场": "appgallery", "小米应用商店": "mi", "OPPO软件商店": "oppo", "vivo应用商店": "vivo",
        "应用宝": "qq", "荣耀应用市场": "honor", "豌豆荚": "wandoujia", "360手机助手": "so360",
        "百度手机助手": "baidu", "酷安": "coolapk", "Google Play": "play", IOS_STORE: "apps",
        HARMONY_STORE: "harmony"}

# counts (see README.md)
ICON_PER_KIND = 4
ICON_CHAIN2 = 24
ICON_CHAIN3 = 16
NAME_CASES = [("name_exact_offstore", 8), ("name_suffix", 12), ("name_prefix", 6), ("name_emoji", 5),
              ("name_doubled_char", 5), ("name_traditional", 6), ("name_pinyin", 5), ("name_english", 5),
              ("name_fullwidth", 5), ("name_homoglyph", 8), ("name_spacing", 6), ("name_loan_keyword", 9),
              ("name_wechat_mini_copy", 7), ("name_official_account_copy", 6), ("name_alipay_mini_copy", 7)]
N_TYPO = 20
N_DEVCOPY = 20
REPACK_CASES = [("repackaged_clone", 14), ("repackaged_modded", 10), ("repackaged_renamed", 6)]
N_UNREG = 25
N_OFFICIAL = 40
N_BUNDLE = 18
N_SIBLING = 12
N_MINI_OFFICIAL = 15
N_OTHER_FIN = 35
N_SHARED = 30
N_UNRELATED, N_UNRELATED_NOLOGO, N_UNRELATED_NOCERT = 158, 6, 6


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def spec_for(inst: dict, variant: str = "base", label: str | None = None, glyph: str | None = None) -> dict:
    """Emblem spec of an institution; 'inverse' swaps field and drawing (siblings, new builds)."""
    brand, accent = inst["brand"], inst["accent"]
    style = inst["bg"]
    if variant == "inverse":
        style = "solid" if style == "white" else "white"
    if variant == "dark":
        spec = {"fg": brand if sum(brand) > 200 else (235, 235, 235), "ac": accent, "bg": ("solid", (28, 28, 32))}
    elif style == "white":
        spec = {"fg": brand, "ac": accent if accent != (255, 255, 255) else institutions.NAVY, "bg": ("white",)}
    else:
        dark = tuple(int(v * 0.68) for v in brand)
        bg = ("solid", brand) if style == "solid" else (style, brand, dark)
        spec = {"fg": (255, 255, 255), "ac": accent, "bg": bg}
    spec.update(motif=inst["motif"], glyph=glyph if glyph is not None else inst["glyph"], latin=inst["latin"],
                label=label)
    return spec


def circle_alpha(img: Image.Image) -> Image.Image:
    n = img.width
    mk = Image.new("L", (2 * n, 2 * n), 0)
    ImageDraw.Draw(mk).ellipse([0, 0, 2 * n - 1, 2 * n - 1], fill=255)
    out = img.convert("RGBA")
    out.putalpha(mk.resize((n, n), Image.LANCZOS))
    return out


class Builder:
    def __init__(self) -> None:
        self.R = random.Random(SEED)
        self.G = np.random.default_rng(SEED)
        self.protected: list[dict] = []
        self.apps: dict[str, dict] = {}
        self.inst_apps: dict[str, list[str]] = {}
        self.items: list[dict] = []  # {"listing", "label", "icon", "icon_only"}
        self.official_packages: set[str] = set()
        self.official_certs: set[str] = set()
        self.official_names: set[str] = set()
        self.maker: names.Maker | None = None

    # ------------------------------------------------------------------ protected
    def build_protected(self) -> None:
        R = self.R
        reserved = []
        for inst in institutions.INSTITUTIONS:
            for app in inst["apps"]:
                reserved += [p for p in (app["android"], app["ios"], app["harmony"]) if p]
        self.maker = names.Maker(R, reserved_packages=reserved)
        mk = self.maker
        for inst in institutions.INSTITUTIONS:
            inst_cert = mk.cert()
            ids = []
            for i, app in enumerate(inst["apps"]):
                pk = [p for p in (app["android"], app["ios"], app["harmony"]) if p]
                extra = {}
                for key, fn in (("wx", mk.wx), ("ali", mk.ali), ("gh", mk.gh)):
                    if app[key]:
                        extra[key] = fn()
                        pk.append(extra[key])
                certs: list[str] = []
                if not app["mini"]:
                    certs.append(inst_cert if i == 0 or R.random() < 0.5 else mk.cert())
                    if R.random() < 0.2:
                        certs.append(mk.cert())
                fmts = [names.cert_format(R, c) for c in certs]
                devs = [inst["dev"]] + ([inst["dev_en"]] if inst["dev_en"] and app["ios"] else [])
                if i == 0 or app["mini"]:
                    kw = list(inst["kw"])
                else:
                    kw = list(inst["kw"][:2]) + [app["names"][0]]
                variant = "inverse" if i > 0 and not app["mini"] else "base"
                if app["mini"]:
                    variant = "base"
                spec = spec_for(inst, variant, app["label"])
                img, layer = emblems.render(spec, PROTECTED_SIZE)
                if app["icon_style"] == "round":
                    img = circle_alpha(img)
                row = {"app_id": app["id"], "institution": inst["institution"], "names": list(app["names"]),
                       "brand_keywords": kw if not app["mini"] else None, "package_ids": pk or None,
                       "developers": devs, "cert_sha256": [f for f, _ in fmts] or None,
                       "icon": f"protected/{app['id']}.png"}
                self.protected.append(row)
                self.apps[app["id"]] = {"inst": inst, "app": app, "spec": spec, "img": img, "layer": layer,
                                        "certs": certs, "extra": extra, "index": i, "row": row}
                ids.append(app["id"])
                self.official_packages.update(pk)
                self.official_certs.update(certs)
                self.official_names.update(app["names"])
            self.inst_apps[inst["institution"]] = ids
        mk.names.update(self.official_names)

    # ------------------------------------------------------------------ helpers
    def accept(self, app_id: str) -> list[str]:
        inst = self.apps[app_id]["inst"]["institution"]
        ids = self.inst_apps[inst]
        return [app_id] + [a for a in ids if a != app_id]

    def date(self) -> tuple[str, str | None]:
        R = self.R
        day = R.randint(0, 690)
        y, doy = (2024, day) if day < 366 else (2025, day - 366)
        d = dt.date(y, 1, 1) + dt.timedelta(days=doy)
        first = d.isoformat() if R.random() < 0.6 else f"{d.isoformat()}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:00+08:00"
        changed = None
        if R.random() < 0.15:
            changed = (d + dt.timedelta(days=R.randint(1, 60))).isoformat()
        return first, changed

    def url(self, source: str, package: str | None) -> str | None:
        R = self.R
        if source in SLUG:
            tail = package if package else f"detail/{R.randint(100000, 999999)}"
            return f"https://{SLUG[source]}.store.example/app/{tail}"
        if source in MINI_SOURCE.values():
            return None
        word = R.choice(["apk", "down", "soft", "app", "dl", "get"]) + "".join(R.choice("abcdefghjkmnpqrstuvwxyz")
                                                                             for _ in range(4))
        return f"http://{word}.{R.choice(['top', 'xyz', 'cc', 'vip'])}.example/d/{R.randint(1000, 99999)}.apk"

    def listing(self, source, name, package, developer, cert, url=True) -> dict:
        first, changed = self.date()
        return {"listing_id": None, "source": source, "name": name, "package_id": package, "developer": developer,
                "cert_sha256": cert, "icon": None, "url": self.url(source, package) if url else None,
                "first_seen": first, "changed_at": changed}

    def add(self, listing, expected, case, app_id, params, icon, icon_only=False) -> None:
        inst = self.apps[app_id]["inst"]["institution"] if app_id else None
        label = {"listing_id": None, "expected": expected, "case": case, "target_institution": inst,
                 "accept_app_ids": self.accept(app_id) if app_id else [], "params": params}
        self.items.append({"listing": listing, "label": label, "icon": icon, "icon_only": icon_only})

    def foreign_cert(self) -> str:
        return names.cert_format(self.R, self.maker.cert())[0]

    def official_cert(self, app_id: str) -> tuple[str, str]:
        certs = self.apps[app_id]["certs"]
        return names.cert_format(self.R, self.R.choice(certs))

    def work_icon(self, app_id: str) -> Image.Image:
        a = self.apps[app_id]
        if "work" not in a:
            a["work"] = deform.flat(a["img"]).resize((deform.W, deform.W), Image.LANCZOS)
            a["work_layer"] = a["layer"].resize((deform.W, deform.W), Image.LANCZOS)
        return a["work"].copy()

    def ctx(self, app_id: str, scale: float = 1.0) -> deform.Ctx:
        a = self.apps[app_id]
        self.work_icon(app_id)
        return deform.Ctx(self.R, self.G, a["spec"], a["work_layer"].copy(), a["inst"]["kw"][0],
                          a["app"]["names"][0], scale)

    def store_icon(self, app_id: str, sizes=STORE_SIZES, recode_p: float = 0.3) -> tuple[Image.Image, dict]:
        """The official icon as a store serves it: resized, sometimes re-encoded."""
        R = self.R
        size = R.choice(sizes)
        img = self.apps[app_id]["img"]
        out = img.resize((size, size), Image.LANCZOS)
        steps = [{"kind": "resize", "size": size}]
        if R.random() < recode_p:
            q = R.randint(72, 95)
            buf = io.BytesIO()
            deform.flat(out).save(buf, "JPEG", quality=q)
            out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
            steps.append({"kind": "jpeg_recode", "quality": q})
        return out, {"icon_of_app_id": app_id, "steps": steps, "output_size": size}

    def own_icon(self, kind=None, text=None) -> tuple[Image.Image, dict]:
        img, p = pictos.draw_icon(self.R, kind, text)
        size = self.R.choice(ANY_SIZES)
        return img.resize((size, size), Image.LANCZOS), {**p, "output_size": size}

    def pick_app(self, pool: list[str]) -> str:
        return self.R.choice(pool)

    def main_apps(self) -> list[str]:
        return [a for a, v in self.apps.items() if v["index"] == 0 and not v["app"]["mini"]]

    def android_apps(self) -> list[str]:
        return [a for a, v in self.apps.items() if v["app"]["android"] and v["certs"]]

    def counterfeit_source(self, off_p: float = 0.6) -> str:
        R = self.R
        return R.choice(OFFSTORE) if R.random() < off_p else R.choice(OTHER_STORES + OFFICIAL_STORES)

    # ------------------------------------------------------------------ icon-only copies
    def icon_only(self) -> None:
        R = self.R
        deck: list[str] = []

        def draw(used_inst: set) -> str:
            nonlocal deck
            for _ in range(3):
                for i, a in enumerate(deck):
                    if self.apps[a]["inst"]["key"] not in used_inst:
                        return deck.pop(i)
                fresh = sorted(self.apps)
                R.shuffle(fresh)
                deck += fresh
            return deck.pop(0)

        plan: list[tuple[str, list[str]]] = []
        for k in deform.KINDS:
            plan += [(f"icon_only_{k}", [k])] * ICON_PER_KIND
        for n, length in ((ICON_CHAIN2, 2), (ICON_CHAIN3, 3)):
            for _ in range(n):
                plan.append((f"icon_chain{length}", deform.choose_chain(R, length)))
        used_by_case: dict[str, set] = {}
        for case, kinds in plan:
            used = used_by_case.setdefault(case, set())
            app_id = draw(used)
            used.add(self.apps[app_id]["inst"]["key"])
            ctx = self.ctx(app_id, 1.0 if len(kinds) == 1 else 0.6)
            img = self.work_icon(app_id)
            steps = []
            for k in kinds:
                img, p = deform.apply(k, img, ctx)
                steps.append(p)
            size = R.choice(ANY_SIZES)
            img = img.resize((size, size), Image.LANCZOS)
            mk = self.maker
            src = self.counterfeit_source(0.5)
            dev = mk.developer() if R.random() < 0.9 else None
            cert = self.foreign_cert() if R.random() < 0.92 else None
            lst = self.listing(src, mk.app_name(), mk.package(), dev, cert)
            params = {"source_app_id": app_id, "steps": steps, "work_size": deform.W, "output_size": size}
            self.add(lst, "counterfeit", case, app_id, params, img, icon_only=True)

    # ------------------------------------------------------------------ name-based counterfeits
    def mutate(self, case: str) -> tuple[str, str, dict]:
        """(app_id, name, detail) for a name-based counterfeit case."""
        R = self.R
        mains = self.main_apps()
        nonmini = [a for a, v in self.apps.items() if not v["app"]["mini"]]
        if case == "name_exact_offstore":
            a = self.pick_app(nonmini)
            return a, self.apps[a]["app"]["names"][0], {"mutation": "exact"}
        if case == "name_suffix":
            a = self.pick_app(nonmini)
            suf, sep = R.choice(names.SUFFIXES), R.choice(names.SEPS)
            if R.random() < 0.2:
                suf, sep = f"（{suf}）", ""
            return a, self.apps[a]["app"]["names"][0] + sep + suf, {"mutation": "suffix", "suffix": sep + suf}
        if case == "name_prefix":
            a = self.pick_app(mains)
            pre = R.choice(names.PREFIXES)
            return a, pre + self.apps[a]["app"]["names"][0], {"mutation": "prefix", "prefix": pre}
        if case == "name_emoji":
            a = self.pick_app(mains)
            e = R.choice(names.EMOJI)
            n = self.apps[a]["app"]["names"][0]
            where = R.choice(["before", "after", "both"])
            n = {"before": e + n, "after": n + e, "both": e + n + e}[where]
            return a, n, {"mutation": "emoji", "emoji": e, "where": where}
        if case == "name_doubled_char":
            a = self.pick_app(mains)
            n, i = names.double_char(R, self.apps[a]["app"]["names"][0])
            return a, n, {"mutation": "doubled_char", "index": i}
        if case == "name_traditional":
            pool = [x for x in nonmini if names.traditional(self.apps[x]["app"]["names"][0]) != self.apps[x]["app"]["names"][0]]
            a = self.pick_app(pool)
            return a, names.traditional(self.apps[a]["app"]["names"][0]), {"mutation": "traditional"}
        if case == "name_pinyin":
            a = self.pick_app(mains)
            py = self.apps[a]["inst"]["py"]
            form = R.choice(["spaced", "joined_lower", "app"])
            n = {"spaced": py, "joined_lower": py.replace(" ", "").lower(), "app": py + " App"}[form]
            return a, n, {"mutation": "pinyin", "form": form}
        if case == "name_english":
            a = self.pick_app(mains)
            en = self.apps[a]["inst"]["en"]
            form = R.choice(["plain", "upper", "mobile"])
            n = {"plain": en, "upper": en.upper(), "mobile": en + " - Mobile"}[form]
            return a, n, {"mutation": "english", "form": form}
        if case == "name_fullwidth":
            pool = [x for x in nonmini if names.has_ascii_letter(self.apps[x]["app"]["names"][0])
                    or any(k.isascii() for k in self.apps[x]["inst"]["kw"])]
            a = self.pick_app(pool)
            n0 = self.apps[a]["app"]["names"][0]
            if names.has_ascii_letter(n0):
                return a, names.fullwidth(n0), {"mutation": "fullwidth_letters"}
            lat = [k for k in self.apps[a]["inst"]["kw"] if k.isascii()][0]
            return a, names.fullwidth(lat) + n0, {"mutation": "fullwidth_brand_prefix", "latin": lat}
        if case == "name_homoglyph":
            a = self.pick_app(nonmini)
            src = self.apps[a]["app"]["names"][0]
            if R.random() < 0.25:
                lat = [k for k in self.apps[a]["inst"]["kw"] if k.isascii() and k.isupper()]
                if lat:
                    src = lat[0] + src
            n, swaps = names.homoglyph(R, src)
            if not swaps:
                n, swaps = names.homoglyph(R, self.apps[a]["inst"]["kw"][0])
            return a, n, {"mutation": "homoglyph", "swaps": swaps}
        if case == "name_spacing":
            a = self.pick_app(mains)
            n, where = names.insert_spacing(R, self.apps[a]["app"]["names"][0])
            return a, n, {"mutation": "spacing", "inserted": where}
        if case == "name_loan_keyword":
            a = self.pick_app(mains)
            inst = self.apps[a]["inst"]
            s = R.choice([inst["short"], inst["kw"][0]])
            tpl = R.choice(names.LOAN)
            return a, tpl.format(s=s), {"mutation": "loan_keyword", "template": tpl}
        if case in ("name_wechat_mini_copy", "name_official_account_copy", "name_alipay_mini_copy"):
            a = self.pick_app(mains)
            inst = self.apps[a]["inst"]
            n0 = self.apps[a]["app"]["names"][0]
            tpl = R.choice(["{n}", "{n}服务", "{s}客服中心", "{s}信用卡", "{s}借钱", "{n}官方", "{s}积分兑换"])
            return a, tpl.format(n=n0, s=inst["short"]), {"mutation": "platform_copy", "template": tpl}
        raise ValueError(case)

    def name_based(self) -> None:
        R = self.R
        mk = self.maker
        for case, count in NAME_CASES:
            for _ in range(count):
                a, name, detail = self.mutate(case)
                inst = self.apps[a]["inst"]
                platform = {"name_wechat_mini_copy": "wx", "name_official_account_copy": "gh",
                            "name_alipay_mini_copy": "ali"}.get(case)
                u = R.random()
                icon_mode = "official" if u < 0.4 else ("own" if u < 0.88 else "none")
                v = R.random()
                dev_mode = "official" if v < 0.25 else ("foreign" if v < 0.9 else "none")
                dev = inst["dev"] if dev_mode == "official" else (mk.developer() if dev_mode == "foreign" else None)
                if platform:
                    pkg = {"wx": mk.wx, "gh": mk.gh, "ali": mk.ali}[platform]()
                    src, cert = MINI_SOURCE[platform], None
                else:
                    pkg = mk.package() if R.random() < 0.92 else None
                    src = self.counterfeit_source(0.8 if case == "name_exact_offstore" else 0.55)
                    cert = self.foreign_cert() if R.random() < 0.9 else None
                if case == "name_exact_offstore":
                    src = R.choice(OFFSTORE)
                params = {"source_app_id": a, **detail, "icon": icon_mode, "developer": dev_mode}
                icon = None
                if icon_mode == "official":
                    icon, p = self.store_icon(a, ANY_SIZES, 0.5)
                    if platform:
                        icon = circle_alpha(icon.convert("RGB"))
                        p["steps"].append({"kind": "circle_avatar"})
                    params.update(steps=p["steps"], output_size=p["output_size"])
                elif icon_mode == "own":
                    icon, p = self.own_icon(R.choice(["text", "text", "card", "wallet", "lock"]), inst["short"])
                    params["own_icon"] = p
                lst = self.listing(src, name, pkg, dev, cert)
                self.add(lst, "counterfeit", case, a, params, icon)

    # ------------------------------------------------------------------ package / developer copies
    def typosquats(self) -> None:
        R = self.R
        mk = self.maker
        pool = self.android_apps()
        for _ in range(N_TYPO):
            a = self.pick_app(pool)
            off = self.apps[a]["app"]["android"]
            for _ in range(20):
                pkg, how = names.typo_package(R, off)
                if pkg not in self.official_packages and pkg not in mk.packages:
                    break
            mk.packages.add(pkg)
            name = R.choice(names.GENERIC_FIN)
            icon, p = self.own_icon(R.choice(["card", "wallet", "lock", "text", "calculator"]), name)
            lst = self.listing(self.counterfeit_source(0.6), name, pkg, mk.developer() if R.random() < 0.85 else None,
                               self.foreign_cert())
            self.add(lst, "counterfeit", "package_typosquat", a,
                     {"source_app_id": a, "official_package": off, "typo": how, "own_icon": p}, icon)

    def developer_copies(self) -> None:
        R = self.R
        mk = self.maker
        pool = self.main_apps()
        for i in range(N_DEVCOPY):
            a = self.pick_app(pool)
            inst = self.apps[a]["inst"]
            dev, how = inst["dev"], "exact"
            if i % 4 == 3:
                if "（" in dev:
                    dev, how = dev.replace("（", "(").replace("）", ")"), "ascii_parentheses"
                elif inst["dev_en"]:
                    dev, how = inst["dev_en"], "english_name"
                else:
                    dev, how = dev + " ", "trailing_space"
            name = mk.app_name() if R.random() < 0.6 else R.choice(names.GENERIC_FIN)
            icon, p = self.own_icon()
            lst = self.listing(self.counterfeit_source(0.5), name, mk.package(), dev, self.foreign_cert())
            self.add(lst, "counterfeit", "developer_copy", a, {"source_app_id": a, "developer_copy": how,
                                                                "own_icon": p}, icon)

    # ------------------------------------------------------------------ repackaged
    def repackaged(self) -> None:
        R = self.R
        mk = self.maker
        pool = self.android_apps()
        for case, count in REPACK_CASES:
            for _ in range(count):
                a = self.pick_app(pool)
                app = self.apps[a]
                v = R.random()
                dev_mode = "official" if v < 0.5 else ("foreign" if v < 0.8 else "none")
                dev = app["inst"]["dev"] if dev_mode == "official" else (mk.developer() if dev_mode == "foreign" else None)
                params = {"source_app_id": a, "package": app["app"]["android"], "developer": dev_mode}
                if case == "repackaged_renamed":
                    name = R.choice(names.GENERIC_FIN + [mk.app_name()])
                    icon, p = self.own_icon()
                    params["own_icon"] = p
                else:
                    name = app["app"]["names"][0]
                    icon, p = self.store_icon(a, ANY_SIZES, 0.5)
                    steps = p["steps"]
                    if case == "repackaged_modded":
                        mod = R.choice(["去广告版", "破解版", "VIP版", "内购版", "免登录版", "多开版"])
                        name += R.choice(["", "-", " "]) + mod
                        params["modification"] = mod
                        if R.random() < 0.5:
                            k = R.choice(["badge_dot", "corner_ribbon", "sticker_burst"])
                            img, q = deform.apply(k, self.work_icon(a), self.ctx(a))
                            icon = img.resize((p["output_size"],) * 2, Image.LANCZOS)
                            steps = [q, {"kind": "resize", "size": p["output_size"]}]
                    params.update(steps=steps, output_size=p["output_size"])
                lst = self.listing(self.counterfeit_source(0.75), name, app["app"]["android"], dev, self.foreign_cert())
                self.add(lst, "repackaged", case, a, params, icon)

    # ------------------------------------------------------------------ unregistered official builds
    def unregistered(self) -> None:
        R = self.R
        pool = self.android_apps()
        # (product word, icon label, package segment, built on the short name or on the app's name)
        common = [("国际版", "国际", "intl", "short"), ("长辈版", "长辈", "senior", "app"), ("Pad版", "Pad", "pad", "app"),
                  ("体验版", "体验", "beta", "app"), ("青春版", "青春", "youth", "app")]
        products = {
            "bank": [("企业银行", "企业", "corp", "short"), ("财富", "财富", "wealth", "short"),
                     ("商户通", "商户", "merchant", "short"), ("薪福通", "薪福", "payroll", "short"),
                     ("远程银行", "远程", "remote", "short"), ("小微", "小微", "sme", "short"),
                     ("数字人民币", "数币", "ecny", "short")],
            "insurer": [("理赔", "理赔", "claim", "short"), ("代理人", "代理人", "agent", "short"),
                        ("团险", "团险", "group", "short"), ("健康", "健康", "health", "short")],
            "broker": [("基金", "基金", "fund", "short"), ("机构版", "机构", "inst", "short"),
                       ("港股通", "港股", "hk", "short"), ("期权宝", "期权", "option", "short")],
            "payment": [("商户通", "商户", "merchant", "short"), ("企业版", "企业", "corp", "short")],
            "consumer_finance": [("商城", "商城", "mall", "short"), ("会员", "会员", "vip", "short")],
        }
        for _ in range(N_UNREG):
            a = self.pick_app(pool)
            app = self.apps[a]
            inst = app["inst"]
            for _ in range(30):
                prod, lab, seg, base_on = R.choice(products[inst["kind"]] + common)
                name = (inst["short"] if base_on == "short" else app["app"]["names"][0]) + prod
                base = app["app"]["android"]
                pkg = base + "." + seg if R.random() < 0.6 else ".".join(base.split(".")[:2]) + "." + seg
                if name not in self.maker.names and pkg not in self.official_packages and pkg not in self.maker.packages:
                    break
            self.maker.packages.add(pkg)
            self.maker.names.add(name)
            cert, fmt = self.official_cert(a)
            variant = R.choice(["inverse", "dark", "base"])
            spec = spec_for(inst, variant, lab)
            size = R.choice(STORE_SIZES)
            img, _ = emblems.render(spec, PROTECTED_SIZE)
            icon = img.resize((size, size), Image.LANCZOS)
            src = R.choice(OFFICIAL_STORES + OTHER_STORES + OFFSTORE[:2])
            lst = self.listing(src, name, pkg, inst["dev"], cert)
            self.add(lst, "unregistered_official", "unregistered_official", a,
                     {"cert_of_app_id": a, "cert_format": fmt, "icon_variant": variant, "icon_label": lab,
                      "output_size": size}, icon)

    # ------------------------------------------------------------------ hard negatives
    def official_listing(self, a: str, case: str, source: str | None = None) -> None:
        R = self.R
        app = self.apps[a]
        names_ = app["app"]["names"]
        name = names_[0] if R.random() < 0.75 else R.choice(names_)
        cert, fmt = self.official_cert(a)
        if R.random() < 0.06:
            cert = R.choice([" ", "", "\t"]) + cert + R.choice([" ", "  ", "\n"])
            fmt += "+whitespace"
        icon, p = self.store_icon(a)
        dev = app["inst"]["dev"] if R.random() < 0.9 else None
        lst = self.listing(source or R.choice(OFFICIAL_STORES + OTHER_STORES), name, app["app"]["android"], dev, cert)
        self.add(lst, "none", case, None, {"official_app_id": a, "cert_format": fmt, **p, "name_used": name}, icon)

    def hard_negatives(self) -> None:
        R = self.R
        mains = [a for a in self.main_apps() if self.apps[a]["certs"] and self.apps[a]["app"]["android"]]
        deck = list(mains)
        R.shuffle(deck)
        deck = deck[:N_OFFICIAL - 10]
        deck += [R.choice(deck) for _ in range(N_OFFICIAL - len(deck))]  # some apps in a second store
        for a in deck:
            self.official_listing(a, "official_store_listing")
        bundles = []
        for a, v in self.apps.items():
            if v["app"]["ios"]:
                bundles.append((a, "ios"))
            if v["app"]["harmony"]:
                bundles.append((a, "harmony"))
        for _ in range(N_BUNDLE):
            a, kind_ = R.choice(bundles)
            v = self.apps[a]
            inst = v["inst"]
            dev = inst["dev_en"] if kind_ == "ios" and inst["dev_en"] and R.random() < 0.5 else inst["dev"]
            pkg = v["app"]["ios"] if kind_ == "ios" else v["app"]["harmony"]
            icon, p = self.store_icon(a, [512, 180, 120] if kind_ == "ios" else STORE_SIZES, 0.0)
            lst = self.listing(IOS_STORE if kind_ == "ios" else HARMONY_STORE, v["app"]["names"][0], pkg, dev, None)
            self.add(lst, "none", "official_bundle_nocert", None, {"official_app_id": a, "bundle": kind_, **p}, icon)
        sibs = [a for a, v in self.apps.items() if v["index"] > 0 and v["certs"] and v["app"]["android"]]
        order = list(sibs)
        R.shuffle(order)
        for i in range(N_SIBLING):
            self.official_listing(order[i % len(order)], "official_sibling")
        minis = []
        for a, v in self.apps.items():
            for key, val in v["extra"].items():
                minis.append((a, key, val))
        R.shuffle(minis)
        for i in range(N_MINI_OFFICIAL):
            a, key, val = minis[i % len(minis)]
            v = self.apps[a]
            name = v["app"]["names"][0] if R.random() < 0.8 else R.choice(v["app"]["names"])
            icon, p = self.store_icon(a, [144, 132, 120, 96], 0.0)
            icon = circle_alpha(deform.flat(icon))
            p["steps"].append({"kind": "circle_avatar"})
            lst = self.listing(MINI_SOURCE[key], name, val, v["inst"]["dev"], None, url=False)
            self.add(lst, "none", "official_mini_program", None, {"official_app_id": a, "id_kind": key, **p}, icon)
        # finance firms that are not protected, marks built from the same primitives
        other = list(institutions.OTHER_FINANCE)
        for i in range(N_OTHER_FIN):
            nm, dev, pkg, motif, glyph, latin, col, acc, bgs, label = other[i % len(other)]
            inst = {"brand": col, "accent": acc, "bg": bgs, "motif": motif, "glyph": glyph, "latin": latin}
            spec = spec_for(inst, "base", label or nm)
            spec["frame"] = "ring" if i % 2 == 0 else "square"
            img, _ = emblems.render(spec, PROTECTED_SIZE)
            size = R.choice(STORE_SIZES)
            src = R.choice(OFFICIAL_STORES + OTHER_STORES)
            lst = self.listing(src, nm, pkg, dev, self.foreign_cert())
            self.add(lst, "none", "nonprotected_finance", None,
                     {"motif": motif, "glyph": glyph, "label": label or nm, "frame": spec["frame"],
                      "output_size": size},
                     img.resize((size, size), Image.LANCZOS))
        for i in range(N_SHARED):
            nm, dev, pkg, kind_ = institutions.SHARED_WORD[i % len(institutions.SHARED_WORD)]
            icon, p = self.own_icon(kind_, nm)
            src = R.choice(OFFICIAL_STORES + OTHER_STORES + [IOS_STORE])
            cert = None if src == IOS_STORE else self.foreign_cert()
            lst = self.listing(src, nm, pkg, dev, cert)
            self.add(lst, "none", "shared_word", None, {"own_icon": p}, icon)

    # ------------------------------------------------------------------ unrelated
    def unrelated(self) -> None:
        R = self.R
        mk = self.maker
        for case, n in (("unrelated_app", N_UNRELATED), ("unrelated_no_logo", N_UNRELATED_NOLOGO),
                        ("unrelated_no_cert", N_UNRELATED_NOCERT)):
            for _ in range(n):
                name = mk.app_name()
                src = R.choice(OFFICIAL_STORES + OTHER_STORES + [IOS_STORE] + OFFSTORE[:2])
                cert = None if case == "unrelated_no_cert" or src == IOS_STORE else self.foreign_cert()
                icon, p = (None, {}) if case == "unrelated_no_logo" else self.own_icon(None, name)
                lst = self.listing(src, name, mk.package(), mk.developer() if R.random() < 0.95 else None, cert)
                self.add(lst, "none", case, None, {"own_icon": p} if p else {}, icon)

    # ------------------------------------------------------------------ output
    def finish(self) -> dict:
        R = self.R
        R.shuffle(self.items)
        icons = OUT / "icons"
        (icons / "listings").mkdir(parents=True)
        (icons / "protected").mkdir(parents=True)
        for row in self.protected:
            self.apps[row["app_id"]]["img"].save(icons / row["icon"], "PNG")
        listings, labels = [], []
        for i, it in enumerate(self.items, 1):
            lid = f"s28-{i:04d}"
            lst, lab = it["listing"], it["label"]
            lst["listing_id"] = lid
            lab["listing_id"] = lid
            if it["icon"] is not None:
                rel = f"listings/{lid}.png"
                img = it["icon"]
                img = img if img.mode in ("RGB", "RGBA") else img.convert("RGB")
                img.save(icons / rel, "PNG")
                lst["icon"] = rel
            listings.append(lst)
            labels.append(lab)
            assert ("icon" in lab["case"]) == it["icon_only"], lab["case"]
        self.validate(listings, labels)
        blobs = {}
        for fname, rows in (("protected.jsonl", self.protected), ("listings.jsonl", listings),
                            ("labels.jsonl", labels)):
            data = "".join(dumps(r) + "\n" for r in rows).encode("utf-8")
            (OUT / fname).write_bytes(data)
            blobs[fname] = data
        return {"listings": listings, "labels": labels, "blobs": blobs}

    def validate(self, listings: list[dict], labels: list[dict]) -> None:
        lv = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "listing.schema.json").read_text("utf-8")))
        pv = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "protected.schema.json").read_text("utf-8")))
        for row in self.protected:
            pv.validate(row)
            assert (OUT / "icons" / row["icon"]).is_file(), row["icon"]
        for row in listings:
            lv.validate(row)
            assert "icon_phash" not in row and "icon_hashes" not in row
            if row["icon"]:
                assert (OUT / "icons" / row["icon"]).is_file(), row["icon"]
        ids = [r["app_id"] for r in self.protected]
        assert len(ids) == len(set(ids)), "duplicate app_id"
        lids = [r["listing_id"] for r in listings]
        assert len(lids) == len(set(lids)), "duplicate listing_id"
        keys = ["listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"]
        known = set(ids)
        insts = {r["institution"] for r in self.protected}
        for lst, lab in zip(listings, labels, strict=True):
            assert list(lab) == keys and lab["listing_id"] == lst["listing_id"]
            assert lab["expected"] in ("counterfeit", "repackaged", "unregistered_official", "none")
            if lab["expected"] == "none":
                assert lab["target_institution"] is None and lab["accept_app_ids"] == []
            else:
                assert lab["target_institution"] in insts and lab["accept_app_ids"]
                assert set(lab["accept_app_ids"]) <= known
                assert set(lab["accept_app_ids"]) == set(self.inst_apps[lab["target_institution"]])
            norm = (lst["cert_sha256"] or "").strip().replace(":", "").lower()
            if lab["expected"] in ("counterfeit", "repackaged") or lab["case"].startswith(("unrelated", "shared",
                                                                                          "nonprotected")):
                assert norm not in self.official_certs, lst["listing_id"]
            if lab["expected"] in ("none", "unregistered_official") and lab["case"].startswith("official"):
                assert norm in self.official_certs or lst["cert_sha256"] is None
            if lab["expected"] == "counterfeit" and lab["case"] != "name_exact_offstore":
                assert lst["package_id"] not in self.official_packages, lst["listing_id"]
            if lab["case"].startswith(("unrelated", "icon_")):
                assert lst["name"] not in self.official_names
                low = lst["name"]
                for inst in institutions.INSTITUTIONS:
                    for kw in inst["kw"]:
                        assert kw not in low, (low, kw)


def main() -> int:
    t0 = time.perf_counter()
    cv2.setNumThreads(1)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    b = Builder()
    b.build_protected()
    b.icon_only()
    b.name_based()
    b.typosquats()
    b.developer_copies()
    b.repackaged()
    b.unregistered()
    b.hard_negatives()
    b.unrelated()
    res = b.finish()
    blobs = res["blobs"]
    digest = sha256(blobs["protected.jsonl"] + blobs["listings.jsonl"] + blobs["labels.jsonl"])
    h = hashlib.sha256()
    for p in sorted((OUT / "icons").rglob("*.png")):
        h.update(p.relative_to(OUT / "icons").as_posix().encode() + b"\0" + p.read_bytes())
    by_case: dict[str, int] = {}
    by_exp: dict[str, int] = {}
    case_exp: dict[str, str] = {}
    for lab in res["labels"]:
        by_case[lab["case"]] = by_case.get(lab["case"], 0) + 1
        by_exp[lab["expected"]] = by_exp.get(lab["expected"], 0) + 1
        case_exp[lab["case"]] = lab["expected"]
    icon_only = sum(v for k, v in by_case.items() if "icon" in k)
    summary = {
        "set": "holdout_s28", "seed": SEED, "protected_apps": len(b.protected),
        "institutions": len(b.inst_apps), "listings": len(res["listings"]),
        "by_expected": dict(sorted(by_exp.items())), "icon_only_listings": icon_only,
        "by_case": {k: {"count": by_case[k], "expected": case_exp[k]} for k in sorted(by_case)},
        "deformation_kinds": len(deform.KINDS),
        "digest_jsonl": digest,
        "digest_files": {k: sha256(v) for k, v in blobs.items()},
        "digest_icons": h.hexdigest(),
        "font": fonts.cjk_path(),
        "versions": {"python": sys.version.split()[0], "pillow": PIL.__version__, "numpy": np.__version__,
                     "opencv": cv2.__version__},
        "build_seconds": round(time.perf_counter() - t0, 2),
    }
    (OUT / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"protected apps: {len(b.protected)}  listings: {len(res['listings'])}  {summary['by_expected']}")
    print(f"digest_jsonl {digest}")
    print(f"build {summary['build_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
