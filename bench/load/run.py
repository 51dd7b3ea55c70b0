"""Loopback soak and fault run against `appgov runall` (issue 12, measurement).

Soak: N clients (default 20) for a bounded time (default 600 s), each in a closed loop with no think time,
30 % writes (PATCH of an app's vendor field, POST of a department) and 70 % reads (API lists and details,
HTML list pages and dashboards with a session). Reports p50/p95/p99 per operation kind and the errors
(5xx and connection errors; 4xx are counted apart) to bench/results/load-<db>-soak.json.

Fault run (--faults): the same load while, in turn, the task worker is killed (SIGKILL) in the middle of a
job, a gunicorn web worker is killed, and the disk of the var dir (a small tmpfs mounted for the run; needs
root) is filled and then freed. Reports what survived to bench/results/load-<db>-faults.json.

Each run sets up its own installation (migrate + demo) in a temporary var dir; on PostgreSQL (DATABASE_URL
given, e.g. postgres://postgres@127.0.0.1:5432/appgov_load) the named database is dropped and created
(its name must contain load, soak or bench; the server's `postgres` database, or APPGOV_BENCH_PG_ADMIN_DB, is
used to drop and create it).

Usage: python bench/load/run.py [--duration 600] [--clients 20] [--write-ratio 0.3] [--faults]
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
DEMO_PASSWORD = "AppGov-demo-2026"
TASK_TABLE = "django_tasks_database_dbtaskresult"  # DBTaskResult._meta.db_table

SETUP_SNIPPET = """
import json
from rest_framework.authtoken.models import Token
from appgov.ledger.models import MobileApp
from appgov.users.models import User
out = {"writers": [], "readers": []}
for user in User.objects.filter(username__regex=r"_(admin|office|viewer)$").select_related("institution"):
    token = Token.objects.get_or_create(user=user)[0].key
    apps = list(MobileApp.objects.filter(institution=user.institution).values_list("pk", flat=True))
    entry = {"username": user.username, "token": token, "apps": apps, "institution": user.institution_id}
    out["writers" if user.username.endswith("_admin") else "readers"].append(entry)
print("SETUP" + json.dumps(out))
"""


# ---------- installation ----------


def appgov(env, *args, timeout=900):
    done = subprocess.run(
        [sys.executable, "-m", "appgov.cli", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"appgov {' '.join(args[:2])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return done.stdout


# the run drops and creates the database DATABASE_URL names: only one whose name says it is for benchmarks
BENCH_DATABASE = re.compile(r"(load|soak|bench)", re.IGNORECASE)


def fresh_postgres(url: str) -> None:
    """Drop and create the database of url, connected to the server's maintenance database
    (APPGOV_BENCH_PG_ADMIN_DB, default `postgres`). Refuses a database whose name does not contain load, soak
    or bench, so a run can never drop the application's or CI's database."""
    import psycopg

    match = re.match(r"postgres(?:ql)?://(?P<auth>[^/]*)/(?P<name>\w+)$", url)
    if not match:
        raise SystemExit(f"DATABASE_URL {url!r}: expected postgres://user@host:port/name")
    if not BENCH_DATABASE.search(match["name"]):
        raise SystemExit(
            f"DATABASE_URL names {match['name']!r}: the benchmark drops and re-creates that database, so its "
            "name must contain load, soak or bench (e.g. postgres://postgres@127.0.0.1:5432/appgov_soak)"
        )
    admin_db = os.environ.get("APPGOV_BENCH_PG_ADMIN_DB", "postgres")
    admin_url = f"postgresql://{match['auth']}/{admin_db}"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{match["name"]}"')
        con.execute(f'CREATE DATABASE "{match["name"]}"')


def install(var_dir: Path, database_url: str | None, extra_env: dict) -> tuple[dict, dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPGOV_") and k != "DATABASE_URL"}
    env.update(
        PYTHONPATH=str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", ""),
        APPGOV_VAR_DIR=str(var_dir),
        APPGOV_DEMO="1",
        APPGOV_AXES_ENABLED="0",  # 20 clients signing in from one address are not an attack
        **extra_env,
    )
    if database_url:
        fresh_postgres(database_url)
        env["DATABASE_URL"] = database_url
    started = time.monotonic()
    appgov(env, "migrate", "-v", "0")
    appgov(env, "demo")
    out = appgov(env, "shell", "-c", SETUP_SNIPPET)
    setup = json.loads(out[out.index("SETUP") + 5 :].strip())
    setup["install_seconds"] = round(time.monotonic() - started, 1)
    return env, setup


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """`appgov runall` in its own process group, with helpers to find and kill its parts."""

    def __init__(self, env, web_workers: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "appgov.cli", "runall", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(web_workers)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline, last = time.monotonic() + 180, None
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                last = requests.get(f"{self.base}/healthz", timeout=5)
                if last.status_code == 200:
                    return
            time.sleep(0.5)
        output = self.output()
        self.stop()
        health = last.text if last is not None else "no answer"
        raise RuntimeError(f"the service did not become healthy within 180 s: {health}\n{output[-3000:]}")

    def child(self, *words):
        for process in psutil.Process(self.process.pid).children():
            with contextlib.suppress(psutil.NoSuchProcess):
                if all(word in process.cmdline() for word in words):
                    return process
        return None

    def gunicorn_workers(self):
        master = self.child("gunicorn")
        return master.children() if master else []

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        processes = [self.process]
        with contextlib.suppress(psutil.NoSuchProcess):
            processes += psutil.Process(self.process.pid).children(recursive=True)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        _gone, alive = psutil.wait_procs(processes, timeout=20)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()


# ---------- load ----------


class Load:
    def __init__(self, base: str, setup: dict, clients: int, write_ratio: float, seed: int = 2026):
        self.base, self.setup, self.clients, self.write_ratio = base, setup, clients, write_ratio
        self.samples: list[tuple[float, str, str, int, float]] = []  # (t, phase, kind, status, seconds)
        self.phase = "steady"
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.seed = seed
        self.started = time.monotonic()

    def run(self, seconds: float):
        threads = [threading.Thread(target=self.client, args=(i,), daemon=True) for i in range(self.clients)]
        self.started = time.monotonic()
        for thread in threads:
            thread.start()
        self.stopping.wait(seconds)
        self.stopping.set()
        for thread in threads:
            thread.join(timeout=60)

    def record(self, kind, status, seconds):
        with self.lock:
            self.samples.append((time.monotonic() - self.started, self.phase, kind, status, seconds))

    def client(self, index: int):
        rng = random.Random(self.seed + index)
        writer = self.setup["writers"][index % len(self.setup["writers"])]
        readers = self.setup["readers"] or self.setup["writers"]
        reader = readers[index % len(readers)]
        api = requests.Session()
        api.headers["Authorization"] = f"Token {writer['token']}"
        read_api = requests.Session()
        read_api.headers["Authorization"] = f"Token {reader['token']}"
        pages = self.login(reader["username"])
        n = 0
        while not self.stopping.is_set():
            n += 1
            if rng.random() < self.write_ratio:
                if rng.random() < 0.7:
                    app = rng.choice(writer["apps"])
                    self.call("write:patch-app", api.patch, f"/api/ledger/apps/{app}/",
                              json={"vendor": f"外包商-{index}-{n}"})  # fmt: skip
                else:
                    self.call("write:create-department", api.post, "/api/departments/",
                              json={"code": f"L{index}-{n}-{rng.randrange(10**6)}", "name": f"压测部门{index}-{n}"})  # fmt: skip
            else:
                choice = rng.random()
                if choice < 0.3:
                    self.call("read:api-list", read_api.get, "/api/ledger/apps/?limit=50")
                elif choice < 0.5:
                    self.call(
                        "read:api-detail", read_api.get, f"/api/ledger/apps/{rng.choice(reader['apps'])}/"
                    )
                elif choice < 0.6:
                    self.call("read:api-departments", read_api.get, "/api/departments/?limit=50")
                elif pages is None:
                    self.call("read:api-list", read_api.get, "/api/ledger/apps/?limit=50")
                elif choice < 0.8:
                    self.call("read:page-app-list", pages.get, "/ledger/apps/")
                elif choice < 0.9:
                    self.call("read:page-dashboard", pages.get, "/")
                else:
                    self.call(
                        "read:page-app-detail", pages.get, f"/ledger/apps/{rng.choice(reader['apps'])}/"
                    )

    def login(self, username):
        session = requests.Session()
        try:
            session.get(f"{self.base}/login/", timeout=30)
            response = session.post(
                f"{self.base}/login/",
                data={"username": username, "password": DEMO_PASSWORD,
                      "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")},
                headers={"Referer": f"{self.base}/login/"}, timeout=30, allow_redirects=False,
            )  # fmt: skip
        except requests.RequestException:
            return None
        return session if response.status_code == 302 else None

    def call(self, kind, method, path, **kwargs):
        started = time.monotonic()
        try:
            status = method(f"{self.base}{path}", timeout=60, allow_redirects=False, **kwargs).status_code
        except requests.RequestException:
            status = 0  # connection refused, reset or timed out
        self.record(kind, status, time.monotonic() - started)

    def summary(self, phase=None, since=None, until=None) -> dict:
        rows = [
            s for s in self.samples
            if (phase is None or s[1] == phase) and (since is None or s[0] >= since) and (until is None or s[0] < until)
        ]  # fmt: skip
        return summarise(rows)


def percentile(values, q):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))] * 1000, 1)


def summarise(rows) -> dict:
    by_kind = defaultdict(list)
    for _t, _phase, kind, status, seconds in rows:
        by_kind[kind].append((status, seconds))
    span = (max(r[0] for r in rows) - min(r[0] for r in rows)) if len(rows) > 1 else 0

    def block(items):
        latencies = [s for _st, s in items]
        statuses = Counter(st for st, _s in items)
        return {
            "requests": len(items),
            "p50_ms": percentile(latencies, 0.50),
            "p95_ms": percentile(latencies, 0.95),
            "p99_ms": percentile(latencies, 0.99),
            "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
            "errors_5xx_or_connection": sum(n for st, n in statuses.items() if st == 0 or st >= 500),
            "client_errors_4xx": sum(n for st, n in statuses.items() if 400 <= st < 500),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
        }

    everything = [item for items in by_kind.values() for item in items]
    writes = [item for kind, items in by_kind.items() if kind.startswith("write") for item in items]
    reads = [item for kind, items in by_kind.items() if kind.startswith("read") for item in items]
    return {
        "all": {
            **block(everything),
            "requests_per_second": round(len(everything) / span, 1) if span else None,
        },
        "reads": block(reads),
        "writes": block(writes),
        "by_kind": {kind: block(items) for kind, items in sorted(by_kind.items())},
    }


# ---------- faults ----------


class HealthWatch(threading.Thread):
    def __init__(self, base, load: Load):
        super().__init__(daemon=True)
        self.base, self.load, self.timeline = base, load, []

    def run(self):
        while not self.load.stopping.is_set():
            t = round(time.monotonic() - self.load.started, 1)
            try:
                response = requests.get(f"{self.base}/healthz", timeout=10)
                failing = [name for name, c in response.json()["checks"].items() if not c["ok"]]
                self.timeline.append(
                    {"t": t, "phase": self.load.phase, "status": response.status_code, "failing": failing}
                )
            except (requests.RequestException, ValueError) as exc:
                self.timeline.append(
                    {"t": t, "phase": self.load.phase, "status": 0, "error": type(exc).__name__}
                )
            self.load.stopping.wait(2)


def task_row(env, task_id):
    if env.get("DATABASE_URL"):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)) as con:
            row = con.execute(
                f"SELECT status, worker_ids FROM {TASK_TABLE} WHERE id = %s", [task_id]
            ).fetchone()
        return (row[0], row[1]) if row else None
    con = sqlite3.connect(Path(env["APPGOV_VAR_DIR"]) / "appgov.sqlite3", timeout=30)
    try:
        row = con.execute(
            f"SELECT status, worker_ids FROM {TASK_TABLE} WHERE replace(id, '-', '') = ?",
            [task_id.replace("-", "")],
        ).fetchone()
    finally:
        con.close()
    return (row[0], json.loads(row[1])) if row else None


def kill_worker_mid_task(env, service: Service, report: dict):
    out = appgov(env, "shell", "-c",
                 "from appgov.core.jobs import run_daily_job; "
                 "print('TASK', run_daily_job.enqueue('compliance.evaluate_all').id)")  # fmt: skip
    task_id = out.split("TASK", 1)[1].strip()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (row := task_row(env, task_id)) and row[0] == "READY":
        time.sleep(0.1)
    worker = service.child("worker", "default")
    state_at_kill = task_row(env, task_id)
    worker.kill()
    killed_at = time.monotonic()
    restarted = None
    while time.monotonic() - killed_at < 60:
        new = service.child("worker", "default")
        if new and new.pid != worker.pid:
            restarted = round(time.monotonic() - killed_at, 1)
            break
        time.sleep(0.2)
    report["kill_task_worker"] = {
        "task": "compliance.evaluate_all",
        "task_state_when_killed": state_at_kill[0] if state_at_kill else None,
        "worker_restarted_after_seconds": restarted,
        "web_and_scheduler_kept_running": bool(service.child("gunicorn") and service.child("scheduler")),
        "_task_id": task_id,
        "_killed_at": killed_at,
    }


def fill_disk(var_dir: Path) -> Path:
    filler = var_dir / "filler.bin"
    block = b"\0" * (1 << 20)
    with open(filler, "wb") as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(block)
                handle.flush()
    return filler


def run_faults(args, env, setup, var_dir: Path, mounted: bool) -> dict:
    service = Service(env, args.web_workers)
    report: dict = {"var_dir_is_small_tmpfs": mounted}
    load = Load(service.base, setup, args.clients, args.write_ratio)
    watch = HealthWatch(service.base, load)
    step = args.duration / 6
    marks = {"steady": 0.0}
    try:
        runner = threading.Thread(target=load.run, args=(args.duration,), daemon=True)
        runner.start()
        watch.start()
        time.sleep(step)

        load.phase, marks["worker_killed"] = "worker_killed", time.monotonic() - load.started
        kill_worker_mid_task(env, service, report)
        time.sleep(step)

        load.phase, marks["web_worker_killed"] = "web_worker_killed", time.monotonic() - load.started
        victims = service.gunicorn_workers()
        victim = victims[0] if victims else None
        if victim:
            victim.kill()
        time.sleep(3)
        report["kill_web_worker"] = {
            "killed_pid": victim.pid if victim else None,
            "web_workers_after_3s": len(service.gunicorn_workers()),
            "gunicorn_master_pid_unchanged": bool(service.child("gunicorn")),
        }
        time.sleep(max(0.0, step - 3))

        if mounted:
            load.phase, marks["disk_full"] = "disk_full", time.monotonic() - load.started
            filler = fill_disk(var_dir)
            report["disk_full"] = {"free_bytes_after_fill": shutil.disk_usage(var_dir).free}
            time.sleep(step)
            filler.unlink()
            load.phase, marks["disk_freed"] = "disk_freed", time.monotonic() - load.started
        else:
            report["disk_full"] = {
                "skipped": "no small filesystem could be mounted for the var dir (needs root)"
            }
        runner.join(timeout=args.duration + 120)
        watch.join(timeout=30)

        kill = report["kill_task_worker"]
        final = task_row(env, kill.pop("_task_id"))
        kill.pop("_killed_at")
        kill["task_final_state"] = final[0] if final else None
        kill["task_attempts_by_worker"] = final[1] if final else None
        report["service_still_running"] = service.process.poll() is None
        report["healthz_after"] = requests.get(f"{service.base}/healthz", timeout=10).json()
    finally:
        output = service.output()
        service.stop()
    report["phases_start_seconds"] = {k: round(v, 1) for k, v in marks.items()}
    report["by_phase"] = {phase: load.summary(phase) for phase in marks}
    report["healthz_timeline"] = watch.timeline
    report["supervisor_lines"] = [
        line for line in output.splitlines() if "restarting" in line or "exited" in line
    ]
    report["lease_lines"] = [line for line in output.splitlines() if "of dead worker" in line]
    return report


@contextlib.contextmanager
def small_filesystem(size_mb: int):
    """A tmpfs of size_mb for the var dir, so filling it is harmless; (path, mounted) or a plain temp dir."""
    path = Path(tempfile.mkdtemp(prefix="appgov-load-var-"))
    mounted = False
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(path)],
                                 capture_output=True).returncode == 0  # fmt: skip
    try:
        yield path, mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)
        shutil.rmtree(path, ignore_errors=True)


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        model = next(
            (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line), ""
        )
    return {
        "cpus": os.cpu_count(),
        "processor": model,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "note": "shared VM: other engineers' jobs ran at the same time",
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=600, help="seconds of load (default 600)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--write-ratio", type=float, default=0.3)
    parser.add_argument("--web-workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--faults", action="store_true", help="the fault run instead of the soak")
    parser.add_argument("--var-size-mb", type=int, default=400, help="size of the var dir tmpfs (fault run)")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL")
    db = "postgresql" if database_url else "sqlite"
    extra = {}
    if args.faults:  # quick heartbeats and lease; the small var dir counts as healthy until it is filled
        extra = {"APPGOV_HEARTBEAT_SECONDS": "2", "APPGOV_TASK_LEASE_SECONDS": "15",
                 "APPGOV_HEALTH_MIN_FREE_BYTES": str(64 * 1024 * 1024)}  # fmt: skip
    started_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    with (
        small_filesystem(args.var_size_mb)
        if args.faults
        else contextlib.nullcontext((Path(tempfile.mkdtemp(prefix="appgov-load-var-")), False)) as (
            var_dir,
            mounted,
        )
    ):
        env, setup = install(var_dir, database_url, extra)
        result = {
            "benchmark": "load-faults" if args.faults else "load-soak",
            "database": db,
            "started_at": started_at,
            "machine": machine(),
            "config": {
                "duration_seconds": args.duration,
                "clients": args.clients,
                "write_ratio": args.write_ratio,
                "web_workers": args.web_workers,
                "think_time": 0,
                **extra,
            },  # fmt: skip
            "install_seconds": setup["install_seconds"],
        }
        if args.faults:
            result["faults"] = run_faults(args, env, setup, var_dir, mounted)
        else:
            service = Service(env, args.web_workers)
            try:
                load = Load(service.base, setup, args.clients, args.write_ratio)
                load.run(args.duration)
                result["soak"] = load.summary()
                result["service_still_running"] = service.process.poll() is None
            finally:
                service.stop()
        if not mounted:
            shutil.rmtree(var_dir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"load-{db}-{'faults' if args.faults else 'soak'}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: v for k, v in result.items() if k in ("soak", "database")}, indent=1, ensure_ascii=False
        )[:3000]
    )
    print(f"written to {out}")


if __name__ == "__main__":
    main()
