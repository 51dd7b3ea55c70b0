"""Each institution's time zone (an overseas branch or a Hong Kong subsidiary keeps its own clock): the zone
dates and times are shown in and "today" and deadlines are computed in, for the institution's users, its API
clients and the jobs that work on its records. Default Asia/Shanghai (settings.TIME_ZONE)."""

import contextlib
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_ZONE = "Asia/Shanghai"

# the zones a Chinese bank's or insurer's entities work in; an administrator picks one of these
ZONE_CHOICES = [
    ("Asia/Shanghai", _("China Standard Time (Beijing, UTC+8)")),
    ("Asia/Hong_Kong", _("Hong Kong (UTC+8)")),
    ("Asia/Macau", _("Macao (UTC+8)")),
    ("Asia/Singapore", _("Singapore (UTC+8)")),
    ("Asia/Tokyo", _("Tokyo (UTC+9)")),
    ("Asia/Dubai", _("Dubai (UTC+4)")),
    ("Europe/London", _("London (UTC+0/+1)")),
    ("Europe/Luxembourg", _("Luxembourg (UTC+1/+2)")),
    ("Europe/Berlin", _("Frankfurt (UTC+1/+2)")),
    ("America/New_York", _("New York (UTC−5/−4)")),
    ("Australia/Sydney", _("Sydney (UTC+10/+11)")),
    ("UTC", _("UTC")),
]


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone_of(institution) -> ZoneInfo:
    """The institution's zone; the default for none (an examiner, the system)."""
    name = getattr(institution, "time_zone", None) or DEFAULT_ZONE
    return _zone(name)


@contextlib.contextmanager
def institution_time(institution):
    """Run the block in the institution's time zone: timezone.localdate()/localtime() and templates follow."""
    with timezone.override(zone_of(institution)):
        yield


def activate_for(user) -> None:
    """Make the user's institution's zone the current one for this request (or the default)."""
    institution = getattr(user, "institution", None) if getattr(user, "is_authenticated", False) else None
    timezone.activate(zone_of(institution))
