"""Icon files at ingest: a ZIP feed carries its icons, which are checked, hashed and kept; a bad image refuses
the whole feed with its line; the computed hash reaches the engine (an imitated icon alerts)."""

import io
import json
import zipfile

import pytest
from counterfeit_fixtures import icon_png, jsonl, listing, zip_feed
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from appgov.counterfeit import feeds, icons, services
from appgov.counterfeit.models import AppProtection, CounterfeitCase, ListingFeed, ObservedListing, SweepRun
from appgov.counterfeit.sweep import sweep
from appgov.engines.lookalike import fingerprint, phash_image

ICON_A = icon_png(1)
ICON_OTHER = icon_png(2)


def _phash(data: bytes) -> str:
    with Image.open(io.BytesIO(data)) as image:
        return phash_image(image)


def _extra(data: bytes) -> dict:
    """The engine's further hashes of an icon (all but the pHash)."""
    with Image.open(io.BytesIO(data)) as image:
        hashes = fingerprint(image)
    hashes.pop("phash")
    assert hashes  # a distinctive icon has them
    return hashes


def _upload(world, name, data, user=None):
    user = user or world.a.users["security"]
    return feeds.receive_upload(world.a.inst, SimpleUploadedFile(name, data), "icons", user)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_zip_feed_hashes_and_keeps_its_icons(world, media):
    assert _phash(ICON_A) != _phash(ICON_OTHER)
    rows = [
        listing("I1", "某应用", icon="icons/a.png"),
        listing("I2", "另一应用", icon="./icons/a.png"),  # the same image: one stored file
        listing("I3", "第三应用", icon="icons/missing.png", icon_phash="8f373714acfcf4d0"),  # precomputed
        listing("I4", "无图标应用"),
    ]
    feed = _upload(world, "crawl.zip", zip_feed({"feed.jsonl": jsonl(rows), "icons/a.png": ICON_A}))
    assert (feed.new, feed.icons_hashed, feed.icons_missing) == (4, 2, 0)
    i1, i2, i3, i4 = (ObservedListing.objects.get(listing_id=f"I{n}") for n in range(1, 5))
    assert i1.icon_phash == i2.icon_phash == _phash(ICON_A)
    assert i1.icon_hashes == i2.icon_hashes == _extra(ICON_A)
    assert i1.icon_file.name == i2.icon_file.name and i1.icon_file.name.startswith(
        "counterfeit/listing-icons/"
    )
    assert default_storage.open(i1.icon_file.name).read() == ICON_A
    assert (i3.icon_phash, i3.icon_file.name, i3.icon_hashes) == ("8f373714acfcf4d0", "", {})
    assert (i4.icon_phash, i4.icon_file.name) == ("", "")


def test_csv_inside_a_zip(world, media):
    csv = "listing_id,source,name,icon\nC1,应用宝,某应用,a.png\n"
    feed = _upload(world, "crawl.zip", zip_feed({"feed.csv": csv.encode(), "a.png": ICON_A}))
    assert feed.icons_hashed == 1
    assert ObservedListing.objects.get(listing_id="C1").icon_phash == _phash(ICON_A)


def _truncated():
    return ICON_A[: len(ICON_A) // 2]


def _bomb():
    out = io.BytesIO()
    Image.new("1", (5000, 5000)).save(out, "PNG")  # a few KB, 25 million pixels
    return out.getvalue()


@pytest.mark.parametrize(
    "icon_bytes,expected",
    [
        (b"this is not an image", "line 2: field 'icon': not an image in a supported format"),
        (_truncated(), "line 2: field 'icon': the image cannot be decoded"),
        (_bomb(), "line 2: field 'icon': the icon is 5000×5000 pixels"),
        (b"\x89PNG" + b"0" * (icons.MAX_ICON_BYTES + 10), "line 2: field 'icon': icons/bad.png: more than"),
        (b"", "line 2: field 'icon': the icon file is empty"),
        (None, "line 2: field 'icon': icons/bad.png is not in the archive"),
    ],
    ids=["not-an-image", "truncated", "bomb", "too-big", "empty", "missing"],
)
def test_bad_icon_refuses_the_whole_feed(world, media, icon_bytes, expected):
    rows = [listing("G1", "好应用", icon="icons/a.png"), listing("B1", "坏图标", icon="icons/bad.png")]
    files = {"feed.jsonl": jsonl(rows), "icons/a.png": ICON_A}
    if icon_bytes is not None:
        files["icons/bad.png"] = icon_bytes
    with pytest.raises(ValidationError) as err:
        _upload(world, "crawl.zip", zip_feed(files))
    assert any(expected in m for m in err.value.messages), err.value.messages
    assert not ListingFeed.objects.exists() and not ObservedListing.objects.exists()


@pytest.mark.parametrize(
    "files,expected",
    [
        ({"icons/a.png": ICON_A}, "exactly one feed file (.jsonl or .csv); it holds 0"),
        ({"a.jsonl": b"", "b.csv": b""}, "it holds 2"),
    ],
)
def test_archive_needs_exactly_one_feed_file(world, media, files, expected):
    with pytest.raises(ValidationError) as err:
        _upload(world, "crawl.zip", zip_feed(files))
    assert any(expected in m for m in err.value.messages), err.value.messages


def test_not_a_zip(world, media):
    with pytest.raises(ValidationError) as err:
        _upload(world, "crawl.zip", b"PK\x03\x04 broken")
    assert "Not a readable ZIP archive" in err.value.messages[0]


def test_zip_member_claiming_a_small_size_is_read_within_the_limit(world, media):
    """A member whose header lies about its size is still cut at the limit (read(limit + 1))."""
    archive = feeds.Archive(zip_feed({"feed.jsonl": b"{}", "big.png": b"0" * (icons.MAX_ICON_BYTES + 5)}))
    with pytest.raises(icons.IconProblem, match="more than"):
        archive.icon("big.png")
    assert isinstance(archive.zip, zipfile.ZipFile)


def test_plain_feed_icon_paths_are_counted_as_not_sent_and_a_hash_from_a_zip_is_kept(world, media):
    rows = [listing("P1", "某应用", icon="icons/a.png")]
    _upload(world, "crawl.zip", zip_feed({"feed.jsonl": jsonl(rows), "icons/a.png": ICON_A}))
    row = ObservedListing.objects.get(listing_id="P1")
    hashed, stored = row.icon_phash, row.icon_file.name
    # the next, plain feed names the same icon without sending it: the hash from the file stays
    feed = _upload(world, "daily.jsonl", jsonl(rows))
    assert (feed.unchanged, feed.changed, feed.icons_missing) == (1, 0, 0)
    row.refresh_from_db()
    assert (row.icon_phash, row.icon_file.name) == (hashed, stored)
    # a new listing naming an icon that never came: kept as a reference, counted, not compared
    feed = _upload(world, "daily.jsonl", jsonl([*rows, listing("P2", "x", icon="icons/b.png")]))
    assert feed.icons_missing == 1
    assert ObservedListing.objects.get(listing_id="P2").icon_phash == ""


def test_icon_computed_at_ingest_reaches_the_engine(protected, media):
    """A's app has an icon; a listing with a finance name (no brand) and A's icon alerts through the icon
    hash computed at ingest; the same listing without its icon file does not."""
    world = protected
    services.save_protection(world.a.app, icon=SimpleUploadedFile("alpha.png", ICON_A))
    rows = [
        listing("X-ICON", "掌上银行助手", "com.x.helper", "某某科技", icon="i/copy.png"),
        listing("X-OTHER", "掌上银行管家", "com.x.keeper", "某某科技", icon="i/other.png"),
    ]
    plain = [listing("X-PLAIN", "掌上银行助手", "com.x.helper2", "某某科技", icon="i/copy.png")]
    _upload(
        world, "a.zip", zip_feed({"f.jsonl": jsonl(rows), "i/copy.png": ICON_A, "i/other.png": ICON_OTHER})
    )
    _upload(world, "b.jsonl", jsonl(plain))
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert run.status == "done", run.error
    cases = {c.listing.listing_id: c for c in CounterfeitCase.objects.filter(institution=world.a.inst)}
    assert set(cases) == {"X-ICON"}
    assert [r["signal"] for r in cases["X-ICON"].reasons if r["signal"] == "icon_phash"] == ["icon_phash"]


def test_protection_icon_is_checked(protected, media):
    world = protected
    with pytest.raises(ValidationError) as err:
        services.save_protection(world.a.app, icon=SimpleUploadedFile("bomb.png", _bomb()))
    assert "icon" in err.value.message_dict and "5000×5000" in err.value.message_dict["icon"][0]
    protection = services.save_protection(world.a.app, icon=SimpleUploadedFile("alpha.png", ICON_A))
    assert protection.icon_phash == _phash(ICON_A) and protection.icon_hashes == _extra(ICON_A)


def test_precomputed_icon_hashes_of_a_plain_feed_are_kept_and_reach_the_engine(protected, media):
    """A provider that fingerprints its icons itself sends icon_phash and icon_hashes (JSON Lines, or a JSON
    object in the CSV cell); they are stored and passed to the engine as they are."""
    from appgov.counterfeit.sweep import _engine_listing

    world = protected
    extra = _extra(ICON_A)
    rows = [listing("H1", "某应用", icon="x.png", icon_phash=_phash(ICON_A), icon_hashes=extra)]
    feed = _upload(world, "hashes.jsonl", jsonl(rows))
    assert (feed.icons_hashed, feed.icons_missing) == (0, 0)
    row = ObservedListing.objects.get(listing_id="H1")
    assert (row.icon_phash, row.icon_hashes) == (_phash(ICON_A), extra)
    engine_listing = _engine_listing(row)
    assert (engine_listing.icon_phash, engine_listing.icon_hashes, engine_listing.icon) == (
        _phash(ICON_A),
        extra,
        None,
    )
    cell = json.dumps(extra).replace('"', '""')
    csv = f'listing_id,source,name,icon_hashes\nH2,应用宝,某应用,"{cell}"\nH3,应用宝,x,{{oops\n'
    with pytest.raises(ValidationError) as err:
        _upload(world, "hashes.csv", csv.encode())
    assert err.value.messages == [
        "line 3: field 'icon_hashes': invalid JSON (Expecting property name enclosed in double quotes)"
    ]
    _upload(world, "hashes.csv", csv.encode().rsplit(b"H3", 1)[0])
    assert ObservedListing.objects.get(listing_id="H2").icon_hashes == extra


def test_hashes_from_a_file_are_not_lost_when_a_plain_feed_follows(protected, media):
    world = protected
    rows = [listing("K1", "某应用", icon="i/a.png")]
    _upload(world, "a.zip", zip_feed({"f.jsonl": jsonl(rows), "i/a.png": ICON_A}))
    before = ObservedListing.objects.get(listing_id="K1")
    assert before.icon_hashes == _extra(ICON_A)
    feed = _upload(world, "b.jsonl", jsonl(rows))
    assert feed.unchanged == 1
    after = ObservedListing.objects.get(listing_id="K1")
    assert (after.icon_phash, after.icon_hashes, after.content_hash) == (
        before.icon_phash,
        before.icon_hashes,
        before.content_hash,
    )


def test_rehash_icons_recomputes_from_the_kept_files(protected, media):
    """After an engine upgrade, the kept files give the new hashes; the changed listing is screened again
    and the changed protected app makes the next sweep screen every listing."""
    from django.core.management import call_command

    world = protected
    services.save_protection(world.a.app, icon=SimpleUploadedFile("alpha.png", ICON_A))
    rows = [listing("R1", "某应用", icon="i/a.png"), listing("R2", "另一应用")]
    _upload(world, "a.zip", zip_feed({"f.jsonl": jsonl(rows), "i/a.png": ICON_A}))
    # what an older engine had stored (a pHash only), and screened like that
    old = ObservedListing.objects.get(listing_id="R1")
    old_hash = feeds.content_hash(feeds._listing_of(old), {})
    ObservedListing.objects.filter(pk=old.pk).update(icon_hashes={}, content_hash=old_hash)
    AppProtection.objects.filter(app=world.a.app).update(icon_hashes={})
    sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert sweep(world.a.inst, SweepRun.Trigger.MANUAL).screened == 0
    out = io.StringIO()
    call_command("counterfeit", "rehash-icons", stdout=out)
    assert (
        out.getvalue().strip() == "1 listing icons (1 changed), 1 app icons (1 changed), 0 files unreadable"
    )
    r1 = ObservedListing.objects.get(listing_id="R1")
    assert r1.icon_hashes == _extra(ICON_A) and r1.content_hash != r1.screened_hash
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert run.rescreened_all and run.screened == 2
    out = io.StringIO()
    call_command("counterfeit", "rehash-icons", stdout=out)
    assert "(0 changed)" in out.getvalue()


def test_api_accepts_a_zip_feed_and_names_a_bad_icon(world, media, api):
    client = api(world.a.users["security"])
    rows = [listing("Z1", "某应用", icon="a.png"), listing("Z2", "坏图标", icon="b.png")]
    bad = zip_feed({"feed.jsonl": jsonl(rows), "a.png": ICON_A, "b.png": b"GIF89a broken"})
    response = client.post(
        "/api/counterfeit/feeds/",
        {"label": "zip", "file": SimpleUploadedFile("crawl.zip", bad)},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"][0].startswith(
        "line 2: field 'icon': not an image in a supported format"
    )
    good = zip_feed({"feed.jsonl": jsonl(rows), "a.png": ICON_A, "b.png": ICON_OTHER})
    response = client.post(
        "/api/counterfeit/feeds/", {"file": SimpleUploadedFile("crawl.zip", good)}, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert (response.json()["icons_hashed"], response.json()["icons_missing"]) == (2, 0)
    listed = client.get("/api/counterfeit/listings/?listing_id=Z2").json()["results"][0]
    assert listed["has_icon_file"] is True and listed["icon_phash"] == _phash(ICON_OTHER)
    assert listed["icon_hashes"] == _extra(ICON_OTHER) and "icon_file" not in listed


def test_case_page_shows_the_listing_icon_next_to_the_official_one(protected, media, login):
    world = protected
    services.save_protection(world.a.app, icon=SimpleUploadedFile("renamed.gif", ICON_A))  # a PNG really
    rows = [listing("V1", "掌上银行助手", "com.x.helper", "某某科技", icon="i/copy.png")]
    _upload(world, "a.zip", zip_feed({"f.jsonl": jsonl(rows), "i/copy.png": ICON_A}))
    sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    case = CounterfeitCase.objects.get(listing__listing_id="V1")
    page = login(world.a.users["read_only"]).get(case.get_absolute_url()).content.decode()
    listing_url = f"/counterfeit/listings/{case.listing_id}/icon/"
    official_url = f"/counterfeit/protection/apps/{world.a.app.pk}/icon/"
    assert listing_url in page and official_url in page
    for url in (listing_url, official_url):
        response = login(world.a.users["read_only"]).get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == ICON_A
        assert login(world.b.admin).get(url).status_code == 404
    # a listing without a kept file has no icon to show
    bare = ObservedListing.objects.create(
        institution=world.a.inst,
        feed=case.listing.feed,
        listing_id="V2",
        source="s",
        name="n",
        content_hash="x",
    )
    assert login(world.a.admin).get(f"/counterfeit/listings/{bare.pk}/icon/").status_code == 404


def test_a_feed_failing_in_the_database_leaves_no_icon_file_behind(world, media, monkeypatch):
    from django.db import IntegrityError

    from appgov.counterfeit.models import ListingFeed

    kept = _upload(
        world,
        "first.zip",
        zip_feed({"feed.jsonl": jsonl([listing("K1", "旧应用", icon="a.png")]), "a.png": ICON_A}),
    )
    assert kept.icons_hashed == 1
    files_before = sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file())
    feeds_before = ListingFeed.objects.count()

    def broken(*args, **kwargs):
        raise IntegrityError("simulated failure while storing the listings")

    monkeypatch.setattr(ObservedListing.objects, "bulk_create", broken)
    rows = [listing("K2", "新应用", icon="a.png"), listing("K3", "另一新应用", icon="b.png")]
    with pytest.raises(IntegrityError):
        _upload(
            world, "second.zip", zip_feed({"feed.jsonl": jsonl(rows), "a.png": ICON_A, "b.png": ICON_OTHER})
        )
    # the new icon's file is gone again; the one an earlier feed stored (and still uses) is kept
    assert sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file()) == files_before
    assert ListingFeed.objects.count() == feeds_before
    assert default_storage.open(ObservedListing.objects.get(listing_id="K1").icon_file.name).read() == ICON_A


def test_a_truncated_icon_is_refused_even_after_weasyprint_loosened_pillow(world, media, monkeypatch):
    """WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES when imported (the PDF report does); the
    icon check must not depend on which module was imported first."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(icons.IconProblem, match="cannot be decoded"):
        icons.fingerprint(_truncated())
