"""Build the blind holdout set s26 (seed 2626): a synthetic Chinese financial app market.

usage: make_set.py [OUT_DIR]      (default: out/ beside this file)

Writes protected.jsonl, listings.jsonl, labels.jsonl, icons/{protected,listings}/*.png and report.json.
Every random stream is random.Random(int(sha256("holdout_s26/2626/<stream>"), 16)); nothing depends on
hash() or on set order, so two builds are byte-identical except report.json's build_seconds.
"""

import colorsys
import hashlib
import json
import multiprocessing
import os
import random
import sys
import time

import deform
import icons
import market
import pngio

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 2626
ICON_SIZE = 128
EXPECTED = ("counterfeit", "repackaged", "unregistered_official", "none")


def stream(name):
    return random.Random(int(market.sha(name), 16))


# ============================================================================ protected apps


class Market:
    def __init__(self):
        self.apps = {}
        self.inst_apps = {}
        self.rows = []
        self.official_pkgs = set()
        self.all_names = []
        self.keywords = []
        for inst in market.INSTITUTIONS:
            ids = []
            for a in inst["apps"]:
                aid = a["app_id"]
                if a["kind"] == "app":
                    pkgs = list(a["pkgs"]) + ([a["ios"]] if a["ios"] else [])
                    cert_key = a["cert"] or inst["key"]
                    certs = [market.cert_hex(cert_key)]
                    if inst["key"] in ("icbc", "cmb", "ant") and not a["cert"]:
                        certs.append(market.cert_hex(cert_key + "-v2"))
                elif a["kind"] == "wx_mini":
                    pkgs, certs = [market.wx_appid(aid)], []
                elif a["kind"] == "ali_mini":
                    pkgs, certs = [market.alipay_appid(aid)], []
                else:
                    pkgs, certs = [market.gh_id(aid)], []
                fmt = inst.get("cert_fmt", "plain")
                row = {
                    "app_id": aid,
                    "institution": inst["inst"],
                    "names": a["names"],
                    "brand_keywords": inst["kw"],
                    "package_ids": pkgs,
                    "developers": a["devs"] or inst["devs"],
                    "cert_sha256": [market.colon_upper(c) if fmt == "colon" else c for c in certs] or None,
                    "icon": f"protected/{aid}.png",
                }
                self.rows.append(row)
                self.apps[aid] = {"inst": inst, "app": a, "row": row, "pkgs": pkgs, "certs": certs}
                ids.append(aid)
                self.official_pkgs.update(p.lower() for p in pkgs)
                self.all_names.extend(a["names"])
            self.inst_apps[inst["key"]] = ids
            self.keywords.extend(inst["kw"])
        for inst in market.INSTITUTIONS:
            for _name, pkg in inst["unreg"]:
                self.official_pkgs.add(pkg.lower())
        self.combos = set()
        for v in self.apps.values():
            sp = v["app"]["spec"]
            self.combos.add((sp["motif"], sp["layout"]))
            if sp["layout"] in ("avatar", "tile"):
                self.combos.add((sp["motif"], "solid"))
        self.groups = {"pab": ["pingan"], "pingan": ["pab"], "citic": ["citics"], "citics": ["citic"]}

    def accept(self, inst_key, first=(), group=True):
        out = list(first)
        keys = [inst_key] + (self.groups.get(inst_key, []) if group else [])
        for k in keys:
            for aid in self.inst_apps[k]:
                if aid not in out:
                    out.append(aid)
        return out

    def has_brand(self, text):
        low = text.lower()
        return any(k.lower() in low for k in self.keywords) or any(n in text for n in self.all_names)

    def app_kind_apps(self):
        return [aid for aid, v in self.apps.items() if v["app"]["kind"] == "app"]


# ============================================================================ helpers for listing fields


def cert_fmt(h, rng):
    x = rng.random()
    if x < 0.7:
        return h
    if x < 0.85:
        return h.upper()
    return market.colon_upper(h)


def rand_cert(rng, key):
    return cert_fmt(market.sha(f"randcert/{key}/{rng.random()}"), rng)


def rand_dev(rng, mk):
    while True:
        d = rng.choice(market.CITIES) + rng.choice(market.FIRM_WORDS) + rng.choice(market.FIRM_KIND)
        if not mk.has_brand(d):
            return d


def rand_pkg(rng, mk, words=None):
    words = words or market.PKG_WORDS
    while True:
        n = rng.choice([2, 2, 3])
        pkg = rng.choice(market.PKG_ROOTS) + "." + ".".join(rng.choice(words) for _ in range(n))
        if pkg.lower() not in mk.official_pkgs and not any(k.lower() in pkg.lower() for k in ("icbc", "ccb", "cmb", "boc")):
            return pkg


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def rand_host(rng):
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(rng.randint(5, 9)))


def make_url(source, rng, pkg, name):
    if source == "huawei_appgallery":
        return f"https://appgallery.huawei.com/app/C{rand_digits(rng, 9)}"
    if source == "xiaomi_getapps":
        return f"https://app.mi.com/details?id={pkg}"
    if source == "oppo_software_store":
        return f"https://store.oppomobile.com/product/{rand_digits(rng, 7)}.html"
    if source == "vivo_app_store":
        return f"https://h5.appstore.vivo.com.cn/#/details?appId={rand_digits(rng, 7)}"
    if source == "tencent_myapp":
        return f"https://sj.qq.com/appdetail/{pkg}"
    if source == "honor_app_market":
        return f"https://appmarket.honor.com/app/{rand_digits(rng, 8)}"
    if source == "apple_app_store_cn":
        return f"https://apps.apple.com/cn/app/id{rand_digits(rng, 10)}"
    if source == "baidu_mobile_assistant":
        return f"https://mobile.baidu.com/item?docid={rand_digits(rng, 9)}"
    if source == "360_mobile_assistant":
        return f"https://app.so.com/detail/index?id={rand_digits(rng, 7)}"
    if source == "wandoujia":
        return f"https://www.wandoujia.com/apps/{pkg}"
    if source == "apk_mirror_site":
        return f"https://apk.{rand_host(rng)}.com/download/{pkg}.apk"
    if source == "sms_link_download":
        return f"http://{rand_host(rng)}.top/d/{rand_host(rng)}"
    if source == "web_download_page":
        return f"https://www.{rand_host(rng)}.cn/app/"
    if source == "forum_attachment":
        return f"https://bbs.{rand_host(rng)}.com/attachment/{rand_digits(rng, 8)}"
    if source == "wechat_miniprogram":
        return f"#小程序://{name}/{rand_host(rng)}" if rng.random() < 0.6 else None
    if source == "alipay_miniprogram":
        return f"alipays://platformapi/startapp?appId={pkg}"
    if source == "wechat_official_account":
        return f"https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz={rand_host(rng).upper()}{rand_digits(rng, 6)}=="
    return None


def make_dates(rng):
    day = 19723 + rng.randint(0, 850)  # 2024-01-01 + up to ~2.3 years
    first = _iso(day)
    if rng.random() < 0.15:
        first += f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+08:00"
    changed = None
    if rng.random() < 0.35:
        changed = _iso(day + rng.randint(1, 200))
    return first, changed


def _iso(days):
    y, m, d = _civil(days)
    return f"{y:04d}-{m:02d}-{d:02d}"


def _civil(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d)


def pick_source(rng, weights):
    tot = sum(w for _, w in weights)
    x = rng.random() * tot
    for s, w in weights:
        x -= w
        if x < 0:
            return s
    return weights[-1][0]


STORE_MIX = [(s, 3) for s in market.SOURCES_STORE] + [(s, 1) for s in market.SOURCES_THIRD]
SHADY_MIX = [(s, 2) for s in market.SOURCES_STORE] + [(s, 3) for s in market.SOURCES_THIRD]
MINI_SOURCES = ("wechat_miniprogram", "alipay_miniprogram", "wechat_official_account")


def mini_pkg(source, rng):
    key = f"{rng.random()}"
    if source == "wechat_miniprogram":
        return market.wx_appid("fake/" + key)
    if source == "alipay_miniprogram":
        return market.alipay_appid("fake/" + key)
    return market.gh_id("fake/" + key)


def random_spec(rng, motif=None, word=None, glyph_from=None, avoid=()):
    """A random ordinary-looking icon spec; (motif, layout) pairs in avoid (the protected designs) are not drawn."""
    layouts = ["solid", "solid", "white", "gradient", "gradient", "tile", "split", "logo_word"]
    for _ in range(50):
        m = motif or rng.choice(icons.ORDINARY_MOTIFS)
        layout = rng.choice(layouts)
        if (m, layout) not in avoid:
            break
    motif = m
    hue = rng.random()
    r, g, b = colorsys.hsv_to_rgb(hue, rng.uniform(0.45, 0.95), rng.uniform(0.5, 0.95))
    c = (int(r * 255), int(g * 255), int(b * 255))
    r2, g2, b2 = colorsys.hsv_to_rgb((hue + rng.uniform(0.05, 0.2)) % 1, rng.uniform(0.4, 0.9), rng.uniform(0.6, 1.0))
    c2 = (int(r2 * 255), int(g2 * 255), int(b2 * 255))
    fg = c if layout == "white" else (255, 255, 255)
    spec = {"layout": layout, "motif": motif, "fg": list(fg), "bg": list(c) if layout != "white" else [255, 255, 255],
            "bg2": list(c2), "angle": rng.choice([45, 90, 135])}
    p = {}
    if motif in ("glyph", "disc_glyph", "ring_glyph", "word"):
        src = glyph_from or "乐"
        p["glyph"] = src[:1] if motif != "word" else src[:2]
    if motif == "latin":
        p["glyph"] = rng.choice(["GO", "A+", "Q", "Hi", "Z", "M", "K", "OK", "V", "Yo"])
    if motif in ("petals", "sun"):
        p["n"] = rng.choice([3, 5, 6, 8])
        p["rays"] = rng.choice([6, 9, 12])
    if motif == "grid" and rng.random() < 0.5:
        p["colors"] = [list(c), list(c2), [250, 200, 40], [40, 180, 120]]
    if p:
        spec["p"] = p
    if layout == "logo_word":
        spec["word"] = (word or "应用")[:4]
    return spec


def generic_fin_spec(rng, mk):
    return random_spec(rng, motif=rng.choice(icons.FINANCE_MOTIFS), glyph_from=rng.choice(["金", "钱", "贷", "财", "福", "借"]),
                       avoid=mk.combos)


# ============================================================================ listing builder


class Builder:
    def __init__(self, mk):
        self.mk = mk
        self.items = []

    def add(self, family, case, expected, inst, accept, params, fields, icon, dates_rng):
        assert expected in EXPECTED
        src = fields["source"]
        first, changed = make_dates(dates_rng)
        f = {
            "source": src,
            "name": fields["name"],
            "package_id": fields.get("package_id"),
            "developer": fields.get("developer"),
            "cert_sha256": fields.get("cert_sha256"),
            "url": make_url(src, dates_rng, fields.get("package_id") or "", fields["name"]),
            "first_seen": first,
            "changed_at": changed,
        }
        self.items.append({"family": family, "case": case, "expected": expected, "inst": inst, "accept": accept,
                           "params": dict(params, family=family), "fields": f, "icon": icon})


def choose_name_for_counterfeit(rng, mk, ordinary_share=0.3):
    while True:
        if rng.random() < ordinary_share:
            name = rng.choice(market.ORD_PREFIX) + rng.choice(market.ORD_SUFFIX)[0]
        else:
            name = rng.choice(market.GENERIC_FIN_NAMES)
        if not mk.has_brand(name):
            return name


GLYPH_MOTIFS = ("coin", "ring_glyph", "disc_glyph", "glyph", "word", "latin", "frame_glyph", "e_letter", "bars3", "shield")


def has_glyphs(spec):
    p = spec.get("p", {})
    return spec.get("word") or (spec["motif"] in GLYPH_MOTIFS and (p.get("glyph") or spec["motif"] in ("e_letter",)))


# ---------------------------------------------------------------------------- icon-only counterfeits


def make_chain(rng):
    n = rng.choice([2, 2, 3, 3, 4])
    pool = [k for k in deform.KINDS if k not in deform.PIPELINE]
    degrade = ("blur", "noise", "jpeg", "mosaic", "tiny_thumb_upscale", "halftone", "palette_dither", "screen_photo_moire",
               "posterize", "partial_mosaic", "glitch", "wave_warp", "crt_scanlines")
    steps = []
    if rng.random() < 0.15:
        steps.append(rng.choice(deform.SPEC_KINDS))
    tries = 0
    while len(steps) < n and tries < 500:
        tries += 1
        k = rng.choice(pool)
        if k in steps or k in deform.SPEC_KINDS:
            continue
        if k in deform.CONTAINERS and any(s in deform.CONTAINERS for s in steps):
            continue
        if k in deform.STYLES and any(s in deform.STYLES for s in steps):
            continue
        if k in degrade and sum(s in degrade for s in steps) >= 2:
            continue
        if k in deform.LAST_ONLY and len(steps) != n - 1:
            continue
        if steps and steps[-1] in deform.LAST_ONLY:
            continue
        steps.append(k)
    return steps


def build_icon_only(b, mk):
    rng = stream("listings/icon_only")
    apps = sorted(mk.apps)
    glyph_apps = [a for a in apps if has_glyphs(mk.apps[a]["app"]["spec"])]
    order = []
    for _ in range(6):
        block = list(apps)
        rng.shuffle(block)
        order.extend(block)
    pos = 0
    jobs = []
    for kind in deform.SINGLE_KINDS:
        for _ in range(4):
            jobs.append(("single", [kind]))
    for _ in range(48):
        jobs.append(("chain", make_chain(rng)))
    for mode, steps in jobs:
        if steps[0] == "font_swap":
            src = rng.choice(glyph_apps)
        else:
            src = order[pos % len(order)]
            pos += 1
        a = mk.apps[src]
        inst = a["inst"]
        is_mini = rng.random() < (0.5 if a["app"]["kind"] != "app" else 0.06)
        name = choose_name_for_counterfeit(rng, mk)
        if is_mini:
            source = rng.choice(MINI_SOURCES)
            fields = {"source": source, "name": name, "package_id": mini_pkg(source, rng),
                      "developer": rand_dev(rng, mk) if rng.random() < 0.6 else None, "cert_sha256": None}
        else:
            source = pick_source(rng, SHADY_MIX)
            fields = {"source": source, "name": name, "package_id": rand_pkg(rng, mk), "developer": rand_dev(rng, mk),
                      "cert_sha256": rand_cert(rng, f"icon/{pos}") if rng.random() < 0.9 else None}
        case = "icon_chain" if mode == "chain" else f"icon_{steps[0]}"
        icon = {"base": {"app": src}, "steps": steps}
        params = {"src_app": src, "deform": steps, "invented": [s for s in steps if s in deform.INVENTED],
                  "listing_kind": "mini/oa" if is_mini else "app"}
        b.add("icon_only", case, "counterfeit", inst["inst"], mk.accept(inst["key"], [src]), params, fields, icon, rng)


# ---------------------------------------------------------------------------- name counterfeits


EMOJI = ["💰", "🎁", "🔥", "✅", "🧧", "💳", "⭐"]
HOMOPHONE = {"银": "寅", "商": "尚", "设": "社", "农": "浓", "通": "同", "华": "化", "泰": "太", "发": "法", "安": "按",
             "付": "富", "宝": "保", "金": "今", "平": "苹", "兴": "星", "业": "页", "信": "芯", "民": "闽", "建": "健",
             "招": "昭", "工": "公", "交": "娇", "邮": "由", "光": "广", "财": "才"}


def name_variant(kind, rng, mk, inst, app):
    names = app["names"]
    base = rng.choice(names + [inst["short"]])
    short = inst["short"]
    abbr = inst["abbr"]
    if kind == "official_suffix":
        return base + rng.choice(["官方版", "（官方）", "官方正版", "-官方"])
    if kind == "speed_suffix":
        return base + rng.choice(["极速版", "精简版", " Lite", "轻享版"])
    if kind == "loan_suffix":
        return rng.choice([abbr, short]) + rng.choice(["贷款", "借款", "分期", "快贷", "信用贷", "备用金"])
    if kind == "welfare_suffix":
        return base + rng.choice(["福利", "领红包", "福利社", "积分兑换", "会员福利"])
    if kind == "emoji":
        e = rng.choice(EMOJI)
        return rng.choice([e + base, base + e, e + base + e])
    if kind == "doubled_char":
        i = rng.randrange(len(base))
        return base[:i + 1] + base[i] + base[i + 1:]
    if kind == "split_chars":
        return rng.choice([" ", "·", "-", "_", "\u3000", "."]).join(base)
    if kind == "traditional":
        cands = [n for n in names + [short, inst["inst"]] if any(c in market.TRAD for c in n)]
        if not cands:
            return None
        t = rng.choice(cands)
        return "".join(market.TRAD.get(c, c) for c in t)
    if kind == "pinyin":
        py = inst["py"]
        parts = py.split()
        opts = [py, py.replace(" ", "").lower(), py.replace(" ", "")]
        if len(parts) == 2 and len(short) >= 4:
            opts.append(parts[0] + short[2:])
        return rng.choice(opts) + rng.choice(["", " APP", "手机版"])
    if kind == "fullwidth_latin":
        return market.fullwidth(inst["en"]) + rng.choice(["手机银行", "", " 客户端", "钱包"])
    if kind == "homoglyph_cjk":
        cands = [n for n in names + [short] if any(c in market.HOMOGLYPH_CJK for c in n)]
        if not cands:
            return None
        t = rng.choice(cands)
        idx = [i for i, c in enumerate(t) if c in market.HOMOGLYPH_CJK]
        i = rng.choice(idx)
        return t[:i] + rng.choice(market.HOMOGLYPH_CJK[t[i]]) + t[i + 1:]
    if kind == "homoglyph_latin":
        en = inst["en"]
        idx = [i for i, c in enumerate(en) if c in market.HOMOGLYPH_LATIN]
        i = rng.choice(idx)
        rep = rng.choice(market.HOMOGLYPH_LATIN[en[i]])
        tail = [" Mobile", " 官方", ""] + (["手机银行"] if "银行" in inst["inst"] else [" App"])
        return en[:i] + rep + en[i + 1:] + rng.choice(tail)
    if kind == "mini_program_form":
        return base + rng.choice(["小程序", "服务", "+", "生活服务"])
    if kind == "official_account_form":
        return base + rng.choice(["公众号", "服务号", "微银行", "客服"])
    if kind == "abbreviation_plus":
        return abbr + rng.choice(["e贷", "白卡", "掌银", "钱包", "助手", "快付", "金库"])
    if kind == "english_brand":
        extra = [" Banking"] if "银行" in inst["inst"] else ([" Insurance"] if "保险" in inst["inst"] or "人寿" in inst["inst"]
                                                           else [" Securities", " Invest"])
        return inst["en"] + rng.choice([" Mobile", " Wallet", " Plus"] + extra)
    if kind == "bracket_tag":
        return rng.choice(["【官方】" + base, "[正版]" + base, base + "(正版)", "《" + base + "》"])
    if kind == "transposed_chars":
        t = base if len(base) >= 3 else short
        for _ in range(10):
            i = rng.randrange(len(t) - 1)
            if t[i] != t[i + 1]:
                return t[:i] + t[i + 1] + t[i] + t[i + 2:]
        return t[::-1]
    if kind == "missing_char":
        t = base if len(base) >= 4 else (short if len(short) >= 3 else base + "手机版")
        i = rng.randrange(1, len(t))
        return t[:i] + t[i + 1:]
    if kind == "zero_width_insert":
        i = rng.randrange(1, len(base))
        return base[:i] + rng.choice(["\u200b", "\u200c", "\u2060"]) + base[i:]
    if kind == "product_name_plus":
        return rng.choice(names) + rng.choice(["Plus", "Pro", "2", "HD", "尊享版"])
    if kind == "pinyin_initials":
        ini = "".join(w[0] for part in inst["py"].split() for w in _split_caps(part)).upper()
        return ini + rng.choice(["", "手机版", "金融", " APP"])
    if kind == "version_suffix":
        return base + rng.choice(["2025新版", " v9.8", " HD", " 2026", "（新版）"])
    if kind == "homophone":
        cands = [n for n in names + [short] if any(c in HOMOPHONE for c in n)]
        if not cands:
            return None
        t = rng.choice(cands)
        idx = [i for i, c in enumerate(t) if c in HOMOPHONE]
        i = rng.choice(idx)
        return t[:i] + HOMOPHONE.get(t[i], t[i]) + t[i + 1:]
    raise ValueError(kind)


def _split_caps(word):
    out = []
    cur = ""
    for c in word:
        if c.isupper() and cur:
            out.append(cur)
            cur = c
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


NAME_KINDS = ["official_suffix", "speed_suffix", "loan_suffix", "welfare_suffix", "emoji", "doubled_char", "split_chars",
              "traditional", "pinyin", "fullwidth_latin", "homoglyph_cjk", "homoglyph_latin", "mini_program_form",
              "official_account_form", "abbreviation_plus", "english_brand", "bracket_tag", "transposed_chars",
              "missing_char", "zero_width_insert", "product_name_plus", "pinyin_initials", "version_suffix", "homophone"]


def build_names(b, mk):
    rng = stream("listings/name")
    insts = [i["key"] for i in market.INSTITUTIONS]
    seen = set(mk.all_names)
    jobs = []
    for k in NAME_KINDS:
        jobs.extend([k] * 4)
    for n, kind in enumerate(jobs):
        for _ in range(50):
            ik = rng.choice(insts)
            inst = market.BY_KEY[ik]
            cand = [aid for aid in mk.inst_apps[ik] if mk.apps[aid]["app"]["kind"] == "app"] or mk.inst_apps[ik]
            aid = rng.choice(cand)
            app = mk.apps[aid]["app"]
            name = name_variant(kind, rng, mk, inst, app)
            if name is not None and name not in seen:
                break
        seen.add(name)
        x = rng.random()
        if kind in ("mini_program_form", "official_account_form"):
            source = "wechat_official_account" if kind == "official_account_form" else rng.choice(
                ["wechat_miniprogram", "wechat_miniprogram", "alipay_miniprogram"])
            fields = {"source": source, "name": name, "package_id": mini_pkg(source, rng),
                      "developer": rand_dev(rng, mk) if rng.random() < 0.5 else None, "cert_sha256": None}
        else:
            source = pick_source(rng, SHADY_MIX)
            if rng.random() < 0.2:
                pkg = rng.choice(["com.", "cn.", "net."]) + inst["py"].replace(" ", "").lower() + "." + rng.choice(
                    ["jiekuan", "fuli", "app", "pro", "daikuan", "lite"])
                pkg_kind = "brand_pinyin"
            else:
                pkg = rand_pkg(rng, mk)
                pkg_kind = "unrelated"
            fields = {"source": source, "name": name, "package_id": pkg, "developer": rand_dev(rng, mk),
                      "cert_sha256": rand_cert(rng, f"name/{n}") if rng.random() < 0.85 else None}
        if x < 0.4:
            steps = [rng.choice(deform.LIGHT)]
            icon = {"base": {"app": aid}, "steps": steps}
            icon_mode = "light_copy"
        elif x < 0.55:
            icon = {"base": {"app": aid}, "steps": []}
            icon_mode = "exact_copy"
        elif x < 0.85:
            icon = {"base": {"spec": generic_fin_spec(rng, mk)}, "steps": []}
            icon_mode = "generic"
        else:
            icon = None
            icon_mode = "none"
        params = {"name_kind": kind, "target_app": aid, "icon_mode": icon_mode}
        if icon and icon["steps"]:
            params["deform"] = icon["steps"]
        if "package_id" in fields and fields["source"] not in MINI_SOURCES:
            params["package_kind"] = pkg_kind
        b.add("name", f"name_{kind}", "counterfeit", inst["inst"], mk.accept(ik, [aid]), params, fields, icon, rng)


# ---------------------------------------------------------------------------- package typosquats


def typo(op, pkg, rng):
    segs = pkg.split(".")
    if op == "swap":
        for _ in range(20):
            si = rng.randrange(len(segs))
            s = segs[si]
            if len(s) >= 3:
                i = rng.randrange(len(s) - 1)
                if s[i] != s[i + 1]:
                    segs[si] = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                    return ".".join(segs)
    if op == "drop":
        si = max(range(len(segs)), key=lambda k: len(segs[k]))
        s = segs[si]
        i = rng.randrange(1, len(s))
        segs[si] = s[:i] + s[i + 1:]
        return ".".join(segs)
    if op == "double":
        si = max(range(len(segs)), key=lambda k: len(segs[k]))
        s = segs[si]
        i = rng.randrange(len(s))
        segs[si] = s[:i + 1] + s[i] + s[i + 1:]
        return ".".join(segs)
    if op == "homoglyph":
        subs = [("i", "l"), ("l", "1"), ("o", "0"), ("m", "rn"), ("b", "d"), ("c", "e"), ("n", "m")]
        rng.shuffle(subs)
        for a, z in subs:
            body = ".".join(segs[1:])
            if a in body:
                i = body.index(a)
                return segs[0] + "." + body[:i] + z + body[i + 1:]
    if op == "extra_segment":
        return pkg + rng.choice([".android", ".mobile", ".app", ".plus", ".hd"])
    if op == "tld_swap":
        if segs[0] == "com":
            segs[0] = rng.choice(["cn", "net", "org"])
        else:
            segs[0] = "com" if segs[0] != "com" else "cn"
        return ".".join(segs)
    if op == "insert_dot":
        si = max(range(1, len(segs)), key=lambda k: len(segs[k]))
        s = segs[si]
        i = rng.randrange(1, len(s))
        segs[si] = s[:i] + "." + s[i:]
        return ".".join(segs)
    if op == "case_change":
        letters = [i for i, c in enumerate(pkg) if c.isalpha()]
        i = rng.choice(letters[3:])
        return pkg[:i] + pkg[i].swapcase() + pkg[i + 1:]
    if op == "prefix":
        return rng.choice(["com.", "cn.", "com.android."]) + pkg
    if op == "suffix_letters":
        return pkg + rng.choice(["s", "2", "x", "pro"])
    raise ValueError(op)


TYPO_OPS = ["swap", "drop", "double", "homoglyph", "extra_segment", "tld_swap", "insert_dot", "case_change", "prefix",
            "suffix_letters"]


def build_typosquats(b, mk):
    rng = stream("listings/typosquat")
    cands = [aid for aid in mk.app_kind_apps() if mk.apps[aid]["app"]["pkgs"]]
    for n, op in enumerate(TYPO_OPS * 2):
        for _ in range(50):
            aid = rng.choice(cands)
            official = mk.apps[aid]["app"]["pkgs"][0]
            pkg = typo(op, official, rng)
            if pkg and pkg != official and pkg not in mk.official_pkgs and (op == "case_change" or pkg.lower() not in mk.official_pkgs):
                break
        inst = mk.apps[aid]["inst"]
        name = rng.choice(["手机银行", "掌上银行", "银行助手", "金融服务", "安全中心", "账户管家", "客户端", "钱包"]) \
            if rng.random() < 0.6 else choose_name_for_counterfeit(rng, mk, 0.5)
        source = pick_source(rng, SHADY_MIX)
        fields = {"source": source, "name": name, "package_id": pkg, "developer": rand_dev(rng, mk) if rng.random() < 0.8 else None,
                  "cert_sha256": rand_cert(rng, f"typo/{n}")}
        icon = {"base": {"spec": generic_fin_spec(rng, mk)}, "steps": []} if rng.random() < 0.7 else None
        params = {"typo_op": op, "official_package": official, "target_app": aid,
                  "icon_mode": "generic" if icon else "none"}
        b.add("package_typosquat", f"pkg_typosquat_{op}", "counterfeit", inst["inst"], mk.accept(inst["key"], [aid], False),
              params, fields, icon, rng)


# ---------------------------------------------------------------------------- developer copies


def build_devcopies(b, mk):
    rng = stream("listings/devcopy")
    variants = ["exact"] * 10 + ["english"] * 4 + ["padded_whitespace"] * 2 + ["fullwidth_parens"] * 2 + ["branch_suffix"] * 2
    cands = mk.app_kind_apps()
    for n, var in enumerate(variants):
        for _ in range(50):
            aid = rng.choice(cands)
            devs = mk.apps[aid]["row"]["developers"]
            if var == "english":
                en = [d for d in devs if d.isascii()]
                if not en:
                    continue
                dev = en[0]
            elif var == "fullwidth_parens":
                par = [d for d in devs if "(" in d]
                if not par:
                    continue
                dev = par[0].replace("(", "（").replace(")", "）")
            elif var == "padded_whitespace":
                dev = rng.choice([" ", "\u3000"]) + devs[0] + " "
            elif var == "branch_suffix":
                if not devs[0].endswith("公司"):
                    continue
                dev = devs[0] + rng.choice(["深圳分行", "信用卡中心", "广东分公司"])
            else:
                dev = devs[0]
            break
        inst = mk.apps[aid]["inst"]
        source = pick_source(rng, SHADY_MIX)
        name = choose_name_for_counterfeit(rng, mk, 0.25)
        fields = {"source": source, "name": name, "package_id": rand_pkg(rng, mk), "developer": dev,
                  "cert_sha256": rand_cert(rng, f"dev/{n}")}
        icon = {"base": {"spec": generic_fin_spec(rng, mk)}, "steps": []} if rng.random() < 0.75 else None
        params = {"developer_variant": var, "target_app": aid, "icon_mode": "generic" if icon else "none"}
        b.add("developer_copy", f"dev_copy_{var}", "counterfeit", inst["inst"], mk.accept(inst["key"], [aid], False), params,
              fields, icon, rng)


# ---------------------------------------------------------------------------- repackaged builds


def build_repackaged(b, mk):
    rng = stream("listings/repackaged")
    cands = mk.app_kind_apps()
    rng.shuffle(cands)
    variants = ["same_name"] * 14 + ["mod_name"] * 10 + ["ios_resign"] * 6
    ios_apps = [aid for aid in cands if mk.apps[aid]["app"]["ios"]]
    k = 0
    for n, var in enumerate(variants):
        if var == "ios_resign":
            aid = ios_apps[n % len(ios_apps)]
            pkg = mk.apps[aid]["app"]["ios"]
            source = rng.choice(["web_download_page", "sms_link_download", "forum_attachment"])
        else:
            aid = cands[k % len(cands)]
            k += 1
            pkg = mk.apps[aid]["app"]["pkgs"][0]
            source = pick_source(rng, [(s, 3) for s in market.SOURCES_THIRD] + [("baidu_mobile_assistant", 1),
                                                                                 ("360_mobile_assistant", 1),
                                                                                 ("tencent_myapp", 1)])
        a = mk.apps[aid]
        inst = a["inst"]
        nm = rng.choice(a["app"]["names"])
        if var == "mod_name":
            nm = nm + rng.choice([" 去广告版", "(免登录版)", " MOD", " 破解版", "-精简", " 内购版"])
        dx = rng.random()
        dev = a["row"]["developers"][0] if dx < 0.6 else (None if dx < 0.8 else rand_dev(rng, mk))
        ix = rng.random()
        if ix < 0.5:
            icon = {"base": {"app": aid}, "steps": []}
            icon_mode = "exact"
        elif ix < 0.85:
            icon = {"base": {"app": aid}, "steps": ["store_reencode"]}
            icon_mode = "reencoded"
        else:
            icon = None
            icon_mode = "none"
        fields = {"source": source, "name": nm, "package_id": pkg, "developer": dev, "cert_sha256": rand_cert(rng, f"repack/{n}")}
        params = {"variant": var, "target_app": aid, "icon_mode": icon_mode}
        b.add("repackaged", f"repack_{var}", "repackaged", inst["inst"], [aid], params, fields, icon, rng)


# ---------------------------------------------------------------------------- unregistered official builds


def inst_style_spec(mk, ik, word, rng):
    main = mk.apps[mk.inst_apps[ik][0]]["app"]["spec"]
    spec = json.loads(json.dumps(main))
    lay = rng.choice(["logo_word", "band", "gradient", "tile"])
    spec["layout"] = lay
    if lay in ("logo_word", "band"):
        spec["word"] = word[:4]
        if spec["fg"] != [255, 255, 255] and lay == "band":
            spec["bg"], spec["fg"] = spec["fg"], [255, 255, 255]
    if lay == "gradient":
        if spec["bg"] == [255, 255, 255]:
            spec["bg"], spec["fg"] = spec["fg"], [255, 255, 255]
        spec["bg2"] = [min(255, v + 60) for v in spec["bg"]]
    if lay == "tile" and spec["bg"] == [255, 255, 255]:
        spec["bg"], spec["fg"] = spec["fg"], [255, 255, 255]
    return spec


def build_unregistered(b, mk):
    rng = stream("listings/unregistered")
    pool = [(inst["key"], nm, pkg) for inst in market.INSTITUTIONS for nm, pkg in inst["unreg"]]
    rng.shuffle(pool)
    for ik, nm, pkg in pool[:25]:
        inst = market.BY_KEY[ik]
        aid0 = mk.inst_apps[ik][0]
        cert = mk.apps[aid0]["certs"][-1] if rng.random() < 0.3 else mk.apps[aid0]["certs"][0]
        accept = [aid for aid in mk.inst_apps[ik] if cert in mk.apps[aid]["certs"]]
        dx = rng.random()
        dev = mk.apps[aid0]["row"]["developers"][0] if dx < 0.75 else (mk.apps[aid0]["row"]["developers"][-1] if dx < 0.9 else None)
        source = pick_source(rng, STORE_MIX)
        ix = rng.random()
        if ix < 0.88:
            icon = {"base": {"spec": inst_style_spec(mk, ik, nm, rng)}, "steps": []}
        else:
            icon = None
        fields = {"source": source, "name": nm, "package_id": pkg, "developer": dev, "cert_sha256": cert_fmt(cert, rng)}
        params = {"cert_of": accept, "icon_mode": "institution_style" if icon else "none"}
        b.add("unregistered_official", "unreg_official_app", "unregistered_official", inst["inst"], accept, params, fields,
              icon, rng)


# ---------------------------------------------------------------------------- hard negatives


def build_hard_negatives(b, mk):
    rng = stream("listings/hard_negative")
    # official listings of protected apps, on their own certificate
    for aid in sorted(mk.apps):
        a = mk.apps[aid]
        inst = a["inst"]
        kind = a["app"]["kind"]
        is_main = aid == mk.inst_apps[inst["key"]][0]
        if kind == "app":
            reps = [("android", a["app"]["pkgs"][0])]
            if a["app"]["ios"] and rng.random() < 0.3:
                reps.append(("ios", a["app"]["ios"]))
        else:
            reps = [(kind, a["pkgs"][0])]
        for plat, pkg in reps:
            devs = a["row"]["developers"]
            dx = rng.random()
            if dx < 0.5:
                dev, dev_kind = devs[0], "legal_cn"
            elif dx < 0.68:
                dev, dev_kind = devs[-1], "legal_en" if devs[-1].isascii() else "legal_cn"
            elif dx < 0.84:
                dev, dev_kind = None, "none"
            else:
                dev, dev_kind = inst["short"], "short_brand"
            nx = rng.random()
            names = a["app"]["names"]
            if nx < 0.6:
                nm = names[0]
            elif nx < 0.8:
                nm = rng.choice(names)
            elif "银行" in inst["inst"]:
                nm = names[0] + rng.choice(["-手机银行理财贷款", " - 信用卡·理财·生活", "（官方）", "-安全便捷", " HD"])
            else:
                nm = names[0] + rng.choice(["（官方）", "-安全便捷", " HD", " - 官方正版", "-理财投资"])
            ix = rng.random()
            if ix < 0.4:
                icon = {"base": {"app": aid}, "steps": []}
            elif ix < 0.88:
                icon = {"base": {"app": aid}, "steps": ["store_reencode"]}
            else:
                icon = None
            if plat == "android":
                source = rng.choice(market.SOURCES_STORE[:6] + ["wandoujia", "baidu_mobile_assistant", "360_mobile_assistant"])
                cert = cert_fmt(rng.choice(a["certs"]), rng)
                case = "neg_official_listing" if is_main else "neg_sibling_official"
            elif plat == "ios":
                source = "apple_app_store_cn"
                cert = None
                case = "neg_official_listing" if is_main else "neg_sibling_official"
            else:
                source = {"wx_mini": "wechat_miniprogram", "ali_mini": "alipay_miniprogram", "wx_oa": "wechat_official_account"}[kind]
                cert = None
                case = "neg_official_mini" if kind != "wx_oa" else "neg_official_account"
            fields = {"source": source, "name": nm, "package_id": pkg, "developer": dev, "cert_sha256": cert}
            params = {"app": aid, "platform": plat, "developer_kind": dev_kind,
                      "icon_mode": ("exact" if not icon["steps"] else "reencoded") if icon else "none"}
            b.add("hard_negative", case, "none", inst["inst"], [], params, fields, icon, rng)
    # other companies sharing characters, same-template logos, generic finance, government and newspapers
    groups = [("neg_shared_chars", _subset(rng, market.SHARED_CHARS, 32)),
              ("neg_same_template_logo", _subset(rng, market.SAME_TEMPLATE, 18))]
    for case, rows in groups:
        for n, (nm, dev, pkg, spec) in enumerate(rows):
            _neg_entry(b, mk, rng, case, nm, dev, pkg, spec, f"{case}/{n}")
    for n, (nm, pkg, spec) in enumerate(_subset(rng, market.GENERIC_FIN, 12)):
        _neg_entry(b, mk, rng, "neg_generic_finance", nm, rand_dev(rng, mk), pkg, spec, f"gf/{n}")
    for n, (case, nm, dev, pkg, spec) in enumerate(_subset(rng, market.GOV_NEWS, 12)):
        _neg_entry(b, mk, rng, case, nm, dev, pkg, spec, f"gov/{n}")


def _subset(rng, rows, n):
    idx = sorted(rng.sample(range(len(rows)), min(n, len(rows))))
    return [rows[i] for i in idx]


def _neg_entry(b, mk, rng, case, nm, dev, pkg, spec, key):
    if rng.random() < 0.14:
        source = rng.choice(MINI_SOURCES)
        sp = dict(spec, layout="avatar")
        if sp.get("bg") == [255, 255, 255]:
            sp["bg"], sp["fg"] = sp["fg"], [255, 255, 255]
        fields = {"source": source, "name": nm, "package_id": mini_pkg(source, rng), "developer": dev, "cert_sha256": None}
        spec = sp
    else:
        source = pick_source(rng, STORE_MIX)
        fields = {"source": source, "name": nm, "package_id": pkg, "developer": dev if rng.random() < 0.9 else None,
                  "cert_sha256": rand_cert(rng, key) if source != "apple_app_store_cn" else None}
    size = rng.choice([ICON_SIZE] * 5 + [96, 144, 192])
    icon = {"base": {"spec": spec, "size": size}, "steps": []} if rng.random() < 0.95 else None
    b.add("hard_negative", case, "none", None, [], {"icon_mode": "own" if icon else "none"}, fields, icon, rng)


# ---------------------------------------------------------------------------- ordinary apps


def build_ordinary(b, mk):
    rng = stream("listings/ordinary")
    pairs = [(i, j) for i in range(len(market.ORD_PREFIX)) for j in range(len(market.ORD_SUFFIX))]
    rng.shuffle(pairs)
    made = 0
    for i, j in pairs:
        pre, (suf, motif) = market.ORD_PREFIX[i], market.ORD_SUFFIX[j]
        if made >= 180:
            break
        nm = pre + suf
        if mk.has_brand(nm):
            continue
        made += 1
        if rng.random() < 0.13:
            source = rng.choice(MINI_SOURCES)
            case = "ordinary_oa" if source == "wechat_official_account" else "ordinary_mini"
            pkg, cert = mini_pkg(source, rng), None
        else:
            source = pick_source(rng, STORE_MIX)
            case = "ordinary_app"
            pkg = rng.choice(["com.", "cn.", "com.", "net."]) + market.ORD_PKG_PREFIX[i] + "." + market.ORD_PKG_SUFFIX[j] \
                + rng.choice(["", "", "", ".app", ".android", "2", ".hd"])
            while pkg.lower() in mk.official_pkgs:
                pkg += "x"
            cert = rand_cert(rng, f"ord/{made}") if source != "apple_app_store_cn" else None
        dev = rng.choice(market.CITIES) + rng.choice(market.FIRM_WORDS) + rng.choice(market.ORD_DEV_KIND)
        if mk.has_brand(dev):
            dev = None
        m = motif if rng.random() < 0.6 else None
        spec = random_spec(rng, motif=m, word=nm, glyph_from=pre, avoid=mk.combos)
        if case != "ordinary_app":
            spec["layout"] = "avatar"
            spec["fg"] = [255, 255, 255]
        size = rng.choice([ICON_SIZE] * 5 + [96, 144, 192])
        icon = {"base": {"spec": spec, "size": size}, "steps": []} if rng.random() < 0.95 else None
        fields = {"source": source, "name": nm, "package_id": pkg, "developer": dev, "cert_sha256": cert}
        b.add("ordinary", case, "none", None, [], {"icon_mode": "own" if icon else "none"}, fields, icon, rng)


# ============================================================================ rendering (worker side)


_SPEC_CACHE = {}


def _protected_icon(app_id, spec):
    img = _SPEC_CACHE.get(app_id)
    if img is None:
        img = icons.render(spec, ICON_SIZE)
        _SPEC_CACHE[app_id] = img
    return img.copy()


def render_task(task):
    out_path, base, steps, stream_name, ctx = task
    if "app" in base:
        spec = ctx["spec"]
        img = _protected_icon(base["app"], spec)
    else:
        spec = base["spec"]
        img = icons.render(spec, base.get("size", ICON_SIZE))
        ctx = dict(ctx, spec=spec)
    rng = stream(stream_name)
    img, done = deform.apply(img, steps, rng, ctx)
    pngio.write(out_path, img)
    return done


# ============================================================================ main


def sha_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        h.update(fh.read())
    return h.hexdigest()


def digest_of(out_dir):
    lines = []
    for rel in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        lines.append(f"{sha_file(os.path.join(out_dir, rel))}  {rel}\n")
    pngs = []
    for sub in ("protected", "listings"):
        d = os.path.join(out_dir, "icons", sub)
        for fn in os.listdir(d):
            if fn.endswith(".png"):
                pngs.append(f"icons/{sub}/{fn}")
    for rel in sorted(pngs):
        lines.append(f"{sha_file(os.path.join(out_dir, rel))}  {rel}\n")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def build(out_dir):
    t0 = time.time()
    mk = Market()
    b = Builder(mk)
    build_icon_only(b, mk)
    build_names(b, mk)
    build_typosquats(b, mk)
    build_devcopies(b, mk)
    build_repackaged(b, mk)
    build_unregistered(b, mk)
    build_hard_negatives(b, mk)
    build_ordinary(b, mk)

    order = list(range(len(b.items)))
    stream("listings/order").shuffle(order)
    items = [b.items[i] for i in order]
    for n, it in enumerate(items):
        it["listing_id"] = f"s26-{n + 1:04d}"

    for sub in ("protected", "listings"):
        d = os.path.join(out_dir, "icons", sub)
        os.makedirs(d, exist_ok=True)
        for fn in sorted(os.listdir(d)):
            os.remove(os.path.join(d, fn))

    tasks = []
    for row in mk.rows:
        aid = row["app_id"]
        spec = mk.apps[aid]["app"]["spec"]
        tasks.append((os.path.join(out_dir, "icons", row["icon"]), {"spec": spec}, [], f"icon/protected/{aid}", {}))
    for it in items:
        if it["icon"] is None:
            continue
        ic = it["icon"]
        ctx = {"name": it["fields"]["name"]}
        if "app" in ic["base"]:
            ctx["spec"] = mk.apps[ic["base"]["app"]]["app"]["spec"]
        rel = f"listings/{it['listing_id']}.png"
        it["fields"]["icon"] = rel
        tasks.append((os.path.join(out_dir, "icons", rel), ic["base"], ic["steps"], f"icon/{it['listing_id']}", ctx))
    n_proc = min(2, os.cpu_count() or 1)
    if n_proc > 1:
        with multiprocessing.get_context("fork").Pool(n_proc) as pool:
            results = pool.map(render_task, tasks, chunksize=4)
    else:
        results = [render_task(t) for t in tasks]
    done_by_path = {t[0]: r for t, r in zip(tasks, results, strict=True)}

    with open(os.path.join(out_dir, "protected.jsonl"), "w", encoding="utf-8") as fh:
        for row in mk.rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "listings.jsonl"), "w", encoding="utf-8") as lf, \
            open(os.path.join(out_dir, "labels.jsonl"), "w", encoding="utf-8") as bf:
        for it in items:
            f = it["fields"]
            row = {"listing_id": it["listing_id"], "source": f["source"], "name": f["name"], "package_id": f["package_id"],
                   "developer": f["developer"], "cert_sha256": f["cert_sha256"], "icon": f.get("icon"), "url": f["url"],
                   "first_seen": f["first_seen"], "changed_at": f["changed_at"]}
            lf.write(json.dumps(row, ensure_ascii=False) + "\n")
            params = dict(it["params"])
            if f.get("icon"):
                done = done_by_path[os.path.join(out_dir, "icons", f["icon"])]
                if done:
                    params["steps"] = done
            lab = {"listing_id": it["listing_id"], "expected": it["expected"], "case": it["case"],
                   "target_institution": it["inst"], "accept_app_ids": it["accept"], "params": params}
            bf.write(json.dumps(lab, ensure_ascii=False) + "\n")

    by_expected = {e: 0 for e in EXPECTED}
    by_family = {}
    by_case = {}
    for it in items:
        by_expected[it["expected"]] += 1
        by_family[it["family"]] = by_family.get(it["family"], 0) + 1
        by_case[it["case"]] = by_case.get(it["case"], 0) + 1
    report = {
        "set": "holdout_s26",
        "seed": SEED,
        "counts": {
            "protected": len(mk.rows),
            "institutions": len(market.INSTITUTIONS),
            "listings": len(items),
            "listing_icons": sum(1 for it in items if it["fields"].get("icon")),
            "by_expected": by_expected,
            "by_family": dict(sorted(by_family.items())),
            "by_case": dict(sorted(by_case.items())),
            "icon_kinds_single": len(deform.SINGLE_KINDS),
            "icon_kinds_invented_single": len(deform.SINGLE_INVENTED),
            "icon_kinds_total": len(deform.KINDS) - len(deform.PIPELINE),
        },
        "digest": digest_of(out_dir),
        "build_seconds": round(time.time() - t0, 2),
    }
    with open(os.path.join(out_dir, "report.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return report


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.join(HERE, "out")
    os.makedirs(out_dir, exist_ok=True)
    rep = build(out_dir)
    c = rep["counts"]
    print(f"wrote {c['listings']} listings, {c['protected']} protected apps to {out_dir} in {rep['build_seconds']} s")
    print("by expected:", json.dumps(c["by_expected"], ensure_ascii=False))
    print("by family:", json.dumps(c["by_family"], ensure_ascii=False))
    print("digest:", rep["digest"])


if __name__ == "__main__":
    main(sys.argv)
