"""Issue 11 item 13: the scan list (the queue, finished and failed scans), the SDK page's empty states after a
scan, and the counterfeit case page linking the earlier and later cases of a re-listed listing."""

import pytest

from appgov.counterfeit.models import CounterfeitCase, ListingFeed, ObservedListing
from appgov.scanning.models import Scan, SdkUse

SCANS, SDKS = "/scanning/scans/", "/scanning/sdks/"


@pytest.fixture
def no_scans(world):
    """A without scans (the world's package upload queued one)."""
    Scan.objects.filter(version__app__institution=world.a.inst).delete()
    return world


@pytest.fixture
def scans(no_scans, world):
    """A's version with a finished scan (one SDK), a failed one and two in the queue; one finished scan of B."""
    a, b = world.a, world.b
    done = Scan.objects.create(
        version=a.version, package_sha256="a" * 64, status="done", high_findings=2, report={}
    )
    SdkUse.objects.create(version=a.version, scan=done, sdk_id="umeng", name="友盟统计", vendor="友盟")
    failed = Scan.objects.create(
        version=a.version, package_sha256="b" * 64, status="failed", error="安装包无法解析（不是 ZIP 文件）"
    )
    first = Scan.objects.create(version=a.version, package_sha256="c" * 64, status="queued")
    second = Scan.objects.create(version=a.version, package_sha256="d" * 64, status="queued")
    other = Scan.objects.create(version=b.version, package_sha256="e" * 64, status="done")
    return {"done": done, "failed": failed, "first": first, "second": second, "other": other}


def test_the_scan_list_shows_the_queue_with_positions_and_failures(world, login, scans):
    page = login(world.a.users["security"]).get(SCANS).content.decode()
    for key in ("done", "failed", "first", "second"):
        assert f'data-scan="{scans[key].pk}"' in page
    assert f'data-scan="{scans["other"].pk}"' not in page  # B's scan
    assert "no. 1 in the queue" in page and "no. 2 in the queue" in page
    assert "不是 ZIP 文件" in page
    assert 'hx-trigger="every 5s"' in page  # scans in the queue: the table refreshes itself


def test_the_scan_list_filters_by_status_and_clears(world, login, scans):
    client = login(world.a.users["security"])
    queue = client.get(SCANS, {"status": "active"}).content.decode()
    assert f'data-scan="{scans["first"].pk}"' in queue and f'data-scan="{scans["done"].pk}"' not in queue
    assert 'id="clear-filters"' in queue
    done = client.get(SCANS, {"status": "done"}).content.decode()
    assert f'data-scan="{scans["done"].pk}"' in done and f'data-scan="{scans["failed"].pk}"' not in done
    assert "hx-trigger" not in done  # nothing in the queue on this page: no polling
    partial = client.get(SCANS, {"status": "active"}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div class="card" id="scan-table"') and "<html" not in partial


def test_an_empty_scan_list_says_how_to_scan(no_scans, world, login):
    page = login(world.a.users["security"]).get(SCANS).content.decode()
    assert "No scans yet. Upload a package on a version" in page


def test_the_sdk_page_after_a_scan_lists_the_sdks_with_their_apps(world, login, scans):
    page = login(world.a.users["security"]).get(SDKS).content.decode()
    assert "友盟统计" in page and world.a.app.name in page
    assert "No scans yet" not in page and "No packages scanned yet" not in page
    assert "2 scans in the queue" in page and "1 scan failed" in page


def test_the_sdk_page_says_why_it_is_empty(no_scans, world, login):
    a = world.a
    client = login(a.users["security"])
    assert "No packages scanned yet" in client.get(SDKS).content.decode()
    queued = Scan.objects.create(version=a.version, package_sha256="c" * 64, status="queued")
    assert "Scans are in the queue" in client.get(SDKS).content.decode()
    Scan.objects.filter(pk=queued.pk).update(status="failed", error="x")
    assert "every scan so far failed" in client.get(SDKS).content.decode()
    Scan.objects.create(version=a.version, package_sha256="f" * 64, status="done", report={})
    page = client.get(SDKS).content.decode()
    assert "found no third-party SDK" in page and "No packages scanned yet" not in page


@pytest.fixture
def relisted(world):
    """A listing of A taken down, re-listed (case 2 follows case 1) and re-listed again (case 3 follows 2)."""
    a = world.a
    feed = ListingFeed.objects.create(institution=a.inst, channel="api", label="商店监测")
    listing = ObservedListing.objects.create(
        institution=a.inst,
        feed=feed,
        listing_id="L-1",
        source="某应用商店",
        name="ALPHA手机银行极速版",
        content_hash="0" * 64,
    )
    common = dict(
        institution=a.inst,
        app=a.app,
        listing=listing,
        alert_kind="counterfeit",
        score=0.9,
        explanation_zh="名称相似",
        source="某应用商店",
        listing_name=listing.name,
    )
    first = CounterfeitCase.objects.create(state="taken_down", **common)
    second = CounterfeitCase.objects.create(state="taken_down", previous_case=first, **common)
    third = CounterfeitCase.objects.create(state="new", previous_case=second, **common)
    alone = CounterfeitCase.objects.create(
        **{
            **common,
            "listing": ObservedListing.objects.create(
                institution=a.inst, feed=feed, listing_id="L-2", source="x", name="y", content_hash="1" * 64
            ),
        }
    )
    return first, second, third, alone


def test_the_case_page_links_earlier_and_later_cases_of_the_listing(world, login, relisted):
    first, second, third, alone = relisted
    client = login(world.a.users["security"])
    page = client.get(f"/counterfeit/cases/{second.pk}/").content.decode()
    chain = page[page.index('id="relisting-chain"') :][:3000]
    assert f'href="/counterfeit/cases/{first.pk}/" class="earlier-case"' in chain
    assert f'href="/counterfeit/cases/{third.pk}/" class="later-case"' in chain
    assert chain.index(f"#{first.pk}") < chain.index(f"#{second.pk}") < chain.index(f"#{third.pk}")
    last = client.get(f"/counterfeit/cases/{third.pk}/").content.decode()
    assert f'href="/counterfeit/cases/{first.pk}/" class="earlier-case"' in last
    assert "reappeared after the earlier case was closed" in last
    assert 'id="relisting-chain"' not in client.get(f"/counterfeit/cases/{alone.pk}/").content.decode()
