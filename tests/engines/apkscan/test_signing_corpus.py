"""Signature verification against apksig's test corpus (shipped in Debian's androguard examples):
packages named as broken must not verify, well-formed ones must."""

from __future__ import annotations

import re

from appgov.engines.apkscan import PackageError, scan_file

BROKEN = re.compile(
    r"(does-not-verify|digest-mismatch|cert-and-public-key-mismatch|no-certs-in-sig|wrong-digest|"
    r"wrong-signature|missing-digest|no-supported-sig-algs|stripped|size-mismatch|second-signer-no-sig|"
    r"second-signer-no-supported-sig|second-signer-v2-broken|invalid-lineage-attr|-wrong-in-)"
)
GOOD = re.compile(
    r"^(v2-only-with-(rsa|ecdsa|dsa)|v3-only-with-(rsa|ecdsa|dsa)|v1-only-with-(rsa|ecdsa|dsa)|golden-.*-out)"
)


def test_apksig_corpus(androguard_examples):
    corpus = sorted((androguard_examples / "signing" / "apksig").glob("*.apk"))
    assert len(corpus) > 150
    wrong = []
    checked_good = checked_bad = 0
    for path in corpus:
        name = path.name
        try:
            r = scan_file(str(path))
        except PackageError:
            continue  # structurally invalid archives (e.g. truncated central directory)
        verified = r["signing"]["verified"]
        if BROKEN.search(name) and "signerInfo2-good" not in name:
            checked_bad += 1
            if verified:
                wrong.append(f"{name}: verified but should not")
        elif GOOD.match(name) and "cert-not-der" not in name and "wrong-apk-sig-block-magic" not in name:
            checked_good += 1
            if not verified:
                wrong.append(f"{name}: not verified: {r['signing']['verification_errors'][:2]}")
    assert checked_good > 100 and checked_bad > 20, (checked_good, checked_bad)
    assert not wrong, "\n".join(wrong)
