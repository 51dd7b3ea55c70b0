"""Compliance checks judged from the ledger's own data (registered in the compliance check registry)."""

from functools import cache
from importlib import resources

import yaml
from django.utils import timezone

from appgov.core.controls.periods import add_months
from appgov.core.controls.registry import SubjectType, check, evidence_needed, failed, not_applicable, passed

from .facts import app_link, version_link
from .models import AppVersion, GateEvidence
from .models.choices import (
    AccountHolder,
    AppKind,
    Audience,
    LifecycleState,
    ListingState,
    Severity,
    SupportStatus,
    platform_zh,
)

APP = SubjectType.APP
VERSION = SubjectType.APP_VERSION
INSTITUTION = SubjectType.INSTITUTION
LIVE = {LifecycleState.RELEASED, LifecycleState.IN_OPERATION, LifecycleState.RETIRING}
BUSINESS_KINDS = {"business", "branch"}
NATIONWIDE = "全国"
# 移动互联网应用程序备案 (工业和信息化部关于开展移动互联网应用程序备案工作的通知, 工信部信管〔2023〕105号,
# 2023-07-21) covers APPs, mini-programs and quick apps; an official account is the platform's content, not in scope.
APP_FILING_KINDS = {AppKind.APP, AppKind.MINI_PROGRAM, AppKind.QUICK_APP}
# 互联网信息服务备案 (《互联网信息服务管理办法》, 国务院令第292号, 2000-09-25): the service's own domain.
ICP_FILING_KINDS = {AppKind.APP, AppKind.MINI_PROGRAM, AppKind.QUICK_APP}
RELEASE_GATE_ITEMS = (
    ("test_report", "安全测试报告", "security test report"),
    ("compliance_review", "合规审查", "compliance review"),
)


@cache
def mlps_cycles() -> dict[int, dict]:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath("mlps_cycles.yaml").read_text(encoding="utf-8")
    )
    return {
        int(level): {"months": int(v["months"]), "basis": v["basis"]} for level, v in raw["levels"].items()
    }


def _gate_rows(ctx) -> dict:
    """app id -> [(item, version id, dated_on)] of its gate evidence, loaded once per evaluation."""
    rows = getattr(ctx, "_gate_rows", None)
    if rows is None:
        rows = ctx._gate_rows = {}
        for app_id, item, version_id, dated_on in GateEvidence.counting.filter(
            app__institution=ctx.institution
        ).values_list("app_id", "item", "version_id", "dated_on"):
            rows.setdefault(app_id, []).append((item, version_id, dated_on))
    return rows


def _covers(version, version_id, dated_on) -> bool:
    """Gate evidence counts for a version it names, or, unnamed, when dated on or after the version's build."""
    if version_id is not None:
        return version_id == version.pk
    return dated_on is not None and dated_on >= timezone.localdate(version.created_at)


def _release_items(ctx, version) -> set:
    return {
        item for item, vid, dated in _gate_rows(ctx).get(version.app_id, []) if _covers(version, vid, dated)
    }


def _scanned_versions(ctx) -> set:
    found = getattr(ctx, "_scanned_versions", None)
    if found is None:
        found = ctx._scanned_versions = set(
            AppVersion.objects.filter(app__institution=ctx.institution, scans__status="done").values_list(
                "pk", flat=True
            )
        )
    return found


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
        # Every served region is compared, 全国 included: a regional licence does not cover a nationwide app
        # unless the basis for serving nationwide is recorded.
        extra_regions = [
            r
            for r in app.regions
            if r not in regions
            and NATIONWIDE not in regions
            and not (r == NATIONWIDE and app.nationwide_basis)
        ]
        if extra_lines or extra_regions:
            zh = "超出许可范围：" + "、".join(
                [*(f"业务“{b}”" for b in extra_lines), *(f"地域“{r}”" for r in extra_regions)]
            )
            if NATIONWIDE in extra_regions:
                zh += "（面向全国服务须登记许可的业务依据）"
            en = "Outside the licence: " + ", ".join([*extra_lines, *extra_regions])
            yield failed(*_app(ctx, app), zh, en, [app_link(app)])
        elif NATIONWIDE in app.regions and NATIONWIDE not in regions:
            yield passed(
                *_app(ctx, app),
                f"面向全国服务，依据：{app.nationwide_basis}；业务条线在许可范围内",
                f"Serves nationwide on the recorded basis: {app.nationwide_basis}",
                [app_link(app)],
            )
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
        label = f"{app.name} {platform_zh(version.platform)} {version.version_name}"
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
        elif version.pk not in _scanned_versions(ctx) and "test_report" not in _release_items(ctx, version):
            yield evidence_needed(
                VERSION,
                version.pk,
                label,
                "已发布版本从未测试（无安全扫描、无该版本的测试报告），不能认定没有高危漏洞",
                "A released version that was never tested (no scan, no test report for it) cannot be called free "
                "of open high vulnerabilities",
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
        label = f"{app.name} {platform_zh(version.platform)} {version.version_name}"
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
    """Both filings, each for the kinds and distribution it covers: APP filing (APPs, mini-programs, quick apps
    offered to the public) and ICP filing of the service; official accounts and internal-only apps are out."""
    for app in ctx.live_apps:
        if app.state not in LIVE and app.pk not in ctx.active_listing_apps:
            yield not_applicable(*_app(ctx, app), "尚未上线", "Not live yet")
            continue
        if app.audience == Audience.INTERNAL:
            yield not_applicable(
                *_app(ctx, app),
                "仅供内部员工使用、不向公众提供，不属于APP备案和互联网信息服务备案范围",
                "Internal-only app, not offered to the public: outside both filings",
            )
            continue
        needs = []
        if app.kind in APP_FILING_KINDS:
            needs.append(("app_filing_no", "APP备案号", "app filing number"))
        if app.kind in ICP_FILING_KINDS:
            needs.append(("icp_filing_no", "ICP备案号", "ICP filing number"))
        if not needs:
            yield not_applicable(
                *_app(ctx, app),
                f"{app.get_kind_display()}不属于APP备案范围（由平台备案）",
                f"{app.get_kind_display()} is outside the app filing scope",
            )
            continue
        missing = [(zh, en) for field, zh, en in needs if not getattr(app, field)]
        if missing:
            yield failed(
                *_app(ctx, app),
                "已上线但缺少" + "、".join(m[0] for m in missing),
                "Live without " + " and ".join(m[1] for m in missing),
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                "；".join(f"{zh}：{getattr(app, field)}" for field, zh, _en in needs),
                "; ".join(f"{en} {getattr(app, field)}" for field, _zh, en in needs),
                [app_link(app)],
            )


@check("NFRA-11.2")
def change_reports(ctx, control):
    for version, app, listed in _released_versions(ctx):
        label = f"{app.name} {platform_zh(version.platform)} {version.version_name}"
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
        cycle = mlps_cycles()[app.mlps_level]
        if app.mlps_assessed_on is None:
            yield failed(
                *_app(ctx, app),
                f"等保{app.mlps_level}级但无测评记录",
                f"MLPS level {app.mlps_level} without an assessment",
                [app_link(app)],
            )
        elif ctx.today > (due := add_months(app.mlps_assessed_on, cycle["months"])):
            yield failed(
                *_app(ctx, app),
                f"等保测评已过期（上次 {app.mlps_assessed_on}，应于 {due} 前复测；周期依据：{cycle['basis']}）",
                f"MLPS assessment expired (last {app.mlps_assessed_on}, due by {due}; cycle basis: {cycle['basis']})",
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"等保{app.mlps_level}级，测评于 {app.mlps_assessed_on}，下次应于 {due} 前（周期依据：{cycle['basis']}）",
                f"MLPS level {app.mlps_level}, assessed {app.mlps_assessed_on}, next by {due}",
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


def _release_day(ctx, version):
    """The day a version went out: its release date, else its first listing."""
    listed = [item.listed_on for item in ctx.listings_by_version.get(version.pk, []) if item.listed_on]
    return version.release_date or min(listed, default=None)


@check("NFRA-16.2")
def privacy_notice(ctx, control):
    """Per app: every released version has its own privacy notice, in force from no earlier than that release
    (a notice older than the release cannot describe what the release collects); apps for the public also
    need a complaint channel."""
    for app in ctx.live_apps:
        if app.state not in LIVE:
            yield not_applicable(*_app(ctx, app), "尚未上线", "Not live yet")
            continue
        problems_zh, problems_en = [], []
        if app.audience != Audience.INTERNAL and not app.complaint_channel:
            problems_zh.append("未公布投诉渠道")
            problems_en.append("no complaint channel")
        released = [(v, listed) for v, a, listed in _released_versions(ctx) if a.pk == app.pk]
        released = [v for v, listed in released if listed or v.release_date]
        for version in released:
            name = f"{platform_zh(version.platform)} {version.version_name}"
            released_on = _release_day(ctx, version)
            if not (version.privacy_notice_url and version.privacy_notice_effective_on):
                problems_zh.append(f"{name} 未登记该版本的隐私政策及生效日期")
                problems_en.append(f"{name}: no privacy notice for this version")
            elif released_on and version.privacy_notice_effective_on < released_on:
                problems_zh.append(
                    f"{name} 的隐私政策生效于 {version.privacy_notice_effective_on}，早于该版本发布（{released_on}）"
                )
                problems_en.append(f"{name}: privacy notice older than the release")
        if problems_zh:
            yield failed(
                *_app(ctx, app), "；".join(problems_zh[:6]), "; ".join(problems_en[:6]), [app_link(app)]
            )
        elif not released:
            yield evidence_needed(
                *_app(ctx, app),
                "已上线但未登记已发布版本，无法核对各版本的隐私政策",
                "Live but no released version recorded; privacy notices per version cannot be checked",
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"{len(released)} 个已发布版本均有当期隐私政策"
                + ("" if app.audience == Audience.INTERNAL else "，投诉渠道已公布"),
                f"Each of the {len(released)} released versions has its own privacy notice",
                [app_link(app)],
            )


@check("NFRA-08.4")
def release_gate(ctx, control):
    """Per app: each released version has its own test report and compliance review (evidence naming the
    version, or dated on or after its build); the first release's report does not cover later ones."""
    for app in ctx.live_apps:
        if app.state not in LIVE:
            yield not_applicable(*_app(ctx, app), "尚未发布", "Not released yet")
            continue
        released = [
            v for v, a, listed in _released_versions(ctx) if a.pk == app.pk and (listed or v.release_date)
        ]
        if not released:
            yield evidence_needed(
                *_app(ctx, app),
                "已发布但未登记发布的版本，无法核对发布关口材料",
                "Released but no released version recorded; release-gate records cannot be checked",
                [app_link(app)],
            )
            continue
        gaps_zh, gaps_en = [], []
        for version in released:
            items = _release_items(ctx, version)
            missing = [(zh, en) for key, zh, en in RELEASE_GATE_ITEMS if key not in items]
            if missing:
                name = f"{platform_zh(version.platform)} {version.version_name}"
                gaps_zh.append(f"{name} 缺少" + "、".join(m[0] for m in missing))
                gaps_en.append(f"{name} without " + " and ".join(m[1] for m in missing))
        if gaps_zh:
            yield failed(
                *_app(ctx, app),
                "发布前缺少本版本的材料：" + "；".join(gaps_zh[:6]),
                "Released without records for that version: " + "; ".join(gaps_en[:6]),
                [app_link(app)],
            )
        else:
            yield passed(
                *_app(ctx, app),
                f"{len(released)} 个已发布版本的发布关口材料齐全",
                f"Release-gate records complete for each of the {len(released)} released versions",
                [app_link(app)],
            )
