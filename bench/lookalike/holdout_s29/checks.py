"""Checks of a built set; any failure stops the build (SystemExit with the list of problems)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import stores
from jsonschema import Draft202012Validator

ALLOWED = ("counterfeit", "repackaged", "unregistered", "none")
LABEL_KEYS = {"listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"}
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
PUNCT = re.compile(r"[\s·\-_.【】\[\]★『』「」《》™®()（）+]")
NAME_FREE_NEGATIVES = ("neg_other_institution", "neg_generic_finance", "neg_shared_words", "neg_generic_brand_word",
                       "neg_lookalike_style", "unrelated_app", "unrelated_mini_program")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def norm(s: str) -> str:
    return PUNCT.sub("", unicodedata.normalize("NFKC", s).translate(INVISIBLE).casefold())


def validate(out: Path, schema_dir: Path) -> list[str]:
    """Return the list of problems (empty when the set is sound)."""
    errors: list[str] = []
    icons_root = out / "icons"
    protected = load(out / "protected.jsonl")
    listings = load(out / "listings.jsonl")
    labels = load(out / "labels.jsonl")
    validators = {}
    for kind in ("protected", "listing"):
        schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validators[kind] = Draft202012Validator(schema)
    for kind, rows in (("protected", protected), ("listing", listings)):
        for i, row in enumerate(rows, 1):
            for err in validators[kind].iter_errors(row):
                errors.append(f"{kind} row {i}: schema: {err.message}")
            icon = row.get("icon")
            if icon and not (icons_root / icon).is_file():
                errors.append(f"{kind} row {i}: icon file missing: {icon}")
    # ---- ids
    app_ids = [r["app_id"] for r in protected]
    if len(set(app_ids)) != len(app_ids):
        errors.append("protected: duplicate app_id")
    ids = [r["listing_id"] for r in listings]
    if len(set(ids)) != len(ids):
        errors.append("listings: duplicate listing_id")
    if ids != [f"s29-{k:04d}" for k in range(1, len(ids) + 1)]:
        errors.append("listings: ids are not s29-0001 ... in order")
    for r in listings:
        if "icon_phash" in r or "icon_hashes" in r:
            errors.append(f"{r['listing_id']}: carries icon_phash/icon_hashes")
    # ---- the ledger
    apps_of: dict[str, list[str]] = {}
    certs_of: dict[str, set[str]] = {}
    packages_of: dict[str, set[str]] = {}
    for r in protected:
        inst = r["institution"]
        apps_of.setdefault(inst, []).append(r["app_id"])
        certs_of.setdefault(inst, set()).update(stores.norm_cert(c) for c in r.get("cert_sha256") or [])
        packages_of.setdefault(inst, set()).update(p.strip() for p in r.get("package_ids") or [])
    official_certs = set().union(*certs_of.values())
    ledger_packages = set().union(*packages_of.values())
    official_devs = {norm(d) for r in protected for d in r.get("developers") or []}
    brand_terms = sorted({norm(t) for r in protected for t in (r.get("brand_keywords") or []) + r["names"]})
    # ---- labels
    if [lb.get("listing_id") for lb in labels] != ids:
        errors.append("labels: listing ids differ from listings.jsonl (order or content)")
    for lb, row in zip(labels, listings, strict=False):
        lid = row["listing_id"]
        if set(lb) != LABEL_KEYS:
            errors.append(f"{lid}: label keys {sorted(lb)}")
            continue
        exp, case, target = lb["expected"], lb["case"], lb["target_institution"]
        if exp not in ALLOWED:
            errors.append(f"{lid}: expected {exp!r}")
        if not isinstance(lb["params"], dict):
            errors.append(f"{lid}: params is not a dict")
            continue
        if exp == "none":
            if lb["accept_app_ids"] != [] or target is not None:
                errors.append(f"{lid}: negative with a target or accepted apps")
        elif target not in apps_of or lb["accept_app_ids"] != apps_of[target]:
            errors.append(f"{lid}: accept_app_ids {lb['accept_app_ids']} != apps of {target!r}")
        cert = stores.norm_cert(row.get("cert_sha256"))
        pkg = (row.get("package_id") or "").strip()
        if exp in ("counterfeit", "repackaged") or (exp == "none" and case != "neg_official_sibling"):
            if cert in official_certs:
                errors.append(f"{lid}: {case} carries an official certificate")
        if exp == "repackaged" and pkg not in packages_of.get(target, set()):
            errors.append(f"{lid}: repackaged without the official package")
        if exp == "unregistered" and (cert not in certs_of.get(target, set()) or pkg in ledger_packages):
            errors.append(f"{lid}: unregistered needs the official certificate and a package not in the ledger")
        if case == "neg_official_sibling" and (pkg not in ledger_packages or
                                              (cert is not None and cert not in official_certs)):
            errors.append(f"{lid}: official sibling without official package/certificate")
        copied = lb["params"].get("copied_signals")
        icon_only = exp == "counterfeit" and copied == ["icon"]
        if ("icon" in case) != icon_only:
            errors.append(f"{lid}: case {case!r} vs copied signals {copied}: 'icon' in the case name iff icon-only")
        name = norm(row["name"])
        if icon_only:
            hits = [t for t in brand_terms if t and t in name]
            if hits:
                errors.append(f"{lid}: icon-only copy has a brand term in its name: {hits}")
            if pkg in ledger_packages or cert in official_certs:
                errors.append(f"{lid}: icon-only copy carries an official package or certificate")
            if row.get("developer") and norm(row["developer"]) in official_devs:
                errors.append(f"{lid}: icon-only copy carries an official developer")
            if not row.get("icon"):
                errors.append(f"{lid}: icon-only copy without an icon")
        if case in NAME_FREE_NEGATIVES:
            hits = [t for t in brand_terms if t and t in name]
            if hits:
                errors.append(f"{lid}: {case} name contains brand terms {hits}")
            if row.get("developer") and norm(row["developer"]) in official_devs:
                errors.append(f"{lid}: {case} carries an official developer")
        if case == "neg_brand_substring" and not any(t in name for t in brand_terms):
            errors.append(f"{lid}: neg_brand_substring without a brand substring")
        if exp == "counterfeit" and pkg in ledger_packages:
            errors.append(f"{lid}: counterfeit with an official package")
    return errors
