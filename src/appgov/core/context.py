"""Who is acting and under which request or job id, for the change log.

Set by the request middleware, by the job runner and by management commands; services read it
so that the change log holds the same facts whatever the entry point.
"""

import contextlib
import contextvars
import uuid

_actor = contextvars.ContextVar("appgov_actor", default=None)
_request_id = contextvars.ContextVar("appgov_request_id", default="")


def current_actor():
    return _actor.get()


def current_request_id() -> str:
    return _request_id.get()


@contextlib.contextmanager
def acting_as(actor=None, request_id: str | None = None, prefix: str = "req"):
    """Run a block as `actor` (a user, or None for the system) under a request or job id."""
    actor_token = _actor.set(actor)
    rid_token = _request_id.set(request_id or f"{prefix}-{uuid.uuid4().hex[:16]}")
    try:
        yield _request_id.get()
    finally:
        _actor.reset(actor_token)
        _request_id.reset(rid_token)
