"""Packer (加固) and obfuscation detection from entry names, native libraries and class names."""

from __future__ import annotations

from .catalogue import load_data
from .globs import GlobSet, glob_match

SYSTEM_PREFIXES = (
    "android.",
    "androidx.",
    "kotlin.",
    "kotlinx.",
    "java.",
    "javax.",
    "dalvik.",
    "com.google.",
    "org.",
)


def name_index(class_names: list[str]) -> set[str]:
    """Every class name and every package prefix of it ('a', 'a.b', 'a.b.C')."""
    index = set(class_names)
    for pkg in {c.rpartition(".")[0] for c in class_names}:
        parts = pkg.split(".")
        for i in range(1, len(parts) + 1):
            index.add(".".join(parts[:i]))
    return index


def detect_packers(entry_names: list[str], native_libs: list[str], index: set[str]) -> list[dict]:
    data = load_data("packers.json")
    lib_bases = {p.rsplit("/", 1)[-1] for p in native_libs}
    found = []
    for packer in data["packers"]:
        evidence = []
        for pat in packer["native_libs"]:
            evidence += [f"native library {b}" for b in sorted(lib_bases) if glob_match(b, pat)][:3]
        if packer["entries"]:
            globs = GlobSet(packer["entries"])
            evidence += [f"entry {n}" for n in entry_names if globs.matches(n)][:3]
        evidence += [f"class or package {p}" for p in packer["classes"] if p in index]
        if evidence:
            found.append(
                {
                    "id": packer["id"],
                    "name": packer["name"],
                    "name_zh": packer["name_zh"],
                    "vendor": packer["vendor"],
                    "evidence": evidence[:6],
                }
            )
    return found


def detect_obfuscation(class_names: list[str], native_libs: list[str], index: set[str]) -> list[str]:
    data = load_data("packers.json")
    policy = load_data("policy.json")["obfuscation"]
    out = []
    lib_bases = {p.rsplit("/", 1)[-1] for p in native_libs}
    for ob in data["obfuscators"]:
        if any(p in index for p in ob["classes"]):
            out.append(ob["name"])
        elif any(glob_match(b, pat) for pat in ob["native_libs"] for b in lib_bases):
            out.append(ob["name"])
    app_classes = [c for c in class_names if not c.startswith(SYSTEM_PREFIXES)]
    if len(app_classes) >= policy["min_classes"]:
        short = 0
        for c in app_classes:
            simple = c.rpartition(".")[2].split("$", 1)[0]
            if len(simple) <= 2 and simple.islower():
                short += 1
        ratio = short / len(app_classes)
        if ratio >= policy["short_name_ratio"]:
            out.append(
                f"name obfuscation (ProGuard/R8 style, {ratio:.0%} of app classes have 1-2 letter names)"
            )
    return out
