"""Issue 11 (missing item): every evidence line of a finding is also data (a stable code and parameters) so the
web layer can translate it; the English line is rendered from the same fact, word for word as before (the
fingerprints of triage decisions hash those lines). The engine stays free of Django."""

from appgov.engines.apkscan import ScanOptions, scan_file
from appgov.engines.apkscan.evidence import ENGLISH, english


def test_every_line_has_a_code_and_the_english_line_is_rendered_from_it(apks, validate_report):
    options = ScanOptions(assessed_sdks=[], pi_inventory=[], release_certs=["00" * 32])
    report = validate_report(scan_file(str(apks["sdk_app"]), options))
    coded = set()
    assert report["findings"]
    for finding in report["findings"]:
        assert len(finding["facts"]) == len(finding["evidence"]), finding["rule"]
        for fact, line in zip(finding["facts"], finding["evidence"], strict=True):
            assert fact["code"] in ENGLISH
            assert english(fact) == line
            if fact["code"] != "raw":
                coded.add(fact["code"])
    # the sentences the issue saw in English all come as codes
    assert {"sdk", "no_packer", "allow_backup", "http_url_count", "no_pinning", "pi_sources"} <= coded, coded


def test_the_english_lines_keep_their_wording():
    assert english({"code": "target_sdk_low", "params": {"target": "", "effective": 21, "required": 30}}) == (
        "targetSdkVersion (absent, defaults to minSdkVersion 21) < 30"
    )
    assert english(
        {"code": "pi_sources", "params": {"category": "location", "permissions": ["A"], "sdks": ["B"]}}
    ) == ("location: permission A, SDK B")
    assert english(
        {"code": "janus", "params": {"schemes": "['v1']", "scheme_list": "v1", "min_sdk": 21}}
    ) == ("schemes ['v1'], minSdkVersion 21")
    assert english(
        {"code": "exported_component", "params": {"type": "activity", "name": "a.B", "permission": ""}}
    ) == ("activity a.B")
