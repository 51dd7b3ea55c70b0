"""Synthetic credit-query logs for the querywatch engine, with injected violations and a ground truth.

The day is 2024-04-07, a Sunday that was a working day in 2024 (清明 调休), so a rule that ignored the
calendar would flag everything. Normal traffic is vectorised (numpy + pyarrow) and clean by construction:
every query that needs an authorisation, a credit relationship or an application has one; operators work
within their branch's hours (lunch 12:00-13:00 off), from their own terminal (a few change terminal over
lunch), at 3-10 queries an hour; subjects are drawn from 9e9 pseudonyms, staff from a reserved range.
Injected violations are built by hand-written scenarios and listed in ground_truth.json with the rules
each one must trigger.

    python bench/querywatch/generate.py --events 200000 --out bench/data/querywatch-200k
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

DAY = dt.date(2024, 4, 7)
HOLIDAY = dt.date(2024, 4, 5)  # 清明节
US_PER_MIN = 60_000_000

REASONS = [
    "贷款审批",
    "信用卡审批",
    "贷后管理",
    "担保资格审查",
    "本人查询",
    "特约商户实名审查",
    "异议查询",
    "司法查询",
    "行政机关查询",
]
REASON_P = [0.25, 0.20, 0.30, 0.10, 0.05, 0.04, 0.03, 0.02, 0.01]
NEEDS_AUTH = {
    "贷款审批",
    "信用卡审批",
    "担保资格审查",
    "特约商户实名审查",
    "司法查询",
    "行政机关查询",
    "内部员工查询",
}
CHANNELS = ["counter", "web", "api", "app"]
CHANNEL_P = [0.5, 0.3, 0.1, 0.1]
APPS = ["APP-MOBILE-BANK", "APP-LOAN-ASSIST", "API-CREDIT-GATEWAY"]
HOLIDAYS_2024 = {
    "元旦": ["2024-01-01"],
    "春节": [f"2024-02-{d:02d}" for d in range(10, 18)],
    "清明节": ["2024-04-04", "2024-04-05", "2024-04-06"],
    "劳动节": [f"2024-05-{d:02d}" for d in range(1, 6)],
    "端午节": ["2024-06-10"],
    "中秋节": ["2024-09-15", "2024-09-16", "2024-09-17"],
    "国庆节": [f"2024-10-{d:02d}" for d in range(1, 8)],
}
ADJUSTED_WORKDAYS_2024 = [
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
]


def _us(value: dt.datetime) -> int:
    return int((value - dt.datetime(1970, 1, 1)).total_seconds() * 1_000_000)


def _ts_array(us: np.ndarray) -> pa.Array:
    return pa.array(us.astype("int64"), pa.int64()).cast(pa.timestamp("us"))


def _ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    text = pc.utf8_lpad(pa.array(numbers.astype("int64")).cast(pa.string()), width, "0")
    return pc.binary_join_element_wise(pa.scalar(prefix), text, "")


class Generator:
    def __init__(self, n_events: int, seed: int, injections_per_variant: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.n_events = n_events
        self.k = injections_per_variant
        self.n_operators = max(60, n_events // 64)
        self.n_branches = max(12, self.n_operators // 12)
        self.n_kiosks = max(4, self.n_branches // 3)
        self.day0 = _us(dt.datetime(DAY.year, DAY.month, DAY.day))
        self.extra: dict[str, list[dict]] = {name: [] for name in TABLE_ORDER}
        self.truth: list[dict] = []
        self._serial = 0
        self._operator_ips: dict[str, str] = {}

    # ---------------------------------------------------------------- reference tables
    def reference(self) -> None:
        rng = self.rng
        n_ops, n_br = self.n_operators, self.n_branches
        self.branch_ids = _ids("B", np.arange(n_br), 5)
        # 6% of branches keep their own hours (09:00-17:00) on the day; others follow the calendar default
        self.branch_start = np.full(n_br, 8 * 60 + 30)
        self.branch_end = np.full(n_br, 17 * 60 + 30)
        special = rng.random(n_br) < 0.06
        self.branch_start[special], self.branch_end[special] = 9 * 60, 17 * 60
        self.special_branches = np.flatnonzero(special)
        self.op_branch = rng.integers(0, n_br, n_ops)
        self.op_rate = rng.uniform(3.0, 10.0, n_ops)
        self.op_switches = rng.random(n_ops) < 0.05  # changes terminal at lunch (legitimate)
        self.op_ids = _ids("OP", np.arange(n_ops), 7)
        self.kiosk_branch = rng.integers(0, n_br, self.n_kiosks)
        self.kiosk_open = np.where(rng.random(self.n_kiosks) < 0.5, 8 * 60, 7 * 60 + 30)
        self.kiosk_close = np.where(rng.random(self.n_kiosks) < 0.5, 20 * 60, 21 * 60)

    def operators_table(self) -> pa.Table:
        n_ops, n_k = self.n_operators, self.n_kiosks
        pw_age_days = self.rng.integers(1, 80, n_ops + n_k)
        ids = pa.concat_arrays([self.op_ids, _ids("KIOSKOP", np.arange(n_k), 5)])
        persons = pa.concat_arrays([_ids("P", np.arange(n_ops), 7), pa.nulls(n_k, pa.string())])
        branches = pa.concat_arrays(
            [self.branch_ids.take(self.op_branch), self.branch_ids.take(self.kiosk_branch)]
        )
        roles = pa.array(["clerk"] * n_ops + ["kiosk"] * n_k)
        valid_from = np.full(n_ops + n_k, _us(dt.datetime(2021, 1, 1)))
        pw = self.day0 - pw_age_days * 86_400_000_000
        return pa.table(
            {
                "operator_id": ids,
                "person_id": persons,
                "branch_id": branches,
                "role": roles,
                "status": pa.array(["active"] * (n_ops + n_k)),
                "valid_from": _ts_array(valid_from),
                "valid_to": pa.nulls(n_ops + n_k, pa.timestamp("us")),
                "password_changed_at": _ts_array(pw),
            }
        )

    def employees_table(self) -> pa.Table:
        n_ops = self.n_operators
        return pa.table(
            {
                "subject_id": _ids("S9", np.arange(n_ops), 9),
                "person_id": _ids("P", np.arange(n_ops), 7),
                "branch_id": self.branch_ids.take(self.op_branch),
                "left_at": pa.nulls(n_ops, pa.timestamp("us")),
                "moved_at": pa.nulls(n_ops, pa.timestamp("us")),
            }
        )

    def kiosks_table(self) -> pa.Table:
        n = self.n_kiosks
        idx = np.arange(n)
        segments = [f"10.{200 + i // 250}.{i % 250}.0/24" for i in range(n)]
        hhmm = lambda minutes: [f"{m // 60:02d}:{m % 60:02d}" for m in minutes]  # noqa: E731
        return pa.table(
            {
                "terminal_id": _ids("KIOSK", idx, 5),
                "branch_id": self.branch_ids.take(self.kiosk_branch),
                "network_segment": pa.array(segments),
                "open_from": pa.array(hhmm(self.kiosk_open)),
                "open_to": pa.array(hhmm(self.kiosk_close)),
            }
        )

    def calendar_table(self) -> pa.Table:
        rows = []
        holiday_of = {day: name for name, days in HOLIDAYS_2024.items() for day in days}
        day = dt.date(2024, 1, 1)
        while day.year == 2024:
            key = day.isoformat()
            workday = key in ADJUSTED_WORKDAYS_2024 or (day.isoweekday() <= 5 and key not in holiday_of)
            name = holiday_of.get(key) or ("调休上班" if key in ADJUSTED_WORKDAYS_2024 else None)
            rows.append(
                (key, None, workday, "08:30" if workday else None, "17:30" if workday else None, name)
            )
            day += dt.timedelta(days=1)
        for branch in self.special_branches:
            rows.append(
                (
                    DAY.isoformat(),
                    self.branch_ids[int(branch)].as_py(),
                    True,
                    "09:00",
                    "17:00",
                    "网点营业时间",
                )
            )
        columns = list(zip(*rows, strict=True))
        return pa.table(
            {
                "date": pa.array(columns[0]),
                "branch_id": pa.array(columns[1], pa.string()),
                "is_workday": pa.array(columns[2]),
                "work_start": pa.array(columns[3], pa.string()),
                "work_end": pa.array(columns[4], pa.string()),
                "name": pa.array(columns[5], pa.string()),
            }
        )

    # ---------------------------------------------------------------- normal traffic (vectorised)
    def normal_events(self) -> dict[str, pa.Table]:
        rng = self.rng
        n_kiosk_events = int(self.n_events * 0.03)
        n = self.n_events - n_kiosk_events
        op = rng.choice(self.n_operators, size=n, p=self.op_rate / self.op_rate.sum())
        branch = self.op_branch[op]
        start = self.branch_start[branch] + 5
        end = self.branch_end[branch] - 5
        span_us = ((end - start) - 60) * US_PER_MIN  # lunch 12:00-13:00 excluded
        offset = (rng.random(n) * span_us).astype("int64")
        minute = start + offset // US_PER_MIN
        offset = offset + np.where(minute >= 12 * 60, 60 * US_PER_MIN, 0)
        ts = self.day0 + start.astype("int64") * US_PER_MIN + offset
        ts = ts - ts % 1_000_000  # whole seconds, as in real logs
        afternoon = ts >= self.day0 + 12 * 60 * US_PER_MIN
        switched = self.op_switches[op] & afternoon
        reason_idx = rng.choice(len(REASONS), size=n, p=REASON_P)
        channel_idx = rng.choice(len(CHANNELS), size=n, p=CHANNEL_P)
        channel = np.array(CHANNELS)[channel_idx]
        app_idx = rng.integers(0, len(APPS), n)
        op_ip_a = [f"10.{(i // 250) % 200}.{i % 250}.{10 + (i // 50000)}" for i in range(self.n_operators)]
        ip_a = pa.array(op_ip_a).take(pa.array(op))
        ip_b = pc.binary_join_element_wise(ip_a, pa.scalar("1"), "")  # a second address for switchers
        terminal_a = _ids("T", op, 7)
        terminal_b = pc.binary_join_element_wise(terminal_a, pa.scalar("-B"), "")
        switched_pa = pa.array(switched)
        counter = {
            "operator_id": self.op_ids.take(pa.array(op)),
            "branch_id": self.branch_ids.take(pa.array(branch)),
            "ts": ts,
            "reason_code": np.array(REASONS)[reason_idx],
            "channel": channel,
            "client_app_id": pa.array(
                np.where(np.isin(channel, ["app", "api"]), np.array(APPS)[app_idx], None)
            ),
            "terminal_id": pc.if_else(switched_pa, terminal_b, terminal_a),
            "ip": pc.if_else(switched_pa, ip_b, ip_a),
        }
        # kiosks: self queries by the kiosk account within the kiosk's hours, from its segment
        kiosk = rng.integers(0, self.n_kiosks, n_kiosk_events)
        k_open, k_close = self.kiosk_open[kiosk] + 2, self.kiosk_close[kiosk] - 2
        k_ts = (
            self.day0
            + k_open * US_PER_MIN
            + (rng.random(n_kiosk_events) * (k_close - k_open) * US_PER_MIN).astype("int64")
        )
        k_ts = k_ts - k_ts % 1_000_000
        kiosk_ips = pa.array(
            [f"10.{200 + k // 250}.{k % 250}.10" for k in range(self.n_kiosks)]
        )  # one address each
        k_ip = kiosk_ips.take(pa.array(kiosk))
        kiosk_rows = {
            "operator_id": _ids("KIOSKOP", kiosk, 5),
            "branch_id": self.branch_ids.take(pa.array(self.kiosk_branch[kiosk])),
            "ts": k_ts,
            "reason_code": np.full(n_kiosk_events, "本人查询"),
            "channel": np.full(n_kiosk_events, "kiosk"),
            "client_app_id": pa.nulls(n_kiosk_events, pa.string()),
            "terminal_id": _ids("KIOSK", kiosk, 5),
            "ip": k_ip,
        }
        all_ts = np.concatenate([counter["ts"], kiosk_rows["ts"]])
        reasons = np.concatenate([counter["reason_code"], kiosk_rows["reason_code"]])
        total = len(all_ts)
        subjects_num = rng.integers(0, 9_000_000_000, total)
        subjects = _ids("S", subjects_num, 10)
        events = pa.table(
            {
                "event_id": _ids("E", np.arange(total), 9),
                "ts": _ts_array(all_ts),
                "operator_id": pa.concat_arrays([counter["operator_id"], kiosk_rows["operator_id"]]),
                "branch_id": pa.concat_arrays([counter["branch_id"], kiosk_rows["branch_id"]]),
                "subject_id": subjects,
                "reason_code": pa.array(reasons),
                "channel": pa.array(np.concatenate([counter["channel"], kiosk_rows["channel"]])),
                "client_app_id": pa.concat_arrays(
                    [counter["client_app_id"].cast(pa.string()), kiosk_rows["client_app_id"]]
                ),
                "terminal_id": pa.concat_arrays([counter["terminal_id"], kiosk_rows["terminal_id"]]),
                "ip": pa.concat_arrays([counter["ip"], kiosk_rows["ip"]]),
                "authorization_id": pa.nulls(total, pa.string()),
                "product": pa.array(np.where(rng.random(total) < 0.85, "personal", "corporate")),
            }
        )
        needs_auth = np.isin(reasons, list(NEEDS_AUTH))
        auth_rows = np.flatnonzero(needs_auth)
        auth_ids = _ids("A", np.arange(len(auth_rows)), 9)
        # authorisation ids placed at the rows that need one
        positions = np.full(total, -1)
        positions[auth_rows] = np.arange(len(auth_rows))
        auth_for_event = pc.if_else(
            pa.array(positions >= 0),
            auth_ids.take(pa.array(np.maximum(positions, 0))),
            pa.nulls(total, pa.string()),
        )
        events = events.set_column(
            events.schema.get_field_index("authorization_id"), "authorization_id", auth_for_event
        )
        signed = all_ts[auth_rows] - rng.integers(1, 20 * 86_400, len(auth_rows)) * 1_000_000
        authorizations = pa.table(
            {
                "authorization_id": auth_ids,
                "subject_id": subjects.take(pa.array(auth_rows)),
                "purpose": pa.array(reasons[auth_rows]),
                "signed_at": _ts_array(signed),
                "valid_from": _ts_array(signed),
                "valid_to": _ts_array(signed + 90 * 86_400_000_000),
                "branch_id": events["branch_id"].take(pa.array(auth_rows)),
                # the archived request document (checked for state-organ and internal queries, Q14)
                "requester": pa.repeat(pa.scalar("经办人"), len(auth_rows)),
                "document_no": pc.binary_join_element_wise("DOC-", auth_ids, ""),
                "scope": pa.repeat(pa.scalar("信用报告"), len(auth_rows)),
            }
        )
        post_loan = np.flatnonzero(reasons == "贷后管理")
        rel_start = all_ts[post_loan] - rng.integers(30, 1500, len(post_loan)) * 86_400_000_000
        rel_end_open = rng.random(len(post_loan)) < 0.7
        rel_end = all_ts[post_loan] + rng.integers(1, 900, len(post_loan)) * 86_400_000_000
        relationships = pa.table(
            {
                "subject_id": subjects.take(pa.array(post_loan)),
                "branch_id": events["branch_id"].take(pa.array(post_loan)),
                "start": _ts_array(rel_start),
                "end": pc.if_else(
                    pa.array(rel_end_open), pa.nulls(len(post_loan), pa.timestamp("us")), _ts_array(rel_end)
                ),
            }
        )
        approvals = np.flatnonzero(np.isin(reasons, ["贷款审批", "信用卡审批"]))
        applied = all_ts[approvals] - rng.integers(0, 20 * 86_400, len(approvals)) * 1_000_000
        applications = pa.table(
            {
                "subject_id": subjects.take(pa.array(approvals)),
                "branch_id": events["branch_id"].take(pa.array(approvals)),
                "applied_at": _ts_array(applied),
                "product": pa.array(np.where(reasons[approvals] == "贷款审批", "loan", "credit_card")),
            }
        )
        return {
            "query_events": events,
            "authorizations": authorizations,
            "credit_relationships": relationships,
            "loan_applications": applications,
        }

    # ---------------------------------------------------------------- injected scenarios
    def _next(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix}{self._serial:06d}"

    def _at(self, hhmm: str, day: dt.date = DAY) -> dt.datetime:
        hours, minutes = map(int, hhmm.split(":"))
        return dt.datetime(day.year, day.month, day.day, hours, minutes)

    def new_operator(
        self, branch: int, *, status="active", valid_to=None, password_days=10, person=True, **employee
    ) -> str:
        operator_id = self._next("XOP")
        person_id = self._next("XP") if person else None
        self.extra["operators"].append(
            {
                "operator_id": operator_id,
                "person_id": person_id,
                "branch_id": self.branch_ids[branch].as_py(),
                "role": "clerk",
                "status": status,
                "valid_from": dt.datetime(2022, 1, 1),
                "valid_to": valid_to,
                "password_changed_at": None
                if password_days is None
                else dt.datetime(2024, 4, 7) - dt.timedelta(days=password_days),
            }
        )
        if person_id:
            self.extra["employees"].append(
                {
                    "subject_id": self._next("S8"),
                    "person_id": person_id,
                    "branch_id": employee.get("branch_id", self.branch_ids[branch].as_py()),
                    "left_at": employee.get("left_at"),
                    "moved_at": employee.get("moved_at"),
                }
            )
        return operator_id

    def event(
        self,
        operator_id: str,
        branch: int,
        when: dt.datetime,
        *,
        reason="贷后管理",
        channel="counter",
        subject=None,
        terminal=None,
        ip=None,
        app=None,
        auth="valid",
        application="valid",
        relation="valid",
    ) -> str:
        """One query plus the supporting records its reason needs (unless told to break one of them)."""
        event_id = self._next("X")
        subject = subject or self._next("S7")
        branch_id = self.branch_ids[branch].as_py()
        authorization_id = None
        if reason in NEEDS_AUTH and auth is not None:
            authorization_id = self._next("XA")
            valid_to = when + dt.timedelta(days=60)
            purpose, auth_subject = reason, subject
            if auth == "expired":
                valid_to = when - dt.timedelta(days=3)
            elif auth == "other_subject":
                auth_subject = self._next("S7")
            elif auth == "purpose":
                purpose = "信用卡审批" if reason != "信用卡审批" else "贷款审批"
            if auth != "unknown":
                self.extra["authorizations"].append(
                    {
                        "authorization_id": authorization_id,
                        "subject_id": auth_subject,
                        "purpose": purpose,
                        "signed_at": when - dt.timedelta(days=30 if auth == "expired" else 2),
                        "valid_from": when - dt.timedelta(days=30 if auth == "expired" else 2),
                        "valid_to": valid_to,
                        "branch_id": branch_id,
                        "requester": "经办人",
                        "document_no": None if auth == "no_document" else f"DOC-{authorization_id}",
                        "scope": "信用报告",
                    }
                )
        if reason == "贷后管理" and relation is not None:
            ended = relation == "ended"
            self.extra["credit_relationships"].append(
                {
                    "subject_id": subject,
                    "branch_id": branch_id,
                    "start": when - dt.timedelta(days=700),
                    "end": when - dt.timedelta(days=200) if ended else None,
                }
            )
        if reason in ("贷款审批", "信用卡审批") and application is not None:
            days = 70 if application == "old" else 3
            self.extra["loan_applications"].append(
                {
                    "subject_id": subject,
                    "branch_id": branch_id,
                    "applied_at": when - dt.timedelta(days=days),
                    "product": "loan" if reason == "贷款审批" else "credit_card",
                }
            )
        self.extra["query_events"].append(
            {
                "event_id": event_id,
                "ts": when,
                "operator_id": operator_id,
                "branch_id": branch_id,
                "subject_id": subject,
                "reason_code": reason,
                "channel": channel,
                "client_app_id": app,
                "terminal_id": terminal or f"T-{operator_id}",
                "ip": ip or self._operator_ip(operator_id),
                "authorization_id": authorization_id,
                "product": "personal",
            }
        )
        return event_id

    def _operator_ip(self, operator_id: str) -> str:
        if operator_id not in self._operator_ips:
            number = len(self._operator_ips)
            self._operator_ips[operator_id] = f"172.16.{number // 250 % 250}.{number % 250 + 1}"
        return self._operator_ips[operator_id]

    def truth_entry(self, rule: str, variant: str, event_ids: list[str], also: tuple[str, ...] = ()) -> None:
        self.truth.append(
            {
                "id": f"inj-{len(self.truth) + 1:05d}",
                "rule": rule,
                "variant": variant,
                "expected_rules": sorted({rule, *also}),
                "event_ids": sorted(event_ids),
            }
        )

    def _branch(self) -> int:
        # branches with the default calendar hours keep the scenario times simple
        while True:
            branch = int(self.rng.integers(0, self.n_branches))
            if branch not in set(self.special_branches.tolist()):
                return branch

    def _clock(self, low="09:00", high="16:30") -> dt.datetime:
        lo = int(low[:2]) * 60 + int(low[3:])
        hi = int(high[:2]) * 60 + int(high[3:])
        minute = int(self.rng.integers(lo, hi))
        if 12 * 60 <= minute < 13 * 60:
            minute += 60
        return self._at(f"{minute // 60:02d}:{minute % 60:02d}")

    def inject(self) -> None:
        for _ in range(self.k):
            self._inject_round()

    def _inject_round(self) -> None:
        b = self._branch
        # Q01: five ways an authorisation can fail
        for variant, reason, auth in (
            ("missing", "担保资格审查", None),
            ("unknown", "特约商户实名审查", "unknown"),
            ("other_subject", "担保资格审查", "other_subject"),
            ("expired", "司法查询", "expired"),
            ("purpose", "担保资格审查", "purpose"),
        ):
            branch = b()
            op = self.new_operator(branch)
            self.truth_entry(
                "Q01", variant, [self.event(op, branch, self._clock(), reason=reason, auth=auth)]
            )
        # Q02: no relationship at all; relationship ended long ago
        for variant, relation in (("none", None), ("ended", "ended")):
            branch = b()
            op = self.new_operator(branch)
            self.truth_entry(
                "Q02", variant, [self.event(op, branch, self._clock(), reason="贷后管理", relation=relation)]
            )
        # Q03: approval without application; application too old
        for variant, reason, application in (("none", "贷款审批", None), ("old", "信用卡审批", "old")):
            branch = b()
            op = self.new_operator(branch)
            self.truth_entry(
                "Q03",
                variant,
                [self.event(op, branch, self._clock(), reason=reason, application=application)],
            )
        # Q04: unapproved app, retired app, app channel without app id, unknown channel
        for variant, channel, app in (
            ("rogue_app", "app", "APP-UNAPPROVED"),
            ("retired_app", "app", "APP-RETIRED"),
            ("no_app_id", "api", None),
            ("bad_channel", "wechat", None),
        ):
            branch = b()
            op = self.new_operator(branch)
            self.truth_entry(
                "Q04", variant, [self.event(op, branch, self._clock(), channel=channel, app=app)]
            )
        # Q05: unknown, disabled, expired account, holder left, holder moved
        branch = b()
        self.truth_entry("Q05", "unknown", [self.event(self._next("GHOST"), branch, self._clock())])
        branch = b()
        self.truth_entry(
            "Q05",
            "disabled",
            [self.event(self.new_operator(branch, status="disabled"), branch, self._clock())],
        )
        branch = b()
        op = self.new_operator(branch, valid_to=dt.datetime(2024, 3, 1))
        self.truth_entry("Q05", "expired", [self.event(op, branch, self._clock())])
        branch = b()
        op = self.new_operator(branch, left_at=dt.datetime(2024, 3, 15))
        self.truth_entry("Q05", "left", [self.event(op, branch, self._clock())])
        branch = b()
        other = self.branch_ids[(branch + 1) % self.n_branches].as_py()
        op = self.new_operator(branch, moved_at=dt.datetime(2024, 3, 20), branch_id=other)
        self.truth_entry("Q05", "moved", [self.event(op, branch, self._clock())])
        # Q06: one account at two terminals minutes apart
        branch = b()
        op = self.new_operator(branch)
        start = self._clock("09:00", "11:00")
        ids = [
            self.event(op, branch, start, terminal="T-A-" + op, ip="10.250.1.1"),
            self.event(op, branch, start + dt.timedelta(minutes=3), terminal="T-B-" + op, ip="10.250.1.2"),
            self.event(op, branch, start + dt.timedelta(minutes=5), terminal="T-A-" + op, ip="10.250.1.1"),
        ]
        self.truth_entry("Q06", "two_terminals", ids)
        # Q07: before hours, after hours, on a public holiday
        for variant, when in (
            ("before_hours", self._at("07:40")),
            ("after_hours", self._at("21:15")),
            ("holiday", dt.datetime(HOLIDAY.year, HOLIDAY.month, HOLIDAY.day, 10, 30)),
        ):
            branch = b()
            op = self.new_operator(branch)
            self.truth_entry("Q07", variant, [self.event(op, branch, when)])
        # Q08: burst over the account's own baseline; burst over the absolute cap
        for variant, burst, minutes in (("baseline", 45, 40), ("cap", 90, 58)):
            branch = b()
            op = self.new_operator(branch)
            for hour in (9, 10, 11, 13, 15, 16):  # background: 6 an hour -> median 6
                for minute in range(2, 60, 10):
                    self.event(op, branch, self._at(f"{hour:02d}:{minute:02d}"))
            begin = self._at("14:00")
            ids = [
                self.event(op, branch, begin + dt.timedelta(seconds=int(i * minutes * 60 / burst)))
                for i in range(burst)
            ]
            self.truth_entry("Q08", variant, ids)
        # Q09: one subject by three branches within the hour; by four operators of one branch
        subject = self._next("S6")
        start = self._clock("09:00", "15:00")
        ids = []
        branches: list[int] = []
        while len(branches) < 3:
            if (candidate := b()) not in branches:
                branches.append(candidate)
        for i, branch in enumerate(branches):
            ids.append(
                self.event(
                    self.new_operator(branch), branch, start + dt.timedelta(minutes=20 * i), subject=subject
                )
            )
        self.truth_entry("Q09", "three_branches", ids)
        subject = self._next("S6")
        branch = b()
        ids = [
            self.event(
                self.new_operator(branch), branch, start + dt.timedelta(minutes=8 * i), subject=subject
            )
            for i in range(4)
        ]
        self.truth_entry("Q09", "four_operators", ids)
        # Q10: a colleague's record; the operator's own record
        branch = b()
        op = self.new_operator(branch)
        colleague = self.new_operator(branch)
        colleague_subject = self.extra["employees"][-1]["subject_id"]
        del colleague
        self.truth_entry(
            "Q10", "employee", [self.event(op, branch, self._clock(), subject=colleague_subject)]
        )
        branch = b()
        op = self.new_operator(branch)
        own_subject = self.extra["employees"][-1]["subject_id"]
        self.truth_entry("Q10", "own_record", [self.event(op, branch, self._clock(), subject=own_subject)])
        # Q11: 40 subjects in 4 minutes by a fresh account; and by an account with normal background (also Q08)
        branch = b()
        op = self.new_operator(branch)
        begin = self._clock("09:00", "16:00")
        ids = [
            self.event(op, branch, begin + dt.timedelta(seconds=6 * i), reason="异议查询") for i in range(40)
        ]
        self.truth_entry("Q11", "fresh_account", ids)
        branch = b()
        op = self.new_operator(branch)
        for hour in (9, 10, 11, 13, 15, 16):
            for minute in range(2, 60, 10):
                self.event(op, branch, self._at(f"{hour:02d}:{minute:02d}"))
        begin = self._at("14:10")
        ids = [
            self.event(op, branch, begin + dt.timedelta(seconds=6 * i), reason="异议查询") for i in range(40)
        ]
        self.truth_entry("Q11", "busy_account", ids, also=("Q08",))
        # Q12: unregistered kiosk, kiosk after its shutdown time, kiosk off its network segment
        kiosk = int(self.rng.integers(0, self.n_kiosks))
        kiosk_branch = int(self.kiosk_branch[kiosk])
        kiosk_terminal = f"KIOSK{kiosk:05d}"
        segment_ip = f"10.{200 + kiosk // 250}.{kiosk % 250}.77"
        for variant, terminal, when, ip in (
            ("unregistered", self._next("ROGUEKIOSK"), self._at("10:00"), segment_ip),
            ("after_shutdown", kiosk_terminal, self._at("22:30"), segment_ip),
            ("off_segment", kiosk_terminal, self._at("11:00"), "192.168.1.77"),
        ):
            kiosk_op = self.new_operator(
                kiosk_branch, person=False
            )  # its own account: no Q06 with the kiosk's
            self.truth_entry(
                "Q12",
                variant,
                [
                    self.event(
                        kiosk_op,
                        kiosk_branch,
                        when,
                        reason="本人查询",
                        channel="kiosk",
                        terminal=terminal,
                        ip=ip,
                    )
                ],
            )
        # Q13: password 200 days old; no password date (one alert per account and day)
        for variant, days in (("old_password", 200), ("no_password_date", None)):
            branch = b()
            op = self.new_operator(branch, password_days=days)
            ids = [self.event(op, branch, self._at(f"{hour:02d}:15")) for hour in (9, 10, 14)]
            self.truth_entry("Q13", variant, ids)

        # Q14: a court's request archived without its document number
        branch = b()
        op = self.new_operator(branch)
        ids = [self.event(op, branch, self._at("10:40"), reason="司法查询", auth="no_document")]
        self.truth_entry("Q14", "no_document_no", ids)

    # ---------------------------------------------------------------- output
    def approved_apps_table(self) -> pa.Table:
        rows = [
            {"client_app_id": app, "approved_from": dt.datetime(2023, 6, 1), "approved_to": None}
            for app in APPS
        ]
        rows.append(
            {
                "client_app_id": "APP-RETIRED",
                "approved_from": dt.datetime(2022, 1, 1),
                "approved_to": dt.datetime(2024, 1, 1),
            }
        )
        return pa.Table.from_pylist(rows, schema=SCHEMAS["approved_apps"])


TABLE_ORDER = [
    "query_events",
    "operators",
    "authorizations",
    "credit_relationships",
    "loan_applications",
    "approved_apps",
    "employees",
    "kiosks",
    "calendar",
]
_TS = pa.timestamp("us")
SCHEMAS = {
    "query_events": pa.schema(
        [
            ("event_id", pa.string()),
            ("ts", _TS),
            ("operator_id", pa.string()),
            ("branch_id", pa.string()),
            ("subject_id", pa.string()),
            ("reason_code", pa.string()),
            ("channel", pa.string()),
            ("client_app_id", pa.string()),
            ("terminal_id", pa.string()),
            ("ip", pa.string()),
            ("authorization_id", pa.string()),
            ("product", pa.string()),
        ]
    ),
    "operators": pa.schema(
        [
            ("operator_id", pa.string()),
            ("person_id", pa.string()),
            ("branch_id", pa.string()),
            ("role", pa.string()),
            ("status", pa.string()),
            ("valid_from", _TS),
            ("valid_to", _TS),
            ("password_changed_at", _TS),
        ]
    ),
    "authorizations": pa.schema(
        [
            ("authorization_id", pa.string()),
            ("subject_id", pa.string()),
            ("purpose", pa.string()),
            ("signed_at", _TS),
            ("valid_from", _TS),
            ("valid_to", _TS),
            ("branch_id", pa.string()),
            ("requester", pa.string()),
            ("document_no", pa.string()),
            ("scope", pa.string()),
        ]
    ),
    "credit_relationships": pa.schema(
        [("subject_id", pa.string()), ("branch_id", pa.string()), ("start", _TS), ("end", _TS)]
    ),
    "loan_applications": pa.schema(
        [
            ("subject_id", pa.string()),
            ("branch_id", pa.string()),
            ("applied_at", _TS),
            ("product", pa.string()),
        ]
    ),
    "approved_apps": pa.schema(
        [("client_app_id", pa.string()), ("approved_from", _TS), ("approved_to", _TS)]
    ),
    "employees": pa.schema(
        [
            ("subject_id", pa.string()),
            ("person_id", pa.string()),
            ("branch_id", pa.string()),
            ("left_at", _TS),
            ("moved_at", _TS),
        ]
    ),
}


def generate(out_dir: str | Path, n_events: int, *, seed: int = 7, injections_per_variant: int = 10) -> dict:
    """Write the nine input tables as Parquet plus ground_truth.json into ``out_dir``; returns the stats."""
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(n_events, seed, injections_per_variant)
    gen.reference()
    tables = gen.normal_events()
    tables["operators"] = gen.operators_table()
    tables["employees"] = gen.employees_table()
    tables["kiosks"] = gen.kiosks_table()
    tables["calendar"] = gen.calendar_table()
    tables["approved_apps"] = gen.approved_apps_table()
    gen.inject()
    for name, rows in gen.extra.items():
        if rows:
            extra = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
            tables[name] = pa.concat_tables([tables[name].cast(SCHEMAS[name]), extra])
    for name in TABLE_ORDER:
        pq.write_table(tables[name], out / f"{name}.parquet", row_group_size=1_000_000)
    truth = {"day": DAY.isoformat(), "seed": seed, "injections": gen.truth}
    (out / "ground_truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    stats = {name: tables[name].num_rows for name in TABLE_ORDER}
    stats["injections"] = len(gen.truth)
    stats["generate_seconds"] = round(time.perf_counter() - started, 2)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=200_000, help="normal query events (injections come on top)"
    )
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--injections", type=int, default=10, help="injected scenarios per rule variant")
    args = parser.parse_args()
    print(
        json.dumps(
            generate(args.out, args.events, seed=args.seed, injections_per_variant=args.injections), indent=1
        )
    )


if __name__ == "__main__":
    main()
