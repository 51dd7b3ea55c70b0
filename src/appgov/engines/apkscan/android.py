"""Android (.apk) analysis: manifest, resources, DEX class tables, native libraries, signatures."""

from __future__ import annotations

import re

from .android_code import DEX_RE, analyse_code
from .antivm import resource_obfuscation
from .arsc import ResourceTable
from .axml import Element, parse_axml
from .catalogue import load_data
from .content import ChunkedScan, ContentScanner, scan_utf16_pool
from .errors import PackageError
from .hardening import detect_obfuscation, detect_packers, name_index
from .limits import Limits
from .model import Extracted
from .netconfig import analyse_network
from .signing import analyse_signing
from .ziparchive import ZipArchive

LIB_RE = re.compile(r"^lib/([^/]+)/([^/]+\.so)$")
TEXT_ASSET_RE = re.compile(
    r"^(assets|res/raw)/.+\.(json|xml|html?|js|txt|properties|conf|cfg|ini|yaml|yml|plist|pem|key)$", re.I
)
EMBEDDED_CODE_RE = re.compile(r"^(assets|res/raw)/.+\.(dex|jar|apk|zip)$", re.I)
COMPONENT_TAGS = ("activity", "activity-alias", "service", "receiver", "provider")


def _permission_facts(name: str, custom: dict[str, str]) -> dict:
    table = load_data("permissions.json")["android"]
    fact = table.get(name)
    if fact is not None:
        level, category = fact["protection_level"], fact["pi_category"]
    elif name in custom:
        level, category = custom[name], None
    else:
        level, category = "unknown", None
    return {
        "name": name,
        "protection_level": level,
        "dangerous": level == "dangerous",
        "pi_category": category,
        "defined_by_app": name in custom,
    }


def _protection_name(level: int | str | None) -> str:
    if isinstance(level, str):
        return level
    base = {0: "normal", 1: "dangerous", 2: "signature", 3: "signatureOrSystem"}.get(
        (level or 0) & 0xF, "normal"
    )
    return base


def _components(app: Element, target_sdk: int, custom: dict[str, str]) -> list[dict]:
    out = []
    for el in app.children:
        if el.tag not in COMPONENT_TAGS:
            continue
        filters = [c for c in el.children if c.tag == "intent-filter"]
        has_filter = bool(filters)
        launcher = any(
            any(
                a.tag == "action" and a.str("android:name") == "android.intent.action.MAIN"
                for a in f.children
            )
            and any(
                a.tag == "category" and a.str("android:name") == "android.intent.category.LAUNCHER"
                for a in f.children
            )
            for f in filters
        )
        exported = el.bool("android:exported")
        explicit = exported is not None
        if exported is None:
            if el.tag == "provider":
                exported = target_sdk < 17
            else:
                exported = has_filter
        permission = el.str("android:permission")
        if el.tag == "provider":
            permission = permission or el.str("android:readPermission") or el.str("android:writePermission")
        enabled = el.bool("android:enabled")
        perm_level = None
        if permission:
            perm_level = custom.get(permission) or (
                load_data("permissions.json")["android"].get(permission) or {}
            ).get("protection_level")
        weak = bool(permission) and perm_level in ("normal", "dangerous")
        out.append(
            {
                "type": "activity" if el.tag == "activity-alias" else el.tag,
                "name": el.str("android:name") or "",
                "exported": bool(exported),
                "exported_explicit": explicit,
                "permission": permission,
                "permission_protection_level": perm_level,
                "protected": bool(permission) and not weak,
                "has_intent_filter": has_filter,
                "launcher": launcher,
                "enabled": enabled is not False,
                "authorities": el.str("android:authorities") if el.tag == "provider" else None,
            }
        )
    return out


def _resolve(value, table: ResourceTable | None) -> str | None:
    if value is None:
        return None
    if value.is_reference and table is not None:
        try:
            return table.resolve_str(value.data)
        except PackageError:
            return None
    return value.as_str()


def analyse_apk(
    zf: ZipArchive, path: str, limits: Limits, scanner: ContentScanner, keep_for_yara: bool
) -> Extracted:
    if "AndroidManifest.xml" not in zf:
        raise PackageError("no AndroidManifest.xml: not an Android package", zf.label)
    manifest_bytes = zf.read("AndroidManifest.xml", max_size=limits.max_manifest_size)
    manifest = parse_axml(
        manifest_bytes, f"{zf.label}!AndroidManifest.xml", limits.max_xml_depth, limits.max_xml_elements
    )
    if manifest.tag != "manifest":
        raise PackageError(
            f"root element is <{manifest.tag}>, not <manifest>", f"{zf.label}!AndroidManifest.xml"
        )
    table = None
    arsc_note = None
    if "resources.arsc" in zf:
        arsc = zf.entries["resources.arsc"]
        if arsc.size > limits.max_resource_table_size:
            arsc_note = (
                f"resources.arsc: {arsc.size} bytes, over the {limits.max_resource_table_size} byte limit: "
                "labels not resolved, strings searched while streaming"
            )
        else:
            try:
                table = ResourceTable(zf.read("resources.arsc"), f"{zf.label}!resources.arsc")
            except PackageError:
                table = (
                    None  # resources are optional for the facts we need; a broken table only loses the label
                )
    uses_sdk = next((c for c in manifest.children if c.tag == "uses-sdk"), None)
    min_sdk = uses_sdk.int("android:minSdkVersion") if uses_sdk is not None else None
    target_sdk = uses_sdk.int("android:targetSdkVersion") if uses_sdk is not None else None
    if min_sdk is None:
        min_sdk = 1
    effective_target = target_sdk if target_sdk is not None else min_sdk
    app_el = next((c for c in manifest.children if c.tag == "application"), Element("application"))
    version_code = manifest.int("android:versionCode")
    app = {
        "id": manifest.str("package") or "",
        "name": _resolve(app_el.get("android:label"), table),
        "version_name": _resolve(manifest.get("android:versionName"), table),
        "version_code": str(version_code) if version_code is not None else None,
        "min_os": str(min_sdk),
        "target_os": str(target_sdk) if target_sdk is not None else None,
    }
    custom = {}
    for el in manifest.children:
        if el.tag == "permission" and el.str("android:name"):
            lvl = el.get("android:protectionLevel")
            custom[el.str("android:name")] = _protection_name(
                lvl.as_int()
                if lvl is not None and lvl.as_int() is not None
                else (lvl.as_str() if lvl else None)
            )
    permissions, seen = [], set()
    for el in manifest.children:
        if el.tag in ("uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m"):
            name = el.str("android:name")
            if name and name not in seen:
                seen.add(name)
                fact = _permission_facts(name, custom)
                fact["element"] = el.tag
                fact["max_sdk"] = el.int("android:maxSdkVersion")
                permissions.append(fact)
    components = _components(app_el, effective_target, custom)
    from .deeplinks import deep_links

    component_elements = [el for el in app_el.children if el.tag in COMPONENT_TAGS]
    links = deep_links(list(zip(component_elements, components, strict=True)))

    debuggable = app_el.bool("android:debuggable")
    allow_backup = app_el.bool("android:allowBackup")
    flags = {
        "debuggable": bool(debuggable),
        "allow_backup": True if allow_backup is None else allow_backup,
        "test_only": bool(app_el.bool("android:testOnly")),
        "uses_cleartext_traffic": app_el.bool("android:usesCleartextTraffic"),
        "request_legacy_external_storage": bool(app_el.bool("android:requestLegacyExternalStorage")),
        "shared_user_id": manifest.str("android:sharedUserId"),
        "extract_native_libs": app_el.bool("android:extractNativeLibs"),
    }

    # manifest meta-data values (SDK app keys) and the manifest's own strings
    app_keys = set(load_data("secrets.json")["manifest_app_keys"])
    for md in app_el.iter("meta-data"):
        key, val = md.str("android:name"), md.get("android:value")
        if key in app_keys and val is not None and val.as_str():
            scanner.add_secret("sdk_app_key", "low", f"AndroidManifest.xml meta-data {key}", val.as_str())

    entry_names = zf.names()
    native_libs, abis = [], []
    for n in entry_names:
        m = LIB_RE.match(n)
        if m:
            native_libs.append(n)
            if m.group(1) not in abis:
                abis.append(m.group(1))

    # DEX files (and APK / DEX / JAR nested in assets or res): class names for SDK / packer detection,
    # string regions for URLs, secrets and markers, compiler layout, emulator checks
    code = analyse_code(zf, scanner, limits, keep_for_yara)
    class_names = code.class_names
    yara_targets = code.yara_targets
    dex_names = sorted((n for n in entry_names if DEX_RE.match(n)), key=lambda n: (len(n), n))
    if table is not None:
        region, utf8 = table.string_region()
        scan_utf16_pool(scanner, region, utf8, "resources.arsc")
    elif arsc_note is not None:
        chunked = ChunkedScan(scanner, "resources.arsc")
        for piece in zf.iter_entry(zf.entries["resources.arsc"]):
            chunked.feed(piece)
        chunked.close()
    scanner.scan(manifest_bytes, "AndroidManifest.xml", secrets=False, markers=False)
    budget = limits.max_text_assets_total
    embedded_code = []
    fake_encrypted = []
    for entry in zf.order:
        if entry.encrypted_flag:
            fake_encrypted.append(entry.name)
        if EMBEDDED_CODE_RE.match(entry.name):
            embedded_code.append(entry.name)
        if (
            TEXT_ASSET_RE.match(entry.name)
            and entry.size <= limits.max_text_asset_size
            and budget >= entry.size
        ):
            try:
                data = zf.read_entry(entry)
            except PackageError:
                continue
            budget -= len(data)
            scanner.scan(data, entry.name)
    for lib in native_libs:
        entry = zf.entries[lib]
        if entry.size > 32 * 1024 * 1024:
            continue
        data = zf.read_entry(entry)
        scanner.scan(data, lib, urls=True, secrets=True, markers=True)
        if keep_for_yara:
            yara_targets.append((lib, data))

    index = name_index(class_names)
    packers = detect_packers(entry_names, native_libs, index)
    obfuscators = detect_obfuscation(class_names, native_libs, index)
    anti_analysis = []
    if fake_encrypted:
        anti_analysis.append(
            f"ZIP encryption flag set on {len(fake_encrypted)} entries that are not encrypted (fake encryption)"
        )

    signing = analyse_signing(zf, path)
    network = analyse_network(zf, manifest, app_el, table, effective_target, flags, limits)

    return Extracted(
        platform="android",
        app=app,
        scanner=scanner,
        permissions=permissions,
        components=components,
        flags=flags,
        native_libs=native_libs,
        abis=abis,
        signing=signing,
        network=network,
        class_names=class_names,
        entry_names=entry_names,
        packers=packers,
        obfuscators=obfuscators,
        anti_analysis=anti_analysis,
        extra={
            "dex_files": dex_names,
            "class_count": len(class_names),
            "embedded_code_files": embedded_code[:50],
            "fake_encrypted_entries": fake_encrypted[:50],
            "custom_permissions": [{"name": k, "protection_level": v} for k, v in sorted(custom.items())],
            "effective_target_sdk": effective_target,
            "deep_links": links,
            "analysis_limits": list(code.notes) + ([arsc_note] if arsc_note else []),
            "tooling": code.tooling,
            "manipulators": [t["file"] + ": dexmerge" for t in code.tooling if t["dexmerge"]]
            + resource_obfuscation(entry_names),
            "emulator_checks": code.emulator_checks,
            "nested": code.nested,
        },
        yara_targets=yara_targets,
    )
