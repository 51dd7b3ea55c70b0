"""The controls the operations module judges from its data; each area's checks live in its own file."""

from . import (  # noqa: F401  NFRA-06.2, 09.2, 10.1, 10.3
    checks_accounts,
    checks_compat,
    checks_experience,
    checks_metrics,  # noqa: F401  NFRA-02.4, 06.1, 09.1
)
