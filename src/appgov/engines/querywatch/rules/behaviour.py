"""Q06 shared account, Q08 volume burst, Q11 harvesting: per-account behaviour over time (PBC102-02, 06)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .common import (
    EVENT_ORDER,
    RuleContext,
    anchor_key,
    busy_keys,
    gap_episodes,
    only_keys,
    sliding_episodes,
)


def q06_shared_account(ctx: RuleContext) -> ir.Table:
    """Two consecutive queries of one account, less than the window apart, from different terminals or IPs.

    For a threshold of two, "two distinct terminals within the window" and "two consecutive queries from
    different terminals within the window" are the same condition, which needs no DISTINCT window aggregate.
    Chained switches (A->B->A ...) form one episode.
    """
    window = ibis.interval(minutes=ctx.params("Q06")["window_minutes"])
    events = ctx.events.select("event_id", "ts", "operator_id", "branch_id", "terminal_id", "ip")
    # only accounts that used more than one terminal or IP during the log can switch
    per_account = events.group_by("operator_id").aggregate(
        t_low=events.terminal_id.min(),
        t_high=events.terminal_id.max(),
        i_low=events.ip.min(),
        i_high=events.ip.max(),
    )
    several = per_account.filter(
        (per_account.t_low != per_account.t_high) | (per_account.i_low != per_account.i_high)
    )
    events = only_keys(events, "operator_id", several.select(busy_key=several.operator_id))
    over = {"group_by": events.operator_id, "order_by": [events[c] for c in EVENT_ORDER]}
    previous_ts = events.ts.lag().over(**over)
    previous_terminal = events.terminal_id.lag().over(**over)
    previous_ip = events.ip.lag().over(**over)
    switched = (
        previous_ts.notnull()
        & (events.ts < previous_ts + window)
        & (
            (previous_terminal != events.terminal_id).fill_null(False)
            | (previous_ip != events.ip).fill_null(False)
        )
    )
    marked = events.mutate(switch_in=switched)
    over = {"group_by": marked.operator_id, "order_by": [marked[c] for c in EVENT_ORDER]}
    marked = marked.mutate(switch_out=marked.switch_in.lead().over(**over).fill_null(False))
    # an episode starts at the first query of a switch pair and continues through chained switches
    marked = marked.mutate(involved=marked.switch_in | marked.switch_out)
    starts = (marked.involved & ~marked.switch_in).cast("int64")
    marked = marked.mutate(
        episode=starts.cumsum(group_by=marked.operator_id, order_by=[marked[c] for c in EVENT_ORDER])
    )
    involved = marked.filter(marked.involved)
    grouped = involved.group_by(["operator_id", "episode"]).aggregate(
        event_ids=involved.event_id.collect(distinct=True).sort(),
        ts=involved.ts.min(),
        anchor=anchor_key(involved.ts, involved.event_id).min(),
        branch_id=involved.branch_id.min(),
        d_terminals=involved.terminal_id.collect(distinct=True).sort(),
        d_ips=involved.ip.collect(distinct=True).sort(),
        d_last_ts=involved.ts.max(),
    )
    return grouped.select(
        "event_ids",
        "ts",
        "anchor",
        "operator_id",
        "branch_id",
        subject_id=ibis.null("string"),
        reason=ibis.ifelse(grouped.d_terminals.length() > 1, "several_terminals", "several_ips"),
        d_terminals=grouped.d_terminals,
        d_ips=grouped.d_ips,
        d_last_ts=grouped.d_last_ts,
    )


def q08_volume_burst(ctx: RuleContext) -> ir.Table:
    """Sliding count per account over the W minutes up to each query, against a cap and a causal baseline.

    The baseline is the median hourly volume of the account over the clock hours with at least one query
    among the ``baseline_hours`` hours before the query's hour: it uses only the past, so a query's verdict
    is the same in the nightly run and in a near-real-time cycle. Flagged queries at most W minutes apart
    form one episode.
    """
    params = ctx.params("Q08")
    window_minutes = params["window_minutes"]
    window = ibis.interval(minutes=window_minutes)
    events = ctx.events.select("event_id", "ts", "operator_id", "branch_id")
    threshold = min(params["absolute_cap"], params["min_count"])
    events = only_keys(events, "operator_id", busy_keys(events, "operator_id", window_minutes, threshold))
    events = events.mutate(hour=events.ts.truncate("h"))
    hourly = events.group_by(["operator_id", "hour"]).aggregate(queries=events.event_id.count())
    past = hourly.select(p_operator_id=hourly.operator_id, p_hour=hourly.hour, p_queries=hourly.queries)
    pairs = hourly.inner_join(
        past,
        [
            hourly.operator_id == past.p_operator_id,
            past.p_hour < hourly.hour,
            past.p_hour >= hourly.hour - ibis.interval(hours=params["baseline_hours"]),
        ],
    )
    baseline = pairs.group_by([pairs.operator_id.name("b_operator_id"), pairs.hour.name("b_hour")]).aggregate(
        b_median=pairs.p_queries.median().cast("float64"), b_hours=pairs.p_queries.count()
    )
    frame = ibis.window(
        group_by=events.operator_id,
        order_by=events.ts,
        preceding=window,
        following=0,
    )
    counted = events.mutate(in_window=events.event_id.count().over(frame))
    counted = counted.left_join(
        baseline, [counted.operator_id == baseline.b_operator_id, counted.hour == baseline.b_hour]
    )
    expected = (counted.b_median * (window_minutes / 60.0)).name("expected")
    has_baseline = counted.b_hours.fill_null(0) >= params["min_baseline_hours"]
    over_cap = counted.in_window >= params["absolute_cap"]
    over_baseline = (
        has_baseline
        & (counted.in_window >= params["min_count"])
        & (counted.in_window >= expected * params["baseline_multiplier"])
    )
    flagged = counted.mutate(
        burst=over_cap | over_baseline,
        over_cap=over_cap,
        expected=ibis.ifelse(has_baseline, expected, ibis.null("float64")),
    ).drop("b_operator_id", "b_hour")
    flagged = gap_episodes(flagged.filter(flagged.burst), "operator_id", window)
    grouped = flagged.group_by(["operator_id", "episode"]).aggregate(
        event_ids=flagged.event_id.collect(distinct=True).sort(),
        ts=flagged.ts.min(),
        anchor=anchor_key(flagged.ts, flagged.event_id).min(),
        branch_id=flagged.branch_id.min(),
        d_max_in_window=flagged.in_window.max(),
        d_expected=flagged.expected.max(),
        d_any_over_cap=flagged.over_cap.any(),
        d_last_ts=flagged.ts.max(),
    )
    return grouped.select(
        "event_ids",
        "ts",
        "anchor",
        "operator_id",
        "branch_id",
        subject_id=ibis.null("string"),
        reason=ibis.ifelse(grouped.d_any_over_cap, "over_absolute_cap", "over_baseline"),
        d_max_in_window=grouped.d_max_in_window,
        d_expected=grouped.d_expected,
        d_last_ts=grouped.d_last_ts,
    )


def q11_many_subjects(ctx: RuleContext) -> ir.Table:
    params = ctx.params("Q11")
    threshold = params["min_distinct_subjects"]
    events = ctx.events.select("event_id", "ts", "operator_id", "branch_id", "subject_id")
    events = only_keys(
        events, "operator_id", busy_keys(events, "operator_id", max(params["window_minutes"], 30), threshold)
    )
    episodes = sliding_episodes(
        events,
        key="operator_id",
        window_minutes=params["window_minutes"],
        measures={"subjects": "subject_id"},
        is_alert=lambda window: window.subjects >= threshold,
    )
    return episodes.select(
        "event_ids",
        "ts",
        "last_ts",
        "anchor",
        operator_id=episodes.key_value,
        branch_id=episodes.branch_id,
        subject_id=ibis.null("string"),
        reason=ibis.literal("many_subjects"),
        d_subjects=episodes.subjects,
        d_max_in_window=episodes.max_subjects,
    )
