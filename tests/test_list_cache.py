"""The ledger list cache never serves a stale or another institution's list."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from appgov.core import services


@pytest.fixture(autouse=True, params=["memory", "file"])
def cache_on(request, settings, tmp_path):
    """Both the tests' memory cache and the file cache the web workers share in production."""
    from django.core.cache import cache

    if request.param == "file":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    settings.APPGOV_LIST_CACHE_SECONDS = 300
    cache.clear()
    yield
    if request.param == "file":  # the test really went through files (sessions are cached too)
        assert any((tmp_path / "cache").iterdir())
    cache.clear()


@pytest.mark.parametrize("url", ["/ledger/apps/", "/api/ledger/apps/"])
def test_a_write_invalidates_the_cached_list(world, login, api, url):
    user = world.a.office_user
    client = login(user) if url.startswith("/ledger") else api(user)
    first = client.get(url)
    assert world.a.app.name.encode() in first.content
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    app_queries = [q["sql"] for q in queries.captured_queries if 'FROM "ledger_mobileapp"' in q["sql"]]
    assert not app_queries, f"served from the cache, yet queried apps: {app_queries}"
    services.update(world.a.app, user, name="改名后的手机银行")
    after = client.get(url)
    assert "改名后的手机银行".encode() in after.content


def test_the_cache_does_not_cross_institutions(world, login):
    a_page = login(world.a.office_user).get("/ledger/apps/")
    b_page = login(world.b.office_user).get("/ledger/apps/")
    assert world.a.app.code.encode() in a_page.content
    assert world.a.app.code.encode() not in b_page.content
    assert world.b.app.code.encode() in b_page.content


@override_settings(APPGOV_LIST_CACHE_SECONDS=0)
def test_the_cache_can_be_switched_off(world, login):
    assert login(world.a.office_user).get("/ledger/apps/").status_code == 200
