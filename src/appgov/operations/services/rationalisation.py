"""Rationalisation: the function catalogues' writes, the nightly candidate run, and the office's decisions.

A candidate is an app with at least one reason (low activity, poor experience, redundant functions, high
risk), each reason with its numbers. The run writes a candidate only when its reasons change, clears an
undecided candidate whose reasons are gone, and completes a retire / merge decision once the app is retired.
"""

import datetime
from collections import defaultdict
from itertools import combinations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import extensions
from appgov.core import services as core
from appgov.core.controls.periods import add_months
from appgov.core.roles import Role
from appgov.core.services import ModelService, lock
from appgov.ledger import services as ledger
from appgov.ledger.checks import mlps_cycles
from appgov.ledger.models import MobileApp, Vulnerability
from appgov.ledger.models.choices import LifecycleState

from ..models import AppFunctions, Candidate, DailyMetric, Decision
from ..models.metrics import ALL, Metric
from ..taxonomy import function_label, policy
from .bulk import create_logged

DECIDERS = {Role.ADMINISTRATOR, Role.GOVERNANCE_OFFICE}
LIVE = (LifecycleState.RELEASED, LifecycleState.IN_OPERATION)
Reason = Candidate.Reason


class FunctionsService(ModelService):
    model = AppFunctions

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        obj.updated_on = timezone.localdate()

    def check_deletable(self, obj, actor):
        raise ValidationError(_("A function catalogue is kept: change its functions instead."))


class DecisionService(ModelService):
    """A decision is taken once per candidate, by the governance office (or the administrator); retire and
    merge start the app's exit in the ledger in the same transaction."""

    model = Decision

    def prepare(self, obj, actor, data):
        if obj.candidate_id and not obj.institution_id:
            obj.institution_id = obj.candidate.institution_id
        if obj.pk is None:
            obj.decided_on = timezone.localdate()
            obj.decided_by = actor
            if obj.kind == Decision.Kind.KEEP:
                obj.completed_on = obj.decided_on
                obj.completion_note = _("Kept: %(why)s") % {"why": obj.justification}

    def check_editable(self, obj, actor):
        if obj.completed_on is not None:
            raise ValidationError(_("A completed decision is kept as it was."))
        if obj.kind in (Decision.Kind.RETIRE, Decision.Kind.MERGE):
            raise ValidationError(
                _(
                    "The exit of the app has started in the ledger: complete it there (the decision completes itself)."
                )
            )

    def check_deletable(self, obj, actor):
        raise ValidationError(_("Decisions are kept for the record."))

    def save_object(self, obj, actor, m2m):
        if actor is not None and actor.role not in DECIDERS:
            raise PermissionDenied(_("Only the app governance office decides on rationalisation candidates."))
        with transaction.atomic():
            candidate = lock(obj.candidate)
            creating = obj.pk is None
            if creating and (
                candidate.status != Candidate.Status.OPEN
                or Decision.objects.filter(candidate=candidate).exists()
            ):
                raise ValidationError(_("This candidate has been decided or is no longer a candidate."))
            decision = core.save(obj, actor, m2m=m2m)
            if candidate.status != Candidate.Status.DECIDED:
                candidate.status = Candidate.Status.DECIDED
                core.save(candidate, actor)
            if decision.kind in (Decision.Kind.RETIRE, Decision.Kind.MERGE) and creating:
                start_exit(decision, actor)
            return decision

    def complete(self, decision, actor, note: str) -> Decision:
        """Record that an optimisation (or a kept app's follow-up) is done."""
        if not (note or "").strip():
            raise ValidationError({"completion_note": _("Say what was done.")})
        if actor is not None and actor.role not in DECIDERS:
            raise PermissionDenied(_("Only the app governance office decides on rationalisation candidates."))
        with transaction.atomic():
            decision = lock(decision)
            if decision.completed_on is not None:
                raise ValidationError(_("A completed decision is kept as it was."))
            decision.completed_on = timezone.localdate()
            decision.completion_note = note.strip()
            return core.save(decision, actor)


def start_exit(decision: Decision, actor) -> None:
    """The ledger's exit lifecycle: the exit decision as gate evidence, then start_retirement (retiring)."""
    app = decision.candidate.app
    if app.state in (LifecycleState.RETIRING, LifecycleState.RETIRED):
        return
    what = (
        _("retire")
        if decision.kind == Decision.Kind.RETIRE
        else _("merge into %(app)s") % {"app": decision.merge_into}
    )
    reference = _("Rationalisation decision %(id)s (%(what)s), deadline %(deadline)s") % {
        "id": decision.pk,
        "what": what,
        "deadline": decision.deadline,
    }
    if not app.gate_evidence.filter(item="exit_decision").exists():
        ledger.record_gate_evidence(app, "exit_decision", reference[:200], actor=actor)
    ledger.transition(app, LifecycleState.RETIRING, actor, note=reference)


functions = FunctionsService()
decisions = DecisionService()


# ---- the nightly candidate run ---------------------------------------------------------------------------
def _window_figures(app_ids, first: datetime.date, last: datetime.date) -> dict[int, dict]:
    """app id -> {metric: (mean, sum, days)} over the window, whole-app figures only, in one query."""
    rows = (
        DailyMetric.objects.filter(
            app_id__in=app_ids,
            metric__in=[Metric.MAU, Metric.RATING, Metric.CRASH_RATE, Metric.COMPLAINTS],
            version=ALL,
            platform=ALL,
            day__gte=first,
            day__lte=last,
        )
        .values("app_id", "metric")
        .annotate(mean=Avg("value"), total=Sum("value"), days=Count("id"))
        .values_list("app_id", "metric", "mean", "total", "days")
    )
    figures: dict[int, dict] = defaultdict(dict)
    for app_id, metric, mean, total, days in rows:
        figures[app_id][metric] = (mean, total, days)
    return figures


def _reason(code, zh, en) -> dict:
    return {"code": code, "zh": zh, "en": en}


def overlaps(catalogues: dict[int, set], ratio: float) -> dict[int, tuple[int, list[str], float]]:
    """app id -> (the other app it overlaps most with, the shared functions, share of the smaller catalogue)."""
    best: dict[int, tuple[int, list[str], float]] = {}
    for a, b in combinations(sorted(catalogues), 2):
        fa, fb = catalogues[a], catalogues[b]
        if not fa or not fb:
            continue
        shared = sorted(fa & fb)
        share = len(shared) / min(len(fa), len(fb))
        if share >= ratio:
            for me, other in ((a, b), (b, a)):
                if me not in best or share > best[me][2]:
                    best[me] = (other, shared, share)
    return best


def find_candidates(institution, today: datetime.date) -> dict[int, dict]:
    """app id -> {"reasons": [...], "overlap_with": id | None, "overlap": [codes]} for every live app with a
    reason."""
    p = policy()["rationalisation"]
    apps = {a.pk: a for a in MobileApp.objects.filter(institution=institution, state__in=LIVE)}
    if not apps:
        return {}
    last = today - datetime.timedelta(days=1)
    first = today - datetime.timedelta(days=p["window_days"])
    figures = _window_figures(list(apps), first, last)
    found: dict[int, dict] = defaultdict(lambda: {"reasons": [], "overlap_with": None, "overlap": []})

    # low activity: mean MAU below the floor, or in the institution's bottom decile
    mau = {a: f[Metric.MAU][0] for a, f in figures.items() if Metric.MAU in f}
    ranked = sorted(mau, key=lambda a: mau[a])
    decile = set(ranked[: len(ranked) // 10]) if len(ranked) >= p["decile_min_apps"] else set()
    for app_id, value in mau.items():
        if value < p["mau_below"]:
            found[app_id]["reasons"].append(
                _reason(
                    Reason.LOW_ACTIVITY,
                    f"近{p['window_days']}天平均月活 {value:,.0f}，低于 {p['mau_below']:,}",
                    f"mean MAU {value:,.0f} over {p['window_days']} days, below {p['mau_below']:,}",
                )
            )
        elif app_id in decile:
            found[app_id]["reasons"].append(
                _reason(
                    Reason.LOW_ACTIVITY,
                    f"近{p['window_days']}天平均月活 {value:,.0f}，位于本机构应用后10%（{len(ranked)}个应用）",
                    f"mean MAU {value:,.0f} over {p['window_days']} days, bottom decile of {len(ranked)} apps",
                )
            )

    # poor experience: rating, crash rate, complaints per 10,000 MAU a month
    for app_id, f in figures.items():
        rating = f.get(Metric.RATING)
        if rating and rating[0] < p["rating_below"]:
            found[app_id]["reasons"].append(
                _reason(
                    Reason.POOR_EXPERIENCE,
                    f"平均评分 {rating[0]:.2f}，低于 {p['rating_below']}",
                    f"mean rating {rating[0]:.2f}, below {p['rating_below']}",
                )
            )
        crash = f.get(Metric.CRASH_RATE)
        if crash and crash[0] > p["crash_rate_above"]:
            found[app_id]["reasons"].append(
                _reason(
                    Reason.POOR_EXPERIENCE,
                    f"平均崩溃率 {crash[0]:.2f}%，高于 {p['crash_rate_above']}%",
                    f"mean crash rate {crash[0]:.2f}%, above {p['crash_rate_above']}%",
                )
            )
        complaints = f.get(Metric.COMPLAINTS)
        if complaints and mau.get(app_id):
            per_10k = complaints[1] / complaints[2] * 30 / mau[app_id] * 10000
            if per_10k > p["complaints_per_10k_mau_above"]:
                found[app_id]["reasons"].append(
                    _reason(
                        Reason.POOR_EXPERIENCE,
                        f"每万月活月投诉 {per_10k:.1f} 件，高于 {p['complaints_per_10k_mau_above']}",
                        f"{per_10k:.1f} complaints a month per 10,000 MAU, above {p['complaints_per_10k_mau_above']}",
                    )
                )

    # redundant functions
    catalogues = {
        app_id: set(codes)
        for app_id, codes in AppFunctions.objects.filter(app_id__in=list(apps)).values_list(
            "app_id", "functions"
        )
    }
    for app_id, (other, shared, share) in overlaps(catalogues, p["overlap_ratio"]).items():
        names = "、".join(function_label(c, "zh") for c in shared)
        found[app_id]["reasons"].append(
            _reason(
                Reason.REDUNDANT,
                f"与「{apps[other].name}」共有 {len(shared)} 项功能（占 {share:.0%}）：{names}",
                f"shares {len(shared)} functions ({share:.0%}) with “{apps[other].name}”: {', '.join(shared)}",
            )
        )
        found[app_id]["overlap_with"], found[app_id]["overlap"] = other, shared

    # high risk: open high findings, open high vulnerabilities, lapsed MLPS assessment
    findings = extensions.lookup("open_high_findings_by_app", institution, default={}) or {}
    vulns = defaultdict(int)
    for app_id in Vulnerability.objects.filter(
        version__app_id__in=list(apps), status=Vulnerability.Status.OPEN, severity__in=["high", "critical"]
    ).values_list("version__app_id", flat=True):
        vulns[app_id] += 1
    cycles = mlps_cycles()
    for app_id, app in apps.items():
        parts_zh, parts_en = [], []
        if findings.get(app_id):
            controls = sorted(set(findings[app_id]))
            parts_zh.append(f"未整改高风险问题 {len(findings[app_id])} 项（{'、'.join(controls)}）")
            parts_en.append(f"{len(findings[app_id])} open high findings ({', '.join(controls)})")
        if vulns.get(app_id):
            parts_zh.append(f"未修复高危漏洞 {vulns[app_id]} 个")
            parts_en.append(f"{vulns[app_id]} open high vulnerabilities")
        if app.mlps_level and app.mlps_assessed_on:
            due = add_months(app.mlps_assessed_on, cycles[app.mlps_level]["months"])
            if due < today:
                parts_zh.append(f"等保测评已过期（应于 {due} 前复测）")
                parts_en.append(f"MLPS assessment lapsed (due by {due})")
        if parts_zh:
            found[app_id]["reasons"].append(
                _reason(Reason.HIGH_RISK, "；".join(parts_zh), "; ".join(parts_en))
            )
    return dict(found)


def run(institution, today: datetime.date | None = None) -> dict:
    """The nightly run for one institution: candidates written where their reasons changed, undecided ones
    cleared, retire / merge decisions completed once the app is retired."""
    today = today or timezone.localdate()
    found = find_candidates(institution, today)
    current = {
        c.app_id: c
        for c in Candidate.objects.filter(institution=institution).exclude(status=Candidate.Status.CLEARED)
    }
    counts = {"new": 0, "changed": 0, "cleared": 0, "completed": 0}
    new: list[Candidate] = []
    with transaction.atomic():
        for app_id, data in found.items():
            codes = sorted({r["code"] for r in data["reasons"]})
            candidate = current.get(app_id)
            if candidate is None:
                new.append(
                    Candidate(
                        institution=institution,
                        app_id=app_id,
                        reason_codes=codes,
                        reasons=data["reasons"],
                        overlap_with_id=data["overlap_with"],
                        overlap=data["overlap"],
                        first_found_on=today,
                        reasons_on=today,
                    )
                )
            elif candidate.reasons != data["reasons"] or candidate.overlap_with_id != data["overlap_with"]:
                candidate.reason_codes, candidate.reasons = codes, data["reasons"]
                candidate.overlap_with_id, candidate.overlap = data["overlap_with"], data["overlap"]
                candidate.reasons_on = today
                core.save(candidate)
                counts["changed"] += 1
        counts["new"] = len(create_logged(new))
        for app_id, candidate in current.items():
            if app_id not in found and candidate.status == Candidate.Status.OPEN:
                candidate.status = Candidate.Status.CLEARED
                candidate.reasons_on = today
                core.save(candidate)
                counts["cleared"] += 1
        for decision in Decision.objects.filter(
            institution=institution,
            completed_on__isnull=True,
            kind__in=[Decision.Kind.RETIRE, Decision.Kind.MERGE],
            candidate__app__state=LifecycleState.RETIRED,
        ).select_related("candidate__app"):
            decision.completed_on = decision.candidate.app.retired_on or today
            decision.completion_note = _("The app was retired in the ledger.")
            core.save(decision)
            counts["completed"] += 1
    return counts
