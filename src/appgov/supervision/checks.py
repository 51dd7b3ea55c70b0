"""NFRA-18.x: the regulator office's own controls, judged on the office's records over a period (the last 12
months by default). The institutions' evaluation marks these controls not applicable (compliance.evaluation
run_control); they are judged here, with the same vocabulary (pass / fail / evidence needed), per office.
They are not registered with core.controls.registry: that registry judges institutions (EvaluationContext),
and an office is no institution. "Not judged" is never a pass: no record at all is evidence needed or a failure.

Bulletins (NFRA-18.3) are another part of this module: it adds its follow-up judgement with
`register_follow_up(function)`; each function takes (office, start, end, today) and returns a list of Problems
(empty: followed up) or None (the office issued nothing of that kind in the period)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from appgov.compliance.models import Finding
from appgov.core.controls.outcomes import Outcome
from appgov.core.models import Institution

from .models import Campaign, RectificationDecision, SupervisoryMeasure

PERIOD_DAYS = 365
# Days the office takes to accept or reject a submitted rectification (office practice; the notice sets none).
DECISION_DAYS = 15

# what each control checks, needs and when it fails (scripts/compliance_doc.py prints these into the docs)
RULES = {
    "NFRA-18.1": (
        "Every institution of the office's jurisdiction (its sub-offices' included) was covered in the period by "
        "one of the office's own testing campaigns or supervisory measures.",
        "The office's campaigns (Campaign.institutions) and supervisory measures.",
        "An institution of the jurisdiction with neither (no institution in the jurisdiction: not applicable).",
    ),
    "NFRA-18.2": (
        "The office issued the results of a testing campaign (penetration, privacy or counterfeit sweep) in the "
        "period.",
        "Campaign.status issued/closed with issued_at in the period.",
        "No campaign in the period (only a planned one: evidence needed).",
    ),
    "NFRA-18.3": (
        f"Rectifications of issued findings are decided within {DECISION_DAYS} days of submission, and "
        "bulletins are followed up (the bulletin part of the module adds its rule).",
        "Submitted (resolved) regulator-issued findings and RectificationDecision rows; bulletin answers.",
        f"A submission undecided after {DECISION_DAYS} days, a decision taken late, or a bulletin not followed up; "
        "nothing issued in the period: evidence needed.",
    ),
    "NFRA-18.4": (
        "Every institution with an issued finding overdue (deadline passed, not rectified) was held to account "
        "by a supervisory measure taken after the deadline.",
        "Regulator-issued findings' due dates and status; SupervisoryMeasure.taken_on.",
        "An overdue issued finding without a later measure against its institution.",
    ),
}


@dataclass(frozen=True)
class Problem:
    zh: str
    en: str


@dataclass(frozen=True)
class OfficeResult:
    control_id: str
    outcome: str
    zh: str
    en: str
    problems: tuple[Problem, ...] = ()

    @property
    def outcome_label(self):
        return Outcome(self.outcome).label


FOLLOW_UPS: list[Callable] = []


def register_follow_up(function: Callable) -> Callable:
    FOLLOW_UPS.append(function)
    return function


def evaluate(office, today: datetime.date | None = None, days: int = PERIOD_DAYS) -> list[OfficeResult]:
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=days)
    return [
        responsible(office, start, today),
        campaign_held(office, start, today),
        followed_up(office, start, today),
        accountability(office, start, today),
    ]


def _result(control_id, problems, ok_zh, ok_en, fail_zh, fail_en) -> OfficeResult:
    if problems:
        return OfficeResult(control_id, Outcome.FAIL, fail_zh, fail_en, tuple(problems))
    return OfficeResult(control_id, Outcome.PASS, ok_zh, ok_en)


def responsible(office, start, today) -> OfficeResult:
    institutions = list(
        Institution.objects.filter(regulator_office_id__in=office.descendant_ids()).order_by("code")
    )
    if not institutions:
        return OfficeResult(
            "NFRA-18.1",
            Outcome.NOT_APPLICABLE,
            "辖内无金融机构。",
            "No institution in this office's jurisdiction.",
        )
    campaigns = Campaign.objects.filter(office=office, period_end__gte=start, period_start__lte=today)
    covered = set(campaigns.values_list("institutions", flat=True))
    covered |= set(
        SupervisoryMeasure.objects.filter(
            office=office, taken_on__gte=start, taken_on__lte=today
        ).values_list("institution_id", flat=True)
    )
    problems = [
        Problem(f"{i.name}：期内未开展检测或采取监管措施", f"{i.name}: no campaign or measure in the period")
        for i in institutions
        if i.pk not in covered
    ]
    return _result(
        "NFRA-18.1", problems,
        f"辖内 {len(institutions)} 家机构期内均有本局检测或监管措施。",
        f"All {len(institutions)} institutions of the jurisdiction were covered by a campaign or measure.",
        f"{len(problems)} 家机构期内既无检测也无监管措施。",
        f"{len(problems)} institutions had neither a campaign nor a measure in the period.",
    )  # fmt: skip


def campaign_held(office, start, today) -> OfficeResult:
    campaigns = Campaign.objects.filter(office=office)
    issued = (
        campaigns.filter(issued_at__date__gte=start, issued_at__date__lte=today)
        .order_by("-issued_at")
        .first()
    )
    if issued is not None:
        return OfficeResult(
            "NFRA-18.2", Outcome.PASS,
            f"期内已下发检测结果：{issued}（{timezone.localtime(issued.issued_at):%Y-%m-%d}）。",
            f"Campaign results issued in the period: {issued} ({timezone.localtime(issued.issued_at):%Y-%m-%d}).",
        )  # fmt: skip
    planned = campaigns.filter(status=Campaign.Status.PLANNED, period_end__gte=start).first()
    if planned is not None:
        return OfficeResult(
            "NFRA-18.2", Outcome.EVIDENCE_NEEDED,
            f"已计划检测 {planned}，结果尚未下发。",
            f"Campaign {planned} is planned; its results are not issued yet.",
        )  # fmt: skip
    return OfficeResult(
        "NFRA-18.2", Outcome.FAIL, "期内未开展移动应用检测（渗透测试等）。",
        "No app testing campaign (penetration test etc.) in the period.",
        (Problem("无检测活动", "no campaign"),),
    )  # fmt: skip


def _late_decisions(office, start, today) -> tuple[list[Problem], int]:
    limit = datetime.timedelta(days=DECISION_DAYS)
    problems, seen = [], 0
    waiting = Finding.objects.filter(
        issued_by_office=office, status=Finding.Status.RESOLVED, resolved_at__isnull=False
    )
    for f in waiting.select_related("institution"):
        seen += 1
        if timezone.localtime(f.resolved_at).date() + limit < today:
            problems.append(Problem(
                f"{f.institution.name} {f.regulator_reference}：整改已提交 {(today - timezone.localtime(f.resolved_at).date()).days} 天未决定",
                f"{f.institution.name} {f.regulator_reference}: submitted rectification undecided for "
                f"{(today - timezone.localtime(f.resolved_at).date()).days} days",
            ))  # fmt: skip
    decided = RectificationDecision.objects.filter(office=office, decided_at__date__gte=start).select_related(
        "institution", "finding"
    )
    for d in decided:
        seen += 1
        if d.submitted_at and d.decided_at - d.submitted_at > limit:
            problems.append(Problem(
                f"{d.institution.name} {d.finding.regulator_reference}：整改决定超过 {DECISION_DAYS} 天",
                f"{d.institution.name} {d.finding.regulator_reference}: decided after more than {DECISION_DAYS} days",
            ))  # fmt: skip
    return problems, seen


def followed_up(office, start, today) -> OfficeResult:
    problems, seen = _late_decisions(office, start, today)
    for follow_up in FOLLOW_UPS:
        found = follow_up(office, start, today)
        if found is not None:
            seen += 1
            problems += found
    if not seen and not problems:
        return OfficeResult(
            "NFRA-18.3", Outcome.EVIDENCE_NEEDED,
            "期内无待跟踪的整改或通报，无法判断整改督促情况。",
            "Nothing to follow up in the period (no submitted rectification, no bulletin): not judged.",
        )  # fmt: skip
    return _result(
        "NFRA-18.3", problems,
        f"整改决定均在 {DECISION_DAYS} 天内作出，通报均已跟踪。",
        f"Rectifications decided within {DECISION_DAYS} days; bulletins followed up.",
        f"{len(problems)} 项整改或通报未及时跟踪。",
        f"{len(problems)} rectifications or bulletins not followed up in time.",
    )  # fmt: skip


def accountability(office, start, today) -> OfficeResult:
    late = Finding.objects.filter(
        issued_by_office=office,
        status__in=[Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION],
        due_on__lt=today,
    ).select_related("institution")
    problems = []
    for f in late:
        held = SupervisoryMeasure.objects.filter(office=office, institution_id=f.institution_id).filter(
            Q(taken_on__gte=f.due_on)
        )
        if not held.exists():
            problems.append(Problem(
                f"{f.institution.name} {f.regulator_reference}：逾期 {(today - f.due_on).days} 天未整改，未采取监管措施",
                f"{f.institution.name} {f.regulator_reference}: {(today - f.due_on).days} days overdue, no measure taken",
            ))  # fmt: skip
    return _result(
        "NFRA-18.4", problems,
        "逾期未整改的下发问题均已采取监管措施（或无逾期问题）。",
        "Every overdue issued finding was followed by a supervisory measure (or none is overdue).",
        f"{len(problems)} 个逾期问题未问责。",
        f"{len(problems)} overdue findings without accountability.",
    )  # fmt: skip
