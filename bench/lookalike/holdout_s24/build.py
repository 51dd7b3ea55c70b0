"""Assemble every case, check the brand-evidence rules, shuffle, number, draw icons and write the set."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

import cases_counterfeit as CC
import cases_icon as CI
import cases_negative as CN
import cases_official as CO
import emblems as E
import imgutil as U
import ledger
import seeding
from PIL import Image

SIZES = [48, 64, 72, 96, 108, 120, 128, 144, 160, 180, 192, 216, 256, 300, 512]
EXPECTED = ["none", "counterfeit", "repackaged", "unregistered_official"]
HARD_NEGATIVE_CASES = {"neg_other_institution", "neg_finance_tool", "neg_shared_characters"}


def plan(insts, apps) -> list:
    ledger_pkgs = {p for a in apps for p in a.packages}
    look = CN.ProtectedLook(apps)
    specs = (
        CO.official(apps)
        + CO.renamed_developer(apps)
        + CO.unregistered(insts, apps)
        + CO.repackaged(apps)
        + CC.name_copies(insts, apps)
        + CC.typosquats(apps, ledger_pkgs)
        + CC.copied_developer(apps)
        + CI.icon_copies(apps)
        + CN.other_institutions(look)
        + CN.finance_tools(look)
        + CN.shared_chars(insts)
        + CN.ordinary()
    )
    check_evidence(specs, insts, apps)
    return specs


def _brand_strings(insts, apps):
    kws = sorted({k for i in insts for k in i.keywords} | {n for a in apps for n in a.names})
    tokens = sorted({i.token for i in insts})
    ascii_kws = sorted(
        {k.lower() for i in insts for k in i.keywords if k.isascii() and " " not in k and len(k) >= 3}
    )
    return kws, tokens, ascii_kws


def check_evidence(specs, insts, apps) -> None:
    """Icon-only copies and negatives hold no brand text and no protected identifier."""
    kws, tokens, ascii_kws = _brand_strings(insts, apps)
    ledger_pkgs = {p for a in apps for p in a.packages}
    ledger_certs = {c for a in apps for c in a.certs}
    legal = {i.legal for i in insts} | {i.en for i in insts}
    official = ("official_build", "official_renamed_developer")
    for s in specs:
        icon_only = s.case.startswith("icon_")
        if not (icon_only or (s.expected == "none" and s.case not in official)):
            continue
        text = f"{s.name} {s.developer or ''}"
        allowed = s.case == "neg_shared_characters" and s.params.get("keyword_substring")
        hits = [k for k in kws if (k.lower() in text.lower() if k.isascii() else k in text)]
        assert allowed or not hits, (s.key, hits)
        pkg = (s.package_id or "").lower()
        assert not any(t in pkg for t in tokens + (ascii_kws if icon_only else [])), (s.key, pkg)
        assert s.package_id not in ledger_pkgs, s.key
        assert (s.cert or "").replace(":", "").lower() not in ledger_certs, s.key
        assert s.developer not in legal, s.key


def assign(specs) -> list:
    order = list(specs)
    seeding.rng("shuffle").shuffle(order)
    for i, s in enumerate(order):
        s.listing_id = f"s24-{i + 1:04d}"
    return order


def save_icon(img: Image.Image, path: str, fmt: str, size: int, quality: int) -> None:
    img = img.resize((size, size), Image.LANCZOS) if img.size != (size, size) else img
    if fmt == "jpg":
        U.flatten(img).save(path, "JPEG", quality=quality)
    else:
        img.save(path, "PNG")


def write_icons(order, apps, out: str) -> None:
    os.makedirs(os.path.join(out, "icons", "protected"), exist_ok=True)
    os.makedirs(os.path.join(out, "icons", "listings"), exist_ok=True)
    for a in apps:
        tile = E.render(a.design, a.layout)[0]
        save_icon(tile, os.path.join(out, "icons", a.icon), "png", a.icon_size, 0)
    for s in order:
        if s.icon is None:
            s.params["icon"] = None
            continue
        img, p = s.icon(seeding.rng("icon/" + s.key))
        fr = seeding.rng("iconfmt/" + s.key)
        size = fr.choice([z for z in SIZES if z >= s.min_size])
        fmt = "jpg" if fr.random() < 0.35 else "png"
        q = fr.randrange(70, 96)
        rel = f"listings/{s.listing_id}.{fmt}"
        save_icon(img, os.path.join(out, "icons", rel), fmt, size, q)
        s.icon_path = rel
        s.params["icon"] = {"format": fmt, "size": size, **({"jpeg_quality": q} if fmt == "jpg" else {}), **p}


def _jsonl(path: str, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def write_set(out: str) -> dict:
    insts, apps = ledger.build()
    order = assign(plan(insts, apps))
    write_icons(order, apps, out)
    _jsonl(os.path.join(out, "protected.jsonl"), [ledger.protected_record(a) for a in apps])
    _jsonl(os.path.join(out, "listings.jsonl"), [s.listing() for s in order])
    _jsonl(os.path.join(out, "labels.jsonl"), [s.label() for s in order])
    return summary(order, insts, apps, out)


def digest(out: str) -> str:
    lines = []
    for name in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        with open(os.path.join(out, name), "rb") as f:
            lines.append(f"{name}:{hashlib.sha256(f.read()).hexdigest()}")
    root = os.path.join(out, "icons")
    for d, _, files in sorted(os.walk(root)):
        for fn in sorted(files):
            p = os.path.join(d, fn)
            with open(p, "rb") as f:
                lines.append(f"{os.path.relpath(p, root)}:{hashlib.sha256(f.read()).hexdigest()}")
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def summary(order, insts, apps, out: str) -> dict:
    by_exp = Counter(s.expected for s in order)
    icon_only = [s for s in order if s.case.startswith("icon_")]
    kinds = Counter(k for s in icon_only for k in s.params["edits"])
    return {
        "seed": seeding.SEED,
        "institutions": len(insts),
        "protected_apps": len(apps),
        "listings": len(order),
        "by_expected": {k: by_exp.get(k, 0) for k in EXPECTED},
        "by_case": dict(sorted(Counter(s.case for s in order).items())),
        "icon_only": len(icon_only),
        "icon_only_single_edit": sum(1 for s in icon_only if s.case != "icon_chain"),
        "icon_only_chains": sum(1 for s in icon_only if s.case == "icon_chain"),
        "edit_kinds": len(kinds),
        "edit_uses": dict(sorted(kinds.items())),
        "hard_negatives": sum(1 for s in order if s.case in HARD_NEGATIVE_CASES),
        "ordinary": sum(1 for s in order if s.case == "ordinary"),
        "listings_without_icon": sum(1 for s in order if s.icon_path is None),
        "icon_formats": dict(
            sorted(Counter(s.icon_path.rsplit(".", 1)[1] for s in order if s.icon_path).items())
        ),
        "sources": dict(sorted(Counter(s.source for s in order).items())),
        "digest_sha256": digest(out),
    }
