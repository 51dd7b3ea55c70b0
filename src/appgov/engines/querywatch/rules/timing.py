"""Q07 working hours and holidays, Q12 self-service kiosks (PBC102-05, 06)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .authorization import _event_columns
from .common import RuleContext, ipv4_to_int, minute_of_day


def _hhmm_to_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def q07_outside_working_hours(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q07")
    events = ctx.events
    if params["exempt_channels"]:
        events = events.filter(~events.channel.isin(params["exempt_channels"]))
    if params["exempt_reason_codes"]:
        events = events.filter(~events.reason_code.isin(params["exempt_reason_codes"]))
    events = events.mutate(
        q_day=events.ts.date(),
        q_minute=minute_of_day(events.ts),
        q_weekday=(events.ts.day_of_week.index() + 1).cast("int32"),
    )
    calendar = ctx.tables["calendar"]
    per_branch = calendar.filter(calendar.branch_id.notnull()).select(
        b_date=calendar.date,
        b_branch_id=calendar.branch_id,
        b_workday=calendar.is_workday,
        b_start=calendar.work_start,
        b_end=calendar.work_end,
        b_name=calendar.name,
    )
    everywhere = calendar.filter(calendar.branch_id.isnull()).select(
        c_date=calendar.date,
        c_workday=calendar.is_workday,
        c_start=calendar.work_start,
        c_end=calendar.work_end,
        c_name=calendar.name,
    )
    joined = events.left_join(
        per_branch, [events.q_day == per_branch.b_date, events.branch_id == per_branch.b_branch_id]
    ).left_join(everywhere, events.q_day == everywhere.c_date)
    has_branch_day = joined.b_date.notnull()
    has_day = joined.c_date.notnull()
    default_workday = joined.q_weekday.isin(params["default_workdays"])
    workday = ibis.cases(
        (has_branch_day, joined.b_workday), (has_day, joined.c_workday), else_=default_workday
    )
    start = ibis.cases(
        (has_branch_day, joined.b_start),
        (has_day, joined.c_start),
        else_=ibis.literal(_hhmm_to_minutes(params["default_work_start"]), "int32"),
    )
    end = ibis.cases(
        (has_branch_day, joined.b_end),
        (has_day, joined.c_end),
        else_=ibis.literal(_hhmm_to_minutes(params["default_work_end"]), "int32"),
    )
    day_name = ibis.cases(
        (has_branch_day, joined.b_name), (has_day, joined.c_name), else_=ibis.null("string")
    )
    tolerance = params["tolerance_minutes"]
    reason = ibis.cases(
        (~workday, "non_working_day"),
        (joined.q_minute < start - tolerance, "before_hours"),
        (joined.q_minute >= end + tolerance, "after_hours"),
        else_=ibis.null("string"),
    )
    result = joined.select(
        **_event_columns(joined),
        reason=reason,
        d_day_name=day_name,
        d_work_start=start.cast("int32"),
        d_work_end=end.cast("int32"),
    )
    return result.filter(result.reason.notnull())


def q12_kiosk(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q12")
    events = ctx.events
    kiosk_queries = events.filter(events.channel.isin(params["kiosk_channels"]))
    kiosk_queries = kiosk_queries.mutate(
        q_minute=minute_of_day(kiosk_queries.ts), q_ip=ipv4_to_int(kiosk_queries.ip)
    )
    kiosks = ctx.tables["kiosks"]
    kiosks = kiosks.select(
        k_terminal_id=kiosks.terminal_id,
        k_branch_id=kiosks.branch_id,
        k_segment=kiosks.network_segment,
        k_first=kiosks.network_segment_first,
        k_last=kiosks.network_segment_last,
        k_open_from=kiosks.open_from,
        k_open_to=kiosks.open_to,
    )
    joined = kiosk_queries.left_join(kiosks, kiosk_queries.terminal_id == kiosks.k_terminal_id)
    conditions = [(joined.k_terminal_id.isnull(), "unregistered_kiosk")]
    if params["require_same_branch"]:
        conditions.append((joined.k_branch_id != joined.branch_id, "other_branch"))
    conditions += [
        ((joined.q_minute < joined.k_open_from) | (joined.q_minute >= joined.k_open_to), "outside_hours"),
        (
            joined.q_ip.isnull() | (joined.q_ip < joined.k_first) | (joined.q_ip > joined.k_last),
            "outside_segment",
        ),
    ]
    reason = ibis.cases(*conditions, else_=ibis.null("string"))
    result = joined.select(
        **_event_columns(joined),
        reason=reason,
        d_terminal_id=joined.terminal_id,
        d_ip=joined.ip,
        d_segment=joined.k_segment,
        d_open_from=joined.k_open_from,
        d_open_to=joined.k_open_to,
        d_kiosk_branch_id=joined.k_branch_id,
    )
    return result.filter(result.reason.notnull())
