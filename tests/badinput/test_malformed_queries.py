"""No 5xx for malformed query parameters on any route (issue 12 item 7).

Every URL pattern the resolver knows that answers GET (pages and API, lists and details, enumerated as
tests/test_scoping.py does) is requested by an administrator of institution A with query strings hypothesis
draws from hostile values: non-numeric ids, huge and negative numbers, Unicode digits ("²", "٣", "１２"),
empty values, control characters and repeated keys, under the parameter names the project's views and
filters read. Detail routes are filled with A's own objects where the world has them (so the view gets
past its 404), otherwise with B's.

Bounded: a few examples per route (derandomized, so a run is repeatable), a few hundred requests in all.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_scoping import GLOBAL_KWARGS, PATTERNS, ROUTES, STATIC_KWARGS, Objects, methods_of, to_url

from appgov.core.models import ChangeLogEntry

KEYS = [
    "institution", "app", "version", "department", "person", "branch", "account", "scan", "channel",
    "year", "month", "day", "date", "page", "limit", "offset", "ids", "id", "status", "state", "q",
    "ordering", "format", "kind", "control", "subject_type", "next",
]  # fmt: skip
HOSTILE = st.sampled_from(
    ["abc", "", "²", "٣", "１２", "-5", "0", "-0", "99999999999999999999999", str(2**63), "1e3", "NaN",
     "1.5", " 7 ", "\x00", "%", "null", "[]", "2026-13-45", "../../etc"]
)  # fmt: skip
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=6)
NUMBER = st.integers(-(2**70), 2**70).map(str)
QUERY = st.lists(st.tuples(st.sampled_from(KEYS), st.one_of(HOSTILE, TEXT, NUMBER)), min_size=1, max_size=5)

SKIP = {
    "logout",
    "set_language",
    "healthz",
}  # POST-only views answer GET with 405; /healthz answers 503 by design while no worker beats
GET_PATTERNS = [
    p
    for p in PATTERNS
    if p.name not in SKIP
    and "get" in methods_of(p.callback)
    and "format" not in p.kwargs  # the .json variants run the same view
]


def _a_objects(world) -> dict:
    """A's own objects for the routes whose ids the ledger and compliance fixtures can name."""
    from appgov.compliance import services as compliance
    from appgov.compliance.models import ControlResult, Finding

    a = world.a
    evaluation = compliance.evaluate_now(a.inst)
    control = ControlResult.objects.filter(institution=a.inst).first()
    evidence = compliance.add_evidence(
        a.inst, control.control_id, "app", a.app.pk, "ALPHA 合规证明", datetime.date(2026, 1, 1),
        file=ContentFile(b"%PDF-1.4 ALPHA compliance evidence", name="alpha-compliance.pdf"),
    )  # fmt: skip
    return {
        "app": a.app.pk, "version": a.version.pk, "listing": a.listing.pk, "channel": a.channel.pk,
        "account": a.account.pk, "vuln": a.vuln.pk, "evidence": a.evidence.pk,
        "department": a.depts["OFFICE"].pk, "person": a.people["P001"].pk, "user": a.admin.pk,
        "institution": a.inst.pk, "office": a.office.pk,
        "changelog": ChangeLogEntry.objects.filter(institution=a.inst).order_by("-seq").first().seq,
        "evaluation": evaluation.pk, "cresult": control.pk, "cevidence": evidence.pk,
        "finding": Finding.objects.filter(institution=a.inst).first().pk,
    }  # fmt: skip


@pytest.fixture
def urls(world):
    own = _a_objects(world)
    others = Objects(world)
    found = {}
    for pattern in GET_PATTERNS:
        route = ROUTES[pattern.name]
        values = {}
        for name in pattern.kwargs:
            if name in STATIC_KWARGS:
                values[name] = STATIC_KWARGS[name]
            elif name in GLOBAL_KWARGS:
                values[name] = others[GLOBAL_KWARGS[name]]
            else:
                values[name] = own.get(route.obj) or others[route.obj]
        found[pattern.id] = to_url(pattern, values)
    return found


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the failing URL is in the message
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_no_5xx_for_malformed_query_parameters(data, urls, world, login):
    """Each example sends one drawn query string to every GET route (the objects are made once per test)."""
    client = login(world.a.admin)
    for pattern_id, url in urls.items():
        query = urlencode(data.draw(QUERY, label=pattern_id))
        assert status_of(client, f"{url}?{query}") < 500, f"{url}?{query}"


def status_of(client, url) -> int:
    """The status of a GET; an exception the view lets escape (the test client re-raises it) counts as 500."""
    try:
        return client.get(url).status_code
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{url} -> {type(exc).__name__}: {exc}") from exc


REPEATED = [
    ("app", "1"),
    ("app", "abc"),
    ("institution", "²"),
    ("page", "99999999999999999999"),
    ("year", ""),
]


def test_no_5xx_for_repeated_and_huge_parameters(urls, world, login):
    client = login(world.a.admin)
    for url in urls.values():
        assert status_of(client, f"{url}?{urlencode(REPEATED)}") < 500, url
