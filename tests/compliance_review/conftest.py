import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def chinese():
    """Services answer in the active language; these tests read the zh-Hans messages users see (an earlier
    test in the same process may have left another language active)."""
    with translation.override("zh-hans"):
        yield
