"""Compliance checks judged from the ledger's own data (registered in the compliance check registry)."""

import datetime

from appgov.core.controls.registry import SubjectType, check, evidence_needed, failed, not_applicable, passed

from .facts import app_link, version_link
from .models.choices import AccountHolder, LifecycleState, ListingState, Severity, SupportStatus

APP = SubjectType.APP
VERSION = SubjectType.APP_VERSION
INSTITUTION = SubjectType.INSTITUTION
LIVE = {LifecycleState.RELEASED, LifecycleState.IN_OPERATION, LifecycleState.RETIRING}
BUSINESS_KINDS = {"business", "branch"}
# MLPS 2.0 practice: level 3 assessed every year, level 4 every half year; levels 1-2 on the institution's own cycle (2 years).
MLPS_CYCLE_DAYS = {1: 730, 2: 730, 3: 365, 4: 183, 5: 183}


def _app(ctx, app):
    return APP, app.pk, f"{app.code} {app.name}"


@check("NFRA-01.2")
def leading_department(ctx, control):
    inst = ctx.institution
    if inst.leading_department_id:
        yield passed(
            INSTITUTION,
            inst.pk,
            inst.name,
            f"牵头管理部门：{inst.leading_department}",
            f"Leading department: {inst.leading_department}",
        )
    else:
        yield failed(
            INSTITUTION,
            inst.pk,
            inst.name,
            "未指定移动应用牵头管理部门",
            "No leading management department designated",
        )


REQUIRED_FIELDS = [
    ("managing_department", "管理部门", "managing department"),
    ("responsible_person", "责任人", "responsible person"),
    ("data_owner_department", "数据归属部门", "data-owner department"),
    ("platforms", "运行平台", "platforms"),
    ("business_lines", "业务条线", "business lines"),
    ("regions", "服务地区", "regions"),
]


@check("NFRA-02.1")
def ledger_complete(ctx, control):
    for app in ctx.live_apps:
        missing = [(zh, en) for field, zh, en in REQUIRED_FIELDS if getattr(app, field) in (None, "", [])]
        if "android" in app.platforms and not app.android_packages:
            missing.append(("安卓包名", "Android package name"))
        if "ios" in app.platforms and not app.ios_bundle_ids:
            missing.append(("iOS Bundle ID", "iOS bundle id"))
        if "harmonyos" in app.platforms and not app.harmony_bundle_names:
            missing.append(("鸿蒙包名", "HarmonyOS bundle name"))
        if app.kind == "mini_program" and not app.mini_program_appids:
            missing.append(("小程序AppID", "mini-program AppID"))
        if missing:
            yield failed(
                *_app(ctx, app),
                "台账字段不完整：" + "、".join(m[0] for m in missing),
                "Ledger fields missing: " + ", ".join(m[1] for m in missing),
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app), "台账必填字段完整", "Required ledger fields complete", [app_link(app)]
            )


@check("NFRA-02.2")
def admission(ctx, control):
    for app in ctx.live_apps:
        if app.state == LifecycleState.PROPOSED:
            yield not_applicable(
                *_app(ctx, app), "尚在拟建，未到准入环节", "Still proposed; admission not yet due"
            )
        elif app.pk in ctx.admitted_apps or "admission_review" in ctx.gate_evidence_by_app.get(app.pk, set()):
            yield passed(
                *_app(ctx, app),
                "已通过准入（有准入评审记录）",
                "Passed admission (admission review on record)",
                [app_link(app)],
            )
        else:
            yield failed(
                *_app(ctx, app),
                "未经准入即进入后续阶段：缺少准入评审记录",
                "Past admission without an admission review record",
                [app_link(app)],
            )


@check("NFRA-02.3")
def app_count(ctx, control):
    inst = ctx.institution
    count = len(ctx.live_apps)
    if inst.planned_app_ceiling is None:
        yield evidence_needed(
            INSTITUTION,
            inst.pk,
            inst.name,
            f"未设定移动应用数量规划上限（现有 {count} 个）",
            f"No planned ceiling for the number of apps ({count} now)",
        )
    elif count > inst.planned_app_ceiling:
        yield failed(
            INSTITUTION,
            inst.pk,
            inst.name,
            f"移动应用 {count} 个，超过规划上限 {inst.planned_app_ceiling} 个",
            f"{count} apps, above the planned ceiling of {inst.planned_app_ceiling}",
        )
    else:
        yield passed(
            INSTITUTION,
            inst.pk,
            inst.name,
            f"移动应用 {count} 个，未超过规划上限 {inst.planned_app_ceiling} 个",
            f"{count} apps, within the planned ceiling of {inst.planned_app_ceiling}",
        )


@check("NFRA-03.1")
def responsibility(ctx, control):
    for app in ctx.live_apps:
        person = app.responsible_person
        if not app.managing_department_id or person is None:
            yield failed(
                *_app(ctx, app),
                "未明确管理部门或责任人",
                "No managing department or responsible person",
                [app_link(app)],
            )
        elif not person.is_employed(ctx.today):
            yield failed(
                *_app(ctx, app),
                f"责任人{person.name}已于 {person.left_on} 离职",
                f"Responsible person {person.name} left on {person.left_on}",
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"管理部门：{app.managing_department}；责任人：{person.name}",
                f"Managing department {app.managing_department}; responsible person {person.name}",
                [app_link(app)],
            )


@check("NFRA-04.1")
def partner_contract(ctx, control):
    for app in ctx.live_apps:
        if not app.partner:
            yield not_applicable(*_app(ctx, app), "无第三方合作", "No third-party cooperation")
        elif app.partner_contract_ref:
            yield passed(
                *_app(ctx, app),
                f"与{app.partner}的合作协议：{app.partner_contract_ref}",
                f"Contract with {app.partner}: {app.partner_contract_ref}",
                [app_link(app)],
            )
        else:
            yield failed(
                *_app(ctx, app),
                f"与{app.partner}合作但未登记合作协议",
                f"Built with {app.partner} but no contract on record",
                [app_link(app)],
            )


@check("NFRA-05.2")
def licence_scope(ctx, control):
    inst = ctx.institution
    lines, regions = set(inst.licensed_business_lines), set(inst.licensed_regions)
    for app in ctx.live_apps:
        if not lines or not regions:
            yield evidence_needed(
                *_app(ctx, app),
                "机构未登记许可业务范围或经营地域，无法比对",
                "The institution's licensed business scope or regions are not recorded",
            )
            continue
        extra_lines = [b for b in app.business_lines if b not in lines]
        extra_regions = [r for r in app.regions if r not in regions and r not in ("全国",)]
        if extra_lines or extra_regions:
            zh = "超出许可范围：" + "、".join(
                [*(f"业务“{b}”" for b in extra_lines), *(f"地域“{r}”" for r in extra_regions)]
            )
            en = "Outside the licence: " + ", ".join([*extra_lines, *extra_regions])
            yield failed(*_app(ctx, app), zh, en, [app_link(app)])
        else:
            yield passed(
                *_app(ctx, app),
                "业务条线与服务地区均在许可范围内",
                "Business lines and regions within the licence",
                [app_link(app)],
            )


def _released_versions(ctx):
    for version in ctx.versions:
        app = ctx.app_by_id[version.app_id]
        if app.state == LifecycleState.RETIRED:
            continue
        listed = any(
            item.state == ListingState.LISTED for item in ctx.listings_by_version.get(version.pk, [])
        )
        yield version, app, listed


@check("NFRA-08.2")
def no_open_high(ctx, control):
    for version, app, listed in _released_versions(ctx):
        label = f"{app.name} {version.platform} {version.version_name}"
        if not (listed or version.release_date):
            yield not_applicable(VERSION, version.pk, label, "未发布的版本", "Not released")
            continue
        high = [
            v
            for v in ctx.open_vulnerabilities_by_version.get(version.pk, [])
            if v.severity in (Severity.HIGH, Severity.CRITICAL)
        ]
        if high:
            yield failed(
                VERSION,
                version.pk,
                label,
                f"已发布版本存在 {len(high)} 个未修复的高危漏洞：{high[0].title}",
                f"{len(high)} open high/critical vulnerabilities on a released version: {high[0].title}",
                [version_link(version)],
            )
        else:
            yield passed(
                VERSION,
                version.pk,
                label,
                "无未修复的高危漏洞",
                "No open high or critical vulnerabilities",
                [version_link(version)],
            )


@check("NFRA-08.5")
def accounts_held(ctx, control):
    for app in ctx.live_apps:
        accounts = ctx.accounts_by_app.get(app.pk, [])
        if app.pk not in ctx.active_listing_apps and not accounts:
            yield not_applicable(*_app(ctx, app), "未在任何渠道上架", "Not listed on any channel")
        elif not accounts:
            yield evidence_needed(
                *_app(ctx, app),
                "已上架但未登记发布账号及持有人",
                "Listed but no publishing accounts recorded",
                [app_link(app)],
            )
        else:
            foreign = [a for a in accounts if a.holder != AccountHolder.INSTITUTION]
            if foreign:
                yield failed(
                    *_app(ctx, app),
                    "发布账号未由本机构掌握："
                    + "、".join(
                        f"{a.channel.name}（{a.holder_name or a.get_holder_display()}）" for a in foreign
                    ),
                    "Publishing accounts not held by the institution: "
                    + ", ".join(a.channel.name for a in foreign),
                    [app_link(app)],
                )
            else:
                yield passed(
                    *_app(ctx, app),
                    f"{len(accounts)} 个发布账号均由本机构掌握",
                    f"All {len(accounts)} publishing accounts held by the institution",
                    [app_link(app)],
                )


@check("NFRA-09.3")
def old_versions(ctx, control):
    for version, app, listed in _released_versions(ctx):
        label = f"{app.name} {version.platform} {version.version_name}"
        unsupported = version.support_status != SupportStatus.SUPPORTED or (
            version.support_ends_on is not None and version.support_ends_on < ctx.today
        )
        if unsupported and listed:
            yield failed(
                VERSION,
                version.pk,
                label,
                "已停止维护的版本仍在渠道上架",
                "An unsupported version is still listed",
                [version_link(version)],
            )
        elif unsupported:
            yield passed(
                VERSION,
                version.pk,
                label,
                "已停止维护且已下架",
                "Unsupported and taken down",
                [version_link(version)],
            )
        else:
            yield passed(VERSION, version.pk, label, "在维护期内", "Supported", [version_link(version)])


EXIT_ITEMS = [
    ("exit_risk_assessment", "退出风险评估"),
    ("data_migration", "数据迁移"),
    ("privacy_handling", "个人信息处理"),
    ("user_notice", "用户告知"),
]


@check("NFRA-09.4")
def termination(ctx, control):
    for app in ctx.apps:
        if app.state not in (LifecycleState.RETIRING, LifecycleState.RETIRED):
            if app.state != LifecycleState.RETIRED:
                yield not_applicable(*_app(ctx, app), "未进入退出流程", "Not being retired")
            continue
        items = ctx.gate_evidence_by_app.get(app.pk, set())
        missing = [zh for key, zh in EXIT_ITEMS if key not in items]
        still_listed = app.pk in ctx.active_listing_apps
        if app.state == LifecycleState.RETIRED and (missing or still_listed):
            reasons = missing + (["仍有渠道上架"] if still_listed else [])
            yield failed(
                *_app(ctx, app),
                "已退出但未完成：" + "、".join(reasons),
                "Retired without: " + ", ".join(reasons),
                [app_link(app)],
            )
        elif missing or still_listed:
            reasons = missing + (["仍有渠道上架"] if still_listed else [])
            yield evidence_needed(
                *_app(ctx, app),
                "退出进行中，待完成：" + "、".join(reasons),
                "Retirement in progress; pending: " + ", ".join(reasons),
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                "退出事项均已完成并已全部下架",
                "Exit steps done and taken down everywhere",
                [app_link(app)],
            )


@check("NFRA-11.1")
def filings(ctx, control):
    for app in ctx.live_apps:
        if app.state not in LIVE and app.pk not in ctx.active_listing_apps:
            yield not_applicable(*_app(ctx, app), "尚未上线", "Not live yet")
        elif not app.app_filing_no:
            yield failed(
                *_app(ctx, app), "已上线但缺少APP备案号", "Live without an app filing number", [app_link(app)]
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"备案号：{app.app_filing_no}",
                f"Filing number {app.app_filing_no}",
                [app_link(app)],
            )


@check("NFRA-11.2")
def change_reports(ctx, control):
    for version, app, listed in _released_versions(ctx):
        label = f"{app.name} {version.platform} {version.version_name}"
        if not app.is_important_system:
            yield not_applicable(
                VERSION, version.pk, label, "非重要信息系统", "Not an important information system"
            )
        elif not (listed or version.release_date):
            yield not_applicable(VERSION, version.pk, label, "未投产", "Not in production")
        elif version.change_report_ref:
            yield passed(
                VERSION,
                version.pk,
                label,
                f"投产变更已报告：{version.change_report_ref}",
                f"Change reported: {version.change_report_ref}",
                [version_link(version)],
            )
        else:
            yield failed(
                VERSION,
                version.pk,
                label,
                "重要信息系统投产变更未向监管报告",
                "Production change of an important system not reported",
                [version_link(version)],
            )


@check("NFRA-12.1")
def mlps(ctx, control):
    for app in ctx.live_apps:
        if app.mlps_level is None:
            yield evidence_needed(
                *_app(ctx, app),
                "未登记等级保护级别及测评日期",
                "MLPS level and assessment not recorded",
                [app_link(app)],
            )
            continue
        cycle = MLPS_CYCLE_DAYS[app.mlps_level]
        if app.mlps_assessed_on is None:
            yield failed(
                *_app(ctx, app),
                f"等保{app.mlps_level}级但无测评记录",
                f"MLPS level {app.mlps_level} without an assessment",
                [app_link(app)],
            )
        elif (ctx.today - app.mlps_assessed_on).days > cycle:
            due = app.mlps_assessed_on + datetime.timedelta(days=cycle)
            yield failed(
                *_app(ctx, app),
                f"等保测评已过期（上次 {app.mlps_assessed_on}，应于 {due} 前复测）",
                f"MLPS assessment expired (last {app.mlps_assessed_on}, due by {due})",
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"等保{app.mlps_level}级，测评于 {app.mlps_assessed_on}",
                f"MLPS level {app.mlps_level}, assessed {app.mlps_assessed_on}",
                [app_link(app)],
            )


@check("NFRA-13.1")
def data_owner(ctx, control):
    for app in ctx.live_apps:
        dept = app.data_owner_department
        if dept is None:
            yield failed(*_app(ctx, app), "未明确数据归属部门", "No data-owner department", [app_link(app)])
        elif dept.kind not in BUSINESS_KINDS:
            yield failed(
                *_app(ctx, app),
                f"数据归属部门“{dept.name}”不是业务部门（谁管业务、谁管业务数据）",
                f"Data owner {dept.name} is not a business department",
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app), f"数据归属部门：{dept.name}", f"Data owner: {dept.name}", [app_link(app)]
            )


@check("NFRA-16.2")
def privacy_notice(ctx, control):
    for app in ctx.live_apps:
        if app.state not in LIVE:
            yield not_applicable(*_app(ctx, app), "尚未上线", "Not live yet")
        elif app.audience == "internal" and app.privacy_policy_url:
            yield passed(
                *_app(ctx, app),
                "内部应用，已提供隐私政策",
                "Internal app with a privacy policy",
                [app_link(app)],
            )
        else:
            missing = [
                zh
                for field, zh in (("privacy_policy_url", "隐私政策"), ("complaint_channel", "投诉渠道"))
                if not getattr(app, field)
            ]
            if missing:
                yield failed(
                    *_app(ctx, app),
                    "未公开：" + "、".join(missing),
                    "Not published: " + ", ".join(missing),
                    [app_link(app)],
                )
            else:
                yield passed(
                    *_app(ctx, app),
                    "隐私政策与投诉渠道已公开",
                    "Privacy policy and complaint channel published",
                    [app_link(app)],
                )


@check("NFRA-08.4")
def release_gate(ctx, control):
    for app in ctx.live_apps:
        if app.state not in LIVE:
            yield not_applicable(*_app(ctx, app), "尚未发布", "Not released yet")
            continue
        items = ctx.gate_evidence_by_app.get(app.pk, set())
        missing = [
            zh
            for key, zh in (("test_report", "安全测试报告"), ("compliance_review", "合规审查"))
            if key not in items
        ]
        if missing:
            yield failed(
                *_app(ctx, app),
                "发布前缺少：" + "、".join(missing),
                "Released without: " + ", ".join(missing),
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app), "发布关口材料齐全", "Release gate records complete", [app_link(app)]
            )
