"""Write a run's results: alerts.parquet, alerts.jsonl and summary.json in the output directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq

from .runner import QueryWatchResult

ALERTS_PARQUET = "alerts.parquet"
ALERTS_JSONL = "alerts.jsonl"
SUMMARY_JSON = "summary.json"


def write_outputs(result: QueryWatchResult, out_dir: str | os.PathLike) -> dict[str, Path]:
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / name for name in (ALERTS_PARQUET, ALERTS_JSONL, SUMMARY_JSON)}
    pq.write_table(result.alerts, paths[ALERTS_PARQUET])
    with open(paths[ALERTS_JSONL], "w", encoding="utf-8") as handle:
        for alert in result.alerts.to_pylist():
            alert["ts"] = alert["ts"].isoformat(sep=" ")
            alert["last_ts"] = alert["last_ts"].isoformat(sep=" ")
            alert["details"] = json.loads(alert["details"])
            handle.write(json.dumps(alert, ensure_ascii=False, sort_keys=False) + "\n")
    paths[SUMMARY_JSON].write_text(
        json.dumps(result.summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths
