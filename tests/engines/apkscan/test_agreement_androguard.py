"""Our readers agree with androguard's own parse on Debian's androguard example APKs: package, versions,
SDK levels, permissions and certificate fingerprints, 100%."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from appgov.engines.apkscan import PackageError, scan_file


def _androguard_apk(path: Path):
    from androguard.core.apk import APK
    from loguru import logger

    logger.remove()
    logging.getLogger("androguard").setLevel(logging.ERROR)
    return APK(str(path))


def _example_apks(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*.apk") if "apksig" not in p.parts)
    # a representative slice of apksig's signing corpus: every scheme / key type once
    files += sorted(
        p
        for p in (root / "signing" / "apksig").glob("*.apk")
        if p.name.startswith(("golden-", "v1-only-with-rsa-pkcs1-sha256", "v2-only-with-", "v3-only-with-"))
        and "does-not-verify" not in p.name
        and "mismatch" not in p.name
        and "magic" not in p.name
    )
    return files


def test_agreement_with_androguard(androguard_examples, validate_report):
    files = _example_apks(androguard_examples)
    assert len(files) >= 60
    compared = 0
    disagreements = []
    for path in files:
        try:
            a = _androguard_apk(path)
        except Exception:  # noqa: BLE001 - androguard cannot parse it either: nothing to compare
            continue
        if not a.is_valid_APK() or a.get_package() is None:
            with pytest.raises(PackageError):
                scan_file(str(path))
            continue
        report = validate_report(scan_file(str(path)))
        app = report["app"]
        ours = {
            "package": app["id"],
            "version_code": app["version_code"],
            "version_name": app["version_name"],
            "min_sdk": app["min_os"] if a.get_min_sdk_version() is not None else None,
            "target_sdk": app["target_os"],
            # androguard's get_permissions() lists <uses-permission> only; we also report
            # <uses-permission-sdk-23> (a real request on Android 6+), tagged with its element
            "permissions": sorted(
                p["name"]
                for p in report["permissions"]
                if p.get("element", "uses-permission") == "uses-permission"
            ),
            "certificates": {c["sha256"] for c in report["signing"]["certificates"]},
        }
        theirs = {
            "package": a.get_package(),
            "version_code": a.get_androidversion_code(),
            "version_name": a.get_androidversion_name(),
            "min_sdk": a.get_min_sdk_version(),
            "target_sdk": a.get_target_sdk_version(),
            "permissions": sorted(set(a.get_permissions())),
            "certificates": {hashlib.sha256(c.dump()).hexdigest() for c in a.get_certificates()},
        }
        for key in ours:
            if ours[key] != theirs[key]:
                disagreements.append(f"{path.name}: {key}: ours={ours[key]!r} androguard={theirs[key]!r}")
        compared += 1
    assert compared >= 120, compared
    assert not disagreements, "\n".join(disagreements)


def test_sdk23_permissions_are_reported(androguard_examples):
    report = scan_file(str(androguard_examples / "tests" / "duplicate.permisssions_9999999.apk"))
    sdk23 = {p["name"]: p for p in report["permissions"] if p["element"] == "uses-permission-sdk-23"}
    assert set(sdk23) == {
        "android.permission.REQUEST_IGNORE_BATTERY_OPTIMIZATIONS",
        "android.permission.REQUEST_INSTALL_PACKAGES",
    }
    assert sdk23["android.permission.REQUEST_IGNORE_BATTERY_OPTIMIZATIONS"]["max_sdk"] == 27
