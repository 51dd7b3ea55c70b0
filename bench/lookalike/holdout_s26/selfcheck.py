"""Validate a built holdout_s26 set and check that make_set.py runs and reproduces it.

usage: selfcheck.py [OUT_DIR] [--no-build]

Without --no-build, make_set.py is run into a temporary folder, that build is validated, and when OUT_DIR
(default out/) exists it is validated too and its digest must equal the fresh build's.  Exit status 0 when
every check passes; the failures are listed otherwise.
"""

import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

import pngio

HERE = os.path.dirname(os.path.abspath(__file__))
LABEL_KEYS = ["listing_id", "expected", "case", "target_institution", "accept_app_ids", "params"]
EXPECTED = ("counterfeit", "repackaged", "unregistered_official", "none")
LISTING_KEYS = ("listing_id", "source", "name", "package_id", "developer", "cert_sha256", "icon", "url", "first_seen",
                "changed_at")
NONBLANK = re.compile(r"\S")
PKG = re.compile(r"^\s*\S{0,255}\s*$")
PKG_REQ = re.compile(r"^\s*\S{1,255}\s*$")
CERT_OPT = re.compile(r"^\s*(([0-9A-Fa-f]:?){63}[0-9A-Fa-f])?\s*$")
CERT_REQ = re.compile(r"^\s*([0-9A-Fa-f]:?){63}[0-9A-Fa-f]\s*$")
MINI_SOURCES = ("wechat_miniprogram", "alipay_miniprogram", "wechat_official_account")


def norm_cert(c):
    return c.replace(":", "").strip().lower() if c else None


def sha_file(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def digest_of(out_dir):
    lines = [f"{sha_file(os.path.join(out_dir, rel))}  {rel}\n" for rel in ("protected.jsonl", "listings.jsonl", "labels.jsonl")]
    pngs = []
    for sub in ("protected", "listings"):
        for fn in os.listdir(os.path.join(out_dir, "icons", sub)):
            if fn.endswith(".png"):
                pngs.append(f"icons/{sub}/{fn}")
    lines += [f"{sha_file(os.path.join(out_dir, rel))}  {rel}\n" for rel in sorted(pngs)]
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def is_iso(v):
    try:
        if "T" in v:
            datetime.datetime.fromisoformat(v)
        else:
            datetime.date.fromisoformat(v)
        return True
    except ValueError:
        return False


def read_jsonl(path, errs):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errs.append(f"{os.path.basename(path)}:{n}: blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errs.append(f"{os.path.basename(path)}:{n}: invalid JSON ({e})")
    return rows


def check_png(path, errs, what):
    if not os.path.isfile(path):
        errs.append(f"{what}: icon file missing: {path}")
        return
    hdr = pngio.read_header(path)
    if hdr is None:
        errs.append(f"{what}: not a PNG: {path}")
    elif hdr[0] < 16 or hdr[1] < 16:
        errs.append(f"{what}: icon too small {hdr[:2]}")


def opt_str(v):
    return v is None or isinstance(v, str)


def validate(out_dir):
    errs = []
    icons_root = os.path.join(out_dir, "icons")
    prot = read_jsonl(os.path.join(out_dir, "protected.jsonl"), errs)
    lst = read_jsonl(os.path.join(out_dir, "listings.jsonl"), errs)
    lab = read_jsonl(os.path.join(out_dir, "labels.jsonl"), errs)
    with open(os.path.join(out_dir, "report.json"), encoding="utf-8") as fh:
        report = json.load(fh)

    # ---- protected.jsonl (protected.schema.json)
    apps = {}
    for n, p in enumerate(prot, 1):
        w = f"protected.jsonl:{n}"
        for k in ("app_id", "institution", "names"):
            if k not in p:
                errs.append(f"{w}: missing {k}")
        if not (isinstance(p.get("app_id"), str) and NONBLANK.search(p["app_id"])):
            errs.append(f"{w}: bad app_id")
        if not (isinstance(p.get("institution"), str) and NONBLANK.search(p["institution"])):
            errs.append(f"{w}: bad institution")
        names = p.get("names")
        if not (isinstance(names, list) and names and all(isinstance(x, str) and NONBLANK.search(x) for x in names)):
            errs.append(f"{w}: bad names")
        for k in ("brand_keywords", "developers"):
            v = p.get(k)
            if v is not None and not (isinstance(v, list) and all(isinstance(x, str) and NONBLANK.search(x) for x in v)):
                errs.append(f"{w}: bad {k}")
        v = p.get("package_ids")
        if v is not None and not (isinstance(v, list) and all(isinstance(x, str) and PKG_REQ.match(x) for x in v)):
            errs.append(f"{w}: bad package_ids")
        v = p.get("cert_sha256")
        if v is not None and not (isinstance(v, list) and all(isinstance(x, str) and CERT_REQ.match(x) for x in v)):
            errs.append(f"{w}: bad cert_sha256")
        if "icon_phash" in p or "icon_hashes" in p:
            errs.append(f"{w}: precomputed icon hashes present")
        if p.get("app_id") in apps:
            errs.append(f"{w}: duplicate app_id {p.get('app_id')}")
        apps[p.get("app_id")] = p
        if p.get("icon") != f"protected/{p.get('app_id')}.png":
            errs.append(f"{w}: icon path {p.get('icon')}")
        else:
            check_png(os.path.join(icons_root, p["icon"]), errs, w)

    official_pkgs = {}
    official_certs = {}
    official_names = set()
    for aid, p in apps.items():
        for x in p.get("package_ids") or []:
            official_pkgs.setdefault(x.strip(), []).append(aid)
        for c in p.get("cert_sha256") or []:
            official_certs.setdefault(norm_cert(c), []).append(aid)
        official_names.update(p["names"])
    keywords = [k for p in apps.values() for k in (p.get("brand_keywords") or [])]

    # ---- listings.jsonl (listing.schema.json)
    ids = set()
    for n, li in enumerate(lst, 1):
        w = f"listings.jsonl:{n}"
        if sorted(li) != sorted(LISTING_KEYS):
            errs.append(f"{w}: keys {sorted(li)}")
        for k in ("listing_id", "source", "name"):
            if not (isinstance(li.get(k), str) and NONBLANK.search(li[k])):
                errs.append(f"{w}: bad {k}")
        if li.get("package_id") is not None and not (isinstance(li["package_id"], str) and PKG.match(li["package_id"])):
            errs.append(f"{w}: bad package_id")
        if li.get("cert_sha256") is not None and not (isinstance(li["cert_sha256"], str) and CERT_OPT.match(li["cert_sha256"])):
            errs.append(f"{w}: bad cert_sha256")
        for k in ("developer", "icon", "url", "first_seen", "changed_at"):
            if not opt_str(li.get(k)):
                errs.append(f"{w}: bad {k}")
        for k in ("first_seen", "changed_at"):
            if li.get(k) is not None and not is_iso(li[k]):
                errs.append(f"{w}: {k} not ISO 8601: {li[k]}")
        if li.get("listing_id") in ids:
            errs.append(f"{w}: duplicate listing_id")
        ids.add(li.get("listing_id"))
        if li.get("icon") is not None:
            if li["icon"] != f"listings/{li['listing_id']}.png":
                errs.append(f"{w}: icon path {li['icon']}")
            check_png(os.path.join(icons_root, li["icon"]), errs, w)
        if li.get("source") in MINI_SOURCES and li.get("cert_sha256") is not None:
            errs.append(f"{w}: mini-program/official account with a certificate")

    # ---- labels.jsonl
    if len(lab) != len(lst):
        errs.append(f"labels: {len(lab)} rows for {len(lst)} listings")
    by_exp = dict.fromkeys(EXPECTED, 0)
    by_fam = {}
    single_kinds = {}
    invented = set()
    chains = 0
    mini_pos = mini_neg = no_icon = 0
    for n, (li, la) in enumerate(zip(lst, lab, strict=False), 1):
        w = f"labels.jsonl:{n}"
        if list(la) != LABEL_KEYS:
            errs.append(f"{w}: keys {list(la)}")
            continue
        if la["listing_id"] != li["listing_id"]:
            errs.append(f"{w}: listing_id {la['listing_id']} != {li['listing_id']}")
        exp = la["expected"]
        if exp not in EXPECTED:
            errs.append(f"{w}: expected {exp}")
            continue
        by_exp[exp] += 1
        fam = la["params"].get("family")
        by_fam[fam] = by_fam.get(fam, 0) + 1
        acc = la["accept_app_ids"]
        if not isinstance(acc, list) or any(a not in apps for a in acc):
            errs.append(f"{w}: unknown accept ids {acc}")
            continue
        if exp == "none":
            if acc:
                errs.append(f"{w}: 'none' with accept ids")
        else:
            if not acc:
                errs.append(f"{w}: {exp} without accept ids")
            elif la["target_institution"] not in {apps[a]["institution"] for a in acc}:
                errs.append(f"{w}: target institution not among accepted apps")
        icon_only = fam == "icon_only"
        if icon_only != ("icon" in la["case"]):
            errs.append(f"{w}: case {la['case']} vs family {fam}")
        if li.get("icon") is None:
            no_icon += 1
        if li["source"] in MINI_SOURCES:
            if exp == "none":
                mini_neg += 1
            else:
                mini_pos += 1
        name = li["name"]
        pkg = (li.get("package_id") or "").strip()
        cert = norm_cert(li.get("cert_sha256"))
        if icon_only:
            if li.get("icon") is None:
                errs.append(f"{w}: icon-only case without icon")
            if any(k.lower() in name.lower() for k in keywords) or name in official_names:
                errs.append(f"{w}: icon-only listing has a brand name {name}")
            if pkg in official_pkgs or (cert and cert in official_certs):
                errs.append(f"{w}: icon-only listing carries an official package or certificate")
            d = la["params"]["deform"]
            if la["case"] == "icon_chain":
                chains += 1
                if not 2 <= len(d) <= 4:
                    errs.append(f"{w}: chain of {len(d)}")
            else:
                single_kinds[d[0]] = single_kinds.get(d[0], 0) + 1
            invented.update(la["params"]["invented"])
        if fam == "ordinary" and any(k.lower() in name.lower() for k in keywords):
            errs.append(f"{w}: ordinary app with a brand name {name}")
        if exp == "repackaged":
            if pkg not in official_pkgs or set(official_pkgs[pkg]) != set(acc):
                errs.append(f"{w}: repackaged without the official package")
            if cert and cert in official_certs:
                errs.append(f"{w}: repackaged on an official certificate")
        if exp == "unregistered_official":
            if not cert or cert not in official_certs or set(official_certs[cert]) != set(acc):
                errs.append(f"{w}: unregistered_official without an official certificate of its accepted apps")
            if pkg in official_pkgs or name in official_names:
                errs.append(f"{w}: unregistered_official uses a protected package or name")
        if fam in ("package_typosquat", "developer_copy", "name") and pkg in official_pkgs:
            errs.append(f"{w}: {fam} with an official package")
        if exp == "counterfeit" and cert and cert in official_certs:
            errs.append(f"{w}: counterfeit on an official certificate")
        if la["case"] in ("neg_official_listing", "neg_sibling_official", "neg_official_mini", "neg_official_account"):
            if pkg not in official_pkgs:
                errs.append(f"{w}: official listing without the official package")
            if cert and cert not in official_certs:
                errs.append(f"{w}: official listing on a foreign certificate")

    # ---- counts
    def want(cond, msg):
        if not cond:
            errs.append("counts: " + msg)

    want(55 <= len(apps) <= 70, f"{len(apps)} protected apps")
    want(len({p['institution'] for p in apps.values()}) >= 40, "fewer than 40 institutions")
    want(700 <= len(lst) <= 820, f"{len(lst)} listings")
    want(230 <= by_fam.get("icon_only", 0) <= 260, f"icon_only {by_fam.get('icon_only')}")
    want(85 <= by_fam.get("name", 0) <= 105, f"name {by_fam.get('name')}")
    want(by_fam.get("package_typosquat", 0) >= 18 and by_fam.get("developer_copy", 0) >= 18, "typosquat/developer copies")
    want(25 <= by_exp["repackaged"] <= 35, f"repackaged {by_exp['repackaged']}")
    want(20 <= by_exp["unregistered_official"] <= 30, f"unregistered_official {by_exp['unregistered_official']}")
    want(125 <= by_fam.get("hard_negative", 0) <= 155, f"hard_negative {by_fam.get('hard_negative')}")
    want(165 <= by_fam.get("ordinary", 0) <= 195, f"ordinary {by_fam.get('ordinary')}")
    want(len(single_kinds) >= 45, f"{len(single_kinds)} single deformation kinds")
    want(all(v >= 4 for v in single_kinds.values()), "a single kind with fewer than 4 listings")
    want(len(invented) >= 20, f"{len(invented)} invented kinds")
    want(40 <= chains <= 60, f"{chains} chains")
    want(mini_pos >= 10 and mini_neg >= 10, f"mini-program/official-account listings: {mini_pos} positive, {mini_neg} negative")
    want(5 <= no_icon <= 100, f"{no_icon} listings without icon")
    want(report["counts"]["by_expected"] == by_exp, "report by_expected differs")
    dg = digest_of(out_dir)
    want(report.get("digest") == dg, f"report digest {report.get('digest')} != {dg}")
    summary = {"protected": len(apps), "listings": len(lst), "by_expected": by_exp, "by_family": by_fam,
               "single_kinds": len(single_kinds), "invented_kinds": len(invented), "chains": chains,
               "mini_pos": mini_pos, "mini_neg": mini_neg, "no_icon": no_icon, "digest": dg}
    return errs, summary


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    build = "--no-build" not in argv
    out_dir = args[0] if args else os.path.join(HERE, "out")
    failures = []
    fresh_digest = None
    if build:
        with tempfile.TemporaryDirectory() as tmp:
            res = subprocess.run([sys.executable, os.path.join(HERE, "make_set.py"), tmp], capture_output=True, text=True)
            if res.returncode != 0:
                print(res.stdout, res.stderr)
                print("FAIL: make_set.py exited", res.returncode)
                return 1
            errs, summ = validate(tmp)
            failures += [f"[fresh build] {e}" for e in errs]
            fresh_digest = summ["digest"]
            print("fresh build:", json.dumps(summ, ensure_ascii=False))
    if os.path.isdir(out_dir):
        errs, summ = validate(out_dir)
        failures += [f"[{out_dir}] {e}" for e in errs]
        print(f"{out_dir}:", json.dumps(summ, ensure_ascii=False))
        if fresh_digest and summ["digest"] != fresh_digest:
            failures.append(f"digest of {out_dir} differs from a fresh build")
    elif not build:
        failures.append(f"{out_dir} does not exist")
    for f in failures:
        print("FAIL:", f)
    print("selfcheck:", "OK" if not failures else f"{len(failures)} failures")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
