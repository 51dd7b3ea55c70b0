"""Searching raw bytes (DEX string data, resource string pools, text assets, Mach-O sections) for URLs,
secrets and marker strings. Everything works on bytes with compiled regular expressions."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .catalogue import load_data

HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*\.?$")
TRAILING = ".,;:)'\"]}>"


@dataclass
class ContentFindings:
    urls: dict[str, set[str]] = field(default_factory=dict)  # url -> locations
    secrets: list[dict] = field(default_factory=list)
    markers: dict[str, set[str]] = field(default_factory=dict)  # marker group -> locations
    _secret_keys: set = field(default_factory=set)


def mask(value: str) -> str:
    if value.startswith("-----BEGIN"):
        return value.split("-----")[1] + " (key material masked)"
    if len(value) <= 8:
        return "*" * len(value)
    return f"{value[:4]}{'*' * min(len(value) - 6, 24)}{value[-2:]} ({len(value)} chars)"


def valid_host(host: str) -> bool:
    if not host or len(host) > 253:
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    if "." not in host or not HOST_RE.match(host):
        return False
    tld = host.rstrip(".").rsplit(".", 1)[-1]
    return tld.isalpha() and len(tld) >= 2


def normalise_url(raw: str) -> tuple[str, str, str] | None:
    url = raw.rstrip(TRAILING)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if not valid_host(host):
        return None
    return url, host, parts.scheme.lower()


URL_TAIL_RE = re.compile(rb"://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]{3,2048}")
SCHEMES = (b"https", b"http", b"wss", b"ws", b"ftp")


class ContentScanner:
    """Literal-anchored searches (fast in CPython's regex engine) for URLs, secrets and marker strings."""

    def __init__(self, limits):
        self.limits = limits
        policy = load_data("policy.json")
        self.ignore_hosts = set(policy["url_ignore_hosts"])
        groups = {
            "anti_debug": policy["anti_debug_markers"],
            "anti_root": policy["anti_root_markers"],
            "emulator_detection": policy["emulator_markers"],
            "dynamic_code": policy["dynamic_code_markers"],
            "webview_debugging": policy["webview_debug_markers"],
            "pinning": policy["pinning_markers"],
        }
        self.markers = [(g, m.encode()) for g, ms in groups.items() for m in ms]
        self.pin_re = re.compile(rb"sha(?:1|256)/[A-Za-z0-9+/]{27,43}=")
        self.secret_res = []
        self.url_secret_res = []
        for p in load_data("secrets.json")["patterns"]:
            spec = (p["kind"], p["severity"], bool(p.get("word_start")), re.compile(p["regex"].encode()))
            (self.url_secret_res if p.get("in_urls_only") else self.secret_res).append(spec)
        self.found = ContentFindings()

    def scan(
        self, data: bytes, location: str, urls: bool = True, secrets: bool = True, markers: bool = True
    ) -> None:
        f = self.found
        if urls or secrets:
            for m in URL_TAIL_RE.finditer(data):
                start = m.start()
                scheme = next((s for s in SCHEMES if data[max(0, start - len(s)) : start] == s), None)
                if scheme is None:
                    continue
                raw = (scheme + m.group()).decode("ascii", "ignore")
                if secrets:
                    for kind, severity, _ws, rx in self.url_secret_res:
                        if rx.search(m.group()):
                            self._add(kind, severity, location, raw)
                if not urls or len(f.urls) >= self.limits.max_urls:
                    continue
                norm = normalise_url(raw)
                if norm is None or self._ignored(norm[1]):
                    continue
                f.urls.setdefault(norm[0], set()).add(location)
        if secrets:
            for kind, severity, word_start, rx in self.secret_res:
                for m in rx.finditer(data):
                    start = m.start()
                    if word_start and start > 0 and chr(data[start - 1]).isalnum():
                        continue
                    self._add(kind, severity, location, m.group().decode("latin-1"))
        if markers:
            for group, literal in self.markers:
                if data.find(literal) >= 0:
                    f.markers.setdefault(group, set()).add(f"{location}: {literal.decode('latin-1')}")
            if self.pin_re.search(data):
                f.markers.setdefault("pin_hashes", set()).add(location)

    def _add(self, kind: str, severity: str, location: str, value: str) -> None:
        key = (kind, value)
        if key in self.found._secret_keys or len(self.found.secrets) >= self.limits.max_secrets:
            return
        self.found._secret_keys.add(key)
        self.found.secrets.append(
            {"kind": kind, "severity": severity, "location": location, "masked_value": mask(value)}
        )

    def _ignored(self, host: str) -> bool:
        if host in self.ignore_hosts:
            return True
        parts = host.split(".")
        return any(".".join(parts[i:]) in self.ignore_hosts for i in range(1, len(parts) - 1))

    def add_secret(self, kind: str, severity: str, location: str, value: str) -> None:
        self._add(kind, severity, location, value)


def scan_utf16_pool(scanner: ContentScanner, region: bytes, utf8: bool, location: str) -> None:
    if utf8:
        scanner.scan(region, location)
    else:
        scanner.scan(region.decode("utf-16-le", "replace").encode("utf-8", "replace"), location)
