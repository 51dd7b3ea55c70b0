"""PBC102 controls judged from the credit module's records (one result per connected institution, and per
app for PBC102-03.3). An institution with no credit-system data at all is judged on evidence, as before."""

import datetime
from collections import Counter

from appgov.core.controls.registry import SubjectType, check, failed, passed
from appgov.core.controls.registry import judge_on_evidence as evidence_check

from . import services
from .models import (
    AccessReview,
    AccountChange,
    Alert,
    BulkDataRequest,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    LeadingGroup,
    ReviewDay,
    SecurityReport,
)
from .policy import policy, role_templates

CS = SubjectType.CREDIT_SYSTEM


def _data(ctx):
    """Everything the checks read, loaded once per evaluation."""
    data = getattr(ctx, "_credit_data", None)
    if data is None:
        inst = ctx.institution
        since = ctx.today - datetime.timedelta(days=policy()["alert_window_days"])
        data = {
            "accounts": list(
                CreditAccount.objects.filter(institution=inst).select_related("person__department")
            ),
            "changes": list(AccountChange.objects.filter(account__institution=inst)),
            "alerts": list(
                Alert.objects.filter(institution=inst, ts__date__gte=since).values(
                    "rule_id", "reason", "disposition", "operator_id"
                )
            ),
            "review_days": list(ReviewDay.objects.filter(institution=inst)),
            "group": LeadingGroup.objects.filter(institution=inst)
            .select_related("first_responsible")
            .first(),
            "reports": list(SecurityReport.objects.filter(institution=inst)),
            "kiosks": list(
                Kiosk.objects.filter(institution=inst, in_service=True).prefetch_related("purges")
            ),
            "bulk": list(BulkDataRequest.objects.filter(institution=inst)),
            "dissents": list(DissentCase.objects.filter(institution=inst)),
            "complaints": list(Complaint.objects.filter(institution=inst)),
            "reviews": list(AccessReview.objects.filter(institution=inst)),
            "connections": list(CreditAppConnection.objects.filter(app__institution=inst)),
        }
        data["in_use"] = bool(data["accounts"] or data["review_days"])
        ctx._credit_data = data
    return data


def _subject(ctx):
    return CS, ctx.institution.pk, ctx.institution.name


def _join(items, sep="；", limit=5):
    items = list(items)
    more = f" 等 {len(items)} 项" if len(items) > limit else ""
    return sep.join(items[:limit]) + more


def _credit_check(control_id, needs_use=True):
    """Register a check; without credit-system records it falls back to evidence."""

    def decorator(func):
        def run(ctx, control):
            if needs_use and not _data(ctx)["in_use"]:
                yield from evidence_check(ctx, control)
                return
            yield from func(ctx, control, _data(ctx))

        run.__name__ = func.__name__
        return check(control_id)(run)

    return decorator


@_credit_check("PBC102-01")
def leading_group(ctx, control, data):
    group = data["group"]
    if group is None:
        yield failed(
            *_subject(ctx),
            "未登记征信信息安全工作领导小组及第一责任人",
            "No leading group or first responsible person recorded",
        )
        return
    person = group.first_responsible
    if not person.is_employed(ctx.today):
        yield failed(
            *_subject(ctx),
            f"第一责任人 {person} 已离职，需重新明确",
            f"The first responsible person {person} has left; designate a new one",
        )
        return
    yield passed(
        *_subject(ctx),
        f"领导小组已成立（{group.document_reference}），第一责任人：{person}（{group.first_responsible_title}）",
        f"Leading group established ({group.document_reference}); first responsible: {person}",
    )


@_credit_check("PBC102-02.1")
def changes_approved(ctx, control, data):
    applied = {
        c.account_id
        for c in data["changes"]
        if c.status == AccountChange.Status.APPLIED and c.action == "create"
    }
    unapproved = [
        a.operator_id for a in data["accounts"] if a.status in ("active", "disabled") and a.pk not in applied
    ]
    self_approved = [
        c.account_id
        for c in data["changes"]
        if c.status == AccountChange.Status.APPLIED and c.decided_by_id == c.requested_by_id
    ]
    if unapproved or self_approved:
        yield failed(
            *_subject(ctx),
            f"账户未经审批创建：{_join(unapproved) or '无'}；自批变更 {len(self_approved)} 笔",
            f"Accounts without an approved creation: {', '.join(unapproved) or 'none'}; self-approved changes: {len(self_approved)}",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"{len(data['accounts'])} 个征信用户的创建、停用、启用均经他人审批",
            f"Every creation, disabling and re-enabling of {len(data['accounts'])} accounts was approved by another person",
        )


@_credit_check("PBC102-02.2")
def least_privilege(ctx, control, data):
    templates = role_templates()
    bad = []
    for a in data["accounts"]:
        if a.status != "active":
            continue
        template = templates.get(a.role)
        kind = a.person.department.kind if a.person.department_id else None
        if template is None or kind not in template["department_kinds"]:
            bad.append(f"{a.operator_id}（{a.role}）")
    overdue = [r for r in data["reviews"] if r.signed_off_at is None and r.due_on < ctx.today]
    signed = [r for r in data["reviews"] if r.signed_off_at]
    last = max((r.signed_off_at.date() for r in signed), default=None)
    stale = last is None or (ctx.today - last).days > policy()["access_review_days"]
    if bad or overdue or stale:
        zh = []
        if bad:
            zh.append(f"权限超出角色模板：{_join(bad, '、')}")
        if overdue:
            zh.append(f"权限复核逾期未签署：{overdue[0].title}")
        if stale:
            zh.append(
                f"最近一次权限复核签署于 {last}，已超过 {policy()['access_review_days']} 天"
                if last
                else "尚无已签署的征信用户权限复核"
            )
        yield failed(
            *_subject(ctx),
            "；".join(zh),
            f"Out-of-template roles: {len(bad)}; overdue reviews: {len(overdue)}; last signed review: {last or 'never'}",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"账户权限符合角色模板，最近一次权限复核签署于 {last}",
            f"Roles match templates; last access review signed on {last}",
        )


@_credit_check("PBC102-02.3")
def no_shared_or_stale_accounts(ctx, control, data):
    found = services.account_exceptions(ctx.institution, ctx.today)
    if found:
        yield failed(
            *_subject(ctx),
            "存在共用账户或离岗人员仍持有启用账户：" + _join(f["zh"] for f in found),
            "Shared accounts or leavers/movers with active accounts: "
            + "; ".join(f["en"] for f in found[:5]),
        )
    else:
        active = sum(a.status == "active" for a in data["accounts"])
        yield passed(
            *_subject(ctx),
            f"{active} 个启用账户均为在岗本人专用，近期无共用告警",
            f"{active} active accounts, each held by a serving person; no shared-use alerts",
        )


@_credit_check("PBC102-02.4")
def password_age(ctx, control, data):
    limit = policy()["password_max_age_days"]
    stale = []
    for a in data["accounts"]:
        if a.status != "active":
            continue
        if a.password_changed_at is None or (ctx.today - a.password_changed_at.date()).days > limit:
            stale.append(a.operator_id)
    if stale:
        yield failed(
            *_subject(ctx),
            f"{len(stale)} 个账户密码超过 {limit} 天未更换：{_join(stale, '、')}",
            f"{len(stale)} passwords older than {limit} days",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"启用账户密码均在 {limit} 天内更换",
            f"Every active password changed within {limit} days",
        )


def _alert_check(control_id, rules, what_zh, what_en):
    @_credit_check(control_id)
    def run(ctx, control, data):
        if not data["review_days"]:
            yield from evidence_check(ctx, control)
            return
        hits = [a for a in data["alerts"] if a["rule_id"] in rules]
        confirmed = [a for a in hits if a["disposition"] in ("confirmed", "escalated")]
        pending = [a for a in hits if a["disposition"] == "open"]
        days = policy()["alert_window_days"]
        if confirmed:
            by_rule = Counter(a["rule_id"] for a in confirmed)
            yield failed(
                *_subject(ctx),
                f"近 {days} 天{what_zh}：已确认违规 {len(confirmed)} 笔（{'、'.join(f'{k} {v}' for k, v in sorted(by_rule.items()))}）",
                f"Last {days} days, {what_en}: {len(confirmed)} confirmed violations",
            )
        elif pending:
            yield failed(
                *_subject(ctx),
                f"近 {days} 天{what_zh}：{len(pending)} 笔告警尚未核查",
                f"Last {days} days, {what_en}: {len(pending)} alerts not yet reviewed",
            )
        else:
            yield passed(
                *_subject(ctx),
                f"近 {days} 天{what_zh}：无已确认违规"
                + (f"（告警 {len(hits)} 笔均已核查为误报）" if hits else "（无告警）"),
                f"Last {days} days, {what_en}: no confirmed violation ({len(hits)} alerts reviewed as false positives)",
            )

    run.__name__ = f"alerts_{control_id.replace('-', '_').replace('.', '_')}"
    return run


_alert_check("PBC102-03.1", {"Q01", "Q02", "Q03"}, "无授权查询监测", "queries without authorisation")
_alert_check("PBC102-03.2", {"Q10"}, "内部人员查询监测", "staff queries")
_alert_check(
    "PBC102-02.5",
    {"Q05", "Q06", "Q07", "Q08", "Q09", "Q11", "Q12", "Q13"},
    "用户操作实时监控",
    "user monitoring",
)


@check("PBC102-03.3")
def app_connections(ctx, control):
    data = _data(ctx)
    by_app = {}
    for c in data["connections"]:
        by_app.setdefault(c.app_id, []).append(c)
    q04 = Counter()
    since = ctx.today - datetime.timedelta(days=policy()["alert_window_days"])
    for client_id in (
        Alert.objects.filter(institution=ctx.institution, rule_id="Q04", ts__date__gte=since)
        .exclude(disposition=Alert.Disposition.FALSE_POSITIVE)
        .values_list("details__client_app_id", flat=True)
    ):
        q04[client_id] += 1
    fallback = []
    for subject_type, subject_id, label, _app in ctx.subjects(SubjectType.APP):
        conns = by_app.get(subject_id)
        if not conns:
            fallback.append(subject_id)
            continue
        bad = [c for c in conns if not c.approved_on(ctx.today)]
        flagged = [c for c in conns if q04.get(c.client_app_id)]
        if bad or flagged:
            yield failed(
                subject_type,
                subject_id,
                label,
                "接入征信系统但无有效授权认可："
                + "、".join(c.client_app_id for c in bad or flagged)
                + (
                    f"；近期未认可接入告警 {sum(q04[c.client_app_id] for c in flagged)} 笔" if flagged else ""
                ),
                "Connected to the credit system without a current approval: "
                + ", ".join(c.client_app_id for c in bad or flagged),
            )
        else:
            yield passed(
                subject_type,
                subject_id,
                label,
                "接入征信系统已获授权认可："
                + "、".join(f"{c.client_app_id}（{c.approval_reference}）" for c in conns),
                "Approved to connect: " + ", ".join(c.client_app_id for c in conns),
            )
    for result in evidence_check(ctx, control):
        if result.subject_id in fallback:
            yield result


@_credit_check("PBC102-04", needs_use=False)
def bulk_data(ctx, control, data):
    if not data["bulk"]:
        yield from evidence_check(ctx, control)
        return
    late = [b.reference for b in data["bulk"] if b.past_retention(ctx.today)]
    unapproved = [
        b.reference for b in data["bulk"] if b.status in ("extracted", "destroyed") and not b.approved_by_id
    ]
    if late or unapproved:
        yield failed(
            *_subject(ctx),
            "；".join(
                x
                for x in (
                    f"超过留存期限未销毁（无销毁证明）：{_join(late, '、')}" if late else "",
                    f"未经审批即抽取：{_join(unapproved, '、')}" if unapproved else "",
                )
                if x
            ),
            f"Past retention without destruction certificate: {', '.join(late) or 'none'}; unapproved: {', '.join(unapproved) or 'none'}",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"{len(data['bulk'])} 笔批量数据均经审批，到期数据已销毁并有证明",
            f"{len(data['bulk'])} bulk requests approved; expired data destroyed with certificates",
        )


@_credit_check("PBC102-05", needs_use=False)
def kiosks(ctx, control, data):
    if not data["kiosks"]:
        yield from evidence_check(ctx, control)
        return
    problems = []
    limit = policy()["kiosk_purge_days"]
    for k in data["kiosks"]:
        gaps = [zh for zh, _en in k.missing()]
        last = max((p.purged_on for p in k.purges.all()), default=None)
        if last is None or (ctx.today - last).days > limit:
            gaps.append(f"设备信息清理（上次：{last or '无'}）")
        if gaps:
            problems.append(f"{k.terminal_id} 缺少{'、'.join(gaps)}")
    if problems:
        yield failed(
            *_subject(ctx),
            "自助查询机台账不完整：" + _join(problems),
            f"Kiosk register incomplete for {len(problems)} kiosks",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"{len(data['kiosks'])} 台自助查询机台账完整，{limit} 天内均已清理",
            f"{len(data['kiosks'])} kiosks complete and purged within {limit} days",
        )


@_credit_check("PBC102-06.1")
def daily_review(ctx, control, data):
    if not data["review_days"]:
        yield from evidence_check(ctx, control)
        return
    overdue = [rd for rd in data["review_days"] if rd.is_overdue(ctx.today)]
    if overdue:
        labels = sorted({f"{rd.day} {rd.branch_code}" for rd in overdue})
        yield failed(
            *_subject(ctx),
            f"{len(overdue)} 个日核查工作单逾期未完成：{_join(labels, '、')}",
            f"{len(overdue)} daily reviews overdue: {', '.join(labels[:5])}",
        )
    else:
        last = max(rd.day for rd in data["review_days"])
        yield passed(
            *_subject(ctx), f"日核查按日完成（最近：{last}）", f"Daily reviews done on time (latest: {last})"
        )


@_credit_check("PBC102-06.2")
def alert_handling(ctx, control, data):
    if not data["review_days"]:
        yield from evidence_check(ctx, control)
        return
    hits = data["alerts"]
    decided = [a for a in hits if a["disposition"] != "open"]
    overdue = [rd for rd in data["review_days"] if rd.is_overdue(ctx.today)]
    if overdue:
        yield failed(
            *_subject(ctx),
            f"异常查询告警未按时处置（{len(overdue)} 个逾期工作单）",
            f"Alerts not handled on time ({len(overdue)} overdue worklists)",
        )
    else:
        yield passed(
            *_subject(ctx),
            f"近 {policy()['alert_window_days']} 天告警 {len(hits)} 笔，已处置 {len(decided)} 笔，规则指标可用于调优",
            f"{len(hits)} alerts in the window, {len(decided)} handled; rule metrics available for tuning",
        )


@_credit_check("PBC102-07.1", needs_use=False)
def dissents(ctx, control, data):
    if not data["dissents"]:
        yield from evidence_check(ctx, control)
        return
    late = [d for d in data["dissents"] if d.is_overdue(ctx.today)]
    if late:
        yield failed(
            *_subject(ctx),
            f"{len(late)} 件异议超过20日法定时限："
            + _join(f"{d.reference}（{d.received_on} 受理，期限 {d.deadline}）" for d in late),
            f"{len(late)} dissents past the 20-day limit: " + ", ".join(d.reference for d in late[:5]),
        )
    else:
        yield passed(
            *_subject(ctx),
            f"{len(data['dissents'])} 件异议均在20日内办理",
            f"All {len(data['dissents'])} dissents within 20 days",
        )


@_credit_check("PBC102-07.2", needs_use=False)
def complaints(ctx, control, data):
    if not data["complaints"]:
        yield from evidence_check(ctx, control)
        return
    late = [c for c in data["complaints"] if c.is_overdue(ctx.today)]
    if late:
        yield failed(
            *_subject(ctx),
            f"{len(late)} 件投诉未及时办理：{_join((c.reference for c in late), '、')}",
            f"{len(late)} complaints late",
        )
    else:
        leads = sum(c.security_lead for c in data["complaints"]) + sum(
            d.security_lead for d in data["dissents"]
        )
        yield passed(
            *_subject(ctx),
            f"投诉均及时办理；{leads} 件异议或投诉已作为安全排查线索",
            f"Complaints on time; {leads} used as security leads",
        )


@_credit_check("PBC102-08", needs_use=False)
def reports(ctx, control, data):
    if not data["reports"]:
        yield from evidence_check(ctx, control)
        return
    latest = {}
    for r in data["reports"]:
        if r.submitted_on <= ctx.today:
            latest[r.kind] = max(latest.get(r.kind, r.submitted_on), r.submitted_on)
    missing = []
    labels = dict(SecurityReport.Kind.choices)
    if SecurityReport.Kind.RULES_FILING not in latest:
        missing.append(("内控及问责制度报备", str(labels[SecurityReport.Kind.RULES_FILING])))
    for kind, key, zh in (
        (SecurityReport.Kind.STATUS_REPORT, "status_report_days", "年度征信信息安全情况报告"),
        (SecurityReport.Kind.SELF_INSPECTION, "self_inspection_days", "合规与信息安全自查自纠报告"),
    ):
        last = latest.get(kind)
        if last is None or (ctx.today - last).days > policy()[key]:
            missing.append((f"{zh}（上次：{last or '无'}）", str(labels[kind])))
    if missing:
        yield failed(
            *_subject(ctx),
            "缺少或逾期：" + "；".join(m[0] for m in missing),
            "Missing or overdue: " + "; ".join(m[1] for m in missing),
        )
    else:
        yield passed(
            *_subject(ctx),
            f"制度已报备；情况报告 {latest[SecurityReport.Kind.STATUS_REPORT]}、自查报告 {latest[SecurityReport.Kind.SELF_INSPECTION]} 均在一年内",
            "Rules filed; status and self-inspection reports within the year",
        )
