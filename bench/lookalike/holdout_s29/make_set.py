"""Build the holdout_s29 look-alike set: protected apps, store listings and their labels.

    /work/main/.venv/bin/python bench/lookalike/holdout_s29/make_set.py [--out DIR]

Everything random is drawn from random.Random(2929) and numpy.random.default_rng(2929), in a fixed order,
so two builds write byte-identical files. The sha256 digest of protected.jsonl + listings.jsonl +
labels.jsonl is printed at the end (and stored in summary.json).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import platform
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import cases
import checks
import cv2
import deform
import emblems
import fonts
import generic_icons
import institutions
import numpy as np
import PIL
import stores
from PIL import Image

SEED = 2929
HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE.parents[2] / "src" / "appgov" / "engines" / "lookalike" / "data"
PLAN = {  # group -> number of listings
    "icon_only": 280, "name": 100, "typosquat": 20, "developer": 20, "repackaged": 30, "unregistered": 25,
    "hard_negative": 150, "unrelated": 170,
}


def dumps(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


def build_ledger(R, icons_dir: Path) -> tuple[list[dict], list[dict]]:
    ledger, rows = [], []
    for inst in institutions.INSTITUTIONS:
        inst_cert = stores.cert(R.rng)
        fmt = R.rr.choice(["colon_upper", "plain"])
        base_style = R.rr.choice(["solid", "solid", "white"])
        for k, app in enumerate(inst["apps"]):
            certs = [stores.cert(R.rng)] if app["own_cert"] else [inst_cert]
            if k == 0 and R.rr.random() < 0.25:
                certs.append(stores.cert(R.rng))  # a rotated signing key: both are listed
            mp_id = stores.wx_appid(R.rng) if app["mp"] else None
            harmony_id = app["android"] + ".harmony" if app["harmony"] else None
            packages = [p for p in (app["android"], app["ios"], mp_id, harmony_id) if p]
            app_id = f"{inst['key']}-{app['suffix']}"
            rec = emblems.protected_icon(inst, k, app, base_style)
            rec["img"].save(icons_dir / "protected" / f"{app_id}.png", optimize=False)
            developers = [inst["dev"]] + ([inst["dev_en"]] if inst["dev_en"] else [])
            rows.append({"app_id": app_id, "institution": inst["name"], "names": app["names"],
                         "brand_keywords": inst["keywords"], "package_ids": packages, "developers": developers,
                         "cert_sha256": [stores.cert_format(c, fmt) for c in certs],
                         "icon": f"protected/{app_id}.png"})
            ledger.append({"app_id": app_id, "inst": inst, "app": app, "index": k, "certs": certs,
                           "packages": packages, "developers": developers, "mp_id": mp_id,
                           "harmony_id": harmony_id, "template": rec["template"], "style": rec["style"],
                           "icon": rec})
    return ledger, rows


def render(icon, by_id, R) -> tuple[Image.Image | None, dict]:
    if icon is None:
        return None, {"source": "none"}
    kind = icon[0]
    if kind == "deform":
        img, p = deform.apply(icon[1], by_id[icon[2]]["icon"]["img"], R)
        return img, {"source": "deformed", "app_id": icon[2], **p}
    if kind == "official":
        return by_id[icon[1]]["icon"]["img"], {"source": "official", "app_id": icon[1]}
    if kind == "finance":
        img, p = generic_icons.finance_icon(R.rr)
        return img, {"source": "generic_finance", **p}
    if kind == "ordinary":
        img, p = generic_icons.ordinary_icon(R.rr, icon[1])
        return img, {"source": "ordinary", **p}
    _, template, glyph, colour, style, label = icon
    rec = emblems.emblem_icon(template, glyph, colour, style, label)
    return rec["img"], {"source": "emblem", "template": template, "glyph": glyph, "colour": list(colour),
                        "style": style, "label": label}


def encode(img: Image.Image, path_stem: Path, R) -> tuple[str, dict]:
    px = R.rr.choices([256, 192, 180, 144, 128, 512, 120, 96], [30, 14, 10, 12, 10, 10, 7, 7])[0]
    fmt = R.rr.choices(["png", "jpg", "webp"], [72, 22, 6])[0]
    if img.size != (px, px):
        img = img.resize((px, px), Image.Resampling.LANCZOS)
    enc = {"px": px, "format": fmt}
    path = path_stem.with_suffix("." + fmt)
    if fmt == "jpg":
        q = R.rr.randint(78, 95)
        enc["quality"] = q
        buf = io.BytesIO()
        deform.rgb(img).save(buf, "JPEG", quality=q)
        path.write_bytes(buf.getvalue())
    elif fmt == "webp":
        q = R.rr.randint(80, 95)
        enc["quality"] = q
        img.save(path, "WEBP", quality=q, method=4)
    else:
        img.save(path, "PNG", optimize=False)
    return path.name, enc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "out", help="output folder (default: ./out)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    out: Path = args.out.resolve()
    for name in ("protected.jsonl", "listings.jsonl", "labels.jsonl", "summary.json"):
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / "icons", ignore_errors=True)
    (out / "icons" / "protected").mkdir(parents=True, exist_ok=True)

    R = SimpleNamespace(rr=random.Random(SEED), rng=np.random.default_rng(SEED))
    ledger, protected_rows = build_ledger(R, out / "icons")
    by_id = {e["app_id"]: e for e in ledger}
    apps_of = {}
    for e in ledger:
        apps_of.setdefault(e["inst"]["name"], []).append(e["app_id"])

    b = cases.Builder(R.rr, R.rng, ledger)
    groups = {
        "icon_only": b.icon_only(), "name": b.name_copies(), "typosquat": b.typosquats(),
        "developer": b.developer_copies(), "repackaged": b.repackaged(), "unregistered": b.unregistered(),
        "hard_negative": b.negatives(), "unrelated": b.unrelated(),
    }
    for g, n in PLAN.items():
        if len(groups[g]) != n:
            raise SystemExit(f"group {g}: {len(groups[g])} listings, planned {n}")
    specs = [s for g in PLAN for s in groups[g]]
    R.rr.shuffle(specs)

    listings, labels = [], []
    for k, s in enumerate(specs, 1):
        lid = f"s29-{k:04d}"
        img, icon_params = render(s["icon"], by_id, R)
        icon_path = None
        if img is not None:
            icon_path, enc = encode(img, out / "icons" / lid, R)
            icon_params["encode"] = enc
        listings.append({"listing_id": lid, **s["listing"], "icon": icon_path})
        inst = s["inst"]
        params = {**s["params"], "copied_signals": s["signals"], "icon": icon_params}
        if s["case"].startswith("icon_"):
            params = {"app_id": s["app_id"], "copied_signals": s["signals"], **icon_params}
        labels.append({"listing_id": lid, "expected": s["expected"], "case": s["case"],
                       "target_institution": inst["name"] if inst else None,
                       "accept_app_ids": list(apps_of[inst["name"]]) if inst else [], "params": params})

    blobs = []
    for name, rows in (("protected.jsonl", protected_rows), ("listings.jsonl", listings),
                       ("labels.jsonl", labels)):
        data = "".join(dumps(r) + "\n" for r in rows).encode("utf-8")
        (out / name).write_bytes(data)
        blobs.append(data)
    digest = hashlib.sha256(b"".join(blobs)).hexdigest()

    problems = checks.validate(out, SCHEMA_DIR)
    if problems:
        print("\n".join(problems[:80]), file=sys.stderr)
        raise SystemExit(f"{len(problems)} check(s) failed")

    seconds = round(time.perf_counter() - t0, 1)
    case_counts = dict(sorted(Counter(lb["case"] for lb in labels).items()))
    summary = {
        "set": "holdout_s29", "seed": SEED, "digest_sha256": digest,
        "counts": {"protected_apps": len(protected_rows),
                   "institutions": len(apps_of), "listings": len(listings),
                   "expected": dict(sorted(Counter(lb["expected"] for lb in labels).items())),
                   "groups": {g: len(v) for g, v in groups.items()},
                   "icon_only_kinds": len(deform.KINDS), "cases": case_counts},
        "build_seconds": seconds,
        "versions": {"python": platform.python_version(), "Pillow": PIL.__version__, "numpy": np.__version__,
                     "OpenCV": cv2.__version__, "font_file": fonts.cjk_font_path()},
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(protected_rows)} protected apps, {len(listings)} listings to {out} in {seconds} s")
    print(f"sha256(protected.jsonl + listings.jsonl + labels.jsonl) = {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
