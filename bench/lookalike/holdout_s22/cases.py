"""All listing cases: officials, negatives, hard negatives, name copies, identity copies, icon-only copies."""

from __future__ import annotations

import random

import edits
from designs import bankish_spec, safe_random_spec, similar_style_spec
from ids import (
    alipay_appid,
    cert,
    cert_display,
    date,
    gh_id,
    random_developer,
    random_domain,
    random_package,
    stream,
    typo_package,
    wx_appid,
)
from logos import compose
from names import (
    BRAND_SUBSTRING,
    GENERIC_BANKISH,
    GENERIC_NAMES,
    OTHER_INSTITUTIONS,
    UNRELATED,
    transform,
)
from protected import App
from store import IconStore

ANDROID = ["huawei-appgallery", "xiaomi-getapps", "oppo-store", "vivo-store", "tencent-myapp", "360-mobile-assistant",
           "baidu-mobile-assistant", "wandoujia", "google-play"]
IOS = "ios-appstore"
HARMONY = "harmonyos-appgallery"
WEB = "download-site"
WX = "wechat-miniprogram"
ALI = "alipay-miniprogram"
OA = "wechat-official-account"
STORE_HOSTS = {"huawei-appgallery": "appgallery.huawei.example", "xiaomi-getapps": "app.mi.example",
               "oppo-store": "store.oppo.example", "vivo-store": "appstore.vivo.example",
               "tencent-myapp": "sj.qq.example", "360-mobile-assistant": "zhushou.360.example",
               "baidu-mobile-assistant": "shouji.baidu.example", "wandoujia": "wandoujia.example",
               "google-play": "play.google.example", IOS: "apps.apple.example", HARMONY: "appgallery.harmony.example"}


def pick_source(rng: random.Random, weights: dict[str, float]) -> str:
    r = rng.random() * sum(weights.values())
    keys = list(weights)
    k = keys[-1]
    for key in keys:
        r -= weights[key]
        if r <= 0:
            k = key
            break
    if k == "android":
        return rng.choice(ANDROID)
    return {"ios": IOS, "harmony": HARMONY, "web": WEB, "wx": WX, "ali": ALI, "oa": OA}[k]


COPY_SOURCES = {"android": 55, "web": 14, "ios": 13, "harmony": 6, "wx": 6, "ali": 3, "oa": 3}
NEG_SOURCES = {"android": 55, "web": 10, "ios": 18, "harmony": 6, "wx": 6, "ali": 3, "oa": 2}


ICON_EXACT = 8
ICON_SINGLE_COUNTS = {k: (6 if k in ("crop", "rotate", "hue", "badge", "text_band", "new_bg", "beside_word", "photo",
                                     "stamp") else 5) for k in edits.SINGLE}
ICON_CHAIN_COUNTS = {2: 34, 3: 22}


def strength_of(rng: random.Random, weights=(0.4, 0.4, 0.2)) -> str:
    r = rng.random()
    return "light" if r < weights[0] else ("medium" if r < weights[0] + weights[1] else "strong")


class Cases:
    def __init__(self, apps: list[App], store: IconStore) -> None:
        self.apps = apps
        self.by_id = {a.app_id: a for a in apps}
        self.by_inst: dict[str, list[App]] = {}
        for a in apps:
            self.by_inst.setdefault(a.inst["key"], []).append(a)
        self.store = store
        self.pspecs = [a.spec for a in apps]
        self.rows: list[dict] = []

    # ------------------------------------------------------------ helpers
    def add(self, listing: dict, expected: str, case: str, target: App | None, accept: list[str], params: dict,
            ref: App | None = None) -> None:
        label = {"listing_id": "", "expected": expected, "case": case,
                 "target_app_id": target.app_id if target else None,
                 "target_institution": target.inst["institution"] if target else None,
                 "accept_app_ids": accept, "params": params}
        self.rows.append({"listing": listing, "label": label, "ref": (ref or target).icon_rel if (ref or target) else None})

    @staticmethod
    def listing(rng: random.Random, source: str, name: str, package: str | None, developer: str | None,
                cert_hex: str | None, icon: str | None, url: str | None = None) -> dict:
        if url is None and source in STORE_HOSTS and package and rng.random() < 0.5:
            url = f"https://{STORE_HOSTS[source]}/app/{package}"
        return {"listing_id": "", "source": source, "name": name, "package_id": package, "developer": developer,
                "cert_sha256": cert_hex, "icon": icon, "url": url, "first_seen": date(rng),
                "changed_at": date(rng) if rng.random() < 0.1 else None}

    def fake_identity(self, rng: random.Random, source: str) -> tuple[str | None, str | None, str | None, str | None]:
        """package, developer, certificate, url of an unrelated publisher."""
        dev = random_developer(rng)
        if source in (WX, ALI, OA):
            pkg = {WX: wx_appid, ALI: alipay_appid, OA: gh_id}[source](rng)
            if rng.random() < 0.2:
                dev = "个人"
            return pkg, dev, None, None
        if source in (IOS, HARMONY):
            return random_package(rng), dev, None, None
        pkg = random_package(rng)
        c = cert(rng)
        if source == WEB:
            dom = random_domain(rng)
            if rng.random() < 0.2:
                return None, (dev if rng.random() < 0.5 else None), None, f"https://{dom}/"
            return pkg, (dev if rng.random() < 0.6 else None), c, f"https://{dom}/download/{pkg.split('.')[-1]}.apk"
        return pkg, dev, c, None

    def icon_family(self, app: App) -> list[str]:
        return [a.app_id for a in self.by_inst[app.inst["key"]] if a.family == app.family]

    def name_accept(self, app: App) -> list[str]:
        if app.product:
            return [app.app_id]
        return [a.app_id for a in self.by_inst[app.inst["key"]] if not a.product]

    @staticmethod
    def merge(*lists: list[str]) -> list[str]:
        out: list[str] = []
        for li in lists:
            for x in li:
                if x not in out:
                    out.append(x)
        return out

    def save_official(self, app: App, rng: random.Random) -> tuple[str, dict]:
        return self.store.save_listing(app.image, rng)

    def save_generic(self, rng: random.Random, spec: dict | None = None) -> tuple[str, dict]:
        spec = spec or safe_random_spec(rng, self.pspecs)
        img, _ = compose(spec, 512)
        rel, enc = self.store.save_listing(img, rng)
        return rel, {"design": spec, "encoding": enc}

    def icon_chain(self, app: App, rng: random.Random, chain: list[str], strength: str) -> tuple[str, dict]:
        img = app.image
        steps = []
        force_jpeg = False
        quality = None
        for k in chain:
            img, p = edits.apply(k, img, app.parts, rng, strength)
            if p.pop("force_jpeg", False):
                force_jpeg = True
            quality = p.get("jpeg_quality", quality)
            steps.append({"edit": k, **p})
        keep = bool(chain) and chain[-1] in edits.TERMINAL
        rel, enc = self.store.save_listing(img, rng, force_jpeg=force_jpeg, jpeg_quality=quality, keep_size=keep)
        return rel, {"source_app": app.app_id, "strength": strength, "chain": steps, "encoding": enc}

    def light_copy(self, app: App, rng: random.Random) -> tuple[str, dict]:
        k = rng.choice(["exact", "exact", "crop", "badge", "text_band", "rotate", "stamp", "ribbon"])
        return self.icon_chain(app, rng, [] if k == "exact" else [k], "light")

    def balanced(self, rng: random.Random, pool: list[App]):
        """An endless sequence over `pool`, every app once per round, in a random order each round."""
        while True:
            order = list(pool)
            rng.shuffle(order)
            yield from order

    # ------------------------------------------------------------ officials
    def officials(self) -> None:
        rng = stream("official")
        for app in self.apps:
            self.official(app, "store", rng)
        variants = ["ios", "website", "dev_renamed", "version_suffix", "harmony", "ios", "store_jpeg"]
        pool = [a for a in self.apps if a.android]
        picks = rng.sample(pool, 34)
        for i, app in enumerate(picks):
            v = variants[i % len(variants)]
            if v == "harmony" and not app.harmony:
                v = "dev_renamed"
            self.official(app, v, rng)

    def official(self, app: App, variant: str, rng: random.Random) -> None:
        params: dict = {"variant": variant}
        dev = app.developers[0]
        name = app.names[0] if rng.random() < 0.75 else rng.choice(app.names)
        cert_hex = cert_display(app.certs[0], rng) if app.certs else None
        url = None
        if app.role in ("mini_wx", "mini_ali", "oa"):
            source = {"mini_wx": WX, "mini_ali": ALI, "oa": OA}[app.role]
            pkg, cert_hex = app.mini_id, None
            case = "official_account" if app.role == "oa" else "official_miniprogram"
        elif variant == "ios":
            source, pkg, cert_hex = IOS, app.ios, None
            en = [d for d in app.developers if d.isascii()]
            dev = en[0] if en and rng.random() < 0.7 else dev
            case = "official_ios"
        elif variant == "harmony":
            source, pkg, cert_hex = HARMONY, app.harmony, None
            case = "official_harmony"
        elif variant == "website":
            source, pkg = WEB, app.android
            host = app.inst["stem"].split(".")[0]
            url = f"https://www.{host}.com.cn/mobile/download/{app.android}.apk"
            case = "official_website"
        else:
            source, pkg = rng.choice(ANDROID), app.android
            case = "official_store"
            if variant == "dev_renamed":
                inst = app.inst
                choices = [inst["short"], inst["institution"], inst["institution"] + "（官方）",
                           app.developers[0].replace("股份有限公司", ""), inst["en"]]
                choices = [c for c in choices if c != app.developers[0]]
                dev = rng.choice(choices)
                case = "official_dev_renamed"
            elif variant == "version_suffix":
                suf = rng.choice([" 8.2.0", "（新版）", " V7", "-官方版", " HD", "2025版", " 手机版"])
                name = name + suf
                params["suffix"] = suf
                case = "official_version_suffix"
        if app.role in ("mini_wx", "mini_ali", "oa") and rng.random() < 0.25:
            icon, enc = None, None
        else:
            icon, enc = self.save_official(app, rng)
        params.update(developer_shown=dev, encoding=enc)
        lst = self.listing(rng, source, name, pkg, dev, cert_hex, icon, url)
        self.add(lst, "none", case, app, [app.app_id], params)

    # ------------------------------------------------------------ negatives
    def negatives(self) -> None:
        rng = stream("negatives")
        names = list(UNRELATED)
        rng.shuffle(names)
        for i in range(100):
            name = names[i % len(names)]
            if i >= len(names):
                name = name + rng.choice(["Pro", "HD", "助手", "大全", "极速版"])
            source = pick_source(rng, NEG_SOURCES)
            pkg, dev, c, url = self.fake_identity(rng, source)
            icon, ip = (None, None) if rng.random() < 0.18 else self.save_generic(rng)
            self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "none", "neg_unrelated", None, [],
                     {"icon": ip})

    def hard_negatives(self) -> None:
        rng = stream("hardneg")
        for name in rng.sample(GENERIC_BANKISH, 25):
            source = pick_source(rng, NEG_SOURCES)
            pkg, dev, c, url = self.fake_identity(rng, source)
            icon, ip = (None, None) if rng.random() < 0.12 else self.save_generic(rng, bankish_spec(rng, self.pspecs))
            self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "none", "hardneg_generic_bankish", None,
                     [], {"icon": ip})
        for name, key in rng.sample(BRAND_SUBSTRING, 25):
            source = pick_source(rng, NEG_SOURCES)
            pkg, dev, c, url = self.fake_identity(rng, source)
            icon, ip = (None, None) if rng.random() < 0.12 else self.save_generic(rng)
            self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "none", "hardneg_brand_substring", None,
                     [], {"icon": ip, "shares_characters_with": key})
        for name, company in OTHER_INSTITUTIONS:
            source = rng.choice(ANDROID + [IOS, HARMONY])
            pkg = random_package(rng)
            c = cert(rng) if source in ANDROID else None
            ref = None
            if rng.random() < 0.5:
                ref = rng.choice([a for a in self.apps if a.role == "main"])
                spec = similar_style_spec(rng, ref.spec, self.pspecs)
            else:
                spec = bankish_spec(rng, self.pspecs)
            icon, ip = self.save_generic(rng, spec)
            params = {"icon": ip, "styled_like": ref.app_id if ref else None, "company": company}
            self.add(self.listing(rng, source, name, pkg, company, c, icon), "none", "hardneg_other_institution",
                     None, [], params)
            if ref:
                self.rows[-1]["ref"] = ref.icon_rel
        mains = [a for a in self.apps if a.role in ("main", "product")]
        for ref in rng.sample(mains, 24):
            source = pick_source(rng, NEG_SOURCES)
            pkg, dev, c, url = self.fake_identity(rng, source)
            name = rng.choice(GENERIC_NAMES + GENERIC_BANKISH)
            icon, ip = self.save_generic(rng, similar_style_spec(rng, ref.spec, self.pspecs))
            self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "none", "hardneg_similar_style", None,
                     [], {"icon": ip, "styled_like": ref.app_id})
            self.rows[-1]["ref"] = ref.icon_rel

    # ------------------------------------------------------------ name-based copies
    NAME_COUNTS = {"decorated": 16, "doubled": 12, "traditional": 14, "pinyin": 12, "suffix": 24, "prefix": 10,
                   "lookalike": 18, "spaced": 12, "brand_product": 16, "english": 10, "miniprogram": 14,
                   "official_account": 10, "combo": 12}
    BRAND_ONLY = ("pinyin", "english", "brand_product", "miniprogram", "official_account")

    def name_copies(self) -> None:
        rng = stream("names")
        mains = self.balanced(rng, [a for a in self.apps if a.role == "main"])
        anyapp = self.balanced(rng, [a for a in self.apps if a.role in ("main", "product")])
        for kind, count in self.NAME_COUNTS.items():
            for _ in range(count):
                app = next(mains) if kind in self.BRAND_ONLY else next(anyapp)
                inst = app.inst
                if kind in ("miniprogram", "official_account"):
                    sib = [a for a in self.by_inst[inst["key"]] if a.role in (("mini_wx", "mini_ali") if kind ==
                                                                            "miniprogram" else ("oa",))]
                    if sib:
                        app = sib[0]
                    base = inst["short"] if rng.random() < 0.6 else app.names[0]
                    source = (rng.choice([WX, WX, ALI]) if kind == "miniprogram" else OA)
                elif kind in ("pinyin", "english", "brand_product"):
                    base = inst["short"]
                    source = pick_source(rng, {k: v for k, v in COPY_SOURCES.items() if k not in ("wx", "ali", "oa")})
                else:
                    base = app.names[0] if rng.random() < 0.7 else rng.choice(app.names)
                    source = pick_source(rng, COPY_SOURCES)
                name, tp = transform(kind, base, inst, rng)
                pkg, dev, c, url = self.fake_identity(rng, source)
                r = rng.random()
                accept = self.name_accept(app)
                if r < 0.4:
                    src_app = app if app.role != "oa" or rng.random() < 0.5 else self.by_inst[inst["key"]][0]
                    icon, ip = self.light_copy(src_app, rng)
                    ip["mode"] = "copied"
                    accept = self.merge(accept, self.icon_family(src_app))
                elif r < 0.72:
                    icon, ip = self.save_generic(rng)
                    ip["mode"] = "unrelated"
                else:
                    icon, ip = None, {"mode": "none"}
                params = {"name_transform": kind, **tp, "icon": ip}
                self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "counterfeit", f"name_{kind}", app,
                         accept, params)

    # ------------------------------------------------------------ identity copies
    def identity_copies(self) -> None:
        rng = stream("identity")
        pool = [a for a in self.apps if a.android]
        seq = self.balanced(rng, pool)
        for _ in range(20):
            app = next(seq)
            source = pick_source(rng, {"android": 70, "web": 30})
            dev = rng.choice(app.developers)
            name_mode = rng.choice(["official", "generic"])
            name = rng.choice(app.names) if name_mode == "official" else rng.choice(GENERIC_NAMES)
            pkg = random_package(rng)
            url = f"https://{random_domain(rng)}/dl/{pkg}.apk" if source == WEB else None
            icon, ip = self._identity_icon(app, rng, (0.4, 0.3))
            accept = [a.app_id for a in self.by_inst[app.inst["key"]] if dev in a.developers]
            if ip.get("mode") == "copied":
                accept = self.merge([app.app_id], accept, self.icon_family(app))
            else:
                accept = self.merge([app.app_id], accept)
            self.add(self.listing(rng, source, name, pkg, dev, cert(rng), icon, url), "counterfeit",
                     "id_dev_foreign_cert", app, accept, {"name_mode": name_mode, "developer": dev, "icon": ip})
        for _ in range(22):
            app = next(seq)
            source = pick_source(rng, {"android": 70, "web": 30})
            name = app.names[0] + (rng.choice([" 9.0.1", "（新版）", ""]) if rng.random() < 0.3 else "")
            r = rng.random()
            dev = app.developers[0] if r < 0.5 else (random_developer(rng) if r < 0.75 else None)
            url = f"https://{random_domain(rng)}/dl/{app.android}.apk" if source == WEB else None
            r = rng.random()
            if r < 0.6:
                icon, enc = self.save_official(app, rng)
                ip = {"mode": "official_reencoded", "encoding": enc}
            elif r < 0.8:
                icon, ip = self.light_copy(app, rng)
                ip["mode"] = "copied"
            else:
                icon, ip = None, {"mode": "none"}
            self.add(self.listing(rng, source, name, app.android, dev, cert(rng), icon, url), "counterfeit",
                     "id_repackaged", app, [app.app_id], {"developer": dev, "icon": ip})
        for _ in range(20):
            app = next(seq)
            use_ios = rng.random() < 0.25
            typo, tkind = typo_package(app.ios if use_ios else app.android, rng)
            source = IOS if use_ios else pick_source(rng, {"android": 75, "web": 25})
            nm = rng.choice(["official", "suffix", "generic"])
            if nm == "official":
                name = app.names[0]
            elif nm == "suffix":
                name, _ = transform("suffix", app.names[0], app.inst, rng)
            else:
                name = rng.choice(GENERIC_NAMES)
            dev = random_developer(rng) if rng.random() < 0.7 else None
            icon, ip = self._identity_icon(app, rng, (0.3, 0.4))
            c = None if use_ios else cert(rng)
            url = f"https://{random_domain(rng)}/dl/{typo}.apk" if source == WEB else None
            accept = self.merge([app.app_id], self.icon_family(app) if ip.get("mode") == "copied" else [])
            self.add(self.listing(rng, source, name, typo, dev, c, icon, url), "counterfeit", "id_typosquat_pkg", app,
                     accept, {"typo": tkind, "of": app.ios if use_ios else app.android, "name_mode": nm, "icon": ip})

    def _identity_icon(self, app: App, rng: random.Random, split: tuple[float, float]) -> tuple[str | None, dict]:
        r = rng.random()
        if r < split[0]:
            icon, ip = self.light_copy(app, rng)
            ip["mode"] = "copied"
            return icon, ip
        if r < split[0] + split[1]:
            icon, ip = self.save_generic(rng)
            ip["mode"] = "unrelated"
            return icon, ip
        return None, {"mode": "none"}

    # ------------------------------------------------------------ icon-only copies
    def icon_copies(self) -> None:
        rng = stream("icononly")
        pool = [a for a in self.apps for _ in range(2 if a.role == "main" else 1)]
        seq = self.balanced(rng, pool)
        plans: list[tuple[str, list[str], str]] = []
        for _ in range(ICON_EXACT):
            plans.append(("icon_exact", [], "light"))
        for k, n in ICON_SINGLE_COUNTS.items():
            for _ in range(n):
                plans.append((f"icon_{k}", [k], strength_of(rng)))
        middle = [k for k in edits.SINGLE if k not in edits.STRUCTURAL and k not in edits.TERMINAL]
        for length, n in ICON_CHAIN_COUNTS.items():
            for _ in range(n):
                chain: list[str] = []
                if rng.random() < 0.35:
                    chain.append(rng.choice(edits.STRUCTURAL))
                end = rng.choice(edits.TERMINAL) if rng.random() < 0.35 else None
                need = length - len(chain) - (1 if end else 0)
                while True:
                    mid = rng.sample(middle, need)
                    steps = chain + mid
                    if not (any(k in edits.SHRINKING for k in steps) and any(k in edits.COVERING for k in steps)):
                        break
                chain = steps
                if end:
                    chain.append(end)
                plans.append((f"icon_chain{length}", chain, strength_of(rng, (0.55, 0.45, 0.0))))
        for case, chain, strength in plans:
            app = next(seq)
            source = pick_source(rng, COPY_SOURCES)
            pkg, dev, c, url = self.fake_identity(rng, source)
            name = rng.choice(GENERIC_NAMES)
            icon, ip = self.icon_chain(app, rng, chain, strength)
            params = {"icon": ip, "name_generic": True}
            self.add(self.listing(rng, source, name, pkg, dev, c, icon, url), "counterfeit", case, app,
                     self.icon_family(app), params)

    def build(self) -> list[dict]:
        self.officials()
        self.negatives()
        self.hard_negatives()
        self.name_copies()
        self.identity_copies()
        self.icon_copies()
        return self.rows
