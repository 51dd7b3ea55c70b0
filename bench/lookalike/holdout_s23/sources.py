"""Listing sources (stores, platforms, download sites) and the fields that depend on them."""

from __future__ import annotations

import datetime as dt

from ids import (
    alipay_appid,
    cert_style,
    cert_text,
    digits,
    gh_id,
    new_cert,
    random_package,
    wechat_appid,
    word,
)

ANDROID = ["huawei-appgallery", "xiaomi-getapps", "oppo-store", "vivo-store", "tencent-myapp", "baidu-mobile",
           "360-mobile", "wandoujia"]
IOS = "apple-appstore"
HARMONY = "harmonyos-appgallery"
DOWNLOAD = "download-site"
WXMP = "wechat-miniprogram"
ALIMP = "alipay-miniprogram"
WXOA = "wechat-official-account"
ALL = ANDROID + [IOS, HARMONY, DOWNLOAD, WXMP, ALIMP, WXOA]
DOWNLOAD_HOSTS = ["www.xiazaiba-soft.com", "apk.downcc-mirror.net", "www.pc6-apps.cn", "soft.onlinedown-cdn.com",
                  "m.anzhuo-zhijia.com", "www.3h3-apk.com", "dl.ruanjian-ku.cn", "www.mumayi-apk.net"]


def kind_of(source: str) -> str:
    if source in ANDROID:
        return "android"
    return {IOS: "ios", HARMONY: "harmony", DOWNLOAD: "download", WXMP: "mp", ALIMP: "mp", WXOA: "oa"}[source]


def carries_cert(source: str) -> bool:
    return kind_of(source) in ("android", "harmony", "download")


def pick(rng, weights: dict[str, float]) -> str:
    """A source by kind weights: android, ios, harmony, download, wxmp, alimp, wxoa."""
    kinds = list(weights)
    kind = rng.choices(kinds, weights=[weights[k] for k in kinds])[0]
    return {"android": None, "ios": IOS, "harmony": HARMONY, "download": DOWNLOAD, "wxmp": WXMP, "alimp": ALIMP,
            "wxoa": WXOA}[kind] or rng.choice(ANDROID)


def foreign_package(rng, source: str) -> str:
    if source == WXMP:
        return wechat_appid(rng)
    if source == ALIMP:
        return alipay_appid(rng)
    if source == WXOA:
        return gh_id(rng)
    pkg = random_package(rng)
    return pkg + ".hm" if source == HARMONY and rng.random() < 0.4 else pkg


def foreign_cert(rng, source: str) -> str | None:
    return cert_text(new_cert(rng), cert_style(rng)) if carries_cert(source) else None


def url(rng, source: str, package: str | None) -> str | None:
    if rng.random() < 0.12:
        return None
    k = kind_of(source)
    if source == "huawei-appgallery" or source == HARMONY:
        return f"https://appgallery.huawei.com/app/C{digits(rng, 9)}"
    if source == "xiaomi-getapps":
        return f"https://app.mi.com/details?id={package}"
    if source == "tencent-myapp":
        return f"https://sj.qq.com/appdetail/{package}"
    if k == "android":
        return f"https://{source.split('-')[0]}.example-store.cn/app/{package}"
    if k == "ios":
        return f"https://apps.apple.com/cn/app/id{digits(rng, 10)}"
    if k == "download":
        host = rng.choice(DOWNLOAD_HOSTS)
        return f"https://{host}/soft/{digits(rng, 6)}.html" if rng.random() < 0.6 else \
            f"http://{host}/apk/{word(rng)}_{digits(rng, 4)}.apk"
    if source == WXMP:
        return f"#小程序://{word(rng)}/{digits(rng, 8)}"
    if source == ALIMP:
        return f"alipays://platformapi/startapp?appId={package}"
    return f"https://mp.weixin.qq.com/mp/profile_ext?__biz={word(rng)}{digits(rng, 6)}"


def dates(rng) -> tuple[str, str | None]:
    start = dt.date(2023, 1, 1)
    first = start + dt.timedelta(days=rng.randint(0, 900))
    if rng.random() < 0.5:
        first_s = first.isoformat()
    else:
        first_s = f"{first.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+08:00"
    if rng.random() < 0.2:
        return first_s, (first + dt.timedelta(days=rng.randint(3, 200))).isoformat()
    return first_s, None


def listing(rng, source: str, name: str, package: str | None, developer: str | None, cert: str | None) -> dict:
    first, changed = dates(rng)
    return {"source": source, "name": name, "package_id": package, "developer": developer, "cert_sha256": cert,
            "url": url(rng, source, package), "first_seen": first, "changed_at": changed}
