"""Checks that the labels of a built set agree with the protected apps (run by score.py before scoring,
or alone: python bench/lookalike/independent/consistency.py [--out DIR]).

Catches the labelling mistakes that would make the benchmark lie: a counterfeit that carries an official
certificate or package id, a negative that is an official build, a positive whose name equals another
institution's official name or contains another institution's brand, a repackaged listing whose
package belongs to an app it is not attributed to."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_OUT, PROTECTED_FILE, read_jsonl  # noqa: E402

OFFICIAL_CASES = ("official", "sibling")
_STRIP = re.compile(r"[\s·_\-.\u200b\u3000•]")


def problems(listings: list[dict], labels: list[dict], protected: list[dict]) -> list[str]:
    package_app = {p: a["app_id"] for a in protected for p in a.get("package_ids", [])}
    cert_app = {c: a["app_id"] for a in protected for c in a.get("cert_sha256", [])}
    brand_institutions: dict[str, set[str]] = {}
    for a in protected:
        for word in a["names"] + a.get("brand_keywords", []):
            brand_institutions.setdefault(word.lower(), set()).add(a["institution"])
    listing_of = {item["listing_id"]: item for item in listings}
    out = []
    for lab in labels:
        item = listing_of.get(lab["listing_id"])
        if item is None:
            out.append(f"{lab['listing_id']}: label without a listing")
            continue
        where = f"{lab['listing_id']} ({lab['case']}, {item['name']!r})"
        package, cert, expected = item.get("package_id"), item.get("cert_sha256"), lab["expected"]
        official_case = lab["case"].startswith(OFFICIAL_CASES)
        if expected in ("counterfeit", "unregistered_official") and package in package_app:
            out.append(
                f"{where}: labelled {expected} but carries the official package of {package_app[package]}"
            )
        if expected == "repackaged" and package_app.get(package) not in lab["accept_app_ids"]:
            out.append(f"{where}: repackaged, but its package is not the attributed app's")
        if expected in ("counterfeit", "repackaged") and cert in cert_app:
            out.append(
                f"{where}: labelled {expected} but signed with the official certificate of {cert_app[cert]}"
            )
        if expected == "unregistered_official" and cert not in cert_app:
            out.append(f"{where}: unregistered_official needs an official certificate")
        if expected == "none" and official_case and package not in package_app:
            out.append(f"{where}: an official listing without an official package / mini-program id")
        if expected == "none" and not official_case and (package in package_app or cert in cert_app):
            out.append(f"{where}: a negative that carries an official package or certificate")
        if expected != "none":
            name = _STRIP.sub("", item["name"]).lower()
            others = {
                i
                for word, insts in brand_institutions.items()
                if len(word) >= 3 and word in name
                for i in insts
            } - {lab["target_institution"]}
            if others:
                out.append(f"{where}: names another institution's brand ({', '.join(sorted(others))})")
        elif not official_case:
            name = _STRIP.sub("", item["name"]).lower()
            if name in brand_institutions:
                out.append(f"{where}: a negative named exactly like a protected app")
    return out


def check_set(out: Path, name: str) -> list[str]:
    return problems(
        read_jsonl(out / name / "listings.jsonl"),
        read_jsonl(out / name / "labels.jsonl"),
        read_jsonl(PROTECTED_FILE),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    failed = False
    for name in ("generated", "handwritten"):
        found = check_set(args.out, name)
        for line in found:
            print(f"{name}: {line}", file=sys.stderr)
        failed |= bool(found)
        print(f"{name}: {len(found)} problems" if found else f"{name}: labels consistent")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
