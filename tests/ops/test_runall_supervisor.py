"""Issue 12 item 4: `appgov runall` keeps the service up when one part dies. The killed task worker is
restarted while the web server and the scheduler keep running (same pids); /healthz reports every part."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_named(runall, *words):
    for process in psutil.Process(runall.pid).children():
        try:
            cmdline = process.cmdline()
        except psutil.NoSuchProcess:
            continue
        if all(word in cmdline for word in words):
            return process
    return None


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def healthz(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
    except OSError:
        return None, None


def test_a_killed_worker_is_restarted_and_the_rest_keeps_running(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # its own SQLite, never the suite's DB
    env.update(APPGOV_VAR_DIR=str(tmp_path), APPGOV_DEMO="1", APPGOV_HEARTBEAT_SECONDS="1")
    appgov = [sys.executable, "-m", "appgov.cli"]
    subprocess.run([*appgov, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    port = free_port()
    runall = subprocess.Popen(
        [*appgov, "runall", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env=env, stderr=subprocess.PIPE
    )
    try:
        status, body = wait_for(lambda: healthz(port)[0] == 200 and healthz(port), 120, "a healthy service")
        assert set(body["checks"]) == {"database", "worker:default", "worker:long", "scheduler", "disk"}
        web = child_named(runall, "gunicorn")
        scheduler = child_named(runall, "scheduler")
        worker = child_named(runall, "worker", "default")
        assert web and scheduler and worker and child_named(runall, "worker", "long")

        worker.kill()  # SIGKILL: no chance to clean up
        restarted = wait_for(
            lambda: (w := child_named(runall, "worker", "default")) and w.pid != worker.pid and w,
            60,
            "a new worker",
        )
        assert restarted.is_running()
        assert (
            child_named(runall, "gunicorn").pid == web.pid
            and child_named(runall, "scheduler").pid == scheduler.pid
        )
        assert runall.poll() is None
        wait_for(lambda: healthz(port)[0] == 200, 60, "healthy again")

        scheduler.kill()
        wait_for(
            lambda: (s := child_named(runall, "scheduler")) and s.pid != scheduler.pid, 60, "a new scheduler"
        )
        assert child_named(runall, "gunicorn").pid == web.pid
    finally:
        children = psutil.Process(runall.pid).children(recursive=True) if runall.poll() is None else []
        runall.send_signal(signal.SIGTERM)
        try:
            runall.wait(timeout=30)
        except subprocess.TimeoutExpired:
            runall.kill()
        _gone, alive = psutil.wait_procs(children, timeout=30)
        for process in alive:
            process.kill()
    stderr = runall.stderr.read().decode()
    assert "worker:default (pid" in stderr and "restarting in 1 s, the others keep running" in stderr
    assert alive == []
