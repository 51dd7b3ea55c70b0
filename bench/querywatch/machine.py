"""Describe the machine a benchmark ran on (quoted in every results JSON)."""

from __future__ import annotations

import os
import platform
import subprocess


def machine() -> dict:
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout.splitlines()[
            :10
        ]
    except OSError:
        lscpu = []
    memory_kb = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            memory_kb = int(handle.readline().split()[1])
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "lscpu": [line.strip() for line in lscpu],
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "loadavg_at_start": os.getloadavg(),
    }
