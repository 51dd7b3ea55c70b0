"""Turn the rows a rule returns into alerts: deterministic id, severity, Chinese explanation, details."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pyarrow as pa

from .config import RuleSettings
from .explain import explain

ALERT_SCHEMA = pa.schema(
    [
        pa.field("alert_id", pa.string(), nullable=False),
        pa.field("rule_id", pa.string(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("ts", pa.timestamp("us"), nullable=False),
        pa.field("operator_id", pa.string()),
        pa.field("branch_id", pa.string()),
        pa.field("subject_id", pa.string()),
        pa.field("event_ids", pa.list_(pa.string()), nullable=False),
        pa.field("explanation", pa.string(), nullable=False),
        pa.field("details", pa.string(), nullable=False),
        pa.field("rule_name", pa.string(), nullable=False),
        pa.field("rule_title_en", pa.string(), nullable=False),
        pa.field("last_ts", pa.timestamp("us"), nullable=False),
    ]
)

_BASE_COLUMNS = ("ts", "operator_id", "branch_id", "subject_id", "reason")


def alert_id(rule_id: str, reason: str, event_ids: list[str]) -> str:
    digest = hashlib.sha256("\x1f".join([rule_id, reason, *event_ids]).encode("utf-8")).hexdigest()
    return f"{rule_id}-{digest[:20]}"


def episode_alert_id(rule_id: str, anchor: str) -> str:
    """The id of an episode alert: its rule and its first query, so that it stays the same while later
    queries join the episode (a near-real-time cycle then updates the stored alert in place)."""
    first_event_id = anchor.split("|", 1)[1]
    return alert_id(rule_id, "episode", [first_event_id])


def _plain(value: Any) -> Any:
    """Engine-independent Python values: naive datetimes, lists, floats rounded for the details JSON."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):  # numpy arrays from some backends
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    return value


def build_alerts(rule: RuleSettings, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    alerts = []
    for raw in rows:
        row = {key: _plain(value) for key, value in raw.items()}
        if "event_ids" in row:
            event_ids = sorted(row["event_ids"] or [])
            identity = episode_alert_id(rule.rule_id, row.pop("anchor"))
            last_ts = row.get("last_ts") or row.get("d_last_ts") or row["ts"]
        else:
            event_ids = [row.pop("event_id")]
            identity = alert_id(rule.rule_id, row["reason"], event_ids)
            last_ts = row["ts"]
        row["event_ids"] = event_ids
        details = {key[2:]: _json_value(value) for key, value in sorted(row.items()) if key.startswith("d_")}
        alerts.append(
            {
                "alert_id": identity,
                "rule_id": rule.rule_id,
                "severity": rule.severity_for(row["reason"]),
                "reason": row["reason"],
                "ts": row["ts"],
                "operator_id": row["operator_id"],
                "branch_id": row["branch_id"],
                "subject_id": row["subject_id"],
                "event_ids": event_ids,
                "explanation": explain(rule, row),
                "details": json.dumps(details, ensure_ascii=False, sort_keys=True),
                "rule_name": rule.name,
                "rule_title_en": rule.title_en,
                "last_ts": last_ts,
            }
        )
    return alerts


def alerts_table(alerts: list[dict[str, Any]]) -> pa.Table:
    ordered = sorted(alerts, key=lambda a: (a["ts"], a["rule_id"], a["alert_id"]))
    return pa.Table.from_pylist(ordered, schema=ALERT_SCHEMA)
