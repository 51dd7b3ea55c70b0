"""The labelled cases of holdout_s30, built in a fixed order from one random.Random and one numpy Generator.

build(R, G) -> (protected_rows, protected_icons, cases)
  protected_rows  list of dicts (protected.schema.json), ledger order
  protected_icons {app_id: PIL image}
  cases           list of dicts: case, expected, target (institution or None), accept (app ids),
                  listing (fields without listing_id / icon), image (PIL or None), fmt, params
"""

from __future__ import annotations

import emblems
import names
import stores
from deform import (
    LANCZOS,
    S,
    apply,
    d_badge_dot,
    d_border_thick,
    d_crop_tight,
    d_hue_shift,
    d_ribbon_corner,
    kinds,
    rand_colour,
)
from institutions import INSTITUTIONS, app_id, app_keywords

COMPOSITION = {  # group -> number of listings
    "icon": 280, "name": 100, "typosquat": 20, "developer": 20, "repackaged": 30, "unregistered": 25,
    "hard_negative": 150, "unrelated": 175,
}
NEW_PRODUCTS = [("wealth", "财富"), ("merchant", "商户通"), ("corp", "企业版"), ("elder", "关怀版"),
                ("kids", "少儿版"), ("fund", "基金宝"), ("loan", "快贷")]
FIN_PICTOS = ["yuan_coin", "wallet", "card_plain", "shield_check", "chart_line", "piggy", "percent", "glyph_tile"]


class Ledger:
    def __init__(self, G):
        self.rows, self.icons, self.apps = [], {}, []
        self.inst_apps = {}  # institution -> [app ids]
        self.inst_certs = {}  # institution -> [cert hex]
        self.packages = set()
        self.keywords, self.official_names, self.official_devs = [], [], set()
        self.orgs = set()
        for inst in INSTITUTIONS:
            certs = [stores.new_cert(G) for _ in range(inst["certs"])]
            self.inst_certs[inst["institution"]] = certs
            for app in inst["apps"]:
                aid = app_id(inst, app)
                if app["mini"] == "wx":
                    pkgs, cert = [stores.wx_appid(G)], None
                elif app["mini"] == "gh":
                    pkgs, cert = [stores.gh_id(G)], None
                else:
                    pkgs, cert = [app["android"], app["ios"]], certs[app["cert"]]
                dev = inst["developers"][app["dev"]]
                row = {"app_id": aid, "institution": inst["institution"], "names": list(app["names"]),
                       "brand_keywords": app_keywords(inst, app), "package_ids": pkgs, "developers": [dev],
                       "cert_sha256": [cert] if cert else None, "icon": "protected/" + aid + ".png"}
                self.rows.append(row)
                self.icons[aid] = emblems.render(app["style"], 512, word=app["names"][0])
                self.apps.append({"inst": inst, "app": app, "id": aid, "pkgs": pkgs, "cert": cert, "dev": dev})
                self.inst_apps.setdefault(inst["institution"], []).append(aid)
                self.packages.update(pkgs)
                for p in pkgs:
                    parts = p.split(".")
                    if len(parts) >= 2:
                        self.orgs.add(parts[1].lower())
                        self.orgs.add(parts[0].lower())
                self.official_names += app["names"]
                self.official_devs.add(dev)
                for k in row["brand_keywords"]:
                    if k not in self.keywords:
                        self.keywords.append(k)
        self.norm_names = {names.nfkc(n) for n in self.official_names}
        self.norm_keywords = [names.nfkc(k) for k in self.keywords]

    def brand_free(self, name):
        n = names.nfkc(name)
        return n not in self.norm_names and not any(k in n for k in self.norm_keywords)

    def by_id(self, aid):
        return next(a for a in self.apps if a["id"] == aid)


class Deck:
    """Draw items without replacement; reshuffle the whole list when it runs out."""

    def __init__(self, R, items):
        self.R, self.items, self.pile = R, list(items), []

    def draw(self, n, key=lambda x: x):
        out, seen = [], set()
        guard = 0
        while len(out) < n:
            if not self.pile:
                self.pile = list(self.items)
                self.R.shuffle(self.pile)
            it = self.pile.pop()
            guard += 1
            if key(it) in seen and guard < 10 * len(self.items):
                self.pile.insert(0, it)
                continue
            seen.add(key(it))
            out.append(it)
        return out


class Builder:
    def __init__(self, R, G):
        self.R, self.G = R, G
        self.L = Ledger(G)
        self.cases = []

    # -------------------------------------------------------------- listing helpers
    def cert_for(self, source, p_present=0.88):
        if stores.KIND_OF[source] in ("android", "download") and self.R.random() < p_present:
            return stores.fmt_cert(self.R, stores.new_cert(self.G))
        return None

    def listing(self, source, name, package, developer, cert):
        first, changed = stores.dates(self.R)
        return {"source": source, "name": name, "package_id": package, "developer": developer,
                "cert_sha256": cert, "url": stores.url_for(self.R, source, package, name),
                "first_seen": first, "changed_at": changed}

    def generic_package(self, source):
        return stores.package_for(self.R, self.G, source, self.L.orgs, self.L.packages)

    def brand_free_name(self, fn):
        for _ in range(50):
            n = fn()
            if self.L.brand_free(n):
                return n
        raise RuntimeError("no brand-free name")

    def developer(self):
        return self.brand_free_name(lambda: names.generic_developer(self.R))

    def generic_style(self, pictos=None, word=None):
        R = self.R
        picto = R.choice(pictos or sorted(emblems.PICTOS))
        layout = R.choice(["field", "field", "white", "tile", "split", "round", "word"] if word else
                          ["field", "field", "white", "tile", "split", "round"])
        glyph = R.choice(names.GENERIC_GLYPHS)
        if picto == "letter_tile":
            glyph = "".join(R.choice("ABDEFGHKMNPRSTWXYZ") for _ in range(R.choice([1, 2])))
        if picto == "glyph_tile" and word:
            glyph = word[0]
        c1, c2 = emblems.hexs(rand_colour(R)), emblems.hexs(rand_colour(R))
        if layout == "white":
            return (picto, layout, glyph, "#FFFFFF", c1, c2)
        return (picto, layout, glyph, c1, "#FFFFFF", c2)

    def generic_image(self, pictos=None, word=None):
        style = self.generic_style(pictos, word)
        return emblems.render(style, S, word=word), {"generic_style": list(style[:3])}

    def store_encode(self, fmt=None, sized=False, img=None):
        """Final size and encoding of a listing icon as a store serves it."""
        R = self.R
        size = None
        if not sized:
            size = R.choices([128, 180, 192, 256, 300, 512], weights=[1, 2, 3, 4, 1, 2])[0]
        if fmt is None:
            f = R.choices(["png", "jpg", "webp"], weights=[60, 25, 15])[0]
            fmt = (f, R.randint(82, 95) if f != "png" else 0)
        return size, fmt

    def add(self, case, expected, target, listing, image, size_fmt, params):
        accept = list(self.L.inst_apps[target]) if target else []
        self.cases.append({"case": case, "expected": expected, "target": target, "accept": accept,
                           "listing": listing, "image": image, "size": size_fmt[0] if size_fmt else None,
                           "fmt": size_fmt[1] if size_fmt else None, "params": params})

    def official_icon(self, aid):
        return self.L.icons[aid].resize((S, S), LANCZOS)

    # -------------------------------------------------------------- groups
    def icon_copies(self):
        R = self.R
        deck = Deck(R, [a["id"] for a in self.L.apps])
        for case, steps in kinds():
            for aid in deck.draw(4):
                a = self.L.by_id(aid)
                ctx = {"R": R, "G": self.G, "style": a["app"]["style"], "word": a["app"]["names"][0]}
                img, p, fmt = apply(steps, self.official_icon(aid), ctx)
                size_fmt = self.store_encode(fmt, sized=any(s in ("tiny", "down_up") for s in steps))
                source = stores.pick_source(R, {"android": 45, "download": 25, "ios": 10, "mini": 12, "oa": 8})
                if R.random() < 0.75:
                    name = self.brand_free_name(lambda: names.generic_fin_name(R))
                else:
                    name = self.brand_free_name(lambda: R.choice(names.SIMILAR_NAMES))
                lst = self.listing(source, name, self.generic_package(source), self.developer(),
                                   self.cert_for(source))
                self.add(case, "counterfeit", a["inst"]["institution"], lst, img, size_fmt,
                         {"source_app_id": aid, "steps": p})

    def name_copies(self):
        R = self.R
        mains = [a["id"] for a in self.L.apps if a["app"]["key"] == "main"]
        deck = Deck(R, mains)
        for case, fn in names.NAME_KINDS:
            for aid in deck.draw(5):
                a = self.L.by_id(aid)
                for _ in range(30):
                    name, hint = fn(R, a["inst"], a["app"])
                    if names.nfkc(name) not in self.L.norm_names:
                        break
                else:
                    raise RuntimeError("name variant equals an official name: " + name)
                if hint == "mini":
                    source = R.choice(stores.MINI)
                elif hint == "oa":
                    source = stores.OA[0]
                else:
                    source = stores.pick_source(R, {"android": 55, "download": 25, "ios": 20})
                lst = self.listing(source, name, self.generic_package(source), self.developer(),
                                   self.cert_for(source))
                if R.random() < 0.8:
                    img, gp = self.generic_image(FIN_PICTOS if R.random() < 0.5 else None, word=name)
                    size_fmt = self.store_encode()
                else:
                    img, gp, size_fmt = None, {}, None
                self.add(case, "counterfeit", a["inst"]["institution"], lst, img, size_fmt,
                         {"app_id": aid, "official_name": a["app"]["names"][0], **gp})

    def typosquats(self):
        R = self.R
        android = [a["id"] for a in self.L.apps if a["app"]["android"]]
        deck = Deck(R, android)
        for kind in ("char_swap", "homoglyph", "extra_char", "suffix", "tld"):
            for aid in deck.draw(4):
                a = self.L.by_id(aid)
                official = a["app"]["android"]
                pkg = None
                for _ in range(50):
                    pkg = typo(R, official, kind)
                    if pkg and pkg != official and pkg not in self.L.packages:
                        break
                else:
                    raise RuntimeError("no typo for " + official)
                source = stores.pick_source(R, {"android": 60, "download": 40})
                lst = self.listing(source, self.brand_free_name(lambda: names.generic_fin_name(R)), pkg,
                                   self.developer(), stores.fmt_cert(R, stores.new_cert(self.G)))
                img, gp = self.generic_image(FIN_PICTOS)
                self.add("pkg_typo_" + kind, "counterfeit", a["inst"]["institution"], lst, img, self.store_encode(),
                         {"app_id": aid, "official_package": official, **gp})

    def developer_copies(self):
        R = self.R
        deck = Deck(R, [a["id"] for a in self.L.apps])
        picks = deck.draw(20, key=lambda aid: self.L.by_id(aid)["dev"])
        for i, aid in enumerate(picks):
            a = self.L.by_id(aid)
            dev = a["dev"]
            kind = "exact" if i < 14 else "spacing"
            if kind == "spacing":
                j = R.randrange(2, len(dev) - 1)
                dev = R.choice([dev[:j] + " " + dev[j:], " " + dev + " ", dev[:j] + "\u3000" + dev[j:], dev + "."])
            source = stores.pick_source(R, {"android": 50, "download": 20, "ios": 30})
            lst = self.listing(source, self.brand_free_name(lambda: names.generic_fin_name(R)),
                               self.generic_package(source), dev, self.cert_for(source))
            img, gp = self.generic_image()
            self.add("dev_copy_" + kind, "counterfeit", a["inst"]["institution"], lst, img, self.store_encode(),
                     {"app_id": aid, "official_developer": a["dev"], **gp})

    def repackaged(self):
        R = self.R
        android = [a["id"] for a in self.L.apps if a["app"]["android"]]
        deck = Deck(R, android)
        plan = [("plain", 12), ("modded", 10), ("altered_logo", 8)]
        for kind, n in plan:
            for aid in deck.draw(n):
                a = self.L.by_id(aid)
                base = self.official_icon(aid)
                ctx = {"R": R, "G": self.G, "style": a["app"]["style"], "word": a["app"]["names"][0]}
                name, dev, p = R.choice(a["app"]["names"]), a["dev"], {}
                img = base
                if kind == "modded":
                    name = name + R.choice(["破解版", "去广告版", "VIP版", "内购版", "无限额度版", "免登录版"])
                    dev = R.choice([None, self.developer(), a["dev"]])
                    if R.random() < 0.5:
                        img, p, _ = R.choice([d_badge_dot, d_ribbon_corner])(base, ctx)
                elif kind == "altered_logo":
                    img, p, _ = R.choice([d_hue_shift, d_border_thick, d_crop_tight])(base, ctx)
                source = stores.pick_source(R, {"download": 60, "android": 40})
                lst = self.listing(source, name, a["app"]["android"], dev,
                                   stores.fmt_cert(R, stores.new_cert(self.G)))
                self.add("repackaged_" + kind, "repackaged", a["inst"]["institution"], lst, img, self.store_encode(),
                         {"app_id": aid, "logo": p})

    def unregistered(self):
        R = self.R
        android = [a["id"] for a in self.L.apps if a["app"]["android"]]
        deck = Deck(R, android)
        plan = [("beta", 9), ("regional", 8), ("new_product", 8)]
        for kind, n in plan:
            for aid in deck.draw(n):
                a = self.L.by_id(aid)
                inst, app = a["inst"], a["app"]
                off = app["android"]
                for _ in range(50):
                    if kind == "beta":
                        pkg = off + R.choice([".beta", ".test", ".uat", ".preview", ".dev"])
                        name = app["names"][0] + R.choice(["测试版", "内测版", "Beta", "体验版"])
                    elif kind == "regional":
                        pkg = off + R.choice([".hk", ".intl", ".enterprise", ".pad", ".mo"])
                        name = app["names"][0] + R.choice(["香港版", "国际版", "企业版", "Pad版", "澳门版"])
                    else:
                        parts = off.split(".")
                        stem = ".".join(parts[:2]) if len(parts) > 2 else off
                        suffix, product = R.choice(NEW_PRODUCTS)
                        pkg, name = stem + "." + suffix, inst["keywords"][0] + product
                    if pkg not in self.L.packages:
                        break
                ctx = {"R": R, "G": self.G, "style": app["style"], "word": app["names"][0]}
                p = {}
                if kind == "new_product":
                    st = app["style"]
                    lay = R.choice([lo for lo in ("field", "white", "tile", "split") if lo != st[1]])
                    st2 = (st[0], lay, st[2], st[3], st[4], st[5])
                    if lay == "white":
                        st2 = (st[0], lay, st[2], "#FFFFFF", emblems.hexs(emblems.mark_colours(st)[0]), st[5])
                    elif st[1] == "white":
                        st2 = (st[0], lay, st[2], st[4], "#FFFFFF", st[5])
                    img, p = emblems.render(st2, S, word=name), {"layout": lay}
                elif kind == "beta" and R.random() < 0.6:
                    img, p, _ = d_badge_dot(self.official_icon(aid), ctx)
                else:
                    img = self.official_icon(aid)
                source = stores.pick_source(R, {"android": 80, "download": 20})
                lst = self.listing(source, name, pkg, a["dev"], stores.fmt_cert(R, a["cert"]))
                self.add("unregistered_" + kind, "unregistered", inst["institution"], lst, img, self.store_encode(),
                         {"app_id": aid, "logo": p})

    def negatives(self):
        R = self.R
        # official listings of apps in the ledger (siblings of each other): nothing to report
        deck = Deck(R, [a["id"] for a in self.L.apps])
        for aid in deck.draw(30):
            a = self.L.by_id(aid)
            app = a["app"]
            if app["mini"] == "wx":
                source, pkg, cert = "wechat_miniprogram", a["pkgs"][0], None
            elif app["mini"] == "gh":
                source, pkg, cert = "wechat_official_account", a["pkgs"][0], None
            elif R.random() < 0.3:
                source, pkg, cert = "apple_app_store", app["ios"], None
            else:
                source, pkg, cert = R.choice(stores.ANDROID), app["android"], stores.fmt_cert(R, a["cert"])
            lst = self.listing(source, R.choice(app["names"]), pkg, a["dev"], cert)
            self.add("neg_official_sibling", "none", None, lst, self.official_icon(aid), self.store_encode(),
                     {"app_id": aid})
        mixed = {"android": 45, "download": 15, "ios": 25, "mini": 10, "oa": 5}
        for name, dev in names.LEGIT_FIN:
            self._neg("neg_legit_fin", name, dev, mixed, FIN_PICTOS, own_package=True)
        for name, dev in names.SUBSTRING_COMPANY:
            self._neg("neg_substring_company", name, dev, mixed, None, own_package=True)
        for name, kw in names.KEYWORD_INSIDE:
            self._neg("neg_keyword_inside_word", name, self.developer(), mixed, None, extra={"contains": kw})
        for name in names.GENERIC_WORD:
            self._neg("neg_generic_word", name, self.developer(), mixed, FIN_PICTOS)
        # look-alike palettes and layouts with another mark
        mains = [a["id"] for a in self.L.apps if a["app"]["key"] == "main"]
        picks = Deck(R, mains).draw(25)
        sim_names = list(names.SIMILAR_NAMES)
        R.shuffle(sim_names)
        for aid, name in zip(picks, sim_names[:25], strict=True):
            a = self.L.by_id(aid)
            st = a["app"]["style"]
            other = R.choice(sorted(m for m in emblems.PICTOS if m not in ("glyph_tile", "letter_tile")))
            st2 = (other, st[1], R.choice(names.GENERIC_GLYPHS), st[3], st[4], st[5])
            img = emblems.render(st2, S, word=name)
            source = stores.pick_source(R, mixed)
            lst = self.listing(source, name, self.generic_package(source), self.developer(), self.cert_for(source))
            self.add("neg_similar_palette", "none", None, lst, img, self.store_encode(),
                     {"palette_of": aid, "mark": other, "layout": st[1]})

    def _neg(self, case, name, dev, weights, pictos, own_package=False, extra=None):
        R = self.R
        source = stores.pick_source(R, weights)
        kind = stores.KIND_OF[source]
        if own_package and kind in ("android", "ios", "download"):
            ini = names.initials(name) or "app"
            bank = "银行" in name
            pkg = "com." + ini + R.choice(["", "bank"] if bank else ["", "app"]) + "." + \
                R.choice(["mbank", "mobile", "client"] if bank else ["mobile", "app", "client"])
            if pkg in self.L.packages or ini in self.L.orgs:
                pkg = self.generic_package(source)
        else:
            pkg = self.generic_package(source)
        lst = self.listing(source, name, pkg, dev, self.cert_for(source))
        img, gp = self.generic_image(pictos, word=name)
        self.add(case, "none", None, lst, img, self.store_encode(), {**gp, **(extra or {})})

    def unrelated(self):
        R = self.R
        cats = sorted(names.UNREL_NOUN)
        used = set()
        for _ in range(COMPOSITION["unrelated"]):
            cat = R.choice(cats)
            for _ in range(100):
                name = self.brand_free_name(lambda cat=cat: names.unrelated_name(R, cat))
                if name not in used:
                    break
            used.add(name)
            source = stores.pick_source(R, {"android": 50, "download": 10, "ios": 25, "mini": 10, "oa": 5})
            lst = self.listing(source, name, self.generic_package(source), self.developer(), self.cert_for(source))
            pictos = names.UNREL_PICTO[cat] + ["glyph_tile", "letter_tile"]
            img, gp = self.generic_image(pictos, word=name)
            self.add("unrelated_" + cat, "none", None, lst, img, self.store_encode(), gp)

    def build(self):
        self.icon_copies()
        self.name_copies()
        self.typosquats()
        self.developer_copies()
        self.repackaged()
        self.unregistered()
        self.negatives()
        self.unrelated()
        return self.L.rows, self.L.icons, self.cases


HOMOGLYPH = [("l", "1"), ("o", "0"), ("i", "l"), ("m", "rn"), ("e", "3"), ("a", "4"), ("s", "5"), ("b", "d")]


def typo(R, pkg, kind):
    parts = pkg.split(".")
    idx = max(range(len(parts)), key=lambda i: (len(parts[i]) if parts[i] not in ("com", "cn", "net") else 0, -i))
    seg = parts[idx]
    if kind == "char_swap":
        pos = [i for i in range(len(seg) - 1) if seg[i] != seg[i + 1]]
        if not pos:
            return None
        i = R.choice(pos)
        seg = seg[:i] + seg[i + 1] + seg[i] + seg[i + 2:]
    elif kind == "homoglyph":
        opts = [(a, b) for a, b in HOMOGLYPH if a in seg]
        if not opts:
            return None
        a, b = R.choice(opts)
        i = R.choice([k for k, ch in enumerate(seg) if ch == a])
        seg = seg[:i] + b + seg[i + 1:]
    elif kind == "extra_char":
        i = R.randrange(len(seg))
        seg = seg[:i + 1] + (seg[i] if R.random() < 0.5 else R.choice("aeioumnr")) + seg[i + 1:]
    elif kind == "suffix":
        return pkg + R.choice([".mobile", ".app", ".android", ".pro", ".v2", "2", "_new"])
    elif kind == "tld":
        if parts[0] in ("com", "cn", "net", "org"):
            return R.choice([t for t in ("com", "cn", "net", "org", "io") if t != parts[0]]) + "." + \
                ".".join(parts[1:])
        return "com." + pkg
    parts[idx] = seg
    return ".".join(parts)
