"""NFRA-02.4, 06.1 and 09.1 judged from the operations records (daily figures, breaches, candidates, decisions).

Only released apps (released, in operation) are judged; an app still being built is not applicable. Where the
platform lacks the facts to judge (no figures, no function catalogue, the nightly run not made yet) the result is
evidence needed naming what is missing, never a pass.
"""

import datetime
from collections import defaultdict

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from appgov.core.controls.registry import (
    SubjectType,
    check,
    evidence_needed,
    failed,
    not_applicable,
    passed,
)
from appgov.ledger.facts import app_link
from appgov.ledger.models import MobileApp

from .models import AppFunctions, Breach, Candidate, DailyMetric
from .services.rationalisation import LIVE, overlaps
from .taxonomy import function_label, policy

APP = SubjectType.APP
KIND_ZH = {"keep": "保留", "optimise": "优化", "merge": "合并", "retire": "下线"}


def _app(app):
    return APP, app.pk, f"{app.code} {app.name}"


def _live(ctx):
    for app in ctx.live_apps:
        if app.state in LIVE:
            yield app, True
        else:
            yield app, False


def _candidates(ctx) -> dict[int, Candidate]:
    """app id -> its current candidate (open or decided) with the decision, loaded once per evaluation."""
    cached = ctx.__dict__.get("_ops_candidates")
    if cached is None:
        cached = {
            c.app_id: c
            for c in Candidate.objects.filter(institution=ctx.institution)
            .exclude(status=Candidate.Status.CLEARED)
            .select_related("decision", "decision__owner", "overlap_with")
            .order_by("first_found_on")
        }
        ctx.__dict__["_ops_candidates"] = cached
    return cached


def _candidate_link(candidate) -> dict:
    return {
        "label": f"清理整合候选 {candidate.app}",
        "url": reverse("operations:candidate-detail", args=[candidate.pk]),
    }


def _judge_candidate(ctx, app, candidate, reasons_zh: str, reasons_en: str):
    """A candidate's result: decided and on time passes; undecided past the window, or a decision past its
    deadline, fails."""
    days = policy()["rationalisation"]["decide_within_days"]
    links = [app_link(app), _candidate_link(candidate)]
    decision = getattr(candidate, "decision", None) if candidate.status == Candidate.Status.DECIDED else None
    if decision is None:
        due = candidate.first_found_on + datetime.timedelta(days=days)
        if ctx.today > due:
            return failed(
                *_app(app),
                f"清理整合候选（{candidate.first_found_on} 起：{reasons_zh}）逾期未决策（应于 {due} 前决策）",
                f"Rationalisation candidate since {candidate.first_found_on} ({reasons_en}) not decided by {due}",
                links,
            )
        return passed(
            *_app(app),
            f"清理整合候选（{reasons_zh}），决策期限 {due}",
            f"Rationalisation candidate ({reasons_en}), decision due by {due}",
            links,
        )
    if decision.overdue_on(ctx.today):
        return failed(
            *_app(app),
            f"清理整合决策「{KIND_ZH[decision.kind]}」逾期未完成（期限 {decision.deadline}，负责人 {decision.owner}）",
            f"Rationalisation decision “{decision.kind}” overdue (deadline {decision.deadline}, owner {decision.owner})",
            links,
        )
    state_zh = f"已于 {decision.completed_on} 完成" if decision.completed_on else f"期限 {decision.deadline}"
    state_en = f"completed {decision.completed_on}" if decision.completed_on else f"due {decision.deadline}"
    return passed(
        *_app(app),
        f"清理整合候选已决策「{KIND_ZH[decision.kind]}」，{state_zh}，负责人 {decision.owner}",
        f"Rationalisation candidate decided “{decision.kind}”, {state_en}, owner {decision.owner}",
        links,
    )


def _last_days(ctx, app_ids) -> dict[int, datetime.date]:
    # one statement whatever the number of apps, each app's latest day read on the (app, …, day) index by a
    # correlated subquery (a grouped MAX over millions of rows would scan them)
    latest = DailyMetric.objects.filter(app_id=OuterRef("pk")).order_by("-day").values("day")[:1]
    rows = MobileApp.objects.filter(pk__in=app_ids).annotate(last=Subquery(latest)).values_list("pk", "last")
    return {app_id: day for app_id, day in rows if day is not None}


@check("NFRA-02.4")
def rationalisation(ctx, control):
    window = policy()["rationalisation"]["window_days"]
    candidates = _candidates(ctx)
    live = list(_live(ctx))
    last = _last_days(ctx, [a.pk for a, judged in live if judged and a.pk not in candidates])
    for app, judged in live:
        if not judged:
            yield not_applicable(*_app(app), "应用尚未发布", "App not released yet")
            continue
        candidate = candidates.get(app.pk)
        if candidate is not None:
            yield _judge_candidate(
                ctx, app, candidate, candidate.reason_text("zh"), candidate.reason_text("en")
            )
            continue
        day = last.get(app.pk)
        if day is None or day < ctx.today - datetime.timedelta(days=window):
            yield evidence_needed(
                *_app(app),
                f"近{window}天无运行数据（活跃度、体验），无法判断是否需清理整合",
                f"No running figures in the last {window} days: activity and experience cannot be judged",
                [app_link(app)],
            )
            continue
        yield passed(
            *_app(app),
            "活跃度、体验、功能重复与风险均未触发清理整合条件",
            "No rationalisation reason: activity, experience, overlap and risk within policy",
            [app_link(app)],
        )


@check("NFRA-06.1")
def functional_overlap(ctx, control):
    ratio = policy()["rationalisation"]["overlap_ratio"]
    live = list(_live(ctx))
    catalogues = {
        app_id: set(codes)
        for app_id, codes in AppFunctions.objects.filter(app__institution=ctx.institution).values_list(
            "app_id", "functions"
        )
    }
    released = {a.pk for a, judged in live if judged}
    overlap = overlaps({k: v for k, v in catalogues.items() if k in released}, ratio)
    names = {a.pk: a.name for a, _j in live}
    candidates = _candidates(ctx)
    for app, judged in live:
        if not judged:
            yield not_applicable(*_app(app), "应用尚未发布", "App not released yet")
            continue
        if app.pk not in catalogues or not catalogues[app.pk]:
            yield evidence_needed(
                *_app(app),
                "未登记功能清单，无法判断与其他应用的功能重复",
                "No function catalogue declared: overlap with other apps cannot be judged",
                [app_link(app), {"label": "功能清单", "url": reverse("operations:functions-list")}],
            )
            continue
        if app.pk not in overlap:
            yield passed(
                *_app(app),
                f"功能清单 {len(catalogues[app.pk])} 项，与其他应用重复均低于 {ratio:.0%}",
                f"{len(catalogues[app.pk])} functions; overlap with every other app below {ratio:.0%}",
                [app_link(app)],
            )
            continue
        other, shared, share = overlap[app.pk]
        shared_zh = "、".join(function_label(c, "zh") for c in shared)
        text_zh = f"与「{names[other]}」功能重复 {share:.0%}（{shared_zh}）"
        text_en = f"{share:.0%} of functions shared with “{names[other]}” ({', '.join(shared)})"
        candidate = candidates.get(app.pk)
        if candidate is None or "redundant" not in candidate.reason_codes:
            yield evidence_needed(
                *_app(app),
                text_zh + "，待夜间清理整合计算列为候选",
                text_en + "; awaiting the nightly rationalisation run",
                [app_link(app)],
            )
            continue
        yield _judge_candidate(ctx, app, candidate, text_zh, text_en)


@check("NFRA-09.1")
def running_state(ctx, control):
    max_age = policy()["metrics"]["max_age_days"]
    live = list(_live(ctx))
    last = _last_days(ctx, [a.pk for a, judged in live if judged])
    open_breaches = defaultdict(list)
    for breach in Breach.objects.filter(
        institution=ctx.institution, status=Breach.Status.OPEN
    ).select_related("threshold"):
        open_breaches[breach.app_id].append(breach)
    for app, judged in live:
        if not judged:
            yield not_applicable(*_app(app), "应用尚未发布", "App not released yet")
            continue
        links = [
            app_link(app),
            {"label": "运行监测", "url": reverse("operations:app-metrics", args=[app.pk])},
        ]
        day = last.get(app.pk)
        problems_zh, problems_en = [], []
        if day is None:
            problems_zh.append("从未收到运行监测数据")
            problems_en.append("no running figures ever received")
        elif (ctx.today - day).days > max_age:
            problems_zh.append(f"最近数据为 {day}（{(ctx.today - day).days} 天前，要求 {max_age} 天内）")
            problems_en.append(f"last figures {day} ({(ctx.today - day).days} days ago, policy {max_age})")
        for breach in open_breaches.get(app.pk, []):
            problems_zh.append(f"阈值「{breach.threshold.name}」超限未处置：{breach.numbers()}")
            problems_en.append(
                f"threshold “{breach.threshold.name}” breached, not handled: {breach.numbers()}"
            )
            links.append({"label": f"超限 {breach.period_start}", "url": breach.get_absolute_url()})
            links += [{"label": f"事件 {i['label']}", "url": i["url"]} for i in breach.incidents]
        if problems_zh:
            yield failed(*_app(app), "；".join(problems_zh), "; ".join(problems_en), links)
        else:
            yield passed(
                *_app(app),
                f"最近数据 {day}，无未处置的阈值超限",
                f"Figures received {day}; no unhandled threshold breach",
                links,
            )
