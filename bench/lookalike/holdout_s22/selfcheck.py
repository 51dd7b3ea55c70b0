"""Checks of a built set: schemas, ids, label alignment, icon files, label consistency."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jsonschema import Draft202012Validator
from PIL import Image

REPO = Path(__file__).resolve().parents[3]
SCHEMAS = REPO / "src" / "appgov" / "engines" / "lookalike" / "data"
GENERIC_CASES = ("neg_unrelated", "hardneg_generic_bankish", "hardneg_similar_style")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(out: Path) -> list[str]:
    problems: list[str] = []
    protected = load_jsonl(out / "protected.jsonl")
    listings = load_jsonl(out / "listings.jsonl")
    labels = load_jsonl(out / "labels.jsonl")
    pv = Draft202012Validator(json.loads((SCHEMAS / "protected.schema.json").read_text(encoding="utf-8")))
    lv = Draft202012Validator(json.loads((SCHEMAS / "listing.schema.json").read_text(encoding="utf-8")))
    for i, p in enumerate(protected, 1):
        for err in pv.iter_errors(p):
            problems.append(f"protected.jsonl:{i}: {err.message}")
    for i, x in enumerate(listings, 1):
        for err in lv.iter_errors(x):
            problems.append(f"listings.jsonl:{i}: {err.message}")
        if "icon_phash" in x or "icon_hashes" in x:
            problems.append(f"listings.jsonl:{i}: carries a precomputed hash")

    apps = {p["app_id"]: p for p in protected}
    if len(apps) != len(protected):
        problems.append("protected app_id not unique")
    ids = [x["listing_id"] for x in listings]
    if len(set(ids)) != len(ids):
        problems.append("listing_id not unique")
    if any(not re.fullmatch(r"s22-\d{4}", i) for i in ids):
        problems.append("listing_id not of the form s22-NNNN")
    if ids != [f"s22-{i:04d}" for i in range(1, len(ids) + 1)]:
        problems.append("listing ids are not s22-0001 ... in order")
    if len(labels) != len(listings):
        problems.append(f"{len(labels)} labels for {len(listings)} listings")
    keywords = [k.lower() for p in protected for k in (p.get("brand_keywords") or [])]

    icons = out / "icons"
    for p in protected:
        if not (icons / p["icon"]).is_file():
            problems.append(f"protected {p['app_id']}: icon {p['icon']} missing")
    for x, lab in zip(listings, labels, strict=False):
        lid = x["listing_id"]
        if lab["listing_id"] != lid:
            problems.append(f"label {lab['listing_id']} not aligned with listing {lid}")
            continue
        if x.get("icon"):
            path = icons / x["icon"]
            if not path.is_file():
                problems.append(f"{lid}: icon {x['icon']} missing")
            else:
                try:
                    with Image.open(path) as im:
                        im.verify()
                except Exception as exc:  # noqa: BLE001
                    problems.append(f"{lid}: icon unreadable ({exc})")
        exp, case, tgt, acc = lab["expected"], lab["case"], lab["target_app_id"], lab["accept_app_ids"]
        if exp not in ("counterfeit", "none"):
            problems.append(f"{lid}: expected {exp!r}")
        for a in acc:
            if a not in apps:
                problems.append(f"{lid}: accept id {a} not protected")
        if tgt is not None and tgt not in apps:
            problems.append(f"{lid}: target {tgt} not protected")
        if exp == "counterfeit":
            if tgt is None or tgt not in acc:
                problems.append(f"{lid}: counterfeit without target in accept_app_ids")
            elif lab["target_institution"] != apps[tgt]["institution"]:
                problems.append(f"{lid}: target_institution differs from the target's")
        elif case.startswith("official"):
            if acc != [tgt]:
                problems.append(f"{lid}: official listing should accept only its own app")
            ref = apps[tgt]
            if x.get("package_id") not in (ref.get("package_ids") or []):
                problems.append(f"{lid}: official listing on a package the app does not list")
            c = (x.get("cert_sha256") or "").replace(":", "").lower()
            if c and c not in [k.lower() for k in ref.get("cert_sha256") or []]:
                problems.append(f"{lid}: official listing on a foreign certificate")
        elif tgt is not None or acc:
            problems.append(f"{lid}: negative with a target")
        icon_only = bool(lab["params"].get("name_generic"))
        if icon_only != ("icon" in case):
            problems.append(f"{lid}: case {case!r} and icon-only flag disagree")
        if icon_only and not x.get("icon"):
            problems.append(f"{lid}: icon-only case without icon")
        if icon_only or case in GENERIC_CASES:
            low = x["name"].lower()
            hit = [k for k in keywords if k in low]
            if hit:
                problems.append(f"{lid}: generic name {x['name']!r} contains brand keyword {hit}")
        if case.startswith("name_") and tgt in apps and x["name"] in apps[tgt]["names"]:
            problems.append(f"{lid}: name copy equals an official name")
    return problems
