"""Turning extracted facts into findings mapped to NFRA controls and JR/T 0092-2019."""

from __future__ import annotations

from .catalogue import load_data
from .evidence import as_fact, english, fact
from .model import Extracted

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}


def _finding(rule: str, evidence: list, suffix: str = "", severity: str | None = None) -> dict:
    """evidence: facts (evidence.fact: a code and parameters) or plain values found in the package."""
    spec = load_data("findings.json")["findings"][rule]
    facts = [as_fact(e) for e in evidence[:50]]
    return {
        "id": f"{rule}:{suffix}" if suffix else rule,
        "rule": rule,
        "control": spec["control"],
        "related_controls": list(spec["related"]),
        "severity": severity or spec["severity"],
        "title": {"zh": spec["zh"], "en": spec["en"]},
        "evidence": [english(f) for f in facts],
        "facts": facts,
    }


def _compiler(t: dict) -> dict:
    return fact("dex_compiler", file=t["file"], compiler=t["compiler"])


def _walk(nested: list[dict]):
    for n in nested:
        yield n
        yield from _walk(n.get("nested", []))


def build_findings(ex: Extracted, report: dict, options) -> list[dict]:
    policy = load_data("policy.json")
    out: list[dict] = []
    add = out.append

    # NFRA-06.3 / 07.2: SDKs and components (those of nested packages count too)
    sdks = list(report["sdks"])
    seen_sdks = {x["id"] for x in sdks}
    for n in _walk(report.get("nested", [])):
        for x in n.get("sdks", []):
            if x["id"] not in seen_sdks:
                seen_sdks.add(x["id"])
                sdks.append(dict(x, name=f"{x['name']} [in {n['path']}]"))
    third_party = [s for s in sdks if s["category"] != "library"]
    if options.assessed_sdks is not None:
        assessed = set(options.assessed_sdks)
        for s in third_party:
            if s["id"] not in assessed:
                add(
                    _finding(
                        "SDK_NO_SECURITY_ASSESSMENT",
                        [fact("sdk", name=s["name"], vendor=s["vendor"])],
                        s["id"],
                    )
                )
    elif third_party:
        add(
            _finding(
                "SDK_ASSESSMENT_STATUS_UNKNOWN",
                [fact("sdk", name=s["name"], vendor=s["vendor"]) for s in third_party],
            )
        )
    for s in sdks:
        if s["category"] == "hotfix_dynamic_code":
            add(
                _finding(
                    "SDK_DYNAMIC_CODE",
                    [
                        fact(
                            "sdk_signatures",
                            name=s["name"],
                            signatures="; ".join(m["signature"] for m in s["matched_by"]),
                        )
                    ],
                    s["id"],
                )
            )
        note = policy["known_risk_sdks"].get(s["id"])
        if note:
            add(_finding("SDK_KNOWN_RISK_COMPONENT", [fact("sdk_note", name=s["name"], note=note)], s["id"]))
    for v in report.get("vulnerabilities", []):
        sev = v["severity"].lower() if (v.get("severity") or "").lower() in SEVERITY_ORDER else None
        line = (
            fact("vuln_version_unknown", advisory=v["advisory_id"], component=v["component"])
            if v["version_status"] == "unknown"
            else fact(
                "vuln_affected",
                advisory=v["advisory_id"],
                component=v["component"],
                version=v["component_version"],
            )
        )
        add(
            _finding(
                "KNOWN_VULNERABLE_COMPONENT",
                [line] + ([v["summary"]] if v.get("summary") else []),
                f"{v['advisory_id']}:{v['component']}",
                (sev or "medium") if v["version_status"] == "affected" else "low",
            )
        )
    markers = {k: sorted(v) for k, v in ex.scanner.found.markers.items()}
    dyn = markers.get("dynamic_code", []) + [
        fact("embedded_code_file", name=n) for n in ex.extra.get("embedded_code_files", [])
    ]
    dyn += [
        fact(
            "nested_package",
            kind=n["kind"],
            path=n["path"],
            classes=n["class_count"],
            sdks=", ".join(x["id"] for x in n["sdks"]) if n.get("sdks") else "",
        )
        for n in _walk(report.get("nested", []))
    ]
    if dyn:
        add(_finding("DYNAMIC_CODE_LOADING", dyn))
    for t in report.get("tooling", {}).get("dex", []):
        if t["rebuilt"]:
            add(_finding("DEX_REBUILT", [_compiler(t)] + t["evidence"], t["file"]))
        elif t["compiler_id"] == "r8_no_marker":
            add(_finding("DEX_MARKER_STRIPPED", [_compiler(t)] + t["evidence"], t["file"]))

    # NFRA-07.4: links and malicious code
    not_allowed: dict[str, list[str]] = {}
    for u in report["urls"]:
        if u["allowed"] is False:
            not_allowed.setdefault(u["host"], []).append(u["url"])
    if not_allowed:
        ev = [
            fact("host_urls", host=h, count=len(urls), example=urls[0])
            for h, urls in sorted(not_allowed.items())
        ]
        add(_finding("URL_NOT_ALLOWED", ev))
    for u in report["urls"]:
        if u.get("link_status") == "dead":
            add(
                _finding(
                    "LINK_DEAD", [fact("dead_link", url=u["url"], detail=u.get("link_detail"))], u["url"]
                )
            )
    for m in report.get("yara", {}).get("matches", []):
        add(_finding("YARA_MATCH", [fact("yara_match", rule=m["rule"], target=m["target"])], m["rule"]))

    # NFRA-12.2 hardening
    hard = report["hardening"]
    if not hard["packers"]:
        ev = [fact("no_packer")]
        ev += [fact("obfuscation", name=o) for o in hard["obfuscators"]] or [fact("no_obfuscation")]
        add(_finding("NO_HARDENING", ev))

    # NFRA-12.3 transport
    net = report["network"]
    if net["cleartext_permitted"]:
        ev = [net.get("cleartext_reason") or fact("cleartext_permitted")]
        add(_finding("CLEARTEXT_TRAFFIC", ev))
    elif net.get("cleartext_domains"):
        add(
            _finding(
                "CLEARTEXT_TRAFFIC",
                [fact("cleartext_domain", domain=d) for d in net["cleartext_domains"]],
                "domains",
                "medium",
            )
        )
    if net["user_ca_trusted"] or net.get("user_ca_domains"):
        add(
            _finding(
                "USER_CA_TRUSTED",
                [net.get("user_ca_reason") or fact("user_ca_trusted")] + net.get("user_ca_domains", []),
            )
        )
    if net["http_url_count"]:
        http_urls = [u["url"] for u in report["urls"] if u["scheme"] in ("http", "ws")]
        add(_finding("HTTP_URLS", [fact("http_url_count", count=net["http_url_count"])] + http_urls[:20]))
    if not net["pinning_present"] and report["urls"]:
        add(_finding("NO_CERTIFICATE_PINNING", [fact("no_pinning")]))
    if net.get("ats_exception_domains"):
        add(_finding("ATS_EXCEPTIONS", net["ats_exception_domains"]))

    # NFRA-12.4 integrity
    sig = report["signing"]
    if not sig["certificates"]:
        add(_finding("UNSIGNED", [fact("no_certificate")] + sig.get("verification_errors", [])[:5]))
    else:
        if sig["verified"] is False:
            add(
                _finding(
                    "SIGNATURE_INVALID",
                    sig.get("verification_errors", [])[:10] or [fact("signature_not_verified")],
                )
            )
        if sig.get("signature_stripped"):
            add(
                _finding(
                    "SIGNATURE_STRIPPED",
                    [fact("signature_stripped")],
                )
            )
        if sig["matches_release_cert"] is False:
            add(
                _finding(
                    "CERT_NOT_RELEASE",
                    [
                        fact("package_certificate", sha256=c["sha256"], subject=c["subject"])
                        for c in sig["certificates"]
                    ]
                    + [fact("release_certificates", certificates=", ".join(options.release_certs))],
                )
            )
        debug = [c["subject"] for c in sig["certificates"] if c.get("debug_certificate")]
        if debug:
            add(_finding("DEBUG_CERTIFICATE", debug))
        test_keys = [
            fact("public_test_key", key=c["public_test_key"], subject=c["subject"], sha256=c["sha256"])
            for c in sig["certificates"]
            if c.get("public_test_key")
        ]
        if test_keys:
            add(_finding("PUBLIC_TEST_KEY_CERTIFICATE", test_keys))
        if (
            ex.platform == "android"
            and sig["schemes"]
            and set(sig["schemes"]) <= {"v1", "v4", "source-stamp"}
        ):
            min_sdk = int(report["app"]["min_os"] or 1)
            if min_sdk < 24:
                add(
                    _finding(
                        "JANUS_V1_ONLY",
                        [
                            fact(
                                "janus",
                                schemes=str(sig["schemes"]),  # the English line as it always was
                                scheme_list=", ".join(sig["schemes"]),
                                min_sdk=min_sdk,
                            )
                        ],
                    )
                )
    fake = ex.extra.get("fake_encrypted_entries")
    if fake:  # FairPlay and the like are facts in hardening.anti_analysis, not ZIP tricks
        add(_finding("ZIP_ENTRY_ANOMALY", [a for a in ex.anti_analysis if "fake encryption" in a] or fake))

    # NFRA-16.1 personal information
    if options.pi_inventory is not None:
        declared = set(options.pi_inventory)
        sources: dict[str, list[tuple[str, str]]] = {}
        for p in report["permissions"]:
            if p.get("pi_category"):
                sources.setdefault(p["pi_category"], []).append(("permission", p["name"]))
        for s in sdks:
            for cat in s["personal_information"]:
                sources.setdefault(cat, []).append(("sdk", s["name"]))
        for cat, srcs in sorted(sources.items()):
            if cat not in declared:
                first = srcs[:10]
                line = fact(
                    "pi_sources",
                    category=cat,
                    permissions=[name for kind, name in first if kind == "permission"],
                    sdks=[name for kind, name in first if kind == "sdk"],
                )
                add(_finding("PI_UNDECLARED", [line], cat))

    # NFRA-10 compatibility
    target = report["app"]["target_os"]
    if ex.platform == "android":
        required = options.min_target_sdk or policy["android"]["min_target_sdk"]
        effective = ex.extra.get("effective_target_sdk")
        if effective is not None and effective < required:
            add(
                _finding(
                    "TARGET_SDK_LOW",
                    [fact("target_sdk_low", target=target or "", effective=effective, required=required)],
                )
            )
    elif ex.platform == "harmonyos" and target and target.isdigit():
        required = options.min_target_sdk or policy["harmonyos"]["min_target_api"]
        if int(target) < required:
            add(_finding("TARGET_SDK_LOW", [fact("target_api_low", target=target, required=required)]))
    if report["native"]["has_64bit"] is False:
        add(_finding("NO_64BIT", [fact("native_abis", abis=", ".join(report["native"]["abis"]))]))

    # JR/T 0092-2019 5.3.2 client-side security
    flags = report["flags"]
    if flags.get("debuggable"):
        add(_finding("DEBUGGABLE", [flags.get("debuggable_reason") or fact("debuggable")]))
    if flags.get("allow_backup"):
        add(_finding("ALLOW_BACKUP", [fact("allow_backup")]))
    if flags.get("test_only"):
        add(_finding("TEST_ONLY", [fact("test_only")]))
    unprotected = [
        c
        for c in report["components"]
        if c["exported"] and not c["protected"] and c["enabled"] and not c.get("launcher")
    ]
    if unprotected:
        add(
            _finding(
                "EXPORTED_UNPROTECTED",
                [
                    fact(
                        "exported_component",
                        type=c["type"],
                        name=c["name"],
                        permission=c.get("permission") or "",
                    )
                    for c in unprotected
                ],
            )
        )
    links = report.get("deep_links", [])
    unverified = [
        fact("deep_link", component=d["component"], uris=", ".join(d["uris"][:5]))
        for d in links
        if d["exported"]
        and not d["auto_verify"]
        and any(s.lower() in ("http", "https") for s in d["schemes"])
    ]
    if unverified:
        add(_finding("DEEP_LINK_UNVERIFIED", unverified))
    custom = [
        fact("deep_link", component=d["component"], uris=", ".join(d["uris"][:5]))
        for d in links
        if d["exported"] and d["custom_schemes"]
    ]
    if custom:
        add(_finding("DEEP_LINK_CUSTOM_SCHEME", custom))
    if markers.get("webview_debugging"):
        add(_finding("WEBVIEW_DEBUGGING", markers["webview_debugging"]))
    by_kind: dict[str, list[dict]] = {}
    for s in report["secrets"]:
        if s["kind"] != "sdk_app_key":
            by_kind.setdefault(s["kind"], []).append(s)
    for kind, items in sorted(by_kind.items()):
        sev = min((i["severity"] for i in items), key=lambda x: SEVERITY_ORDER[x])
        add(
            _finding(
                "HARDCODED_SECRET",
                [fact("secret_location", location=i["location"], masked=i["masked_value"]) for i in items],
                kind,
                sev,
            )
        )

    out.sort(key=lambda f: (SEVERITY_ORDER[f["severity"]], f["id"]))
    from .fingerprints import assign

    assign(out, report)
    return out
