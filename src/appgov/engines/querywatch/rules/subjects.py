"""Q09 one subject queried by many operators or branches, Q10 employees and own records (PBC102-03.2, 06)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .authorization import _event_columns
from .common import RuleContext, sliding_episodes


def q09_subject_many_parties(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q09")
    events = ctx.events
    if params["exempt_reason_codes"]:
        events = events.filter(~events.reason_code.isin(params["exempt_reason_codes"]))
    min_operators, min_branches = params["min_operators"], params["min_branches"]
    events = events.select("event_id", "ts", "operator_id", "branch_id", "subject_id")
    # a subject queried fewer times than either threshold cannot reach it
    # (grouping by a hash is much cheaper than by the text; collisions only let extra subjects through)
    events = events.mutate(subject_hash=events.subject_id.hash())
    counts = events.group_by("subject_hash").aggregate(n=events.event_id.count())
    repeated = counts.filter(counts.n >= min(min_operators, min_branches)).select(
        repeated_hash=counts.subject_hash
    )
    events = events.semi_join(repeated, events.subject_hash == repeated.repeated_hash).drop("subject_hash")
    episodes = sliding_episodes(
        events,
        key="subject_id",
        window_minutes=params["window_minutes"],
        measures={"operators": "operator_id", "branches": "branch_id"},
        is_alert=lambda window: (window.operators >= min_operators) | (window.branches >= min_branches),
    )
    return episodes.select(
        "event_ids",
        "ts",
        "last_ts",
        "anchor",
        operator_id=ibis.null("string"),
        branch_id=ibis.null("string"),
        subject_id=episodes.key_value,
        reason=ibis.ifelse(episodes.max_branches >= min_branches, "many_branches", "many_operators"),
        d_operators=episodes.operators_list,
        d_branches=episodes.branches_list,
        d_max_operators=episodes.max_operators,
        d_max_branches=episodes.max_branches,
    )


def q10_employee_or_own_record(ctx: RuleContext) -> ir.Table:
    allowed = ctx.params("Q10")["employee_allowed_reason_codes"]
    events = ctx.events
    employees = ctx.tables["employees"]
    staff = employees.select(e_subject_id=employees.subject_id, e_person_id=employees.person_id)
    staff_queries = events.inner_join(staff, events.subject_id == staff.e_subject_id)
    joined = ctx.with_operator_at_ts(staff_queries)
    own = joined.o_person_id.notnull() & (joined.o_person_id == joined.e_person_id)
    reason = ibis.cases(
        (own, "own_record"),
        (~joined.reason_code.isin(allowed), "employee") if allowed else (ibis.literal(True), "employee"),
        else_=ibis.null("string"),
    )
    result = joined.select(
        **_event_columns(joined),
        reason=reason,
        d_reason_code=joined.reason_code,
        d_person_id=joined.e_person_id,
    )
    return result.filter(result.reason.notnull())
