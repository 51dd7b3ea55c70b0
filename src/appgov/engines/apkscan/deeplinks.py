"""Deep links and app links: every intent filter a browser can fire (category BROWSABLE).

Android merges the <data> elements of one filter: every scheme combines with every host (and port)
and every path form, so a filter is reported with its lists and the URIs they combine into."""

from __future__ import annotations

from .axml import Element

BROWSABLE = "android.intent.category.BROWSABLE"
VIEW = "android.intent.action.VIEW"
PATH_ATTRS = ("path", "pathPrefix", "pathPattern", "pathSuffix", "pathAdvancedPattern")
WEB_SCHEMES = {"http", "https"}
MAX_URIS = 50


def _attr(el: Element, name: str) -> str | None:
    v = el.str(f"android:{name}")
    return v if v else None


def _uris(schemes: list[str], hosts: list[str], paths: list[dict]) -> list[str]:
    out = []
    for scheme in schemes or ["*"]:
        for host in hosts or [""]:
            base = f"{scheme}://{host}" if host else f"{scheme}:"
            if not paths:
                out.append(base + ("/*" if host else "*"))
            for p in paths:
                value = p["value"] if p["value"].startswith("/") else "/" + p["value"]
                suffix = {"path": "", "pathPrefix": "*", "pathSuffix": ""}.get(p["kind"], "")
                prefix = "*" if p["kind"] == "pathSuffix" else ""
                out.append(f"{base}{prefix}{value}{suffix}")
            if len(out) >= MAX_URIS:
                return out[:MAX_URIS]
    return out


def deep_links(components: list[tuple[Element, dict]]) -> list[dict]:
    """`components`: (manifest element, its component dict). One entry per BROWSABLE intent filter."""
    out = []
    for el, comp in components:
        for index, f in enumerate(c for c in el.children if c.tag == "intent-filter"):
            categories = {c.str("android:name") for c in f.children if c.tag == "category"}
            if BROWSABLE not in categories:
                continue
            actions = sorted({a.str("android:name") or "" for a in f.children if a.tag == "action"})
            schemes, hosts, paths, ssps = [], [], [], []
            for d in (c for c in f.children if c.tag == "data"):
                scheme, host, port = _attr(d, "scheme"), _attr(d, "host"), _attr(d, "port")
                if scheme and scheme not in schemes:
                    schemes.append(scheme)
                if host:
                    h = f"{host}:{port}" if port else host
                    if h not in hosts:
                        hosts.append(h)
                for kind in PATH_ATTRS:
                    v = _attr(d, kind)
                    if v is not None and {"kind": kind, "value": v} not in paths:
                        paths.append({"kind": kind, "value": v})
                for kind in ("ssp", "sspPrefix", "sspPattern"):
                    v = _attr(d, kind)
                    if v is not None:
                        ssps.append({"kind": kind, "value": v})
            auto_verify = bool(f.bool("android:autoVerify"))
            web = [s for s in schemes if s.lower() in WEB_SCHEMES]
            custom = [s for s in schemes if s.lower() not in WEB_SCHEMES]
            out.append(
                {
                    "component": comp["name"],
                    "component_type": comp["type"],
                    "exported": comp["exported"],
                    "filter_index": index,
                    "actions": actions,
                    "schemes": schemes,
                    "hosts": hosts,
                    "paths": paths,
                    "scheme_specific_parts": ssps,
                    "auto_verify": auto_verify,
                    "app_link": auto_verify and bool(web) and bool(hosts) and not custom,
                    "custom_schemes": custom,
                    "uris": _uris(schemes, hosts, paths),
                }
            )
    return out
