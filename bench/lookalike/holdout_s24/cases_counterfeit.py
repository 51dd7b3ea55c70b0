"""Counterfeits that carry brand evidence in their text: name copies of many kinds (also as mini-programs
and official accounts on foreign ids), package typosquats and copied developer names."""

from __future__ import annotations

import identifiers as I
import names as NM
import recipes as R
import seeding
import sources as S
from ledger import GENERIC_BY_SECTOR, fmt_cert, sector
from spec import Spec

NAME_PLAN = [
    ("suffix", 14),
    ("prefix", 4),
    ("emoji", 7),
    ("doubled", 6),
    ("homoglyph", 9),
    ("traditional", 6),
    ("pinyin", 7),
    ("spaced", 7),
    ("english", 5),
    ("abbreviation", 8),
    ("wxmp", 8),
    ("alipaymp", 5),
    ("wxoa", 8),
]
N_TYPOSQUAT = 20
N_COPIED_DEV = 18
MP_TEMPLATES = [
    "{s}信用卡服务",
    "{s}积分兑换",
    "{n}+",
    "{s}优惠券",
    "{s}办卡中心",
    "{n}小助手",
    "{s}福利社",
    "{s}贷款申请",
]
OA_TEMPLATES = [
    "{s}客服中心",
    "{s}信用卡中心",
    "{s}服务号",
    "{s}福利社",
    "{s}官方",
    "{s}积分商城",
    "{s}理财课堂",
    "{n}服务",
]
DEV_NAMES = {
    "bank": ["信用卡管家", "手机银行助手", "积分兑换中心", "理财助手", "贷款助手", "账户服务"],
    "insurer": ["保单服务", "理赔助手", "保险管家", "保单查询"],
    "securities": ["炒股助手", "开户助手", "行情宝", "交易助手"],
    "fintech": ["借钱助手", "额度查询", "分期助手", "钱包服务"],
}


def _icon(app, rr, p_copy=0.4, p_generic=0.3, name=""):
    x = rr.random()
    if x < p_copy:
        return R.light_copy(app, rr), "light_copy"
    if x < p_copy + p_generic:
        return R.generic(name or "app"), "generic"
    return None, "none"


def _foreign_fields(key, rr, source=None):
    source = source or S.app_source(rr)
    if source == S.APPLE:
        return source, I.foreign_ios(rr), None
    cert = fmt_cert(I.cert(key), rr.choice(["plain", "upper", "colon_upper"]))
    if source == S.DOWNLOAD and rr.random() < 0.3:
        cert = None
    return source, I.foreign_package(rr), cert


def _cjk_keywords(inst):
    return [k for k in inst.keywords if not k.isascii()]


def _short_kw(inst, rr):
    shorts = [k for k in _cjk_keywords(inst) if len(k) <= 2]
    return rr.choice(shorts) if shorts else inst.short


def _base(inst, app, rr, ok=lambda s: True):
    cands = [n for n in app.names + _cjk_keywords(inst) if ok(n) and len(n) >= 2]
    return rr.choice(cands) if cands else None


def name_copies(insts, apps) -> list:
    out = []
    r = seeding.rng("cases/names")
    order = list(apps)
    r.shuffle(order)
    idx = 0
    for mut, count in NAME_PLAN:
        made = 0
        while made < count:
            app = order[idx % len(order)]
            idx += 1
            inst = app.inst
            key = f"name/{mut}/{made}/{app.app_id}"
            rr = seeding.rng(key)
            source = None
            if mut in NM.MUTATIONS:
                ok = {"homoglyph": NM.can_homoglyph, "traditional": NM.can_traditional}.get(
                    mut, lambda s: True
                )
                base = _base(inst, app, rr, ok)
                if base is None:
                    continue
                name, p = NM.MUTATIONS[mut](base, rr)
                p["base"] = base
            elif mut == "english":
                asc = [k for k in inst.keywords if k.isascii()]
                if not asc:
                    continue
                name, p = NM.english(rr.choice(asc), rr)
            elif mut == "abbreviation":
                kw = _short_kw(inst, rr)
                name, p = NM.abbreviation(kw, rr)
                p["base"] = kw
            else:
                tpl = rr.choice(MP_TEMPLATES if mut != "wxoa" else OA_TEMPLATES)
                name = tpl.format(
                    s=rr.choice([inst.short] + [k for k in _cjk_keywords(inst) if len(k) >= 2]),
                    n=app.names[0],
                )
                p = {"template": tpl}
                source = {"wxmp": S.WXMP, "alipaymp": S.ALIMP, "wxoa": S.WXOA}[mut]
            if source in (S.WXMP, S.ALIMP, S.WXOA):
                pkg = {S.WXMP: I.wx_appid, S.ALIMP: I.alipay_appid, S.WXOA: I.gh_id}[source]("foreign/" + key)
                cert = None
                case = {
                    "wxmp": "name_copy_miniprogram",
                    "alipaymp": "name_copy_alipay_miniprogram",
                    "wxoa": "name_copy_official_account",
                }[mut]
            else:
                source, pkg, cert = _foreign_fields(key, rr)
                case = f"name_{mut}"
            x = rr.random()
            dev = I.company(rr) if x < 0.75 else None
            icon, how = _icon(app, rr, name=name)
            p.update({"app": app.app_id, "icon": how})
            out.append(
                Spec(
                    key,
                    source,
                    name,
                    "counterfeit",
                    case,
                    inst.legal,
                    [a.app_id for a in inst.apps],
                    p,
                    pkg,
                    dev,
                    cert,
                    icon,
                )
            )
            made += 1
    return out


def typosquats(apps, ledger_pkgs: set) -> list:
    out = []
    r = seeding.rng("cases/typosquat")
    pool = [a for a in apps if a.android]
    r.shuffle(pool)
    i = 0
    while len(out) < N_TYPOSQUAT:
        app = pool[i % len(pool)]
        key = f"typosquat/{app.app_id}/{i}"
        i += 1
        rr = seeding.rng(key)
        pkg, how = I.typosquat(app.android, rr)
        if pkg in ledger_pkgs or pkg == app.android:
            continue
        name = rr.choice(GENERIC_BY_SECTOR[sector(app.inst)])
        source = rr.choice(S.ANDROID + [S.DOWNLOAD, S.HARMONY])
        icon, icon_how = _icon(app, rr, 0.3, 0.4, name)
        accept = [app.app_id] + [a.app_id for a in app.inst.apps if a.app_id != app.app_id]
        out.append(
            Spec(
                key,
                source,
                name,
                "counterfeit",
                "package_typosquat",
                app.inst.legal,
                accept,
                {"app": app.app_id, "of": app.android, "trick": how, "icon": icon_how},
                pkg,
                I.company(rr) if rr.random() < 0.8 else None,
                fmt_cert(I.cert(key), "plain"),
                icon,
            )
        )
    return out


def copied_developer(apps) -> list:
    out = []
    r = seeding.rng("cases/copied_dev")
    pool = [a for a in apps if a.kind in ("main", "card", "life")]
    picks = r.sample(pool, N_COPIED_DEV)
    for i, app in enumerate(picks):
        key = f"copied_dev/{app.app_id}/{i}"
        rr = seeding.rng(key)
        inst = app.inst
        dev = inst.legal if rr.random() < 0.8 else inst.en
        name = rr.choice(DEV_NAMES[sector(inst)])
        source, pkg, cert = _foreign_fields(key, rr, rr.choice(S.ANDROID + [S.HARMONY, S.DOWNLOAD]))
        cert = cert or fmt_cert(I.cert(key), "plain")
        icon, how = _icon(app, rr, 0.2, 0.5, name)
        out.append(
            Spec(
                key,
                source,
                name,
                "counterfeit",
                "copied_developer",
                inst.legal,
                [a.app_id for a in inst.apps],
                {"app": app.app_id, "developer": dev, "icon": how},
                pkg,
                dev,
                cert,
                icon,
            )
        )
    return out
