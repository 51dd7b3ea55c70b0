"""Validate a built set: schemas, ids, icons, and the consistency of every label with its listing.

python selfcheck.py [OUT_DIR]   (exit 1 on any problem)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parents[2] / "src" / "appgov" / "engines" / "lookalike" / "data"
LABEL_KEYS = ["listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"]
EXPECTED = {"name", "icon", "package", "developer", "repackaged", "unregistered", None}
CASE_EXPECTED = {"name_": "name", "icon_": "icon", "package_typosquat": "package", "developer_copy": "developer",
                 "repackaged": "repackaged", "unregistered_build": "unregistered", "hardneg_": None,
                 "unrelated": None}
BRAND_FREE = ("icon_", "package_typosquat", "developer_copy", "unrelated", "hardneg_generic_finance",
              "hardneg_similar_emblem", "hardneg_other_institution")


def _load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _norm(c: str | None) -> str | None:
    return None if c is None else c.replace(":", "").strip().upper()


def check(out: Path) -> list[str]:
    sys.path.insert(0, str(HERE))
    from context import brand_hit

    problems: list[str] = []
    pv = Draft202012Validator(json.loads((SCHEMAS / "protected.schema.json").read_text()))
    lv = Draft202012Validator(json.loads((SCHEMAS / "listing.schema.json").read_text()))
    prot = _load(out / "protected.jsonl")
    listings = _load(out / "listings.jsonl")
    labels = _load(out / "labels.jsonl")
    for i, r in enumerate(prot, 1):
        problems += [f"protected.jsonl:{i}: {e.message}" for e in pv.iter_errors(r)]
        if r.get("icon") and not (out / "icons" / r["icon"]).is_file():
            problems.append(f"protected.jsonl:{i}: missing icon {r['icon']}")
    for i, r in enumerate(listings, 1):
        problems += [f"listings.jsonl:{i}: {e.message}" for e in lv.iter_errors(r)]
        if r.get("icon") and not (out / "icons" / r["icon"]).is_file():
            problems.append(f"listings.jsonl:{i}: missing icon {r['icon']}")
    ids = [r["app_id"] for r in prot]
    if len(set(ids)) != len(ids):
        problems.append("duplicate app_id")
    lids = [r["listing_id"] for r in listings]
    if len(set(lids)) != len(lids):
        problems.append("duplicate listing_id")
    if [x["listing_id"] for x in labels] != lids:
        problems.append("labels are not one per listing in the same order")
    app = {r["app_id"]: r for r in prot}
    inst_apps: dict[str, list[str]] = {}
    for r in prot:
        inst_apps.setdefault(r["institution"], []).append(r["app_id"])
    packages = {p for r in prot for p in r.get("package_ids") or []}
    certs = {_norm(c) for r in prot for c in r.get("cert_sha256") or []}
    devs = {d for r in prot for d in r.get("developers") or []}
    names = {n for r in prot for n in r["names"]}
    keywords = sorted({k for r in prot for k in (r.get("brand_keywords") or []) + r["names"] + [r["institution"]]})
    by_id = dict(zip(lids, listings, strict=True)) if len(lids) == len(listings) else {}
    for lab in labels:
        lid = lab.get("listing_id")
        where = f"labels {lid}"
        if list(lab) != LABEL_KEYS:
            problems.append(f"{where}: keys {list(lab)}")
            continue
        row = by_id.get(lid)
        if row is None:
            problems.append(f"{where}: no listing")
            continue
        kind, exp = lab["case"], lab["expected"]
        if exp not in EXPECTED:
            problems.append(f"{where}: expected {exp!r}")
        want = [v for k, v in CASE_EXPECTED.items() if kind == k or (k.endswith("_") and kind.startswith(k))]
        if len(want) != 1 or want[0] != exp:
            problems.append(f"{where}: case {kind} vs expected {exp}")
        acc = lab["accept_app_ids"]
        if exp is None:
            if acc:
                problems.append(f"{where}: negative with accept_app_ids")
        else:
            if not acc or any(a not in app for a in acc):
                problems.append(f"{where}: bad accept_app_ids {acc}")
            elif lab["target_institution"] != app[acc[0]]["institution"] or set(acc) != set(
                    inst_apps[app[acc[0]]["institution"]]):
                problems.append(f"{where}: target/accept mismatch")
        if kind.startswith("icon") != (exp == "icon") or (exp == "icon" and "icon" not in kind):
            problems.append(f"{where}: icon case naming")
        pkg, cert, dev, name = row.get("package_id"), _norm(row.get("cert_sha256")), row.get("developer"), row["name"]
        if kind.startswith(BRAND_FREE) and brand_hit(name, keywords):
            problems.append(f"{where}: brand word {brand_hit(name, keywords)!r} in name {name!r}")
        if exp in ("name", "icon", "package", "developer") or kind.startswith("hardneg_") and kind != "hardneg_official" \
                or kind == "unrelated":
            if pkg in packages:
                problems.append(f"{where}: ledger package {pkg}")
            if cert in certs:
                problems.append(f"{where}: official certificate")
        if exp in ("name", "icon", "package") or kind == "unrelated" or kind.startswith("hardneg_") and kind not in (
                "hardneg_official",):
            if dev in devs:
                problems.append(f"{where}: official developer {dev}")
        if exp == "name" and name in names:
            problems.append(f"{where}: counterfeit name equals an official name")
        if exp == "icon" and not row.get("icon"):
            problems.append(f"{where}: icon case without icon")
        if exp == "developer" and dev not in app[acc[0]]["developers"]:
            problems.append(f"{where}: developer not copied")
        if exp == "repackaged" and (pkg not in app[acc[0]]["package_ids"] or cert is None or cert in certs):
            problems.append(f"{where}: repackaged needs official package + foreign certificate")
        if exp == "unregistered" and (pkg in packages or cert not in {_norm(c) for c in app[acc[0]]["cert_sha256"]}):
            problems.append(f"{where}: unregistered needs official certificate + unknown package")
        if kind == "hardneg_official":
            a = app.get(lab["params"].get("app_id"))
            if a is None or pkg not in a["package_ids"] or (cert is not None and cert not in {
                    _norm(c) for c in a["cert_sha256"]}) or dev not in a["developers"] or name not in a["names"]:
                problems.append(f"{where}: official listing does not match the ledger")
    return problems


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out"
    problems = check(out)
    for p in problems[:200]:
        print(p)
    print(f"selfcheck: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
