import pytest
from scan_helpers import build_apks


@pytest.fixture(scope="session")
def scan_apks(tmp_path_factory):
    return build_apks(tmp_path_factory)
