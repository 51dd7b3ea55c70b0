"""The control catalogue against the regulations in ../shared/regulations, and the loader's error handling.

No database: plain functions (pytest-django is fine without the db fixture).
"""

import copy
import re
from pathlib import Path

import pytest
import yaml

from appgov.compliance.catalogue import (
    PACKAGED_FILES,
    AppliesTo,
    CatalogueError,
    Control,
    Frequency,
    Method,
    Severity,
    load_catalogue,
    schema,
)

NFRA, PBOC = "NFRA-2024", "PBC-2018-102"
# The A/E/S/R column of obligations.md; "E + A" is automated (a check decides, evidence backs it).
HOW_KNOWN_TO_METHOD = {
    "A": Method.AUTOMATED,
    "E + A": Method.AUTOMATED,
    "E": Method.EVIDENCE,
    "S": Method.PERIODIC,
    "R": Method.REGULATOR,
}
OBLIGATION_ROW = re.compile(r"^\|\s*((?:NFRA|PBC102)-[0-9][0-9.]*)\s*\|(.*)\|(.*)\|\s*$")


def _regulations_dir() -> Path | None:
    here = Path(__file__).resolve()
    for candidate in (
        here.parents[2] / "shared" / "regulations",
        here.parents[1].parent / "shared" / "regulations",
    ):
        if (candidate / "obligations.md").is_file():
            return candidate
    return None


REGULATIONS = _regulations_dir()
needs_regulations = pytest.mark.skipif(
    REGULATIONS is None,
    reason="shared/regulations/obligations.md is not next to the repository clone (expected ../shared/regulations)",
)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def obligations() -> dict[str, str]:
    """ID → "how known" column of every table row of obligations.md."""
    rows: dict[str, str] = {}
    for line in (REGULATIONS / "obligations.md").read_text(encoding="utf-8").splitlines():
        match = OBLIGATION_ROW.match(line)
        if match:
            assert match.group(1) not in rows, f"obligations.md lists {match.group(1)} twice"
            rows[match.group(1)] = match.group(3).strip()
    return rows


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- (a) the catalogue and obligations.md list the same obligations -----------------------------------


@needs_regulations
def test_obligations_parsed_fully(obligations):
    assert len([i for i in obligations if i.startswith("NFRA-")]) == 59
    assert len([i for i in obligations if i.startswith("PBC102-")]) == 16
    assert {
        "NFRA-01.1",
        "NFRA-18.4",
        "PBC102-01",
        "PBC102-04",
        "PBC102-05",
        "PBC102-08",
    } <= obligations.keys()


@needs_regulations
def test_every_obligation_is_a_control_and_vice_versa(catalogue, obligations):
    packaged_ids = [c.id for c in catalogue.controls if catalogue.source(c.source_id).packaged]
    missing = sorted(set(obligations) - set(packaged_ids))
    extra = sorted(set(packaged_ids) - set(obligations))
    assert not missing, f"obligations without a control: {missing}"
    assert not extra, f"controls without an obligation: {extra}"
    assert packaged_ids == list(obligations), "controls are not in the order of obligations.md"


@needs_regulations
def test_how_known_is_verbatim_and_method_follows_it(catalogue, obligations):
    for control_id, how_known in obligations.items():
        control = catalogue.by_id(control_id)
        assert control.how_known == how_known, control_id
        code = how_known.split(" (", 1)[0]
        # The method says what is built, how_known what the obligation allows: an "A" obligation no check
        # judges yet is evidence; a periodic one a registered check judges is automated
        # (tests/compliance_fidelity/test_methods.py ties "automated" to the registry both ways).
        expected = HOW_KNOWN_TO_METHOD[code]
        if expected == Method.AUTOMATED and control.method == Method.EVIDENCE:
            continue
        if expected == Method.PERIODIC and control.method == Method.AUTOMATED:
            continue
        # an "E" obligation whose records are kept in a module (the risk module's release dossier, risk
        # register, assessments) is judged by that module's check from them
        if expected == Method.EVIDENCE and control.method == Method.AUTOMATED:
            continue
        assert control.method == expected, f"{control_id}: {code} → {control.method}"


def test_control_ids_point_at_their_article_and_source(catalogue):
    for control in catalogue.controls:
        prefix, number = control.id.split("-", 1)
        assert control.source_id == {"NFRA": NFRA, "PBC102": PBOC}[prefix], control.id
        assert control.article == int(number.split(".")[0]), control.id


def test_periodic_controls_and_frequencies(catalogue):
    periodic = {c.id: c.frequency for c in catalogue.controls if c.method == Method.PERIODIC}
    assert periodic == {
        "NFRA-05.4": Frequency.ANNUAL,
        "NFRA-17.2": Frequency.ANNUAL,
        "NFRA-17.3": Frequency.TRIENNIAL,
    }
    # PBC102-08 keeps its annual frequency; its check reads the submitted reports, so it is automated.
    assert catalogue.by_id("PBC102-08").frequency == Frequency.ANNUAL
    assert catalogue.by_id("NFRA-17.3").evidence_validity_days >= 1095


def test_applies_to_choices(catalogue):
    for control in catalogue.controls_of(PBOC):
        expected = AppliesTo.APP if control.id == "PBC102-03.3" else AppliesTo.CREDIT_SYSTEM
        assert control.applies_to == expected, control.id
    regulator_side = {c.id for c in catalogue.controls if c.applies_to == AppliesTo.REGULATOR}
    assert regulator_side == {"NFRA-18.1", "NFRA-18.2", "NFRA-18.3", "NFRA-18.4"}
    assert {c.id for c in catalogue.controls if c.method == Method.REGULATOR} == regulator_side


def test_severities_of_key_controls(catalogue):
    for control_id in ("PBC102-03.1", "PBC102-03.3", "NFRA-08.4", "NFRA-09.5"):
        assert catalogue.by_id(control_id).severity == Severity.CRITICAL, control_id
    assert catalogue.by_id("NFRA-01.1").severity in (Severity.MEDIUM, Severity.LOW)


def test_every_control_says_which_evidence_to_upload(catalogue):
    for control in catalogue.controls:
        assert re.search(r"[\u4e00-\u9fff]", control.evidence_zh), control.id
        assert control.evidence_en.strip(), control.id
        assert control.evidence_validity_days > 0, control.id


# --- (b) article texts are the official texts ----------------------------------------------------------


@needs_regulations
def test_nfra_articles_are_verbatim_official_text(catalogue):
    official = _normalise((REGULATIONS / "nfra-2024-mobile-apps.zh.md").read_text(encoding="utf-8"))
    articles = catalogue.articles(NFRA)
    assert [a.number for a in articles] == list(range(1, 19))
    for article in articles:
        assert _normalise(f"{article.ref}、{article.text_zh}") in official, (
            f"article {article.number} ({article.ref})"
        )
    # Each article is whole: the next article (or the sign-off) follows it directly.
    for article, following in zip(articles, [*articles[1:], None], strict=True):
        tail = f"{following.ref}、" if following else "国家金融监督管理总局办公厅"
        assert _normalise(f"{article.text_zh}{tail}") in official, f"article {article.number} is truncated"


@needs_regulations
def test_pboc_measures_are_verbatim_reported_text(catalogue):
    official = _normalise((REGULATIONS / "pbc-2018-102.zh.md").read_text(encoding="utf-8"))
    articles = catalogue.articles(PBOC)
    assert [a.number for a in articles] == list(range(1, 9))
    for article in articles:
        assert _normalise(article.text_zh) in official, f"measure {article.number}"
    assert catalogue.source(PBOC).text_basis == "reported"


def test_controls_carry_their_article_text(catalogue):
    for control in catalogue.controls:
        article = next(a for a in catalogue.articles(control.source_id) if a.number == control.article)
        assert control.article_text_zh == article.text_zh
        assert control.article_ref == article.ref


def test_catalogue_api(catalogue):
    assert [s.id for s in catalogue.sources] == [NFRA, PBOC]
    assert len(catalogue) == 75 and "NFRA-02.1" in catalogue and "NFRA-19.1" not in catalogue
    with pytest.raises(KeyError, match="NFRA-19.1"):
        catalogue.by_id("NFRA-19.1")
    with pytest.raises(KeyError, match="NOPE"):
        catalogue.articles("NOPE")
    control = catalogue.by_id("PBC102-06.1")
    assert isinstance(control, Control) and control.frequency == Frequency.DAILY
    with pytest.raises(AttributeError):
        control.severity = Severity.LOW  # frozen
    assert re.fullmatch(r"[0-9a-f]{12}", catalogue.version)
    assert load_catalogue().version == catalogue.version


def test_schema_enums_match_the_python_enums():
    control = schema()["$defs"]["control"]["properties"]
    assert control["applies_to"]["enum"] == [m.value for m in AppliesTo]
    assert control["method"]["enum"] == [m.value for m in Method]
    assert control["severity"]["enum"] == [m.value for m in Severity]
    assert control["frequency"]["enum"] == [None, *[m.value for m in Frequency]]


# --- (c) bad files are rejected with a message naming the problem ---------------------------------------


def _institution_file() -> dict:
    return {
        "schema_version": 1,
        "source": {
            "id": "INT-POLICY",
            "title_zh": "本行移动应用管理办法",
            "title_en": "Mobile app policy",
            "issued": "2025-01-15",
        },
        "articles": [
            {"number": 1, "ref": "第一条", "text_zh": "移动应用上线前须经信息科技部安全评审。"},
            {"number": 2, "ref": "第二条", "text_zh": "移动应用每半年开展一次渗透测试。"},
        ],
        "controls": [
            {
                "id": "INT-001",
                "article": 1,
                "title_zh": "上线前安全评审",
                "title_en": "Security review before release",
                "statement_zh": "每个版本上线前须经信息科技部安全评审。",
                "statement_en": "Each version passes the IT department's security review before release.",
                "applies_to": "app_version",
                "method": "evidence",
                "frequency": None,
                "severity": "high",
                "evidence_zh": "安全评审意见书。",
                "evidence_en": "The security review opinion.",
                "evidence_validity_days": 365,
                "how_known": "E",
            },
            {
                "id": "INT-002",
                "article": 2,
                "title_zh": "半年度渗透测试",
                "title_en": "Half-yearly penetration test",
                "statement_zh": "每个移动应用每半年开展一次渗透测试。",
                "statement_en": "Each app is penetration-tested every six months.",
                "applies_to": "app",
                "method": "periodic",
                "frequency": "quarterly",
                "severity": "medium",
                "evidence_zh": "渗透测试报告。",
                "evidence_en": "The penetration test report.",
                "evidence_validity_days": 183,
                "how_known": "S",
            },
        ],
    }


def _write(tmp_path: Path, data: dict | str, name: str = "internal.yaml") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def _error_for(tmp_path: Path, data: dict | str) -> CatalogueError:
    path = _write(tmp_path, data)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([path])
    assert caught.value.file == str(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_valid_institution_file_is_accepted(tmp_path):
    load_catalogue([_write(tmp_path, _institution_file())])


def test_rejects_missing_field(tmp_path):
    data = _institution_file()
    del data["controls"][1]["statement_en"]
    error = _error_for(tmp_path, data)
    assert "controls[1] [INT-002]" in str(error)
    assert "'statement_en' is a required property" in str(error)
    assert error.problems[0].line is not None


def test_rejects_unknown_method(tmp_path):
    data = _institution_file()
    data["controls"][0]["method"] = "sometimes"
    error = _error_for(tmp_path, data)
    assert "controls[0].method [INT-001]" in str(error) and "'sometimes' is not one of" in str(error)


def test_rejects_periodic_without_frequency(tmp_path):
    data = _institution_file()
    del data["controls"][1]["frequency"]
    assert "a periodic control needs a frequency" in str(_error_for(tmp_path, data))
    data["controls"][1]["frequency"] = None
    message = str(_error_for(tmp_path, data))
    assert "controls[1].frequency [INT-002]" in message and "a periodic control needs a frequency" in message


def test_rejects_duplicate_control_id_in_a_file(tmp_path):
    data = _institution_file()
    data["controls"][1]["id"] = "INT-001"
    message = str(_error_for(tmp_path, data))
    assert "duplicate control id 'INT-001'" in message and "controls[1].id" in message


def test_rejects_unknown_article(tmp_path):
    data = _institution_file()
    data["controls"][0]["article"] = 7
    message = str(_error_for(tmp_path, data))
    assert "controls[0].article [INT-001]" in message and "article 7 does not exist" in message


def test_rejects_institution_control_id_colliding_with_packaged(tmp_path):
    data = _institution_file()
    data["controls"][0]["id"] = "NFRA-08.4"
    message = str(_error_for(tmp_path, data))
    assert (
        "control id 'NFRA-08.4' is already defined in appgov/compliance/catalogue/nfra-2024.yaml" in message
    )


def test_rejects_reserved_prefix_and_colliding_source_id(tmp_path):
    data = _institution_file()
    data["controls"][0]["id"] = "PBC102-09"
    assert "prefix 'PBC102' is reserved for the packaged source PBC-2018-102" in str(
        _error_for(tmp_path, data)
    )
    data = _institution_file()
    data["source"]["id"] = NFRA
    assert "source id 'NFRA-2024' is already used by the packaged catalogue" in str(
        _error_for(tmp_path, data)
    )


def test_rejects_control_id_colliding_between_institution_files(tmp_path):
    first = _write(tmp_path, _institution_file(), "a.yaml")
    other = _institution_file()
    other["source"]["id"] = "INT-OTHER"
    del other["controls"][1]
    second = _write(tmp_path, other, "b.yaml")
    with pytest.raises(
        CatalogueError, match=r"control id 'INT-001' is already defined in .*a\.yaml"
    ) as caught:
        load_catalogue([first, second])
    assert caught.value.file == str(second)


def test_rejects_broken_yaml_with_line(tmp_path):
    text = yaml.safe_dump(_institution_file(), allow_unicode=True, sort_keys=False)
    assert "\n  title_en: Mobile app policy\n" in text
    text = text.replace("\n  title_en: Mobile app policy\n", "\n  title_en: [Mobile app policy\n", 1)
    error = _error_for(tmp_path, text)
    assert "broken YAML" in str(error) and error.problems[0].line is not None


def test_rejects_duplicate_yaml_key(tmp_path):
    text = yaml.safe_dump(_institution_file(), allow_unicode=True, sort_keys=False)
    assert "\n  severity: high\n" in text
    text = text.replace("\n  severity: high\n", "\n  severity: high\n  severity: low\n", 1)
    assert "duplicate key 'severity'" in str(_error_for(tmp_path, text))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["controls"][0].update(colour="red"), "'colour' was unexpected"),
        (lambda d: d["controls"][0].update(statement_zh="English only"), "controls[0].statement_zh"),
        (lambda d: d["controls"][0].update(id="int_1"), "controls[0].id"),
        (lambda d: d["controls"][0].update(applies_to="branch"), "'branch' is not one of"),
        (lambda d: d["controls"][0].update(severity="urgent"), "'urgent' is not one of"),
        (lambda d: d["controls"][0].update(evidence_validity_days=0), "controls[0].evidence_validity_days"),
        (lambda d: d["controls"][1].update(evidence_validity_days=30), "shorter than the quarterly period"),
        (lambda d: d["controls"][0].update(method="regulator"), "go together"),
        (lambda d: d["articles"].append(dict(d["articles"][0])), "article 1 is listed twice"),
        (lambda d: d["source"].update(issued="2025-02-30"), "not a real date"),
        (lambda d: d.update(schema_version=2), "schema_version"),
        (lambda d: d.update(controls=[]), "controls"),
    ],
)
def test_rejects_other_bad_content(tmp_path, mutate, expected):
    data = copy.deepcopy(_institution_file())
    mutate(data)
    assert expected in str(_error_for(tmp_path, data))


def test_rejects_empty_and_unreadable_files(tmp_path):
    assert "the file is empty" in str(_error_for(tmp_path, ""))
    assert "not a mapping" in str(_error_for(tmp_path, "- a\n- b\n"))
    with pytest.raises(CatalogueError, match="cannot read the file"):
        load_catalogue([tmp_path / "missing.yaml"])
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("schema_version: 1\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CatalogueError, match="not UTF-8: byte 28"):
        load_catalogue([bad])


# --- (d) an institution's own controls load alongside the packaged ones --------------------------------


def test_institution_controls_load_alongside(tmp_path, catalogue):
    folder = tmp_path / "policies"
    folder.mkdir()
    _write(folder, _institution_file())
    loaded = load_catalogue([folder])
    assert [s.id for s in loaded.sources] == [NFRA, PBOC, "INT-POLICY"]
    assert not loaded.source("INT-POLICY").packaged and loaded.source(NFRA).packaged
    assert len(loaded) == len(catalogue) + 2
    assert [c.id for c in loaded.controls][: len(catalogue)] == [c.id for c in catalogue.controls]
    control = loaded.by_id("INT-002")
    assert control.source_id == "INT-POLICY" and control.article_text_zh == "移动应用每半年开展一次渗透测试。"
    assert control.method == Method.PERIODIC and control.frequency == Frequency.QUARTERLY
    assert loaded.version != catalogue.version
    assert load_catalogue([folder]).version == loaded.version


def test_packaged_files_are_the_ones_loaded():
    assert PACKAGED_FILES == ("nfra-2024.yaml", "pbc-2018-102.yaml")
