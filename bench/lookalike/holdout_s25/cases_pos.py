"""Positive cases: counterfeit names, icon-only copies, package typosquats, copied developers,
repackaged builds and unregistered official builds."""

from __future__ import annotations

import io

import names as nm
from edits import EDITS, apply, chain_names
from listing_factory import (
    ALI_MP,
    ANDROID,
    DOWNLOAD,
    HARMONY,
    IOS,
    WX_MP,
    WX_OA,
    foreign_cert,
    make,
    mp_appid,
)
from PIL import Image
from seeds import pick, shuffled, stream

NAME_SUBKINDS = [("decorated", 10), ("doubled", 9), ("traditional", 10), ("pinyin", 9), ("emoji", 10),
                 ("suffix", 12), ("fullwidth", 8), ("split", 10), ("miniprogram", 9), ("official_account", 9)]
N_ICON_PER_EDIT = 4
N_CHAINS = 56
N_TYPO, N_DEV, N_REPACK, N_UNREG = 22, 20, 30, 26
OUT_SIZES = [256, 256, 256, 192, 512]


def case(row, icon, expected, kind, ctx, app_id, params, size=256):
    label = {"listing_id": None, "expected": expected, "case": kind,
             "target_institution": ctx.institution(app_id) if app_id else None,
             "accept_app_ids": ctx.accept(app_id) if expected else [], "params": params}
    return {"row": row, "icon": icon, "label": label, "size": size}


def _cjk(s: str) -> bool:
    return not any(c.isascii() and c.isalpha() for c in s)


def _name_base(ctx, rng, app_id, sub):
    row = ctx.row[app_id]
    inst = ctx.meta[app_id]["inst"]
    if sub == "fullwidth":
        latin = [k for k in inst["keywords"] if k.isascii()]
        mixed = [n for n in row["names"] if not n.isascii() and any(c.isascii() and c.isalpha() for c in n)]
        if mixed and (not latin or rng.random() < 0.5):
            b = pick(rng, mixed)
            return b, nm.fullwidth(b)
        if latin:
            b = pick(rng, latin)
            return b, nm.fullwidth(b) + pick(rng, ["手机银行", "官方", "APP", "客户端", "理财"])
        return None, None
    cands = [n for n in row["names"]] + [k for k in inst["keywords"] if len(k) >= 2 and _cjk(k)]
    base = row["names"][0] if rng.random() < 0.6 else pick(rng, cands)
    if sub == "decorated":
        return base, pick(rng, nm.DECOR).format(base)
    if sub == "doubled":
        return base, nm.doubled(rng, base)[0]
    if sub == "traditional":
        opts = [c for c in cands if nm.traditional(c) != c]
        if not opts:
            return None, None
        b = base if base in opts else pick(rng, opts)
        return b, nm.traditional(b)
    if sub == "pinyin":
        b = base if _cjk(base) else pick(rng, [c for c in cands if _cjk(c)] or [base])
        return b, nm.pinyin_variant(rng, b)[0]
    if sub == "emoji":
        e1, e2 = pick(rng, nm.EMOJI), pick(rng, nm.EMOJI)
        return base, pick(rng, [e1 + base, base + e1, e1 + base + e2])
    if sub == "suffix":
        return base, pick(rng, nm.SUFFIX).format(base)
    if sub == "split":
        return base, nm.split_chars(rng, base)[0]
    brand = pick(rng, [k for k in inst["keywords"] if _cjk(k)] or [base])
    tpls = nm.MINI if sub == "miniprogram" else nm.OFFICIAL_ACCOUNT
    if inst["kind"] != "bank":
        tpls = [t for t in tpls if "信用卡" not in t]
    return brand, pick(rng, tpls).format(brand)


def name_cases(ctx) -> list[dict]:
    out = []
    official = {n for r in ctx.protected for n in r["names"]}
    order = shuffled(stream("name/targets"), ctx.app_ids)
    k = 0
    for sub, count in NAME_SUBKINDS:
        made = 0
        while made < count:
            app_id = order[k % len(order)]
            k += 1
            tag = f"name/{sub}/{made}/{app_id}"
            rng = stream(tag)
            base, name = _name_base(ctx, rng, app_id, sub)
            if not name or name in official or name == base or name in ctx.used_names:
                continue
            ctx.used_names.add(name)
            if sub == "miniprogram":
                source = pick(rng, [WX_MP, WX_MP, ALI_MP])
            elif sub == "official_account":
                source = WX_OA
            else:
                source = pick(rng, ANDROID + ANDROID + DOWNLOAD + [IOS])
            pkg = mp_appid(tag, source) if source in (WX_MP, ALI_MP, WX_OA) else ctx.package(rng)
            u = rng.random()
            if u < 0.15:
                icon = None
            else:
                colour = tuple(ctx.meta[app_id]["inst"]["colour"]) if rng.random() < 0.5 else None
                icon = ctx.generic_icon(rng, finance=u < 0.85, colour=colour)
            row, img = make(rng, source, name, pkg, ctx.company(rng), foreign_cert(tag), icon, tag)
            params = {"base": base, "transform": sub, "target_app": app_id}
            out.append(case(row, img, "name", "name_" + sub, ctx, app_id, params))
            made += 1
    return out


def _icon_listing(ctx, rng, tag, img):
    source = pick(rng, ANDROID * 5 + DOWNLOAD * 3 + [IOS, IOS, WX_MP, WX_MP, HARMONY])
    pkg = mp_appid(tag, source) if source == WX_MP else ctx.package(rng)
    return make(rng, source, ctx.neutral(rng), pkg, ctx.company(rng), foreign_cert(tag), img, tag)


def icon_cases(ctx) -> list[dict]:
    out = []
    order = shuffled(stream("icon/targets"), ctx.app_ids)
    k = 0
    for e in EDITS:
        for j in range(N_ICON_PER_EDIT):
            app_id = order[k % len(order)]
            k += 1
            tag = f"icon/{e}/{j}"
            rng = stream(tag)
            img, steps = apply(ctx.icon(app_id), [e], rng)
            size = pick(rng, OUT_SIZES)
            row, img = _icon_listing(ctx, rng, tag, img)
            out.append(case(row, img, "icon", "icon_" + e, ctx, app_id,
                            {"source_app": app_id, "edits": steps, "size": size}, size))
    for j in range(N_CHAINS):
        app_id = order[k % len(order)]
        k += 1
        tag = f"icon/chain/{j}"
        rng = stream(tag)
        img, steps = apply(ctx.icon(app_id), chain_names(rng), rng)
        size = pick(rng, OUT_SIZES)
        row, img = _icon_listing(ctx, rng, tag, img)
        out.append(case(row, img, "icon", "icon_chain", ctx, app_id,
                        {"source_app": app_id, "edits": steps, "size": size}, size))
    return out


SUB = {"l": "1", "o": "0", "i": "l", "m": "rn", "e": "3", "a": "4", "c": "k", "n": "m", "b": "d"}


def typo(rng, pkg: str) -> tuple[str, str]:
    kind = pick(rng, ["char_sub", "insert", "omit", "swap", "tld_swap", "suffix", "namespace", "separator"])
    segs = pkg.split(".")
    letters = [i for i, c in enumerate(pkg) if c.isalpha()]
    i = pick(rng, letters)
    if kind == "char_sub":
        pos = [j for j in letters if pkg[j].lower() in SUB]
        i = pick(rng, pos) if pos else i
        return pkg[:i] + SUB.get(pkg[i].lower(), "x") + pkg[i + 1:], kind
    if kind == "insert":
        return pkg[:i] + pkg[i] + pkg[i:], kind
    if kind == "omit":
        return pkg[:i] + pkg[i + 1:], kind
    if kind == "swap":
        j = i if i + 1 < len(pkg) and pkg[i + 1].isalpha() else i - 1
        return pkg[:j] + pkg[j + 1] + pkg[j] + pkg[j + 2:], kind
    if kind == "tld_swap":
        swap = {"com": "cn", "cn": "com"}
        if segs[0] in swap:
            return ".".join([swap[segs[0]]] + segs[1:]), kind
        return "com." + pkg, kind
    if kind == "suffix":
        return pkg + pick(rng, [".official", ".pro", ".app", "_v2", ".safe", ".plus"]), kind
    if kind == "namespace":
        at = int(rng.integers(2, len(segs) + 1))
        return ".".join(segs[:at] + [pick(rng, ["android", "mobile", "client", "mbank"])] + segs[at:]), kind
    at = int(rng.integers(1, len(segs)))
    return ".".join(segs[:at]) + "_" + ".".join(segs[at:]), kind


def package_cases(ctx) -> list[dict]:
    out = []
    order = shuffled(stream("pkg/targets"), ctx.app_ids)
    for n in range(N_TYPO):
        app_id = order[n % len(order)]
        tag = f"pkg/{n}"
        rng = stream(tag)
        official = ctx.meta[app_id]["android"]
        for _ in range(50):
            pkg, kind = typo(rng, official)
            if pkg != official and pkg not in ctx.ledger_packages:
                break
        source = pick(rng, ANDROID + DOWNLOAD)
        icon = ctx.generic_icon(rng, finance=rng.random() < 0.7)
        row, img = make(rng, source, ctx.neutral(rng), pkg, ctx.company(rng), foreign_cert(tag), icon, tag)
        out.append(case(row, img, "package", "package_typosquat", ctx, app_id,
                        {"official_package": official, "mutation": kind}))
    return out


def developer_cases(ctx) -> list[dict]:
    out = []
    order = shuffled(stream("dev/targets"), ctx.app_ids)
    for n in range(N_DEV):
        app_id = order[n % len(order)]
        tag = f"dev/{n}"
        rng = stream(tag)
        dev = ctx.meta[app_id]["developer"]
        source = pick(rng, ANDROID + DOWNLOAD)
        icon = ctx.generic_icon(rng, finance=rng.random() < 0.7)
        row, img = make(rng, source, ctx.neutral(rng), ctx.package(rng), dev, foreign_cert(tag), icon, tag)
        out.append(case(row, img, "developer", "developer_copy", ctx, app_id, {"copied_developer": dev}))
    return out


def _reencode(rng, img):
    how = pick(rng, ["same", "jpeg", "resize"])
    if how == "jpeg":
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(rng.integers(80, 95)))
        buf.seek(0)
        return Image.open(buf).convert("RGB"), how
    if how == "resize":
        return img.resize((144, 144), Image.Resampling.LANCZOS).resize((256, 256), Image.Resampling.BICUBIC), how
    return img.copy(), how


def repackaged_cases(ctx) -> list[dict]:
    out = []
    order = shuffled(stream("repack/targets"), ctx.app_ids)
    for n in range(N_REPACK):
        app_id = order[n % len(order)]
        tag = f"repack/{n}"
        rng = stream(tag)
        meta = ctx.meta[app_id]
        official_name = pick(rng, ctx.row[app_id]["names"])
        u = rng.random()
        if u < 0.6:
            name, name_kind = official_name, "official"
        elif u < 0.8:
            name, name_kind = f"{official_name} v{int(rng.integers(5, 12))}.{int(rng.integers(0, 10))}", "version"
        else:
            name, name_kind = official_name + pick(rng, ["破解版", "去广告版", "免登录版", "绿色版"]), "mod"
        v = rng.random()
        dev = meta["developer"] if v < 0.6 else (ctx.company(rng) if v < 0.8 else None)
        if rng.random() < 0.7:
            icon, how = _reencode(rng, ctx.icon(app_id))
        else:
            icon, how = None, "none"
        source = pick(rng, DOWNLOAD * 3 + ANDROID)
        row, img = make(rng, source, name, meta["android"], dev, foreign_cert(tag), icon, tag)
        out.append(case(row, img, "repackaged", "repackaged", ctx, app_id,
                        {"name": name_kind, "developer": "official" if v < 0.6 else ("other" if v < 0.8 else "none"),
                         "icon": how}))
    return out


UNREG_SUFFIX = [".hd", ".lite", ".beta", ".test", ".pad", ".global", ".intl", ".x86", ".debug", ".v2", ".pre",
                ".harmony"]


def unregistered_cases(ctx) -> list[dict]:
    out = []
    order = shuffled(stream("unreg/targets"), ctx.app_ids)
    for n in range(N_UNREG):
        app_id = order[n % len(order)]
        tag = f"unreg/{n}"
        rng = stream(tag)
        meta = ctx.meta[app_id]
        pkg = meta["android"] + pick(rng, UNREG_SUFFIX)
        assert pkg not in ctx.ledger_packages
        base = ctx.row[app_id]["names"][0]
        name = base if rng.random() < 0.5 else base + pick(rng, [" HD", "国际版", "测试版", " Lite", "Pad版", "体验版"])
        icon = ctx.icon(app_id).copy() if rng.random() < 0.8 else None
        source = pick(rng, ANDROID * 2 + [HARMONY, HARMONY] + DOWNLOAD)
        row, img = make(rng, source, name, pkg, meta["developer"], meta["cert"], icon, tag)
        out.append(case(row, img, "unregistered", "unregistered_build", ctx, app_id,
                        {"official_package": meta["android"], "package": pkg, "name": name,
                         "icon": "official" if icon is not None else "none"}))
    return out


def all_positive(ctx) -> list[dict]:
    return (name_cases(ctx) + icon_cases(ctx) + package_cases(ctx) + developer_cases(ctx) + repackaged_cases(ctx)
            + unregistered_cases(ctx))
