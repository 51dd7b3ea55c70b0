"""Scale demo of near-real-time credit monitoring through the Django side, end to end.

A bank with many branches (default 400 branches x 8 credit-system accounts) queries through a working day
(09:00-17:00, 3-10 queries per account and hour). The day is replayed in 5-minute cycles: each cycle's
queries are pushed to the ingest API (POST /api/credit/log-files/events/, token, JSON) as one batch per
minute, as a core-banking feed would, then one cycle runs (credit.realtime.run_cycle: export of the
registers, the engine's run_increment with the history required_history_start names, alerts stored with
branch names). Suspicious queries are injected through the day (an unknown account, a loan query without
authorisation, a harvesting burst) and the time until their alert is stored is measured.

Per cycle: queries, ingest seconds of the cycle's batches, the cycle's wall time (export / engine / store),
new alerts, resident memory. End-to-end latency per cycle = from the moment the cycle's last batch arrives
(the slot ends) until the cycle's alerts are stored: the last batch's ingest plus the cycle (the issue's
target: within 60 s). Alert latency for an injected query = (slot end - its time) + that latency, in
seconds and in cycles (the issue: p95 <= 2 cycles). After the day, the nightly run re-runs it and the
reconcile report says whether the cycles stored the same alerts.

The registers (branches, people, accounts, authorisations) are bulk-created into a fresh SQLite file
bench/data/credit-realtime.sqlite3 (or DATABASE_URL when it is set to a SQLite file); the relationships and
applications the rules need are ingested as files before the day.

    .venv/bin/python bench/credit_realtime/run.py [--branches 400] [--per-branch 8] [--cycles 96]

Prints one line per cycle and writes bench/results/credit-realtime.json.
"""

import argparse
import datetime as dt
import io
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results" / "credit-realtime.json"
sys.path[:0] = [str(ROOT / "bench" / "querywatch")]

from machine import machine  # noqa: E402

DAY = dt.date(2026, 3, 10)  # a Tuesday, an ordinary working day
OPEN, CLOSE = dt.time(9, 0), dt.time(17, 0)
CYCLE = dt.timedelta(minutes=5)
TARGET_SECONDS = 60.0


def setup_django():
    DATA.mkdir(parents=True, exist_ok=True)
    db = DATA / "credit-realtime.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    media = DATA / "credit-realtime-media"
    os.environ["APPGOV_MEDIA_ROOT"] = str(media)
    os.environ.setdefault("APPGOV_FAST_PASSWORD_HASHER", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import shutil

    shutil.rmtree(media, ignore_errors=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        kb = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
    return round(kb / 1024, 1)


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))], 3)


def build_registers(branches: int, per_branch: int):
    """Institution, branches, holders, active accounts (as if approved a month ago), a credit officer."""
    from django.utils import timezone

    from appgov.core.models import Department, Institution, Person, RegulatorOffice
    from appgov.core.roles import Role
    from appgov.credit.models import AccountChange, CreditAccount
    from appgov.users.models import User

    office = RegulatorOffice.objects.create(code="BENCH-RO", name="基准测试派出机构")
    inst = Institution.objects.create(code="BENCH", name="基准测试银行", kind="bank", regulator_office=office)
    depts = Department.objects.bulk_create(
        [
            Department(institution=inst, code=f"BR{b:04d}", name=f"第{b:04d}支行", kind="branch")
            for b in range(branches)
        ]
    )
    people = Person.objects.bulk_create(
        [
            Person(institution=inst, employee_no=f"P{b:04d}{k}", name=f"员工{b:04d}{k}", department=depts[b])
            for b in range(branches)
            for k in range(per_branch)
        ]
    )
    since = timezone.make_aware(dt.datetime.combine(DAY - dt.timedelta(days=30), dt.time(9)))
    accounts = CreditAccount.objects.bulk_create(
        [
            CreditAccount(
                institution=inst,
                operator_id=f"OP{p.employee_no[1:]}",
                person=p,
                branch=p.department,
                role="loan_officer",
                status="active",
                active_since=since,
                password_changed_at=since,
            )
            for p in people
        ]
    )
    AccountChange.objects.bulk_create(
        [
            AccountChange(
                account=a,
                action="create",
                status="applied",
                new_role="loan_officer",
                reason="基准测试开户",
                requested_at=since,
                decided_at=since,
            )
            for a in accounts
        ]
    )
    officer = User(username="bench_officer", role=Role.CREDIT_OFFICER, institution=inst)
    officer.set_password("Bench-pass-2026!")
    officer.save()
    return inst, officer, accounts


def day_events(accounts, seed: int):
    """Clean traffic: each account 3-10 queries an hour in opening hours from its own terminal; loan
    approvals with an authorisation and an application, post-loan checks of existing customers, subjects'
    own reports."""
    rng = random.Random(seed)
    events, auths, relations, applications = [], [], [], []
    start = dt.datetime.combine(DAY, OPEN)
    seconds = (dt.datetime.combine(DAY, CLOSE) - start).total_seconds()
    for a in accounts:
        rate = rng.uniform(3, 10)
        t = rng.expovariate(rate / 3600)
        while t < seconds:
            ts = start + dt.timedelta(seconds=int(t))
            subject = f"S{rng.randrange(10**9):09d}"
            roll = rng.random()
            reason = "贷款审批" if roll < 0.4 else ("贷后管理" if roll < 0.8 else "本人查询")
            auth = None
            if reason == "贷款审批":
                auth = f"AU-{len(auths):07d}"
                auths.append((auth, subject, ts, a.branch.code))
                applications.append((subject, a.branch.code, ts - dt.timedelta(days=1)))
            elif reason == "贷后管理":
                relations.append((subject, a.branch.code, ts - dt.timedelta(days=200)))
            events.append(
                {
                    "event_id": f"E{len(events):08d}",
                    "ts": ts,
                    "operator_id": a.operator_id,
                    "branch_id": a.branch.code,
                    "subject_id": subject,
                    "reason_code": reason,
                    "channel": "counter",
                    "terminal_id": f"T-{a.operator_id}",
                    "ip": f"10.{hash(a.operator_id) % 250}.{len(a.operator_id)}.{int(a.operator_id[2:]) % 250}",
                    "authorization_id": auth,
                    "product": "personal",
                }
            )
            t += rng.expovariate(rate / 3600)
    return events, auths, relations, applications


def injections(accounts, seed: int):
    """Suspicious queries every 20 minutes: an unknown account (Q05), a loan approval without any
    authorisation (Q01), and each hour a harvesting burst (40 subjects in 8 minutes by one account, Q11)."""
    rng = random.Random(seed + 1)
    out, n = [], 0
    t = dt.datetime.combine(DAY, OPEN) + dt.timedelta(minutes=7)
    while t.time() < CLOSE:
        a = rng.choice(accounts)
        base = {"channel": "counter", "product": "personal", "authorization_id": None}
        out.append(
            {
                **base,
                "event_id": f"X{n:05d}",
                "ts": t,
                "operator_id": f"GHOST{n:03d}",
                "branch_id": a.branch.code,
                "subject_id": f"SX{n:05d}",
                "reason_code": "本人查询",
                "terminal_id": "T-UNKNOWN",
                "ip": "10.250.0.1",
            }
        )
        n += 1
        out.append(
            {
                **base,
                "event_id": f"X{n:05d}",
                "ts": t + dt.timedelta(minutes=3),
                "operator_id": a.operator_id,
                "branch_id": a.branch.code,
                "subject_id": f"SX{n:05d}",
                "reason_code": "贷款审批",
                "terminal_id": f"T-{a.operator_id}",
                "ip": "10.250.0.2",
            }
        )
        n += 1
        if t.minute < 20:
            b = rng.choice(accounts)
            for k in range(40):
                out.append(
                    {
                        **base,
                        "event_id": f"X{n:05d}",
                        "ts": t + dt.timedelta(minutes=5, seconds=12 * k),
                        "operator_id": b.operator_id,
                        "branch_id": b.branch.code,
                        "subject_id": f"SH{n:05d}",
                        "reason_code": "本人查询",
                        "terminal_id": f"T-{b.operator_id}",
                        "ip": "10.250.0.3",
                    }
                )
                n += 1
        t += dt.timedelta(minutes=20)
    return out


def load_reference(inst, officer, auths, relations, applications):
    """Authorisations into the archive; relationships and applications as ingested files."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from django.utils import timezone

    from appgov.core.models import Department
    from appgov.credit import ingestion
    from appgov.credit.models import Authorization

    branches = {d.code: d for d in Department.objects.filter(institution=inst)}
    tz = timezone.get_default_timezone()
    Authorization.objects.bulk_create(
        [
            Authorization(
                institution=inst,
                authorization_no=no,
                subject_pseudonym=subject,
                purpose="贷款审批",
                signed_at=timezone.make_aware(ts - dt.timedelta(days=2), tz),
                valid_from=timezone.make_aware(ts - dt.timedelta(days=2), tz),
                valid_to=timezone.make_aware(ts + dt.timedelta(days=60), tz),
                branch=branches[code],
            )
            for no, subject, ts, code in auths
        ],
        batch_size=2000,
    )

    def parquet(columns: dict) -> bytes:
        out = io.BytesIO()
        pq.write_table(pa.table(columns), out)
        return out.getvalue()

    ingestion.ingest(
        inst,
        "credit_relationships.parquet",
        parquet(
            {
                "subject_id": [r[0] for r in relations],
                "branch_id": [r[1] for r in relations],
                "start": [r[2] for r in relations],
                "end": pa.array([None] * len(relations), pa.timestamp("us")),
            }
        ),
        table="credit_relationships",
        actor=officer,
    )
    ingestion.ingest(
        inst,
        "loan_applications.parquet",
        parquet(
            {
                "subject_id": [r[0] for r in applications],
                "branch_id": [r[1] for r in applications],
                "applied_at": [r[2] for r in applications],
                "product": ["loan"] * len(applications),
            }
        ),
        table="loan_applications",
        actor=officer,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--branches", type=int, default=400)
    parser.add_argument("--per-branch", type=int, default=8)
    parser.add_argument("--cycles", type=int, default=96, help="5-minute cycles from 09:00 (96 = to 17:00)")
    parser.add_argument("--batches-per-cycle", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--skip-nightly", action="store_true")
    args = parser.parse_args()

    report = {"bench": "credit realtime (Django side)", "machine": machine(), "args": vars(args)}
    clock = time.perf_counter()
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from appgov.core.context import acting_as
    from appgov.credit import monitoring, realtime
    from appgov.credit.models import Alert

    with acting_as(None, prefix="bench-setup"):
        inst, officer, accounts = build_registers(args.branches, args.per_branch)
        accounts = list(type(accounts[0]).objects.select_related("branch").filter(institution=inst))
        events, auths, relations, applications = day_events(accounts, args.seed)
        injected = injections(accounts, args.seed)
        load_reference(inst, officer, auths, relations, applications)
    events = sorted(events + injected, key=lambda e: (e["ts"], e["event_id"]))
    report["setup"] = {
        "seconds": round(time.perf_counter() - clock, 1),
        "branches": args.branches,
        "accounts": len(accounts),
        "queries_in_day": len(events),
        "injected_queries": len(injected),
        "authorisations": len(auths),
        "database": connection.vendor,
    }
    print(json.dumps(report["setup"], ensure_ascii=False))
    client = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    injected_at = {e["event_id"]: e["ts"] for e in injected}
    seen: dict[str, float] = {}  # injected event id -> alert latency in seconds
    cycles = []
    slot_from = dt.datetime.combine(DAY, OPEN)
    position = 0
    batch_span = CYCLE / args.batches_per_cycle
    for index in range(args.cycles):
        slot_to = slot_from + CYCLE
        ingest_seconds, last_ingest = 0.0, 0.0
        queries = 0
        for part in range(args.batches_per_cycle):
            upto = slot_from + (part + 1) * batch_span
            chunk = []
            while position < len(events) and events[position]["ts"] < upto:
                chunk.append(events[position])
                position += 1
            if not chunk:
                continue
            payload = {
                "batch_id": f"feed-{upto:%H%M%S}",
                "events": [{**e, "ts": e["ts"].isoformat(sep=" ")} for e in chunk],
            }
            started = time.perf_counter()
            answer = client.post(
                "/api/credit/log-files/events/", json.dumps(payload), content_type="application/json"
            )
            last_ingest = time.perf_counter() - started
            if answer.status_code != 201:
                raise SystemExit(f"ingest refused: {answer.status_code} {answer.content[:500]!r}")
            ingest_seconds += last_ingest
            queries += len(chunk)
        started, cpu = time.perf_counter(), time.process_time()
        with acting_as(None, prefix="bench-cycle"):
            run = realtime.run_cycle(inst)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        end_to_end = last_ingest + wall
        new_alerts = list(Alert.objects.filter(run=run)) if run else []
        for alert in new_alerts:
            for event_id in alert.event_ids:
                if event_id in injected_at and event_id not in seen:
                    waited = (slot_to - injected_at[event_id]).total_seconds()
                    seen[event_id] = waited + end_to_end
        grown = run.summary.get("updated_alerts", 0) if run else 0
        row = {
            "cycle": index + 1,
            "slot": f"{slot_from:%H:%M}-{slot_to:%H:%M}",
            "queries": queries,
            "ingest_seconds": round(ingest_seconds, 3),
            "cycle_seconds": round(wall, 3),
            "cycle_cpu_seconds": round(cpu, 3),
            "end_to_end_seconds": round(end_to_end, 3),
            "timings": run.summary.get("timings") if run else None,
            "status": run.status if run else None,
            "new_alerts": len(new_alerts),
            "grown_alerts": grown,
            "rss_mb": rss_mb(),
        }
        cycles.append(row)
        print(
            f"cycle {row['cycle']:3d} {row['slot']} {queries:6d} queries  ingest {ingest_seconds:6.2f} s  "
            f"cycle {wall:6.2f} s  end-to-end {end_to_end:6.2f} s  alerts +{len(new_alerts):3d}  "
            f"rss {row['rss_mb']} MB",
            flush=True,
        )
        slot_from = slot_to
    latencies = [c["end_to_end_seconds"] for c in cycles]
    alert_latency = list(seen.values())
    taken = {e["event_id"] for e in events[:position]}
    report["cycles"] = cycles
    report["summary"] = {
        "cycles": len(cycles),
        "queries": sum(c["queries"] for c in cycles),
        "queries_per_cycle_max": max(c["queries"] for c in cycles),
        "end_to_end_seconds_p50": percentile(latencies, 0.5),
        "end_to_end_seconds_p95": percentile(latencies, 0.95),
        "end_to_end_seconds_max": round(max(latencies), 3),
        "target_seconds": TARGET_SECONDS,
        "target_met": max(latencies) <= TARGET_SECONDS,
        "cycle_seconds_p95": percentile([c["cycle_seconds"] for c in cycles], 0.95),
        "ingest_seconds_per_cycle_p95": percentile([c["ingest_seconds"] for c in cycles], 0.95),
        "failed_cycles": sum(c["status"] == "failed" for c in cycles),
        "injected_queries_sent": len([i for i in injected_at if i in taken]),
        "injected_queries_alerted": len(seen),
        "alert_latency_seconds_p50": percentile(alert_latency, 0.5),
        "alert_latency_seconds_p95": percentile(alert_latency, 0.95),
        "alert_latency_cycles_p95": round(percentile(alert_latency, 0.95) / CYCLE.total_seconds(), 2)
        if alert_latency
        else None,
        "alerts_stored": Alert.objects.filter(institution=inst).count(),
        "peak_rss_mb": max(c["rss_mb"] for c in cycles),
    }
    if not args.skip_nightly:
        started = time.perf_counter()
        with acting_as(None, prefix="bench-nightly"):
            nightly = monitoring.run_day(inst, DAY)
        report["nightly"] = {
            "seconds": round(time.perf_counter() - started, 2),
            "status": nightly.status,
            "error": nightly.error,
            "alerts": nightly.alerts,
            "new_alerts": nightly.new_alerts,
            "reconcile": nightly.summary.get("reconcile"),
        }
    report["when"] = timezone.now().isoformat()
    report["loadavg_at_end"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(report["summary"], ensure_ascii=False, indent=1))
    if "nightly" in report:
        print(json.dumps(report["nightly"], ensure_ascii=False, indent=1))
    print(f"written {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
