"""Records a regulator office owns (core.models.owned.OfficeOwned): testing campaigns and their results,
rectification decisions and supervisory measures. Bulletins and institution submissions live beside them."""

from .bulletins import AnswerDecision, Bulletin, BulletinAnswer, BulletinTarget
from .campaigns import Campaign, CampaignFinding, CampaignResult
from .measures import RectificationDecision, SupervisoryMeasure
from .submissions import Submission, SubmissionReview

__all__ = [
    "AnswerDecision",
    "Bulletin",
    "BulletinAnswer",
    "BulletinTarget",
    "Submission",
    "SubmissionReview",
    "Campaign",
    "CampaignFinding",
    "CampaignResult",
    "RectificationDecision",
    "SupervisoryMeasure",
]
