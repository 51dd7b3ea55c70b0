"""The secret that keys the change-log chain, kept in a file outside the database.

Someone who can write the database but not read this file cannot recompute the chain after an edit.
The file (JSON, mode 0600) holds the key and `keyed_from_seq`, the first entry that had to be keyed:
entries before it may carry the older unkeyed hash (scheme 1), entries from it on must be keyed, so
relabelling keyed entries as unkeyed ones is detected too.
"""

import datetime
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class ChainKeyError(Exception):
    """The key file is missing or unreadable where a key is needed."""


@dataclass(frozen=True)
class ChainKey:
    key: bytes
    keyed_from_seq: int
    path: Path


_cache: dict[tuple[str, int], ChainKey] = {}


def key_path() -> Path:
    return Path(settings.APPGOV_CHAIN_KEY_FILE)


def load(create_from_seq: int | None = None) -> ChainKey | None:
    """The installation's chain key; created (0600) when missing and create_from_seq is given."""
    path = key_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        if create_from_seq is None:
            return None
        _create(path, create_from_seq)
        stat = path.stat()
    cached = _cache.get((str(path), stat.st_mtime_ns))
    if cached is not None:
        return cached
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        chain_key = ChainKey(bytes.fromhex(data["key"]), int(data["keyed_from_seq"]), path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ChainKeyError(f"change-log key file {path} is unreadable: {exc}") from exc
    if len(chain_key.key) < 32:
        raise ChainKeyError(f"change-log key file {path} holds a key shorter than 32 bytes")
    _cache[(str(path), stat.st_mtime_ns)] = chain_key
    return chain_key


def _create(path: Path, keyed_from_seq: int) -> None:
    """Write the key under a temporary name and link it into place, so a concurrent first use by another
    process either wins or reads the complete file, never a half-written one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(
        {
            "key": secrets.token_hex(32),
            "keyed_from_seq": keyed_from_seq,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created it first; use theirs
    finally:
        tmp.unlink(missing_ok=True)
