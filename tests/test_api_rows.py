"""API lists rendered from .values() rows (core/api/rows.py) answer exactly what the serializers would."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from appgov.core.api import viewsets as base
from appgov.core.api.rows import row_renderer
from appgov.core.api.viewsets import ScopedReadOnlyViewSet


def list_routes(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from list_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            cls = getattr(entry.callback, "cls", None)
            actions = getattr(entry.callback, "actions", None) or {}
            route = prefix + str(entry.pattern)
            if (
                cls
                and issubclass(cls, ScopedReadOnlyViewSet)
                and actions.get("get") == "list"
                and "format" not in route
            ):
                yield "/" + route.replace("^", "").replace("$", ""), cls


ROUTES = sorted(set(list_routes()), key=lambda item: item[0])


def test_the_ledger_app_list_takes_the_rows_path():
    from appgov.ledger.api.serializers import MobileAppSerializer

    assert row_renderer(MobileAppSerializer()) is not None
    assert len(ROUTES) > 10


@pytest.mark.parametrize("path, viewset", ROUTES, ids=[path for path, _ in ROUTES])
@pytest.mark.parametrize("query", ["", "?limit=2&offset=1"])
def test_rows_and_serializer_give_the_same_list(world, api, settings, monkeypatch, path, viewset, query):
    settings.APPGOV_LIST_CACHE_SECONDS = 0
    client = api(world.reg_hq)  # sees both institutions
    fast = client.get(path + query)
    assert fast.status_code == 200, fast.content[:300]
    monkeypatch.setattr(base, "row_renderer", lambda serializer: None)
    slow = client.get(path + query)
    assert slow.status_code == 200
    assert fast.json() == slow.json()


def test_a_row_with_every_kind_of_value_matches(world, api, settings, monkeypatch):
    from appgov.core import services

    settings.APPGOV_LIST_CACHE_SECONDS = 0
    app = world.a.app
    services.update(app, world.a.office_user, platforms=["android", "ios"], responsible_person=None)
    client = api(world.a.office_user)
    fast = client.get("/api/ledger/apps/").json()
    monkeypatch.setattr(base, "row_renderer", lambda serializer: None)
    slow = client.get("/api/ledger/apps/").json()
    assert fast == slow
    row = next(r for r in fast["results"] if r["id"] == app.pk)
    assert row["platforms"] == ["android", "ios"] and row["responsible_person"] is None
    assert row["updated_at"].endswith("+08:00")  # local time, as the serializer gives it


def test_fields_that_are_not_columns_keep_the_serializer():
    from rest_framework import serializers

    from appgov.ledger.models import MobileApp

    class WithProperty(serializers.ModelSerializer):
        label = serializers.CharField(source="__str__", read_only=True)

        class Meta:
            model = MobileApp
            fields = ["id", "code", "label"]

    class WithMethod(serializers.ModelSerializer):
        extra = serializers.SerializerMethodField()

        class Meta:
            model = MobileApp
            fields = ["id", "extra"]

    class Plain(serializers.ModelSerializer):
        class Meta:
            model = MobileApp
            fields = ["id", "code", "platforms", "updated_at"]

    assert row_renderer(WithProperty()) is None
    assert row_renderer(WithMethod()) is None
    sources, render = row_renderer(Plain())
    assert sources == ["id", "code", "platforms", "updated_at"]
