from django.conf import settings
from rest_framework.pagination import LimitOffsetPagination


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """limit/offset pages whose `limit` is capped (APPGOV_API_MAX_PAGE_SIZE), so one request cannot ask
    for a whole table."""

    @property
    def max_limit(self):
        return settings.APPGOV_API_MAX_PAGE_SIZE
