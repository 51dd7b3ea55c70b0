"""Fixtures of the counterfeit tests: A's and B's apps protected, A's feed swept."""

import pytest
from counterfeit_fixtures import CERT_A, CERT_B, a_feed_rows, jsonl


@pytest.fixture(autouse=True)
def english():
    """Service messages are checked in English (the source strings); pages are requested in zh-Hans."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def protected(world):
    """Release certificates and brand keywords of A and B (as the institutions would register them)."""
    from appgov.core.context import acting_as
    from appgov.counterfeit import services
    from appgov.scanning.models import ReleaseCertificate

    with acting_as(None, prefix="job-test"):
        ReleaseCertificate.objects.create(app=world.a.app, sha256=CERT_A, label="release")
        ReleaseCertificate.objects.create(app=world.b.app, sha256=CERT_B, label="release")
        services.save_brand_profile(world.a.inst, brand_keywords=["ALPHA"], developers=["ALPHA金融机构"])
        services.save_brand_profile(world.b.inst, brand_keywords=["ZQX"], developers=["ZQX金融机构"])
    return world


@pytest.fixture
def swept(protected):
    """A's feed received and swept once; returns the world."""
    from appgov.counterfeit import feeds
    from appgov.counterfeit.models import SweepRun
    from appgov.counterfeit.sweep import sweep

    world = protected
    feeds.receive_feed(
        world.a.inst,
        feeds.parse_jsonl(jsonl(a_feed_rows())),
        channel="upload",
        label="test feed",
        actor=world.a.users["security"],
    )
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL, world.a.users["security"])
    assert run.status == "done", run.error
    return world
