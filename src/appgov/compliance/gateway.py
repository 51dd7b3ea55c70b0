"""The findings list as other modules reach it (core.extensions.findings_gateway), without importing compliance:
a module opens a finding from its own work (an audit's finding) with the SLA policy's due date, and reads
findings by id or per app. Closing stays the findings workflow (workflows/finding.yaml)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core.controls.outcomes import WORK_SUBJECTS, SubjectType
from appgov.core.extensions import FindingInfo
from appgov.ledger.models.choices import Severity

from .findings import sla_days
from .models import Finding

OPEN_STATES = (Finding.Status.OPEN, Finding.Status.IN_RECTIFICATION)


def info(finding: Finding, today: datetime.date | None = None) -> FindingInfo:
    today = today or timezone.localdate()
    return FindingInfo(
        id=finding.pk,
        control_id=finding.control_id,
        subject_repr=finding.subject_repr,
        severity=finding.severity,
        status=finding.status,
        status_label=str(finding.get_status_display()),
        due_on=finding.due_on,
        active=finding.status in Finding.ACTIVE,
        overdue=finding.status in OPEN_STATES and finding.due_on < today,
        url=reverse("compliance:finding-detail", args=[finding.pk]),
    )


def open_finding(
    *,
    institution,
    actor,
    control_id: str,
    subject_type: str,
    subject_id: int,
    subject_repr: str,
    severity: str,
    owner=None,
    explanation_zh: str = "",
    explanation_en: str = "",
) -> FindingInfo:
    """Open one finding of a module's work: due after the institution's SLA for its severity; logged."""
    if subject_type not in WORK_SUBJECTS:
        raise ValidationError(_("Findings of this subject are opened by the evaluation, not by hand."))
    if severity not in Severity.values:
        raise ValidationError({"severity": _("Choose a severity.")})
    with transaction.atomic():
        if Finding.objects.filter(
            institution=institution,
            control_id=control_id,
            subject_type=subject_type,
            subject_id=subject_id,
            status__in=Finding.ACTIVE,
        ).exists():
            raise ValidationError(_("This finding is already in the findings list."))
        today = timezone.localdate()
        finding = Finding(
            institution=institution,
            control_id=control_id,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_repr=subject_repr[:300],
            severity=severity,
            owner=owner,
            explanation_zh=explanation_zh,
            explanation_en=explanation_en,
            opened_at=timezone.now(),
            due_on=today + datetime.timedelta(days=sla_days(institution, severity)),
        )
        finding = core_services.save(finding, actor)
    return info(finding, today)


def findings(institution, ids) -> dict[int, FindingInfo]:
    """The institution's findings of these ids (another institution's ids are simply absent)."""
    today = timezone.localdate()
    rows = Finding.objects.filter(institution=institution, pk__in=[int(i) for i in ids])
    return {f.pk: info(f, today) for f in rows}


def open_for_app(institution, app_id: int, version_ids=()) -> list[FindingInfo]:
    """The app's findings not yet verified: those of the app and of its versions, soonest due first."""
    today = timezone.localdate()
    rows = Finding.objects.filter(institution=institution, status__in=Finding.ACTIVE).filter(
        subject_type=SubjectType.APP, subject_id=app_id
    ) | Finding.objects.filter(
        institution=institution,
        status__in=Finding.ACTIVE,
        subject_type=SubjectType.APP_VERSION,
        subject_id__in=list(version_ids),
    )
    return [info(f, today) for f in rows.order_by("due_on", "pk")]
