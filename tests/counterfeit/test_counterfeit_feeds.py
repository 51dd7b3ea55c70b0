"""Listing feeds: good JSONL/CSV uploads are stored; any bad line refuses the whole feed with line and field."""

import pytest
from counterfeit_fixtures import a_feed_rows, jsonl, listing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.counterfeit import feeds
from appgov.counterfeit.models import ListingFeed, ObservedListing

CSV = (
    "listing_id,source,name,package_id,developer,cert_sha256,icon_phash,url\n"
    "C1,应用宝,ALPHA手机银行极速版,com.fake.alphabank,某某科技,,,https://example.cn/c1\n"
    "C2,应用宝,天气预报,com.weather.app,天气公司,,8f373714acfcf4d0,\n"
)


def test_jsonl_upload_is_stored(world):
    user = world.a.users["security"]
    upload = SimpleUploadedFile("feed.jsonl", jsonl(a_feed_rows()))
    feed = feeds.receive_upload(world.a.inst, upload, "周度商店爬取", user)
    assert (feed.lines, feed.new, feed.changed, feed.unchanged) == (6, 6, 0, 0)
    assert feed.channel == ListingFeed.Channel.UPLOAD and len(feed.file_sha256) == 64
    row = ObservedListing.objects.get(institution=world.a.inst, listing_id="L-REPACK")
    assert row.cert_sha256 == "c" * 64 and row.screened_hash == ""


def test_csv_upload_with_the_same_columns(world):
    upload = SimpleUploadedFile("feed.csv", ("\ufeff" + CSV).encode())
    feed = feeds.receive_upload(world.a.inst, upload, "", world.a.admin)
    assert feed.new == 2 and feed.label == "feed.csv"
    c1 = ObservedListing.objects.get(listing_id="C1")
    assert (c1.package_id, c1.cert_sha256, c1.url) == ("com.fake.alphabank", "", "https://example.cn/c1")
    assert ObservedListing.objects.get(listing_id="C2").icon_phash == "8f373714acfcf4d0"


@pytest.mark.parametrize(
    "name,data,expected",
    [
        (
            "bad.jsonl",
            jsonl([listing("X1", "a"), {"listing_id": "X2", "source": "s", "name": 5}]),
            "line 2: field 'name': expected a string, got int",
        ),
        ("bad.jsonl", b'{"listing_id": "X1", "source": "s", "name": "n"}\n{oops', "line 2: invalid JSON"),
        (
            "bad.jsonl",
            jsonl([listing("X1", "a", cert="12ab")]),
            "line 1: field 'cert_sha256': expected a SHA-256 fingerprint",
        ),
        (
            "bad.jsonl",
            jsonl([listing("X1", "a"), listing("X1", "b")]),
            "line 2: field 'listing_id': duplicate of line 1",
        ),
        (
            "bad.jsonl",
            jsonl([listing("X1", "a", package_id="has space")]),
            "line 1: field 'package_id': expected an identifier without spaces",
        ),
        ("bad.csv", b"listing_id,name\nX1,a\n", "line 1: field 'source': required column missing"),
        ("bad.csv", b"listing_id,source,name\nX1,s,a\nX2,s\n", "line 3: 2 cells, the header has 3"),
        ("bad.csv", b"listing_id,source,name,first_seen\nX1,s,a,yesterday\n", "line 2: field 'first_seen'"),
        ("bad.jsonl", b'{"listing_id": "X1", "source": "s", "name": "\xff"}', "line 1: not UTF-8"),
        ("feed.xlsx", b"PK", "Upload a .jsonl (JSON Lines) or .csv file, or a .zip of one with its icons."),
        ("empty.jsonl", b"\n\n", "The feed holds no listing."),
    ],
)
def test_bad_feed_names_line_and_field_and_stores_nothing(world, name, data, expected):
    before = (ListingFeed.objects.count(), ObservedListing.objects.count())
    with pytest.raises(ValidationError) as err:
        feeds.receive_upload(world.a.inst, SimpleUploadedFile(name, data), "x", world.a.admin)
    assert any(expected in m for m in err.value.messages), err.value.messages
    assert (ListingFeed.objects.count(), ObservedListing.objects.count()) == before


def test_good_lines_before_a_bad_one_are_not_stored(world):
    rows = jsonl([*a_feed_rows(), {"listing_id": "BAD", "source": "s"}])
    with pytest.raises(ValidationError) as err:
        feeds.receive_upload(world.a.inst, SimpleUploadedFile("f.jsonl", rows), "x", world.a.admin)
    assert err.value.messages == ["line 7: field 'name': is required"]
    assert not ObservedListing.objects.filter(institution=world.a.inst).exists()


def test_resent_feed_counts_new_changed_unchanged(world):
    user = world.a.admin
    feeds.receive_feed(
        world.a.inst, feeds.parse_jsonl(jsonl(a_feed_rows())), channel="api", label="1", actor=user
    )
    ObservedListing.objects.filter(institution=world.a.inst).update(screened_hash="x")  # pretend screened
    rows = a_feed_rows()
    rows[2]["name"] = "ALPHA手机银行 Pro"  # changed: screened again
    rows[4]["url"] = "https://example.cn/weather"  # only the URL moved: not screened again
    rows.append(listing("L-NEW", "新应用"))
    feed = feeds.receive_feed(
        world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="2", actor=user
    )
    assert (feed.new, feed.changed, feed.unchanged) == (1, 1, 5)
    changed = ObservedListing.objects.get(listing_id="L-FAKE")
    assert changed.name == "ALPHA手机银行 Pro" and changed.content_hash != changed.screened_hash
    weather = ObservedListing.objects.get(listing_id="L-WEATHER")
    assert weather.url == "https://example.cn/weather"


def test_only_feed_roles_of_the_own_institution_may_send_feeds(world):
    listings = feeds.parse_jsonl(jsonl(a_feed_rows()))
    for role in ("app_owner", "auditor", "read_only", "compliance"):
        with pytest.raises(PermissionDenied):
            feeds.receive_feed(world.a.inst, listings, channel="api", label="x", actor=world.a.users[role])
    with pytest.raises(PermissionDenied):
        feeds.receive_feed(world.a.inst, listings, channel="api", label="x", actor=world.reg_out)
    with pytest.raises(ValidationError):
        feeds.receive_feed(world.b.inst, listings, channel="api", label="x", actor=world.a.admin)
    assert not ObservedListing.objects.exists()


def test_upload_page_reports_the_bad_line(world, login):
    client = login(world.a.users["security"])
    data = jsonl([listing("X1", "a"), {"listing_id": "X2", "source": "s", "name": ""}])
    upload = SimpleUploadedFile("feed.jsonl", data)
    response = client.post("/counterfeit/feeds/", {"label": "x", "file": upload}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("must not be empty" in m and "name" in m and "2" in m for m in shown), shown
    assert not ObservedListing.objects.exists()


def test_api_feed_json_and_file(world, api):
    client = api(world.a.users["security"])
    response = client.post(
        "/api/counterfeit/feeds/", {"label": "api", "listings": a_feed_rows()[:3]}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["new"] == 3
    bad = client.post(
        "/api/counterfeit/feeds/",
        {"listings": [listing("Y1", "a"), {"listing_id": "Y2", "name": "b"}]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"non_field_errors": ["line 2: field 'source': is required"]}
    upload = SimpleUploadedFile("f.csv", CSV.encode())
    response = client.post("/api/counterfeit/feeds/", {"label": "csv", "file": upload}, format="multipart")
    assert response.status_code == 201 and response.json()["new"] == 2
    assert (
        api(world.a.users["read_only"])
        .post("/api/counterfeit/feeds/", {"listings": a_feed_rows()[:1]}, format="json")
        .status_code
        == 403
    )
