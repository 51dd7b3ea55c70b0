"""NFRA-04.2, 05.1, 08.3, 14.1 and 14.2 judged from the third-party register, per app.

An app the register says nothing about for a control (no business partner, no outsourcing, no vendor grant;
or an institution that keeps no register at all) is judged on evidence as before: the register cannot say that
nothing is there. Each result says what it found and links the app and the parties it used.
"""

from django.urls import reverse

from appgov.core.controls.periods import add_months
from appgov.core.controls.registry import (
    SubjectType,
    check,
    failed,
    judge_on_evidence,
    not_applicable,
    passed,
)
from appgov.ledger.facts import app_link
from appgov.ledger.models.choices import ChannelKind, LifecycleState, ListingState

from . import facts  # noqa: F401  registers the partner_register fact
from .models.choices import (
    ACTIVE_STATES,
    LEVEL_RANK,
    OUTSOURCING,
    Business,
    Purpose,
    QualificationKind,
    ReviewConclusion,
)
from .policy import policy

APP = SubjectType.APP
BUSINESS_ZH = {
    Business.LOANS: "贷款/助贷",
    Business.WEALTH: "理财销售",
    Business.INSURANCE: "保险销售",
    Business.FUNDS: "基金销售",
    Business.PAYMENTS: "支付",
    Business.CREDIT_INFO: "征信服务",
    Business.OTHER: "其他金融业务",
}
STORE_QUALIFICATIONS = {
    QualificationKind.TELECOM_LICENCE,
    QualificationKind.ICP_FILING,
    QualificationKind.MLPS_CERTIFICATE,
    QualificationKind.BUSINESS_LICENCE,
}


def party_link(party) -> dict:
    return {"label": party.name, "url": reverse("partners:party-detail", args=[party.pk])}


def _subject(app):
    return APP, app.pk, f"{app.code} {app.name}"


def _links(app, parties) -> list[dict]:
    seen, links = set(), [app_link(app)]
    for party in parties:
        if party.pk not in seen:
            seen.add(party.pk)
            links.append(party_link(party))
    return links


def _evidence(ctx, control, app):
    """The evidence judgement of one app (computed once per control)."""
    cache = ctx.__dict__.setdefault("_partner_evidence", {})
    if control.id not in cache:
        cache[control.id] = {r.subject_id: r for r in judge_on_evidence(ctx, control)}
    return cache[control.id].get(app.pk)


def _current(relations, today, purposes):
    return [r for r in relations if r.purpose in purposes and r.current_on(today)]


def _biz(codes, zh=True):
    labels = BUSINESS_ZH if zh else {b.value: b.value for b in Business}
    return ("、" if zh else ", ").join(str(labels.get(c, c)) for c in codes)


def _judge(fail_zh, fail_en, pass_zh, pass_en, app, parties):
    if fail_zh:
        return failed(*_subject(app), "；".join(fail_zh), "; ".join(fail_en), _links(app, parties))
    return passed(*_subject(app), "；".join(pass_zh), "; ".join(pass_en), _links(app, parties))


# ---- NFRA-04.2: a business partner holds a licence covering what it does in the app ------------------------


@check("NFRA-04.2")
def partner_licences(ctx, control):
    reg, today = ctx.partner_register, ctx.today
    for app in ctx.live_apps:
        business = _current(reg.relations_by_app.get(app.pk, []), today, {Purpose.BUSINESS})
        if not business:
            yield _evidence(ctx, control, app)
            continue
        bad_zh, bad_en, ok_zh, ok_en = [], [], [], []
        for rel in business:
            party = rel.party
            licences = [
                q
                for q in reg.qualifications.get(party.pk, [])
                if q.kind == QualificationKind.FINANCIAL_LICENCE and q.valid_on(today)
            ]
            covered = {b for q in licences for b in q.businesses}
            uncovered = [b for b in rel.businesses if b not in covered]
            if not licences:
                expired = [
                    q
                    for q in reg.qualifications.get(party.pk, [])
                    if q.kind == QualificationKind.FINANCIAL_LICENCE
                ]
                note_zh = (
                    f"（金融许可证 {expired[0].number} 已于 {expired[0].valid_until} 失效）"
                    if expired
                    else ""
                )
                note_en = (
                    f" (financial licence {expired[0].number} expired {expired[0].valid_until})"
                    if expired
                    else ""
                )
                bad_zh.append(f"{party.name}在本应用开展{_biz(rel.businesses)}，但无有效金融许可证{note_zh}")
                bad_en.append(
                    f"{party.name} conducts {_biz(rel.businesses, False)} in the app without a valid financial "
                    f"licence{note_en}"
                )
            elif uncovered:
                numbers = "、".join(q.number for q in licences)
                bad_zh.append(
                    f"{party.name}开展的{_biz(uncovered)}不在其许可证（{numbers}）载明的业务范围"
                    f"（{_biz(sorted(covered)) or '无'}）内"
                )
                bad_en.append(
                    f"{party.name} conducts {_biz(uncovered, False)} outside the scope of its licence {numbers} "
                    f"({_biz(sorted(covered), False) or 'none'})"
                )
            else:
                numbers = "、".join(q.number for q in licences)
                ok_zh.append(f"{party.name}：{_biz(rel.businesses)}在许可证 {numbers} 范围内且有效")
                ok_en.append(
                    f"{party.name}: {_biz(rel.businesses, False)} within licence {numbers}, valid today"
                )
        yield _judge(bad_zh, bad_en, ok_zh, ok_en, app, [r.party for r in business])


# ---- NFRA-05.1: every third-party business in the app went through the business compliance review ----------


@check("NFRA-05.1")
def business_reviews(ctx, control):
    reg, today = ctx.partner_register, ctx.today
    months = policy()["business_review_months"]
    for app in ctx.live_apps:
        business = _current(reg.relations_by_app.get(app.pk, []), today, {Purpose.BUSINESS})
        if not business:
            yield _evidence(ctx, control, app)
            continue
        bad_zh, bad_en, ok_zh, ok_en = [], [], [], []
        for rel in business:
            name = rel.party.name
            if not rel.review_conclusion:
                bad_zh.append(f"{name}的合作业务（{_biz(rel.businesses)}）未经业务合规审核")
                bad_en.append(f"{name}'s business ({_biz(rel.businesses, False)}) has no compliance review")
            elif rel.review_conclusion == ReviewConclusion.REJECTED:
                bad_zh.append(f"{name}的合作业务经合规审核不通过（{rel.review_reference}），但仍在开展")
                bad_en.append(
                    f"{name}'s business was rejected by the review {rel.review_reference} yet continues"
                )
            elif add_months(rel.reviewed_on, months) < today:
                bad_zh.append(f"{name}的合作业务合规审核（{rel.reviewed_on}）已超过 {months} 个月")
                bad_en.append(
                    f"{name}'s compliance review of {rel.reviewed_on} is older than {months} months"
                )
            else:
                ok_zh.append(f"{name}：业务合规审核通过（{rel.review_reference}，{rel.reviewed_on}）")
                ok_en.append(f"{name}: compliance review passed ({rel.review_reference}, {rel.reviewed_on})")
        yield _judge(bad_zh, bad_en, ok_zh, ok_en, app, [r.party for r in business])


# ---- NFRA-08.3: the distribution platforms of a released app are qualified and under agreement -------------


@check("NFRA-08.3")
def distribution_platforms(ctx, control):
    reg, today = ctx.partner_register, ctx.today
    platform_register = bool(reg.parties_by_channel)
    for app in ctx.live_apps:
        if not platform_register:
            yield _evidence(ctx, control, app)
            continue
        channels = {}
        for version in ctx.versions_by_app.get(app.pk, []):
            for listing in ctx.listings_by_version.get(version.pk, []):
                if listing.state == ListingState.LISTED and listing.channel.kind != ChannelKind.OFFICIAL_SITE:
                    channels[listing.channel_id] = listing.channel
        if not channels:
            if app.state in (LifecycleState.RELEASED, LifecycleState.IN_OPERATION):
                yield _evidence(ctx, control, app)  # released but listed nowhere the ledger knows
            else:
                yield not_applicable(
                    *_subject(app), "未在分发平台上架", "Not listed on a distribution platform"
                )
            continue
        bad_zh, bad_en, ok_zh, ok_en, used = [], [], [], [], []
        for channel in sorted(channels.values(), key=lambda c: c.name):
            parties = [reg.parties[pk] for pk in sorted(reg.parties_by_channel.get(channel.pk, ()))]
            if not parties:
                bad_zh.append(f"渠道“{channel.name}”的运营方未登记在第三方名录中")
                bad_en.append(f"The operator of channel {channel.name} is not in the third-party register")
                continue
            for party in parties:
                used.append(party)
                quals = [
                    q
                    for q in reg.qualifications.get(party.pk, [])
                    if q.kind in STORE_QUALIFICATIONS and q.valid_on(today)
                ]
                agreements = [c for c in reg.contracts.get(party.pk, []) if c.current_on(today)]
                problems_zh, problems_en = [], []
                if not quals:
                    problems_zh.append("无有效资质")
                    problems_en.append("no valid qualification")
                if not agreements:
                    problems_zh.append("无生效中的合作协议")
                    problems_en.append("no agreement in force")
                if problems_zh:
                    bad_zh.append(f"渠道“{channel.name}”（{party.name}）：" + "、".join(problems_zh))
                    bad_en.append(f"Channel {channel.name} ({party.name}): " + ", ".join(problems_en))
                else:
                    ok_zh.append(
                        f"{channel.name}：资质 {quals[0].number} 有效，协议 {agreements[0].reference} 生效中"
                    )
                    ok_en.append(
                        f"{channel.name}: qualification {quals[0].number} valid, agreement "
                        f"{agreements[0].reference} in force"
                    )
        yield _judge(bad_zh, bad_en, ok_zh, ok_en, app, used)


# ---- NFRA-14.1: outsourced build / operation parties admitted, evaluated in time, under contract ----------


@check("NFRA-14.1")
def outsourcing(ctx, control):
    reg, today = ctx.partner_register, ctx.today
    for app in ctx.live_apps:
        outsourced = _current(reg.relations_by_app.get(app.pk, []), today, OUTSOURCING)
        if not outsourced:
            yield _evidence(ctx, control, app)
            continue
        bad_zh, bad_en, ok_zh, ok_en = [], [], [], []
        for party in {r.party.pk: r.party for r in outsourced}.values():
            problems_zh, problems_en = [], []
            if party.state not in ACTIVE_STATES or party.admitted_on is None:
                problems_zh.append(f"未完成准入（{party.get_state_display()}）")
                problems_en.append(f"not admitted (state: {party.state})")
            if party.next_evaluation_due is None:
                problems_zh.append("无评价记录")
                problems_en.append("never evaluated")
            elif party.next_evaluation_due < today:
                problems_zh.append(f"评价逾期（应于 {party.next_evaluation_due} 前完成）")
                problems_en.append(f"evaluation overdue since {party.next_evaluation_due}")
            contracts = [c for c in reg.contracts.get(party.pk, []) if c.current_on(today)]
            if not contracts:
                problems_zh.append("无生效中的合同")
                problems_en.append("no contract in force")
            if problems_zh:
                bad_zh.append(f"{party.name}：" + "、".join(problems_zh))
                bad_en.append(f"{party.name}: " + ", ".join(problems_en))
            else:
                ok_zh.append(
                    f"{party.name}：已准入（{party.admitted_on}），下次评价 {party.next_evaluation_due}，"
                    f"合同 {contracts[0].reference}"
                )
                ok_en.append(
                    f"{party.name}: admitted {party.admitted_on}, next evaluation {party.next_evaluation_due}, "
                    f"contract {contracts[0].reference}"
                )
        yield _judge(bad_zh, bad_en, ok_zh, ok_en, app, [r.party for r in outsourced])


# ---- NFRA-14.2: vendor grants approved, ending, within their purpose, reviewed on time ----------------------


def _grants_of(reg, app, today):
    """The grants that reach this app: named for it, or of a party serving it with no app named."""
    serving = {r.party_id for r in reg.relations_by_app.get(app.pk, []) if r.current_on(today)}
    return [g for g in reg.grants if g.app_id == app.pk or (g.app_id is None and g.party_id in serving)]


def _review_problem(reg, today):
    months = policy()["review_months"]
    signed = [r for r in reg.reviews if r.signed_off_on]
    last = max(signed, key=lambda r: r.signed_off_on, default=None)
    if last is not None and add_months(last.signed_off_on, months) >= today:
        return None, last
    if any(not r.signed_off_on and r.due_on >= today for r in reg.reviews):
        return None, last  # a review is under way and not yet due
    since = f"（上次：{last.signed_off_on}）" if last else "（从未复核）"
    since_en = f" (last: {last.signed_off_on})" if last else " (never reviewed)"
    return (
        f"外包人员访问权限未按季度复核{since}",
        f"Vendor access not reviewed within the quarter{since_en}",
    ), last


@check("NFRA-14.2")
def vendor_access(ctx, control):
    reg, today = ctx.partner_register, ctx.today
    max_level = policy()["purpose_max_level"]
    for app in ctx.live_apps:
        grants = _grants_of(reg, app, today)
        if not grants:
            yield _evidence(ctx, control, app)
            continue
        bad_zh, bad_en = [], []
        in_force = [g for g in grants if g.active_on(today)]
        for g in grants:
            who = f"{g.party.name} {g.person_name}（{g.account}）→{g.system}"
            who_en = f"{g.party.name} {g.person_name} ({g.account}) → {g.system}"
            if g.revoked_on is None and g.ends_on is not None and g.ends_on < today:
                bad_zh.append(f"{who}：已于 {g.ends_on} 到期但未确认收回")
                bad_en.append(f"{who_en}: ended {g.ends_on} but its removal is not recorded")
            if not g.active_on(today):
                continue
            if g.approver_id is None:
                bad_zh.append(f"{who}：无审批人")
                bad_en.append(f"{who_en}: no approver")
            if g.ends_on is None:
                bad_zh.append(f"{who}：未设到期日")
                bad_en.append(f"{who_en}: no end date")
            allowed = max_level[g.purpose]
            if LEVEL_RANK[g.level] > LEVEL_RANK[allowed]:
                bad_zh.append(f"{who}：权限“{g.get_level_display()}”超出用途“{g.get_purpose_display()}”所需")
                bad_en.append(f"{who_en}: level {g.level} above what {g.purpose} needs ({allowed})")
        review_links = []
        if in_force:
            problem, last = _review_problem(reg, today)
            if problem:
                bad_zh.append(problem[0])
                bad_en.append(problem[1])
            if last is not None:
                review_links.append(
                    {"label": last.title, "url": reverse("partners:review-detail", args=[last.pk])}
                )
        result = _judge(
            bad_zh,
            bad_en,
            [f"{len(in_force)} 项外包访问权限均经审批、设有到期日、不超出用途所需，且按季度复核"],
            [f"{len(in_force)} vendor grants approved, ending, within their purpose, reviewed this quarter"],
            app,
            [g.party for g in grants],
        )
        result.links += review_links
        yield result
