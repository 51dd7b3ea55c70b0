"""Self-check: re-derives the identity part of every label from the rows alone and compares."""

from __future__ import annotations

from pathlib import Path

from common import SIGNED
from disguise import normalise, normalise_pinyin
from phash import distance, phash_file

NEG_MIN_DISTANCE = 6  # a negative icon this close (own pHash) to a protected icon would be a near-duplicate


def _cert(c: str | None) -> str | None:
    return c.strip().replace(":", "").lower() if c else None


def _platform(source: str) -> str:
    if source.startswith(("android:", "web:apk")):
        return "a"
    return {"harmonyos:appgallery": "h"}.get(source, "x")


def damerau1(a: str, b: str) -> bool:
    """True when a and b are one insertion, deletion, substitution or adjacent swap apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1 :] == s for i in range(len(t)))


def near_package(pkg: str, official: str) -> str | None:
    if damerau1(pkg, official):
        return "one_edit"
    p, o = pkg.split("."), official.split(".")
    if len(p) == len(o) + 1:
        if p[1:] == o:
            return "prefix"
        if any(p[:i] + p[i + 1 :] == o for i in range(len(p))):
            return "extra_segment"
    return None


class Index:
    def __init__(self, protected: list[dict]):
        self.pkg: dict[str, list[dict]] = {}
        self.certs: set[str] = set()
        self.devs: dict[str, set[str]] = {}
        self.terms: list[tuple[str, str]] = []  # (normalised term, institution)
        self.pinyin: list[tuple[str, str]] = []
        self.signed_pkgs: list[tuple[str, dict]] = []
        for row in protected:
            for p in row["package_ids"]:
                self.pkg.setdefault(p.strip(), []).append(row)
                if "." in p and not p.startswith(("wx", "gh_")):
                    self.signed_pkgs.append((p.strip(), row))
            self.certs |= {_cert(c) for c in row["cert_sha256"] or []}
            for d in row["developers"]:
                self.devs.setdefault(d.strip(), set()).add(row["institution"])
            for t in row["names"] + row["brand_keywords"]:
                self.terms.append((normalise(t), row["institution"]))

    def add_pinyin(self, pinyin: str, institution: str):
        self.pinyin.append((normalise_pinyin(pinyin), institution))

    def name_hits(self, name: str) -> set[str]:
        n = normalise(name)
        hits = {inst for t, inst in self.terms if t and t in n}
        pn = normalise_pinyin(name)
        hits |= {inst for t, inst in self.pinyin if len(t) >= 7 and t in pn}
        return hits

    def derive(self, row: dict) -> tuple[str, str, set[str]]:
        """(expected, reason, institutions) from the identity fields only (the icon is not looked at)."""
        pkg = (row.get("package_id") or "").strip()
        cert = _cert(row.get("cert_sha256"))
        plat = _platform(row["source"])
        if pkg in self.pkg:
            insts = {r["institution"] for r in self.pkg[pkg]}
            if plat in SIGNED:
                own = {_cert(c) for r in self.pkg[pkg] for c in r["cert_sha256"] or []}
                return ("none", "official", insts) if cert in own else ("counterfeit", "repack", insts)
            return "none", "official", insts
        near = {
            (near_package(pkg, o), r["institution"])
            for o, r in self.signed_pkgs
            if pkg and near_package(pkg, o)
        }
        if near:
            return "counterfeit", "package_" + sorted(near)[0][0], {i for _, i in near}
        dev = (row.get("developer") or "").strip()
        if dev in self.devs and cert not in self.certs:
            return "counterfeit", "developer", self.devs[dev]
        hits = self.name_hits(row["name"])
        if hits:
            return "counterfeit", "name", hits
        return "none", "unrelated", set()


def check(
    protected: list[dict], listings: list[dict], labels: list[dict], pinyins: dict[str, str], icons_root: Path
) -> dict:
    idx = Index(protected)
    for inst, py in pinyins.items():
        idx.add_pinyin(py, inst)
    app_ids = {r["app_id"] for r in protected}
    icon_of = {r["app_id"]: r["icon"] for r in protected}
    prot_hash = {r["icon"]: phash_file(icons_root / r["icon"]) for r in protected}
    errors = []
    neg_dist, copy_dist = [], {}
    for row, lab in zip(listings, labels, strict=True):
        case = lab["case"]
        exp, why, insts = idx.derive(row)
        tgt_inst = lab["target_institution"]
        assert row["listing_id"] == lab["listing_id"]
        assert set(lab["accept_app_ids"]) <= app_ids
        if lab["expected"] == "counterfeit" and lab["target_app_id"] not in lab["accept_app_ids"]:
            errors.append((row["listing_id"], case, "target not accepted"))
        if case.startswith("official"):
            ok = exp == "none" and why == "official" and tgt_inst in insts
        elif case.startswith("negative"):
            ok = (exp, why) == ("none", "unrelated")
            if row.get("icon"):
                h = phash_file(icons_root / row["icon"])
                d = min((distance(h, ph), k) for k, ph in prot_hash.items())
                neg_dist.append((d[0], d[1], row["listing_id"], case, row["icon"]))
                ok = ok and d[0] >= NEG_MIN_DISTANCE
        elif case.startswith("icon_"):
            ok = (exp, why) == ("none", "unrelated") and lab["params"]["icon_source"] == icon_of[
                lab["target_app_id"]
            ]
            h = phash_file(icons_root / row["icon"])
            d = distance(h, prot_hash[icon_of[lab["target_app_id"]]])
            copy_dist.setdefault(case, []).append(d)
        elif case.startswith("name_"):
            ok = exp == "counterfeit" and why == "name" and insts == {tgt_inst}
        elif case.startswith("pkg_repack"):
            ok = (exp, why) == ("counterfeit", "repack") and insts == {tgt_inst}
        elif case.startswith("pkg_"):
            kind = {"pkg_extra_segment": "package_extra_segment", "pkg_prefix": "package_prefix"}.get(
                case, "package_one_edit"
            )
            ok = exp == "counterfeit" and why == kind and insts == {tgt_inst}
        elif case == "developer_copy":
            ok = (exp, why) == ("counterfeit", "developer") and insts == {tgt_inst}
        else:
            ok = False
        if (
            ok
            and not case.startswith(("official", "name_", "pkg_repack_full"))
            and idx.name_hits(row["name"])
        ):
            ok = False  # the name of a listing that copies something else must carry no brand
        if not ok:
            errors.append((row["listing_id"], case, exp, why, sorted(insts), row["name"]))
    return {"errors": errors, "negative_distances": sorted(neg_dist), "copy_distances": copy_dist}
