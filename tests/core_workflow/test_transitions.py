"""core.workflow.transition on real module workflows: refusals name what is missing or the role, the move is
judged on the locked row (not a stale copy), and each move writes exactly one change-log entry."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from appgov.core import services as core
from appgov.core import workflow
from appgov.core.models import ChangeLogEntry
from appgov.credit.models import BulkDataRequest

APPROVED, REQUESTED = BulkDataRequest.Status.APPROVED, BulkDataRequest.Status.REQUESTED


@pytest.fixture
def people(world):
    a = world.a.users
    return {"requester": a["credit_officer"], "approver": a["administrator"], "reader": a["read_only"]}


@pytest.fixture
def bulk(world, people):
    return core.save(
        BulkDataRequest(
            institution=world.a.inst,
            reference="WF-1",
            purpose="模型验证",
            data_scope="脱敏样本",
            recipient="风险管理部",
            requested_by=people["requester"],
            requested_on=datetime.date(2026, 3, 1),
            retention_until=datetime.date(2026, 6, 30),
        ),
        people["requester"],
    )


def entries(obj):
    return list(
        ChangeLogEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by(
            "seq"
        )
    )


def test_a_move_writes_exactly_one_transition_entry_with_the_state_and_the_inputs(bulk, people):
    logged = len(entries(bulk))
    moved = workflow.transition(bulk, APPROVED, people["approver"])
    assert moved.status == APPROVED and moved.approved_by == people["approver"]
    new = entries(bulk)[logged:]
    assert [e.action for e in new] == ["transition"]
    assert (new[0].before["status"], new[0].after["status"]) == ("requested", "approved")
    assert new[0].after["transition"] == {
        "name": "approve",
        "from": "requested",
        "to": "approved",
        "inputs": {},
    }
    assert new[0].actor == people["approver"]

    moved = workflow.transition(moved, "extracted", people["requester"], extracted_on="2026-03-05")
    last = entries(bulk)[-1]
    assert len(entries(bulk)) == logged + 2 and last.action == "transition"
    assert last.after["extracted_on"] == "2026-03-05" and last.before["extracted_on"] is None
    assert last.after["transition"]["inputs"] == {"extracted_on": "2026-03-05"}

    certificate = SimpleUploadedFile("cert.pdf", b"%PDF-1.4 certificate")
    moved = workflow.transition(
        moved,
        "destroyed",
        people["requester"],
        destroyed_on=datetime.date(2026, 6, 1),
        destruction_certificate=certificate,
    )
    last = entries(bulk)[-1]
    assert len(entries(bulk)) == logged + 3
    assert last.after["transition"]["inputs"] == {
        "destroyed_on": "2026-06-01",
        "destruction_certificate": "cert.pdf",
    }
    assert moved.destruction_certificate.read() == b"%PDF-1.4 certificate"


def test_a_refused_move_names_every_missing_item_and_changes_nothing(bulk, people):
    workflow.transition(bulk, APPROVED, people["approver"])
    workflow.transition(bulk, "extracted", people["requester"], extracted_on=datetime.date(2026, 3, 5))
    logged = len(entries(bulk))
    with translation.override("en"), pytest.raises(workflow.TransitionRefused) as exc:
        workflow.transition(bulk, "destroyed", people["requester"])
    assert set(exc.value.message_dict) == {"destroyed_on", "destruction_certificate"}
    assert exc.value.message_dict["destruction_certificate"] == ["Missing: destruction certificate."]
    assert [i.id for i in exc.value.missing] == ["destroyed_on", "destruction_certificate"]
    # inputs and guards are reported together: a certificate is still missing and the date is too early
    with translation.override("en"), pytest.raises(workflow.TransitionRefused) as exc:
        workflow.transition(bulk, "destroyed", people["requester"], destroyed_on="2026-03-01")
    assert exc.value.message_dict == {
        "destruction_certificate": ["Missing: destruction certificate."],
        "destroyed_on": ["Destruction cannot precede extraction."],
    }
    with pytest.raises(workflow.TransitionRefused) as exc:
        workflow.transition(bulk, "destroyed", people["requester"], destroyed_on="1 June")
    assert "destroyed_on" in exc.value.message_dict
    bulk.refresh_from_db()
    assert bulk.status == "extracted" and len(entries(bulk)) == logged


def test_an_input_the_move_does_not_take_is_refused_by_name(bulk, people):
    with pytest.raises(ValidationError) as exc:
        workflow.transition(bulk, APPROVED, people["approver"], extracted_on="2026-03-05")
    assert "extracted_on" in exc.value.message_dict


def test_the_second_of_two_moves_from_the_same_stale_copy_is_refused(bulk, people):
    """Two examiners opened the same request; both decide. The second decision is judged on the locked row,
    which already shows the first, so it is refused and the change log holds one decision."""
    first = BulkDataRequest.objects.get(pk=bulk.pk)
    second = BulkDataRequest.objects.get(pk=bulk.pk)
    logged = len(entries(bulk))
    workflow.transition(first, APPROVED, people["approver"])
    assert second.status == REQUESTED  # the stale copy still says requested
    with translation.override("en"), pytest.raises(workflow.WrongState) as exc:
        workflow.transition(second, "rejected", people["approver"], decision_note="必要性不足")
    assert "Only a pending request can be rejected." in exc.value.messages
    with pytest.raises(ValidationError):
        workflow.transition(second, APPROVED, people["approver"])
    stored = BulkDataRequest.objects.get(pk=bulk.pk)
    assert (stored.status, stored.decision_note) == (APPROVED, "")
    assert [e.action for e in entries(bulk)[logged:]] == ["transition"]
    # the copy a move was made from is refreshed, so it cannot save the old state back
    assert first.status == APPROVED and first.approved_by == people["approver"]


def test_a_move_not_in_the_file_is_refused_naming_both_states(bulk, people):
    with translation.override("en"), pytest.raises(workflow.WrongState) as exc:
        workflow.transition(bulk, "destroyed", people["requester"])
    assert exc.value.messages == ["Only extracted data can be destroyed."]  # the file's own wording
    from appgov.compliance.models import Finding

    finding = Finding(status="verified", control_id="X", subject_type="app", subject_id=1)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        workflow.transition(finding, "open")
    assert exc.value.messages == ["A finding in state “Verified” cannot move to “Open”."]


def test_roles_are_refused_naming_the_role(bulk, people, world):
    with translation.override("en"):
        with pytest.raises(PermissionDenied) as exc:
            workflow.transition(bulk, APPROVED, people["reader"])  # may not write credit records at all
        assert "Read-only" in str(exc.value)
        governance = world.a.users["governance_office"]
        with pytest.raises(PermissionDenied):
            workflow.transition(bulk, APPROVED, governance)
        with pytest.raises(PermissionDenied) as exc:
            workflow.transition(bulk, APPROVED, people["requester"])  # four eyes: a permission guard
        assert "other than the requester" in str(exc.value)
        with pytest.raises(PermissionDenied):
            workflow.transition(bulk, APPROVED, world.b.admin)  # another institution
        with pytest.raises(PermissionDenied):
            workflow.transition(bulk, APPROVED, world.reg_out)  # regulators never write
    bulk.refresh_from_db()
    assert bulk.status == REQUESTED and [e.action for e in entries(bulk)] == ["create"]


def test_a_role_the_move_does_not_allow_is_named_with_those_that_may(world):
    from appgov.compliance.models import Finding

    finding = core.save(
        Finding(
            institution=world.a.inst,
            control_id="NFRA-02.2",
            subject_type="app",
            subject_id=world.a.app.pk,
            subject_repr="x",
            severity="high",
            status="resolved",
            due_on=datetime.date(2026, 12, 31),
            opened_at=timezone.now(),
        )
    )
    with translation.override("en"), pytest.raises(PermissionDenied) as exc:
        workflow.transition(finding, "verified", world.a.users["app_owner"])
    message = str(exc.value)
    assert "“App owner” may not verify" in message and "Compliance" in message


def test_available_lists_the_moves_the_actor_can_make_and_what_they_miss(bulk, people, world):
    assert [m.name for m in workflow.available(bulk, people["approver"])] == ["approve", "reject"]
    reject = workflow.available(bulk, people["approver"])[1]
    assert reject.ready and [i.name for i in reject.transition.inputs if i.required] == ["decision_note"]
    # four eyes: the requester may not approve; rejecting (withdrawing) their own request stays open to them
    assert [m.name for m in workflow.available(bulk, people["requester"])] == ["reject"]
    assert workflow.available(bulk, people["reader"]) == []
    assert workflow.available(bulk, world.b.admin) == []
    moved = workflow.transition(bulk, APPROVED, people["approver"])
    assert [m.to_state for m in workflow.available(moved, people["requester"])] == ["extracted"]


def test_available_reports_the_gate_items_a_lifecycle_move_misses(world):
    from appgov.ledger import services as ledger
    from appgov.ledger.models import MobileApp

    app = core.save(MobileApp(institution=world.a.inst, name="ALPHA 新应用", code="WF-APP", kind="app"))
    moves = {m.name: m for m in workflow.available(app, world.a.office_user)}
    assert set(moves) == {"admit", "reject"}
    assert [i.id for i in moves["admit"].missing] == [
        "admission_review",
        "managing_department",
        "responsible_person",
        "data_owner_department",
    ]
    ledger.record_gate_evidence(app, "exit_decision", "不予准入决定")
    moves = {m.name: m for m in workflow.available(app, world.a.office_user)}
    assert moves["reject"].ready
    assert workflow.available(app, world.a.users["security"]) == []  # not a lifecycle role
