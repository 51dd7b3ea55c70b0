"""Negatives: other real institutions with their own emblems in a protected brand's colours and layout,
generic finance tools in brand colours, unrelated apps whose names share characters with a brand, and
ordinary unrelated apps."""

from __future__ import annotations

import emblem_draw as D
import emblem_families as F
import emblems as E
import identifiers as I
import negatives_data as ND
import numpy as np
import recipes as R
import seeding
import sources as S
from ledger import fmt_cert
from pypinyin import lazy_pinyin
from spec import Spec

N_ORDINARY = 156
MIN_ICON_DISTANCE = 6.0  # mean absolute grey difference (32 x 32) to every protected icon


def _thumb(img) -> np.ndarray:
    return np.asarray(img.convert("L").resize((32, 32)), np.float32)


def _slug(name: str) -> str:
    s = "".join(c for c in "".join(lazy_pinyin(name)).lower() if c.isalnum() and c.isascii())
    return s[:20] or "app"


def _fields(key, rr, token=None, slug=None):
    """(source, package, cert) of an unrelated publisher; one certificate per token (publisher)."""
    if rr.random() < 0.05:
        return S.WXMP, I.wx_appid("neg/" + key), None
    source = S.app_source(rr)
    tok = token or rr.choice(I.PKG_TOKENS)
    pkg = f"com.{tok}.{slug}" if slug else I.foreign_package(rr)
    if source == S.APPLE:
        return source, pkg, None
    return source, pkg, fmt_cert(I.cert("publisher/" + (token or key)), "plain")


class ProtectedLook:
    """Protected designs (what negatives imitate) and their thumbnails (to keep negatives distinct)."""

    def __init__(self, apps):
        seen, self.designs = set(), []
        for a in apps:
            k = (a.inst.key, a.design_key)
            if k not in seen:
                seen.add(k)
                self.designs.append((a, a.design))
        self.sigs = {F.signature(d) for _, d in self.designs}
        self.thumbs = [_thumb(E.render(a.design, a.layout)[0]) for a in apps]

    def distance(self, img) -> float:
        t = _thumb(img)
        return float(min(np.abs(t - p).mean() for p in self.thumbs))


def other_institutions(look: ProtectedLook) -> list:
    out = []
    r = seeding.rng("cases/neg_institutions")
    order = list(look.designs)
    r.shuffle(order)
    for i, (name, dev, token) in enumerate(ND.OTHER_INSTITUTIONS):
        app, proto = order[i % len(order)]
        key = f"neg_inst/{token}"
        rr = seeding.rng(key)
        texts = E.texts_for(name, token, abbr=token[:3].upper())
        same = rr.random() < 0.5
        design, dist = None, 0.0
        for attempt in range(16):
            if same and attempt == 8:
                same = False  # every variant of this family is taken by a protected design
            fam = proto["family"] if same else rr.choice([f for f in F.FAMILIES if f != proto["family"]])
            cand = E.sample_design(rr, fam, proto["palette"], texts, layout=proto["layout"])
            cand["scale"], cand["light"] = proto["scale"], proto["light"]
            if F.signature(cand) in look.sigs:
                continue
            dist = look.distance(E.render(cand)[0])
            if dist >= MIN_ICON_DISTANCE:
                design = cand
                break
        assert design is not None, name
        source, pkg, cert = _fields(key, rr, token, rr.choice(["mbank", "mobile", "app", "client"]))
        note = {
            "resembles": app.app_id,
            "family": design["family"],
            "same_family": same,
            "min_grey_distance": round(dist, 1),
        }
        out.append(
            Spec(
                key,
                source,
                name,
                "none",
                "neg_other_institution",
                None,
                [],
                dict(note),
                pkg,
                dev,
                cert,
                R.emblem(design, note),
            )
        )
    return out


def finance_tools(look: ProtectedLook) -> list:
    out = []
    r = seeding.rng("cases/neg_tools")
    order = list(look.designs)
    r.shuffle(order)
    for i, (name, kind) in enumerate(ND.FINANCE_TOOLS):
        app, proto = order[i % len(order)]
        key = f"neg_tool/{i}/{name}"
        rr = seeding.rng(key)
        layout = rr.choice(["solid", "solid", "white", "gradient"])
        source, pkg, cert = _fields(key, rr)
        note = {"resembles": app.app_id, "layout": layout}
        icon = R.pictogram(kind, proto, layout, note) if rr.random() < 0.92 else None
        out.append(
            Spec(
                key,
                source,
                name,
                "none",
                "neg_finance_tool",
                None,
                [],
                dict(note),
                pkg,
                I.company(rr),
                cert,
                icon,
            )
        )
    return out


def _brand_colours(insts, brand: str):
    for inst in insts:
        texts = [inst.short] + inst.keywords + [n for a in inst.apps for n in a.names]
        if any(brand == t or brand in t for t in texts):
            return inst, tuple(D.hex_rgb(c) for c in inst.palette)
    return None, None


def shared_chars(insts) -> list:
    out = []
    for i, (name, dev, brand) in enumerate(ND.SHARE_CHARS):
        key = f"neg_share/{i}/{name}"
        rr = seeding.rng(key)
        inst, cols = _brand_colours(insts, brand)
        use = cols if rr.random() < 0.5 else None
        source, pkg, cert = _fields(key, rr, None, _slug(name))
        collision = any(k in name for ins in insts for k in ins.keywords)
        note = {"shares_with": brand, "brand_colours": bool(use), "keyword_substring": collision}
        icon = R.generic(name, use) if rr.random() < 0.9 else None
        out.append(
            Spec(
                key,
                source,
                name,
                "none",
                "neg_shared_characters",
                None,
                [],
                note,
                pkg,
                dev or I.company(rr),
                cert,
                icon,
            )
        )
    return out


def ordinary() -> list:
    out = []
    r = seeding.rng("cases/ordinary")
    picks = r.sample(ND.ORDINARY, N_ORDINARY)
    for i, (name, devkey) in enumerate(picks):
        key = f"ordinary/{i}/{name}"
        rr = seeding.rng(key)
        dev, tok = ND.DEVS[devkey] if devkey else (I.company(rr), None)
        source, pkg, cert = _fields(key, rr, tok, _slug(name))
        icon = R.generic(name) if rr.random() < 0.9 else None
        out.append(Spec(key, source, name, "none", "ordinary", None, [], {}, pkg, dev, cert, icon))
    return out
