"""APK / IPA / HAP static analysis engine (no Django).

    from appgov.engines.apkscan import scan_file, ScanOptions, PackageError
    report = scan_file("app.apk", ScanOptions(allow_domains=["bank.example.cn"]))

`report` is a plain dict following data/report.schema.json (`schema_version`).
"""

from .errors import PackageError, UsageError
from .limits import Limits
from .scan import ENGINE_VERSION, SCHEMA_VERSION, ScanOptions, scan_file

__all__ = [
    "ENGINE_VERSION",
    "SCHEMA_VERSION",
    "Limits",
    "PackageError",
    "ScanOptions",
    "UsageError",
    "scan_file",
    "report_schema",
]


def report_schema() -> dict:
    """The JSON Schema every report validates against."""
    from .catalogue import load_data

    return load_data("report.schema.json")
