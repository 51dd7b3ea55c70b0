"""Is the path a mini-program input? Decided from the first bytes, the suffix, or a ZIP's member names."""

from __future__ import annotations

import os


def is_miniprogram_input(path: str) -> bool:
    if os.path.isdir(path):
        return True
    if not os.path.isfile(path):
        return False
    if path.lower().endswith(".wxapkg"):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(14)
    except OSError:
        return False
    from .pccache import PC_TAG  # here, not at import: an APK scan should not load the mini-program reader
    from .wxapkg import looks_like_wxapkg

    if looks_like_wxapkg(head) or head.startswith(PC_TAG):
        return True
    if head[:2] == b"PK" and path.lower().endswith(".zip"):
        return _zip_holds_packages(path)
    return False


def _zip_holds_packages(path: str) -> bool:
    """Member names only; a broken ZIP is left to the APK path's error messages."""
    from ..errors import PackageError
    from ..limits import Limits
    from ..ziparchive import ZipArchive

    try:
        zf, handle = ZipArchive.open_file(path, Limits())
    except PackageError:
        return False
    try:
        names = zf.entries
        return "AndroidManifest.xml" not in names and any(n.lower().endswith(".wxapkg") for n in names)
    finally:
        handle.close()
