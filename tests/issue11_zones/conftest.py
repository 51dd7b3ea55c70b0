import pytest


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read English messages: pages answer in English and services run with English active."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
