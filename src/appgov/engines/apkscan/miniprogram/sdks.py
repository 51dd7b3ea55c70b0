"""Mini-program SDKs (from the catalogue in data/sdk_catalogue.json) and plugins, in the report's SDK shape."""

from __future__ import annotations

from .catalogue import load_mp_data
from .jsscan import JsFacts


def catalogue() -> list[dict]:
    return load_mp_data("sdk_catalogue.json")["sdks"]


def all_markers() -> list[str]:
    return sorted({m for e in catalogue() for m in e["signatures"].get("markers", [])})


def _entry(e: dict, matched_by: list[dict]) -> dict:
    return {
        "id": e["id"],
        "name": e["name"],
        "name_zh": e.get("name_zh"),
        "vendor": e["vendor"],
        "vendor_country": e.get("vendor_country"),
        "category": e["category"],
        "matched_by": matched_by,
        "personal_information": list(e.get("personal_information", [])),
        "privacy_policy_url": e.get("privacy_policy_url"),
        "source": "miniprogram-catalogue",
    }


def match_sdks(
    file_names: list[str], module_names: list[str], facts: JsFacts, hosts: list[str]
) -> list[dict]:
    paths = [n.lower() for n in file_names + module_names]
    out = []
    for e in catalogue():
        sig = e["signatures"]
        matched = []
        for frag in sig.get("modules", []):
            ev = [p for p in paths if frag.lower() in p][:3]
            if ev:
                matched.append({"kind": "js_module", "signature": frag, "evidence": ev})
        for marker in sig.get("markers", []):
            hits = facts.sdk_markers.get(marker)
            if hits:
                matched.append({"kind": "js_marker", "signature": marker, "evidence": hits.locations[:3]})
        host_ev = []
        for dom in sig.get("hosts", []):
            ev = [h for h in hosts if h == dom or h.endswith("." + dom)][:5]
            if ev:
                host_ev.append({"kind": "host", "signature": dom, "evidence": ev})
        code_signatures = sig.get("modules") or sig.get("markers")
        if matched or (host_ev and not code_signatures):
            out.append(_entry(e, matched + host_ev))
    return out


def plugin_sdks(plugins: list[dict], config_file: str | None) -> list[dict]:
    known = load_mp_data("sdk_catalogue.json")["plugins"]["providers"]
    out: dict[str, dict] = {}
    for p in plugins:
        provider = p["provider"] or "(no provider)"
        info = known.get(provider, {})
        sid = f"mp_plugin_{provider}"
        where = f"{config_file or 'app config'}: plugins.{p['alias']}" + (
            f" (sub-package {p['subpackage']})" if p["subpackage"] else ""
        )
        entry = out.get(sid)
        if entry is None:
            entry = out[sid] = {
                "id": sid,
                "name": info.get("name") or f"plugin {p['alias']}",
                "name_zh": info.get("name_zh"),
                "vendor": info.get("vendor") or f"plugin provider {provider}",
                "vendor_country": info.get("vendor_country"),
                "category": "miniprogram_plugin",
                "matched_by": [],
                "personal_information": list(info.get("personal_information", [])),
                "privacy_policy_url": info.get("privacy_policy_url"),
                "source": "miniprogram-plugin",
                "provider_appid": provider,
                "version": p["version"],
                "vendor_known": bool(info),
            }
        entry["matched_by"].append(
            {
                "kind": "miniprogram_plugin",
                "signature": f"{provider}@{p['version'] or '*'}",
                "evidence": [where],
            }
        )
    return list(out.values())
