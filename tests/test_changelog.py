"""The hash-chained change log: an intact chain verifies; an edited, deleted or inserted entry is named,
by the service function, by `manage.py audit verify` and by the `appgov audit verify` console script."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from appgov import cli
from appgov.core import changelog
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry, ChangeLogHead, Department

TABLE = ChangeLogEntry._meta.db_table


@pytest.fixture
def chain(world):
    """A few fresh entries on top of the world's, so the tampered one is in the middle of the chain."""
    for i in range(4):
        core.save(Department(institution=world.a.inst, code=f"CL{i}", name=f"链测试部门{i}"), world.a.admin)
    seqs = list(ChangeLogEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) > 20
    return seqs


def assert_named(seq, words):
    problem = changelog.verify()
    assert problem is not None, "tampering went unnoticed"
    assert problem.seq == seq, problem
    assert f"#{seq}" in problem.reason and words in problem.reason
    with pytest.raises(CommandError, match=f"entry #{seq}"):
        call_command("audit", "verify")
    return problem


def run_cli(capsys, *argv):
    # Django's command runner closes every connection when a command ends; in a test that would end the
    # test's transaction (PostgreSQL), so keep the connection open.
    from unittest import mock

    try:
        with mock.patch("django.db.connections.close_all"):
            code = cli.main(list(argv))
    except SystemExit as exc:  # Django's command runner exits 1 on CommandError
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_intact_chain_verifies(chain, capsys):
    assert changelog.verify() is None
    assert changelog.verify(batch_size=3) is None  # batching does not change the outcome
    call_command("audit", "verify")
    code, out, err = run_cli(capsys, "audit", "verify")
    assert code == 0, err
    assert f"change log intact: {len(chain)} entries verified" in out


def test_each_entry_links_to_the_one_before(chain):
    entries = list(ChangeLogEntry.objects.order_by("seq"))
    assert entries[0].prev_hash == changelog.GENESIS_HASH
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
        assert after.hash == after.compute_hash()
    head = ChangeLogHead.objects.get()
    assert (head.last_seq, head.last_hash) == (entries[-1].seq, entries[-1].hash)


def test_queryset_update_of_content_is_named(chain, capsys):
    seq = chain[10]
    ChangeLogEntry.objects.filter(seq=seq).update(after={"name": "被篡改"})
    assert_named(seq, "edited")
    code, _out, err = run_cli(capsys, "audit", "verify")
    assert code == 1
    assert f"entry #{seq}" in err


def test_raw_sql_update_of_the_actor_is_named(chain):
    seq = chain[5]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET actor_name = %s WHERE seq = %s", ["mallory", seq])
    assert_named(seq, "edited")


def test_raw_sql_update_of_the_timestamp_is_named(chain):
    seq = chain[-3]
    entry = ChangeLogEntry.objects.get(seq=seq)
    ChangeLogEntry.objects.filter(seq=seq).update(timestamp=entry.timestamp.replace(year=2020))
    assert_named(seq, "edited")


def test_edit_with_a_recomputed_hash_is_named(chain):
    seq = chain[7]
    entry = ChangeLogEntry.objects.get(seq=seq)
    entry.object_repr = "伪造的对象"
    entry.hash = entry.compute_hash()
    ChangeLogEntry.objects.filter(seq=seq).update(object_repr=entry.object_repr, hash=entry.hash)
    assert_named(seq, "re-hashed")


def test_edit_of_the_last_entry_with_a_recomputed_hash_is_named(chain):
    seq = chain[-1]
    entry = ChangeLogEntry.objects.get(seq=seq)
    entry.actor_name = "mallory"
    entry.hash = entry.compute_hash()
    ChangeLogEntry.objects.filter(seq=seq).update(actor_name="mallory", hash=entry.hash)
    assert_named(seq, "re-hashed")


def test_deleted_entry_is_named(chain, capsys):
    seq = chain[12]
    ChangeLogEntry.objects.filter(seq=seq).delete()
    assert_named(seq, "deleted")
    code, _out, err = run_cli(capsys, "audit", "verify")
    assert code == 1 and f"entry #{seq}" in err


def test_deleted_first_entry_is_named(chain):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE seq = 1")
    assert_named(1, "deleted")


def test_deleted_last_entries_are_named(chain):
    ChangeLogEntry.objects.filter(seq__gte=chain[-2]).delete()
    assert_named(chain[-2], "deleted")


def forged(after_seq, seq, prev_hash=None, **fields):
    template = ChangeLogEntry.objects.get(seq=after_seq)
    entry = ChangeLogEntry(
        seq=seq,
        timestamp=template.timestamp,
        actor_name="mallory",
        request_id="req-forged",
        institution_id=template.institution_id,
        object_type="ledger.mobileapp",
        object_id="999999",
        object_repr="伪造",
        action="create",
        before=None,
        after={"name": "伪造"},
        prev_hash=prev_hash if prev_hash is not None else template.hash,
    )
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.hash = entry.compute_hash()
    return entry


def test_entry_inserted_at_the_end_is_named(chain, capsys):
    last = chain[-1]
    forged(last, last + 1).save()  # correctly linked and hashed, but not through the log's head
    assert_named(last + 1, "inserted")
    code, _out, err = run_cli(capsys, "audit", "verify")
    assert code == 1 and f"entry #{last + 1}" in err


def test_badly_linked_entry_inserted_at_the_end_is_named(chain):
    last = chain[-1]
    forged(last, last + 1, prev_hash="f" * 64).save()
    assert_named(last + 1, "inserted")


def test_entry_inserted_in_the_middle_is_named(chain):
    """The forger renumbers the later entries to make room and links the new entry properly."""
    at = chain[8]
    bump = 10**6
    ChangeLogEntry.objects.filter(seq__gt=at).update(seq=models_F("seq") + bump)
    ChangeLogEntry.objects.filter(seq__gt=bump).update(seq=models_F("seq") - bump + 1)
    forged(at, at + 1).save()
    ChangeLogHead.objects.update(last_seq=chain[-1] + 1)
    assert_named(at + 1, "inserted")


def test_entry_inserted_in_the_middle_with_a_bad_link_is_named(chain):
    at = chain[3]
    bump = 10**6
    ChangeLogEntry.objects.filter(seq__gt=at).update(seq=models_F("seq") + bump)
    ChangeLogEntry.objects.filter(seq__gt=bump).update(seq=models_F("seq") - bump + 1)
    forged(at, at + 1, prev_hash="e" * 64).save()
    ChangeLogHead.objects.update(last_seq=chain[-1] + 1)
    assert_named(at + 1, "inserted")


def models_F(name):
    from django.db.models import F

    return F(name)


def test_new_writes_after_verification_keep_the_chain(chain, world):
    core.update(world.a.depts["BIZ"], world.a.admin, name="零售业务部（新）")
    assert changelog.verify() is None
    assert ChangeLogEntry.objects.order_by("-seq").first().seq == chain[-1] + 1


def test_record_refuses_to_write_outside_a_transaction(world):
    from django.db import transaction

    connection_in_atomic = transaction.get_connection().in_atomic_block
    assert connection_in_atomic  # the test transaction; simulate the outside by checking the guard directly
    from unittest import mock

    with mock.patch.object(transaction.get_connection(), "in_atomic_block", False):
        with pytest.raises(RuntimeError, match="inside the transaction"):
            changelog.record(world.a.app, "update", {}, {})


def test_unknown_audit_action_is_a_usage_error(db, capsys):
    code, _out, err = run_cli(capsys, "audit", "repair")
    assert code == 2 and "invalid choice" in err
