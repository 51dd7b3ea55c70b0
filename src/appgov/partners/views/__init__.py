from .access import grant_import, review_detail, review_item_decide, review_list, review_signoff, review_start
from .records import (
    assessment_add,
    assessment_decide,
    child_add,
    child_edit,
    grant_revoke,
    relation_review,
)
from .register import (
    index,
    party_add,
    party_detail,
    party_edit,
    party_export,
    party_import,
    party_list,
    party_move,
)

__all__ = [
    "assessment_add",
    "assessment_decide",
    "child_add",
    "child_edit",
    "grant_import",
    "grant_revoke",
    "index",
    "party_add",
    "party_detail",
    "party_edit",
    "party_export",
    "party_import",
    "party_list",
    "party_move",
    "relation_review",
    "review_detail",
    "review_item_decide",
    "review_list",
    "review_signoff",
    "review_start",
]
