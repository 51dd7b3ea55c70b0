"""Every check registered by the ledger, on real ledger rows: a passing and a failing case each, and the
Chinese explanation names the problem. Then the controls no module judges yet (evidence), the periodic
ones (calendar and overdue), and the regulator's own controls."""

import datetime

import pytest
from compliance_fixtures import (
    accepted_evidence,
    add_account,
    add_vulnerability,
    make_app,
    make_version,
    result_for,
    run,
    today,
)
from django.urls import reverse

from appgov.compliance import services
from appgov.compliance.evaluation import catalogue, evaluate
from appgov.compliance.models import ControlResult, ScheduleItem
from appgov.core import services as core
from appgov.core.controls.periods import FREQUENCY_MONTHS, add_months, next_due
from appgov.core.controls.registry import CHECKS
from appgov.core.models import Department, Institution, Person
from appgov.ledger import services as ledger
from appgov.ledger.models import GateEvidence

PASS, FAIL, NA, EVIDENCE = "pass", "fail", "not_applicable", "evidence_needed"
LEDGER_CHECKS = {
    "NFRA-01.2",
    "NFRA-02.1",
    "NFRA-02.2",
    "NFRA-02.3",
    "NFRA-03.1",
    "NFRA-04.1",
    "NFRA-05.2",
    "NFRA-08.2",
    "NFRA-08.4",
    "NFRA-08.5",
    "NFRA-09.3",
    "NFRA-09.4",
    "NFRA-11.1",
    "NFRA-11.2",
    "NFRA-12.1",
    "NFRA-13.1",
    "NFRA-16.2",
}


def days_ago(n):
    return today() - datetime.timedelta(days=n)


def assert_result(result, outcome, *words):
    assert result.outcome == outcome, (result.outcome, result.zh)
    for word in words:
        assert word in result.zh, f"{word!r} not in {result.zh!r}"
    assert result.en, "every result also explains itself in English"


def test_the_ledger_registers_exactly_these_checks():
    from appgov.core.controls.registry import CHECKS as registered

    ledger_ids = {cid for cid, func in registered.items() if func.__module__ == "appgov.ledger.checks"}
    assert ledger_ids == LEDGER_CHECKS
    assert ledger_ids <= {c.id for c in catalogue().controls}


# --- NFRA-01.2 leading department -------------------------------------------------------------------------


def test_01_2_leading_department(world):
    inst = world.a.inst
    assert_result(result_for(inst, "NFRA-01.2", inst.pk), FAIL, "未指定", "牵头管理部门")
    inst = core.update(inst, leading_department=world.a.depts["OFFICE"])
    assert_result(result_for(inst, "NFRA-01.2", inst.pk), PASS, "牵头管理部门", "ALPHA金融科技部")


# --- NFRA-02.1 ledger fields complete ---------------------------------------------------------------------


def test_02_1_ledger_fields_complete(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-02.1", a.app.pk), PASS, "完整")
    # the mini-program of the world has no business lines nor regions
    assert_result(result_for(a.inst, "NFRA-02.1", a.app2.pk), FAIL, "台账字段不完整", "业务条线", "服务地区")
    app = make_app(a, "C-021", platforms=["android", "ios"], android_packages=[], responsible_person=None)
    assert_result(result_for(a.inst, "NFRA-02.1", app.pk), FAIL, "责任人", "安卓包名", "iOS Bundle ID")


# --- NFRA-02.2 admission -----------------------------------------------------------------------------------


def test_02_2_admission(world):
    a = world.a
    # app2 was admitted through a real lifecycle transition; app was entered straight into operation
    assert_result(result_for(a.inst, "NFRA-02.2", a.app2.pk), PASS, "准入")
    assert_result(result_for(a.inst, "NFRA-02.2", a.app.pk), FAIL, "准入评审记录")
    ledger.record_gate_evidence(a.app, "admission_review", "ALPHA-ADMIT-9")
    assert_result(result_for(a.inst, "NFRA-02.2", a.app.pk), PASS, "已通过准入")
    proposed = make_app(a, "C-022", state="proposed")
    assert_result(result_for(a.inst, "NFRA-02.2", proposed.pk), NA, "拟建")


# --- NFRA-02.3 planned ceiling -----------------------------------------------------------------------------


def test_02_3_app_count_against_the_ceiling(world):
    inst = world.a.inst
    assert_result(result_for(inst, "NFRA-02.3", inst.pk), EVIDENCE, "未设定", "规划上限")
    inst = core.update(inst, planned_app_ceiling=1)
    assert_result(result_for(inst, "NFRA-02.3", inst.pk), FAIL, "移动应用 2 个", "超过规划上限 1 个")
    inst = core.update(inst, planned_app_ceiling=2)
    assert_result(result_for(inst, "NFRA-02.3", inst.pk), PASS, "未超过规划上限 2 个")
    # B has two live apps and one retired: the retired one does not count
    b = core.update(world.b.inst, planned_app_ceiling=2)
    assert_result(result_for(b, "NFRA-02.3", b.pk), PASS, "移动应用 2 个")


# --- NFRA-03.1 managing department and responsible person --------------------------------------------------


def test_03_1_responsibility(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-03.1", a.app.pk), PASS, "ALPHA张三")
    left = make_app(a, "C-031", responsible_person=a.people["P002"])  # left the institution in 2020
    assert_result(result_for(a.inst, "NFRA-03.1", left.pk), FAIL, "ALPHA李四", "2020-01-01", "离职")
    nobody = make_app(a, "C-032", responsible_person=None)
    assert_result(result_for(a.inst, "NFRA-03.1", nobody.pk), FAIL, "未明确管理部门或责任人")
    # someone who leaves in the future is still employed today
    future = core.save(
        Person(
            institution=a.inst, employee_no="P9", name="ALPHA王五", left_on=today() + datetime.timedelta(5)
        )
    )
    leaving = make_app(a, "C-033", responsible_person=future)
    assert_result(result_for(a.inst, "NFRA-03.1", leaving.pk), PASS, "ALPHA王五")


# --- NFRA-04.1 partner contract ---------------------------------------------------------------------------


def test_04_1_partner_contract(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-04.1", a.app.pk), NA, "无第三方合作")
    partner = make_app(a, "C-041", partner="某某科技有限公司")
    assert_result(result_for(a.inst, "NFRA-04.1", partner.pk), FAIL, "某某科技有限公司", "未登记合作协议")
    partner = core.update(partner, partner_contract_ref="HT-2025-17")
    assert_result(result_for(a.inst, "NFRA-04.1", partner.pk), PASS, "HT-2025-17")


# --- NFRA-05.2 licence scope ------------------------------------------------------------------------------


def test_05_2_licence_scope(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-05.2", a.app.pk), PASS, "许可范围内")
    line = make_app(a, "C-051", business_lines=["个人存款", "信用卡"])
    assert_result(result_for(a.inst, "NFRA-05.2", line.pk), FAIL, "超出许可范围", "信用卡")
    region = make_app(a, "C-052", regions=["浙江省", "上海市"])
    r = result_for(a.inst, "NFRA-05.2", region.pk)
    assert_result(r, FAIL, "上海市")
    assert "浙江省" not in r.zh
    # 全国 is compared like any region (issue 13 item 10): a regional licence needs the recorded basis
    nationwide = make_app(a, "C-053", regions=["全国"])
    assert_result(result_for(a.inst, "NFRA-05.2", nationwide.pk), FAIL, "全国", "业务依据")
    based = core.update(nationwide, nationwide_basis="ALPHA银许〔2025〕3号 网络银行业务全国范围")
    assert_result(result_for(a.inst, "NFRA-05.2", based.pk), PASS, "网络银行业务全国范围")
    inst = core.update(a.inst, licensed_regions=[])
    assert_result(result_for(inst, "NFRA-05.2", a.app.pk), EVIDENCE, "许可业务范围")


# --- NFRA-08.2 no open high findings on a released version -------------------------------------------------


def test_08_2_open_high_vulnerabilities(world):
    a = world.a
    # the world's version is listed and only has an open medium vulnerability, but it was never tested
    # (issue 13 item 4): no scan and no test report for this version is not "no open high vulnerabilities"
    assert_result(result_for(a.inst, "NFRA-08.2", a.version.pk), EVIDENCE, "从未测试")
    ledger.record_gate_evidence(a.app, "test_report", "ALPHA-TR-1.0.0", version=a.version)
    assert_result(result_for(a.inst, "NFRA-08.2", a.version.pk), PASS, "无未修复的高危漏洞")
    add_vulnerability(a.version, "high", title="ALPHA短信验证码可绕过")
    assert_result(
        result_for(a.inst, "NFRA-08.2", a.version.pk), FAIL, "1 个未修复的高危漏洞", "短信验证码可绕过"
    )
    add_vulnerability(a.version, "critical", title="ALPHA远程代码执行")
    assert_result(result_for(a.inst, "NFRA-08.2", a.version.pk), FAIL, "2 个")
    unreleased = make_version(a.app, "2.0.0", listed_on=False)
    add_vulnerability(unreleased, "critical")
    assert_result(result_for(a.inst, "NFRA-08.2", unreleased.pk), NA, "未发布")
    fixed = make_version(a.app, "1.1.0", release_date=days_ago(3), listed_on=False)
    add_vulnerability(fixed, "high", status="fixed")
    ledger.record_gate_evidence(a.app, "test_report", "ALPHA-TR-1.1.0", version=fixed)
    assert_result(result_for(a.inst, "NFRA-08.2", fixed.pk), PASS)


# --- NFRA-08.4 release gate records ------------------------------------------------------------------------


def test_08_4_release_gate_records(world):
    a = world.a
    # the world's app has a test report of no version and no date: it counts for no release (issue 13 item 8)
    assert_result(result_for(a.inst, "NFRA-08.4", a.app.pk), FAIL, "发布前缺少", "合规审查", "安全测试报告")
    ledger.record_gate_evidence(a.app, "test_report", "ALPHA-TR-1", version=a.version)
    r = result_for(a.inst, "NFRA-08.4", a.app.pk)
    assert_result(r, FAIL, "合规审查")
    assert "安全测试报告" not in r.zh
    ledger.record_gate_evidence(a.app, "compliance_review", "ALPHA-CR-1", version=a.version)
    assert_result(result_for(a.inst, "NFRA-08.4", a.app.pk), PASS, "齐全")
    assert_result(result_for(a.inst, "NFRA-08.4", a.app2.pk), NA, "尚未发布")


# --- NFRA-08.5 publishing accounts -------------------------------------------------------------------------


def test_08_5_publishing_accounts(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-08.5", a.app.pk), PASS, "1 个发布账号均由本机构掌握")
    vendor = make_app(a, "C-085")
    make_version(vendor)
    add_account(vendor, holder="vendor", holder_name="某外包公司")
    assert_result(
        result_for(a.inst, "NFRA-08.5", vendor.pk), FAIL, "未由本机构掌握", "ALPHA应用商店", "某外包公司"
    )
    listed = make_app(a, "C-086")
    make_version(listed)
    assert_result(result_for(a.inst, "NFRA-08.5", listed.pk), EVIDENCE, "未登记发布账号")
    assert_result(result_for(a.inst, "NFRA-08.5", a.app2.pk), NA, "未在任何渠道上架")


# --- NFRA-09.3 unsupported versions still listed -----------------------------------------------------------


def test_09_3_unsupported_versions_still_listed(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-09.3", a.version.pk), PASS, "在维护期内")
    old = make_version(a.app, "0.9.0", support_ends_on=days_ago(1))
    assert_result(result_for(a.inst, "NFRA-09.3", old.pk), FAIL, "已停止维护", "仍在渠道上架")
    retired = make_version(a.app, "0.8.0", support_status="retired")
    assert_result(result_for(a.inst, "NFRA-09.3", retired.pk), FAIL, "仍在渠道上架")
    listing = old.listings.get()
    core.update(listing, state="delisted", delisted_on=today())
    assert_result(result_for(a.inst, "NFRA-09.3", old.pk), PASS, "已下架")
    ending = make_version(a.app, "1.0.1", support_ends_on=today() + datetime.timedelta(days=30))
    assert_result(result_for(a.inst, "NFRA-09.3", ending.pk), PASS)


# --- NFRA-09.4 termination ---------------------------------------------------------------------------------


def test_09_4_termination(world):
    b, a = world.b, world.a
    retired = b.inst.apps.get(code="ZQX-APP-3")  # retired without any exit record
    assert_result(
        result_for(b.inst, "NFRA-09.4", retired.pk), FAIL, "已退出但未完成", "退出风险评估", "用户告知"
    )
    for item in ("exit_risk_assessment", "data_migration", "privacy_handling", "user_notice"):
        core.save(GateEvidence(app=retired, item=item, reference=f"ZQX-{item}"))
    assert_result(result_for(b.inst, "NFRA-09.4", retired.pk), PASS, "退出事项均已完成")
    assert_result(result_for(a.inst, "NFRA-09.4", a.app.pk), NA, "未进入退出流程")
    retiring = make_app(a, "C-094", state="retiring")
    make_version(retiring)
    core.save(GateEvidence(app=retiring, item="exit_risk_assessment", reference="R"))
    assert_result(result_for(a.inst, "NFRA-09.4", retiring.pk), EVIDENCE, "数据迁移", "仍有渠道上架")
    gone = make_app(a, "C-095", state="retired")
    make_version(gone)
    for item in ("exit_risk_assessment", "data_migration", "privacy_handling", "user_notice"):
        core.save(GateEvidence(app=gone, item=item, reference="R"))
    assert_result(result_for(a.inst, "NFRA-09.4", gone.pk), FAIL, "仍有渠道上架")


# --- NFRA-11.1 filing numbers -----------------------------------------------------------------------------


def test_11_1_filing_numbers(world):
    a = world.a
    # both filings are read (issue 13 item 9): the world's app has no ICP filing number
    assert_result(result_for(a.inst, "NFRA-11.1", a.app.pk), FAIL, "ICP备案号")
    app = core.update(a.app, icp_filing_no="浙ICP备2025000001号-3A")
    assert_result(result_for(a.inst, "NFRA-11.1", app.pk), PASS, "ALPHA-FILING-1", "浙ICP备")
    app = core.update(a.app, app_filing_no="")
    assert_result(result_for(a.inst, "NFRA-11.1", app.pk), FAIL, "缺少APP备案号")
    assert_result(result_for(a.inst, "NFRA-11.1", a.app2.pk), NA, "尚未上线")
    # an app still in testing but already listed somewhere is live for the filing rule
    testing = make_app(a, "C-111", state="in_testing", app_filing_no="")
    make_version(testing)
    assert_result(result_for(a.inst, "NFRA-11.1", testing.pk), FAIL, "备案号")


# --- NFRA-11.2 change reports of important systems ---------------------------------------------------------


def test_11_2_change_reports(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-11.2", a.version.pk), NA, "非重要信息系统")
    important = make_app(a, "C-112", is_important_system=True)
    unreported = make_version(important, "3.0.0")
    assert_result(result_for(a.inst, "NFRA-11.2", unreported.pk), FAIL, "重要信息系统", "未向监管报告")
    reported = make_version(important, "3.1.0", change_report_ref="BG-2026-001")
    assert_result(result_for(a.inst, "NFRA-11.2", reported.pk), PASS, "BG-2026-001")
    draft = make_version(important, "4.0.0", listed_on=False)
    assert_result(result_for(a.inst, "NFRA-11.2", draft.pk), NA, "未投产")


# --- NFRA-12.1 MLPS assessment ----------------------------------------------------------------------------


def test_12_1_mlps_assessment(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-12.1", a.app.pk), EVIDENCE, "等级保护")
    fresh = make_app(a, "C-121", mlps_level=3, mlps_assessed_on=days_ago(100))
    assert_result(result_for(a.inst, "NFRA-12.1", fresh.pk), PASS, "等保3级")
    stale_date = days_ago(400)
    stale = make_app(a, "C-122", mlps_level=3, mlps_assessed_on=stale_date)
    due = add_months(stale_date, 12)  # a calendar year (issue 13 item 12)
    assert_result(result_for(a.inst, "NFRA-12.1", stale.pk), FAIL, "已过期", str(stale_date), str(due))
    # level 2 runs on a two-year cycle: 400 days is fine
    level2 = make_app(a, "C-123", mlps_level=2, mlps_assessed_on=stale_date)
    assert_result(result_for(a.inst, "NFRA-12.1", level2.pk), PASS)
    never = make_app(a, "C-124", mlps_level=4)
    assert_result(result_for(a.inst, "NFRA-12.1", never.pk), FAIL, "无测评记录")


# --- NFRA-13.1 data owner is a business department ---------------------------------------------------------


def test_13_1_data_owner(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-13.1", a.app.pk), PASS, "ALPHA零售业务部")
    tech = make_app(a, "C-131", data_owner_department=a.depts["OFFICE"])
    assert_result(result_for(a.inst, "NFRA-13.1", tech.pk), FAIL, "ALPHA金融科技部", "不是业务部门")
    branch = core.save(Department(institution=a.inst, code="BR1", name="ALPHA杭州分行", kind="branch"))
    app = make_app(a, "C-132", data_owner_department=branch)
    assert_result(result_for(a.inst, "NFRA-13.1", app.pk), PASS, "杭州分行")
    none = make_app(a, "C-133", data_owner_department=None)
    assert_result(result_for(a.inst, "NFRA-13.1", none.pk), FAIL, "未明确数据归属部门")


# --- NFRA-16.2 privacy policy and complaint channel --------------------------------------------------------


def test_16_2_privacy_notice(world):
    """Per released version its own notice (issue 13 item 14); apps for the public also a complaint channel."""
    a = world.a
    # the app has a privacy URL, but its released version has no notice of its own
    assert_result(result_for(a.inst, "NFRA-16.2", a.app.pk), FAIL, "1.0.0", "隐私政策")
    core.update(
        a.version,
        privacy_notice_url="https://alpha.example.cn/privacy/1.0.0",
        privacy_notice_effective_on=today(),
    )
    assert_result(result_for(a.inst, "NFRA-16.2", a.app.pk), PASS, "当期隐私政策", "投诉渠道已公布")
    app = core.update(a.app, complaint_channel="")
    r = result_for(a.inst, "NFRA-16.2", app.pk)
    assert_result(r, FAIL, "投诉渠道")
    assert "隐私政策" not in r.zh
    internal = make_app(a, "C-162", audience="internal", complaint_channel="")
    v = make_version(
        internal,
        release_date=days_ago(10),
        privacy_notice_url="https://x.example.cn/p",
        privacy_notice_effective_on=days_ago(10),
    )
    assert_result(result_for(a.inst, "NFRA-16.2", internal.pk), PASS, "当期隐私政策")
    assert "投诉渠道" not in result_for(a.inst, "NFRA-16.2", internal.pk).zh
    # a notice older than the release is not this release's notice
    core.update(v, privacy_notice_effective_on=days_ago(40))
    assert_result(result_for(a.inst, "NFRA-16.2", internal.pk), FAIL, "早于该版本发布")
    assert_result(result_for(a.inst, "NFRA-16.2", a.app2.pk), NA)


def test_ledger_checks_link_the_records_they_used(world):
    a = world.a
    r = result_for(a.inst, "NFRA-02.1", a.app.pk)
    assert r.links == [{"label": a.app.name, "url": reverse("ledger:app-detail", args=[a.app.pk])}]
    r = result_for(a.inst, "NFRA-08.2", a.version.pk)
    assert r.links == [{"label": "1.0.0", "url": reverse("ledger:version-detail", args=[a.version.pk])}]


def test_retired_apps_are_not_judged_by_live_app_checks(world):
    retired = world.b.inst.apps.get(code="ZQX-APP-3")
    for control_id in sorted(LEDGER_CHECKS - {"NFRA-09.4"}):
        assert all(
            r.subject_id != retired.pk or r.subject_type != "app" for r in run(world.b.inst, control_id)
        )


# --- controls without a check: evidence --------------------------------------------------------------------

# one control of each subject kind that no module judges yet
EVIDENCE_CONTROLS = [
    ("NFRA-01.1", "institution"),
    ("NFRA-05.3", "app"),  # NFRA-06.2 is judged by operations since issue 17
    ("NFRA-07.3", "app_version"),
    ("PBC102-01", "credit_system"),
]


def subject_of(org, subject_type):
    return {
        "institution": org.inst.pk,
        "credit_system": org.inst.pk,
        "app": org.app.pk,
        "app_version": org.version.pk,
    }[subject_type]


def test_no_control_without_a_check_passes_by_default(world):
    """The world's institution as it is: nothing judged on evidence alone may pass."""
    evaluate(world.a.inst)
    judged_by_evidence = {c.id for c in catalogue().controls if c.id not in CHECKS}
    outcomes = ControlResult.objects.filter(institution=world.a.inst, control_id__in=judged_by_evidence)
    # fewer since the risk (12), partners (5) and operations (7) modules judge controls from records
    assert outcomes.count() >= 10
    assert set(outcomes.values_list("outcome", flat=True)) <= {EVIDENCE, NA}
    assert not outcomes.filter(outcome=PASS).exists()


@pytest.mark.parametrize("control_id,subject_type", EVIDENCE_CONTROLS)
def test_evidence_controls(world, control_id, subject_type):
    a = world.a
    subject = subject_of(a, subject_type)
    ctl = catalogue().by_id(control_id)
    r = result_for(a.inst, control_id, subject, subject_type=subject_type)
    # says which evidence to upload, once (no doubled full stop)
    assert_result(r, EVIDENCE, "需要上传证明材料", ctl.evidence_zh.rstrip("。"))
    assert "。。" not in r.zh
    accepted_evidence(a.inst, control_id, subject_type, subject, "有效材料", days_ago(10), link="OA-2026-1")
    assert_result(result_for(a.inst, control_id, subject, subject_type=subject_type), PASS, "有效材料")


@pytest.mark.parametrize("control_id,subject_type", EVIDENCE_CONTROLS)
def test_expired_and_future_evidence_do_not_satisfy(world, control_id, subject_type):
    a = world.a
    subject = subject_of(a, subject_type)
    accepted_evidence(
        a.inst, control_id, subject_type, subject, "过期材料", days_ago(500), link="x", expires_on=days_ago(1)
    )
    r = result_for(a.inst, control_id, subject, subject_type=subject_type)
    assert_result(r, EVIDENCE, "已过期")
    accepted_evidence(
        a.inst, control_id, subject_type, subject, "未来材料", today() + datetime.timedelta(days=3), link="y"
    )
    assert_result(result_for(a.inst, control_id, subject, subject_type=subject_type), EVIDENCE)
    # ...and counts from its effective date on
    later = today() + datetime.timedelta(days=4)
    assert_result(result_for(a.inst, control_id, subject, later, subject_type=subject_type), PASS, "未来材料")
    # expiry is exclusive: evidence stops counting on its expiry date
    assert_result(
        result_for(a.inst, control_id, subject, days_ago(2), subject_type=subject_type), PASS, "过期材料"
    )
    assert_result(result_for(a.inst, control_id, subject, days_ago(1), subject_type=subject_type), EVIDENCE)


def test_evidence_of_another_subject_or_institution_does_not_count(world):
    a, b = world.a, world.b
    accepted_evidence(a.inst, "NFRA-05.3", "app", a.app2.pk, "别的应用的材料", days_ago(1), link="z")
    assert result_for(a.inst, "NFRA-05.3", a.app.pk).outcome == EVIDENCE
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):  # B cannot attach evidence to A's app
        services.add_evidence(b.inst, "NFRA-05.3", "app", a.app.pk, "越权材料", days_ago(1), link="z")
    with pytest.raises(ValidationError):
        services.add_evidence(a.inst, "NFRA-99.9", "app", a.app.pk, "不存在的控制项", days_ago(1), link="z")


# --- periodic controls: overdue and the calendar -----------------------------------------------------------

# Periods are calendar periods (next_due): the overdue case goes back a period plus a month.
PERIODIC = [
    ("NFRA-17.2", "app", "annual"),
    ("NFRA-17.3", "app", "triennial"),
    ("NFRA-05.4", "app", "annual"),
]


def test_periodic_controls_of_the_catalogue():
    periodic = {c.id: (c.applies_to, c.frequency) for c in catalogue().controls if c.method == "periodic"}
    assert periodic == {cid: (t, freq) for cid, t, freq in PERIODIC}


@pytest.mark.parametrize("control_id,subject_type,period", PERIODIC)
def test_periodic_control_is_overdue_after_its_period(world, control_id, subject_type, period):
    a = world.a
    subject = subject_of(a, subject_type)
    last = add_months(today(), -FREQUENCY_MONTHS[period] - 1)
    # the expiry is set far ahead so only the period makes it overdue
    accepted_evidence(
        a.inst,
        control_id,
        subject_type,
        subject,
        "上次报告",
        last,
        link="r1",
        expires_on=today() + datetime.timedelta(days=900),
    )
    r = result_for(a.inst, control_id, subject, subject_type=subject_type)
    assert_result(r, FAIL, "周期性要求已逾期", str(last))
    evaluate(a.inst)
    item = ScheduleItem.objects.get(
        institution=a.inst, control_id=control_id, subject_type=subject_type, subject_id=subject
    )
    assert item.last_done_on == last
    assert item.due_on == next_due(last, period)
    assert (
        ControlResult.objects.get(
            institution=a.inst, control_id=control_id, subject_id=subject, subject_type=subject_type
        ).outcome
        == FAIL
    )
    # done again: passes, and the calendar moves to the new date + period
    recent = days_ago(20)
    accepted_evidence(a.inst, control_id, subject_type, subject, "本期报告", recent, link="r2")
    assert_result(result_for(a.inst, control_id, subject, subject_type=subject_type), PASS, "本期报告")
    evaluate(a.inst)
    item.refresh_from_db()
    assert (item.last_done_on, item.due_on) == (recent, next_due(recent, period))
    # on the due date it still passes; the day after it is overdue
    due = item.due_on
    assert result_for(a.inst, control_id, subject, due, subject_type=subject_type).outcome == PASS
    assert (
        result_for(
            a.inst, control_id, subject, due + datetime.timedelta(days=1), subject_type=subject_type
        ).outcome
        == FAIL
    )


def test_periodic_control_never_done_is_evidence_needed_and_due_at_the_end_of_its_grace(world):
    a = world.a
    assert_result(result_for(a.inst, "NFRA-17.2", a.app.pk), EVIDENCE, "年度风险评估报告", "宽限期至")
    evaluate(a.inst)
    items = ScheduleItem.objects.filter(institution=a.inst, control_id="NFRA-17.2")
    assert {i.subject_id for i in items} == {a.app.pk, a.app2.pk}  # one calendar entry per app
    grace = catalogue().by_id("NFRA-17.2").grace_days
    assert {i.due_on for i in items} == {today() + datetime.timedelta(days=grace)}
    assert {i.last_done_on for i in items} == {None}


def test_periodic_overdue_is_not_hidden_by_evidence_dated_in_the_future(world):
    a = world.a
    last = days_ago(400)
    accepted_evidence(
        a.inst,
        "NFRA-17.2",
        "app",
        a.app.pk,
        "去年报告",
        last,
        link="r1",
        expires_on=today() + datetime.timedelta(days=900),
    )
    accepted_evidence(
        a.inst, "NFRA-17.2", "app", a.app.pk, "排期中的报告", today() + datetime.timedelta(days=10), link="r2"
    )
    assert_result(result_for(a.inst, "NFRA-17.2", a.app.pk), FAIL, "逾期", str(last))


# --- the regulator's own controls --------------------------------------------------------------------------


@pytest.mark.parametrize("control_id", ["NFRA-18.1", "NFRA-18.2", "NFRA-18.3", "NFRA-18.4"])
def test_regulator_controls_are_not_applicable_to_institutions(world, control_id):
    results = run(world.a.inst, control_id)
    assert len(results) == 1
    assert_result(results[0], NA, "监管机构职责")
    assert (results[0].subject_type, results[0].subject_id) == ("institution", world.a.inst.pk)
    # even evidence does not turn them into a pass
    accepted_evidence(world.a.inst, control_id, "institution", world.a.inst.pk, "材料", days_ago(1), link="x")
    assert run(world.a.inst, control_id)[0].outcome == NA


def test_an_empty_institution_is_evaluated_without_errors(world):
    inst = core.save(
        Institution(code="EMPTY-INST", name="空机构", kind="bank", regulator_office=world.a.office)
    )
    evaluation = evaluate(inst)
    assert sum(evaluation.counts.values()) == ControlResult.objects.filter(institution=inst).count()
    assert not ControlResult.objects.filter(institution=inst, subject_type="app").exists()
