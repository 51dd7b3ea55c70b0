"""A mutated package's entry names can decode to lone surrogates (the clean-clone CI's fuzz run found
DEX_REBUILT:<name> with \\udcd2 in it): the finding still gets a fingerprint, its location shown escaped."""

from appgov.engines.apkscan.fingerprints import assign


def test_a_name_with_a_lone_surrogate_gets_a_fingerprint():
    findings = [{"id": "DEX_REBUILT:classes\udcd2.dex", "rule": "DEX_REBUILT", "evidence": []}]
    report = {"platform": "android", "app": {"id": "com.example\udcd3"}}
    assign(findings, report)
    assert len(findings[0]["fingerprint"]) == 32
    assert findings[0]["location"] == "classes\\udcd2.dex"
    findings[0]["location"].encode("utf-8")  # storable
