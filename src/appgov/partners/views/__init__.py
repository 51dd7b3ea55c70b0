from .access import grant_import, review_detail, review_item_decide, review_list, review_signoff, review_start
from .records import (
    assessment_add,
    assessment_decide,
    child_add,
    child_edit,
    grant_revoke,
    relation_review,
)
from .register import PartyDetail, PartyEdit, PartyList, PartyMove, index, party_export, party_import

__all__ = [
    "PartyDetail",
    "PartyEdit",
    "PartyList",
    "PartyMove",
    "assessment_add",
    "assessment_decide",
    "child_add",
    "child_edit",
    "grant_import",
    "grant_revoke",
    "index",
    "party_export",
    "party_import",
    "relation_review",
    "review_detail",
    "review_item_decide",
    "review_list",
    "review_signoff",
    "review_start",
]
