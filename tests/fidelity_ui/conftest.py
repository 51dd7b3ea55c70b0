import pytest


@pytest.fixture
def rest():
    """rest(user) -> a DRF client authenticated as the user. Not the token client (`api`): token use is recorded
    in users.TokenActivity, which the change-log guard does not know yet (a gap in core/logged_models.py)."""
    from rest_framework.test import APIClient

    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make
