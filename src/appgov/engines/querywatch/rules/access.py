"""Q04 channel and client app, Q05 account state and holder, Q13 password age (PBC102-02, 03.3)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .authorization import _event_columns
from .common import RuleContext, anchor_key


def q04_unapproved_app_or_channel(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q04")
    events = ctx.events
    apps = ctx.tables["approved_apps"]
    channel_problem = ~events.channel.isin(params["allowed_channels"]) | (
        events.channel.isin(params["app_channels"]) & events.client_app_id.isnull()
    )
    bad_channel = events.filter(channel_problem)
    bad_channel = bad_channel.select(
        **_event_columns(bad_channel),
        reason=ibis.ifelse(
            ~bad_channel.channel.isin(params["allowed_channels"]), "channel_not_allowed", "app_missing"
        ),
        d_channel=bad_channel.channel,
        d_client_app_id=bad_channel.client_app_id,
    )
    with_app = events.filter(events.client_app_id.notnull() & ~channel_problem)
    unapproved = with_app.anti_join(
        apps,
        [
            with_app.client_app_id == apps.client_app_id,
            apps.approved_from <= with_app.ts,
            apps.approved_to.isnull() | (with_app.ts < apps.approved_to),
        ],
    )
    known_apps = apps.select(k_app_id=apps.client_app_id).distinct()
    unapproved = unapproved.left_join(known_apps, unapproved.client_app_id == known_apps.k_app_id)
    unapproved = unapproved.select(
        **_event_columns(unapproved),
        reason=ibis.ifelse(unapproved.k_app_id.isnull(), "app_not_approved", "app_approval_not_current"),
        d_channel=unapproved.channel,
        d_client_app_id=unapproved.client_app_id,
    )
    return bad_channel.union(unapproved)


def q05_invalid_operator(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q05")
    events = ctx.events
    with_operator = ctx.with_operator_at_ts(events)
    operators = ctx.tables["operators"]
    known = operators.select(k_operator_id=operators.operator_id).distinct()
    employees = ctx.tables["employees"]
    staff = employees.select(
        e_person_id=employees.person_id,
        e_branch_id=employees.branch_id,
        e_left_at=employees.left_at,
        e_moved_at=employees.moved_at,
    )
    joined = with_operator.left_join(known, with_operator.operator_id == known.k_operator_id)
    joined = joined.left_join(staff, joined.o_person_id == staff.e_person_id)
    reason = ibis.cases(
        (joined.o_operator_id.isnull() & joined.k_operator_id.isnull(), "unknown"),
        (joined.o_operator_id.isnull(), "outside_validity"),
        (~joined.o_status.isin(params["active_statuses"]), "disabled"),
        (joined.e_left_at.notnull() & (joined.e_left_at <= joined.ts), "person_left"),
        (
            joined.e_moved_at.notnull()
            & (joined.e_moved_at <= joined.ts)
            & joined.e_branch_id.notnull()
            & (joined.e_branch_id != joined.o_branch_id),
            "person_moved",
        ),
        else_=ibis.null("string"),
    )
    result = joined.select(
        **_event_columns(joined),
        reason=reason,
        d_status=joined.o_status,
        d_account_branch_id=joined.o_branch_id,
        d_person_id=joined.o_person_id,
        d_left_at=joined.e_left_at,
        d_moved_at=joined.e_moved_at,
        d_new_branch_id=joined.e_branch_id,
    )
    return result.filter(result.reason.notnull())


def q13_stale_password(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q13")
    max_age = ibis.interval(days=params["max_password_age_days"])
    events = ctx.events
    operators = ctx.tables["operators"]
    # accounts whose password can be too old at some query of the log; the others need no join
    stale = operators.filter(
        operators.password_changed_at.isnull() | (operators.password_changed_at + max_age < events.ts.max())
    )
    events = events.semi_join(stale, events.operator_id == stale.operator_id)
    with_operator = ctx.with_operator_at_ts(events)
    matched = with_operator.filter(with_operator.o_operator_id.notnull())
    reason = ibis.cases(
        (matched.o_password_changed_at.isnull(), "no_password_date"),
        (matched.ts > matched.o_password_changed_at + max_age, "password_too_old"),
        else_=ibis.null("string"),
    )
    stale = matched.mutate(reason=reason, day=matched.ts.date()).filter(lambda t: t.reason.notnull())
    grouped = stale.group_by(["operator_id", "day", "reason"]).aggregate(
        event_ids=stale.event_id.collect(distinct=True).sort(),
        ts=stale.ts.min(),
        last_ts=stale.ts.max(),
        anchor=anchor_key(stale.ts, stale.event_id).min(),
        branch_id=stale.branch_id.min(),
        d_password_changed_at=stale.o_password_changed_at.max(),
        d_queries=stale.event_id.count(),
    )
    return grouped.select(
        "event_ids",
        "ts",
        "last_ts",
        "anchor",
        "operator_id",
        "branch_id",
        subject_id=ibis.null("string"),
        reason=grouped.reason,
        d_password_changed_at=grouped.d_password_changed_at,
        d_queries=grouped.d_queries,
    )
