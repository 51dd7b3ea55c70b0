"""Issue 12 item 14: production settings. The built-in SECRET_KEY stops a web server from starting outside a
demo; the HTTPS settings from the environment make `check --deploy` clean; every answer carries a CSP without
inline scripts; signed-in pages are not cached; API pages are capped; the schema and docs need a login."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

HTTPS_ENV = {
    "APPGOV_HTTPS": "1",
    "APPGOV_HSTS_PRELOAD": "1",
    "APPGOV_ALLOWED_HOSTS": "appgov.example.cn",
    "APPGOV_PROXY_COUNT": "1",
}


def appgov_env(tmp_path, **extra):
    """The environment of a fresh installation outside the test runner (no PYTEST_VERSION, own var dir)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("APPGOV_", "PYTEST_", "DATABASE_URL"))}
    env["APPGOV_VAR_DIR"] = str(tmp_path)
    env.update(extra)
    return env


def run(args, env, timeout=180):
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_a_web_server_refuses_the_built_in_secret_key(tmp_path):
    load_wsgi = ["-c", "import appgov.wsgi"]
    refused = run(load_wsgi, appgov_env(tmp_path))
    assert refused.returncode != 0
    assert "refuses to start with the built-in SECRET_KEY" in refused.stderr
    assert run(load_wsgi, appgov_env(tmp_path, APPGOV_DEMO="1")).returncode == 0
    assert run(load_wsgi, appgov_env(tmp_path, APPGOV_DEBUG="1")).returncode == 0
    own_key = appgov_env(tmp_path, APPGOV_SECRET_KEY=secrets.token_urlsafe(60))
    assert run(load_wsgi, own_key).returncode == 0
    key_file = tmp_path / "secret"
    key_file.write_text(secrets.token_urlsafe(60))
    assert run(load_wsgi, appgov_env(tmp_path, APPGOV_SECRET_KEY_FILE=str(key_file))).returncode == 0


def test_runall_refuses_the_built_in_secret_key_before_starting_anything(tmp_path):
    refused = run(["-m", "appgov.cli", "runall", "--bind", "127.0.0.1:1"], appgov_env(tmp_path), timeout=120)
    assert refused.returncode != 0 and "built-in SECRET_KEY" in refused.stderr


def security_warnings(env):
    done = run(["-m", "appgov.cli", "check", "--deploy", "--tag", "security"], env)
    return sorted(set(re.findall(r"\(security\.\w+\)", done.stdout + done.stderr)))


def test_check_deploy_is_clean_with_the_https_settings(tmp_path):
    key = secrets.token_urlsafe(60)
    assert security_warnings(appgov_env(tmp_path, APPGOV_SECRET_KEY=key, **HTTPS_ENV)) == []
    # without them Django names what is missing (so the check above can fail)
    assert {
        "(security.W004)",
        "(security.W008)",
        "(security.W009)",
        "(security.W012)",
        "(security.W016)",
    } <= set(security_warnings(appgov_env(tmp_path)))


def test_https_settings_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s; import django; django.setup(); "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_PROXY_SSL_HEADER, s.AXES_IPWARE_PROXY_COUNT)"
    )
    env = appgov_env(tmp_path, DJANGO_SETTINGS_MODULE="appgov.settings", APPGOV_DEMO="1", **HTTPS_ENV)
    out = run(["-c", code], env).stdout.strip()
    assert out == "True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') 1"


def script_src(policy):
    return next(part for part in policy.split(";") if part.strip().startswith("script-src")).strip()


def test_every_answer_has_a_csp_without_inline_scripts(world, login):
    for response in (Client().get("/login/"), login(world.a.admin).get("/")):
        policy = response["Content-Security-Policy"]
        assert script_src(policy) == "script-src 'self'"
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_signed_in_pages_are_not_cached(world, login):
    client = login(world.a.admin)
    for url in ("/", "/ledger/apps/", "/api/ledger/apps/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url


def test_api_token_answers_are_not_cached_either(world):
    from rest_framework.authtoken.models import Token

    token = Token.objects.get_or_create(user=world.a.admin)[0].key
    response = Client().get("/api/ledger/apps/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_api_page_size_is_capped(world, login):
    client = login(world.a.admin)
    with override_settings(APPGOV_API_MAX_PAGE_SIZE=1):
        page = client.get("/api/ledger/apps/?limit=100000").json()
    assert page["count"] >= 2 and len(page["results"]) == 1
    cache.clear()  # the list cache keeps the capped answer otherwise
    assert len(client.get("/api/ledger/apps/?limit=100000").json()["results"]) == page["count"]


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_schema_and_docs_need_a_login(url, world, login):
    anonymous = Client().get(url)
    assert anonymous.status_code in (302, 401, 403), anonymous.status_code
    if anonymous.status_code == 302:
        assert anonymous["Location"].startswith("/login/")
    assert login(world.a.admin).get(url).status_code == 200


def test_schema_with_an_api_token(world):
    from rest_framework.authtoken.models import Token

    token = Token.objects.get_or_create(user=world.a.admin)[0].key
    response = Client().get("/api/schema/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200 and b"openapi" in response.content


def test_api_docs_pages_have_no_inline_script(world, login):
    client = login(world.a.admin)
    for url in ("/api/docs/", "/api/redoc/"):
        html = client.get(url).content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], url
