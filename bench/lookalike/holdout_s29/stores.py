"""Listing metadata: where a listing was seen (store, mini-program platform, website ...), its URL and
dates, and the random identifiers (certificate digests, mini-program AppIDs, official-account ids)."""

from __future__ import annotations

import datetime as dt

ANDROID_STORES = ["huawei_appgallery", "xiaomi_getapps", "oppo_software_store", "vivo_app_store",
                  "tencent_myapp", "honor_app_market", "baidu_mobile_assistant", "360_mobile_assistant"]
THIRD_PARTY = ["apkpure", "wandoujia", "apkcombo", "download_site", "web_page", "sms_link", "qq_group_file",
               "telegram_channel"]
IOS = "apple_app_store_cn"
HARMONY = "huawei_appgallery_harmonyos"
MINI = ["wechat_mini_program", "alipay_mini_program", "baidu_smart_program"]
OFFICIAL_ACCOUNT = "wechat_official_account"
TLDS = ["com", "cn", "top", "xyz", "vip", "net", "cc", "site"]
SLUG_WORDS = ["apk", "down", "soft", "app", "kuai", "xia", "zai", "fast", "get", "mobile", "hao", "le"]


def hex_digits(rng, n: int) -> str:
    return "".join(f"{int(b):02x}" for b in rng.integers(0, 256, (n + 1) // 2))[:n]


def cert(rng) -> str:
    return hex_digits(rng, 64)


def cert_format(hex64: str, style: str) -> str:
    if style == "colon_upper":
        h = hex64.upper()
        return ":".join(h[i:i + 2] for i in range(0, 64, 2))
    if style == "colon_lower":
        return ":".join(hex64[i:i + 2] for i in range(0, 64, 2))
    if style == "upper":
        return hex64.upper()
    return hex64


def norm_cert(s: str | None) -> str | None:
    if not s:
        return None
    return s.strip().replace(":", "").lower()


def wx_appid(rng) -> str:
    return "wx" + hex_digits(rng, 16)


def alipay_appid(rng) -> str:
    return "2021" + "".join(str(int(d)) for d in rng.integers(0, 10, 12))


def gh_id(rng) -> str:
    return "gh_" + hex_digits(rng, 12)


def mini_id(source: str, rng) -> str:
    if source == "alipay_mini_program":
        return alipay_appid(rng)
    if source == "baidu_smart_program":
        return "bd" + hex_digits(rng, 14)
    return wx_appid(rng)


def url(source: str, package: str | None, rr, rng) -> str | None:
    digits = "".join(str(int(d)) for d in rng.integers(0, 10, 10))
    if source == "huawei_appgallery" or source == HARMONY:
        return f"https://appgallery.huawei.com/app/C{digits[:9]}"
    if source == "xiaomi_getapps" and package:
        return f"https://app.mi.com/details?id={package}"
    if source == "tencent_myapp" and package:
        return f"https://sj.qq.com/appdetail/{package}"
    if source == IOS:
        return f"https://apps.apple.com/cn/app/id{digits}"
    if source in ("apkpure", "apkcombo") and package:
        return f"https://{source}.com/{package.split('.')[-1]}/{package}"
    if source == "wandoujia":
        return f"https://www.wandoujia.com/apps/{digits[:7]}"
    if source in ("download_site", "web_page"):
        host = rr.choice(SLUG_WORDS) + rr.choice(SLUG_WORDS) + digits[:rr.randint(0, 3)]
        return f"http://{host}.{rr.choice(TLDS)}/download/{(package or 'app').replace('.', '_')}.apk"
    if source == "sms_link":
        return f"https://{rr.choice(SLUG_WORDS)}-{digits[:4]}.{rr.choice(TLDS)}/d/{hex_digits(rng, 6)}"
    if source in MINI:
        return None if rr.random() < 0.5 else f"#小程序://{hex_digits(rng, 8)}"
    return None


def dates(rr) -> tuple[str, str | None]:
    start = dt.date(2023, 6, 1) + dt.timedelta(days=rr.randint(0, 700))
    first = start.isoformat() if rr.random() < 0.6 else f"{start.isoformat()}T{rr.randint(0, 23):02d}:" \
        f"{rr.randint(0, 59):02d}:{rr.randint(0, 59):02d}+08:00"
    changed = None
    if rr.random() < 0.25:
        changed = (start + dt.timedelta(days=rr.randint(1, 120))).isoformat()
    return first, changed
