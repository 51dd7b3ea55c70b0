"""Issue 12 item 2: the change-log chain is keyed (HMAC with a key in a file outside the database), its head
is sealed, an anchor kept elsewhere catches a tail cut with an old head row, and files are content-hashed."""

import hashlib
import hmac
import json
import os
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from appgov.core import chainkey, changelog
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry, ChangeLogHead, Department
from appgov.core.models.changelog import KEYED_SCHEME, UNKEYED_SCHEME


def write_departments(world, n, prefix="KD"):
    for i in range(n):
        core.save(
            Department(institution=world.a.inst, code=f"{prefix}{i}", name=f"键控部门{i}"), world.a.admin
        )
    return list(ChangeLogEntry.objects.order_by("seq"))


def unkeyed_hash(entry):
    canonical = json.dumps(entry.payload(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def rewrite_from(seq, hasher, scheme):
    """What a forger with write access to the database but not the key does: edit an entry, then recompute
    every hash from it on so each link holds again, and move the head to the new last hash."""
    prev = ChangeLogEntry.objects.get(seq=seq - 1).hash
    for entry in ChangeLogEntry.objects.filter(seq__gte=seq).order_by("seq"):
        if entry.seq == seq:
            entry.object_repr = "伪造"
        entry.prev_hash, entry.hash_scheme = prev, scheme
        entry.hash = hasher(entry)
        ChangeLogEntry.objects.filter(pk=entry.pk).update(
            object_repr=entry.object_repr, prev_hash=entry.prev_hash, hash=entry.hash, hash_scheme=scheme
        )
        prev = entry.hash
    ChangeLogHead.objects.update(last_hash=prev)


def test_new_entries_are_keyed_with_the_file_key(world):
    entries = write_departments(world, 2)
    key = chainkey.load()
    assert key is not None and key.path == chainkey.key_path()
    last = entries[-1]
    assert last.hash_scheme == KEYED_SCHEME
    assert last.hash != unkeyed_hash(last)  # not a plain SHA-256 any more
    assert last.compute_hash(key.key) == last.hash
    head = ChangeLogHead.objects.get()
    assert (
        head.mac == hmac.new(key.key, f"head:{head.last_seq}:{head.last_hash}".encode(), "sha256").hexdigest()
    )
    assert changelog.verify() is None


def test_recomputing_unkeyed_hashes_from_an_entry_on_is_named(world):
    entries = write_departments(world, 4)
    seq = entries[-3].seq
    rewrite_from(seq, unkeyed_hash, UNKEYED_SCHEME)
    problem = changelog.verify()
    assert problem is not None and problem.seq == seq and "downgraded" in problem.reason
    with pytest.raises(CommandError, match=f"entry #{seq}"):
        call_command("audit", "verify")


def test_recomputing_with_another_key_from_an_entry_on_is_named(world):
    entries = write_departments(world, 4)
    seq = entries[-3].seq
    rewrite_from(seq, lambda e: e.compute_hash(b"k" * 32), KEYED_SCHEME)
    problem = changelog.verify()
    assert problem is not None and problem.seq == seq and "edited" in problem.reason


@pytest.mark.unlogged_writes("cuts the change log on purpose (tampering)")
def test_cutting_the_tail_and_moving_the_head_is_named(world):
    entries = write_departments(world, 4)
    keep = entries[-3]
    ChangeLogEntry.objects.filter(seq__gt=keep.seq).delete()
    ChangeLogHead.objects.update(last_seq=keep.seq, last_hash=keep.hash)
    problem = changelog.verify()
    assert problem is not None and "head" in problem.reason and "moved" in problem.reason


@pytest.mark.unlogged_writes("cuts the change log on purpose (tampering)")
def test_anchor_catches_a_cut_with_an_old_copy_of_the_head_row(world, tmp_path):
    write_departments(world, 2, prefix="AA")
    old_head = ChangeLogHead.objects.values("last_seq", "last_hash", "mac").get()
    write_departments(world, 3, prefix="AB")
    anchor_file = tmp_path / "anchor.json"
    call_command("audit", "anchor", "--output", str(anchor_file))
    anchored = json.loads(anchor_file.read_text())
    assert anchored["seq"] == ChangeLogHead.objects.get().last_seq
    assert anchored["hash"] == ChangeLogEntry.objects.get(seq=anchored["seq"]).hash
    assert anchored["anchored_at"]
    call_command("audit", "verify", "--anchor", str(anchor_file))  # intact

    ChangeLogEntry.objects.filter(seq__gt=old_head["last_seq"]).delete()
    ChangeLogHead.objects.update(**old_head)
    assert changelog.verify() is None  # a consistent older state: only the anchor can tell
    with pytest.raises(CommandError, match=f"entry #{anchored['seq']}.*missing"):
        call_command("audit", "verify", "--anchor", str(anchor_file))


def test_anchor_to_stdout_and_a_bad_anchor_file(world, tmp_path, capsys):
    call_command("audit", "anchor")
    anchored = json.loads(capsys.readouterr().out)
    assert set(anchored) >= {"seq", "hash", "anchored_at"}
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("audit", "verify", "--anchor", str(bad))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("audit", "verify", "--anchor", str(tmp_path / "absent.json"))


def test_a_missing_key_file_is_named_not_passed(world, tmp_path):
    write_departments(world, 1)
    with override_settings(APPGOV_CHAIN_KEY_FILE=tmp_path / "elsewhere.key"):
        problem = changelog.verify()
    assert problem is not None and "key file" in problem.reason and "missing" in problem.reason


def legacy_chain(count):
    """An installation from before the key: unkeyed entries and an unsealed head."""
    ChangeLogEntry.objects.all().delete()
    prev = changelog.GENESIS_HASH
    template = {"actor_name": "system", "object_type": "core.department", "action": "create"}
    from django.utils import timezone

    for seq in range(1, count + 1):
        entry = ChangeLogEntry(
            seq=seq, timestamp=timezone.now(), object_id=str(seq), object_repr=f"旧{seq}",
            before=None, after={"n": seq}, prev_hash=prev, hash_scheme=UNKEYED_SCHEME, **template,
        )  # fmt: skip
        entry.hash = unkeyed_hash(entry)
        entry.save()
        prev = entry.hash
    ChangeLogHead.objects.update_or_create(pk=1, defaults={"last_seq": count, "last_hash": prev, "mac": ""})


@pytest.mark.unlogged_writes("cuts the change log on purpose (tampering)")
def test_unkeyed_entries_of_before_the_key_still_verify_and_cannot_be_downgraded_later(world, tmp_path):
    key_file = tmp_path / "var" / "chain.key"
    with override_settings(APPGOV_CHAIN_KEY_FILE=key_file):
        legacy_chain(5)
        assert changelog.verify() is None  # no key yet: the old chain verifies as it did
        core.save(Department(institution=world.a.inst, code="NEWK", name="键控后部门"), world.a.admin)
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
        key = chainkey.load()
        assert key.keyed_from_seq == 6
        assert ChangeLogEntry.objects.get(seq=6).hash_scheme == KEYED_SCHEME
        assert changelog.verify() is None

        # relabel every entry as unkeyed and recompute: the key file remembers keying began at #6
        rewrite_from(2, unkeyed_hash, UNKEYED_SCHEME)
        problem = changelog.verify()
        assert problem is not None and problem.seq == 6 and "downgraded" in problem.reason


def test_key_file_created_concurrently_is_never_half_written(tmp_path):
    path = tmp_path / "k" / "chain.key"
    with override_settings(APPGOV_CHAIN_KEY_FILE=path):
        first = chainkey.load(create_from_seq=1)
        chainkey._create(path, 99)  # a second process losing the race keeps the first key
        assert chainkey.load().key == first.key and chainkey.load().keyed_from_seq == 1
        assert [p.name for p in path.parent.iterdir()] == ["chain.key"]
        path.write_text("{broken")
        with pytest.raises(chainkey.ChainKeyError, match="unreadable"):
            chainkey.load()


@pytest.mark.unlogged_writes("cuts the change log on purpose (tampering)")
def test_verify_without_a_key_file_warns_that_unkeyed_links_prove_nothing(world, tmp_path):
    """Someone who deletes the key file and re-hashes the chain without it leaves a chain whose links hold: the
    command must not call that intact."""
    from io import StringIO

    from django.core.management import call_command

    with override_settings(APPGOV_CHAIN_KEY_FILE=tmp_path / "gone.key"):
        legacy_chain(3)
        out, err = StringIO(), StringIO()
        call_command("audit", "verify", stdout=out, stderr=err)
    assert "intact" not in out.getvalue()
    assert "not proved" in out.getvalue()
    assert "no change-log key file" in err.getvalue()
