"""Issue 12 item 12: login throttling also per source address; passwords of at least 12 characters that are
not common."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client


def test_spraying_many_usernames_from_one_address_locks_the_address(world, password, settings):
    settings.AXES_ENABLED = True
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = []
    for attempt in range(24):  # 4 failures each over 6 user names: none reaches the per-user limit of 5
        username = f"sprayed-{attempt % 6}"
        statuses.append(client.post("/login/", {"username": username, "password": "Winter2026!"}).status_code)
    assert statuses[:19] == [200] * 19 and set(statuses[19:]) == {429}
    # the address is locked for every user, even with the right password
    assert (
        client.post("/login/", {"username": world.a.admin.username, "password": password}).status_code == 429
    )
    # another address is not
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert (
        other.post("/login/", {"username": world.a.admin.username, "password": password}).status_code == 302
    )


@pytest.mark.parametrize("weak", ["Short-pw-1!", "password1234", "qwertyuiop123"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_a_long_uncommon_password_is_accepted():
    validate_password("青山-Harbour-7-lantern")


def test_a_locked_address_asking_for_an_api_token_is_told_it_is_locked(world, password, settings):
    from rest_framework.test import APIClient

    settings.AXES_ENABLED = True
    client = APIClient(REMOTE_ADDR="198.51.100.8")
    statuses = [
        client.post(
            "/api/auth/token/", {"username": f"sprayed-{n % 6}", "password": "Winter2026!"}
        ).status_code
        for n in range(24)
    ]
    assert statuses[0] == 400 and statuses[-1] == 429
    locked = client.post("/api/auth/token/", {"username": world.a.admin.username, "password": password})
    assert locked.status_code == 429
    assert "try again later" in locked.json()["detail"] or "稍后再试" in locked.json()["detail"]
