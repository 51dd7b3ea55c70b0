"""Open every edit page of every model with dates, save it as a browser would without touching anything, and
the record must be unchanged (issue: date inputs filled as 2026/06/10 show empty in <input type=date> and
were saved back as null)."""

import re

import pytest
from django.urls import reverse
from lxml import html

from appgov.core import changelog

# what Chromium keeps of a value in these inputs; anything else shows empty and is submitted empty
BROWSER_FORMATS = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2})?$"),
}


def browser_post_data(page: bytes) -> dict:
    """The fields of the page's edit form (its largest POST form) as a browser submits them unchanged."""
    doc = html.fromstring(page)
    forms = [f for f in doc.forms if (f.method or "").upper() == "POST"]
    form = max(forms, key=lambda f: len(f.xpath(".//input[@name]|.//select[@name]|.//textarea[@name]")))
    data: dict[str, list[str]] = {}
    for el in form.xpath(".//input|.//select|.//textarea"):
        name = el.get("name")
        if not name or el.get("disabled") is not None:
            continue
        kind = (el.get("type") or "text").lower() if el.tag == "input" else el.tag
        if kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if el.get("checked") is not None:
                data.setdefault(name, []).append(el.get("value") or "on")
            continue
        if el.tag == "select":
            chosen = [
                o.get("value", o.text or "") for o in el.xpath(".//option") if o.get("selected") is not None
            ]
            if not chosen and el.get("multiple") is None:
                options = el.xpath(".//option")
                chosen = [options[0].get("value", options[0].text or "")] if options else []
            data.setdefault(name, []).extend(chosen)
            continue
        value = el.text or "" if el.tag == "textarea" else el.get("value") or ""
        if kind in BROWSER_FORMATS and value and not BROWSER_FORMATS[kind].match(value):
            value = ""  # the browser cannot show it, and submits nothing
        data.setdefault(name, []).append(value)
    return data


def _roundtrip(client, url, obj):
    before = changelog.snapshot(type(obj).objects.get(pk=obj.pk))
    page = client.get(url)
    assert page.status_code == 200, url
    data = browser_post_data(page.content)
    response = client.post(url, data)
    assert response.status_code in (200, 302), url
    if response.status_code == 200:
        errors = html.fromstring(response.content).xpath(
            "//*[contains(@class,'invalid-feedback') or contains(@class,'errorlist')]//text()"
        )
        assert not errors, f"{url}: saving the unchanged form was refused: {errors}"
    after = changelog.snapshot(type(obj).objects.get(pk=obj.pk))
    changed = {
        k: (before.get(k), after.get(k))
        for k in before
        if k != "updated_at" and before.get(k) != after.get(k)
    }
    assert not changed, f"{url}: saving the unchanged form changed {changed}"


def test_app_and_version_edit_keep_their_dates(world, login):
    import datetime

    from appgov.core import services

    app = services.update(world.a.app, None, mlps_level=3, mlps_assessed_on=datetime.date(2026, 6, 1))
    version = app.versions.first()
    services.update(
        version, None, release_date=datetime.date(2026, 6, 10), support_ends_on=datetime.date(2027, 6, 10)
    )
    client = login(world.a.admin)
    _roundtrip(client, reverse("ledger:app-edit", args=[app.pk]), app)
    _roundtrip(client, reverse("ledger:version-edit", args=[version.pk]), version)
    channel = services.update(world.a.channel, None, qualification_checked_on=datetime.date(2026, 5, 4))
    _roundtrip(client, reverse("ledger:channel-edit", args=[channel.pk]), channel)


CREDIT_KINDS = [
    ("authorization", "cauth"),
    ("kiosk", "ckiosk"),
    ("bulk", "cbulk"),
    ("dissent", "cdissent"),
    ("complaint", "ccomplaint"),
    ("report", "creport"),
    ("staff", "cstaff"),
    ("app", "capp"),
    ("hours", "chours"),
    ("day", "cday"),
]


@pytest.mark.parametrize("kind, key", CREDIT_KINDS)
def test_every_credit_register_edit_keeps_its_dates(world, login, kind, key):
    from credit_fixtures import make_credit_objects

    from appgov.credit.views.edits import EDITABLE

    objects = make_credit_objects(world.a)
    model = EDITABLE[kind].model
    obj = model.objects.get(pk=objects[key])
    _roundtrip(login(world.a.admin), reverse(f"credit:{kind}-edit", args=[obj.pk]), obj)
