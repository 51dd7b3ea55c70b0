"""`appgov runall` starts web, worker and scheduler, and stopping it (SIGTERM, as kill or systemd do)
stops all three instead of leaving them orphaned."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sigterm_stops_every_child(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # its own SQLite, never the suite's DB
    env["APPGOV_VAR_DIR"] = str(tmp_path)
    appgov = [sys.executable, "-m", "appgov.cli"]
    subprocess.run([*appgov, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    port = free_port()
    runall = subprocess.Popen([*appgov, "runall", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env=env)
    children = []
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as response:
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the web server never answered")
        children = psutil.Process(runall.pid).children(recursive=True)
        assert len(children) >= 4  # gunicorn master + worker, db_worker, scheduler
        runall.send_signal(signal.SIGTERM)
        runall.wait(timeout=30)
        gone, alive = psutil.wait_procs(children, timeout=30)
        assert alive == [], [p.cmdline() for p in alive]
    finally:  # never leave processes behind, whatever failed
        for process in [*children, runall]:
            try:
                process.kill()
            except (psutil.NoSuchProcess, ProcessLookupError):
                pass
