"""The scanner's evidence lines in the reader's language: the engine (engines/apkscan/evidence.py) gives each
line a stable code and parameters; this is the sentence of each code, translated with gettext. A scan stored
before the codes existed (no "facts") shows its English lines as they are."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import labels

MESSAGES = {
    "sdk": gettext_lazy("%(name)s (%(vendor)s)"),
    "sdk_signatures": gettext_lazy("%(name)s: matched %(signatures)s"),
    "sdk_note": gettext_lazy("%(name)s: %(note)s"),
    "vuln_version_unknown": gettext_lazy(
        "%(advisory)s: %(component)s (the version cannot be read from the package: check it)"
    ),
    "vuln_affected": gettext_lazy(
        "%(advisory)s: %(component)s (version %(version)s is in the affected range)"
    ),
    "embedded_code_file": gettext_lazy("embedded code file %(name)s"),
    "nested_package": gettext_lazy("nested package %(path)s (%(kind)s): %(classes)s classes"),
    "dex_compiler": gettext_lazy("%(file)s: built by %(compiler)s"),
    "host_urls": gettext_lazy("%(host)s: %(count)s URLs, e.g. %(example)s"),
    "dead_link": gettext_lazy("%(url)s: %(detail)s"),
    "yara_match": gettext_lazy("rule %(rule)s matched %(target)s"),
    "no_packer": gettext_lazy("no packer or hardening signature matched"),
    "obfuscation": gettext_lazy("obfuscation: %(name)s"),
    "no_obfuscation": gettext_lazy("no obfuscation detected"),
    "cleartext_permitted": gettext_lazy("cleartext traffic permitted"),
    "cleartext_domain": gettext_lazy("cleartext traffic permitted for %(domain)s"),
    "user_ca_trusted": gettext_lazy("user-installed CA certificates are trusted"),
    "http_url_count": gettext_lazy("%(count)s http:// URLs"),
    "no_pinning": gettext_lazy("no pin-set, pin hashes or pinning library found"),
    "no_certificate": gettext_lazy("no signing certificate found"),
    "signature_not_verified": gettext_lazy("the signature could not be verified"),
    "signature_stripped": gettext_lazy(
        "the v1 signature (.SF) declares X-Android-APK-Signed but there is no v2/v3 signing block"
    ),
    "package_certificate": gettext_lazy("package certificate %(sha256)s (%(subject)s)"),
    "release_certificates": gettext_lazy("registered release certificates: %(certificates)s"),
    "public_test_key": gettext_lazy("%(key)s: %(subject)s (SHA-256 %(sha256)s)"),
    "janus": gettext_lazy("signature schemes %(scheme_list)s, minSdkVersion %(min_sdk)s"),
    "target_api_low": gettext_lazy("targetAPIVersion %(target)s is below the required %(required)s"),
    "native_abis": gettext_lazy("native code ABIs: %(abis)s"),
    "debuggable": gettext_lazy("android:debuggable=true"),
    "allow_backup": gettext_lazy("android:allowBackup is true or absent (it defaults to true)"),
    "test_only": gettext_lazy("android:testOnly=true"),
    "deep_link": gettext_lazy("%(component)s: %(uris)s"),
    "secret_location": gettext_lazy("%(location)s: %(masked)s"),
}


def _target_sdk(params: dict) -> str:
    if params.get("target"):
        return _("targetSdkVersion %(target)s is below the required %(required)s") % params
    return (
        _(
            "targetSdkVersion absent (it defaults to minSdkVersion %(effective)s), below the required %(required)s"
        )
        % params
    )


def _pi_sources(params: dict) -> str:
    parts = [_("permission %(name)s") % {"name": n} for n in params.get("permissions", [])]
    parts += [_("SDK %(name)s") % {"name": n} for n in params.get("sdks", [])]
    category = labels.label(labels.PERSONAL_INFORMATION, params.get("category", ""))
    return _("%(category)s: %(sources)s") % {"category": category, "sources": "、".join(parts)}


COMPONENT_TYPES = {
    "activity": gettext_lazy("activity"),
    "service": gettext_lazy("service"),
    "receiver": gettext_lazy("broadcast receiver"),
    "provider": gettext_lazy("content provider"),
}


def _exported(params: dict) -> str:
    kind = str(COMPONENT_TYPES.get(params.get("type", ""), params.get("type", "")))
    if params.get("permission"):
        return _("%(type)s %(name)s (weak permission %(permission)s)") % {**params, "type": kind}
    return _("%(type)s %(name)s") % {**params, "type": kind}


FUNCTIONS = {"target_sdk_low": _target_sdk, "pi_sources": _pi_sources, "exported_component": _exported}


def line(item: dict) -> str:
    code, params = item.get("code"), item.get("params") or {}
    if code == "raw":
        return str(params.get("text", ""))
    try:
        if code in FUNCTIONS:
            return FUNCTIONS[code](params)
        if code in MESSAGES:
            text = str(MESSAGES[code])
            return text % params if "%(" in text else text
    except (KeyError, TypeError, ValueError):
        pass
    return " ".join(f"{k}={v}" for k, v in params.items()) or str(code)  # an unknown code: its data


def html_line(item: dict) -> str:
    """One line as HTML: values as found (a raw line, a policy note, often English) in <code>, the rest
    translated text, every value escaped."""
    code, params = item.get("code"), item.get("params") or {}
    if code == "raw":
        return format_html("<code>{}</code>", params.get("text", ""))
    if code == "sdk_note" and "sdk_note" in MESSAGES:
        safe = {
            "name": conditional_escape(params.get("name", "")),
            "note": format_html("<code>{}</code>", params.get("note", "")),
        }
        return mark_safe(str(MESSAGES["sdk_note"]) % safe)  # noqa: S308  the catalogue's text, values escaped
    return conditional_escape(line(item))


def html_lines(finding: dict) -> list[str]:
    facts = finding.get("facts")
    if facts is None:
        return [format_html("<code>{}</code>", e) for e in finding.get("evidence", [])]
    return [html_line(f) for f in facts]


def lines(finding: dict) -> list[str]:
    """The finding's evidence in the active language (the English lines of an older scan as they are)."""
    facts = finding.get("facts")
    if facts is None:
        return [str(e) for e in finding.get("evidence", [])]
    return [line(f) for f in facts]
