"""What every rule receives, and the window helpers several rules share.

A rule is a function ``(RuleContext) -> ibis.Table``. Its result has the columns ``ts``, ``operator_id``,
``branch_id``, ``subject_id``, ``reason`` and either ``event_id`` (one alert per query) or ``event_ids``
(a sorted array: one alert per episode), plus ``d_*`` detail columns used in the explanation.
Everything is plain ibis so that DuckDB and Spark compile the same logic; where the two SQL dialects
differ (RANGE frames over two sort keys, DISTINCT window aggregates), the rules avoid the construct.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir

from ..config import RulesConfig

EVENT_ORDER = ("ts", "event_id")  # a total order: event_id is unique


@dataclass
class RuleContext:
    tables: dict[str, ir.Table]
    config: RulesConfig
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def events(self) -> ir.Table:
        return self.tables["query_events"]

    def params(self, rule_id: str) -> dict[str, Any]:
        return self.config.rule(rule_id).params

    def operators_prefixed(self) -> ir.Table:
        operators = self.tables["operators"]
        return operators.select(
            o_operator_id=operators.operator_id,
            o_person_id=operators.person_id,
            o_branch_id=operators.branch_id,
            o_status=operators.status,
            o_valid_from=operators.valid_from,
            o_valid_to=operators.valid_to,
            o_password_changed_at=operators.password_changed_at,
        )

    def with_operator_at_ts(self, events: ir.Table) -> ir.Table:
        """``events`` with the operator account row valid at each query's time (o_* columns, null if none)."""
        operators = self.operators_prefixed()
        joined = events.left_join(
            operators,
            [
                events.operator_id == operators.o_operator_id,
                operators.o_valid_from <= events.ts,
                operators.o_valid_to.isnull() | (events.ts < operators.o_valid_to),
            ],
        )
        return joined.select(*joined.columns)


def minute_of_day(ts: ir.TimestampValue) -> ir.IntegerValue:
    return (ts.hour() * 60 + ts.minute()).cast("int32")


def epoch_bucket(ts: ir.TimestampValue, seconds: int) -> ir.IntegerValue:
    """floor(epoch seconds / seconds); identical on both engines (floor ignores DuckDB's fractional seconds)."""
    return (ts.epoch_seconds() / seconds).floor().cast("int64")


def ipv4_to_int(ip: ir.StringValue) -> ir.IntegerValue:
    """The address as an integer, or null when ``ip`` is not a dotted IPv4 address."""
    pattern = r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$"
    octets = [ip.re_extract(pattern, index).try_cast("int64") for index in range(1, 5)]
    valid = ip.re_search(pattern)
    for octet in octets:
        valid = valid & (octet <= 255)
    value = ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3]
    return ibis.ifelse(valid, value, ibis.null("int64"))


def sliding_episodes(
    events: ir.Table,
    key: str,
    window_minutes: int,
    measures: dict[str, str],
    is_alert,
) -> ir.Table:
    """Exact sliding windows: per ``key``, every window of ``window_minutes`` that ends at a query.

    The window ending at a query at time t holds every query of the key with t - W <= ts <= t, so it
    sees any group of queries whose first and last are at most W minutes apart ("N distinct ... within
    any W minutes"). The distinct counts come from a self-join bounded by the window (neither engine
    offers DISTINCT window aggregates that both compile alike). ``measures`` maps an output name to a
    column counted distinctly per window; ``is_alert`` receives the per-window table and returns the
    condition that makes a window alerting. Alerting windows of one key that overlap (a window starts at
    or before the end of the previous alerting one) form one episode, whose events are every query in
    those windows. Returns key_value, episode, event_ids (sorted), ts (first query), anchor (the first
    query, see ``anchor_key``), for each measure the distinct count over the episode, its list and
    ``max_<name>`` (the largest count in one window), and branch_id (smallest) unless it is a measure.
    """
    window = ibis.interval(minutes=window_minutes)
    columns = sorted(set(measures.values()) | {"branch_id"})
    base = events.select(
        key_value=events[key],
        event_id=events.event_id,
        ts=events.ts,
        **{column: events[column] for column in columns if column != key},
    )
    ends = base.select(w_key=base.key_value, w_end_id=base.event_id, w_end_ts=base.ts)
    pairs = ends.inner_join(
        base,
        [ends.w_key == base.key_value, base.ts >= ends.w_end_ts - window, base.ts <= ends.w_end_ts],
    )
    pairs = pairs.select(*pairs.columns)
    per_window = pairs.group_by(["w_key", "w_end_id", "w_end_ts"]).aggregate(
        **{name: pairs[column].nunique() for name, column in measures.items()}
    )
    alerting = per_window.filter(is_alert(per_window))
    order = [alerting.w_end_ts, alerting.w_end_id]
    previous_end = alerting.w_end_ts.lag().over(group_by=alerting.w_key, order_by=order)
    alerting = alerting.mutate(
        _start=(previous_end.isnull() | (alerting.w_end_ts - window > previous_end)).cast("int64")
    )
    order = [alerting.w_end_ts, alerting.w_end_id]
    alerting = alerting.mutate(episode=alerting._start.cumsum(group_by=alerting.w_key, order_by=order))
    # the window counts ride along with the members (one more pass over the pairs would re-read the input)
    members = pairs.inner_join(
        alerting.select("w_end_id", "episode", **{f"w_{name}": alerting[name] for name in measures}),
        "w_end_id",
    )
    aggregates: dict[str, Any] = {
        "event_ids": members.event_id.collect(distinct=True).sort(),
        "ts": members.ts.min(),
        "last_ts": members.ts.max(),
        "anchor": anchor_key(members.ts, members.event_id).min(),
    }
    for name, column in measures.items():
        aggregates[name] = members[column].nunique()
        aggregates[f"{name}_list"] = members[column].collect(distinct=True).sort()
        aggregates[f"max_{name}"] = members[f"w_{name}"].max()
    if "branch_id" not in measures.values():
        aggregates["branch_id"] = members.branch_id.min()
    return members.group_by([members.w_key.name("key_value"), "episode"]).aggregate(**aggregates)


def anchor_key(ts: ir.TimestampValue, event_id: ir.StringValue) -> ir.StringValue:
    """A text whose minimum over an episode names its first query (by second, then event id).

    An episode's alert id is derived from it, so that the alert keeps its id while later queries join
    the episode (near-real-time runs upsert it). Whole seconds keep it identical on both engines.
    """
    seconds = ts.epoch_seconds().floor().cast("int64").cast("string").lpad(12, "0")
    return seconds.concat("|", event_id)


def gap_episodes(table: ir.Table, group_by: str, gap: ir.IntervalValue) -> ir.Table:
    """Number the episodes of ``table``'s rows per ``group_by``: rows at most ``gap`` after the previous
    row (in event order) continue its episode. Adds ``episode`` (increasing within the group)."""
    order = [table[column] for column in EVENT_ORDER]
    previous = table.ts.lag().over(group_by=table[group_by], order_by=order)
    marked = table.mutate(_start=(previous.isnull() | (table.ts - gap > previous)).cast("int64"))
    order = [marked[column] for column in EVENT_ORDER]
    return marked.mutate(episode=marked._start.cumsum(group_by=marked[group_by], order_by=order)).drop(
        "_start"
    )


def busy_keys(events: ir.Table, key: str, bucket_minutes: int, threshold: int) -> ir.Table:
    """Keys (column ``busy_key``) with at least ``threshold`` queries in some two consecutive buckets.

    A window no longer than ``bucket_minutes`` lies within two consecutive buckets, so a key outside this
    set cannot reach ``threshold`` queries (or distinct anythings) in such a window. Used to cut the rows
    that the expensive window rules have to sort; it never changes their result.
    """
    bucketed = events.select(k=events[key], bucket=epoch_bucket(events.ts, bucket_minutes * 60))
    counts = bucketed.group_by(["k", "bucket"]).aggregate(n=bucketed.k.count())
    following = counts.select(k2=counts.k, bucket2=counts.bucket - 1, n2=counts.n)
    paired = counts.left_join(following, [counts.k == following.k2, counts.bucket == following.bucket2])
    busy = paired.filter(paired.n + paired.n2.fill_null(0) >= threshold)
    return busy.select(busy_key=busy.k).distinct()


def only_keys(events: ir.Table, key: str, keys: ir.Table) -> ir.Table:
    return events.semi_join(keys, events[key] == keys.busy_key)
