"""Progress of long work (counterfeit sweeps, credit monitoring runs, "evaluate now"), one record per
institution and kind of work, so its pages can show queued / running with percentage and step / finished /
failed while the work goes on (GET /jobs/progress/<kind>/, polled by static/appgov/job_progress.js).

The record lives in the cache the web processes and the worker share (settings.CACHES), not in the database:
it is written many times a second by a job whose own outcome is already a logged record (SweepRun,
MonitoringRun, Evaluation), and it must be visible while that job's transaction is still open.

The work itself reports without knowing who asked: `report(percent, step, **params)` writes to the record
of the `tracking()` block around it and does nothing outside one. Steps are English msgids (gettext_noop)
translated when a user reads them."""

import contextlib
import contextvars
import time

from django.core.cache import cache
from django.utils.translation import gettext_noop

KINDS = ("counterfeit_sweep", "credit_monitoring", "evaluation")
TTL = 2 * 24 * 3600
THROTTLE = 0.5  # seconds between two writes of the same record (the last report always wins at the end)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"

_current: contextvars.ContextVar = contextvars.ContextVar("appgov_progress", default=None)


def _key(institution_id: int, kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of work {kind!r}")
    return f"appgov:progress:{kind}:{institution_id}"


def read(institution_id: int, kind: str) -> dict | None:
    return cache.get(_key(institution_id, kind))


def _write(institution_id: int, kind: str, record: dict) -> dict:
    record["updated"] = time.time()
    cache.set(_key(institution_id, kind), record, TTL)
    return record


def queue(institution_id: int, kind: str, step: str = gettext_noop("Waiting for the worker")) -> dict:
    """The work was asked for and waits for the worker."""
    return _write(
        institution_id,
        kind,
        {"status": QUEUED, "percent": 0, "step": step, "params": {}, "error": "", "started": None},
    )


class _Tracker:
    def __init__(self, institution_id: int, kind: str):
        self.institution_id, self.kind = institution_id, kind
        self.record = {"status": RUNNING, "percent": 0, "step": "", "params": {}, "error": ""}
        self.record["started"] = time.time()
        self.last_write = 0.0

    def report(self, percent: int, step: str, force: bool = False, **params) -> None:
        self.record.update(percent=max(0, min(100, int(percent))), step=step, params=params)
        now = time.monotonic()
        if force or now - self.last_write >= THROTTLE:
            self.last_write = now
            _write(self.institution_id, self.kind, dict(self.record))


@contextlib.contextmanager
def tracking(institution_id: int, kind: str, step: str = gettext_noop("Starting")):
    """Run a block of work as the institution's current work of this kind: running, then done (100 %) or
    failed with the error (the exception goes on)."""
    tracker = _Tracker(institution_id, kind)
    token = _current.set(tracker)
    tracker.report(0, step, force=True)
    try:
        yield tracker
    except BaseException as exc:
        tracker.record.update(status=FAILED, error=f"{type(exc).__name__}: {exc}"[:500])
        _write(institution_id, kind, dict(tracker.record))
        raise
    else:
        if tracker.record["status"] == RUNNING:
            tracker.record.update(status=DONE, percent=100, step=gettext_noop("Finished"), params={})
        _write(institution_id, kind, dict(tracker.record))
    finally:
        _current.reset(token)


def report(percent: int, step: str, **params) -> None:
    """Tell the page how far the current work is (nothing happens outside a tracking block)."""
    tracker = _current.get()
    if tracker is not None:
        tracker.report(percent, step, **params)


def fail(error: str) -> None:
    """The current work ended failed without raising (it stored its own failure)."""
    tracker = _current.get()
    if tracker is not None:
        tracker.record.update(status=FAILED, error=str(error)[:500])
