"""Look-alike engine: counterfeit (仿冒) and repackaged listings of protected apps.

Public API (no Django)::

    from appgov.engines.lookalike import LookalikeIndex, load_config, read_protected, iter_listings

    index = LookalikeIndex(read_protected("protected.jsonl"), load_config())
    for alert in index.screen(iter_listings("listings.jsonl")):
        print(alert.to_dict())

``screen(protected, listings, config)`` does both steps at once. See docs/engines/lookalike.md.
"""

from .config import ConfigError, load_config
from .icons import IconIndex, fingerprint, phash_file, phash_image
from .index import IconError, LookalikeIndex, screen
from .inputs import (
    FieldError,
    InputError,
    iter_listings,
    listing_from_dict,
    protected_from_dict,
    read_protected,
)
from .models import Alert, Listing, ProtectedApp, Reason
from .sweep import SweepStats, sweep_file

__all__ = [
    "Alert",
    "ConfigError",
    "IconError",
    "FieldError",
    "IconIndex",
    "InputError",
    "Listing",
    "LookalikeIndex",
    "ProtectedApp",
    "Reason",
    "SweepStats",
    "fingerprint",
    "iter_listings",
    "listing_from_dict",
    "load_config",
    "phash_file",
    "phash_image",
    "protected_from_dict",
    "read_protected",
    "screen",
    "sweep_file",
]
