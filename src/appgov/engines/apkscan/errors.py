"""Errors raised while analysing a package.

`PackageError` means the package itself cannot be analysed (malformed, truncated, hostile, over a
limit): the CLI turns it into exit code 2 with one line on stderr. Anything else is a bug (exit 1).
"""


class PackageError(Exception):
    """The package cannot be analysed. `where` names the entry / byte range concerned."""

    def __init__(self, reason: str, where: str = ""):
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class UsageError(Exception):
    """Bad options or option files (allow-list, PI inventory, tracker list, YARA rules)."""
