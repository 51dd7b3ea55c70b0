"""Operations at scale (issue 17): 300 apps × 3 years of daily figures (≈ 3.3 M rows, one per app × day × metric).

Set-up (not measured): an institution with 300 released apps, their figures bulk-inserted (executemany), function
catalogues (some apps overlapping), four thresholds. Measured:

- the nightly run (`operations.tasks.nightly`: thresholds evaluated, breaches recorded, rationalisation candidates
  computed), first night (breaches and candidates written) and the next (nothing new) — target ≤ 20 s;
- an app's metrics page (`/operations/metrics/apps/<id>/`, logged in, 1-year, 3-year and all ranges) over 40
  apps, p50 / p95 — target p95 ≤ 300 ms; and the institution view;
- the import of one day for 300 apps (3,000 figures) as a CSV file through the service, then the same day
  re-sent (it replaces), then as the API's JSON batch — target ≤ 2 s;
- the compliance checks NFRA-02.4, 06.1 and 09.1 for the institution.

SQLite: a fresh file bench/data/operations.sqlite3. PostgreSQL: set DATABASE_URL to an empty database.

    .venv/bin/python bench/operations/run.py [--apps 300] [--years 3]

Writes bench/results/operations-<engine>.json (sqlite3, postgresql).
"""

import argparse
import datetime as dt
import json
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
sys.path[:0] = [str(ROOT / "bench" / "querywatch"), str(ROOT / "src")]

from machine import machine  # noqa: E402

METRICS = ["dau", "mau", "new_installs", "crash_rate", "anr_rate", "availability", "p95_ms", "rating", "rating_count", "complaints"]  # fmt: skip
FUNCTIONS = ["account_inquiry", "transfer", "bill_payment", "qr_payment", "card_management", "loan_application",
             "loan_repayment", "wealth_purchase", "fund_trading", "deposit_products", "insurance_purchase",
             "policy_service", "claims", "customer_service", "branch_appointment", "points_rewards", "news_marketing"]  # fmt: skip


def setup_django(base=None):
    """A fresh SQLite file; with `base`, a copy of that file (the figures already built) migrated to the code."""
    if not os.environ.get("DATABASE_URL"):
        DATA.mkdir(parents=True, exist_ok=True)
        db = DATA / "operations.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        if base is not None and base.exists():
            shutil.copyfile(base, db)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["APPGOV_MEDIA_ROOT"] = str(DATA / "operations-media")
    os.environ.setdefault("APPGOV_FAST_PASSWORD_HASHER", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appgov.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def figure(rng, profile, metric, day_index):
    """One day's figure of an app of a profile (healthy, low activity, poor experience, flaky back-end)."""
    mau = {"low": 700, "poor": 60000}.get(profile, 250000)
    base = {
        "dau": mau * 0.25, "mau": mau, "new_installs": mau / 300, "crash_rate": 0.2, "anr_rate": 0.05,
        "availability": 99.95, "p95_ms": 420, "rating": 4.4, "rating_count": mau / 2000, "complaints": mau / 100000,
    }[metric]  # fmt: skip
    if profile == "poor" and metric == "rating":
        base = 2.7
    if profile == "flaky" and metric == "availability" and (day_index // 30) % 6 == 0:
        base = 99.0
    if metric == "availability":  # the noise is on the unavailable share
        return round(100 - (100 - base) * (1 + rng.uniform(-0.5, 0.5)), 3)
    value = base * (1 + rng.uniform(-0.06, 0.06))
    if metric == "crash_rate" and rng.random() < 0.002:
        value = 2.5  # a rare crash spike
    if metric in ("dau", "mau", "new_installs", "rating_count", "complaints"):
        return float(max(0, round(value)))
    if metric == "rating":
        return min(5.0, round(value, 2))
    return round(value, 3)


def build(apps_n, years, today):
    from django.db import connection, transaction

    from appgov.core.models import Department, Institution, Person, RegulatorOffice
    from appgov.ledger.models import MobileApp
    from appgov.operations.models import AppFunctions, MetricUpload, Threshold
    from appgov.users.models import User

    rng = random.Random(17)
    office = RegulatorOffice.objects.create(code="BENCH-ZJ", name="基准监管局", level="provincial")
    inst = Institution.objects.create(code="OPSB", name="运行基准银行", kind="bank", regulator_office=office)
    dept = Department.objects.create(institution=inst, code="OFFICE", name="金融科技部")
    Person.objects.create(institution=inst, employee_no="P1", name="张三", department=dept)
    user = User(username="ops_office", role="governance_office", institution=inst, department=dept)
    user.set_password("x")
    user.save()
    profiles = ["low"] * (apps_n // 10) + ["poor"] * (apps_n // 20) + ["flaky"] * (apps_n // 10)
    profiles += ["healthy"] * (apps_n - len(profiles))
    rng.shuffle(profiles)
    apps = MobileApp.objects.bulk_create(
        MobileApp(
            institution=inst, code=f"OPS-{i:04d}", name=f"基准应用{i:04d}", kind="app", state="in_operation"
        )
        for i in range(apps_n)
    )
    first = today - dt.timedelta(days=int(365 * years) + 1)
    last = today - dt.timedelta(days=2)  # the bench imports yesterday itself
    upload = MetricUpload.objects.create(
        institution=inst, source="api", sha256="0" * 64, rows=0, first_day=first, last_day=last, apps=apps_n
    )
    days = (last - first).days + 1
    started = time.perf_counter()
    table = connection.ops.quote_name("operations_dailymetric")
    sql = f"INSERT INTO {table} (app_id, day, metric, version, platform, value, upload_id) VALUES (%s, %s, %s, '', '', %s, %s)"
    rows = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for app, profile in zip(apps, profiles, strict=True):
            batch = []
            for d in range(days):
                day = first + dt.timedelta(days=d)
                batch += [(app.pk, day, m, figure(rng, profile, m, d), upload.pk) for m in METRICS]
            cursor.executemany(sql, batch)
            rows += len(batch)
    insert_s = time.perf_counter() - started
    # catalogues: most apps distinct, every 15th app a near copy of the one before (redundant pairs)
    catalogues = []
    for i, app in enumerate(apps):
        codes = (
            rng.sample(FUNCTIONS, 4)
            if i % 15
            else catalogues[-1].functions[:3]
            if catalogues
            else FUNCTIONS[:3]
        )
        catalogues.append(AppFunctions(app=app, functions=list(codes), updated_on=today))
    AppFunctions.objects.bulk_create(catalogues)
    for name, metric, comparison, limit, period in [
        ("可用率月度目标", "availability", "below", 99.5, "month"),
        ("崩溃率日上限", "crash_rate", "above", 2.0, "day"),
        ("评分日下限", "rating", "below", 2.0, "day"),
        ("投诉日上限", "complaints", "above", 500, "day"),
    ]:
        Threshold.objects.create(
            institution=inst, name=name, metric=metric, comparison=comparison, limit=limit, period=period
        )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return (
        inst,
        user,
        apps,
        {
            "rows": rows,
            "days": days,
            "insert_seconds": round(insert_s, 1),
            "profiles": {p: profiles.count(p) for p in set(profiles)},
        },
    )


def reuse(base):
    """The institution, user and apps of a base file built earlier (--base)."""
    from appgov.core.models import Institution
    from appgov.ledger.models import MobileApp
    from appgov.users.models import User

    inst = Institution.objects.get(code="OPSB")
    setup = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    setup["reused"] = base.name
    return (
        inst,
        User.objects.get(username="ops_office"),
        list(MobileApp.objects.filter(institution=inst).order_by("code")),
        setup,
    )


def timed(func, *args, **kwargs):
    started = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - started, value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=300)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument(
        "--base",
        action="store_true",
        help="SQLite: keep the built figures in bench/data/operations-base-<apps>x<years>.sqlite3 and start from a "
        "copy of that file when it exists (the set-up takes minutes; the measurements are the same)",
    )
    args = parser.parse_args()
    base = DATA / f"operations-base-{args.apps}x{args.years:g}.sqlite3" if args.base else None
    reused = base is not None and base.exists() and not os.environ.get("DATABASE_URL")
    setup_django(base if reused else None)
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from appgov.compliance.evaluation import catalogue, run_control
    from appgov.core.context import acting_as
    from appgov.core.controls.context import EvaluationContext
    from appgov.operations import services, tasks
    from appgov.operations.models import Breach, Candidate, DailyMetric

    result = {"machine": machine(), "vendor": connection.vendor, "apps": args.apps, "years": args.years}
    today = timezone.localdate()
    if reused:
        inst, user, apps, setup = reuse(base)
    else:
        inst, user, apps, setup = build(args.apps, args.years, today)
        if base is not None:
            from django.db import connection as conn

            conn.close()
            shutil.copyfile(DATA / "operations.sqlite3", base)
            base.with_suffix(".json").write_text(json.dumps(setup, default=str), encoding="utf-8")
    result["setup"] = setup
    print("set-up", setup, flush=True)

    # the import of one day for every app: CSV through the service, the same day again (replaces), API batch
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    rng = random.Random(5)
    lines = ["app,day,metric,value"] + [
        f"{app.code},{yesterday},{m},{figure(rng, 'healthy', m, 0)}" for app in apps for m in METRICS
    ]
    body = ("\n".join(lines) + "\n").encode()
    with acting_as(None, prefix="bench-operations"):
        first_s, upload = timed(services.metrics.receive_file, inst, user, body, "day.csv")
        again_s, again = timed(services.metrics.receive_file, inst, user, body, "day.csv")
    client = Client()
    client.force_login(user)
    # a running server has loaded its URLs and views before the batch comes; the first request of this process
    # loads them (2-3 s), so it is made before the timing (earlier runs timed it as part of the API batch)
    assert client.get("/operations/").status_code == 200
    rows = [{"app": app.code, "day": yesterday, "metric": m, "value": figure(rng, "healthy", m, 0)} for app in apps for m in METRICS]  # fmt: skip
    api_s, answer = timed(
        client.post, "/api/operations/metrics/batch/", {"rows": rows}, content_type="application/json"
    )
    assert answer.status_code == 201, answer.content[:300]
    result["import_one_day"] = {
        "figures": upload.rows,
        "csv_new_day_seconds": round(first_s, 3),
        "csv_resent_day_seconds": round(again_s, 3),
        "replaced": again.replaced,
        "api_json_resent_day_seconds": round(api_s, 3),
        "target_seconds": 2.0,
    }
    print("import", result["import_one_day"], flush=True)
    result["total_rows"] = DailyMetric.objects.count()

    # the nightly run: first night writes breaches and candidates, the next finds nothing new
    nights = []
    for _ in range(2):
        with acting_as(None, prefix="bench-operations-nightly"):
            seconds, message = timed(tasks.nightly, today)
        nights.append({"seconds": round(seconds, 2), "result": message})
        print("nightly", nights[-1], flush=True)
    result["nightly"] = {
        "runs": nights,
        "breaches": Breach.objects.filter(institution=inst).count(),
        "candidates": Candidate.objects.filter(institution=inst).count(),
        "target_seconds": 20.0,
    }

    # the checks the nightly compliance evaluation runs on these records
    ctx = EvaluationContext(inst, today)
    checks = {}
    for control_id in ("NFRA-02.4", "NFRA-06.1", "NFRA-09.1"):
        seconds, results = timed(lambda c=control_id: list(run_control(ctx, catalogue().by_id(c))))
        outcomes = {}
        for r in results:
            outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
        checks[control_id] = {"seconds": round(seconds, 3), "outcomes": outcomes}
    result["checks"] = checks
    print("checks", checks, flush=True)

    # the pages
    sample = random.Random(3).sample(apps, min(40, len(apps)))
    pages = {}
    for range_key in ("1y", "3y", "all"):
        client.get(f"/operations/metrics/apps/{sample[0].pk}/?range={range_key}")  # warm
        times = []
        for app in sample:
            seconds, response = timed(client.get, f"/operations/metrics/apps/{app.pk}/?range={range_key}")
            assert response.status_code == 200
            times.append(seconds * 1000)
        pages[f"app_page_{range_key}"] = {
            "n": len(times),
            "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "max_ms": round(max(times), 1),
        }
    times = []
    for _ in range(5):
        seconds, response = timed(client.get, "/operations/metrics/")
        assert response.status_code == 200
        times.append(seconds * 1000)
    pages["institution_view"] = {
        "n": len(times),
        "p50_ms": round(percentile(times, 0.5), 1),
        "max_ms": round(max(times), 1),
    }
    pages["target_p95_ms"] = 300
    result["pages"] = pages
    print("pages", pages, flush=True)
    result["loadavg_at_end"] = os.getloadavg()
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    out = ROOT / "bench" / "results" / f"operations-{engine}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    print("wrote", out)


if __name__ == "__main__":
    main()
