"""Issue 12 item 1: nothing a regulator may ask for is deleted. Records kept for the record are retired
(their workflows) instead of deleted; a mistaken entry with no history may be voided with a reason; foreign
keys between kept records are PROTECT; every row a delete still touches is logged, row by row."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ProtectedError

from appgov.core import retention
from appgov.core import services as core
from appgov.core.models import ChangeLogEntry, Department
from appgov.ledger.models import AppVersion, GateEvidence, MobileApp
from appgov.users.models import User

APPS = "/api/ledger/apps/"


def entries(obj) -> list[ChangeLogEntry]:
    return list(
        ChangeLogEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by(
            "seq"
        )
    )


def test_an_app_in_operation_is_not_deleted_through_the_api(world, api):
    app = world.a.app  # in operation, with versions, listings and gate evidence
    versions = list(AppVersion.objects.filter(app=app).values_list("pk", flat=True))
    evidence = GateEvidence.objects.filter(app=app).count()
    count = ChangeLogEntry.objects.count()
    response = api(world.a.office_user).delete(f"{APPS}{app.pk}/?reason=清理")
    assert response.status_code == 400, response.content
    assert MobileApp.objects.filter(pk=app.pk).exists()
    assert list(AppVersion.objects.filter(app=app).values_list("pk", flat=True)) == versions
    assert GateEvidence.objects.filter(app=app).count() == evidence
    assert ChangeLogEntry.objects.count() == count


def test_an_app_with_a_history_is_retired_not_deleted(world, api):
    client = api(world.a.office_user)
    app_id = client.post(APPS, {"code": "RT-1", "name": "将退出的应用", "kind": "app"}, format="json").json()[
        "id"
    ]
    assert client.patch(f"{APPS}{app_id}/", {"name": "改名"}, format="json").status_code == 200
    response = client.delete(f"{APPS}{app_id}/?reason=不再需要")
    assert response.status_code == 400
    assert "retire" in response.json()["detail"] or "退出" in response.json()["detail"]
    assert MobileApp.objects.filter(pk=app_id).exists()


def test_a_mistaken_entry_is_voided_with_a_reason_kept_in_the_log(world, api):
    client = api(world.a.office_user)
    app_id = client.post(APPS, {"code": "VD-1", "name": "误录的应用", "kind": "app"}, format="json").json()[
        "id"
    ]
    no_reason = client.delete(f"{APPS}{app_id}/")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    assert MobileApp.objects.filter(pk=app_id).exists()
    response = client.delete(f"{APPS}{app_id}/?reason=重复录入")
    assert response.status_code == 204
    # the row stays, marked voided (tests/issue12/test_voiding.py); the log has the reason
    assert MobileApp.objects.get(pk=app_id).void_reason == "重复录入"
    entry = ChangeLogEntry.objects.filter(object_type="ledger.mobileapp", object_id=str(app_id)).latest("seq")
    assert entry.action == "update" and entry.before["void_reason"] == ""
    assert entry.after["void_reason"] == "重复录入" and entry.after["voided_at"]


def test_foreign_keys_between_records_kept_for_the_record_never_cascade():
    cascading = [
        f"{model._meta.label_lower}.{field.name}"
        for model in retention.kept_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.remote_field.on_delete is models.CASCADE
        and field.related_model._meta.label_lower != "authtoken.token"
    ]
    assert cascading == []


def test_the_database_itself_refuses_the_cascade(world):
    with pytest.raises(ProtectedError):
        MobileApp.objects.filter(pk=world.a.app.pk).delete()  # no service: the ORM alone
    assert AppVersion.objects.filter(app=world.a.app).exists()


def test_every_row_a_delete_touches_is_logged_row_by_row(world):
    """A department (configuration, deletable) with a user in it: the user's cleared department is an entry
    of its own, naming the delete that caused it."""
    admin = world.a.admin
    dept = core.save(Department(institution=world.a.inst, code="TMP-R", name="临时部门"), admin)
    user = User.objects.create(username="alpha_temp", institution=world.a.inst, department=dept)
    dept_pk = dept.pk
    core.delete(dept, admin)
    user.refresh_from_db()
    assert user.department_id is None
    entry = entries(user)[-1]
    assert entry.action == "update"
    assert entry.before == {"department_id": dept_pk}
    assert entry.after == {"department_id": None, "cascade_of": f"core.department:{dept_pk}"}


def test_a_mistaken_person_is_voided_and_nothing_cascades(world):
    """A person entered by mistake is voided (the row stays): the staff subject mapping that names them is
    neither deleted nor changed, and the void is the only entry written."""
    from appgov.core.models import Person
    from appgov.credit import services as credit
    from appgov.credit.models import StaffSubject

    officer = world.a.users["credit_officer"]
    person = core.save(Person(institution=world.a.inst, employee_no="P-VOID", name="误录人员"), world.a.admin)
    subject = credit.save_staff_subject(StaffSubject(person=person, subject_pseudonym="S-VOID"), officer)
    count = ChangeLogEntry.objects.count()
    core.delete(person, world.a.admin, reason="误录")
    assert Person.objects.get(pk=person.pk).void_reason == "误录"
    assert StaffSubject.objects.get(pk=subject.pk).person_id == person.pk
    assert ChangeLogEntry.objects.count() == count + 1 and entries(person)[-1].after["void_reason"] == "误录"


def test_a_kept_record_without_the_voided_state_is_never_deleted(world):
    """The service's last guard: a kept model that cannot be voided is refused, whatever the caller."""
    from appgov.core.models import RegulatorOffice

    office = core.save(RegulatorOffice(code="T-VOID", name="误录的监管局", level="provincial"))
    assert retention.kept_for_record(RegulatorOffice) and retention.history_count(office) == 1
    with pytest.raises(ValidationError) as exc:
        core.delete(office, None, reason="误录")
    assert "never deleted" in str(exc.value) or "不删除" in str(exc.value)
    assert RegulatorOffice.objects.filter(pk=office.pk).exists()


def test_a_register_with_history_is_refused_by_the_service_whatever_the_entry_point(world):
    version = world.a.version
    version.support_status = "deprecated"
    core.save(version, world.a.admin)  # now it has a history
    with pytest.raises(ValidationError) as exc:
        core.delete(version, world.a.admin, reason="误录")
    assert "kept for the record" in str(exc.value) or "留存" in str(exc.value)
