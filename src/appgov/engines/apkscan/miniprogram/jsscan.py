"""Static facts from a mini-program's JavaScript and templates: privacy-interface calls, network calls and
the URLs they use, web-view sources, dynamic code, debug switches, obfuscation, SDK markers.

Everything is a bytes regex over the file as shipped (minified code included); a call is recorded with the
file, the define()d module inside app-service.js when there is one, and the line."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..content import normalise_url
from .catalogue import load_mp_data

MAX_LOCATIONS = 5
DEFINE_RE = re.compile(rb"define\(\s*[\"']([^\"']{1,512}?\.js)[\"']\s*,\s*function")
NEWLINE_RE = re.compile(rb"\n")
NEW_BEFORE_RE = re.compile(rb"(?<![\w$])new\s+$")
IDENTIFIER_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


def _word_start(data: bytes, pos: int, also: bytes = b"") -> bool:
    """True when `pos` does not continue an identifier (or a member access, with also=b".")."""
    return pos == 0 or (data[pos - 1] not in IDENTIFIER_BYTES and data[pos - 1] not in also)


URL_LITERAL_RE = re.compile(rb"(?:https?|wss?)://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]{3,2048}")


@dataclass
class Hits:
    """A counted fact with a few example locations."""

    count: int = 0
    locations: list[str] = field(default_factory=list)

    def add(self, locate, pos: int) -> None:
        """Count one occurrence; `locate(pos)` names it only while examples are still wanted."""
        self.count += 1
        if len(self.locations) < MAX_LOCATIONS:
            location = locate(pos)
            if location not in self.locations:
                self.locations.append(location)


@dataclass
class JsFacts:
    privacy_calls: dict[str, Hits] = field(default_factory=dict)  # api name -> hits
    open_types: dict[str, Hits] = field(default_factory=dict)
    scopes_in_code: dict[str, Hits] = field(default_factory=dict)
    privacy_hooks: dict[str, Hits] = field(default_factory=dict)
    network_calls: list[dict] = field(default_factory=list)
    url_uses: dict[str, set[str]] = field(default_factory=dict)  # url -> {request, socket, web-view, ...}
    webviews: list[dict] = field(default_factory=list)
    compiled_webview_files: list[str] = field(default_factory=list)
    eval_calls: Hits = field(default_factory=Hits)
    function_constructor: Hits = field(default_factory=Hits)
    function_global_idiom: Hits = field(default_factory=Hits)
    enable_debug: Hits = field(default_factory=Hits)
    obfuscator_identifiers: int = 0
    source_map_comments: Hits = field(default_factory=Hits)
    sdk_markers: dict[str, Hits] = field(default_factory=dict)  # marker literal -> hits
    page_js: dict[str, bytes] = field(default_factory=dict)  # page path -> its code (for web-view sources)


class Locator:
    """Turns a byte offset into 'label!/file#module:line'."""

    def __init__(self, data: bytes, where: str):
        self.data, self.where = data, where
        self._newlines: list[int] | None = None
        self.starts: list[int] = []
        self.names: list[str] = []
        for m in DEFINE_RE.finditer(data):
            self.starts.append(m.start())
            self.names.append(m.group(1).decode("utf-8", "replace"))

    def module_span(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.starts[i + 1] if i + 1 < len(self.starts) else len(self.data)

    def __call__(self, pos: int) -> str:
        if self._newlines is None:  # built once per file: counting per match is quadratic on big bundles
            self._newlines = [m.start() for m in NEWLINE_RE.finditer(self.data)]
        line = bisect.bisect_left(self._newlines, pos) + 1
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0:
            return f"{self.where}#{self.names[i]}:{line}"
        return f"{self.where}:{line}"


def _alternation(names) -> bytes:
    return b"|".join(re.escape(n.encode()) for n in sorted(names, key=len, reverse=True))


class JsScanner:
    def __init__(self, sdk_markers: list[str]):
        apis = load_mp_data("privacy_apis.json")
        rules = load_mp_data("code_rules.json")
        names = _alternation(apis["apis"])
        # one regex per object name: a literal first lets the engine skip ahead (an alternation does not)
        self.api_res = [
            re.compile(obj + rb"\s*\.\s*(" + names + rb")(?![\w$])")
            for obj in (b"wx", b"uni", b"qq", b"Taro")
        ]
        self.api_res.append(re.compile(rb"wx\s*\[\s*[\"'](" + names + rb")[\"']\s*\]"))
        open_types = [k for k in apis["open_types"] if k not in ("description", "compiled_literals")]
        self.open_type_re = re.compile(rb"open-type\s*=\s*[\"'](" + _alternation(open_types) + rb")[\"']")
        # compiled templates keep attribute values as quoted literals in shared arrays, away from the name;
        # these values mean nothing else in mini-program code (getUserInfo is also an interface: not here)
        self.open_type_literals = [
            (t, re.compile(re.escape(t.encode()) + rb"[\"']"))
            for t in apis["open_types"]["compiled_literals"]
        ]
        scopes = {v["scope"] for v in apis["apis"].values() if v.get("scope")} | {
            k for k in apis["permission_scopes"] if k.startswith("scope.")
        }
        self.scope_re = re.compile(rb"scope\.(" + _alternation(s[6:] for s in scopes) + rb")[\"']")
        self.hook_res = [
            (h, re.compile(re.escape(h.encode()) + rb"(?![\w$])")) for h in apis["privacy_hooks"]
        ]
        self.net_apis = rules["network_apis"]
        net = _alternation(self.net_apis)
        self.net_res = [
            re.compile(obj + rb"\s*\.\s*(" + net + rb")\s*\(") for obj in (b"wx", b"uni", b"Taro")
        ]
        self.net_window = int(rules["network_call_window"])
        self.eval_re = re.compile(rules["eval"].encode())
        self.func_re = re.compile(rules["function_constructor"].encode())
        self.func_string_arg_re = re.compile(rules["function_constructor_string_arg"].encode())
        self.func_idiom_re = re.compile(rules["function_global_idiom"].encode())
        self.debug_re = re.compile(rules["set_enable_debug"].encode())
        self.obf_re = re.compile(rules["obfuscator_identifier"].encode())
        self.webview_re = re.compile(rules["webview_tag"].encode())
        self.query_re = re.compile(rules["page_query_read"].encode())
        self.marker_literals = [(m, m.encode()) for m in sdk_markers]
        self.facts = JsFacts()
        self._urls: dict[bytes, str | None] = {}

    def scan_code(self, data: bytes, where: str, is_template: bool) -> None:
        f = self.facts
        loc = Locator(data, where)
        for rx in self.api_res:
            for m in rx.finditer(data):
                if _word_start(data, m.start()):
                    f.privacy_calls.setdefault(m.group(1).decode(), Hits()).add(loc, m.start())
        attributes = 0
        for m in self.open_type_re.finditer(data):
            f.open_types.setdefault(m.group(1).decode(), Hits()).add(loc, m.start())
            attributes += 1
        if not attributes and not where.endswith(".wxml"):  # a compiled template, not source WXML
            for t, rx in self.open_type_literals:
                for m in rx.finditer(data):
                    if m.start() and data[m.start() - 1] in b"\"'":
                        f.open_types.setdefault(t, Hits()).add(loc, m.start())
        for m in self.scope_re.finditer(data):
            if m.start() and data[m.start() - 1] in b"\"'":
                f.scopes_in_code.setdefault("scope." + m.group(1).decode(), Hits()).add(loc, m.start())
        for hook, rx in self.hook_res:
            for m in rx.finditer(data):
                if _word_start(data, m.start()):
                    f.privacy_hooks.setdefault(hook, Hits()).add(loc, m.start())
        for rx in self.net_res:
            for m in rx.finditer(data):
                if _word_start(data, m.start()):
                    self._network_call(data, m, loc)
        idioms = {m.start() for m in self.func_idiom_re.finditer(data)}
        for m in self.func_re.finditer(data):
            pos = m.start()
            if pos in idioms:
                continue
            with_new = NEW_BEFORE_RE.search(data, max(0, pos - 12), pos) is not None
            if with_new or (_word_start(data, pos, b".") and self.func_string_arg_re.match(data, m.end())):
                f.function_constructor.add(loc, pos)
        for i in sorted(idioms):
            f.function_global_idiom.add(loc, i)
        for m in self.eval_re.finditer(data):
            if _word_start(data, m.start(), b"."):
                f.eval_calls.add(loc, m.start())
        for m in self.debug_re.finditer(data):
            f.enable_debug.add(loc, m.start())
        f.obfuscator_identifiers += sum(1 for m in self.obf_re.finditer(data) if _word_start(data, m.start()))
        for literal in (b"sourceMappingURL=",):
            pos = data.find(literal)
            if pos >= 0:
                f.source_map_comments.add(loc, pos)
        for marker, literal in self.marker_literals:
            pos = data.find(literal)
            if pos >= 0:
                f.sdk_markers.setdefault(marker, Hits()).add(loc, pos)
        if is_template:
            self._webviews(data, loc)
        if (b"'web-view'" in data or b'"web-view"' in data) and len(f.compiled_webview_files) < 50:
            f.compiled_webview_files.append(where)  # compiled template naming the component
        for i, name in enumerate(loc.names):  # compiled app-service.js: keep each page module's code
            start, end = loc.module_span(i)
            f.page_js.setdefault(name.removesuffix(".js"), data[start:end])

    def _network_call(self, data: bytes, m: re.Match, loc: Locator) -> None:
        f = self.facts
        kind = self.net_apis[m.group(1).decode()]
        u = URL_LITERAL_RE.search(data, m.end(), m.end() + self.net_window)
        url = self._normalised(u.group()) if u else None
        if len(f.network_calls) < 2000:
            f.network_calls.append(
                {"api": m.group(1).decode(), "kind": kind, "url": url, "location": loc(m.start())}
            )
        if url:
            f.url_uses.setdefault(url, set()).add(kind)

    def _normalised(self, raw: bytes) -> str | None:
        if raw not in self._urls:  # bundles repeat the same base URLs many times
            norm = normalise_url(raw.decode("ascii", "ignore"))
            self._urls[raw] = norm[0] if norm else None
        return self._urls[raw]

    def _webviews(self, data: bytes, loc: Locator) -> None:
        for m in self.webview_re.finditer(data):
            src = m.group(1).decode("utf-8", "replace")
            item = {"location": loc(m.start()), "src": src, "bound": "{{" in src}
            norm = None if item["bound"] else normalise_url(src)
            if norm:
                self.facts.url_uses.setdefault(norm[0], set()).add("web-view")
            self.facts.webviews.append(item)

    def page_reads_query(self, page: str) -> str | None:
        """The first 'options.url'-like read in the page's code (evidence that a web-view src can come from
        whoever opens the page), or None."""
        code = self.facts.page_js.get(page)
        if code is None:
            return None
        m = self.query_re.search(code)
        return m.group().decode("utf-8", "replace") if m else None
