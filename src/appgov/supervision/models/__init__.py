"""Records a regulator office owns (core.models.owned.OfficeOwned): testing campaigns and their results,
rectification decisions and supervisory measures. Bulletins and institution submissions live beside them."""

from .campaigns import Campaign, CampaignFinding, CampaignResult
from .measures import RectificationDecision, SupervisoryMeasure

__all__ = [
    "Campaign",
    "CampaignFinding",
    "CampaignResult",
    "RectificationDecision",
    "SupervisoryMeasure",
]
