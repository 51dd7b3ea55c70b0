"""Incidents: severity from the criteria kept as data, and what a severity and a kind require (regulator
reports, privacy notifications, a special audit), created with the incident and never removed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core.services import ModelService, lock

from .. import policy
from ..models import AuditEngagement, Incident, IncidentEvent, PrivacyNotification, RegulatorReport
from ..models.audits import AuditKind, AuditState
from ..models.incidents import Audience, IncidentKind, IncidentState, ReportStage
from .common import KeptService, same_institution

CRITERIA = ("outage_minutes", "customers_affected", "records_exposed", "loss_yuan", "media_attention")
# Who is notified of a privacy incident (institution policy, see docs/risk.md): a leak or a violation of the
# rules concerns the persons whose information it is and the authority; a complaint is answered to the person.
NOTIFY = {
    IncidentKind.DATA_LEAK: (Audience.PERSONS, Audience.AUTHORITY),
    IncidentKind.PRIVACY_VIOLATION: (Audience.PERSONS, Audience.AUTHORITY),
    IncidentKind.PRIVACY_COMPLAINT: (Audience.PERSONS,),
}


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def report_due(incident: Incident, stage: str) -> datetime.datetime:
    rules = policy.report_deadlines()
    if stage == ReportStage.INITIAL:
        return incident.detected_at + datetime.timedelta(hours=rules["initial_hours"])
    if stage == ReportStage.FOLLOW_UP:
        return incident.detected_at + datetime.timedelta(hours=rules["follow_up_hours"])
    start = incident.resolved_on or timezone.localtime(incident.detected_at).date()
    return _end_of_day(start + datetime.timedelta(days=rules["final_days"]))


class IncidentService(KeptService):
    def check_editable(self, obj, actor) -> None:
        if obj.state == IncidentState.CLOSED:
            raise ValidationError(_("A closed incident cannot be changed."))

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        values = {name: getattr(obj, name) for name in CRITERIA}
        severity, met, _level = policy.judge_severity(values)
        # a severity is never lowered once it required reports or an audit: they stay required
        if obj.pk and obj.severity == "major" and severity != "major":
            raise ValidationError(
                _(
                    "This incident was recorded as major: its regulator reports and special audit stay required."
                )
            )
        obj.severity, obj.severity_reasons = severity, met

    def save_object(self, obj, actor, m2m):
        if "apps" in m2m and obj.institution_id:
            same_institution(obj.institution_id, list(m2m["apps"]))
        with transaction.atomic():
            obj = core.save(obj, actor, m2m=m2m)
            if not obj.apps.exists():
                raise ValidationError({"apps": _("Name at least one affected app.")})
            ensure_obligations(obj, actor)
        return obj


def ensure_obligations(incident: Incident, actor=None) -> None:
    """The reports, notifications and special audit the incident's severity and kind require (idempotent)."""
    level = policy.level_rules(incident.severity)
    if level.get("report_to_regulator"):
        have = set(incident.regulator_reports.values_list("stage", flat=True))
        for stage in ReportStage.values:
            if stage not in have:
                core.save(
                    RegulatorReport(
                        incident=incident,
                        stage=stage,
                        due_at=report_due(incident, stage),
                        office=incident.institution.regulator_office,
                    ),
                    None,  # required by the rule, whoever recorded the incident
                )
    for audience in NOTIFY.get(incident.kind, ()):
        if not incident.notifications.filter(audience=audience).exists():
            hours = policy.notification_hours()[audience]
            core.save(
                PrivacyNotification(
                    incident=incident,
                    audience=audience,
                    due_at=incident.detected_at + datetime.timedelta(hours=hours),
                ),
                None,
            )
    if level.get("special_audit") and not incident.special_audits.exists():
        detected = timezone.localtime(incident.detected_at).date()
        core.save(
            AuditEngagement(
                institution=incident.institution,
                reference=f"SA-{incident.reference}"[:40],
                title=(_("Special audit after %(incident)s") % {"incident": incident.title})[:200],
                kind=AuditKind.SPECIAL,
                trigger_incident=incident,
                due_on=detected + datetime.timedelta(days=policy.special_audit_days()),
                scope=_("NFRA-17.4: special audit after the major incident %(ref)s.")
                % {"ref": incident.reference},
                state=AuditState.REQUIRED,
            ),
            None,
            m2m={"apps": list(incident.apps.all())},
        )


def refresh_final_due(incident: Incident) -> None:
    """The final report's deadline runs from the resolution (called when the incident is resolved)."""
    for report in incident.regulator_reports.filter(stage=ReportStage.FINAL, sent_at__isnull=True):
        report.due_at = report_due(incident, ReportStage.FINAL)
        core.save(report, None)


class ReportService(KeptService):
    """Reports are made by the rule (ensure_obligations); people write the summary, generate and send."""

    def create(self, actor, data):
        raise ValidationError(
            _("Regulator reports are required by the incident's severity; record the incident.")
        )

    def check_editable(self, obj, actor) -> None:
        if obj.sent_at is not None:
            raise ValidationError(_("A report that was sent cannot be changed."))


def record_sent(report: RegulatorReport, actor, *, sent_at=None, reference: str = "") -> RegulatorReport:
    with transaction.atomic():
        report = lock(report)
        if report.sent_at is not None:
            raise ValidationError(_("This report was already recorded as sent."))
        if not report.document:
            raise ValidationError(_("Generate the report before recording that it was sent."))
        sent_at = sent_at or timezone.now()
        if sent_at > timezone.now():
            raise ValidationError({"sent_at": _("The date cannot be in the future.")})
        if not reference.strip():
            raise ValidationError({"sent_reference": _("Give the acknowledgement reference of the sending.")})
        report.sent_at, report.sent_reference = sent_at, reference.strip()
        return core.save(report, actor)


def record_notified(notification, actor, *, notified_at=None, channel: str = "", recipients: int = 0):
    with transaction.atomic():
        notification = lock(notification)
        if notification.notified_at is not None:
            raise ValidationError(_("This notification was already recorded."))
        notified_at = notified_at or timezone.now()
        if notified_at > timezone.now():
            raise ValidationError({"notified_at": _("The date cannot be in the future.")})
        if not channel.strip():
            raise ValidationError({"channel": _("Say how they were notified.")})
        notification.notified_at, notification.channel = notified_at, channel.strip()
        notification.recipients = recipients
        return core.save(notification, actor)


class NotificationService(KeptService):
    def create(self, actor, data):
        raise ValidationError(_("Notifications are required by the incident's kind; record the incident."))


class EventService(ModelService):
    def check_editable(self, obj, actor) -> None:
        if obj.incident.state == IncidentState.CLOSED:
            raise ValidationError(_("A closed incident cannot be changed."))

    check_deletable = check_editable


incidents = IncidentService(Incident)
events = EventService(IncidentEvent)
reports = ReportService(RegulatorReport)
notifications = NotificationService(PrivacyNotification)
