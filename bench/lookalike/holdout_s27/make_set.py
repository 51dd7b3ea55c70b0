"""Build the holdout_s27 labelled set for the look-alike engine (written blind from the input schemas).

    .venv/bin/python bench/lookalike/holdout_s27/make_set.py

Writes out/protected.jsonl, out/listings.jsonl, out/labels.jsonl and the icons under out/icons/ (paths in
the JSON lines are relative to out/icons, the --icons-root).  Deterministic: the only randomness is
random.Random(2727) and numpy default_rng(2727), consumed in a fixed order.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from datetime import date, timedelta

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import deform  # noqa: E402
import emblems  # noqa: E402
import generic_icons  # noqa: E402
import names  # noqa: E402

OUT = os.path.join(HERE, "out")
ICONS = os.path.join(OUT, "icons")
SEED = 2727

R = random.Random(SEED)
G = np.random.default_rng(SEED)

BANK_KEYS = [i["key"] for i in names.INSTITUTIONS[:24]]
INSURER_KEYS = [i["key"] for i in names.INSTITUTIONS[24:33]]
BROKER_KEYS = [i["key"] for i in names.INSTITUTIONS[33:40]]
CATEGORY_NAMES = {
    "bank": ["手机银行", "掌上银行", "Mobile Banking", "银行助手", "网银助手", "信用卡管家", "账户查询"],
    "insurer": ["保单查询", "保险服务", "理赔助手", "车险报价", "健康保障", "保单管家"],
    "broker": ["股票交易", "证券开户", "炒股软件", "行情助手", "理财通道", "基金定投"],
    "payment": ["扫码支付", "收款助手", "付款码", "聚合支付", "钱包助手", "转账助手"],
}


def category(key: str) -> str:
    if key in BANK_KEYS:
        return "bank"
    if key in INSURER_KEYS:
        return "insurer"
    if key in BROKER_KEYS:
        return "broker"
    return "payment"


# --------------------------------------------------------------------------------------------------
# small generators
# --------------------------------------------------------------------------------------------------
def hex_str(n: int) -> str:
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def new_cert() -> str:
    return hex_str(64)


def fmt_cert(h: str) -> str:
    style = R.choice(["lower", "lower", "lower", "upper", "colon"])
    if style == "upper":
        return h.upper()
    if style == "colon":
        return ":".join(h[i:i + 2] for i in range(0, 64, 2)).upper()
    return h


def wx_id() -> str:
    return "wx" + hex_str(16)


def alipay_mp_id() -> str:
    return "2021" + "".join(R.choice("0123456789") for _ in range(12))


def gh_id() -> str:
    return "gh_" + hex_str(12)


def day(start: date = date(2024, 1, 1), span: int = 540) -> str:
    d = start + timedelta(days=R.randrange(span))
    if R.random() < 0.3:
        return f"{d.isoformat()}T{R.randrange(24):02d}:{R.randrange(60):02d}:{R.randrange(60):02d}" + R.choice(
            ["Z", "+08:00"])
    return d.isoformat()


STORE_URL = {
    "huawei-appgallery": "https://appgallery.huawei.com/app/C{n}",
    "xiaomi-getapps": "https://app.mi.com/details?id={pkg}",
    "oppo-store": "https://store.oppomobile.com/product/{n}.html",
    "vivo-store": "https://h5.appstore.vivo.com.cn/#/details?appId={n}",
    "tencent-myapp": "https://sj.qq.com/appdetail/{pkg}",
    "apple-appstore-cn": "https://apps.apple.com/cn/app/id{n}",
    "web-apk-site": "http://{word}-apk.{tld}/download/{n}.apk",
    "qr-download-page": "https://{word}.{tld}/d/{n}",
    "sms-link": "http://{word}{n}.{tld}/app",
    "cloud-drive-share": "https://pan.{word}.com/s/{n}",
}


def url_for(source: str, pkg: str | None) -> str | None:
    if R.random() < 0.3:
        return None
    tpl = STORE_URL.get(source)
    if tpl is None:
        return None
    return tpl.format(n=R.randrange(10**8, 10**9), pkg=pkg or "unknown", word=R.choice(names.PKG_WORDS),
                      tld=R.choice(["com", "cn", "top", "xyz", "vip"]))


# --------------------------------------------------------------------------------------------------
# protected apps
# --------------------------------------------------------------------------------------------------
def build_protected():
    protected = []
    apps = {}  # app_id -> dict(inst, app, icon image, certs, pkgs)
    inst_certs = {}
    inst_apps = {}
    for inst in names.INSTITUTIONS:
        key = inst["key"]
        certs = [new_cert()] + ([new_cert()] if R.random() < 0.25 else [])
        inst_certs[key] = certs
        inst_apps[key] = []
        has_wx, has_ali, has_gh = R.random() < 0.55, R.random() < 0.22, R.random() < 0.35
        for k, app in enumerate(inst["apps"]):
            app_id = f"{key}_{app['sub']}"
            pkgs = list(app["pkgs"])
            mp = {}
            if k == 0:
                if has_wx:
                    mp["wechat-miniprogram"] = wx_id()
                if has_ali:
                    mp["alipay-miniprogram"] = alipay_mp_id()
                if has_gh:
                    mp["wechat-official-account"] = gh_id()
                pkgs += list(mp.values())
            own = k > 0 and R.random() < 0.4
            app_certs = [new_cert()] if own else list(certs)
            icon = emblems.render_spec(emblems.OFFICIAL[key], app["variant"])
            rel = f"protected/{app_id}.png"
            icon.save(os.path.join(ICONS, rel))
            devs = list(inst["developers"]) if k == 0 else inst["developers"][:1]
            rec = {
                "app_id": app_id,
                "institution": inst["institution"],
                "names": list(app["names"]),
                "brand_keywords": list(inst["keywords"]),
                "package_ids": pkgs,
                "developers": devs,
                "cert_sha256": [fmt_cert(c) for c in app_certs],
                "icon": rel,
            }
            protected.append(rec)
            apps[app_id] = {"inst": inst, "app": app, "icon": icon, "certs": app_certs, "pkgs": pkgs, "mp": mp,
                            "app_id": app_id}
            inst_apps[key].append(app_id)
    return protected, apps, inst_certs, inst_apps


# --------------------------------------------------------------------------------------------------
# listings
# --------------------------------------------------------------------------------------------------
class Builder:
    def __init__(self):
        self.items = []
        self.used_pkgs: set = set()

    def add(self, *, source, name, pkg, dev, cert, icon, expected, case, inst=None, accept=(), params=None,
            url="auto"):
        rec = {"source": source, "name": name, "package_id": pkg, "developer": dev,
               "cert_sha256": fmt_cert(cert) if cert else None, "icon": None}
        if url == "auto":
            url = url_for(source, pkg)
        if url:
            rec["url"] = url
        rec["first_seen"] = day()
        if R.random() < 0.15:
            rec["changed_at"] = day(date(2025, 7, 1), 120)
        label = {"expected": expected, "case": case, "target_institution": inst["institution"] if inst else None,
                 "accept_app_ids": list(accept), "params": params or {}}
        self.items.append((rec, label, icon))


def light_copy(im: Image.Image) -> tuple[Image.Image, dict]:
    """What a store does to an uploaded icon: resize and maybe re-encode."""
    size = R.choice([96, 144, 192, 256, 256, 512])
    out = im.resize((size, size), Image.Resampling.LANCZOS)
    p = {"px": size}
    if R.random() < 0.5:
        q = R.randint(70, 95)
        out = deform.jpeg(out, q)
        p["jpeg"] = q
    return out, p


def round_avatar(im: Image.Image) -> Image.Image:
    size = 192
    out = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ic = im.resize((size, size), Image.Resampling.LANCZOS).convert("RGBA")
    ic.putalpha(deform.circle_mask(size))
    out.paste(ic, (0, 0), ic)
    return out


def own_icon() -> tuple[Image.Image, dict]:
    size = R.choice([192, 256, 256])
    return generic_icons.make_generic_icon(R, size)


def generic_names_pkg_dev(b: Builder):
    return names.generic_name(R), names.generic_package(R, b.used_pkgs), names.generic_developer(R)


def store() -> str:
    return R.choice(names.STORES)


def third_party() -> str:
    return R.choice(names.THIRD_PARTY)


def build_listings(apps, inst_certs, inst_apps):
    b = Builder()
    for a in apps.values():
        b.used_pkgs.update(a["pkgs"])
    app_ids = list(apps)
    main_ids = [a for a in app_ids if a.endswith("_main")]

    # material for the deformations
    ctx = deform.Ctx(R, G)
    ctx.other_colours = [(k, emblems.main_colour(k)) for k in emblems.OFFICIAL]
    ctx.second_logos = [(k, emblems.render_spec(v)) for k, v in emblems.LOOKALIKE.items()]
    ctx.neighbours = [generic_icons.make_generic_icon(R)[0] for _ in range(10)]

    # ---- icon-only copies: every kind four times, then chains ------------------------------------
    pool = []

    def next_source():
        if not pool:
            pool.extend(app_ids)
            R.shuffle(pool)
        return pool.pop()

    def icon_only(kinds_seq, case):
        src = next_source()
        a = apps[src]
        name, pkg, dev = generic_names_pkg_dev(b)
        ctx.display_name = name
        ctx.source_key = a["inst"]["key"]
        im = a["icon"]
        steps = []
        for k in kinds_seq:
            im, p = deform.apply(k, im, ctx)
            steps.append({"kind": k, **p})
        out_px = R.choice([144, 192, 256, 256, 256, 320])
        if im.size != (out_px, out_px):
            im = im.resize((out_px, out_px), Image.Resampling.LANCZOS)
        b.add(source=store(), name=name, pkg=pkg, dev=dev, cert=new_cert(), icon=im, expected="counterfeit",
              case=case, inst=a["inst"], accept=inst_apps[a["inst"]["key"]],
              params={"source_app_id": src, "steps": steps, "out_px": out_px})

    for kind, _fn, _group, _unusual in deform.KINDS:
        for _ in range(4):
            icon_only([kind], f"icon_only_{kind}")
    for _ in range(40):
        n = R.choice([2, 2, 3])
        groups = [deform.CHAIN_A, deform.CHAIN_B, deform.CHAIN_C]
        if n == 2:
            drop = R.randrange(3)
            groups = [g for i, g in enumerate(groups) if i != drop]
        icon_only([R.choice(g) for g in groups], f"icon_chain{n}")

    # ---- name-based counterfeits --------------------------------------------------------------------
    inst_cycle = []

    def next_inst(pred=None):
        for _ in range(200):
            if not inst_cycle:
                inst_cycle.extend(names.INSTITUTIONS)
                R.shuffle(inst_cycle)
            inst = inst_cycle.pop()
            if pred is None or pred(inst):
                return inst
        raise RuntimeError("no institution fits")

    def name_fake(case, make_name, pred=None, source=None, pkg_kind="android", icon_mode=None):
        inst = next_inst(pred)
        key = inst["key"]
        app_id = R.choice(inst_apps[key]) if R.random() < 0.25 else inst_apps[key][0]
        a = apps[app_id]
        nm, extra = make_name(inst, a)
        roll = R.random() if icon_mode is None else icon_mode
        params = {"base_app_id": app_id, **extra}
        if roll < 0.5:
            if source in ("wechat-miniprogram", "alipay-miniprogram", "wechat-official-account"):
                icon = round_avatar(a["icon"])
                params["icon"] = "official_round_avatar"
            else:
                icon, p = light_copy(a["icon"])
                params["icon"] = "official_copy"
                params["icon_copy"] = p
        elif roll < 0.82:
            icon, p = own_icon()
            params["icon"] = "own"
        else:
            icon = None
            params["icon"] = "none"
        # on mini-program platforms the developer is the verified subject: copies never carry the official one
        dev_copied = R.random() < 0.35 and pkg_kind == "android"
        dev = R.choice(inst["developers"]) if dev_copied else names.generic_developer(R)
        params["developer_copied"] = dev_copied
        if pkg_kind == "wx":
            pkg, cert = wx_id(), None
        elif pkg_kind == "alipay":
            pkg, cert = alipay_mp_id(), None
        elif pkg_kind == "gh":
            pkg, cert = (gh_id() if R.random() < 0.8 else None), None
            if R.random() < 0.5:
                dev = None
                params["developer_copied"] = False
        else:
            pkg, cert = names.generic_package(R, b.used_pkgs), new_cert()
        b.add(source=source or R.choice([store(), third_party()]), name=nm, pkg=pkg, dev=dev, cert=cert, icon=icon,
              expected="counterfeit", case=case, inst=inst, accept=inst_apps[key], params=params)

    def n_exact(inst, a):
        return a["app"]["names"][0], {}

    def n_suffix(inst, a):
        base = R.choice(a["app"]["names"])
        if R.random() < 0.25:
            p = R.choice(names.PREFIXES)
            return p + base, {"prefix": p}
        s = R.choice(names.SUFFIXES)
        return base + s, {"suffix": s}

    def n_emoji(inst, a):
        base = R.choice(a["app"]["names"])
        e1, e2 = R.choice(names.EMOJI), R.choice(names.EMOJI)
        form = R.choice(["pre", "post", "both"])
        nm = (e1 if form != "post" else "") + base + (e2 if form != "pre" else "")
        if R.random() < 0.4:
            nm += R.choice(["官方", "福利", "领红包", "贷款"])
        return nm, {"emoji_form": form}

    def n_double(inst, a):
        nm, i = names.double_char(a["app"]["names"][0], R)
        return nm, {"doubled_index": i}

    def n_trad(inst, a):
        base = next((n for n in a["app"]["names"] if names.to_traditional(n) != n), a["app"]["names"][0])
        return names.to_traditional(base) + R.choice(["", "", "官方版", "手機版"]), {"traditional_of": base}

    def n_pinyin(inst, a):
        p = inst["pinyin"]
        form = R.choice(["title", "lower", "nospace", "upper"])
        nm = {"title": p, "lower": p.lower(), "nospace": p.replace(" ", ""), "upper": p.upper()}[form]
        return nm + R.choice(["", "", " App", " Pro"]), {"pinyin_form": form}

    def n_english(inst, a):
        e = inst["english"]
        return e + R.choice(["", " Official", " Lite", " App", " 2025"]), {}

    def n_fullwidth(inst, a):
        ascii_kw = [k for k in inst["keywords"] if k.isascii()]
        base = R.choice(ascii_kw) if ascii_kw else inst["english"]
        tail = {"bank": "手机银行", "insurer": "保险", "broker": "证券", "payment": "支付"}[category(inst["key"])]
        nm = names.to_fullwidth(base) + R.choice([tail, "", "官方"])
        return nm, {"fullwidth_of": base}

    def n_homoglyph(inst, a):
        base = a["app"]["names"][0]
        nm, idx = names.homoglyph(base, R)
        if nm == base:
            base = inst["keywords"][0]
            nm, idx = names.homoglyph(base, R)
        return nm, {"homoglyph_of": base, "positions": idx}

    def n_spaces(inst, a):
        base = a["app"]["names"][0]
        nm, sep = names.insert_spaces(base, R)
        return nm, {"separator": f"U+{ord(sep):04X}"}

    def n_loan(inst, a):
        kw = R.choice([inst["short"]] + [k for k in inst["keywords"] if not k.isascii()])
        w = R.choice(names.LOAN_WORDS)
        return (kw + w) if R.random() < 0.7 else (w + kw), {"keyword": kw, "loan_word": w}

    def n_mp(inst, a):
        base = R.choice(a["app"]["names"])
        s = R.choice(["", "", "服务", "助手", "福利", "信用卡", "积分商城", "贷款"])
        return base + s, {"suffix": s}

    def n_oa(inst, a):
        base = R.choice([inst["short"], a["app"]["names"][0]])
        s = R.choice(["", "客服", "信用卡中心", "服务号", "官方", "福利社"])
        return base + s, {"suffix": s}

    has_ascii = lambda i: any(k.isascii() for k in i["keywords"])  # noqa: E731
    has_hg = lambda i: bool(names.homoglyph_positions(i["apps"][0]["names"][0]))  # noqa: E731
    plan = [
        ("name_exact_offstore", n_exact, 8, {}),
        ("name_suffix", n_suffix, 12, {}),
        ("name_emoji", n_emoji, 8, {}),
        ("name_doubled", n_double, 6, {}),
        ("name_traditional", n_trad, 8, {"pred": lambda i: names.to_traditional(i["apps"][0]["names"][0])
                                         != i["apps"][0]["names"][0]}),
        ("name_pinyin", n_pinyin, 6, {}),
        ("name_english", n_english, 6, {}),
        ("name_fullwidth", n_fullwidth, 6, {"pred": has_ascii}),
        ("name_homoglyph", n_homoglyph, 8, {"pred": has_hg}),
        ("name_spaces", n_spaces, 8, {}),
        ("name_loan_keyword", n_loan, 8, {}),
        ("miniprogram_wechat_copy", n_mp, 8, {"source": "wechat-miniprogram", "pkg_kind": "wx"}),
        ("miniprogram_alipay_copy", n_mp, 5, {"source": "alipay-miniprogram", "pkg_kind": "alipay"}),
        ("official_account_copy", n_oa, 6, {"source": "wechat-official-account", "pkg_kind": "gh"}),
    ]
    for case, fn, count, kw in plan:
        for _ in range(count):
            name_fake(case, fn, **kw)

    # ---- typosquatted packages ------------------------------------------------------------------------
    all_official_pkgs = set()
    for a in apps.values():
        all_official_pkgs.update(a["pkgs"])

    def typo(pkg: str) -> tuple[str, str]:
        for _ in range(50):
            how = R.choice(["swap", "drop", "double", "homoglyph", "tld", "segment", "insert"])
            p = pkg
            letters = [i for i, ch in enumerate(p) if ch.isalpha()]
            if how == "swap":
                i = R.choice([i for i in letters if i + 1 < len(p) and p[i + 1].isalpha()] or letters)
                if i + 1 < len(p):
                    p = p[:i] + p[i + 1] + p[i] + p[i + 2:]
            elif how == "drop":
                i = R.choice(letters)
                p = p[:i] + p[i + 1:]
            elif how == "double":
                i = R.choice(letters)
                p = p[:i] + p[i] + p[i:]
            elif how == "homoglyph":
                subs = [("i", "l"), ("l", "1"), ("o", "0"), ("m", "rn"), ("w", "vv"), ("b", "d"), ("c", "e"), ("a", "e")]
                cand = [(x, y) for x, y in subs if x in p]
                if cand:
                    x, y = R.choice(cand)
                    i = R.choice([k for k in range(len(p)) if p.startswith(x, k)])
                    p = p[:i] + y + p[i + len(x):]
            elif how == "tld":
                parts = p.split(".")
                swap = {"com": "cn", "cn": "com", "android": "andriod"}
                parts[0] = swap.get(parts[0], "com")
                p = ".".join(parts)
            elif how == "segment":
                p = p + "." + R.choice(["lite", "pro", "new", "v2", "plus", "app"])
            else:
                i = R.choice(letters)
                p = p[:i] + R.choice("abcdefghijklmnopqrstuvwxyz") + p[i:]
            if p != pkg and p not in all_official_pkgs and p not in b.used_pkgs and len(p) > 3:
                b.used_pkgs.add(p)
                return p, how
        raise RuntimeError("typo failed")

    for _ in range(20):
        inst = next_inst()
        key = inst["key"]
        app_id = inst_apps[key][0] if R.random() < 0.8 else R.choice(inst_apps[key])
        base = apps[app_id]["app"]["pkgs"][0]
        pkg, how = typo(base)
        nm = R.choice(CATEGORY_NAMES[category(key)]) if R.random() < 0.6 else names.generic_name(R)
        icon, ip = own_icon() if R.random() < 0.85 else (None, {})
        b.add(source=R.choice([store(), third_party()]), name=nm, pkg=pkg, dev=names.generic_developer(R),
              cert=new_cert(), icon=icon, expected="counterfeit", case="typosquat_pkg", inst=inst,
              accept=inst_apps[key], params={"base_app_id": app_id, "official_pkg": base, "typo": how})

    # ---- official developer name on a foreign certificate --------------------------------------------
    for _ in range(20):
        inst = next_inst()
        key = inst["key"]
        dev = R.choice(inst["developers"])
        variant = "exact"
        if R.random() < 0.25:
            variant = R.choice(["trailing_space", "halfwidth_brackets", "suffix", "short_form"])
            if variant == "halfwidth_brackets" and "（" not in dev:
                variant = "suffix"
            if variant == "short_form" and not dev.endswith("股份有限公司"):
                variant = "trailing_space"
            dev = {"trailing_space": dev + " ", "halfwidth_brackets": dev.replace("（", "(").replace("）", ")"),
                   "suffix": dev + "（官方）", "short_form": dev.removesuffix("股份有限公司")}[variant]
        nm = R.choice(CATEGORY_NAMES[category(key)])
        icon, _ip = own_icon()
        b.add(source=R.choice([store(), third_party()]), name=nm, pkg=names.generic_package(R, b.used_pkgs), dev=dev,
              cert=new_cert(), icon=icon, expected="counterfeit", case="developer_copy", inst=inst,
              accept=inst_apps[key], params={"developer_variant": variant})

    # ---- repackaged: official package id, other certificate ------------------------------------------
    for k in range(30):
        inst = next_inst()
        key = inst["key"]
        app_id = inst_apps[key][0] if R.random() < 0.7 else R.choice(inst_apps[key])
        a = apps[app_id]
        pkg = a["app"]["pkgs"][0]
        roll = R.random()
        if roll < 0.6:
            nm, nform = R.choice(a["app"]["names"]), "official"
        elif roll < 0.85:
            nm, nform = a["app"]["names"][0] + R.choice(["破解版", "去广告版", "免登录版", "官方版", "内购版"]), "decorated"
        else:
            nm, nform = names.generic_name(R), "generic"
        dev_official = R.random() < 0.6
        if R.random() < 0.8:
            icon, ip = light_copy(a["icon"])
            icon_mode = "official_copy"
        else:
            icon, ip = own_icon()
            icon_mode = "own"
        case = "repackaged"
        if k < 2:
            pkg = pkg + " "
            case = "repackaged_pkg_trailing_space"
        b.add(source=third_party(), name=nm, pkg=pkg,
              dev=R.choice(inst["developers"]) if dev_official else names.generic_developer(R), cert=new_cert(),
              icon=icon, expected="repackaged", case=case, inst=inst, accept=[app_id] + [
                  x for x in inst_apps[key] if x != app_id],
              params={"app_id": app_id, "name_form": nform, "developer_official": dev_official, "icon": icon_mode})

    # ---- unregistered official apps: an official certificate, unknown package / name ------------------
    templates = [("企业版", "corp2"), ("员工版", "staff2"), ("Pad版", "pad"), ("国际版", "intl"), ("内测版", "beta"),
                 ("关怀版", "care"), ("极简版", "mini")]
    unreg = []
    for inst in names.INSTITUTIONS:
        for nm, pkg in inst["extra"]:
            unreg.append((inst, nm, pkg, "extra"))
    R.shuffle(unreg)
    unreg = unreg[:18]
    while len(unreg) < 25:
        inst = next_inst()
        t, suf = R.choice(templates)
        nm = inst["short"] + t
        pkg = inst["apps"][0]["pkgs"][0] + "." + suf
        if pkg in b.used_pkgs or any(pkg == u[2] for u in unreg):
            continue
        unreg.append((inst, nm, pkg, "template"))
    for inst, nm, pkg, origin in unreg:
        key = inst["key"]
        b.used_pkgs.add(pkg)
        gen_name = R.random() < 0.15
        if gen_name:
            nm = R.choice(["员工考勤", "内部通讯录", "移动办公", "培训学习", "测试工具"])
        roll = R.random()
        if roll < 0.45:
            icon = emblems.render_spec(emblems.OFFICIAL[key], {"word": R.choice(["企业", "员工", "国际", "Pad", "测试"]),
                                                              "alt": R.choice([None, (60, 60, 70), (0, 120, 90)])})
            icon_mode = "official_variant"
        elif roll < 0.75:
            icon, _ = light_copy(apps[inst_apps[key][0]]["icon"])
            icon_mode = "official_copy"
        else:
            icon, _ = own_icon()
            icon_mode = "own"
        b.add(source=store(), name=nm, pkg=pkg, dev=inst["developers"][0], cert=R.choice(inst_certs[key]), icon=icon,
              expected="unregistered_official", case="unregistered_official", inst=inst, accept=inst_apps[key],
              params={"origin": origin, "generic_name": gen_name, "icon": icon_mode})

    # ---- hard negatives ---------------------------------------------------------------------------------
    mains = list(main_ids)
    R.shuffle(mains)
    official_listed = mains[:32]
    for i, app_id in enumerate(official_listed):
        a = apps[app_id]
        inst = a["inst"]
        n_stores = 2 if i < 6 else 1
        stores = R.sample([s for s in names.STORES if s not in ("web-apk-site", "apple-appstore-cn")], n_stores)
        for s in stores:
            icon, ip = light_copy(a["icon"])
            b.add(source=s, name=R.choice(a["app"]["names"]), pkg=a["app"]["pkgs"][0], dev=R.choice(inst["developers"]),
                  cert=R.choice(a["certs"]), icon=icon, expected="none", case="neg_official_store",
                  params={"app_id": app_id, "icon_copy": ip})
    ios = [x for x in main_ids if any(".ios" in p or "iphone" in p for p in apps[x]["app"]["pkgs"])]
    for app_id in ios:
        a = apps[app_id]
        pkg = next(p for p in a["app"]["pkgs"] if ".ios" in p or "iphone" in p)
        icon, ip = light_copy(a["icon"])
        b.add(source="apple-appstore-cn", name=a["app"]["names"][0], pkg=pkg, dev=a["inst"]["developers"][-1],
              cert=None, icon=icon, expected="none", case="neg_official_ios", params={"app_id": app_id})
    siblings = [x for x in app_ids if not x.endswith("_main")]
    R.shuffle(siblings)
    for app_id in siblings[:15]:
        a = apps[app_id]
        icon, ip = light_copy(a["icon"])
        b.add(source=store(), name=a["app"]["names"][0], pkg=a["app"]["pkgs"][0], dev=a["inst"]["developers"][0],
              cert=R.choice(a["certs"]), icon=icon, expected="none", case="neg_official_sibling",
              params={"app_id": app_id})
    mp_apps = [x for x in main_ids if apps[x]["mp"]]
    n_mp = n_oa = 0
    for app_id in mp_apps:
        a = apps[app_id]
        for src, mid in a["mp"].items():
            if src == "wechat-official-account":
                if n_oa >= 6:
                    continue
                n_oa += 1
                case = "neg_official_account"
            else:
                if n_mp >= 12:
                    continue
                n_mp += 1
                case = "neg_official_miniprogram"
            nm = a["app"]["names"][0] + R.choice(["", "", "服务", "+"]) if case != "neg_official_account" else \
                a["inst"]["short"] + R.choice(["", "客服", "服务号"])
            b.add(source=src, name=nm, pkg=mid, dev=a["inst"]["developers"][0] if R.random() < 0.8 else None, cert=None,
                  icon=round_avatar(a["icon"]), expected="none", case=case, params={"app_id": app_id})
    for nm, dev, pkg, look in names.OTHER_BANKS:
        if look:
            icon = emblems.render_spec(emblems.LOOKALIKE[look], size=R.choice([192, 256]))
            case = "neg_other_bank_similar_emblem"
        else:
            icon, _ = own_icon()
            case = "neg_other_bank"
        b.used_pkgs.add(pkg)
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert(), icon=icon, expected="none", case=case,
              params={"emblem": look})
    for nm, dev, pkg, look in names.OTHER_BROKERS:
        icon = emblems.render_spec(emblems.LOOKALIKE[look]) if look else own_icon()[0]
        b.used_pkgs.add(pkg)
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert(), icon=icon, expected="none",
              case="neg_other_finance_firm", params={"emblem": look})
    for nm, dev, pkg in names.INSURANCE_BROKERS:
        b.used_pkgs.add(pkg)
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert(), icon=own_icon()[0], expected="none",
              case="neg_insurance_broker", params={})
    for nm, dev, pkg in names.WALLET_TOOLS:
        b.used_pkgs.add(pkg)
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert(), icon=own_icon()[0], expected="none",
              case="neg_wallet_tool", params={})
    shared = list(names.SHARED_WORD)
    R.shuffle(shared)
    for nm, dev, pkg, word in shared[:20]:
        b.used_pkgs.add(pkg)
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert(), icon=own_icon()[0], expected="none",
              case="neg_shared_word", params={"shared_word": word})

    # ---- ordinary unrelated apps ----------------------------------------------------------------------
    for _ in range(172):
        nm, pkg, dev = generic_names_pkg_dev(b)
        icon, ip = own_icon() if R.random() < 0.95 else (None, {})
        b.add(source=store(), name=nm, pkg=pkg, dev=dev, cert=new_cert() if R.random() < 0.93 else None, icon=icon,
              expected="none", case="ordinary", params={"icon": ip or None})
    return b


# --------------------------------------------------------------------------------------------------
# validation and output
# --------------------------------------------------------------------------------------------------
def validate(protected, listings):
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - minimal fallback
        jsonschema = None
    root = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
    sdir = os.path.join(root, "src", "appgov", "engines", "lookalike", "data")
    with open(os.path.join(sdir, "listing.schema.json"), encoding="utf-8") as f:
        ls = json.load(f)
    with open(os.path.join(sdir, "protected.schema.json"), encoding="utf-8") as f:
        ps = json.load(f)
    if jsonschema is not None:
        lv = jsonschema.Draft202012Validator(ls)
        pv = jsonschema.Draft202012Validator(ps)
        for rec in protected:
            pv.validate(rec)
        for rec in listings:
            lv.validate(rec)
    else:
        for rec in listings:
            assert all(isinstance(rec.get(k), str) and rec[k].strip() for k in ("listing_id", "source", "name"))
    ids = [r["app_id"] for r in protected]
    assert len(ids) == len(set(ids)), "duplicate app_id"
    lids = [r["listing_id"] for r in listings]
    assert len(lids) == len(set(lids)), "duplicate listing_id"
    for rec in listings:
        if rec.get("icon"):
            assert os.path.exists(os.path.join(ICONS, rec["icon"])), rec["icon"]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    t0 = time.time()
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(os.path.join(ICONS, "protected"))
    os.makedirs(os.path.join(ICONS, "listings"))
    protected, apps, inst_certs, inst_apps = build_protected()
    b = build_listings(apps, inst_certs, inst_apps)
    items = list(b.items)
    R.shuffle(items)
    listings, labels = [], []
    for n, (rec, label, icon) in enumerate(items, 1):
        lid = f"s27-{n:04d}"
        row = {"listing_id": lid}
        rec = dict(rec)
        if icon is not None:
            rel = f"listings/{lid}.png"
            icon.save(os.path.join(ICONS, rel))
            rec["icon"] = rel
        row.update(rec)
        listings.append(row)
        labels.append({"listing_id": lid, **label})
    validate(protected, listings)
    write_jsonl(os.path.join(OUT, "protected.jsonl"), protected)
    write_jsonl(os.path.join(OUT, "listings.jsonl"), listings)
    write_jsonl(os.path.join(OUT, "labels.jsonl"), labels)
    h = hashlib.sha256()
    for fn in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        with open(os.path.join(OUT, fn), "rb") as f:
            h.update(f.read())
    hi = hashlib.sha256()
    for sub in ("protected", "listings"):
        for fn in sorted(os.listdir(os.path.join(ICONS, sub))):
            with open(os.path.join(ICONS, sub, fn), "rb") as f:
                hi.update(f"{sub}/{fn}\n".encode())
                hi.update(f.read())
    summary = {
        "protected_apps": len(protected),
        "institutions": len({p["institution"] for p in protected}),
        "listings": len(listings),
        "expected": dict(sorted(Counter(x["expected"] for x in labels).items())),
        "cases": dict(sorted(Counter(x["case"] for x in labels).items())),
        "digest_jsonl": h.hexdigest(),
        "digest_icons": hi.hexdigest(),
        "seconds": round(time.time() - t0, 1),
    }
    with open(os.path.join(OUT, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "cases"}, ensure_ascii=False))
    print("sha256(protected.jsonl + listings.jsonl + labels.jsonl) =", h.hexdigest())


if __name__ == "__main__":
    main()
