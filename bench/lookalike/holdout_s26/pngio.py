"""Minimal PNG writer and header reader (stdlib only: zlib, struct)."""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _clamp_bytes(values):
    return bytes([0 if v < 0.5 else (255 if v >= 254.5 else int(v + 0.5)) for v in values])


def encode(img):
    """Encode an Img (float channels 0..255, optional alpha) as PNG bytes (8-bit RGB or RGBA)."""
    w, h = img.w, img.h
    chans = [img.r, img.g, img.b] + ([img.a] if img.a is not None else [])
    nc = len(chans)
    inter = [0.0] * (w * h * nc)
    for k, ch in enumerate(chans):
        inter[k::nc] = ch
    raw = _clamp_bytes(inter)
    stride = w * nc
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        rows += raw[y * stride:(y + 1) * stride]
    colour_type = 6 if nc == 4 else 2
    ihdr = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    return SIGNATURE + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + _chunk(b"IEND", b"")


def write(path, img):
    with open(path, "wb") as fh:
        fh.write(encode(img))


def read_header(path):
    """Return (width, height, bit_depth, colour_type) of a PNG file, or None when it is not one."""
    with open(path, "rb") as fh:
        head = fh.read(33)
    if len(head) < 33 or head[:8] != SIGNATURE or head[12:16] != b"IHDR":
        return None
    w, h, depth, ctype = struct.unpack(">IIBB", head[16:26])
    return w, h, depth, ctype


def decode(path):
    """Decode an 8-bit non-interlaced RGB/RGBA PNG written by encode() (used by sheets.py)."""
    with open(path, "rb") as fh:
        data = fh.read()
    pos = 8
    idat = b""
    w = h = ctype = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, _depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    nc = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * nc
    out = bytearray()
    prev = bytearray(stride)
    for y in range(h):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(nc, stride):
                line[i] = (line[i] + line[i - nc]) & 255
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif ftype != 0:
            raise ValueError(f"unsupported PNG filter {ftype} in {path}")
        out += line
        prev = line
    return w, h, nc, bytes(out)
