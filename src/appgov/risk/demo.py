"""Demo data: for the demo bank (HZCB) a good app whose every risk-module control passes and a weak app whose
controls fail (an overdue assessment, a major incident not reported and its special audit not started, an
unresolved data leak, an overdue audit and inspection, a drill that missed its RTO, a failed security test);
a risk register that passes for the bank and fails for the insurer (XHLIFE: no technology risk)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from appgov.core import workflow
from appgov.core.models import Institution
from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState
from appgov.partners.models import Party
from appgov.users.models import User

from . import policy, reports, services
from .models import Assessment, Incident, RegulatorReport


def _user(inst, role):
    return User.objects.filter(institution=inst, role=role).order_by("pk").first()


def _at(days_ago: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def load_risk_demo() -> None:
    inst = Institution.objects.filter(code="HZCB").first()
    if inst is None or Incident.objects.filter(institution=inst).exists():
        return
    apps = list(
        MobileApp.objects.filter(institution=inst).exclude(state=LifecycleState.RETIRED).order_by("code")
    )
    if len(apps) < 2:
        return
    good, bad = apps[0], apps[1]
    today = timezone.localdate()
    sec, comp, owner, auditor = (_user(inst, r) for r in ("security", "compliance", "app_owner", "auditor"))
    _assessments(inst, good, bad, comp, owner, today)
    # the internal auditor reads only (issue 12 item 13): compliance records the audit department's work
    _incidents(inst, good, bad, sec, comp, today)
    _audits(inst, good, bad, comp, today)
    _continuity(good, bad, sec, today)
    _dossiers(good, bad, sec, today)
    _register(inst, good, comp, today, complete=True)
    insurer = Institution.objects.filter(code="XHLIFE").first()
    if insurer is not None:
        _register(insurer, None, _user(insurer, "compliance"), today, complete=False)


def _assessments(inst, good, bad, comp, owner, today):
    # last year's campaign, long past its due day: the weak app's assessment was never done (NFRA-17.2 fails)
    services.campaigns.create(
        comp,
        {
            "institution": inst,
            "year": today.year - 1,
            "title": f"{today.year - 1} 年度移动应用风险评估",
            "opened_on": datetime.date(today.year - 1, 10, 1),
            "due_on": datetime.date(today.year - 1, 12, 31),
        },
    )
    campaign = services.open_campaign(inst, comp, today.year, today + datetime.timedelta(days=30))
    assessment = Assessment.objects.get(campaign=campaign, app=good)
    answers = {item["id"]: "yes" for item in policy.questionnaire()["items"]}
    answers["counterfeit"] = "partly"
    assessment = services.assessments.update(assessment, owner, {"answers": answers})
    assessment = workflow.transition(assessment, "submitted", owner)
    workflow.transition(assessment, "signed", comp, conclusion="风险总体可控；仿冒监测需持续关注。")


def _incident(actor, app, **data):
    return services.incidents.create(actor, {**data, "apps": [app]})


def _send(report, actor, sent_at):
    report = reports.generate(report, actor)
    report = services.record_sent(report, actor, sent_at=sent_at, reference=f"NFRA-ZJ-{report.pk:05d}")
    return report


def _incidents(inst, good, bad, sec, auditor, today):
    # the good app: a major outage reported on time, its special audit planned (15.2 and 17.4 pass)
    outage = _incident(
        sec,
        good,
        reference="DEMO-INC-1",
        title="手机银行登录服务中断",
        kind="outage",
        detected_at=_at(3),
        description="核心系统数据库主节点故障，手机银行登录失败。",
        outage_minutes=150,
        customers_affected=32000,
    )
    services.events.create(sec, {"incident": outage, "at": _at(3), "note": "监控告警：登录成功率降至 5%。"})
    services.events.create(
        sec, {"incident": outage, "at": _at(2.9), "note": "切换至备用数据库节点，服务恢复。"}
    )
    outage = workflow.transition(
        outage,
        "contained",
        sec,
        containment="切换至备用数据库节点，限流保护。",
        on=timezone.localdate(_at(2.9)),
    )
    for stage, hours in (("initial", 1), ("follow_up", 30)):
        report = RegulatorReport.objects.get(incident=outage, stage=stage)
        report = services.reports.update(report, sec, {"summary": "服务已恢复，正在分析原因。"})
        _send(report, sec, outage.detected_at + datetime.timedelta(hours=hours))
    special = outage.special_audits.get()
    workflow.transition(
        special,
        "planned",
        auditor,
        planned_start=today - datetime.timedelta(days=1),
        auditor_name="内部审计部",
        team="审计一组",
    )
    # the good app: a small data leak handled and notified on time (16.3 passes)
    leak = _incident(
        sec,
        good,
        reference="DEMO-INC-2",
        title="客服工单附件外泄",
        kind="data_leak",
        detected_at=_at(20),
        records_exposed=40,
        customers_affected=40,
    )
    for note in leak.notifications.all():
        services.record_notified(note, sec, notified_at=_at(19), channel="短信及电话", recipients=40)
    leak = workflow.transition(
        leak, "contained", sec, containment="撤回附件，关闭外链。", on=timezone.localdate(_at(19))
    )
    workflow.transition(
        leak, "resolved", sec, root_cause="工单系统附件链接未设有效期。", on=timezone.localdate(_at(15))
    )
    # the weak app: a major outage 40 days ago, no report sent, special audit never started (15.2, 17.4 fail)
    _incident(
        sec,
        bad,
        reference="DEMO-INC-3",
        title="理财频道交易失败",
        kind="third_party_failure",
        detected_at=_at(40),
        outage_minutes=300,
        customers_affected=15000,
        description="第三方支付通道故障。",
    )
    # the weak app: a data leak 45 days ago, unresolved, persons not notified (16.3 and 13.2 fail)
    _incident(
        sec,
        bad,
        reference="DEMO-INC-4",
        title="营销活动名单泄露",
        kind="data_leak",
        detected_at=_at(45),
        records_exposed=800,
        customers_affected=800,
    )


def _audits(inst, good, bad, auditor, today):
    def engagement(reference, title, kind, app, due_on, **extra):
        return services.audits.create(
            auditor,
            {
                "institution": inst,
                "reference": reference,
                "title": title,
                "kind": kind,
                "apps": [app],
                "due_on": due_on,
                "auditor_name": "内部审计部",
                **extra,
            },
        )

    done = engagement(
        "DEMO-AU-1",
        f"{good.name} 信息科技审计",
        "regular",
        good,
        today - datetime.timedelta(days=280),
        planned_start=today - datetime.timedelta(days=330),
    )
    done = workflow.transition(done, "fieldwork", auditor, on=today - datetime.timedelta(days=320))
    workflow.transition(
        done,
        "reported",
        auditor,
        on=today - datetime.timedelta(days=300),
        conclusion="未发现重大问题，3 项一般问题已整改。",
        report_file=ContentFile("审计报告（演示）".encode(), name="audit-report.txt"),
    )
    engagement(
        "DEMO-AU-2",
        f"{bad.name} 信息科技审计",
        "regular",
        bad,
        today - datetime.timedelta(days=30),
        planned_start=today - datetime.timedelta(days=60),
    )
    check = engagement(
        "DEMO-IN-1",
        f"{good.name} 业务合规检查",
        "inspection",
        good,
        today - datetime.timedelta(days=90),
        planned_start=today - datetime.timedelta(days=120),
    )
    check = workflow.transition(check, "fieldwork", auditor, on=today - datetime.timedelta(days=115))
    workflow.transition(
        check, "reported", auditor, on=today - datetime.timedelta(days=100), conclusion="业务合规。"
    )
    engagement(
        "DEMO-IN-2", f"{bad.name} 业务合规检查", "inspection", bad, today - datetime.timedelta(days=15)
    )


def _continuity(good, bad, sec, today):
    for app, rto, measured, gap in ((good, 60, 45, ""), (bad, 30, 95, "备用机房切换需人工审批，耗时过长。")):
        services.impact_analyses.create(
            sec,
            {
                "app": app,
                "critical_services": "登录、转账、理财申购",
                "rto_minutes": rto,
                "rpo_minutes": 5,
                "mtpd_minutes": 240,
                "dependencies": "核心系统；短信网关供应商",
                "analysed_on": today - datetime.timedelta(days=200),
                "approved_on": today - datetime.timedelta(days=190),
            },
        )
        plan = services.plans.create(
            sec,
            {
                "app": app,
                "version": "2.0",
                "title": f"{app.name}应急预案",
                "approved_on": today - datetime.timedelta(days=180),
                "approved_by": "信息科技管理委员会",
            },
        )
        services.drills.create(
            sec,
            {
                "app": app,
                "plan": plan,
                "scenario": "主数据中心断电切换",
                "planned_on": today - datetime.timedelta(days=60),
                "held_on": today - datetime.timedelta(days=60),
                "participants": "科技部、运营部、业务部门",
                "measured_recovery_minutes": measured,
                "gap": gap,
            },
        )


def _dossiers(good, bad, sec, today):
    day = today - datetime.timedelta(days=30)
    version = good.versions.order_by("-created_at").first()
    if version is not None:
        services.dossiers.create(
            sec,
            {
                "version": version,
                "design_reviewed_on": day,
                "design_reviewer": "架构评审委员会",
                "code_reviewed_on": day,
                "code_reviewer": "开发二组",
                "change_approval_ref": "CHG-2026-118",
                "change_approved_on": day,
                "compliance_reviewed_on": day,
                "security_tested_on": day,
                "security_tester": "安全测试组",
                "tested_authentication": True,
                "tested_logic": True,
                "security_test_result": "passed",
                "security_test_scope": "登录、转账限额、越权访问",
            },
        )
    version = bad.versions.order_by("-created_at").first()
    if version is not None:
        services.dossiers.create(
            sec,
            {
                "version": version,
                "design_reviewed_on": day,
                "security_tested_on": day,
                "security_tester": "外部测试机构",
                "tested_authentication": True,
                "security_test_result": "failed",
                "security_test_scope": "登录",
            },
        )


def _register(inst, app, actor, today, complete: bool):
    high = {"inherent_likelihood": 4, "inherent_impact": 5, "residual_likelihood": 3, "residual_impact": 4}
    risk = services.risks.create(
        actor,
        {
            "institution": inst,
            "reference": "R-001",
            "title": "超范围展业与侵害消费者权益",
            "category": "business",
            "app": app,
            "cause": "营销活动未经合规审核",
            **high,
            "treatment_plan": "营销活动上线前合规审核；季度抽查" if complete else "",
            "next_review_on": today + datetime.timedelta(days=90),
        },
    )
    services.tasks.create(
        actor, {"risk": risk, "title": "建立营销合规审核清单", "due_on": today + datetime.timedelta(days=30)}
    )
    if complete:
        services.risks.create(
            actor,
            {
                "institution": inst,
                "reference": "R-002",
                "title": "第三方 SDK 违规收集个人信息",
                "category": "technology",
                "app": app,
                "cause": "SDK 版本更新未评估",
                "inherent_likelihood": 3,
                "inherent_impact": 4,
                "residual_likelihood": 2,
                "residual_impact": 3,
                "treatment_plan": "SDK 准入评估与版本锁定",
                # the SDK vendors of the third-party register (partners' demo loads first)
                "vendors": [
                    p
                    for p in Party.objects.filter(institution=inst).order_by("pk")
                    if "sdk_vendor" in p.kinds
                ][:2],
            },
        )
