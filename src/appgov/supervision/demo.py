"""Demo of the regulator's side: the Zhejiang office runs a penetration-test campaign over the two demo
institutions, rejects the bank's first rectification and accepts the second, and holds the insurer to account
for an overdue finding; the Hangzhou sub-office's privacy campaign leaves a finding overdue and a submitted
rectification undecided (its NFRA-18.3 and 18.4 fail); the Ningbo sub-office and the Jiangsu office hold no
campaign (their NFRA-18.2 fails). The Jiangsu office sees none of it."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from appgov.compliance import findings as compliance_findings
from appgov.compliance.models import Finding
from appgov.core import changelog
from appgov.core.context import acting_as
from appgov.core.models import ChangeLogEntry, Institution, RegulatorOffice
from appgov.ledger.models import MobileApp
from appgov.users.models import User

from . import services
from .models import Campaign

PDF = b"%PDF-1.4\n% demo penetration test report\n"


def _app(inst, name_part):
    return MobileApp.objects.filter(institution=inst, name__contains=name_part).order_by("code").first()


@transaction.atomic
def load_supervision_demo():
    offices = {o.code: o for o in RegulatorOffice.objects.filter(code__in=["NFRA-ZJ", "NFRA-ZJ-HZ"])}
    insts = {i.code: i for i in Institution.objects.filter(code__in=["HZCB", "XHLIFE"])}
    if len(offices) < 2 or len(insts) < 2 or Campaign.objects.filter(office__in=offices.values()).exists():
        return
    examiner = User.objects.get(username="nfra_zj")
    head = User.objects.get(username="nfra_zj_head")
    bank, insurer = insts["HZCB"], insts["XHLIFE"]
    bank_app, insurer_app = (
        _app(bank, "手机银行"),
        MobileApp.objects.filter(institution=insurer).order_by("code").first(),
    )
    bank_owner = bank.users.filter(role="app_owner").first()

    today = timezone.localdate()

    with acting_as(examiner, prefix="job-demo-supervision"):
        zj = services.campaigns.create(examiner, {
            "code": "ZJ-2026-PT-01", "title": "2026年浙江辖内手机银行与保险APP渗透测试",
            "kind": "penetration", "period_start": today - datetime.timedelta(days=60),
            "period_end": today - datetime.timedelta(days=30), "institutions": [bank, insurer],
            "apps": [bank_app, insurer_app], "rectification_days": 30,
            "description": "依据《关于加强银行业保险业移动互联网应用程序管理的通知》第十八条开展的年度渗透测试。",
        })  # fmt: skip
        r1 = services.results.create(examiner, {"campaign": zj, "app": bank_app, "outcome": "findings",
                                                "tested_on": today - datetime.timedelta(days=45)})  # fmt: skip
        services.campaign_findings.create(examiner, {
            "result": r1, "title": "登录接口未防重放", "severity": "high", "control_id": "NFRA-13.1",
            "description": "截获的登录报文可在 10 分钟内重放，绕过短信验证码。",
            "evidence": ContentFile(PDF, name="zj-pt-01-replay.pdf"), "due_on": today + datetime.timedelta(days=20),
        })  # fmt: skip
        r2 = services.results.create(examiner, {"campaign": zj, "app": insurer_app, "outcome": "findings",
                                                "tested_on": today - datetime.timedelta(days=44)})  # fmt: skip
        services.campaign_findings.create(examiner, {
            "result": r2, "title": "个人信息明文存储于本地日志", "severity": "medium", "control_id": "NFRA-14.1",
            "description": "客户身份证号写入应用本地日志文件。", "due_on": today - datetime.timedelta(days=5),
        })  # fmt: skip
        issued = services.issue(zj, examiner)
    bank_finding, ins_finding = issued
    with acting_as(bank_owner, prefix="job-demo-supervision"):
        compliance_findings.move(bank_finding, "in_rectification", bank_owner, note="已安排整改")
        compliance_findings.move(
            Finding.objects.get(pk=bank_finding.pk), "resolved", bank_owner, note="已增加时间戳与一次性令牌"
        )
    with acting_as(examiner, prefix="job-demo-supervision"):
        services.decide(bank_finding, examiner, accepted=False, comment="未提供复测报告，请补充。")
    with acting_as(bank_owner, prefix="job-demo-supervision"):
        compliance_findings.move(
            Finding.objects.get(pk=bank_finding.pk), "resolved", bank_owner, note="补充第三方复测报告"
        )
    with acting_as(examiner, prefix="job-demo-supervision"):
        services.decide(bank_finding, examiner, accepted=True, comment="复测报告确认已修复。")
    with acting_as(head, prefix="job-demo-supervision"):
        services.measures.create(head, {
            "institution": insurer, "kind": "order", "taken_on": today - datetime.timedelta(days=2),
            "summary": "个人信息明文存储问题逾期未整改，责令十日内完成整改并报告。", "campaign": zj,
            "responsible_persons": list(insurer.people.order_by("employee_no")[:1]),
        })  # fmt: skip

    _hangzhou_campaign(offices["NFRA-ZJ-HZ"], bank, bank_app, bank_owner, today)
    # the dashboard's heat map reads the institutions' compliance results: evaluate both once
    from appgov.compliance import services as compliance

    with acting_as(None, prefix="job-demo-supervision"):
        for inst in (bank, insurer):
            compliance.evaluate_now(inst)


def _hangzhou_campaign(hz, bank, bank_app, bank_owner, today):
    # the Hangzhou sub-office's own privacy campaign over the bank, recorded by the system for the demo
    with acting_as(None, prefix="job-demo-supervision"):
        campaign = services.campaigns.create(None, {
            "office": hz, "code": "HZ-2026-PV-01", "title": "杭州辖内APP个人信息保护检测", "kind": "privacy",
            "period_start": today - datetime.timedelta(days=50), "period_end": today - datetime.timedelta(days=40),
            "institutions": [bank], "apps": [bank_app],
        })  # fmt: skip
        r = services.results.create(None, {"campaign": campaign, "app": bank_app, "outcome": "findings",
                                           "tested_on": today - datetime.timedelta(days=45)})  # fmt: skip
        for title, due in [("隐私政策未列明第三方SDK", -10), ("未提供注销账号途径", 15)]:
            services.campaign_findings.create(None, {
                "result": r, "title": title, "severity": "medium", "control_id": "NFRA-14.1",
                "description": title, "due_on": today + datetime.timedelta(days=due),
            })  # fmt: skip
        hz_findings = services.issue(campaign, None)
    submitted = hz_findings[1]
    with acting_as(bank_owner, prefix="job-demo-supervision"):
        compliance_findings.move(submitted, "resolved", bank_owner, note="已上线注销功能")
    # submitted 20 days ago and still undecided (what NFRA-18.3 catches)
    with acting_as(None, prefix="job-demo-supervision"), transaction.atomic():
        row = Finding.objects.select_for_update().get(pk=submitted.pk)
        before = changelog.snapshot(row)
        row.resolved_at = timezone.now() - datetime.timedelta(days=20)
        row.save(update_fields=["resolved_at"])
        changelog.record(row, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(row), None)
