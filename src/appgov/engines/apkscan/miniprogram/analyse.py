"""Walking every file of every package once: URLs and secrets through the shared ContentScanner, the
mini-program facts through JsScanner, plus the mini-program secret shapes and shipped source maps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..content import ContentScanner
from .catalogue import load_mp_data
from .inputs import LoadedPackage
from .jsscan import JsScanner
from .limits import MiniProgramLimits
from .sdks import all_markers

TEMPLATE_SUFFIXES = (".wxml", ".html", ".htm")
CODE_SUFFIXES = (".js", ".wxs", *TEMPLATE_SUFFIXES)


class SecretShapes:
    """The mini-program secret shapes, each tried only near its anchor literals: a case-insensitive
    pattern run over a whole multi-megabyte bundle costs far more than a few bounded searches."""

    def __init__(self, rules: dict):
        self.before, self.after = rules["secret_window"]
        self.shapes = [
            (s["kind"], s["severity"], re.compile(s["regex"].encode()), [a.encode() for a in s["anchors"]])
            for s in rules["secrets"]
        ]

    def scan(self, data: bytes, where: str, scanner: ContentScanner) -> None:
        for kind, severity, rx, anchors in self.shapes:
            for anchor in anchors:
                pos = data.find(anchor)
                while pos >= 0:
                    m = rx.search(data, max(0, pos - self.before), pos + self.after)
                    if m:
                        scanner.add_secret(kind, severity, where, m.group(1).decode("latin-1"))
                    pos = data.find(anchor, pos + 1)


@dataclass
class Analysis:
    scanner: ContentScanner
    js: JsScanner
    file_names: list[str] = field(default_factory=list)  # "label!/name"
    source_maps: list[str] = field(default_factory=list)
    skipped_large: list[str] = field(default_factory=list)
    packages: list[dict] = field(default_factory=list)
    yara_targets: list[tuple[str, bytes]] = field(default_factory=list)


def analyse(
    packages: list[LoadedPackage], scanner: ContentScanner, limits: MiniProgramLimits, keep_yara: bool
) -> Analysis:
    rules = load_mp_data("code_rules.json")
    text_ext = tuple(rules["text_extensions"])
    shapes = SecretShapes(rules)
    result = Analysis(scanner=scanner, js=JsScanner(all_markers()))
    for pkg in packages:
        wx = pkg.package
        counts = {"js": 0, "templates": 0, "other": 0}
        for name, entry in wx.entries.items():
            where = f"{pkg.label}!/{name}"
            result.file_names.append(name)
            lower = name.lower()
            if lower.endswith(".map"):
                result.source_maps.append(where)
            if not lower.endswith(text_ext):
                counts["other"] += 1
                continue
            if entry.size > limits.max_text_file:
                result.skipped_large.append(f"{where} ({entry.size} bytes)")
                continue
            data = wx.read(name)
            template = lower.endswith(TEMPLATE_SUFFIXES)
            counts["templates" if template else "js"] += 1
            scanner.scan(data, where, markers=False)
            shapes.scan(data, where, scanner)
            if not lower.endswith(CODE_SUFFIXES):
                continue  # configuration, styles and source maps: URLs and secrets only
            result.js.scan_code(data, where, template)
            if lower.endswith(".js") and name != "app-service.js":
                result.js.facts.page_js.setdefault(name[:-3], data)
            if keep_yara and lower.endswith(".js"):
                result.yara_targets.append((where, data))
        result.packages.append(
            {
                "label": pkg.label,
                "size": pkg.size,
                "sha256": pkg.sha256,
                "encrypted_pc_cache_copy": pkg.encrypted,
                "file_count": len(wx.entries),
                "code_files": counts["js"],
                "template_files": counts["templates"],
                "trailing_bytes": wx.trailing_bytes,
                "roots": sorted({n.split("/", 1)[0] for n in wx.entries if "/" in n})[:50],
            }
        )
    return result
