"""Ledger scale benchmark: 10,000 apps x 5 versions; the ledger list page and the API list under 20 concurrent
clients on 127.0.0.1 (gunicorn), plus SQL queries per page for several page sizes.

Usage: python bench/ledger/run.py [--apps 10000] [--clients 20] [--requests 600] [--workers 2*cores] [--threads 1]
Uses its own database (bench/data/ledger-bench.sqlite3, or DATABASE_URL if set). Results: bench/results/ledger-list.json
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"


def setup_env(args):
    DATA.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{DATA / 'ledger-bench.sqlite3'}"
    os.environ["APPGOV_VAR_DIR"] = str(DATA / "var")
    os.environ["APPGOV_AXES_ENABLED"] = "0"
    os.environ.setdefault("APPGOV_DEMO", "1")  # a throw-away installation: the built-in SECRET_KEY is fine
    os.environ["DJANGO_SETTINGS_MODULE"] = "appgov.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def populate(n_apps: int) -> None:
    from django.core.management import call_command

    from appgov.core.models import Department, Institution, Person, RegulatorOffice
    from appgov.ledger.models import AppVersion, MobileApp
    from appgov.users.models import User

    call_command("migrate", verbosity=0)
    if MobileApp.objects.filter(institution__code="BENCH").count() >= n_apps:
        return
    office, _ = RegulatorOffice.objects.get_or_create(
        code="BENCH-HQ", defaults={"name": "基准监管局", "level": "headquarters"}
    )
    inst, _ = Institution.objects.get_or_create(
        code="BENCH", defaults={"name": "基准测试银行", "kind": "bank", "regulator_office": office}
    )
    depts = [
        Department.objects.get_or_create(
            institution=inst, code=f"D{i:02d}", defaults={"name": f"业务部门{i:02d}"}
        )[0]
        for i in range(40)
    ]
    people = [
        Person.objects.get_or_create(
            institution=inst,
            employee_no=f"P{i:04d}",
            defaults={"name": f"员工{i:04d}", "department": depts[i % 40]},
        )[0]
        for i in range(400)
    ]
    MobileApp.objects.filter(institution=inst).delete()
    kinds = ["app", "mini_program", "official_account", "quick_app", "other"]
    states = [
        "proposed",
        "admitted",
        "in_development",
        "in_testing",
        "released",
        "in_operation",
        "retiring",
        "retired",
    ]
    apps = [
        MobileApp(
            institution=inst,
            code=f"B{i:06d}",
            name=f"基准应用{i:06d}",
            kind=kinds[i % 5],
            state=states[i % 8],
            platforms=["android", "ios"] if i % 3 else ["wechat"],
            android_packages=[f"cn.bench.app{i}"],
            managing_department=depts[i % 40],
            responsible_person=people[i % 400],
            data_owner_department=depts[i % 40],
            business_lines=["个人贷款"],
            regions=["浙江省"],
        )
        for i in range(n_apps)
    ]
    MobileApp.objects.bulk_create(apps, batch_size=2000)
    ids = list(MobileApp.objects.filter(institution=inst).values_list("id", flat=True))
    versions = [
        AppVersion(app_id=a, platform="android", version_name=f"{v}.0.0", version_code=v)
        for a in ids
        for v in range(1, 6)
    ]
    AppVersion.objects.bulk_create(versions, batch_size=5000)
    user = User.objects.filter(username="bench").first() or User(
        username="bench", role="governance_office", institution=inst
    )
    user.set_password("Bench-pass-2026")
    user.save()


def settle_statistics() -> None:
    """On PostgreSQL, VACUUM ANALYZE after the bulk load, as autovacuum would have done long before anyone
    reads a 10,000-app ledger (without statistics and a visibility map the planner guesses)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def query_counts() -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from appgov.users.models import User

    client = Client()
    client.force_login(User.objects.get(username="bench"))
    counts = {}
    for size in (25, 50, 100):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"/ledger/apps/?per_page={size}&page=3")
        assert response.status_code == 200
        counts[f"page_{size}"] = len(ctx.captured_queries)
    for size in (25, 50, 100):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"/api/ledger/apps/?limit={size}&offset=100")
        assert response.status_code == 200
        counts[f"api_{size}"] = len(ctx.captured_queries)
    return counts


def token() -> str:
    from rest_framework.authtoken.models import Token

    from appgov.users.models import User

    return Token.objects.get_or_create(user=User.objects.get(username="bench"))[0].key


def session_cookie(base: str) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(f"{base}/login/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode(
        {"username": "bench", "password": "Bench-pass-2026", "csrfmiddlewaretoken": csrf}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": f"{base}/login/"}))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def load(base: str, paths: list[str], headers: dict, clients: int, total: int) -> dict:
    latencies, errors, lock = [], [], threading.Lock()
    counter = iter(range(total))

    def worker():
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            req = urllib.request.Request(base + paths[i % len(paths)], headers=headers)
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
                    ok = r.status == 200
            except Exception as exc:  # noqa: BLE001 - counted and reported
                ok = False
                errors.append(repr(exc))
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                if ok:
                    latencies.append(dt)
                elif len(errors) < 5:
                    errors.append(f"status not 200 for {paths[i % len(paths)]}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "median_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "max_ms": round(latencies[-1], 1),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def server_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) of the gunicorn master and its workers so far: a cost per request that,
    unlike latency, does not depend on what else the machine is doing."""
    children = subprocess.run(["ps", "--ppid", str(master_pid), "-o", "pid="], capture_output=True, text=True)
    total = 0
    for pid in [master_pid, *map(int, children.stdout.split())]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))  # as `appgov runall`
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    setup_env(args)
    t0 = time.perf_counter()
    populate(args.apps)
    populate_s = time.perf_counter() - t0
    settle_statistics()
    counts = query_counts()
    api_token = token()
    from django.db import connections

    connections.close_all()
    base = f"http://127.0.0.1:{args.port}"
    q = urllib.parse.quote("基准应用0012")
    pages = [f"/ledger/apps/?page={p}" for p in range(1, 200, 7)] + [
        f"/ledger/apps/?q={q}",
        "/ledger/apps/?state=released&ordering=name",
    ]
    apis = [f"/api/ledger/apps/?limit=50&offset={o}" for o in range(0, 9950, 337)] + [
        "/api/ledger/apps/?state=retired&limit=50"
    ]
    runs = {}
    for label, cache_seconds in (("list_cache_on", "300"), ("list_cache_off", "0")):
        shutil.rmtree(DATA / "var" / "cache", ignore_errors=True)  # every run starts cold
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "appgov.wsgi:application",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--log-level",
                "warning",
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "APPGOV_LIST_CACHE_SECONDS": cache_seconds},
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/login/", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            cookie = session_cookie(base)
            load(base, pages[:3], {"Cookie": cookie}, 4, 20)  # warm-up
            load_before = os.getloadavg()[0]
            cpu0 = server_cpu_seconds(server.pid)
            ui = load(base, pages, {"Cookie": cookie}, args.clients, args.requests)
            cpu1 = server_cpu_seconds(server.pid)
            api = load(base, apis, {"Authorization": f"Token {api_token}"}, args.clients, args.requests)
            cpu2 = server_cpu_seconds(server.pid)
            ui["server_cpu_ms_per_request"] = round(1000 * (cpu1 - cpu0) / args.requests, 1)
            api["server_cpu_ms_per_request"] = round(1000 * (cpu2 - cpu1) / args.requests, 1)
            runs[label] = {
                "load_average_1min_before": round(load_before, 2),
                "ledger_list_page": ui,
                "api_list": api,
            }
        finally:
            server.terminate()
            server.wait(timeout=20)
    from django.conf import settings

    result = {
        "benchmark": "ledger list page and API list under concurrency",
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "processor": subprocess.run(
                ["sh", "-c", "lscpu | grep 'Model name' | head -1"], capture_output=True, text=True
            ).stdout.strip(),
        },
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "apps": args.apps,
        "versions": args.apps * 5,
        "clients": args.clients,
        "gunicorn_workers": args.workers,
        "gunicorn_threads": args.threads,
        "populate_seconds": round(populate_s, 1),
        "sql_queries_per_request": counts,
        "runs": runs,
        "goal": "p95 < 300 ms; queries per page independent of page size",
        "goal_met": all(
            r["ledger_list_page"]["p95_ms"] < 300 and r["api_list"]["p95_ms"] < 300 for r in runs.values()
        )
        and counts["page_25"] == counts["page_100"]
        and counts["api_25"] == counts["api_100"],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "ledger-list-" + result["database"] + ".json"
    (RESULTS / name).write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    import urllib.parse

    main()
