"""Append to and verify the hash-chained change log.

Entries are keyed (HMAC-SHA256, key in the file named by APPGOV_CHAIN_KEY_FILE, see core.chainkey);
the head row is sealed with the same key; `anchor()` gives the operator the head to keep elsewhere.
Files (evidence, packages, reports) are logged with their SHA-256 next to their name, so a file
replaced on disk is found by `verify_files()`.
"""

import datetime
import decimal
import hashlib
import os
import uuid
from collections import OrderedDict
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from . import chainkey
from .context import current_actor, current_request_id
from .models import ChangeLogEntry, ChangeLogHead
from .models.changelog import KEYED_SCHEME, UNKEYED_SCHEME

GENESIS_HASH = "0" * 64
DIGEST_SUFFIX = "@sha256"  # snapshot key of a file's content hash: "<attname>@sha256"
_digest_cache: dict[tuple[str, int, int], str] = {}


def file_digest(fieldfile, remembered: bool = True) -> str | None:
    """SHA-256 (hex) of a stored file's content; None for an empty field or a file missing from storage.

    Remembered per (path, size, mtime) so the before and after snapshots of one save read a large
    package once."""
    if not fieldfile or not fieldfile.name:
        return None
    storage = fieldfile.storage
    try:
        path = storage.path(fieldfile.name)
    except NotImplementedError:  # a remote storage: no cheap stat, hash every time
        path = None
    if path is not None:
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return None
        memo_key = (path, stat.st_size, stat.st_mtime_ns)
        if remembered and memo_key in _digest_cache:
            return _digest_cache[memo_key]
    try:
        handle = storage.open(fieldfile.name, "rb")
    except FileNotFoundError:
        return None
    digest = hashlib.sha256()
    with handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if path is not None:
        if len(_digest_cache) > 10_000:
            _digest_cache.clear()
        _digest_cache[memo_key] = digest.hexdigest()
    return digest.hexdigest()


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
    redacted = getattr(type(obj), "changelog_redacted", ())
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if field.attname in redacted:
            # a secret (a password hash) is logged as a digest: its change shows, its value does not
            data[field.attname] = hashlib.sha256(str(value).encode()).hexdigest()[:12] if value else None
            continue
        data[field.attname] = _json_value(value)
        if isinstance(field, models.FileField):
            data[field.attname + DIGEST_SUFFIX] = file_digest(value)
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
    ChangeLogHead.objects.get_or_create(pk=1)
    head = ChangeLogHead.objects.select_for_update().get(pk=1)
    key = chainkey.load(create_from_seq=head.last_seq + 1).key
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
        hash_scheme=KEYED_SCHEME,
    )
    entry.hash = entry.compute_hash(key)
    entry.save()
    head.last_seq, head.last_hash = entry.seq, entry.hash
    head.mac = head.compute_mac(key)
    head.save(update_fields=["last_seq", "last_hash", "mac"])
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
    key = chainkey.load(create_from_seq=head.last_seq + 1).key
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
            hash_scheme=KEYED_SCHEME,
        )
        entry.hash = entry.compute_hash(key)
        prev = entry.hash
        entries.append(entry)
    ChangeLogEntry.objects.bulk_create(entries, batch_size=1000)
    head.last_seq, head.last_hash = seq, prev
    head.mac = head.compute_mac(key)
    head.save(update_fields=["last_seq", "last_hash", "mac"])
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
    a field since removed, or a model that no longer exists) and each value as a reader sees it (choice
    labels, names for ids, local times; see history_display). The primary key is left out."""
    from django.apps import apps

    from .history_display import display

    labels = field_labels(entry.object_type)
    try:
        model = apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        model = None
    rows = []
    for k, old, new in diff(entry.before, entry.after):
        if k in skip or (model is not None and k == model._meta.pk.attname):
            continue
        shown_old, shown_new = display(model, k, [old, new])
        rows.append((labels.get(k, k), shown_old, shown_new))
    return rows


def field_labels(object_type: str) -> dict[str, str]:
    from django.apps import apps

    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return {}
    labels = {f.attname: str(f.verbose_name) for f in model._meta.concrete_fields}
    labels.update(
        {
            f.attname + DIGEST_SUFFIX: f"{f.verbose_name} (SHA-256)"
            for f in model._meta.concrete_fields
            if isinstance(f, models.FileField)
        }
    )
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
    otherwise it was edited. Keyed entries are checked with the chain key; an unkeyed entry where the
    key file says entries were already keyed is a downgrade; the head's seal must match the key.
    """
    try:
        chain_key = chainkey.load()
    except chainkey.ChainKeyError as exc:
        return VerifyProblem(0, str(exc))
    key = chain_key.key if chain_key else None
    keyed_from = chain_key.keyed_from_seq if chain_key else None
    expected_seq, expected_prev = 1, GENESIS_HASH
    recent: OrderedDict[str, int] = OrderedDict()  # hash -> seq of the last entries walked
    seen_keyed = False
    head = ChangeLogHead.objects.filter(pk=1).first()
    for entry, following in _walk(batch_size):
        if entry.seq != expected_seq:  # seq is unique and walked in order, so only gaps are possible
            return VerifyProblem(expected_seq, f"entry #{expected_seq} is missing (deleted)")
        if entry.hash_scheme == KEYED_SCHEME and key is None:
            return VerifyProblem(
                entry.seq,
                f"entry #{entry.seq} is keyed but the change-log key file "
                f"({chainkey.key_path()}) is missing: it cannot be verified",
            )
        if entry.hash_scheme == UNKEYED_SCHEME and (
            seen_keyed or (keyed_from is not None and entry.seq >= keyed_from)
        ):
            return VerifyProblem(
                entry.seq,
                f"entry #{entry.seq} was edited: it carries an unkeyed hash although the chain was keyed "
                f"from #{keyed_from} on (downgraded)",
            )
        seen_keyed = seen_keyed or entry.hash_scheme == KEYED_SCHEME
        own_hash_ok = entry.compute_hash(key) == entry.hash
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
    if keyed_from is not None and last < keyed_from - 1:
        return VerifyProblem(
            last + 1,
            f"entries from #{last + 1} on are missing (deleted at the end: the chain key was created "
            f"when the chain already reached #{keyed_from - 1})",
        )
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
    if key is not None and last >= keyed_from and head.mac != head.compute_mac(key):
        return VerifyProblem(
            last + 1,
            f"the chain head (#{last}) was moved or edited: its seal does not match the chain key "
            f"(entries after #{last} may have been cut off)",
        )
    return None


def anchor() -> dict:
    """The chain's head as the operator keeps it outside the installation (`appgov audit anchor`)."""
    head = ChangeLogHead.objects.filter(pk=1).first()
    entry = ChangeLogEntry.objects.filter(seq=head.last_seq).first() if head and head.last_seq else None
    return {
        "seq": entry.seq if entry else 0,
        "hash": entry.hash if entry else GENESIS_HASH,
        "entry_timestamp": entry.timestamp.isoformat() if entry else None,
        "anchored_at": timezone.now().isoformat(timespec="seconds"),
    }


def verify_anchor(anchored: dict) -> VerifyProblem | None:
    """Whether the chain still holds the anchored head unchanged (run after verify(), which checks the
    links up to the head)."""
    try:
        seq, digest = int(anchored["seq"]), str(anchored["hash"])
    except (KeyError, TypeError, ValueError) as exc:
        return VerifyProblem(0, f"the anchor is not an `appgov audit anchor` record ({exc!r} missing or bad)")
    if seq == 0:
        return None
    entry = ChangeLogEntry.objects.filter(seq=seq).first()
    if entry is None:
        return VerifyProblem(
            seq, f"entry #{seq}, anchored at {anchored.get('anchored_at')}, is missing (deleted)"
        )
    if entry.hash != digest:
        return VerifyProblem(
            seq,
            f"entry #{seq} differs from its anchor of {anchored.get('anchored_at')}: "
            "the chain was rewritten from there on or before",
        )
    return None


@dataclass
class FileProblem:
    object_type: str
    object_id: str
    field: str
    name: str
    reason: str

    def __str__(self):
        return f"{self.object_type}:{self.object_id} {self.field} {self.name}: {self.reason}"


def verify_files(batch_size: int = 5000) -> tuple[int, list[FileProblem]]:
    """Compare every file the log last recorded for a live object with the file on disk now.

    Returns (files checked, problems): a file missing from storage, or one whose content no longer has
    the SHA-256 logged for it (replaced on disk)."""
    from django.apps import apps

    latest: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for entry, _following in _walk(batch_size):
        target = (entry.object_type, entry.object_id)
        if entry.after is None:
            latest.pop(target, None)
            continue
        files = {
            key[: -len(DIGEST_SUFFIX)]: (entry.after.get(key[: -len(DIGEST_SUFFIX)]), value)
            for key, value in entry.after.items()
            if key.endswith(DIGEST_SUFFIX)
        }
        if files:
            latest.setdefault(target, {}).update(files)
    checked, problems = 0, []
    for (object_type, object_id), files in sorted(latest.items()):
        try:
            model = apps.get_model(object_type)
        except (LookupError, ValueError):
            continue
        for attname, (name, digest) in sorted(files.items()):
            if not name or not digest:
                continue
            field = model._meta.get_field(attname)
            checked += 1
            current = file_digest(FieldFile(None, field, name), remembered=False)
            if current is None:
                problems.append(FileProblem(object_type, object_id, attname, name, "missing from storage"))
            elif current != digest:
                problems.append(
                    FileProblem(
                        object_type,
                        object_id,
                        attname,
                        name,
                        f"replaced on disk (SHA-256 {current[:16]}…, the log recorded {digest[:16]}…)",
                    )
                )
    return checked, problems
