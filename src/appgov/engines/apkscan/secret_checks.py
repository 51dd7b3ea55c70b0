"""Checks a secret pattern's match must also pass before it is reported (named by `validate` in
data/secrets.json). A pattern alone finds the start of something; these look at what follows."""

from __future__ import annotations

import base64
import binascii
import re

PEM_LOOKAHEAD = 16 * 1024  # an RSA-8192 private key in PEM is about 6.5 KB
_END_RE = re.compile(rb"-----END ([A-Z ]{0,20}PRIVATE KEY)-----")
# inside Java / JSON / XML strings line breaks may be written as escapes
_ESCAPES_RE = re.compile(rb"\\[rn]|&#1[03];|\s")


def _der_sequence_length_ok(der: bytes) -> bool:
    """A DER SEQUENCE whose declared length covers the decoded body (trailing padding tolerated)."""
    if len(der) < 2 or der[0] != 0x30:
        return False
    first = der[1]
    if first < 0x80:
        length, header = first, 2
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or len(der) < 2 + n:
            return False
        length, header = int.from_bytes(der[2 : 2 + n], "big"), 2 + n
    return header + length <= len(der) <= header + length + 16


def pem_private_key(data: bytes, match: re.Match) -> bytes | None:
    """The whole PEM block when the BEGIN line is followed by a decodable key body and its END line."""
    begin_label = match.group(0)[len(b"-----BEGIN ") : -len(b"-----")]
    window = data[match.end() : match.end() + PEM_LOOKAHEAD]
    end = _END_RE.search(window)
    if end is None or end.group(1) != begin_label:
        return None
    body = window[: end.start()]
    lines = [ln for ln in re.split(rb"\\n|\n", body) if b":" not in ln]  # Proc-Type / DEK-Info headers
    text = _ESCAPES_RE.sub(b"", b"".join(lines))
    if len(text) < 64:
        return None
    try:
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if begin_label == b"OPENSSH PRIVATE KEY":
        ok = der.startswith(b"openssh-key-v1\x00")
    else:
        ok = _der_sequence_length_ok(der)
    return data[match.start() : match.end() + end.end()] if ok else None


VALIDATORS = {"pem_private_key": pem_private_key}
