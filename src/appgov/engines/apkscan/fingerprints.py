"""Stable finding fingerprints: the same problem in the next version of the app gets the same
fingerprint, so a triage decision (false positive, accepted) made on one scan carries to the next.

fingerprint = sha256 over: platform, app id, rule and the finding's location. The location is the
finding's subject (an SDK id, a URL, a secret kind...) and, for findings that list several things,
the normalised set of what they list: line numbers and the numbering of multidex files
(classes2.dex vs classes3.dex) are left out because they shift between builds."""

from __future__ import annotations

import hashlib
import re

from .catalogue import load_data

_DEX_NUMBER = re.compile(r"\bclasses\d*\.dex\b")
_COUNTS = re.compile(r"^\d+ (http:// URL\(s\)|URL\(s\))")
# counts and examples inside a line ("host: 3 URL(s), e.g. ...", "... 120 classes") change between
# builds without the problem changing
_VOLATILE = (
    (re.compile(r": \d+ URL\(s\), e\.g\. .*$"), ""),
    (re.compile(r"\b\d+ classes\b"), "N classes"),
)


def _normalise(line: str) -> str:
    line = _DEX_NUMBER.sub("classes*.dex", line)
    for rx, repl in _VOLATILE:
        line = rx.sub(repl, line)
    return line


def finding_location(finding: dict, strategy: str) -> str:
    subject = finding["id"].partition(":")[2]
    if strategy == "subject":
        return subject
    if strategy == "values":  # the masked values, not where they sit
        values = sorted({e.rpartition(": ")[2] for e in finding["evidence"]})
        return subject + "|" + "|".join(values)
    lines = sorted({_normalise(e) for e in finding["evidence"] if not _COUNTS.match(e)})
    return subject + "|" + "|".join(lines)


def assign(findings: list[dict], report: dict, rules: dict | None = None) -> None:
    """rules: the rule table the findings come from (the APK rules by default; mini-programs pass theirs)."""
    rules = rules if rules is not None else load_data("findings.json")["findings"]
    shared = load_data("findings.json")["findings"] if rules is not None else rules
    app = report["app"].get("id") or ""
    for f in findings:
        rule = rules.get(f["rule"]) or shared.get(f["rule"], {})
        secret = "SECRET" in f["rule"] or "KEY" in f["rule"]
        strategy = rule.get(
            "fingerprint_by", "values" if secret and rule is not shared.get(f["rule"]) else "subject"
        )
        # a hostile package's names can hold bytes that are no UTF-8 (lone surrogates): shown escaped
        location = finding_location(f, strategy).encode("utf-8", "backslashreplace").decode("utf-8")
        basis = "\x1f".join(("appgov-finding/1", report["platform"], app, f["rule"], location))
        f["location"] = location if len(location) <= 300 else location[:280] + "…"
        f["fingerprint"] = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:32]
