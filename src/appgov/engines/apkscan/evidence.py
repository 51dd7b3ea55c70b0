"""Evidence lines of findings as data: a stable code and its parameters (`{"code": …, "params": {…}}`), so a
user interface renders each line in the reader's language; the English line (`finding["evidence"]`, used by
the text report and by finding fingerprints) is rendered here from the same fact and must not change wording
(a changed line would change a fingerprint and lose a triage decision).

Code "raw" carries a value as found in the package or given by a sub-analysis (a host, a URL, a certificate
subject, a parser's message): it is shown as it is."""

from __future__ import annotations

from collections.abc import Callable


def _target_sdk(p: dict) -> str:
    target = p["target"] or f"(absent, defaults to minSdkVersion {p['effective']})"
    return f"targetSdkVersion {target} < {p['required']}"


def _pi_sources(p: dict) -> str:
    parts = [f"permission {x}" for x in p["permissions"]] + [f"SDK {x}" for x in p["sdks"]]
    return f"{p['category']}: " + ", ".join(parts[:10])


ENGLISH: dict[str, Callable[[dict], str]] = {
    "raw": lambda p: p["text"],
    "sdk": lambda p: f"{p['name']} ({p['vendor']})",
    "sdk_signatures": lambda p: f"{p['name']}: {p['signatures']}",
    "sdk_note": lambda p: f"{p['name']}: {p['note']}",
    "vuln_version_unknown": lambda p: (
        f"{p['advisory']}: {p['component']} (version not known from the package: check it)"
    ),
    "vuln_affected": lambda p: (
        f"{p['advisory']}: {p['component']} (version {p['version']} is in the affected range)"
    ),
    "embedded_code_file": lambda p: f"embedded code file {p['name']}",
    "nested_package": lambda p: (
        f"nested {p['kind']} {p['path']}: {p['classes']} classes"
        + (f", SDKs {p['sdks']}" if p.get("sdks") else "")
    ),
    "dex_compiler": lambda p: f"{p['file']}: {p['compiler']}",
    "host_urls": lambda p: f"{p['host']}: {p['count']} URL(s), e.g. {p['example']}",
    "dead_link": lambda p: f"{p['url']}: {p['detail']}",
    "yara_match": lambda p: f"rule {p['rule']} matched {p['target']}",
    "no_packer": lambda p: "no packer / hardening signature matched",
    "obfuscation": lambda p: f"obfuscation: {p['name']}",
    "no_obfuscation": lambda p: "no obfuscation detected",
    "cleartext_permitted": lambda p: "cleartext permitted",
    "cleartext_domain": lambda p: f"cleartext permitted for: {p['domain']}",
    "user_ca_trusted": lambda p: "user CAs trusted",
    "http_url_count": lambda p: f"{p['count']} http:// URL(s)",
    "no_pinning": lambda p: "no pin-set, pin hashes or pinning library found",
    "no_certificate": lambda p: "no signing certificate found",
    "signature_not_verified": lambda p: "signature not verified",
    "signature_stripped": lambda p: "v1 .SF declares X-Android-APK-Signed but no v2/v3 block is present",
    "package_certificate": lambda p: f"package certificate {p['sha256']} ({p['subject']})",
    "release_certificates": lambda p: f"registered release certificate(s): {p['certificates']}",
    "public_test_key": lambda p: f"{p['key']}: {p['subject']} (sha256 {p['sha256']})",
    "janus": lambda p: f"schemes {p['schemes']}, minSdkVersion {p['min_sdk']}",
    "pi_sources": _pi_sources,
    "target_sdk_low": _target_sdk,
    "target_api_low": lambda p: f"targetAPIVersion {p['target']} < {p['required']}",
    "native_abis": lambda p: f"native code ABIs: {p['abis']}",
    "debuggable": lambda p: "android:debuggable=true",
    "allow_backup": lambda p: "android:allowBackup is true or absent (defaults to true)",
    "test_only": lambda p: "android:testOnly=true",
    "exported_component": lambda p: (
        f"{p['type']} {p['name']}" + (f" (weak permission {p['permission']})" if p.get("permission") else "")
    ),
    "deep_link": lambda p: f"{p['component']}: {p['uris']}",
    "secret_location": lambda p: f"{p['location']}: {p['masked']}",
}


# the mini-program's lines (miniprogram/findings.py)
ENGLISH.update(
    {
        "mp_plugin": lambda p: (
            f"plugin {p['alias']}: provider {p['provider'] or '(none)'} version {p['version'] or '(none)'}"
            + (f" in sub-package {p['subpackage']}" if p.get("subpackage") else "")
        ),
        "mp_private_call": lambda p: (
            f"wx.{p['api']} ({p['category']}) called {p['count']}x, e.g. {', '.join(p['locations'])}"
        ),
        "mp_required_private_infos": lambda p: f"requiredPrivateInfos: {p['declared']}",
        "mp_permission_desc_missing": lambda p: (
            f"{p['scope']} needed by {', '.join('wx.' + a for a in p['apis'])}; app.json permission has no "
            "purpose for it"
        ),
        "mp_declared_info_unused": lambda p: f"requiredPrivateInfos: {p['name']}",
        "mp_declared_scope_unused": lambda p: f"permission: {p['name']}",
        "mp_privacy_calls": lambda p: f"{p['count']} privacy interface(s) called: {', '.join(p['apis'])}",
        "mp_pi_sources": lambda p: f"{p['category']}: " + ", ".join(_mp_sources(p)[:10]),
        "mp_webview_query": lambda p: (
            f'{p["location"]}: <web-view src="{p["src"]}">, page code reads {p["query_source"]}'
        ),
        "mp_eval": lambda p: f"eval: {p['location']}",
        "mp_function_constructor": lambda p: f"Function constructor: {p['location']}",
        "mp_no_obfuscator": lambda p: f"{p['count']} code file(s); no obfuscator identifiers found",
        "mp_http_url_count": lambda p: f"{p['count']} http:// or ws:// URL(s)",
    }
)


def _mp_sources(p: dict) -> list[str]:
    return (
        [f"wx.{a}" for a in p["apis"]]
        + [f"open-type {t}" for t in p["open_types"]]
        + [f"SDK {s}" for s in p["sdks"]]
    )


# Messages of the sub-analyses (signature verification, DEX tooling, ZIP layout, ATS), found by their wording:
# a line that reads exactly like one of these templates gets its code and parameters; any other line stays raw.
# A message may be located ("v1: META-INF/CERT.RSA: …"): the location is the parameter "where".
MESSAGE_TEMPLATES: dict[str, str] = {
    "ats_arbitrary_loads": "NSAppTransportSecurity NSAllowsArbitraryLoads = true",
    "dex_marker": "marker {marker}",
    "dex_map_order_not_r8": "map_list order is not d8/r8's",
    "dex_map_before_data": "map_list written before the data section",
    "dex_map_order": "map_list data order {order}",
    "zip_fake_encryption": (
        "ZIP encryption flag set on {count} entries that are not encrypted (fake encryption)"
    ),
    "sig_bad_public_key": "public key is not valid DER SubjectPublicKeyInfo",
    "sig_algorithm_not_verified": "signature (algorithm {algorithm}) does not verify",
    "sig_no_digest": "no content digest for algorithm {algorithm}",
    "sig_digest_mismatch": "content digest ({digest}) does not match the archive",
    "sig_no_algorithm": "no supported signature algorithm",
    "sig_key_differs": "certificate public key differs from the signer's public key",
    "sig_first_cert_unreadable": "first certificate cannot be parsed",
    "sig_no_certificate": "signer has no certificate",
    "sig_no_sf": "no matching .SF file",
    "sig_pkcs7_unreadable": "PKCS#7 cannot be parsed ({detail})",
    "sig_no_signer": "no signer",
    "sig_cert_not_in_block": "signer certificate not in the PKCS#7 block",
    "sig_unsupported_digest": "unsupported digest algorithm",
    "sig_message_digest_mismatch": "signed message digest does not match {sf}",
    "sig_key_unreadable": "signer certificate key cannot be read",
    "sig_sf_not_verified": "signature over {sf} does not verify",
    "sig_manifest_missing": "META-INF/MANIFEST.MF missing",
    "sig_sf_empty": "{sf} is empty",
    "sig_section_mismatch": "digest of manifest section {section} does not match",
    "sig_entry_not_covered": "entry {entry} is not covered by the v1 signature",
    "sig_entry_digest_mismatch": "entry {entry}: {algorithm} digest in MANIFEST.MF does not match",
    "sig_v2_stripped": "v1 signature says the package was signed with v2/v3 but that signature was stripped",
    # the mini-program's sub-analyses (miniprogram/scan.py)
    "mp_debug_config": '{file}: "debug": true',
    "mp_set_enable_debug": "wx.setEnableDebug({{enableDebug: true}}) at {location}",
    "mp_vconsole": "vConsole shipped: {evidence}",
    "mp_trailing_bytes": "{package}: {count} bytes after the declared data area",
    "mp_subpackage_missing": "sub-package {root} declared but no package holding it was given",
    "mp_no_main_package": "no main package: no /app-config.json or /app.json in the given packages",
}


def _template_english(template: str) -> Callable[[dict], str]:
    def render(p: dict) -> str:
        text = template.format(**{k: v for k, v in p.items() if k != "where"})
        return f"{p['where']}: {text}" if p.get("where") else text

    return render


ENGLISH.update({code: _template_english(t) for code, t in MESSAGE_TEMPLATES.items()})


def _template_regex(template: str):
    import re

    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(
        re.escape(x.replace("{{", "{").replace("}}", "}")) if i % 2 == 0 else f"(?P<{x}>.+?)"
        for i, x in enumerate(parts)
    )
    return re.compile(pattern)


_TEMPLATE_RES = {code: _template_regex(t) for code, t in MESSAGE_TEMPLATES.items()}


def _coded(text: str) -> dict | None:
    """The message's code and parameters if its wording is a known template (its English line unchanged)."""
    candidates = [("", text)]
    start = 0
    while (i := text.find(": ", start)) != -1:  # a located message: "where: message"
        candidates.append((text[:i], text[i + 2 :]))
        start = i + 2
    for where, message in candidates:
        for code, regex in _TEMPLATE_RES.items():
            match = regex.fullmatch(message)
            if match is None:
                continue
            params = dict(match.groupdict(), **({"where": where} if where else {}))
            if ENGLISH[code](params) == text:
                return {"code": code, "params": params}
    return None


def fact(code: str, **params) -> dict:
    if code not in ENGLISH:
        raise KeyError(f"unknown evidence code {code!r}")
    return {"code": code, "params": params}


def raw(text) -> dict:
    return {"code": "raw", "params": {"text": str(text)}}


def as_fact(item) -> dict:
    """A fact as it is; a sub-analysis's message by its template's code when its wording is known; else raw."""
    if isinstance(item, dict):
        return item
    return (_coded(item) if isinstance(item, str) else None) or raw(item)


def english(item: dict) -> str:
    return ENGLISH[item["code"]](item["params"])
