"""Decrypting the Windows WeChat client's cached copy of a package (files starting "V1MMWX").

The scheme is publicly described by several open-source tools (see docs/engines/miniprogram.md): the
first 1024 bytes after the 6-byte "V1MMWX" tag are AES-256-CBC with a key derived by PBKDF2-HMAC-SHA1
from the mini-program's appid (salt "saltiest", 1000 iterations, IV "the iv: 16 bytes") and hold the
first 1023 plaintext bytes plus one PKCS#7 padding byte; every later byte is XORed with one byte derived
from the appid (its second-to-last character, or 0x66 for an appid shorter than two characters).
"""

from __future__ import annotations

import hashlib

from ..errors import PackageError
from .wxapkg import FIRST_MARK

PC_TAG = b"V1MMWX"
PBKDF2_SALT = b"saltiest"
PBKDF2_ITERATIONS = 1000
AES_IV = b"the iv: 16 bytes"
ENCRYPTED_HEAD = 1024
CHUNK = 8 * 1024**2


def is_pc_encrypted(head: bytes) -> bool:
    return head[: len(PC_TAG)] == PC_TAG


def _key(appid: str) -> bytes:
    return hashlib.pbkdf2_hmac("sha1", appid.encode("utf-8"), PBKDF2_SALT, PBKDF2_ITERATIONS, 32)


def xor_byte(appid: str) -> int:
    return ord(appid[-2]) & 0xFF if len(appid) >= 2 else 0x66


def decrypt(data, appid: str | None, label: str) -> bytearray:
    """The plain .wxapkg bytes. Raises PackageError when no appid was given or it does not fit."""
    if not appid:
        raise PackageError(
            "encrypted Windows WeChat cache copy (V1MMWX header): pass the mini-program's appid with "
            "--appid wx... (the folder name under ...\\Applet\\ that holds this file)",
            label,
        )
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    body_len = len(data) - len(PC_TAG)
    head_len = min(ENCRYPTED_HEAD, body_len)
    if head_len == 0 or head_len % 16:
        raise PackageError(
            f"V1MMWX copy has {body_len} bytes after the tag; the encrypted head must be a whole number of "
            "16-byte AES blocks (truncated file)",
            label,
        )
    dec = Cipher(algorithms.AES(_key(appid)), modes.CBC(AES_IV)).decryptor()
    head = dec.update(bytes(data[len(PC_TAG) : len(PC_TAG) + head_len])) + dec.finalize()
    pad = head[-1]
    if not 1 <= pad <= 16 or head[-pad:] != bytes([pad]) * pad or not head or head[0] != FIRST_MARK:
        raise PackageError(
            f"decrypting with appid {appid!r} does not give a .wxapkg (bad padding or header): "
            "wrong --appid for this file?",
            label,
        )
    table = bytes(b ^ xor_byte(appid) for b in range(256))
    start = len(PC_TAG) + head_len
    out = bytearray(len(head) - pad + len(data) - start)
    out[: len(head) - pad] = head[:-pad]
    pos = len(head) - pad
    for chunk_start in range(start, len(data), CHUNK):  # one output buffer; the input may be an mmap
        chunk = data[chunk_start : chunk_start + CHUNK].translate(table)
        out[pos : pos + len(chunk)] = chunk
        pos += len(chunk)
    return out
