"""Cache for expensive list renderings, invalidated by any write.

Every write goes through the change log, whose head moves on each change; the key holds
the head's number and hash, the user's scope, the language and the full query string, so a cached list is never stale
and never crosses institutions. Set APPGOV_LIST_CACHE_SECONDS=0 to switch it off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .models import ChangeLogHead


def _key(request, name: str) -> str:
    # The head's hash as well as its number: a database rebuilt from scratch reaches the same numbers again.
    head = ChangeLogHead.objects.filter(pk=1).values_list("last_seq", "last_hash").first() or (0, "")
    head = f"{head[0]}.{head[1][:16]}"
    user = request.user
    scope = f"r{user.regulator_office_id}" if user.is_regulator else f"i{user.institution_id}"
    query = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return f"{name}:{scope}:{user.role}:{get_language()}:{head}:{query}"


def cached(request, name: str, compute):
    seconds = settings.APPGOV_LIST_CACHE_SECONDS
    if not seconds:
        return compute()
    key = _key(request, name)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
