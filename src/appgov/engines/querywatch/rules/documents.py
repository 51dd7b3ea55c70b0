"""Q14 state-organ and internal queries need their archived request document (PBC102-03.1, 03.2)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .authorization import _event_columns
from .common import RuleContext

DOCUMENT_FIELDS = ("requester", "document_no", "scope")


def q14_request_document(ctx: RuleContext) -> ir.Table:
    """A query under a state-organ or internal reason code whose archived record lacks the request document.

    The record is the one the query names (``authorization_id``); a query naming none, or an unknown one,
    is Q01's (missing / unknown), so it is not alerted twice here.
    """
    params = ctx.params("Q14")
    codes = sorted(
        code for code, entry in ctx.config.reason_codes.items() if entry["category"] in params["categories"]
    )
    events = ctx.events
    documented = (
        events.filter(events.reason_code.isin(codes) & events.authorization_id.notnull())
        if codes
        else (events.filter(ibis.literal(False)))
    )
    auth = ctx.tables["authorizations"]
    fields = {
        f"a_{name}": (auth[name] if name in auth.columns else ibis.null("string")) for name in DOCUMENT_FIELDS
    }
    records = auth.select(a_id=auth.authorization_id, **fields)
    joined = documented.inner_join(records, documented.authorization_id == records.a_id)
    missing = [
        ibis.ifelse(
            joined[f"a_{name}"].isnull() | (joined[f"a_{name}"].strip() == ""),
            ibis.literal(name),
            ibis.null("string"),
        )
        for name in params["required_fields"]
    ]
    absent = (
        ibis.array(missing).filter(lambda value: value.notnull())
        if missing
        else ibis.literal([], "array<string>")
    )
    result = joined.select(
        **_event_columns(joined),
        reason=ibis.literal("incomplete_document"),
        d_reason_code=joined.reason_code,
        d_authorization_id=joined.authorization_id,
        d_missing_fields=absent,
        d_requester=joined.a_requester,
        d_document_no=joined.a_document_no,
    )
    return result.filter(result.d_missing_fields.length() > 0)
