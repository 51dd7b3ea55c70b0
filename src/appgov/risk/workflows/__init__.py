"""The risk module's workflows (incident.yaml, assessment.yaml, audit.yaml) and the rules they name."""

from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import workflow

from .. import policy
from ..models.audits import AuditKind

rules = workflow.Rules()


@rules.guard("reports_sent")
def _reports_sent(incident, actor, inputs):
    unsent = [r.get_stage_display() for r in incident.regulator_reports.filter(sent_at__isnull=True)]
    if unsent:
        return _("Not yet sent to the regulator: %(reports)s.") % {
            "reports": "、".join(str(u) for u in unsent)
        }
    return None


@rules.guard("notifications_made")
def _notifications_made(incident, actor, inputs):
    missing = [n.get_audience_display() for n in incident.notifications.filter(notified_at__isnull=True)]
    if missing:
        return _("Not yet notified: %(who)s.") % {"who": "、".join(str(m) for m in missing)}
    return None


@rules.effect("final_report_due")
def _final_report_due(incident, actor, inputs, transition, from_state):
    from ..services.incidents import refresh_final_due

    refresh_final_due(incident)


@rules.guard("all_answered")
def _all_answered(assessment, actor, inputs):
    # a pre-filled answer is the platform's proposal: a person confirms it (answers it) before submitting
    missing = [
        item["id"]
        for item in policy.questionnaire()["items"]
        if (assessment.answers.get(item["id"]) or {}).get("answer") not in policy.ANSWERS
        or (assessment.answers.get(item["id"]) or {}).get("prefilled")
    ]
    if missing:
        return _("Items not answered or not confirmed: %(items)s.") % {"items": ", ".join(missing)}
    return None


@rules.guard("not_submitter")
def _not_submitter(assessment, actor, inputs):
    if actor is not None and assessment.submitted_by_id == actor.pk:
        return _("The assessment must be signed by someone other than who submitted it.")
    return None


@rules.effect("record_submission")
def _record_submission(assessment, actor, inputs, transition):
    assessment.submitted_by = actor
    assessment.submitted_on = timezone.localdate()
    assessment.score, assessment.rating = policy.score(assessment.answers)


@rules.effect("record_signature")
def _record_signature(assessment, actor, inputs, transition):
    assessment.signed_by = actor
    assessment.signed_on = timezone.localdate()


@rules.effect("note_return")
def _note_return(assessment, actor, inputs, transition):
    stamp = timezone.localdate().isoformat()
    assessment.conclusion = f"{assessment.conclusion}\n{stamp} {_('returned')}: {inputs['reason']}".strip()


@rules.guard("campaign_open")
def _campaign_open(assessment, actor, inputs):
    from ..models.assessments import CampaignState

    if assessment.campaign.state == CampaignState.CLOSED:
        return _("The campaign is closed: its assessments can no longer change.")
    return None


@rules.guard("all_decided")
def _all_decided(campaign, actor, inputs):
    from ..models.assessments import DECIDED_STATES

    waiting = [
        f"{a.app.code}（{a.get_state_display()}）"
        for a in campaign.assessments.select_related("app").order_by("app__code")
        if a.state not in DECIDED_STATES
    ]
    if waiting:
        return _("Not yet signed or waived: %(apps)s.") % {"apps": ", ".join(waiting)}
    return None


@rules.effect("freeze_report")
def _freeze_report(campaign, actor, inputs, transition):
    import hashlib

    from django.core.files.base import ContentFile

    from ..reports import assessment_pdf

    campaign.closed_on = timezone.localdate()
    campaign.closed_by = actor
    data = assessment_pdf(campaign)
    campaign.report_sha256 = hashlib.sha256(data).hexdigest()
    campaign.report_file.save(
        f"risk-assessment-{campaign.year}-{campaign.pk}.pdf", ContentFile(data), save=False
    )


@rules.guard("not_special")
def _not_special(audit, actor, inputs):
    if audit.kind == AuditKind.SPECIAL:
        return _("A special audit required by a major incident cannot be cancelled.")
    return None


@rules.guard("fieldwork_after_plan")
def _fieldwork_after_plan(audit, actor, inputs):
    day = inputs.get("on")
    if day and audit.planned_start and day < audit.planned_start:
        return _("Fieldwork cannot start before the planned start.")
    return None


incident = workflow.load(__name__, "incident.yaml", rules)
assessment = workflow.load(__name__, "assessment.yaml", rules)
audit = workflow.load(__name__, "audit.yaml", rules)
campaign = workflow.load(__name__, "campaign.yaml", rules)
