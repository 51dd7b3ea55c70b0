"""Test helper: builds .wxapkg packages from the mini-program projects under projects/, following the
publicly described package format, and the Windows client's encrypted cache copy of a package.

The build is a small stand-in for WeChat's compiler: app.json plus each page's .json become
/app-config.json (page settings under "page", keyed "<page>.html"), the JavaScript of each package is
wrapped in define("<path>.js", function(...){...}) modules and concatenated into app-service.js (the
main package) or <root>/app-service.js (a sub-package); templates (.wxml) and other files are kept at
their paths. Written from the format description, independently of the engine's reader."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from appgov.engines.packagebuild import pack_wxapkg as pack  # the package format itself, shared with the demo

PROJECTS = Path(__file__).resolve().parent / "projects"
DEFINE_HEAD = (
    'define("{path}", function(require, module, exports, window, document, frames, self, location, '
    "navigator, localStorage, history, Caches, screen, alert, confirm, prompt, XMLHttpRequest, WebSocket, "
    'Reporter, webkit, WeixinJSCore){{"use strict";\n'
)


def pack_raw(
    entries: list[tuple[bytes, int, int]],
    body: bytes,
    count: int | None = None,
    index_len: int | None = None,
    data_len: int | None = None,
) -> bytes:
    """A package with a hand-written index (name, offset, size), for hostile-input tests."""
    idx = struct.pack(">I", len(entries) if count is None else count) + b"".join(
        struct.pack(">I", len(n)) + n + struct.pack(">II", off, size) for n, off, size in entries
    )
    ilen = len(idx) if index_len is None else index_len
    dlen = len(body) if data_len is None else data_len
    return struct.pack(">BIIIB", 0xBE, 0, ilen, dlen, 0xED) + idx + body


def data_start(entries: list[tuple[bytes, int]]) -> int:
    """Offset of the data area for an index holding these (name, _) entries."""
    return 14 + 4 + sum(4 + len(n) + 8 for n, _ in entries)


def _module(path: str, source: str) -> str:
    return DEFINE_HEAD.format(path=path) + source + "\n});\n"


def compile_project(name: str) -> dict[str, bytes]:
    """{package file name: package bytes}: __APP__.wxapkg and one _<root>_.wxapkg per sub-package."""
    root = PROJECTS / name
    app = json.loads((root / "app.json").read_text(encoding="utf-8"))
    sub_roots = [sp["root"].strip("/") for sp in app.get("subPackages", [])]
    files = sorted(p for p in root.rglob("*") if p.is_file())

    def owner(rel: str) -> str | None:
        return next((r for r in sub_roots if rel.startswith(r + "/")), None)

    config = dict(app)
    config["page"] = {}
    for page in app["pages"] + [
        f"{sp['root']}/{p}" for sp in app.get("subPackages", []) for p in sp["pages"]
    ]:
        page_json = root / f"{page}.json"
        window = json.loads(page_json.read_text(encoding="utf-8")) if page_json.exists() else {}
        config["page"][f"{page}.html"] = {"window": window}
    config["entryPagePath"] = app["pages"][0] + ".html"

    main: dict[str, bytes] = {"app-config.json": json.dumps(config, ensure_ascii=False).encode("utf-8")}
    subs: dict[str, dict[str, bytes]] = {r: {} for r in sub_roots}
    modules: dict[str | None, list[str]] = {None: [], **{r: [] for r in sub_roots}}
    for p in files:
        rel = p.relative_to(root).as_posix()
        if rel == "app.json" or (rel.endswith(".json") and not rel.endswith(".map")):
            continue
        target = subs[owner(rel)] if owner(rel) else main
        if rel.endswith(".js"):
            modules[owner(rel)].append(_module(rel, p.read_text(encoding="utf-8")))
        else:
            target[rel] = p.read_bytes()
    main["app-service.js"] = ("".join(modules[None]) + 'require("app.js");\n').encode("utf-8")
    main["page-frame.html"] = (
        b'<!DOCTYPE html><html><head><script src="./app-wxss.js"></script></head></html>'
    )
    out = {"__APP__.wxapkg": pack(main)}
    for r in sub_roots:
        subs[r][f"{r}/app-service.js"] = "".join(modules[r]).encode("utf-8")
        out[f"_{r.replace('/', '_')}_.wxapkg"] = pack(subs[r])
    return out


def encrypt_pc_copy(plain: bytes, appid: str) -> bytes:
    """The Windows client's cache form: "V1MMWX", AES-256-CBC (PBKDF2-SHA1 key from the appid, salt
    "saltiest", 1000 iterations, IV "the iv: 16 bytes") over the first 1023 bytes padded to 1024, then
    every later byte XORed with the appid's second-to-last character."""
    key = hashlib.pbkdf2_hmac("sha1", appid.encode(), b"saltiest", 1000, 32)
    padder = padding.PKCS7(128).padder()
    head = padder.update(plain[:1023]) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(b"the iv: 16 bytes")).encryptor()
    xor = ord(appid[-2]) if len(appid) >= 2 else 0x66
    return b"V1MMWX" + enc.update(head) + enc.finalize() + bytes(b ^ xor for b in plain[1023:])
