"""The module's open due dates for the compliance calendar (core.extensions.register_due_dates): reports and
notifications not yet made, audits and inspections not yet reported, unsigned assessments, treatment tasks,
risk reviews and drills not yet held, and each live app's next audit and inspection by the programme."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Assessment,
    AuditEngagement,
    Drill,
    PrivacyNotification,
    RegulatorReport,
    Risk,
    RiskTask,
)
from .models.assessments import AssessmentState
from .models.audits import AuditKind
from .services.audits import OPEN_STATES, audit_programme

CONTROL = {AuditKind.REGULAR: "NFRA-17.3", AuditKind.SPECIAL: "NFRA-17.4", AuditKind.INSPECTION: "NFRA-05.4"}


def _row(due, label, url, control_id=""):
    if isinstance(due, datetime.datetime):
        due = timezone.localdate(due)
    return {"due_on": due, "label": label, "url": url, "control_id": control_id}


def due_dates(institution, today) -> list[dict]:
    rows = []
    for r in RegulatorReport.objects.filter(
        incident__institution=institution, sent_at__isnull=True
    ).select_related("incident"):
        rows.append(_row(r.due_at, str(r), r.incident.get_absolute_url(), "NFRA-15.2"))
    for n in PrivacyNotification.objects.filter(
        incident__institution=institution, notified_at__isnull=True
    ).select_related("incident"):
        rows.append(_row(n.due_at, str(n), n.incident.get_absolute_url(), "NFRA-16.3"))
    for a in AuditEngagement.objects.filter(institution=institution, state__in=OPEN_STATES):
        rows.append(_row(a.due_on, str(a), a.get_absolute_url(), CONTROL[a.kind]))
    for a in (
        Assessment.objects.filter(campaign__institution=institution)
        .exclude(state__in=(AssessmentState.SIGNED, AssessmentState.WAIVED))
        .select_related("campaign", "app")
    ):
        rows.append(_row(a.campaign.due_on, str(a), a.get_absolute_url(), "NFRA-17.2"))
    for t in RiskTask.objects.filter(
        voided_at__isnull=True, risk__institution=institution, done_on__isnull=True
    ).select_related("risk"):
        rows.append(_row(t.due_on, f"{t.risk.reference} {t.title}", t.risk.get_absolute_url(), "NFRA-17.1"))
    for r in Risk.objects.filter(institution=institution, next_review_on__isnull=False).exclude(
        status="closed"
    ):
        rows.append(
            _row(r.next_review_on, _("Review of %(risk)s") % {"risk": r}, r.get_absolute_url(), "NFRA-17.1")
        )
    for d in Drill.objects.filter(app__institution=institution, held_on__isnull=True).select_related("app"):
        rows.append(_row(d.planned_on, str(d), d.get_absolute_url(), "NFRA-15.1"))
    for kind in (AuditKind.REGULAR, AuditKind.INSPECTION):
        for row in audit_programme(institution, today, kind):
            if not row.planned:
                label = (
                    _("Next audit of %(app)s")
                    if kind == AuditKind.REGULAR
                    else _("Next inspection of %(app)s")
                )
                rows.append(
                    _row(row.due_on, label % {"app": row.app.name}, reverse("risk:programme"), CONTROL[kind])
                )
    return rows
