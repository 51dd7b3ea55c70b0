"""Issue 12 fault run: a full disk answers 503 with Retry-After and a message naming the cause, not a bare 500
(the /healthz disk check tells the operator); any other error is still Django's 500."""

import errno
import json
import sqlite3

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from appgov.core.health import server_error


def answer(path, exc):
    request = RequestFactory().get(path)
    try:
        raise exc
    except Exception:
        return server_error(request)


def wrapped_sqlite_full():
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.OperationalError as inner:
        try:
            raise OperationalError(str(inner)) from inner
        except OperationalError as outer:
            return outer


@pytest.mark.parametrize(
    "exc", [OSError(errno.ENOSPC, "No space left on device"), wrapped_sqlite_full()], ids=["enospc", "sqlite"]
)
def test_a_full_disk_is_503_with_retry_after(exc, db):
    api = answer("/api/ledger/apps/", exc)
    assert api.status_code == 503 and api["Retry-After"] == "60"
    body = json.loads(api.content)
    assert body["code"] == "storage_full" and "存储空间已满" in body["detail"]
    page = answer("/ledger/apps/", exc)
    assert page.status_code == 503 and "存储空间已满" in page.content.decode()


def test_other_errors_stay_500(db):
    assert answer("/ledger/apps/", RuntimeError("a bug")).status_code == 500
    assert answer("/ledger/apps/", OSError(errno.EACCES, "Permission denied")).status_code == 500
