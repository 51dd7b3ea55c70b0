from django.conf import settings
from rest_framework.pagination import LimitOffsetPagination


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """`?limit=` is capped (APPGOV_API_MAX_PAGE_SIZE): an unbounded limit reached the database as LIMIT 10**20,
    which SQLite refuses (a 500), and lets one request read a whole table. An offset past the end answers []."""

    @property
    def max_limit(self):
        return settings.APPGOV_API_MAX_PAGE_SIZE
