"""Loading the data files (SDK catalogue, packers, permissions, findings, policy, secrets) and user additions."""

from __future__ import annotations

import json
import os
import re
from functools import cache

from .errors import UsageError

SDK_FIELDS = ("id", "name", "vendor", "category", "signatures", "personal_information")


_DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@cache
def load_data(name: str) -> dict:
    """A package data file: read straight from the package directory when it is on disk (fast path);
    importlib.resources covers zipped installs."""
    path = os.path.join(_DATA_DIR, name)
    if os.path.isfile(path):
        with open(path, "rb") as fh:
            return json.load(fh)
    from importlib import resources

    with resources.files(__package__).joinpath("data", name).open("rb") as fh:
        return json.load(fh)


def _read_user_file(path: str) -> object:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    if path.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise UsageError(f"{path}: invalid YAML ({exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None


def validate_sdk_entry(entry: object, where: str) -> dict:
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: an SDK entry must be a mapping")
    for field in SDK_FIELDS:
        if field not in entry:
            raise UsageError(f"{where}: SDK entry {entry.get('id', '?')!r} lacks field {field!r}")
    sig = entry["signatures"]
    if not isinstance(sig, dict):
        raise UsageError(f"{where}: signatures of {entry['id']!r} must be a mapping")
    clean = {
        k: [str(x) for x in sig.get(k, []) or []]
        for k in ("packages", "native_libs", "hosts", "ios_classes", "host_patterns")
    }
    if not any(clean.values()):
        raise UsageError(f"{where}: SDK entry {entry['id']!r} has no detection signature")
    for pat in clean["host_patterns"]:
        try:
            re.compile(pat)
        except re.error as exc:
            raise UsageError(
                f"{where}: host pattern {pat!r} of {entry['id']!r} is not a valid regex ({exc})"
            ) from None
    out = dict(entry)
    out["signatures"] = clean
    out.setdefault("vendor_country", None)
    out.setdefault("privacy_policy_url", None)
    out.setdefault("name_zh", None)
    if not isinstance(out["personal_information"], list):
        raise UsageError(f"{where}: personal_information of {entry['id']!r} must be a list")
    return out


def load_user_catalogue(path: str) -> list[dict]:
    data = _read_user_file(path)
    entries = data.get("sdks") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise UsageError(f"{path}: expected a list of SDK entries or a mapping with key 'sdks'")
    return [validate_sdk_entry(e, f"{path} entry {i + 1}") for i, e in enumerate(entries)]


_EXODUS_CATEGORY = {
    "analytics": "analytics",
    "advertisement": "ads",
    "crash reporting": "crash_reporting",
    "identification": "device_fingerprint_risk",
    "location": "maps_location",
    "profiling": "analytics",
}


def import_exodus(path: str) -> list[dict]:
    """Convert an εxodus tracker list ({"trackers": {id: {name, code_signature, network_signature, ...}}})."""
    data = _read_user_file(path)
    trackers = data.get("trackers") if isinstance(data, dict) else None
    if isinstance(trackers, dict):
        items = list(trackers.values())
    elif isinstance(trackers, list):
        items = trackers
    else:
        raise UsageError(f"{path}: not an exodus tracker list (no 'trackers' mapping)")
    out = []
    for i, t in enumerate(items):
        where = f"{path} tracker {i + 1}"
        if not isinstance(t, dict) or "name" not in t:
            raise UsageError(f"{where}: tracker must be a mapping with a 'name'")
        packages, class_prefixes = [], []
        for part in str(t.get("code_signature") or "").split("|"):
            part = part.strip().lstrip("^").rstrip("$").replace("\\.", ".")
            if not part or not re.fullmatch(r"[A-Za-z0-9_.$]+", part):
                continue
            # "com.foo." names a package; "com.foo.Bar" is a plain string prefix of class names
            (packages if part.endswith(".") else class_prefixes).append(part.rstrip("."))
        host_patterns = []
        net = str(t.get("network_signature") or "").strip()
        if net:
            for part in net.split("|"):
                part = part.strip()
                if not part:
                    continue
                try:
                    re.compile(part)
                except re.error as exc:
                    raise UsageError(
                        f"{where}: network_signature {part!r} is not a valid regex ({exc})"
                    ) from None
                host_patterns.append(part)
        if not packages and not class_prefixes and not host_patterns:
            continue
        cats = [str(c).lower() for c in t.get("categories") or []]
        category = next((_EXODUS_CATEGORY[c] for c in cats if c in _EXODUS_CATEGORY), "tracker")
        out.append(
            {
                "id": f"exodus_{t.get('id', i + 1)}",
                "name": str(t["name"]),
                "name_zh": None,
                "vendor": str(t.get("name")),
                "vendor_country": None,
                "category": category,
                "signatures": {
                    "packages": packages,
                    "class_prefixes": class_prefixes,
                    "native_libs": [],
                    "hosts": [],
                    "ios_classes": [],
                    "host_patterns": host_patterns,
                },
                "personal_information": [],
                "privacy_policy_url": t.get("website") or None,
                "source": "exodus",
            }
        )
    return out


def sdk_catalogue(extra_files: tuple[str, ...] = (), exodus_files: tuple[str, ...] = ()) -> list[dict]:
    base = [validate_sdk_entry(e, "sdk_catalogue.json") for e in load_data("sdk_catalogue.json")["sdks"]]
    by_id = {e["id"]: e for e in base}
    for f in exodus_files:
        for e in import_exodus(f):
            by_id.setdefault(e["id"], e)
    for f in extra_files:
        for e in load_user_catalogue(f):
            by_id[e["id"]] = e  # user entries override shipped ones
    return list(by_id.values())
