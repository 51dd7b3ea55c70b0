"""Errors the engine reports to its caller (the CLI turns them into exit code 2)."""

from __future__ import annotations


class QueryWatchError(Exception):
    """Base class of the engine's own errors."""


class InputError(QueryWatchError):
    """An input table is missing, malformed or inconsistent.

    ``source`` is the file (or table name for in-memory inputs), ``column`` the offending column
    (or None), ``row`` a human label such as ``"line 17"`` (or None), ``problem`` what is wrong.
    """

    def __init__(self, source: str, problem: str, column: str | None = None, row: str | None = None):
        self.source = source
        self.column = column
        self.row = row
        self.problem = problem
        where = [source]
        if column is not None:
            where.append(f"column '{column}'")
        if row is not None:
            where.append(row)
        super().__init__(f"{', '.join(where)}: {problem}")


class RulesConfigError(QueryWatchError):
    """The rules file is unreadable or does not match the rules schema."""
