"""Issue 13 items 4, 8, 9, 10, 12 (MLPS), 14: the ledger's rules as the notice reads."""

import datetime

from compliance_fixtures import accepted_evidence, make_app, make_version, result_for, today

from appgov.core import services as core
from appgov.ledger import services as ledger


def days_ago(n):
    return today() - datetime.timedelta(days=n)


def test_08_2_a_released_version_never_tested_is_not_clean(world):
    a = world.a
    r = result_for(a.inst, "NFRA-08.2", a.version.pk)
    assert r.outcome == "evidence_needed" and "从未测试" in r.zh
    # a test report of another version does not test this one
    other = make_version(a.app, "0.9.0", listed_on=False)
    ledger.record_gate_evidence(a.app, "test_report", "TR-0.9", version=other)
    assert result_for(a.inst, "NFRA-08.2", a.version.pk).outcome == "evidence_needed"


def test_08_4_the_first_release_report_does_not_cover_later_releases(world):
    a = world.a
    for item in ("test_report", "compliance_review"):
        ledger.record_gate_evidence(a.app, item, f"{item}-1.0.0", version=a.version)
    assert result_for(a.inst, "NFRA-08.4", a.app.pk).outcome == "pass"
    second = make_version(a.app, "2.0.0", release_date=today())
    r = result_for(a.inst, "NFRA-08.4", a.app.pk)
    assert r.outcome == "fail" and "2.0.0" in r.zh and "1.0.0" not in r.zh
    # dated evidence counts for versions built before its date; older dated evidence does not
    ledger.record_gate_evidence(a.app, "test_report", "TR-old", dated_on=days_ago(400))
    ledger.record_gate_evidence(a.app, "compliance_review", "CR-old", dated_on=days_ago(400))
    assert result_for(a.inst, "NFRA-08.4", a.app.pk).outcome == "fail"
    ledger.record_gate_evidence(a.app, "test_report", "TR-2", dated_on=today())
    ledger.record_gate_evidence(a.app, "compliance_review", "CR-2", version=second)
    assert result_for(a.inst, "NFRA-08.4", a.app.pk).outcome == "pass"


def test_08_4_gate_evidence_of_another_apps_version_is_refused(world):
    import pytest
    from django.core.exceptions import ValidationError

    a = world.a
    other_app_version = make_version(make_app(a, "C-X"), "1.0.0")
    with pytest.raises(ValidationError):
        ledger.record_gate_evidence(a.app, "test_report", "TR", version=other_app_version)


def test_11_1_filings_per_kind_and_distribution(world):
    a = world.a
    account = make_app(
        a, "C-OA", kind="official_account", app_filing_no="", platforms=["wechat"], android_packages=[]
    )
    r = result_for(a.inst, "NFRA-11.1", account.pk)
    assert r.outcome == "not_applicable" and "不属于APP备案范围" in r.zh
    internal = make_app(a, "C-INT", audience="internal", app_filing_no="")
    assert result_for(a.inst, "NFRA-11.1", internal.pk).outcome == "not_applicable"
    quick = make_app(a, "C-QA", kind="quick_app", icp_filing_no="浙ICP备1号-1", app_filing_no="")
    r = result_for(a.inst, "NFRA-11.1", quick.pk)
    assert r.outcome == "fail" and "APP备案号" in r.zh and "ICP" not in r.zh
    app = make_app(a, "C-APP", icp_filing_no="")
    r = result_for(a.inst, "NFRA-11.1", app.pk)
    assert r.outcome == "fail" and "ICP备案号" in r.zh


def test_05_2_every_region_is_compared_for_every_app(world):
    a = world.a
    zhejiang_and_shanghai = make_app(a, "C-R1", regions=["浙江省", "上海市"])
    assert result_for(a.inst, "NFRA-05.2", zhejiang_and_shanghai.pk).outcome == "fail"
    nationwide = make_app(a, "C-R2", regions=["全国"])
    assert result_for(a.inst, "NFRA-05.2", nationwide.pk).outcome == "fail"
    inst = core.update(a.inst, licensed_regions=["全国"])
    assert result_for(inst, "NFRA-05.2", nationwide.pk).outcome == "pass"
    assert result_for(inst, "NFRA-05.2", zhejiang_and_shanghai.pk).outcome == "pass"


def test_12_1_cycles_cite_their_rule_or_say_institution_policy(world):
    from appgov.ledger.checks import mlps_cycles

    cycles = mlps_cycles()
    assert cycles[3]["months"] == 12 and "公通字〔2007〕43号" in cycles[3]["basis"]
    assert cycles[4]["months"] == 6 and "公通字〔2007〕43号" in cycles[4]["basis"]
    for level in (1, 2, 5):
        assert "institution policy" in cycles[level]["basis"]
    a = world.a
    app = make_app(a, "C-M1", mlps_level=2, mlps_assessed_on=days_ago(30))
    r = result_for(a.inst, "NFRA-12.1", app.pk)
    assert r.outcome == "pass" and "institution policy" in r.zh


def test_12_1_a_calendar_year_across_29_february(world):
    a = world.a
    app = make_app(a, "C-M2", mlps_level=3, mlps_assessed_on=datetime.date(2024, 2, 29))
    assert result_for(a.inst, "NFRA-12.1", app.pk, day=datetime.date(2025, 2, 28)).outcome == "pass"
    assert result_for(a.inst, "NFRA-12.1", app.pk, day=datetime.date(2025, 3, 1)).outcome == "fail"
    app = make_app(a, "C-M3", mlps_level=3, mlps_assessed_on=datetime.date(2023, 3, 1))
    # 2023-03-01 + one year = 2024-03-01, 366 days later: a 365-day window would fail it a day early
    assert result_for(a.inst, "NFRA-12.1", app.pk, day=datetime.date(2024, 3, 1)).outcome == "pass"


def test_calendar_periods():
    from appgov.core.controls.periods import add_months

    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2023, 3, 1), 36) == datetime.date(2026, 3, 1)
    assert add_months(datetime.date(2025, 1, 15), -2) == datetime.date(2024, 11, 15)


def test_periodic_evidence_stays_valid_through_its_calendar_period(world):

    a = world.a
    done = datetime.date(2023, 3, 1)
    ev = accepted_evidence(a.inst, "NFRA-17.2", "app", a.app.pk, "年度风险评估", done, link="r")
    assert ev.valid_on(datetime.date(2024, 3, 1))  # 366 days later, still this year's assessment
    assert result_for(a.inst, "NFRA-17.2", a.app.pk, day=datetime.date(2024, 3, 1)).outcome == "pass"
    assert result_for(a.inst, "NFRA-17.2", a.app.pk, day=datetime.date(2024, 3, 2)).outcome == "fail"


def test_16_2_notice_per_version_and_complaint_channel_for_the_public(world):
    a = world.a
    core.update(a.version, privacy_notice_url="https://a.example.cn/p/1", privacy_notice_effective_on=today())
    assert result_for(a.inst, "NFRA-16.2", a.app.pk).outcome == "pass"
    new = make_version(a.app, "1.1.0", release_date=today())
    r = result_for(a.inst, "NFRA-16.2", a.app.pk)
    assert r.outcome == "fail" and "1.1.0" in r.zh
    core.update(new, privacy_notice_url="https://a.example.cn/p/1.1", privacy_notice_effective_on=today())
    assert result_for(a.inst, "NFRA-16.2", a.app.pk).outcome == "pass"
    core.update(a.app, complaint_channel="")
    assert result_for(a.inst, "NFRA-16.2", a.app.pk).outcome == "fail"
