"""Q01 authorisation, Q02 post-loan relationship, Q03 application behind an approval query (PBC102-03.1)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .common import RuleContext


def _event_columns(events: ir.Table) -> dict[str, ir.Value]:
    return {
        "event_id": events.event_id,
        "ts": events.ts,
        "operator_id": events.operator_id,
        "branch_id": events.branch_id,
        "subject_id": events.subject_id,
    }


def q01_no_valid_authorization(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q01")
    codes = ctx.config.reason_codes
    exempt = sorted(code for code, entry in codes.items() if not entry["requires_authorization"])
    events = ctx.events
    needing = events.filter(~events.reason_code.isin(exempt)) if exempt else events
    auth = ctx.tables["authorizations"]
    auth = auth.select(
        a_id=auth.authorization_id,
        a_subject_id=auth.subject_id,
        a_purpose=auth.purpose,
        a_signed_at=auth.signed_at,
        a_valid_from=auth.valid_from,
        a_valid_to=auth.valid_to,
        a_branch_id=auth.branch_id,
    )
    joined = needing.left_join(auth, needing.authorization_id == auth.a_id)
    purpose_cases = [
        (joined.reason_code == code, joined.a_purpose.isin(entry.get("purposes") or [code]))
        for code, entry in sorted(codes.items())
        if entry["requires_authorization"]
    ]
    purpose_ok = (
        ibis.cases(*purpose_cases, else_=joined.a_purpose == joined.reason_code)
        if purpose_cases
        else (joined.a_purpose == joined.reason_code)
    )
    conditions = [
        (joined.authorization_id.isnull(), "missing"),
        (joined.a_id.isnull(), "unknown"),
        (joined.a_subject_id != joined.subject_id, "other_subject"),
        (~purpose_ok, "purpose_mismatch"),
        (joined.a_signed_at > joined.ts, "signed_after_query"),
        (joined.ts < joined.a_valid_from, "not_yet_valid"),
        (joined.a_valid_to.notnull() & (joined.ts > joined.a_valid_to), "expired"),
    ]
    if params["require_same_branch"]:
        conditions.append(
            (joined.a_branch_id.isnull() | (joined.a_branch_id != joined.branch_id), "other_branch")
        )
    reason = ibis.cases(*conditions, else_=ibis.null("string"))
    result = joined.select(
        **_event_columns(joined),
        reason=reason,
        d_reason_code=joined.reason_code,
        d_authorization_id=joined.authorization_id,
        d_purpose=joined.a_purpose,
        d_valid_from=joined.a_valid_from,
        d_valid_to=joined.a_valid_to,
    )
    return result.filter(result.reason.notnull())


def q02_post_loan_without_relationship(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q02")
    events = ctx.events
    post_loan = events.filter(events.reason_code.isin(params["reason_codes"]))
    relations = ctx.tables["credit_relationships"]
    grace = ibis.interval(days=params["grace_days"])
    predicates = [
        post_loan.subject_id == relations.subject_id,
        relations.start <= post_loan.ts,
        relations.end.isnull() | (post_loan.ts <= relations.end + grace),
    ]
    if params["require_same_branch"]:
        predicates.append(post_loan.branch_id == relations.branch_id)
    uncovered = post_loan.anti_join(relations, predicates)
    known = relations.select(k_subject_id=relations.subject_id).distinct()
    flagged = uncovered.left_join(known, uncovered.subject_id == known.k_subject_id)
    return flagged.select(
        **_event_columns(flagged),
        reason=ibis.ifelse(flagged.k_subject_id.isnull(), "no_relationship", "outside_relationship"),
        d_reason_code=flagged.reason_code,
    )


def q03_approval_without_application(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q03")
    products = {
        code: entry["application_products"]
        for code, entry in sorted(ctx.config.reason_codes.items())
        if entry.get("application_products")
    }
    if not products:
        return _empty_like_event_rule(ctx)
    events = ctx.events
    approvals = events.filter(events.reason_code.isin(list(products)))
    applications = ctx.tables["loan_applications"]
    product_ok = ibis.cases(
        *[
            (approvals.reason_code == code, applications.product.isin(names))
            for code, names in products.items()
        ],
        else_=False,
    )
    predicates = [
        approvals.subject_id == applications.subject_id,
        applications.applied_at >= approvals.ts - ibis.interval(days=params["days_before"]),
        applications.applied_at <= approvals.ts + ibis.interval(minutes=params["minutes_after"]),
        product_ok,
    ]
    if params["require_same_branch"]:
        predicates.append(approvals.branch_id == applications.branch_id)
    missing = approvals.anti_join(applications, predicates)
    return missing.select(
        **_event_columns(missing),
        reason=ibis.literal("no_application"),
        d_reason_code=missing.reason_code,
    )


def _empty_like_event_rule(ctx: RuleContext) -> ir.Table:
    events = ctx.events
    return events.filter(ibis.literal(False)).select(
        **_event_columns(events), reason=ibis.literal("none"), d_reason_code=events.reason_code
    )
