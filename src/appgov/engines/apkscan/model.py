"""What a platform analyser extracts from a package, before SDK matching, checks and findings."""

from __future__ import annotations

from .records import Record


class Extracted(Record):
    _fields = {
        "platform": None,
        "app": None,
        "scanner": None,  # the ContentScanner that searched the package
        "permissions": list,
        "components": list,
        "flags": dict,
        "native_libs": list,  # archive paths
        "abis": list,
        "signing": dict,
        "network": dict,
        "class_names": list,  # dotted Java names
        "ios_classes": list,  # Objective-C / Swift class names
        "frameworks": list,  # iOS embedded frameworks, HarmonyOS shared modules
        "entry_names": list,
        "packers": list,
        "obfuscators": list,
        "anti_analysis": list,
        "extra": dict,  # platform-specific facts (provisioning, url schemes, ...)
        "yara_targets": list,  # (name, bytes), only kept when YARA rules are given
    }
    __slots__ = tuple(_fields)
