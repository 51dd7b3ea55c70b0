"""Listing sources and the source-specific fields: URL, first-seen date, which identifiers a source shows."""

from __future__ import annotations

import datetime

import seeding

ANDROID = [
    "xiaomi-getapps",
    "oppo-software-store",
    "vivo-app-store",
    "tencent-myapp",
    "baidu-mobile-assistant",
    "360-mobile-assistant",
    "wandoujia",
    "honor-app-market",
    "google-play",
]
APPLE = "apple-appstore"
HARMONY = "harmonyos-appgallery"
DOWNLOAD = "download-site"
WXMP = "wechat-miniprogram"
ALIMP = "alipay-miniprogram"
WXOA = "wechat-official-account"
PLATFORM = {"wxmp": WXMP, "alipaymp": ALIMP, "wxoa": WXOA}
SITES = ["xiazaiba", "pc6", "downza", "ddooo", "mydown", "apkpure-cn", "liqucn", "anzhi"]


def app_source(r, weights=(0.62, 0.12, 0.1, 0.16)) -> str:
    """An app store, weighted android / apple / harmony / download site."""
    x = r.random()
    a, b, c, _ = weights
    if x < a:
        return r.choice(ANDROID)
    if x < a + b:
        return APPLE
    if x < a + b + c:
        return HARMONY
    return DOWNLOAD


def url_for(source: str, pkg: str | None, stream: str) -> str | None:
    r = seeding.rng("url/" + stream)
    if source == "xiaomi-getapps" and pkg:
        return f"https://app.mi.com/details?id={pkg}"
    if source == "tencent-myapp" and pkg:
        return f"https://sj.qq.com/appdetail/{pkg}"
    if source == "google-play" and pkg:
        return f"https://play.google.com/store/apps/details?id={pkg}"
    if source == APPLE:
        return f"https://apps.apple.com/cn/app/id{r.randrange(10**9, 2 * 10**9)}"
    if source == HARMONY:
        return f"https://appgallery.huawei.com/app/C{r.randrange(10**8, 10**9)}"
    if source == DOWNLOAD:
        return f"https://www.{r.choice(SITES)}.com/soft/{r.randrange(10**5, 10**6)}.html"
    if source in (WXMP, ALIMP, WXOA):
        return None
    return f"https://{source}.example.cn/app/{r.randrange(10**6, 10**7)}" if r.random() < 0.5 else None


def dates(stream: str) -> tuple[str, str | None]:
    r = seeding.rng("date/" + stream)
    d0 = datetime.date(2024, 1, 1) + datetime.timedelta(days=r.randrange(0, 700))
    changed = None
    if r.random() < 0.2:
        changed = (d0 + datetime.timedelta(days=r.randrange(1, 120))).isoformat()
    if r.random() < 0.3:
        return f"{d0.isoformat()}T{r.randrange(24):02d}:{r.randrange(60):02d}:00+08:00", changed
    return d0.isoformat(), changed
