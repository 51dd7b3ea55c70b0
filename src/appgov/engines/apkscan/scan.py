"""Public entry point: `scan_file(path, options) -> report dict` (see docs/engines/apkscan.md)."""

from __future__ import annotations

import hashlib
import os
import time

from .catalogue import sdk_catalogue
from .checks import build_findings
from .content import ContentScanner
from .errors import PackageError, UsageError
from .limits import Limits
from .model import Extracted
from .records import Record
from .sdks import SdkMatcher
from .ziparchive import ZipArchive

SCHEMA_VERSION = "1.0"
ENGINE_VERSION = "1.1.0"


class ScanOptions(Record):
    _fields = {
        "allow_domains": None,  # None: no allow-list, URLs get allowed=None
        "release_certs": list,  # SHA-256 fingerprints (hex, colons optional)
        "check_links": False,
        "link_timeout": 3.0,  # per request
        "links_total_timeout": 20.0,  # whole link check
        "max_links": 200,
        "link_workers": 8,
        "yara_rules": None,  # path to a YARA rules file
        "pi_inventory": None,  # declared personal-information categories
        "assessed_sdks": None,  # SDK ids with a security assessment on record
        "extra_catalogues": (),
        "exodus_files": (),
        "min_target_sdk": None,
        "vuln_feeds": (),  # OSV JSON / CSV / XLSX advisories (see vulnfeed.py)
        "limits": Limits,
        "appid": None,  # mini-program appid: decrypts Windows-cache (V1MMWX) copies of .wxapkg
    }
    __slots__ = tuple(_fields)


def normalise_fingerprint(fp: str) -> str:
    clean = fp.replace(":", "").replace(" ", "").lower()
    if len(clean) != 64 or any(c not in "0123456789abcdef" for c in clean):
        raise UsageError(f"release certificate {fp!r} is not a SHA-256 fingerprint (64 hex digits)")
    return clean


def detect_platform(zf: ZipArchive) -> str:
    names = zf.entries
    if "AndroidManifest.xml" in names:
        return "android"
    if any(n.startswith("Payload/") and n.endswith(".app/Info.plist") and n.count("/") == 2 for n in names):
        return "ios"
    if "module.json" in names or "config.json" in names:
        return "harmonyos"
    if any(n.endswith(".hap") for n in names) and "pack.info" in names:
        return "harmonyos-app"
    if "classes.dex" in names:
        raise PackageError("has classes.dex but no AndroidManifest.xml (not an installable APK)", zf.label)
    raise PackageError(
        "not an APK, IPA or HAP: no AndroidManifest.xml, Payload/*.app/Info.plist or module.json", zf.label
    )


def _domain_allowed(host: str, allowed: list[str]) -> bool:
    for d in allowed:
        d = d.lower().lstrip("*").lstrip(".")
        if host == d or host.endswith("." + d):
            return True
    return False


def _build_urls(ex: Extracted, options: ScanOptions) -> list[dict]:
    from .content import normalise_url

    out = []
    for url, locations in sorted(ex.scanner.found.urls.items()):
        norm = normalise_url(url)
        if norm is None:
            continue
        url, host, scheme = norm
        out.append(
            {
                "url": url,
                "host": host,
                "scheme": scheme,
                "allowed": None
                if options.allow_domains is None
                else _domain_allowed(host, options.allow_domains),
                "locations": sorted(locations)[:3],
            }
        )
    return out


def scan_file(path: str, options: ScanOptions | None = None) -> dict:
    """Analyse one package. Raises PackageError when the package cannot be analysed, UsageError on bad options."""
    options = options or ScanOptions()
    started = time.perf_counter()
    release = [normalise_fingerprint(f) for f in options.release_certs]
    # the user's own files are checked before the package; the shipped catalogue waits until the
    # package has proved readable, so a bad file fails before any other work
    catalogue = None
    if options.extra_catalogues or options.exodus_files:
        catalogue = sdk_catalogue(tuple(options.extra_catalogues), tuple(options.exodus_files))
    advisories = []
    if options.vuln_feeds:
        from .vulnfeed import load_feed

        advisories = [a for f in options.vuln_feeds for a in load_feed(f)]
    from .miniprogram import is_miniprogram_input

    if is_miniprogram_input(path):  # options are validated above; the mini-program path compiles YARA itself
        from .miniprogram import scan_miniprogram

        return scan_miniprogram(path, options)
    yara_rules = None
    if options.yara_rules:
        from .yara_rules import compile_rules

        yara_rules = compile_rules(options.yara_rules)
    if os.path.isdir(path):
        raise PackageError("is a directory, not a package file (give the .apk / .ipa / .hap itself)", path)
    if not os.path.exists(path):
        raise PackageError("no such file", path)
    if not os.path.isfile(path):
        raise PackageError("is not a regular file (device, pipe or socket)", path)
    limits = options.limits
    zf, handle = ZipArchive.open_file(path, limits)
    try:
        sha256 = _sha256_file(path)  # read, not hashed through the map: mapped pages would count as memory
        platform = detect_platform(zf)
        if catalogue is None:
            catalogue = sdk_catalogue()
        scanner = ContentScanner(limits)
        keep = yara_rules is not None
        if platform == "android":
            from .android import analyse_apk

            ex = analyse_apk(zf, path, limits, scanner, keep)
        elif platform == "ios":
            from .ios import analyse_ipa

            ex = analyse_ipa(zf, limits, scanner, keep)
        else:
            from .harmony import analyse_hap

            ex = analyse_hap(zf, limits, scanner, keep)
        report = _assemble(ex, path, sha256, options, catalogue, release)
        report["privacy_policy"] = _packaged_policy(zf, limits)
        if yara_rules is not None:
            from .yara_rules import run_rules

            report["yara"] = run_rules(yara_rules, path, ex.yara_targets)
        else:
            report["yara"] = {"rules_file": None, "matches": []}
    finally:
        handle.close()
    if options.check_links:
        from .links import check_links

        check_links(report["urls"], options)
    if options.vuln_feeds:
        from .vulnfeed import match

        report["vulnerabilities"] = match(report, advisories)
    report["findings"] = build_findings(ex, report, options)
    report["summary"] = _summary(report)
    report["elapsed_ms"] = int((time.perf_counter() - started) * 1000)
    return report


def _packaged_policy(zf: ZipArchive, limits: Limits) -> dict | None:
    """The privacy policy the package carries; in a HarmonyOS .app bundle, the entry module's when the bundle
    itself has none."""
    from .policy_asset import MAX_POLICY_BYTES, find_policy

    def search(archive: ZipArchive) -> dict | None:
        return find_policy(
            archive.names(),
            lambda n: archive.entries[n].size,
            lambda n: archive.read(n, max_size=MAX_POLICY_BYTES),
        )

    found = search(zf)
    haps = [n for n in zf.names() if n.endswith(".hap")]
    if found or not haps or "module.json" in zf or "config.json" in zf:
        return found
    entry = next((h for h in haps if "entry" in h.lower()), haps[0])
    if zf.entries[entry].size > limits.max_nested_hap_size:
        return None
    inner = search(ZipArchive(zf.read(entry), f"{zf.label}!{entry}", limits, zf._budget))
    return {**inner, "path": f"{entry}!{inner['path']}"} if inner else None


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _assemble(
    ex: Extracted, path: str, sha256: str, options: ScanOptions, catalogue, release: list[str]
) -> dict:
    urls = _build_urls(ex, options)
    hosts = sorted({u["host"] for u in urls})
    matcher = SdkMatcher(catalogue)
    sdks = matcher.match(ex.class_names, ex.native_libs, hosts, ex.ios_classes + ex.frameworks)
    markers = {k: sorted(v)[:10] for k, v in ex.scanner.found.markers.items()}
    signing = dict(ex.signing)
    leaf = {c["sha256"] for c in signing.get("certificates", [])}
    signing["matches_release_cert"] = (bool(leaf & set(release)) if leaf else False) if release else None
    network = dict(ex.network)
    http_urls = [u for u in urls if u["scheme"] in ("http", "ws")]
    network["http_url_count"] = len(http_urls)
    if markers.get("pin_hashes") or markers.get("pinning"):
        network["pinning_present"] = True
        network.setdefault(
            "pinning_evidence", (markers.get("pin_hashes", []) + markers.get("pinning", []))[:5]
        )
    abis = ex.abis
    policy_64 = {"arm64-v8a", "x86_64", "riscv64", "arm64", "arm64e"}
    has_64 = any(a in policy_64 for a in abis) if abis else None
    native = {
        "abis": abis,
        "has_64bit": has_64,
        "libraries": [
            {"path": p, "abi": p.split("/")[1] if p.count("/") >= 2 else None} for p in ex.native_libs[:500]
        ],
    }
    extra = dict(ex.extra)
    deep_links = extra.pop("deep_links", [])
    nested = [_nested_report(n, matcher) for n in extra.pop("nested", [])]
    emulator_checks = extra.pop("emulator_checks", [])
    emulator_checks += [c for n in _walk(nested) for c in n.pop("emulator_checks", [])]
    tooling = {"dex": extra.pop("tooling", []), "manipulators": extra.pop("manipulators", [])}
    hardening = {
        "packers": ex.packers,
        "obfuscators": ex.obfuscators,
        "anti_debug": markers.get("anti_debug", []),
        "anti_root": markers.get("anti_root", []),
        "emulator_detection": markers.get("emulator_detection", []) + emulator_checks[:20],
        "anti_analysis": ex.anti_analysis,
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "engine": {"name": "appgov.engines.apkscan", "version": ENGINE_VERSION},
        "file": {"name": os.path.basename(path), "size": os.path.getsize(path), "sha256": sha256},
        "platform": "harmonyos" if ex.platform.startswith("harmonyos") else ex.platform,
        "app": ex.app,
        "permissions": ex.permissions,
        "components": ex.components,
        "sdks": sdks,
        "urls": urls,
        "signing": signing,
        "hardening": hardening,
        "network": network,
        "flags": ex.flags,
        "native": native,
        "secrets": [{k: v for k, v in s.items()} for s in ex.scanner.found.secrets],
        "deep_links": deep_links,
        "tooling": tooling,
        "nested": nested,
        "platform_details": extra,
    }


def _walk(nested: list[dict]):
    for n in nested:
        yield n
        yield from _walk(n["nested"])


def _nested_report(item: dict, matcher: SdkMatcher) -> dict:
    """A nested package's facts with its SDKs matched from its own class names."""
    out = dict(item)
    out["sdks"] = matcher.match(out.pop("class_names", []))
    out["nested"] = [_nested_report(n, matcher) for n in item["nested"]]
    return out


def _summary(report: dict) -> dict:
    sev: dict[str, int] = {}
    for f in report["findings"]:
        sev[f["severity"]] = sev.get(f["severity"], 0) + 1
    return {
        "findings_by_severity": sev,
        "sdk_count": len(report["sdks"]),
        "url_count": len(report["urls"]),
        "permission_count": len(report["permissions"]),
        "exported_component_count": sum(1 for c in report["components"] if c["exported"]),
    }
