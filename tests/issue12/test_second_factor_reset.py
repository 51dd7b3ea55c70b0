"""Issue 12 item 12: an administrator resets another user's second factor (a lost phone): admin only, with a
reason kept in the change log, never for oneself this way; the user must enrol again at the next sign-in,
whatever their role. Page and API call the same service."""

from django.test import Client
from second_factor import current_code, force_login

from appgov.core.models import ChangeLogEntry
from appgov.users import twofactor
from appgov.users.models import User


def enrolled_session(user) -> Client:
    """A session that has enrolled an authenticator through the page and passed it."""
    client = Client()
    client.force_login(user)
    page = client.get("/account/two-factor/").content.decode()
    secret = page.split('id="totp-secret">', 1)[1].split("<", 1)[0]
    assert client.post("/account/two-factor/", {"token": current_code(secret)}).status_code == 200
    assert twofactor.enrolled(user)
    return client


def admin_client(world) -> Client:
    return force_login(Client(), world.a.admin)


def last_entry(user) -> ChangeLogEntry:
    return ChangeLogEntry.objects.filter(object_type="users.user", object_id=str(user.pk)).latest("seq")


def test_the_administrator_resets_with_a_reason_and_the_user_enrols_again(world):
    user = world.a.users["compliance"]  # a role for which the second factor is optional
    user_session = enrolled_session(user)
    assert user_session.get("/ledger/apps/").status_code == 200
    admin = admin_client(world)
    page = admin.get(f"/organisation/users/{user.pk}/edit/").content.decode()
    assert 'id="second-factor-reset-form"' in page
    response = admin.post(
        f"/organisation/users/{user.pk}/two-factor-reset/", {"reason": "phone lost, ticket 4711"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not twofactor.enrolled(user) and twofactor.recovery_codes_left(user) == 0
    assert user.second_factor_reset_at is not None
    entry = last_entry(user)
    assert entry.actor_id == world.a.admin.pk
    assert entry.after["reason"] == "phone lost, ticket 4711" and entry.before["two_factor"] is True
    # the session verified with the old authenticator is verified no more: held at enrolment
    held = user_session.get("/ledger/apps/")
    assert held.status_code == 302 and held["Location"].startswith("/account/two-factor/?next=")
    # and so is a fresh sign-in, though the role does not require a second factor
    fresh = Client()
    fresh.force_login(user)
    assert fresh.get("/ledger/apps/")["Location"].startswith("/account/two-factor/?next=")
    enrolled_session(user)
    user.refresh_from_db()
    assert user.second_factor_reset_at is None and twofactor.enrolled(user)
    assert "second_factor_reset_at" in last_entry(user).before


def test_a_reason_is_required_and_nothing_changes_without_it(world):
    user = world.a.users["compliance"]
    enrolled_session(user)
    before = ChangeLogEntry.objects.count()
    response = admin_client(world).post(f"/organisation/users/{user.pk}/two-factor-reset/", {"reason": "  "})
    assert response.status_code == 302
    user.refresh_from_db()
    assert twofactor.enrolled(user) and user.second_factor_reset_at is None
    assert ChangeLogEntry.objects.count() == before


def test_never_for_oneself_through_this_path(world):
    admin = admin_client(world)
    page = admin.get(f"/organisation/users/{world.a.admin.pk}/edit/").content.decode()
    assert 'id="second-factor-reset-form"' not in page
    admin.post(f"/organisation/users/{world.a.admin.pk}/two-factor-reset/", {"reason": "convenience"})
    api = admin.post(
        f"/api/users/{world.a.admin.pk}/reset-second-factor/", {"reason": "convenience"}, "application/json"
    )
    assert api.status_code == 400 and ("own" in api.json()["detail"] or "本人" in api.json()["detail"])
    world.a.admin.refresh_from_db()
    assert twofactor.enrolled(world.a.admin) and world.a.admin.second_factor_reset_at is None


def test_only_the_administrator_may_reset(world):
    user = world.a.users["app_owner"]
    enrolled_session(user)
    for role in ("compliance", "governance_office", "auditor"):
        other = force_login(Client(), world.a.users[role])
        page = other.post(f"/organisation/users/{user.pk}/two-factor-reset/", {"reason": "x"})
        api = other.post(f"/api/users/{user.pk}/reset-second-factor/", {"reason": "x"}, "application/json")
        assert page.status_code == 403 and api.status_code == 403, role
    # another institution's administrator cannot reach the account at all
    outsider = force_login(Client(), world.b.admin)
    assert (
        outsider.post(f"/organisation/users/{user.pk}/two-factor-reset/", {"reason": "x"}).status_code == 404
    )
    api = outsider.post(f"/api/users/{user.pk}/reset-second-factor/", {"reason": "x"}, "application/json")
    assert api.status_code == 404
    assert twofactor.enrolled(User.objects.get(pk=user.pk))


def test_the_api_resets_through_the_same_service(world):
    user = world.a.users["security"]
    enrolled_session(user)
    admin = admin_client(world)
    missing = admin.post(f"/api/users/{user.pk}/reset-second-factor/", {}, "application/json")
    assert missing.status_code == 400 and "reason" in missing.json()["errors"]
    response = admin.post(
        f"/api/users/{user.pk}/reset-second-factor/", {"reason": "new phone"}, "application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["second_factor"] == "must_enrol"
    assert last_entry(user).after["reason"] == "new phone"
    shown = admin.get(f"/api/users/{user.pk}/").json()
    assert shown["second_factor"] == "must_enrol" and shown["second_factor_reset_at"]
