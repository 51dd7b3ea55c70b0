"""NFRA-18.3, the bulletin half: an office follows up its bulletins when it decides every answer within
DECISION_DAYS of receiving it, and chases (a supervisory measure after the answer date) every institution whose
acknowledgement or answer is more than DECISION_DAYS overdue. Registered with checks.register_follow_up."""

import datetime

from django.utils import timezone

from . import bulletin_services
from .checks import DECISION_DAYS, Problem, register_follow_up
from .models import Bulletin, BulletinAnswer, SupervisoryMeasure


@register_follow_up
def bulletins_followed_up(office, start, today) -> list[Problem] | None:
    """None when the office issued no bulletin in the period; else what it failed to follow up."""
    issued = Bulletin.objects.filter(office=office, issued_at__date__gte=start, issued_at__date__lte=today)
    if not issued.exists():
        return None
    limit = datetime.timedelta(days=DECISION_DAYS)
    problems = []
    answers = (
        BulletinAnswer.objects.filter(target__bulletin__in=issued)
        .select_related("target__institution", "target__bulletin", "app")
        .prefetch_related("decisions")
    )
    for row in answers:
        row._decisions = list(row.decisions.all())
        state = bulletin_services.answer_state(row, today)
        bulletin, institution = row.target.bulletin, row.target.institution
        if state == "answered" and timezone.localtime(row.answered_at).date() + limit < today:
            days = (today - timezone.localtime(row.answered_at).date()).days
            problems.append(
                Problem(
                    f"{bulletin.code} {institution.name} {row.app.name}：答复 {days} 天未决定",
                    f"{bulletin.code} {institution.name} {row.app.name}: answer undecided for {days} days",
                )
            )
    for target in (
        row
        for b in issued
        for row in b.targets.select_related("institution", "bulletin")
        if b.answer_by + limit < today
    ):
        late = target.acknowledged_at is None or target.answers.filter(answered_at__isnull=True).exists()
        if not late:
            continue
        chased = SupervisoryMeasure.objects.filter(
            office=office, institution=target.institution, taken_on__gte=target.bulletin.answer_by
        ).exists()
        if not chased:
            problems.append(
                Problem(
                    f"{target.bulletin.code} {target.institution.name}：逾期未答复且未督促",
                    f"{target.bulletin.code} {target.institution.name}: answer overdue and not chased",
                )
            )
    return problems
