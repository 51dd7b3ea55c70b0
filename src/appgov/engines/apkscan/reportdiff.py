"""What changed between two scan reports of the same app, as a release gate needs it (plain data).

    from appgov.engines.apkscan.reportdiff import diff_reports
    changes = diff_reports(previous_report, new_report)

Findings are compared by fingerprint, so a finding that only moved (another dex file, another
line) is not "added"."""

from __future__ import annotations

GATE_SEVERITIES = ("critical", "high")


def _hardening(report: dict) -> dict[str, bool]:
    """Protections a version has; losing one of them is a regression."""
    hard, net, flags = report.get("hardening", {}), report.get("network", {}), report.get("flags", {})
    facts = {f"packer:{p['id']}": True for p in hard.get("packers", [])}
    facts.update({f"obfuscation:{o.split(' (')[0]}": True for o in hard.get("obfuscators", [])})
    for key in ("anti_debug", "anti_root", "emulator_detection"):
        facts[key] = bool(hard.get(key))
    facts["certificate_pinning"] = bool(net.get("pinning_present"))
    facts["cleartext_blocked"] = net.get("cleartext_permitted") is False
    facts["not_debuggable"] = not flags.get("debuggable")
    facts["backup_disallowed"] = flags.get("allow_backup") is False
    facts["signature_verified"] = report.get("signing", {}).get("verified") is True
    return facts


def diff_reports(old: dict, new: dict, assessed_sdks: list[str] | None = None) -> dict:
    """`added_high_findings`, `new_dangerous_permissions`, `new_sdks` (with `assessed` when a list of
    assessed SDK ids is given), `lost_hardening`, `resolved_findings`, and `gate_blocking` (true when
    any of the first four would stop a release)."""
    old_fp = {f.get("fingerprint") for f in old.get("findings", [])}
    new_fp = {f.get("fingerprint") for f in new.get("findings", [])}
    added_high = [
        {k: f[k] for k in ("fingerprint", "rule", "id", "severity", "location")} | {"title": f["title"]}
        for f in new.get("findings", [])
        if f["severity"] in GATE_SEVERITIES and f.get("fingerprint") not in old_fp
    ]
    resolved = [
        {k: f[k] for k in ("fingerprint", "rule", "id", "severity")}
        for f in old.get("findings", [])
        if f.get("fingerprint") not in new_fp
    ]
    old_perms = {p["name"] for p in old.get("permissions", []) if p.get("dangerous")}
    new_perms = [
        p["name"] for p in new.get("permissions", []) if p.get("dangerous") and p["name"] not in old_perms
    ]
    old_sdks = {s["id"] for s in old.get("sdks", [])}
    assessed = set(assessed_sdks) if assessed_sdks is not None else None
    added_sdks = [
        {
            "id": s["id"],
            "name": s["name"],
            "vendor": s["vendor"],
            "category": s["category"],
            "assessed": None if assessed is None else s["id"] in assessed,
        }
        for s in new.get("sdks", [])
        if s["id"] not in old_sdks
    ]
    before, after = _hardening(old), _hardening(new)
    lost = sorted(k for k, had in before.items() if had and not after.get(k, False))
    blocking = bool(
        added_high
        or new_perms
        or lost
        or any(s["assessed"] is not True for s in added_sdks if s["category"] != "library")
    )
    return {
        "from": {
            "app_id": old.get("app", {}).get("id"),
            "version": old.get("app", {}).get("version_name"),
            "sha256": old.get("file", {}).get("sha256"),
        },
        "to": {
            "app_id": new.get("app", {}).get("id"),
            "version": new.get("app", {}).get("version_name"),
            "sha256": new.get("file", {}).get("sha256"),
        },
        "added_high_findings": added_high,
        "new_dangerous_permissions": sorted(new_perms),
        "new_sdks": added_sdks,
        "lost_hardening": lost,
        "resolved_findings": resolved,
        "gate_blocking": blocking,
    }
