"""The browser fixtures (Playwright + Debian's chromium) for the two-factor browser test of this folder."""

from browser.conftest import browser, page  # noqa: F401
