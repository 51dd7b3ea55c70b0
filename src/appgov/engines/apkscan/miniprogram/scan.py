"""`scan_miniprogram(path, options)`: one report, in the APK report schema, for a WeChat mini-program given
as one .wxapkg, a Windows-cache V1MMWX copy (with options.appid), a folder or a ZIP of packages."""

from __future__ import annotations

import ipaddress
import os
import re
import time

from ..content import ContentScanner, mask
from .analyse import Analysis, analyse
from .appconfig import read_identity
from .catalogue import load_mp_data
from .findings import build_findings
from .inputs import load
from .limits import MiniProgramLimits
from .sdks import match_sdks, plugin_sdks

PLATFORM = "wechat-miniprogram"
SECRET_PARAM_RE = re.compile(
    r"([?&](?:secret|appsecret|app_secret|access_token|client_secret|password|passwd|sign_key)=)([^&#]+)",
    re.IGNORECASE,
)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def _privacy(identity: dict, a: Analysis) -> dict:
    table = load_mp_data("privacy_apis.json")
    apis, f = table["apis"], a.js.facts
    calls = {
        api: {
            "pi_category": apis[api]["pi_category"],
            "zh": apis[api]["zh"],
            "declare": apis[api]["declare"],
            "scope": apis[api]["scope"],
            "count": h.count,
            "locations": h.locations,
        }
        for api, h in sorted(f.privacy_calls.items())
    }
    open_types = {
        t: {
            "pi_category": table["open_types"][t]["pi_category"],
            "zh": table["open_types"][t]["zh"],
            "count": h.count,
            "locations": h.locations,
        }
        for t, h in sorted(f.open_types.items())
    }
    declared = set(identity["required_private_infos"])
    needs = {api for api in calls if apis[api]["declare"] == "required_private_infos"}
    scopes_declared = {s["scope"] for s in identity["permission_scopes"] if s["desc"]}
    missing_desc: dict[str, list[str]] = {}
    for api in calls:
        spec = apis[api]
        if spec["permission_desc"] and spec["scope"] not in scopes_declared:
            missing_desc.setdefault(spec["scope"], []).append(api)
    used_scopes = {apis[api]["scope"] for api in calls if apis[api]["scope"]}
    return {
        "calls": calls,
        "open_types": open_types,
        "scopes_in_code": {s: h.locations for s, h in sorted(f.scopes_in_code.items())},
        "undeclared_required_private_infos": sorted(needs - declared),
        "declared_not_used": sorted(d for d in declared if d in apis and d not in calls),
        "missing_permission_desc": missing_desc,
        "scopes_declared_not_used": sorted(
            s["scope"]
            for s in identity["permission_scopes"]
            if s["scope"] not in used_scopes and s["scope"] not in f.scopes_in_code
        ),
        "pi_categories_used": sorted(
            {c["pi_category"] for c in calls.values()} | {c["pi_category"] for c in open_types.values()}
        ),
    }


def _urls(a: Analysis, options) -> list[dict]:
    from ..model import Extracted
    from ..scan import _build_urls

    urls = _build_urls(Extracted(platform=PLATFORM, app={}, scanner=a.scanner), options)
    uses = a.js.facts.url_uses
    for u in urls:
        u["ip_literal"] = _is_ip(u["host"])
        u["uses"] = sorted(uses.get(u["url"], ()))
        u["url"] = mask_url_secrets(u["url"])
    for call in a.js.facts.network_calls:
        if call["url"]:
            call["url"] = mask_url_secrets(call["url"])
    return urls


def mask_url_secrets(url: str) -> str:
    """Query values that are credentials (secret=, access_token=, ...) never reach the report."""
    return SECRET_PARAM_RE.sub(lambda m: m.group(1) + mask(m.group(2)), url)


def scan_miniprogram(path: str, options) -> dict:
    started = time.perf_counter()
    limits = MiniProgramLimits()
    yara_rules = None
    if options.yara_rules:
        from ..yara_rules import compile_rules

        yara_rules = compile_rules(options.yara_rules)
    loaded = load(path, getattr(options, "appid", None), limits, options.limits)
    try:
        identity = read_identity(
            loaded.packages, getattr(options, "appid", None), os.path.abspath(path), limits.max_config_size
        )
        a = analyse(loaded.packages, ContentScanner(options.limits), limits, yara_rules is not None)
        report = _assemble(path, loaded, identity, a, options)
        report["privacy_policy"] = _packaged_policy(loaded)
        if yara_rules is not None:
            from ..yara_rules import run_rules

            report["yara"] = run_rules(
                yara_rules, path if os.path.isfile(path) else os.devnull, a.yara_targets
            )
    finally:
        loaded.close()
    if options.check_links:
        from ..links import check_links

        check_links(report["urls"], options)
    report["findings"] = build_findings(report, options)
    from ..fingerprints import assign

    assign(report["findings"], report, load_mp_data("findings.json")["findings"])  # triage survives rescans
    report["summary"] = _summary(report)
    report["elapsed_ms"] = int((time.perf_counter() - started) * 1000)
    return report


def _packaged_policy(loaded) -> dict | None:
    """A privacy-policy page the mini-program carries (pages/privacy/…wxml, a .txt or .html file), first package
    that has one."""
    from ..policy_asset import find_policy

    for item in loaded.packages:
        pkg = item.package
        found = find_policy(pkg.names(), lambda n, pkg=pkg: pkg.entries[n].size, pkg.read)
        if found:
            return {
                **found,
                "path": f"{item.label}!{found['path']}" if len(loaded.packages) > 1 else found["path"],
            }
    return None


def _assemble(path: str, loaded, identity: dict, a: Analysis, options) -> dict:
    f = a.js.facts
    urls = _urls(a, options)
    hosts = sorted({u["host"] for u in urls})
    module_names = [name for name in f.page_js]
    sdks = match_sdks(a.file_names, module_names, f, hosts) + plugin_sdks(
        identity["plugins"], identity["config_file"]
    )
    sdks.sort(key=lambda s: s["id"])
    identity["privacy_check"]["hooks_found"] = sorted(f.privacy_hooks)
    rules = load_mp_data("code_rules.json")
    server_api_calls = sorted(
        {u["url"] for u in urls if any(api in u["url"] for api in rules["wechat_server_apis"])}
    )
    debug_evidence = []
    if identity["debug"]:
        debug_evidence.append(f'{identity["config_file"]}: "debug": true')
    debug_evidence += [
        f"wx.setEnableDebug({{enableDebug: true}}) at {loc}" for loc in f.enable_debug.locations
    ]
    debug_evidence += [
        f"vConsole shipped: {m['evidence'][0]}"
        for s in sdks
        if s["id"] == "mp_vconsole"
        for m in s["matched_by"][:1]
    ]
    webviews = []
    for w in f.webviews:
        item = dict(w)
        if w["bound"]:
            page = w["location"].split("!/", 1)[-1].rsplit(":", 1)[0].rsplit(".", 1)[0]
            item["page"] = page
            item["query_source"] = a.js.page_reads_query(page)
        webviews.append(item)
    anomalies = [
        f"{p['label']}: {p['trailing_bytes']} bytes after the declared data area"
        for p in a.packages
        if p["trailing_bytes"]
    ]
    anomalies += [
        f"sub-package {s['root']} declared but no package holding it was given"
        for s in identity["subpackages"]
        if not s["package_found"] and loaded.kind != "file"
    ]
    if identity["config_file"] is None:
        anomalies.append("no main package: no /app-config.json or /app.json in the given packages")
    obfuscators = []
    if f.obfuscator_identifiers >= rules["obfuscator_min_identifiers"]:
        obfuscators.append(f"javascript-obfuscator style ({f.obfuscator_identifiers} _0x identifiers)")
    code_files = sum(p["code_files"] for p in a.packages)
    http_count = sum(1 for u in urls if u["scheme"] in ("http", "ws"))
    permissions = [
        {
            "name": s["scope"],
            "protection_level": "user_authorisation",
            "dangerous": True,
            "pi_category": load_mp_data("privacy_apis.json")["permission_scopes"].get(s["scope"]),
            "declared_in": "permission",
            "description": s["desc"],
        }
        for s in identity["permission_scopes"]
    ] + [
        {
            "name": f"requiredPrivateInfos:{api}",
            "protection_level": "declared_private_info",
            "dangerous": True,
            "pi_category": load_mp_data("privacy_apis.json")["apis"].get(api, {}).get("pi_category"),
            "declared_in": "requiredPrivateInfos",
            "description": None,
        }
        for api in identity["required_private_infos"]
    ]
    return {
        "schema_version": "1.0",
        "engine": {"name": "appgov.engines.apkscan", "version": _engine_version(), "analyser": "miniprogram"},
        "file": {
            "name": os.path.basename(os.path.normpath(path)),
            "size": loaded.total_size,
            "sha256": loaded.sha256,
            "input_kind": loaded.kind,
        },
        "platform": PLATFORM,
        "app": identity,
        "permissions": permissions,
        "components": [],
        "sdks": sdks,
        "urls": urls,
        "signing": {
            "schemes": [],
            "certificates": [],
            "verified": None,
            "matches_release_cert": None,
            "note": "mini-program packages carry no developer signature; WeChat delivers and verifies them",
        },
        "hardening": {
            "packers": [],
            "obfuscators": obfuscators,
            "anti_debug": [],
            "anti_root": [],
            "emulator_detection": [],
            "anti_analysis": [],
        },
        "network": {
            "cleartext_permitted": False,
            "user_ca_trusted": False,
            "pinning_present": False,
            "http_url_count": http_count,
            "cleartext_reason": "WeChat allows only https / wss for request, upload, download and socket in released mini-programs",
            "ip_literal_hosts": sorted({u["host"] for u in urls if u["ip_literal"]}),
            "calls": f.network_calls[:500],
        },
        "flags": {
            "debuggable": bool(debug_evidence),
            "allow_backup": None,
            "test_only": False,
            "debug_evidence": debug_evidence,
        },
        "native": {"abis": [], "has_64bit": None, "libraries": []},
        "secrets": list(a.scanner.found.secrets),
        "yara": {"rules_file": None, "matches": []},
        "platform_details": {
            "packages": a.packages,
            "code_files": code_files,
            "privacy": _privacy(identity, a),
            "webviews": webviews,
            "compiled_webview_files": f.compiled_webview_files[:20],
            "code_risks": {
                "eval": {"count": f.eval_calls.count, "locations": f.eval_calls.locations},
                "function_constructor": {
                    "count": f.function_constructor.count,
                    "locations": f.function_constructor.locations,
                },
                "function_global_idiom": {
                    "count": f.function_global_idiom.count,
                    "locations": f.function_global_idiom.locations,
                },
            },
            "source_maps": a.source_maps,
            "source_map_comments": f.source_map_comments.locations,
            "wechat_server_api_calls": server_api_calls,
            "anomalies": anomalies,
            "skipped_large_files": a.skipped_large,
            "controls_not_judged": load_mp_data("findings.json")["controls_not_judged"],
        },
    }


def _engine_version() -> str:
    from ..scan import ENGINE_VERSION

    return ENGINE_VERSION


def _summary(report: dict) -> dict:
    sev: dict[str, int] = {}
    for f in report["findings"]:
        sev[f["severity"]] = sev.get(f["severity"], 0) + 1
    app = report["app"]
    return {
        "findings_by_severity": sev,
        "sdk_count": len(report["sdks"]),
        "url_count": len(report["urls"]),
        "permission_count": len(report["permissions"]),
        "exported_component_count": 0,
        "page_count": len(app["pages"]) + sum(len(s["pages"]) for s in app["subpackages"]),
        "plugin_count": len(app["plugins"]),
        "privacy_api_count": len(report["platform_details"]["privacy"]["calls"]),
    }
