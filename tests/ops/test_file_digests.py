"""Issue 12 item 2: files (evidence, packages, reports) are logged with their SHA-256, and a file replaced on
disk afterwards is reported by `appgov audit verify --files`."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry
from appgov.ledger import services

CONTENT = b"%PDF-1.4 signed test report, page 1"


@pytest.fixture
def evidence(world):
    return services.record_gate_evidence(
        world.a.app, "test_report", "OPS-EVID-1", file=ContentFile(CONTENT, name="ops-report.pdf")
    )


def mine(problems, evidence):
    return [p for p in problems if (p.object_type, p.object_id) == ("ledger.gateevidence", str(evidence.pk))]


def test_the_log_holds_the_files_sha256_next_to_its_name(evidence):
    entry = ChangeLogEntry.objects.filter(object_type="ledger.gateevidence", object_id=str(evidence.pk)).get()
    assert entry.after["file"] == evidence.file.name
    assert entry.after["file@sha256"] == hashlib.sha256(CONTENT).hexdigest()
    assert changelog.file_digest(evidence.file) == hashlib.sha256(CONTENT).hexdigest()
    labels = [label for label, _old, _new in changelog.labelled_diff(entry)]
    assert any(label.endswith("(SHA-256)") for label in labels), labels


def test_empty_and_missing_files_have_no_digest(evidence, world):
    from django.db.models.fields.files import FieldFile

    field = type(evidence)._meta.get_field("file")
    assert changelog.file_digest(FieldFile(None, field, "")) is None
    assert changelog.file_digest(FieldFile(None, field, "no/such/file.pdf")) is None


def test_a_file_replaced_on_disk_is_reported(evidence, capsys):
    checked, problems = changelog.verify_files()
    assert checked >= 1 and mine(problems, evidence) == []
    with open(evidence.file.path, "wb") as handle:  # same name, same size, other bytes
        handle.write(CONTENT.replace(b"page 1", b"page 9"))
    _checked, problems = changelog.verify_files()
    [problem] = mine(problems, evidence)
    assert problem.field == "file" and "replaced on disk" in problem.reason
    with pytest.raises(CommandError, match=f"ledger.gateevidence:{evidence.pk} file .*replaced on disk"):
        call_command("audit", "verify", "--files")
    call_command("audit", "verify")  # the chain itself is intact; only --files reads the files


def test_a_file_removed_from_disk_is_reported(evidence):
    import os

    os.remove(evidence.file.path)
    _checked, problems = changelog.verify_files()
    [problem] = mine(problems, evidence)
    assert problem.reason == "missing from storage"
