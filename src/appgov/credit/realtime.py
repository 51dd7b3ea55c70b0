"""The near-real-time cycle (every APPGOV_CREDIT_CYCLE_MINUTES, default 5): pick up the watched folder, then
per institution run the rules over the query-log batches that arrived since the last cycle, with the
history the engine says it needs, store new alerts (and grown episodes) and notify the reviewers.

A cycle takes the batches after the last one the previous cycle took (batch ids only grow), so each batch is
judged once; the nightly run re-runs the whole day and reports any difference (credit.reconcile).
"""

import datetime
import logging
import time
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from appgov.core.models import Institution
from appgov.core.zones import institution_time
from appgov.engines.querywatch import (
    QueryWatchError,
    load_rules_config,
    required_history_start,
    run_increment,
    validate_events,
)

from . import ingestion, notify
from .models import MonitoringRun, QueryLogBatch
from .monitoring import batch_tables, finish, rules_override, store_alerts
from .refcache import cached_reference_tables

log = logging.getLogger(__name__)


def cycle_minutes() -> int:
    return int(getattr(settings, "APPGOV_CREDIT_CYCLE_MINUTES", 5))


def _naive(value: datetime.datetime | None) -> datetime.datetime | None:
    return None if value is None else timezone.localtime(value).replace(tzinfo=None)


def _cursor(institution) -> tuple[int, datetime.datetime | None]:
    """The last batch a cycle took, and the as_of of the latest cycle (the engine's previous_as_of)."""
    cycles = MonitoringRun.objects.filter(institution=institution, kind=MonitoringRun.Kind.INCREMENT)
    last = cycles.aggregate(last=Max("last_batch_id"))["last"] or 0
    latest = cycles.exclude(as_of=None).order_by("-as_of").values_list("as_of", flat=True).first()
    return last, _naive(latest)


def _new_events(batches) -> pa.Table:
    tables = [pq.read_table(b.parquet.path) for b in batches]
    table = pa.concat_tables(tables, promote_options="default") if len(tables) > 1 else tables[0]
    return table.sort_by([("ts", "ascending"), ("event_id", "ascending")])


def run_cycle(institution, batches=None) -> MonitoringRun | None:
    """One cycle for one institution over the query-log batches not yet taken; None when none arrived."""
    taken, previous_as_of = _cursor(institution)
    if batches is None:
        batches = list(
            QueryLogBatch.objects.filter(
                institution=institution, table=QueryLogBatch.Table.QUERY_EVENTS, id__gt=taken
            ).order_by("id")
        )
    if not batches:
        return None
    started, wall = timezone.now(), time.perf_counter()
    run = MonitoringRun.objects.create(
        institution=institution,
        kind=MonitoringRun.Kind.INCREMENT,
        day=timezone.localdate(),
        started_at=started,
        last_batch_id=batches[-1].id,
    )
    timings = {}
    try:
        config = load_rules_config(rules_override())
        new = validate_events(_new_events(batches), config)  # the engine's check, as for a nightly run
        first, last = new.column("ts")[0].as_py(), new.column("ts")[-1].as_py()
        as_of = max(last, previous_as_of) if previous_as_of else last
        history_start = required_history_start(config, first)
        clock = time.perf_counter()
        history = batch_tables(institution, history_start, None, upto_batch=taken)
        reference, kept = cached_reference_tables(institution, history_start.date(), as_of.date())
        tables = {**history, **reference}
        timings["export_seconds"] = round(time.perf_counter() - clock, 3)
        timings["registers_kept"] = kept
        clock = time.perf_counter()
        result = run_increment(
            new,
            tables,
            config,
            "duckdb",
            as_of=as_of,
            previous_as_of=previous_as_of,
            threads=2,
            memory_limit="2GB",
        )
        timings["engine_seconds"] = round(time.perf_counter() - clock, 3)
    except QueryWatchError as exc:
        # the cursor moves on (the batches are not judged twice); the nightly run covers their day
        run.status, run.error, run.finished_at = MonitoringRun.Status.FAILED, str(exc)[:4000], timezone.now()
        run.save()
        log.warning("credit cycle %s failed: %s", institution.code, exc)
        return run
    counts = Counter(
        zip(
            [ts.date() for ts in new.column("ts").to_pylist()],
            new.column("branch_id").to_pylist(),
            strict=True,
        )
    )
    alerts = result.alert_dicts()
    clock = time.perf_counter()
    with transaction.atomic():
        added, grown = store_alerts(run, institution, alerts, counts, counts_are_totals=False)
        run.as_of = timezone.make_aware(as_of, timezone.get_default_timezone())
        run.day = as_of.date()
        timings["store_seconds"] = round(time.perf_counter() - clock, 3)
        timings["total_seconds"] = round(time.perf_counter() - wall, 3)
        summary = {
            "batches": [b.id for b in batches],
            "history_from": history_start.isoformat(sep=" "),
            "updated_alerts": len(grown),
            "timings": timings,
            "engine_timings": {k: round(v, 3) for k, v in result.timings.items()},
            # from the first batch's arrival to the alerts being stored
            "latency_seconds": round(
                (timezone.now() - min(b.uploaded_at for b in batches)).total_seconds(), 3
            ),
        }
        finish(run, new.num_rows, len(alerts), len(added), summary)
    notify.new_alerts(institution, added)
    return run


def run_cycles() -> str:
    """The periodic job: the watched folder first (files dropped there become batches), then a cycle for
    every institution that received batches."""
    root = ingestion.import_root()
    files = refused = 0
    for institution in Institution.objects.all():
        outcome = ingestion.import_directory(institution, root / institution.code, move_done=True)
        files += len(outcome["ingested"])
        refused += len(outcome["errors"])
        for error in outcome["errors"]:
            log.warning("credit watched folder %s: %s", institution.code, error)
    cycles = alerts = failed = 0
    for institution in Institution.objects.all():
        with institution_time(institution):
            run = run_cycle(institution)
        if run is None:
            continue
        cycles += 1
        alerts += run.new_alerts
        failed += run.status == MonitoringRun.Status.FAILED
    return (
        f"{files} files picked up ({refused} refused), {cycles} cycles, {alerts} new alerts, {failed} failed"
    )
