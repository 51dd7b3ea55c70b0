"""schemathesis over the OpenAPI schema: generated requests to every operation (reads and writes), as an
institution administrator with an API token, never get a 5xx.

Bounded: EXAMPLES_PER_OPERATION generated cases per operation, no shrinking. The operations run in one
test (the generated cases of all operations share the test's transaction) and every operation that
answered 5xx is reported together, with the request to reproduce it.
"""

import contextlib

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error

from appgov.wsgi import application

EXAMPLES_PER_OPERATION = 10
# the operations are split into shards (one test each) so that parallel test workers share the run
SHARDS = 6


def load_schema():
    """The schema the /api/schema/ view serves, generated directly: the view needs a signed-in user, and
    there is no database (for a token) at collection."""
    from drf_spectacular.generators import SchemaGenerator

    loaded = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
    loaded.app = application
    return loaded


schema = load_schema()


def test_schema_covers_every_api_area():
    labels = {result.ok().label for result in schema.get_all_operations()}
    for expected in [
        "GET /api/ledger/apps/",
        "POST /api/ledger/apps/",
        "PATCH /api/ledger/apps/{id}/",
        "DELETE /api/ledger/apps/{id}/",
        "POST /api/ledger/apps/{id}/transition/",
        "POST /api/ledger/versions/{id}/package/",
        "GET /api/ledger/apps/{id}/history/",
        "GET /api/institutions/",
        "GET /api/users/me/",
        "POST /api/counterfeit/brand-profiles/",
        "PATCH /api/counterfeit/brand-profiles/{id}/",
        "POST /api/counterfeit/app-protections/",
        "PATCH /api/counterfeit/app-protections/{id}/",
    ]:
        assert expected in labels
    assert len(labels) > 60


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_server_errors(world, api, shard):
    from rest_framework.authtoken.models import Token

    headers = {"Authorization": f"Token {Token.objects.get_or_create(user=world.a.admin)[0].key}"}
    failures, counts = [], {}
    with keep_test_connection_open():
        exercise_every_operation(headers, failures, counts, shard)
    assert not failures, "server errors:\n\n" + "\n\n".join(failures)
    assert all(n > 0 for n in counts.values()), [label for label, n in counts.items() if not n]


@contextlib.contextmanager
def keep_test_connection_open():
    """The WSGI handler closes database connections at the end of each request (Django's test client
    switches that off); here it would close the test's transaction on PostgreSQL, so switch it off too."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def exercise_every_operation(headers, failures, counts, shard):
    for n, result in enumerate(schema.get_all_operations()):
        operation = result.ok()  # a schema error raises here, naming the operation
        if n % SHARDS != shard:
            continue
        counts[operation.label] = 0

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def exercise(case):
            counts[case.operation.label] += 1
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        try:
            exercise()
        except Exception as exc:  # a 5xx (FailureGroup) or a crash while calling: report them all at the end
            failures.append(f"{operation.label}: {exc}"[:3000])
