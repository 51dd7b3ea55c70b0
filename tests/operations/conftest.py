"""Operations fixtures on top of the shared world: figures of A's apps sent through the import service."""

import pytest
from django.utils import timezone


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def send(world):
    """send(rows or CSV text, filename=None) -> the MetricUpload, as A's governance office."""
    from appgov.operations import services

    def make(rows, filename=None):
        office = world.a.office_user
        if filename:
            return services.metrics.receive_file(world.a.inst, office, rows.encode("utf-8"), filename)
        return services.metrics.receive_json(world.a.inst, office, {"rows": rows})

    return make


@pytest.fixture(autouse=True)
def english():
    """Refusals are asserted on their English wording (the check results carry both languages)."""
    from django.utils import translation

    with translation.override("en"):
        yield
