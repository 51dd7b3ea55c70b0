"""CLI, output formats, --check-links against a local http.server, YARA rules, εxodus import, catalogues."""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from pkg_builders import build_hap

from appgov.engines.apkscan import ScanOptions, UsageError, scan_file
from appgov.engines.apkscan.catalogue import load_data
from appgov.engines.apkscan.cli import main
from appgov.engines.apkscan.links import check_links


# -- CLI ---------------------------------------------------------------------------------------
def test_cli_json_text_cyclonedx(apks, tmp_path, capsys, validate_report):
    out = tmp_path / "r.json"
    assert main([str(apks["sdk_app"]), "--out", str(out), "--pretty"]) == 0
    report = validate_report(json.loads(out.read_text(encoding="utf-8")))
    assert report["app"]["id"] == "cn.example.bank.demo"
    assert main([str(apks["sdk_app"]), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "示例银行" in text and "NFRA-12.3" in text
    assert main([str(apks["sdk_app"]), "--format", "cyclonedx"]) == 0
    bom = json.loads(capsys.readouterr().out)
    assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.5"
    names = {c["name"] for c in bom["components"]}
    assert {"JPush", "Umeng U-App Analytics", "libBugly.so", "libjcore220.so"} <= names
    assert bom["metadata"]["component"]["hashes"][0]["content"] == report["file"]["sha256"]
    refs = {c["bom-ref"] for c in bom["components"]}
    assert set(bom["dependencies"][0]["dependsOn"]) == refs


def test_cli_options_files(apks, tmp_path, capsys):
    allow = tmp_path / "allow.txt"
    allow.write_text("# institution domains\nexample.cn\n*.umeng.com\n", encoding="utf-8")
    pi = tmp_path / "pi.txt"
    pi.write_text("location\ndevice_identifiers\n", encoding="utf-8")
    assessed = tmp_path / "assessed.txt"
    assessed.write_text("jpush\n", encoding="utf-8")
    rc = main(
        [
            str(apks["sdk_app"]),
            "--allow-domains",
            str(allow),
            "--pi-inventory",
            str(pi),
            "--assessed-sdks",
            str(assessed),
            "--release-cert",
            "00" * 32,
            "--min-target-sdk",
            "21",
        ]
    )
    assert rc == 0
    r = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in r["findings"]}
    assert {"URL_NOT_ALLOWED", "PI_UNDECLARED", "SDK_NO_SECURITY_ASSESSMENT", "CERT_NOT_RELEASE"} <= rules
    assert "TARGET_SDK_LOW" not in rules
    assert next(u for u in r["urls"] if u["host"] == "ulogs.umeng.com")["allowed"] is True


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["--format", "xml"], "invalid choice"),
        (["--release-cert", "abc"], "not a SHA-256 fingerprint"),
        (["--allow-domains", "/nonexistent/allow.txt"], "cannot read"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_cli_usage_errors_exit_2(apks, capsys, argv, needle):
    assert main([str(apks["sdk_app"]), *argv]) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1


def test_cli_missing_file(capsys, tmp_path):
    assert main([str(tmp_path / "nope.apk")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_dispatch_through_appgov_console_script(apks, capsys):
    from appgov.cli import main as appgov_main

    assert appgov_main(["scan", str(apks["packed_app"]), "--format", "text"]) == 0
    assert "360 Jiagu" in capsys.readouterr().out


# -- link checking -------------------------------------------------------------------------------
class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802
        if self.path.startswith("/slow"):
            time.sleep(5)
        code = {"/ok": 200, "/gone": 404, "/broken": 500, "/nohead": 405}.get(self.path.split("?")[0], 404)
        self.send_response(code)
        self.end_headers()

    def do_GET(self):  # noqa: N802
        code = 200 if self.path == "/nohead" else 404
        self.send_response(code)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def http_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_check_links_statuses_and_time_bound(http_server):
    urls = [
        {"url": f"{http_server}{p}", "scheme": "http"}
        for p in ("/ok", "/gone", "/broken", "/nohead", "/slow")
    ]
    urls.append({"url": f"http://127.0.0.1:{_closed_port()}/x", "scheme": "http"})
    urls.append({"url": "ftp://127.0.0.1/file", "scheme": "ftp"})
    opts = ScanOptions(check_links=True, link_timeout=1.0, links_total_timeout=2.5)
    t = time.monotonic()
    check_links(urls, opts)
    elapsed = time.monotonic() - t
    status = {u["url"].rsplit("/", 1)[-1]: u["link_status"] for u in urls}
    assert status == {
        "ok": "alive",
        "gone": "dead",
        "broken": "dead",
        "nohead": "alive",
        "slow": "dead",
        "x": "dead",
        "file": "unchecked",
    }
    assert elapsed < 3.5


def test_check_links_total_budget(http_server):
    urls = [{"url": f"{http_server}/slow?{i}", "scheme": "http"} for i in range(6)]
    opts = ScanOptions(check_links=True, link_timeout=10, links_total_timeout=1.0, link_workers=2)
    t = time.monotonic()
    check_links(urls, opts)
    assert time.monotonic() - t < 2.0
    assert all(u["link_status"] == "unchecked" and "exhausted" in u["link_detail"] for u in urls)


def test_scan_with_check_links_end_to_end(http_server, tmp_path, validate_report):
    import zipfile

    hap = build_hap(tmp_path / "links.hap")
    patched = tmp_path / "links2.hap"
    with zipfile.ZipFile(hap) as zin, zipfile.ZipFile(patched, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "ets/modules.abc":
                data += f"{http_server}/ok\x00{http_server}/gone\x00".encode()
            zout.writestr(info.filename, data)
    r = validate_report(
        scan_file(str(patched), ScanOptions(check_links=True, link_timeout=1, links_total_timeout=5))
    )
    by_path = {u["url"].rsplit("/", 1)[-1]: u for u in r["urls"] if u["host"] == "127.0.0.1"}
    assert by_path["ok"]["link_status"] == "alive" and by_path["gone"]["link_status"] == "dead"
    dead = [f for f in r["findings"] if f["rule"] == "LINK_DEAD" and "127.0.0.1" in f["id"]]
    assert [f["id"] for f in dead] == [f"LINK_DEAD:{http_server}/gone"] and dead[0]["control"] == "NFRA-07.4"


# -- YARA -------------------------------------------------------------------------------------------
def test_yara_rules(apks, tmp_path, validate_report):
    rules = tmp_path / "rules.yar"
    rules.write_text(
        'rule insecure_report_endpoint : exfil { meta: author = "appgov tests" '
        'strings: $a = "insecure.example-bank.cn" condition: $a }\n'
        'rule never_matches { strings: $a = "zzzz-not-present-zzzz" condition: $a }\n',
        encoding="utf-8",
    )
    r = validate_report(scan_file(str(apks["sdk_app"]), ScanOptions(yara_rules=str(rules))))
    targets = {m["target"] for m in r["yara"]["matches"] if m["rule"] == "insecure_report_endpoint"}
    assert "classes.dex" in targets
    assert all(m["rule"] != "never_matches" for m in r["yara"]["matches"])
    f = next(f for f in r["findings"] if f["rule"] == "YARA_MATCH")
    assert f["control"] == "NFRA-07.4" and f["severity"] == "high"
    clean = scan_file(str(apks["packed_app"]), ScanOptions(yara_rules=str(rules)))
    assert clean["yara"]["matches"] == []


def test_yara_bad_rules_are_usage_errors(apks, tmp_path, capsys):
    bad = tmp_path / "bad.yar"
    bad.write_text("rule broken { condition: $missing }", encoding="utf-8")
    with pytest.raises(UsageError, match="YARA"):
        scan_file(str(apks["sdk_app"]), ScanOptions(yara_rules=str(bad)))
    assert main([str(apks["sdk_app"]), "--yara", str(bad)]) == 2


# -- catalogues ---------------------------------------------------------------------------------------
def test_exodus_import(apks, tmp_path):
    exodus = tmp_path / "trackers.json"
    exodus.write_text(
        json.dumps(
            {
                "trackers": {
                    "901": {
                        "id": 901,
                        "name": "Example Bank Internal Tracker",
                        "code_signature": "com.example.bank.Push|com\\.example\\.bank\\.Main",
                        "network_signature": "",
                        "website": "https://tracker.example.cn",
                        "categories": ["Analytics"],
                    },
                    "902": {
                        "id": 902,
                        "name": "Unknown Partner",
                        "code_signature": "",
                        "network_signature": "unknown-tracker\\.com",
                        "website": "",
                        "categories": ["Advertisement"],
                    },
                    "903": {
                        "id": 903,
                        "name": "Absent",
                        "code_signature": "org.absent.",
                        "network_signature": "absent\\.example",
                    },
                }
            }
        ),
        encoding="utf-8",
    )
    r = scan_file(str(apks["sdk_app"]), ScanOptions(exodus_files=(str(exodus),)))
    found = {s["id"]: s for s in r["sdks"] if s["source"] == "exodus"}
    assert set(found) == {"exodus_901", "exodus_902"}
    assert found["exodus_901"]["category"] == "analytics" and found["exodus_902"]["category"] == "ads"
    assert found["exodus_902"]["matched_by"][0]["kind"] == "host"
    bad = tmp_path / "bad.json"
    bad.write_text('{"trackers": {"1": {"name": "x", "network_signature": "(unclosed"}}}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a valid regex"):
        scan_file(str(apks["sdk_app"]), ScanOptions(exodus_files=(str(bad),)))
    with pytest.raises(UsageError, match="not an exodus tracker list"):
        bad.write_text("[]", encoding="utf-8")
        scan_file(str(apks["sdk_app"]), ScanOptions(exodus_files=(str(bad),)))


def test_user_catalogue_yaml(apks, tmp_path):
    cat = tmp_path / "extra.yaml"
    cat.write_text(
        "sdks:\n  - id: bank_inhouse_push\n    name: In-house push\n    vendor: Example Bank\n"
        "    category: push\n    signatures: {packages: [com.example.bank.PushReceiver]}\n"
        "    personal_information: [device_identifiers]\n",
        encoding="utf-8",
    )
    r = scan_file(str(apks["sdk_app"]), ScanOptions(extra_catalogues=(str(cat),)))
    s = next(s for s in r["sdks"] if s["id"] == "bank_inhouse_push")
    assert s["matched_by"][0]["kind"] == "class"
    cat.write_text("sdks:\n  - id: x\n    name: X\n", encoding="utf-8")
    with pytest.raises(UsageError, match="lacks field 'vendor'"):
        scan_file(str(apks["sdk_app"]), ScanOptions(extra_catalogues=(str(cat),)))


def test_shipped_catalogue_content():
    sdks = load_data("sdk_catalogue.json")["sdks"]
    ids = [s["id"] for s in sdks]
    assert len(sdks) >= 150 and len(set(ids)) == len(ids)
    chinese = [s for s in sdks if s["vendor_country"] == "CN"]
    assert len(chinese) >= 80
    pi_vocab = set(load_data("permissions.json")["pi_categories"])
    required_names = {
        "umeng_analytics",
        "jpush",
        "jiguang_jverification",
        "getui",
        "tencent_bugly",
        "tencent_x5",
        "tencent_tpns",
        "tencent_mta",
        "alipay_sdk",
        "alipay_mpaas",
        "baidu_map",
        "baidu_location",
        "baidu_mobstat",
        "amap_map",
        "wechat_opensdk",
        "qq_connect",
        "unionpay",
        "weibo_sdk",
        "huawei_push",
        "xiaomi_push",
        "oppo_push",
        "vivo_push",
        "honor_push",
        "meizu_push",
        "sensorsdata",
        "growingio",
        "talkingdata",
        "shumei",
        "tongdun",
        "geetest_captcha",
        "iflytek_msc",
        "megvii_faceid",
        "sensetime",
    }
    assert required_names <= set(ids)
    categories = set()
    for s in sdks:
        assert s["name"] and s["vendor"] and s["category"]
        sig = s["signatures"]
        assert sig["packages"] or sig["native_libs"] or sig["hosts"]
        for p in sig["packages"]:
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*", p), p
        assert set(s["personal_information"]) <= pi_vocab, (
            s["id"],
            set(s["personal_information"]) - pi_vocab,
        )
        url = s["privacy_policy_url"]
        assert url and re.match(r"^https?://[^\s/]+\.[a-z]{2,}", url), s["id"]
        categories.add(s["category"])
    assert {
        "analytics",
        "push",
        "ads",
        "payment",
        "maps_location",
        "login_share",
        "crash_reporting",
        "device_fingerprint_risk",
        "customer_service",
        "ocr_face_liveness",
        "voice",
        "webview_kernel",
    } <= categories
    for s in chinese:
        assert s["name_zh"], s["id"]


def test_packers_and_findings_data():
    packers = load_data("packers.json")["packers"]
    ids = {p["id"] for p in packers}
    assert {"qihoo_jiagu", "bangcle", "ijiami", "tencent_legu", "baidu_jiagu", "netease_yidun"} <= ids
    findings = load_data("findings.json")["findings"]
    controls = {f["control"] for f in findings.values()}
    assert {
        "NFRA-06.3",
        "NFRA-07.2",
        "NFRA-07.4",
        "NFRA-10",
        "NFRA-12.2",
        "NFRA-12.3",
        "NFRA-12.4",
        "NFRA-16.1",
        "JR/T 0092-2019 5.3.2",
    } <= controls


def test_android_attribute_ids_match_framework():
    """Our attribute-id table agrees with the framework's own public resource ids (aapt dump)."""
    import shutil
    import subprocess

    from appgov.engines.apkscan.axml import ANDROID_ATTR_IDS

    fw = Path("/usr/share/android-framework-res/framework-res.apk")
    if not shutil.which("aapt") or not fw.exists():
        pytest.skip("aapt / android-framework-res not installed")
    dump = subprocess.run(
        ["aapt", "dump", "resources", str(fw)], capture_output=True, text=True, timeout=120
    ).stdout
    table = {
        int(m.group(1), 16): m.group(2)
        for m in re.finditer(r"spec resource (0x0101[0-9a-f]{4}) android:attr/(\w+):", dump)
    }
    for rid, name in ANDROID_ATTR_IDS.items():
        assert table.get(rid) == name, (hex(rid), name, table.get(rid))
