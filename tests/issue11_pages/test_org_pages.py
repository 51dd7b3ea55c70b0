"""Issue 11 item 13: the institution administrator manages the licensed scope, departments, people and user
accounts on pages; every write goes through a service and is logged; other roles and examiners are refused."""

from django.test import Client

from appgov.core.models import ChangeLogEntry, Department, Person
from appgov.users.models import User


def entries(obj):
    return ChangeLogEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def outcome_05_2(inst, app):
    from appgov.compliance import services as compliance
    from appgov.compliance.models import ControlResult

    compliance.evaluate_now(inst)
    return ControlResult.objects.get(control_id="NFRA-05.2", subject_type="app", subject_id=app.pk).outcome


def test_the_administrator_records_the_licensed_scope_and_nfra_05_2_reads_it(world, login):
    from appgov.core import services as core

    a = world.a
    core.institutions.update(a.inst, a.admin, {"licensed_business_lines": [], "licensed_regions": []})
    a.app.business_lines, a.app.regions = ["个人贷款"], ["江苏省"]
    core.save(a.app, a.admin)
    assert outcome_05_2(a.inst, a.app) != "pass"  # no scope recorded: cannot be judged, never a pass
    client = login(a.admin)
    response = client.post(
        "/organisation/edit/",
        {
            "licensed_business_lines": "个人存款\n个人贷款、财富管理",
            "licensed_regions": "浙江省\n江苏省",
            "leading_department": a.depts["OFFICE"].pk,
            "planned_app_ceiling": "12",
            "time_zone": "Asia/Shanghai",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    a.inst.refresh_from_db()
    assert a.inst.licensed_business_lines == ["个人存款", "个人贷款", "财富管理"]
    assert a.inst.licensed_regions == ["浙江省", "江苏省"]
    assert a.inst.planned_app_ceiling == 12
    entry = entries(a.inst).order_by("-seq").first()
    assert entry.actor_id == a.admin.pk and entry.after["licensed_regions"] == ["浙江省", "江苏省"]
    assert outcome_05_2(a.inst, a.app) == "pass"  # the app's line and region are now within the scope
    page = client.get("/organisation/").content.decode()
    assert "财富管理" in page and "江苏省" in page


def test_an_empty_scope_is_shown_as_missing_with_its_consequence(world, login):
    from appgov.core import services as core

    a = world.a
    core.institutions.update(a.inst, a.admin, {"licensed_business_lines": [], "licensed_regions": []})
    page = login(a.users["read_only"]).get("/organisation/").content.decode()
    assert "NFRA-05.2 cannot compare" in page


def test_scope_edit_is_refused_to_other_roles_and_examiners(world, login):
    a = world.a
    for user in (a.users["app_owner"], a.users["read_only"], world.reg_in):
        response = login(user).post("/organisation/edit/", {"licensed_regions": "全国"})
        assert response.status_code == 403, user.username
    a.inst.refresh_from_db()
    assert a.inst.licensed_regions == ["浙江省"]


def test_departments_are_created_and_renamed_through_the_service(world, login):
    a = world.a
    client = login(a.office_user)
    response = client.post(
        "/organisation/departments/new/", {"code": "RISK", "name": "风险管理部", "kind": "risk"}
    )
    assert response.status_code == 302
    dept = Department.objects.get(institution=a.inst, code="RISK")
    assert entries(dept).filter(action="create").count() == 1
    response = client.post(
        f"/organisation/departments/{dept.pk}/edit/",
        {"code": "RISK", "name": "全面风险管理部", "kind": "risk"},
    )
    assert response.status_code == 302
    dept.refresh_from_db()
    assert dept.name == "全面风险管理部" and entries(dept).count() == 2
    listing = client.get("/organisation/departments/").content.decode()
    assert "全面风险管理部" in listing
    # a duplicate code is refused on the form, nothing written
    response = client.post("/organisation/departments/new/", {"code": "RISK", "name": "x", "kind": "risk"})
    assert response.status_code == 200
    assert Department.objects.filter(institution=a.inst, code="RISK").count() == 1


def test_a_person_who_left_keeps_the_record_with_the_date(world, login):
    a = world.a
    client = login(a.admin)
    response = client.post(
        "/organisation/people/new/",
        {"employee_no": "P900", "name": "李四", "department": a.depts["BIZ"].pk, "position": "产品经理"},
    )
    assert response.status_code == 302
    person = Person.objects.get(institution=a.inst, employee_no="P900")
    data = {
        "employee_no": "P900",
        "name": "李四",
        "department": a.depts["BIZ"].pk,
        "position": "产品经理",
        "left_on": "2026-11-30",
    }
    assert client.post(f"/organisation/people/{person.pk}/edit/", data).status_code == 302
    person.refresh_from_db()
    assert str(person.left_on) == "2026-11-30"
    page = client.get("/organisation/people/?employed=1").content.decode()
    assert "P900" not in page
    assert "P900" in client.get("/organisation/people/").content.decode()


def test_people_of_another_institution_are_not_editable(world, login):
    b_person = world.b.people["P001"]
    assert login(world.a.admin).get(f"/organisation/people/{b_person.pk}/edit/").status_code == 404


def test_the_administrator_creates_a_user_with_a_role_who_can_then_sign_in(world, login, password):
    a = world.a
    client = login(a.admin)
    response = client.post(
        "/organisation/users/new/",
        {
            "username": "alpha_new_security",
            "last_name": "王",
            "first_name": "五",
            "department": a.depts["OFFICE"].pk,
            "role": "security",
            "password": "Lingering-Harbour-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="alpha_new_security")
    assert user.institution_id == a.inst.pk and user.role == "security"
    assert Client().login(username="alpha_new_security", password="Lingering-Harbour-2026")
    entry = entries(user).get(action="create")
    assert entry.actor_id == a.admin.pk
    assert user.password not in str(entry.after)  # the hash is never in the change log


def test_role_change_and_deactivation_are_logged_and_stop_the_sign_in(world, login, password):
    a = world.a
    target = a.users["app_owner"]
    client = login(a.admin)
    data = {
        "first_name": target.first_name,
        "last_name": target.last_name,
        "email": "",
        "department": a.depts["BIZ"].pk,
        "role": "compliance",
        "is_active": "on",
    }
    assert client.post(f"/organisation/users/{target.pk}/edit/", data).status_code == 302
    target.refresh_from_db()
    assert target.role == "compliance" and target.department_id == a.depts["BIZ"].pk
    assert client.post(f"/organisation/users/{target.pk}/active/", {"active": "0"}).status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    assert not Client().login(username=target.username, password=password)
    actions = list(entries(target).order_by("seq").values_list("after__is_active", flat=True))
    assert actions[-1] is False
    assert client.post(f"/organisation/users/{target.pk}/active/", {"active": "1"}).status_code == 302
    target.refresh_from_db()
    assert target.is_active


def test_the_administrator_cannot_lock_themselves_out(world, login):
    a = world.a
    client = login(a.admin)
    response = client.post(f"/organisation/users/{a.admin.pk}/active/", {"active": "0"}, follow=True)
    assert "You cannot deactivate your own account." in response.content.decode()
    data = {
        "first_name": "",
        "last_name": "",
        "email": "",
        "department": "",
        "role": "read_only",
        "is_active": "on",
    }
    response = client.post(f"/organisation/users/{a.admin.pk}/edit/", data)
    assert response.status_code == 200
    a.admin.refresh_from_db()
    assert a.admin.is_active and a.admin.role == "administrator"


def test_examiner_role_and_weak_passwords_are_refused(world, login):
    a = world.a
    client = login(a.admin)
    base = {"username": "alpha_x", "role": "regulator_examiner", "password": "Lingering-Harbour-2026"}
    assert client.post("/organisation/users/new/", base).status_code == 200
    assert (
        client.post("/organisation/users/new/", {**base, "role": "auditor", "password": "short"}).status_code
        == 200
    )
    assert not User.objects.filter(username="alpha_x").exists()


def test_an_administrator_sets_a_new_password(world, login):
    a = world.a
    target = a.users["viewer"] if "viewer" in a.users else a.users["read_only"]
    client = login(a.admin)
    response = client.post(
        f"/organisation/users/{target.pk}/password/", {"password": "Quiet-Meadow-Lantern-77"}
    )
    assert response.status_code == 302
    assert Client().login(username=target.username, password="Quiet-Meadow-Lantern-77")
    entry = entries(target).order_by("-seq").first()
    assert entry.before["password"] != entry.after["password"]
    target.refresh_from_db()
    assert target.password not in (entry.before["password"], entry.after["password"])


def test_user_pages_are_for_the_administrator_only(world, login):
    a = world.a
    for user in (a.office_user, a.users["auditor"], world.reg_in):
        client = login(user)
        assert client.get("/organisation/users/").status_code == 403, user.username
        assert client.get(f"/organisation/users/{a.users['auditor'].pk}/edit/").status_code == 403
    # another institution's account: not found for A's administrator
    assert login(a.admin).get(f"/organisation/users/{world.b.admin.pk}/edit/").status_code == 404
    page = login(a.admin).get("/organisation/users/").content.decode()
    assert "alpha_auditor" in page and "zqx_" not in page


def test_the_examiner_reads_the_scope_of_the_jurisdiction(world, login):
    page = login(world.reg_in).get("/organisation/").content.decode()
    assert world.b.inst.name in page and world.a.inst.name not in page
