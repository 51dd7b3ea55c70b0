"""Self-check of a built set: schemas, ids, label alignment, attributions, icons. Exit status 1 on a problem."""

from __future__ import annotations

import json
import os
import sys

from jsonschema import Draft202012Validator
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "..", "..", "src", "appgov", "engines", "lookalike", "data")
EXPECTED = {"none", "counterfeit", "repackaged", "unregistered_official"}
LABEL_KEYS = {"listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"}


def _rows(path: str) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _icon_ok(root: str, rel: str) -> str | None:
    p = os.path.join(root, rel)
    if not os.path.isfile(p):
        return f"missing icon {rel}"
    try:
        with Image.open(p) as im:
            im.load()
            if min(im.size) < 16:
                return f"icon too small {rel}"
    except Exception as e:  # noqa: BLE001 - any decoding failure is a problem
        return f"unreadable icon {rel}: {e}"
    return None


def check(out: str) -> list:
    problems = []
    validators = {}
    for kind in ("protected", "listing"):
        with open(os.path.join(SCHEMAS, f"{kind}.schema.json"), encoding="utf-8") as f:
            validators[kind] = Draft202012Validator(json.load(f))
    protected = _rows(os.path.join(out, "protected.jsonl"))
    listings = _rows(os.path.join(out, "listings.jsonl"))
    labels = _rows(os.path.join(out, "labels.jsonl"))
    icons = os.path.join(out, "icons")
    apps = {}
    for i, row in enumerate(protected, 1):
        problems += [f"protected:{i}: {e.message}" for e in validators["protected"].iter_errors(row)]
        if row.get("app_id") in apps:
            problems.append(f"protected:{i}: duplicate app_id {row.get('app_id')}")
        apps[row.get("app_id")] = row
        if not row.get("icon"):
            problems.append(f"protected:{i}: no icon")
        elif (p := _icon_ok(icons, row["icon"])) is not None:
            problems.append(f"protected:{i}: {p}")
    if len(listings) != len(labels):
        problems.append(f"{len(listings)} listings but {len(labels)} labels")
    seen = set()
    for i, (lst, lab) in enumerate(zip(listings, labels, strict=False), 1):
        problems += [f"listings:{i}: {e.message}" for e in validators["listing"].iter_errors(lst)]
        lid = lst.get("listing_id")
        if lid in seen:
            problems.append(f"listings:{i}: duplicate listing_id {lid}")
        seen.add(lid)
        if lid != f"s24-{i:04d}":
            problems.append(f"listings:{i}: id {lid} out of sequence")
        if "icon_phash" in lst or "icon_hashes" in lst:
            problems.append(f"listings:{i}: precomputed icon hash")
        if set(lab) != LABEL_KEYS:
            problems.append(f"labels:{i}: keys {sorted(lab)}")
            continue
        if lab["listing_id"] != lid:
            problems.append(f"labels:{i}: listing_id {lab['listing_id']} != {lid}")
        if lab["expected"] not in EXPECTED:
            problems.append(f"labels:{i}: expected {lab['expected']}")
        if not isinstance(lab["params"], dict) or not isinstance(lab["case"], str) or not lab["case"]:
            problems.append(f"labels:{i}: params/case")
        acc = lab["accept_app_ids"]
        if (lab["expected"] == "none") != (len(acc) == 0):
            problems.append(f"labels:{i}: accept_app_ids {acc} with expected {lab['expected']}")
        for a in acc:
            if a not in apps:
                problems.append(f"labels:{i}: unknown app {a}")
            elif apps[a]["institution"] != lab["target_institution"]:
                problems.append(f"labels:{i}: app {a} not of {lab['target_institution']}")
        icon_case = lab["case"].startswith("icon_")
        if icon_case != ("edits" in lab["params"]) or (icon_case and "icon" not in lab["case"]):
            problems.append(f"labels:{i}: icon-only case naming")
        if icon_case and not lst.get("icon"):
            problems.append(f"labels:{i}: icon-only case without icon")
        if lst.get("icon") and (p := _icon_ok(icons, lst["icon"])) is not None:
            problems.append(f"listings:{i}: {p}")
    return problems


def main(out: str) -> int:
    problems = check(out)
    for p in problems[:50]:
        print("selfcheck:", p, file=sys.stderr)
    if problems:
        print(f"selfcheck: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("selfcheck: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "out")))
