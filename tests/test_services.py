"""Services: every write is validated, permission-checked and lands in the change log with who/when/what."""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from appgov.core import services as core
from appgov.core.context import acting_as
from appgov.core.models import ChangeLogEntry, Department, Institution, ScheduledRun
from appgov.core.roles import REGULATOR_ROLES, WRITE_ROLES, Role, can_write
from appgov.ledger import gates, services
from appgov.ledger.models import AppVersion, GateEvidence, LifecycleEvent, Listing, MobileApp, Vulnerability


def last_entry():
    return ChangeLogEntry.objects.order_by("-seq").first()


def new_app(org, code="NEW-1", **fields):
    values = {"institution": org.inst, "code": code, "name": f"{org.mark} 新应用 {code}", "kind": "app"}
    values.update(fields)
    return MobileApp(**values)


# ---------- create / update / delete and the change log ----------


def test_create_is_logged_with_actor_request_id_and_after(world):
    user = world.a.office_user
    with acting_as(user, "req-test-create") as rid:
        app = core.save(new_app(world.a, platforms=["android"]), user)
    entry = last_entry()
    assert rid == "req-test-create"
    assert entry.action == ChangeLogEntry.Action.CREATE
    assert entry.actor == user and entry.actor_name == user.username
    assert entry.request_id == "req-test-create"
    assert entry.object_type == "ledger.mobileapp" and entry.object_id == str(app.pk)
    assert entry.institution_id == world.a.inst.pk
    assert entry.before is None
    assert entry.after["code"] == "NEW-1" and entry.after["platforms"] == ["android"]
    assert entry.after["institution_id"] == world.a.inst.pk


def test_update_records_before_and_after_and_a_noop_records_nothing(world):
    user = world.a.office_user
    app = world.a.app
    count = ChangeLogEntry.objects.count()
    with acting_as(user):
        core.update(app, user, name="改名后的手机银行")
    entry = last_entry()
    assert entry.action == "update"
    assert entry.before["name"] == "ALPHA手机银行" and entry.after["name"] == "改名后的手机银行"
    assert entry.request_id.startswith("req-")
    assert ChangeLogEntry.objects.count() == count + 1
    app.refresh_from_db()
    core.save(app, user)  # nothing changed (auto_now timestamps move, which is not a change)
    assert ChangeLogEntry.objects.count() == count + 1


def test_department_noop_save_is_not_logged(world):
    dept = world.a.depts["BIZ"]
    count = ChangeLogEntry.objects.count()
    core.save(dept, world.a.admin)
    assert ChangeLogEntry.objects.count() == count


def test_delete_is_logged_with_before(world):
    user = world.a.admin
    dept = core.save(Department(institution=world.a.inst, code="TMP", name="临时部门"), user)
    pk = dept.pk
    core.delete(dept, user)
    entry = last_entry()
    assert entry.action == "delete" and entry.object_id == str(pk)
    assert entry.before["code"] == "TMP" and entry.after is None
    assert entry.actor == user
    assert not Department.objects.filter(pk=pk).exists()


def test_delete_of_a_referenced_object_is_refused_and_nothing_is_logged(world):
    count = ChangeLogEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        core.delete(world.a.depts["OFFICE"], world.a.admin)
    # the message names what still refers to the department (in the active language, zh-Hans here)
    assert "仍被以下记录引用" in str(exc.value) and world.a.app.name in str(exc.value)
    assert Department.objects.filter(pk=world.a.depts["OFFICE"].pk).exists()
    assert ChangeLogEntry.objects.count() == count


def test_validation_error_writes_nothing(world):
    count = ChangeLogEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        core.save(new_app(world.a, platforms=["android", "symbian"]), world.a.admin)
    assert "platforms" in exc.value.message_dict
    assert "symbian" in " ".join(exc.value.message_dict["platforms"])
    assert not MobileApp.objects.filter(code="NEW-1").exists()
    assert ChangeLogEntry.objects.count() == count


def test_duplicate_code_in_one_institution_is_refused_but_allowed_in_another(world):
    with pytest.raises(ValidationError) as exc:
        core.save(new_app(world.a, code=world.a.app.code), world.a.admin)
    assert exc.value.message_dict
    core.save(new_app(world.b, code=world.a.app.code), world.b.admin)


def test_update_of_unknown_field_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        core.update(world.a.app, world.a.admin, no_such_field=1)
    assert "no_such_field" in exc.value.message_dict


@pytest.mark.parametrize("field", ["managing_department", "data_owner_department"])
def test_cross_institution_department_is_refused(world, field):
    app = new_app(world.a, **{field: world.b.depts["BIZ"]})
    with pytest.raises(ValidationError) as exc:
        core.save(app, world.a.admin)
    assert field in exc.value.message_dict


def test_cross_institution_person_and_channel_are_refused(world):
    with pytest.raises(ValidationError) as exc:
        core.save(new_app(world.a, responsible_person=world.b.people["P001"]), world.a.admin)
    assert "responsible_person" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        core.save(Listing(version=world.a.version, channel=world.b.channel), world.a.admin)
    assert "channel" in exc.value.message_dict
    from appgov.ledger.models import PublishingAccount

    with pytest.raises(ValidationError) as exc:
        core.save(
            PublishingAccount(
                app=world.a.app2, channel=world.b.channel, account_name="x", holder="institution"
            ),
            world.a.admin,
        )
    assert "channel" in exc.value.message_dict


# ---------- permissions by role ----------


@pytest.mark.parametrize("role", [r.value for r in Role if r not in REGULATOR_ROLES])
def test_app_writes_by_role(world, role):
    user = world.a.users[role]
    allowed = role in {"administrator", "governance_office", "app_owner"}
    assert can_write(user, "ledger.mobileapp") is allowed
    if allowed:
        core.save(new_app(world.a), user)
        assert MobileApp.objects.filter(code="NEW-1").exists()
    else:
        with pytest.raises(PermissionDenied):
            core.save(new_app(world.a), user)
        assert not MobileApp.objects.filter(code="NEW-1").exists()


def test_security_writes_versions_and_vulnerabilities_but_not_apps(world):
    sec = world.a.users["security"]
    core.save(AppVersion(app=world.a.app, platform="ios", version_name="1.0.0"), sec)
    core.save(Vulnerability(version=world.a.version, title="弱口令", severity="low"), sec)
    with pytest.raises(PermissionDenied):
        core.update(world.a.app, sec, name="x")


def test_regulator_never_writes(world):
    for model in WRITE_ROLES:
        assert not can_write(world.reg_in, model)
    with pytest.raises(PermissionDenied):
        core.update(world.b.app, world.reg_in, name="监管改名")
    with pytest.raises(PermissionDenied):
        services.transition(world.b.app2, "in_development", world.reg_in)


def test_user_of_another_institution_cannot_write(world):
    with pytest.raises(PermissionDenied):
        core.update(world.b.app, world.a.admin, name="越权改名")
    with pytest.raises(PermissionDenied):
        core.save(new_app(world.b), world.a.admin)  # creating in B by an A user
    with pytest.raises(PermissionDenied):
        core.delete(world.b.vuln, world.a.admin)
    world.b.app.refresh_from_db()
    assert world.b.app.name == "ZQX手机银行"


# ---------- lifecycle gates ----------


def ready_for_admission(org, code="GATE-1"):
    return core.save(
        new_app(
            org,
            code=code,
            managing_department=org.depts["OFFICE"],
            responsible_person=org.people["P001"],
            data_owner_department=org.depts["BIZ"],
        )
    )


def test_refused_transition_names_every_missing_item(world):
    app = core.save(new_app(world.a, code="GATE-0"))
    before = ChangeLogEntry.objects.count()
    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "admitted", world.a.office_user)
    missing = [item.id for item in exc.value.missing]
    assert missing == [
        "admission_review",
        "managing_department",
        "responsible_person",
        "data_owner_department",
    ]
    assert "准入评审记录" in exc.value.messages[0] and "责任人" in exc.value.messages[0]
    app.refresh_from_db()
    assert app.state == "proposed"
    assert ChangeLogEntry.objects.count() == before
    assert not LifecycleEvent.objects.filter(app=app).exists()


def test_allowed_transition_is_logged_with_an_event(world):
    user = world.a.office_user
    app = ready_for_admission(world.a)
    services.record_gate_evidence(app, "admission_review", "准入评审会 2026-01", user)
    with acting_as(user, "req-admit"):
        app = services.transition(app, "admitted", user, "评审通过")
    assert app.state == "admitted"
    entries = list(ChangeLogEntry.objects.filter(request_id="req-admit").order_by("seq"))
    assert [e.action for e in entries] == ["transition", "create"]
    assert entries[0].before["state"] == "proposed" and entries[0].after["state"] == "admitted"
    assert entries[0].actor == user
    event = LifecycleEvent.objects.get(app=app)
    assert (event.from_state, event.to_state, event.actor, event.note) == (
        "proposed",
        "admitted",
        user,
        "评审通过",
    )


def test_transition_not_in_the_gate_file_is_refused(world):
    app = ready_for_admission(world.a)
    with pytest.raises(ValidationError) as exc:
        services.transition(app, "released", world.a.office_user)
    assert not isinstance(exc.value, services.GateRefused)
    assert "released" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        services.transition(app, "no-such-state", world.a.office_user)


@pytest.mark.parametrize("role", ["security", "compliance", "auditor", "credit_officer", "read_only"])
def test_lifecycle_roles(world, role):
    app = ready_for_admission(world.a)
    services.record_gate_evidence(app, "admission_review", "ok")
    with pytest.raises(PermissionDenied):
        services.transition(app, "admitted", world.a.users[role])
    with pytest.raises(PermissionDenied):
        services.transition(app, "admitted", world.b.admin)
    app = services.transition(app, "admitted", world.a.users["app_owner"])
    assert app.state == "admitted"


def evidence(app, *items):
    for item in items:
        services.record_gate_evidence(app, item, f"REF-{item}")


def _complete_dossier(version, actor):
    from appgov.risk import services as risk

    day = datetime.date.today()
    return risk.dossiers.create(
        actor,
        {
            "version": version,
            "design_reviewed_on": day,
            "code_reviewed_on": day,
            "change_approval_ref": "CHG-1",
            "change_approved_on": day,
            "compliance_reviewed_on": day,
            "security_tested_on": day,
            "security_tester": "安全测试组",
            "tested_authentication": True,
            "tested_logic": True,
            "security_test_result": "passed",
        },
    )


def test_full_lifecycle_proposed_to_retired(world):
    """Every gate in order, with a refusal at each step before its items are supplied."""
    user = world.a.office_user
    app = ready_for_admission(world.a)
    evidence(app, "admission_review")
    app = services.transition(app, "admitted", user)

    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "in_development", user)
    assert [i.id for i in exc.value.missing] == ["security_requirements", "compliance_requirements"]
    evidence(app, "security_requirements", "compliance_requirements")
    app = services.transition(app, "in_development", user)

    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "in_testing", user)
    assert [i.id for i in exc.value.missing] == ["design_review", "has_version"]
    evidence(app, "design_review")
    version = core.save(AppVersion(app=app, platform="android", version_name="0.9.0"), user)
    app = services.transition(app, "in_testing", user)

    high = core.save(Vulnerability(version=version, title="SQL 注入", severity="high"), user)
    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "released", user)
    assert [i.id for i in exc.value.missing] == [
        "test_report",
        "compliance_review",
        "release_dossier_complete",  # the risk module's release dossier of the version (issue 18)
        "no_open_high_vulnerabilities",
        "package_scans_clean",  # no package was uploaded: nothing shows the release is clean
        "app_filing_no",
        "privacy_policy_url",
        "complaint_channel",
    ]
    evidence(app, "test_report", "compliance_review")
    _complete_dossier(version, world.a.users["security"])
    version = services.attach_package(
        version, ContentFile(b"PK\x03\x04 lifecycle package", name="a.apk"), world.a.users["security"]
    )
    from appgov.scanning.models import Scan

    with acting_as():
        Scan.objects.create(version=version, package_sha256=version.package_sha256, status="done")
    core.update(high, user, status="fixed", fixed_on=datetime.date(2026, 1, 2))
    core.update(
        app,
        user,
        app_filing_no="浙ICP备2026000001号-1A",
        privacy_policy_url="https://alpha.example.cn/p",
        complaint_channel="95000",
    )
    app = services.transition(app, "released", user)
    assert app.launched_on == datetime.date.today() or app.launched_on is not None

    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "in_operation", user)
    assert [i.id for i in exc.value.missing] == ["has_active_listing", "publishing_accounts_held"]
    listing = core.save(Listing(version=version, channel=world.a.channel, state="listed"), user)
    from appgov.ledger.models import PublishingAccount

    account = core.save(
        PublishingAccount(app=app, channel=world.a.channel, account_name="acct", holder="vendor"), user
    )
    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "in_operation", user)
    assert [i.id for i in exc.value.missing] == ["publishing_accounts_held"]  # a vendor holds the account
    core.update(account, user, holder="institution")
    app = services.transition(app, "in_operation", user)

    evidence(app, "exit_decision")
    app = services.transition(app, "retiring", user)
    evidence(app, "exit_risk_assessment", "data_migration", "privacy_handling", "user_notice")
    with pytest.raises(services.GateRefused) as exc:
        services.transition(app, "retired", user)
    assert [i.id for i in exc.value.missing] == ["all_listings_delisted"]
    core.update(listing, user, state="delisted", delisted_on=datetime.date.today())
    app = services.transition(app, "retired", user)
    assert app.state == "retired" and app.retired_on is not None
    path = list(
        LifecycleEvent.objects.filter(app=app).order_by("at", "id").values_list("to_state", flat=True)
    )
    assert path == [
        "admitted",
        "in_development",
        "in_testing",
        "released",
        "in_operation",
        "retiring",
        "retired",
    ]
    assert (
        ChangeLogEntry.objects.filter(
            object_id=str(app.pk), object_type="ledger.mobileapp", action="transition"
        ).count()
        == 7
    )
    assert services.gate_status(app) == []  # retired is final


def test_gate_status_reports_each_item(world):
    app = ready_for_admission(world.a)
    status = services.gate_status(app)
    assert [s.transition.to_state for s in status] == ["admitted", "retired"]
    admit = status[0]
    assert not admit.ready
    assert dict((item.id, ok) for item, ok in admit.items) == {
        "admission_review": False,
        "managing_department": True,
        "responsible_person": True,
        "data_owner_department": True,
    }
    evidence(app, "admission_review")
    assert services.gate_status(app)[0].ready


def test_unknown_evidence_item_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        services.record_gate_evidence(world.a.app, "bribe", "x", world.a.admin)
    assert "item" in exc.value.message_dict
    assert not GateEvidence.objects.filter(item="bribe").exists()


def test_gate_file_is_complete():
    """Every state but the final one has a way out, and every state can be reached from proposed."""
    from appgov.ledger.models.choices import LifecycleState

    reached, frontier = {"proposed"}, ["proposed"]
    while frontier:
        state = frontier.pop()
        for t in gates.transitions_from(state):
            if t.to_state not in reached:
                reached.add(t.to_state)
                frontier.append(t.to_state)
    assert reached == set(LifecycleState.values)
    for state in LifecycleState.values:
        assert bool(gates.transitions_from(state)) is (state != "retired")


def test_gate_file_errors_name_the_place():
    from django.core.exceptions import ImproperlyConfigured

    label = {"zh": "甲", "en": "A"}
    item = {"kind": "evidence", "roles": ["governance_office"], "label": label}
    good = {"from": "proposed", "to": "admitted", "action": "admit", "label": label, "items": ["x"]}
    with pytest.raises(ImproperlyConfigured, match="transitions/0/to"):
        gates.parse_gates({"version": 1, "transitions": [{**good, "to": "heaven"}], "items": {"x": item}})
    with pytest.raises(ImproperlyConfigured, match="listed twice"):
        gates.parse_gates({"version": 1, "transitions": [good, good], "items": {"x": item}})
    with pytest.raises(ImproperlyConfigured, match="unknown items"):
        gates.parse_gates({"version": 1, "transitions": [good], "items": {}})
    with pytest.raises(ImproperlyConfigured, match="names no field"):
        gates.parse_gates(
            {"version": 1, "transitions": [good], "items": {"x": {"kind": "field", "label": label}}}
        )
    assert len(gates.parse_gates({"version": 1, "transitions": [good], "items": {"x": item}})) == 1


# ---------- packages ----------


def test_attach_package_stores_sha256_and_size(world):
    user = world.a.users["security"]
    version = core.save(AppVersion(app=world.a.app, platform="ios", version_name="2.0.0"), user)
    data = b"PK\x03\x04fake ipa" * 5000
    version = services.attach_package(version, ContentFile(data, name="dir/../alpha.ipa"), user)
    version.refresh_from_db()
    assert version.package_sha256 == hashlib.sha256(data).hexdigest()
    assert version.package_size == len(data)
    assert version.package.name.endswith("alpha.ipa") and ".." not in version.package.name
    with version.package.open("rb") as fh:
        assert fh.read() == data
    entry = (
        ChangeLogEntry.objects.filter(object_type="ledger.appversion", object_id=str(version.pk))
        .order_by("-seq")
        .first()
    )
    assert entry.action == "update" and entry.after["package_sha256"] == version.package_sha256
    assert entry.before["package_sha256"] == ""


def test_attach_package_over_the_limit_is_refused(world, settings):
    settings.APPGOV_MAX_PACKAGE_BYTES = 1000
    version = world.a.version
    old_sha = version.package_sha256
    count = ChangeLogEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.attach_package(version, ContentFile(b"x" * 1001, name="big.apk"), world.a.admin)
    assert "1000" in " ".join(exc.value.message_dict["package"])
    version.refresh_from_db()
    assert version.package_sha256 == old_sha
    assert ChangeLogEntry.objects.count() == count
    services.attach_package(
        version, ContentFile(b"PK\x03\x04" + b"x" * 996, name="ok.apk"), world.a.admin
    )  # exactly the limit
    version.refresh_from_db()
    assert version.package_size == 1000


def test_attach_empty_package_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        services.attach_package(world.a.version, ContentFile(b"", name="empty.apk"), world.a.admin)
    assert "package" in exc.value.message_dict


def test_attach_package_by_another_institution_is_refused(world, settings):
    with pytest.raises(PermissionDenied):
        services.attach_package(world.b.version, ContentFile(b"evil", name="evil.apk"), world.a.admin)
    world.b.version.refresh_from_db()
    assert world.b.version.package_size != 4
    # nothing was written into B's storage area either
    folder = Path(settings.MEDIA_ROOT, "packages", str(world.b.inst.pk))
    assert not [p for p in folder.rglob("*") if p.name.startswith("evil")]


# ---------- daily job ----------


def test_review_version_support_deprecates_versions_past_support(world):
    today = datetime.date(2026, 11, 23)
    past = core.save(
        AppVersion(
            app=world.a.app,
            platform="ios",
            version_name="0.1",
            support_ends_on=today - datetime.timedelta(days=1),
        )
    )
    due_today = core.save(
        AppVersion(app=world.a.app, platform="ios", version_name="0.2", support_ends_on=today)
    )
    other = core.save(
        AppVersion(
            app=world.b.app, platform="ios", version_name="0.1", support_ends_on=datetime.date(2020, 1, 1)
        )
    )
    assert services.review_version_support(today) == 2
    past.refresh_from_db(), due_today.refresh_from_db(), other.refresh_from_db()
    assert (past.support_status, due_today.support_status, other.support_status) == (
        "deprecated",
        "supported",
        "deprecated",
    )
    assert services.review_version_support(today) == 0  # idempotent


def test_daily_job_runs_under_a_job_id_as_the_system(world):
    from appgov.core.jobs import run_daily_job

    core.save(
        AppVersion(
            app=world.a.app, platform="ios", version_name="0.1", support_ends_on=datetime.date(2000, 1, 1)
        )
    )
    summary = run_daily_job.call("ledger.review_version_support")
    assert summary == "ledger.review_version_support: 1"
    entry = last_entry()
    assert entry.actor is None and entry.actor_name == "system"
    assert entry.request_id.startswith("job-ledger.review_version_support-")
    assert entry.after["support_status"] == "deprecated"


def test_scheduler_enqueues_each_daily_job_once_a_day(world):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from appgov.core.jobs import DAILY_JOBS
    from appgov.core.management.commands.scheduler import Command

    earliest = min(datetime.time.fromisoformat(job.at) for job in DAILY_JOBS)
    day = datetime.date(2026, 11, 23)
    morning = timezone.make_aware(datetime.datetime.combine(day, earliest)) - datetime.timedelta(minutes=1)
    later = timezone.make_aware(datetime.datetime(2026, 11, 23, 9, 0))
    # every institution of the world is in the default zone: its jobs fall due with the server's
    institutions = list(Institution.objects.values_list("pk", flat=True))
    if morning.date() == day:
        assert Command().tick(morning) == []  # before every job's time
    started = Command().tick(later)
    due = [
        key
        for job in DAILY_JOBS
        if datetime.time.fromisoformat(job.at) <= later.time()
        for key in ([job.run_key(pk) for pk in institutions] if job.each else [job.name])
    ]
    assert "ledger.review_version_support" in started and sorted(started) == sorted(due)
    assert f"compliance.evaluate_all#{institutions[0]}" in started
    assert Command().tick(later) == []  # already enqueued today
    assert ScheduledRun.objects.filter(run_date=datetime.date(2026, 11, 23)).count() == len(due)
    assert DBTaskResult.objects.filter(task_path="appgov.core.jobs.run_daily_job").count() == len(due)
