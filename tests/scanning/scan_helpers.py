"""Versions of one app that carry real packages, scanned the way the worker scans them."""

import sys
from pathlib import Path

from django.core.files.base import ContentFile

from appgov.core import services as core
from appgov.ledger import services as ledger_services
from appgov.ledger.models import AppVersion, MobileApp
from appgov.scanning import services
from appgov.scanning.models import Scan

APKSCAN_TESTS = Path(__file__).resolve().parents[1] / "engines" / "apkscan"
if str(APKSCAN_TESTS) not in sys.path:
    sys.path.insert(0, str(APKSCAN_TESTS))

# the package names inside the fixture APKs (tests/engines/apkscan/sources)
FIXTURE_PACKAGES = ["cn.example.bank.demo", "cn.example.securebank"]


def build_apks(tmp_path_factory):
    from build_fixtures import build_all, missing_tools

    missing = missing_tools()
    if missing:
        raise RuntimeError(f"Debian tools missing for real APK fixtures: {missing}")
    return build_all(tmp_path_factory.mktemp("apks"))


def fixture_app(org) -> MobileApp:
    """An app of the institution registered with the fixture APKs' package names."""
    return core.save(
        MobileApp(
            institution=org.inst,
            code="DEMO-APP",
            name="示例银行",
            kind="app",
            platforms=["android"],
            android_packages=FIXTURE_PACKAGES,
            state="in_testing",
        )
    )


def scanned_version(app, name: str, apk: Path, actor=None) -> tuple[AppVersion, Scan]:
    """A new version of the app with the APK uploaded, and the scan the upload queued, run to the end."""
    version = core.save(AppVersion(app=app, platform="android", version_name=name), actor)
    version = ledger_services.attach_package(version, ContentFile(apk.read_bytes(), name=apk.name), actor)
    scan = Scan.objects.filter(version=version).order_by("-id").first()
    assert scan is not None, "the upload queued no scan"
    scan = services.execute_scan(scan.pk)
    assert scan.status == Scan.Status.DONE, scan.error
    return version, scan


def rescan(version) -> Scan:
    scan = services.request_scan(version, None)
    scan = services.execute_scan(scan.pk)
    assert scan.status == Scan.Status.DONE, scan.error
    return scan
