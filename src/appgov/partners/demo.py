"""Demo data: the demo bank's third-party register, built so that every register check shows a pass and a fail:

- a core outsourced developer (admitted, evaluated, under contract, clean grants) for 手机银行 → 14.1 / 14.2 pass;
- an outsourced operator of 信用卡 APP whose half-yearly evaluation is overdue and whose grant has expired without
  its removal being recorded → 14.1 / 14.2 fail;
- a cloud provider, five SDK vendors, a data processor still in admission;
- three app stores and two mini-program platforms (Alipay's agreement has lapsed; Apple and vivo are not in the
  register) → 08.3 passes for the Android-only and WeChat apps, fails elsewhere;
- an insurance agency whose licence covers what it sells, reviewed by compliance → 04.2 / 05.1 pass;
- a loan-assistance partner whose licence scope (financing guarantee) does not cover loans, never reviewed →
  04.2 / 05.1 fail.

Dates are relative to the day the demo is loaded, so the picture is the same whenever `appgov demo` runs.
Idempotent: nothing is added once the bank has a register.
"""

import datetime

from django.utils import timezone

from appgov.core import workflow
from appgov.core.context import acting_as
from appgov.core.models import Institution
from appgov.ledger.models import Channel, MobileApp
from appgov.users.models import User

from . import services
from .models import Party
from .models.uscc import check_character

BANK = "HZCB"


def _code(first17: str) -> str:
    return first17 + check_character(first17)


def _answers(**overrides):
    answers = {q["id"]: "yes" for q in services.questionnaire()["questions"]}
    answers.update(overrides)
    return answers


def load_partners_demo():
    inst = Institution.objects.filter(code=BANK).first()
    if inst is None or Party.objects.filter(institution=inst).exists():
        return
    users = {u.role: u for u in User.objects.filter(institution=inst)}
    office, admin, compliance = users["governance_office"], users["administrator"], users["compliance"]
    today = timezone.localdate()

    def days(n):
        return today + datetime.timedelta(days=n)

    apps = {a.name: a for a in MobileApp.objects.filter(institution=inst)}

    def app(name):
        return apps.get(f"{inst.name[:4]}{name}") or apps[name]

    channels = {c.name: c for c in Channel.objects.filter(institution=inst)}

    with acting_as(None, prefix="job-demo-partners"):

        def party(name, code17, kinds, tier="medium", **extra):
            return services.parties.create(
                office,
                {"name": name, "credit_code": _code(code17), "kinds": kinds, "risk_tier": tier, **extra},
            )

        def admit(p, assessed_on, **answers):
            a = services.assessments.create(
                office,
                {"party": p, "kind": "admission", "assessed_on": assessed_on, "answers": _answers(**answers)},
            )
            services.assessments.decide(a, admin, "approved", "准入评审会通过")
            return workflow.transition(p, "approved", office)

        def contract(p, ref, title, starts, ends, **clauses):
            all_clauses = {name: True for name, _zh, _en in services.Contract.CLAUSES}
            return services.contracts.create(
                office,
                {
                    "party": p,
                    "reference": ref,
                    "title": title,
                    "starts_on": starts,
                    "ends_on": ends,
                    "signed_on": starts,
                    **all_clauses,
                    **clauses,
                },
            )

        def qual(p, kind, number, until, **extra):
            return services.qualifications.create(
                office,
                {
                    "party": p,
                    "kind": kind,
                    "number": number,
                    "valid_from": days(-900),
                    "valid_until": until,
                    **extra,
                },
            )

        def relate(p, purpose, a, **extra):
            return services.relations.create(
                office, {"party": p, "app": a, "purpose": purpose, "started_on": days(-700), **extra}
            )

        def grant(p, a, person, account, system, purpose, level, starts, ends, approver=admin):
            return services.grants.create(
                office,
                {
                    "party": p,
                    "app": a,
                    "person_name": person,
                    "account": account,
                    "system": system,
                    "purpose": purpose,
                    "level": level,
                    "approver": approver,
                    "approved_on": starts,
                    "starts_on": starts,
                    "ends_on": ends,
                },
            )

        # the core outsourced developer of 手机银行
        dev = party(
            "杭州云栖金融软件有限公司",
            "91330106MA2H3K7L0",
            ["outsourced_developer"],
            "high",
            address="杭州市西湖区文三路 100 号",
        )
        qual(dev, "mlps_certificate", "33010643001-26001", days(500), issued_by="浙江省公安厅")
        admit(dev, days(-60))
        contract(dev, "HZCB-WB-2025-011", "手机银行外包开发服务合同", days(-400), days(700))
        workflow.transition(dev, "under_contract", office)
        relate(dev, "outsourced_build", app("手机银行"), description="手机银行 APP 外包开发与迭代")
        services.contacts.create(
            office, {"party": dev, "name": "周项目经理", "role": "项目经理", "phone": "0571-88880000"}
        )
        grant(
            dev,
            app("手机银行"),
            "陈工",
            "yq-chen",
            "手机银行测试环境",
            "testing",
            "write",
            days(-50),
            days(130),
        )
        grant(
            dev,
            app("手机银行"),
            "林工",
            "yq-lin",
            "手机银行代码仓库",
            "development",
            "write",
            days(-50),
            days(20),
        )

        # the outsourced operator of 信用卡 APP: evaluation overdue, an expired grant never closed
        ops = party("浙江数联运维服务有限公司", "91330100MA27W8X5Y", ["outsourced_operator"], "high")
        admit(ops, days(-420))
        contract(ops, "HZCB-WB-2024-032", "信用卡 APP 运维外包合同", days(-420), days(300))
        workflow.transition(ops, "under_contract", office)
        relate(ops, "outsourced_operation", app("信用卡 APP"), description="信用卡 APP 生产运维")
        grant(
            ops,
            app("信用卡 APP"),
            "赵运维",
            "sl-zhao",
            "信用卡核心生产库",
            "operation",
            "production_data",
            days(-300),
            days(-15),
        )
        grant(
            ops,
            app("信用卡 APP"),
            "钱运维",
            "sl-qian",
            "信用卡运维平台",
            "operation",
            "admin",
            days(-60),
            days(120),
        )

        # a cloud provider and a data processor still in admission
        cloud = party("阿里云计算有限公司", "91330106673959654", ["cloud"], "high")
        qual(cloud, "telecom_licence", "B1-20090001", days(800), issued_by="工业和信息化部")
        admit(cloud, days(-200))
        contract(cloud, "HZCB-YF-2024-001", "云服务协议", days(-500), days(230))
        workflow.transition(cloud, "under_contract", office)
        relate(cloud, "hosting", app("手机银行"), description="互联网区灾备资源")
        dp = party("杭州慧数数据科技有限公司", "91330108MA2KC5N1X", ["data_processor"], "medium")
        services.assessments.create(
            office,
            {
                "party": dp,
                "kind": "admission",
                "assessed_on": days(-5),
                "answers": _answers(data_protection="partial", concentration="no"),
            },
        )

        # five SDK vendors (names as the SDK catalogue writes them)
        for name, code17, sdk_id, catalogue_name in [
            ("腾讯科技（深圳）有限公司", "91440300708461136", "tencent_bugly", "Tencent"),
            ("友盟同欣（北京）科技有限公司", "91110105MA01PQ2R4", "umeng_analytics", "Umeng+ (Alibaba)"),
            (
                "深圳市和讯华谷信息技术有限公司（极光）",
                "91440300MA5F8N3K7",
                "jpush",
                "Jiguang (Aurora Mobile)",
            ),
            ("每日互动股份有限公司（个推）", "91330100MA28D6L3P", "getui", "Getui (Daily Interactive)"),
            ("神策网络科技（北京）有限公司", "91110108MA00A1B2C", "sensorsdata", "Sensors Data"),
        ]:
            vendor = party(name, code17, ["sdk_vendor"], "low", sdk_vendor_names=[catalogue_name])
            admit(vendor, days(-100))
            relate(vendor, "sdk", app("手机银行"), sdk_id=sdk_id)

        # distribution platforms: three stores, two mini-program platforms
        for name, code17, channel, licence, agreement_end in [
            ("华为软件技术有限公司", "91320191MA1MQ4K6X", "华为应用市场", "B2-20160123", days(400)),
            ("小米科技有限责任公司", "91110108551385082", "小米应用商店", "B2-20150045", days(400)),
            ("广东欢太科技有限公司", "91440300MA5DLM7L4", "OPPO 软件商店", "粤B2-20170318", days(400)),
            (
                "深圳市腾讯计算机系统有限公司",
                "91440300192317458",
                "微信小程序平台",
                "粤B2-20090059",
                days(400),
            ),
            (
                "支付宝（中国）网络技术有限公司",
                "91310115MA1K3J2R7",
                "支付宝小程序平台",
                "B2-20140567",
                days(-10),
            ),
        ]:
            kinds = ["mini_program_platform"] if "小程序" in channel else ["app_store"]
            platform = party(name, code17, kinds, "medium")
            qual(platform, "telecom_licence", licence, days(600), issued_by="工业和信息化部")
            admit(platform, days(-300))
            contract(platform, f"FX-{licence}", f"{channel}开发者服务协议", days(-700), agreement_end)
            if agreement_end > today:
                workflow.transition(platform, "under_contract", office)
            for a in MobileApp.objects.filter(
                institution=inst, versions__listings__channel=channels[channel]
            ).distinct():
                relate(platform, "distribution", a, channel=channels[channel])

        # business partners conducting financial business in the apps
        agency = party("浙江安信保险代理有限公司", "91330100MA2B3C4D5", ["business_partner"], "medium")
        qual(
            agency,
            "financial_licence",
            "260633000000800",
            days(700),
            businesses=["insurance"],
            scope="在浙江省行政辖区内代理销售保险产品",
            issued_by="国家金融监督管理总局浙江监管局",
        )
        admit(agency, days(-150))
        contract(agency, "HZCB-HZ-2025-007", "保险代理合作协议", days(-150), days(580))
        workflow.transition(agency, "under_contract", office)
        rel = relate(
            agency, "business", app("手机银行"), businesses=["insurance"], description="手机银行保险频道"
        )
        services.relations.review_business(rel, compliance, "approved", "HG-2026-031", days(-120))

        loan = party("杭州信融助贷科技有限公司", "91330105MA2J7K8M9", ["business_partner"], "high")
        qual(
            loan,
            "financial_licence",
            "浙融担2023-018",
            days(400),
            businesses=["other"],
            scope="融资担保业务（不含贷款发放、助贷撮合）",
            issued_by="浙江省地方金融管理局",
        )
        admit(loan, days(-90))
        contract(loan, "HZCB-HZ-2025-019", "普惠贷款合作协议", days(-90), days(275))
        workflow.transition(loan, "under_contract", office)
        relate(
            loan,
            "business",
            app("普惠贷款小程序"),
            businesses=["loans"],
            description="普惠贷款小程序助贷获客与初审",
        )

        # a quarterly vendor access review, signed off three weeks ago
        review = services.reviews.start(
            inst, office, "2026 年第四季度外包人员权限复核", today=days(-21), due_on=days(9)
        )
        for item in review.items.all():
            services.reviews.decide_item(item, office, "confirmed", "岗位未变，权限必要")
        services.reviews.sign_off(review, office)
