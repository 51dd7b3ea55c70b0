"""Checks of the written set; returns a list of problems (empty: fine)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from catalog import Catalog
from designs import signature
from ids import norm_cert
from jsonschema import Draft202012Validator
from names import normalise
from PIL import Image
from sources import carries_cert

SCHEMAS = Path(__file__).resolve().parents[3] / "src" / "appgov" / "engines" / "lookalike" / "data"
EXPECTED = {"counterfeit", "repackaged", "unregistered_official", "none"}
LABEL_KEYS = {"listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _icon_ok(path: Path) -> bool:
    try:
        with Image.open(path) as im:
            im.load()
            return im.width >= 16 and im.height >= 16
    except Exception:  # any failure to read is a problem to report
        return False


def check(out: Path, cat: Catalog) -> list[str]:
    problems: list[str] = []
    pv = Draft202012Validator(json.loads((SCHEMAS / "protected.schema.json").read_text(encoding="utf-8")))
    lv = Draft202012Validator(json.loads((SCHEMAS / "listing.schema.json").read_text(encoding="utf-8")))
    protected = _read(out / "protected.jsonl")
    listings = _read(out / "listings.jsonl")
    labels = _read(out / "labels.jsonl")
    icons = out / "icons"

    apps = {}
    for i, p in enumerate(protected, 1):
        problems += [f"protected.jsonl:{i}: {e.message}" for e in pv.iter_errors(p)]
        if p["app_id"] in apps:
            problems.append(f"protected.jsonl:{i}: duplicate app_id {p['app_id']}")
        apps[p["app_id"]] = p
        if not _icon_ok(icons / p["icon"]):
            problems.append(f"protected.jsonl:{i}: icon missing or unreadable")
    institutions = {p["institution"] for p in protected}
    keywords = sorted({_fold(k) for p in protected for k in p["brand_keywords"]})
    official_names = {normalise(n) for p in protected for n in p["names"]}
    packages = {x for p in protected for x in p["package_ids"]}
    certs = {norm_cert(c) for p in protected for c in p["cert_sha256"]}
    developers = {d for p in protected for d in p["developers"]}
    protected_sigs = {signature(*a.emblem) for a in cat.apps}
    protected_families = {a.emblem[0] for a in cat.apps}
    protected_glyphs = {a.emblem[1]["ch"] for a in cat.apps if "ch" in a.emblem[1]}

    if len(labels) != len(listings):
        problems.append(f"{len(labels)} labels for {len(listings)} listings")
    ids = [x["listing_id"] for x in listings]
    if len(set(ids)) != len(ids):
        problems.append("listing ids not unique")
    referenced = set()
    for i, (x, lab) in enumerate(zip(listings, labels, strict=False), 1):
        where = f"listing {i} ({x.get('listing_id')})"
        errors = [f"{where}: {e.message}" for e in lv.iter_errors(x)]
        problems += errors
        if errors:
            continue
        if x["listing_id"] != f"s23-{i:04d}":
            problems.append(f"{where}: id out of order")
        if not isinstance(lab, dict) or set(lab) != LABEL_KEYS:
            problems.append(f"{where}: label keys {sorted(lab)}")
            continue
        if lab["listing_id"] != x["listing_id"]:
            problems.append(f"{where}: label for {lab['listing_id']}")
        exp, case, params = lab["expected"], lab["case"], lab["params"]
        accept = lab["accept_app_ids"]
        if exp not in EXPECTED:
            problems.append(f"{where}: expected {exp!r}")
        if not re.fullmatch(r"[a-z0-9_]+", case):
            problems.append(f"{where}: case {case!r}")
        if any(a not in apps for a in accept):
            problems.append(f"{where}: accept_app_ids not protected: {accept}")
        if exp == "none":
            if accept or lab["target_institution"] is not None:
                problems.append(f"{where}: a none label with a target")
        else:
            if not accept or lab["target_institution"] not in institutions:
                problems.append(f"{where}: no target")
            elif any(apps[a]["institution"] != lab["target_institution"] for a in accept if a in apps):
                problems.append(f"{where}: accepted app of another institution")
        if x["icon"] is not None:
            referenced.add(x["icon"])
            if not _icon_ok(icons / x["icon"]):
                problems.append(f"{where}: icon missing or unreadable")
        name, pkg, cert = _fold(x["name"]), x["package_id"], norm_cert(x["cert_sha256"])
        has_kw = [k for k in keywords if k in name]
        if case.startswith("official"):
            app = apps.get(params.get("app"))
            if app is None or pkg not in app["package_ids"]:
                problems.append(f"{where}: official listing off its own package")
            elif carries_cert(x["source"]) and cert not in {norm_cert(c) for c in app["cert_sha256"]}:
                problems.append(f"{where}: official listing off its own certificate")
            elif not carries_cert(x["source"]) and cert is not None:
                problems.append(f"{where}: a certificate on a source that carries none")
            renamed = case == "official_dev_renamed"
            if renamed == (x["developer"] in app["developers"]):
                problems.append(f"{where}: developer does not fit {case}")
        elif exp == "unregistered_official":
            if pkg in packages or cert not in certs:
                problems.append(f"{where}: not an unregistered official build")
            if any(cert not in {norm_cert(c) for c in apps[a]["cert_sha256"]} for a in accept):
                problems.append(f"{where}: accepted app without this certificate")
        elif exp == "repackaged":
            if pkg not in packages or cert is None or cert in certs:
                problems.append(f"{where}: not a repackaged build")
            if any(pkg not in apps[a]["package_ids"] for a in accept):
                problems.append(f"{where}: accepted app without this package")
        else:
            if pkg in packages or (cert is not None and cert in certs):
                problems.append(f"{where}: foreign listing on an official package or certificate")
            if not carries_cert(x["source"]) and cert is not None:
                problems.append(f"{where}: a certificate on a source that carries none")
        if exp == "counterfeit" and normalise(x["name"]) in official_names:
            problems.append(f"{where}: name copy equals an official name")
        if "icon" in case:
            if exp != "counterfeit" or x["icon"] is None:
                problems.append(f"{where}: icon-only case without an icon")
            if has_kw:
                problems.append(f"{where}: icon-only name holds brand keyword {has_kw}")
            if x["developer"] in developers:
                problems.append(f"{where}: icon-only listing with an official developer")
        if exp == "none" and not case.startswith("official"):
            if has_kw:
                problems.append(f"{where}: negative name holds brand keyword {has_kw}")
            if x["developer"] in developers:
                problems.append(f"{where}: negative with an official developer")
            design = params.get("design")
            if design in protected_sigs:
                problems.append(f"{where}: negative reuses a protected design")
            elif design and design.split("|")[0] in protected_families:
                glyph = re.search(r"ch=([^,]+)", design)
                if design.split("|")[0] not in ("char", "letter") or not glyph or glyph.group(1) in protected_glyphs:
                    problems.append(f"{where}: negative in a protected emblem family: {design}")
    stray = {p.relative_to(icons).as_posix() for p in (icons / "l").glob("*")} - referenced
    if stray:
        problems.append(f"{len(stray)} listing icons not referenced")
    problems += _counts(cat, listings, labels)
    return problems


def _counts(cat: Catalog, listings: list[dict], labels: list[dict]) -> list[str]:
    from edits import OWN_KINDS

    labels = [lab for lab in labels if isinstance(lab, dict) and set(lab) == LABEL_KEYS]
    icon_only = [lab for lab in labels if "icon" in lab["case"]]
    kinds = {k for lab in icon_only for k, _ in lab["params"].get("edits", [])}
    negatives = [lab for lab in labels if lab["expected"] == "none" and not lab["case"].startswith("official")]
    hard = [lab for lab in labels if lab["case"].startswith("hard_")]
    rules = [
        (40 <= len(cat.institutions) <= 45, f"{len(cat.institutions)} institutions"),
        (60 <= len(cat.apps) <= 65, f"{len(cat.apps)} protected apps"),
        (700 <= len(listings) <= 800, f"{len(listings)} listings"),
        (len(icon_only) >= 200, f"{len(icon_only)} icon-only"),
        (len(kinds) >= 20, f"{len(kinds)} edit kinds"),
        (len(kinds & set(OWN_KINDS)) >= 8, f"{len(kinds & set(OWN_KINDS))} own edit kinds"),
        (any(len(lab["params"].get("edits", [])) >= 2 for lab in icon_only), "no chains"),
        (len(negatives) >= 250, f"{len(negatives)} negatives"),
        (len(hard) >= 80, f"{len(hard)} hard negatives"),
        (len({x["source"] for x in listings}) >= 10, "too few sources"),
        (any(x["icon"] is None for x in listings), "every listing has an icon"),
    ]
    return [f"count: {msg}" for ok, msg in rules if not ok]
