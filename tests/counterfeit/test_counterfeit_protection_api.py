"""REST API of the brand profiles and app protections: scoped, writes only by their write roles, through the
services (generic words refused, icons checked), in the change log."""

import io

import pytest
from counterfeit_fixtures import icon_png
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from appgov.core.models import ChangeLogEntry
from appgov.counterfeit import services
from appgov.counterfeit.models import AppProtection, BrandProfile
from appgov.engines.lookalike import phash_image

BRANDS = "/api/counterfeit/brand-profiles/"
APPS = "/api/counterfeit/app-protections/"


@pytest.fixture
def profiles(world):
    services.save_brand_profile(world.b.inst, brand_keywords=["ZQX"], developers=["ZQX金融机构"])
    services.save_protection(world.b.app, aliases=["ZQX银行"])
    return world


def test_brand_profile_create_read_update(profiles, api):
    world = profiles
    office = api(world.a.users["governance_office"])
    response = office.post(
        BRANDS, {"brand_keywords": ["ALPHA", "阿尔法"], "developers": ["ALPHA金融"]}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["institution"] == world.a.inst.pk and body["brand_keywords"] == ["ALPHA", "阿尔法"]
    # one profile per institution
    again = office.post(BRANDS, {"brand_keywords": ["X"]}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400 and "already has a brand profile" in str(again.json())
    # PATCH keeps what it does not name; generic words are refused with the field
    url = f"{BRANDS}{body['id']}/"
    patched = office.patch(url, {"developers": ["ALPHA金融", "ALPHA科技"]}, format="json")
    assert patched.status_code == 200 and patched.json()["brand_keywords"] == ["ALPHA", "阿尔法"]
    bad = office.patch(
        url, {"brand_keywords": ["ALPHA", "手机银行"]}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert bad.status_code == 400 and "Generic words" in bad.json()["errors"]["brand_keywords"][0]
    assert BrandProfile.objects.get(institution=world.a.inst).developers == ["ALPHA金融", "ALPHA科技"]
    assert (
        ChangeLogEntry.objects.filter(
            object_type="counterfeit.brandprofile", object_id=str(body["id"])
        ).count()
        == 2
    )
    # scoped: A sees its own profile only
    listed = office.get(BRANDS).json()["results"]
    assert [p["institution"] for p in listed] == [world.a.inst.pk]
    assert office.delete(url).status_code == 405


def test_brand_profile_writes_need_a_write_role_and_stay_in_scope(profiles, api):
    world = profiles
    b_profile = BrandProfile.objects.get(institution=world.b.inst)
    for role in ("security", "app_owner", "compliance", "read_only"):
        assert (
            api(world.a.users[role]).post(BRANDS, {"brand_keywords": ["ALPHA"]}, format="json").status_code
            == 403
        )
    admin = api(world.a.admin)
    assert admin.get(f"{BRANDS}{b_profile.pk}/").status_code == 404
    assert (
        admin.patch(f"{BRANDS}{b_profile.pk}/", {"brand_keywords": ["X"]}, format="json").status_code == 404
    )
    # the examiner of B's jurisdiction reads it, never writes
    examiner = api(world.reg_in)
    assert examiner.get(f"{BRANDS}{b_profile.pk}/").json()["brand_keywords"] == ["ZQX"]
    assert (
        examiner.patch(f"{BRANDS}{b_profile.pk}/", {"brand_keywords": ["X"]}, format="json").status_code
        == 403
    )
    assert BrandProfile.objects.get(pk=b_profile.pk).brand_keywords == ["ZQX"]


def test_app_protection_create_update_icon(profiles, api, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = profiles
    owner = api(world.a.users["app_owner"])
    response = owner.post(
        APPS,
        {"app": world.a.app.pk, "aliases": ["阿尔法银行"], "extra_package_ids": ["cn.alpha.old"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["monitored"] is True and body["has_icon"] is False and body["icon_phash"] == ""
    url = f"{APPS}{body['id']}/"
    icon = icon_png(3)
    with Image.open(io.BytesIO(icon)) as image:
        expected = phash_image(image)
    patched = owner.patch(
        url, {"icon": SimpleUploadedFile("a.png", icon), "monitored": False}, format="multipart"
    )
    assert patched.status_code == 200, patched.content
    assert (patched.json()["icon_phash"], patched.json()["has_icon"], patched.json()["monitored"]) == (
        expected,
        True,
        False,
    )
    assert patched.json()["aliases"] == ["阿尔法银行"]  # kept
    bad = owner.patch(url, {"icon": SimpleUploadedFile("a.png", b"not an image")}, format="multipart")
    assert bad.status_code == 400 and "icon" in bad.json()["errors"]
    assert AppProtection.objects.get(pk=body["id"]).icon_phash == expected
    spaced = owner.patch(url, {"extra_package_ids": ["has space"]}, format="json")
    assert spaced.status_code == 400 and "extra_package_ids" in spaced.json()["errors"]
    # one protection per app; the app of a protection does not change
    assert owner.post(APPS, {"app": world.a.app.pk}, format="json").status_code == 400
    assert owner.patch(url, {"app": world.a.app2.pk}, format="json").status_code == 400


def test_app_protection_scoping_and_roles(profiles, api):
    world = profiles
    b_protection = AppProtection.objects.get(app=world.b.app)
    admin = api(world.a.admin)
    # B's app cannot be named, B's protection cannot be read or changed
    assert admin.post(APPS, {"app": world.b.app.pk, "aliases": ["x"]}, format="json").status_code == 400
    assert admin.get(f"{APPS}{b_protection.pk}/").status_code == 404
    assert admin.patch(f"{APPS}{b_protection.pk}/", {"aliases": ["x"]}, format="json").status_code == 404
    assert all(p["app"] != world.b.app.pk for p in admin.get(APPS).json()["results"])
    for role in ("security", "compliance", "read_only", "auditor"):
        assert api(world.a.users[role]).post(APPS, {"app": world.a.app.pk}, format="json").status_code == 403
    examiner = api(world.reg_in)
    assert examiner.get(f"{APPS}{b_protection.pk}/").json()["aliases"] == ["ZQX银行"]
    assert examiner.patch(f"{APPS}{b_protection.pk}/", {"aliases": []}, format="json").status_code == 403
    assert api(world.reg_out).get(f"{APPS}{b_protection.pk}/").status_code == 404
    assert AppProtection.objects.get(pk=b_protection.pk).aliases == ["ZQX银行"]
