"""The protected ledger: one record per protected app, with invented identifiers and emblem designs."""

from __future__ import annotations

from dataclasses import dataclass, field

import emblem_families as F
import emblems as E
import seeding
from institutions import INSTITUTIONS


@dataclass
class Institution:
    key: str
    legal: str
    short: str
    en: str
    keywords: list
    palette: tuple
    token: str
    certs: list
    tech: str
    designs: dict = field(default_factory=dict)
    apps: list = field(default_factory=list)


@dataclass
class App:
    app_id: str
    inst: Institution
    kind: str
    names: list
    design_key: str
    layout: str
    android: str | None = None
    ios: str | None = None
    harmony: str | None = None
    appid: str | None = None
    certs: list = field(default_factory=list)
    developers: list = field(default_factory=list)
    icon: str = ""
    icon_size: int = 512

    @property
    def design(self) -> dict:
        return self.inst.designs[self.design_key]

    @property
    def packages(self) -> list:
        if self.appid:
            return [self.appid]
        return [p for p in (self.android, self.ios, self.harmony) if p]


SLUGS = {"card": ["creditcard", "cardlife", "ccard"], "life": ["elife", "lifeplus", "shenghuo"]}


def _packages(app: App, r) -> None:
    tok = app.inst.token
    if app.kind == "wxmp":
        app.appid = "wx" + seeding.hex_id(f"appid/{app.app_id}", 16)
    elif app.kind == "alipaymp":
        app.appid = "2021" + seeding.digits(f"appid/{app.app_id}", 12)
    elif app.kind == "wxoa":
        app.appid = "gh_" + seeding.hex_id(f"appid/{app.app_id}", 12)
    elif app.kind == "main":
        tld = r.choice(["com", "com", "cn"])
        app.android = f"{tld}.{tok}.{r.choice(['mobilebank', 'mbank', 'client', 'app', 'mobile', 'ebank'])}"
        app.ios = f"com.{tok}.{r.choice(['iphone', 'ios', 'iphoneclient', 'mbankios'])}"
        if r.random() < 0.5:
            app.harmony = f"com.{tok}.harmony"
    else:
        slug = r.choice(SLUGS[app.kind])
        app.android = f"com.{tok}.{slug}"
        app.ios = f"com.{tok}.{slug}.ios"
        if r.random() < 0.3:
            app.harmony = f"com.{tok}.{slug}.hm"


def _assign_families(insts) -> list:
    r = seeding.rng("ledger/families")
    need = sum(1 + (1 if any(a[2] == "alt" for a in i[-1]) else 0) for i in insts)
    pool = []
    while len(pool) < need + 13:
        chunk = list(F.FAMILIES)
        r.shuffle(chunk)
        pool += chunk
    return pool


def build() -> tuple[list, list]:
    """(institutions, apps) with every identifier, certificate and design drawn from named streams."""
    insts, apps = [], []
    pool = _assign_families(INSTITUTIONS)
    for key, legal, short, en, kws, pal, tok, ncert, tech, app_defs in INSTITUTIONS:
        certs = [seeding.hex_id(f"cert/{key}/{i}", 64) for i in range(ncert)]
        inst = Institution(key, legal, short, en, kws, pal, tok, certs, tech)
        r = seeding.rng(f"ledger/{key}")
        fam_main = pool.pop(0)
        inst.designs["main"] = E.sample_design(r, fam_main, pal, E.texts_for(short, en))
        alt_names = [a[1][0] for a in app_defs if a[2] == "alt"]
        if alt_names:
            fam_alt = next(f for f in pool if f != fam_main)
            pool.remove(fam_alt)
            tx = E.texts_for(alt_names[0], en, word=alt_names[0])
            inst.designs["alt"] = E.sample_design(r, fam_alt, pal, tx)
        for kind, names, dkey in app_defs:
            app_id = f"{key}-{kind}"
            layout = "white" if kind in ("wxmp", "alipaymp", "wxoa") else inst.designs[dkey]["layout"]
            app = App(app_id, inst, kind, list(names), dkey, layout)
            _packages(app, r)
            if kind in ("main", "card", "life"):
                app.certs = [certs[0]] + ([certs[2]] if ncert > 2 and kind == "main" else [])
                if kind != "main" and ncert > 1:
                    app.certs = [certs[1]]
                app.developers = [legal, en]
            else:
                app.developers = [legal]
            app.icon = f"protected/{app_id}.png"
            app.icon_size = r.choice([512, 512, 256, 384])
            inst.apps.append(app)
            apps.append(app)
        insts.append(inst)
    return insts, apps


def fmt_cert(hex64: str, style: str) -> str:
    """A certificate digest in one of the spellings feeds use."""
    if style == "colon_upper":
        return ":".join(hex64[i : i + 2] for i in range(0, 64, 2)).upper()
    if style == "colon_lower":
        return ":".join(hex64[i : i + 2] for i in range(0, 64, 2))
    if style == "upper":
        return hex64.upper()
    return hex64


def protected_record(app: App) -> dict:
    r = seeding.rng(f"ledger/format/{app.app_id}")
    rec = {
        "app_id": app.app_id,
        "institution": app.inst.legal,
        "names": app.names,
        "brand_keywords": app.inst.keywords,
        "package_ids": app.packages,
        "developers": app.developers,
    }
    if app.certs:
        rec["cert_sha256"] = [
            fmt_cert(c, r.choice(["plain", "plain", "upper", "colon_upper"])) for c in app.certs
        ]
    rec["icon"] = app.icon
    return rec


def sector(inst: Institution) -> str:
    if "银行" in inst.legal:
        return "bank"
    if "保险" in inst.legal:
        return "insurer"
    if "证券" in inst.legal or "金融股份" in inst.legal:
        return "securities"
    return "fintech"


GENERIC_BY_SECTOR = {
    "bank": ["手机银行", "掌上银行", "信用卡", "银行助手", "网上银行", "信用卡管家"],
    "insurer": ["保险服务", "保单管家", "理赔助手", "保险客户端"],
    "securities": ["炒股交易", "证券开户", "股票助手", "行情交易"],
    "fintech": ["借钱助手", "理财金融", "钱包", "分期借款"],
}
