"""The users API writes (issue 11, missing item): the administrator creates accounts, changes role and
department, deactivates and sets passwords through /api/users/, with the organisation pages' service and
rules; nobody else writes, another institution's accounts are out of reach, and no answer carries a password
hash."""

import pytest
from django.test import Client

from appgov.core.models import ChangeLogEntry
from appgov.users.models import User

USERS = "/api/users/"
NEW_PASSWORD = "Lingering-Harbour-2026"


def entries(user):
    return ChangeLogEntry.objects.filter(object_type="users.user", object_id=str(user.pk))


def no_hash_in(response):
    text = response.content.decode()
    assert "password" not in text and "pbkdf2" not in text and "argon2" not in text, text[:500]


def test_the_administrator_creates_an_account_who_can_sign_in(world, api):
    a = world.a
    response = api(a.admin).post(
        USERS,
        {
            "username": "alpha_api_security",
            "last_name": "赵",
            "first_name": "六",
            "department": a.depts["OFFICE"].pk,
            "role": "security",
            "password": NEW_PASSWORD,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    no_hash_in(response)
    body = response.json()
    user = User.objects.get(username="alpha_api_security")
    assert body["id"] == user.pk and body["role"] == "security" and body["institution"] == a.inst.pk
    assert user.institution_id == a.inst.pk and user.department_id == a.depts["OFFICE"].pk
    assert Client().login(username="alpha_api_security", password=NEW_PASSWORD)
    entry = entries(user).get(action="create")
    assert entry.actor_id == a.admin.pk and user.password not in str(entry.after)


def test_reads_never_carry_the_password_hash(world, api):
    a = world.a
    for url in (USERS, f"{USERS}{a.users['app_owner'].pk}/", f"{USERS}me/"):
        response = api(a.admin).get(url)
        assert response.status_code == 200
        no_hash_in(response)


def test_role_change_and_deactivation_stop_the_sign_in_and_are_logged(world, api, password):
    a = world.a
    target = a.users["app_owner"]
    client = api(a.admin)
    response = client.patch(
        f"{USERS}{target.pk}/", {"role": "compliance", "department": a.depts["BIZ"].pk}, format="json"
    )
    assert response.status_code == 200, response.content
    target.refresh_from_db()
    assert target.role == "compliance" and target.department_id == a.depts["BIZ"].pk
    assert client.patch(f"{USERS}{target.pk}/", {"is_active": False}, format="json").status_code == 200
    target.refresh_from_db()
    assert not target.is_active
    assert not Client().login(username=target.username, password=password)
    assert entries(target).order_by("seq").last().after["is_active"] is False
    assert client.patch(f"{USERS}{target.pk}/", {"is_active": True}, format="json").status_code == 200
    target.refresh_from_db()
    assert target.is_active


def test_the_administrator_sets_a_new_password(world, api):
    a = world.a
    target = a.users["auditor"]
    response = api(a.admin).post(f"{USERS}{target.pk}/password/", {"password": NEW_PASSWORD}, format="json")
    assert response.status_code == 204, response.content
    assert Client().login(username=target.username, password=NEW_PASSWORD)
    weak = api(a.admin).post(f"{USERS}{target.pk}/password/", {"password": "short"}, format="json")
    assert weak.status_code == 400 and "password" in weak.json()["errors"]


def test_the_services_rules_hold_through_the_api(world, api):
    a = world.a
    client = api(a.admin)
    # no self lock-out
    response = client.patch(f"{USERS}{a.admin.pk}/", {"is_active": False}, format="json")
    assert response.status_code == 400 and "is_active" in response.json()["errors"]
    response = client.patch(f"{USERS}{a.admin.pk}/", {"role": "read_only"}, format="json")
    assert response.status_code == 400 and "role" in response.json()["errors"]
    a.admin.refresh_from_db()
    assert a.admin.is_active and a.admin.role == "administrator"
    # examiners are not institution staff; weak and missing passwords; user names are taken case-blind
    base = {"username": "alpha_api_x", "role": "auditor", "password": NEW_PASSWORD}
    assert client.post(USERS, {**base, "role": "regulator_examiner"}, format="json").status_code == 400
    assert client.post(USERS, {**base, "password": "short"}, format="json").status_code == 400
    missing = client.post(USERS, {"username": "alpha_api_x", "role": "auditor"}, format="json")
    assert missing.status_code == 400 and "password" in missing.json()["errors"]
    taken = client.post(USERS, {**base, "username": a.admin.username.upper()}, format="json")
    assert taken.status_code == 400 and "username" in taken.json()["errors"]
    assert not User.objects.filter(username="alpha_api_x").exists()
    # a user name is fixed once the account exists; accounts are deactivated, never deleted
    target = a.users["read_only"]
    rename = client.patch(f"{USERS}{target.pk}/", {"username": "renamed"}, format="json")
    assert rename.status_code == 400 and "username" in rename.json()["errors"]
    assert client.delete(f"{USERS}{target.pk}/").status_code == 400
    assert User.objects.filter(pk=target.pk, username=target.username).exists()


def test_a_department_of_another_institution_is_refused(world, api):
    a, b = world.a, world.b
    response = api(a.admin).patch(
        f"{USERS}{a.users['read_only'].pk}/", {"department": b.depts["OFFICE"].pk}, format="json"
    )
    assert response.status_code == 400 and "department" in response.json()["errors"]


@pytest.mark.parametrize("role", ["governance_office", "app_owner", "compliance", "auditor", "read_only"])
def test_only_the_administrator_writes(world, api, role):
    a = world.a
    client = api(a.users[role])
    target = a.users["read_only"] if role != "read_only" else a.users["auditor"]
    assert client.get(USERS).status_code == 200
    create = client.post(USERS, {"username": "alpha_nope", "password": NEW_PASSWORD}, format="json")
    assert create.status_code == 403
    assert client.patch(f"{USERS}{target.pk}/", {"role": "administrator"}, format="json").status_code == 403
    assert client.post(f"{USERS}{target.pk}/password/", {"password": NEW_PASSWORD}).status_code == 403
    target.refresh_from_db()
    assert target.role != "administrator" and not User.objects.filter(username="alpha_nope").exists()


def test_another_institution_and_examiners_cannot_reach_an_account(world, api):
    a, b = world.a, world.b
    target = b.users["app_owner"]
    assert api(a.admin).patch(f"{USERS}{target.pk}/", {"is_active": False}, format="json").status_code == 404
    assert api(a.admin).post(f"{USERS}{target.pk}/password/", {"password": NEW_PASSWORD}).status_code == 404
    examiner = api(world.reg_in)
    assert examiner.patch(f"{USERS}{target.pk}/", {"is_active": False}, format="json").status_code == 403
    assert examiner.post(USERS, {"username": "b_nope", "password": NEW_PASSWORD}).status_code == 403
    target.refresh_from_db()
    assert target.is_active
