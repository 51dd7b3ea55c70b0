"""Official icons' indexed hashes: computed in parallel when the index is built, and kept between builds.

Hashing an official icon with all its variants (crops, avatars, hues, 172 geometric variants) costs
~0.1 s of CPU, about 2 minutes for 1,200 protected apps: most of the index build. The hashes depend
only on the file's bytes, on which variants are wanted and on the code that makes them, so a cache
directory keeps them under a key of those three (a changed icon, setting or hashing code is simply a
new key). Entries are JSON, written to a temporary file and renamed; an unreadable or malformed entry
is computed again. A file that cannot be read or decoded is left out here: compiling the app reads it
again and reports the error with the app's id.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import icons
from .forked import forked_map

Flags = tuple[bool, bool, bool, bool]  # crops, hues, avatars, geometry
# the code the cached hashes depend on: icons.py and what it draws the icon's other shapes with
_CODE = hashlib.blake2b(
    b"".join(Path(icons.__file__).with_name(name).read_bytes() for name in ("icons.py", "tile.py", "pixels.py")),
    digest_size=8,
).hexdigest()


def _key(data: bytes, flags: Flags) -> str:
    mark = "".join("1" if f else "0" for f in flags)
    return hashlib.blake2b(data, digest_size=16, person=_CODE.encode()[:16]).hexdigest() + "-" + mark


def _load(path: Path) -> dict[str, tuple[str, ...]] | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(h, str) and len(h) == 16 for h in v)
        for k, v in raw.items()
    ):
        return None
    return {k: tuple(v) for k, v in raw.items()}


def _store(folder: Path, key: str, hashes: dict[str, tuple[str, ...]]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({k: list(v) for k, v in hashes.items()}, fh)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs time


def _compute(task: tuple[str, Flags]) -> dict[str, tuple[str, ...]] | None:
    path, (crops, hues, avatars, geometry) = task
    try:
        return icons.official_hashes(path, crops=crops, hues=hues, avatars=avatars, geometry=geometry)
    except (OSError, ValueError):
        return None


def official_hashes_many(
    paths: list[Path], flags: Flags, *, cache_dir: str | Path | None = None, workers: int = 1
) -> dict[Path, dict[str, tuple[str, ...]]]:
    """{path: icons.official_hashes(path, *flags)} for the readable ones: from the cache where present,
    the others computed by ``workers`` processes (forked) and stored."""
    folder = Path(cache_dir) if cache_dir else None
    out: dict[Path, dict[str, tuple[str, ...]]] = {}
    missing: list[tuple[Path, str | None]] = []
    for path in dict.fromkeys(paths):
        key = None
        if folder is not None:
            try:
                key = _key(path.read_bytes(), flags)
            except OSError:
                continue
            cached = _load(folder / f"{key}.json")
            if cached is not None:
                out[path] = cached
                continue
        missing.append((path, key))
    tasks = [(str(path), flags) for path, _key_ in missing]
    results = forked_map(_compute, tasks, workers)
    for (path, key), hashes in zip(missing, results, strict=True):
        if hashes is None:
            continue
        out[path] = hashes
        if folder is not None and key is not None:
            _store(folder, key, hashes)
    return out
