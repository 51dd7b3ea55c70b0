"""Issue 12 item 1, walked: every model that has an API DELETE route or a delete page is sent the delete, with a
reason, by a user whose role may write it, for rows of the demo data; a record kept for the record must still be
in the database afterwards (voided, or refused with the reason), and no kept row may disappear through a cascade.

The walk treats every row as a mistaken entry (its history is made to look like its creation alone), so the
deepest path of each delete is taken: the module's own refusal, then the void or the physical delete."""

import pytest
from django.db.models.signals import post_delete
from django.urls import URLResolver, get_resolver
from second_factor import force_login

from appgov.core import changelog, retention
from appgov.core.models.voidable import voidable
from appgov.core.roles import can_write
from appgov.core.views.generic import ObjectDeleteView

# Configuration rows a user may delete for good (each also in core/retention.DELETABLE, where the reason is
# kept): derived data has no delete route at all. Anything else with a delete route is kept for the record.
NOT_KEPT = {
    "core.department": "the organisation chart; a department still named by a record is PROTECTed",
    "counterfeit.brandprofile": "matching settings; cases keep what matched",
    "credit.calendarday": "an exception of the credit calendar, configuration",
    "credit.workinghours": "a branch's standard working hours, configuration",
    "credit.staffsubject": "an employee's subject-id mapping, replaced when it changes",
    "ledger.savedfilter": "a user's own saved filter, a preference",
}

# Delete pages that are plain functions (no model on the view): route name -> the model they delete.
FUNCTION_DELETE_ROUTES = {
    "credit:day-delete": "credit.calendarday",
    "credit:hours-delete": "credit.workinghours",
    "credit:staff-delete": "credit.staffsubject",
    "ledger:filter-delete": "ledger.savedfilter",
}

ROWS_PER_MODEL = 4


def delete_routes():
    """(kind, model, url template with {pk}) for every API DELETE route and delete page; function delete pages
    by their route name."""
    api, pages, functions = {}, {}, set()

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern, prefix + str(pattern.pattern), ns)
                continue
            route = prefix + str(pattern.pattern)
            callback = pattern.callback
            actions = getattr(callback, "actions", None)
            view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
            if actions and "delete" in actions:
                if "delete" in view_class.http_method_names and "(?P<format>" not in route:
                    url = "/" + route.replace("(?P<pk>[^/.]+)/$", "{pk}/").replace("^", "")
                    api[view_class.queryset.model] = url
            elif view_class is not None and issubclass(view_class, ObjectDeleteView):
                pages[view_class.model] = "/" + route.replace("<int:pk>", "{pk}")
            elif view_class is None and pattern.name and pattern.name.endswith("-delete"):
                functions.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), "", "")
    return api, pages, functions


API_ROUTES, PAGE_ROUTES, FUNCTION_ROUTES = delete_routes()


def test_the_walk_finds_the_delete_routes():
    assert len(API_ROUTES) >= 40 and len(PAGE_ROUTES) >= 5
    # a new delete page that is a plain function must say which model it deletes
    assert FUNCTION_ROUTES == set(FUNCTION_DELETE_ROUTES), FUNCTION_ROUTES ^ set(FUNCTION_DELETE_ROUTES)


def test_only_configuration_may_be_deleted_and_it_is_listed_with_its_reason():
    assert set(NOT_KEPT) <= set(retention.DELETABLE)
    for label in FUNCTION_DELETE_ROUTES.values():
        assert label in NOT_KEPT
    for model in [*API_ROUTES, *PAGE_ROUTES]:
        label = model._meta.label_lower
        assert label in NOT_KEPT or retention.kept_for_record(model), label


def _writer(obj, users):
    label = obj._meta.label_lower
    office_path = getattr(type(obj), "office_path", None)
    if office_path:
        office = obj
        for part in office_path.split("__"):
            office = getattr(office, part, None)
        candidates = [u for u in users if office is not None and u.regulator_office_id == office.pk]
    else:
        institution = changelog.institution_of(obj)
        candidates = [u for u in users if institution is not None and u.institution_id == institution]
    return next((u for u in candidates if can_write(u, label)), None)


@pytest.fixture
def demo(db):
    from appgov.ledger.demo import load_demo
    from appgov.users.models import User

    load_demo()
    _mistaken_entries()
    return list(User.objects.filter(is_active=True).order_by("pk"))


def _mistaken_entries():
    """Rows of kept models the demo has none of and a user may enter by mistake."""
    import datetime

    from appgov.compliance import services as compliance
    from appgov.core import services as core
    from appgov.core.models import Institution
    from appgov.ledger.models import MobileApp
    from appgov.scanning.models import SdkAssessment

    today = datetime.date.today()
    for institution in Institution.objects.order_by("pk"):
        app = MobileApp.objects.filter(institution=institution).order_by("pk").first()
        if app is None:
            continue
        compliance.add_evidence(
            institution, "NFRA-05.3", "app", app.pk, "误录的材料", today, link="https://x.cn/e"
        )
        core.save(
            SdkAssessment(
                institution=institution, sdk_id="com.example.sdk", assessed_on=today, conclusion="approved",
                reference="SDK-1",
            )
        )  # fmt: skip


def test_no_kept_record_disappears_whatever_deletes_it(demo, api, monkeypatch):
    # every row is treated as a mistaken entry: the history check lets it through to the void or the delete
    monkeypatch.setattr(retention, "history_count", lambda obj: 1)
    vanished = []

    def watch(sender, instance, **kwargs):
        if retention.kept_for_record(sender):
            vanished.append(f"{sender._meta.label_lower}:{instance.pk}")

    post_delete.connect(watch, weak=False, dispatch_uid="issue12-delete-walk")
    tried, voided, untried = set(), set(), []
    try:
        for routes, kind in ((PAGE_ROUTES, "page"), (API_ROUTES, "api")):
            for model, url in sorted(routes.items(), key=lambda item: item[0]._meta.label_lower):
                label = model._meta.label_lower
                if label in NOT_KEPT:
                    continue
                rows = list(model._base_manager.order_by("pk")[:ROWS_PER_MODEL])
                rows = [(row, _writer(row, demo)) for row in rows]
                rows = [(row, user) for row, user in rows if user is not None]
                if not rows:
                    untried.append(f"{kind}:{label}")
                    continue
                for row, user in rows:
                    if kind == "api":
                        response = api(user).delete(url.format(pk=row.pk) + "?reason=误录（遍历）")
                    else:
                        response = force_login_client(user).post(
                            url.format(pk=row.pk), {"reason": "误录（遍历）"}
                        )
                    assert response.status_code < 500, (label, response.status_code)
                    stored = model._base_manager.filter(pk=row.pk).first()
                    assert stored is not None, f"{label}:{row.pk} was deleted through {kind} {url}"
                    if voidable(model) and stored.voided_at is not None:
                        voided.add(label)
                    tried.add(label)
    finally:
        post_delete.disconnect(dispatch_uid="issue12-delete-walk")
    assert vanished == [], vanished
    # the walk reached the registers (not only the ledger), and the void path was taken somewhere
    assert len(tried) >= 30, sorted(tried)
    assert {
        "compliance.evidence",
        "scanning.sdkassessment",
        "operations.threshold",
        "risk.risktask",
    } <= voided
    assert untried == UNTRIED, untried


def force_login_client(user):
    from django.test import Client

    return force_login(Client(), user)


# route models the walk has no row of; each one's service refuses every delete (tests/scanning, tests/risk)
UNTRIED = [
    "page:privacy.policycorrection",  # its void page (issue 12 item 1); the demo has no correction either
    "api:privacy.policycorrection",  # made only by a person correcting an extraction (tests/privacy_engine)
    "api:risk.auditfinding",  # kept, never deleted (risk.services.common.KeptService)
    "api:scanning.appprivacyinventory",  # one per app, changed and never deleted (scanning/profiles.py)
    "api:scanning.scanprofile",  # one per institution, changed and never deleted (scanning/profiles.py)
]
