"""Writes of the compliance module: evidence, SLA overrides, on-demand evaluation, finding moves."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core.controls.periods import next_due
from appgov.core.models import Institution
from appgov.ledger.models import AppVersion, MobileApp

from . import findings
from .evaluation import control_or_none, evaluate
from .models import Evaluation, Evidence, SlaPolicy
from .models.subjects import SubjectType

move_finding = findings.move


def subject_object(institution, subject_type: str, subject_id: int):
    """The subject an evidence or result refers to, only if it belongs to the institution."""
    if subject_type in (SubjectType.INSTITUTION, SubjectType.CREDIT_SYSTEM):
        return institution if subject_id == institution.pk else None
    if subject_type == SubjectType.APP:
        return MobileApp.objects.filter(institution=institution, pk=subject_id).first()
    if subject_type == SubjectType.APP_VERSION:
        return AppVersion.objects.filter(app__institution=institution, pk=subject_id).first()
    return None


def add_evidence(
    institution: Institution,
    control_id: str,
    subject_type: str,
    subject_id: int,
    title: str,
    effective_on: datetime.date,
    actor=None,
    file=None,
    link: str = "",
    expires_on: datetime.date | None = None,
) -> Evidence:
    control = control_or_none(control_id)
    if control is None:
        raise ValidationError({"control_id": _("Unknown control %(id)s") % {"id": control_id}})
    if subject_object(institution, subject_type, subject_id) is None:
        raise ValidationError({"subject_id": _("No such subject in your institution")})
    if expires_on is None and control.evidence_validity_days:
        expires_on = effective_on + datetime.timedelta(days=control.evidence_validity_days)
        if control.frequency:
            # Valid through the whole calendar period (a year across 29 February has 366 days).
            expires_on = max(
                expires_on, next_due(effective_on, control.frequency) + datetime.timedelta(days=1)
            )
    evidence = Evidence(
        institution=institution,
        control_id=control_id,
        subject_type=subject_type,
        subject_id=subject_id,
        title=title,
        link=link,
        effective_on=effective_on,
        expires_on=expires_on,
        uploaded_by=actor,
    )
    if file is not None:
        evidence.file = file
    return core_services.save(evidence, actor)


def set_sla(institution, severity: str, days: int, actor=None) -> SlaPolicy:
    policy = SlaPolicy.objects.filter(institution=institution, severity=severity).first() or SlaPolicy(
        institution=institution, severity=severity
    )
    policy.days = days
    return core_services.save(policy, actor)


def evaluate_now(institution, actor=None, trigger=Evaluation.Trigger.MANUAL) -> Evaluation:
    if actor is not None:
        core_services.check_can_write(actor, Evaluation(institution=institution))
    return evaluate(institution, trigger)


class EvidenceService(core_services.ModelService):
    model = Evidence

    def create(self, actor, data: dict):
        return add_evidence(
            actor.institution,
            data["control_id"],
            data["subject_type"],
            data["subject_id"],
            data["title"],
            data["effective_on"],
            actor,
            data.get("file"),
            data.get("link", ""),
            data.get("expires_on"),
        )

    def update(self, obj, actor, data: dict):
        raise ValidationError(_("Evidence is not edited: upload new evidence instead."))


evidence = EvidenceService()
