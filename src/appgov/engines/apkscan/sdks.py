"""Matching the SDK catalogue against class names, native libraries and URL hosts."""

from __future__ import annotations

import re
from collections import defaultdict

from .globs import glob_match


class SdkMatcher:
    def __init__(self, catalogue: list[dict]):
        self.catalogue = {e["id"]: e for e in catalogue}
        self.prefixes: dict[str, list[str]] = defaultdict(list)
        # string prefixes that stop inside a name ("com.foo.Ba"), indexed by the package part before them
        self.partial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.ios_prefixes: list[tuple[str, str]] = []
        self.lib_globs: list[tuple[str, str]] = []
        self.hosts: list[tuple[str, str]] = []
        self.host_patterns: list[tuple[re.Pattern, str]] = []
        for sid, e in self.catalogue.items():
            sig = e["signatures"]
            for p in sig.get("packages", []):
                self.prefixes[p.strip(".")].append(sid)
            for p in sig.get("class_prefixes", []):
                self.partial[p.rpartition(".")[0]].append((p, sid))
            for c in sig.get("ios_classes", []):
                self.ios_prefixes.append((c, sid))
            for lib in sig.get("native_libs", []):
                self.lib_globs.append((lib, sid))
            for h in sig.get("hosts", []):
                self.hosts.append((h.lower().lstrip("."), sid))
            for pat in sig.get("host_patterns", []):
                self.host_patterns.append((re.compile(pat, re.IGNORECASE), sid))
        self.ios_prefixes.sort(key=lambda x: -len(x[0]))

    def match(self, class_names=(), native_libs=(), hosts=(), ios_classes=()) -> list[dict]:
        hits: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
        packages: dict[str, list[str]] = defaultdict(list)
        for name in class_names:
            pkg = name.rpartition(".")[0]
            if len(packages[pkg]) < 3:
                packages[pkg].append(name)
            else:
                packages[pkg]  # noqa: B018 - keep the key
            if name in self.prefixes:  # signatures naming a class, e.g. com.stub.StubApp
                for sid in self.prefixes[name]:
                    hits[sid][("class", name)].append(name)
        if self.partial:
            for name in class_names:
                parts = name.split(".")
                for i in range(len(parts)):
                    for p, sid in self.partial.get(".".join(parts[:i]), ()):
                        if name.startswith(p):
                            ev = hits[sid][("class", p)]
                            if len(ev) < 3:
                                ev.append(name)
        for pkg, examples in packages.items():
            parts = pkg.split(".")
            for i in range(1, len(parts) + 1):
                prefix = ".".join(parts[:i])
                for sid in self.prefixes.get(prefix, ()):
                    ev = hits[sid][("package", prefix)]
                    if len(ev) < 3:
                        ev.extend(examples[: 3 - len(ev)])
        for lib in native_libs:
            base = lib.rsplit("/", 1)[-1]
            for pattern, sid in self.lib_globs:
                if glob_match(base, pattern):
                    ev = hits[sid][("native_lib", pattern)]
                    if lib not in ev and len(ev) < 5:
                        ev.append(lib)
        for host in hosts:
            h = host.lower()
            for dom, sid in self.hosts:
                if h == dom or h.endswith("." + dom):
                    ev = hits[sid][("host", dom)]
                    if h not in ev and len(ev) < 5:
                        ev.append(h)
            for rx, sid in self.host_patterns:
                if rx.search(h):
                    ev = hits[sid][("host", rx.pattern)]
                    if h not in ev and len(ev) < 5:
                        ev.append(h)
        for cls in ios_classes:
            for prefix, sid in self.ios_prefixes:
                if cls.startswith(prefix):
                    ev = hits[sid][("ios_class", prefix)]
                    if len(ev) < 3:
                        ev.append(cls)
        out = []
        for sid, by_sig in hits.items():
            kinds = {k for k, _ in by_sig}
            if kinds == {"host"} and not self._host_only_ok(sid):
                continue
            e = self.catalogue[sid]
            out.append(
                {
                    "id": sid,
                    "name": e["name"],
                    "name_zh": e.get("name_zh"),
                    "vendor": e["vendor"],
                    "vendor_country": e.get("vendor_country"),
                    "category": e["category"],
                    "matched_by": [
                        {"kind": kind, "signature": sig, "evidence": ev}
                        for (kind, sig), ev in sorted(by_sig.items())
                    ],
                    "personal_information": list(e.get("personal_information", [])),
                    "privacy_policy_url": e.get("privacy_policy_url"),
                    "source": e.get("source", "catalogue"),
                }
            )
        out.sort(key=lambda s: s["id"])
        return out

    def _host_only_ok(self, sid: str) -> bool:
        """A host alone (a URL string) is weak evidence; accept it only for SDKs without code signatures."""
        sig = self.catalogue[sid]["signatures"]
        return not (
            sig.get("packages")
            or sig.get("class_prefixes")
            or sig.get("ios_classes")
            or sig.get("native_libs")
        )
