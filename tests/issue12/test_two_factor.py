"""Issue 12 item 12: TOTP second factor, required of administrators and examiners, optional for others; QR
code made locally; recovery codes; API tokens keep working and are issued with the code."""

import time

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient
from second_factor import current_code

from appgov.core.models import ChangeLogEntry
from appgov.users import twofactor

PASSWORD = "Two-factor-test-pass-2026"


def signed_in(user) -> Client:
    """A session after the password step only (no second factor yet)."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin(world):
    user = world.a.admin
    user.set_password(PASSWORD)
    user.save()
    return user


def enrol(client) -> str:
    page = client.get("/account/two-factor/").content.decode()
    secret = page.split('id="totp-secret">', 1)[1].split("<", 1)[0]
    response = client.post("/account/two-factor/", {"token": current_code(secret)})
    assert response.status_code == 200 and 'id="recovery-codes"' in response.content.decode()
    return secret


@pytest.mark.parametrize("role", ["administrator", "regulator_examiner"])
def test_required_roles_are_held_at_enrolment_until_they_set_it_up(world, role):
    user = world.reg_out if role == "regulator_examiner" else world.a.admin
    client = signed_in(user)
    response = client.get("/ledger/apps/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/?next=")
    # the API through the same session is refused too, in the API's error shape
    api = client.get("/api/ledger/apps/")
    assert api.status_code == 403 and api.json()["code"] == "second_factor_required"
    page = client.get("/account/two-factor/").content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page  # the QR code is drawn here, no outside service
    enrol(client)
    assert client.get("/ledger/apps/").status_code == 200


@pytest.mark.parametrize("role", ["app_owner", "compliance", "auditor"])
def test_other_roles_are_not_held(world, role):
    assert signed_in(world.a.users[role]).get("/ledger/apps/").status_code == 200


def test_an_enrolled_user_passes_the_code_at_every_sign_in(world):
    user = world.a.users["compliance"]  # optional for this role, but once set up it is asked
    secret = enrol(signed_in(user))
    client = signed_in(user)
    response = client.get("/ledger/apps/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/verify/")
    wrong = client.post("/account/two-factor/verify/", {"token": "000000", "next": "/ledger/apps/"})
    assert wrong.status_code == 200 and 'id="two-factor-error"' in wrong.content.decode()
    # after a wrong code the device is throttled (django-otp: 1 s, doubling per failure): even the right
    # code is refused at once, so codes cannot be guessed at speed
    throttled = client.post("/account/two-factor/verify/", {"token": current_code(secret, 1)})
    assert throttled.status_code == 200
    time.sleep(1.2)
    right = client.post(
        "/account/two-factor/verify/", {"token": current_code(secret, 1), "next": "/ledger/apps/"}
    )
    assert right.status_code == 302 and right["Location"] == "/ledger/apps/"
    assert client.get("/ledger/apps/").status_code == 200


def test_next_after_the_code_stays_on_this_site(world):
    user = world.a.users["compliance"]
    secret = enrol(signed_in(user))
    client = signed_in(user)
    response = client.post(
        "/account/two-factor/verify/", {"token": current_code(secret, 1), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_wrong_code_does_not_enrol(world):
    client = signed_in(world.a.admin)
    response = client.post("/account/two-factor/", {"token": "123456"})
    assert 'id="two-factor-error"' in response.content.decode()
    assert not twofactor.enrolled(world.a.admin)
    assert client.get("/ledger/apps/").status_code == 302


def test_recovery_codes_work_once_and_are_renewed(world):
    user = world.a.admin
    enrol(signed_in(user))
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == twofactor.RECOVERY_CODES
    client = signed_in(user)
    assert client.post("/account/two-factor/verify/", {"token": codes[0]}).status_code == 302
    assert client.get("/ledger/apps/").status_code == 200
    again = signed_in(user)
    assert again.post("/account/two-factor/verify/", {"token": codes[0]}).status_code == 200  # used up
    assert twofactor.recovery_codes_left(user) == twofactor.RECOVERY_CODES - 1
    renewed = client.post("/account/two-factor/recovery/")
    assert renewed.status_code == 200
    fresh = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(fresh) == twofactor.RECOVERY_CODES and not fresh & set(codes)


def test_enrolment_is_in_the_change_log_without_the_secret(world):
    user = world.a.admin
    secret = enrol(signed_in(user))
    entry = ChangeLogEntry.objects.filter(object_type="users.user", object_id=str(user.pk)).latest("seq")
    assert entry.after["two_factor"] is True
    assert secret not in str(entry.before) + str(entry.after)
    key_hex = TOTPDevice.objects.get(user=user).key
    assert key_hex not in str(entry.after)


def test_a_required_role_cannot_turn_it_off_an_optional_one_can(world):
    admin, compliance = world.a.admin, world.a.users["compliance"]
    client = signed_in(admin)
    enrol(client)
    assert client.post("/account/two-factor/remove/").status_code == 403
    assert twofactor.enrolled(admin)
    other = signed_in(compliance)
    enrol(other)
    assert other.post("/account/two-factor/remove/").status_code == 302
    assert not twofactor.enrolled(compliance)


def test_api_tokens_keep_working_and_are_issued_with_the_code(world, admin):
    client = APIClient()
    body = {"username": admin.username, "password": PASSWORD}
    not_set_up = client.post("/api/auth/token/", body)
    assert not_set_up.status_code == 403  # the password alone is no way around the second factor
    secret = enrol(signed_in(admin))
    assert client.post("/api/auth/token/", body).status_code == 401
    assert client.post("/api/auth/token/", {**body, "otp": "000000"}).status_code == 401
    time.sleep(1.2)  # the wrong code throttled the device for a second
    response = client.post("/api/auth/token/", {**body, "otp": current_code(secret, 1)})
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/ledger/apps/").status_code == 200  # a token is used without a code


def test_an_app_owner_gets_a_token_with_the_password_alone(world):
    user = world.a.users["app_owner"]
    user.set_password(PASSWORD)
    user.save()
    response = APIClient().post("/api/auth/token/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
