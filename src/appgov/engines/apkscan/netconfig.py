"""Network security: Android network security config + manifest flags; defaults by target SDK."""

from __future__ import annotations

from .axml import Element, parse_axml
from .errors import PackageError


def _trusts_user(el: Element | None) -> bool | None:
    if el is None:
        return None
    anchors = next((c for c in el.children if c.tag == "trust-anchors"), None)
    if anchors is None:
        return None
    return any((c.str("src") or "").lower() == "user" for c in anchors.children if c.tag == "certificates")


def analyse_network(zf, manifest, app_el, table, target_sdk: int, flags: dict, limits) -> dict:
    config_path = None
    config_error = None
    nsc = None
    ref = app_el.get("android:networkSecurityConfig")
    if ref is not None:
        if ref.is_reference and table is not None:
            config_path = table.resolve_str(ref.data)
        elif not ref.is_reference:
            config_path = ref.as_str()
        if config_path and config_path in zf:
            try:
                nsc = parse_axml(
                    zf.read(config_path, max_size=limits.max_manifest_size),
                    f"{zf.label}!{config_path}",
                    limits.max_xml_depth,
                    limits.max_xml_elements,
                )
            except PackageError as exc:
                config_error = exc.reason
        elif config_path:
            config_error = f"{config_path} is referenced by the manifest but missing"
        else:
            config_error = "networkSecurityConfig reference cannot be resolved"

    # defaults (Android 9 / API 28 turned cleartext off, Android 7 / API 24 stopped trusting user CAs)
    cleartext = target_sdk < 28
    if flags.get("uses_cleartext_traffic") is not None:
        cleartext = bool(flags["uses_cleartext_traffic"])
    user_ca = target_sdk < 24
    cleartext_domains: list[str] = []
    user_ca_domains: list[str] = []
    pin_domains: list[str] = []
    debug_user_ca = False
    if nsc is not None:
        base = next((c for c in nsc.children if c.tag == "base-config"), None)
        if base is not None:
            v = base.bool("cleartextTrafficPermitted")
            if v is not None:
                cleartext = v
            t = _trusts_user(base)
            if t is not None:
                user_ca = t
        else:
            # a config without base-config keeps the platform defaults for cleartext (API >= 28: false)
            pass
        for dc in nsc.iter("domain-config"):
            domains = [d.text.strip() for d in dc.children if d.tag == "domain" and d.text.strip()]
            label = ", ".join(domains) or "(unnamed domain-config)"
            if dc.bool("cleartextTrafficPermitted"):
                cleartext_domains.append(label)
            if _trusts_user(dc):
                user_ca_domains.append(label)
            if any(c.tag == "pin-set" and any(p.tag == "pin" for p in c.children) for c in dc.children):
                pin_domains.append(label)
        dbg = next((c for c in nsc.children if c.tag == "debug-overrides"), None)
        debug_user_ca = bool(_trusts_user(dbg)) and bool(flags.get("debuggable"))
    return {
        "cleartext_permitted": bool(cleartext),
        "cleartext_domains": cleartext_domains,
        "user_ca_trusted": bool(user_ca or debug_user_ca),
        "user_ca_domains": user_ca_domains,
        "pinning_present": bool(pin_domains),
        "pinned_domains": pin_domains,
        "network_security_config": config_path,
        "network_security_config_error": config_error,
    }
