"""Issue 12 item 12: API tokens expire (APPGOV_API_TOKEN_DAYS), can be revoked, and the token page shows their
last use; users change their own password (old one required, validators applied)."""

import datetime

from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from appgov.users.models import TokenActivity


def token_client(key, address="192.0.2.44"):
    return Client(HTTP_AUTHORIZATION=f"Token {key}", REMOTE_ADDR=address)


def test_an_expired_token_is_refused_and_revoked(world):
    token = Token.objects.create(user=world.a.admin)
    assert token_client(token.key).get("/api/users/me/").status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=91))
    response = token_client(token.key).get("/api/users/me/")
    assert response.status_code == 401
    assert "API 令牌已过期" in response.content.decode()  # zh-Hans, the default language
    assert not Token.objects.filter(pk=token.pk).exists()  # so the next sign-in issues a fresh one


def test_expiry_follows_the_setting(world):
    token = Token.objects.create(user=world.a.admin)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=8))
    with override_settings(APPGOV_API_TOKEN_DAYS=7):
        assert token_client(token.key).get("/api/users/me/").status_code == 401


def test_the_token_page_shows_expiry_and_last_use(world, login):
    token = Token.objects.create(user=world.a.admin)
    client = login(world.a.admin)
    assert "尚未使用" in client.get(reverse("account-token")).content.decode()
    token_client(token.key, "192.0.2.44").get("/api/users/me/")
    activity = TokenActivity.objects.get(token=token)
    assert activity.last_used_from == "192.0.2.44"
    assert timezone.now() - activity.last_used_at < datetime.timedelta(minutes=1)
    page = client.get(reverse("account-token")).content.decode()
    assert "192.0.2.44" in page
    assert (token.created + datetime.timedelta(days=90)).astimezone(timezone.get_current_timezone()).strftime(
        "%Y-%m-%d"
    ) in page


def test_last_use_is_written_at_most_once_a_minute(world):
    token = Token.objects.create(user=world.a.admin)
    token_client(token.key, "192.0.2.1").get("/api/users/me/")
    first = TokenActivity.objects.get(token=token).last_used_at
    token_client(token.key, "192.0.2.2").get("/api/users/me/")
    activity = TokenActivity.objects.get(token=token)
    assert (activity.last_used_at, activity.last_used_from) == (first, "192.0.2.1")
    TokenActivity.objects.filter(token=token).update(last_used_at=first - datetime.timedelta(minutes=2))
    token_client(token.key, "192.0.2.2").get("/api/users/me/")
    assert TokenActivity.objects.get(token=token).last_used_from == "192.0.2.2"


def test_a_user_revokes_the_token(world, login):
    token = Token.objects.create(user=world.a.admin)
    client = login(world.a.admin)
    assert client.post(reverse("account-token"), {"action": "revoke"}).status_code == 302
    assert not Token.objects.filter(user=world.a.admin).exists()
    assert token_client(token.key).get("/api/users/me/").status_code == 401


def test_a_user_changes_the_own_password(world, login, password):
    user = world.a.users["read_only"]
    client = login(user)
    url = reverse("password-change")
    assert client.get(url).status_code == 200
    wrong_old = client.post(url, {"old_password": "nope", "new_password1": "x", "new_password2": "x"})
    assert wrong_old.status_code == 200 and wrong_old.context["form"].errors["old_password"]
    too_short = client.post(
        url, {"old_password": password, "new_password1": "Ab1!short", "new_password2": "Ab1!short"}
    )
    assert too_short.status_code == 200 and too_short.context["form"].errors["new_password2"]
    new = "松柏-Lantern-2027-harbour"
    done = client.post(url, {"old_password": password, "new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert client.get("/").status_code == 200  # still signed in: the session follows the new password
    user.refresh_from_db()
    assert user.check_password(new)
    assert Client().login(username=user.username, password=password) is False
