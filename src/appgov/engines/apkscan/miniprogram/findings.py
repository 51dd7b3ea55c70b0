"""Findings for a mini-program report: the mini-program rules (data/findings.json here) and the rules it
shares with APKs (the APK table), in the same finding shape."""

from __future__ import annotations

from ..catalogue import load_data
from ..checks import SEVERITY_ORDER
from ..evidence import as_fact, english, fact
from .catalogue import load_mp_data


def finding(rule: str, evidence: list, suffix: str = "", severity: str | None = None) -> dict:
    """evidence: facts (evidence.fact) or plain values and sub-analysis messages (coded by their wording)."""
    table = load_mp_data("findings.json")["findings"]
    spec = table.get(rule) or load_data("findings.json")["findings"][rule]
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


def build_findings(report: dict, options) -> list[dict]:
    out: list[dict] = []
    add = out.append
    app, mp = report["app"], report["platform_details"]
    privacy = mp["privacy"]

    # NFRA-06.3 / 07.2 third parties
    third_party = [s for s in report["sdks"] if s["category"] not in ("library",)]
    if options.assessed_sdks is not None:
        assessed = set(options.assessed_sdks)
        for s in third_party:
            if s["id"] not in assessed:
                add(
                    finding(
                        "SDK_NO_SECURITY_ASSESSMENT",
                        [fact("sdk", name=s["name"], vendor=s["vendor"])],
                        s["id"],
                    )
                )
    elif third_party:
        add(
            finding(
                "SDK_ASSESSMENT_STATUS_UNKNOWN",
                [fact("sdk", name=s["name"], vendor=s["vendor"]) for s in third_party],
            )
        )
    for p in app["plugins"]:
        add(
            finding(
                "MP_PLUGIN",
                [
                    fact(
                        "mp_plugin",
                        alias=p["alias"],
                        provider=p["provider"],
                        version=p["version"],
                        subpackage=p["subpackage"],
                    )
                ],
                f"{p['provider']}:{p['alias']}",
            )
        )

    # NFRA-16.1 personal information: declared vs used
    for api in privacy["undeclared_required_private_infos"]:
        calls = privacy["calls"][api]
        add(
            finding(
                "MP_PRIVATE_INFO_UNDECLARED",
                [
                    fact(
                        "mp_private_call",
                        api=api,
                        category=calls["pi_category"],
                        count=calls["count"],
                        locations=list(calls["locations"][:3]),
                    ),
                    fact("mp_required_private_infos", declared=list(app["required_private_infos"])),
                ],
                api,
            )
        )
    for scope, apis in sorted(privacy["missing_permission_desc"].items()):
        add(
            finding(
                "MP_PERMISSION_DESC_MISSING",
                [fact("mp_permission_desc_missing", scope=scope, apis=list(apis))],
                scope,
            )
        )
    unused = [fact("mp_declared_info_unused", name=a) for a in privacy["declared_not_used"]] + [
        fact("mp_declared_scope_unused", name=s) for s in privacy["scopes_declared_not_used"]
    ]
    if unused:
        add(finding("MP_DECLARED_NOT_USED", unused))
    if privacy["calls"] and not (
        app["privacy_check"]["use_privacy_check"] or app["privacy_check"]["hooks_found"]
    ):
        add(
            finding(
                "MP_PRIVACY_AUTH_NOT_HANDLED",
                [fact("mp_privacy_calls", count=len(privacy["calls"]), apis=sorted(privacy["calls"]))],
            )
        )
    if options.pi_inventory is not None:
        declared = set(options.pi_inventory)
        sources: dict[str, dict[str, list[str]]] = {}

        def of(cat):
            return sources.setdefault(cat, {"apis": [], "open_types": [], "sdks": []})

        for api, c in privacy["calls"].items():
            of(c["pi_category"])["apis"].append(api)
        for t, c in privacy["open_types"].items():
            of(c["pi_category"])["open_types"].append(t)
        for s in report["sdks"]:
            for cat in s["personal_information"]:
                of(cat)["sdks"].append(s["name"])
        for cat, srcs in sorted(sources.items()):
            if cat not in declared:
                add(finding("PI_UNDECLARED", [fact("mp_pi_sources", category=cat, **srcs)], cat))

    # NFRA-07.4 links and malicious code
    not_allowed: dict[str, list[str]] = {}
    for u in report["urls"]:
        if u["allowed"] is False:
            not_allowed.setdefault(u["host"], []).append(u["url"])
    if not_allowed:
        add(
            finding(
                "URL_NOT_ALLOWED",
                [
                    fact("host_urls", host=h, count=len(v), example=v[0])
                    for h, v in sorted(not_allowed.items())
                ],
            )
        )
    for u in report["urls"]:
        if u.get("link_status") == "dead":
            add(
                finding("LINK_DEAD", [fact("dead_link", url=u["url"], detail=u.get("link_detail"))], u["url"])
            )
    for m in report["yara"]["matches"]:
        add(finding("YARA_MATCH", [fact("yara_match", rule=m["rule"], target=m["target"])], m["rule"]))
    for w in mp["webviews"]:
        if w.get("query_source"):
            add(
                finding(
                    "MP_WEBVIEW_ARBITRARY_URL",
                    [
                        fact(
                            "mp_webview_query",
                            location=w["location"],
                            src=w["src"],
                            query_source=w["query_source"],
                        )
                    ],
                    w["location"],
                )
            )
    risks = mp["code_risks"]
    dyn = [fact("mp_eval", location=loc) for loc in risks["eval"]["locations"]] + [
        fact("mp_function_constructor", location=loc) for loc in risks["function_constructor"]["locations"]
    ]
    if dyn:
        add(finding("MP_DYNAMIC_CODE", dyn))

    # NFRA-12.2 code protection
    if mp["source_maps"]:
        add(finding("MP_SOURCE_MAP_SHIPPED", mp["source_maps"][:20]))
    if not report["hardening"]["obfuscators"] and mp["code_files"]:
        add(
            finding(
                "MP_NO_CODE_OBFUSCATION",
                [fact("mp_no_obfuscator", count=mp["code_files"])],
            )
        )

    # NFRA-12.3 transport
    http = [u["url"] for u in report["urls"] if u["scheme"] in ("http", "ws")]
    if http:
        add(finding("HTTP_URLS", [fact("mp_http_url_count", count=len(http))] + http[:20]))
    ip_hosts = sorted({u["host"] for u in report["urls"] if u.get("ip_literal")})
    if ip_hosts:
        add(finding("MP_IP_LITERAL_HOST", [u["url"] for u in report["urls"] if u.get("ip_literal")][:20]))

    # NFRA-12.4 integrity
    if mp["anomalies"]:
        add(finding("MP_PACKAGE_ANOMALY", mp["anomalies"]))

    # JR/T 0092-2019 5.3.2 client-side security
    if report["flags"]["debuggable"]:
        add(finding("MP_DEBUG_ENABLED", report["flags"]["debug_evidence"]))
    if mp["wechat_server_api_calls"]:
        add(finding("MP_CLIENT_CALLS_WECHAT_SERVER_API", mp["wechat_server_api_calls"]))
    by_kind: dict[str, list[dict]] = {}
    for s in report["secrets"]:
        by_kind.setdefault(s["kind"], []).append(s)
    for kind, items in sorted(by_kind.items()):
        sev = min((i["severity"] for i in items), key=lambda x: SEVERITY_ORDER[x])
        ev = [fact("secret_location", location=i["location"], masked=i["masked_value"]) for i in items]
        add(finding("HARDCODED_SECRET", ev, kind, sev))

    out.sort(key=lambda f: (SEVERITY_ORDER[f["severity"]], f["id"]))
    return out
