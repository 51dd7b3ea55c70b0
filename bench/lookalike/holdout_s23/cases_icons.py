"""Icon-only copies (counterfeit): a generic name, foreign identifiers and an icon derived from a
protected icon by one edit or a chain of 2-4 edits."""

from __future__ import annotations

from catalog import Catalog
from edits import EDITS, OWN_KINDS, pick_chain
from entry import Entry, label, protected_icon
from ids import stream
from names import ICON_ONLY_NAMES, developer
from sources import foreign_cert, foreign_package, kind_of, listing, pick

PER_KIND = 4
CHAINS = 60
WEIGHTS = {"android": 45, "ios": 15, "harmony": 8, "download": 12, "wxmp": 8, "alimp": 5, "wxoa": 7}


def icon_only(cat: Catalog) -> list[Entry]:
    rng = stream("case-icons")
    apps = cat.apps
    weights = [2 if a.kind == "main" else 1 for a in apps]
    jobs = [(kind, None) for kind in sorted(EDITS) for _ in range(PER_KIND)]
    jobs += [("chain", rng.choice([2, 2, 3, 3, 4])) for _ in range(CHAINS)]
    out = []
    for i, (kind, n) in enumerate(jobs):
        app = rng.choices(apps, weights=weights)[0]
        if kind == "chain":
            steps = pick_chain(rng, n)
        else:
            steps = [(kind, round(rng.uniform(0.1, 1.0), 2))]
        source = pick(rng, WEIGHTS)
        name = rng.choice(ICON_ONLY_NAMES)
        package = foreign_package(rng, source)
        lst = listing(rng, source, name, package, developer(rng, kind_of(source)), foreign_cert(rng, source))
        own = [k for k, _ in steps if k in OWN_KINDS]
        lab = label("counterfeit", f"icon_{kind}", app.inst.name, cat.same_emblem(app.emblem_key),
                    app=app.app_id, edits=[[k, s] for k, s in steps], own_invention=own)
        out.append(Entry(f"icon-{i}", lst, lab, protected_icon(app.app_id, steps)))
    return out
