"""Reading and validating the two JSON Lines inputs (protected apps, listings).

Every problem is reported as an :class:`InputError` that names the file, the 1-based line number and
the field, so the CLI can print it and exit with status 2. Unknown fields are ignored (feeds carry
more than the engine needs). The JSON Schemas in ``schemas/`` document the same rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .icons import HASH_KINDS
from .models import Listing, ProtectedApp

_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_NO_SPACE = re.compile(r"\S+")


class InputError(ValueError):
    """A malformed input line; ``str()`` gives ``file:line: field 'x': message``."""

    def __init__(self, path: str, line: int, field: str | None, message: str):
        self.path = path
        self.line = line
        self.field = field
        self.message = message
        where = f"{path}:{line}"
        what = f"field '{field}': {message}" if field else message
        super().__init__(f"{where}: {what}")


class FieldError(ValueError):
    """A field of one decoded object is invalid (``field``, ``message``)."""

    def __init__(self, field: str | None, message: str):
        self.field = field
        self.message = message


def normalise_cert(value: str) -> str:
    """SHA-256 certificate fingerprint as 64 lowercase hex digits (colons and case are tolerated)."""
    cert = value.replace(":", "").strip().lower()
    if not _HEX64.fullmatch(cert):
        raise ValueError("expected a SHA-256 fingerprint (64 hex digits, colons allowed)")
    return cert


def _str(obj: dict[str, Any], name: str, *, required: bool) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise FieldError(name, "is required")
        return None
    if not isinstance(value, str):
        raise FieldError(name, f"expected a string, got {type(value).__name__}")
    value = value.strip()
    if not value:
        if required:
            raise FieldError(name, "must not be empty")
        return None
    return value


def _str_list(obj: dict[str, Any], name: str, *, required: bool) -> tuple[str, ...]:
    value = obj.get(name)
    if value is None:
        if required:
            raise FieldError(name, "is required")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(name, f"expected a list of strings, got {type(value).__name__}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise FieldError(f"{name}[{i}]", "expected a non-empty string")
        out.append(item.strip())
    if required and not out:
        raise FieldError(name, "must list at least one value")
    return tuple(dict.fromkeys(out))


def _package(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if len(value) > 255 or not _NO_SPACE.fullmatch(value):
        raise FieldError(name, "expected an identifier without spaces (at most 255 characters)")
    return value


def _cert(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return normalise_cert(value)
    except ValueError as exc:
        raise FieldError(name, str(exc)) from None


def _phash(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    value = value.lower()
    if value.startswith("0x"):
        value = value[2:]
    if not _HEX16.fullmatch(value):
        raise FieldError(name, "expected a 64-bit perceptual hash as 16 hex digits")
    return value


def _icon_fields(obj: dict[str, Any]) -> tuple[str | None, dict[str, str] | None]:
    """``icon_phash`` and ``icon_hashes`` (an object of 16-hex-digit hashes by kind; unknown kinds are
    ignored, a ``phash`` kind must agree with ``icon_phash`` and stands in for it when that is absent)."""
    phash = _phash(_str(obj, "icon_phash", required=False), "icon_phash")
    value = obj.get("icon_hashes")
    if value is None:
        return phash, None
    if not isinstance(value, dict):
        raise FieldError("icon_hashes", f"expected an object of hashes by kind, got {type(value).__name__}")
    hashes: dict[str, str] = {}
    for kind in HASH_KINDS:
        item = value.get(kind)
        if item is None:
            continue
        if type(item) is str and len(item) == 16 and _HEX16.fullmatch(item):
            hashes[kind] = item  # already as stored (a sweep reads millions)
            continue
        name = f"icon_hashes.{kind}"
        if not isinstance(item, str):
            raise FieldError(name, f"expected a string, got {type(item).__name__}")
        hashes[kind] = _phash(item.strip(), name)
    given = hashes.pop("phash", None)
    if given is not None:
        if phash is not None and phash != given:
            raise FieldError("icon_hashes.phash", f"differs from icon_phash ({phash})")
        phash = given
    return phash, hashes


def _timestamp(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(name, "expected an ISO 8601 date or date-time, e.g. 2025-03-01") from None
    return value


def protected_from_dict(obj: Any) -> ProtectedApp:
    """Validate one decoded protected-app object (raises ``FieldError``)."""
    if not isinstance(obj, dict):
        raise FieldError(None, "expected a JSON object")
    packages = tuple(_package(p, "package_ids") for p in _str_list(obj, "package_ids", required=False))
    certs = []
    for i, cert in enumerate(_str_list(obj, "cert_sha256", required=False)):
        certs.append(_cert(cert, f"cert_sha256[{i}]"))
    icon_phash, icon_hashes = _icon_fields(obj)
    return ProtectedApp(
        app_id=_str(obj, "app_id", required=True),
        institution=_str(obj, "institution", required=True),
        names=_str_list(obj, "names", required=True),
        brand_keywords=_str_list(obj, "brand_keywords", required=False),
        package_ids=packages,  # type: ignore[arg-type]
        developers=_str_list(obj, "developers", required=False),
        cert_sha256=tuple(dict.fromkeys(certs)),  # type: ignore[arg-type]
        icon=_str(obj, "icon", required=False),
        icon_phash=icon_phash,
        icon_hashes=icon_hashes,
    )


def listing_from_dict(obj: Any) -> Listing:
    """Validate one decoded listing object (raises ``FieldError``)."""
    if not isinstance(obj, dict):
        raise FieldError(None, "expected a JSON object")
    icon_phash, icon_hashes = _icon_fields(obj)
    return Listing(
        listing_id=_str(obj, "listing_id", required=True),
        source=_str(obj, "source", required=True),
        name=_str(obj, "name", required=True),
        package_id=_package(_str(obj, "package_id", required=False), "package_id"),
        developer=_str(obj, "developer", required=False),
        cert_sha256=_cert(_str(obj, "cert_sha256", required=False), "cert_sha256"),
        icon=_str(obj, "icon", required=False),
        icon_phash=icon_phash,
        url=_str(obj, "url", required=False),
        first_seen=_timestamp(_str(obj, "first_seen", required=False), "first_seen"),
        changed_at=_timestamp(_str(obj, "changed_at", required=False), "changed_at"),
        icon_hashes=icon_hashes,
    )


def parse_line(raw: bytes | str, path: str, line_no: int, build):
    """Decode one JSONL line with ``build`` (protected_from_dict / listing_from_dict)."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, line_no, None, f"invalid JSON ({exc})") from None
    try:
        return build(obj)
    except FieldError as exc:
        raise InputError(path, line_no, exc.field, exc.message) from None


def _iter_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    with open(path, "rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            if raw.strip():
                yield line_no, raw


def read_protected(path: str | Path) -> list[ProtectedApp]:
    """All protected apps of a JSONL file; duplicate ``app_id`` values are an error."""
    apps: list[ProtectedApp] = []
    seen: dict[str, int] = {}
    for line_no, raw in _iter_lines(path):
        app = parse_line(raw, str(path), line_no, protected_from_dict)
        if app.app_id in seen:
            raise InputError(str(path), line_no, "app_id", f"duplicate of line {seen[app.app_id]}")
        seen[app.app_id] = line_no
        apps.append(app)
    if not apps:
        raise InputError(str(path), 0, None, "no protected app in the file")
    return apps


def iter_listings(path: str | Path) -> Iterator[Listing]:
    """Listings of a JSONL file, validated one line at a time."""
    for line_no, raw in _iter_lines(path):
        yield parse_line(raw, str(path), line_no, listing_from_dict)
