"""Checks a server process makes before it serves anything."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_unsafe_start() -> None:
    """A web server must not run with the SECRET_KEY everyone can read in the source, except in a demo
    (APPGOV_DEMO=1, as `make run` sets), in debug mode, or under the test runner (pytest sets
    PYTEST_VERSION for its process and the servers its tests start)."""
    if settings.SECRET_KEY != settings.BUILTIN_SECRET_KEY:
        return
    if settings.DEBUG or settings.APPGOV_DEMO or "PYTEST_VERSION" in os.environ:
        return
    raise ImproperlyConfigured(
        "AppGov refuses to start with the built-in SECRET_KEY: set APPGOV_SECRET_KEY (or "
        "APPGOV_SECRET_KEY_FILE) to a long random value, or APPGOV_DEMO=1 for a demo installation"
    )
