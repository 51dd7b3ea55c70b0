"""The controls the operations module judges from its data; each part's checks live in its own file."""

from . import checks_metrics  # noqa: F401  registers NFRA-02.4, 06.1, 09.1
