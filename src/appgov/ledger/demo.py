"""Demo data: a regulator office tree, a city commercial bank and an insurer with about 30 apps.

Idempotent: running it again finds what exists and adds nothing twice. All writes go through the
services, so the demo's change log is a real one.
"""

import datetime
import random

from django.db import transaction
from django.utils import translation

from appgov.core import extensions
from appgov.core import services as core
from appgov.core.context import acting_as
from appgov.core.models import Department, Institution, Person, RegulatorOffice
from appgov.core.roles import Role
from appgov.users.models import User

from . import services
from .models import AppVersion, Channel, GateEvidence, Listing, MobileApp, PublishingAccount, Vulnerability
from .models.choices import AccountHolder, AppKind, LifecycleState, ListingState, SupportStatus

DEMO_PASSWORD = "AppGov-demo-2026"

OFFICES = [
    ("NFRA", "国家金融监督管理总局", "headquarters", None),
    ("NFRA-ZJ", "国家金融监督管理总局浙江监管局", "provincial", "NFRA"),
    ("NFRA-ZJ-HZ", "国家金融监督管理总局杭州监管分局", "sub_office", "NFRA-ZJ"),
    ("NFRA-ZJ-NB", "国家金融监督管理总局宁波监管局", "sub_office", "NFRA-ZJ"),
    ("NFRA-JS", "国家金融监督管理总局江苏监管局", "provincial", "NFRA"),
]

INSTITUTIONS = [
    {
        "code": "HZCB",
        "name": "杭州明湖城市商业银行",
        "kind": "bank",
        "office": "NFRA-ZJ-HZ",
        "prefix": "bank",
        "business": ["个人存款", "个人贷款", "信用卡", "支付结算", "理财代销", "企业网银", "普惠金融"],
        "regions": ["浙江省", "上海市", "江苏省"],
        "ceiling": 25,
        "departments": [
            ("OFFICE", "金融科技部（牵头管理部门）", "technology"),
            ("RETAIL", "零售金融部", "business"),
            ("CARD", "信用卡中心", "business"),
            ("CORP", "公司金融部", "business"),
            ("INCL", "普惠金融部", "business"),
            ("RISK", "风险管理部", "risk"),
            ("COMP", "法律合规部", "compliance"),
            ("AUDIT", "审计部", "audit"),
            ("OPS", "运营管理部", "business"),
            ("HR", "人力资源部", "other"),
        ],
    },
    {
        "code": "XHLIFE",
        "name": "信和人寿保险股份有限公司",
        "kind": "insurer",
        "office": "NFRA-ZJ-NB",
        "prefix": "ins",
        "business": ["人寿保险", "健康保险", "意外伤害保险", "保险代理"],
        "regions": ["浙江省", "江苏省"],
        "ceiling": 12,
        "departments": [
            ("OFFICE", "信息技术部（牵头管理部门）", "technology"),
            ("SALES", "个险销售部", "business"),
            ("CLAIMS", "理赔服务部", "business"),
            ("BANCA", "银保渠道部", "business"),
            ("RISK", "风险管理部", "risk"),
            ("COMP", "合规部", "compliance"),
            ("AUDIT", "稽核审计部", "audit"),
        ],
    },
]

BANK_APPS = [
    ("手机银行", AppKind.APP, ["android", "ios", "harmonyos"], "RETAIL", LifecycleState.IN_OPERATION, True),
    ("信用卡 APP", AppKind.APP, ["android", "ios"], "CARD", LifecycleState.IN_OPERATION, True),
    ("企业手机银行", AppKind.APP, ["android", "ios"], "CORP", LifecycleState.IN_OPERATION, True),
    ("普惠贷款小程序", AppKind.MINI_PROGRAM, ["wechat"], "INCL", LifecycleState.RELEASED, False),
    (
        "明湖银行微信公众号",
        AppKind.OFFICIAL_ACCOUNT,
        ["wechat"],
        "RETAIL",
        LifecycleState.IN_OPERATION,
        False,
    ),
    (
        "信用卡积分商城小程序",
        AppKind.MINI_PROGRAM,
        ["wechat", "alipay"],
        "CARD",
        LifecycleState.IN_OPERATION,
        False,
    ),
    ("理财服务快应用", AppKind.QUICK_APP, ["android"], "RETAIL", LifecycleState.IN_TESTING, False),
    ("员工移动办公", AppKind.APP, ["android", "ios"], "OPS", LifecycleState.IN_OPERATION, False),
    (
        "客户经理移动展业",
        AppKind.APP,
        ["android", "harmonyos"],
        "RETAIL",
        LifecycleState.IN_DEVELOPMENT,
        False,
    ),
    ("乡村振兴金融服务站", AppKind.APP, ["android"], "INCL", LifecycleState.ADMITTED, False),
    ("数字人民币钱包子钱包", AppKind.OTHER, ["other"], "OPS", LifecycleState.PROPOSED, False),
    ("手机银行老年版", AppKind.APP, ["android", "ios"], "RETAIL", LifecycleState.RETIRING, False),
    ("旧版直销银行", AppKind.APP, ["android", "ios"], "RETAIL", LifecycleState.RETIRED, False),
    ("明湖生活缴费支付宝小程序", AppKind.MINI_PROGRAM, ["alipay"], "OPS", LifecycleState.IN_OPERATION, False),
    ("企业财资管理", AppKind.APP, ["ios"], "CORP", LifecycleState.IN_TESTING, False),
    ("信用卡微信公众号", AppKind.OFFICIAL_ACCOUNT, ["wechat"], "CARD", LifecycleState.IN_OPERATION, False),
    ("鸿蒙元服务-账户查询", AppKind.OTHER, ["harmonyos"], "RETAIL", LifecycleState.IN_DEVELOPMENT, False),
    ("汽车分期小程序", AppKind.MINI_PROGRAM, ["wechat"], "CARD", LifecycleState.PROPOSED, False),
    ("风险预警移动端", AppKind.APP, ["android"], "RISK", LifecycleState.RELEASED, False),
    ("校园卡服务", AppKind.MINI_PROGRAM, ["wechat"], "RETAIL", LifecycleState.RETIRED, False),
]
INSURER_APPS = [
    (
        "信和人寿 APP",
        AppKind.APP,
        ["android", "ios", "harmonyos"],
        "SALES",
        LifecycleState.IN_OPERATION,
        True,
    ),
    (
        "信和保险服务公众号",
        AppKind.OFFICIAL_ACCOUNT,
        ["wechat"],
        "CLAIMS",
        LifecycleState.IN_OPERATION,
        False,
    ),
    ("快速理赔小程序", AppKind.MINI_PROGRAM, ["wechat", "alipay"], "CLAIMS", LifecycleState.RELEASED, False),
    ("代理人展业助手", AppKind.APP, ["android", "ios"], "SALES", LifecycleState.IN_OPERATION, False),
    ("银保通移动端", AppKind.APP, ["android"], "BANCA", LifecycleState.IN_TESTING, False),
    ("健康管理快应用", AppKind.QUICK_APP, ["android"], "SALES", LifecycleState.IN_DEVELOPMENT, False),
    ("保单服务支付宝小程序", AppKind.MINI_PROGRAM, ["alipay"], "CLAIMS", LifecycleState.ADMITTED, False),
    ("少儿教育金计算器", AppKind.MINI_PROGRAM, ["wechat"], "SALES", LifecycleState.PROPOSED, False),
    ("旧版 e 保通", AppKind.APP, ["android", "ios"], "SALES", LifecycleState.RETIRING, False),
    ("车险报案 H5 入口", AppKind.OTHER, ["other"], "CLAIMS", LifecycleState.RETIRED, False),
]

CHANNELS = [
    ("华为应用市场", "app_store"),
    ("小米应用商店", "app_store"),
    ("OPPO 软件商店", "app_store"),
    ("vivo 应用商店", "app_store"),
    ("苹果 App Store", "app_store"),
    ("微信小程序平台", "mini_program_platform"),
    ("支付宝小程序平台", "mini_program_platform"),
    ("快应用中心", "quick_app_centre"),
    ("官方网站下载", "official_site"),
]
ROLE_USERS = [
    ("admin", Role.ADMINISTRATOR, "OFFICE"),
    ("office", Role.GOVERNANCE_OFFICE, "OFFICE"),
    ("owner", Role.APP_OWNER, None),
    ("security", Role.SECURITY, "OFFICE"),
    ("compliance", Role.COMPLIANCE, "COMP"),
    ("auditor", Role.AUDITOR, "AUDIT"),
    ("credit", Role.CREDIT_OFFICER, "RISK"),
    ("viewer", Role.READ_ONLY, None),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "丽",
    "强",
    "平",
    "刚",
]

# The evidence every transition up to a state needs, so demo apps satisfy the gates they passed.
EVIDENCE_UP_TO = [
    (LifecycleState.ADMITTED, ["admission_review"]),
    (LifecycleState.IN_DEVELOPMENT, ["security_requirements", "compliance_requirements"]),
    (LifecycleState.IN_TESTING, ["design_review"]),
    (LifecycleState.RELEASED, ["test_report", "compliance_review"]),
    (LifecycleState.RETIRING, ["exit_decision"]),
    (LifecycleState.RETIRED, ["exit_risk_assessment", "data_migration", "privacy_handling", "user_notice"]),
]
ORDER = list(LifecycleState.values)


def _office_tree():
    offices = {}
    for code, name, level, parent in OFFICES:
        office, _ = RegulatorOffice.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "parent": offices.get(parent)}
        )
        offices[code] = office
    return offices


def _user(username, role, **fields):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, role=role, **fields)
        user.set_password(DEMO_PASSWORD)
        core.save(user, None, exclude_validation=["password"])
    return user


def _institution(spec, offices, rng):
    inst = Institution.objects.filter(code=spec["code"]).first()
    if inst is not None:
        return inst, False
    inst = core.save(
        Institution(
            code=spec["code"],
            name=spec["name"],
            kind=spec["kind"],
            regulator_office=offices[spec["office"]],
            licensed_business_lines=spec["business"],
            licensed_regions=spec["regions"],
            planned_app_ceiling=spec["ceiling"],
        )
    )
    depts = {}
    for code, name, kind in spec["departments"]:
        depts[code] = core.save(Department(institution=inst, code=code, name=name, kind=kind))
    inst.leading_department = depts["OFFICE"]
    core.save(inst)
    people = []
    for i in range(24):
        dept = list(depts.values())[i % len(depts)]
        left = datetime.date(2026, 6, 30) if i == 7 else None  # someone who left but still owns an app
        people.append(
            core.save(
                Person(
                    institution=inst,
                    employee_no=f"{spec['code'][:2]}{1001 + i}",
                    name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                    department=dept,
                    position="应用负责人" if i % 3 == 0 else "业务经理",
                    email=f"staff{i}@{spec['prefix']}.example.cn",
                    active_from=datetime.date(2015 + i % 8, 3, 1),
                    left_on=left,
                )
            )
        )
    for name, kind in CHANNELS:
        core.save(
            Channel(
                institution=inst, name=name, kind=kind, qualification_checked_on=datetime.date(2026, 3, 1)
            )
        )
    return inst, True


def _evidence_for(app, state):
    reached = ORDER.index(state)
    for target, items in EVIDENCE_UP_TO:
        if target == LifecycleState.RETIRING and state not in (
            LifecycleState.RETIRING,
            LifecycleState.RETIRED,
        ):
            continue
        if target == LifecycleState.RETIRED and state != LifecycleState.RETIRED:
            continue
        if target not in (LifecycleState.RETIRING, LifecycleState.RETIRED) and ORDER.index(target) > reached:
            continue
        if state == LifecycleState.RETIRED and target not in (
            LifecycleState.RETIRING,
            LifecycleState.RETIRED,
            LifecycleState.ADMITTED,
        ):
            continue
        for item in items:
            core.save(GateEvidence(app=app, item=item, reference=f"DEMO-{app.code}-{item}"))


def _apps(inst, spec, app_specs, rng):
    depts = {d.code: d for d in inst.departments.all()}
    people = list(inst.people.all())
    channels = {c.name: c for c in inst.channels.all()}
    for idx, (name, kind, platforms, dept_code, state, important) in enumerate(app_specs, start=1):
        code = f"{spec['code']}-{idx:03d}"
        full_name = f"{spec['name'][:4]}{name}" if not name.startswith(spec["name"][:2]) else name
        slug = f"cn.{spec['prefix']}.{spec['code'].lower()}.app{idx}"
        person = people[(idx * 5) % len(people)]
        live = state in (LifecycleState.RELEASED, LifecycleState.IN_OPERATION, LifecycleState.RETIRING)
        app = core.save(
            MobileApp(
                institution=inst,
                code=code,
                name=full_name,
                kind=kind,
                state=state,
                audience="internal"
                if name in ("员工移动办公", "风险预警移动端", "客户经理移动展业", "代理人展业助手")
                else "external",
                platforms=platforms,
                android_packages=[slug] if any(p in platforms for p in ("android",)) else [],
                ios_bundle_ids=[slug] if "ios" in platforms else [],
                harmony_bundle_names=[slug] if "harmonyos" in platforms else [],
                mini_program_appids=[f"wx{rng.randrange(16**15):015x}"]
                if kind == AppKind.MINI_PROGRAM
                else [],
                managing_department=depts[dept_code] if idx % 11 else None,
                responsible_person=person if idx % 11 else None,
                data_owner_department=depts[dept_code] if idx % 7 else depts["OFFICE"],
                business_lines=rng.sample(spec["business"], 2) + (["跨境汇款"] if idx == 4 else []),
                regions=spec["regions"][:2] + (["广东省"] if idx == 6 else []),
                partner="某市政务服务中心" if idx == 10 else "",
                partner_contract_ref="HZ-GOV-2025-018" if idx == 10 else "",
                vendor="某科技外包有限公司" if idx % 4 == 0 else "",
                is_important_system=important,
                mlps_level=3 if important else (2 if idx % 2 else None),
                mlps_assessed_on=datetime.date(2025 - idx % 3, 9, 1) if (important or idx % 2) else None,
                icp_filing_no=f"浙ICP备{20000000 + idx}号" if live or state == LifecycleState.RETIRED else "",
                app_filing_no=f"浙ICP备{20000000 + idx}号-{idx}A" if (live and idx % 9) else "",
                privacy_policy_url=f"https://www.{spec['prefix']}.example.cn/privacy/{idx}"
                if state != LifecycleState.PROPOSED
                else "",
                complaint_channel="客服热线 95xxx" if live else "",
                launched_on=datetime.date(2019 + idx % 6, 5, 1)
                if live or state == LifecycleState.RETIRED
                else None,
                retired_on=datetime.date(2025, 12, 31) if state == LifecycleState.RETIRED else None,
                description=f"{name}：演示数据",
            )
        )
        _evidence_for(app, state)
        if ORDER.index(state) < ORDER.index(LifecycleState.IN_TESTING) and state != LifecycleState.RETIRED:
            continue
        for p_idx, platform in enumerate(platforms):
            for v_idx, (vname, vcode, status) in enumerate(
                [
                    ("5.2.0", 520, SupportStatus.SUPPORTED),
                    ("5.1.3", 513, SupportStatus.SUPPORTED),
                    ("4.8.0", 480, SupportStatus.DEPRECATED),
                ]
            ):
                if state == LifecycleState.IN_TESTING and v_idx > 0:
                    break
                retired_app = state == LifecycleState.RETIRED
                version = core.save(
                    AppVersion(
                        app=app,
                        platform=platform,
                        version_name=vname,
                        version_code=vcode,
                        release_date=datetime.date(2026, 9 - v_idx * 3, 10),
                        support_status=SupportStatus.RETIRED if retired_app else status,
                        support_ends_on=datetime.date(2026, 6, 30)
                        if status == SupportStatus.DEPRECATED
                        else None,
                        min_os_version={"android": "8.0", "ios": "13.0", "harmonyos": "4.0"}.get(
                            platform, ""
                        ),
                        change_report_ref=f"NFRA-CHG-2026-{idx:03d}" if important and v_idx == 0 else "",
                    )
                )
                if idx % 5 == 0 and v_idx == 0:
                    core.save(
                        Vulnerability(
                            version=version,
                            title="越权访问他人账单接口",
                            severity="high",
                            source="渗透测试",
                            found_on=datetime.date(2026, 10, 8),
                        )
                    )
                if state == LifecycleState.IN_TESTING:
                    continue
                channel_names = {
                    "android": ["华为应用市场", "小米应用商店", "OPPO 软件商店"],
                    "ios": ["苹果 App Store"],
                    "harmonyos": ["华为应用市场"],
                    "wechat": ["微信小程序平台"],
                    "alipay": ["支付宝小程序平台"],
                }
                for cname in channel_names.get(platform, ["官方网站下载"]):
                    listed = not retired_app and (v_idx == 0 or (v_idx == 2 and idx % 3 == 0))
                    if state == LifecycleState.RETIRING:
                        listed = v_idx == 0 and p_idx == 0
                    Listing.objects.filter(version=version, channel=channels[cname]).exists() or core.save(
                        Listing(
                            version=version,
                            channel=channels[cname],
                            state=ListingState.LISTED if listed else ListingState.DELISTED,
                            listed_on=datetime.date(2026, 9 - v_idx * 3, 12),
                            delisted_on=None if listed else datetime.date(2026, 10, 1),
                        )
                    )
        if state in (LifecycleState.IN_OPERATION, LifecycleState.RELEASED, LifecycleState.RETIRING):
            used = {
                listing.channel
                for listing in Listing.objects.filter(version__app=app).select_related("channel")
            }
            for channel in used:
                held_by_vendor = idx % 6 == 0
                core.save(
                    PublishingAccount(
                        app=app,
                        channel=channel,
                        account_name=f"{spec['prefix']}-{idx}@{channel.pk}",
                        holder=AccountHolder.VENDOR if held_by_vendor else AccountHolder.INSTITUTION,
                        holder_name="某科技外包有限公司" if held_by_vendor else spec["name"],
                    )
                )


@transaction.atomic
def load_demo(stdout=None) -> list[tuple[str, str, str]]:
    """Create the demo data if missing; return (username, role, organisation) of every demo login."""
    rng = random.Random(20240912)
    # the demo is a Chinese bank's and insurer's data: names and titles the services make (a special audit's
    # title, change-log names) are written in Chinese whatever the language of the session that loads it
    with acting_as(None, prefix="job-demo"), translation.override("zh-hans"):
        offices = _office_tree()
        for spec, app_specs in zip(INSTITUTIONS, [BANK_APPS, INSURER_APPS], strict=True):
            inst, created = _institution(spec, offices, rng)
            if created:
                _apps(inst, spec, app_specs, rng)
            depts = {d.code: d for d in inst.departments.all()}
            for suffix, role, dept_code in ROLE_USERS:
                dept = depts.get(dept_code) if dept_code else list(depts.values())[1]
                _user(
                    f"{spec['prefix']}_{suffix}",
                    role,
                    institution=inst,
                    department=dept,
                    first_name=f"{inst.name[:4]}{role.label}",
                )
        _user(
            "nfra_zj",
            Role.REGULATOR_EXAMINER,
            regulator_office=offices["NFRA-ZJ"],
            first_name="浙江监管局检查员",
        )
        _user(
            "nfra_zj_head",
            Role.REGULATOR_HEAD,
            regulator_office=offices["NFRA-ZJ"],
            first_name="浙江监管局处长",
        )
        _user(
            "nfra_js",
            Role.REGULATOR_EXAMINER,
            regulator_office=offices["NFRA-JS"],
            first_name="江苏监管局检查员",
        )
        for loader in extensions.demo_loaders():  # credit, counterfeit, … register theirs in ready()
            loader()
    logins = [
        (u.username, u.get_role_display(), str(u.institution or u.regulator_office))
        for u in User.objects.filter(username__in=_demo_usernames()).select_related(
            "institution", "regulator_office"
        )
    ]
    return sorted(logins)


def _demo_usernames():
    names = [f"{spec['prefix']}_{suffix}" for spec in INSTITUTIONS for suffix, _r, _d in ROLE_USERS]
    return [*names, "nfra_zj", "nfra_zj_head", "nfra_js"]


__all__ = ["DEMO_PASSWORD", "load_demo", "services"]
