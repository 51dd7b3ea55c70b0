"""The scanner's evidence lines in the reader's language: the engine (engines/apkscan/evidence.py) gives each
line a stable code and parameters; this is the sentence of each code, translated with gettext. A scan stored
before the codes existed (no "facts") shows its English lines as they are."""

import re

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
    # the mini-program's lines
    "mp_webview_query": gettext_lazy(
        '%(location)s: <web-view src="%(src)s">, the page code reads %(query_source)s into it'
    ),
    "mp_eval": gettext_lazy("eval called at %(location)s"),
    "mp_function_constructor": gettext_lazy("Function constructor called at %(location)s"),
    "mp_no_obfuscator": gettext_lazy("%(count)s code files; no obfuscator identifiers found"),
    "mp_http_url_count": gettext_lazy("%(count)s http:// or ws:// URLs"),
    "mp_declared_info_unused": gettext_lazy(
        "requiredPrivateInfos declares %(name)s but the code never uses it"
    ),
    "mp_declared_scope_unused": gettext_lazy("permission declares %(name)s but the code never uses it"),
    # sub-analyses' messages, coded by their wording (engines/apkscan/evidence.MESSAGE_TEMPLATES)
    "mp_debug_config": gettext_lazy('%(file)s: "debug": true'),
    "mp_set_enable_debug": gettext_lazy("wx.setEnableDebug({enableDebug: true}) called at %(location)s"),
    "mp_vconsole": gettext_lazy("vConsole shipped in the package: %(evidence)s"),
    "mp_trailing_bytes": gettext_lazy("%(package)s: %(count)s bytes after the declared data area"),
    "mp_subpackage_missing": gettext_lazy(
        "sub-package %(root)s is declared but none of the given packages holds it"
    ),
    "mp_no_main_package": gettext_lazy(
        "no main package: none of the given packages has /app-config.json or /app.json"
    ),
    "ats_arbitrary_loads": gettext_lazy(
        "NSAppTransportSecurity NSAllowsArbitraryLoads = true (arbitrary cleartext loads allowed)"
    ),
    "dex_marker": gettext_lazy("compiler marker %(marker)s"),
    "dex_map_order_not_r8": gettext_lazy("the map_list order is not that of d8/r8"),
    "dex_map_before_data": gettext_lazy("map_list written before the data section"),
    "dex_map_order": gettext_lazy("map_list data order %(order)s"),
    "zip_fake_encryption": gettext_lazy(
        "ZIP encryption flag set on %(count)s entries that are not encrypted (fake encryption)"
    ),
    "sig_bad_public_key": gettext_lazy("the public key is not a valid DER SubjectPublicKeyInfo"),
    "sig_algorithm_not_verified": gettext_lazy("the signature (algorithm %(algorithm)s) does not verify"),
    "sig_no_digest": gettext_lazy("no content digest for algorithm %(algorithm)s"),
    "sig_digest_mismatch": gettext_lazy("the content digest (%(digest)s) does not match the archive"),
    "sig_no_algorithm": gettext_lazy("no supported signature algorithm"),
    "sig_key_differs": gettext_lazy("the certificate's public key differs from the signer's public key"),
    "sig_first_cert_unreadable": gettext_lazy("the first certificate cannot be parsed"),
    "sig_no_certificate": gettext_lazy("the signer has no certificate"),
    "sig_no_sf": gettext_lazy("no matching .SF file"),
    "sig_pkcs7_unreadable": gettext_lazy("the PKCS#7 block cannot be parsed (%(detail)s)"),
    "sig_no_signer": gettext_lazy("the signature block names no signer"),
    "sig_cert_not_in_block": gettext_lazy("the signer's certificate is not in the PKCS#7 block"),
    "sig_unsupported_digest": gettext_lazy("unsupported digest algorithm"),
    "sig_message_digest_mismatch": gettext_lazy("the signed message digest does not match %(sf)s"),
    "sig_key_unreadable": gettext_lazy("the signer certificate's key cannot be read"),
    "sig_sf_not_verified": gettext_lazy("the signature over %(sf)s does not verify"),
    "sig_manifest_missing": gettext_lazy("META-INF/MANIFEST.MF is missing"),
    "sig_sf_empty": gettext_lazy("%(sf)s is empty"),
    "sig_section_mismatch": gettext_lazy("the digest of manifest section %(section)s does not match"),
    "sig_entry_not_covered": gettext_lazy("entry %(entry)s is not covered by the v1 signature"),
    "sig_entry_digest_mismatch": gettext_lazy(
        "entry %(entry)s: its %(algorithm)s digest in MANIFEST.MF does not match"
    ),
    "sig_v2_stripped": gettext_lazy(
        "the v1 signature says the package was signed with v2/v3, but that signature was stripped"
    ),
}


def _joined(values) -> str:
    return "、".join(str(v) for v in values) if values else str(_("(none)"))


def _mp_plugin(params: dict) -> str:
    values = {
        "alias": params.get("alias", ""),
        "provider": params.get("provider") or _("(none)"),
        "version": params.get("version") or _("(none)"),
    }
    if params.get("subpackage"):
        return _(
            "plugin %(alias)s: provider %(provider)s, version %(version)s, in sub-package %(subpackage)s"
        ) % {
            **values,
            "subpackage": params["subpackage"],
        }
    return _("plugin %(alias)s: provider %(provider)s, version %(version)s") % values


def _mp_private_call(params: dict) -> str:
    return _("wx.%(api)s (%(category)s) called %(count)s times, e.g. at %(locations)s") % {
        "api": params.get("api", ""),
        "category": labels.label(labels.PERSONAL_INFORMATION, params.get("category", "")),
        "count": params.get("count", ""),
        "locations": _joined(params.get("locations")),
    }


def _mp_required(params: dict) -> str:
    return _("requiredPrivateInfos declares: %(declared)s") % {"declared": _joined(params.get("declared"))}


def _mp_permission_desc(params: dict) -> str:
    apis = _joined([f"wx.{a}" for a in params.get("apis", [])])
    return _("%(scope)s is needed by %(apis)s, but the permission of app.json gives no purpose for it") % {
        "scope": params.get("scope", ""),
        "apis": apis,
    }


def _mp_privacy_calls(params: dict) -> str:
    return _("%(count)s privacy interfaces called: %(apis)s") % {
        "count": params.get("count", ""),
        "apis": _joined(params.get("apis")),
    }


def _mp_pi_sources(params: dict) -> str:
    parts = [f"wx.{a}" for a in params.get("apis", [])]
    parts += [_("open-type %(name)s") % {"name": t} for t in params.get("open_types", [])]
    parts += [_("SDK %(name)s") % {"name": n} for n in params.get("sdks", [])]
    category = labels.label(labels.PERSONAL_INFORMATION, params.get("category", ""))
    return _("%(category)s: %(sources)s") % {"category": category, "sources": "、".join(parts[:10])}


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


MASKED_KEY = re.compile(r"^(?P<label>.+) \(key material masked\)$")
MASKED_VALUE = re.compile(r"^(?P<value>.+) \((?P<count>\d+) chars\)$")


def masked_value(masked: str) -> str:
    """The scanner's masked secret (engines/apkscan/content.mask) with its English note translated."""
    if match := MASKED_KEY.match(masked):
        return _("%(label)s (key material masked)") % match.groupdict()
    if match := MASKED_VALUE.match(masked):
        return _("%(value)s (%(count)s characters)") % match.groupdict()
    return masked


def _secret(params: dict) -> str:
    return _("%(location)s: %(masked)s") % {
        "location": params.get("location", ""),
        "masked": masked_value(str(params.get("masked", ""))),
    }


FUNCTIONS = {
    "secret_location": _secret,
    "target_sdk_low": _target_sdk,
    "pi_sources": _pi_sources,
    "exported_component": _exported,
    "mp_plugin": _mp_plugin,
    "mp_private_call": _mp_private_call,
    "mp_required_private_infos": _mp_required,
    "mp_permission_desc_missing": _mp_permission_desc,
    "mp_privacy_calls": _mp_privacy_calls,
    "mp_pi_sources": _mp_pi_sources,
}


def line(item: dict) -> str:
    code, params = item.get("code"), item.get("params") or {}
    if code == "raw":
        return str(params.get("text", ""))
    try:
        if code in FUNCTIONS:
            return FUNCTIONS[code](params)
        if code in MESSAGES:
            text = str(MESSAGES[code])
            text = text % params if "%(" in text else text
            if params.get("where"):  # a sub-analysis's message located in the package ("v1: META-INF/…")
                return _("%(where)s: %(message)s") % {"where": params["where"], "message": text}
            return text
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
