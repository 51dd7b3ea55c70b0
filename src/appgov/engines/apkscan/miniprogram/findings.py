"""Findings for a mini-program report: the mini-program rules (data/findings.json here) and the rules it
shares with APKs (the APK table), in the same finding shape."""

from __future__ import annotations

from ..catalogue import load_data
from ..checks import SEVERITY_ORDER
from .catalogue import load_mp_data


def finding(rule: str, evidence: list[str], suffix: str = "", severity: str | None = None) -> dict:
    table = load_mp_data("findings.json")["findings"]
    spec = table.get(rule) or load_data("findings.json")["findings"][rule]
    return {
        "id": f"{rule}:{suffix}" if suffix else rule,
        "rule": rule,
        "control": spec["control"],
        "related_controls": list(spec["related"]),
        "severity": severity or spec["severity"],
        "title": {"zh": spec["zh"], "en": spec["en"]},
        "evidence": [str(e) for e in evidence[:50]],
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
                add(finding("SDK_NO_SECURITY_ASSESSMENT", [f"{s['name']} ({s['vendor']})"], s["id"]))
    elif third_party:
        add(finding("SDK_ASSESSMENT_STATUS_UNKNOWN", [f"{s['name']} ({s['vendor']})" for s in third_party]))
    for p in app["plugins"]:
        add(
            finding(
                "MP_PLUGIN",
                [
                    f"plugin {p['alias']}: provider {p['provider'] or '(none)'} version {p['version'] or '(none)'}"
                    + (f" in sub-package {p['subpackage']}" if p["subpackage"] else "")
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
                    f"wx.{api} ({calls['pi_category']}) called {calls['count']}x, e.g. {', '.join(calls['locations'][:3])}",
                    f"requiredPrivateInfos: {app['required_private_infos']}",
                ],
                api,
            )
        )
    for scope, apis in sorted(privacy["missing_permission_desc"].items()):
        add(
            finding(
                "MP_PERMISSION_DESC_MISSING",
                [
                    f"{scope} needed by {', '.join('wx.' + a for a in apis)}; app.json permission has no purpose for it"
                ],
                scope,
            )
        )
    unused = [f"requiredPrivateInfos: {a}" for a in privacy["declared_not_used"]] + [
        f"permission: {s}" for s in privacy["scopes_declared_not_used"]
    ]
    if unused:
        add(finding("MP_DECLARED_NOT_USED", unused))
    if privacy["calls"] and not (
        app["privacy_check"]["use_privacy_check"] or app["privacy_check"]["hooks_found"]
    ):
        add(
            finding(
                "MP_PRIVACY_AUTH_NOT_HANDLED",
                [
                    f"{len(privacy['calls'])} privacy interface(s) called: {', '.join(sorted(privacy['calls']))}"
                ],
            )
        )
    if options.pi_inventory is not None:
        declared = set(options.pi_inventory)
        sources: dict[str, list[str]] = {}
        for api, c in privacy["calls"].items():
            sources.setdefault(c["pi_category"], []).append(f"wx.{api}")
        for t, c in privacy["open_types"].items():
            sources.setdefault(c["pi_category"], []).append(f"open-type {t}")
        for s in report["sdks"]:
            for cat in s["personal_information"]:
                sources.setdefault(cat, []).append(f"SDK {s['name']}")
        for cat, srcs in sorted(sources.items()):
            if cat not in declared:
                add(finding("PI_UNDECLARED", [f"{cat}: " + ", ".join(srcs[:10])], cat))

    # NFRA-07.4 links and malicious code
    not_allowed: dict[str, list[str]] = {}
    for u in report["urls"]:
        if u["allowed"] is False:
            not_allowed.setdefault(u["host"], []).append(u["url"])
    if not_allowed:
        add(
            finding(
                "URL_NOT_ALLOWED",
                [f"{h}: {len(v)} URL(s), e.g. {v[0]}" for h, v in sorted(not_allowed.items())],
            )
        )
    for u in report["urls"]:
        if u.get("link_status") == "dead":
            add(finding("LINK_DEAD", [f"{u['url']}: {u.get('link_detail')}"], u["url"]))
    for m in report["yara"]["matches"]:
        add(finding("YARA_MATCH", [f"rule {m['rule']} matched {m['target']}"], m["rule"]))
    for w in mp["webviews"]:
        if w.get("query_source"):
            add(
                finding(
                    "MP_WEBVIEW_ARBITRARY_URL",
                    [f'{w["location"]}: <web-view src="{w["src"]}">, page code reads {w["query_source"]}'],
                    w["location"],
                )
            )
    risks = mp["code_risks"]
    dyn = [f"eval: {loc}" for loc in risks["eval"]["locations"]] + [
        f"Function constructor: {loc}" for loc in risks["function_constructor"]["locations"]
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
                [f"{mp['code_files']} code file(s); no obfuscator identifiers found"],
            )
        )

    # NFRA-12.3 transport
    http = [u["url"] for u in report["urls"] if u["scheme"] in ("http", "ws")]
    if http:
        add(finding("HTTP_URLS", [f"{len(http)} http:// or ws:// URL(s)"] + http[:20]))
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
        add(finding("HARDCODED_SECRET", [f"{i['location']}: {i['masked_value']}" for i in items], kind, sev))

    out.sort(key=lambda f: (SEVERITY_ORDER[f["severity"]], f["id"]))
    return out
