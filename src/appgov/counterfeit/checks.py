"""Compliance checks judged from the counterfeit-monitoring records.

NFRA-09.5 (per app): monitoring runs (a finished sweep within `sweep_max_age_days`, a listing feed within
`feed_max_age_days`), and every confirmed case of the app was clarified publicly and reported to the
regulator by its deadline (policy.py). A delivery made late keeps the control failing for
`late_delivery_window_days` after the due date. An institution that has never sent a listing feed does not
monitor through AppGov: its apps are judged on uploaded evidence (a monitoring vendor's reports), as before.

NFRA-02.1 (per app): the ledger's own completeness check, plus the builds that listing monitoring found
signed with the app's release certificate under an identifier the ledger does not register (the engine's
``unregistered`` outcome, stored on the listing by the sweep): the app fails while such a listing is still
delivered by the feeds (within `feed_max_age_days`). Registering the identifier clears it at the next sweep.

NFRA-12.4 (per app): a repackaged copy of the app (certificate mismatch on an official package id, or a
case confirmed as repackaged) found in the listings and not taken down fails the app. Otherwise the result
of the package-scan check (scanning/checks.py, which judges signing and tampering of the app's own
packages) stands, with the listing-monitoring state added to its explanation.
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone

from appgov.core.controls.registry import (
    Outcome,
    Result,
    SubjectType,
    check,
    extend,
    failed,
    judge_on_evidence,
    passed,
)

from .models import CONFIRMED_STATES, CaseState, CounterfeitCase, ListingFeed, ObservedListing, SweepRun
from .policy import policy

APP = SubjectType.APP


def _case_link(case) -> dict:
    return {
        "label": f"#{case.pk} {case.listing_name}",
        "url": reverse("counterfeit:case-detail", args=[case.pk]),
    }


class _Monitoring:
    """Everything the two checks read for one institution, loaded once per evaluation (four queries)."""

    def __init__(self, ctx):
        inst = ctx.institution
        self.last_sweep = (
            SweepRun.objects.filter(institution=inst, status=SweepRun.Status.DONE)
            .order_by("-finished_at")
            .values_list("finished_at", flat=True)
            .first()
        )
        self.last_feed = (
            ListingFeed.objects.filter(institution=inst)
            .order_by("-received_at")
            .values_list("received_at", flat=True)
        ).first()
        self.cases_by_app = defaultdict(list)
        cases = (
            CounterfeitCase.objects.filter(institution=inst)
            .exclude(state=CaseState.FALSE_POSITIVE)
            .select_related("regulator_report")
            .prefetch_related("clarifications")
        )
        for case in cases:
            self.cases_by_app[case.app_id].append(case)


def _monitoring(ctx) -> _Monitoring:
    cached = getattr(ctx, "_counterfeit_monitoring", None)
    if cached is None:
        cached = ctx._counterfeit_monitoring = _Monitoring(ctx)
    return cached


def _local_date(moment) -> datetime.date:
    return timezone.localtime(moment).date()


def _monitoring_problem(mon, today, pol) -> tuple[str, str] | None:
    feed_age = (today - _local_date(mon.last_feed)).days
    if feed_age > pol["feed_max_age_days"]:
        return (
            f"最近一次接收上架信息在 {feed_age} 天前（要求 {pol['feed_max_age_days']} 天内）",
            f"the last listing feed is {feed_age} days old (policy: {pol['feed_max_age_days']})",
        )
    if mon.last_sweep is None:
        return "从未运行仿冒应用筛查", "no counterfeit sweep has ever finished"
    sweep_age = (today - _local_date(mon.last_sweep)).days
    if sweep_age > pol["sweep_max_age_days"]:
        return (
            f"最近一次仿冒筛查在 {sweep_age} 天前（要求 {pol['sweep_max_age_days']} 天内）",
            f"the last sweep finished {sweep_age} days ago (policy: {pol['sweep_max_age_days']})",
        )
    return None


def _delivery_problems(case, today, pol) -> list[tuple[str, str]]:
    """Missing or late clarification / report of one confirmed case."""
    window = datetime.timedelta(days=pol["late_delivery_window_days"])
    problems = []
    clarified = min((c.published_on for c in case.clarifications.all()), default=None)
    due = case.clarification_due_on
    if due is not None:
        if clarified is None and today > due:
            problems.append(
                (f"#{case.pk} 未按期公开澄清（应于 {due} 前）", f"#{case.pk} not clarified by {due}")
            )
        elif clarified is not None and clarified > due and today <= due + window:
            problems.append(
                (
                    f"#{case.pk} 公开澄清逾期（{clarified}，应于 {due} 前）",
                    f"#{case.pk} clarified late ({clarified}, due {due})",
                )
            )
    report = getattr(case, "regulator_report", None)
    due = case.report_due_on
    if due is not None:
        if report is None and today > due:
            problems.append(
                (
                    f"#{case.pk} 未按期向监管报告（应于 {due} 前）",
                    f"#{case.pk} not reported to the regulator by {due}",
                )
            )
        elif report is not None and report.reported_on > due and today <= due + window:
            problems.append(
                (
                    f"#{case.pk} 向监管报告逾期（{report.reported_on}，应于 {due} 前）",
                    f"#{case.pk} reported late ({report.reported_on}, due {due})",
                )
            )
    return problems


@check("NFRA-09.5")
def counterfeit_monitored_and_reported(ctx, control):
    mon, pol = _monitoring(ctx), policy()
    if mon.last_feed is None:
        # The institution does not monitor through AppGov (no feed ever): its monitoring records from
        # elsewhere (a vendor's reports) are judged as evidence, as for any control.
        yield from judge_on_evidence(ctx, control)
        return
    monitoring = _monitoring_problem(mon, ctx.today, pol)
    for app in ctx.live_apps:
        label = f"{app.code} {app.name}"
        cases = [c for c in mon.cases_by_app.get(app.pk, []) if c.state in CONFIRMED_STATES]
        problems = [p for case in cases for p in _delivery_problems(case, ctx.today, pol)]
        if monitoring:
            problems.insert(0, monitoring)
        links = [_case_link(c) for c in cases[:5]]
        if problems:
            yield failed(
                APP,
                app.pk,
                label,
                "；".join(p[0] for p in problems[:6]) + "。",
                "; ".join(p[1] for p in problems[:6]) + ".",
                links,
            )
            continue
        swept = _local_date(mon.last_sweep)
        if cases:
            zh = f"仿冒监测运行中（最近筛查 {swept}）；{len(cases)} 起已确认仿冒均已按期公开澄清并向监管报告"
            en = f"Monitoring runs (last sweep {swept}); {len(cases)} confirmed cases clarified and reported on time"
        else:
            zh = f"仿冒监测运行中（最近筛查 {swept}），未确认仿冒该应用的情况"
            en = f"Monitoring runs (last sweep {swept}); no confirmed counterfeit of this app"
        yield passed(APP, app.pk, label, zh, en, links)


# ---- NFRA-12.4: composed with the package-scan check registered by appgov.scanning ---------------------

OPEN_REPACKAGED = {CaseState.NEW, CaseState.CONFIRMED_REPACKAGED, CaseState.TAKEDOWN_REQUESTED}


def _open_repackaged(case) -> bool:
    if case.state == CaseState.CONFIRMED_REPACKAGED or (
        case.state == CaseState.TAKEDOWN_REQUESTED and case.verdict == CounterfeitCase.Verdict.REPACKAGED
    ):
        return True
    return case.state == CaseState.NEW and case.alert_kind == "repackaged"


def _compose_repackaging(scan_check):
    def repackaging_monitored(ctx, control):
        mon = _monitoring(ctx)
        base = {r.subject_id: r for r in scan_check(ctx, control) if r.subject_type == APP}
        for app in ctx.live_apps:
            label = f"{app.code} {app.name}"
            copies = [c for c in mon.cases_by_app.get(app.pk, []) if _open_repackaged(c)]
            if copies:
                names = "、".join(f"#{c.pk}「{c.listing_name}」（{c.source}）" for c in copies[:5])
                yield failed(
                    APP,
                    app.pk,
                    label,
                    f"上架监测发现 {len(copies)} 个未下架的重打包版本：{names}",
                    f"{len(copies)} repackaged copies found in listings and not taken down: "
                    + ", ".join(f"#{c.pk} {c.listing_name} ({c.source})" for c in copies[:5]),
                    [_case_link(c) for c in copies[:5]],
                )
                continue
            result = base.get(app.pk)
            if mon.last_sweep is not None:
                note_zh = f"上架监测未发现未下架的重打包版本（最近筛查 {_local_date(mon.last_sweep)}）"
                note_en = f"listing monitoring found no repackaged copy left up (last sweep {_local_date(mon.last_sweep)})"
            else:
                note_zh, note_en = "尚未运行上架重打包监测", "no listing sweep has run yet"
            if result is None:
                yield Result(APP, app.pk, label, Outcome.EVIDENCE_NEEDED, note_zh, note_en)
                continue
            yield Result(
                result.subject_type,
                result.subject_id,
                result.subject_repr,
                result.outcome,
                f"{result.zh.rstrip('。')}；{note_zh}。",
                f"{result.en.rstrip('.')}; {note_en}.",
                result.links,
            )

    return repackaging_monitored


# NFRA-12.4 is judged by scanning (the app's own packages); listing monitoring adds what it sees.
extend("NFRA-12.4")(_compose_repackaging)


# ---- NFRA-02.1: the ledger covers every app — composed with the ledger's own completeness check --------


def _unregistered_listings(ctx) -> dict[int, list]:
    """app id -> listings of the institution flagged by the last sweep as its own build under an
    identifier the ledger does not register, delivered by a feed within `feed_max_age_days` (a listing no
    feed has carried for longer is taken to be gone)."""
    cached = getattr(ctx, "_counterfeit_unregistered", None)
    if cached is None:
        since = timezone.now() - datetime.timedelta(days=policy()["feed_max_age_days"])
        cached = defaultdict(list)
        rows = (
            ObservedListing.objects.filter(
                institution=ctx.institution, unregistered_app__isnull=False, last_seen_at__gte=since
            )
            .only("pk", "name", "source", "package_id", "listing_id", "unregistered_app_id")
            .order_by("listing_id")
        )
        for row in rows:
            cached[row.unregistered_app_id].append(row)
        ctx._counterfeit_unregistered = cached
    return cached


def _unregistered_link(app) -> dict:
    return {
        "label": f"{app.code} {app.name}",
        "url": reverse("counterfeit:listing-list") + f"?unregistered=true&unregistered_app={app.pk}",
    }


def _unregistered_text(rows) -> tuple[str, str]:
    shown = rows[:5]
    zh = "、".join(f"「{r.name}」（{r.source}，{r.package_id or '无包名'}）" for r in shown)
    en = ", ".join(f"{r.name} ({r.source}, {r.package_id or 'no package id'})" for r in shown)
    more_zh = f"等 {len(rows)} 个" if len(rows) > len(shown) else ""
    more_en = f" and {len(rows) - len(shown)} more" if len(rows) > len(shown) else ""
    return (
        f"上架监测发现使用本应用发布证书签名（或由本机构已核验的开发者主体在 App Store 发布）、"
        f"但标识未登记在台账中的版本{more_zh}：{zh}",
        f"listing monitoring found builds signed with this app's release certificate (or published by the "
        f"institution's verified developer account on the App Store) under identifiers "
        f"the ledger does not register: {en}{more_en}",
    )


def _compose_unregistered(ledger_check):
    def ledger_complete_and_no_unregistered_builds(ctx, control):
        found = _unregistered_listings(ctx)
        apps = {a.pk: a for a in ctx.apps}
        seen = set()
        for result in ledger_check(ctx, control):
            rows = found.get(result.subject_id) if result.subject_type == APP else None
            if not rows:
                yield result
                continue
            seen.add(result.subject_id)
            zh, en = _unregistered_text(rows)
            if result.outcome == Outcome.FAIL:
                zh, en = f"{result.zh.rstrip('。')}；{zh}", f"{result.en.rstrip('.')}; {en}"
            yield failed(
                APP,
                result.subject_id,
                result.subject_repr,
                zh,
                en,
                [*result.links, _unregistered_link(apps[result.subject_id])],
            )
        # the build of an app the ledger check does not judge (e.g. retired) is a finding all the same
        for app_id, rows in found.items():
            if app_id in seen or app_id not in apps:
                continue
            app = apps[app_id]
            zh, en = _unregistered_text(rows)
            yield failed(APP, app.pk, f"{app.code} {app.name}", zh, en, [_unregistered_link(app)])

    return ledger_complete_and_no_unregistered_builds


# NFRA-02.1 is judged by the ledger (required fields); listing monitoring adds the builds it discovers.
extend("NFRA-02.1")(_compose_unregistered)
