"""Benchmark `appgov scan` on WeChat mini-program packages of 0.5, 2 and 20 MB.

The packages are generated here (never committed): a main package and sub-packages whose pages are
JavaScript modules with privacy-interface calls, network calls, URLs and a few secrets, plus binary
assets (images), packed in the public .wxapkg format by the test helper
tests/engines/apkscan/miniprogram/mp_builder.py. Each size is scanned as a folder of plain packages
and as the same folder with every package in the Windows client's encrypted form (--appid). Every
scan runs in its own subprocess; wall time is measured around the subprocess and peak memory is the
child's VmHWM. One warm-up, then the median of --repeat runs.

    .venv/bin/python bench/apkscan/miniprogram.py [--repeat 3]

Writes bench/results/miniprogram-bench.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests/engines/apkscan/miniprogram"))

from mp_builder import DEFINE_HEAD, encrypt_pc_copy, pack  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "miniprogram-bench.json"
SIZES_MB = (0.5, 2, 20)
APPID = "wx0123456789abcdef"
APIS = ["getLocation", "chooseImage", "getClipboardData", "request", "uploadFile", "showToast", "navigateTo"]
CHILD = (
    "import sys\n"
    "from appgov.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
    "sys.stderr.write('VmHWM ' + hwm + '\\n')\n"
    "sys.exit(rc)\n"
)


def _module(rng: random.Random, page: str, size: int) -> str:
    parts = [f"// {page}\nPage({{\n  data: {{ items: [] }},\n"]
    n = 0
    while sum(len(p) for p in parts) < size:
        api = rng.choice(APIS)
        host = f"api{rng.randrange(40)}.bank{rng.randrange(5)}.example.cn"
        parts.append(
            f"  handler{n}(e) {{\n"
            f"    const v{n} = e.detail.value * {rng.randrange(1000)} + '{rng.getrandbits(64):x}';\n"
            f"    wx.{api}({{ url: 'https://{host}/v{rng.randrange(3)}/r{n}', data: {{ k: v{n} }},"
            f" success: (r) => this.setData({{ ['items[{n}]']: r.data }}) }});\n"
            f"  }},\n"
        )
        n += 1
    parts.append("});\n")
    return DEFINE_HEAD.format(path=f"{page}.js") + "".join(parts) + "\n});\n"


def generate(total_bytes: int, seed: int = 7) -> dict[str, bytes]:
    """Main package plus sub-packages (each under WeChat's 2 MB per-package limit when possible), 70% code."""
    rng = random.Random(seed)
    n_packages = max(1, round(total_bytes / (2 * 1024**2)))
    per_package = total_bytes // n_packages
    roots = [None] + [f"sub{i}" for i in range(1, n_packages)]
    out = {}
    for root in roots:
        prefix = f"{root}/" if root else ""
        code_budget, asset_budget = int(per_package * 0.7), int(per_package * 0.3)
        modules, pages, i = [], [], 0
        while sum(len(m) for m in modules) < code_budget:
            page = f"{prefix}pages/p{i}/p{i}"
            pages.append(page)
            modules.append(_module(rng, page, 24 * 1024))
            i += 1
        files: dict[str, bytes] = {}
        if root is None:
            config = {
                "pages": pages,
                "subPackages": [
                    {"root": r, "pages": [f"pages/p{j}/p{j}" for j in range(4)]} for r in roots[1:]
                ],
                "requiredPrivateInfos": ["getLocation"],
                "permission": {"scope.userLocation": {"desc": "网点查询"}},
                "config": {"appSecret": "3f2a9c81d47be6650a1c2d3e4f5a6b7c"},
            }
            files["app-config.json"] = json.dumps(config).encode()
        files[f"{prefix}app-service.js"] = "".join(modules).encode()
        a = 0
        while asset_budget > 0:
            chunk = min(asset_budget, 64 * 1024)
            files[f"{prefix}images/i{a}.png"] = b"\x89PNG\r\n\x1a\n" + rng.randbytes(chunk)
            asset_budget -= chunk
            a += 1
        out["__APP__.wxapkg" if root is None else f"_{root}_.wxapkg"] = pack(files)
    return out


def measure(target: Path, extra: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, "scan", str(target), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"scan of {target} failed: {proc.stderr.strip()}")
    hwm = int(proc.stderr.rsplit("VmHWM ", 1)[1].split()[0])
    report = json.loads(proc.stdout)
    return {
        "wall_s": wall,
        "peak_rss_mb": hwm / 1024,
        "engine_ms": report["elapsed_ms"],
        "findings": len(report["findings"]),
        "urls": len(report["urls"]),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="mp-bench-") as tmp:
        for mb in SIZES_MB:
            packages = generate(int(mb * 1024**2))
            folder = Path(tmp) / f"{mb}MB"
            folder.mkdir()
            for name, data in packages.items():
                (folder / name).write_bytes(data)
            enc = Path(tmp) / f"{mb}MB-encrypted"
            enc.mkdir()
            for name, data in packages.items():
                (enc / name).write_bytes(encrypt_pc_copy(data, APPID))
            cases = [
                ("folder (main + sub-packages)", folder, []),
                ("same, every package V1MMWX-encrypted", enc, ["--appid", APPID]),
            ]
            for label, target, extra in cases:
                measure(target, extra)  # warm-up (bytecode, page cache)
                runs = [measure(target, extra) for _ in range(args.repeat)]
                size = sum(p.stat().st_size for p in ([target] if target.is_file() else target.iterdir()))
                row = {
                    "size_mb_target": mb,
                    "input": label,
                    "bytes": size,
                    "packages": len(packages) if target.is_dir() else 1,
                    "wall_s_median": round(statistics.median(r["wall_s"] for r in runs), 3),
                    "engine_ms_median": int(statistics.median(r["engine_ms"] for r in runs)),
                    "peak_rss_mb_max": round(max(r["peak_rss_mb"] for r in runs), 1),
                    "urls": runs[0]["urls"],
                    "findings": runs[0]["findings"],
                }
                rows.append(row)
                print(
                    f"{mb:>5} MB  {label:<30} {size:>10} B  wall {row['wall_s_median']:.2f}s  "
                    f"engine {row['engine_ms_median']} ms  peak {row['peak_rss_mb_max']} MB"
                )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "appgov scan on WeChat mini-program packages",
                "date": time.strftime("%Y-%m-%d"),
                "machine": f"{platform.machine()}, {os.cpu_count()} CPU(s), shared with other engineers' jobs; "
                f"Python {platform.python_version()}",
                "method": "each scan in its own subprocess (JSON output); wall time around the subprocess, peak memory "
                f"= the child's VmHWM; one warm-up, median of {args.repeat} runs (peak: max). Wall time includes "
                "interpreter start-up and imports; engine_ms is the report's own elapsed_ms.",
                "load_average_1_5_15_before": [round(x, 2) for x in load_before],
                "load_average_1_5_15_after": [round(x, 2) for x in os.getloadavg()],
                "results": rows,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
