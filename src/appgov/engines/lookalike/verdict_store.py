"""Keypoint verdicts kept between sweeps (SQLite under the cache directory).

A sweep verifies by keypoints only the pairs a hash shortlisted, but a feed whose icons are all
distinct has few repeats within one run, and computing a listing icon's features dominates its cost
(~3 ms of CPU per listing on such a feed). The next full sweep meets the same icons again: a verdict
depends only on the two files' bytes, on the count that could decide (``need``) and on the keypoint
code, so it is stored under those and read back instead of computed. The store is a cache: a lookup
or a write that fails (a damaged file, a full disk, a lock held too long) only costs time, and
deleting the file loses nothing else. Each process (the sweep forks its workers) opens its own
connection; writes are collected and committed once per batch. Threads of one process (the web side
screens uploads in request threads) share the connection under a lock.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

from . import keypoints
from .keypoints import Verdict

FILE_NAME = "keypoint-verdicts.sqlite3"
# the code a verdict depends on: the verifier, the listing icon's other shapes it compares (views: tile,
# icons, parts), the stretch fit and the silhouette
CODE_FILES = ("keypoints.py", "tile.py", "icons.py", "parts.py", "stretch.py", "silhouette.py")
_CODE = hashlib.blake2b(
    b"".join(Path(keypoints.__file__).with_name(name).read_bytes() for name in CODE_FILES),
    digest_size=8,
).hexdigest()
# ``verdict_v5`` (session 24) adds how much of the official drawing a twins' fit covers (keypoints.edge_coverage),
# ``verdict_v4`` (session 18) added the listing icon laid in place (keypoints.in_place), ``verdict_v3``
# (session 14) added the edge agreement on the official icon's content, ``verdict_v2`` (session 13)
# added the edge agreement; the older tables are dropped on open
_SCHEMA = """
CREATE TABLE IF NOT EXISTS verdict_v5 (
    listing TEXT NOT NULL, official TEXT NOT NULL, version TEXT NOT NULL,
    inliers INTEGER NOT NULL, channel TEXT, scale REAL, angle REAL,
    blurred INTEGER NOT NULL, spread REAL NOT NULL, matches INTEGER NOT NULL,
    agreement REAL, overlap REAL NOT NULL, content REAL,
    in_place REAL, in_place_content REAL, in_place_channel TEXT,
    covered REAL, content_covered REAL,
    PRIMARY KEY (listing, official, version)
) WITHOUT ROWID
"""
# the keypoint search's ranking of a listing icon (search.py), under the search index's key (which
# official icons, which settings, which code): "app:votes app:votes"
_SEARCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_v1 (
    listing TEXT NOT NULL, search TEXT NOT NULL, ranked TEXT NOT NULL,
    PRIMARY KEY (listing, search)
) WITHOUT ROWID
"""
_COLUMNS = (
    "inliers, channel, scale, angle, blurred, spread, matches, agreement, overlap, content,"
    " in_place, in_place_content, in_place_channel, covered, content_covered"
)
_OLD_TABLES = ("verdict", "verdict_v2", "verdict_v3", "verdict_v4")


def version_key(keypoint_settings: dict) -> str:
    """What else a verdict depends on: the keypoint code and the settings that give the count that could
    decide (``need``: min_inliers, or blurred_min_inliers for a blurred icon under the blurred rule, or
    edge_confirm_inliers when the edges may confirm)."""
    kp = keypoint_settings
    edges = kp["edge_confirm_inliers"] if kp["edge_confirm"] else 0
    return f"{_CODE}-{kp['min_inliers']}-{kp['blurred_min_inliers']}-{int(bool(kp['blurred_hash_rule']))}-{edges}"


class VerdictStore:
    def __init__(self, folder: str | Path):
        self.path = Path(folder) / FILE_NAME
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._pending: list[tuple] = []
        self._pending_ranked: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        self.broken: str | None = None  # why the store was given up in this process, if it was
        self.reads = self.found = self.written = 0

    def _connection(self) -> sqlite3.Connection | None:
        if self.broken:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        # a forked worker must not use its parent's connection (it opens its own) nor write the
        # verdicts its parent had not written yet (the parent writes them)
        if self._pid is not None and self._pid != os.getpid():
            self._pending, self._pending_ranked = [], []
        self._conn, self._pid = None, os.getpid()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = self._open()
            except sqlite3.OperationalError:
                raise  # locked by another worker, no space ...: the file may be fine, leave it alone
            except sqlite3.DatabaseError:
                # not a database (damaged, or another file under this name): set aside, start afresh
                os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
                conn = self._open()
        except (sqlite3.Error, OSError) as exc:
            self.broken = f"{self.path}: {exc}"
            return None
        self._conn = conn
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
            conn.execute(_SEARCH_SCHEMA)
            for table in _OLD_TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def get(self, listing: str, official: str, version: str) -> Verdict | None:
        with self._lock:
            return self._get(listing, official, version)

    def _get(self, listing: str, official: str, version: str) -> Verdict | None:
        conn = self._connection()
        if conn is None:
            return None
        self.reads += 1
        try:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM verdict_v5 WHERE listing=? AND official=? AND version=?",
                (listing, official, version),
            ).fetchone()
        except sqlite3.Error as exc:
            self.broken = f"{self.path}: {exc}"
            return None
        if row is None:
            return None
        inliers, channel, scale, angle, blurred, spread, matches, agreement, overlap, content, *placed = row
        if (
            not isinstance(inliers, int)
            or not isinstance(matches, int)
            or not all(isinstance(v, (int, float, type(None))) for v in (content, *placed[:2], *placed[3:]))
        ):
            return None  # not written by this code: computed again
        self.found += 1
        agreement = None if agreement is None else float(agreement)
        content = None if content is None else float(content)
        return Verdict(
            inliers,
            channel,
            scale,
            angle,
            bool(blurred),
            float(spread),
            matches,
            agreement,
            float(overlap),
            content,
            None if placed[0] is None else float(placed[0]),
            None if placed[1] is None else float(placed[1]),
            placed[2],
            None if placed[3] is None else float(placed[3]),
            None if placed[4] is None else float(placed[4]),
        )

    def get_ranked(self, listing: str, search: str) -> list[tuple[int, int]] | None:
        """The keypoint search's ranking stored for this listing icon and search index, None if none."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return None
            try:
                row = conn.execute(
                    "SELECT ranked FROM search_v1 WHERE listing=? AND search=?", (listing, search)
                ).fetchone()
            except sqlite3.Error as exc:
                self.broken = f"{self.path}: {exc}"
                return None
        try:
            return [tuple(int(n) for n in item.split(":")) for item in row[0].split()] if row else None
        except (ValueError, TypeError, AttributeError):
            return None  # not written by this code: searched again

    def put_ranked(self, listing: str, search: str, ranked: list[tuple[int, int]]) -> None:
        with self._lock:
            if self.broken:
                return
            self._pending_ranked.append((listing, search, " ".join(f"{a}:{v}" for a, v in ranked)))
            if len(self._pending_ranked) >= 512:
                self._flush()

    def put(self, listing: str, official: str, version: str, verdict: Verdict) -> None:
        with self._lock:
            self._put(listing, official, version, verdict)

    def _put(self, listing: str, official: str, version: str, verdict: Verdict) -> None:
        if self.broken:
            return
        v = verdict
        self._pending.append(
            (
                listing,
                official,
                version,
                v.inliers,
                v.channel,
                v.scale,
                v.angle,
                int(v.blurred),
                v.spread,
                v.matches,
                v.agreement,
                v.overlap,
                v.content,
                v.in_place,
                v.in_place_content,
                v.in_place_channel,
                v.covered,
                v.content_covered,
            )
        )
        if len(self._pending) >= 512:
            self._flush()

    def flush(self) -> None:
        with self._lock:
            self._flush()

    def _flush(self) -> None:
        if not self._pending and not self._pending_ranked:
            return
        conn = self._connection()
        rows, self._pending = self._pending, []
        ranked, self._pending_ranked = self._pending_ranked, []
        if conn is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                f"INSERT OR REPLACE INTO verdict_v5 VALUES (?, ?, ?, {', '.join('?' * 15)})", rows
            )
            conn.executemany("INSERT OR REPLACE INTO search_v1 VALUES (?, ?, ?)", ranked)
            conn.execute("COMMIT")
            self.written += len(rows) + len(ranked)
        except sqlite3.Error:
            # locked past the timeout or a full disk: these verdicts are computed again next time
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
