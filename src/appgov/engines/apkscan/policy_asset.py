"""The privacy policy a package carries: an HTML or text file named for it (assets/privacy_policy.html in an
APK, resources/rawfile/privacy.html in a HAP, a bundle file in an IPA, a page of a mini-program). Read with a
size bound; the report keeps its text so that the policy can be read and compared without the package."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from .errors import PackageError

MAX_POLICY_BYTES = 1024 * 1024  # a 30-page policy is about 150 KB of HTML
NAME = re.compile(
    r"(?:^|/)[^/]*(?:privacy|yinsi|隐私)[^/]*\.(?:html?|txt|md|wxml|axml)$",
    re.IGNORECASE,
)
NOT_A_POLICY = re.compile(r"(?:setting|settings|switch|dialog|popup|toast|alert)[^/]*$", re.IGNORECASE)


def _rank(name: str, size: int) -> tuple:
    low = name.lower()
    policy_word = any(w in low for w in ("policy", "政策", "yinsizhengce", "privacy_policy"))
    shipped_place = low.startswith(("assets/", "resources/rawfile/", "res/raw/", "payload/", "pages/"))
    return (policy_word, shipped_place, size)


def find_policy(names: list[str], size_of: Callable[[str], int], read: Callable[[str], bytes]) -> dict | None:
    """{"path", "size", "sha256", "format", "text"} of the package's privacy policy, the best-named candidate;
    {"path", "size", "too_large": True} when it is over MAX_POLICY_BYTES; None when the package carries none."""
    candidates = [n for n in names if NAME.search(n) and not NOT_A_POLICY.search(n.rsplit("/", 1)[-1])]
    if not candidates:
        return None
    best = max(candidates, key=lambda n: _rank(n, size_of(n)))
    size = size_of(best)
    if size > MAX_POLICY_BYTES:
        return {"path": best, "size": size, "too_large": True, "limit": MAX_POLICY_BYTES}
    try:
        data = bytes(read(best))
    except PackageError:
        return None  # an unreadable entry is reported by the package's own checks; no policy is offered
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or not text.strip() or "\x00" in text:
        return None
    return {
        "path": best,
        "size": size,
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": best.rsplit(".", 1)[-1].lower(),
        "text": text,
    }
