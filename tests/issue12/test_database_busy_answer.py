"""A write the database cancels because of contention (PostgreSQL broke a deadlock by cancelling it; SQLite gave up
waiting for the file) is rolled back whole; the answer is 503 with Retry-After that says nothing was saved and the
request may be sent again, not a bare server error. Any other database error stays a 500."""

from unittest import mock

from django.db import OperationalError
from test_edit_roundtrip import browser_post_data

from appgov.ledger.models import MobileApp


class _Deadlock(Exception):
    sqlstate = "40P01"


def _deadlock():
    error = OperationalError("deadlock detected")
    error.__cause__ = _Deadlock("deadlock detected")
    return error


def test_api_write_cancelled_by_a_deadlock_is_a_503_to_retry(world, api):
    app = MobileApp.objects.filter(institution=world.a.inst).order_by("pk").first()
    client = api(world.a.users["governance_office"])
    with mock.patch("appgov.ledger.services.AppService.update", side_effect=_deadlock()):
        response = client.patch(f"/api/ledger/apps/{app.pk}/", {"vendor": "x"}, format="json")
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert response.json()["code"] == "database_busy"
    assert "未保存任何内容" in response.json()["detail"]  # zh-hans, the default language
    assert MobileApp.objects.get(pk=app.pk).vendor == app.vendor


def test_page_write_when_sqlite_gave_up_waiting_is_a_503_page(world, login):
    app = MobileApp.objects.filter(institution=world.a.inst).order_by("pk").first()
    client = login(world.a.users["governance_office"])
    url = f"/ledger/apps/{app.pk}/edit/"
    data = browser_post_data(client.get(url).content)  # the form as a browser would send it back unchanged
    with mock.patch(
        "appgov.ledger.views.apps.services.save", side_effect=OperationalError("database is locked")
    ) as update:
        response = client.post(url, data)
    assert update.called
    assert response.status_code == 503
    assert 'id="database-busy"' in response.content.decode()


def test_other_database_errors_stay_server_errors(world, api):
    app = MobileApp.objects.filter(institution=world.a.inst).order_by("pk").first()
    client = api(world.a.users["governance_office"])
    client.raise_request_exception = False
    with mock.patch(
        "appgov.ledger.services.AppService.update", side_effect=OperationalError("no such column: vendor")
    ):
        response = client.patch(f"/api/ledger/apps/{app.pk}/", {"vendor": "x"}, format="json")
    assert response.status_code == 500
