"""Issue 11: mini-program findings and the sub-analyses' messages (signature verification, DEX tooling, ZIP
layout, ATS) carry codes and parameters like the APK findings, so a zh-CN page reads them in Chinese; their
English lines (the text report, triage fingerprints) are word for word what they were."""

import re

import pytest
from django.utils import translation
from mp_packages import APPID, bank

from appgov.engines.apkscan import ScanOptions, scan_file
from appgov.engines.apkscan.evidence import MESSAGE_TEMPLATES, as_fact, english
from appgov.scanning import evidence_text

HAN = re.compile(r"[\u4e00-\u9fff]")
# an English sentence: four words of letters in a row (values as found — URLs, paths — have none)
PEM_LABEL = re.compile(r"BEGIN [A-Z ]*KEY")
SENTENCE = re.compile(r"(?<![\w./:-])[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}(?![\w./:-])")

# messages exactly as the sub-analyses write them (engines/apkscan/signing.py, dextools.py, android.py,
# ios.py, miniprogram/scan.py)
MESSAGES = {
    "v2: signature (algorithm 0x0103) does not verify": "sig_algorithm_not_verified",
    "v1: META-INF/CERT.RSA: signature over META-INF/CERT.SF does not verify": "sig_sf_not_verified",
    "META-INF/CERT.RSA: PKCS#7 cannot be parsed (truncated)": "sig_pkcs7_unreadable",
    "entry 'classes.dex' is not covered by the v1 signature": "sig_entry_not_covered",
    "entry 'a.txt': SHA-256 digest in MANIFEST.MF does not match": "sig_entry_digest_mismatch",
    "content digest (sha256) does not match the archive": "sig_digest_mismatch",
    "v1 signature says the package was signed with v2/v3 but that signature was stripped": "sig_v2_stripped",
    "META-INF/MANIFEST.MF missing": "sig_manifest_missing",
    "NSAppTransportSecurity NSAllowsArbitraryLoads = true": "ats_arbitrary_loads",
    'marker ~~R8{"compilation-mode":"release"}': "dex_marker",
    "map_list order is not d8/r8's": "dex_map_order_not_r8",
    "map_list data order 0x0001, 0x0002": "dex_map_order",
    "ZIP encryption flag set on 3 entries that are not encrypted (fake encryption)": "zip_fake_encryption",
    'app-config.json: "debug": true': "mp_debug_config",
    "wx.setEnableDebug({enableDebug: true}) at pages/index.js:3": "mp_set_enable_debug",
    "sub-package pkgA declared but no package holding it was given": "mp_subpackage_missing",
    "__APP__.wxapkg: 12 bytes after the declared data area": "mp_trailing_bytes",
}


def test_sub_analysis_messages_get_their_code_and_keep_their_english_line():
    assert set(MESSAGES.values()) <= set(MESSAGE_TEMPLATES)
    for text, code in MESSAGES.items():
        fact = as_fact(text)
        assert fact["code"] == code, (text, fact)
        assert english(fact) == text
    # values as found stay raw
    for value in ("https://demo-bank.example.cn/a", "CN=Android Debug, O=Android", "lib/arm64-v8a/libx.so"):
        assert as_fact(value) == {"code": "raw", "params": {"text": value}}


def test_sub_analysis_messages_read_chinese():
    with translation.override("zh-hans"):
        for text in MESSAGES:
            zh = evidence_text.line(as_fact(text))
            assert HAN.search(zh) and not SENTENCE.search(zh), (text, zh)
        located = evidence_text.line(
            as_fact("v1: META-INF/CERT.RSA: signature over META-INF/CERT.SF does not verify")
        )
        assert located.startswith("v1: META-INF/CERT.RSA 处：") and "META-INF/CERT.SF" in located, located


@pytest.fixture(scope="module")
def mp_findings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("applet") / APPID / "12"
    folder.mkdir(parents=True)
    for name, data in bank().items():
        (folder / name).write_bytes(data)
    options = ScanOptions(allow_domains=["demo-bank.example.cn"], assessed_sdks=[], pi_inventory=[])
    return scan_file(str(folder.parent.parent), options)["findings"]


def test_mini_program_findings_have_codes_and_read_chinese(mp_findings):
    assert len(mp_findings) >= 8
    coded = set()
    with translation.override("zh-hans"):
        for finding in mp_findings:
            assert len(finding["facts"]) == len(finding["evidence"]), finding["rule"]
            for fact, line, zh in zip(
                finding["facts"], finding["evidence"], evidence_text.lines(finding), strict=True
            ):
                assert english(fact) == line
                if fact["code"] == "raw":
                    assert not SENTENCE.search(line), (finding["rule"], line)  # a value, not a message
                    continue
                coded.add(fact["code"])
                value_free = PEM_LABEL.sub("", zh)  # a key's PEM label is a value as found
                assert zh != line and not SENTENCE.search(value_free), (finding["rule"], fact, zh)
    assert {
        "mp_private_call",
        "mp_plugin",
        "mp_webview_query",
        "mp_eval",
        "sdk",
        "secret_location",
    } <= coded, coded


def test_mini_program_english_lines_keep_their_wording(mp_findings):
    rules = {f["rule"]: f for f in mp_findings}
    assert rules["MP_DECLARED_NOT_USED"]["evidence"] == ["requiredPrivateInfos: getFuzzyLocation"]
    assert rules["MP_DEBUG_ENABLED"]["evidence"][0].startswith("wx.setEnableDebug({enableDebug: true}) at ")
    private = rules["MP_PRIVATE_INFO_UNDECLARED"]["evidence"]
    assert re.fullmatch(r"wx\.\w+ \(\w+\) called \d+x, e\.g\. .+", private[0]), private
    assert private[1].startswith("requiredPrivateInfos: ['"), private
