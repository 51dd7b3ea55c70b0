import pytest
from demo_site import TESTS  # noqa: F401  puts tests/ and tests/scanning/ on the path
from django.db import transaction


def _load(apks):
    from scan_helpers import FIXTURE_PACKAGES, scanned_version

    from appgov.compliance.evaluation import evaluate
    from appgov.core.models import Institution
    from appgov.ledger.demo import load_demo
    from appgov.ledger.models import MobileApp

    load_demo()
    bank_apps = MobileApp.objects.filter(institution__name__contains="银行").order_by("pk")
    app = next(a for a in bank_apps if "android" in a.platforms)
    app.android_packages = FIXTURE_PACKAGES
    app.save(update_fields=["android_packages"])
    version, scan = scanned_version(app, "9.9.0", apks["sdk_app"])
    for institution in Institution.objects.all():
        evaluate(institution)
    return {"app": app.pk, "version": version.pk, "scan": scan.pk}


@pytest.fixture(scope="module")
def zh_demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, evaluated, with one scanned package; built once for the module and rolled back after it."""
    from scan_helpers import build_apks

    apks = build_apks(tmp_path_factory)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _load(apks)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def zh_demo(zh_demo_data, db):
    return zh_demo_data
