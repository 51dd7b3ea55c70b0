"""The compliance checks of the operations module, one file per area (registered on import)."""

from . import checks_accounts, checks_compat, checks_experience  # noqa: F401
