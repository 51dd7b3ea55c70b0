"""Engine halves of issue 15 items 12 and 13: the version diff and vulnerability feeds."""

from __future__ import annotations

import json

import pytest

from appgov.engines.apkscan import ScanOptions, UsageError, scan_file
from appgov.engines.apkscan.cli import main
from appgov.engines.apkscan.reportdiff import diff_reports


def test_diff_between_versions(apks):
    old = scan_file(str(apks["depth_app"]))
    new = scan_file(str(apks["sdk_app"]))
    d = diff_reports(old, new, assessed_sdks=["umeng_analytics"])
    assert "android.permission.READ_CONTACTS" in d["new_dangerous_permissions"]
    assert {"umeng_analytics", "jpush"} <= {s["id"] for s in d["new_sdks"]}
    assert next(s for s in d["new_sdks"] if s["id"] == "umeng_analytics")["assessed"] is True
    assert any(f["rule"] == "DEBUGGABLE" for f in d["added_high_findings"])
    assert "not_debuggable" in d["lost_hardening"] and d["gate_blocking"] is True
    same = diff_reports(new, scan_file(str(apks["sdk_app"])))
    assert not same["added_high_findings"] and not same["lost_hardening"] and same["gate_blocking"] is False


def test_osv_and_csv_feeds(apks, tmp_path, capsys):
    osv = {
        "id": "GHSA-test-0001",
        "summary": "push SDK leaks tokens",
        "aliases": ["CVE-2099-0001"],
        "affected": [
            {
                "package": {"name": "jpush"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "5.0.0"}]}],
            }
        ],
    }
    (tmp_path / "osv.json").write_text(json.dumps({"vulns": [osv]}))
    (tmp_path / "cnvd.csv").write_text(
        "advisory_id,component,introduced,fixed,severity,summary\n"
        "CNVD-2099-00001,Umeng U-App Analytics,,9.0,high,collects identifiers early\n"
    )
    report = scan_file(
        str(apks["sdk_app"]), ScanOptions(vuln_feeds=(str(tmp_path / "osv.json"), str(tmp_path / "cnvd.csv")))
    )
    ids = {(v["advisory_id"], v["component"], v["version_status"]) for v in report["vulnerabilities"]}
    assert ("GHSA-test-0001", "sdk:jpush", "unknown") in ids and (
        "CNVD-2099-00001",
        "sdk:umeng_analytics",
        "unknown",
    ) in ids
    found = [f for f in report["findings"] if f["rule"] == "KNOWN_VULNERABLE_COMPONENT"]
    assert len(found) == 2 and {f["severity"] for f in found} == {"low"}  # versions unknown: check them
    (tmp_path / "bad.csv").write_text("id,name\nX,Y\n")
    with pytest.raises(UsageError, match="advisory_id"):
        scan_file(str(apks["sdk_app"]), ScanOptions(vuln_feeds=(str(tmp_path / "bad.csv"),)))
    assert main([str(apks["sdk_app"]), "--vuln-feed", str(tmp_path / "osv.json")]) == 0
    assert "GHSA-test-0001" in capsys.readouterr().out
    assert (
        main([str(apks["sdk_app"]), "--vuln-feed", str(tmp_path / "osv.json"), "--format", "cyclonedx"]) == 0
    )
    bom = json.loads(capsys.readouterr().out)
    vuln = next(v for v in bom["vulnerabilities"] if v["id"] == "GHSA-test-0001")
    assert vuln["affects"] == [{"ref": "sdk:jpush"}] and vuln["references"][0]["id"] == "CVE-2099-0001"
    assert {c["bom-ref"] for c in bom["components"]} >= {"sdk:jpush"}
    assert main([str(apks["depth_app"]), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "app link (autoVerify)" in text and "assets/plugin.apk" in text and "dexlib2" in text


def test_version_ranges():
    from appgov.engines.apkscan.vulnfeed import match

    report = {
        "sdks": [{"id": "fastjson", "name": "fastjson", "version": "1.2.80"}],
        "native": {"libraries": []},
    }
    adv = [
        {
            "advisory_id": "CVE-2022-25845",
            "aliases": [],
            "component": "fastjson",
            "versions": [],
            "ranges": [{"introduced": "1.2.0", "fixed": "1.2.83", "last_affected": None}],
            "severity": "critical",
            "summary": None,
        }
    ]
    assert match(report, adv)[0]["version_status"] == "affected"
    report["sdks"][0]["version"] = "1.2.83"
    assert match(report, adv) == []
    every = [dict(adv[0], ranges=[{"introduced": "0", "fixed": None, "last_affected": None}])]
    report["sdks"][0]["version"] = None
    assert match(report, every)[0]["version_status"] == "affected"  # no fixed version: all are affected


def test_xlsx_feed(apks, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Advisory_ID", "Component", "Introduced", "Fixed", "Severity", "Summary"])
    ws.append(["CNNVD-2099-001", "libjcore220.so", None, None, "high", "native push core"])
    ws.append([None, None, None, None, None, None])  # blank rows in exports are skipped
    wb.save(tmp_path / "cnnvd.xlsx")
    report = scan_file(str(apks["sdk_app"]), ScanOptions(vuln_feeds=(str(tmp_path / "cnnvd.xlsx"),)))
    (v,) = report["vulnerabilities"]
    assert v["component"] == "native:lib/armeabi-v7a/libjcore220.so" and v["version_status"] == "affected"
    finding = next(f for f in report["findings"] if f["rule"] == "KNOWN_VULNERABLE_COMPONENT")
    assert finding["severity"] == "high" and "CNNVD-2099-001" in finding["id"]
