"""Searching raw bytes (DEX string data, resource string pools, text assets, Mach-O sections) for URLs,
secrets and marker strings. Everything works on bytes with compiled regular expressions."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from .catalogue import load_data
from .records import Record

TOKEN_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*\.?$")
TRAILING = ".,;:)'\"]}>"


class ContentFindings(Record):
    _fields = {
        "urls": dict,  # url -> set of locations
        "secrets": list,
        "markers": dict,  # marker group -> set of locations
        "_secret_keys": set,
    }
    __slots__ = tuple(_fields)


def mask(value: str) -> str:
    if value.startswith("-----BEGIN"):
        return value.split("-----")[1] + " (key material masked)"
    if len(value) <= 8:
        return "*" * len(value)
    return f"{value[:4]}{'*' * min(len(value) - 6, 24)}{value[-2:]} ({len(value)} chars)"


def valid_host(host: str) -> bool:
    if not host or len(host) > 253:
        return False
    if host[0].isdigit() or host[0] == "[" or ":" in host:
        import ipaddress  # only for hosts that may be addresses: the module is slow to import

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
MAX_SCHEME = 5
# the longest match any search can make (URL tail, PEM block with its look-ahead): chunked scans
# overlap by this much so nothing is cut at a chunk boundary
MAX_MATCH = 20 * 1024


@cache
def token_pattern(literal: str) -> re.Pattern:
    """`literal` as a token: no letter / digit / underscore right before or after it (when it starts or
    ends with one). The literal comes first so the regex engine's fast literal search is used."""
    lit = literal.encode()
    rx = re.escape(lit)
    if chr(lit[0]).isalnum():
        rx += b"(?<![A-Za-z0-9_]" + b"." * len(lit) + b")"
    if chr(lit[-1]).isalnum():
        rx += b"(?![A-Za-z0-9_])"
    return re.compile(rx, re.DOTALL)


def load_non_network_uris() -> tuple[tuple[str, ...], set[str]]:
    data = load_data("non_network_uris.json")
    return tuple(p.lower() for p in data["prefixes"]), set(data["hosts"])


class ContentScanner:
    """Literal-anchored searches (fast in CPython's regex engine) for URLs, secrets and marker strings."""

    def __init__(self, limits):
        self.limits = limits
        policy = load_data("policy.json")
        self.ignore_prefixes, self.ignore_hosts = load_non_network_uris()
        groups = {
            "anti_debug": policy["anti_debug_markers"],
            "anti_root": policy["anti_root_markers"],
            "emulator_detection": policy["emulator_markers"],
            "dynamic_code": policy["dynamic_code_markers"],
            "webview_debugging": policy["webview_debug_markers"],
            "pinning": policy["pinning_markers"],
        }
        self.markers = [(g, m, m.encode()) for g, ms in groups.items() for m in ms]
        self.pin_re = re.compile(rb"sha(?:1|256)/[A-Za-z0-9+/]{27,43}=")
        self.secret_res = []
        self.url_secret_res = []
        from .secret_checks import VALIDATORS

        for p in load_data("secrets.json")["patterns"]:
            check = VALIDATORS[p["validate"]] if p.get("validate") else None
            spec = (
                p["kind"],
                p["severity"],
                bool(p.get("word_start")),
                re.compile(p["regex"].encode()),
                check,
            )
            (self.url_secret_res if p.get("in_urls_only") else self.secret_res).append(spec)
        self.found = ContentFindings()

    def scan(
        self,
        data: bytes,
        location: str,
        urls: bool = True,
        secrets: bool = True,
        markers: bool = True,
        start: int = 0,
        stop: int | None = None,
    ) -> None:
        """Search `data`. Only matches starting in [start, stop) count: chunked scans (ChunkedScan) pass
        the bytes before `start` as context and leave matches from `stop` on to the next chunk."""
        f = self.found
        stop = len(data) if stop is None else stop
        # no match is longer than MAX_MATCH, so nothing past this can belong to a match starting before stop
        endpos = min(len(data), stop + MAX_MATCH)
        if urls or secrets:
            for m in URL_TAIL_RE.finditer(data, max(0, start - MAX_SCHEME), endpos):
                begin = m.start()
                if begin >= stop + MAX_SCHEME:
                    break
                scheme = next((s for s in SCHEMES if data[max(0, begin - len(s)) : begin] == s), None)
                if scheme is None or not start <= begin - len(scheme) < stop:
                    continue
                raw = (scheme + m.group()).decode("ascii", "ignore")
                if secrets:
                    for kind, severity, _ws, rx, _check in self.url_secret_res:
                        if rx.search(m.group()):
                            self._add(kind, severity, location, raw)
                if not urls or len(f.urls) >= self.limits.max_urls:
                    continue
                norm = normalise_url(raw)
                if norm is None or self._ignored(norm[1]) or norm[0].lower().startswith(self.ignore_prefixes):
                    continue
                f.urls.setdefault(norm[0], set()).add(location)
        if secrets:
            for kind, severity, word_start, rx, check in self.secret_res:
                for m in rx.finditer(data, start, endpos):
                    begin = m.start()
                    if begin >= stop:
                        break
                    if word_start and begin > 0 and chr(data[begin - 1]).isalnum():
                        continue
                    value = m.group() if check is None else check(data, m)
                    if value is not None:
                        self._add(kind, severity, location, value.decode("latin-1"))
        if markers:
            for group, literal, raw in self.markers:
                if self._has_token(data, literal, raw, start, stop):
                    f.markers.setdefault(group, set()).add(f"{location}: {literal}")
            m = self.pin_re.search(data, start, endpos)
            if m is not None and m.start() < stop:
                f.markers.setdefault("pin_hashes", set()).add(location)

    @staticmethod
    def _has_token(data, literal: str, raw: bytes, start: int, stop: int) -> bool:
        """`raw` occurs as a token starting in [start, stop). A plain find (fast, no regex to compile)
        locates candidates; after many rejected ones the token regex takes over, so a package full of
        'exposed' cannot make this loop long."""
        limit = stop - 1 + len(raw)
        pos = data.find(raw, start, limit)
        left = chr(raw[0]).isalnum()
        right = chr(raw[-1]).isalnum()
        for _ in range(64):
            if pos < 0:
                return False
            before = data[pos - 1] if pos > 0 else 0
            after = data[pos + len(raw)] if pos + len(raw) < len(data) else 0
            if not (left and before in TOKEN_CHARS) and not (right and after in TOKEN_CHARS):
                return True
            pos = data.find(raw, pos + 1, limit)
        if pos < 0:
            return False
        m = token_pattern(literal).search(data, pos, min(len(data), limit + 1))
        return m is not None and m.start() < stop

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


class ChunkedScan:
    """Feeds a stream to a ContentScanner in bounded pieces. Consecutive pieces overlap by MAX_MATCH
    bytes and each match is counted in exactly one piece, so results equal one scan of the whole.
    Pieces are joined once per scan into buffers of one size, so the allocator reuses the same memory
    instead of fragmenting it with ever-growing buffers."""

    def __init__(self, scanner: ContentScanner, location: str, piece: int = 8 * 1024 * 1024, **what):
        self.scanner, self.location, self.piece, self.what = scanner, location, piece, what
        self.tail = b""  # the end of the previous piece: context plus the deferred matches
        self.pending: list[bytes] = []
        self.size = 0
        self.start = 0  # matches starting before this offset of the joined buffer were counted already

    def feed(self, data: bytes) -> None:
        self.pending.append(bytes(data))
        self.size += len(data)
        if self.size >= self.piece:
            buf = b"".join([self.tail, *self.pending])
            self.pending, self.size = [], 0
            stop = len(buf) - MAX_MATCH
            self.scanner.scan(buf, self.location, start=self.start, stop=stop, **self.what)
            self.tail = buf[stop - 64 :]  # the deferred tail plus context for look-behind checks
            self.start = 64
            del buf

    def close(self) -> None:
        buf = b"".join([self.tail, *self.pending])
        if len(buf) > self.start:
            self.scanner.scan(buf, self.location, start=self.start, **self.what)
        self.tail, self.pending, self.size = b"", [], 0


def scan_utf16_pool(scanner: ContentScanner, region, utf8: bool, location: str) -> None:
    """A resource string pool, in pieces so a huge pool never exists twice in memory."""
    chunked = ChunkedScan(scanner, location)
    step = 4 * 1024 * 1024
    for off in range(0, len(region), step):
        piece = bytes(region[off : off + step])
        if not utf8:
            # utf-16 code units never straddle pieces: step is even
            piece = piece.decode("utf-16-le", "replace").encode("utf-8", "replace")
        chunked.feed(piece)
    chunked.close()
