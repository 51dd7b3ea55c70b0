"""A WeChat mini-program package (.wxapkg) from its files, following the publicly described format: header
(0xBE, index and data lengths, 0xED), the file index (name, offset, size), then the files."""

import struct


def pack_wxapkg(files: dict[str, bytes]) -> bytes:
    """A .wxapkg holding `files` (names without the leading slash), in the given order."""
    names = [("/" + n.lstrip("/")).encode("utf-8") for n in files]
    index_len = 4 + sum(4 + len(n) + 8 for n in names)
    offset = 14 + index_len
    index = [struct.pack(">I", len(files))]
    body = []
    for raw_name, data in zip(names, files.values(), strict=True):
        index.append(struct.pack(">I", len(raw_name)) + raw_name + struct.pack(">II", offset, len(data)))
        body.append(data)
        offset += len(data)
    data_len = sum(len(b) for b in body)
    header = struct.pack(">BIIIB", 0xBE, 0, index_len, data_len, 0xED)
    return header + b"".join(index) + b"".join(body)
