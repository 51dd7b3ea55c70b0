"""PostgreSQL: an edit of a record and a job that appends to the change log and then writes a row referencing that
record must not deadlock.

The edit locks the record's row, then the change log's head. The job holds the head (an entry already written in
its transaction) and then inserts a row with a foreign key to the record, which takes a KEY SHARE lock on it. A
plain `SELECT … FOR UPDATE` conflicts with KEY SHARE, so each waited for the other and PostgreSQL cancelled one
("deadlock detected"): the one unexplained 500 of the PostgreSQL soak (a PATCH of an app while the worker wrote
results). The edit now locks with FOR NO KEY UPDATE, which only conflicts with other writers of the row.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_edit_and_a_child_insert_after_the_log_do_not_deadlock(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are not taken on SQLite (one writer at a time)")
    from appgov.core import changelog
    from appgov.core.models import ChangeLogEntry
    from appgov.ledger import services
    from appgov.ledger.models import AppVersion, MobileApp

    app = MobileApp.objects.filter(institution=world.a.inst).order_by("pk").first()
    head_taken = threading.Event()
    errors = []

    def job():
        try:
            with transaction.atomic():
                changelog.record(app, ChangeLogEntry.Action.UPDATE, {}, {})  # holds the head until commit
                head_taken.set()
                time.sleep(1.5)  # meanwhile the edit locks the app's row and waits for the head
                AppVersion.objects.create(app_id=app.pk, platform="android",
                                          version_name="9.9.9-lock")  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - the test reports whatever the database raised
            errors.append(("job", repr(exc)))
        finally:
            connections.close_all()

    def edit():
        try:
            head_taken.wait(10)
            services.apps.update(MobileApp.objects.get(pk=app.pk), None, {"vendor": "并发编辑"})
        except Exception as exc:  # noqa: BLE001
            errors.append(("edit", repr(exc)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=job), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert MobileApp.objects.get(pk=app.pk).vendor == "并发编辑"
    assert AppVersion.objects.filter(app=app, version_name="9.9.9-lock").exists()
