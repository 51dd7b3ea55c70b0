"""Append to and verify the hash-chained change log."""

import datetime
import decimal
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .context import current_actor, current_request_id
from .models import ChangeLogEntry, ChangeLogHead

GENESIS_HASH = "0" * 64


def _json_value(value):
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return value


def snapshot(obj: models.Model) -> dict:
    """Every concrete field of obj as JSON-safe values (foreign keys as ids)."""
    data = {}
    for field in obj._meta.concrete_fields:
        data[field.attname] = _json_value(getattr(obj, field.attname))
    for field in obj._meta.many_to_many:
        if obj.pk:
            data[field.name] = sorted(
                obj.__dict__.get("_prefetched_objects_cache", {})
                .get(field.name, getattr(obj, field.name).all())
                .values_list("pk", flat=True)
            )
    return data


def institution_of(obj) -> int | None:
    """The institution an object belongs to, for scoping its history."""
    path = getattr(type(obj), "institution_path", None)
    if path is None:
        return None
    if path == "":
        return obj.pk
    target = obj
    for part in path.split("__"):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target.pk


def record(obj, action: str, before: dict | None, after: dict | None, actor=None) -> ChangeLogEntry:
    """Append one entry. Must run inside the caller's transaction so the entry and the change land together."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("change log entries must be written inside the transaction of the change")
    actor = actor if actor is not None else current_actor()
    head, _ = ChangeLogHead.objects.get_or_create(pk=1)
    head = ChangeLogHead.objects.select_for_update().get(pk=1)
    entry = ChangeLogEntry(
        seq=head.last_seq + 1,
        timestamp=timezone.now(),
        actor=actor,
        actor_name=getattr(actor, "username", None) or "system",
        request_id=current_request_id() or "",
        institution_id=institution_of(obj),
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        before=before,
        after=after,
        prev_hash=head.last_hash,
    )
    entry.hash = entry.compute_hash()
    entry.save()
    head.last_seq, head.last_hash = entry.seq, entry.hash
    head.save(update_fields=["last_seq", "last_hash"])
    return entry


def record_many(changes: list[tuple], actor=None) -> list[ChangeLogEntry]:
    """Append several entries with one lock and one insert: (obj, action, before, after) each, in order."""
    if not changes:
        return []
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("change log entries must be written inside the transaction of the change")
    actor = actor if actor is not None else current_actor()
    ChangeLogHead.objects.get_or_create(pk=1)
    head = ChangeLogHead.objects.select_for_update().get(pk=1)
    entries, seq, prev = [], head.last_seq, head.last_hash
    now = timezone.now()
    for obj, action, before, after in changes:
        seq += 1
        entry = ChangeLogEntry(
            seq=seq,
            timestamp=now,
            actor=actor,
            actor_name=getattr(actor, "username", None) or "system",
            request_id=current_request_id() or "",
            institution_id=institution_of(obj),
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_repr=str(obj)[:300],
            action=action,
            before=before,
            after=after,
            prev_hash=prev,
        )
        entry.hash = entry.compute_hash()
        prev = entry.hash
        entries.append(entry)
    ChangeLogEntry.objects.bulk_create(entries, batch_size=1000)
    head.last_seq, head.last_hash = seq, prev
    head.save(update_fields=["last_seq", "last_hash"])
    return entries


def diff(before: dict | None, after: dict | None) -> list[tuple[str, object, object]]:
    keys = sorted(set(before or {}) | set(after or {}))
    return [
        (k, (before or {}).get(k), (after or {}).get(k))
        for k in keys
        if (before or {}).get(k) != (after or {}).get(k)
    ]


def labelled_diff(entry, skip: tuple[str, ...] = ()) -> list[tuple[str, object, object]]:
    """diff() of an entry with each field named by its model's verbose name (the stored key otherwise:
    a field since removed, or a model that no longer exists)."""
    labels = field_labels(entry.object_type)
    return [(labels.get(k, k), old, new) for k, old, new in diff(entry.before, entry.after) if k not in skip]


def field_labels(object_type: str) -> dict[str, str]:
    from django.apps import apps

    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return {}
    labels = {f.attname: str(f.verbose_name) for f in model._meta.concrete_fields}
    labels.update({f.name: str(f.verbose_name) for f in model._meta.many_to_many})
    return labels


@dataclass
class VerifyProblem:
    seq: int
    reason: str


RECENT_HASHES = 1000  # how far back a link is recognised as skipping inserted entries


def _walk(batch_size: int):
    """Every entry in seq order, paired with the one after it (None at the end)."""
    qs = ChangeLogEntry.objects.order_by("seq")
    previous, last_seq = None, 0
    while True:
        batch = list(qs.filter(seq__gt=last_seq)[:batch_size])
        if not batch:
            break
        for entry in batch:
            if previous is not None:
                yield previous, entry
            previous = entry
        last_seq = batch[-1].seq
    if previous is not None:
        yield previous, None


def verify(batch_size: int = 5000) -> VerifyProblem | None:
    """Walk the chain; return the first edited, inserted or deleted entry, or None when intact.

    An entry whose link to its predecessor is broken is told apart as follows: if the entry after it
    links to the predecessor instead, it was inserted; if its link skips back over earlier entries,
    those were inserted; if its own hash still holds, the predecessor was changed and re-hashed;
    otherwise it was edited.
    """
    expected_seq, expected_prev = 1, GENESIS_HASH
    recent: OrderedDict[str, int] = OrderedDict()  # hash -> seq of the last entries walked
    head = ChangeLogHead.objects.filter(pk=1).first()
    for entry, following in _walk(batch_size):
        if entry.seq != expected_seq:  # seq is unique and walked in order, so only gaps are possible
            return VerifyProblem(expected_seq, f"entry #{expected_seq} is missing (deleted)")
        own_hash_ok = entry.compute_hash() == entry.hash
        if entry.prev_hash != expected_prev:
            if following is not None and following.prev_hash == expected_prev:
                return VerifyProblem(
                    entry.seq, f"entry #{entry.seq} was inserted: the entry after it skips it"
                )
            if head is not None and entry.seq > head.last_seq and head.last_hash == expected_prev:
                return VerifyProblem(
                    entry.seq,
                    f"entry #{entry.seq} was added outside the change log (after its head; inserted)",
                )
            if entry.prev_hash in recent:
                first = recent[entry.prev_hash] + 1
                return VerifyProblem(
                    first, f"entry #{first} was inserted: entry #{entry.seq} links to entry #{first - 1}"
                )
            if own_hash_ok and entry.seq > 1:
                previous = entry.seq - 1
                return VerifyProblem(
                    previous,
                    f"entry #{previous} was changed and re-hashed: "
                    f"entry #{entry.seq} recorded a different hash for it",
                )
            return VerifyProblem(
                entry.seq, f"entry #{entry.seq} does not link to the entry before it (inserted or edited)"
            )
        if not own_hash_ok:
            return VerifyProblem(
                entry.seq, f"entry #{entry.seq} was edited: its content no longer matches its hash"
            )
        recent[entry.hash] = entry.seq
        if len(recent) > RECENT_HASHES:
            recent.popitem(last=False)
        expected_seq, expected_prev = entry.seq + 1, entry.hash
    last = expected_seq - 1
    head = ChangeLogHead.objects.filter(pk=1).first()  # again: writers may have appended while we walked
    if head is None:
        return VerifyProblem(1, "the chain head is missing although entries exist") if last else None
    if head.last_seq < last:
        return VerifyProblem(
            head.last_seq + 1,
            f"entry #{head.last_seq + 1} was added outside the change log "
            f"(the head records #{head.last_seq} as the last entry; inserted)",
        )
    if head.last_seq > last:
        if ChangeLogEntry.objects.filter(seq=last + 1).exists():
            return None  # appended while we walked (entry and head commit together); checked next time
        return VerifyProblem(
            last + 1,
            f"entry #{last + 1} is missing (deleted at the end: the chain ends at #{last} "
            f"but its head records #{head.last_seq})",
        )
    if head.last_hash != expected_prev:
        return VerifyProblem(
            last, f"entry #{last} was changed and re-hashed (the chain head records another hash)"
        )
    return None
