"""Fixtures of the risk module's tests."""

import datetime

import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def english():
    """Service messages are checked in English (the source strings)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def major(world):
    """A major outage of A's app, recorded by A's security user two hours ago."""
    from appgov.risk import services

    return services.incidents.create(
        world.a.users["security"],
        {
            "reference": "INC-1",
            "title": "核心系统中断",
            "kind": "outage",
            "detected_at": timezone.now() - datetime.timedelta(hours=2),
            "outage_minutes": 180,
            "customers_affected": 20000,
            "apps": [world.a.app],
        },
    )
