"""Writes of the compliance module: evidence and its review, SLA overrides, on-demand evaluation, finding moves,
attachments and reassignment."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import progress, workflow
from appgov.core import services as core_services
from appgov.core.controls.periods import next_due
from appgov.core.models import Department, Institution, Person
from appgov.ledger.models import AppVersion, MobileApp

from . import evidence_files, findings
from .evaluation import control_or_none, evaluate
from .models import Evaluation, Evidence, Finding, FindingAttachment, SlaPolicy
from .models.subjects import SubjectType
from .workflows import evidence_review as evidence_review_workflow

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
        try:
            evidence_files.check_file(file)
        except ValidationError as exc:
            raise ValidationError({"file": exc.messages}) from None
        evidence.file = file
    return core_services.save(evidence, actor)


def review_evidence(evidence: Evidence, actor, decision: str, reason: str = "") -> Evidence:
    """Accept or reject evidence (workflows/evidence_review.yaml): a second person of a reviewing role; a
    rejection needs a reason. Locked row, one change-log entry."""
    targets = {"accept": Evidence.Review.ACCEPTED, "reject": Evidence.Review.REJECTED}
    core_services.check_can_write(actor, evidence)
    if decision not in targets:
        roles = evidence_review_workflow.named("accept").roles
        if actor is not None and roles is not None and actor.role not in roles:
            raise PermissionDenied(_("Your role may not review evidence."))
        raise ValidationError({"decision": _("Choose accept or reject.")})
    return workflow.transition(evidence, targets[decision], actor, reason=(reason or "").strip())


def add_finding_attachment(finding: Finding, actor, file, title: str = "") -> FindingAttachment:
    core_services.check_can_write(actor, FindingAttachment(finding=finding))
    if file is None:
        raise ValidationError({"file": _("Choose a file to attach.")})
    try:
        evidence_files.check_file(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    name = (getattr(file, "name", "") or "").rsplit("/", 1)[-1]
    attachment = FindingAttachment(finding=finding, title=(title or name)[:300], uploaded_by=actor)
    attachment.file = file
    return core_services.save(attachment, actor)


def reassign_finding(finding: Finding, actor, owner_id: int | None = None, department_id: int | None = None):
    """Change who is responsible for a finding: a person and/or a department of its institution (ids; None
    leaves that part unassigned). Role first, so a user who may not write learns nothing else; logged."""
    core_services.check_can_write(actor, finding)
    if owner_id is None and department_id is None:
        raise ValidationError({"owner": _("Name a person or a department.")})
    owner = department = None
    if owner_id is not None:
        owner = Person.objects.filter(
            voided_at__isnull=True, institution=finding.institution_id, pk=owner_id
        ).first()
        if owner is None:
            raise ValidationError({"owner": _("No such person or department in this institution.")})
        if owner.left_on is not None and owner.left_on <= timezone.localdate():
            raise ValidationError(
                {
                    "owner": _("%(name)s left on %(day)s and cannot be responsible.")
                    % {"name": owner, "day": owner.left_on}
                }
            )
    if department_id is not None:
        department = Department.objects.filter(institution=finding.institution_id, pk=department_id).first()
        if department is None:
            raise ValidationError(
                {"owner_department": _("No such person or department in this institution.")}
            )
    with transaction.atomic():
        current = core_services.lock(finding)
        if current.status not in Finding.ACTIVE:
            raise ValidationError(_("A verified finding is closed and is not reassigned."))
        current = core_services.update(current, actor, owner=owner, owner_department=department)
    if finding is not current:
        finding.refresh_from_db()
    return current


def set_sla(institution, severity: str, days: int, actor=None) -> SlaPolicy:
    policy = SlaPolicy.objects.filter(institution=institution, severity=severity).first() or SlaPolicy(
        institution=institution, severity=severity
    )
    policy.days = days
    return core_services.save(policy, actor)


def evaluate_now(institution, actor=None, trigger=Evaluation.Trigger.MANUAL) -> Evaluation:
    if actor is not None:
        core_services.check_can_write(actor, Evaluation(institution=institution))
    with progress.tracking(institution.pk, "evaluation"):  # the dashboard follows it while the request runs
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
