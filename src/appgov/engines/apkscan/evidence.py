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


def fact(code: str, **params) -> dict:
    if code not in ENGLISH:
        raise KeyError(f"unknown evidence code {code!r}")
    return {"code": code, "params": params}


def raw(text) -> dict:
    return {"code": "raw", "params": {"text": str(text)}}


def as_fact(item) -> dict:
    return item if isinstance(item, dict) else raw(item)


def english(item: dict) -> str:
    return ENGLISH[item["code"]](item["params"])
