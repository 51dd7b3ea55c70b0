"""Name copies: an official name, alias or brand keyword, plain or disguised, on a foreign listing."""

from __future__ import annotations

import random

from catalog import App
from common import (
    Ctx,
    Item,
    foreign_cert,
    foreign_package,
    label,
    other_developer,
    random_format,
    random_size,
    sub_rng,
)
from disguise import CJK_HOMO, COMPAT, LATIN_HOMO, disguise
from pictos import EVERYDAY, draw_picto

COUNTS = {
    "suffix": 14,
    "prefix": 6,
    "emoji": 10,
    "spaces": 8,
    "symbols": 10,
    "zero_width": 6,
    "homoglyph": 12,
    "fullwidth": 4,
    "traditional": 10,
    "pinyin": 8,
    "exact": 8,
    "mini_program": 9,
    "official_account": 5,
}
# official names too ordinary to be copied on their own (a person would not see a brand in them)
ORDINARY_APP_NAMES = {
    "买单吧",
    "发现精彩",
    "全民生活",
    "太平通",
    "泰生活",
    "缤纷生活",
    "兴业生活",
    "掌上生活",
    "信e投",
    "阳光惠生活",
    "拉卡拉钱包",
}
MP_TAILS = ["积分商城", "在线服务", "理财", "客服", "服务大厅", "福利社", "额度查询", "贷款申请"]
GH_TAILS = ["服务号", "客服中心", "福利社", "信用卡中心", "理财课堂"]
PLATFORMS = ["a"] * 6 + ["i"] * 3 + ["h"]


def _bases(app: App) -> list[str]:
    names = [n for n in app.names if n not in ORDINARY_APP_NAMES]
    return names + app.keywords


def _has_homoglyph(s: str) -> bool:
    return any(c in LATIN_HOMO or c in CJK_HOMO or c in COMPAT for c in s)


def _pick(ctx: Ctx, rng: random.Random, kind: str, app: App) -> tuple[str, str, App]:
    """(name, base, target app) for one copy."""
    main = ctx.app[ctx.by_inst[app.inst_key][0]]
    kws = app.keywords
    if kind == "fullwidth":
        base = rng.choice([k for k in kws if k.isascii()])
        return disguise(kind, base, rng), base, main
    if kind == "pinyin":
        return disguise(kind, "", rng, pinyin=app.pinyin), app.pinyin, main
    if kind == "traditional":
        if rng.random() < 0.5:
            return disguise(kind, "", rng, trad=app.trad), app.trad, main
        base = rng.choice([n for n in app.names if n not in ORDINARY_APP_NAMES])
        return disguise(kind, base, rng), base, app
    if kind == "mini_program":
        base = rng.choice([k for k in kws if not k.isascii()])
        return base + rng.choice(MP_TAILS), base, main
    if kind == "official_account":
        base = rng.choice([k for k in kws if not k.isascii()])
        return base + rng.choice(GH_TAILS), base, main
    if kind == "exact":
        base = rng.choice([n for n in app.names if n not in ORDINARY_APP_NAMES])
        return base, base, app
    pool = [b for b in _bases(app) if kind != "homoglyph" or _has_homoglyph(b)]
    if kind in ("spaces", "zero_width"):
        pool = [b for b in pool if 2 <= len(b) <= 8] or pool
    base = rng.choice(pool)
    target = app if base in app.names else main
    return disguise(kind, base, rng), base, target


def build(ctx: Ctx) -> list[Item]:
    rng = sub_rng("name")
    kinds = [k for k, n in COUNTS.items() for _ in range(n)]
    rng.shuffle(kinds)
    apps = [a for a in ctx.apps if [n for n in a.names if n not in ORDINARY_APP_NAMES]]
    order = list(apps)
    rng.shuffle(order)
    items = []
    i = 0
    for kind in kinds:
        while True:
            app = order[i % len(order)]
            i += 1
            if kind == "fullwidth" and not any(k.isascii() for k in app.keywords):
                continue
            break
        name, base, target = _pick(ctx, rng, kind, app)
        plat = {"mini_program": rng.choice(["w", "w", "l"]), "official_account": "g"}.get(kind) or rng.choice(
            PLATFORMS
        )
        params: dict = {"platform": plat, "disguise": kind, "base": base}
        icon = None
        if rng.random() < 0.55:
            img, pp = draw_picto(rng.choice(sorted(EVERYDAY)), rng)
            fmt, q = random_format(rng)
            icon, info = ctx.save_icon(img, fmt, random_size(rng), q)
            params.update(picto=pp, **info)
        row = ctx.listing(
            rng,
            plat,
            name,
            foreign_package(plat, rng),
            other_developer(rng, ctx),
            foreign_cert(plat, rng),
            icon,
        )
        case = "name_" + kind
        items.append(Item(row, label(case, "counterfeit", target, ctx.apps_of(target.inst_key), params)))
    return items
