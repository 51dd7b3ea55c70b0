"""Consistency checks of a built holdout_s30 set. run(out_dir) -> list of failures (empty when all pass).

Usage: python checks.py [OUT_DIR]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
from jsonschema import Draft202012Validator
from PIL import Image

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SCHEMAS = REPO / "src" / "appgov" / "engines" / "lookalike" / "data"
LABEL_KEYS = {"listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"}
EXPECTED = {"counterfeit", "repackaged", "unregistered", "none"}
BRAND_FREE_CASES = ("icon_", "pkg_typo_", "dev_copy_", "unrelated_", "neg_similar_palette", "neg_generic_word",
                    "neg_legit_fin", "neg_substring_company")
GROUP_PREFIX = [("icon_", "icon"), ("name_", "name"), ("pkg_typo_", "typosquat"), ("dev_copy_", "developer"),
                ("repackaged_", "repackaged"), ("unregistered_", "unregistered"), ("neg_", "hard_negative"),
                ("unrelated_", "unrelated")]


def group_of(case):
    for p, g in GROUP_PREFIX:
        if case.startswith(p):
            return g
    return "?"


def nfkc(s):
    return unicodedata.normalize("NFKC", s).casefold()


def norm_cert(c):
    return re.sub(r"[\s:]", "", c).lower() if c else None


def norm_dev(d):
    return re.sub(r"[\s\u3000.]", "", unicodedata.normalize("NFKC", d)) if d else None


def read_jsonl(p):
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def icon_signature(path):
    """(64-bit dHash, 256-bit dHash, 32 x 32 grey levels) of an icon: our own sanity measures, not the engine's."""
    im = Image.open(path).convert("L")
    out = []
    for n in (8, 16):
        g = np.asarray(im.resize((n + 1, n), Image.Resampling.LANCZOS), np.int16)
        out.append((g[:, 1:] > g[:, :-1]).flatten())
    g = np.asarray(im.resize((32, 32), Image.Resampling.LANCZOS), np.float64)
    out.append((g - g.mean()) / (np.linalg.norm(g - g.mean()) + 1e-9))
    return out


def run(out, composition=None):
    out = Path(out)
    fails = []

    def fail(msg):
        if len(fails) < 200:
            fails.append(msg)

    prot = read_jsonl(out / "protected.jsonl")
    lst = read_jsonl(out / "listings.jsonl")
    lab = read_jsonl(out / "labels.jsonl")
    icons = out / "icons"

    # schema validity
    for fname, rows in (("protected.schema.json", prot), ("listing.schema.json", lst)):
        v = Draft202012Validator(json.loads((SCHEMAS / fname).read_text(encoding="utf-8")))
        for i, row in enumerate(rows, 1):
            for e in v.iter_errors(row):
                fail(f"{fname} row {i}: {e.message}")

    # ledger
    ids = [p["app_id"] for p in prot]
    if len(set(ids)) != len(ids):
        fail("protected app_id not unique")
    inst_apps, inst_certs, inst_pkgs, inst_devs = {}, {}, {}, {}
    all_pkgs, all_certs, all_names, keywords = {}, {}, set(), []
    for p in prot:
        inst = p["institution"]
        inst_apps.setdefault(inst, []).append(p["app_id"])
        for c in p.get("cert_sha256") or []:
            inst_certs.setdefault(inst, set()).add(norm_cert(c))
            if all_certs.setdefault(norm_cert(c), inst) != inst:
                fail(f"certificate shared by two institutions: {c}")
        for k in p.get("package_ids") or []:
            inst_pkgs.setdefault(inst, set()).add(k)
            if all_pkgs.setdefault(k, inst) != inst:
                fail(f"package shared by two institutions: {k}")
        for d in p.get("developers") or []:
            inst_devs.setdefault(inst, set()).add(norm_dev(d))
        all_names.update(nfkc(n) for n in p["names"])
        keywords += [(nfkc(k), inst) for k in p.get("brand_keywords") or []]
        if not (icons / p["icon"]).is_file():
            fail(f"missing protected icon {p['icon']}")
        if p["icon"] != f"protected/{p['app_id']}.png":
            fail(f"protected icon path {p['icon']}")
    for p in prot:  # no keyword of one institution inside an official name of another
        for n in p["names"]:
            for k, inst in keywords:
                if inst != p["institution"] and k in nfkc(n):
                    fail(f"keyword {k} of {inst} inside official name {n} of {p['institution']}")

    # protected icons of different institutions must differ in shape and layout, not only in hue: compare grey
    # levels only (own measures, a sanity check): 256-bit dHash distance and correlation of 32 x 32 grey images
    sigs = [(p["institution"], icon_signature(icons / p["icon"])) for p in prot]
    min64, min256, max_corr = 64, 256, -1.0
    for i in range(len(sigs)):
        for j in range(i + 1, len(sigs)):
            if sigs[i][0] != sigs[j][0]:
                a, b = sigs[i][1], sigs[j][1]
                min64 = min(min64, int((a[0] != b[0]).sum()))
                min256 = min(min256, int((a[1] != b[1]).sum()))
                max_corr = max(max_corr, float((a[2] * b[2]).sum()))
    if min256 < 16 or max_corr > 0.95:
        fail(f"two institutions' protected icons are too alike in grey (dHash-256 {min256}, corr {max_corr:.3f})")

    # listings / labels alignment
    if len(lst) != len(lab):
        fail("listings and labels differ in length")
    for i, (row, lb) in enumerate(zip(lst, lab, strict=False), 1):
        lid = f"s30-{i:04d}"
        if row["listing_id"] != lid or lb.get("listing_id") != lid:
            fail(f"row {i}: id {row['listing_id']} / {lb.get('listing_id')} != {lid}")
        if set(lb) != LABEL_KEYS:
            fail(f"{lid}: label keys {sorted(lb)}")
            continue
        if "icon_phash" in row or "icon_hashes" in row:
            fail(f"{lid}: precomputed icon hashes")
        case, exp, target = lb["case"], lb["expected"], lb["target_institution"]
        if exp not in EXPECTED:
            fail(f"{lid}: expected {exp}")
        if not case:
            fail(f"{lid}: empty case")
        if group_of(case) == "icon" and ("icon" not in case or exp != "counterfeit"):
            fail(f"{lid}: icon case {case} / {exp}")
        if group_of(case) != "icon" and "icon" in case:
            fail(f"{lid}: non-icon case named {case}")
        # accept_app_ids
        if exp == "none":
            if target is not None or lb["accept_app_ids"] != []:
                fail(f"{lid}: negative with target {target} / {lb['accept_app_ids']}")
        else:
            if target not in inst_apps or lb["accept_app_ids"] != inst_apps[target]:
                fail(f"{lid}: accept_app_ids {lb['accept_app_ids']} for {target}")
        # icon file
        ic = row.get("icon")
        if ic is not None:
            if not re.fullmatch(lid + r"\.(png|jpg|webp)", ic) or not (icons / ic).is_file():
                fail(f"{lid}: icon {ic} missing or misnamed")
        elif group_of(case) in ("icon", "repackaged", "unregistered"):
            fail(f"{lid}: {case} without an icon")
        cert, pkg, name, dev = norm_cert(row.get("cert_sha256")), row.get("package_id"), row["name"], row.get("developer")
        official_cert_of = all_certs.get(cert) if cert else None
        # certificates
        if exp in ("counterfeit", "none") and official_cert_of and case != "neg_official_sibling":
            fail(f"{lid}: {case} carries the official certificate of {official_cert_of}")
        if exp == "repackaged":
            if pkg not in inst_pkgs.get(target, set()):
                fail(f"{lid}: repackaged with non-official package {pkg}")
            if not cert or official_cert_of:
                fail(f"{lid}: repackaged without a foreign certificate")
        if exp == "unregistered":
            if cert not in inst_certs.get(target, set()):
                fail(f"{lid}: unregistered without the official certificate of {target}")
            if pkg in all_pkgs:
                fail(f"{lid}: unregistered package {pkg} is in the ledger")
        if exp == "counterfeit" and pkg in all_pkgs:
            fail(f"{lid}: counterfeit carries the official package {pkg}")
        if case == "neg_official_sibling":
            owner = all_pkgs.get(pkg)
            if owner is None or nfkc(name) not in all_names or norm_dev(dev) not in inst_devs.get(owner, set()):
                fail(f"{lid}: official sibling {name} / {pkg} not in the ledger")
            if cert and official_cert_of != owner:
                fail(f"{lid}: official sibling with a foreign certificate")
        elif exp == "none" and pkg in all_pkgs:
            fail(f"{lid}: negative {case} carries an official package")
        # names
        n = nfkc(name)
        if case.startswith(BRAND_FREE_CASES):
            if n in all_names or any(k in n for k, _ in keywords):
                fail(f"{lid}: {case} name {name!r} contains a brand keyword")
        if case == "neg_keyword_inside_word" and not any(k in n for k, _ in keywords):
            fail(f"{lid}: keyword trap {name!r} contains no keyword")
        if group_of(case) == "name" and n in all_names:
            fail(f"{lid}: name copy {name!r} is an official name")
        if group_of(case) in ("icon", "name", "typosquat", "hard_negative", "unrelated") and case not in (
                "neg_official_sibling",) and norm_dev(dev) in {d for s in inst_devs.values() for d in s}:
            fail(f"{lid}: {case} carries an official developer name")
        if group_of(case) == "developer" and norm_dev(dev) not in inst_devs.get(target, set()):
            fail(f"{lid}: developer copy {dev!r} is not an official developer of {target}")
        if group_of(case) == "typosquat":
            best = min(levenshtein(pkg, k) for k in inst_pkgs.get(target, {""}))
            if not 1 <= best <= 8:
                fail(f"{lid}: typosquat {pkg} at distance {best}")

    # no stray icon files
    referenced = {r["icon"] for r in lst if r.get("icon")} | {p["icon"] for p in prot}
    for f in icons.rglob("*"):
        if f.is_file() and f.relative_to(icons).as_posix() not in referenced:
            fail(f"stray icon file {f}")

    # summary and composition
    summ = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    if summ.get("per_expected") != dict(sorted(Counter(lb["expected"] for lb in lab).items())):
        fail("summary per_expected disagrees with labels")
    if summ.get("per_case") != dict(sorted(Counter(lb["case"] for lb in lab).items())):
        fail("summary per_case disagrees with labels")
    if composition:
        got = Counter(group_of(lb["case"]) for lb in lab)
        for g, n in composition.items():
            if got.get(g) != n:
                fail(f"composition {g}: {got.get(g)} != {n}")
    icon_kinds = Counter(lb["case"] for lb in lab if group_of(lb["case"]) == "icon")
    if any(v != 4 for v in icon_kinds.values()):
        fail("icon kinds not 4 each")
    return fails, {"protected_min_dhash64": min64, "protected_min_dhash256": min256,
                   "protected_max_grey_corr": round(max_corr, 3), "icon_kinds": len(icon_kinds)}


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    fails, info = run(out)
    for f in fails:
        print("FAIL", f)
    print(json.dumps(info))
    print("checks:", "OK" if not fails else f"{len(fails)} failure(s)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
