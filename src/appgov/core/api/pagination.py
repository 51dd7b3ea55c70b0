from rest_framework.pagination import LimitOffsetPagination

MAX_PAGE_SIZE = 1000


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """`?limit=` is capped: an unbounded limit reached the database as LIMIT 10**20, which SQLite refuses
    (a 500), and lets one request read a whole table. An offset past the end already answers []."""

    max_limit = MAX_PAGE_SIZE
