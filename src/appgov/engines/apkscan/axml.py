"""Android binary XML (AXML) reader: AndroidManifest.xml and compiled res/xml files.

Only what a manifest needs: string pool, resource-id map, namespaces, elements and typed attribute
values. Hostile inputs (bad chunk sizes, string indexes out of range, absurd nesting) raise
PackageError naming the byte offset.
"""

from __future__ import annotations

import struct

from .errors import PackageError

RES_STRING_POOL = 0x0001
RES_XML = 0x0003
RES_XML_START_NS = 0x0100
RES_XML_END_NS = 0x0101
RES_XML_START_ELEMENT = 0x0102
RES_XML_END_ELEMENT = 0x0103
RES_XML_CDATA = 0x0104
RES_XML_RESOURCE_MAP = 0x0180

TYPE_NULL = 0x00
TYPE_REFERENCE = 0x01
TYPE_ATTRIBUTE = 0x02
TYPE_STRING = 0x03
TYPE_FLOAT = 0x04
TYPE_INT_DEC = 0x10
TYPE_INT_HEX = 0x11
TYPE_INT_BOOLEAN = 0x12

ANDROID_NS = "http://schemas.android.com/apk/res/android"

# android:attr resource ids (checked against framework-res.apk by the tests). When a manifest's
# attribute-name strings are stripped or obfuscated, the resource map still names the attribute.
ANDROID_ATTR_IDS = {
    0x01010000: "theme",
    0x01010001: "label",
    0x01010002: "icon",
    0x01010003: "name",
    0x01010006: "permission",
    0x01010007: "readPermission",
    0x01010008: "writePermission",
    0x01010009: "protectionLevel",
    0x0101000A: "permissionGroup",
    0x0101000B: "sharedUserId",
    0x0101000C: "hasCode",
    0x0101000E: "enabled",
    0x0101000F: "debuggable",
    0x01010010: "exported",
    0x01010011: "process",
    0x01010012: "taskAffinity",
    0x01010018: "authorities",
    0x0101001B: "grantUriPermissions",
    0x0101001C: "priority",
    0x0101001D: "launchMode",
    0x01010020: "description",
    0x01010024: "value",
    0x01010025: "resource",
    0x01010026: "mimeType",
    0x01010027: "scheme",
    0x01010028: "host",
    0x01010029: "port",
    0x0101002A: "path",
    0x0101002B: "pathPrefix",
    0x0101002C: "pathPattern",
    0x010100D1: "tag",
    0x01010119: "src",
    0x01010202: "targetActivity",
    0x0101020C: "minSdkVersion",
    0x0101021B: "versionCode",
    0x0101021C: "versionName",
    0x01010270: "targetSdkVersion",
    0x01010271: "maxSdkVersion",
    0x01010272: "testOnly",
    0x01010280: "allowBackup",
    0x0101028E: "required",
    0x010102B7: "installLocation",
    0x010103A9: "isolatedProcess",
    0x010104EA: "extractNativeLibs",
    0x010104EB: "fullBackupContent",
    0x010104EC: "usesCleartextTraffic",
    0x01010505: "directBootAware",
    0x01010527: "networkSecurityConfig",
    0x0101052C: "roundIcon",
    0x010103E3: "ssp",
    0x010103E4: "sspPrefix",
    0x010103E5: "sspPattern",
    0x010104EE: "autoVerify",
    0x01010572: "compileSdkVersion",
    0x01010573: "compileSdkVersionCodename",
    0x0101057A: "appComponentFactory",
    0x01010603: "requestLegacyExternalStorage",
}


class Value:
    """A typed attribute value. `text` is the raw string when the compiler kept one."""

    __slots__ = ("type", "data", "text")

    def __init__(self, type: int, data: int, text: str | None = None):  # noqa: A002 - the AXML field name
        self.type, self.data, self.text = type, data, text

    def __repr__(self) -> str:
        return f"Value(type=0x{self.type:02x}, data={self.data}, text={self.text!r})"

    def as_str(self) -> str | None:
        if self.type == TYPE_STRING or (self.text is not None and self.type != TYPE_REFERENCE):
            return self.text
        if self.type == TYPE_INT_BOOLEAN:
            return "true" if self.data else "false"
        if self.type == TYPE_INT_DEC:
            return str(struct.unpack("<i", struct.pack("<I", self.data))[0])
        if self.type == TYPE_INT_HEX:
            return f"0x{self.data:08x}"
        if self.type in (TYPE_REFERENCE, TYPE_ATTRIBUTE):
            return f"@{self.data:08X}" if self.type == TYPE_REFERENCE else f"?{self.data:08X}"
        if self.type == TYPE_FLOAT:
            return repr(struct.unpack("<f", struct.pack("<I", self.data))[0])
        return self.text

    def as_int(self) -> int | None:
        if self.type in (TYPE_INT_DEC, TYPE_INT_HEX):
            return struct.unpack("<i", struct.pack("<I", self.data))[0]
        if self.type == TYPE_INT_BOOLEAN:
            return 1 if self.data else 0
        if self.type == TYPE_STRING and self.text is not None:
            try:
                return int(self.text.strip(), 0)
            except ValueError:
                return None
        return None

    def as_bool(self) -> bool | None:
        if self.type == TYPE_INT_BOOLEAN:
            return self.data != 0
        if self.type in (TYPE_INT_DEC, TYPE_INT_HEX):
            return self.data != 0
        if self.type == TYPE_STRING and self.text is not None:
            low = self.text.strip().lower()
            if low in ("true", "false"):
                return low == "true"
        return None

    @property
    def is_reference(self) -> bool:
        return self.type == TYPE_REFERENCE


class Element:
    __slots__ = ("tag", "attrs", "children", "text")

    def __init__(self, tag: str, attrs: dict | None = None, children: list | None = None, text: str = ""):
        self.tag = tag
        self.attrs: dict[str, Value] = {} if attrs is None else attrs
        self.children: list[Element] = [] if children is None else children
        self.text = text

    def __repr__(self) -> str:
        return f"Element({self.tag!r}, {len(self.attrs)} attributes, {len(self.children)} children)"

    def get(self, name: str) -> Value | None:
        """Attribute by local name; android: attributes are keyed as 'android:name'."""
        return self.attrs.get(name)

    def str(self, name: str) -> str | None:
        v = self.attrs.get(name)
        return v.as_str() if v is not None else None

    def bool(self, name: str) -> bool | None:
        v = self.attrs.get(name)
        return v.as_bool() if v is not None else None

    def int(self, name: str) -> int | None:
        v = self.attrs.get(name)
        return v.as_int() if v is not None else None

    def iter(self, tag: str | None = None):
        stack = [self]
        while stack:
            el = stack.pop()
            if tag is None or el.tag == tag:
                yield el
            stack.extend(reversed(el.children))

    def find_all(self, tag: str) -> list[Element]:
        return [c for c in self.children if c.tag == tag]


class StringPool:
    """Lazily decoded ResStringPool (UTF-8 or UTF-16)."""

    def __init__(self, buf: bytes, offset: int, where: str):
        self.where = where
        _t, hsize, size = struct.unpack_from("<HHI", buf, offset)
        if offset + size > len(buf) or hsize < 28 or hsize > size:
            raise PackageError(f"string pool at byte {offset} overruns the buffer", where)
        count, style_count, flags, strings_start, _styles_start = struct.unpack_from(
            "<IIIII", buf, offset + 8
        )
        # the offset tables follow the header (hsize bytes), inside the chunk
        if hsize + count * 4 + style_count * 4 > size:
            raise PackageError(f"string pool at byte {offset} claims {count} strings, more than fit", where)
        self.buf = buf
        self.count = count
        self.utf8 = bool(flags & 0x100)
        self.base = offset + strings_start
        self.end = offset + size
        idx = offset + hsize
        self.offsets = struct.unpack_from(f"<{count}I", buf, idx) if count else ()
        self._cache: dict[int, str] = {}

    def get(self, index: int) -> str | None:
        if index < 0 or index >= self.count:
            return None
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        pos = self.base + self.offsets[index]
        buf = self.buf
        try:
            if self.utf8:
                pos += 2 if buf[pos] & 0x80 else 1  # utf-16 length, unused
                n = buf[pos]
                if n & 0x80:
                    n = ((n & 0x7F) << 8) | buf[pos + 1]
                    pos += 2
                else:
                    pos += 1
                if pos + n > self.end:
                    raise IndexError
                s = bytes(buf[pos : pos + n]).decode("utf-8", "replace")
            else:
                (n,) = struct.unpack_from("<H", buf, pos)
                pos += 2
                if n & 0x8000:
                    (lo,) = struct.unpack_from("<H", buf, pos)
                    n = ((n & 0x7FFF) << 16) | lo
                    pos += 2
                if pos + 2 * n > self.end:
                    raise IndexError
                s = bytes(buf[pos : pos + 2 * n]).decode("utf-16-le", "replace")
        except (IndexError, struct.error):
            raise PackageError(f"string {index} at byte {pos} overruns its pool", self.where) from None
        self._cache[index] = s
        return s

    def raw_region(self) -> memoryview:
        return memoryview(self.buf)[self.base : self.end]


def parse_axml(buf: bytes, where: str, max_depth: int = 64, max_elements: int = 200_000) -> Element:
    """Parse a binary XML document and return its root element."""
    if len(buf) < 8:
        raise PackageError(f"{len(buf)} bytes is too short for binary XML", where)
    typ, hsize, total = struct.unpack_from("<HHI", buf, 0)
    if typ != RES_XML:
        if buf[:5] in (b"<?xml", b"\xef\xbb\xbf<?x") or buf.lstrip()[:1] == b"<":
            raise PackageError("is a plain-text XML file, not compiled binary XML", where)
        raise PackageError(f"not binary XML (chunk type 0x{typ:04x} at byte 0)", where)
    end = min(total, len(buf)) if total >= 8 else len(buf)
    pos = hsize if 8 <= hsize < end else 8
    pool: StringPool | None = None
    res_ids: tuple[int, ...] = ()
    ns_prefix: dict[str, str] = {}
    root: Element | None = None
    stack: list[Element] = []
    n_elements = 0
    while pos + 8 <= end:
        ctype, chsize, csize = struct.unpack_from("<HHI", buf, pos)
        if csize < 8 or pos + csize > end:
            raise PackageError(f"chunk 0x{ctype:04x} at byte {pos} has bad size {csize}", where)
        if ctype == RES_STRING_POOL:
            pool = StringPool(buf, pos, where)
        elif ctype == RES_XML_RESOURCE_MAP:
            n = (csize - chsize) // 4
            res_ids = struct.unpack_from(f"<{n}I", buf, pos + chsize)
        elif ctype == RES_XML_START_NS:
            if pool is None or csize < 24:
                raise PackageError(f"namespace chunk at byte {pos} before string pool", where)
            prefix_i, uri_i = struct.unpack_from("<II", buf, pos + 16)
            uri = pool.get(uri_i)
            if uri is not None:
                ns_prefix[uri] = pool.get(prefix_i) or ""
        elif ctype == RES_XML_START_ELEMENT:
            if pool is None:
                raise PackageError(f"element at byte {pos} before string pool", where)
            n_elements += 1
            if n_elements > max_elements:
                raise PackageError(f"more than {max_elements} elements", where)
            if len(stack) >= max_depth:
                raise PackageError(f"elements nested deeper than {max_depth} levels (byte {pos})", where)
            el = _read_element(buf, pos, chsize, csize, pool, res_ids, ns_prefix, where)
            if stack:
                stack[-1].children.append(el)
            elif root is None:
                root = el
            else:
                raise PackageError(f"second root element <{el.tag}> at byte {pos}", where)
            stack.append(el)
        elif ctype == RES_XML_END_ELEMENT:
            if stack:
                stack.pop()
        elif ctype == RES_XML_CDATA and stack and pool is not None and csize >= chsize + 4:
            (data_i,) = struct.unpack_from("<I", buf, pos + chsize)
            stack[-1].text += pool.get(data_i) or ""
        pos += csize
    if root is None:
        raise PackageError("binary XML has no root element", where)
    return root


def _read_element(buf, pos, chsize, csize, pool, res_ids, ns_prefix, where) -> Element:
    ext = pos + chsize
    if ext + 20 > pos + csize:
        raise PackageError(f"element chunk at byte {pos} too short", where)
    _ns_i, name_i, attr_start, attr_size, attr_count = struct.unpack_from("<IIHHH", buf, ext)
    tag = pool.get(name_i)
    if tag is None:
        raise PackageError(f"element at byte {pos} names string {name_i} which does not exist", where)
    if attr_size < 20:
        attr_size = 20
    a_pos = ext + attr_start
    if a_pos + attr_count * attr_size > pos + csize:
        raise PackageError(
            f"element <{tag}> at byte {pos} has {attr_count} attributes that overrun it", where
        )
    el = Element(tag)
    for _ in range(attr_count):
        ns_i, an_i, raw_i, _vsize, _res0, vtype, vdata = struct.unpack_from("<IIIHBBI", buf, a_pos)
        a_pos += attr_size
        ns = pool.get(ns_i) if ns_i != 0xFFFFFFFF else None
        name = None
        if an_i < len(res_ids):
            name = ANDROID_ATTR_IDS.get(res_ids[an_i])
            if name is None and (res_ids[an_i] >> 24) == 0x01:
                name = pool.get(an_i)
        if name is None:
            name = pool.get(an_i) or f"attr_{an_i}"
        if ns:
            prefix = "android" if ns == ANDROID_NS else (ns_prefix.get(ns) or ns)
            key = f"{prefix}:{name}"
        else:
            key = name
        text = pool.get(raw_i) if raw_i != 0xFFFFFFFF else None
        if vtype == TYPE_STRING and text is None:
            text = pool.get(vdata)
        el.attrs[key] = Value(vtype, vdata, text)
    return el
