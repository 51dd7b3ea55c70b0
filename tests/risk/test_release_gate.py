"""Issue 18 follow-up item 2: the release gate (ledger/gates.yaml) reads the release dossier through a check the
risk module registers; the refusal names what the dossier lacks, per version."""

import datetime

import pytest

from appgov.core import services as core
from appgov.ledger import gates
from appgov.ledger import services as ledger
from appgov.ledger.models import AppVersion
from appgov.risk import services
from appgov.risk.gates import release_dossier_complete

DAY = datetime.date.today() - datetime.timedelta(days=1)
COMPLETE = {
    "design_reviewed_on": DAY,
    "code_reviewed_on": DAY,
    "change_approval_ref": "CHG-9",
    "change_approved_on": DAY,
    "compliance_reviewed_on": DAY,
    "security_tested_on": DAY,
    "security_tester": "安全测试组",
    "tested_authentication": True,
    "tested_logic": True,
    "security_test_result": "passed",
}


def test_the_release_lists_the_dossier_item():
    release = gates.find_transition("in_testing", "released")
    item = next(i for i in release.items if i.id == "release_dossier_complete")
    assert item.kind == "check" and item.control == "NFRA-07.1"


def _newest(app):
    return app.versions.order_by("-created_at", "-id").first()


def test_each_missing_part_is_named(world):
    app, sec = world.a.app, world.a.users["security"]
    version = _newest(app)
    assert release_dossier_complete(app) == [f"version {version.version_name}: the release dossier"]
    dossier = services.dossiers.create(sec, {"version": version, "design_reviewed_on": DAY})
    missing = release_dossier_complete(app)
    assert len(missing) == 1
    for part in ("code review", "change approval", "compliance confirmation", "the security test result"):
        assert part in missing[0], part
    assert "design review" not in missing[0]
    dossier = services.dossiers.update(dossier, sec, {**COMPLETE, "tested_logic": False})
    assert release_dossier_complete(app) == [
        f"version {version.version_name}: security test of application logic control"
    ]
    dossier = services.dossiers.update(dossier, sec, {**COMPLETE, "security_test_result": "failed"})
    assert "a passed security test" in release_dossier_complete(app)[0]
    services.dossiers.update(dossier, sec, COMPLETE)
    assert release_dossier_complete(app) == []


def test_a_new_version_needs_its_own_dossier(world):
    app, sec = world.a.app, world.a.users["security"]
    services.dossiers.create(sec, {"version": _newest(app), **COMPLETE})
    assert release_dossier_complete(app) == []
    newer = core.save(
        AppVersion(app=app, platform=_newest(app).platform, version_name="9.9.9"), world.a.office_user
    )
    assert release_dossier_complete(app) == ["version 9.9.9: the release dossier"]
    services.dossiers.create(sec, {"version": newer, **COMPLETE})
    assert release_dossier_complete(app) == []


def test_the_gate_refusal_names_the_dossier_parts(world):
    app, office = world.a.app, world.a.office_user
    if app.state != "in_testing":
        app = ledger.transition(app, "in_testing", office)
    services.dossiers.create(world.a.users["security"], {"version": _newest(app), "design_reviewed_on": DAY})
    with pytest.raises(ledger.GateRefused) as exc:
        ledger.transition(app, "released", office)
    assert "release_dossier_complete" in [i.id for i in exc.value.missing]
    message = exc.value.messages[0]
    assert "Complete release dossier" in message and "code review" in message and "change approval" in message
