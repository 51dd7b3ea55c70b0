"""What a platform analyser extracts from a package, before SDK matching, checks and findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from .content import ContentScanner


@dataclass
class Extracted:
    platform: str
    app: dict
    scanner: ContentScanner
    permissions: list[dict] = field(default_factory=list)
    components: list[dict] = field(default_factory=list)
    flags: dict = field(default_factory=dict)
    native_libs: list[str] = field(default_factory=list)  # archive paths
    abis: list[str] = field(default_factory=list)
    signing: dict = field(default_factory=dict)
    network: dict = field(default_factory=dict)
    class_names: list[str] = field(default_factory=list)  # dotted Java names
    ios_classes: list[str] = field(default_factory=list)  # Objective-C / Swift class names
    frameworks: list[str] = field(default_factory=list)  # iOS embedded frameworks, HarmonyOS shared modules
    entry_names: list[str] = field(default_factory=list)
    packers: list[dict] = field(default_factory=list)
    obfuscators: list[str] = field(default_factory=list)
    anti_analysis: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # platform-specific facts (provisioning, url schemes, ...)
    yara_targets: list[tuple[str, bytes]] = field(default_factory=list)  # only kept when YARA rules are given
