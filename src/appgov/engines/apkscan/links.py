"""--check-links: probe http(s) URLs found in the package, bounded in count and wall time."""

from __future__ import annotations

import concurrent.futures as cf
import time
import urllib.error
import urllib.request

USER_AGENT = "AppGov-LinkCheck/1.0"


def _probe(url: str, timeout: float) -> tuple[str, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(
            url, method=method, headers={"User-Agent": USER_AGENT, "Range": "bytes=0-0"}
        )
        try:
            with opener.open(req, timeout=timeout) as resp:
                return "alive", f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            if exc.code == 405 and method == "HEAD":
                continue
            if exc.code in (404, 410) or exc.code >= 500:
                return "dead", f"HTTP {exc.code}"
            return "alive", f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return "dead", f"{type(reason).__name__}: {reason}"
    return "dead", "no response"


def check_links(urls: list[dict], options) -> None:
    """Annotates each URL dict with link_status (alive | dead | unchecked) and link_detail, in place."""
    candidates = [u for u in urls if u["scheme"] in ("http", "https")]
    for u in urls:
        u["link_status"], u["link_detail"] = "unchecked", "not an http(s) URL"
    todo = candidates[: options.max_links]
    for u in candidates[options.max_links :]:
        u["link_detail"] = f"over the {options.max_links} link limit"
    deadline = time.monotonic() + options.links_total_timeout
    pool = cf.ThreadPoolExecutor(max_workers=max(1, options.link_workers))
    try:
        futures = {pool.submit(_probe, u["url"], options.link_timeout): u for u in todo}
        remaining = max(0.0, deadline - time.monotonic())
        done, _pending = cf.wait(futures, timeout=remaining)
        for fut, u in futures.items():
            if fut in done and fut.exception() is None:
                u["link_status"], u["link_detail"] = fut.result()
            elif fut in done:
                u["link_status"], u["link_detail"] = "dead", str(fut.exception())
            else:
                u["link_detail"] = f"time budget of {options.links_total_timeout}s exhausted"
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
