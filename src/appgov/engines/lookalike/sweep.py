"""Screening a listings file with one or more worker processes, and the incremental ``--since`` filter.

The file is cut into byte ranges that start at line starts; each worker (forked after the index is
built, so the index is shared copy-on-write) validates and screens its ranges and writes alerts to a
part file; the parts are joined in input order. An invalid line stops the sweep with an
:class:`InputError` naming the absolute line number, and no output file is written.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .index import IconError, LookalikeIndex
from .inputs import InputError, listing_from_dict, parse_line
from .models import Listing


def parse_since(value: str) -> datetime:
    return _as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def is_new(listing: Listing, since: datetime | None) -> bool:
    """Whether a listing was first seen or changed at/after ``since`` (undated listings always are)."""
    if since is None:
        return True
    stamps = [s for s in (listing.first_seen, listing.changed_at) if s]
    if not stamps:
        return True
    return any(_as_utc(datetime.fromisoformat(s.replace("Z", "+00:00"))) >= since for s in stamps)


@dataclass
class SweepStats:
    listings: int = 0
    screened: int = 0
    alerts: Counter = field(default_factory=Counter)

    def add(self, other: SweepStats) -> None:
        self.listings += other.listings
        self.screened += other.screened
        self.alerts.update(other.alerts)

    def to_dict(self) -> dict:
        return {
            "listings": self.listings,
            "screened": self.screened,
            "alerts": sum(self.alerts.values()),
            "by_kind": dict(self.alerts),
        }


_INDEX: LookalikeIndex | None = None


def _ranges(path: Path, parts: int) -> list[tuple[int, int]]:
    size = path.stat().st_size
    if size == 0:
        return []
    bounds = [0]
    with open(path, "rb") as fh:
        for i in range(1, parts):
            fh.seek(max(bounds[-1], size * i // parts))
            fh.readline()
            pos = fh.tell()
            if pos >= size:
                break
            if pos > bounds[-1]:
                bounds.append(pos)
    bounds.append(size)
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _screen_range(
    index: LookalikeIndex,
    path: str,
    start: int,
    end: int,
    out_path: str,
    since: datetime | None,
    batch_size: int,
) -> tuple[SweepStats, tuple[int, str | None, str] | None]:
    """Screen one byte range; returns stats and (relative line, field, message) of the first bad line."""
    stats = SweepStats()
    batch: list[Listing] = []
    with open(path, "rb") as fh, open(out_path, "w", encoding="utf-8") as out:

        def flush() -> None:
            for alert in index.screen_batch(batch):
                stats.alerts[alert.kind] += 1
                out.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")
            batch.clear()

        fh.seek(start)
        rel = 0
        pos = start
        while pos < end:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            rel += 1
            if not raw.strip():
                continue
            try:
                listing = parse_line(raw, path, rel, listing_from_dict)
            except InputError as exc:
                return stats, (rel, exc.field, exc.message)
            stats.listings += 1
            if not is_new(listing, since):
                continue
            stats.screened += 1
            batch.append(listing)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
    return stats, None


def _worker(args):
    assert _INDEX is not None
    try:
        return _screen_range(_INDEX, *args)
    except IconError as exc:
        return SweepStats(), (0, "icon", str(exc))


def _line_number(path: Path, start: int, rel: int) -> int:
    with open(path, "rb") as fh:
        before = fh.read(start).count(b"\n")
    return before + rel


def sweep_file(
    index: LookalikeIndex,
    listings_path: str | Path,
    out_path: str | Path,
    *,
    workers: int = 1,
    since: datetime | None = None,
    batch_size: int = 4096,
) -> SweepStats:
    """Screen a listings JSONL file into an alerts JSONL file (written atomically)."""
    global _INDEX
    listings_path = Path(listings_path)
    out_path = Path(out_path)
    parts = _ranges(listings_path, max(1, workers) * 8 if workers > 1 else 1)
    out_dir = out_path.parent if str(out_path.parent) else Path(".")
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".lookalike-") as tmp:
        tasks = [
            (str(listings_path), start, end, os.path.join(tmp, f"part-{i:05d}.jsonl"), since, batch_size)
            for i, (start, end) in enumerate(parts)
        ]
        if workers > 1 and len(tasks) > 1:
            _INDEX = index
            try:
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    results = pool.map(_worker, tasks, chunksize=1)
            finally:
                _INDEX = None
        else:
            results = []
            for task in tasks:
                try:
                    results.append(_screen_range(index, *task))
                except IconError as exc:
                    results.append((SweepStats(), (0, "icon", str(exc))))
        total = SweepStats()
        for (stats, error), (start, _end) in zip(results, parts, strict=True):
            if error is not None:
                rel, fld, message = error
                line = _line_number(listings_path, start, rel) if rel else 0
                raise InputError(str(listings_path), line, fld, message)
            total.add(stats)
        joined = os.path.join(tmp, "alerts.jsonl")
        with open(joined, "wb") as out:
            for task in tasks:
                with open(task[3], "rb") as part:
                    while chunk := part.read(1 << 20):
                        out.write(chunk)
        os.replace(joined, out_path)
    return total
