"""Writing the set: icons (protected and listings), the three JSON Lines files and report.json."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from catalog import Catalog
from designs import Rendered, render
from drawing import to_rgb
from edits import EDITS, OWN_KINDS, apply_chain
from entry import Entry
from ids import hex_digits, stream
from PIL import Image

SIZES = [512, 432, 300, 256, 216, 192, 180, 144, 128, 120, 108, 96]
LISTING_KEYS = ["source", "name", "package_id", "developer", "cert_sha256"]


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def render_protected(cat: Catalog) -> dict[str, Rendered]:
    out = {}
    for a in cat.apps:
        fam, var = a.emblem
        out[a.app_id] = render({"family": fam, "variant": var, "layout": a.layout, "primary": a.inst.primary,
                                "accent": a.inst.accent})
    return out


def write_protected(cat: Catalog, out: Path, cache: dict[str, Rendered]) -> None:
    (out / "icons" / "p").mkdir(parents=True, exist_ok=True)
    lines = []
    for a in cat.apps:
        cache[a.app_id].img.save(out / "icons" / a.icon, "PNG")
        lines.append(dump(a.record()))
    (out / "protected.jsonl").write_text("".join(lines), encoding="utf-8")


def icon_image(recipe: dict, cache: dict[str, Rendered], seed: str) -> Image.Image:
    if recipe["kind"] == "protected":
        src = cache[recipe["app"]]
        steps = [(k, s) for k, s in recipe["edits"]]
        return apply_chain(src, steps, seed) if steps else src.img
    return render(recipe["design"]).img


def save_icon(img: Image.Image, path_stem: Path, rng) -> str:
    size = rng.choice(SIZES)
    if img.size != (size, size):
        img = img.resize((size, size), Image.Resampling.LANCZOS)
    if rng.random() < 0.4:
        path = path_stem.with_suffix(".jpg")
        to_rgb(img).save(path, "JPEG", quality=rng.randint(70, 95))
    else:
        path = path_stem.with_suffix(".png")
        img.save(path, "PNG")
    return path.name


def write_listings(entries: list[Entry], out: Path, cache: dict[str, Rendered]) -> None:
    (out / "icons" / "l").mkdir(parents=True, exist_ok=True)
    names = stream("filenames")
    used: set[str] = set()
    listings, labels = [], []
    for i, e in enumerate(entries, start=1):
        lid = f"s23-{i:04d}"
        rec = {"listing_id": lid}
        rec.update({k: e.listing[k] for k in LISTING_KEYS})
        rec["icon"] = None
        if e.icon is not None:
            stem = hex_digits(names, 20)
            while stem in used:
                stem = hex_digits(names, 20)
            used.add(stem)
            img = icon_image(e.icon, cache, f"icon-{e.key}")
            rec["icon"] = "l/" + save_icon(img, out / "icons" / "l" / stem, stream(f"store-{e.key}"))
        rec.update({k: e.listing[k] for k in ("url", "first_seen", "changed_at")})
        listings.append(dump(rec))
        labels.append(dump({"listing_id": lid, **e.label}))
    (out / "listings.jsonl").write_text("".join(listings), encoding="utf-8")
    (out / "labels.jsonl").write_text("".join(labels), encoding="utf-8")


def digests(out: Path) -> dict[str, str]:
    h = hashlib.sha256()
    for name in ("protected.jsonl", "listings.jsonl", "labels.jsonl"):
        h.update((out / name).read_bytes())
    jsonl = h.hexdigest()
    hi = hashlib.sha256()
    for p in sorted((out / "icons").rglob("*")):
        if p.is_file():
            rel = p.relative_to(out / "icons").as_posix()
            hi.update(f"{rel}\0{hashlib.sha256(p.read_bytes()).hexdigest()}\n".encode())
    icons = hi.hexdigest()
    return {"jsonl_sha256": jsonl, "icons_sha256": icons,
            "digest": hashlib.sha256(f"{jsonl}\n{icons}\n".encode()).hexdigest()}


def report(cat: Catalog, out: Path, build: dict) -> dict:
    labels = [json.loads(x) for x in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    listings = [json.loads(x) for x in (out / "listings.jsonl").read_text(encoding="utf-8").splitlines()]
    edit_kinds = sorted({k for lab in labels if "icon" in lab["case"] for k, _ in lab["params"]["edits"]})
    rep = {
        "set": "holdout_s23", "seed": 2323,
        "totals": {
            "institutions": len(cat.institutions), "protected_apps": len(cat.apps), "listings": len(listings),
            "icon_only": sum("icon" in lab["case"] for lab in labels),
            "negatives": sum(lab["expected"] == "none" and not lab["case"].startswith("official") for lab in labels),
            "hard_negatives": sum(lab["case"].startswith("hard_") for lab in labels),
            "listings_with_icon": sum(x["icon"] is not None for x in listings),
        },
        "per_expected": dict(sorted(Counter(lab["expected"] for lab in labels).items())),
        "per_case": dict(sorted(Counter(lab["case"] for lab in labels).items())),
        "per_source": dict(sorted(Counter(x["source"] for x in listings).items())),
        "icon_formats": dict(sorted(Counter(Path(x["icon"]).suffix for x in listings if x["icon"]).items())),
        "icon_edit_kinds": {k: ("own" if k in OWN_KINDS else "usual") for k in edit_kinds},
        "icon_edit_kinds_registered": len(EDITS),
        **digests(out),
        "build": build,
    }
    (out / "report.json").write_text(json.dumps(rep, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return rep
