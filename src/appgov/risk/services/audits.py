"""Audits and inspections: the programme (every live app audited at least every three years, NFRA-17.3;
inspected every year, NFRA-05.4) and the engagements that carry it out."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from appgov.core.controls.periods import add_months
from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState

from ..models import AuditEngagement, AuditFinding
from ..models.audits import AuditKind, AuditState
from .common import KeptService, same_institution

# months between two audits of an app (NFRA-17.3: 每三年至少开展一次审计) and two inspections (NFRA-05.4:
# 定期 without a period; annual is the institution's policy, as the control catalogue says)
CYCLE_MONTHS = {AuditKind.REGULAR: 36, AuditKind.INSPECTION: 12}
COUNTS_AS = {
    AuditKind.REGULAR: (AuditKind.REGULAR, AuditKind.SPECIAL),
    AuditKind.INSPECTION: (AuditKind.INSPECTION,),
}
OPEN_STATES = (AuditState.REQUIRED, AuditState.PLANNED, AuditState.FIELDWORK)


class AuditService(KeptService):
    def check_editable(self, obj, actor) -> None:
        if obj.state in (AuditState.REPORTED, AuditState.CANCELLED):
            raise ValidationError(_("A reported or cancelled audit cannot be changed."))

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.pk is None and obj.kind == AuditKind.SPECIAL and obj.trigger_incident_id is None:
            raise ValidationError(
                {"trigger_incident": _("A special audit follows a major incident: name the incident.")}
            )

    def save_object(self, obj, actor, m2m):
        from appgov.core import services as core

        if "apps" in m2m:
            same_institution(obj.institution_id, list(m2m["apps"]))
        with transaction.atomic():
            obj = core.save(obj, actor, m2m=m2m)
            if not obj.apps.exists():
                raise ValidationError({"apps": _("Name at least one app the audit covers.")})
        return obj


@dataclass
class ProgrammeRow:
    app: MobileApp
    kind: str
    last_done_on: datetime.date | None
    due_on: datetime.date
    engagement: AuditEngagement | None  # the open engagement that covers it, if any

    @property
    def planned(self) -> bool:
        return self.engagement is not None


def _live_apps(institution):
    return (
        MobileApp.objects.filter(institution=institution)
        .exclude(state=LifecycleState.RETIRED)
        .order_by("code")
    )


def audit_programme(institution, today: datetime.date, kind: str = AuditKind.REGULAR) -> list[ProgrammeRow]:
    """For each live app: the last audit (or inspection) reported, when the next is due, the engagement planned."""
    months = CYCLE_MONTHS[kind]
    last: dict[int, datetime.date] = {}
    open_for: dict[int, AuditEngagement] = {}
    engagements = AuditEngagement.objects.filter(institution=institution).prefetch_related("apps")
    for engagement in engagements:
        app_ids = [a.pk for a in engagement.apps.all()]
        if (
            engagement.kind in COUNTS_AS[kind]
            and engagement.state == AuditState.REPORTED
            and engagement.report_date
        ):
            for app_id in app_ids:
                if last.get(app_id) is None or engagement.report_date > last[app_id]:
                    last[app_id] = engagement.report_date
        if engagement.kind == kind and engagement.state in OPEN_STATES:
            for app_id in app_ids:
                open_for.setdefault(app_id, engagement)
    rows = []
    for app in _live_apps(institution):
        done = last.get(app.pk)
        # never audited: due one cycle after the app was registered (or today, for an app older than that)
        start = done or min(app.created_at.date(), today)
        due = add_months(start, months) if done else min(add_months(start, months), max(today, start))
        rows.append(ProgrammeRow(app, kind, done, due, open_for.get(app.pk)))
    return rows


def plan_programme(
    institution, actor, year: int, kind: str = AuditKind.REGULAR, *, today: datetime.date
) -> list:
    """One engagement per app due by the end of `year` that has none open; returns the engagements created."""
    year_end = datetime.date(year, 12, 31)
    created = []
    with transaction.atomic():
        for row in audit_programme(institution, today, kind):
            if row.planned or row.due_on > year_end:
                continue
            label = _("Audit") if kind == AuditKind.REGULAR else _("Business compliance inspection")
            created.append(
                audits.create(
                    actor,
                    {
                        "institution": institution,
                        "reference": f"{'AU' if kind == AuditKind.REGULAR else 'IN'}-{year}-{row.app.code}"[
                            :40
                        ],
                        "title": f"{year} {label} {row.app.name}"[:200],
                        "kind": kind,
                        "due_on": row.due_on,
                        "apps": [row.app],
                    },
                )
            )
    return created


audits = AuditService(AuditEngagement)


# an engagement records findings from its fieldwork until its report (and with the report)
FINDING_STATES = (AuditState.FIELDWORK, AuditState.REPORTED)
KIND_ZH = {AuditKind.REGULAR: "审计", AuditKind.SPECIAL: "专项审计", AuditKind.INSPECTION: "业务合规检查"}


class AuditFindingService(KeptService):
    """Recording an audit finding opens its finding in the common findings list (severity, owner, the SLA's due
    date), linked back to this record; the finding is then rectified, verified or accepted there."""

    def check_editable(self, obj, actor) -> None:
        if obj.finding_id is not None:
            raise ValidationError(
                _("This audit finding is in the findings list: change its owner or status on the finding.")
            )

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        engagement = obj.engagement
        if engagement.state not in FINDING_STATES:
            raise ValidationError(
                {
                    "engagement": _(
                        "Findings are recorded from the fieldwork on (this engagement is %(state)s)."
                    )
                    % {"state": engagement.get_state_display()}
                }
            )
        if obj.app_id and not engagement.apps.filter(pk=obj.app_id).exists():
            raise ValidationError({"app": _("The engagement does not cover this app.")})
        if obj.owner_id and obj.owner.institution_id != engagement.institution_id:
            raise ValidationError({"owner": _("This person belongs to another institution.")})

    def save_object(self, obj, actor, m2m):
        from appgov.core import extensions
        from appgov.core import services as core
        from appgov.core.controls.outcomes import SubjectType

        from ..models.audits import FINDING_CONTROL

        with transaction.atomic():
            obj = core.save(obj, actor, m2m=m2m)
            engagement = obj.engagement
            owner = obj.owner or (obj.app.responsible_person if obj.app_id else None)
            where = f"{engagement.reference} {obj.app.name if obj.app_id else engagement.institution}"
            opened = extensions.findings_gateway().open_finding(
                institution=engagement.institution,
                actor=actor,
                control_id=FINDING_CONTROL[engagement.kind],
                subject_type=SubjectType.AUDIT_FINDING,
                subject_id=obj.pk,
                subject_repr=f"{where} · {obj.title}",
                severity=obj.severity,
                owner=owner,
                explanation_zh=f"{KIND_ZH[engagement.kind]}“{engagement.reference}”发现：{obj.description}",
                explanation_en=f"Finding of {engagement.kind} {engagement.reference}: {obj.description}",
            )
            obj.finding_id = opened.id
            obj = core.save(obj, actor)
        return obj


audit_findings = AuditFindingService(AuditFinding)
