"""Icon-only copies: generic name, foreign package, developer and certificate; the only brand evidence is
an edited copy of a protected app's icon. Every case name holds "icon"."""

from __future__ import annotations

import edits
import identifiers as I
import recipes as R
import seeding
import sources as S
from ledger import fmt_cert
from negatives_data import GENERIC_NAMES
from spec import Spec

STRENGTHS = [0.12, 0.37, 0.62, 0.87]
N_CHAINS = 56


def _same_design(app) -> list:
    """Apps whose icon is drawn from the same emblem design (an acceptable attribution)."""
    return [app.app_id] + [a.app_id for a in app.inst.apps if a.design_key == app.design_key and a is not app]


def _listing_fields(key, rr):
    x = rr.random()
    if x < 0.06:
        return S.WXMP, I.wx_appid("icon/" + key), None
    if x < 0.09:
        return S.ALIMP, I.alipay_appid("icon/" + key), None
    if x < 0.12:
        return S.WXOA, I.gh_id("icon/" + key), None
    source = S.app_source(rr)
    if source == S.APPLE:
        return source, I.foreign_ios(rr), None
    return source, I.foreign_package(rr), fmt_cert(I.cert(key), rr.choice(["plain", "upper", "colon_upper"]))


def icon_copies(apps) -> list:
    out = []
    r = seeding.rng("cases/icon")
    order = []
    kinds = sorted(edits.KINDS)
    n_total = len(kinds) * len(STRENGTHS) + N_CHAINS
    while len(order) < n_total:
        chunk = list(apps)
        r.shuffle(chunk)
        order += chunk
    jobs = [([k], [s]) for k in kinds for s in STRENGTHS]
    cr = seeding.rng("cases/icon/chains")
    for _ in range(N_CHAINS):
        n = cr.choice([2, 2, 3, 3, 4])
        ks = edits.pick_chain(cr, n)
        top = 0.55 if n == 2 else (0.45 if n == 3 else 0.38)
        jobs.append((ks, [round(cr.uniform(0.12, top), 3) for _ in ks]))
    for i, (ks, ss) in enumerate(jobs):
        app = order[i]
        case = f"icon_{ks[0]}" if len(ks) == 1 else "icon_chain"
        key = f"icon/{i:03d}/{'+'.join(ks)}/{app.app_id}"
        rr = seeding.rng(key)
        ss = [round(min(0.97, max(0.03, s + rr.uniform(-0.05, 0.05))), 3) if len(ks) == 1 else s for s in ss]
        source, pkg, cert = _listing_fields(key, rr)
        name = rr.choice(GENERIC_NAMES)
        dev = I.company(rr) if rr.random() < 0.85 else None
        params = {
            "app": app.app_id,
            "edits": ks,
            "strengths": ss,
            "own_invention": [k in edits.OWN_KINDS for k in ks],
        }
        out.append(
            Spec(
                key,
                source,
                name,
                "counterfeit",
                case,
                app.inst.legal,
                _same_design(app),
                params,
                pkg,
                dev,
                cert,
                R.edited(app, ks, ss),
                min_size=96,
            )
        )
    return out
