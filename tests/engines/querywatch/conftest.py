"""A small hand-made institution: clean by default, each test adds the queries it needs."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from appgov.engines.querywatch import run_rules

DAY = dt.date(2024, 3, 12)  # a Tuesday
DEFAULT = object()


def at(hhmm: str, day: dt.date = DAY) -> dt.datetime:
    hours, minutes = hhmm.split(":")[:2]
    seconds = int(hhmm.split(":")[2]) if hhmm.count(":") == 2 else 0
    return dt.datetime(day.year, day.month, day.day, int(hours), int(minutes), seconds)


class World:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.events: list[dict] = []
        self.operators = [
            self._operator("OP1", "P1", "B1"),
            self._operator("OP2", "P2", "B1"),
            self._operator("OP3", "P3", "B2"),
            self._operator("OP4", "P4", "B3"),
            self._operator("OP5", "P5", "B4"),
            self._operator("KIOSK1", None, "B1", role="kiosk"),
        ]
        self.authorizations: list[dict] = []
        self.credit_relationships: list[dict] = []
        self.loan_applications: list[dict] = []
        self.approved_apps = [
            {"client_app_id": "APP-OK", "approved_from": dt.datetime(2023, 1, 1), "approved_to": None},
            {
                "client_app_id": "APP-OLD",
                "approved_from": dt.datetime(2022, 1, 1),
                "approved_to": dt.datetime(2023, 1, 1),
            },
        ]
        self.employees = [
            {
                "subject_id": f"S-{person}",
                "person_id": person,
                "branch_id": branch,
                "left_at": None,
                "moved_at": None,
            }
            for person, branch in (("P1", "B1"), ("P2", "B1"), ("P3", "B2"), ("P4", "B3"), ("P5", "B4"))
        ]
        self.kiosks = [
            {
                "terminal_id": "K1",
                "branch_id": "B1",
                "network_segment": "10.9.1.0/24",
                "open_from": "08:00",
                "open_to": "20:00",
            }
        ]
        self.calendar = [
            {
                "date": "2024-03-12",
                "branch_id": None,
                "is_workday": "true",
                "work_start": "08:30",
                "work_end": "17:30",
                "name": None,
            },
            {
                "date": "2024-03-12",
                "branch_id": "B4",
                "is_workday": "true",
                "work_start": "09:00",
                "work_end": "16:00",
                "name": None,
            },
            {
                "date": "2024-04-04",
                "branch_id": None,
                "is_workday": "false",
                "work_start": None,
                "work_end": None,
                "name": "清明节",
            },
        ]

    @staticmethod
    def _operator(
        operator_id,
        person_id,
        branch_id,
        role="clerk",
        status="active",
        valid_from=dt.datetime(2023, 1, 1),
        valid_to=None,
        password_changed_at=dt.datetime(2024, 2, 1),
    ):
        return {
            "operator_id": operator_id,
            "person_id": person_id,
            "branch_id": branch_id,
            "role": role,
            "status": status,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "password_changed_at": password_changed_at,
        }

    def add_operator(self, operator_id, person_id, branch_id, **kwargs) -> None:
        self.operators.append(self._operator(operator_id, person_id, branch_id, **kwargs))

    def query(
        self,
        time: str | dt.datetime,
        operator_id="OP1",
        subject_id=None,
        reason_code="异议查询",
        channel="counter",
        branch_id=None,
        terminal_id=None,
        ip=DEFAULT,
        client_app_id=None,
        authorization_id=None,
        product="personal",
    ) -> str:
        event_id = f"E{next(self._ids):04d}"
        operator = next((o for o in self.operators if o["operator_id"] == operator_id), None)
        branch = branch_id or (operator["branch_id"] if operator else "B1")
        self.events.append(
            {
                "event_id": event_id,
                "ts": time if isinstance(time, dt.datetime) else at(time),
                "operator_id": operator_id,
                "branch_id": branch,
                "subject_id": subject_id or f"SUBJ-{event_id}",
                "reason_code": reason_code,
                "channel": channel,
                "client_app_id": client_app_id,
                "terminal_id": terminal_id or f"T-{operator_id}",
                "ip": f"10.0.0.{sum(map(ord, operator_id)) % 200}" if ip is DEFAULT else ip,
                "authorization_id": authorization_id,
                "product": product,
            }
        )
        return event_id

    def add_auth(
        self,
        subject_id,
        purpose,
        signed_at=dt.datetime(2024, 3, 1),
        valid_from=dt.datetime(2024, 3, 1),
        valid_to=dt.datetime(2024, 6, 1),
        branch_id="B1",
    ) -> str:
        authorization_id = f"A{len(self.authorizations) + 1:03d}"
        self.authorizations.append(
            {
                "authorization_id": authorization_id,
                "subject_id": subject_id,
                "purpose": purpose,
                "signed_at": signed_at,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "branch_id": branch_id,
                **self._document(authorization_id),
            }
        )
        return authorization_id

    @staticmethod
    def _document(authorization_id: str) -> dict:
        """The archived request document (Q14): complete unless a test removes a field."""
        return {"requester": "经办人 张某", "document_no": f"DOC-{authorization_id}", "scope": "信用报告"}

    def add_employee(self, subject_id, person_id, branch_id, left_at=None, moved_at=None) -> None:
        self.employees.append(
            {
                "subject_id": subject_id,
                "person_id": person_id,
                "branch_id": branch_id,
                "left_at": left_at,
                "moved_at": moved_at,
            }
        )

    def authorized_query(self, time, purpose="担保资格审查", **kwargs) -> str:
        authorization_id = f"A{len(self.authorizations) + 1:03d}"
        subject = kwargs.pop("subject_id", None) or f"SUBJ-A-{authorization_id}"
        self.authorizations.append(
            {
                "authorization_id": authorization_id,
                "subject_id": subject,
                "purpose": purpose,
                "signed_at": dt.datetime(2024, 3, 1),
                "valid_from": dt.datetime(2024, 3, 1),
                "valid_to": dt.datetime(2024, 6, 1),
                "branch_id": "B1",
                **self._document(authorization_id),
            }
        )
        return self.query(
            time, subject_id=subject, reason_code=purpose, authorization_id=authorization_id, **kwargs
        )

    def tables(self) -> dict[str, pa.Table]:
        from appgov.engines.querywatch.coerce import canonical_arrow_type
        from appgov.engines.querywatch.schema import TABLES

        def table(name: str, rows: list[dict]) -> pa.Table:
            spec = TABLES[name]
            fields = [
                pa.field(
                    c.name,
                    pa.string()
                    if c.kind in ("hhmm", "cidr", "date", "bool")
                    else canonical_arrow_type(c.kind),
                )
                for c in spec.columns
            ]
            return pa.Table.from_pylist(rows, schema=pa.schema(fields))

        return {
            "query_events": table("query_events", self.events),
            "operators": table("operators", self.operators),
            "authorizations": table("authorizations", self.authorizations),
            "credit_relationships": table("credit_relationships", self.credit_relationships),
            "loan_applications": table("loan_applications", self.loan_applications),
            "approved_apps": table("approved_apps", self.approved_apps),
            "employees": table("employees", self.employees),
            "kiosks": table("kiosks", self.kiosks),
            "calendar": table("calendar", self.calendar),
        }

    def write(self, directory: Path, fmt: str = "csv") -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            if fmt == "csv":
                pacsv.write_csv(table, directory / f"{name}.csv")
            else:
                import pyarrow.parquet as pq

                pq.write_table(table, directory / f"{name}.parquet")
        return directory


def alert_keys(result, rule_id: str | None = None) -> set[tuple]:
    return {
        (row["rule_id"], row["reason"], tuple(row["event_ids"]))
        for row in result.alerts.to_pylist()
        if rule_id is None or row["rule_id"] == rule_id
    }


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture(scope="session")
def duckdb_backend():
    from appgov.engines.querywatch import make_backend

    return make_backend("duckdb", threads=2, memory_limit="1GB")


@pytest.fixture
def run(duckdb_backend):
    def _run(w: World, rules=None):
        return run_rules(w.tables(), rules, duckdb_backend)

    return _run


@pytest.fixture(scope="session")
def spark_backend():
    """One local Spark session for every Spark test of the folder."""
    pytest.importorskip("pyspark")
    import logging

    from appgov.engines.querywatch import local_spark_session, make_backend

    logging.getLogger("py4j").setLevel(logging.ERROR)
    # whole-stage code generation costs more than it saves on test-sized data
    session = local_spark_session(threads=2, extra_conf={"spark.sql.codegen.wholeStage": "false"})
    session.sparkContext.setLogLevel("ERROR")
    yield make_backend("spark", spark_session=session)
    session.stop()
