from .access import AccessGrant, AccessReview, AccessReviewItem
from .diligence import Assessment
from .parties import Contact, Party, Qualification
from .relations import Contract, Relation

__all__ = [
    "AccessGrant",
    "AccessReview",
    "AccessReviewItem",
    "Assessment",
    "Contact",
    "Contract",
    "Party",
    "Qualification",
    "Relation",
]
