"""Annual risk assessment campaigns: one assessment per live app, answered against the questionnaire kept as
data, pre-filled from the platform, scored; signing is a workflow move (workflows/assessment.yaml)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core.services import lock
from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState

from .. import policy
from ..models import Assessment, AssessmentCampaign
from ..models.assessments import AssessmentState, CampaignState
from .common import KeptService


class CampaignService(KeptService):
    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if not obj.questionnaire_version:
            obj.questionnaire_version = str(policy.questionnaire()["version"])
        if obj.opened_on and obj.due_on and obj.due_on < obj.opened_on:
            raise ValidationError({"due_on": _("The campaign cannot be due before it opens.")})

    def check_editable(self, obj, actor) -> None:
        if obj.state == CampaignState.CLOSED:
            raise ValidationError(_("A closed campaign cannot be changed."))

    def save_object(self, obj, actor, m2m):
        created = obj.pk is None
        with transaction.atomic():
            obj = core.save(obj, actor, m2m=m2m)
            if created:
                add_assessments(obj, actor)
        return obj


def add_assessments(campaign: AssessmentCampaign, actor=None) -> list[Assessment]:
    """An assessment, pre-filled, for every live app that has none in the campaign yet."""
    if campaign.state == CampaignState.CLOSED:
        raise ValidationError(_("A closed campaign cannot be changed."))
    have = set(campaign.assessments.values_list("app_id", flat=True))
    made = []
    apps = MobileApp.objects.filter(institution=campaign.institution).exclude(state=LifecycleState.RETIRED)
    for app in apps.order_by("code"):
        if app.pk not in have:
            assessment = core.save(Assessment(campaign=campaign, app=app), actor)
            made.append(prefill_assessment(assessment, actor))
    return made


def open_campaign(
    institution, actor, year: int, due_on: datetime.date, title: str = ""
) -> AssessmentCampaign:
    return campaigns.create(
        actor,
        {
            "institution": institution,
            "year": year,
            "title": title or _("%(year)s annual app risk assessment") % {"year": year},
            "opened_on": timezone.localdate(),
            "due_on": due_on,
        },
    )


def prefill_assessment(assessment: Assessment, actor=None, today=None) -> Assessment:
    """Propose answers from the platform; an answer someone already gave is kept."""
    from ..prefill import propose

    with transaction.atomic():
        assessment = lock(assessment)
        if assessment.state != AssessmentState.DRAFT or assessment.campaign.state == CampaignState.CLOSED:
            raise ValidationError(_("Only a draft assessment can be pre-filled."))
        proposed = propose(assessment.app, today or timezone.localdate())
        answers = dict(assessment.answers)
        for item_id, value in proposed.items():
            answers.setdefault(
                item_id, {"answer": value["answer"], "note": str(value["facts"]), "prefilled": True}
            )
        assessment.prefill = {
            k: {"answer": v["answer"], "facts": str(v["facts"])} for k, v in proposed.items()
        }
        assessment.answers = answers
        assessment.score, assessment.rating = policy.score(answers)
        return core.save(assessment, actor)


def clean_answers(raw) -> dict:
    """The answers as stored, or ValidationError naming the item that is wrong."""
    if not isinstance(raw, dict):
        raise ValidationError({"answers": _("Give the answers as an object keyed by item id.")})
    known = {item["id"] for item in policy.questionnaire()["items"]}
    answers = {}
    for item_id, value in raw.items():
        if item_id not in known:
            raise ValidationError(
                {"answers": _("There is no item “%(id)s” in the questionnaire.") % {"id": item_id}}
            )
        if isinstance(value, str):
            value = {"answer": value}
        if not isinstance(value, dict) or value.get("answer") not in policy.ANSWERS:
            raise ValidationError(
                {
                    "answers": _("Item “%(id)s”: the answer must be one of yes, partly, no, na.")
                    % {"id": item_id}
                }
            )
        answers[item_id] = {
            "answer": value["answer"],
            "note": str(value.get("note", ""))[:2000],
            "evidence": str(value.get("evidence", ""))[:500],
        }
    return answers


class AssessmentService(KeptService):
    def create(self, actor, data):
        raise ValidationError(
            _("Assessments are made by their campaign: open a campaign or add the app to it.")
        )

    def check_editable(self, obj, actor) -> None:
        if obj.campaign.state == CampaignState.CLOSED:
            raise ValidationError(_("The campaign is closed: its assessments can no longer change."))
        if obj.state != AssessmentState.DRAFT:
            raise ValidationError(
                _("Only a draft assessment can be changed; a submitted one is returned first.")
            )

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if "answers" in data:
            obj.answers = {**_stored_answers(obj), **clean_answers(data["answers"])}
        obj.score, obj.rating = policy.score(obj.answers)


def _stored_answers(obj) -> dict:
    stored = Assessment.objects.filter(pk=obj.pk).values_list("answers", flat=True).first()
    return stored or {}


campaigns = CampaignService(AssessmentCampaign)
assessments = AssessmentService(Assessment)
