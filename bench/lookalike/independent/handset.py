"""Turns the hand-written listings (handwritten.psv) into the engine's JSONL input plus labels.

    python bench/lookalike/independent/handset.py [--out DIR]

Only tokens are resolved here (certificates, icons, accepted app ids); every name, package id,
developer and label is as written in the file. Writes DIR/handwritten/listings.jsonl,
DIR/handwritten/labels.jsonl and DIR/icons/hand/*.png (and the protected icons if missing).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import logos  # noqa: E402
from common import (  # noqa: E402
    DEFAULT_OUT,
    HERE,
    LABEL_KINDS,
    foreign_cert,
    institution_apps,
    label,
    load_protected,
    write_jsonl,
)

HAND_FILE = HERE / "handwritten.psv"
COLUMNS = (
    "listing_id",
    "source",
    "name",
    "package_id",
    "developer",
    "cert",
    "icon",
    "expected",
    "target",
    "case",
)


class HandFileError(ValueError):
    pass


def parse_rows(path: Path = HAND_FILE) -> list[dict[str, str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) != len(COLUMNS):
            raise HandFileError(f"{path.name}:{lineno}: expected {len(COLUMNS)} fields, got {len(fields)}")
        row = dict(zip(COLUMNS, fields, strict=True))
        row["lineno"] = str(lineno)
        rows.append(row)
    return rows


def build(out: Path, path: Path = HAND_FILE) -> tuple[list[dict], list[dict]]:
    apps = load_protected()
    by_id = {a.app_id: a for a in apps}
    icons_root = out / "icons"
    shutil.rmtree(icons_root / "hand", ignore_errors=True)  # no icons of an earlier build
    (icons_root / "hand").mkdir(parents=True)
    (icons_root / "protected").mkdir(parents=True, exist_ok=True)
    base = {}
    for app in apps:
        base[app.app_id] = logos.protected_logo(app.app_id, app.names[0])
        target = icons_root / "protected" / f"{app.app_id}.png"
        if not target.exists():
            base[app.app_id].save(target)

    listings, labels, seen = [], [], set()
    for row in parse_rows(path):
        where = f"{path.name}:{row['lineno']}"
        lid = row["listing_id"]
        if lid in seen:
            raise HandFileError(f"{where}: duplicate listing id {lid}")
        seen.add(lid)
        rng = random.Random(lid)
        listing = {"listing_id": lid, "source": row["source"], "name": row["name"]}
        if row["package_id"] != "-":
            listing["package_id"] = row["package_id"]
        if row["developer"] != "-":
            listing["developer"] = row["developer"]

        cert = row["cert"]
        if cert.startswith("official:"):
            app = by_id.get(cert.split(":", 1)[1])
            if app is None or not app.certs:
                raise HandFileError(f"{where}: cert {cert!r}: no protected app with a certificate of that id")
            listing["cert_sha256"] = app.certs[0]
        elif cert.startswith("other:"):
            listing["cert_sha256"] = foreign_cert(cert.split(":", 1)[1])
        elif cert != "-":
            raise HandFileError(f"{where}: cert {cert!r}: expected -, official:APP or other:TOKEN")

        icon = row["icon"]
        if icon != "-":
            kind, _, arg = icon.partition(":")
            if kind == "official":
                if arg not in by_id:
                    raise HandFileError(f"{where}: icon {icon!r}: unknown protected app")
                listing["icon"] = f"protected/{arg}.png"
            else:
                if kind == "generic":
                    if arg not in logos.GENERIC_KINDS:
                        raise HandFileError(f"{where}: icon {icon!r}: unknown generic kind")
                    img = logos.draw_generic(arg, rng)
                elif kind == "other":
                    mark = logos.OTHER_MARKS.get(arg)
                    img = (
                        logos.draw_logo(mark) if mark else logos.draw_ordinary(random.Random("other:" + arg))
                    )
                elif kind in logos.DEFORMATIONS:
                    if arg not in by_id:
                        raise HandFileError(f"{where}: icon {icon!r}: unknown protected app")
                    img = logos.deform(base[arg], kind, rng, by_id[arg].names[0])
                else:
                    raise HandFileError(f"{where}: icon {icon!r}: unknown icon kind {kind!r}")
                rel = f"hand/{lid}.png"
                img.save(icons_root / rel)
                listing["icon"] = rel

        expected, target = row["expected"], row["target"]
        if expected not in LABEL_KINDS:
            raise HandFileError(f"{where}: expected {expected!r}: one of {', '.join(LABEL_KINDS)}")
        if expected == "none":
            if target != "-":
                raise HandFileError(f"{where}: a negative (none) has no target, got {target!r}")
            labels.append(label(lid, "none", row["case"]))
        else:
            if target.endswith("-*"):
                accept = institution_apps(apps, target[:-2])
                if not accept:
                    raise HandFileError(f"{where}: target {target!r}: no protected institution with that key")
            elif target in by_id:
                accept = [target]
            else:
                raise HandFileError(f"{where}: target {target!r}: unknown protected app")
            app = by_id[accept[0]]
            labels.append(label(lid, expected, row["case"], app.app_id, accept, app.institution))
        listings.append(listing)
    return listings, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--allow-bar-glyphs", action="store_true", help="build even without a CJK font")
    args = parser.parse_args(argv)
    try:
        common.require_font(args.allow_bar_glyphs)
        listings, labels = build(args.out)
    except (common.FontMissingError, HandFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_jsonl(args.out / "handwritten" / "listings.jsonl", listings)
    write_jsonl(args.out / "handwritten" / "labels.jsonl", labels)
    positives = sum(1 for lab in labels if lab["expected"] != "none")
    print(f"hand-written set: {len(listings)} listings ({positives} positive) in {args.out / 'handwritten'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
