"""Negative cases: official listings, legitimate look-alike-ish apps (hard negatives), ordinary apps."""

from __future__ import annotations

import io

import neg_data as nd
from cases_pos import case
from institutions import INSTITUTIONS
from listing_factory import ALI_MP, ANDROID, DOWNLOAD, HARMONY, IOS, WX_MP, foreign_cert, make
from PIL import Image
from seeds import pick, shuffled, stream

N_OFFICIAL = 30
N_UNRELATED = 180
KEY_TO_INST = {i["key"]: i["institution"] for i in INSTITUTIONS}


def neg_spec(fam, p, colour, scheme) -> dict:
    colour = tuple(colour)
    if scheme == "dark":
        return {"family": fam, "p": dict(p), "fg": (255, 255, 255), "accent": (255, 214, 120), "bg": colour,
                "bg2": tuple(max(0, v - 45) for v in colour)}
    acc = tuple(min(255, v + 70) for v in colour[::-1])
    return {"family": fam, "p": dict(p), "fg": colour, "accent": acc, "bg": (255, 255, 255)}


def _neg(row, img, kind, resembles, params):
    label = {"listing_id": None, "expected": None, "case": kind,
             "target_institution": KEY_TO_INST.get(resembles) if resembles else None, "accept_app_ids": [],
             "params": params}
    return {"row": row, "icon": img, "label": label, "size": 256}


def _is_mp(pkg: str) -> str | None:
    if pkg.startswith("wx") and len(pkg) == 18:
        return WX_MP
    if pkg.startswith("2021") and pkg.isdigit():
        return ALI_MP
    return None


def _pkg_source(rng, pkg: str, first: bool) -> str:
    mp = _is_mp(pkg)
    if mp:
        return mp
    return pick(rng, ANDROID + [HARMONY]) if first else IOS


def official_cases(ctx) -> list[dict]:
    out = []
    combos = [(a, i) for a in ctx.app_ids for i in range(len(ctx.row[a]["package_ids"]))]
    chosen = shuffled(stream("official/choose"), combos)
    # every MP AppID first, then the rest, so that mini-program official listings are present
    chosen.sort(key=lambda c: 0 if _is_mp(ctx.row[c[0]]["package_ids"][c[1]]) else 1)
    for n, (app_id, i) in enumerate(chosen[:N_OFFICIAL]):
        tag = f"official/{n}"
        rng = stream(tag)
        row = ctx.row[app_id]
        pkg = row["package_ids"][i]
        source = _pkg_source(rng, pkg, i == 0)
        cert = pick(rng, row["cert_sha256"])
        how = pick(rng, ["same", "same", "jpeg", "large"])
        icon = ctx.icon(app_id).copy()
        if how == "jpeg":
            buf = io.BytesIO()
            icon.save(buf, "JPEG", quality=90)
            buf.seek(0)
            icon = Image.open(buf).convert("RGB")
        lrow, img = make(rng, source, pick(rng, row["names"]), pkg, row["developers"][0], cert, icon, tag)
        c = case(lrow, img, None, "hardneg_official", ctx, app_id,
                 {"app_id": app_id, "package": pkg, "icon": how})
        c["size"] = 512 if how == "large" else 256
        out.append(c)
    return out


def _table_cases(ctx, table, kind, with_resembles=True) -> list[dict]:
    out = []
    for n, entry in enumerate(table):
        if with_resembles:
            name, dev, pkg, (fam, p, col, scheme), resembles = entry
        else:
            name, dev, pkg, (fam, p, col, scheme) = entry
            resembles = None
        tag = f"{kind}/{n}"
        rng = stream(tag)
        source = pick(rng, ANDROID + ANDROID + [IOS, HARMONY])
        spec = neg_spec(fam, p, col, scheme)
        if fam in ("char_glyph",) and scheme == "light" and p.get("frame", True):
            spec.update(fg=tuple(col), accent=tuple(col))
        lrow, img = make(rng, source, name, pkg if source != IOS else pkg + ".ios", dev, foreign_cert(tag), spec,
                         tag)
        out.append(_neg(lrow, img, kind, resembles, {"resembles": resembles, "family": fam}))
    return out


def hard_negatives(ctx) -> list[dict]:
    return (official_cases(ctx) + _table_cases(ctx, nd.OTHER_INSTITUTIONS, "hardneg_other_institution")
            + _table_cases(ctx, nd.SHARED_WORD, "hardneg_shared_word") + _table_cases(ctx, nd.CITY, "hardneg_city")
            + _table_cases(ctx, nd.GENERIC_FINANCE, "hardneg_generic_finance", with_resembles=False)
            + _table_cases(ctx, nd.SIMILAR_EMBLEM, "hardneg_similar_emblem"))


def unrelated(ctx) -> list[dict]:
    out = []
    apps = nd.UNRELATED
    extra = set(shuffled(stream("unrelated/extra"), list(range(len(apps))))[: N_UNRELATED - 2 * len(apps)])
    for n, (name, pkg, fam) in enumerate(apps):
        arng = stream(f"unrelated/app/{n}")
        dev = ctx.company(arng)
        cert = foreign_cert(f"unrelated/{pkg}")
        spec = ctx.generic_icon(arng, finance=False)
        spec["family"] = fam
        img = None
        sources = shuffled(arng, ANDROID + [IOS] + DOWNLOAD[:2])[: 3 if n in extra else 2]
        for j, source in enumerate(sources):
            tag = f"unrelated/{n}/{j}"
            rng = stream(tag)
            lrow, im = make(rng, source, name, pkg if source != IOS else pkg + ".ios", dev, cert,
                            spec if img is None else img, tag)
            img = im
            out.append(_neg(lrow, im.copy(), "unrelated", None, {"family": fam}))
    return out


def all_negative(ctx) -> list[dict]:
    return hard_negatives(ctx) + unrelated(ctx)
