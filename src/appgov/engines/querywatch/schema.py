"""Input tables of the query-monitoring engine: columns, types and which ones may be null.

Timestamps are naive wall-clock times of the institution (e.g. Beijing time); see docs/engines/querywatch.md.
Column kinds:
  string     text, at most STRING_LIMIT characters (a longer value is refused naming the column and row)
  timestamp  date and time (Parquet: TIMESTAMP without time zone; CSV: ``YYYY-MM-DD HH:MM[:SS[.ffffff]]``,
             ``T`` separator allowed)
  date       calendar date (Parquet: DATE; CSV: ``YYYY-MM-DD``)
  bool       true/false (CSV also accepts 1/0, yes/no, 是/否)
  hhmm       time of day ``HH:MM`` (24:00 allowed as end of day); loaded as minutes since midnight
  cidr       IPv4 network ``a.b.c.d/nn``; loaded as first and last address as integers
"""

from __future__ import annotations

from dataclasses import dataclass

STRING_LIMIT = 1000  # characters of one text value (ids, names, purposes are far shorter)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    nullable: bool = False
    required: bool = True  # an optional column may be absent from the file; it is then all null


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    # small tables are read fully and checked row by row (duplicates, overlaps, formats)
    small: bool
    unique_key: tuple[str, ...] = ()
    description: str = ""

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _c(name: str, kind: str = "string", nullable: bool = False, required: bool = True) -> Column:
    return Column(name, kind, nullable, required)


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "query_events",
            (
                _c("event_id"),
                _c("ts", "timestamp"),
                _c("operator_id"),
                _c("branch_id"),
                _c("subject_id"),
                _c("reason_code"),
                _c("channel"),
                _c("client_app_id", nullable=True),
                _c("terminal_id", nullable=True),
                _c("ip", nullable=True),
                _c("authorization_id", nullable=True),
                _c("product", nullable=True),
            ),
            small=False,
            unique_key=("event_id",),
            description="one row per credit-report query",
        ),
        TableSpec(
            "operators",
            (
                _c("operator_id"),
                _c("person_id", nullable=True),
                _c("branch_id"),
                _c("role", nullable=True),
                _c("status"),
                _c("valid_from", "timestamp"),
                _c("valid_to", "timestamp", nullable=True),
                _c("password_changed_at", "timestamp", nullable=True),
            ),
            small=True,
            description="credit-system user accounts; one row per state, [valid_from, valid_to) must not overlap",
        ),
        TableSpec(
            "authorizations",
            (
                _c("authorization_id"),
                _c("subject_id"),
                _c("purpose"),
                _c("signed_at", "timestamp"),
                _c("valid_from", "timestamp"),
                _c("valid_to", "timestamp", nullable=True),
                _c("branch_id", nullable=True),
                # the archived request document of state-organ and internal queries (Q14)
                _c("requester", nullable=True, required=False),
                _c("document_no", nullable=True, required=False),
                _c("scope", nullable=True, required=False),
            ),
            small=False,
            unique_key=("authorization_id",),
            description="archived authorisations of the subjects (and state-organ / internal request documents)",
        ),
        TableSpec(
            "credit_relationships",
            (
                _c("subject_id"),
                _c("branch_id", nullable=True),
                _c("start", "timestamp"),
                _c("end", "timestamp", nullable=True),
            ),
            small=False,
            description="existing credit business (loans, cards, guarantees) with the subject",
        ),
        TableSpec(
            "loan_applications",
            (
                _c("subject_id"),
                _c("branch_id", nullable=True),
                _c("applied_at", "timestamp"),
                _c("product"),
            ),
            small=False,
            description="applications received (product: loan or credit_card, mapped in the rules file)",
        ),
        TableSpec(
            "approved_apps",
            (
                _c("client_app_id"),
                _c("approved_from", "timestamp"),
                _c("approved_to", "timestamp", nullable=True),
            ),
            small=True,
            description="client applications approved to connect to the credit system",
        ),
        TableSpec(
            "employees",
            (
                _c("subject_id"),
                _c("person_id"),
                _c("branch_id", nullable=True, required=False),
                _c("left_at", "timestamp", nullable=True, required=False),
                _c("moved_at", "timestamp", nullable=True, required=False),
            ),
            small=True,
            unique_key=("person_id",),
            description="staff register: the credit subject id of each staff member, and leaving / transfer dates",
        ),
        TableSpec(
            "kiosks",
            (
                _c("terminal_id"),
                _c("branch_id"),
                _c("network_segment", "cidr"),
                _c("open_from", "hhmm"),
                _c("open_to", "hhmm"),
            ),
            small=True,
            unique_key=("terminal_id",),
            description="registered self-service query kiosks",
        ),
        TableSpec(
            "calendar",
            (
                _c("date", "date"),
                _c("branch_id", nullable=True, required=False),
                _c("is_workday", "bool"),
                _c("work_start", "hhmm", nullable=True),
                _c("work_end", "hhmm", nullable=True),
                _c("name", nullable=True, required=False),
            ),
            small=True,
            unique_key=("date", "branch_id"),
            description="working days and hours per date (branch_id empty = every branch); absent dates use the rule default",
        ),
    )
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)
