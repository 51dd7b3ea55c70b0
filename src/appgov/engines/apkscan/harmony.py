"""HarmonyOS (.hap, and .app bundles of haps) analysis: module.json (Stage model) or config.json (FA
model), native libraries, Ark bytecode strings, and the HAP signing block's certificates / profile."""

from __future__ import annotations

import json
import re
import struct

from .catalogue import load_data
from .content import ContentScanner
from .errors import PackageError
from .hardening import detect_packers, name_index
from .limits import Limits
from .model import Extracted
from .ziparchive import ZipArchive

HAP_MAGIC = b"HAP Sig Block 42"
HAP_MAGIC_OLD = b"<hap sign block>"
PKCS7_OID = bytes.fromhex("06092a864886f70d010702")
LIB_RE = re.compile(r"^libs/([^/]+)/([^/]+\.so)$")
MAX_JSON = 4 * 1024 * 1024


STREAM_ABOVE = 16 * 1024 * 1024  # .abc / .so larger than this are searched in pieces


def _load_json(data: bytes, where: str) -> dict:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise PackageError("JSON nested too deeply", where) from None
    except UnicodeDecodeError as exc:
        raise PackageError(f"not UTF-8 (byte {exc.start})", where) from None
    except json.JSONDecodeError as exc:
        raise PackageError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where
        ) from None
    if not isinstance(value, dict):
        raise PackageError("JSON root is not an object", where)
    return value


def _der_length(buf: bytes, pos: int) -> int | None:
    if pos + 2 > len(buf) or buf[pos] != 0x30:
        return None
    first = buf[pos + 1]
    if first < 0x80:
        return 2 + first
    n = first & 0x7F
    if n == 0 or n > 4 or pos + 2 + n > len(buf):
        return None
    return 2 + n + int.from_bytes(buf[pos + 2 : pos + 2 + n], "big")


def hap_signing(zf: ZipArchive) -> dict:
    """Locate the HAP signing block (just before the central directory) and read its PKCS#7 blobs."""
    out = {
        "schemes": [],
        "certificates": [],
        "verified": None,
        "verification_errors": [],
        "signature_stripped": False,
    }
    cd = zf.cd_offset
    tail = bytes(zf.buf[max(0, cd - 32) : cd])
    if HAP_MAGIC not in tail and HAP_MAGIC_OLD not in tail:
        return out
    out["schemes"] = ["hap-signature"]
    # footer: blockCount u32, blockSize u64, magic 16 bytes, version u32
    (size,) = struct.unpack_from("<Q", tail, 4) if len(tail) == 32 else (0,)
    start = cd - size if 32 <= size <= cd else max(0, cd - 4 * 1024 * 1024)
    block = bytes(zf.buf[start:cd])
    profile = None
    seen = set()
    pos = 0
    from .pkcs7 import certificates_and_verify, parse_signed_data

    while True:
        i = block.find(PKCS7_OID, pos)
        if i < 0:
            break
        pos = i + 1
        for back in (4, 5, 6):  # SEQUENCE header of ContentInfo is 2..4 bytes before the OID
            s = i - back
            n = _der_length(block, s) if s >= 0 else None
            if n and s + n <= len(block) and s not in seen:
                der = block[s : s + n]
                try:
                    signed = parse_signed_data(der)
                    content = signed["encap_content_info"]["content"].native
                except Exception:  # noqa: BLE001 - asn1crypto raises assorted types on hostile DER
                    continue
                seen.add(s)
                if isinstance(content, bytes) and content.lstrip()[:1] == b"{":
                    try:
                        profile = json.loads(content.decode("utf-8"))
                    except (ValueError, RecursionError):
                        profile = None
                    continue
                certs, _ok, errors = certificates_and_verify(der, b"")
                for c in certs:
                    c["schemes"] = ["hap-signature"]
                    if c["sha256"] not in {x["sha256"] for x in out["certificates"]}:
                        out["certificates"].append(c)
                out["verification_errors"] = [
                    "HAP content digest verification is not implemented; certificates are listed unverified"
                ]
                break
    out["profile"] = _profile_summary(profile)
    return out


def _profile_summary(profile) -> dict | None:
    if not isinstance(profile, dict):
        return None
    bundle = profile.get("bundle-info") or {}
    return {
        "type": profile.get("type"),
        "distribution_type": profile.get("app-distribution-type"),
        "bundle_name": bundle.get("bundle-name"),
        "developer_id": bundle.get("developer-id"),
        "validity": profile.get("validity"),
    }


def analyse_hap(zf: ZipArchive, limits: Limits, scanner: ContentScanner, keep_for_yara: bool) -> Extracted:
    inner = []
    if "module.json" not in zf and "config.json" not in zf:
        # .app bundle: analyse the entry hap, list the others
        haps = [n for n in zf.names() if n.endswith(".hap")]
        if not haps:
            raise PackageError("HarmonyOS bundle without module.json or .hap modules", zf.label)
        if len(haps) > limits.max_nested_archives:
            raise PackageError(
                f"{len(haps)} nested hap modules, over the {limits.max_nested_archives} limit", zf.label
            )
        target = next((h for h in haps if "entry" in h.lower()), haps[0])
        if zf.entries[target].size > limits.max_nested_hap_size:
            raise PackageError(
                f"entry module is {zf.entries[target].size} bytes, over the {limits.max_nested_hap_size} byte "
                "limit for a module held in memory",
                f"{zf.label}!{target}",
            )
        data = zf.read(target)
        sub = ZipArchive(data, f"{zf.label}!{target}", limits, zf._budget)
        ex = analyse_hap(sub, limits, scanner, keep_for_yara)
        ex.extra["bundle_modules"] = haps
        return ex
    if "module.json" in zf:
        model = "stage"
        doc = _load_json(zf.read("module.json", max_size=MAX_JSON), f"{zf.label}!module.json")
    else:
        model = "fa"
        doc = _load_json(zf.read("config.json", max_size=MAX_JSON), f"{zf.label}!config.json")
    app_sec = doc.get("app") if isinstance(doc.get("app"), dict) else {}
    mod = doc.get("module") if isinstance(doc.get("module"), dict) else {}
    if not app_sec.get("bundleName"):
        raise PackageError(
            "app.bundleName missing", f"{zf.label}!{'module.json' if model == 'stage' else 'config.json'}"
        )
    if model == "stage":
        app = {
            "id": str(app_sec.get("bundleName")),
            "name": _label(app_sec.get("label")),
            "version_name": _s(app_sec.get("versionName")),
            "version_code": _s(app_sec.get("versionCode")),
            "min_os": _s(app_sec.get("minAPIVersion")),
            "target_os": _s(app_sec.get("targetAPIVersion")),
        }
        perm_list = mod.get("requestPermissions") or []
        abilities = [("ability", a) for a in mod.get("abilities") or []] + [
            ("extension_ability", a) for a in mod.get("extensionAbilities") or []
        ]
        debug = bool(app_sec.get("debug"))
    else:
        version = app_sec.get("version") if isinstance(app_sec.get("version"), dict) else {}
        api = app_sec.get("apiVersion") if isinstance(app_sec.get("apiVersion"), dict) else {}
        app = {
            "id": str(app_sec.get("bundleName")),
            "name": _label(app_sec.get("label") or mod.get("label")),
            "version_name": _s(version.get("name")),
            "version_code": _s(version.get("code")),
            "min_os": _s(api.get("compatible")),
            "target_os": _s(api.get("target")),
        }
        perm_list = mod.get("reqPermissions") or []
        abilities = [("ability", a) for a in mod.get("abilities") or []]
        debug = (
            bool((doc.get("deviceConfig") or {}).get("default", {}).get("debug"))
            if isinstance(doc.get("deviceConfig"), dict)
            else False
        )
    table = load_data("permissions.json")["harmonyos"]
    permissions, seen = [], set()
    for p in perm_list if isinstance(perm_list, list) else []:
        name = p.get("name") if isinstance(p, dict) else None
        if not isinstance(name, str) or name in seen:
            continue
        seen.add(name)
        fact = table.get(name, {"protection_level": "unknown", "pi_category": None})
        permissions.append(
            {
                "name": name,
                "protection_level": fact["protection_level"],
                "dangerous": fact["protection_level"] == "user_grant",
                "pi_category": fact["pi_category"],
                "defined_by_app": False,
                "reason": _s(p.get("reason")),
            }
        )
    components = []
    for kind, a in abilities:
        if not isinstance(a, dict):
            continue
        exported = a.get("exported", a.get("visible", False))
        perms = a.get("permissions") or []
        components.append(
            {
                "type": kind,
                "name": str(a.get("name", "")),
                "exported": bool(exported),
                "exported_explicit": "exported" in a or "visible" in a,
                "permission": perms[0] if perms else None,
                "permission_protection_level": None,
                "protected": bool(perms),
                "has_intent_filter": bool(a.get("skills")),
                "launcher": _is_launcher(a),
                "enabled": True,
                "authorities": None,
            }
        )
    native_libs, abis = [], []
    for n in zf.names():
        m = LIB_RE.match(n)
        if m:
            native_libs.append(n)
            if m.group(1) not in abis:
                abis.append(m.group(1))
    yara_targets = []
    for n in zf.names():
        if n.endswith(".abc") or n in native_libs:
            e = zf.entries[n]
            if e.size > STREAM_ABOVE:  # searched in pieces: the module itself may be held in memory
                from .content import ChunkedScan

                chunked = ChunkedScan(scanner, n)
                for piece in zf.iter_entry(e):
                    chunked.feed(piece)
                chunked.close()
                continue
            data = zf.read_entry(e)
            scanner.scan(data, n)
            if keep_for_yara:
                yara_targets.append((n, data))
    packers = detect_packers(zf.names(), native_libs, name_index([]))
    signing = hap_signing(zf)
    profile = signing.pop("profile", None)
    if profile and profile.get("type") == "debug":
        debug = True
    flags = {
        "debuggable": debug,
        "debuggable_reason": "app.debug / debug signing profile" if debug else None,
        "allow_backup": None,
        "test_only": False,
    }
    network = {
        "cleartext_permitted": False,
        "cleartext_domains": [],
        "user_ca_trusted": False,
        "user_ca_domains": [],
        "pinning_present": False,
        "note": "HarmonyOS NEXT allows cleartext only through network_config.json; not present in this package",
    }
    if "resources/rawfile/network_config.json" in zf or "resources/base/profile/network_config.json" in zf:
        name = (
            "resources/base/profile/network_config.json"
            if "resources/base/profile/network_config.json" in zf
            else "resources/rawfile/network_config.json"
        )
        cfg = _load_json(zf.read(name, max_size=MAX_JSON), f"{zf.label}!{name}")
        base = (cfg.get("network-security-config") or {}).get("base-config") or {}
        network["cleartext_permitted"] = bool(base.get("cleartextTrafficPermitted"))
        network["note"] = f"from {name}"
    inner.append(model)
    return Extracted(
        platform="harmonyos",
        app=app,
        scanner=scanner,
        permissions=permissions,
        components=components,
        flags=flags,
        native_libs=native_libs,
        abis=abis,
        signing=signing,
        network=network,
        entry_names=zf.names(),
        packers=packers,
        extra={
            "model": model,
            "module_name": mod.get("name"),
            "module_type": mod.get("type"),
            "signing_profile": profile,
        },
        yara_targets=yara_targets,
    )


def _is_launcher(a: dict) -> bool:
    for skill in a.get("skills") or []:
        if (
            isinstance(skill, dict)
            and "action.system.home" in (skill.get("actions") or [])
            and "entity.system.home" in (skill.get("entities") or [])
        ):
            return True
    return False


def _label(v) -> str | None:
    return None if v is None else str(v)


def _s(v) -> str | None:
    return None if v is None else str(v)
