"""The controls the operations module judges from its data; each area's checks live in its own file."""

from . import (  # noqa: F401
    checks_accounts,  # NFRA-09.2
    checks_experience,  # NFRA-06.2
    checks_metrics,  # NFRA-02.4, 06.1, 09.1
    checks_os_compatibility,  # NFRA-10.1, 10.3
)
