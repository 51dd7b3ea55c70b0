"""iOS (.ipa) analysis: Info.plist, provisioning profile, Mach-O executables and embedded frameworks."""

from __future__ import annotations

import plistlib
import re

from .catalogue import load_data
from .content import ContentScanner
from .errors import PackageError
from .limits import Limits
from .macho import parse_code_signature, parse_macho
from .model import Extracted
from .ziparchive import ZipArchive

MAX_PLIST = 8 * 1024 * 1024
FRAMEWORK_RE = re.compile(r"^Payload/[^/]+\.app/Frameworks/([^/]+)\.framework/([^/]+)$")


def _load_plist(data: bytes, where: str) -> dict:
    try:
        value = plistlib.loads(data)
    except RecursionError:
        raise PackageError("property list nested too deeply", where) from None
    except Exception as exc:  # noqa: BLE001 - plistlib raises InvalidFileException, ValueError, etc.
        raise PackageError(f"not a valid property list ({type(exc).__name__}: {exc})", where) from None
    if not isinstance(value, dict):
        raise PackageError("property list root is not a dictionary", where)
    return value


def _provisioning(data: bytes) -> dict | None:
    start, end = data.find(b"<?xml"), data.find(b"</plist>")
    if start < 0 or end < 0:
        return None
    try:
        prof = plistlib.loads(data[start : end + len(b"</plist>")])
    except Exception:  # noqa: BLE001
        return None
    if not isinstance(prof, dict):
        return None
    ents = prof.get("Entitlements") or {}
    devices = prof.get("ProvisionedDevices") or []
    if prof.get("ProvisionsAllDevices"):
        kind = "enterprise"
    elif devices and ents.get("get-task-allow"):
        kind = "development"
    elif devices:
        kind = "ad-hoc"
    else:
        kind = "app-store"
    exp = prof.get("ExpirationDate")
    return {
        "name": prof.get("Name"),
        "team_id": (prof.get("TeamIdentifier") or [None])[0],
        "team_name": prof.get("TeamName"),
        "app_id_name": prof.get("AppIDName"),
        "distribution": kind,
        "provisioned_device_count": len(devices),
        "expiration_date": exp.isoformat() if hasattr(exp, "isoformat") else None,
        "get_task_allow": bool(ents.get("get-task-allow")),
    }


def analyse_ipa(zf: ZipArchive, limits: Limits, scanner: ContentScanner, keep_for_yara: bool) -> Extracted:
    plist_name = next(
        n
        for n in zf.names()
        if n.startswith("Payload/") and n.endswith(".app/Info.plist") and n.count("/") == 2
    )
    app_dir = plist_name[: -len("Info.plist")]
    plist_bytes = zf.read(plist_name, max_size=MAX_PLIST)
    info = _load_plist(plist_bytes, f"{zf.label}!{plist_name}")
    app = {
        "id": str(info.get("CFBundleIdentifier") or ""),
        "name": info.get("CFBundleDisplayName") or info.get("CFBundleName"),
        "version_name": _s(info.get("CFBundleShortVersionString")),
        "version_code": _s(info.get("CFBundleVersion")),
        "min_os": _s(info.get("MinimumOSVersion")),
        "target_os": _s(info.get("DTPlatformVersion") or info.get("DTSDKName")),
    }
    usage = load_data("permissions.json")["ios_usage_descriptions"]
    permissions = []
    for key, value in sorted((k, v) for k, v in info.items() if isinstance(k, str)):
        if key.endswith("UsageDescription"):
            permissions.append(
                {
                    "name": key,
                    "protection_level": "user_consent",
                    "dangerous": True,
                    "pi_category": usage.get(key),
                    "defined_by_app": False,
                    "description": str(value)[:500],
                }
            )
    ats = info.get("NSAppTransportSecurity") or {}
    if not isinstance(ats, dict):
        ats = {}
    arbitrary = bool(ats.get("NSAllowsArbitraryLoads"))
    exceptions = []
    for dom, cfg in (ats.get("NSExceptionDomains") or {}).items():
        if isinstance(cfg, dict) and (
            cfg.get("NSExceptionAllowsInsecureHTTPLoads")
            or cfg.get("NSTemporaryExceptionAllowsInsecureHTTPLoads")
        ):
            exceptions.append(str(dom))
    url_schemes = []
    for t in info.get("CFBundleURLTypes") or []:
        if isinstance(t, dict):
            url_schemes += [str(s) for s in t.get("CFBundleURLSchemes") or []]
    scanner.scan(plist_bytes, plist_name, markers=False)

    provisioning = None
    prov_name = app_dir + "embedded.mobileprovision"
    if prov_name in zf:
        provisioning = _provisioning(zf.read(prov_name, max_size=MAX_PLIST))

    exe_name = app_dir + str(info.get("CFBundleExecutable") or "")
    if not info.get("CFBundleExecutable") or exe_name not in zf:
        raise PackageError(
            f"CFBundleExecutable {info.get('CFBundleExecutable')!r} not found in the bundle", zf.label
        )
    binaries = [(exe_name, True)]
    frameworks = []
    for n in zf.names():
        m = FRAMEWORK_RE.match(n)
        if m:
            frameworks.append(m.group(1))
            if m.group(1) == m.group(2):
                binaries.append((n, False))
        elif n.startswith(app_dir + "Frameworks/") and n.endswith(".dylib") and n.count("/") == 4:
            frameworks.append(n.rsplit("/", 1)[1][:-6])
    classes: list[str] = []
    archs: list[str] = []
    encrypted = False
    signing = {
        "schemes": [],
        "certificates": [],
        "verified": False,
        "verification_errors": [],
        "signature_stripped": False,
    }
    entitlements = None
    dylibs: list[str] = []
    yara_targets = []
    notes: list[str] = []
    for name, is_main in binaries:
        entry = zf.entries[name]
        streamed = entry.size > limits.max_binary_in_memory
        if streamed:
            from .macho_stream import parse_streamed

            slices, data, more = parse_streamed(
                zf, entry, f"{zf.label}!{name}", limits.max_binary_sections, scanner, name, is_main
            )
            notes += more + [
                f"{name}: {entry.size} bytes, over the {limits.max_binary_in_memory} byte in-memory "
                "limit: analysed in streamed passes" + (", not given to YARA" if keep_for_yara else "")
            ]
        else:
            data = zf.read_entry(entry)
            slices = parse_macho(data, f"{zf.label}!{name}")
        for sl in slices:
            classes.extend(sl.classes)
            scanner.scan(sl.cstrings, name)
            if is_main:
                if sl.arch not in archs:
                    archs.append(sl.arch)
                encrypted = encrypted or sl.encrypted
                dylibs.extend(d for d in sl.dylibs if d not in dylibs)
        if is_main:
            if not streamed:
                scanner.scan(data, name, urls=False)
            main_sig = next((s for s in slices if s.code_signature), None)
            if main_sig is not None:
                cs = parse_code_signature(
                    main_sig.code_signature, data, main_sig.code_limit_data[0], f"{zf.label}!{name}"
                )
                signing["schemes"] = ["ios-code-signature"]
                for c in cs["certificates"]:
                    c["schemes"] = ["ios-code-signature"]
                signing["certificates"] = cs["certificates"]
                signing["verified"] = cs["verified"]
                signing["verification_errors"] = cs["errors"]
                entitlements = cs["entitlements"]
        if keep_for_yara and not streamed:
            yara_targets.append((name, data))
        del data

    get_task_allow = bool((entitlements or {}).get("get-task-allow")) or bool(
        provisioning and provisioning["get_task_allow"]
    )
    flags = {
        "debuggable": get_task_allow,
        "debuggable_reason": "get-task-allow entitlement is true" if get_task_allow else None,
        "allow_backup": None,
        "test_only": False,
        "ats_allows_arbitrary_loads": arbitrary,
        "fairplay_encrypted": encrypted,
    }
    network = {
        "cleartext_permitted": arbitrary,
        "cleartext_reason": "NSAppTransportSecurity NSAllowsArbitraryLoads = true" if arbitrary else None,
        "cleartext_domains": exceptions,
        "user_ca_trusted": False,
        "user_ca_domains": [],
        "pinning_present": False,
        "ats_exception_domains": exceptions,
    }
    return Extracted(
        platform="ios",
        app=app,
        scanner=scanner,
        permissions=permissions,
        components=[],
        flags=flags,
        native_libs=[n for n, _ in binaries],
        abis=archs,
        signing=signing,
        network=network,
        ios_classes=classes,
        frameworks=frameworks,
        entry_names=zf.names(),
        packers=[],
        obfuscators=[],
        anti_analysis=(
            ["FairPlay-encrypted executable: class names and strings are not readable"] if encrypted else []
        )
        + notes,
        extra={
            "analysis_limits": notes,
            "url_schemes": url_schemes,
            "queried_url_schemes": [str(s) for s in info.get("LSApplicationQueriesSchemes") or []][:200],
            "provisioning": provisioning,
            "frameworks": frameworks,
            "linked_dylibs": dylibs[:200],
            "objc_class_count": len(classes),
            "entitlements": _plain(entitlements),
        },
        yara_targets=yara_targets,
    )


def _s(v) -> str | None:
    return None if v is None else str(v)


def _plain(value, depth: int = 0):
    if depth > 8:
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value[:100]]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)
