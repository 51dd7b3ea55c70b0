"""Query-log increments pushed as JSON batches (the near-real-time ingest API).

A batch is ``{"batch_id": "<the sender's id>", "events": [{"event_id": …, "ts": …, …}, …]}`` with the
columns of the engine's ``query_events`` table (docs/credit-realtime.md). It is checked whole, as an uploaded
file is (the engine's ``validate_events``, then event ids unique in the batch and not ingested before) and
stored as one batch, or refused with every error named by event (line) and field, nothing stored.

Idempotent: the same ``batch_id`` sent again with the same events answers with the batch already stored;
the same ``batch_id`` with other events is refused.
"""

import hashlib
import json
import re
from dataclasses import dataclass

import pyarrow as pa
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.engines.querywatch import TABLES, InputError, validate_events

from . import ingestion
from .models import QueryLogBatch

BATCH_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
COLUMNS = [c.name for c in TABLES["query_events"].columns]


def max_events() -> int:
    return int(getattr(settings, "APPGOV_CREDIT_MAX_BATCH_EVENTS", 100_000))


@dataclass
class Outcome:
    batch: QueryLogBatch
    created: bool


def _field(index: int, column: str | None) -> str:
    return f"events[{index}]" + (f".{column}" if column else "")


def _line(index: int) -> str:
    return _("line %(line)d") % {"line": index + 1}


def _shape(payload) -> tuple[str, list[dict]]:
    """The batch id and events, or ValidationError naming every malformed field."""
    if not isinstance(payload, dict):
        raise ValidationError({"non_field_errors": [_('Send a JSON object {"batch_id": …, "events": […]}.')]})
    errors: dict[str, list[str]] = {}
    batch_id = payload.get("batch_id")
    if not isinstance(batch_id, str) or not BATCH_ID.match(batch_id):
        errors["batch_id"] = [
            _(
                "Required: 1–100 letters, digits or . _ : - naming the batch (the same id sent again is ignored)."
            )
        ]
    events = payload.get("events")
    if not isinstance(events, list) or not events:
        errors["events"] = [_("Required: a non-empty list of query events.")]
        raise ValidationError(errors)
    if len(events) > max_events():
        errors["events"] = [_("At most %(max)d events per batch.") % {"max": max_events()}]
        raise ValidationError(errors)
    unknown_extra = set(payload) - {"batch_id", "events"}
    if unknown_extra:
        errors["non_field_errors"] = [
            _("Unknown keys: %(keys)s.") % {"keys": ", ".join(sorted(map(str, unknown_extra)))}
        ]
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            errors[_field(index, None)] = [_("%(line)s: an event is a JSON object.") % {"line": _line(index)}]
            continue
        for key in sorted(set(event) - set(COLUMNS)):
            errors[_field(index, key)] = [_("%(line)s: unknown field.") % {"line": _line(index)}]
        for key, value in event.items():
            if key in COLUMNS and value is not None and not isinstance(value, str | int | float):
                errors[_field(index, key)] = [
                    _("%(line)s: a text, number or null is expected.") % {"line": _line(index)}
                ]
        if len(errors) >= 50:
            break
    if errors:
        raise ValidationError(errors)
    return batch_id, events


def _table(events: list[dict]) -> pa.Table:
    return pa.table(
        {
            column: pa.array([None if e.get(column) is None else str(e[column]) for e in events], pa.string())
            for column in COLUMNS
        }
    )


def _row_index(row: str | None) -> int | None:
    match = re.search(r"(\d+)", row or "")
    return int(match.group(1)) - 1 if match else None


def _input_error(exc: InputError) -> ValidationError:
    index = _row_index(exc.row)
    if index is None:
        return ValidationError({exc.column or "events": [exc.problem]})
    return ValidationError({_field(index, exc.column): [f"{_line(index)}: {exc.problem}"]})


def ingest_batch(institution, payload, actor) -> Outcome:
    """Validate and store one JSON batch (all or nothing); answer the stored batch for a repeated one."""
    core.check_can_write(actor, QueryLogBatch)
    batch_id, events = _shape(payload)
    digest = hashlib.sha256(
        json.dumps(events, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    name = f"api-{batch_id}.json"
    earlier = QueryLogBatch.objects.filter(
        institution=institution, source=QueryLogBatch.Source.API, original_name=name
    ).first()
    if earlier is not None:
        if earlier.sha256 == digest:
            return Outcome(earlier, created=False)
        raise ValidationError(
            {"batch_id": [_("Batch %(id)s was already received with other events.") % {"id": batch_id}]}
        )
    try:
        canonical = validate_events(_table(events))
        ingestion.check_unique_events(name, canonical, lambda i: f"row {i + 1}", institution)
    except InputError as exc:
        raise _input_error(exc) from None
    batch = ingestion.store(
        institution,
        name,
        digest,
        canonical,
        table=QueryLogBatch.Table.QUERY_EVENTS,
        source=QueryLogBatch.Source.API,
        actor=actor,
    )
    return Outcome(batch, created=True)
