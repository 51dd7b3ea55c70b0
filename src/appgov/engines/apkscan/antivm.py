"""Emulator detection (anti-VM) through android.os.Build field comparisons, and resource-path
obfuscation (AndResGuard-style manipulators), from the lists in data/policy.json."""

from __future__ import annotations

from .catalogue import load_data
from .dex import DexFile

BUILD_CLASS = "Landroid/os/Build;"
RES_SKIP_PREFIXES = ("META-INF/", "assets/", "lib/", "kotlin/", "okhttp3/", "org/", "com/", "javax/")
RES_EXTENSIONS = (".xml", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ogg", ".mp3", ".ttf", ".otf", ".json")


def build_field_checks(dex: DexFile, location: str) -> list[str]:
    """Evidence that `dex` compares android.os.Build fields with values emulators report."""
    spec = load_data("policy.json")["anti_vm"]
    t = dex.type_index(BUILD_CLASS)
    if t is None:
        return []
    fields = sorted(set(dex.field_names_of(t)) & set(spec["build_fields"]))
    if not fields:
        return []
    values = [v for v in spec["emulator_values"] if dex.string_index(v) is not None]
    if "FINGERPRINT" in fields:
        values += [v for v in spec["fingerprint_values"] if dex.string_index(v) is not None]
    if not values:
        return []
    shown = ", ".join(f"'{v}'" for v in values[:8])
    return [f"{location}: reads android.os.Build.{', Build.'.join(fields)} and holds emulator values {shown}"]


def resource_obfuscation(entry_names: list[str]) -> list[str]:
    spec = load_data("policy.json")["resource_obfuscation"]
    types = set(spec["resource_types"])
    files = [
        n
        for n in entry_names
        if "/" in n and not n.startswith(RES_SKIP_PREFIXES) and n.lower().endswith(RES_EXTENSIONS)
    ]
    if len(files) < spec["min_resource_files"]:
        return []
    odd = []
    for n in files:
        parts = n.split("/")
        typed = len(parts) == 3 and parts[0] == "res" and parts[1].split("-", 1)[0] in types
        if not typed:
            odd.append(n)
    share = len(odd) / len(files)
    if share < spec["min_share"]:
        return []
    roots = sorted({n.split("/", 1)[0] + "/" for n in odd})
    return [
        f"resource paths obfuscated (AndResGuard-style): {len(odd)} of {len(files)} resource files outside "
        f"res/<type>/ directories, under {', '.join(roots[:5])}; e.g. {', '.join(odd[:3])}"
    ]
