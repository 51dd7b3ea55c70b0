"""Findings a regulator office issues to an institution (NFRA-18.2 testing campaigns, called by
appgov.supervision): they sit in the institution's findings list with a deadline; the institution starts and
submits the rectification (marks it resolved); only the office verifies it or sends it back (the finding
workflow's `not_regulator_issued` guard refuses the institution's own verify and risk acceptance, and the
evaluation never resolves them). The caller checks the office's role and jurisdiction; these functions check
the finding's state on the locked row and write one change-log entry each, naming the office's user."""

import datetime
import os

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.context import acting_as
from appgov.core.models import ChangeLogEntry

from . import evidence_files
from .models import Finding, FindingAttachment
from .models.subjects import SubjectType

S = Finding.Status


def issue_app_finding(
    *,
    office,
    app,
    control_id: str,
    severity: str,
    explanation: str,
    due_on: datetime.date,
    reference: str,
    actor,
    evidence=None,
    evidence_title: str = "",
) -> Finding:
    """Open a regulator-issued finding on one app of the institution (with the examiner's evidence file)."""
    finding = Finding(
        institution_id=app.institution_id,
        control_id=control_id,
        subject_type=SubjectType.APP,
        subject_id=app.pk,
        subject_repr=str(app)[:300],
        severity=severity,
        owner=getattr(app, "responsible_person", None),
        explanation_zh=explanation,
        explanation_en=explanation,
        opened_at=timezone.now(),
        due_on=due_on,
        issued_by_office=office,
        regulator_reference=reference,
    )
    with transaction.atomic(), acting_as(actor, prefix="req"):
        core_services.save(finding)  # the system writes it on the office's behalf; the entry names the actor
        if evidence:
            evidence_files.check_file(evidence)
            attachment = FindingAttachment(finding=finding, title=(evidence_title or reference)[:300])
            # an open stored file is named by its absolute path on the server: keep its own name only
            attachment.file = File(evidence, name=os.path.basename(evidence.name or "evidence"))
            core_services.save(attachment)
    return finding


def decide(finding: Finding, *, accepted: bool, comment: str, actor) -> Finding:
    """The office's decision on a submitted rectification: accepted verifies the finding; rejected sends it
    back to the institution (in rectification), the comment added to its note. Refused unless the finding is
    issued by the actor's office's jurisdiction and awaits a decision (resolved)."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Give the reason for the decision (the institution sees it).")})
    with transaction.atomic():
        finding = Finding.objects.select_for_update(no_key=True).get(pk=finding.pk)
        if finding.issued_by_office_id is None:
            raise ValidationError(_("Only a finding issued by a regulator office is decided by the office."))
        if finding.status != S.RESOLVED:
            raise ValidationError(
                _("The institution has not submitted a rectification (status: %(status)s).")
                % {"status": finding.get_status_display()}
            )
        before = changelog.snapshot(finding)
        who = getattr(actor, "regulator_office", None) or finding.issued_by_office
        if accepted:
            finding.status, finding.verified_at, finding.verified_by = S.VERIFIED, timezone.now(), actor
            line = f"{timezone.localdate()} {who}: {_('rectification accepted')}: {comment}"
        else:
            finding.status, finding.resolved_at, finding.resolved_by = S.IN_RECTIFICATION, None, None
            line = f"{timezone.localdate()} {who}: {_('rectification rejected')}: {comment}"
        finding.note = f"{finding.note}\n{line}" if finding.note else line
        finding.full_clean()
        finding.save()
        changelog.record(
            finding, ChangeLogEntry.Action.TRANSITION, before, changelog.snapshot(finding), actor
        )
    return finding
