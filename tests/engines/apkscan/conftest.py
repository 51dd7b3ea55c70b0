"""Shared fixtures: real signed APKs built from smali sources, IPA/HAP packages, Debian's androguard
example APKs, and a report-schema validator."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_fixtures import build_all, missing_tools  # noqa: E402
from pkg_builders import build_hap, build_ipa, make_cert  # noqa: E402

from appgov.engines.apkscan import report_schema  # noqa: E402

ANDROGUARD_DEB = Path(os.environ.get("APPGOV_ANDROGUARD_DEB", "/tmp/androguard-deb"))
EXAMPLES = ANDROGUARD_DEB / "usr/share/doc/androguard/examples"
CACHE = Path(tempfile.gettempdir()) / "appgov-apkscan-fixtures"


@pytest.fixture(scope="session")
def validate_report():
    validator = jsonschema.Draft202012Validator(report_schema())

    def check(report: dict) -> dict:
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        return report

    return check


@pytest.fixture(scope="session")
def apks() -> dict[str, Path]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"cannot build fixture APKs, missing: {', '.join(missing)} (apt-get install aapt zipalign "
            "apksigner libsmali-java android-framework-res default-jdk-headless)"
        )
    paths = build_all(CACHE)
    target = next(iter(paths.values())).parent
    paths["release_cert"] = target / "release.cert.der"
    paths["other_cert"] = target / "other.cert.der"
    return paths


@pytest.fixture(scope="session")
def signer():
    return make_cert("iPhone Distribution: Example Bank (ABCDE12345)")


@pytest.fixture(scope="session")
def ipa(tmp_path_factory, signer) -> Path:
    return build_ipa(tmp_path_factory.mktemp("ipa") / "demo.ipa", signer=signer)


@pytest.fixture(scope="session")
def hap(tmp_path_factory, signer) -> Path:
    return build_hap(tmp_path_factory.mktemp("hap") / "entry.hap", signer=signer)


@pytest.fixture(scope="session")
def androguard_examples() -> Path:
    if not EXAMPLES.is_dir():
        script = HERE / "fetch_androguard_examples.sh"
        proc = subprocess.run([str(script), str(ANDROGUARD_DEB)], capture_output=True, text=True, timeout=600)
        if proc.returncode == 3:
            pytest.skip("apt-get is not available, so Debian's androguard example APKs cannot be fetched")
        assert proc.returncode == 0, f"fetching androguard examples failed: {proc.stderr}"
    return EXAMPLES
