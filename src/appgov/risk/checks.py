"""Controls judged from the risk module's records, instead of from uploaded evidence alone:
NFRA-13.2, 15.1, 15.2, 16.3, 17.1–17.4, 05.4, 03.2, 07.1, 07.3.

A subject the module holds no record of is judged on evidence as before (judge_on_evidence); where records
exist but a fact is missing the result is "evidence needed" naming it, never a pass.
"""

import datetime

from django.utils import timezone

from appgov.core.controls.periods import add_months, next_due
from appgov.core.controls.registry import (
    SubjectType,
    check,
    evidence_needed,
    failed,
    judge_on_evidence,
    passed,
)

from . import policy
from .dossier_rules import coverage_gaps, development_gaps
from .facts import risk_data
from .models.assessments import DECIDED_STATES, AssessmentState
from .models.audits import AuditKind, AuditState
from .models.incidents import PRIVACY_KINDS, IncidentKind, IncidentState
from .models.register import RiskCategory, RiskStatus

APP = SubjectType.APP
VERSION = SubjectType.APP_VERSION
INSTITUTION = SubjectType.INSTITUTION
STARTED = (AuditState.PLANNED, AuditState.FIELDWORK, AuditState.REPORTED)
STAGE_ZH = {"initial": "初报", "follow_up": "续报", "final": "终报"}
AUDIENCE_ZH = {"persons": "受影响个人", "authority": "主管部门"}


def _moment(today: datetime.date) -> datetime.datetime:
    """The evaluation's "now": the present when judging today, else the end of the day judged."""
    if today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time(23, 59, 59)))


def _fallback(ctx, control):
    """The evidence judgement of this control, by subject (computed once per control and evaluation)."""
    cache = ctx.__dict__.setdefault("_risk_fallback", {})
    if control.id not in cache:
        cache[control.id] = {(r.subject_type, r.subject_id): r for r in judge_on_evidence(ctx, control)}
    return cache[control.id]


def _app_subjects(ctx):
    return ctx.subjects(APP)


def _day(value) -> datetime.date:
    return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


def _sentence(parts) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _register_in_use(data) -> bool:
    return bool(data.incidents)


def _latest(rows, key):
    """The row with the greatest key (of equal keys, the last), or None."""
    return sorted(rows, key=key)[-1] if rows else None


def _no_record(ctx, control, data, stype, sid, label, zh, en):
    """The app has no record of this kind: a pass when the incident register is in use (so the absence is a
    fact), else the evidence judgement."""
    if _register_in_use(data):
        return passed(stype, sid, label, zh, en)
    return _fallback(ctx, control)[(stype, sid)]


def _verdict(stype, sid, label, problems, waiting=(), *, zh, en):
    """Failed naming every problem; else evidence needed naming what is awaited; else passed with zh/en.
    problems and waiting are lists of (zh, en) phrases."""
    for outcome, phrases in ((failed, problems), (evidence_needed, waiting)):
        if phrases:
            return outcome(
                stype,
                sid,
                label,
                "；".join(p[0] for p in phrases) + "。",
                _sentence(p[1] for p in phrases),
            )
    return passed(stype, sid, label, zh, en)


# ---- NFRA-17.2 annual risk assessment ------------------------------------------------------------------


@check("NFRA-17.2")
def annual_assessment(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _app in _app_subjects(ctx):
        rows = data.assessments_by_app.get(sid, [])
        last = _latest([a for a in rows if a.state == AssessmentState.SIGNED], key=lambda a: a.signed_on)
        if last and ctx.today <= next_due(last.signed_on, "annual"):
            yield passed(
                stype,
                sid,
                label,
                f"{last.campaign.year} 年度风险评估已于 {last.signed_on} 签署（得分 {last.score}）。",
                f"The {last.campaign.year} risk assessment was signed on {last.signed_on} (score {last.score}).",
            )
            continue
        # a waived assessment (the reason is on it) is neither late nor pending: the app is judged on the rest
        undecided = [a for a in rows if a.state not in DECIDED_STATES]
        late = [a for a in undecided if a.campaign.due_on < ctx.today]
        pending = [a for a in undecided if a.campaign.due_on >= ctx.today]
        if late:
            a = late[0]
            yield failed(
                stype,
                sid,
                label,
                f"{a.campaign.title}：该应用的风险评估应于 {a.campaign.due_on} 前签署，已逾期（当前状态：{a.get_state_display()}）。",
                f"{a.campaign.title}: the app's assessment was due by {a.campaign.due_on} and is overdue "
                f"(state: {a.state}).",
            )
        elif last:
            yield failed(
                stype,
                sid,
                label,
                f"上次风险评估签署于 {last.signed_on}，每年至少一次，应于 {next_due(last.signed_on, 'annual')} 前完成。",
                f"Last assessment signed on {last.signed_on}; one a year is required, due by "
                f"{next_due(last.signed_on, 'annual')}.",
            )
        elif pending:
            a = pending[0]
            yield evidence_needed(
                stype,
                sid,
                label,
                f"{a.campaign.title}：风险评估进行中，应于 {a.campaign.due_on} 前签署。",
                f"{a.campaign.title}: the assessment is in progress, due by {a.campaign.due_on}.",
            )
        else:
            yield _fallback(ctx, control)[(stype, sid)]


# ---- NFRA-17.3 audit every three years, NFRA-05.4 periodic inspection -----------------------------------


def _periodic_audit(ctx, control, kinds, months, name_zh, name_en):
    data = risk_data(ctx)
    for stype, sid, label, _app in _app_subjects(ctx):
        audits = [a for a in data.audits_by_app.get(sid, []) if a.kind in kinds]
        last = _latest(
            [a for a in audits if a.state == AuditState.REPORTED and a.report_date],
            key=lambda a: a.report_date,
        )
        if last and ctx.today <= add_months(last.report_date, months):
            yield passed(
                stype,
                sid,
                label,
                f"{name_zh}“{last.reference}”报告日期 {last.report_date}，下次应于 {add_months(last.report_date, months)} 前完成。",
                f"{name_en} {last.reference} reported on {last.report_date}; next due by "
                f"{add_months(last.report_date, months)}.",
            )
            continue
        overdue = [
            a
            for a in audits
            if a.state in (AuditState.REQUIRED, AuditState.PLANNED, AuditState.FIELDWORK)
            and a.due_on < ctx.today
            and a.kind != AuditKind.SPECIAL
        ]
        if overdue:
            a = overdue[0]
            yield failed(
                stype,
                sid,
                label,
                f"{name_zh}“{a.reference}”应于 {a.due_on} 前完成，已逾期（{a.get_state_display()}）。",
                f"{name_en} {a.reference} was due by {a.due_on} and is overdue ({a.state}).",
            )
        elif last:
            yield failed(
                stype,
                sid,
                label,
                f"上次{name_zh}报告于 {last.report_date}，已超过规定周期（应于 {add_months(last.report_date, months)} 前）。",
                f"Last {name_en.lower()} reported on {last.report_date}; the next was due by "
                f"{add_months(last.report_date, months)}.",
            )
        else:
            yield _fallback(ctx, control)[(stype, sid)]


@check("NFRA-17.3")
def triennial_audit(ctx, control):
    yield from _periodic_audit(ctx, control, (AuditKind.REGULAR, AuditKind.SPECIAL), 36, "审计", "Audit")


@check("NFRA-05.4")
def compliance_inspection(ctx, control):
    yield from _periodic_audit(ctx, control, (AuditKind.INSPECTION,), 12, "业务合规检查", "Inspection")


# ---- NFRA-17.4 special audit after a major event --------------------------------------------------------


@check("NFRA-17.4")
def special_audit(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _app in _app_subjects(ctx):
        majors = [i for i in data.incidents_by_app.get(sid, []) if i.is_major]
        if not majors:
            yield _no_record(
                ctx,
                control,
                data,
                stype,
                sid,
                label,
                "事件台账中该应用无重大风险事件。",
                "The incident register holds no major event of the app.",
            )
            continue
        problems, waiting, fine = [], [], []
        for incident in majors:
            audits = data.special_by_incident.get(incident.pk, [])
            audit = audits[0] if audits else None
            if audit is None:
                problems.append(
                    (
                        f"重大事件 {incident.reference} 无专项审计",
                        f"major incident {incident.reference} has no special audit",
                    )
                )
            elif audit.state == AuditState.REPORTED or (
                audit.state in STARTED and audit.planned_start and audit.planned_start <= audit.due_on
            ):
                fine.append(audit)
            elif audit.due_on < ctx.today:
                problems.append(
                    (
                        f"重大事件 {incident.reference} 的专项审计 {audit.reference} 应于 {audit.due_on} 前启动，已逾期",
                        f"the special audit {audit.reference} after {incident.reference} was to start by {audit.due_on}"
                        " and is overdue",
                    )
                )
            elif audit.state == AuditState.REQUIRED:
                waiting.append(
                    (
                        f"专项审计 {audit.reference} 须于 {audit.due_on} 前制定计划并启动",
                        f"special audit {audit.reference} to be planned and started by {audit.due_on}",
                    )
                )
            else:
                fine.append(audit)
        yield _verdict(
            stype,
            sid,
            label,
            problems,
            waiting,
            zh=f"重大事件后的专项审计已按时启动：{'、'.join(a.reference for a in fine)}。",
            en=f"Special audits after the major events started on time: {', '.join(a.reference for a in fine)}.",
        )


# ---- NFRA-15.2 major incidents reported, NFRA-16.3 privacy incidents handled ----------------------------


@check("NFRA-15.2")
def incident_reports(ctx, control):
    data = risk_data(ctx)
    now = _moment(ctx.today)
    window = ctx.today - datetime.timedelta(days=control.evidence_validity_days or 365)
    for stype, sid, label, _app in _app_subjects(ctx):
        majors = [i for i in data.incidents_by_app.get(sid, []) if i.is_major]
        if not majors:
            yield _no_record(
                ctx,
                control,
                data,
                stype,
                sid,
                label,
                "事件台账中该应用无须向监管报告的重大突发事件。",
                "The incident register holds no major incident of the app to report.",
            )
            continue
        problems, sent = [], 0
        for incident in majors:
            for report in incident.regulator_reports.all():
                if report.overdue(now):
                    problems.append(
                        (
                            f"{incident.reference} {STAGE_ZH[report.stage]}应于 {timezone.localtime(report.due_at):%Y-%m-%d %H:%M} 前报送，尚未报送",
                            f"{incident.reference} {report.stage} report due {timezone.localtime(report.due_at):%Y-%m-%d %H:%M} not sent",
                        )
                    )
                elif report.late and _day(report.sent_at) >= window:
                    problems.append(
                        (
                            f"{incident.reference} {STAGE_ZH[report.stage]}迟报（{timezone.localtime(report.sent_at):%Y-%m-%d %H:%M} 报送，"
                            f"期限 {timezone.localtime(report.due_at):%Y-%m-%d %H:%M}）",
                            f"{incident.reference} {report.stage} report sent late ({timezone.localtime(report.sent_at):%Y-%m-%d %H:%M}, "
                            f"due {timezone.localtime(report.due_at):%Y-%m-%d %H:%M})",
                        )
                    )
                elif report.sent_at:
                    sent += 1
        yield _verdict(
            stype,
            sid,
            label,
            problems,
            zh=f"重大突发事件报告均按时报送（已报送 {sent} 份，其余尚未到期）。",
            en=f"Every report of the major incidents is on time ({sent} sent, the others not yet due).",
        )


@check("NFRA-16.3")
def privacy_incidents(ctx, control):
    data = risk_data(ctx)
    now = _moment(ctx.today)
    window = ctx.today - datetime.timedelta(days=control.evidence_validity_days or 90)
    limit = policy.privacy_close_days()
    for stype, sid, label, _app in _app_subjects(ctx):
        rows = [i for i in data.incidents_by_app.get(sid, []) if i.kind in PRIVACY_KINDS]
        if not rows:
            yield _no_record(
                ctx,
                control,
                data,
                stype,
                sid,
                label,
                "事件台账中该应用无信息泄露或隐私合规事件。",
                "The incident register holds no leak or privacy incident of the app.",
            )
            continue
        problems, handled = [], 0
        for incident in rows:
            detected = _day(incident.detected_at)
            due = detected + datetime.timedelta(days=limit)
            if incident.resolved_on is None and ctx.today > due:
                problems.append(
                    (
                        f"{incident.reference} 应于 {due} 前处理完毕，尚未解决",
                        f"{incident.reference} was to be resolved by {due} and is not",
                    )
                )
            elif incident.resolved_on and incident.resolved_on > due and incident.resolved_on >= window:
                problems.append(
                    (
                        f"{incident.reference} 于 {incident.resolved_on} 解决，超过期限 {due}",
                        f"{incident.reference} resolved on {incident.resolved_on}, after {due}",
                    )
                )
            for note in incident.notifications.all():
                if note.overdue(now):
                    problems.append(
                        (
                            f"{incident.reference} 未在期限内告知{AUDIENCE_ZH[note.audience]}（{timezone.localtime(note.due_at):%Y-%m-%d %H:%M}）",
                            f"{incident.reference}: {note.audience} not notified by {timezone.localtime(note.due_at):%Y-%m-%d %H:%M}",
                        )
                    )
                elif note.notified_at and note.notified_at > note.due_at and _day(note.notified_at) >= window:
                    problems.append(
                        (
                            f"{incident.reference} 告知{AUDIENCE_ZH[note.audience]}迟于期限",
                            f"{incident.reference}: {note.audience} notified late",
                        )
                    )
            handled += incident.resolved_on is not None
        yield _verdict(
            stype,
            sid,
            label,
            problems,
            zh=f"信息泄露与隐私事件 {len(rows)} 起均在期限内处理和告知。",
            en=f"{len(rows)} leak and privacy incidents handled and notified within their deadlines.",
        )


# ---- NFRA-13.2 data leakage, tampering, ransomware ------------------------------------------------------


@check("NFRA-13.2")
def data_security(ctx, control):
    data = risk_data(ctx)
    since = ctx.today - datetime.timedelta(days=365)
    limit = policy.privacy_close_days()
    for stype, sid, label, _app in _app_subjects(ctx):
        incidents = [
            i
            for i in data.incidents_by_app.get(sid, [])
            if i.kind in (IncidentKind.DATA_LEAK, IncidentKind.SECURITY_BREACH)
            and _day(i.detected_at) >= since
        ]
        unresolved = [
            i
            for i in incidents
            if i.state in (IncidentState.OPEN, IncidentState.CONTAINED)
            and ctx.today > _day(i.detected_at) + datetime.timedelta(days=limit)
        ]
        signed = [
            a
            for a in data.assessments_by_app.get(sid, [])
            if a.state == AssessmentState.SIGNED and ctx.today <= next_due(a.signed_on, "annual")
        ]
        answer = (signed[-1].answers.get("data_security") or {}).get("answer") if signed else None
        if unresolved:
            refs = ", ".join(i.reference for i in unresolved)
            yield failed(
                stype,
                sid,
                label,
                f"数据安全事件 {refs} 超过 {limit} 天仍未解决。",
                f"Data security incidents {refs} are unresolved after {limit} days.",
            )
        elif answer in ("no", "partly"):
            word = "未落实" if answer == "no" else "部分落实"
            yield failed(
                stype,
                sid,
                label,
                f"{signed[-1].campaign.year} 年度风险评估：数据安全防护措施{word}。",
                f"{signed[-1].campaign.year} risk assessment: data protection measures answered “{answer}”.",
            )
        elif answer == "yes":
            yield passed(
                stype,
                sid,
                label,
                f"{signed[-1].campaign.year} 年度风险评估确认数据安全防护措施已落实，无逾期未解决的数据安全事件。",
                f"The {signed[-1].campaign.year} risk assessment confirms the data protection measures; "
                "no data security incident is overdue.",
            )
        else:
            yield _fallback(ctx, control)[(stype, sid)]


# ---- NFRA-15.1 business continuity ----------------------------------------------------------------------


@check("NFRA-15.1")
def continuity(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _app in _app_subjects(ctx):
        bias = [b for b in data.bias.get(sid, []) if b.approved_on]
        plans = [p for p in data.plans.get(sid, []) if p.approved_on]
        last = _latest(
            [d for d in data.drills.get(sid, []) if d.held_on and d.measured_recovery_minutes is not None],
            key=lambda d: d.held_on,
        )
        if not (data.bias.get(sid) or data.plans.get(sid) or data.drills.get(sid)):
            yield _fallback(ctx, control)[(stype, sid)]
            continue
        if last and last.missed_rto:
            yield failed(
                stype,
                sid,
                label,
                f"{last.held_on} 演练恢复用时 {last.measured_recovery_minutes} 分钟，超过 RTO {last.rto_minutes} 分钟：{last.gap}",
                f"The drill on {last.held_on} recovered in {last.measured_recovery_minutes} minutes against an RTO of "
                f"{last.rto_minutes}: {last.gap}",
            )
            continue
        missing = []
        if not bias:
            missing.append(("经批准的业务影响分析", "an approved business impact analysis"))
        if not plans:
            missing.append(("经批准的应急预案", "an approved emergency plan"))
        if last is None:
            missing.append(("已开展并记录恢复用时的演练", "a drill held with its recovery time"))
        elif ctx.today > next_due(last.held_on, "annual"):
            yield failed(
                stype,
                sid,
                label,
                f"上次演练于 {last.held_on}，应至少每年一次（{next_due(last.held_on, 'annual')} 前）。",
                f"Last drill on {last.held_on}; one a year is required (by {next_due(last.held_on, 'annual')}).",
            )
            continue
        if missing:
            yield evidence_needed(
                stype,
                sid,
                label,
                "缺少：" + "、".join(m[0] for m in missing) + "。",
                "Missing: " + ", ".join(m[1] for m in missing) + ".",
            )
            continue
        plan = max(plans, key=lambda p: p.approved_on)
        yield passed(
            stype,
            sid,
            label,
            f"业务影响分析已批准，应急预案 {plan.version} 于 {plan.approved_on} 批准，{last.held_on} 演练恢复用时 "
            f"{last.measured_recovery_minutes} 分钟（RTO {last.rto_minutes} 分钟）。",
            f"BIA approved, emergency plan {plan.version} approved on {plan.approved_on}, drill on {last.held_on} "
            f"recovered in {last.measured_recovery_minutes} minutes (RTO {last.rto_minutes}).",
        )


# ---- NFRA-17.1 risk register ----------------------------------------------------------------------------


@check("NFRA-17.1")
def risk_register(ctx, control):
    data = risk_data(ctx)
    inst = ctx.institution
    live = [r for r in data.risks if r.status != RiskStatus.CLOSED]
    if not data.risks:
        yield from judge_on_evidence(ctx, control)
        return
    problems = []
    for category, zh, en in (
        (RiskCategory.BUSINESS, "业务风险", "business"),
        (RiskCategory.TECHNOLOGY, "科技风险", "technology"),
    ):
        if not any(r.category == category for r in live):
            problems.append((f"风险台账中无在管的{zh}", f"no open {en} risk in the register"))
    for risk in live:
        band = policy.rating(risk.residual_likelihood, risk.residual_impact)
        if (
            band["rating"] in ("high", "critical")
            and risk.status != RiskStatus.ACCEPTED
            and not risk.treatment_plan.strip()
        ):
            problems.append(
                (
                    f"{risk.reference} 剩余风险等级为{band['zh']}，无处置计划",
                    f"{risk.reference} is rated {band['en']} with no treatment plan",
                )
            )
        if risk.next_review_on and risk.next_review_on < ctx.today:
            problems.append(
                (
                    f"{risk.reference} 应于 {risk.next_review_on} 复评，已逾期",
                    f"{risk.reference} review due {risk.next_review_on} is overdue",
                )
            )
        late = [
            t for t in risk.tasks.all() if t.voided_at is None and t.done_on is None and t.due_on < ctx.today
        ]
        if late:
            problems.append(
                (
                    f"{risk.reference} 有 {len(late)} 项处置任务逾期",
                    f"{risk.reference} has {len(late)} overdue treatment tasks",
                )
            )
    business = sum(r.category == RiskCategory.BUSINESS for r in live)
    yield _verdict(
        INSTITUTION,
        inst.pk,
        inst.name,
        problems,
        zh=f"风险台账在管风险 {len(live)} 项（业务 {business} 项、科技 {len(live) - business} 项），高风险均有处置计划。",
        en=f"{len(live)} risks in the register ({business} business, {len(live) - business} technology); "
        "every high risk has a treatment plan.",
    )


# ---- NFRA-07.1, 07.3 per version; NFRA-03.2 per app: the release dossier --------------------------------


@check("NFRA-07.1")
def development_records(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _version in ctx.subjects(VERSION):
        dossier = data.dossiers.get(sid)
        if dossier is None:
            yield _fallback(ctx, control)[(stype, sid)]
            continue
        missing = development_gaps(dossier)
        if missing:
            yield evidence_needed(
                stype,
                sid,
                label,
                "发布档案缺少：" + "、".join(m[0] for m in missing) + "。",
                "The release dossier lacks: " + ", ".join(m[1] for m in missing) + ".",
            )
        else:
            yield passed(
                stype,
                sid,
                label,
                f"方案评审 {dossier.design_reviewed_on}、代码评审 {dossier.code_reviewed_on}、变更审批 {dossier.change_approval_ref}（{dossier.change_approved_on}）。",
                f"Design review {dossier.design_reviewed_on}, code review {dossier.code_reviewed_on}, "
                f"change approval {dossier.change_approval_ref} ({dossier.change_approved_on}).",
            )


@check("NFRA-07.3")
def security_testing(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _version in ctx.subjects(VERSION):
        dossier = data.dossiers.get(sid)
        if dossier is None or not dossier.security_test_result:
            yield _fallback(ctx, control)[(stype, sid)]
            continue
        gaps = coverage_gaps(dossier)
        who = f"{dossier.security_tester}，{dossier.security_tested_on}"
        if dossier.security_test_result == "failed":
            yield failed(
                stype,
                sid,
                label,
                f"安全测试未通过（{who}）。",
                f"The security test failed ({dossier.security_tester}, {dossier.security_tested_on}).",
            )
        elif gaps:
            yield failed(
                stype,
                sid,
                label,
                "安全测试范围未覆盖：" + "、".join(g[0] for g in gaps) + "。",
                "The security test did not cover: " + ", ".join(g[1] for g in gaps) + ".",
            )
        else:
            yield passed(
                stype,
                sid,
                label,
                f"客户认证与应用逻辑控制安全测试通过（{who}）。",
                f"Authentication and logic security test passed ({dossier.security_tester}, "
                f"{dossier.security_tested_on}).",
            )


@check("NFRA-03.2")
def compliance_in_development(ctx, control):
    data = risk_data(ctx)
    for stype, sid, label, _app in _app_subjects(ctx):
        versions = ctx.versions_by_app.get(sid, [])
        dossiers = [data.dossiers[v.pk] for v in versions if v.pk in data.dossiers]
        if not dossiers:
            yield _fallback(ctx, control)[(stype, sid)]
            continue
        latest = max(dossiers, key=lambda d: d.version.created_at)
        if latest.compliance_reviewed_on:
            yield passed(
                stype,
                sid,
                label,
                f"版本 {latest.version.version_name} 的合规要求已于 {latest.compliance_reviewed_on} 确认。",
                f"Compliance requirements of version {latest.version.version_name} confirmed on "
                f"{latest.compliance_reviewed_on}.",
            )
        else:
            yield evidence_needed(
                stype,
                sid,
                label,
                f"版本 {latest.version.version_name} 的发布档案未记录合规要求确认。",
                f"The release dossier of version {latest.version.version_name} records no "
                "compliance confirmation.",
            )
