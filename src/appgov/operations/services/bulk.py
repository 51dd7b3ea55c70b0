"""Many new rows the nightly run computes (breaches, candidates): one insert and one append to the change log for
all of them, instead of a locked chain append per row (300 candidates on a first night)."""

from django.db import transaction

from appgov.core import changelog
from appgov.core.models import ChangeLogEntry


def create_logged(objects: list) -> list:
    if not objects:
        return []
    with transaction.atomic():
        created = type(objects[0]).objects.bulk_create(objects)
        changelog.record_many(
            [(obj, ChangeLogEntry.Action.CREATE, None, changelog.snapshot(obj)) for obj in created]
        )
    return created
